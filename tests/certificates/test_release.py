"""`kompetenz certificate release NUMMER [--withdraw]`: the holder shows a certificate to the
school, on SQLite and on a school server (the `store` fixture is parametrized)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kompetenz.certificates.service import CertificateService
from kompetenz.cli import main
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(data_dir: Path, sample_content: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def invoke(*argv: str) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), "--content-dir", str(sample_content), *argv])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def test_release_shows_completion_only_and_withdraw_takes_it_back(
    run: Run, store: ProgressStore, service: CertificateService, passed_profile: ProfileRecord
) -> None:
    number = service.issue(passed_profile.id, None, "full").number
    assert store.released_completions() == []

    status, out, err = run("certificate", "release", number.lower())
    assert (status, err) == (0, "")
    assert f"Zertifikat {number}: für die Schulleitung freigegeben." in out
    (shown,) = store.released_completions()
    assert (shown.certificate_number, shown.person_name, shown.person_role, shown.module_id) == (
        number, "Annegret Müller-Lüdenscheidt", "teacher", "beispiel",
    )
    assert shown.completed_on.isoformat() == "2026-09-01"
    assert not hasattr(shown, "score_percent")  # the school never sees a score
    assert store.released_numbers(passed_profile.id) == {number}

    status, out, _ = run("certificate", "release", number, "--withdraw")
    assert status == 0
    assert "Freigabe zurückgenommen" in out
    assert store.released_completions() == []
    assert store.released_numbers(passed_profile.id) == frozenset()


def test_an_unknown_or_foreign_number_is_refused(
    run: Run, store: ProgressStore, service: CertificateService, passed_profile: ProfileRecord
) -> None:
    number = service.issue(passed_profile.id, None, "full").number
    other = store.create_profile("Bernd Beispiel")
    status, _, err = run("certificate", "release", "KMP-2026-AAAA-BBBB", "--profile", "Annegret Müller-Lüdenscheidt")
    assert status == 1
    assert "KMP-2026-AAAA-BBBB" in err
    for extra in ([], ["--withdraw"]):
        status, _, err = run("certificate", "release", number, "--profile", other.name, *extra)
        assert status == 1, err
        assert "Traceback" not in err
    assert store.released_completions() == []
