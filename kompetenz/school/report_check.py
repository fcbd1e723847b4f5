"""Checking a saved Art. 4 documentation: its PDF signature is there, intact, covers the whole
file, was made for a report (not a certificate) and, with trusted keys given, by one of them.

The signature itself is checked by certificates/pdfsign.py, as for certificates; this module
only turns what it found into the report's verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kompetenz.certificates.keyset import TrustedKeys
from kompetenz.certificates.pdfsign import PdfSignatureCheck, check_pdf_signature
from kompetenz.certificates.signing import format_fingerprint
from kompetenz.school.report import REPORT_SIGNATURE_REASON

UNSIGNED = ("Die Datei trägt keine PDF-Signatur. Kompetenz signiert jede gespeicherte "
            "Dokumentation; diese Datei wurde ohne Signatur neu gespeichert (z. B. mit „Drucken "
            "als PDF“), mit einer älteren Version erstellt, oder die Signatur wurde entfernt.")


@dataclass(frozen=True)
class ReportCheck:
    reasons: tuple[str, ...] = ()  # German; empty when the documentation is valid
    holder: str | None = None
    fingerprint: str | None = None
    signed_at: datetime | None = None
    trusted: bool | None = None  # None: no trusted keys were given

    @property
    def valid(self) -> bool:
        return not self.reasons


def check_report(path: Path, trusted: TrustedKeys | None = None) -> ReportCheck:
    """The verdict on the file at `path`; never raises for a bad file, the reasons say why."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return ReportCheck((f"{path}: Datei nicht lesbar ({error.strerror}).",))
    if not data.startswith(b"%PDF-"):
        return ReportCheck((f"{path}: Das ist keine PDF-Datei.",))
    check = check_pdf_signature(data)
    if not check.present:
        return ReportCheck((UNSIGNED,))
    reasons = list(check.problems)
    if not check.problems and not is_report_signature(check):
        reasons.append("Das ist keine Dokumentation nach Art. 4 KI-VO: Die Signatur gilt "
                       f"„{check.reason or '–'}“. Ein Zertifikat prüfen Sie mit „kompetenz "
                       "certificate verify DATEI“.")
    known = None
    if trusted:  # None or empty: no trusted keys given
        known = check.key_fingerprint in trusted.fingerprints
        if not known:
            expected = ", ".join(format_fingerprint(f) for f in sorted(trusted.fingerprints))
            reasons.append("Signiert mit einem Schlüssel, dem nicht vertraut wird (Fingerabdruck "
                           f"{format_fingerprint(check.key_fingerprint or '')}; erwartet: "
                           f"{expected}).")
    return ReportCheck(tuple(reasons), check.holder, check.key_fingerprint, check.signed_at,
                       known)


def is_report_signature(check: PdfSignatureCheck) -> bool:
    """Whether the signer signed the file as the school's documentation (the signature's
    reason lies inside the signed bytes, so it cannot be changed afterwards)."""
    return check.reason == REPORT_SIGNATURE_REASON
