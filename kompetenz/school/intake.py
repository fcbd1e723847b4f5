"""Certificates handed in to the head teacher: verify each file, keep its completions once.

`verify_file` is the one place that knows how a file is checked. Today it reads the PDF
certificates of `kompetenz.certificates.verify`; when that package verifies more kinds of file
(signed PDFs, Open Badges), only this function changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kompetenz.certificates.service import completions_of
from kompetenz.certificates.verify import verify_pdf
from kompetenz.store.records import Completion


@dataclass(frozen=True)
class VerifiedCompletion:
    """A file whose signature holds: its certificate number, signing key and completions."""

    number: str
    key_fingerprint: str
    completions: tuple[Completion, ...]


@dataclass(frozen=True)
class Refusal:
    reason: str  # German, for the line "<file>: abgelehnt – <reason>"


class RecordStore(Protocol):
    def add_school_records(self, completions: Iterable[Completion], key_fingerprint: str) -> int:
        ...


def verify_file(
    path: Path, trusted_keys: Sequence[Ed25519PublicKey] = (), role: str | None = None
) -> VerifiedCompletion | Refusal:
    """Check one handed-in file. With `trusted_keys` (the keys the school pinned), a file
    signed by any other key is refused as well."""
    result = verify_pdf(Path(path), trusted_keys)
    if not result.valid or result.document is None or result.key_fingerprint is None:
        reasons = " ".join(result.reasons) or "keine prüfbaren Zertifikatsdaten"
        return Refusal(reasons)
    return VerifiedCompletion(
        number=result.document.number,
        key_fingerprint=result.key_fingerprint,
        completions=tuple(completions_of(result.document, role)),
    )


def import_files(
    store: RecordStore,
    paths: Sequence[Path],
    trusted_keys: Sequence[Ed25519PublicKey] = (),
    role: str | None = None,
) -> list[tuple[Path, str]]:
    """Verify and record each file; one German line per file. A refused file does not stop
    the others: every valid one is kept."""
    lines: list[tuple[Path, str]] = []
    for path in paths:
        checked = verify_file(path, trusted_keys, role)
        if isinstance(checked, Refusal):
            lines.append((path, f"abgelehnt – {checked.reason}"))
            continue
        added = store.add_school_records(checked.completions, checked.key_fingerprint)
        lines.append((path, "hinzugefügt" if added else "bereits vorhanden"))
    return lines
