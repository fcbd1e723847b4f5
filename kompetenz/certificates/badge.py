"""An issued certificate as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC 2.0).

The credential states the same achievement as the PDF: title, modules with completion date,
content version and "Stand" (as evidence items), the issuer. The learner is named only by an
IdentityObject: SHA-256 of the printed name (NFC) followed by a salt, so the badge file does not
give the name away, yet whoever knows the name can check it. The same certificate number always
gives the same `id`, `validFrom` and salt; only the proof's time differs between exports.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from calendar import monthrange
from datetime import UTC, date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kompetenz.certificates.dataintegrity import (
    OB_CONTEXT,
    VC_CONTEXT,
    add_proof,
    did_key,
    multikey,
)
from kompetenz.certificates.document import CertificateDocument
from kompetenz.certificates.issuer import IssuerSettings

# Fixed namespace: a certificate number maps to the same credential id on every computer.
_ID_NAMESPACE = uuid.UUID("6f1e4c1a-3b9d-5e2f-8a47-0c5d2b9e7a31")
CERTIFICATE_EVIDENCE = "urn:kompetenz:zertifikat:"
MODULE_EVIDENCE = "urn:kompetenz:modul:"
DEFAULT_ISSUER = "Kompetenz-Installation"


def identity_hash(name: str, salt: str) -> str:
    """OB 3.0 IdentityObject hash: "sha256$" + hex SHA-256 of the name (NFC) and the salt."""
    text = unicodedata.normalize("NFC", name) + salt
    return "sha256$" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def credential_id(number: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, number)}"


def build_badge(document: CertificateDocument, key: Ed25519PrivateKey,
                settings: IssuerSettings, now: datetime) -> dict[str, Any]:
    """The signed credential; `now` becomes the proof's `created`."""
    issuer_id = settings.issuer_id or did_key(key.public_key())
    valid_from = _midnight(document.issued_on)
    credential: dict[str, Any] = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential_id(document.number),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{document.title} Nr. {document.number}",
        "description": _description(document),
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": _issuer_name(document, settings)},
        "validFrom": valid_from,
        "awardedDate": valid_from,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [_identity(document)],
            "achievement": _achievement(document),
        },
        "evidence": _evidence(document),
    }
    if settings.refresh_months:
        credential["validUntil"] = _midnight(_add_months(document.issued_on,
                                                         settings.refresh_months))
    method = f"{issuer_id}#{multikey(key.public_key())}"
    created = now.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return add_proof(credential, key, method, created)


def _identity(document: CertificateDocument) -> dict[str, Any]:
    salt = hashlib.sha256(f"kompetenz-salt:{document.to_json()}".encode()).hexdigest()[:32]
    return {"type": "IdentityObject", "identityType": "name", "hashed": True,
            "identityHash": identity_hash(document.name, salt), "salt": salt}


def _achievement(document: CertificateDocument) -> dict[str, Any]:
    ids = "+".join(module.id for module in document.modules)
    return {
        "id": f"urn:kompetenz:leistung:{document.kind.value}:{ids}",
        "type": ["Achievement"],
        "name": document.title if len(document.modules) != 1 or document.kind.value == "full"
        else f"{document.title}: {document.modules[0].title}",
        "description": "Fortbildung zur KI-Kompetenz für Lehrkräfte und Schulpersonal: "
                       + ", ".join(f"„{m.title}“" for m in document.modules) + ".",
        "criteria": {"narrative": "Die Wissensüberprüfung jedes genannten Moduls wurde "
                                  "bestanden. " + document.format_line + "."},
        "inLanguage": "de",
    }


def _evidence(document: CertificateDocument) -> list[dict[str, Any]]:
    items = [{"id": f"{CERTIFICATE_EVIDENCE}{document.number}", "type": ["Evidence"],
              "name": f"{document.title} Nr. {document.number} (PDF, signiert)",
              "genre": "Zertifikat"}]
    for module in document.modules:
        items.append({
            "id": (f"{MODULE_EVIDENCE}{module.id}:{module.version}:{module.as_of.isoformat()}:"
                   f"{module.completed_on.isoformat()}"),
            "type": ["Evidence"], "name": module.title, "genre": "Modul",
            "description": (f"Abgeschlossen am {module.completed_on:%d.%m.%Y}; Inhaltsversion "
                            f"{module.version}, Stand {module.as_of:%d.%m.%Y}."),
        })
    return items


def _description(document: CertificateDocument) -> str:
    return (f"{document.title} von Kompetenz, ausgestellt am {document.issued_on:%d.%m.%Y}. "
            "Nachweis einer Maßnahme zur Förderung der KI-Kompetenz (Art. 4 KI-VO).")


def _issuer_name(document: CertificateDocument, settings: IssuerSettings) -> str:
    return settings.provider or document.school or DEFAULT_ISSUER


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
