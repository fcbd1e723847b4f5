"""Issuing through the real store: what is recorded, and who may have which certificate."""

from __future__ import annotations

import json

import pytest
from certificate_helpers import Clock, pass_quiz

from kompetenz.certificates.document import CertificateError, CertificateKind
from kompetenz.certificates.service import CertificateService
from kompetenz.certificates.signing import open_signed
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore


def test_eligibility_follows_the_passed_quizzes(service: CertificateService, store: ProgressStore,
                                                clock: Clock, profile: ProfileRecord) -> None:
    nothing = service.eligible(profile.id)
    assert (nothing.module_ids, nothing.full) == ((), False)
    assert nothing.missing_core == ("Beispielmodul: Prompts im Schulalltag",)

    pass_quiz(store, clock, profile.id, "beispiel", 50.0, passed=False)
    assert service.eligible(profile.id).module_ids == ()
    pass_quiz(store, clock, profile.id, "beispiel", 75.0)
    passed = service.eligible(profile.id)
    assert (passed.module_ids, passed.full, passed.missing_core) == (("beispiel",), True, ())


def test_the_store_keeps_the_document_and_its_signed_text(service: CertificateService,
                                                          store: ProgressStore,
                                                          passed_profile: ProfileRecord) -> None:
    record = service.issue(passed_profile.id, "beispiel", "module")  # a plain string will do

    [kept] = store.certificates(passed_profile.id)
    assert kept == record
    assert (kept.kind, kept.module_ids) == ("module", ("beispiel",))
    assert kept.issued_at.isoformat() == "2026-11-26T09:30:00+00:00"
    assert json.loads(kept.payload)["name"] == "Annegret Müller-Lüdenscheidt"
    assert open_signed(kept.signature).data["n"] == kept.number
    assert service.issued(kept.number.lower()).document.number == kept.number


def test_every_issue_is_a_new_certificate(service: CertificateService,
                                          passed_profile: ProfileRecord) -> None:
    numbers = {service.issue(passed_profile.id, None, CertificateKind.FULL).number
               for _ in range(3)}
    assert len(numbers) == 3
    assert len(service.certificates(passed_profile.id)) == 3


def test_refusals(service: CertificateService, profile: ProfileRecord,
                  store: ProgressStore) -> None:
    with pytest.raises(CertificateError, match="Unbekannte Art von Zertifikat: 'alles'"):
        service.issue(profile.id, None, "alles")
    with pytest.raises(CertificateError, match="fehlt noch"):
        service.issue(profile.id, None, CertificateKind.FULL)
    assert store.certificates(profile.id) == []


def test_a_damaged_record_is_not_printed(service: CertificateService, store: ProgressStore,
                                         passed_profile: ProfileRecord) -> None:
    record = service.issue(passed_profile.id, None, CertificateKind.FULL)
    payload = record.payload.replace("Annegret", "Annette")
    store.record_certificate(passed_profile.id, "KMP-2026-TEST-TEST", record.kind,
                             record.module_ids, record.issued_at, payload, record.signature)
    with pytest.raises(CertificateError, match="ist beschädigt: Der Name weicht"):
        service.issued("KMP-2026-TEST-TEST")
    store.record_certificate(passed_profile.id, "KMP-2026-COPY-COPY", record.kind,
                             record.module_ids, record.issued_at, record.payload, record.signature)
    with pytest.raises(CertificateError, match=f"Es trägt die Nummer {record.number}"):
        service.issued("KMP-2026-COPY-COPY")
