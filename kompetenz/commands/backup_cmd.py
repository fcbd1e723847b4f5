"""`kompetenz backup list|create|restore`: copies of the learners' database in backups/.

These commands never open the store, so a restore works even when the database is damaged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kompetenz.commands.common import (
    CommandFailed,
    data_dir_for,
    database_path_for,
    guarded,
)

KIND_LABELS = {
    "auto": "automatisch",
    "manual": "von Hand",
    "before-migration": "vor Update",
    "before-restore": "vor Wiederherstellung",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("backup", help="Sicherungen des Lernstands verwalten")
    actions = parser.add_subparsers(dest="backup_action", metavar="AKTION", required=True)
    actions.add_parser(
        "list", help="vorhandene Sicherungen anzeigen (neueste zuerst)"
    ).set_defaults(handler=_list)
    actions.add_parser("create", help="jetzt eine Sicherung anlegen").set_defaults(handler=_create)
    restore = actions.add_parser(
        "restore", help="eine Sicherung zurückspielen (der aktuelle Stand wird vorher gesichert)"
    )
    restore.add_argument("backup_id", metavar="ID", help="Kennung aus „kompetenz backup list“")
    restore.set_defaults(handler=_restore)


def _database(args: argparse.Namespace) -> Path:
    path = database_path_for(args)
    if path is None:
        raise CommandFailed(
            "Kompetenz sichert nur die eingebaute SQLite-Datenbank. Die über "
            "KOMPETENZ_DATABASE_URL gewählte Datenbank (z. B. der Schulserver) sichert deren "
            "Betreuung auf dem Server, etwa mit pg_dump; es wurde nichts gesichert."
        )
    return path


@guarded
def _list(args: argparse.Namespace) -> int:
    from kompetenz.store import list_backups

    backups = list_backups(data_dir_for(args))
    if not backups:
        print("Noch keine Sicherungen. Anlegen mit: kompetenz backup create")
        return 0
    for backup in backups:
        when = backup.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
        size = f"{backup.size_bytes / 1024:.0f} KB"
        print(f"{backup.id}\t{when}\t{KIND_LABELS.get(backup.kind, backup.kind)}\t{size}")
    return 0


@guarded
def _create(args: argparse.Namespace) -> int:
    from kompetenz.store import create_backup

    backup = create_backup(data_dir_for(args), "manual", database=_database(args))
    print(f"Sicherung {backup.id} angelegt: {backup.path}")
    return 0


@guarded
def _restore(args: argparse.Namespace) -> int:
    from kompetenz.store import restore_backup

    safety = restore_backup(data_dir_for(args), args.backup_id, database=_database(args))
    print(f"Sicherung {args.backup_id} wiederhergestellt.")
    if safety is not None:
        print(f"Der vorherige Stand wurde als Sicherung {safety.id} aufbewahrt.")
    else:
        print("Ein beschädigter vorheriger Stand wurde umbenannt (…beschaedigt-…) aufbewahrt.")
    return 0
