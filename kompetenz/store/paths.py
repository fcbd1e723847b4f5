"""Names of the files and folders the store keeps in a data folder (documented for admins)."""

from __future__ import annotations

from pathlib import Path

DATABASE_FILENAME = "kompetenz.sqlite3"
BACKUPS_DIRNAME = "backups"
LOCK_FILENAME = "kompetenz.lock"
# Files that belong to one learner (e.g. exported certificates) go to profiles/<id>/, so that
# erasing the profile can erase them too.
PROFILES_DIRNAME = "profiles"


def database_file(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIRNAME


def profile_files_dir(data_dir: Path, profile_id: int) -> Path:
    return data_dir / PROFILES_DIRNAME / str(profile_id)
