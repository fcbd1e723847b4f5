"""Certificates handed in to the head teacher: verify each file, keep its completions once.

`verify_file` is the one place that knows how a file is checked: through the certificates'
verify API (`kompetenz.certificates.api`), for signed PDF certificates and Open Badge 3.0
files (.json, .png, .svg).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from kompetenz.certificates.api import (
    CertificateCheck,
    check_badge_file,
    check_certificate_pdf,
)
from kompetenz.certificates.keyset import TrustedKeys
from kompetenz.store.records import Completion

BADGE_SUFFIXES = frozenset({".json", ".png", ".svg"})
# Checking a PDF signature is pure-Python parsing (about 30 ms a file on one core); from this
# many files on, child processes check them side by side. Each child first spends about a
# second importing pyHanko, so fewer files are checked faster in this process.
PARALLEL_FROM = 50


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
    path: Path,
    trusted: TrustedKeys | None = None,
    role: str | None = None,
    name: str | None = None,
) -> VerifiedCompletion | Refusal:
    """Check one handed-in file. With `trusted` keys (the ones the school pinned), a file
    signed by any other key is refused as well. A badge names its holder only to who knows the
    name: `name` is checked against it (and is the only way to import one)."""
    path = Path(path)
    if path.suffix.lower() in BADGE_SUFFIXES:
        check = check_badge_file(path, trusted, expected_name=name)
    else:
        check = check_certificate_pdf(path, trusted)
    if not check.valid:
        return Refusal(check.reason or "Die Datei lässt sich nicht prüfen.")
    return _completions(check, role)


def _completions(check: CertificateCheck, role: str | None) -> VerifiedCompletion | Refusal:
    if check.number is None or check.key_fingerprint is None or not check.modules:
        return Refusal("Die Datei enthält keine prüfbaren Zertifikatsdaten.")
    if check.name is None:
        return Refusal("Der Nachweis nennt den Namen nur verschlüsselt; geben Sie ihn mit "
                       "--name an.")
    completions = []
    for module in check.modules:
        if module.version is None or module.as_of is None:
            return Refusal(f"Für „{module.title}“ fehlt der Inhaltsstand (älteres Format).")
        completions.append(Completion(
            certificate_number=check.number, person_name=check.name,
            person_role=check.role or role, module_id=module.id, module_title=module.title,
            module_version=module.version, as_of=module.as_of,
            completed_on=module.completed_on,
        ))
    return VerifiedCompletion(check.number, check.key_fingerprint, tuple(completions))


def import_files(
    store: RecordStore,
    paths: Sequence[Path],
    trusted: TrustedKeys | None = None,
    role: str | None = None,
    name: str | None = None,
) -> list[tuple[Path, str]]:
    """Verify and record each file; one German line per file. A refused file does not stop
    the others: every valid one is kept."""
    lines: list[tuple[Path, str]] = []
    for path, checked in zip(paths, verify_files(paths, trusted, role, name), strict=True):
        if isinstance(checked, Refusal):
            lines.append((path, f"abgelehnt – {checked.reason}"))
            continue
        added = store.add_school_records(checked.completions, checked.key_fingerprint)
        lines.append((path, "hinzugefügt" if added else "bereits vorhanden"))
    return lines


def verify_files(
    paths: Sequence[Path],
    trusted: TrustedKeys | None = None,
    role: str | None = None,
    name: str | None = None,
) -> list[VerifiedCompletion | Refusal]:
    """`verify_file` for each path, in order; many files in child processes on every core."""
    check = partial(verify_file, trusted=trusted, role=role, name=name)
    workers = min(os.cpu_count() or 1, len(paths) // (PARALLEL_FROM // 2))
    if len(paths) < PARALLEL_FROM or workers < 2:
        return [check(path) for path in paths]
    context = multiprocessing.get_context("spawn")  # a fresh child: no Qt or database state
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(check, paths, chunksize=8))
