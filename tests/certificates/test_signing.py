"""Keys of an installation or a school, and the compact signed text of the QR code."""

from __future__ import annotations

import stat
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kompetenz.certificates.document import (
    CertificateDocument,
    CertificateError,
    CertificateKind,
    build_document,
)
from kompetenz.certificates.keyset import read_trusted_keys
from kompetenz.certificates.qr import qr_version
from kompetenz.certificates.signing import (
    KeyPasswordRequired,
    fingerprint,
    import_key,
    installed_key,
    key_path,
    open_signed,
    public_key_pem,
    sign,
    signing_key,
)
from kompetenz.content.loader import load_course
from kompetenz.resources import bundled_content_dir
from kompetenz.store.records import ModuleProgress, ProfileRecord, Role

Built = tuple[CertificateDocument, Ed25519PrivateKey]


def pem_of(key: Ed25519PrivateKey, password: bytes | None = None) -> bytes:
    encryption = (serialization.BestAvailableEncryption(password) if password
                  else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption)


def test_an_installation_makes_its_key_once_readable_only_by_its_user(data_dir: Path) -> None:
    assert installed_key(data_dir) is None
    first = signing_key(data_dir)
    again = signing_key(data_dir)

    assert fingerprint(first.public_key()) == fingerprint(again.public_key())
    assert len(fingerprint(first.public_key())) == 16
    if sys.platform != "win32":
        assert stat.S_IMODE(key_path(data_dir).stat().st_mode) == 0o600
    assert list(key_path(data_dir).parent.iterdir()) == [key_path(data_dir)]


def test_a_school_key_replaces_the_own_one_which_is_kept(data_dir: Path) -> None:
    own = signing_key(data_dir)
    school = Ed25519PrivateKey.generate()

    retired = import_key(data_dir, pem_of(school))

    assert fingerprint(signing_key(data_dir).public_key()) == fingerprint(school.public_key())
    assert retired is not None
    assert retired.name == f"signing-key-{fingerprint(own.public_key())}.pem"
    assert read_trusted_keys([retired]).fingerprints == {fingerprint(own.public_key())}
    assert import_key(data_dir, pem_of(school)) is None  # the same key again changes nothing


def test_a_password_protected_school_key_asks_for_its_password(data_dir: Path) -> None:
    school = Ed25519PrivateKey.generate()
    pem = pem_of(school, b"geheim")

    with pytest.raises(KeyPasswordRequired, match="mit einem Passwort geschützt"):
        import_key(data_dir, pem)
    with pytest.raises(CertificateError, match="falsches Passwort"):
        import_key(data_dir, pem, b"falsch")
    import_key(data_dir, pem, b"geheim")
    assert fingerprint(signing_key(data_dir).public_key()) == fingerprint(school.public_key())


def test_keys_of_other_kinds_are_refused_in_german(data_dir: Path, tmp_path: Path) -> None:
    rsa_pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    with pytest.raises(CertificateError, match="kein Ed25519-Schlüssel"):
        import_key(data_dir, rsa_pem)
    with pytest.raises(CertificateError, match="Kein lesbarer privater Schlüssel"):
        import_key(data_dir, b"hallo")
    assert installed_key(data_dir) is None


def test_a_published_public_key_can_be_trusted(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    published = tmp_path / "schule.pub.pem"
    published.write_bytes(public_key_pem(key.public_key()))
    private = tmp_path / "schule.pem"
    private.write_bytes(pem_of(key))

    for path in (published, private):
        assert read_trusted_keys([path]).fingerprints == {fingerprint(key.public_key())}
    other = tmp_path / "anderes.pem"
    other.write_text("kein Schlüssel")
    with pytest.raises(CertificateError, match="kein Ed25519-Schlüssel und kein Zertifikat"):
        read_trusted_keys([other])
    with pytest.raises(CertificateError, match="nicht lesbar"):
        read_trusted_keys([tmp_path / "fehlt.pem"])


@pytest.fixture
def full_document_of_bundled_course() -> tuple[CertificateDocument, Ed25519PrivateKey]:
    course = load_course([bundled_content_dir()])
    assert len(course.modules) >= 4
    passed_at = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
    progress = {m.id: ModuleProgress(m.id, frozenset(), 93.3, True, passed_at, 1, 0.0)
                for m in course.modules}
    profile = ProfileRecord(1, "Dr. Annegret Müller-Lüdenscheidt",
                            "Städtisches Gymnasium am Stadtpark, Gelsenkirchen-Buer",
                            Role.TEACHER, False, passed_at)
    key = Ed25519PrivateKey.generate()
    doc = build_document(profile, course, progress, CertificateKind.FULL, None,
                         key_fingerprint=fingerprint(key.public_key()),
                         issued_on=date(2026, 11, 26))
    return doc, key


def test_the_signed_text_round_trips_and_stays_scannable(
    full_document_of_bundled_course: Built,
) -> None:
    doc, key = full_document_of_bundled_course
    text = sign(doc, key)

    signed = open_signed(text)
    assert signed.fingerprint == fingerprint(key.public_key())
    assert signed.data["p"] == "Dr. Annegret Müller-Lüdenscheidt"
    assert [m[3] for m in signed.data["m"]] == [93] * len(doc.modules)
    assert open_signed(text.lower()).data == signed.data  # typed in by hand, any case
    # All four modules of the course with a long name and school: version 17 of 40 with
    # error correction M, about 0.4 mm per module on the printed 37 mm code.
    assert qr_version(text) <= 18


def test_a_changed_signed_text_fails(full_document_of_bundled_course: Built) -> None:
    doc, key = full_document_of_bundled_course
    prefix, payload, public_key, signature = sign(doc, key).split(".")
    changed = payload[:40] + ("A" if payload[40] != "A" else "B") + payload[41:]

    with pytest.raises(CertificateError, match="Signatur ist ungültig"):
        open_signed(".".join((prefix, changed, public_key, signature)))
    with pytest.raises(CertificateError, match="kein Kompetenz-Prüftext"):
        open_signed("https://example.org/zertifikat")
    with pytest.raises(CertificateError, match="beschädigt"):
        open_signed(".".join((prefix, payload, public_key, signature[:-9])))
