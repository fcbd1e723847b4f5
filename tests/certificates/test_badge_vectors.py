"""The eddsa-rdfc-2022 implementation against the W3C specification's own test vector."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kompetenz.certificates.dataintegrity import (
    add_proof,
    base58_decode,
    bundled_context,
    check_proof,
    multikey,
    public_key_from_multikey,
)
from kompetenz.certificates.document import CertificateError

SPEC_VECTOR = Path(__file__).parent / "data" / "vc-di-eddsa-rdfc-2022-signed.json"
# TestVectors/keyPair.json of w3c/vc-di-eddsa
PUBLIC_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
PRIVATE_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
EXAMPLES_CONTEXT = "https://www.w3.org/ns/credentials/examples/v2"


def spec_contexts(url: str) -> dict[str, Any]:
    """The bundled contexts plus the spec's examples context (a single @vocab mapping)."""
    if url == EXAMPLES_CONTEXT:
        return {"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}
    return bundled_context(url)


def spec_key() -> Ed25519PrivateKey:
    raw = base58_decode(PRIVATE_KEY[1:])
    assert raw[:2] == b"\x80\x26"  # multicodec ed25519-priv
    return Ed25519PrivateKey.from_private_bytes(raw[2:])


def test_signing_the_spec_credential_gives_the_spec_proof_value() -> None:
    signed = json.loads(SPEC_VECTOR.read_text("utf-8"))
    key = spec_key()
    assert multikey(key.public_key()) == PUBLIC_KEY
    unsigned = {k: v for k, v in signed.items() if k != "proof"}
    proof = signed["proof"]

    again = add_proof(unsigned, key, proof["verificationMethod"], proof["created"],
                      spec_contexts)
    assert again["proof"] == proof


def test_the_spec_credential_verifies_and_fails_after_a_one_character_change() -> None:
    signed = json.loads(SPEC_VECTOR.read_text("utf-8"))
    public_key = public_key_from_multikey(PUBLIC_KEY)
    check_proof(signed, public_key, spec_contexts)

    changed = json.loads(json.dumps(signed).replace("The School of Examples",
                                                    "The School of Exampler"))
    with pytest.raises(CertificateError, match="nach dem Signieren verändert"):
        check_proof(changed, public_key, spec_contexts)


def test_a_context_that_is_not_bundled_is_refused_without_the_network() -> None:
    signed = json.loads(SPEC_VECTOR.read_text("utf-8"))
    with pytest.raises(CertificateError, match="ist nicht der gebündelte"):
        check_proof(signed, public_key_from_multikey(PUBLIC_KEY))
