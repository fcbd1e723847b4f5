"""`kompetenz content check`: what a trainer runs before handing a module on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    content = subparsers.add_parser("content", help="Kursinhalte prüfen")
    actions = content.add_subparsers(dest="content_command", metavar="AKTION", required=True)
    check = actions.add_parser(
        "check",
        help="Module prüfen und jedes Problem als Datei:Zeile: Meldung ausgeben",
        description="Prüft Module (Standard: den mitgelieferten Kurs). Exit-Status 1 bei Problemen.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PFAD",
                       help="Inhaltsordner, Sprachordner oder Modulordner")
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    from kompetenz.content.checker import check_content
    from kompetenz.resources import bundled_content_dir

    roots = [p.resolve() for p in args.paths] or [bundled_content_dir()]
    missing = [p for p in roots if not p.exists()]
    for path in missing:
        print(f"{path}:1: no such file or folder", file=sys.stderr)
    if missing:
        return 1
    report = check_content(roots)
    for warning in report.warnings:
        print(f"{warning} (warning)")
    for problem in report.problems:
        print(problem)
    if not report.ok:
        print(f"{len(report.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {report.modules_checked} module(s), {report.lessons_checked} lesson(s), "
          f"{report.questions_checked} question(s) checked, no problems.")
    return 0
