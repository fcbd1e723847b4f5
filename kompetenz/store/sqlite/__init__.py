"""Everything that only works with SQLite: `backend.SQLiteBackend` is the store's way in."""
