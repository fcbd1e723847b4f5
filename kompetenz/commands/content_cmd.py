"""`kompetenz content …`: check modules, build content packs, install, list and remove them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kompetenz.content.packs import PackError


def register(subparsers: Any) -> None:
    content = subparsers.add_parser("content", help="Kursinhalte prüfen, packen und installieren")
    actions = content.add_subparsers(dest="content_command", metavar="AKTION", required=True)
    check = actions.add_parser(
        "check",
        help="Module prüfen und jedes Problem als Datei:Zeile: Meldung ausgeben",
        description="Prüft Module (Standard: den mitgelieferten Kurs). Exit-Status 1 bei Problemen.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PFAD",
        help="Inhaltsordner, Sprachordner oder Modulordner",
    )
    check.set_defaults(handler=_check)
    pack = actions.add_parser(
        "pack",
        help="Module zu einem Inhaltspaket (.kompetenz) packen",
        description="Prüft die Module und packt sie in eine Datei, die Sie weitergeben können.",
    )
    pack.add_argument("source", type=Path, metavar="ORDNER", help="Modulordner oder Sprachordner")
    pack.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Paketdatei")
    pack.set_defaults(handler=_pack)
    install = actions.add_parser(
        "install",
        help="Ein Inhaltspaket in den Datenordner installieren",
        description="Prüft das Paket vollständig und installiert nur, wenn alles stimmt.",
    )
    install.add_argument("pack", type=Path, metavar="DATEI", help="die .kompetenz-Datei")
    install.add_argument(
        "--allow-downgrade",
        action="store_true",
        help="auch eine ältere Version über eine neuere installieren",
    )
    install.set_defaults(handler=_install)
    listing = actions.add_parser("list", help="Mitgelieferte und installierte Module zeigen")
    listing.set_defaults(handler=_list)
    remove = actions.add_parser(
        "remove",
        help="Ein installiertes Modul entfernen (der Lernstand bleibt erhalten)",
    )
    remove.add_argument("module_id", metavar="MODUL_ID")
    remove.set_defaults(handler=_remove)


def _check(args: argparse.Namespace) -> int:
    from kompetenz.content.checker import check_content
    from kompetenz.resources import bundled_content_dir

    roots = [p.resolve() for p in args.paths] or [bundled_content_dir()]
    missing = [p for p in roots if not p.exists()]
    for path in missing:
        print(f"{path}:1: no such file or folder", file=sys.stderr)
    if missing:
        return 1
    report = check_content(roots, workers=None)  # all cores for a big library
    for warning in report.warnings:
        print(f"{warning} (warning)")
    for problem in report.problems:
        print(problem)
    if not report.ok:
        print(f"{len(report.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(
        f"OK: {report.modules_checked} module(s), {report.lessons_checked} lesson(s), "
        f"{report.questions_checked} question(s) checked, no problems."
    )
    return 0


def _bundled_roots(args: argparse.Namespace) -> list[Path]:
    """The bundled course, and any --content-dir: a pack may reuse the id of neither."""
    from kompetenz.resources import bundled_content_dir

    return [bundled_content_dir(), *(Path(p) for p in (getattr(args, "content_dir", None) or []))]


def _refused(error: PackError) -> int:
    print(f"Fehler: {error}", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def _pack(args: argparse.Namespace) -> int:
    from kompetenz.content.packs import PACK_SUFFIX, PackError, build_pack

    out: Path = args.out
    try:
        info = build_pack(args.source, out)
    except PackError as error:
        return _refused(error)
    except OSError as error:
        print(f"Fehler: {error.filename or out}: {error.strerror or error}", file=sys.stderr)
        return 1
    written = out if out.name.endswith(PACK_SUFFIX) else out.with_name(out.name + PACK_SUFFIX)
    modules = ", ".join(f"{m.id} {m.version}" for m in info.modules)
    print(f"Paket geschrieben: {written} ({info.language}: {modules}, {len(info.files)} Dateien)")
    return 0


def _install(args: argparse.Namespace) -> int:
    from kompetenz.commands.common import data_dir_for
    from kompetenz.content.pack_install import install_pack
    from kompetenz.content.packs import PackError

    try:
        result = install_pack(
            args.pack, data_dir_for(args), _bundled_roots(args), args.allow_downgrade
        )
    except PackError as error:
        return _refused(error)
    except OSError as error:
        print(f"Fehler: {error.filename or ''} {error.strerror or error}", file=sys.stderr)
        return 1
    for module in result.installed:
        print(f"Installiert: {module.id} {module.version}")
    for module, old in result.updated:
        print(f"Aktualisiert: {module.id} {old} → {module.version}")
    for module in result.unchanged:
        print(f"Bereits installiert: {module.id} {module.version}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from kompetenz.commands.common import data_dir_for
    from kompetenz.content.pack_install import list_modules

    labels = {"bundled": "mitgeliefert", "installed": "installiert"}
    for module in list_modules(_bundled_roots(args), data_dir_for(args)):
        origin = labels[module.origin] + (f" aus {module.pack}" if module.pack else "")
        status = f"  FEHLER: {module.problem}" if module.problem else f"  {module.title}"
        print(f"{module.language}  {module.id:<24} {module.version:<8} {origin}{status}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from kompetenz.commands.common import data_dir_for
    from kompetenz.content.pack_install import remove_module
    from kompetenz.content.packs import PackError

    try:
        folder = remove_module(args.module_id, data_dir_for(args), _bundled_roots(args))
    except PackError as error:
        return _refused(error)
    print(f"Entfernt: {folder}. Der Lernstand in diesem Modul bleibt gespeichert.")
    return 0
