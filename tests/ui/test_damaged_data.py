"""A damaged database is never replaced by an empty one: the app offers the newest backup."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import AnsweringDialogs

from kompetenz.content.loader import load_course
from kompetenz.store.database import open_store
from kompetenz.store.sqlite.backups import create_backup
from kompetenz.ui.launch import open_store_into
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.services import AppServices


def _damaged_data_dir(data_dir: Path) -> None:
    store = open_store(data_dir)
    store.create_profile("Bernd Backup")
    store.close()
    create_backup(data_dir, "manual")
    database = data_dir / "kompetenz.sqlite3"
    with database.open("r+b") as handle:  # overwrite the header: no longer a database
        handle.write(b"this is not an SQLite file any more" * 4)


def _window(qtbot, sample_content: Path, data_dir: Path, answer: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    dialogs = AnsweringDialogs(data_dir / "unused.pdf")
    dialogs.confirm_answer = answer
    services = AppServices(course=load_course([sample_content]), data_dir=data_dir, dialogs=dialogs)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_newest_backup_is_restored_on_request(
    qtbot, sample_content: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _damaged_data_dir(data_dir)
    window = _window(qtbot, sample_content, data_dir, answer=True)
    open_store_into(window, window.services)
    qtbot.waitUntil(lambda: window.store_is_open, timeout=10_000)  # restored off the GUI thread
    assert window.store is not None
    assert [p.name for p in window.store.list_profiles()] == ["Bernd Backup"]
    assert any(p.name.startswith("kompetenz.sqlite3.beschaedigt-") for p in data_dir.iterdir())
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)  # the daily backup
    window.close()


def test_declining_keeps_the_damaged_file_untouched(
    qtbot, sample_content: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _damaged_data_dir(data_dir)
    before = (data_dir / "kompetenz.sqlite3").read_bytes()
    window = _window(qtbot, sample_content, data_dir, answer=False)
    open_store_into(window, window.services)
    assert window.store is None
    assert (data_dir / "kompetenz.sqlite3").read_bytes() == before


def test_the_daily_backup_is_made_after_start_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, sample_content: Path, data_dir: Path
) -> None:
    store = open_store(data_dir)
    store.create_profile("Dora Daily")
    store.close()
    window = _window(qtbot, sample_content, data_dir, answer=True)
    open_store_into(window, window.services)
    assert window.busy_bar.isVisible()
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1
    window.close()
