"""`kompetenz profile list|create|delete`: the learners of this data folder."""

from __future__ import annotations

import argparse

from kompetenz.commands.common import (
    ROLE_LABELS,
    CommandFailed,
    ask_new_password,
    confirm_identity,
    data_dir_for,
    guarded,
    open_store_for,
)

_ROLE_HELP = ", ".join(f"{value} ({label})" for value, label in ROLE_LABELS.items())


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("profile", help="Profile anzeigen, anlegen oder löschen")
    actions = parser.add_subparsers(dest="profile_action", metavar="AKTION", required=True)

    listing = actions.add_parser("list", help="alle Profile dieses Datenordners anzeigen")
    listing.set_defaults(handler=_list)

    create = actions.add_parser("create", help="ein neues Profil anlegen")
    create.add_argument("name", metavar="NAME", help="Name, wie er auf Zertifikaten steht")
    create.add_argument("--school", metavar="SCHULE", help="Name der Schule (optional)")
    create.add_argument(
        "--role", choices=list(ROLE_LABELS), default="teacher", help=f"Rolle: {_ROLE_HELP}"
    )
    create.add_argument(
        "--password-prompt",
        action="store_true",
        help="ein Passwort für das Profil abfragen (schützt den Lernstand vor Kolleg:innen)",
    )
    create.set_defaults(handler=_create)

    delete = actions.add_parser(
        "delete", help="ein Profil mit ALLEN Lernständen endgültig löschen (DSGVO)"
    )
    delete.add_argument("name", metavar="NAME", help="Name des Profils")
    delete.add_argument("--yes", action="store_true", help="ohne Rückfrage löschen")
    delete.set_defaults(handler=_delete)


@guarded
def _list(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        profiles = store.list_profiles()
    if not profiles:
        print("Noch keine Profile. Anlegen mit: kompetenz profile create „Vorname Name“")
        return 0
    for profile in profiles:
        school = profile.school or "–"
        lock = "mit Passwort" if profile.has_password else "ohne Passwort"
        print(f"{profile.name}\t{school}\t{ROLE_LABELS[profile.role.value]}\t{lock}")
    return 0


@guarded
def _create(args: argparse.Namespace) -> int:
    from kompetenz.store import acquire_data_dir_lock
    from kompetenz.store.records import Role

    password = ask_new_password() if args.password_prompt else None
    with acquire_data_dir_lock(data_dir_for(args)), open_store_for(args) as store:
        profile = store.create_profile(
            args.name, school=args.school, role=Role(args.role), password=password
        )
    print(f"Profil „{profile.name}“ angelegt.")
    return 0


@guarded
def _delete(args: argparse.Namespace) -> int:
    from kompetenz.store import acquire_data_dir_lock
    from kompetenz.store.errors import ProfileNotFound

    with acquire_data_dir_lock(data_dir_for(args)), open_store_for(args) as store:
        profile = store.find_profile(args.name)
        if profile is None:
            raise ProfileNotFound(args.name)
        confirm_identity(store, profile)
        if not args.yes:
            answer = input(
                f"Profil „{profile.name}“ mit ALLEN Lernständen, Notizen und Zertifikaten "
                "endgültig löschen? Zur Bestätigung den Namen eintippen: "
            )
            if " ".join(answer.split()).casefold() != profile.name.casefold():
                raise CommandFailed("Nicht bestätigt – es wurde nichts gelöscht.")
        report = store.delete_profile(profile.id)
    print(f"Profil „{report.profile_name}“ gelöscht: {report.total_rows} Einträge", end="")
    details = ", ".join(f"{table} {n}" for table, n in report.rows_deleted.items() if n)
    print(f" ({details}).")
    if report.files_deleted:
        print(f"Gelöschte Dateien: {len(report.files_deleted)}")
    if report.backups_cleaned:
        print(f"Auch aus {len(report.backups_cleaned)} Sicherung(en) entfernt.")
    if report.backups_failed:
        print(
            "Achtung: Diese Sicherungen sind beschädigt und konnten nicht bereinigt werden: "
            + ", ".join(report.backups_failed)
        )
    return 0
