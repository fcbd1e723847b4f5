"""Certificates issued to a learner, kept so they can be reprinted and verified by number."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kompetenz.store.context import StorePart, require_text
from kompetenz.store.errors import CertificateNumberTaken
from kompetenz.store.models import Certificate
from kompetenz.store.records import CertificateRecord
from kompetenz.store.rows import ByName, certificate_record

CERTIFICATE_KINDS = frozenset({"module", "full"})


class CertificateRegister(StorePart):
    def record_certificate(
        self,
        profile_id: int,
        number: str,
        kind: str,
        module_ids: Sequence[str],
        issued_at: datetime,
        payload: str,
        signature: str,
    ) -> CertificateRecord:
        require_text(number, "number", 100)
        if kind not in CERTIFICATE_KINDS:
            raise ValueError(f"kind must be one of {sorted(CERTIFICATE_KINDS)}, not {kind!r}")
        ids = [require_text(m, "module id", 200) for m in module_ids]
        if not isinstance(issued_at, datetime) or issued_at.tzinfo is None:
            raise ValueError("issued_at must be a timezone-aware datetime")
        if not isinstance(payload, str) or not isinstance(signature, str):
            raise ValueError("payload and signature must be strings")
        try:
            return self._insert(profile_id, number, kind, ids, issued_at, payload, signature)
        except IntegrityError:
            # the unique number, taken by a certificate issued at this moment on another PC
            raise CertificateNumberTaken(number) from None

    def _insert(
        self,
        profile_id: int,
        number: str,
        kind: str,
        ids: list[str],
        issued_at: datetime,
        payload: str,
        signature: str,
    ) -> CertificateRecord:
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            row = Certificate(
                profile_id=profile_id,
                number=number,
                kind=kind,
                module_ids=ids,
                issued_at=issued_at,
                payload=payload,
                signature=signature,
            )
            session.add(row)
            session.flush()
            return certificate_record(ByName(row))

    def certificates(self, profile_id: int) -> list[CertificateRecord]:
        """The learner's certificates, oldest first."""
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            rows = session.scalars(
                select(Certificate)
                .where(Certificate.profile_id == profile_id)
                .order_by(Certificate.issued_at, Certificate.id)
            )
            return [certificate_record(ByName(row)) for row in rows]

    def find_certificate(self, number: str) -> CertificateRecord | None:
        with self._context.transaction() as session:
            row = session.scalar(select(Certificate).where(Certificate.number == number))
            return None if row is None else certificate_record(ByName(row))
