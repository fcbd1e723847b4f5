"""The school page and the release to the school work off the GUI thread (a school server can
take seconds to answer): real certificates and Open Badges handed in, a badge's holder asked
in a small dialog, refusals shown with their reason, failures as a message, never a trace."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from a11y_hooks import AccessibilityEvents
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from test_accessibility import accessibility_problems, accessible_name
from test_responsive import GapMeter
from ui_helpers import AnsweringDialogs, column_headings

import kompetenz.school.record
import kompetenz.ui.school_import
from kompetenz.certificates.service import CertificateService
from kompetenz.content.loader import load_course
from kompetenz.school.intake import Refusal, verify_file
from kompetenz.store import ProgressStore, open_store
from kompetenz.store.records import Completion, PlannedItem, Role
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.school_import import BadgeHolderDialog

Holder = tuple[str, int] | None  # the name typed and how often ↓ is pressed in the role box


class HandingIn(AnsweringDialogs):
    """The head teacher picks several files at once."""

    def __init__(self, save_path: Path, chosen: list[Path]) -> None:
        super().__init__(save_path)
        self.chosen = chosen

    def open_files(self, parent: Any, title: str, filter_text: str) -> list[Path]:
        self.asked.append(filter_text)
        return self.chosen


class ThreadSpy:
    """Wraps a real function; records whether each call ran on the GUI thread, and can hold
    the call until the test lets it go on."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.on_gui_thread: list[bool] = []
        self.go_on = threading.Event()
        self.go_on.set()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        assert self.go_on.wait(10)
        return self.real(*args, **kwargs)


def page_problems(root: QWidget) -> list[str]:
    """The accessibility walk's findings, less a table's header view: the screen reader gets
    the headings through the table itself (as its column header cells, see
    `_column_headings`), the header widget is no Tab stop of its own in any Qt table."""
    return [p for p in accessibility_problems(root) if not p.startswith("QHeaderView ")]


def _spy(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> ThreadSpy:
    spy = ThreadSpy(getattr(owner, name))

    def spied(*args: Any, **kwargs: Any) -> Any:  # a function: on a class, it binds `self`
        return spy(*args, **kwargs)

    monkeypatch.setattr(owner, name, spied)
    return spy


HandIn = Callable[[str, Path], Path]


def _passed(service: CertificateService, store: ProgressStore, name: str) -> str:
    """The number of a certificate issued to `name`, who passed the sample module."""
    profile = store.create_profile(name, role=Role.TEACHER)
    attempt = store.start_attempt(profile.id, "beispiel", "1.0.0", [PlannedItem("q", ())])
    store.finish_attempt(attempt.id, 91.0, True)
    return service.issue(profile.id, "beispiel", "module").number


@pytest.fixture
def hand_in(tmp_path: Path, sample_content: Path) -> Iterator[HandIn]:
    """Another PC, where staff pass the sample module and export what they hand in: a signed
    PDF, or an Open Badge (.json, or baked into .png or .svg), by the target's suffix."""
    folder = tmp_path / "pc"
    with open_store(folder, clock=lambda: datetime(2026, 11, 30, 8, tzinfo=UTC)) as pc:
        service = CertificateService(pc, load_course([sample_content]), folder,
                                     clock=lambda: datetime(2026, 11, 30, 9, tzinfo=UTC))

        def export(name: str, target: Path) -> Path:
            number = _passed(service, pc, name)
            if target.suffix == ".pdf":
                service.export_pdf(number, target)
            else:
                service.export_badge(number, target)
            return target

        yield export


def _answer_badge_dialogs(qtbot, holders: list[Holder], problems: list[str]) -> QTimer:  # type: ignore[no-untyped-def]
    """Answer each badge dialog by keyboard as it opens: type the name, ↓ through the roles,
    Return in the name field; None presses Escape. What the accessibility check finds goes to `problems`."""
    timer = QTimer()

    def answer() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, BadgeHolderDialog) and w.isVisible()]
        if not shown or not holders:
            return
        dialog = shown[0]
        problems.extend(accessibility_problems(dialog))
        holder = holders.pop(0)
        if holder is None:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            return
        name, downs = holder
        qtbot.keyClicks(dialog.name_field, name)
        for _ in range(downs):
            qtbot.keyClick(dialog.role_box, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.name_field, Qt.Key.Key_Return)  # the default button: OK

    timer.timeout.connect(answer)
    timer.start(20)
    return timer


