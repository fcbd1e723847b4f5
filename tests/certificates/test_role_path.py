"""The "Zertifikat KI-Kompetenz" follows the role's path; a change of role keeps what was issued."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from certificate_helpers import Clock, pass_quiz

from kompetenz.certificates.document import CertificateError
from kompetenz.certificates.service import CertificateService
from kompetenz.content.loader import load_course
from kompetenz.store.records import Role
from kompetenz.store.service import ProgressStore

ROLES_COURSE = Path(__file__).parent.parent / "data" / "roles"


def test_a_secretary_gets_the_full_certificate_without_the_classroom_module(
    store: ProgressStore, clock: Clock, data_dir: Path
) -> None:
    service = CertificateService(
        store, load_course([ROLES_COURSE]), data_dir,
        clock=lambda: datetime(2026, 12, 3, 9, 0, tzinfo=UTC),
    )
    secretary = store.create_profile("Sabine Sekretariat", role=Role.ADMINISTRATION)
    pass_quiz(store, clock, secretary.id, "ziele", 90.0)
    assert service.eligible(secretary.id).missing_core == ("KI im Sekretariat",)
    pass_quiz(store, clock, secretary.id, "verwaltung-pfad", 85.0)
    eligibility = service.eligible(secretary.id)
    assert (eligibility.full, eligibility.missing_core) == (True, ())
    issued = service.issue(secretary.id, None, "full")

    store.update_profile(secretary.id, role=Role.TEACHER)  # she now teaches, too
    assert service.eligible(secretary.id).missing_core == ("KI im Unterricht",)
    with pytest.raises(CertificateError, match="„KI im Unterricht“"):
        service.issue(secretary.id, None, "full")
    [kept] = service.certificates(secretary.id)
    assert kept.record.number == issued.number
    assert [m.id for m in kept.document.modules] == ["ziele", "verwaltung-pfad"]
