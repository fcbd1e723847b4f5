"""Runs the plain SQL of `start_reads.py` inside one of the store's ORM sessions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from kompetenz.store.start_reads import Run


def session_runner(session: Session) -> Run:
    def run(sql: str, parameters: Mapping[str, object]) -> Sequence[Sequence[Any]]:
        return session.execute(text(sql), dict(parameters)).all()

    return run
