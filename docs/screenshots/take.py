"""Take the screenshots in docs/screenshots from the real app, on a demo data folder.

    Xvfb :99 -screen 0 1280x900x24 &   # or any X display
    DISPLAY=:99 .venv/bin/python docs/screenshots/take.py [NAME ...]   # e.g. 10-path-secretary

Builds a throw-away data folder with one learner who has read some lessons and passed a
quiz, opens the real main window in German, visits every screen and saves one PNG each.
Without a display it falls back to Qt's offscreen platform (fonts may then differ).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kompetenz.content.loader import load_course  # noqa: E402
from kompetenz.content.model import Module, Template  # noqa: E402
from kompetenz.learning.quiz_session import start_or_resume  # noqa: E402
from kompetenz.quiz.model import QuestionType  # noqa: E402
from kompetenz.resources import bundled_content_dir  # noqa: E402
from kompetenz.store.database import open_store  # noqa: E402
from kompetenz.store.records import Role  # noqa: E402
from kompetenz.ui.i18n import install_translators  # noqa: E402
from kompetenz.ui.main_window import MainWindow  # noqa: E402
from kompetenz.ui.services import AppServices  # noqa: E402
from kompetenz.ui.settings import Settings  # noqa: E402
from kompetenz.ui.style import apply_appearance  # noqa: E402

Step = tuple[str, Callable[[MainWindow], object]]


def best_response(question):  # type: ignore[no-untyped-def]
    """A right answer for each question type, so the demo learner passes."""
    answers = question.answers
    if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MISSING_WORD):
        return max(range(len(answers)), key=lambda i: answers[i].fraction)
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return frozenset(i for i, a in enumerate(answers) if a.fraction > 0)
    if question.type is QuestionType.TRUE_FALSE:
        return answers.correct
    if question.type is QuestionType.SHORT_ANSWER:
        return answers[0].text.replace("*", "")
    if question.type is QuestionType.NUMERICAL:
        first = answers[0]
        return f"{first.value if first.value is not None else first.range_min:g}"
    if question.type is QuestionType.MATCHING:
        return {i: pair.answer for i, pair in enumerate(answers) if pair.question}
    return "Ich nehme mit, dass ich Ergebnisse immer selbst prüfe."


def demo_data(data_dir: Path) -> None:
    store = open_store(data_dir)
    course = load_course([bundled_content_dir()])
    profile = store.create_profile("Erika Musterfrau", "Gesamtschule Bochum-Mitte", Role.TEACHER)
    store.set_preference(profile.id, "tour_seen", True)
    first = course.modules[0]
    for lesson in first.lessons:
        store.open_lesson(profile.id, first.id, lesson.file_name)
        store.complete_lesson(profile.id, first.id, lesson.file_name)
        store.add_time(profile.id, first.id, lesson.file_name, 420)
    session = start_or_resume(store, profile.id, first)
    for position, planned in enumerate(session.items):
        session.answer(position, best_response(planned.question))
    session.finish()
    second = course.modules[1]
    for lesson in second.lessons[:3]:
        store.open_lesson(profile.id, second.id, lesson.file_name)
        store.complete_lesson(profile.id, second.id, lesson.file_name)
    store.close()


def finish_quiz(window: MainWindow) -> None:
    """Answer the open attempt right, then let the quiz page show the result as usual."""
    session = window.quiz_page.session
    assert session is not None
    for position, planned in enumerate(session.items):
        session.answer(position, best_response(planned.question))
    window.quiz_page.start(session)  # every question answered: the page shows the result


def search_for(text: str) -> Callable[[MainWindow], object]:
    def run(window: MainWindow) -> None:
        window.show_search()
        QApplication.processEvents()
        window.search_page.search_field.setText(text)
        for _ in range(20):
            QApplication.processEvents()
            QThread.msleep(20)

    return run


def show_secretary(window: MainWindow) -> None:
    """The home page of a school secretary: her path (core modules of her role) first."""
    store = window.store
    assert store is not None
    secretary = store.find_profile("Sabine Beispiel") or store.create_profile(
        "Sabine Beispiel", "Gesamtschule Bochum-Mitte", Role.ADMINISTRATION
    )
    store.set_preference(secretary.id, "tour_seen", True)
    window.use_profile(secretary)


def first_template(window: MainWindow) -> tuple[Module, Template]:
    """The first template of the course; the test module's if the course has none yet."""
    course = window.services.course
    for module in course.modules:
        if module.templates:
            return module, module.templates[0]
    test_module = load_course([HERE.parents[1] / "tests" / "data" / "roles"]).module("ziele")
    assert test_module is not None
    return test_module, test_module.templates[0]


def open_template(window: MainWindow) -> QWidget:
    from kompetenz.ui.template_view import TemplateDialog

    module, template = first_template(window)
    dialog = TemplateDialog(module, template, window.services.dialogs, window)
    dialog.show()
    return dialog


def steps() -> list[Step]:
    return [
        ("01-home", lambda w: w.show_home()),
        ("02-module", lambda w: w.open_module(w.services.course.modules[1].id)),
        ("03-lesson", lambda w: w.open_lesson(w.services.course.modules[1].lessons[3].file_name)),
        ("04-quiz", lambda w: w.start_quiz()),
        ("05-result", finish_quiz),
        ("06-progress", lambda w: w.show_progress()),
        ("07-search", search_for("Datenschutz")),
        ("08-help", lambda w: w.show_help()),
        ("09-profiles", lambda w: w.profiles.show_chooser()),
        ("10-path-secretary", show_secretary),
        ("11-template", open_template),
    ]


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "de")
    apply_appearance(Settings())
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        demo_data(data_dir)
        services = AppServices(course=load_course([bundled_content_dir()]), data_dir=data_dir)
        window = MainWindow(services)
        window.resize(1200, 820)
        window.show()
        window.attach_store(open_store(data_dir))
        for _ in range(50):  # let the search index finish building in the background
            app.processEvents()
            QThread.msleep(20)
        wanted = set(sys.argv[1:])
        for name, action in steps():
            if wanted and name not in wanted:
                continue
            shown = action(window)
            for _ in range(5):
                app.processEvents()
            # A step that opens a window of its own (a dialog) is photographed on its own.
            target = shown if isinstance(shown, QWidget) else window
            target.grab().save(str(HERE / f"{name}.png"))
            print(f"saved {name}.png")
            if target is not window:
                target.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
