"""The dialogs the app opens are as accessible as its screens, in English and in German.

Each dialog is opened the way the app opens it (menu action, button, profile flow, crash
reporter), with the app's real `Dialogs`, and checked while it shows with the checks of
test_accessibility.py: every control and Tab stop has a name, a button's name contains its
visible text. Two more checks here: a field's name contains the text of the label that
belongs to it (its buddy), and names follow their labels: change a label and the name changes.

A header view is exempt: it is not a Tab stop, and Qt presents its sections as the column
headers of its table, each named by its text (Qt's own file dialog has a nameless one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_accessibility import accessibility_problems, accessible_name
from ui_helpers import copy_of_roles_course

from kompetenz.certificates.service import CertificateService
from kompetenz.store.records import PlannedItem, Role
from kompetenz.store.service import ProgressStore
from kompetenz.ui.crash_dialog import CrashReporter
from kompetenz.ui.i18n import install_translators
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.services import Dialogs
from kompetenz.ui.template_view import TemplateDialog

PASSWORD = "geheim-123"
WALKED = "a11yWalked"  # set on each dialog once it was checked
GIVE_UP_AFTER_TRIES = 500  # about 10 s of looking for a dialog that does not come

Answer = Callable[[QWidget], None]


def _said(text: str) -> str:
    """Text as it is compared: no mnemonic marks or closing colon, single spaces, any case."""
    return re.sub(r"\s+", " ", text.replace("&", "")).strip().rstrip(":").strip().casefold()


def label_problems(root: QWidget) -> list[str]:
    """Fields whose name does not contain the text of their visible label (buddy)."""
    problems = []
    for label in root.findChildren(QLabel):
        field = label.buddy()
        if field is None or not label.isVisibleTo(root) or isinstance(field, QComboBox):
            continue  # Qt on Linux names a combo box by its current item, its label by relation
        if _said(label.text()) not in _said(accessible_name(field)):
            problems.append(
                f"{type(field).__name__} {field.objectName()!r} is labelled "
                f"{label.text()!r} but named {accessible_name(field)!r}"
            )
    return problems


def stale_names(root: QWidget) -> list[str]:
    """Buttons and labelled fields whose name does not change when their label changes."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            labelled, text_of, set_text = widget, widget.text, widget.setText
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            if isinstance(widget.buddy(), QComboBox):
                continue
            labelled, text_of, set_text = widget.buddy(), widget.text, widget.setText
        else:
            continue
        before = text_of()
        set_text("Geänderte Beschriftung")
        if "geänderte beschriftung" not in _said(accessible_name(labelled)):
            problems.append(f"{type(labelled).__name__} {labelled.objectName()!r} keeps its name")
        set_text(before)
    return problems


def dialog_problems(dialog: QWidget) -> list[str]:
    headers = [h for h in dialog.findChildren(QHeaderView) if h.isVisibleTo(dialog)]
    found = [
        problem
        for problem in accessibility_problems(dialog) + label_problems(dialog)
        if not (headers and problem.startswith("QHeaderView "))
    ]
    return found + stale_names(dialog)


