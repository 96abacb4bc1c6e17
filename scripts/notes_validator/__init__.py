"""Link and quote validator for MkDocs sites: collect → check (offline, online) → report."""
