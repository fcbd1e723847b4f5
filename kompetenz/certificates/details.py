"""What a Fortbildung certificate states about the measure beyond the modules: provider,
accreditation number, day equivalent, AI systems in use, the Land. Fixed at issue (it is part
of the signed document) and printed only where set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HESSEN_NOTE = ("In Hessen gibt es den Kompetenznachweis für telli ausschließlich über Angebote "
               "der Hessischen Lehrkräfteakademie; diese Bescheinigung ersetzt ihn nicht.")
MEASURE_LINE = ("Nachweis einer Maßnahme zur Förderung der KI-Kompetenz nach Art. 4 KI-VO "
                "(Verordnung (EU) 2024/1689, geändert durch Verordnung (EU) 2026/1744)")


@dataclass(frozen=True)
class ProviderDetails:
    provider: str | None = None
    provider_address: str | None = None
    accreditation_number: str | None = None
    hours_per_day: float | None = None
    ai_systems: tuple[str, ...] = ()
    state: str | None = None

    def __bool__(self) -> bool:
        return bool(self.to_dict())

    @property
    def in_hessen(self) -> bool:
        return (self.state or "").strip().casefold() == "hessen"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "provider": self.provider, "provider_address": self.provider_address,
            "accreditation_number": self.accreditation_number,
            "hours_per_day": self.hours_per_day, "ai_systems": list(self.ai_systems),
            "state": self.state}
        return {key: value for key, value in data.items() if value not in (None, [])}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProviderDetails:
        hours = data.get("hours_per_day")
        return cls(
            provider=_text(data.get("provider")),
            provider_address=_text(data.get("provider_address")),
            accreditation_number=_text(data.get("accreditation_number")),
            hours_per_day=None if hours is None else float(hours),
            ai_systems=tuple(str(name) for name in data.get("ai_systems", ())),
            state=_text(data.get("state")))


def day_equivalent(total_hours: float, hours_per_day: float) -> str:
    """E.g. "entspricht 0,5 Fortbildungstagen" (rounded to quarter days, never up)."""
    days = int(total_hours / hours_per_day * 4 + 1e-9) / 4
    shown = f"{days:g}".replace(".", ",")
    return f"entspricht {shown} Fortbildungstag" + ("" if days == 1 else "en")


def fact_rows(details: ProviderDetails, total_hours: float, hours_text: str
              ) -> list[tuple[str, str]]:
    """(label, text) lines for the certificate page and for `verify`, only what is set."""
    rows: list[tuple[str, str]] = []
    if details.provider:
        rows.append(("Anbieter", ", ".join(filter(None, (details.provider,
                                                         details.provider_address)))))
    if details.hours_per_day:
        days = day_equivalent(total_hours, details.hours_per_day)
        rows.append(("Umfang", f"{hours_text} ({days})"))
    if details.accreditation_number:
        rows.append(("Veranstaltungsnr.", details.accreditation_number))
    if details.ai_systems:
        rows.append(("KI-Systeme der Schule", ", ".join(details.ai_systems)))
    if details.in_hessen:
        rows.append(("Hinweis", HESSEN_NOTE))
    return rows


def _text(value: object) -> str | None:
    return None if value in (None, "") else str(value)
