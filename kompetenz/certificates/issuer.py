"""What the school or trainer sets for the certificates it issues (`kompetenz certificate
settings`): the provider, an accreditation number, AI systems in use, the Land, the badge's
issuer id and refresh interval. Kept as JSON beside the keys; only what was set is stored.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kompetenz.certificates.details import ProviderDetails
from kompetenz.certificates.document import CertificateError

SETTINGS_FILE = "certificate-issuer.json"


@dataclass(frozen=True)
class IssuerSettings:
    provider: str | None = None  # Anbieter, e.g. the school or the trainer
    provider_address: str | None = None
    accreditation_number: str | None = None  # Akkreditierungs-/Veranstaltungsnummer
    hours_per_day: float | None = None  # set to print "entspricht … Fortbildungstag(en)"
    ai_systems: tuple[str, ...] = ()  # AI systems the school names as in use, e.g. telli
    state: str | None = None  # Bundesland
    issuer_id: str | None = None  # a did:web id for Open Badges; else the key's did:key
    refresh_months: int | None = None  # Open Badges are valid this long, when set

    def to_json(self) -> str:
        data = {key: list(value) if isinstance(value, tuple) else value
                for key, value in asdict(self).items() if value not in (None, ())}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any], name: str) -> IssuerSettings:
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise CertificateError(f"{name}: unbekannte Einstellung „{unknown[0]}“.")
        try:
            settings = replace(cls(), **data)
            return replace(settings, ai_systems=tuple(str(s) for s in settings.ai_systems),
                           hours_per_day=_positive(settings.hours_per_day),
                           refresh_months=_whole(settings.refresh_months))
        except (TypeError, ValueError):
            raise CertificateError(f"{name}: Ein Wert ist ungültig (Stunden je Tag und Monate "
                                   "müssen größer als 0 sein).") from None

    def details(self) -> ProviderDetails:
        """What new certificates state from these settings (the badge settings stay out)."""
        return ProviderDetails(self.provider, self.provider_address, self.accreditation_number,
                               self.hours_per_day, self.ai_systems, self.state)

    def validated(self) -> IssuerSettings:
        if self.issuer_id and not self.issuer_id.startswith("did:web:"):
            raise CertificateError("Als Kennung der ausstellenden Stelle geht nur eine "
                                   "did:web-Adresse, z. B. did:web:schule.example.")
        return self


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def load_settings(data_dir: Path) -> IssuerSettings:
    path = settings_path(data_dir)
    if not path.is_file():
        return IssuerSettings()
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        raise CertificateError(f"{path}: Die Einstellungen sind nicht lesbar.") from None
    if not isinstance(data, dict):
        raise CertificateError(f"{path}: Die Einstellungen sind nicht lesbar.")
    return IssuerSettings.from_dict(data, str(path)).validated()


def save_settings(data_dir: Path, settings: IssuerSettings) -> None:
    path = settings_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    checked = IssuerSettings.from_dict(json.loads(settings.to_json()), "Die Einstellungen")
    temporary.write_text(checked.validated().to_json(), "utf-8")
    os.replace(temporary, path)


def _positive(value: float | None) -> float | None:
    if value is None:
        return None
    if float(value) <= 0:
        raise ValueError("must be positive")
    return float(value)


def _whole(value: int | None) -> int | None:
    if value is None:
        return None
    if int(value) != value or int(value) <= 0:
        raise ValueError("must be a positive whole number")
    return int(value)
