"""`kompetenz school init-server|add-person`: set up a school's PostgreSQL server."""

from __future__ import annotations

import argparse

from kompetenz.commands.common import CommandFailed, guarded
from kompetenz.datadir import database_url_override


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "school", help="Schulserver einrichten, Nachweise der Schule sammeln und dokumentieren"
    )
    actions = parser.add_subparsers(dest="school_action", metavar="AKTION", required=True)

    init = actions.add_parser(
        "init-server",
        help="Schema, Rollen und Zugriffsregeln in einer leeren PostgreSQL-Datenbank anlegen",
        description="Verbindet sich mit der Adresse in KOMPETENZ_DATABASE_URL (Zugang der "
        "Administration, z. B. postgresql+psycopg://postgres:PASSWORT@server/schule) und "
        "richtet die Datenbank ein oder bringt sie auf den Stand dieser Version.",
    )
    init.set_defaults(handler=guarded(_init_server))

    person = actions.add_parser(
        "add-person",
        help="einen Zugang für eine Person anlegen und die Adresse für ihren PC ausgeben",
        description="Legt nur die Datenbankrolle an; das Profil legt die Person beim ersten "
        "Start selbst an. Das Passwort steht nur in der ausgegebenen Adresse.",
    )
    person.add_argument("name", metavar="NAME", help="Name der Person, z. B. „Anna Müller“")
    person.add_argument(
        "--schulleitung",
        action="store_true",
        help="Zugang der Schulleitung: sieht zusätzlich die freigegebenen Nachweise aller",
    )
    person.set_defaults(handler=guarded(_add_person))


def _admin_url() -> str:
    url = database_url_override()
    if not url:
        raise CommandFailed(
            "Setzen Sie KOMPETENZ_DATABASE_URL auf die Adresse des PostgreSQL-Servers mit dem "
            "Zugang der Administration, z. B. "
            "postgresql+psycopg://postgres:PASSWORT@server/schule."
        )
    return url


def _init_server(args: argparse.Namespace) -> int:
    from kompetenz.school.server import init_server

    database = init_server(_admin_url())
    print(
        f"Die Datenbank „{database}“ ist eingerichtet. Legen Sie jetzt die Zugänge an: "
        "kompetenz school add-person „Vorname Name“ [--schulleitung]"
    )
    return 0


def _add_person(args: argparse.Namespace) -> int:
    from kompetenz.school.server import add_person

    print(add_person(_admin_url(), args.name, school_role=args.schulleitung))
    return 0
