"""The log file, what it never contains, the crash dialog and the version report."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kompetenz import __version__
from kompetenz.about import version_report
from kompetenz.logsetup import REDACTED, configure_logging, redact
from kompetenz.ui.crash_dialog import CrashDialog, install_excepthook


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = configure_logging(tmp_path / "data")
    yield path
    for handler in [h for h in root.handlers if h.get_name() == "kompetenz-file"]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _flushed(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text("utf-8")


def test_the_log_lives_in_the_data_folder_and_rotates(log_file: Path, tmp_path: Path) -> None:
    assert log_file == tmp_path / "data" / "logs" / "kompetenz.log"
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "kompetenz-file")
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == 1_000_000
    assert handler.backupCount == 5
    logging.getLogger("kompetenz.test").info("Start")
    assert "INFO kompetenz.test: Start" in _flushed(log_file)


def test_passwords_and_notes_never_reach_the_file(log_file: Path) -> None:
    log = logging.getLogger("kompetenz.test")
    log.info("login password=%s user=%s", "Geheim123!", "erika")
    log.info("profile %s", {"name": "Erika", "passwort": "Sommer2026", "school": "GS"})
    log.info(
        "saved %(notiz)s for %(lesson)s", {"notiz": "Schüler M. wirkt bedrückt", "lesson": "01.md"}
    )
    log.warning("note='Elterngespräch am Montag' lesson=02.md")
    log.info("Kennwort: Winter2025 geändert")
    try:
        raise ValueError("bad password=Herbst2024")
    except ValueError:
        log.exception("failed")
    text = _flushed(log_file)
    for secret in (
        "Geheim123!",
        "Sommer2026",
        "bedrückt",
        "Elterngespräch",
        "Winter2025",
        "Herbst2024",
    ):
        assert secret not in text
    assert text.count(REDACTED) >= 6
    assert "'name': 'Erika'" in text
    assert "01.md" in text
    assert "Traceback" in text
    assert "ValueError" in text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("password=hunter2", "password="),
        ('{"new_password": "x y"}', '"new_password": '),
        ("notiz: Ein langer Text mit Leerzeichen", "notiz: "),
        ("token=abc\nnächste Zeile", "\nnächste Zeile"),
    ],
)
def test_redact(text: str, kept: str) -> None:
    result = redact(text)
    assert REDACTED in result
    assert kept in result
    assert "hunter2" not in result
    assert "langer" not in result


def test_a_log_that_cannot_be_written_does_not_stop_the_app(tmp_path: Path) -> None:
    blocked = tmp_path / "datei"
    blocked.write_text("kein Ordner")
    root = logging.getLogger()
    try:
        path = configure_logging(blocked)  # data "folder" is a file: logs go elsewhere
        assert path.name == "kompetenz.log"
        assert not path.is_relative_to(blocked)
    finally:
        for handler in [h for h in root.handlers if h.get_name() == "kompetenz-file"]:
            root.removeHandler(handler)
            handler.close()


def test_an_exception_in_a_slot_is_logged_and_shown_kindly(
    qtbot: QtBot,
    qapp: QApplication,
    log_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    quit_calls: list[int] = []
    reporter = install_excepthook(
        qapp, tmp_path / "data", log_file, quit_app=lambda: quit_calls.append(1)
    )
    button = QPushButton("Absturz")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise ZeroDivisionError("division by zero in a slot")

    button.clicked.connect(broken_slot)
    with qtbot.waitSignal(reporter.crash_shown, timeout=3000):
        button.click()
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible()
    shown = dialog.text() + dialog.informativeText()
    assert "unerwarteter Fehler" in shown
    assert str(log_file) in shown
    assert "Jede Antwort" in shown
    assert "gespeichert" in shown
    assert "Traceback" not in shown
    assert "ZeroDivisionError" not in shown
    assert {b.text() for b in dialog.buttons()} == {"Weiter", "Beenden"}
    logged = _flushed(log_file)
    assert "CRITICAL kompetenz.crash: Unerwarteter Fehler" in logged
    assert "Traceback" in logged
    assert "ZeroDivisionError: division by zero in a slot" in logged
    assert "broken_slot" in logged

    QTimer.singleShot(0, broken_slot)  # a second error while the dialog shows: no second one
    qtbot.waitUntil(lambda: reporter.count == 2, timeout=3000)
    assert reporter.dialog is dialog
    dialog.quit_button.click()
    assert quit_calls == [1]
    reporter.uninstall()


def test_an_exception_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot,
    qapp: QApplication,
    log_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = install_excepthook(qapp, tmp_path / "data", log_file, quit_app=lambda: None)

    def work() -> None:
        raise OSError("disk gone in a worker")

    with qtbot.waitSignal(reporter.crash_shown, timeout=3000):
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
    assert reporter.dialog is not None
    assert reporter.dialog.isVisible()
    assert "disk gone in a worker" in _flushed(log_file)
    reporter.dialog.continue_button.click()
    assert not reporter.dialog.isVisible()
    reporter.uninstall()


def test_version_report_names_what_a_bug_report_needs() -> None:
    import platform

    import sqlalchemy
    from PySide6 import QtCore

    report = version_report()
    assert f"Kompetenz {__version__}" in report
    assert f"Python {platform.python_version()}" in report
    assert f"Qt {QtCore.qVersion()}" in report
    assert "PySide6 " in report
    assert f"SQLAlchemy {sqlalchemy.__version__}" in report
    assert platform.system() in report


def test_an_error_while_showing_the_dialog_does_not_loop(
    qtbot: QtBot,
    qapp: QApplication,
    log_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = install_excepthook(qapp, tmp_path / "data", log_file, quit_app=lambda: None)

    def broken_dialog(*args: object) -> None:
        raise RuntimeError("the dialog itself fails")

    monkeypatch.setattr("kompetenz.ui.crash_dialog.CrashDialog", broken_dialog)
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: reporter.count == 2, timeout=3000)  # the error and the dialog's
    qtbot.wait(50)
    assert reporter.count == 2
    logged = _flushed(log_file)
    assert "ZeroDivisionError" in logged
    assert "the dialog itself fails" in logged
    reporter.uninstall()
