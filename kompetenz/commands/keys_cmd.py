"""`kompetenz keys create|import|export|export-public`: the key set that signs this
installation's certificates (Ed25519 for the QR text and the Open Badge, ECDSA P-256 with an
X.509 certificate for the PDF signature), always handled together."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kompetenz.commands.certificate_cmd import certificate_errors
from kompetenz.commands.common import data_dir_for


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "keys", help="Signaturschlüssel für Zertifikate verwalten",
        description="Jede Installation signiert Zertifikate mit einem eigenen Schlüsselsatz: "
        "einem Ed25519-Schlüssel (QR-Code, Open Badge) und einem ECDSA-Schlüssel mit "
        "Zertifikat (PDF-Signatur). Eine Schule kann stattdessen ihren eigenen Satz installieren "
        "und dessen öffentlichen Teil veröffentlichen.")
    actions = parser.add_subparsers(dest="keys_action", metavar="AKTION", required=True)

    create = actions.add_parser(
        "create", help="einen neuen Schlüsselsatz erzeugen, dessen Zertifikat die Schule nennt",
        description="Der bisherige Satz wird aufbewahrt; mit ihm ausgestellte Zertifikate "
        "bleiben gültig und lassen sich weiter exportieren.")
    create.add_argument("--school", required=True, metavar="NAME",
                        help="Name der Schule oder des Anbieters (steht im Zertifikat)")
    create.set_defaults(handler=certificate_errors(_create))

    importing = actions.add_parser(
        "import", help="den Schlüsselsatz der Schule installieren (PEM-Datei)",
        description="Die Datei enthält den privaten Ed25519-Schlüssel und, wie „kompetenz keys "
        "export“ sie schreibt, den ECDSA-Schlüssel mit Zertifikat. Fehlen diese beiden, werden "
        "sie neu erzeugt. Neue Zertifikate werden danach mit diesem Satz signiert; der bisherige "
        "wird aufbewahrt. Einen Ed25519-Schlüssel erzeugt z. B. "
        "„openssl genpkey -algorithm ed25519 -out schule.pem“.")
    importing.add_argument("file", type=Path, metavar="DATEI", help="PEM-Datei des Satzes")
    importing.add_argument("--school", metavar="NAME",
                           help="Name für ein neu erzeugtes PDF-Zertifikat")
    importing.set_defaults(handler=certificate_errors(_import))

    export = actions.add_parser(
        "export", help="den ganzen Schlüsselsatz (privat!) für einen weiteren Rechner speichern",
        description="Schreibt beide privaten Schlüssel und das Zertifikat in eine Datei. Wer sie "
        "hat, kann im Namen der Schule signieren: nur auf einem sicheren Weg weitergeben.")
    export.add_argument("--out", type=Path, required=True, metavar="DATEI")
    export.set_defaults(handler=certificate_errors(_export))

    public = actions.add_parser(
        "export-public", help="die öffentlichen Teile ausgeben (PEM), zum Veröffentlichen",
        description="Schreibt den öffentlichen Ed25519-Schlüssel und das Zertifikat des "
        "PDF-Schlüssels, mit denen Prüfende die Zertifikate dieser Installation prüfen "
        "(kompetenz certificate verify --trust DATEI), und nennt beide Fingerabdrücke.")
    public.add_argument("--out", type=Path, metavar="DATEI",
                        help="in diese Datei schreiben (Standard: Standardausgabe)")
    public.set_defaults(handler=certificate_errors(_export_public))


def _create(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import create_key_set
    from kompetenz.store import acquire_data_dir_lock

    data_dir = data_dir_for(args)
    with acquire_data_dir_lock(data_dir):
        retired = create_key_set(data_dir, args.school.strip() or "Schule")
    print("Neuer Schlüsselsatz erzeugt.")
    _print_fingerprints(data_dir, retired)
    return 0


def _import(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import import_key_set
    from kompetenz.certificates.signing import KeyPasswordRequired
    from kompetenz.store import acquire_data_dir_lock

    pem = args.file.read_bytes()
    data_dir = data_dir_for(args)
    with acquire_data_dir_lock(data_dir):
        try:
            retired = import_key_set(data_dir, pem, None, args.school)
        except KeyPasswordRequired:
            password = getpass.getpass(f"Passwort für {args.file.name}: ").encode()
            retired = import_key_set(data_dir, pem, password, args.school)
    print("Schlüsselsatz installiert. Neue Zertifikate werden damit signiert.")
    _print_fingerprints(data_dir, retired)
    return 0


def _export(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import export_key_set
    from kompetenz.certificates.signing import write_private_file

    if args.out.exists():
        print(f"Fehler: {args.out} gibt es schon; wählen Sie einen neuen Dateinamen.",
              file=sys.stderr)
        return 1
    write_private_file(args.out, export_key_set(data_dir_for(args)))
    print(f"Schlüsselsatz gespeichert in {args.out} (nur für Sie lesbar). Wer diese Datei hat, "
          "kann im Namen der Schule signieren.")
    return 0


def _export_public(args: argparse.Namespace) -> int:
    from kompetenz.certificates.keyset import public_parts, public_set_pem

    public_key, pdf_key = public_parts(data_dir_for(args))
    pem = public_set_pem(public_key, pdf_key)
    if args.out is None:
        sys.stdout.write(pem.decode("ascii"))
        print(_fingerprint_lines(data_dir_for(args)), file=sys.stderr)
        return 0
    args.out.write_bytes(pem)
    print(f"Öffentlicher Schlüssel und Zertifikat gespeichert in {args.out}.")
    print(_fingerprint_lines(data_dir_for(args)))
    return 0


def _fingerprint_lines(data_dir: Path) -> str:
    from kompetenz.certificates.keyset import public_parts
    from kompetenz.certificates.signing import fingerprint, format_fingerprint

    public_key, pdf_key = public_parts(data_dir)
    return (f"Fingerabdruck (Ed25519, QR-Code und Badge): "
            f"{format_fingerprint(fingerprint(public_key))}\n"
            f"Fingerabdruck (PDF-Signatur, ECDSA P-256, {pdf_key.holder}): "
            f"{format_fingerprint(pdf_key.fingerprint)}")


def _print_fingerprints(data_dir: Path, retired: list[Path]) -> None:
    print(_fingerprint_lines(data_dir))
    for path in retired:
        print(f"Der bisherige Schlüssel liegt jetzt in {path}.")