def test_certificates_and_badges_are_checked_on_the_worker_and_each_file_gets_its_line(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store: ProgressStore, hand_in: HandIn,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = hand_in("Anna Adler", tmp_path / "anna.pdf")
    forged = tmp_path / "gefälscht.pdf"
    forged.write_bytes(hand_in("Bernd Berg", tmp_path / "b.pdf").read_bytes()
                       .replace(b"Bernd Berg", b"Bernd Borg"))
    clara = hand_in("Clara Chen", tmp_path / "clara.json")
    dilek = hand_in("Dilek Demir", tmp_path / "dilek.png")
    emil = hand_in("Emil Ernst", tmp_path / "emil.svg")
    chosen = [anna, forged, clara, dilek, emil]
    dialogs = HandingIn(tmp_path / "unused.pdf", chosen)
    main_window.services.dialogs = dialogs
    importing = _spy(monkeypatch, kompetenz.ui.school_import, "import_files")
    reading = _spy(monkeypatch, kompetenz.school.record, "school_overview")
    main_window.show_school()
    page = main_window.school_page
    qtbot.waitUntil(page.import_button.isEnabled)  # the overview was read
    assert reading.on_gui_thread == [False]
    problems = page_problems(page)

    page.import_button.click()  # the role of the certificates was not chosen: nothing done
    assert "Role of the staff on these 2 certificates:" in dialogs.asked[-1]
    assert dialogs.options[dialogs.choice or 0] == "Role unknown"
    dialogs.choice = 1  # Teacher, for both PDFs
    # Clara as School leadership (2nd role down), Dilek under a wrong name, Emil skipped.
    holders: list[Holder] = [("Clara Chen", 2), ("Dilek Falsch", 0), None]
    answering = _answer_badge_dialogs(qtbot, holders, problems)
    importing.go_on.clear()  # the worker waits until the window was seen answering
    page.import_button.click()
    assert holders == []
    assert not page.import_button.isEnabled()
    assert main_window.busy_bar.isVisible()
    assert main_window.statusBar().currentMessage() == "Checking the handed-in files…"
    importing.go_on.set()
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=30_000)
    answering.stop()

    assert dialogs.asked[0] == "Certificates and Open Badges (*.pdf *.json *.png *.svg)"
    refusal = verify_file(forged)
    wrong_name = verify_file(dilek, name="Dilek Falsch")
    assert isinstance(refusal, Refusal)
    assert isinstance(wrong_name, Refusal)
    assert dialogs.messages[-1].splitlines() == [
        "anna.pdf: hinzugefügt",
        f"gefälscht.pdf: abgelehnt – {refusal.reason}",
        "clara.json: hinzugefügt",
        f"dilek.png: abgelehnt – {wrong_name.reason}",
        "emil.svg: übersprungen",
    ]
    # the two certificates in one call, each badge in its own; the skipped badge never opened
    assert importing.on_gui_thread == [False] * 3
    table = page.table
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert [table.item(row, 0).text() for row in range(2)] == [
        "Anna Adler\nTeacher", "Clara Chen\nSchool leadership"]
    assert page.import_button.isEnabled()
    assert reading.on_gui_thread == [False, False]
    assert problems == []
    assert column_headings(table) == ["Person", "Beispielmodul: Prompts im Schulalltag"]

    dialogs.chosen = [anna]
    page.import_button.click()
    qtbot.waitUntil(lambda: len(dialogs.messages) == 2, timeout=30_000)
    assert dialogs.messages == [dialogs.messages[0], "anna.pdf: bereits vorhanden"]


