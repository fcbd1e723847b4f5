"""The PDF signature over the whole file (PAdES B-B: `/Sig`, `/ByteRange`, detached CMS).

pyHanko writes and checks it; nothing here builds CMS by hand. The signature is added as an
incremental update after Qt's PDF/A file, so the first revision stays byte for byte what Qt
wrote, and a later change either breaks the digest or shows as bytes after the signed range.
pyHanko's log output is silenced: a verifier shows German reasons, never a library's log.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kompetenz.certificates.document import CertificateError
from kompetenz.certificates.keyset import PdfSigningKey, certificate_fingerprint

if TYPE_CHECKING:
    from asn1crypto.x509 import Certificate as Asn1Certificate
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko_certvalidator import ValidationContext

FIELD_NAME = "Kompetenz-Signatur"
_DAMAGED = "Die PDF-Datei ist beschädigt oder kein von Kompetenz signiertes Dokument."
_RESTRUCTURED = ("Die PDF-Datei wurde nach dem Signieren verändert oder ist beschädigt: Ihr "
                 "Aufbau passt nicht mehr zum Verzeichnis der Datei, die PDF-Signatur lässt "
                 "sich nicht prüfen.")


@dataclass(frozen=True)
class PdfSignatureCheck:
    """What the file's PDF signature says; `present` False when the file carries none."""

    present: bool
    key_fingerprint: str | None = None
    holder: str | None = None
    problems: tuple[str, ...] = ()
    reason: str | None = None  # what the signer said it signs (inside the signed bytes)
    signed_at: datetime | None = None  # the signer's clock, as the signature states it


def preload() -> None:
    """Import pyHanko ahead of the first export: its import takes longer than the signing
    (it brings an HTTP client for timestamp servers that Kompetenz never calls)."""
    import pyhanko.pdf_utils.incremental_writer
    import pyhanko.sign.signers
    import pyhanko.sign.validation  # noqa: F401


def quiet_pyhanko() -> None:
    """pyHanko logs warnings about the files it reads; the user sees our reasons instead."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def sign_pdf(path: Path, pdf_key: PdfSigningKey, reason: str) -> None:
    """Sign the file at `path` in place (the caller writes it to a temporary file first)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    quiet_pyhanko()
    der_key = pdf_key.key.private_bytes(serialization.Encoding.DER,
                                        serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    certificate = asn1_x509.Certificate.load(
        pdf_key.certificate.public_bytes(serialization.Encoding.DER))
    signer = signers.SimpleSigner(
        signing_cert=certificate, signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([certificate]))  # type: ignore[no-untyped-call]
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", reason=reason, name=pdf_key.holder,
        subfilter=fields.SigSeedSubFilter.PADES)
    writer = _metadata_keeping_writer(io.BytesIO(path.read_bytes()))
    output = io.BytesIO()
    signers.PdfSigner(metadata, signer, new_field_spec=fields.SigFieldSpec(FIELD_NAME)
                      ).sign_pdf(writer, output=output)
    path.write_bytes(output.getvalue())


def _metadata_keeping_writer(source: io.BytesIO) -> IncrementalPdfFileWriter:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class KeepMetadataWriter(IncrementalPdfFileWriter):
        """Keeps the file a PDF/A-1b as Qt wrote it. pyHanko would rewrite the XMP packet and
        the document information (producer, modification date), and declare PDF 2.0 with
        ISO developer extensions for ECDSA; readers check the signature without them (pdfsig
        does), while PDF/A-1 is PDF 1.4."""

        def _update_meta(self) -> None:
            pass

        def ensure_output_version(self, version: tuple[int, int]) -> None:
            pass

        def register_extension(self, ext: object) -> None:
            pass

    return KeepMetadataWriter(source)


def check_pdf_signature(data: bytes) -> PdfSignatureCheck:
    """Check the file's one PDF signature: intact, and covering every byte of the file."""
    from pyhanko.pdf_utils.misc import PdfReadError

    quiet_pyhanko()
    try:
        with warnings.catch_warnings():  # pyHanko warns about odd files; the reasons say it
            warnings.simplefilter("ignore")
            return _check(data)
    except CertificateError as error:
        return PdfSignatureCheck(True, problems=(str(error),))
    except PdfReadError:
        return PdfSignatureCheck(True, problems=(_RESTRUCTURED,))
    except Exception:  # pyHanko raises many kinds on damaged input; the reader needs one answer
        return PdfSignatureCheck(True, problems=(_DAMAGED,))


def _check(data: bytes) -> PdfSignatureCheck:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    signatures = reader.embedded_signatures
    if not signatures:
        return PdfSignatureCheck(False)
    if len(signatures) > 1:
        raise CertificateError("Die Datei trägt mehr als eine PDF-Signatur; Kompetenz setzt "
                               "genau eine.")
    signature = signatures[0]
    status = validate_pdf_signature(signature, signer_validation_context=_offline_context(
        signature.signer_cert))
    fingerprint = _fingerprint(signature.signer_cert)
    holder = signature.signer_cert.subject.native.get("organization_name")
    problems: list[str] = []
    if not (status.intact and status.valid):
        problems.append("Die PDF-Signatur ist ungültig: Die Datei wurde nach dem Signieren "
                        "verändert.")
    elif status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
        problems.append("Nach dem Signieren wurde etwas an die Datei angehängt (eine spätere "
                        "Änderung, die die Seite überdecken kann).")
    reason = signature.sig_object.get("/Reason")
    return PdfSignatureCheck(True, fingerprint, str(holder) if holder else None, tuple(problems),
                             str(reason) if reason is not None else None,
                             status.signer_reported_dt)


def _offline_context(certificate: Asn1Certificate) -> ValidationContext:
    """Trust the signer's own certificate: integrity is checked here, trust by fingerprint."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[certificate], allow_fetching=False)


def _fingerprint(certificate: Asn1Certificate) -> str:
    from cryptography import x509

    return certificate_fingerprint(x509.load_der_x509_certificate(certificate.dump()))
