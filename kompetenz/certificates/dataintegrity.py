"""W3C Data Integrity proofs with the cryptosuite `eddsa-rdfc-2022`, offline.

The document and the proof options are canonicalised as RDF (RDFC-1.0, which pyld implements
as URDNA2015), each hashed with SHA-256, and Ed25519 signs the proof hash followed by the
document hash. JSON-LD contexts come only from the bundled files: the loader refuses every
other URL, so verifying never touches the network. A property that no context defines would be
dropped from the canonical form, and so not be signed: that is refused too.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kompetenz.certificates.document import CertificateError
from kompetenz.resources import resource_path

CRYPTOSUITE = "eddsa-rdfc-2022"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
BUNDLED_CONTEXTS = {
    VC_CONTEXT: "credentials-v2.jsonld",
    OB_CONTEXT: "ob-v3p0-context-3.0.3.json",
}
_ED25519_MULTICODEC = b"\xed\x01"
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

ContextSource = Callable[[str], dict[str, Any]]


@functools.cache
def bundled_context(url: str) -> dict[str, Any]:
    """The bundled context for `url`; CertificateError for any URL not bundled."""
    name = BUNDLED_CONTEXTS.get(url)
    if name is None:
        raise CertificateError(f"Der JSON-LD-Kontext „{url}“ ist nicht der gebündelte; "
                               "Kompetenz lädt keine Kontexte aus dem Netz.")
    loaded: dict[str, Any] = json.loads(Path(resource_path("contexts", name)).read_text("utf-8"))
    return loaded


def canonical_nquads(document: dict[str, Any], contexts: ContextSource = bundled_context) -> str:
    """The document as canonical N-Quads; CertificateError if it cannot be read as JSON-LD."""
    from pyld import jsonld

    def load(url: str, options: object = None) -> dict[str, Any]:
        return {"contextUrl": None, "documentUrl": url, "document": contexts(url)}

    def refuse_dropped(term: str | None) -> None:
        raise CertificateError(f"Die Angabe „{term}“ ist in keinem der Kontexte definiert und "
                               "wäre nicht signiert.")

    processor = jsonld.JsonLdProcessor(on_property_dropped=refuse_dropped)
    try:
        result = processor.normalize(document, {
            "algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": load})
    except jsonld.JsonLdError as error:
        raise _cause(error) from None
    return str(result)


def _cause(error: BaseException) -> CertificateError:
    """pyld wraps our own refusal (context not bundled, term undefined) in its errors."""
    current: BaseException | None = error
    while current is not None:
        if isinstance(current, CertificateError):
            return current
        current = current.__cause__ or getattr(current, "cause", None)
    return CertificateError("Die Daten sind kein gültiges JSON-LD.")


def hash_data(document: dict[str, Any], proof_options: dict[str, Any],
              contexts: ContextSource = bundled_context) -> bytes:
    """SHA-256 of the canonical proof options, then of the canonical document (the spec's
    order); the proof options carry the document's @context."""
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof_options.items() if key != "proofValue"}
    options["@context"] = document["@context"]
    return (hashlib.sha256(canonical_nquads(options, contexts).encode("utf-8")).digest()
            + hashlib.sha256(canonical_nquads(unsigned, contexts).encode("utf-8")).digest())


def add_proof(document: dict[str, Any], key: Ed25519PrivateKey, verification_method: str,
              created: str, contexts: ContextSource = bundled_context) -> dict[str, Any]:
    proof = {"type": "DataIntegrityProof", "cryptosuite": CRYPTOSUITE, "created": created,
             "verificationMethod": verification_method, "proofPurpose": "assertionMethod"}
    signature = key.sign(hash_data(document, proof, contexts))
    return document | {"proof": proof | {"proofValue": "z" + base58_encode(signature)}}


def check_proof(document: dict[str, Any], public_key: Ed25519PublicKey,
                contexts: ContextSource = bundled_context) -> None:
    """CertificateError (German) unless `document` carries a valid eddsa-rdfc-2022 proof."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise CertificateError("Der Nachweis trägt keine Signatur (proof).")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise CertificateError(
            f"Der Nachweis ist mit einem anderen Verfahren signiert ({proof.get('type')}, "
            f"{proof.get('cryptosuite')}); Kompetenz prüft nur {CRYPTOSUITE}.")
    if proof.get("proofPurpose") != "assertionMethod":
        raise CertificateError("Die Signatur ist nicht für eine Ausstellung gedacht "
                               "(proofPurpose ist nicht assertionMethod).")
    value = str(proof.get("proofValue", ""))
    try:
        signature = base58_decode(value[1:]) if value.startswith("z") else b""
        public_key.verify(signature, hash_data(document, proof, contexts))
    except (InvalidSignature, ValueError):
        raise CertificateError(
            "Die Signatur des Nachweises ist ungültig: Er wurde nach dem Signieren "
            "verändert.") from None


def did_key(public_key: Ed25519PublicKey) -> str:
    return "did:key:" + multikey(public_key)


def multikey(public_key: Ed25519PublicKey) -> str:
    return "z" + base58_encode(_ED25519_MULTICODEC + public_key.public_bytes_raw())


def public_key_from_multikey(value: str) -> Ed25519PublicKey:
    try:
        raw = base58_decode(value[1:]) if value.startswith("z") else b""
        if not raw.startswith(_ED25519_MULTICODEC) or len(raw) != 34:
            raise ValueError("not an Ed25519 multikey")
        return Ed25519PublicKey.from_public_bytes(raw[2:])
    except ValueError:
        raise CertificateError(f"„{value}“ ist kein Ed25519-Schlüssel (Multikey).") from None


def base58_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, remainder = divmod(number, 58)
        digits = _BASE58[remainder] + digits
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + digits


def base58_decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = _BASE58.find(char)
        if index < 0:
            raise ValueError(f"not base58: {char!r}")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body
