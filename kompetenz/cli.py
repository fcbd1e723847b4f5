"""The `kompetenz` command: no subcommand starts the app, subcommands do one job each."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from kompetenz.about import VersionAction

# Subcommand name → the module in kompetenz.commands that registers and runs it. The modules
# are imported only when a subcommand or the full help is asked for: starting the app (no
# subcommand) should not pay for building seven parsers it never uses.
_COMMANDS = {
    "content": "content_cmd",
    "quiz": "quiz_cmd",
    "profile": "profile_cmd",
    "progress": "progress_cmd",
    "backup": "backup_cmd",
    "certificate": "certificate_cmd",
    "keys": "keys_cmd",
    "school": "school_cmd",
}
_HELP_FLAGS = frozenset({"-h", "--help"})


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kompetenz",
        description="Kompetenz – KI-Kompetenz für Schulen, offline. Ohne Unterbefehl startet die App.",
        add_help=with_commands,
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
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="App ohne Bedienung starten, prüfen, ob die Startseite erscheint und nichts fehlt "
        "(Übersetzungen, Qt-Plugins), dann beenden; Exit-Status 0 = in Ordnung",
    )
    if with_commands:
        subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL")
        for module_name in _COMMANDS.values():
            module = importlib.import_module(f"kompetenz.commands.{module_name}")
            module.register(subparsers)
    return parser


def _needs_commands(unknown: list[str]) -> bool:
    """A subcommand, a help flag or a stray word (the full parser then names the mistake);
    an option such as Qt's `-platform offscreen`, with its value, goes to Qt instead."""
    if _HELP_FLAGS & set(unknown):
        return True
    previous = ""
    for word in unknown:
        if not word.startswith("-") and not previous.startswith("-"):
            return True
        previous = word
    return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Qt adds its own options (-platform, -style …); leave unknown ones to it when starting the app.
    args, unknown = build_parser(with_commands=False).parse_known_args(arguments)
    if not _needs_commands(unknown):
        from kompetenz.ui.launch import run_app

        args.command = None
        return run_app(args, unknown)
    parser = build_parser()
    args, unknown = parser.parse_known_args(arguments)
    if args.command is None:  # only a help flag; argparse has printed the help and exited
        parser.print_help()
        return 0
    if unknown:
        parser.error(f"unbekannte Argumente: {' '.join(unknown)}")
    try:
        status = int(args.handler(args))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return 0
    return status


def _silence_stdout() -> None:
    """The reader of our output has gone (`kompetenz … | head`): it has all it wanted, so end
    quietly. Later writes, and Python's own flush at exit, go nowhere instead of failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
