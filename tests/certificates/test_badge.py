"""Open Badges 3.0: issued from a real certificate, checked offline, baked into PNG and SVG."""

from __future__ import annotations

import json
import struct
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.api import check_badge_file
from kompetenz.certificates.badge import identity_hash
from kompetenz.certificates.badge_verify import read_badge_file, verify_badge
from kompetenz.certificates.dataintegrity import did_key
from kompetenz.certificates.document import CertificateKind
from kompetenz.certificates.issuer import IssuerSettings, save_settings
from kompetenz.certificates.keyset import TrustedKeys
from kompetenz.certificates.service import CertificateService
from kompetenz.certificates.signing import fingerprint, signing_key
from kompetenz.store.records import ProfileRecord

NAME = "Annegret Müller-Lüdenscheidt"


@pytest.fixture
def number(service: CertificateService, passed_profile: ProfileRecord) -> str:
    return service.issue(passed_profile.id, None, CertificateKind.FULL).number


def test_the_badge_states_the_achievement_and_names_the_learner_only_by_hash(
    service: CertificateService, number: str, data_dir: Path
) -> None:
    badge = service.badge(number)
    key = signing_key(data_dir).public_key()
    assert badge["@context"] == ["https://www.w3.org/ns/credentials/v2",
                                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["issuer"] == {"id": did_key(key), "type": ["Profile"],
                               "name": "Gesamtschule Bochum-Mitte"}
    assert badge["name"] == f"Zertifikat KI-Kompetenz Nr. {number}"
    assert badge["validFrom"] == "2026-11-26T00:00:00Z"
    assert "validUntil" not in badge
    identity = badge["credentialSubject"]["identifier"][0]
    assert identity["identityType"] == "name"
    assert identity["hashed"] is True
    assert identity["identityHash"] == identity_hash(NAME, identity["salt"])
    assert NAME not in json.dumps(badge, ensure_ascii=False)
    assert badge["proof"]["cryptosuite"] == "eddsa-rdfc-2022"

    result = verify_badge(badge)
    assert result.valid, result.reasons
    assert result.key_fingerprint == fingerprint(key)
    assert result.statement is not None
    assert result.statement.number == number
    assert result.statement.names(NAME)
    assert result.statement.names(unicodedata.normalize("NFD", NAME))
    assert not result.statement.names("Annette Müller")
    [module] = result.statement.modules
    assert (module.id, module.version, module.completed_on.isoformat()) == (
        "beispiel", "1.0.0", "2026-09-01")


def test_the_same_number_gives_the_same_credential_id_and_valid_from(
    service: CertificateService, number: str
) -> None:
    first, second = service.badge(number), service.badge(number)
    assert (first["id"], first["validFrom"]) == (second["id"], second["validFrom"])
    assert first["id"].startswith("urn:uuid:")
    assert verify_badge(second).valid


def test_a_refresh_interval_sets_valid_until_and_an_expired_badge_fails(
    service: CertificateService, number: str, data_dir: Path
) -> None:
    save_settings(data_dir, IssuerSettings(refresh_months=3, issuer_id="did:web:schule.example"))
    badge = service.badge(number)
    assert badge["validUntil"] == "2027-02-26T00:00:00Z"
    assert badge["issuer"]["id"] == "did:web:schule.example"
    assert verify_badge(badge, datetime(2027, 1, 1, tzinfo=UTC)).valid
    expired = verify_badge(badge, datetime(2027, 3, 1, tzinfo=UTC))
    assert expired.reasons == ("Der Nachweis ist abgelaufen: Er galt bis 26.02.2027. Eine "
                               "Auffrischung kann ein neues Zertifikat bringen.",)


def changed(badge: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    text = json.dumps(badge, ensure_ascii=False)
    assert text.count(old) >= 1
    result: dict[str, Any] = json.loads(text.replace(old, new, 1))
    return result


def test_one_changed_character_another_suite_or_a_foreign_context_fails(
    service: CertificateService, number: str
) -> None:
    badge = service.badge(number)
    assert verify_badge(changed(badge, "Beispielmodul", "Beispielmodal")).reasons == (
        "Die Signatur des Nachweises ist ungültig: Er wurde nach dem Signieren verändert.",)
    assert verify_badge(changed(badge, '"2026-11-26T00:00:00Z"', '"2026-11-25T00:00:00Z"')
                        ).reasons[0].startswith("Die Signatur des Nachweises ist ungültig")
    other_suite = changed(badge, '"eddsa-rdfc-2022"', '"ecdsa-rdfc-2019"')
    assert verify_badge(other_suite).reasons[0].startswith(
        "Der Nachweis ist mit einem anderen Verfahren signiert")
    foreign = changed(badge, "context-3.0.3.json", "context-3.0.2.json")
    assert verify_badge(foreign).reasons[0].startswith(
        "Der Nachweis nennt nicht genau die gebündelten Kontexte")
    extra = dict(badge, credentialSubject=dict(badge["credentialSubject"], note="x"))
    assert verify_badge(extra).reasons == (
        "Die Angabe „note“ ist in keinem der Kontexte definiert und wäre nicht signiert.",)


@pytest.mark.parametrize("suffix", [".json", ".png", ".svg"])
def test_badge_files_round_trip(qapp: QApplication, service: CertificateService, number: str,
                                tmp_path: Path, data_dir: Path, suffix: str) -> None:
    path = tmp_path / f"badge{suffix}"
    service.export_badge(number, path)
    credential = read_badge_file(path)
    assert credential["id"] == service.badge(number)["id"]
    own = TrustedKeys(frozenset({fingerprint(signing_key(data_dir).public_key())}))
    check = check_badge_file(path, own, expected_name=NAME)
    assert check.valid, check.reason
    assert (check.number, check.name, check.key_trusted) == (number, NAME, True)
    assert [(m.id, m.version) for m in check.modules] == [("beispiel", "1.0.0")]
    assert not check_badge_file(path, TrustedKeys(frozenset({"0" * 16}))).valid
    assert not check_badge_file(path, expected_name="Annette Müller").valid


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, position = [], 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunks.append((kind, data[position + 8:position + 8 + length]))
        position += 12 + length
    return chunks


def test_the_baked_png_and_svg_follow_the_spec(qapp: QApplication, service: CertificateService,
                                               number: str, tmp_path: Path) -> None:
    png, svg = tmp_path / "b.png", tmp_path / "b.svg"
    service.export_badge(number, png)
    service.export_badge(number, svg)
    baked = [body for kind, body in png_chunks(png.read_bytes()) if kind == b"iTXt"]
    assert len(baked) == 1
    assert baked[0].startswith(b"openbadgecredential\0\0\0")  # uncompressed
    kinds = [kind for kind, _ in png_chunks(png.read_bytes())]
    assert kinds.index(b"iTXt") < kinds.index(b"IDAT")
    assert kinds[-1] == b"IEND"
    text = svg.read_text("utf-8")
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in text.split(">", 1)[0]
    assert text.split(">", 1)[1].startswith("<openbadges:credential><![CDATA[{")

    tampered = tmp_path / "t.svg"
    tampered.write_text(text.replace("Beispielmodul", "Beispielmodal", 1), "utf-8")
    assert "nach dem Signieren verändert" in check_badge_file(tampered).reason


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\nkaputt", b"<svg></svg>",
                                     b"{\"@context\": 1}", b"[1, 2]"])
def test_damaged_badge_files_are_refused_with_a_reason(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "nachweis.json"
    path.write_bytes(content)
    check = check_badge_file(path)
    assert not check.valid
    assert check.reason.endswith(".")
