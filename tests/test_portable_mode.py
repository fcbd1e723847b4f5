"""Portable mode: a file `portable` beside the frozen app's executable puts the data in `daten/`
beside it; `--data-dir` and KOMPETENZ_DATA_DIR still win; a write-protected stick gets a clear
German message and nothing is written anywhere. (The frozen app itself: scripts/smoke-frozen.)

"Frozen" is what PyInstaller's bootloader sets: `sys.frozen` and `sys.executable` pointing at
the app's executable. The tests set exactly these two.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kompetenz.cli import main
from kompetenz.datadir import (
    ENV_DATA_DIR,
    is_portable,
    portable_data_dir,
    portable_problem,
    resolve_data_dir,
)


@pytest.fixture
def app_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen app's folder with the `portable` marker; HOME and the XDG folders empty."""
    folder = tmp_path / "stick" / "kompetenz"
    folder.mkdir(parents=True)
    (folder / "kompetenz").write_bytes(b"")
    (folder / "portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "kompetenz"))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", ENV_DATA_DIR):
        monkeypatch.delenv(name, raising=False)
    return folder


def test_the_marker_puts_the_data_beside_the_executable(app_folder: Path) -> None:
    assert resolve_data_dir() == app_folder / "daten"
    assert portable_data_dir() == app_folder / "daten"
    assert is_portable(app_folder / "daten")


def test_option_and_variable_still_win(
    app_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "gewaehlt"
    assert resolve_data_dir(chosen) == chosen
    assert not is_portable(chosen)
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "variable"))
    assert resolve_data_dir() == tmp_path / "variable"
    assert resolve_data_dir(chosen) == chosen


def test_without_the_marker_the_user_profile_is_used(app_folder: Path) -> None:
    (app_folder / "portable").unlink()
    assert portable_data_dir() is None
    assert resolve_data_dir() != app_folder / "daten"


def test_a_marker_beside_python_means_nothing(
    app_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from Python (pip, source), "beside the executable" would be beside the interpreter."""
    monkeypatch.setattr(sys, "frozen", False)
    assert portable_data_dir() is None


def test_the_cli_works_in_the_portable_folder_and_leaves_the_profile_alone(
    app_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "create", "Erika Musterfrau"]) == 0
    assert main(["profile", "list"]) == 0
    assert "Erika Musterfrau" in capsys.readouterr().out
    assert (app_folder / "daten" / "kompetenz.sqlite3").is_file()
    assert list((tmp_path / "home").rglob("*")) == []


def _write_protect(app_folder: Path) -> None:
    """Where `daten/` should be there is a file, so the folder cannot be made: an OSError like
    on a read-only stick, also for root (who ignores permissions; the smoke test uses a real
    read-only mount)."""
    (app_folder / "daten").write_text("kein Ordner", encoding="utf-8")


def test_a_write_protected_stick_gets_a_message_naming_the_folder(app_folder: Path) -> None:
    _write_protect(app_folder)
    message = portable_problem(app_folder / "daten")
    assert message is not None
    assert str(app_folder / "daten") in message
    assert "schreibgeschützt" in message
    assert portable_problem(app_folder.parent / "anderswo") is None  # not portable: not asked


def test_the_cli_refuses_a_write_protected_stick_with_status_1(
    app_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_protect(app_folder)
    assert main(["profile", "create", "Erika Musterfrau"]) == 1
    error = capsys.readouterr().err
    assert "portablen Modus" in error
    assert str(app_folder / "daten") in error
    assert "Traceback" not in error
    assert list((tmp_path / "home").rglob("*")) == []
    assert sorted(p.name for p in app_folder.iterdir()) == ["daten", "kompetenz", "portable"]
