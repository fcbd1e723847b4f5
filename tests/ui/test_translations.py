"""The German UI is complete, and the translation files match the source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from ui_helpers import visit_every_screen

from kompetenz.ui.i18n import install_translators
from kompetenz.ui.main_window import MainWindow

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
GERMAN = TRANSLATIONS / "kompetenz_de.ts"


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def test_every_german_entry_is_translated() -> None:
    missing = [
        f"{context}: {source!r}"
        for context, source, message in messages(GERMAN)
        if message.find("translation") is None
        or not (message.findtext("translation") or "").strip()
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
    ]
    assert missing == []


def test_the_translation_files_match_the_source_and_the_built_files(tmp_path: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    copy = tmp_path / "kompetenz_de.ts"
    shutil.copy(GERMAN, copy)
    sources = sorted(str(p) for p in (TRANSLATIONS.parents[1] / "kompetenz" / "ui").glob("*.py"))
    subprocess.run(
        [str(tool), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    fresh = {(c, s) for c, s, _ in messages(copy)}
    committed = {(c, s) for c, s, _ in messages(GERMAN)}
    assert fresh == committed, "run resources/translations/update.py"
    release = Path(sys.executable).with_name("pyside6-lrelease")
    built = tmp_path / "kompetenz_de.qm"
    subprocess.run([str(release), "-silent", str(GERMAN), "-qm", str(built)], check=True)
    assert built.read_bytes() == (TRANSLATIONS / "kompetenz_de.qm").read_bytes(), (
        "run resources/translations/update.py"
    )


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts.append(widget.accessibleName())
    for action in (
        root.findChildren(type(root.menuBar().actions()[0])) if hasattr(root, "menuBar") else []
    ):
        texts.append(action.text())
    return [t for t in texts if t]


@pytest.fixture
def german(qapp: QApplication):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "de")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_no_english_text_is_visible_in_german(qtbot, german, main_window_factory) -> None:  # type: ignore[no-untyped-def]
    english = {
        source
        for _, source, message in messages(GERMAN)
        if (message.findtext("translation") or "") != source
    }
    window: MainWindow = main_window_factory()
    seen: dict[str, list[str]] = {}

    def check(screen: str) -> None:
        leftovers = [t for t in _visible_texts(window) if t in english]
        if leftovers:
            seen[screen] = leftovers

    visit_every_screen(window, check)
    assert seen == {}
    assert window.module_page.start_quiz_button.text() != "Start quiz"
