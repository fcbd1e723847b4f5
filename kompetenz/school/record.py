"""The head teacher's record as the CLI and the app's school page read it: imported files and
released certificates merged into one overview, and the input of the documentation."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kompetenz.school.overview import DEFAULT_REFRESH_MONTHS, Overview, build_overview

if TYPE_CHECKING:
    from kompetenz.school.report import ReportInput
    from kompetenz.store import ProgressStore

# The school's settings (store.school_setting).
REFRESH_KEY, SCHOOL_KEY, KEEPER_KEY = "refresh_months", "school_name", "keeper"


def school_overview(store: ProgressStore, role: str | None = None) -> Overview:
    """Imported files and released certificates together (the same one counts once)."""
    records = [*store.school_records(), *store.released_completions()]
    months = int(store.school_setting(REFRESH_KEY, DEFAULT_REFRESH_MONTHS))
    return build_overview(records, today=date.today(), refresh_months=months, role=role)


def report_input(store: ProgressStore, role: str | None = None) -> ReportInput:
    """What the documentation shows, read from the head teacher's store."""
    from kompetenz.school.report import ReportInput

    return ReportInput(
        school=str(store.school_setting(SCHOOL_KEY) or "Schule"),
        keeper=str(store.school_setting(KEEPER_KEY) or "Schulleitung"),
        made_on=date.today(), register=store.register_entries(),
        overview=school_overview(store, role),
    )
