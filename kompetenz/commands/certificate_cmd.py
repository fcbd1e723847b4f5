"""`kompetenz certificate export|list|reexport|verify|portfolio`: certificates of a learner,
and the learning record ("Mein Lernnachweis") as a PDF that is not a certificate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kompetenz.commands.certificate_settings import register_settings
from kompetenz.commands.common import (
    CommandFailed,
    Handler,
    add_profile_option,
    confirm_identity,
    data_dir_for,
    fail,
    guarded,
    open_store_for,
    select_profile,
)

if TYPE_CHECKING:
    from kompetenz.certificates.document import CertificateKind
    from kompetenz.certificates.service import CertificateService, Eligibility
    from kompetenz.certificates.verify import SignedStatement, VerificationResult
    from kompetenz.content.loader import Course
    from kompetenz.store import ProgressStore


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("certificate", help="Zertifikate ausstellen, anzeigen, prüfen")
    actions = parser.add_subparsers(dest="certificate_action", metavar="AKTION", required=True)

    export = actions.add_parser(
        "export",
        help="ein neues Zertifikat ausstellen und als PDF speichern",
        description="Ohne --module und --full: das Zertifikat KI-Kompetenz, wenn alle "
        "Pflichtmodule bestanden sind, sonst die Teilnahmebescheinigung des einzigen "
        "bestandenen Moduls.",
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DATEI.pdf",
        help="wohin die PDF-Datei geschrieben wird",
    )
    which = export.add_mutually_exclusive_group()
    which.add_argument("--module", metavar="ID", help="Teilnahmebescheinigung für dieses Modul")
    which.add_argument(
        "--full", action="store_true", help="Zertifikat KI-Kompetenz (alle Pflichtmodule bestanden)"
    )
    add_profile_option(export)
    export.set_defaults(handler=certificate_errors(_export))

    listing = actions.add_parser("list", help="die ausgestellten Zertifikate eines Profils")
    add_profile_option(listing)
    listing.set_defaults(handler=certificate_errors(_list))

    reexport = actions.add_parser(
        "reexport", help="ein ausgestelltes Zertifikat noch einmal als PDF speichern (unverändert)"
    )
    reexport.add_argument("number", metavar="NUMMER", help="Zertifikatsnummer, z. B. KMP-2026-…")
    reexport.add_argument("--out", type=Path, required=True, metavar="DATEI.pdf")
    reexport.set_defaults(handler=certificate_errors(_reexport))

    badge = actions.add_parser(
        "badge",
        help="ein ausgestelltes Zertifikat als Open Badge 3.0 speichern (.json, .png, .svg)",
        description="Schreibt den Nachweis als signiertes OpenBadgeCredential. Die Endung wählt "
        "das Format: .json, oder in ein Bild eingebettet (.png, .svg), wie Open Badges 3.0 es "
        "beschreibt. Dieselbe Nummer ergibt immer dieselbe Kennung des Nachweises.",
    )
    badge.add_argument("number", metavar="NUMMER", help="Zertifikatsnummer, z. B. KMP-2026-…")
    badge.add_argument("--out", type=Path, required=True, metavar="DATEI")
    badge.set_defaults(handler=certificate_errors(_badge))

    release = actions.add_parser(
        "release",
        help="ein eigenes Zertifikat für die Schulleitung freigeben (oder mit --withdraw zurückziehen)",
        description="Die Schulleitung sieht danach Name, Rolle, Module, Abschlussdatum, "
        "Inhaltsstand und Nummer – keine Punktzahlen, Antworten, Notizen oder Zeiten. Ohne "
        "Schulserver geben Sie stattdessen die PDF-Datei selbst ab.",
    )
    release.add_argument("number", metavar="NUMMER", help="Zertifikatsnummer, z. B. KMP-2026-…")
    release.add_argument(
        "--withdraw", action="store_true", help="die Freigabe zurücknehmen"
    )
    add_profile_option(release)
    release.set_defaults(handler=certificate_errors(_release))

    verify = actions.add_parser(
        "verify",
        help="ein Zertifikat oder einen Open Badge prüfen (Exit-Status 0: gültig, 1: ungültig)",
        description="Prüft die Signaturen eines PDF-Zertifikats oder eines Open Badge (.json, "
        ".png, .svg) und ob das Dokument sagt, was signiert wurde. Mit --trust muss außerdem "
        "dieser Schlüssel signiert haben.",
    )
    source = verify.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, metavar="DATEI")
    source.add_argument("--qr-text", metavar="TEXT", help="der Text aus dem QR-Code")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="SCHLÜSSEL",
        help="öffentlicher Schlüssel oder Zertifikat (PEM, wie „kompetenz keys export-public“ "
        "es schreibt), dem vertraut wird (mehrfach möglich)",
    )
    verify.add_argument(
        "--name", metavar="NAME",
        help="bei einem Open Badge: prüfen, ob er für diese Person (Name wie gedruckt) gilt",
    )
    verify.set_defaults(handler=certificate_errors(_verify))
    register_settings(actions, certificate_errors)

    portfolio = actions.add_parser(
        "portfolio",
        help="den ganzen Lernstand als PDF speichern (Lernnachweis, kein Zertifikat)",
        description="Speichert „Mein Lernnachweis“ für ein persönliches Portfolio: alle Module "
        "mit gelesenen Lektionen, Lernzeit, jedem abgeschlossenen Versuch, den eigenen "
        "Reflexionen und Notizen sowie den ausgestellten Zertifikaten. Das Dokument ist nicht "
        "signiert und kein Zertifikat.",
    )
    portfolio.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DATEI.pdf",
        help="wohin die PDF-Datei geschrieben wird",
    )
    add_profile_option(portfolio)
    portfolio.set_defaults(handler=certificate_errors(_portfolio))


def certificate_errors(handler: Handler) -> Handler:
    """`guarded`, and a CertificateError also becomes a German message and exit status 1."""
    from kompetenz.certificates.document import CertificateError

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except CertificateError as error:
            return fail(str(error))

    return guarded(run)


def _service(store: ProgressStore, args: argparse.Namespace) -> CertificateService:
    from kompetenz.certificates.service import CertificateService

    return CertificateService(store, _course(args), data_dir_for(args))


def _course(args: argparse.Namespace) -> Course:
    from kompetenz.content.loader import load_course
    from kompetenz.resources import bundled_content_dir

    roots = [Path(p) for p in (args.content_dir or [])] or [bundled_content_dir()]
    return load_course(roots)


def _export(args: argparse.Namespace) -> int:
    from kompetenz.certificates.pdf import ensure_gui_application
    from kompetenz.store import acquire_data_dir_lock

    _check_target(args.out)
    with acquire_data_dir_lock(data_dir_for(args)), open_store_for(args) as store:
        profile = select_profile(store, args.profile)
        confirm_identity(store, profile)
        service = _service(store, args)
        kind, module_id = _choose(service.eligible(profile.id), args)
        record = service.issue(profile.id, module_id, kind)
        app = ensure_gui_application()  # noqa: F841 – must live while the PDF is drawn
        issued = service.export_pdf(record.number, args.out)
    print(
        f"{issued.document.title} Nr. {record.number} für „{profile.name}“ gespeichert: {args.out}"
    )
    return 0


def _choose(
    eligibility: Eligibility, args: argparse.Namespace
) -> tuple[CertificateKind, str | None]:
    from kompetenz.certificates.document import CertificateKind

    if args.full or (args.module is None and eligibility.full):
        return CertificateKind.FULL, None
    if args.module is not None:
        return CertificateKind.MODULE, args.module
    missing = ", ".join(f"„{title}“" for title in eligibility.missing_core)
    if len(eligibility.module_ids) == 1:
        return CertificateKind.MODULE, eligibility.module_ids[0]
    if not eligibility.module_ids:
        raise CommandFailed(
            "Es ist noch kein Modul abgeschlossen (Wissensüberprüfung bestanden). "
            f"Für das Zertifikat KI-Kompetenz fehlen: {missing}."
        )
    passed = ", ".join(eligibility.module_ids)
    raise CommandFailed(
        f"Abgeschlossen sind mehrere Module ({passed}). Wählen Sie eines mit "
        f"--module ID. Für das Zertifikat KI-Kompetenz fehlen noch: {missing}."
    )


def _list(args: argparse.Namespace) -> int:
    from kompetenz.certificates.layout import hours, short_date

    with open_store_for(args) as store:
        profile = select_profile(store, args.profile)
        confirm_identity(store, profile)
        issued = _service(store, args).certificates(profile.id)
    if not issued:
        print(f"Für „{profile.name}“ wurde noch kein Zertifikat ausgestellt.")
        return 0
    for item in issued:
        doc = item.document
        what = doc.modules[0].title if len(doc.modules) == 1 else f"{len(doc.modules)} Module"
        print(
            f"{doc.number}\t{short_date(doc.issued_on)}\t{doc.title}\t{what}, "
            f"{hours(doc.total_hours)}"
        )
    return 0


def _release(args: argparse.Namespace) -> int:
    from kompetenz.datadir import database_url_override

    with open_store_for(args) as store:
        profile = select_profile(store, args.profile)
        confirm_identity(store, profile)
        service = _service(store, args)
        if args.withdraw:
            service.withdraw(profile.id, args.number)
            print(f"Zertifikat {args.number.strip().upper()}: Freigabe zurückgenommen.")
            return 0
        issued = service.release(profile.id, args.number)
    print(f"Zertifikat {issued.record.number}: für die Schulleitung freigegeben.")
    if database_url_override() is None:
        print(
            "Ohne Schulserver sieht die Schulleitung es erst, wenn Sie ihr die PDF-Datei geben "
            f"(kompetenz certificate reexport {issued.record.number} --out DATEI.pdf)."
        )
    return 0


def _reexport(args: argparse.Namespace) -> int:
    from kompetenz.certificates.pdf import ensure_gui_application

    _check_target(args.out)
    with open_store_for(args) as store:
        service = _service(store, args)
        issued = service.issued(args.number)
        confirm_identity(store, store.get_profile(issued.record.profile_id))
        app = ensure_gui_application()  # noqa: F841 – must live while the PDF is drawn
        service.export_pdf(issued.record.number, args.out)
    print(f"{issued.document.title} Nr. {issued.record.number} gespeichert: {args.out}")
    return 0


def _portfolio(args: argparse.Namespace) -> int:
    from kompetenz.certificates.pdf import ensure_gui_application
    from kompetenz.certificates.portfolio import build_portfolio, write_portfolio_pdf

    _check_target(args.out)
    with open_store_for(args) as store:
        profile = select_profile(store, args.profile)
        confirm_identity(store, profile)
        portfolio = build_portfolio(store, _course(args), profile.id)
    app = ensure_gui_application()  # noqa: F841 – must live while the PDF is drawn
    pages = write_portfolio_pdf(args.out, portfolio)
    count = f"{pages} Seite" if pages == 1 else f"{pages} Seiten"
    print(f"Lernnachweis von „{profile.name}“ gespeichert ({count}): {args.out}")
    print("Die Datei enthält persönliche Daten (Reflexionen, Notizen): bitte sicher aufbewahren.")
    return 0


def _check_target(path: Path) -> None:
    if not path.parent.is_dir():
        raise CommandFailed(f"Den Ordner „{path.parent}“ gibt es nicht.")
    if path.is_dir():
        raise CommandFailed(f"„{path}“ ist ein Ordner; geben Sie einen Dateinamen an.")


def _verify(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import read_trusted_keys
    from kompetenz.certificates.verify import verify_pdf, verify_qr_text

    trusted = read_trusted_keys(args.trust)
    if args.file is not None and not _is_pdf(args.file):
        from kompetenz.commands.badge_output import verify_badge_command

        return verify_badge_command(args.file, trusted, args.name)
    if args.qr_text is not None:
        result = verify_qr_text(args.qr_text, trusted)
    else:
        result = verify_pdf(args.file, trusted)
    if not result.valid:
        print("UNGÜLTIG", file=sys.stderr)
        reasons = result.reasons
        if args.file is not None and result.statement is None and _is_school_report(args.file):
            reasons = (f"{args.file} ist kein Zertifikat, sondern die Dokumentation der Schule "
                       "nach Art. 4 KI-VO. Prüfen Sie sie mit: kompetenz school verify-report "
                       f"{args.file}",)
        for reason in reasons:
            print(f"– {reason}", file=sys.stderr)
        return 1
    _print_valid(result)
    return 0


def _is_school_report(path: Path) -> bool:
    """A PDF signed as the school's Art. 4 documentation (intact or not)."""
    from kompetenz.certificates.pdfsign import check_pdf_signature
    from kompetenz.school.report_check import is_report_signature

    try:
        return is_report_signature(check_pdf_signature(path.read_bytes()))
    except OSError:
        return False


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"%PDF-"
    except OSError:
        return True  # verify_pdf names the file and the error


