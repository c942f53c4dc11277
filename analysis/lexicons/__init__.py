"""The lexicons catalogue: which files are the defaults, loaded and validated in one place."""
