"""`kompetenz keys import|export-public`: which key signs this installation's certificates."""

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
        description="Jede Installation signiert Zertifikate mit einem eigenen Schlüssel. Eine "
        "Schule kann stattdessen einen eigenen Schlüssel installieren und dessen öffentlichen "
        "Teil veröffentlichen.")
    actions = parser.add_subparsers(dest="keys_action", metavar="AKTION", required=True)

    importing = actions.add_parser(
        "import", help="den Schlüssel der Schule installieren (privater Ed25519-Schlüssel, PEM)",
        description="Neue Zertifikate werden danach mit diesem Schlüssel signiert. Der bisherige "
        "Schlüssel wird aufbewahrt. Erzeugen lässt sich ein Schlüssel z. B. mit "
        "„openssl genpkey -algorithm ed25519 -out schule.pem“.")
    importing.add_argument("file", type=Path, metavar="DATEI", help="PEM-Datei des Schlüssels")
    importing.set_defaults(handler=certificate_errors(_import))

    export = actions.add_parser(
        "export-public", help="den öffentlichen Schlüssel ausgeben (PEM), zum Veröffentlichen",
        description="Schreibt den öffentlichen Schlüssel, mit dem Prüfende die Zertifikate "
        "dieser Installation prüfen können (kompetenz certificate verify --trust DATEI).")
    export.add_argument("--out", type=Path, metavar="DATEI",
                        help="in diese Datei schreiben (Standard: Standardausgabe)")
    export.set_defaults(handler=certificate_errors(_export_public))


def _import(args: argparse.Namespace) -> int:
    from kompetenz.certificates.signing import (
        KeyPasswordRequired,
        fingerprint,
        format_fingerprint,
        import_key,
        installed_key,
    )
    from kompetenz.store import acquire_data_dir_lock

    pem = args.file.read_bytes()
    data_dir = data_dir_for(args)
    with acquire_data_dir_lock(data_dir):
        try:
            retired = import_key(data_dir, pem)
        except KeyPasswordRequired:
            password = getpass.getpass(f"Passwort für {args.file.name}: ").encode()
            retired = import_key(data_dir, pem, password)
        key = installed_key(data_dir)
    assert key is not None
    print(f"Schlüssel installiert. Fingerabdruck: {format_fingerprint(fingerprint(key.public_key()))}")
    print("Neue Zertifikate werden mit diesem Schlüssel signiert.")
    if retired is not None:
        print(f"Der bisherige Schlüssel liegt jetzt in {retired}.")
    return 0


def _export_public(args: argparse.Namespace) -> int:
    from kompetenz.certificates.signing import (
        fingerprint,
        format_fingerprint,
        public_key_pem,
        signing_key,
    )

    public_key = signing_key(data_dir_for(args)).public_key()
    shown = format_fingerprint(fingerprint(public_key))
    if args.out is None:
        sys.stdout.write(public_key_pem(public_key).decode("ascii"))
        print(f"Fingerabdruck: {shown}", file=sys.stderr)
        return 0
    args.out.write_bytes(public_key_pem(public_key))
    print(f"Öffentlicher Schlüssel gespeichert in {args.out}. Fingerabdruck: {shown}")
    return 0
