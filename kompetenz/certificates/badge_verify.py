"""Checking an Open Badge file (.json, baked .png or .svg) offline.

Refused: a context other than the two bundled ones, a proof of another suite, a key that is not
an Ed25519 multikey of the issuer, a credential outside its validity period, and any change
after signing. What the badge states is read from its own fields (see badge.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kompetenz.certificates.badge import CERTIFICATE_EVIDENCE, MODULE_EVIDENCE, identity_hash
from kompetenz.certificates.baking import unbake_png, unbake_svg
from kompetenz.certificates.dataintegrity import (
    OB_CONTEXT,
    VC_CONTEXT,
    check_proof,
    public_key_from_multikey,
)
from kompetenz.certificates.document import CertificateError
from kompetenz.certificates.signing import fingerprint

_MAX_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class BadgeModule:
    id: str
    title: str
    version: str
    as_of: date
    completed_on: date


@dataclass(frozen=True)
class BadgeStatement:
    """What a verified badge states."""

    number: str | None
    title: str
    issuer_id: str
    issuer_name: str
    valid_from: datetime
    valid_until: datetime | None
    modules: tuple[BadgeModule, ...]
    identity_hash: str
    salt: str

    def names(self, name: str) -> bool:
        """Whether the badge was issued to the person called `name` (as printed)."""
        return identity_hash(name, self.salt) == self.identity_hash


@dataclass(frozen=True)
class BadgeResult:
    reasons: tuple[str, ...] = ()
    statement: BadgeStatement | None = None
    key_fingerprint: str | None = None

    @property
    def valid(self) -> bool:
        return not self.reasons


def read_badge_file(path: Path) -> dict[str, Any]:
    """The credential in a .json, .png or .svg file; CertificateError (German) if none."""
    try:
        if path.stat().st_size > _MAX_SIZE:
            raise CertificateError(f"{path}: Die Datei ist zu groß für einen Nachweis.")
        data = path.read_bytes()
    except OSError as error:
        raise CertificateError(f"{path}: Datei nicht lesbar ({error.strerror}).") from None
    if data.startswith(b"\x89PNG"):
        text = unbake_png(data)
    elif b"<svg" in data[:4096]:
        text = unbake_svg(data.decode("utf-8", errors="replace"))
    else:
        text = data.decode("utf-8", errors="replace")
    try:
        credential = json.loads(text)
    except ValueError:
        raise CertificateError(f"{path}: Das ist kein Open-Badges-Nachweis (kein JSON).") from None
    if not isinstance(credential, dict):
        raise CertificateError(f"{path}: Das ist kein Open-Badges-Nachweis.")
    return credential


def verify_badge(credential: dict[str, Any], now: datetime | None = None) -> BadgeResult:
    try:
        _check_shape(credential)
        public_key = _issuer_key(credential)
        check_proof(credential, public_key)
        statement = _statement(credential)
    except CertificateError as error:
        return BadgeResult(reasons=(str(error),))
    reasons = _validity_reasons(statement, now or datetime.now(UTC))
    return BadgeResult(tuple(reasons), statement, fingerprint(public_key))


def _check_shape(credential: dict[str, Any]) -> None:
    if credential.get("@context") != [VC_CONTEXT, OB_CONTEXT]:
        raise CertificateError(
            "Der Nachweis nennt nicht genau die gebündelten Kontexte (Verifiable Credentials "
            "2.0 und Open Badges 3.0.3); Kompetenz lädt keine Kontexte aus dem Netz.")
    types = credential.get("type")
    if not isinstance(types, list) or not {"VerifiableCredential",
                                           "OpenBadgeCredential"} <= set(types):
        raise CertificateError("Das ist kein OpenBadgeCredential.")


def _issuer_key(credential: dict[str, Any]) -> Ed25519PublicKey:
    """The key named by the proof, which must belong to the issuer's identifier."""
    proof = credential.get("proof")
    method = str(proof.get("verificationMethod", "")) if isinstance(proof, dict) else ""
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    controller, _, fragment = method.partition("#")
    if not method or controller != issuer_id:
        raise CertificateError("Der Signaturschlüssel gehört nicht zur ausstellenden Stelle "
                               "des Nachweises.")
    if controller.startswith("did:key:") and controller[len("did:key:"):] != fragment:
        raise CertificateError("Der Signaturschlüssel passt nicht zu seiner did:key-Kennung.")
    if not (controller.startswith("did:key:") or controller.startswith("did:web:")):
        raise CertificateError("Kompetenz prüft Nachweise von did:key- und did:web-Kennungen.")
    return public_key_from_multikey(fragment)


def _statement(credential: dict[str, Any]) -> BadgeStatement:
    try:
        subject = credential["credentialSubject"]
        identity = subject["identifier"][0]
        evidence = credential.get("evidence", [])
        return BadgeStatement(
            number=next((item["id"][len(CERTIFICATE_EVIDENCE):] for item in evidence
                         if item["id"].startswith(CERTIFICATE_EVIDENCE)), None),
            title=str(subject["achievement"]["name"]),
            issuer_id=str(credential["issuer"]["id"]),
            issuer_name=str(credential["issuer"]["name"]),
            valid_from=_moment(credential["validFrom"]),
            valid_until=_moment(credential["validUntil"]) if "validUntil" in credential else None,
            modules=tuple(_module(item) for item in evidence
                          if item["id"].startswith(MODULE_EVIDENCE)),
            identity_hash=str(identity["identityHash"]), salt=str(identity["salt"]),
        )
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        raise CertificateError("Der Nachweis ist unvollständig.") from None


def _module(item: dict[str, Any]) -> BadgeModule:
    module_id, version, as_of, completed = item["id"][len(MODULE_EVIDENCE):].split(":")
    return BadgeModule(module_id, str(item["name"]), version, date.fromisoformat(as_of),
                       date.fromisoformat(completed))


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _validity_reasons(statement: BadgeStatement, now: datetime) -> list[str]:
    if statement.valid_from > now:
        return [f"Der Nachweis gilt erst ab {statement.valid_from:%d.%m.%Y}."]
    if statement.valid_until is not None and statement.valid_until <= now:
        return [f"Der Nachweis ist abgelaufen: Er galt bis {statement.valid_until:%d.%m.%Y}. "
                "Eine Auffrischung kann ein neues Zertifikat bringen."]
    return []
