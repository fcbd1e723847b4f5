"""`kompetenz certificate verify BADGE`: what an Open Badge file states, or why it is refused."""

from __future__ import annotations

import sys
from pathlib import Path

from kompetenz.certificates.keyset import TrustedKeys


def verify_badge_command(path: Path, trusted: TrustedKeys, expected_name: str | None) -> int:
    from kompetenz.certificates.api import check_badge_with_statement
    from kompetenz.certificates.layout import short_date
    from kompetenz.certificates.signing import format_fingerprint

    check, statement = check_badge_with_statement(path, trusted, expected_name)
    if not check.valid:
        print("UNGÜLTIG", file=sys.stderr)
        print(f"– {check.reason}", file=sys.stderr)
        return 1
    assert statement is not None
    assert check.key_fingerprint is not None
    print("GÜLTIG: Die Signatur des Open Badge stimmt.")
    print(f"{statement.title} (Nr. {check.number or '–'})")
    print(f"Ausgestellt von: {statement.issuer_name} ({statement.issuer_id})")
    until = f" bis {short_date(statement.valid_until.date())}" if statement.valid_until else ""
    print(f"Gültig ab {short_date(statement.valid_from.date())}{until}")
    for module in check.modules:
        print(f"Modul: {module.title} – abgeschlossen am {short_date(module.completed_on)}, "
              f"Inhaltsversion {module.version}, Stand "
              f"{short_date(module.as_of) if module.as_of else '–'}")
    if check.name:
        print(f"Ausgestellt für: {check.name} (Name stimmt mit dem Nachweis überein)")
    else:
        print("Person: nur als Prüfsumme enthalten; mit --name „Vorname Name“ prüfen.")
    shown = format_fingerprint(check.key_fingerprint)
    print(f"Signaturschlüssel: {shown}" + (" (vertrauenswürdig laut --trust)"
                                           if check.key_trusted else
                                           " – nicht bestätigt: Vergleichen Sie diesen "
                                           "Fingerabdruck mit dem, den die Schule "
                                           "veröffentlicht hat."))
    return 0
