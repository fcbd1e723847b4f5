"""Issuing, listing and re-exporting certificates; what the UI and the CLI call.

The store keeps, for each certificate, the full document as JSON (`payload`) and the compact
signed text (`signature`). Re-exporting renders from these, never from today's course files,
so a certificate printed again says exactly what it said on the day of issue.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kompetenz.certificates.document import (
    CertificateDocument,
    CertificateError,
    CertificateKind,
    build_document,
    completed_modules,
    local_date,
    missing_core_modules,
    new_certificate_number,
)
from kompetenz.certificates.issuer import load_settings
from kompetenz.certificates.keyset import (
    PdfSigningKey,
    pdf_key_with_fingerprint,
    pdf_signing_key,
)
from kompetenz.certificates.signing import (
    fingerprint,
    open_signed,
    sign,
    signing_key,
    signing_key_with_fingerprint,
)
from kompetenz.certificates.verify import differences
from kompetenz.content.loader import Course
from kompetenz.store.errors import CertificateNumberTaken
from kompetenz.store.records import (
    CertificateRecord,
    Completion,
    ModuleProgress,
    ProfileRecord,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

_NUMBER_TRIES = 5


class CertificateStore(Protocol):
    """The part of `ProgressStore` that certificates need."""

    def get_profile(self, profile_id: int) -> ProfileRecord: ...

    def module_progress(self, profile_id: int) -> dict[str, ModuleProgress]: ...

    def record_certificate(
        self, profile_id: int, number: str, kind: str, module_ids: Sequence[str],
        issued_at: datetime, payload: str, signature: str,
    ) -> CertificateRecord: ...

    def certificates(self, profile_id: int) -> list[CertificateRecord]: ...

    def release_certificate(
        self, profile_id: int, number: str, completions: Sequence[Completion]
    ) -> None: ...

    def withdraw_certificate(self, profile_id: int, number: str) -> None: ...

    def find_certificate(self, number: str) -> CertificateRecord | None: ...


@dataclass(frozen=True)
class Eligibility:
    """Which certificates a learner may have now."""

    module_ids: tuple[str, ...]  # completed modules, in course order
    full: bool
    missing_core: tuple[str, ...]  # titles of the core modules still to pass


@dataclass(frozen=True)
class IssuedCertificate:
    """A recorded certificate, read back: what it says and its signed text."""

    record: CertificateRecord
    document: CertificateDocument
    signed_text: str


def completions_of(document: CertificateDocument, role: str | None) -> list[Completion]:
    """What the school's view keeps of a certificate: completion only, never the score."""
    return [
        Completion(
            certificate_number=document.number, person_name=document.name, person_role=role,
            module_id=module.id, module_title=module.title, module_version=module.version,
            as_of=module.as_of, completed_on=module.completed_on,
        )
        for module in document.modules
    ]


