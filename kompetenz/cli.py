"""The `kompetenz` command: no subcommand starts the app, subcommands do one job each."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kompetenz.about import VersionAction
from kompetenz.commands import (
    backup_cmd,
    certificate_cmd,
    content_cmd,
    keys_cmd,
    profile_cmd,
    progress_cmd,
    quiz_cmd,
)

_COMMAND_MODULES = (
    content_cmd,
    quiz_cmd,
    profile_cmd,
    progress_cmd,
    backup_cmd,
    certificate_cmd,
    keys_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kompetenz",
        description="Kompetenz – KI-Kompetenz für Schulen, offline. Ohne Unterbefehl startet die App.",
    )
    parser.add_argument(
        "--version", action=VersionAction, help="Versionen anzeigen (für Fehlerberichte)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="Ordner für Lernstand und Einstellungen (Standard: KOMPETENZ_DATA_DIR oder der "
        "Datenordner des Benutzers)",
    )
    parser.add_argument(
        "--content-dir",
        metavar="DIR",
        action="append",
        help="zusätzlicher oder anderer Inhaltsordner (mehrfach möglich; ersetzt den mitgelieferten Kurs)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL")
    for module in _COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # Qt adds its own options (-platform, -style …); leave unknown ones to it when starting the app.
    args, unknown = parser.parse_known_args(argv)
    if args.command is None:
        from kompetenz.ui.launch import run_app

        return run_app(args, unknown)
    if unknown:
        parser.error(f"unbekannte Argumente: {' '.join(unknown)}")
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
