"""Helpers for scripts/bench.py: a local link farm, a corpus generator, timers and the report."""