class DialogWalker:
    """Checks each dialog that shows while `walk` runs, then answers it."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.seen: dict[str, list[str]] = {}
        self._answers: list[tuple[str, Answer]] = []

    def walk(self, opening: Callable[[], object], *answers: tuple[str, Answer]) -> None:
        """Run `opening`; the n-th dialog that shows is recorded under answers[n][0] and then
        answered by answers[n][1]."""
        self._answers = list(answers)
        before = len(self.seen)
        for dialog in self._visible_dialogs():  # left open before: not what this opens
            dialog.setProperty(WALKED, True)
        QTimer.singleShot(0, self._look)
        opening()
        self.qtbot.waitUntil(lambda: len(self.seen) == before + len(answers), timeout=20_000)
        QTimer.singleShot(0, lambda: None)
        self.qtbot.wait(10)

    def _look(self, tries: int = 0) -> None:
        if not self._answers:
            return
        dialog = self._shown_dialog()
        if dialog is None:
            if tries < GIVE_UP_AFTER_TRIES:
                QTimer.singleShot(20, lambda: self._look(tries + 1))
            else:
                self.seen[self._answers.pop(0)[0]] = ["the dialog did not show"]
                _close_modal_dialogs()
            return
        dialog.setProperty(WALKED, True)
        name, answer = self._answers.pop(0)
        try:
            self.seen[name] = dialog_problems(dialog)
        except Exception as error:  # a failed check must not leave the dialog open
            self.seen[name] = [f"the check failed: {error!r}"]
        try:
            answer(dialog)
        finally:
            if dialog.isModal() and dialog.isVisible():
                dialog.reject()  # never leave a modal dialog blocking the test
        QTimer.singleShot(20, self._look)

    @staticmethod
    def _visible_dialogs() -> list[QDialog]:
        widgets = [QApplication.activeModalWidget(), *QApplication.topLevelWidgets()]
        return [w for w in widgets if isinstance(w, QDialog) and w.isVisible()]

    def _shown_dialog(self) -> QDialog | None:
        # Marked by a property, not remembered by id(): Qt may build a new message box where
        # an old one was, and Python may then hand out the old wrapper or id for it.
        fresh = [d for d in self._visible_dialogs() if not d.property(WALKED)]
        return fresh[0] if fresh else None


def _close_modal_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isModal() and widget.isVisible():
            widget.reject()


def close(dialog: QWidget) -> None:
    dialog.close()


def reject(dialog: QWidget) -> None:
    assert isinstance(dialog, QDialog)
    dialog.reject()


def yes(dialog: QWidget) -> None:
    assert isinstance(dialog, QMessageBox)
    dialog.button(QMessageBox.StandardButton.Yes).click()


def type_password(text: str) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(text)
        dialog.accept()

    return answer


def choose_file(path: Path) -> Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    return answer


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, "de") if request.param == "de" else []
    yield request.param
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    """The course the conftest's main window is built over: the roles course (a template)."""
    return copy_of_roles_course(tmp_path)


@pytest.fixture
def window(language: str, main_window_factory, store: ProgressStore) -> MainWindow:  # type: ignore[no-untyped-def]
    """The real window, built after the language's translators, with the app's real dialogs."""
    store.create_profile("Sabine Sekretariat", role=Role.ADMINISTRATION)
    store.create_profile("Paul Passwort", password=PASSWORD)
    main: MainWindow = main_window_factory()
    main.services.dialogs = Dialogs()
    return main


def _trigger(window: MainWindow, action: str) -> Callable[[], None]:
    found = window.findChild(QAction, action)
    assert found is not None, action
    return found.trigger


def _profile(store: ProgressStore, name: str) -> int:
    return next(p.id for p in store.list_profiles() if p.name == name)


def _pass_quiz(window: MainWindow, store: ProgressStore, module_id: str) -> None:
    profile = window.profile
    assert profile is not None
    attempt = store.start_attempt(profile.id, module_id, "1.0.0", [PlannedItem("zi-daten", ())])
    store.finish_attempt(attempt.id, 100.0, True)


def test_every_dialog_names_its_controls(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: ProgressStore, tmp_path: Path
) -> None:
    walker = DialogWalker(qtbot)
    walker.walk(_trigger(window, "settingsAction"), ("settings", reject))
    walker.walk(_trigger(window, "aboutAction"), ("about", close))
    paul, sabine = _profile(store, "Paul Passwort"), _profile(store, "Sabine Sekretariat")
    walker.walk(
        lambda: window.profiles.choose_profile(paul),
        ("password prompt", type_password("falsch")),
        ("wrong password", close),
    )
    window.profiles.show_chooser()
    walker.walk(
        lambda: window.profiles.delete_profile(sabine),
        ("delete profile?", yes),
        ("profile deleted", close),
    )
    broken_pack = tmp_path / "kaputt.kompetenz"
    broken_pack.write_bytes(b"kein ZIP")
    walker.walk(
        _trigger(window, "installPackAction"),
        ("open a content pack", choose_file(broken_pack)),
        ("pack not installed", close),
    )
    reporter = CrashReporter(QApplication.instance(), tmp_path / "kompetenz.log", lambda: None)
    walker.walk(
        lambda: reporter.handle(RuntimeError, RuntimeError("kaputt"), None),
        ("crash", close),
    )
    reporter.deleteLater()
    problems = {dialog: found for dialog, found in walker.seen.items() if found}
    assert problems == {}
    assert len(walker.seen) == 9


