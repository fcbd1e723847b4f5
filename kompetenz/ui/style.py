"""The app's look: theme, text size and one stylesheet, applied together."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from kompetenz.resources import resource_path
from kompetenz.ui.settings import Settings, apply_text_scale, apply_theme, scale_stylesheet

MIN_POINT_SIZE = 10.5  # below this, reading on an old staff-room monitor gets tiring


def apply_appearance(settings: Settings) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if (
        app.property("kompetenz_base_point_size") is None
        and app.font().pointSizeF() < MIN_POINT_SIZE
    ):
        font = app.font()
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    apply_theme(app, settings.theme)
    apply_text_scale(app, settings.text_scale)
    stylesheet = resource_path("styles", "kompetenz.qss")
    if stylesheet.is_file():
        qss = stylesheet.read_text(encoding="utf-8")
        app.setStyleSheet(scale_stylesheet(qss, settings.text_scale))


def is_dark() -> bool:
    """Whether the palette in effect is a dark one (for HTML views that cannot use it)."""
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128
