"""Profiles on a shared staff-room PC: passwords, choosing, deleting."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from kompetenz.store.records import Role
from kompetenz.ui.main_window import MainWindow


def _dialogs(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.services.dialogs


def test_new_profile_with_password_must_be_typed_twice(
    qtbot,
    main_window: MainWindow,  # type: ignore[no-untyped-def]
    store,
) -> None:
    page = main_window.welcome_page
    qtbot.keyClicks(page.name_field, "Petra Passwort")
    qtbot.keyClicks(page.password_field, "geheim123")
    qtbot.keyClicks(page.password_repeat_field, "geheim124")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "differ" in page.error_label.text()
    assert store.list_profiles() == []
    qtbot.keyClicks(page.password_field, "geheim123")
    qtbot.keyClicks(page.password_repeat_field, "geheim123")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    [profile] = store.list_profiles()
    assert profile.has_password
    assert store.check_password(profile.id, "geheim123")
    assert main_window.stack.currentWidget() is main_window.home_page


def test_a_password_protected_profile_opens_only_with_its_password(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store
) -> None:
    store.create_profile("Ohne Passwort")
    locked = store.create_profile("Mit Passwort", role=Role.LEADERSHIP, password="richtig")
    main_window.profiles.show_chooser()
    assert main_window.stack.currentWidget() is main_window.profile_page
    dialogs = _dialogs(main_window)
    dialogs.password = "falsch"
    main_window.profile_page.profile_chosen.emit(locked.id)
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=10_000)  # checked off the GUI thread
    assert main_window.profile is None
    assert dialogs.messages[-1] == "The password is not correct. Please try again."
    # The next try waits out the back-off, shown as a countdown with the list disabled.
    page = main_window.profile_page
    assert page.wait_label.isVisible()
    assert "try again in" in page.wait_label.text()
    assert not page.profile_list.isEnabled()
    assert not page.open_button.isEnabled()
    qtbot.waitUntil(lambda: page.profile_list.isEnabled(), timeout=10_000)
    assert not page.wait_label.isVisible()
    dialogs.password = "richtig"
    main_window.profile_page.profile_chosen.emit(locked.id)
    qtbot.waitUntil(lambda: main_window.profile is not None, timeout=10_000)
    assert main_window.profile is not None
    assert main_window.profile.name == "Mit Passwort"


def test_deleting_a_profile_erases_its_rows_after_confirmation(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store, data_dir: Path
) -> None:
    keep = store.create_profile("Bleibt")
    gone = store.create_profile("Geht")
    for profile in (keep, gone):
        store.complete_lesson(profile.id, "beispiel", "01-prompts.md")
        store.save_note(profile.id, "beispiel", "01-prompts.md", "Notiz")
    main_window.profiles.show_chooser()
    dialogs = _dialogs(main_window)
    dialogs.confirm_answer = False
    main_window.profile_page.delete_requested.emit(gone.id)
    assert {p.name for p in store.list_profiles()} == {"Bleibt", "Geht"}
    dialogs.confirm_answer = True
    main_window.profile_page.delete_requested.emit(gone.id)
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=10_000)  # erased off the GUI thread
    assert [p.name for p in store.list_profiles()] == ["Bleibt"]
    assert "was deleted" in dialogs.messages[-1]
    with sqlite3.connect(data_dir / "kompetenz.sqlite3") as db:
        owners = {row[0] for row in db.execute("SELECT profile_id FROM lesson_progress")}
        notes = {row[0] for row in db.execute("SELECT profile_id FROM notes")}
    assert owners == {keep.id}
    assert notes == {keep.id}
    assert main_window.profile_page.profile_list.count() == 1
