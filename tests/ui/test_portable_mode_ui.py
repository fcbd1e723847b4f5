"""Portable mode in the window (status bar, About, Qt's own settings, the refusal on a
write-protected stick) and `kompetenz --selftest`, which the frozen app's smoke test uses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from kompetenz.ui.app_dialogs import show_about
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.portable_mode import (
    PORTABLE_LABEL,
    keep_qt_settings_in,
    refuse_to_start,
    show_portable_mode,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen_portable(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The window's data folder is the portable one: the frozen app's `daten/` with the
    marker beside the executable."""
    app_folder = data_dir.parent
    (app_folder / "portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app_folder / "kompetenz"))
    monkeypatch.setattr("kompetenz.datadir.PORTABLE_DATA_DIR", data_dir.name)
    return data_dir


def test_the_status_bar_says_portable_mode(main_window: MainWindow, data_dir: Path) -> None:
    label = show_portable_mode(main_window, data_dir)
    found = main_window.statusBar().findChild(QLabel, PORTABLE_LABEL)
    assert found is label
    assert found.isVisible()
    assert found.text() == "Portable mode"  # no translator installed in this test
    assert str(data_dir) in found.toolTip()
    assert found.accessibleName() == found.text()


def _about_text(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> str:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    show_about(window)
    assert len(shown) == 1
    return shown[0]


def test_about_says_portable_mode_only_when_it_is(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    assert "Portable mode" not in _about_text(main_window, monkeypatch)
    request.getfixturevalue("frozen_portable")
    text = _about_text(main_window, monkeypatch)
    assert "Portable mode" in text
    assert str(main_window.services.data_dir) in text


@pytest.fixture
def restored_qt_settings_paths() -> Iterator[None]:
    """QSettings.setPath is process-wide: put Qt's default folders back afterwards."""
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    before = {f: QSettings(f, QSettings.Scope.UserScope, "QtProject").fileName() for f in formats}
    yield
    for settings_format, file_name in before.items():
        QSettings.setPath(settings_format, QSettings.Scope.UserScope,
                          str(Path(file_name).parent))


@pytest.mark.usefixtures("restored_qt_settings_paths")
def test_qt_own_settings_go_to_the_data_folder(qapp: QApplication, data_dir: Path) -> None:
    keep_qt_settings_in(data_dir)
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")  # what QFileDialog uses
    settings.setValue("FileDialog/lastVisited", "file:///media/stick")
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(data_dir)
    assert Path(settings.fileName()).is_file()


def test_a_refused_start_says_why_without_a_dialog_in_the_selftest(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refuse_to_start(qapp, "Ordner „/media/stick/daten“ ist schreibgeschützt.", ask=False) == 1
    assert "/media/stick/daten" in capsys.readouterr().err


def _selftest(data_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPETENZ_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    return subprocess.run(
        [sys.executable, "-m", "kompetenz", "--data-dir", str(data_dir), "--selftest"],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120,
    )


@pytest.mark.slow
def test_selftest_runs_the_real_start_and_reports_the_first_screen(
    data_dir: Path, tmp_path: Path
) -> None:
    done = _selftest(data_dir, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Selbsttest: Startseite gezeigt (welcomePage)" in done.stdout
    assert "FEHLT" not in done.stdout
    assert "portabler Modus" not in done.stdout  # run from Python: never portable
    assert (data_dir / "kompetenz.sqlite3").is_file()  # the migrations ran


@pytest.mark.slow
def test_selftest_fails_when_the_style_sheet_is_missing(data_dir: Path, tmp_path: Path) -> None:
    """A resource the app needs but can start without: the self-test must not pass."""
    broken = tmp_path / "ohne-stil"
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_STYLE, str(data_dir)],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(broken)},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FEHLT – Das Stylesheet" in done.stdout


# The real start, with the style sheet's path pointing nowhere (as if the build had lost it).
_WITHOUT_STYLE = """
import sys
from pathlib import Path
import kompetenz.ui.style as style
real = style.resource_path
style.resource_path = lambda *parts: Path("/nicht/da") if parts[0] == "styles" else real(*parts)
from kompetenz.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "--selftest"]))
"""
