"""Alembic migrations of the progress store; run by `kompetenz.store.database`, not by hand."""
