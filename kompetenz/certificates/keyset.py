"""The installation's key set: the Ed25519 key (QR text, Open Badge) and the ECDSA P-256 key
with its X.509 certificate that signs the PDF file itself.

Two keys because PDF readers and poppler's `pdfsig` cannot check Ed25519 PDF signatures yet,
while the compact QR text needs Ed25519's short signatures. Both live in `<data_dir>/keys/`,
are made together on first use, and are imported and exported together as one PEM file.
The certificate is self-signed and names the school: who may sign for a school is a trust
decision (a published fingerprint, `--trust`), not something a certificate authority decides.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import NameOID

from kompetenz.certificates.document import CertificateError
from kompetenz.certificates.signing import (
    KeyPasswordRequired,
    fingerprint,
    import_key,
    installed_key,
    key_path,
    public_key_pem,
    signing_key,
    write_private_file,
)

PDF_KEY_FILE = "pdf-signing-key.pem"
PDF_CERT_FILE = "pdf-signing-cert.pem"
DEFAULT_HOLDER = "Kompetenz-Installation"
_VALID_YEARS = 30  # a certificate on paper is checked years later; the key never expires
_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \1-----\r?\n?", re.DOTALL)


@dataclass(frozen=True)
class PdfSigningKey:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)

    @property
    def holder(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
        return str(names[0].value) if names else DEFAULT_HOLDER


@dataclass(frozen=True)
class TrustedKeys:
    """Fingerprints of keys a verifier trusts: Ed25519 keys and PDF certificates' keys."""

    fingerprints: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.fingerprints)


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """First 16 hex digits of SHA-256 over the certificate's public key (SubjectPublicKeyInfo)."""
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest()[:16]


def pdf_key_paths(data_dir: Path, suffix: str = "") -> tuple[Path, Path]:
    folder = key_path(data_dir).parent
    return (folder / PDF_KEY_FILE.replace(".pem", f"{suffix}.pem"),
            folder / PDF_CERT_FILE.replace(".pem", f"{suffix}.pem"))


def installed_pdf_key(data_dir: Path, suffix: str = "") -> PdfSigningKey | None:
    key_file, cert_file = pdf_key_paths(data_dir, suffix)
    if not key_file.is_file() or not cert_file.is_file():
        return None
    again = "Importieren Sie den Schlüsselsatz der Schule neu (kompetenz keys import)."
    try:
        key = _load_ec_key(key_file.read_bytes(), None, str(key_file))
    except KeyPasswordRequired:
        # Kompetenz keeps its installed keys without a password; a protected one was copied
        # in by hand. Asking here would stop every export: install it once instead.
        raise KeyPasswordRequired(
            f"{key_file}: Der PDF-Signaturschlüssel ist mit einem Passwort geschützt. "
            "Installieren Sie den Schlüsselsatz der Schule mit „kompetenz keys import DATEI“: "
            "Kompetenz fragt dabei einmal nach dem Passwort.") from None
    except (CertificateError, OSError):
        raise CertificateError(f"{key_file}: Der PDF-Signaturschlüssel ist nicht lesbar. "
                               f"{again}") from None
    try:
        certificate = x509.load_pem_x509_certificate(cert_file.read_bytes())
    except (ValueError, OSError):
        raise CertificateError(f"{cert_file}: Das Zertifikat des PDF-Signaturschlüssels ist "
                               f"nicht lesbar. {again}") from None
    return _pair(key, certificate, str(cert_file))


def pdf_signing_key(data_dir: Path, holder: str | None = None) -> PdfSigningKey:
    """The installation's PDF key, made beside the Ed25519 key if there is none yet."""
    found = installed_pdf_key(data_dir)
    if found is None:
        _install_pdf_key(data_dir, new_pdf_key(holder or DEFAULT_HOLDER))
        found = installed_pdf_key(data_dir)
        assert found is not None
    return found


