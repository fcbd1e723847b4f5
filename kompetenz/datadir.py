"""Where a learner's data lives: `--data-dir`, else `KOMPETENZ_DATA_DIR`, else Qt's app-data folder.

Only the last fallback needs Qt (QtCore, no widgets), so it is imported there and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kompetenz"
ENV_DATA_DIR = "KOMPETENZ_DATA_DIR"
ENV_DATABASE_URL = "KOMPETENZ_DATABASE_URL"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return _qt_app_data_dir()


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
