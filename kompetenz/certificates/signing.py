"""Ed25519 keys and the compact signed text that the QR code carries.

Each installation signs with its own key, made on first use in `<data_dir>/keys/`; a school
can install its own key instead (`kompetenz keys import`) and publish the public half.

The compact text is `KOMPETENZ1.<payload>.<public key>.<signature>`:

- payload: the essential data (see `essential_data`) as canonical JSON, zlib-compressed,
- public key: the 32 raw bytes of the signer's Ed25519 public key,
- signature: Ed25519 over the ASCII text `KOMPETENZ1.<payload>.<public key>`,

each part in unpadded upper-case Base32, so that the whole text fits the QR code's
alphanumeric mode (5.5 bits a character instead of 8): the QR code stays small enough for a
phone to read it from paper. The key travels with the text, so anyone can check the signature;
whether the key belongs to the school is a separate question (`--trust`).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kompetenz.certificates.document import CertificateDocument, CertificateError, canonical_json

PREFIX = "KOMPETENZ1"
KEY_DIR = "keys"
KEY_FILE = "signing-key.pem"
_MAX_PAYLOAD = 64 * 1024


class KeyPasswordRequired(CertificateError):
    """The PEM file is encrypted; ask for its password and try again."""


@dataclass(frozen=True)
class SignedCertificate:
    """A compact text whose signature has been checked against its embedded key."""

    text: str
    data: dict[str, Any]
    public_key: Ed25519PublicKey
    fingerprint: str


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """First 16 hex digits of SHA-256 over the raw public key, e.g. `3f9a0c1e5b7d2a64`."""
    return hashlib.sha256(public_key.public_bytes_raw()).hexdigest()[:16]


def format_fingerprint(value: str) -> str:
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_DIR / KEY_FILE


def installed_key(data_dir: Path) -> Ed25519PrivateKey | None:
    """The installation's signing key, or None before the first certificate."""
    path = key_path(data_dir)
    if not path.is_file():
        return None
    return _private_key_from_pem(path.read_bytes(), None, str(path))


def signing_key(data_dir: Path) -> Ed25519PrivateKey:
    """The installation's signing key, made (file mode 0600) if there is none yet."""
    key = installed_key(data_dir)
    if key is None:
        _write_key(key_path(data_dir), Ed25519PrivateKey.generate())
        key = installed_key(data_dir)
        assert key is not None
    return key


def signing_key_with_fingerprint(data_dir: Path, wanted: str) -> Ed25519PrivateKey:
    """The current or a retired key, for a certificate it signed; CertificateError if gone."""
    for path in (key_path(data_dir), key_path(data_dir).with_name(f"signing-key-{wanted}.pem")):
        if path.is_file():
            key = _private_key_from_pem(path.read_bytes(), None, str(path))
            if fingerprint(key.public_key()) == wanted:
                return key
    raise CertificateError(
        f"Der Schlüssel {format_fingerprint(wanted)}, mit dem dieses Zertifikat signiert wurde, "
        "fehlt auf diesem Rechner. Importieren Sie den Schlüsselsatz der Schule "
        "(kompetenz keys import).")


def import_key(data_dir: Path, pem: bytes, password: bytes | None = None) -> Path | None:
    """Install a school's key; later certificates are signed with it.

    The previous key is kept beside it as `signing-key-<fingerprint>.pem`, returned here, so
    that its public half can still be exported for the certificates it signed.
    """
    key = _private_key_from_pem(pem, password, "Die Datei")
    path = key_path(data_dir)
    old = installed_key(data_dir)
    retired = None
    if old is not None and fingerprint(old.public_key()) == fingerprint(key.public_key()):
        return None
    if old is not None:
        retired = path.with_name(f"signing-key-{fingerprint(old.public_key())}.pem")
        path.replace(retired)
    _write_key(path, key)
    return retired


def public_key_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def essential_data(document: CertificateDocument) -> dict[str, Any]:
    """What the QR code states; `x` binds the rest (learning objectives …) by its hash,
    `g` names the key of the PDF signature the file must carry (absent on older ones)."""
    pdf_key = {"g": document.pdf_key_fingerprint} if document.pdf_key_fingerprint else {}
    return pdf_key | {
        "n": document.number, "k": document.kind.value, "p": document.name,
        "s": document.school, "d": document.issued_on.isoformat(),
        "m": [[m.id, m.title, m.completed_on.isoformat(), m.score_percent, m.workload_hours]
              for m in document.modules],
        "h": document.total_hours, "a": document.as_of.isoformat(),
        "x": document_digest(document.to_json()),
    }


def document_digest(full_json: str) -> str:
    return _b32(hashlib.sha256(full_json.encode("utf-8")).digest()[:16])


def sign(document: CertificateDocument, key: Ed25519PrivateKey) -> str:
    payload = zlib.compress(canonical_json(essential_data(document)).encode("utf-8"), 9)
    signed_part = f"{PREFIX}.{_b32(payload)}.{_b32(key.public_key().public_bytes_raw())}"
    return f"{signed_part}.{_b32(key.sign(signed_part.encode('ascii')))}"


def open_signed(text: str) -> SignedCertificate:
    """Check the signature of a compact text; CertificateError (German) if it fails."""
    parts = text.strip().upper().split(".")
    if len(parts) != 4 or parts[0] != PREFIX:
        raise CertificateError("Das ist kein Kompetenz-Prüftext (er beginnt mit KOMPETENZ1.).")
    try:
        payload, raw_key, signature = (_unb32(part) for part in parts[1:])
        public_key = Ed25519PublicKey.from_public_bytes(raw_key)
        public_key.verify(signature, ".".join(parts[:3]).encode("ascii"))
    except (ValueError, binascii.Error):
        raise CertificateError("Der Prüftext ist beschädigt oder unvollständig.") from None
    except InvalidSignature:
        raise CertificateError(
            "Die Signatur ist ungültig: Die signierten Angaben wurden verändert.") from None
    try:
        data = json.loads(_inflate(payload))
    except ValueError:
        raise CertificateError("Die signierten Daten sind nicht lesbar.") from None
    if not isinstance(data, dict):
        raise CertificateError("Die signierten Daten sind nicht lesbar.")
    return SignedCertificate(".".join(parts), data, public_key, fingerprint(public_key))


def _inflate(payload: bytes) -> str:
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(payload, _MAX_PAYLOAD)
    except zlib.error:
        raise CertificateError("Der Prüftext ist beschädigt.") from None
    if inflater.unconsumed_tail:
        raise CertificateError("Der Prüftext ist zu lang.")
    return text.decode("utf-8")


def _private_key_from_pem(data: bytes, password: bytes | None, name: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except TypeError:
        raise KeyPasswordRequired(f"{name}: Der Schlüssel ist mit einem Passwort geschützt."
                                  ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise CertificateError(f"{name}: Kein lesbarer privater Schlüssel im PEM-Format "
                               "(oder falsches Passwort).") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CertificateError(f"{name}: Das ist kein Ed25519-Schlüssel. Erzeugen Sie einen mit "
                               "„openssl genpkey -algorithm ed25519 -out schule.pem“.")
    return key


def _write_key(path: Path, key: Ed25519PrivateKey) -> None:
    write_private_file(path, key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))


def write_private_file(path: Path, pem: bytes) -> None:
    """Write atomically with mode 0600; a file another process wrote first is kept."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(pem)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink()


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))
