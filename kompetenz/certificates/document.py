"""What a certificate says, decided once at issue and never recomputed from the course files.

A module counts as completed when its quiz is passed: the quiz checks the learning objectives,
and the app lets learners skip lessons they already know. The completion date is the day the
best passing attempt finished. The "Zertifikat KI-Kompetenz" (kind `full`) needs every module
that is core for the learner's role (`core_for` in module.toml) completed; it lists every
completed module, core or not. The role counts when the certificate is issued: one issued
before a change of role stays as it was.
"""

from __future__ import annotations

import json
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from kompetenz.certificates.details import ProviderDetails
from kompetenz.content.loader import Course
from kompetenz.content.model import Module
from kompetenz.store.records import ModuleProgress, ProfileRecord

FORMAT_LINE = "Selbstlernkurs mit Wissensüberprüfung, offline durchgeführt"
DOCUMENT_FORMAT = "kompetenz-certificate/1"
# No 0/O, 1/I/L or U/V look-alikes: numbers are read aloud and typed in from paper.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"


class CertificateError(Exception):
    """A certificate cannot be issued, exported or read; the message is German, for the user."""


class CertificateKind(StrEnum):
    MODULE = "module"
    FULL = "full"

    @property
    def certificate_title(self) -> str:
        return "Zertifikat KI-Kompetenz" if self is CertificateKind.FULL else (
            "Teilnahmebescheinigung")


@dataclass(frozen=True)
class CertifiedModule:
    id: str
    version: str
    title: str
    completed_on: date
    score_percent: int  # rounded down: a certificate never states more than was reached
    workload_hours: float
    objectives: tuple[str, ...]
    as_of: date


