"""Checking a certificate: its signature, its key, and that the document says what was signed.

No Qt and no PDF library: the data sits in the PDF's uncompressed XMP packet (see xmp.py).
What a verifier can vouch for is the signed data, so the result states exactly that; the
printed page itself is not read, and a reader compares it with what `verify` prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kompetenz.certificates.document import CertificateDocument, CertificateError, CertificateKind
from kompetenz.certificates.signing import (
    SignedCertificate,
    essential_data,
    fingerprint,
    format_fingerprint,
    open_signed,
)
from kompetenz.certificates.xmp import find_certificate_metadata


@dataclass(frozen=True)
class SignedModule:
    id: str
    title: str
    completed_on: date
    score_percent: int
    workload_hours: float


@dataclass(frozen=True)
class SignedStatement:
    """What the signature vouches for."""

    number: str
    kind: CertificateKind
    name: str
    school: str | None
    issued_on: date
    modules: tuple[SignedModule, ...]
    total_hours: float
    as_of: date


@dataclass(frozen=True)
class VerificationResult:
    reasons: tuple[str, ...] = ()  # German; empty when the certificate is valid
    statement: SignedStatement | None = None
    document: CertificateDocument | None = None  # the full data, when a PDF was checked
    key_fingerprint: str | None = None
    key_trusted: bool | None = None  # None: no trusted keys were given

    @property
    def valid(self) -> bool:
        return not self.reasons


def verify_qr_text(text: str, trusted_keys: Iterable[Ed25519PublicKey] = ()) -> VerificationResult:
    return _check_signed(text, trusted_keys)[1]


def verify_pdf(path: Path, trusted_keys: Iterable[Ed25519PublicKey] = ()) -> VerificationResult:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return VerificationResult(reasons=(f"{path}: Datei nicht lesbar ({error.strerror}).",))
    if not data.startswith(b"%PDF-"):
        return VerificationResult(reasons=(f"{path}: Das ist keine PDF-Datei.",))
    found = set(find_certificate_metadata(data))
    if not found:
        return VerificationResult(reasons=(
            "Die Datei enthält keine Zertifikatsdaten von Kompetenz. Wurde sie neu gespeichert "
            "oder eingescannt? Dann prüfen Sie den QR-Code: verify --qr-text TEXT.",))
    if len(found) > 1:
        return VerificationResult(reasons=(
            "Die Datei enthält mehrere, voneinander abweichende Zertifikatsdaten.",))
    metadata = found.pop()
    signed, result = _check_signed(metadata.signed_text, trusted_keys)
    if signed is None:
        return result
    reasons = list(result.reasons)
    if data.count(b"%%EOF") > 1:
        reasons.append("Die Datei wurde nach dem Export verändert (Änderungen angehängt).")
    try:
        document = CertificateDocument.from_json(metadata.document_json)
    except CertificateError as error:
        return replace(result, reasons=(*reasons, str(error)))
    reasons += differences(signed, document)
    return replace(result, reasons=tuple(reasons), document=document)


def differences(signed: SignedCertificate, document: CertificateDocument) -> list[str]:
    """Why `document` does not say what `signed` vouches for (German); empty if it does."""
    ours, theirs = signed.data, essential_data(document)
    labels = {"n": "Die Zertifikatsnummer", "k": "Die Art des Zertifikats", "p": "Der Name",
              "s": "Die Schule", "d": "Das Ausstellungsdatum", "h": "Der Gesamtumfang",
              "a": "Der inhaltliche Stand"}
    reasons = [f"{label} weicht von den signierten Daten ab (signiert: {_show(ours.get(key))}, "
               f"im Dokument: {_show(theirs[key])})."
               for key, label in labels.items() if ours.get(key) != theirs[key]]
    reasons += _module_differences(ours.get("m"), theirs["m"])
    if document.key_fingerprint != signed.fingerprint:
        reasons.append("Der im Dokument genannte Signaturschlüssel ist nicht der, mit dem "
                       "signiert wurde.")
    if not reasons and ours.get("x") != theirs["x"]:
        reasons.append("Die Lernziele oder weitere Angaben im Dokument weichen von den "
                       "signierten Daten ab.")
    return reasons


def _module_differences(signed: Any, shown: list[list[Any]]) -> list[str]:
    if not isinstance(signed, list) or [m[0] for m in signed] != [m[0] for m in shown]:
        return ["Die Module im Dokument weichen von den signierten Daten ab."]
    what = {1: "Der Titel", 2: "Das Abschlussdatum", 3: "Das Ergebnis", 4: "Der Umfang"}
    return [f"{label} des Moduls „{mine[1]}“ weicht von den signierten Daten ab "
            f"(signiert: {_show(mine[i])}, im Dokument: {_show(other[i])})."
            for mine, other in zip(signed, shown, strict=True)
            for i, label in what.items() if mine[i] != other[i]]


def read_statement(data: dict[str, Any]) -> SignedStatement:
    try:
        return SignedStatement(
            number=str(data["n"]), kind=CertificateKind(data["k"]), name=str(data["p"]),
            school=None if data["s"] is None else str(data["s"]),
            issued_on=date.fromisoformat(data["d"]),
            modules=tuple(SignedModule(str(m[0]), str(m[1]), date.fromisoformat(m[2]), int(m[3]),
                                       float(m[4])) for m in data["m"]),
            total_hours=float(data["h"]), as_of=date.fromisoformat(data["a"]),
        )
    except (KeyError, IndexError, TypeError, ValueError):
        raise CertificateError("Die signierten Daten sind unvollständig.") from None


def _check_signed(
    text: str, trusted_keys: Iterable[Ed25519PublicKey]
) -> tuple[SignedCertificate | None, VerificationResult]:
    try:
        signed = open_signed(text)
        statement = read_statement(signed.data)
    except CertificateError as error:
        return None, VerificationResult(reasons=(str(error),))
    result = VerificationResult(statement=statement, key_fingerprint=signed.fingerprint)
    return signed, _with_trust(result, trusted_keys)


def _with_trust(result: VerificationResult,
                trusted_keys: Iterable[Ed25519PublicKey]) -> VerificationResult:
    trusted = {fingerprint(key) for key in trusted_keys}
    if not trusted:
        return result
    if result.key_fingerprint in trusted:
        return replace(result, key_trusted=True)
    expected = ", ".join(format_fingerprint(f) for f in sorted(trusted))
    return replace(result, key_trusted=False, reasons=(*result.reasons, (
        f"Signiert mit einem Schlüssel, dem nicht vertraut wird (Fingerabdruck "
        f"{format_fingerprint(result.key_fingerprint or '')}; erwartet: {expected}).")))


def _show(value: object) -> str:
    return "–" if value is None else f"„{value}“"
