"""Run by .ci/run where Node is installed: Kompetenz's badges checked by the W3C VC reference
stack (verify-badge.mjs). A genuine badge must verify; the same badge with one character
changed must not. Exit status 0 only if both hold."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kompetenz.certificates.badge import build_badge
from kompetenz.certificates.document import CertificateDocument, CertificateKind, CertifiedModule
from kompetenz.certificates.issuer import IssuerSettings
from kompetenz.certificates.signing import fingerprint

HERE = Path(__file__).parent


def sample_badge(key: Ed25519PrivateKey) -> dict[str, object]:
    module = CertifiedModule("grundlagen", "1.2.0", "Grundlagen: Was generative KI kann",
                             date(2026, 11, 20), 92, 3.0, ("Begriffe klären",), date(2026, 12, 3))
    document = CertificateDocument(
        number="KMP-2026-7QXM-3HKD", kind=CertificateKind.MODULE, name="Jörg Öztürk-Weiß",
        school="Gesamtschule Bochum-Mitte", modules=(module,), as_of=date(2026, 12, 3),
        issued_on=date(2026, 12, 1), key_fingerprint=fingerprint(key.public_key()))
    return build_badge(document, key, IssuerSettings(refresh_months=24), datetime.now(UTC))


def node_verifies(path: Path) -> bool:
    run = subprocess.run(["node", str(HERE / "verify-badge.mjs"), str(path)],
                         capture_output=True, text=True, timeout=120)
    print(f"  {path.name}: {run.stdout.strip() or run.stderr.strip()}")
    return run.returncode == 0


def main() -> int:
    badge = json.dumps(sample_badge(Ed25519PrivateKey.generate()), ensure_ascii=False)
    changed = badge.replace("Öztürk", "Öztürk", 1).replace('"Grundlagen:', '"Grundlagan:', 1)
    assert changed != badge
    with tempfile.TemporaryDirectory() as folder:
        genuine, tampered = Path(folder) / "badge.json", Path(folder) / "changed.json"
        genuine.write_text(badge, "utf-8")
        tampered.write_text(changed, "utf-8")
        results = [node_verifies(genuine), not node_verifies(tampered)]
    passed = sum(results)
    print(f"Badge-Gegenprüfung mit Node: {passed} von {len(results)} Prüfungen bestanden")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
