"""Initial schema: profiles, lesson progress, quiz attempts and answers, notes, certificates.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Hand-written. Constraint names follow base.NAMING_CONVENTION so that later batch
migrations can refer to them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _profile_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["profile_id"],
        ["profiles.id"],
        name=f"fk_{table}_profile_id_profiles",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("name_key", sa.String(360), nullable=False),
        sa.Column("school", sa.String(200), nullable=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("preferences", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_profiles"),
        sa.UniqueConstraint("name_key", name="uq_profiles_name_key"),
        sa.CheckConstraint(
            "role IN ('teacher', 'leadership', 'administration', 'other')",
            name="ck_profiles_role",
        ),
    )
    op.create_table(
        "lesson_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.String(200), nullable=False),
        sa.Column("lesson_file", sa.String(300), nullable=False),
        sa.Column("first_opened_at", sa.DateTime(), nullable=True),
        sa.Column("last_opened_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("seconds_spent", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lesson_progress"),
        _profile_fk("lesson_progress"),
        sa.UniqueConstraint(
            "profile_id",
            "module_id",
            "lesson_file",
            name="uq_lesson_progress_profile_id_module_id_lesson_file",
        ),
    )
    op.create_index(
        "ix_lesson_progress_last_opened", "lesson_progress", ["profile_id", "last_opened_at"]
    )
    op.create_table(
        "quiz_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.String(200), nullable=False),
        sa.Column("module_version", sa.String(100), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("score_percent", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quiz_attempts"),
        _profile_fk("quiz_attempts"),
    )
    op.create_index(
        "ix_quiz_attempts_profile_module",
        "quiz_attempts",
        ["profile_id", "module_id", "started_at"],
    )
    op.create_index(
        "ix_quiz_attempts_profile_started", "quiz_attempts", ["profile_id", "started_at"]
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_key", sa.String(200), nullable=False),
        sa.Column("response", sa.JSON(), nullable=True),
        sa.Column("fraction", sa.Float(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answers"),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["quiz_attempts.id"],
            name="fk_answers_attempt_id_quiz_attempts",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("attempt_id", "position", name="uq_answers_attempt_id_position"),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.String(200), nullable=False),
        sa.Column("lesson_file", sa.String(300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
        _profile_fk("notes"),
        sa.UniqueConstraint(
            "profile_id", "module_id", "lesson_file", name="uq_notes_profile_id_module_id_lesson_file"
        ),
    )
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("module_ids", sa.JSON(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_certificates"),
        _profile_fk("certificates"),
        sa.UniqueConstraint("number", name="uq_certificates_number"),
    )
    op.create_index(
        "ix_certificates_profile_issued", "certificates", ["profile_id", "issued_at"]
    )


def downgrade() -> None:
    for index, table in (
        ("ix_certificates_profile_issued", "certificates"),
        ("ix_quiz_attempts_profile_started", "quiz_attempts"),
        ("ix_quiz_attempts_profile_module", "quiz_attempts"),
        ("ix_lesson_progress_last_opened", "lesson_progress"),
    ):
        op.drop_index(index, table_name=table)
    for table in ("certificates", "notes", "answers", "quiz_attempts", "lesson_progress"):
        op.drop_table(table)
    op.drop_table("profiles")
