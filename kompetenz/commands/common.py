"""What the commands that work on learners' data share: opening the store, choosing a profile,
asking for a password, and turning every refusal into a German message and exit status 1.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kompetenz.datadir import database_url_override, portable_problem, resolve_data_dir
from kompetenz.store.errors import StoreError
from kompetenz.store.records import ROLE_NAMES_DE

if TYPE_CHECKING:
    from kompetenz.store import ProgressStore
    from kompetenz.store.records import ProfileRecord

Handler = Callable[[argparse.Namespace], int]

ROLE_LABELS = {role.value: name for role, name in ROLE_NAMES_DE.items()}


class CommandFailed(StoreError):
    """A command cannot go on; the message says why and what to do."""


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help="Name des Profils (nur nötig, wenn es mehrere Profile gibt)",
    )


def data_dir_for(args: argparse.Namespace) -> Path:
    """The data folder; in portable mode refused (German message) if it cannot be written."""
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    if (problem := portable_problem(data_dir)) is not None:
        raise CommandFailed(problem)
    return data_dir


def course_roots_for(args: argparse.Namespace) -> list[Path]:
    """Where the course comes from, as in the app: --content-dir, or else the bundled course
    and the content packs installed in the data folder."""
    from kompetenz.datadir import installed_content_dir
    from kompetenz.resources import bundled_content_dir

    if getattr(args, "content_dir", None):
        return [Path(p) for p in args.content_dir]
    return [bundled_content_dir(), installed_content_dir(data_dir_for(args))]


def database_path_for(args: argparse.Namespace) -> Path | None:
    """The SQLite file the commands work on, or None if the database is not a SQLite file."""
    from kompetenz.store import backend_for, database_file

    override = database_url_override()
    if override is None:
        return database_file(data_dir_for(args))
    return backend_for(override).database_file


def open_store_for(args: argparse.Namespace) -> ProgressStore:
    """The store of the data folder chosen by `--data-dir` / the environment."""
    from kompetenz.store import open_store

    return open_store(data_dir_for(args), database_url_override())


def select_profile(store: ProgressStore, name: str | None) -> ProfileRecord:
    """The profile called `name`; without a name the only profile there is."""
    from kompetenz.store.errors import ProfileNotFound

    if name:
        found = store.find_profile(name)
        if found is None:
            raise ProfileNotFound(name)
        return found
    profiles = store.list_profiles()
    if len(profiles) == 1:
        return profiles[0]
    if not profiles:
        raise CommandFailed(
            "Es gibt noch kein Profil. Legen Sie eines an: kompetenz profile create „Vorname Name“"
        )
    names = ", ".join(f"„{p.name}“" for p in profiles)
    raise CommandFailed(
        f"Es gibt mehrere Profile ({names}). Geben Sie mit --profile NAME an, welches gemeint ist."
    )


def confirm_identity(store: ProgressStore, profile: ProfileRecord) -> None:
    """Ask for the profile's password if it has one: a colleague must not read or erase it."""
    if not profile.has_password:
        return
    password = getpass.getpass(f"Passwort für „{profile.name}“: ")
    if not store.check_password(profile.id, password):
        raise CommandFailed("Das Passwort stimmt nicht. Es wurde nichts verändert.")


def ask_new_password() -> str:
    first = getpass.getpass("Neues Passwort: ")
    if not first:
        raise CommandFailed("Ein leeres Passwort geht nicht. Es wurde nichts verändert.")
    if getpass.getpass("Passwort wiederholen: ") != first:
        raise CommandFailed("Die Passwörter stimmen nicht überein. Es wurde nichts verändert.")
    return first


def fail(message: str) -> int:
    print(f"Fehler: {message}", file=sys.stderr)
    return 1


def guarded(handler: Handler) -> Handler:
    """Run a handler so that a user sees a German message and exit status 1, never a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except StoreError as exc:
            return fail(str(exc))
        except (EOFError, KeyboardInterrupt):
            return fail("Abgebrochen. Es wurde nichts verändert.")
        except BrokenPipeError:
            raise  # the reader of our output has stopped (`| head`); cli.main ends quietly
        except OSError as exc:
            where = f" („{exc.filename}“)" if exc.filename else ""
            return fail(
                f"Dateizugriff fehlgeschlagen{where}: {exc.strerror or exc}. "
                "Prüfen Sie Pfad und Schreibrechte."
            )

    return run
