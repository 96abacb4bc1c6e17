"""The one error type every stage may raise (kept apart so the command line can catch it without importing more)."""


class UsageError(Exception):
    """Bad input or configuration: reported as one line, exit status 2."""