def test_the_template_and_print_dialogs_name_their_controls(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: ProgressStore
) -> None:
    walker = DialogWalker(qtbot)
    window.profiles.choose_profile(_profile(store, "Sabine Sekretariat"))
    window.open_module("ziele")
    window.open_lesson("01-daten.md")
    walker.seen["lesson with a template"] = dialog_problems(window)
    walker.walk(window.lesson_page.templates.buttons[0].click, ("template", lambda _d: None))
    [template] = window.findChildren(TemplateDialog)
    walker.walk(template.print_button.click, ("template print preview", reject))
    template.close()
    walker.walk(window.profiles.change_role, ("change role", reject))
    _pass_quiz(window, store, "ziele")
    service = CertificateService(store, window.services.course, window.services.data_dir)
    assert window.profile is not None
    number = service.issue(window.profile.id, "ziele", "module").number
    window.show_progress()
    walker.seen["progress with a certificate"] = dialog_problems(window)
    walker.walk(
        lambda: window.certificates.print_issued(number), ("certificate print preview", reject)
    )
    problems = {dialog: found for dialog, found in walker.seen.items() if found}
    assert problems == {}


def tab_stops(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `dialog`, in order (Qt's focus chain, as Tab follows it)."""
    stops, widget = [], dialog.nextInFocusChain()
    while widget is not dialog:
        if (
            widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def test_the_print_preview_can_be_used_without_a_mouse(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, store: ProgressStore
) -> None:
    """Qt keeps a toolbar out of the Tab order; the preview has no menu, so "Print" could
    only be clicked."""
    reached: list[str] = []
    more: list[str] = []  # the name of the toolbar's "more" button, while it is narrow

    def tab_through(dialog: QWidget) -> None:
        narrow = [stop for stop in tab_stops(dialog) if isinstance(stop, QToolButton)]
        more.extend(accessible_name(b) for b in narrow if b.objectName() == "qt_toolbar_ext_button")
        dialog.resize(2400, 900)  # wide enough for every button of the toolbar
        QApplication.processEvents()
        reached.extend(
            _said(stop.text()) for stop in tab_stops(dialog) if isinstance(stop, QToolButton)
        )
        reject(dialog)

    walker = DialogWalker(qtbot)
    window.profiles.choose_profile(_profile(store, "Sabine Sekretariat"))
    window.open_module("ziele")
    window.open_lesson("01-daten.md")
    window.lesson_page.templates.buttons[0].click()
    [template] = window.findChildren(TemplateDialog)
    walker.walk(template.print_button.click, ("preview", tab_through))
    printing = QCoreApplication.translate("QPrintPreviewDialog", "Print")
    assert _said(printing) in reached, " | ".join(reached)
    assert len(reached) >= 10  # zoom, orientation, pages, page setup, print
    assert more in (
        [],
        [QCoreApplication.translate("Printing", "More buttons")],
    )


def test_a_field_whose_name_hides_its_label_is_found(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    label = QLabel("&Schriftgröße:", root)
    field = QLineEdit(root)
    field.setObjectName("size")
    label.setBuddy(field)
    field.setAccessibleName("Zoom")
    root.show()
    assert label_problems(root) == [
        "QLineEdit 'size' is labelled '&Schriftgröße:' but named 'Zoom'"
    ]
    assert stale_names(root) == ["QLineEdit 'size' keeps its name"]
    field.setAccessibleName("")  # Qt then names it by its label
    assert label_problems(root) == []
    assert stale_names(root) == []
