"""The German UI says "Lernnachweis" for the learning record and "Zertifikat" for a certificate.

"Bescheinigung" was the old word for both. It stays only in "Teilnahmebescheinigung", the title
printed on a module's certificate (docs/certificates.md).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import AnsweringDialogs

from kompetenz.store.service import ProgressStore
from kompetenz.ui.i18n import install_translators
from kompetenz.ui.main_window import MainWindow

GERMAN = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kompetenz_de.ts"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "de")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def _catch_message_box(seen: list[tuple[str, str]]) -> None:
    """Record the title and text of the next message box, then close it."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, lambda: _catch_message_box(seen))
        return
    seen.append((box.windowTitle(), box.text()))
    box.close()


def test_a_failed_learning_record_is_reported_as_a_lernnachweis(  # type: ignore[no-untyped-def]
    qtbot: QtBot, german, main_window_factory, store: ProgressStore, tmp_path: Path
) -> None:
    store.create_profile("Lena Lernnachweis")  # the only profile: it opens at once
    window: MainWindow = main_window_factory()
    assert window.profile is not None
    not_a_folder = tmp_path / "datei.txt"
    not_a_folder.write_text("eine Datei, kein Ordner", encoding="utf-8")
    dialogs = window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    dialogs.save_path = not_a_folder / "Lernnachweis.pdf"  # cannot be written, even by root
    seen: list[tuple[str, str]] = []
    QTimer.singleShot(0, lambda: _catch_message_box(seen))
    window.certificates.export_portfolio()
    qtbot.waitUntil(lambda: bool(seen), timeout=120_000)
    [(title, text)] = seen
    assert dialogs.asked == ["Lernnachweis speichern"]
    assert title == "Lernnachweis"
    assert text.startswith("Der Lernnachweis konnte nicht gespeichert werden: ")
    assert "Lernnachweis.pdf" in text or "datei.txt" in text
    assert "Zertifikat" not in text
    assert "Bescheinigung" not in text


def test_no_german_text_uses_the_old_word() -> None:
    stale = [
        translation
        for message in ET.parse(GERMAN).getroot().iter("message")
        if (translation := message.findtext("translation") or "")
        and re.search(r"(?<!Teilnahme)[Bb]escheinigung", translation)
    ]
    assert stale == []
