"""`kompetenz school …`: set up a school's PostgreSQL server, and the head teacher's record
(import handed-in certificates, overview, register, the signed report and its check).
Completion only, never scores."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from kompetenz.commands.common import (
    CommandFailed,
    Handler,
    course_roots_for,
    data_dir_for,
    guarded,
    open_store_for,
)
from kompetenz.datadir import database_url_override
from kompetenz.school.record import (
    KEEPER_KEY,
    REFRESH_KEY,
    SCHOOL_KEY,
    course_modules,
    report_input,
    school_overview,
)
from kompetenz.store.records import KINDS, STEPS, Role


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
    _register_record_commands(actions)


def _register_record_commands(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    importing = actions.add_parser(
        "import", help="abgegebene Zertifikate (PDF) und Open Badges prüfen und aufnehmen"
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="DATEI")
    importing.add_argument("--trust", type=Path, action="append", default=[],
                           metavar="SCHLÜSSEL.pem",
                           help="nur Zertifikate dieses Schlüssels annehmen (mehrfach möglich)")
    importing.add_argument("--role", choices=[r.value for r in Role],
                           help="Rolle der Personen dieser Dateien (Zertifikate nennen keine)")
    importing.add_argument("--name", help="Name der Person (für Open Badges, die ihn nur "
                           "verschlüsselt enthalten)")
    importing.set_defaults(handler=_certificate_errors(_import))

    overview = actions.add_parser("overview", help="wer welches Modul wann abgeschlossen hat")
    overview.add_argument("--role", choices=[r.value for r in Role], help="nur diese Rolle")
    overview.set_defaults(handler=guarded(_overview))

    register = actions.add_parser("register", help="KI-Systeme, Zielgruppen und Maßnahmen")
    entries = register.add_subparsers(dest="register_action", metavar="AKTION", required=True)
    add = entries.add_parser("add", help="einen Eintrag anlegen")
    add.add_argument("title", metavar="TITEL")
    add.add_argument("--step", choices=STEPS, required=True, help="Schritt des Vorgehens")
    add.add_argument("--kind", choices=KINDS, required=True)
    add.add_argument("--details", default="")
    add.add_argument("--due", type=date.fromisoformat, metavar="JJJJ-MM-TT")
    add.set_defaults(handler=guarded(_register_add))
    entries.add_parser("list", help="alle Einträge").set_defaults(handler=guarded(_register_list))
    remove = entries.add_parser("remove", help="einen Eintrag löschen")
    remove.add_argument("entry_id", type=int, metavar="NR")
    remove.set_defaults(handler=guarded(_register_remove))

    settings = actions.add_parser("settings", help="Schulname, Verantwortliche, Auffrischung")
    settings.add_argument("--school", help="Name der Schule für die Dokumentation")
    settings.add_argument("--keeper", help="wer die Dokumentation führt, z. B. „Schulleitung“")
    settings.add_argument("--refresh-months", type=int, metavar="N",
                          help="nach wie vielen Monaten ein Modul aufgefrischt werden soll")
    settings.set_defaults(handler=guarded(_settings))

    report = actions.add_parser(
        "report", help="Dokumentation nach Art. 4 KI-VO als signiertes PDF oder die Übersicht "
        "als CSV",
        description="Das PDF wird mit dem PDF-Signaturschlüssel dieser Installation signiert "
        "(kompetenz keys create|import); die erste Seite nennt seinen Fingerabdruck. Die "
        "CSV-Datei ist eine Tabelle für die Tabellenkalkulation und nicht signiert.",
    )
    report.add_argument("--out", type=Path, required=True, metavar="DATEI.pdf|DATEI.csv")
    report.add_argument("--role", choices=[r.value for r in Role], help="nur diese Rolle")
    report.set_defaults(handler=_certificate_errors(_report))

    verify = actions.add_parser(
        "verify-report",
        help="eine gespeicherte Dokumentation (PDF) prüfen (Exit-Status 0: gültig, 1: abgelehnt)",
        description="Prüft die PDF-Signatur der Dokumentation: vorhanden, über die ganze Datei, "
        "nach dem Signieren nicht verändert. Mit --trust muss außerdem dieser Schlüssel "
        "signiert haben.",
    )
    verify.add_argument("file", type=Path, metavar="DATEI")
    verify.add_argument("--trust", type=Path, action="append", default=[],
                        metavar="SCHLÜSSEL.pem",
                        help="Zertifikat oder Schlüsselsatz der Schule (PEM, wie „kompetenz keys "
                        "export-public“ es schreibt), dem vertraut wird (mehrfach möglich)")
    verify.set_defaults(handler=_certificate_errors(_verify_report))


def _certificate_errors(handler: Handler) -> Handler:
    from kompetenz.commands.certificate_cmd import certificate_errors

    return certificate_errors(handler)


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


def _import(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import read_trusted_keys
    from kompetenz.school.intake import import_files

    trusted = read_trusted_keys(args.trust)
    with open_store_for(args) as store:
        lines = import_files(store, args.files, trusted, args.role, args.name)
    for path, outcome in lines:
        print(f"{path}: {outcome}")
    return 1 if any(outcome.startswith("abgelehnt") for _, outcome in lines) else 0


def _overview(args: argparse.Namespace) -> int:
    from kompetenz.school.overview import role_label, summary_line

    with open_store_for(args) as store:
        overview = school_overview(store, args.role, course_modules(course_roots_for(args)))
    if not overview.people:
        print("Noch keine Nachweise. Abgegebene Zertifikate: kompetenz school import DATEI …")
        return 0
    print(summary_line(overview))
    for person in overview.people:
        print(f"{person.name} ({role_label(person.role)})")
        for module_id, title in overview.modules:
            cell = person.cells.get(module_id)
            state = "–" if cell is None else (
                f"{cell.completed_on:%d.%m.%Y}, Version {cell.module_version}, "
                f"{cell.certificate_number}" + (", Auffrischung fällig" if cell.due else ""))
            print(f"  {title}: {state}")
    return 0


def _register_add(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        item = store.add_register_entry(args.step, args.kind, args.title, args.details, args.due)
    print(f"Eintrag {item.id} angelegt.")
    return 0


def _register_list(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        items = store.register_entries()
    for item in items:
        due = f" (bis {item.due_on:%d.%m.%Y})" if item.due_on else ""
        print(f"{item.id}\t{item.step}\t{item.kind}\t{item.title}{due}")
    if not items:
        print("Das Register ist leer: kompetenz school register add TITEL --step … --kind …")
    return 0


def _register_remove(args: argparse.Namespace) -> int:
    with open_store_for(args) as store:
        if not store.remove_register_entry(args.entry_id):
            raise CommandFailed(f"Einen Eintrag Nr. {args.entry_id} gibt es nicht.")
    print(f"Eintrag {args.entry_id} gelöscht.")
    return 0


def _settings(args: argparse.Namespace) -> int:
    if args.refresh_months is not None and not 1 <= args.refresh_months <= 120:
        raise CommandFailed("Die Auffrischung muss zwischen 1 und 120 Monaten liegen.")
    with open_store_for(args) as store:
        for key, value in ((SCHOOL_KEY, args.school), (KEEPER_KEY, args.keeper),
                           (REFRESH_KEY, args.refresh_months)):
            if value is not None:
                store.set_school_setting(key, value)
        shown = {key: store.school_setting(key) for key in (SCHOOL_KEY, KEEPER_KEY, REFRESH_KEY)}
    print(f"Schule: {shown[SCHOOL_KEY] or '–'}; geführt von: {shown[KEEPER_KEY] or '–'}; "
          f"Auffrischung nach {shown[REFRESH_KEY] or 24} Monaten")
    return 0


def _report(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import installed_pdf_key
    from kompetenz.school.report import write_report
    from kompetenz.store import acquire_data_dir_lock

    if args.out.suffix.lower() not in (".pdf", ".csv"):
        raise CommandFailed("Die Datei muss auf .pdf oder .csv enden.")
    data_dir = data_dir_for(args)
    with open_store_for(args) as store:
        report = report_input(store, args.role, course_modules(course_roots_for(args)))
    if args.out.suffix.lower() == ".pdf" and installed_pdf_key(data_dir) is None:
        with acquire_data_dir_lock(data_dir):  # the first PDF key is made: one process at a time
            write_report(args.out, report, data_dir)
    else:
        write_report(args.out, report, data_dir)
    print(f"Gespeichert: {args.out}")
    return 0


def _verify_report(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import read_trusted_keys
    from kompetenz.certificates.signing import format_fingerprint
    from kompetenz.school.report_check import check_report

    result = check_report(args.file, read_trusted_keys(args.trust))
    if not result.valid:
        print(f"ABGELEHNT: {args.file}", file=sys.stderr)
        for reason in result.reasons:
            print(f"– {reason}", file=sys.stderr)
        return 1
    print("GÜLTIG: Die Dokumentation ist signiert und seit dem Signieren unverändert.")
    print(f"Signiert von: {result.holder or '–'}")
    if result.signed_at is not None:
        print(f"Signiert am: {result.signed_at.astimezone():%d.%m.%Y, %H:%M} Uhr")
    shown = format_fingerprint(result.fingerprint or "")
    if result.trusted:
        print(f"Fingerabdruck: {shown} (vertrauenswürdig laut --trust)")
    else:
        print(f"Fingerabdruck: {shown} – nicht bestätigt: Vergleichen Sie ihn mit dem, den die "
              "Schule veröffentlicht hat, oder prüfen Sie mit --trust SCHLÜSSEL.pem.")
    return 0
