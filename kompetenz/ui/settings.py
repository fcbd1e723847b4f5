"""The preferences of this installation: language, text size, theme; and the window's place.

One typed set of defaults (`Settings`). The file is `settings.ini` in the data folder, read and
written with QSettings in INI format: plain text an IT admin can read, never a pickle. Only
what differs from the default is stored, so a changed default reaches everyone who never
chose otherwise. The window geometry lives in its own group: it is state, not a preference.

The file carries a format version. To change the format, raise SETTINGS_VERSION and add a
function to MIGRATIONS that rewrites a file of the previous version; files are upgraded
step by step when read. A file from a newer version of the app is read as far as it is
understood and its version is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

SETTINGS_FILE = "settings.ini"
SETTINGS_VERSION = 1
LANGUAGES = ("de", "en")
THEMES = ("system", "light", "dark")
TEXT_SCALE_MIN, TEXT_SCALE_MAX, TEXT_SCALE_STEP = 80, 200, 10
_PREFERENCES = "preferences"
_WINDOW_GEOMETRY = "window/geometry"

# MIGRATIONS[n] turns a file of version n into one of version n + 1.
MIGRATIONS: dict[int, Callable[[QSettings], None]] = {}


@dataclass(frozen=True)
class Settings:
    language: str = "de"  # takes effect at the next start
    text_scale: int = 100  # percent of the normal text size
    theme: str = "system"  # "system" follows the operating system's light or dark mode

    def checked(self) -> Settings:
        """These settings with every unknown or out-of-range value replaced by a valid one."""
        default = Settings()
        scale = round(self.text_scale / TEXT_SCALE_STEP) * TEXT_SCALE_STEP
        return replace(
            self,
            language=self.language if self.language in LANGUAGES else default.language,
            theme=self.theme if self.theme in THEMES else default.theme,
            text_scale=min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, scale)),
        )


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE


def _open(path: Path) -> QSettings:
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def load_settings(path: Path) -> Settings:
    """The settings stored at `path`; defaults for what is missing, unreadable or invalid."""
    store = _open(path)
    _migrate(store)
    default = Settings()
    values: dict[str, object] = {}
    store.beginGroup(_PREFERENCES)
    for field in fields(Settings):
        if store.contains(field.name):
            values[field.name] = _parse(store.value(field.name), getattr(default, field.name))
    store.endGroup()
    return Settings(**values).checked()  # type: ignore[arg-type]


def save_settings(path: Path, settings: Settings) -> None:
    """Store what differs from the defaults and remove what does not; raise OSError on failure."""
    store = _open(path)
    _migrate(store)
    default = Settings()
    store.beginGroup(_PREFERENCES)
    for field in fields(Settings):
        value = getattr(settings, field.name)
        if value == getattr(default, field.name):
            store.remove(field.name)
        else:
            store.setValue(field.name, value)
    store.endGroup()
    _sync(store, path)


def load_window_geometry(path: Path) -> QByteArray | None:
    """What `QWidget.saveGeometry()` returned when the window was last closed."""
    value = _open(path).value(_WINDOW_GEOMETRY)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_window_geometry(path: Path, geometry: QByteArray) -> None:
    store = _open(path)
    store.setValue(_WINDOW_GEOMETRY, geometry)
    _sync(store, path)


def _migrate(store: QSettings) -> None:
    """Bring a file written in an older format up to SETTINGS_VERSION, step by step."""
    if not store.allKeys():
        return
    version = _parse(store.value("version"), 0)  # a file without a version predates them
    if not isinstance(version, int) or version >= SETTINGS_VERSION:
        return
    for step in range(version, SETTINGS_VERSION):
        if (migration := MIGRATIONS.get(step)) is not None:
            migration(store)
    store.setValue("version", SETTINGS_VERSION)


def _sync(store: QSettings, path: Path) -> None:
    if not store.contains("version"):
        store.setValue("version", SETTINGS_VERSION)
    store.sync()
    if store.status() != QSettings.Status.NoError:
        raise OSError(f"cannot write the settings to {path}")


def _parse(value: object, default: object) -> object:
    """A stored value as the type of its default (INI files hold only text)."""
    if isinstance(default, int):
        try:
            return int(str(value).strip())
        except ValueError:
            return default
    return str(value) if value is not None else default


# -- appearance -------------------------------------------------------------------------


def apply_text_scale(app: QApplication, percent: int) -> None:
    """Scale the application font to `percent` of the size it had at the first call."""
    base = app.property("kompetenz_base_point_size")
    if not isinstance(base, float):
        base = app.font().pointSizeF()
        app.setProperty("kompetenz_base_point_size", base)
    font = app.font()
    font.setPointSizeF(base * percent / 100)
    app.setFont(font)


def scale_stylesheet(stylesheet: str, percent: int) -> str:
    """The stylesheet with every `font-size: Npt` scaled: QSS knows no relative font sizes."""

    def scaled(match: re.Match[str]) -> str:
        return f"{match.group(1)}{float(match.group(2)) * percent / 100:g}pt"

    return re.sub(r"(font-size:\s*)(\d+(?:\.\d+)?)pt", scaled, stylesheet)


def apply_theme(app: QApplication, theme: str) -> str:
    """Light, dark or the system's choice; returns the scheme in effect, "light" or "dark".

    Dark uses the Fusion style, which draws every control from the palette; the native
    styles of older Windows versions would keep parts of them light.
    """
    if app.property("kompetenz_native_style") is None:
        app.setProperty("kompetenz_native_style", app.style().name())
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _on_scheme_changed(app))
    app.setProperty("kompetenz_theme", theme)
    system_dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    dark = theme == "dark" or (theme == "system" and system_dark)
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        app.setStyle(str(app.property("kompetenz_native_style")))
        # Our own light palette also for "system": Qt's default one has a pure-blue link colour
        # that the stylesheet's headings would inherit.
        app.setPalette(light_palette())
    return "dark" if dark else "light"


def _on_scheme_changed(app: QApplication) -> None:
    if app.property("kompetenz_theme") == "system":
        apply_theme(app, "system")


_Role = QPalette.ColorRole
# Each text colour keeps at least 4.5:1 (WCAG AA) against the background it is drawn on.
_COLOURS = (  # role, light, dark
    (_Role.Window, "#f7f8fa", "#1f2126"),
    (_Role.WindowText, "#1b1f24", "#e8eaed"),
    (_Role.Base, "#ffffff", "#16181c"),
    (_Role.AlternateBase, "#eef1f5", "#262930"),
    (_Role.Text, "#1b1f24", "#e8eaed"),
    (_Role.Button, "#eef1f5", "#2b2e35"),
    (_Role.ButtonText, "#1b1f24", "#e8eaed"),
    (_Role.Highlight, "#1d5fa8", "#2f6fb0"),
    (_Role.HighlightedText, "#ffffff", "#ffffff"),
    (_Role.Link, "#1d5fa8", "#8cc4ff"),
    (_Role.LinkVisited, "#6b3fa0", "#c8b0ff"),
    (_Role.ToolTipBase, "#ffffff", "#2b2e35"),
    (_Role.ToolTipText, "#1b1f24", "#e8eaed"),
    (_Role.PlaceholderText, "#5f6670", "#a3a9b2"),
    (_Role.BrightText, "#ffffff", "#ffffff"),
    (_Role.Light, "#ffffff", "#3a3e46"),
    (_Role.Midlight, "#e3e7ec", "#32353c"),
    (_Role.Mid, "#b8c0ca", "#4a4f58"),
    (_Role.Dark, "#8a94a0", "#121317"),
    (_Role.Shadow, "#5f6670", "#000000"),
)
_DISABLED_TEXT = ("#767d87", "#8a9099")  # light, dark: readable, but clearly fainter


def light_palette() -> QPalette:
    return _palette(1)


def dark_palette() -> QPalette:
    return _palette(2)


def _palette(column: int) -> QPalette:
    palette = QPalette()
    for row in _COLOURS:
        palette.setColor(row[0], QColor(row[column]))
    disabled = QColor(_DISABLED_TEXT[column - 1])
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