def test_the_school_page_is_named_and_the_badge_dialog_names_its_field_by_its_label(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow
) -> None:
    main_window.show_school()
    page = main_window.school_page
    qtbot.waitUntil(page.import_button.isEnabled)
    assert page_problems(page) == []
    assert accessible_name(page.import_button) == "Import certificates and badges…"
    roles = [(None, "Role unknown"), ("teacher", "Teacher")]
    dialog = BadgeHolderDialog("a&b <i>.json", roles, page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert accessibility_problems(dialog) == []
    assert accessible_name(dialog.name_field) == "Name of the person on a&b <i>.json:"
    assert not dialog.ok_button.isEnabled()  # no name, no import
    qtbot.keyClicks(dialog.name_field, "  Anna Adler ")
    assert dialog.ok_button.isEnabled()
    assert dialog.holder() == ("Anna Adler", None)


def test_a_documentation_that_cannot_be_written_is_a_message_not_a_trace(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    dialogs = main_window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    dialogs.save_path = tmp_path / "kein-ordner" / "Doku.pdf"
    main_window.show_school()
    page = main_window.school_page
    qtbot.waitUntil(page.report_button.isEnabled)
    events = AccessibilityEvents()
    events.start()
    try:
        page.report_button.click()
        qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=30_000)
    finally:
        events.stop()
    message = dialogs.messages[-1]
    assert message.startswith("The documentation could not be saved: Die Datei ")
    assert str(dialogs.save_path) in message
    assert "Traceback" not in message
    assert events.announcements[-1] == (message, QAccessible.AnnouncementPoliteness.Assertive)
    assert page.report_button.isEnabled()

    dialogs.save_path = tmp_path / "Doku.pdf"
    page.report_button.click()
    qtbot.waitUntil(lambda: dialogs.save_path.exists(), timeout=30_000)
    assert dialogs.save_path.read_bytes().startswith(b"%PDF")


def test_a_big_schools_documentation_is_drawn_while_the_window_answers(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store: ProgressStore, tmp_path: Path
) -> None:
    """150 staff × 8 modules: drawn on the worker thread, the PDF held the window for 0.6 s."""
    for n in range(150):
        store.add_school_records([
            Completion(f"KMP-{n}", f"Person {n:03}", "teacher", f"m{m}", f"Modul {m}", "1.0",
                       date(2026, 12, 3), date(2026, 11, 1)) for m in range(8)], "fp")
    dialogs = main_window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    dialogs.save_path = tmp_path / "Doku.pdf"
    main_window.show_school()
    page = main_window.school_page
    qtbot.waitUntil(page.report_button.isEnabled, timeout=30_000)
    with GapMeter() as meter:
        page.report_button.click()
        qtbot.waitUntil(page.report_button.isEnabled, timeout=120_000)
    assert "KMP-149" in PdfReader(dialogs.save_path).pages[-1].extract_text()  # all of them
    assert main_window.statusBar().currentMessage() == f"Documentation saved: {dialogs.save_path}"
    assert meter.longest < 0.25, f"the event loop stood still for {meter.longest:.3f} s"


def test_an_import_still_running_when_the_window_closes_finishes_and_tells_nobody(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store: ProgressStore, hand_in: HandIn,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = hand_in("Anna Adler", tmp_path / "anna.pdf")
    dialogs = HandingIn(tmp_path / "unused.pdf", [anna])
    dialogs.choice = 0  # role unknown
    main_window.services.dialogs = dialogs
    main_window.show_school()
    qtbot.waitUntil(main_window.school_page.import_button.isEnabled)
    importing = _spy(monkeypatch, kompetenz.ui.school_import, "import_files")
    importing.go_on.clear()
    main_window.school_page.import_button.click()
    threading.Timer(0.3, importing.go_on.set).start()
    main_window.close()  # waits for the running import, whose outcome has nowhere to go
    qtbot.wait(100)
    assert dialogs.messages == []
    assert [c.person_name for c in store.school_records()] == ["Anna Adler"]  # not lost


def test_releasing_a_certificate_runs_on_the_worker_and_is_announced(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = CertificateService(store, main_window.services.course, main_window.services.data_dir)
    number = _passed(service, store, "Anna Adler")
    main_window.use_profile(store.list_profiles()[0])
    releasing = _spy(monkeypatch, CertificateService, "release")
    events = AccessibilityEvents()
    events.start()
    try:
        main_window.certificates.release(number)
        assert main_window.busy_bar.isVisible()
        qtbot.waitUntil(lambda: not main_window.busy_bar.isVisible(), timeout=30_000)
    finally:
        events.stop()
    said = f"Certificate {number} released."
    assert releasing.on_gui_thread == [False]
    assert main_window.statusBar().currentMessage() == said
    assert events.announcements[-1] == (said, QAccessible.AnnouncementPoliteness.Polite)
    assert [c.certificate_number for c in store.released_completions()] == [number]

    main_window.certificates.release("KMP-GIBT-ES-NICHT")
    dialogs = main_window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=30_000)
    assert dialogs.messages[-1].startswith("The certificate was not released: ")
    assert "Traceback" not in dialogs.messages[-1]


def test_the_progress_page_releases_and_withdraws_the_selected_certificate(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store: ProgressStore
) -> None:
    service = CertificateService(store, main_window.services.course, main_window.services.data_dir)
    number = _passed(service, store, "Anna Adler")
    main_window.use_profile(store.list_profiles()[0])
    main_window.show_progress()
    page = main_window.progress_page
    column = page.certificate_model.columnCount() - 1

    def school_column() -> str:
        return str(page.certificate_model.index(0, column).data())

    assert (page.release_button.text(), school_column()) == ("Release to school…", "not released")
    page.release_button.click()
    qtbot.waitUntil(lambda: school_column() == "released", timeout=30_000)
    assert page.release_button.text() == "Withdraw release…"
    assert accessible_name(page.release_button) == "Withdraw release…"  # follows the text
    assert [c.certificate_number for c in store.released_completions()] == [number]

    page.release_button.click()
    qtbot.waitUntil(lambda: school_column() == "not released", timeout=30_000)
    assert page.release_button.text() == "Release to school…"
    assert main_window.statusBar().currentMessage() == f"Release of certificate {number} withdrawn."
    assert store.released_completions() == []