@dataclass(frozen=True)
class CertificateDocument:
    number: str
    kind: CertificateKind
    name: str
    school: str | None
    modules: tuple[CertifiedModule, ...]
    as_of: date  # the newest "Stand" among the modules: when the course content was last checked
    issued_on: date
    key_fingerprint: str
    format_line: str = FORMAT_LINE
    # The PDF signature's key (keyset.certificate_fingerprint); None for certificates issued
    # before PDF files were signed. When set, a copy without that signature is refused.
    pdf_key_fingerprint: str | None = None
    # Provider, hours per day …: what the school set at issue (details.py).
    details: ProviderDetails = field(default_factory=ProviderDetails)

    @property
    def title(self) -> str:
        return self.kind.certificate_title

    @property
    def total_hours(self) -> float:
        return sum(module.workload_hours for module in self.modules)

    def to_json(self) -> str:
        """The full document as canonical JSON: sorted keys, no spaces, UTF-8 text."""
        return canonical_json(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        optional: dict[str, Any] = ({"pdf_key_fingerprint": self.pdf_key_fingerprint}
                                    if self.pdf_key_fingerprint else {})
        if self.details:
            optional["details"] = self.details.to_dict()
        return optional | {
            "format": DOCUMENT_FORMAT, "number": self.number, "kind": self.kind.value,
            "name": self.name, "school": self.school, "as_of": self.as_of.isoformat(),
            "issued_on": self.issued_on.isoformat(), "key_fingerprint": self.key_fingerprint,
            "format_line": self.format_line, "total_hours": self.total_hours,
            "modules": [_module_dict(module) for module in self.modules],
        }

    @classmethod
    def from_json(cls, text: str) -> CertificateDocument:
        """Read a document written by `to_json`; raise CertificateError if it is not one."""
        try:
            data = json.loads(text)
            if data["format"] != DOCUMENT_FORMAT:
                raise CertificateError(f"Unbekanntes Zertifikatsformat „{data['format']}“.")
            return cls(
                number=str(data["number"]), kind=CertificateKind(data["kind"]),
                name=str(data["name"]), school=_optional_str(data["school"]),
                modules=tuple(_module_from(item) for item in data["modules"]),
                as_of=date.fromisoformat(data["as_of"]),
                issued_on=date.fromisoformat(data["issued_on"]),
                key_fingerprint=str(data["key_fingerprint"]), format_line=str(data["format_line"]),
                pdf_key_fingerprint=_optional_str(data.get("pdf_key_fingerprint")),
                details=ProviderDetails.from_dict(data.get("details") or {}),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise CertificateError(f"Die Zertifikatsdaten sind unvollständig: {error}") from None


def canonical_json(data: object) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def new_certificate_number(year: int) -> str:
    """E.g. KMP-2026-7QXM-3HKD: random, so it reveals nothing about how many were issued."""
    chars = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(8))
    return f"KMP-{year}-{chars[:4]}-{chars[4:]}"


def is_completed(progress: ModuleProgress | None) -> bool:
    return (progress is not None and progress.passed and progress.passed_at is not None
            and progress.best_score_percent is not None)


def core_modules(course: Course, role: str) -> list[Module]:
    """The learning path of a role: the modules it must complete for the full certificate."""
    return [m for m in course.modules if m.is_core_for(role)]


def missing_core_modules(
    course: Course, progress: Mapping[str, ModuleProgress], role: str
) -> list[Module]:
    return [m for m in core_modules(course, role) if not is_completed(progress.get(m.id))]


def completed_modules(course: Course, progress: Mapping[str, ModuleProgress]) -> list[Module]:
    return [m for m in course.modules if is_completed(progress.get(m.id))]


def build_document(
    profile: ProfileRecord,
    course: Course,
    progress: Mapping[str, ModuleProgress],
    kind: CertificateKind,
    module_id: str | None,
    *,
    key_fingerprint: str,
    issued_on: date,
    number: str | None = None,
    pdf_key_fingerprint: str | None = None,
    details: ProviderDetails | None = None,
) -> CertificateDocument:
    """The certificate `profile` may have now; CertificateError (German) says why not."""
    if kind is CertificateKind.FULL:
        missing = missing_core_modules(course, progress, profile.role)
        if missing or not course.modules:
            titles = ", ".join(f"„{m.title}“" for m in missing) or "(der Kurs hat keine Module)"
            raise CertificateError(f"Für das Zertifikat KI-Kompetenz fehlt noch: {titles}.")
        modules = completed_modules(course, progress)
    else:
        modules = [_completed_module(course, progress, module_id)]
    certified = tuple(_certify(m, progress[m.id]) for m in modules)
    return CertificateDocument(
        number=number or new_certificate_number(issued_on.year), kind=kind,
        name=profile.name, school=profile.school or None, modules=certified,
        as_of=max(m.as_of for m in certified), issued_on=issued_on,
        key_fingerprint=key_fingerprint, pdf_key_fingerprint=pdf_key_fingerprint,
        details=details or ProviderDetails(),
    )


def _completed_module(
    course: Course, progress: Mapping[str, ModuleProgress], module_id: str | None
) -> Module:
    if not module_id:
        raise CertificateError("Für eine Teilnahmebescheinigung fehlt die Angabe des Moduls.")
    module = course.module(module_id)
    if module is None:
        raise CertificateError(f"Das Modul „{module_id}“ gibt es im Kurs nicht.")
    if not is_completed(progress.get(module_id)):
        raise CertificateError(
            f"Das Modul „{module.title}“ ist noch nicht abgeschlossen: "
            "Die Wissensüberprüfung ist noch nicht bestanden.")
    return module


def _certify(module: Module, progress: ModuleProgress) -> CertifiedModule:
    assert progress.passed_at is not None  # is_completed() was checked
    assert progress.best_score_percent is not None
    return CertifiedModule(
        id=module.id, version=module.version, title=module.title,
        completed_on=local_date(progress.passed_at),
        score_percent=math.floor(progress.best_score_percent + 1e-9),
        workload_hours=module.workload_hours, objectives=module.objectives, as_of=module.as_of,
    )


def local_date(moment: datetime) -> date:
    """The learner's calendar day; naive times are taken as local time already."""
    return (moment.astimezone() if moment.tzinfo is not None else moment).date()


def _module_dict(module: CertifiedModule) -> dict[str, Any]:
    return {
        "id": module.id, "version": module.version, "title": module.title,
        "completed_on": module.completed_on.isoformat(), "score_percent": module.score_percent,
        "workload_hours": module.workload_hours, "objectives": list(module.objectives),
        "as_of": module.as_of.isoformat(),
    }


def _module_from(item: dict[str, Any]) -> CertifiedModule:
    return CertifiedModule(
        id=str(item["id"]), version=str(item["version"]), title=str(item["title"]),
        completed_on=date.fromisoformat(item["completed_on"]),
        score_percent=int(item["score_percent"]), workload_hours=float(item["workload_hours"]),
        objectives=tuple(str(text) for text in item["objectives"]),
        as_of=date.fromisoformat(item["as_of"]),
    )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
