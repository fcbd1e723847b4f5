"""Releasing a certificate to the school, and the school's own records (school_models.py).

Releasing is the holder's act: it copies the certificate's completions — never its scores —
into `released_completions`, which a server's school role can read; withdrawing deletes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from kompetenz.store.context import StorePart
from kompetenz.store.errors import StoreError
from kompetenz.store.models import Certificate
from kompetenz.store.records import Completion
from kompetenz.store.school_models import ReleasedCompletion, SchoolRecord


class CertificateNotYours(StoreError):
    def __init__(self, number: str) -> None:
        self.number = number
        super().__init__(
            f"Ein Zertifikat mit der Nummer {number} gibt es in diesem Profil nicht. "
            "Mit „kompetenz certificate list“ sehen Sie die Nummern Ihrer Zertifikate."
        )


def _completion_values(item: Completion) -> dict[str, Any]:
    return {
        "certificate_number": item.certificate_number,
        "person_name": item.person_name,
        "person_role": item.person_role,
        "module_id": item.module_id,
        "module_title": item.module_title,
        "module_version": item.module_version,
        "as_of": item.as_of.isoformat(),
        "completed_on": item.completed_on.isoformat(),
    }


def _completion(row: ReleasedCompletion | SchoolRecord) -> Completion:
    return Completion(
        certificate_number=row.certificate_number,
        person_name=row.person_name,
        person_role=row.person_role,
        module_id=row.module_id,
        module_title=row.module_title,
        module_version=row.module_version,
        as_of=date.fromisoformat(row.as_of),
        completed_on=date.fromisoformat(row.completed_on),
    )


class Releases(StorePart):
    def release_certificate(
        self, profile_id: int, number: str, completions: Sequence[Completion]
    ) -> None:
        """Show the certificate's completions to the school (again: replaces what was shown)."""
        with self._context.transaction() as session:
            row = self._own_certificate(session, profile_id, number)
            now = self._context.now()
            row.released_at = now
            session.execute(
                delete(ReleasedCompletion).where(ReleasedCompletion.certificate_id == row.id)
            )
            for item in completions:
                if item.certificate_number != number:
                    raise ValueError(f"{item!r} belongs to another certificate")
                session.add(
                    ReleasedCompletion(
                        certificate_id=row.id, released_at=now, **_completion_values(item)
                    )
                )

    def withdraw_certificate(self, profile_id: int, number: str) -> None:
        """Take the certificate out of the school's view."""
        with self._context.transaction() as session:
            row = self._own_certificate(session, profile_id, number)
            row.released_at = None
            session.execute(
                delete(ReleasedCompletion).where(ReleasedCompletion.certificate_id == row.id)
            )

    def released_numbers(self, profile_id: int) -> frozenset[str]:
        """The numbers of this profile's certificates the school can see."""
        with self._context.transaction() as session:
            numbers = session.scalars(
                select(Certificate.number).where(
                    Certificate.profile_id == profile_id, Certificate.released_at.is_not(None)
                )
            )
            return frozenset(numbers)

    def released_completions(self) -> list[Completion]:
        """Every released completion this login may read (on a server: the school role reads
        everyone's, a person only their own)."""
        with self._context.transaction() as session:
            rows = session.scalars(
                select(ReleasedCompletion).order_by(
                    ReleasedCompletion.person_name, ReleasedCompletion.module_id
                )
            )
            return [_completion(row) for row in rows]

    def add_school_records(self, completions: Iterable[Completion], key_fingerprint: str) -> int:
        """Keep the completions of an imported certificate file; returns how many were new
        (records never change, so one seen before is simply skipped)."""
        added = 0
        with self._context.transaction() as session:
            for item in completions:
                if session.scalar(self._school_record(item)) is not None:
                    continue
                session.add(SchoolRecord(
                    key_fingerprint=key_fingerprint,
                    imported_at=self._context.now(),
                    **_completion_values(item),
                ))
                session.flush()
                added += 1
        return added

    @staticmethod
    def _school_record(item: Completion) -> Select[int]:
        return select(SchoolRecord.id).where(
            SchoolRecord.certificate_number == item.certificate_number,
            SchoolRecord.module_id == item.module_id,
        )

    def school_records(self) -> list[Completion]:
        with self._context.transaction() as session:
            rows = session.scalars(
                select(SchoolRecord).order_by(SchoolRecord.person_name, SchoolRecord.module_id)
            )
            return [_completion(row) for row in rows]

    @staticmethod
    def _own_certificate(session: Session, profile_id: int, number: str) -> Certificate:
        row = session.scalar(
            select(Certificate).where(
                Certificate.number == number.strip().upper(), Certificate.profile_id == profile_id
            )
        )
        if row is None:
            raise CertificateNotYours(number)
        return row
