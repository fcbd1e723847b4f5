"""`kompetenz certificate settings`: what the school or trainer states on its certificates."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace

from kompetenz.commands.common import Handler, data_dir_for

_OPTIONS = {
    "provider": ("--provider", "Anbieter der Fortbildung (Schule, Trägerin, Trainer)"),
    "provider_address": ("--provider-address", "Anschrift des Anbieters"),
    "accreditation_number": ("--accreditation-number",
                             "Akkreditierungs- oder Veranstaltungsnummer, falls vergeben"),
    "state": ("--state", "Bundesland, z. B. Nordrhein-Westfalen oder Hessen"),
    "issuer_id": ("--issuer-id", "did:web-Kennung der Schule für Open Badges "
                  "(Standard: did:key des Schlüssels)"),
}


def register_settings(actions: argparse._SubParsersAction,  # type: ignore[type-arg]
                      wrap: Callable[[Handler], Handler]) -> None:
    parser = actions.add_parser(
        "settings", help="Angaben der Schule oder des Anbieters für Zertifikate festlegen",
        description="Ohne Optionen: die aktuellen Angaben zeigen. Gesetzte Angaben stehen auf "
        "neu ausgestellten Zertifikaten; ein leerer Wert (\"\") entfernt eine Angabe.")
    for option, text in _OPTIONS.values():
        parser.add_argument(option, metavar="TEXT", help=text)
    parser.add_argument("--hours-per-day", type=float, metavar="STUNDEN",
                        help="Zeitstunden je Fortbildungstag (dann steht „entspricht … "
                        "Fortbildungstag(en)“ auf dem Zertifikat); 0 entfernt die Angabe")
    parser.add_argument("--ai-system", action="append", metavar="NAME",
                        help="ein KI-System, das die Schule einsetzt, z. B. telli "
                        "(mehrfach möglich; ersetzt die bisherige Liste)")
    parser.add_argument("--no-ai-systems", action="store_true",
                        help="die Liste der KI-Systeme leeren")
    parser.add_argument("--refresh-months", type=int, metavar="MONATE",
                        help="Open Badges gelten so viele Monate (0: unbegrenzt)")
    parser.set_defaults(handler=wrap(_settings))


def _settings(args: argparse.Namespace) -> int:
    from kompetenz.certificates.issuer import load_settings, save_settings

    data_dir = data_dir_for(args)
    settings = load_settings(data_dir)
    changes: dict[str, object] = {
        field: (getattr(args, field) or None) for field in _OPTIONS
        if getattr(args, field) is not None}
    if args.hours_per_day is not None:
        changes["hours_per_day"] = args.hours_per_day or None
    if args.refresh_months is not None:
        changes["refresh_months"] = args.refresh_months or None
    if args.ai_system or args.no_ai_systems:
        changes["ai_systems"] = tuple(name.strip() for name in args.ai_system or ()
                                      if name.strip())
    if changes:
        settings = replace(settings, **changes)  # type: ignore[arg-type]
        save_settings(data_dir, settings)
        print("Gespeichert. Die Angaben gelten für neu ausgestellte Zertifikate.")
    print(settings.to_json().strip() if settings.to_json().strip() != "{}" else
          "Keine Angaben festgelegt.")
    if settings.details().in_hessen:
        from kompetenz.certificates.details import HESSEN_NOTE

        print(f"Hinweis: {HESSEN_NOTE} Das steht auch auf jedem Zertifikat.")
    return 0
