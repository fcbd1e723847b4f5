"""The progress store: learner profiles and everything they did, in SQLAlchemy. No Qt."""
