"""Settings: only what differs from the defaults reaches the INI file; the dialog; the themes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QSlider, QSpinBox

from kompetenz.ui import settings as settings_module
from kompetenz.ui.settings import (
    Settings,
    apply_theme,
    dark_palette,
    light_palette,
    load_settings,
    load_window_geometry,
    save_settings,
    save_window_geometry,
    scale_stylesheet,
    settings_path,
)
from kompetenz.ui.settings_dialog import SettingsDialog


def ini_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_only_what_differs_from_the_defaults_is_written(data_dir: Path) -> None:
    path = settings_path(data_dir)
    chosen = Settings(language="en", text_scale=150)
    save_settings(path, chosen)
    assert ini_lines(path) == [
        "[General]",
        "version=1",
        "[preferences]",
        "language=en",
        "text_scale=150",
    ]
    assert load_settings(path) == chosen

    save_settings(path, Settings(theme="dark"))
    lines = ini_lines(path)
    assert "theme=dark" in lines
    assert not any(line.startswith(("language", "text_scale")) for line in lines)
    assert load_settings(path) == Settings(theme="dark")


def test_a_missing_file_gives_the_defaults_and_is_not_created(data_dir: Path) -> None:
    path = settings_path(data_dir)
    assert load_settings(path) == Settings()
    assert not path.exists()


def test_hand_edited_nonsense_falls_back_to_valid_values(data_dir: Path) -> None:
    path = settings_path(data_dir)
    path.parent.mkdir(parents=True)
    path.write_text(
        "[General]\nversion=1\n[preferences]\nlanguage=fr\ntext_scale=500\ntheme=pink\n",
        encoding="utf-8",
    )
    assert load_settings(path) == Settings(text_scale=200)
    path.write_text("[preferences]\ntext_scale=big\n", encoding="utf-8")
    assert load_settings(path).text_scale == 100


def test_window_geometry_is_kept_apart_from_the_preferences(data_dir: Path) -> None:
    path = settings_path(data_dir)
    assert load_window_geometry(path) is None
    save_window_geometry(path, QByteArray(b"\x01\x02geometry"))
    save_settings(path, Settings(text_scale=120))
    assert load_window_geometry(path) == QByteArray(b"\x01\x02geometry")
    text = path.read_text(encoding="utf-8")
    assert text.index("[window]") > 0
    assert "geometry=@ByteArray" in text
    assert load_settings(path) == Settings(text_scale=120)
    save_settings(path, Settings())  # back to the defaults: the geometry stays
    assert load_window_geometry(path) == QByteArray(b"\x01\x02geometry")


def test_an_older_file_is_migrated_step_by_step(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename_scale(store: QSettings) -> None:
        store.setValue("preferences/text_scale", store.value("preferences/font_percent"))
        store.remove("preferences/font_percent")

    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 2)
    monkeypatch.setattr(settings_module, "MIGRATIONS", {1: rename_scale})
    path = settings_path(data_dir)
    path.parent.mkdir(parents=True)
    path.write_text("[General]\nversion=1\n[preferences]\nfont_percent=130\n", encoding="utf-8")
    assert load_settings(path) == Settings(text_scale=130)
    lines = ini_lines(path)
    assert "version=2" in lines
    assert "text_scale=130" in lines
    assert not any("font_percent" in line for line in lines)


def test_a_file_from_a_newer_version_keeps_its_version(data_dir: Path) -> None:
    path = settings_path(data_dir)
    path.parent.mkdir(parents=True)
    path.write_text("[General]\nversion=7\n[preferences]\nlanguage=en\n", encoding="utf-8")
    assert load_settings(path) == Settings(language="en")
    save_settings(path, Settings(language="en", theme="light"))
    assert "version=7" in ini_lines(path)


def test_the_dialog_returns_what_the_learner_chose(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(Settings(theme="light"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name, kind in (("languageCombo", QComboBox), ("textScaleSlider", QSlider),
                       ("textScaleSpin", QSpinBox), ("themeCombo", QComboBox)):  # fmt: skip
        widget = dialog.findChild(kind, name)
        assert widget is not None, name
        spoken = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        assert spoken, name  # set, or (the slider) taken from its label
    assert "next start" in dialog.findChild(QLabel, "languageNoteLabel").text()
    language = dialog.findChild(QComboBox, "languageCombo")
    language.setCurrentIndex(language.findData("en"))
    slider = dialog.findChild(QSlider, "textScaleSlider")
    preview = dialog.findChild(QLabel, "textPreviewLabel")
    size_before = preview.font().pointSizeF()
    slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert dialog.findChild(QSpinBox, "textScaleSpin").value() == 150
    assert preview.font().pointSizeF() == pytest.approx(size_before * 1.5)
    theme = dialog.findChild(QComboBox, "themeCombo")
    theme.setCurrentIndex(theme.findData("dark"))
    assert dialog.result_settings() == Settings(language="en", text_scale=150, theme="dark")
    qtbot.mouseClick(dialog.findChild(QPushButton, "restoreDefaultsButton"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert dialog.result_settings() == Settings()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)


def test_point_sizes_in_the_stylesheet_scale_with_the_text() -> None:
    qss = "QLabel#pageHeading { font-size: 20pt; }\nQLabel { font-size:10.5pt; padding: 8px; }"
    assert scale_stylesheet(qss, 150) == (
        "QLabel#pageHeading { font-size: 30pt; }\nQLabel { font-size:15.75pt; padding: 8px; }"
    )


def contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_both_palettes_keep_text_readable(palette: QPalette) -> None:
    role = QPalette.ColorRole
    for text, ground in (
        (role.WindowText, role.Window), (role.Text, role.Base), (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight), (role.ToolTipText, role.ToolTipBase),
        (role.Link, role.Base), (role.PlaceholderText, role.Base),
    ):  # fmt: skip
        ratio = contrast(palette.color(text), palette.color(ground))
        assert ratio >= 4.5, (text, ground, ratio)


@pytest.fixture
def restored_app(qapp: QApplication) -> Iterator[QApplication]:
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("kompetenz_theme", "")


def test_apply_theme_switches_between_light_and_dark(restored_app: QApplication) -> None:
    app = restored_app
    assert apply_theme(app, "dark") == "dark"
    assert app.style().name().lower() == "fusion"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert apply_theme(app, "light") == "light"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    # offscreen reports no colour scheme: "system" is light with the platform's palette
    assert apply_theme(app, "system") == "light"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150


def test_the_dialog_fits_a_small_screen_at_double_text_size(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """At 200 % on an 800×600 screen (Qt's offscreen screen): OK and Cancel on the screen,
    the wrapped note and preview not cut off."""
    from kompetenz.resources import resource_path
    from kompetenz.ui.settings import apply_text_scale, scale_stylesheet

    qss = resource_path("styles", "kompetenz.qss").read_text(encoding="utf-8")
    qapp.setStyleSheet(scale_stylesheet(qss, 200))
    apply_text_scale(qapp, 200)
    try:
        dialog = SettingsDialog(Settings(text_scale=200))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        assert screen.width() <= 1024  # a small screen, or the test would not see the problem
        assert dialog.width() <= screen.width()
        assert dialog.height() <= screen.height()
        for name in ("languageNoteLabel", "textPreviewLabel"):
            label = dialog.findChild(QLabel, name)
            assert label.height() >= label.heightForWidth(label.width()), name
    finally:
        qapp.setStyleSheet("")
        apply_text_scale(qapp, 100)
