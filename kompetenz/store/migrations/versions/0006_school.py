"""The school's view: released completions, imported records, the register, settings.

Revision ID: 0006_school
Revises: 0002
Create Date: 2026-12-03

Hand-written. Completion only (no scores): see kompetenz/store/school_models.py. On a school
server, `kompetenz school init-server` adds owner columns and row-level security on top
(kompetenz/school/server.sql).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kompetenz.store.coltypes import UTCDateTime

revision: str = "0006_school"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _completion() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_number", sa.String(100), nullable=False),
        sa.Column("person_name", sa.String(120), nullable=False),
        sa.Column("person_role", sa.String(20), nullable=True),
        sa.Column("module_id", sa.String(200), nullable=False),
        sa.Column("module_title", sa.String(300), nullable=False),
        sa.Column("module_version", sa.String(100), nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("completed_on", sa.String(10), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("certificates") as batch:
        batch.add_column(sa.Column("released_at", UTCDateTime(), nullable=True))
    op.create_table(
        "released_completions",
        *_completion(),
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("released_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name="fk_released_completions_certificate_id_certificates",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_released_completions"),
        sa.UniqueConstraint(
            "certificate_number", "module_id",
            name="uq_released_completions_certificate_number_module_id",
        ),
    )
    op.create_index(
        "ix_released_completions_certificate_id", "released_completions", ["certificate_id"]
    )
    op.create_table(
        "school_records",
        *_completion(),
        sa.Column("key_fingerprint", sa.String(200), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_school_records"),
        sa.UniqueConstraint(
            "certificate_number", "module_id",
            name="uq_school_records_certificate_number_module_id",
        ),
    )
    op.create_table(
        "school_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("due_on", sa.String(10), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_school_register"),
    )
    op.create_table(
        "school_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_school_settings"),
        sa.UniqueConstraint("key", name="uq_school_settings_key"),
    )


def downgrade() -> None:
    op.drop_table("school_settings")
    op.drop_table("school_register")
    op.drop_table("school_records")
    op.drop_index("ix_released_completions_certificate_id", table_name="released_completions")
    op.drop_table("released_completions")
    with op.batch_alter_table("certificates") as batch:
        batch.drop_column("released_at")
