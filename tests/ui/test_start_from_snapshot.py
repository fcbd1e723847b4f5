"""The real start path: progress on screen from the read-only snapshot, the store right after.

The store opens in the background once the first screen is up; a learner who clicks before
that gets the real store at once, and nothing ever goes to a stand-in.
"""

from __future__ import annotations

from pathlib import Path

from ui_helpers import AnsweringDialogs

from kompetenz.content.loader import load_course
from kompetenz.store.database import open_store
from kompetenz.ui.launch import open_learner_data
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.services import AppServices


def _learner_with_progress(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        anna = store.create_profile("Anna Anfang")
        store.open_lesson(anna.id, "beispiel", "01-prompts.md")
        store.complete_lesson(anna.id, "beispiel", "01-prompts.md")
        store.set_preference(anna.id, "tour_seen", True)


def _window(qtbot, sample_content: Path, data_dir: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    services = AppServices(
        course=load_course([sample_content]),
        data_dir=data_dir,
        dialogs=AnsweringDialogs(data_dir / "unused.pdf"),
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_screen_comes_from_the_snapshot_and_the_store_follows(
    qtbot, sample_content: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _learner_with_progress(data_dir)
    window = _window(qtbot, sample_content, data_dir)
    open_learner_data(window, window.services)
    assert not window.store_is_open  # the screen below was filled without the store
    assert window.profile is not None
    assert window.profile.name == "Anna Anfang"
    assert window.stack.currentWidget() is window.home_page
    assert window.home_page.overall_bar.isVisible()
    assert window.home_page.overview_label.text().startswith("1 of ")
    assert window.home_page.continue_button.isVisible()
    assert not window.home_page.tour.isVisible()  # the preference came through too
    assert window.services.lock is not None  # the data folder is ours before anything is read
    qtbot.waitUntil(lambda: window.store_is_open, timeout=15000)
    assert window.stack.currentWidget() is window.home_page  # the screen was not rebuilt
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)  # the daily backup
    window.close()


def test_a_click_before_the_store_is_open_gets_the_real_store(
    qtbot, sample_content: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _learner_with_progress(data_dir)
    window = _window(qtbot, sample_content, data_dir)
    open_learner_data(window, window.services)
    assert not window.store_is_open
    window.open_module("beispiel")  # at once, before the background opening has finished
    assert window.store_is_open
    assert window.stack.currentWidget() is window.module_page
    store = window.store
    assert store is not None
    assert window.profile is not None
    assert "01-prompts.md" in store.lesson_states(window.profile.id, "beispiel")
    qtbot.wait(1000)  # the background opening finishes and must not open a second store
    assert window.store is store
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)
    window.close()


def test_a_first_start_opens_the_store_at_once(qtbot, sample_content: Path, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample_content, data_dir)
    open_learner_data(window, window.services)  # no database yet: nothing to take a snapshot of
    assert window.store_is_open
    assert window.stack.currentWidget() is window.welcome_page
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)
    window.close()


def test_a_damaged_database_still_gets_the_store_and_its_questions(
    qtbot, sample_content: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _learner_with_progress(data_dir)
    database = data_dir / "kompetenz.sqlite3"
    with database.open("r+b") as handle:
        handle.write(b"no longer an SQLite file" * 4)
    before = database.read_bytes()
    window = _window(qtbot, sample_content, data_dir)
    window.services.dialogs.confirm_answer = False  # no backup to restore: keep the file
    open_learner_data(window, window.services)
    assert window.store is None
    assert database.read_bytes() == before  # never replaced by an empty database


def test_pages_are_built_when_first_needed_and_come_wired(
    qtbot, sample_content: Path, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    _learner_with_progress(data_dir)
    window = _window(qtbot, sample_content, data_dir)
    assert window.stack.count() == 1  # the home page only
    open_learner_data(window, window.services)
    assert window.stack.count() == 1
    window.open_module("beispiel")
    window.open_lesson("02-grenzen.md")
    assert window.stack.count() == 3  # home, module, lesson
    window.lesson_page.lesson_completed.emit("02-grenzen.md")  # the reader's own signal
    store = window.store
    assert store is not None
    assert window.profile is not None
    states = store.lesson_states(window.profile.id, "beispiel")
    assert states["02-grenzen.md"].is_completed
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)
    window.close()
