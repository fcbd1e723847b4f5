"""The head teacher's record as the CLI and the app's school page read it: imported files and
released certificates merged into one overview, and the input of the documentation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kompetenz.school.overview import DEFAULT_REFRESH_MONTHS, Overview, build_overview

if TYPE_CHECKING:
    from kompetenz.school.report import ReportInput
    from kompetenz.store import ProgressStore

# The school's settings (store.school_setting).
REFRESH_KEY, SCHOOL_KEY, KEEPER_KEY = "refresh_months", "school_name", "keeper"


def school_overview(store: ProgressStore, role: str | None = None,
                    course_modules: Sequence[tuple[str, str]] = ()) -> Overview:
    """Imported files and released certificates together (the same one counts once); a
    column for each of `course_modules` (id, title) in their order, others after them."""
    records = [*store.school_records(), *store.released_completions()]
    months = int(store.school_setting(REFRESH_KEY, DEFAULT_REFRESH_MONTHS))
    return build_overview(records, today=date.today(), refresh_months=months, role=role,
                          course_modules=course_modules)


def report_input(store: ProgressStore, role: str | None = None,
                 course_modules: Sequence[tuple[str, str]] = ()) -> ReportInput:
    """What the documentation shows, read from the head teacher's store."""
    from kompetenz.school.report import ReportInput

    return ReportInput(
        school=str(store.school_setting(SCHOOL_KEY) or "Schule"),
        keeper=str(store.school_setting(KEEPER_KEY) or "Schulleitung"),
        made_on=date.today(), register=store.register_entries(),
        overview=school_overview(store, role, course_modules),
    )


def course_modules(roots: Sequence[Path]) -> tuple[tuple[str, str], ...]:
    """(id, title) of the modules in the order the app lists them; empty when the course
    cannot be read (the overview then shows the records' modules by id: a record must still
    be shown)."""
    from kompetenz.content.loader import load_course
    from kompetenz.content.problems import ContentError

    try:
        course = load_course(roots)
    except (OSError, ContentError):
        return ()
    return tuple((module.id, module.title) for module in course.modules)