class CertificateService:
    def __init__(
        self, store: CertificateStore, course: Course, data_dir: Path,
        *, clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self._course = course
        self._data_dir = Path(data_dir)
        self._clock = clock

    def eligible(self, profile_id: int) -> Eligibility:
        progress = self._store.module_progress(profile_id)
        role = self._store.get_profile(profile_id).role
        missing = missing_core_modules(self._course, progress, role)
        return Eligibility(
            module_ids=tuple(m.id for m in completed_modules(self._course, progress)),
            full=not missing and bool(self._course.modules),
            missing_core=tuple(m.title for m in missing),
        )

    def issue(self, profile_id: int, module_id: str | None,
              kind: CertificateKind | str) -> CertificateRecord:
        """Build, sign and record a new certificate; CertificateError (German) if not allowed.

        `kind` is "module" (needs `module_id`) or "full".
        """
        try:
            kind = CertificateKind(kind)
        except ValueError:
            raise CertificateError(f"Unbekannte Art von Zertifikat: {kind!r}.") from None
        profile = self._store.get_profile(profile_id)
        progress = self._store.module_progress(profile_id)
        key = signing_key(self._data_dir)
        pdf_key = pdf_signing_key(self._data_dir, holder=profile.school or None)
        issued_at = self._clock()
        for _ in range(_NUMBER_TRIES):
            document = build_document(
                profile, self._course, progress, kind, module_id,
                key_fingerprint=fingerprint(key.public_key()), issued_on=local_date(issued_at),
                number=self._free_number(issued_at.year), pdf_key_fingerprint=pdf_key.fingerprint,
                details=load_settings(self._data_dir).details(),
            )
            try:
                return self._store.record_certificate(
                    profile_id, document.number, document.kind.value,
                    [m.id for m in document.modules], issued_at,
                    payload=document.to_json(), signature=sign(document, key),
                )
            except CertificateNumberTaken:
                continue  # issued elsewhere a moment ago (a shared server): draw again
        raise CertificateError("Es konnte keine freie Zertifikatsnummer gefunden werden.")

    def certificates(self, profile_id: int) -> list[IssuedCertificate]:
        return [self._read(record) for record in self._store.certificates(profile_id)]

    def issued(self, number: str) -> IssuedCertificate:
        record = self._store.find_certificate(number.strip().upper())
        if record is None:
            raise CertificateError(f"Ein Zertifikat mit der Nummer {number} gibt es hier nicht.")
        return self._read(record)

    def release(self, profile_id: int, number: str) -> IssuedCertificate:
        """Show the certificate to the school: name, role, modules, dates, versions, number —
        not the scores printed on it. Only the holder's own certificates can be released."""
        issued = self.issued(number)
        if issued.record.profile_id != profile_id:
            raise CertificateError(
                f"Das Zertifikat {issued.record.number} gehört zu einem anderen Profil."
            )
        role = self._store.get_profile(profile_id).role.value
        self._store.release_certificate(
            profile_id, issued.record.number, completions_of(issued.document, role)
        )
        return issued

    def withdraw(self, profile_id: int, number: str) -> None:
        self._store.withdraw_certificate(profile_id, number.strip().upper())

    def export_pdf(self, number: str, path: Path) -> IssuedCertificate:
        """Write an issued certificate as PDF; needs a QGuiApplication (see pdf.py)."""
        from kompetenz.certificates.pdf import write_pdf

        issued = self.issued(number)
        write_pdf(path, issued.document, issued.signed_text, self.pdf_key_for(issued.document))
        return issued

    def badge(self, number: str) -> dict[str, Any]:
        """The certificate as a signed Open Badges 3.0 credential (same id on every export)."""
        from kompetenz.certificates.badge import build_badge

        issued = self.issued(number)
        key = signing_key_with_fingerprint(self._data_dir, issued.document.key_fingerprint)
        return build_badge(issued.document, key, load_settings(self._data_dir), self._clock())

    def export_badge(self, number: str, path: Path) -> IssuedCertificate:
        """Write the badge as .json, or baked into a .png (needs a QGuiApplication) or .svg."""
        from kompetenz.certificates.badge_files import write_badge

        issued = self.issued(number)
        write_badge(path, self.badge(number), issued.document)
        return issued

    def pdf_key_for(self, document: CertificateDocument) -> PdfSigningKey:
        """The key its signed data names; older certificates get the installation's key."""
        if document.pdf_key_fingerprint:
            return pdf_key_with_fingerprint(self._data_dir, document.pdf_key_fingerprint)
        return pdf_signing_key(self._data_dir)

    def draw(self, number: str, painter: QPainter, page_rect: QRectF) -> None:
        """Paint an issued certificate, e.g. onto a QPrinter for printing or print preview."""
        from kompetenz.certificates.pdf import draw_certificate

        issued = self.issued(number)
        draw_certificate(painter, page_rect, issued.document, issued.signed_text)

    def _read(self, record: CertificateRecord) -> IssuedCertificate:
        document = CertificateDocument.from_json(record.payload)
        problems = differences(open_signed(record.signature), document)
        if document.number != record.number:
            problems.append(f"Es trägt die Nummer {document.number}.")
        if problems:
            raise CertificateError(f"Das gespeicherte Zertifikat {record.number} ist beschädigt: "
                                   + " ".join(problems))
        return IssuedCertificate(record, document, record.signature)

    def _free_number(self, year: int) -> str:
        for _ in range(_NUMBER_TRIES):
            number = new_certificate_number(year)
            if self._store.find_certificate(number) is None:
                return number
        raise CertificateError("Es konnte keine freie Zertifikatsnummer gefunden werden.")
