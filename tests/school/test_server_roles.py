"""`school init-server` / `add-person` on a real PostgreSQL, and what row-level security lets
each login see."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest
from pg_support import libpq

from kompetenz.cli import main
from kompetenz.school.server import add_person, init_server, person_role_name
from kompetenz.store.database import open_store
from kompetenz.store.errors import AttemptNotFound, ServerNotReady
from kompetenz.store.records import Completion, PlannedItem, Role

PLAN = [PlannedItem("q1", (0, 1)), PlannedItem("q2", ())]
ISSUED = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def _completion(number: str, name: str) -> Completion:
    return Completion(number, name, "teacher", "grundlagen", "Grundlagen", "1.2", date(2026, 12, 3),
                      date(2026, 11, 30))


@pytest.fixture
def school(postgres_database: str) -> str:
    init_server(postgres_database)
    return postgres_database


def test_init_server_twice_and_people_with_the_same_profile_name(
    school: str, tmp_path: Path
) -> None:
    init_server(school)  # after an update: every statement may run again
    anna = add_person(school, "Anna Müller")
    bernd = add_person(school, "Bernd Schulz", school_role=True)
    assert "_anna_mueller:" in anna
    assert anna.startswith("postgresql+psycopg://")
    for url, folder in ((anna, "a"), (bernd, "b")):
        with open_store(tmp_path / folder, url) as store:
            store.create_profile("Anna")  # unique per person, not across the school
            assert [p.name for p in store.list_profiles()] == ["Anna"]


def test_add_person_twice_is_refused(school: str) -> None:
    add_person(school, "Anna Müller")
    with pytest.raises(Exception, match="gibt es schon"):
        add_person(school, "Anna  Müller")


def test_a_person_cannot_read_or_change_another_persons_answers(
    school: str, tmp_path: Path
) -> None:
    anna_url, bernd_url = add_person(school, "Anna"), add_person(school, "Bernd")
    with open_store(tmp_path / "a", anna_url) as anna:
        pid = anna.create_profile("Anna", role=Role.TEACHER).id
        attempt = anna.start_attempt(pid, "grundlagen", "1", PLAN)
        anna.record_answer(attempt.id, 0, "q1", [1], 1.0)
        anna.save_note(pid, "grundlagen", "01.md", "nur für mich")
    with open_store(tmp_path / "b", bernd_url) as bernd:
        assert bernd.list_profiles() == []
        with pytest.raises(AttemptNotFound):
            bernd.get_attempt(attempt.id)
        with pytest.raises(AttemptNotFound):  # nor write into it
            bernd.record_answer(attempt.id, 1, "q2", "fremd", None)
    with psycopg.connect(libpq(bernd_url)) as raw:
        for table in ("answers", "quiz_attempts", "notes", "profiles", "certificates"):
            assert raw.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        raw.execute("DELETE FROM answers")  # silently touches nothing of Anna's
        raw.commit()
    with psycopg.connect(libpq(school)) as admin:
        assert admin.execute("SELECT count(*) FROM answers").fetchone() == (1,)
        (owner,) = admin.execute("SELECT owner FROM answers").fetchone() or ("",)
        assert owner == person_role_name(str(admin.info.dbname), "Anna")


def test_the_school_role_reads_released_completions_only(school: str, tmp_path: Path) -> None:
    anna_url = add_person(school, "Anna")
    head_url = add_person(school, "Frau Direktorin", school_role=True)
    with open_store(tmp_path / "a", anna_url) as anna:
        pid = anna.create_profile("Anna").id
        anna.start_attempt(pid, "grundlagen", "1", PLAN)
        for number in ("KMP-2026-AAAA-AAAA", "KMP-2026-BBBB-BBBB"):
            anna.record_certificate(pid, number, "module", ["grundlagen"], ISSUED, "{}", "sig")
        anna.release_certificate(pid, "KMP-2026-AAAA-AAAA", [_completion("KMP-2026-AAAA-AAAA", "Anna")])
    with open_store(tmp_path / "h", head_url) as head:
        assert [c.certificate_number for c in head.released_completions()] == ["KMP-2026-AAAA-AAAA"]
        assert head.list_profiles() == []
    with psycopg.connect(libpq(head_url)) as raw:
        for table in ("answers", "quiz_attempts", "notes", "profiles", "certificates"):
            assert raw.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        # reading is all: a change of someone else's released row touches nothing
        assert raw.execute("UPDATE released_completions SET module_version = 'x'").rowcount == 0
        assert raw.execute("DELETE FROM released_completions").rowcount == 0
        raw.commit()
        assert raw.execute("SELECT module_version FROM released_completions").fetchall() == [
            ("1.2",)
        ]
    with open_store(tmp_path / "a", anna_url) as anna:
        anna.withdraw_certificate(anna.list_profiles()[0].id, "KMP-2026-AAAA-AAAA")
    with open_store(tmp_path / "h", head_url) as head:
        assert head.released_completions() == []


@pytest.mark.parametrize(
    ("version", "expected"),
    [(None, "kein Kompetenz-Schema"), ("0002", "älter"), ("9999_future", "neuer")],
)
def test_a_server_without_the_current_schema_is_refused_and_left_alone(
    postgres_database: str, tmp_path: Path, version: str | None, expected: str
) -> None:
    if version is not None:
        init_server(postgres_database)
        with psycopg.connect(libpq(postgres_database)) as raw:
            raw.execute("UPDATE alembic_version SET version_num = %s", (version,))
    with pytest.raises(ServerNotReady, match=expected) as refused:
        open_store(tmp_path / "data", postgres_database)
    assert "kompetenz school init-server" in str(refused.value)
    with psycopg.connect(libpq(postgres_database)) as raw:
        found = raw.execute("SELECT version_num FROM alembic_version").fetchall() if version else []
        tables = raw.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
    assert found == ([(version,)] if version else [])
    assert tables != (0,) if version else tables == (0,)
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == []


def test_init_server_refuses_a_newer_schema(postgres_database: str) -> None:
    init_server(postgres_database)
    with psycopg.connect(libpq(postgres_database)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(Exception, match="neuer"):
        init_server(postgres_database)


def _cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_init_server_add_person_and_bad_addresses(
    postgres_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("KOMPETENZ_DATABASE_URL", postgres_database)
    assert _cli(capsys, data_dir, "school", "init-server")[0] == 0
    status, out, err = _cli(capsys, data_dir, "school", "add-person", "Clara Zimmermann")
    assert (status, err) == (0, "")
    (person_url,) = out.splitlines()
    monkeypatch.setenv("KOMPETENZ_DATABASE_URL", person_url)
    assert _cli(capsys, data_dir, "profile", "create", "Clara")[0] == 0

    wrong_password = person_url.replace("@", "x@", 1)
    refused = "postgresql+psycopg://a:b@127.0.0.1:9/x"
    old_driver = person_url.replace("+psycopg", "+pg8000")
    for url, hint in (
        (wrong_password, "Passwort"),
        (refused, "keine Verbindung"),
        (old_driver, "kompetenz[postgresql]"),
        ("kein-url", "Schreibweise"),
        (person_url.rsplit("/", 1)[0] + "/gibtsnicht", "Datenbanknamen"),
    ):
        monkeypatch.setenv("KOMPETENZ_DATABASE_URL", url)
        status, out, err = _cli(capsys, tmp_path / "fresh", "profile", "list")
        assert status == 1, url
        assert hint in err, err
        assert "Traceback" not in err
    assert sorted(p.name for p in (tmp_path / "fresh").iterdir()) == []


def test_a_person_named_like_a_group_gets_a_login_of_their_own(school: str, tmp_path: Path) -> None:
    head = add_person(school, "Schulleitung", school_role=True)
    staff = add_person(school, "Lernende")
    for url, folder in ((head, "h"), (staff, "s")):
        with open_store(tmp_path / folder, url) as store:
            assert store.list_profiles() == []
