"""The schema revision this Kompetenz writes; a module of its own so that start-up can compare
it with the database's before SQLAlchemy or Alembic is imported."""

from __future__ import annotations

# The newest migration in migrations/versions; a test checks it against Alembic's head.
HEAD_REVISION = "0006_school"
