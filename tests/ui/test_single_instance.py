"""A second start with the same data folder asks the first one to come forward."""

from __future__ import annotations

from pathlib import Path

from kompetenz.ui.single_instance import InstanceServer, ask_running_copy_to_raise, server_name


def test_a_second_copy_asks_the_first_to_raise(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = InstanceServer(tmp_path / "data")
    with qtbot.waitSignal(server.raise_requested, timeout=3000):
        assert ask_running_copy_to_raise(tmp_path / "data")


def test_no_running_copy_means_no_answer(tmp_path: Path) -> None:
    assert not ask_running_copy_to_raise(tmp_path / "nobody-here")


def test_each_data_folder_has_its_own_name(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a" / ".." / "a")


def test_closing_the_window_closes_the_server_and_its_socket(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    InstanceServer(tmp_path / "data", window)
    window.show()
    assert ask_running_copy_to_raise(tmp_path / "data")
    window.close()
    assert not ask_running_copy_to_raise(tmp_path / "data")
