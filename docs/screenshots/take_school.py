"""Screenshots of the school's view: the head teacher's overview page and the first page of
the Art. 4 documentation (signed PDF, turned into PNG with poppler's pdftoppm).

    DISPLAY=:99 .venv/bin/python docs/screenshots/take_school.py   # or offscreen

Demo data only: invented staff with completions (no scores exist in the school's view).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAST_DEMO_DAY = date(2026, 11, 30)  # no demo completion lies in the future
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from kompetenz.content.loader import load_course  # noqa: E402
from kompetenz.content.model import Module  # noqa: E402
from kompetenz.resources import bundled_content_dir  # noqa: E402
from kompetenz.school.record import KEEPER_KEY, SCHOOL_KEY, report_input  # noqa: E402
from kompetenz.school.report import write_report  # noqa: E402
from kompetenz.store import open_store  # noqa: E402
from kompetenz.store.records import Completion, Role  # noqa: E402
from kompetenz.ui.i18n import install_translators  # noqa: E402
from kompetenz.ui.main_window import MainWindow  # noqa: E402
from kompetenz.ui.services import AppServices  # noqa: E402
from kompetenz.ui.settings import Settings  # noqa: E402
from kompetenz.ui.style import apply_appearance  # noqa: E402

STAFF = (
    ("Anna Adler", "teacher", 3), ("Bernd Berg", "teacher", 2), ("Clara Chen", "teacher", 4),
    ("Dilek Demir", "leadership", 4), ("Erik Engel", "administration", 2),
    ("Frieda Fuchs", "other", 1), ("Gül Güneş", "teacher", 0), ("Hannes Hoff", "teacher", 1),
)


def _demo_day(person: int, module: int) -> date:
    """Spread over the three years before LAST_DEMO_DAY, none after it."""
    day = date(2024 + (person + module) % 3, 1 + (3 * person + module) % 12, 10)
    return day if day <= LAST_DEMO_DAY else day.replace(year=day.year - 1)


def _completion(number: str, name: str, role: str, module: Module, day: date) -> Completion:
    """Done on `day`, with the module as it stood then: today's version if it was out, else
    an earlier one (the demo's invention; a real record carries what the certificate says)."""
    as_of = module.as_of or LAST_DEMO_DAY
    if day >= as_of:
        return Completion(number, name, role, module.id, module.title, module.version, as_of, day)
    return Completion(number, name, role, module.id, module.title, "0.9.0", date(2023, 12, 1),
                      day)


def demo_data(data_dir: Path) -> None:
    course = load_course([bundled_content_dir()])
    with open_store(data_dir) as store:
        store.set_school_setting(SCHOOL_KEY, "Gesamtschule Beispielstadt")
        store.set_school_setting(KEEPER_KEY, "Schulleitung (Frau Demir)")
        for n, (name, role, done) in enumerate(STAFF):
            number = f"KMP-2026-DEMO-{n:04}"
            records = [
                _completion(number, name, role, module, _demo_day(n, i))
                for i, module in enumerate(course.modules[:done])
            ]
            store.add_school_records(records, "demo")
        for step, kind, title in (
            ("bedarfsanalyse", "ki-system", "telli (KI-Chatbot für Schulen)"),
            ("bedarfsanalyse", "zielgruppe", "Lehrkräfte, Verwaltung, OGS"),
            ("massnahmenplanung", "massnahme", "Pädagogischer Tag: Grundwissen KI"),
            ("weiterentwicklung", "massnahme", "Auffrischung nach zwei Jahren"),
            ("dokumentation", "notiz", "Übersicht halbjährlich der Schulkonferenz vorlegen"),
        ):
            store.add_register_entry(step, kind, title)


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "de")
    apply_appearance(Settings())
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        demo_data(data_dir)
        window = MainWindow(AppServices(course=load_course([bundled_content_dir()]),
                                        data_dir=data_dir))
        window.resize(1200, 820)
        window.show()
        store = open_store(data_dir)
        window.attach_store(store)
        head = store.create_profile("Dilek Demir", "Gesamtschule Beispielstadt", Role.LEADERSHIP)
        store.set_preference(head.id, "tour_seen", True)
        window.use_profile(head)  # the head teacher's own profile, as on her PC
        window.show_school()
        while window.ops.busy or window.school_page.table.rowCount() == 0:
            app.processEvents()  # the overview is read on the window's worker
        window.grab().save(str(HERE / "12-school-overview.png"))
        pdf = data_dir / "doku.pdf"
        columns = [(module.id, module.title) for module in window.services.course.modules]
        write_report(pdf, report_input(store, course_modules=columns), data_dir)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(HERE / "13-school-report")], check=True)
        window.close()
        store.close()
    print("saved 12-school-overview.png and 13-school-report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
