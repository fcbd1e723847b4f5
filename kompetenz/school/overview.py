"""The head teacher's overview: staff × module, completion date and content version, and
what is due for refresh. Built from completions only — the school's view never holds scores,
answers, notes or time (a system that could judge staff performance would need the staff
council's consent, e.g. § 72 Abs. 3 LPVG NRW)."""

from __future__ import annotations

import calendar
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from kompetenz.store.records import ROLE_NAMES_DE, Completion, Role

DEFAULT_REFRESH_MONTHS = 24


@dataclass(frozen=True)
class Cell:
    completed_on: date
    module_version: str
    as_of: date
    certificate_number: str
    due: bool  # the refresh interval has passed


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    cells: dict[str, Cell]  # module id → the newest completion


@dataclass(frozen=True)
class Overview:
    modules: tuple[tuple[str, str], ...]  # (id, title) in a stable order
    people: tuple[Person, ...]
    refresh_months: int
    today: date

    def due(self) -> list[tuple[Person, str]]:
        return [(p, m) for p in self.people for m, cell in p.cells.items() if cell.due]

    def completions(self) -> int:
        """Cells with a completion (a person's newest of each module)."""
        return sum(len(person.cells) for person in self.people)

    def completed_by(self, module_id: str) -> int:
        """How many of the people shown have completed the module."""
        return sum(module_id in person.cells for person in self.people)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def build_overview(
    records: Iterable[Completion],
    *,
    today: date,
    refresh_months: int = DEFAULT_REFRESH_MONTHS,
    role: str | None = None,
    course_modules: Sequence[tuple[str, str]] = (),
) -> Overview:
    """One row a person (name and role as handed in), one column a module, the newest
    completion in each cell. The same certificate imported and released counts once.

    `course_modules` — (id, title) in the course's order — are columns even before anyone
    completed them: a module nobody has done is what a head teacher looks for. Modules only
    the records know follow, by id."""
    newest: dict[tuple[str, str | None], dict[str, Completion]] = {}
    titles: dict[str, str] = dict(course_modules)
    for item in records:
        if role is not None and item.person_role != role:
            continue
        titles.setdefault(item.module_id, item.module_title)
        cells = newest.setdefault((item.person_name, item.person_role), {})
        known = cells.get(item.module_id)
        if known is None or item.completed_on > known.completed_on:
            cells[item.module_id] = item
    order = {module: index for index, (module, _) in enumerate(course_modules)}
    modules = tuple(sorted(titles.items(), key=lambda m: (order.get(m[0], len(order)), m[0])))
    people = tuple(
        Person(name, person_role, {m: _cell(c, today, refresh_months) for m, c in cells.items()})
        for (name, person_role), cells in sorted(newest.items(), key=lambda p: p[0][0].casefold())
    )
    return Overview(modules, people, refresh_months, today)


def _cell(item: Completion, today: date, months: int) -> Cell:
    return Cell(item.completed_on, item.module_version, item.as_of, item.certificate_number,
                due=add_months(item.completed_on, months) <= today)


def summary_line(overview: Overview) -> str:
    """The overview in one German line (CLI and report)."""
    return (f"Personen: {len(overview.people)} · Abschlüsse: {overview.completions()} · "
            f"Auffrischung fällig: {len(overview.due())}")


def role_label(role: str | None) -> str:
    return "–" if role is None else ROLE_NAMES_DE.get(Role(role), role)


def overview_csv(overview: Overview) -> bytes:
    """The matrix for German Excel: UTF-8 with BOM, semicolons, dates as TT.MM.JJJJ."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    header = ["Name", "Rolle"]
    for _, title in overview.modules:
        header += [f"{title}: abgeschlossen am", f"{title}: Version (Stand)",
                   f"{title}: Zertifikat", f"{title}: Auffrischung fällig"]
    writer.writerow(header)
    for person in overview.people:
        row = [person.name, role_label(person.role)]
        for module_id, _ in overview.modules:
            cell = person.cells.get(module_id)
            row += (["", "", "", ""] if cell is None else [
                cell.completed_on.strftime("%d.%m.%Y"),
                f"{cell.module_version} ({cell.as_of.strftime('%d.%m.%Y')})",
                cell.certificate_number, "ja" if cell.due else "nein"])
        writer.writerow(row)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
