"""Profiles: names as printed on certificates, passwords, preferences, and erasure."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import FakeTime, query

from kompetenz.store.errors import InvalidInput, ProfileExists, ProfileNotFound
from kompetenz.store.passwords import PasswordGuard, hash_password, verify_password
from kompetenz.store.records import PlannedItem, Role
from kompetenz.store.service import ProgressStore
from kompetenz.store.sqlite.backups import create_backup

CHILD_TABLES = ("lesson_progress", "quiz_attempts", "notes", "certificates")


def test_create_trims_name_and_finds_it_case_insensitively(store: ProgressStore) -> None:
    created = store.create_profile("  Jürgen   Weiß ", school=" Gesamtschule  Nord ")
    assert created.name == "Jürgen Weiß"
    assert created.school == "Gesamtschule Nord"
    assert created.role is Role.TEACHER
    assert created.has_password is False
    assert created.created_at.tzinfo is not None
    assert store.find_profile("JÜRGEN WEISS") == created  # casefold: ß == ss
    assert store.find_profile("jürgen weiß") == created
    assert store.find_profile("Jürgen") is None
    assert store.get_profile(created.id) == created


@pytest.mark.parametrize("clash", ["anna schmidt", "ANNA  SCHMIDT", " Anna Schmidt "])
def test_names_are_unique_ignoring_case_and_spacing(store: ProgressStore, clash: str) -> None:
    store.create_profile("Anna Schmidt")
    with pytest.raises(ProfileExists, match="gibt es bereits"):
        store.create_profile(clash)
    assert len(store.list_profiles()) == 1


@pytest.mark.parametrize("bad", ["", "   ", "x" * 121, "Tab\u0007Name"])
def test_invalid_names_are_refused(store: ProgressStore, bad: str) -> None:
    with pytest.raises(InvalidInput):
        store.create_profile(bad)
    assert store.list_profiles() == []


def test_name_of_exactly_120_characters_is_accepted(store: ProgressStore) -> None:
    assert len(store.create_profile("y" * 120).name) == 120


def test_list_is_sorted_by_name(store: ProgressStore) -> None:
    for name in ("berta", "Anton", "Cäsar"):
        store.create_profile(name)
    assert [p.name for p in store.list_profiles()] == ["Anton", "berta", "Cäsar"]


def test_update_profile_and_rename_clash(store: ProgressStore) -> None:
    anna = store.create_profile("Anna")
    store.create_profile("Bert")
    updated = store.update_profile(anna.id, name="Anna Maria", school="GS", role=Role.LEADERSHIP)
    assert (updated.name, updated.school, updated.role) == ("Anna Maria", "GS", Role.LEADERSHIP)
    assert store.update_profile(anna.id, name="ANNA MARIA").name == "ANNA MARIA"  # own name ok
    with pytest.raises(ProfileExists):
        store.update_profile(anna.id, name="bert")
    assert store.update_profile(anna.id, school="").school is None
    with pytest.raises(ProfileNotFound):
        store.update_profile(999, name="X")


def test_password_hash_is_salted_scrypt_with_parameters() -> None:
    first, second = hash_password("geheim"), hash_password("geheim")
    assert first != second  # random salt
    assert first.startswith("scrypt$16384$8$1$")
    assert verify_password("geheim", first)
    assert not verify_password("Geheim", first)
    assert not verify_password("geheim", None)
    assert not verify_password("geheim", "md5$abc")


def test_check_password(store: ProgressStore, db_path: Path) -> None:
    anna = store.create_profile("Anna", password="Sonne123")
    assert anna.has_password
    assert store.check_password(anna.id, "Sonne123") is True
    assert store.check_password(anna.id, "sonne123") is False
    stored = query(db_path, "SELECT password_hash FROM profiles")[0][0]
    assert "Sonne123" not in stored
    assert stored.startswith("scrypt$")
    store.set_password(anna.id, "Mond")
    assert store.check_password(anna.id, "Mond") is True
    store.set_password(anna.id, None)
    assert store.get_profile(anna.id).has_password is False
    # no password, unknown profile, wrong password: the same plain False
    assert store.check_password(anna.id, "Mond") is False
    assert store.check_password(4711, "Mond") is False


def test_failed_checks_slow_down_per_profile(store: ProgressStore, fake_time: FakeTime) -> None:
    anna = store.create_profile("Anna", password="richtig")
    bert = store.create_profile("Bert", password="richtig")
    for _ in range(4):
        assert not store.check_password(anna.id, "falsch")
    assert fake_time.slept == [0.5, 1.0, 2.0]  # growing wait before the 2nd, 3rd, 4th check
    assert store.password_delay(anna.id) == 4.0
    assert store.password_delay(bert.id) == 0.0  # other profiles are not affected
    assert store.check_password(bert.id, "richtig")
    assert fake_time.slept == [0.5, 1.0, 2.0]
    assert store.check_password(anna.id, "richtig")  # right password still works after the wait
    assert fake_time.slept[-1] == 4.0
    assert store.password_delay(anna.id) == 0.0  # success resets the slow-down
    assert store.check_password(anna.id, "richtig")
    assert len(fake_time.slept) == 4


def test_slow_down_is_capped(fake_time: FakeTime) -> None:
    guard = PasswordGuard(sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    for _ in range(12):
        guard.wait(7)
        guard.record(7, ok=False)
    assert fake_time.slept == [0.5, 1, 2, 4, 8, 16, 30, 30, 30, 30, 30]
    assert guard.failures(7) == 12


def test_preferences(store: ProgressStore) -> None:
    anna = store.create_profile("Anna")
    assert store.get_preference(anna.id, "font_size", 12) == 12
    store.set_preference(anna.id, "font_size", 16)
    store.set_preference(anna.id, "seen", ["intro", "quiz"])
    assert store.get_preference(anna.id, "font_size", 12) == 16
    assert store.get_preference(anna.id, "seen", []) == ["intro", "quiz"]
    store.set_preference(anna.id, "font_size", None)
    assert store.get_preference(anna.id, "font_size", 12) == 12
    with pytest.raises(ValueError, match="JSON"):
        store.set_preference(anna.id, "bad", object())
    with pytest.raises(ValueError, match="small"):
        store.set_preference(anna.id, "huge", "x" * 70_000)


def _fill(store: ProgressStore, name: str) -> int:
    pid = store.create_profile(name, password="pw").id
    store.open_lesson(pid, "m1", "01.md")
    store.complete_lesson(pid, "m1", "01.md")
    attempt = store.start_attempt(pid, "m1", "1", [PlannedItem("q1", (1, 0))])
    store.record_answer(attempt.id, 0, "q1", [0], 1.0)
    store.finish_attempt(attempt.id, 100, True)
    store.save_note(pid, "m1", "01.md", f"Notiz von {name}")
    store.record_certificate(
        pid, f"K-{name}", "module", ["m1"], store.get_profile(pid).created_at, "{}", "sig"
    )
    return pid


def _rows_of(db: Path, pid: int) -> dict[str, int]:
    counts = {
        table: query(db, f"SELECT count(*) FROM {table} WHERE profile_id=?", (pid,))[0][0]
        for table in CHILD_TABLES
    }
    counts["answers"] = query(
        db,
        "SELECT count(*) FROM answers JOIN quiz_attempts q ON q.id = attempt_id "
        "WHERE q.profile_id=?",
        (pid,),
    )[0][0]
    counts["profiles"] = query(db, "SELECT count(*) FROM profiles WHERE id=?", (pid,))[0][0]
    return counts


def test_delete_profile_erases_all_its_rows_and_keeps_others(
    store: ProgressStore, db_path: Path
) -> None:
    anna, bert = _fill(store, "Anna"), _fill(store, "Bert")
    bert_before = _rows_of(db_path, bert)
    assert set(_rows_of(db_path, anna).values()) == {1}

    report = store.delete_profile(anna)

    assert report.profile_name == "Anna"
    assert report.rows_deleted == {
        "profiles": 1,
        "lesson_progress": 1,
        "quiz_attempts": 1,
        "answers": 1,
        "notes": 1,
        "certificates": 1,
    }
    assert report.total_rows == 6
    assert set(_rows_of(db_path, anna).values()) == {0}
    assert _rows_of(db_path, bert) == bert_before
    assert b"Notiz von Anna" not in db_path.read_bytes()  # compacted: no text left behind
    assert store.notes(bert)[0].text == "Notiz von Bert"
    with pytest.raises(ProfileNotFound):
        store.get_profile(anna)


@pytest.mark.sqlite_only  # SQLite file internals
def test_delete_profile_erases_its_files_and_its_rows_in_backups(
    store: ProgressStore, data_dir: Path
) -> None:
    anna, bert = _fill(store, "Anna"), _fill(store, "Bert")
    folder = store.profile_dir(anna)
    folder.mkdir(parents=True)
    (folder / "zertifikat.pdf").write_bytes(b"%PDF")
    backup = create_backup(data_dir, "manual")
    assert query(Path(backup.path), "SELECT count(*) FROM notes") == [(2,)]

    report = store.delete_profile(anna)

    assert report.files_deleted == (str(folder / "zertifikat.pdf"),)
    assert not folder.exists()
    assert report.backups_cleaned == (backup.id,)
    backup_file = Path(backup.path)
    assert query(backup_file, "SELECT name FROM profiles") == [("Bert",)]
    assert query(backup_file, "SELECT count(*) FROM notes") == [(1,)]
    assert b"Notiz von Anna" not in backup_file.read_bytes()
    assert store.get_profile(bert).name == "Bert"


def test_delete_unknown_profile(store: ProgressStore) -> None:
    with pytest.raises(ProfileNotFound, match=r"Nr\. 42"):
        store.delete_profile(42)
