"""Session files on disk: TOML format, atomic saves, listing, locking."""
