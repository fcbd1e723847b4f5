"""`kompetenz progress export|import`: one learner's whole record as a file, e.g. for a new PC."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from kompetenz.commands.common import (
    add_profile_option,
    confirm_identity,
    data_dir_for,
    guarded,
    open_store_for,
    select_profile,
)

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "progress", help="Lernstand eines Profils exportieren oder importieren"
    )
    actions = parser.add_subparsers(dest="progress_action", metavar="AKTION", required=True)

    export = actions.add_parser("export", help="Lernstand eines Profils in eine Datei schreiben")
    add_profile_option(export)
    export.add_argument(
        "--out", metavar="DATEI", required=True, help="Zieldatei (JSON, siehe Dokumentation)"
    )
    export.set_defaults(handler=_export)

    imp = actions.add_parser("import", help="exportierten Lernstand als NEUES Profil übernehmen")
    imp.add_argument("file", metavar="DATEI", help="mit „progress export“ erzeugte Datei")
    imp.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help="unter diesem Namen anlegen (wenn der Name aus der Datei schon vergeben ist)",
    )
    imp.set_defaults(handler=_import)


def _write_atomically(path: Path, text: str) -> None:
    """The file is either complete or not there: written beside it, then renamed."""
    partial = path.with_name(f".{path.name}.partial")
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


@guarded
def _export(args: argparse.Namespace) -> int:
    from kompetenz.store import export_profile

    with open_store_for(args) as store:
        profile = select_profile(store, args.profile)
        confirm_identity(store, profile)
        data = export_profile(store, profile.id)
    out = Path(args.out).expanduser()
    _write_atomically(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    print(
        f"Lernstand von „{profile.name}“ nach „{out}“ exportiert: "
        f"{len(data['lessons'])} Lektionen, {len(data['attempts'])} Quiz-Versuche, "
        f"{len(data['notes'])} Notizen, {len(data['certificates'])} Zertifikate."
    )
    print("Die Datei enthält persönliche Daten: bitte sicher aufbewahren.")
    return 0


@guarded
def _import(args: argparse.Namespace) -> int:
    from kompetenz.store import acquire_data_dir_lock, import_profile
    from kompetenz.store.errors import ImportRejected

    source = Path(args.file).expanduser()
    if source.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportRejected("Die Datei ist zu groß für einen Lernstand.")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejected(f"Die Datei ist kein gültiges JSON ({exc}).") from exc
    with acquire_data_dir_lock(data_dir_for(args)), open_store_for(args) as store:
        profile = import_profile(store, data, as_name=args.as_name)
    print(f"Lernstand als Profil „{profile.name}“ importiert (ohne Passwort).")
    return 0
