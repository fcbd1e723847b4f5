"""`kompetenz quiz inspect|export`: a quiz file as JSON, GIFT or Moodle XML.

`inspect_command` and `export_command` do the work free of argparse: each returns the
process exit code and writes messages to the stream it is given, so tests call them directly.
The quiz modules are imported when a command runs, not when the parsers are built.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from kompetenz.quiz.model import Question

EXPORT_FORMATS = ("gift", "moodle-xml")


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
    export.add_argument("--format", choices=list(EXPORT_FORMATS), default="moodle-xml")
    export.add_argument("--out", type=Path, required=True, metavar="DATEI")
    export.set_defaults(handler=_export)


def _inspect(args: argparse.Namespace) -> int:
    return inspect_command(args.file, sys.stdout, sys.stderr)


def _export(args: argparse.Namespace) -> int:
    return export_command(args.file, args.format, args.out, sys.stderr)


def inspect_command(path: Path, out: TextIO, err: TextIO) -> int:
    """Print how Kompetenz reads the GIFT file at `path` as JSON; warnings go to `err`."""
    from kompetenz.quiz.to_json import questions_to_json

    questions = _read(path, err)
    if questions is None:
        return 1
    out.write(json.dumps(questions_to_json(questions), ensure_ascii=False, indent=2) + "\n")
    for question in questions:
        for warning in question.warnings:
            err.write(f"{path}:{question.line}: warning: {warning}\n")
    return 0


def export_command(path: Path, fmt: str, out_path: Path, err: TextIO) -> int:
    """Write the questions of the GIFT file at `path` to `out_path` as "gift" or "moodle-xml"."""
    from kompetenz.quiz.gift_writer import write_gift
    from kompetenz.quiz.moodle_xml import write_moodle_xml

    writer = {"gift": write_gift, "moodle-xml": write_moodle_xml}.get(fmt)
    if writer is None:
        err.write(f"unknown export format '{fmt}'; use one of: {', '.join(EXPORT_FORMATS)}\n")
        return 1
    questions = _read(path, err)
    if questions is None:
        return 1
    try:
        text = writer(questions)
        out_path.write_text(text, encoding="utf-8", newline="\n")
    except ValueError as exc:  # a question the target format cannot express
        err.write(f"{path}: {exc}\n")
        return 1
    except OSError as exc:
        err.write(f"{out_path}: cannot write the file: {exc.strerror or exc}\n")
        return 1
    return 0


def _read(path: Path, err: TextIO) -> list[Question] | None:
    from kompetenz.quiz.gift import GiftError, read_gift_file

    try:
        return read_gift_file(path)
    except GiftError as exc:
        err.write(f"{exc}\n")
    except OSError as exc:
        err.write(f"{path}: cannot read the file: {exc.strerror or exc}\n")
    return None
