"""One measured figure beside its target, and the table `python -m benchmarks` prints."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    """A measured value and its target, `value <= target` being a pass.

    `value` is None when the figure could not be measured (e.g. the code it measures does not
    exist yet); `note` says why, or adds context (the absolute numbers behind a ratio).
    """

    name: str
    value: float | None
    target: float | None
    unit: str
    note: str = ""
    samples: list[float] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if self.target is None:
            return "info"
        return "PASS" if self.value <= self.target else "MISS"

    @property
    def miss_by(self) -> float | None:
        """How many times the target the value is, for a MISS (1.4 = 40 % over)."""
        if self.value is None or not self.target or self.value <= self.target:
            return None
        return self.value / self.target

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["verdict"] = self.verdict
        return data


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the value below which `pct` % of the samples lie."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f} ×"
    if unit in ("ms", "KB", "MiB"):
        return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:g} {unit}"


HEADER = ("Figure", "Measured", "Target", "Result", "Notes")


def table(figures: Sequence[Figure]) -> str:
    """A Markdown table, readable in a terminal and pasteable into docs/performance.md."""
    rows = [HEADER]
    for figure in figures:
        target = "—" if figure.target is None else f"≤ {_fmt(figure.target, figure.unit)}"
        verdict = figure.verdict
        if figure.miss_by is not None:
            verdict += f" ({figure.miss_by:.1f}× target)"
        rows.append((figure.name, _fmt(figure.value, figure.unit), target, verdict, figure.note))
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = []
    for index, row in enumerate(rows):
        lines.append(
            "| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |"
        )
        if index == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