def pdf_key_with_fingerprint(data_dir: Path, wanted: str) -> PdfSigningKey:
    """The current or a retired PDF key, for re-exporting a certificate it was issued with."""
    candidates = [installed_pdf_key(data_dir), installed_pdf_key(data_dir, f"-{wanted}")]
    for candidate in candidates:
        if candidate is not None and candidate.fingerprint == wanted:
            return candidate
    raise CertificateError(
        f"Der PDF-Signaturschlüssel {wanted}, mit dem dieses Zertifikat ausgestellt wurde, "
        "fehlt auf diesem Rechner. Importieren Sie den Schlüsselsatz der Schule "
        "(kompetenz keys import).")


def new_pdf_key(holder: str) -> PdfSigningKey:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"{holder} – Kompetenz-Zertifikate"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, holder),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
    ])
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now.replace(year=now.year + _VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return PdfSigningKey(key, certificate)


def create_key_set(data_dir: Path, holder: str) -> list[Path]:
    """A fresh key set for `holder`; the old keys are kept as `*-<fingerprint>.pem`."""
    return import_key_set(data_dir, _private_pem(Ed25519PrivateKey.generate()), None, holder)


def import_key_set(data_dir: Path, pem: bytes, password: bytes | None,
                   holder: str | None = None) -> list[Path]:
    """Install a key set (Ed25519 key; PDF key and certificate optional: made if missing)."""
    ed_key, pdf_key = _read_set(pem, password)
    retired: list[Path] = []
    current = installed_pdf_key(data_dir)
    installed = installed_key(data_dir)
    same_key = installed is not None and (
        fingerprint(installed.public_key()) == fingerprint(ed_key.public_key()))
    if pdf_key is None and current is not None and same_key and not holder:
        pdf_key = current  # the same Ed25519 key again: its PDF key stays
    if pdf_key is None:
        pdf_key = new_pdf_key(holder or (current.holder if current else DEFAULT_HOLDER))
    ed_retired = import_key(data_dir, _private_pem(ed_key))
    retired += [ed_retired] if ed_retired else []
    retired += _install_pdf_key(data_dir, pdf_key)
    return retired


def export_key_set(data_dir: Path) -> bytes:
    """The whole set as one PEM file (private!): for a second computer of the same school."""
    ed_key = signing_key(data_dir)
    pdf_key = pdf_signing_key(data_dir)
    return (_private_pem(ed_key) + _private_pem(pdf_key.key)
            + pdf_key.certificate.public_bytes(serialization.Encoding.PEM))


def public_parts(data_dir: Path) -> tuple[Ed25519PublicKey, PdfSigningKey]:
    return signing_key(data_dir).public_key(), pdf_signing_key(data_dir)


def public_set_pem(public_key: Ed25519PublicKey, pdf_key: PdfSigningKey) -> bytes:
    return public_key_pem(public_key) + pdf_key.certificate.public_bytes(
        serialization.Encoding.PEM)


def read_trusted_keys(paths: list[Path]) -> TrustedKeys:
    """Keys to trust from PEM files: Ed25519 public or private keys, X.509 certificates."""
    found: set[str] = set()
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CertificateError(f"{path}: Datei nicht lesbar ({error.strerror}).") from None
        before = len(found)
        for block in _PEM_BLOCK.finditer(data):
            found |= _trusted_fingerprint(block.group(0), block.group(1))
        if len(found) == before:
            raise CertificateError(f"{path}: Darin steht kein Ed25519-Schlüssel und kein "
                                   "Zertifikat im PEM-Format.")
    return TrustedKeys(frozenset(found))


def _trusted_fingerprint(block: bytes, label: bytes) -> set[str]:
    try:
        if label == b"CERTIFICATE":
            return {certificate_fingerprint(x509.load_pem_x509_certificate(block))}
        if label == b"PUBLIC KEY":
            key = serialization.load_pem_public_key(block)
            return {fingerprint(key)} if isinstance(key, Ed25519PublicKey) else set()
        if label == b"PRIVATE KEY":
            private = serialization.load_pem_private_key(block, None)
            if isinstance(private, Ed25519PrivateKey):
                return {fingerprint(private.public_key())}
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return set()
    return set()


def _read_set(pem: bytes, password: bytes | None
              ) -> tuple[Ed25519PrivateKey, PdfSigningKey | None]:
    ed_keys: list[Ed25519PrivateKey] = []
    ec_keys: list[ec.EllipticCurvePrivateKey] = []
    certificates: list[x509.Certificate] = []
    for block in _PEM_BLOCK.finditer(pem):
        if block.group(1) == b"CERTIFICATE":
            certificates.append(_load_certificate(block.group(0)))
        elif block.group(1).endswith(b"PRIVATE KEY"):
            key = _load_private(block.group(0), password)
            if isinstance(key, Ed25519PrivateKey):
                ed_keys.append(key)
            elif isinstance(key, ec.EllipticCurvePrivateKey):
                ec_keys.append(key)
    if len(ed_keys) != 1:
        raise CertificateError(
            "Die Datei muss genau einen privaten Ed25519-Schlüssel enthalten (dazu optional den "
            "ECDSA-P-256-Schlüssel und sein Zertifikat, wie „kompetenz keys export“ sie "
            "schreibt). Erzeugen lässt sich einer mit „openssl genpkey -algorithm ed25519 "
            "-out schule.pem“.")
    if not ec_keys:
        return ed_keys[0], None
    if len(ec_keys) != 1 or len(certificates) != 1:
        raise CertificateError("Zum ECDSA-Schlüssel gehört genau ein Zertifikat in der Datei.")
    return ed_keys[0], _pair(ec_keys[0], certificates[0], "Die Datei")


def _pair(key: ec.EllipticCurvePrivateKey, certificate: x509.Certificate,
          name: str) -> PdfSigningKey:
    if not isinstance(key.curve, ec.SECP256R1):
        raise CertificateError(f"{name}: Der PDF-Signaturschlüssel muss ECDSA P-256 sein.")
    if certificate.public_key() != key.public_key():
        raise CertificateError(f"{name}: Das Zertifikat gehört nicht zum ECDSA-Schlüssel.")
    return PdfSigningKey(key, certificate)


def _load_private(block: bytes, password: bytes | None) -> object:
    try:
        return serialization.load_pem_private_key(block, password=password)
    except TypeError:
        raise KeyPasswordRequired("Der Schlüssel ist mit einem Passwort geschützt.") from None
    except (ValueError, UnsupportedAlgorithm):
        raise CertificateError("Ein Schlüssel in der Datei ist nicht lesbar (oder das Passwort "
                               "ist falsch).") from None


def _load_certificate(block: bytes) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(block)
    except ValueError:
        raise CertificateError("Das Zertifikat in der Datei ist nicht lesbar.") from None


def _load_ec_key(data: bytes, password: bytes | None, name: str) -> ec.EllipticCurvePrivateKey:
    key = _load_private(data, password)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise CertificateError(f"{name}: Das ist kein ECDSA-Schlüssel.")
    return key


def _install_pdf_key(data_dir: Path, pdf_key: PdfSigningKey) -> list[Path]:
    current = installed_pdf_key(data_dir)
    if current is not None and current.fingerprint == pdf_key.fingerprint:
        return []
    key_file, cert_file = pdf_key_paths(data_dir)
    retired: list[Path] = []
    if current is not None:
        old_key, old_cert = pdf_key_paths(data_dir, f"-{current.fingerprint}")
        key_file.replace(old_key)
        cert_file.replace(old_cert)
        retired = [old_key, old_cert]
    write_private_file(cert_file, pdf_key.certificate.public_bytes(serialization.Encoding.PEM))
    write_private_file(key_file, _private_pem(pdf_key.key))
    return retired


def _private_pem(key: Ed25519PrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
