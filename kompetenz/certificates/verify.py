"""Checking a certificate: its signatures, its keys, and that the document says what was signed.

Two layers. The signed data (the QR text and the full document in the XMP packet, see xmp.py)
says what was certified and, since PDF signing came, which key signed the PDF file (`g`). The
PDF signature (pdfsign.py) covers every byte of the file, the printed page included: a change
anywhere, or anything appended, fails. A file whose signed data names a PDF key must carry that
key's intact signature, so stripping the signature never passes as an older certificate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kompetenz.certificates.document import CertificateDocument, CertificateError, CertificateKind
from kompetenz.certificates.keyset import TrustedKeys
from kompetenz.certificates.pdfsign import PdfSignatureCheck, check_pdf_signature
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
    pdf_key_fingerprint: str | None = None  # the key of the intact PDF signature, if any
    protection: str = ""  # German: what protects this file (a PDF, a QR text, a badge)

    @property
    def valid(self) -> bool:
        return not self.reasons


Trusted = TrustedKeys | Iterable[Ed25519PublicKey]

PROTECTION_QR = "Signierter Prüftext (QR-Code)"
PROTECTION_PDF = ("PDF-Signatur über die ganze Datei (PAdES) und signierte Zertifikatsdaten")
PROTECTION_LEGACY = ("Nur signierte Zertifikatsdaten: ausgestellt, bevor Kompetenz die PDF-Datei "
                     "selbst signierte. Den gedruckten Text vergleichen Sie mit dieser Ausgabe.")


def verify_qr_text(text: str, trusted_keys: Trusted = ()) -> VerificationResult:
    _signed, result = _check_signed(text)
    return _with_trust(replace(result, protection=PROTECTION_QR), trusted_keys)


def verify_pdf(path: Path, trusted_keys: Trusted = ()) -> VerificationResult:
    """Check a certificate PDF; never raises for a bad file, the reasons say what is wrong."""
    result = _verify_pdf(Path(path))
    return _with_trust(result, trusted_keys) if result.statement is not None else result


def _verify_pdf(path: Path) -> VerificationResult:
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
    signed, result = _check_signed(metadata.signed_text)
    if signed is None:
        return result
    check = check_pdf_signature(data)
    reasons = list(result.reasons) + _pdf_signature_reasons(signed, check)
    if not check.present and data.count(b"%%EOF") > 1:
        reasons.append("Die Datei wurde nach dem Export verändert (Änderungen angehängt).")
    result = replace(result, pdf_key_fingerprint=check.key_fingerprint, protection=(
        PROTECTION_PDF if check.present else PROTECTION_LEGACY))
    try:
        document = CertificateDocument.from_json(metadata.document_json)
    except CertificateError as error:
        return replace(result, reasons=(*reasons, str(error)))
    reasons += differences(signed, document)
    return replace(result, reasons=tuple(reasons), document=document)


def _pdf_signature_reasons(signed: SignedCertificate, check: PdfSignatureCheck) -> list[str]:
    expected = signed.data.get("g")
    if not check.present:
        return [] if expected is None else [
            "Die PDF-Signatur fehlt: Sie wurde entfernt, oder die Datei wurde auf eine "
            "unsignierte Fassung zurückgeschnitten. Dieses Zertifikat wurde mit PDF-Signatur "
            "ausgestellt."]
    reasons = list(check.problems)
    if expected is not None and check.key_fingerprint not in (None, expected):
        reasons.append(
            "Die PDF-Signatur stammt von einem anderen Schlüssel "
            f"({format_fingerprint(check.key_fingerprint or '')}) als dem, den die signierten "
            f"Zertifikatsdaten nennen ({format_fingerprint(str(expected))}).")
    return reasons


def differences(signed: SignedCertificate, document: CertificateDocument) -> list[str]:
    """Why `document` does not say what `signed` vouches for (German); empty if it does."""
    ours, theirs = signed.data, essential_data(document)
    labels = {"n": "Die Zertifikatsnummer", "k": "Die Art des Zertifikats", "p": "Der Name",
              "s": "Die Schule", "d": "Das Ausstellungsdatum", "h": "Der Gesamtumfang",
              "a": "Der inhaltliche Stand", "g": "Der Schlüssel der PDF-Signatur"}
    reasons = [f"{label} weicht von den signierten Daten ab (signiert: {_show(ours.get(key))}, "
               f"im Dokument: {_show(theirs.get(key))})."
               for key, label in labels.items() if ours.get(key) != theirs.get(key)]
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


def _check_signed(text: str) -> tuple[SignedCertificate | None, VerificationResult]:
    try:
        signed = open_signed(text)
        statement = read_statement(signed.data)
    except CertificateError as error:
        return None, VerificationResult(reasons=(str(error),))
    return signed, VerificationResult(statement=statement, key_fingerprint=signed.fingerprint)


def trusted_fingerprints(trusted_keys: Trusted) -> frozenset[str]:
    if isinstance(trusted_keys, TrustedKeys):
        return trusted_keys.fingerprints
    return frozenset(fingerprint(key) for key in trusted_keys)


def _with_trust(result: VerificationResult, trusted_keys: Trusted) -> VerificationResult:
    """With trusted keys given, the signer must be one of them: its Ed25519 key, or the key of
    its intact PDF signature (the signed data binds the two together)."""
    trusted = trusted_fingerprints(trusted_keys)
    if not trusted:
        return result
    if trusted & {result.key_fingerprint, result.pdf_key_fingerprint}:
        return replace(result, key_trusted=True)
    expected = ", ".join(format_fingerprint(f) for f in sorted(trusted))
    return replace(result, key_trusted=False, reasons=(*result.reasons, (
        f"Signiert mit einem Schlüssel, dem nicht vertraut wird (Fingerabdruck "
        f"{format_fingerprint(result.key_fingerprint or '')}; erwartet: {expected}).")))


def _show(value: object) -> str:
    return "–" if value is None else f"„{value}“"