def _badge(args: argparse.Namespace) -> int:
    from kompetenz.certificates.badge_files import EXTENSIONS

    _check_target(args.out)
    if args.out.suffix.lower() not in EXTENSIONS:
        raise CommandFailed(f"„{args.out}“: Die Endung wählt das Format: .json, .png oder .svg.")
    with open_store_for(args) as store:
        service = _service(store, args)
        issued = service.issued(args.number)
        confirm_identity(store, store.get_profile(issued.record.profile_id))
        if args.out.suffix.lower() == ".png":
            from kompetenz.certificates.pdf import ensure_gui_application

            app = ensure_gui_application()  # noqa: F841 – must live while the image is drawn
        service.export_badge(issued.record.number, args.out)
    print(f"Open Badge zu {issued.document.title} Nr. {issued.record.number} gespeichert: "
          f"{args.out}")
    return 0


def _print_valid(result: VerificationResult) -> None:
    from kompetenz.certificates.layout import hours, short_date
    from kompetenz.certificates.signing import format_fingerprint

    statement: SignedStatement | None = result.statement
    assert statement is not None  # a valid result always states something
    assert result.key_fingerprint is not None
    print(
        "GÜLTIG: Die Signatur stimmt"
        + (", und das Dokument sagt, was signiert wurde." if result.document else ".")
    )
    print(f"{statement.kind.certificate_title} Nr. {statement.number}")
    print(f"Name: {statement.name}")
    if statement.school:
        print(f"Schule: {statement.school}")
    print(f"Ausgestellt am: {short_date(statement.issued_on)}")
    for module in statement.modules:
        print(
            f"Modul: {module.title} – abgeschlossen am {short_date(module.completed_on)}, "
            f"Ergebnis {module.score_percent} %, {hours(module.workload_hours)}"
        )
    print(f"Gesamtumfang: {hours(statement.total_hours)}")
    print(f"Inhaltlicher Stand: {short_date(statement.as_of)}")
    if result.document is not None:
        from kompetenz.certificates.details import fact_rows

        document = result.document
        for certified in document.modules:
            print(f"Inhaltsversion „{certified.title}“: {certified.version}, Stand "
                  f"{short_date(certified.as_of)}")
        for label, text in fact_rows(document.details, document.total_hours,
                                     hours(document.total_hours)):
            print(f"{label}: {text}")
    print(f"Schutz: {result.protection}")
    if result.pdf_key_fingerprint:
        print(f"PDF-Signaturschlüssel: {format_fingerprint(result.pdf_key_fingerprint)}")
    shown = format_fingerprint(result.key_fingerprint)
    if result.key_trusted:
        print(f"Signaturschlüssel: {shown} (vertrauenswürdig laut --trust)")
    else:
        print(
            f"Signaturschlüssel: {shown} – nicht bestätigt: Vergleichen Sie diesen "
            "Fingerabdruck mit dem, den die Schule veröffentlicht hat, oder prüfen Sie mit "
            "--trust SCHLÜSSEL.pem."
        )
