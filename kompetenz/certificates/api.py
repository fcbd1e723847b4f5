"""The verify API for other parts of Kompetenz (e.g. the school's overview that imports what
staff hand in): one call for a certificate PDF, one for an Open Badge file, one result type.

Neither call raises for a bad file: `valid` is False and `reason` says why, in German.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kompetenz.certificates.badge_verify import BadgeStatement, read_badge_file, verify_badge
from kompetenz.certificates.document import CertificateError
from kompetenz.certificates.keyset import TrustedKeys
from kompetenz.certificates.verify import trusted_fingerprints, verify_pdf

PDF = "pdf"
BADGE = "badge"


@dataclass(frozen=True)
class CheckedModule:
    id: str
    title: str
    completed_on: date
    version: str | None  # content version; None only for an unreadable older PDF
    as_of: date | None  # the module's "Stand"


@dataclass(frozen=True)
class CertificateCheck:
    """What a checked file states, and whether it can be relied on."""

    valid: bool
    reason: str  # German; empty when valid (several reasons joined by spaces)
    source: str  # PDF or BADGE
    number: str | None = None
    name: str | None = None  # badges: only when the expected name was given and matches
    role: str | None = None  # the learner's role id, when the certificate states one
    modules: tuple[CheckedModule, ...] = ()
    key_fingerprint: str | None = None  # the issuer's Ed25519 key (QR text and badge)
    pdf_key_fingerprint: str | None = None  # the key of the PDF signature, if any
    key_trusted: bool | None = None  # None: no trusted keys were given
    protection: str = ""


def check_certificate_pdf(path: Path, trusted: TrustedKeys | None = None) -> CertificateCheck:
    result = verify_pdf(Path(path), trusted or TrustedKeys())
    document, statement = result.document, result.statement
    modules: tuple[CheckedModule, ...] = ()
    if document is not None:
        modules = tuple(CheckedModule(m.id, m.title, m.completed_on, m.version, m.as_of)
                        for m in document.modules)
    elif statement is not None:
        modules = tuple(CheckedModule(m.id, m.title, m.completed_on, None, None)
                        for m in statement.modules)
    return CertificateCheck(
        valid=result.valid, reason=" ".join(result.reasons), source=PDF,
        number=statement.number if statement else None,
        name=statement.name if statement else None,
        role=_role(document.to_dict() if document else {}), modules=modules,
        key_fingerprint=result.key_fingerprint, pdf_key_fingerprint=result.pdf_key_fingerprint,
        key_trusted=result.key_trusted, protection=result.protection)


def check_badge_file(path: Path, trusted: TrustedKeys | None = None,
                     expected_name: str | None = None,
                     now: datetime | None = None) -> CertificateCheck:
    """Check a .json/.png/.svg badge; with `expected_name`, also that it was issued to them."""
    return check_badge_with_statement(path, trusted, expected_name, now)[0]


def check_badge_with_statement(
    path: Path, trusted: TrustedKeys | None = None, expected_name: str | None = None,
    now: datetime | None = None,
) -> tuple[CertificateCheck, BadgeStatement | None]:
    """`check_badge_file`, and all the badge states (issuer, validity) for a full report."""
    try:
        result = verify_badge(read_badge_file(Path(path)), now)
    except CertificateError as error:
        return CertificateCheck(valid=False, reason=str(error), source=BADGE), None
    statement = result.statement
    reasons = list(result.reasons)
    name = None
    if statement is not None and expected_name is not None:
        if statement.names(expected_name):
            name = expected_name
        else:
            reasons.append(f"Der Nachweis wurde nicht für „{expected_name}“ ausgestellt.")
    key_trusted = None
    fingerprints = trusted_fingerprints(trusted or TrustedKeys())
    if fingerprints and result.key_fingerprint is not None:
        key_trusted = result.key_fingerprint in fingerprints
        if not key_trusted:
            reasons.append("Signiert mit einem Schlüssel, dem nicht vertraut wird.")
    return CertificateCheck(
        valid=not reasons, reason=" ".join(reasons), source=BADGE,
        number=statement.number if statement else None, name=name,
        modules=tuple(CheckedModule(m.id, m.title, m.completed_on, m.version, m.as_of)
                      for m in statement.modules) if statement else (),
        key_fingerprint=result.key_fingerprint, key_trusted=key_trusted,
        protection="Open Badge 3.0, signiert (eddsa-rdfc-2022)"), statement


def _role(data: dict[str, object]) -> str | None:
    role = data.get("role")
    return str(role) if role else None
