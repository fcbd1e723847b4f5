"""A secretary's home page shows her path; the role can be changed; templates open beside
their lesson, print, and save as real ODT files."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from ui_helpers import ROLES_COURSE, AnsweringDialogs, copy_of_roles_course

from kompetenz.content.loader import load_course
from kompetenz.store.records import Role
from kompetenz.store.service import ProgressStore
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.template_view import TemplateDialog

TEMPLATE = "vorlagen/elternbrief.md"


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    """The course the conftest's main window is built over: here the roles test course."""
    return copy_of_roles_course(tmp_path)


@pytest.fixture
def window(main_window_factory, store: ProgressStore, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    store.create_profile("Sabine Sekretariat", role=Role.ADMINISTRATION)
    main: MainWindow = main_window_factory()
    _dialogs(main).save_path = tmp_path / "Elternbrief.odt"
    return main


def _ids(view_model: object) -> list[str]:
    from kompetenz.ui.module_list import ModuleIdRole

    model = view_model  # a ModuleListModel
    return [model.index(row).data(ModuleIdRole) for row in range(model.rowCount())]  # type: ignore[attr-defined]


def _dialogs(window: MainWindow) -> AnsweringDialogs:
    dialogs = window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    return dialogs


def test_the_home_page_shows_the_secretarys_path_first(window: MainWindow) -> None:
    home = window.home_page
    assert window.stack.currentWidget() is home
    assert _ids(home.module_list.model()) == ["ziele", "verwaltung-pfad"]
    assert _ids(home.other_list.model()) == ["unterricht-pfad", "wahl"]
    assert home.other_list.isVisible()
    assert home.others_heading.isVisible()
    assert "Administration / school office" in home.path_heading.text()
    assert home.change_role_button.isVisible()


def test_the_role_can_be_changed_and_the_path_follows(
    window: MainWindow, store: ProgressStore
) -> None:
    home = window.home_page
    _dialogs(window).choice = None  # cancelled: nothing changes
    home.change_role_button.click()
    assert store.list_profiles()[0].role is Role.ADMINISTRATION

    _dialogs(window).choice = 0  # "Teacher", the first role offered
    home.change_role_button.click()
    assert "Certificates already issued stay as they are" in _dialogs(window).asked[-1]
    assert store.list_profiles()[0].role is Role.TEACHER
    assert window.profile is not None
    assert window.profile.role is Role.TEACHER
    assert _ids(home.module_list.model()) == ["ziele", "unterricht-pfad"]
    assert "Teacher" in home.path_heading.text()


def test_templates_are_offered_beside_their_lesson_and_on_the_module_page(
    window: MainWindow,
) -> None:
    window.open_module("ziele")
    module_box = window.module_page.templates
    assert module_box.isVisible()
    assert [b.text() for b in module_box.buttons] == ["Elternbrief zur KI-Nutzung …"]
    window.open_lesson("01-daten.md")
    lesson_box = window.lesson_page.templates
    assert lesson_box.isVisible()
    button = lesson_box.buttons[0]
    assert button.accessibleDescription() == "Open the template Elternbrief zur KI-Nutzung"
    assert button.accessibleName() == ""  # Qt names it by its visible text
    window.open_lesson("02-taeuschung.md")
    assert not lesson_box.isVisible()  # no template belongs to this lesson


def _open_template(window: MainWindow) -> TemplateDialog:
    window.open_module("ziele")
    window.open_lesson("01-daten.md")
    window.lesson_page.templates.buttons[0].click()
    [dialog] = window.findChildren(TemplateDialog)
    return dialog


def test_a_template_opens_rendered_and_saves_as_a_real_odt_file(
    window: MainWindow, tmp_path: Path
) -> None:
    dialog = _open_template(window)
    assert dialog.isVisible()
    text = dialog.view.toPlainText()
    assert "Elternbrief zur KI-Nutzung" in text
    assert "Sehr geehrte Eltern," in text
    assert "**" not in text  # rendered, not shown as Markdown

    dialog.save_button.click()
    assert _dialogs(window).asked[-1] == (
        "Save the template „Elternbrief zur KI-Nutzung“ as an editable document"
    )
    saved = tmp_path / "Elternbrief.odt"
    with zipfile.ZipFile(saved) as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = odt.read("content.xml").decode("utf-8")
    assert "Elternbrief zur KI-Nutzung" in content
    assert "KI-Werkzeuge" in content


def test_a_failed_save_is_explained(window: MainWindow, tmp_path: Path) -> None:
    dialog = _open_template(window)
    _dialogs(window).save_path = tmp_path / "gibt-es-nicht" / "Elternbrief.odt"
    assert dialog.save_template() is None
    assert "could not be written" in _dialogs(window).messages[-1]


def test_the_template_prints_through_the_preview(window: MainWindow, tmp_path: Path) -> None:
    dialog = _open_template(window)
    preview = dialog.preview_dialog()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "vorlage.pdf"))
    preview.paintRequested.emit(printer)
    text = " ".join(PdfReader(tmp_path / "vorlage.pdf").pages[0].extract_text().split())
    assert "Elternbrief zur KI-Nutzung" in text
    assert "Sehr geehrte Eltern" in text
    preview.deleteLater()


def test_in_dark_mode_the_screen_is_dark_and_the_saved_file_is_not(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kompetenz.ui import template_view

    monkeypatch.setattr(template_view, "is_dark", lambda: True)  # not the app-wide palette
    dialog = _open_template(window)
    assert dialog.view.document() is not dialog.document
    assert "#2b2e35" in dialog.view.document().defaultStyleSheet()  # dark table heads
    assert "#2b2e35" not in dialog.document.defaultStyleSheet()


def test_a_template_removed_after_loading_is_explained_not_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWidget

    from kompetenz.ui.template_view import template_document

    course_copy = tmp_path / "roles"
    shutil.copytree(ROLES_COURSE, course_copy)
    module = load_course([course_copy]).module("ziele")
    assert module is not None
    (module.folder / TEMPLATE).unlink()
    parent = QWidget()
    qtbot.addWidget(parent)
    text = template_document(module, module.templates[0], parent).toPlainText()
    assert "Elternbrief zur KI-Nutzung" in text
    assert "This template cannot be shown" in text
    assert "elternbrief.md" in text
