"""`kompetenz quiz inspect|export`: a quiz file as JSON, GIFT or Moodle XML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    quiz = subparsers.add_parser("quiz", help="Quizdateien (GIFT) untersuchen und exportieren")
    actions = quiz.add_subparsers(dest="quiz_command", metavar="AKTION", required=True)
    inspect = actions.add_parser("inspect", help="die Fragen einer GIFT-Datei als JSON ausgeben")
    inspect.add_argument("file", type=Path, metavar="DATEI.gift")
    inspect.add_argument(
        "--json", action="store_true", default=True, help="als JSON ausgeben (Standard)"
    )
    inspect.set_defaults(handler=_inspect)
    export = actions.add_parser("export", help="eine GIFT-Datei als Moodle-XML oder GIFT schreiben")
    export.add_argument("file", type=Path, metavar="DATEI.gift")
    export.add_argument("--format", choices=["moodle-xml", "gift"], default="moodle-xml")
    export.add_argument("--out", type=Path, required=True, metavar="DATEI")
    export.set_defaults(handler=_export)


def _inspect(args: argparse.Namespace) -> int:
    from kompetenz.quiz.commands import inspect_command

    return inspect_command(args.file, sys.stdout, sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from kompetenz.quiz.commands import export_command

    return export_command(args.file, args.format, args.out, sys.stderr)
