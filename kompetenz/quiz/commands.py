"""The work behind `kompetenz quiz inspect` and `kompetenz quiz export`, free of argparse.

Each returns the process exit code and writes messages to the stream it is given, so the CLI
wires them up and tests call them directly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from kompetenz.quiz.gift import GiftError, read_gift_file
from kompetenz.quiz.gift_writer import write_gift
from kompetenz.quiz.inspect import questions_to_json
from kompetenz.quiz.model import Question
from kompetenz.quiz.moodle_xml import write_moodle_xml

__all__ = ["EXPORT_FORMATS", "export_command", "inspect_command"]

EXPORT_FORMATS: dict[str, Callable[[Sequence[Question]], str]] = {
    "gift": write_gift,
    "moodle-xml": write_moodle_xml,
}


def inspect_command(path: Path, out: TextIO, err: TextIO) -> int:
    """Print how Kompetenz reads the GIFT file at `path` as JSON; warnings go to `err`."""
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
    writer = EXPORT_FORMATS.get(fmt)
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
    try:
        return read_gift_file(path)
    except GiftError as exc:
        err.write(f"{exc}\n")
    except OSError as exc:
        err.write(f"{path}: cannot read the file: {exc.strerror or exc}\n")
    return None
