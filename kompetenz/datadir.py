"""Where a learner's data lives, first match wins:

1. `--data-dir`,
2. `KOMPETENZ_DATA_DIR`,
3. portable mode: a file named `portable` beside the frozen app's executable makes the folder
   `daten/` beside it the data folder (a USB stick, a PC without admin rights; docs/packaging.md),
4. Qt's app-data folder in the user's profile (e.g. ~/.local/share/kompetenz, %APPDATA%\\kompetenz).

Only the last fallback needs Qt (QtCore, no widgets), so it is imported there and nowhere else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "kompetenz"
ENV_DATA_DIR = "KOMPETENZ_DATA_DIR"
ENV_DATABASE_URL = "KOMPETENZ_DATABASE_URL"
PORTABLE_MARKER = "portable"
PORTABLE_DATA_DIR = "daten"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    portable = portable_data_dir()
    if portable is not None:
        return portable
    return _qt_app_data_dir()


def app_dir() -> Path | None:
    """The folder of the frozen app's executable; None when running from Python (pip, source),
    where "beside the executable" would mean beside the Python interpreter."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir() -> Path | None:
    """`daten/` beside the executable if the `portable` marker file is there, else None."""
    folder = app_dir()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DATA_DIR


def is_portable(data_dir: Path) -> bool:
    """Whether `data_dir` is the portable data folder (not one chosen by option or variable)."""
    portable = portable_data_dir()
    return portable is not None and Path(data_dir) == portable


def portable_problem(data_dir: Path) -> str | None:
    """In portable mode: a German message if the data folder cannot be created or written
    (a write-protected stick, a read-only install folder), else None. Never falls back to
    the user's profile: a portable copy must leave nothing on the PC."""
    if not is_portable(data_dir):
        return None
    try:
        data_dir.mkdir(exist_ok=True)
        probe = data_dir / f".kompetenz-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        reason = error.strerror or str(error)
        return (
            f"Kompetenz läuft im portablen Modus und speichert den Lernstand im Ordner "
            f"„{data_dir}“. Dort kann nicht geschrieben werden ({reason}).\n"
            f"Ist der USB-Stick schreibgeschützt? Heben Sie den Schreibschutz auf oder kopieren "
            f"Sie den Ordner „{data_dir.parent}“ an einen beschreibbaren Ort. Auf diesem PC wurde "
            f"nichts gespeichert."
        )
    return None


def installed_content_dir(data_dir: Path) -> Path:
    """Where installed content packs live; the bundled course itself is never written to."""
    return data_dir / "content"


def database_url_override() -> str | None:
    return os.environ.get(ENV_DATABASE_URL) or None


def _qt_app_data_dir() -> Path:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # Without an organisation name Qt uses <data>/<app>, e.g. ~/.local/share/kompetenz.
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
