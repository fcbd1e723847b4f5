"""Export and import of one learner's whole record."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from store_helpers import FakeClock, dump

from kompetenz.store.database import open_store
from kompetenz.store.errors import ImportRejected
from kompetenz.store.portable import VERSION, export_profile, import_profile
from kompetenz.store.records import PlannedItem, Role
from kompetenz.store.service import ProgressStore


def _learner(store: ProgressStore, clock: FakeClock) -> int:
    pid = store.create_profile("Anna Müller", school="GS Nord", role=Role.LEADERSHIP).id
    store.set_preference(pid, "font_size", 16)
    store.open_lesson(pid, "m1", "01.md")
    store.add_time(pid, "m1", "01.md", 95.5)
    clock.advance(minutes=5)
    store.complete_lesson(pid, "m1", "01.md")
    store.open_lesson(pid, "m1", "02.md")
    finished = store.start_attempt(
        pid, "m1", "2025.1", [PlannedItem("q1", (1, 0)), PlannedItem("q2", ())]
    )
    store.record_answer(finished.id, 0, "q1", [1], 1.0)
    store.record_answer(finished.id, 1, "q2", "Eine Reflexion mit „Anführungszeichen“", None)
    clock.advance(minutes=2)
    store.finish_attempt(finished.id, 100, True)
    open_attempt = store.start_attempt(pid, "m2", "1", [PlannedItem("z", (0, 1))])
    store.record_answer(open_attempt.id, 0, "z", {"gewählt": [0]}, 0.5)
    store.save_note(pid, "m1", "01.md", "Meine Notiz")
    store.record_certificate(
        pid, "KOMP-1", "module", ["m1"], datetime(2025, 3, 10, 9, tzinfo=UTC), '{"a":1}', "c2ln"
    )
    return pid


@pytest.fixture
def exported(store: ProgressStore, clock: FakeClock) -> dict[str, Any]:
    data = export_profile(store, _learner(store, clock))
    return json.loads(json.dumps(data))  # exactly what a file would hold


def _without_export_time(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "exported_at"}


def test_export_is_documented_json_without_password(store: ProgressStore, clock: FakeClock) -> None:
    pid = _learner(store, clock)
    store.set_password(pid, "geheim")
    data = export_profile(store, pid)
    assert (data["format"], data["version"]) == ("kompetenz-progress", VERSION)
    assert data["profile"]["name"] == "Anna Müller"
    assert data["profile"]["role"] == "leadership"
    assert len(data["lessons"]) == 2
    assert [len(a["answers"]) for a in data["attempts"]] == [2, 1]
    assert data["attempts"][0]["plan"][0] == {"question_key": "q1", "choice_order": [1, 0]}
    text = json.dumps(data)
    assert "scrypt" not in text
    assert "password" not in text


def test_round_trip_into_a_fresh_database(exported: dict[str, Any], tmp_path: Path) -> None:
    with open_store(tmp_path / "anderer-pc") as other:  # really migrated from scratch
        imported = import_profile(other, exported)
        assert imported.name == "Anna Müller"
        assert imported.role is Role.LEADERSHIP
        assert imported.school == "GS Nord"
        assert imported.has_password is False
        again = export_profile(other, imported.id)
        assert _without_export_time(again) == _without_export_time(exported)
        progress = other.module_progress(imported.id)
        assert progress["m1"].passed
        assert progress["m1"].seconds_spent == 95.5
        resumed = other.unfinished_attempt(imported.id, "m2")
        assert resumed is not None
        assert resumed.answers[0].response == {"gewählt": [0]}
        assert other.get_preference(imported.id, "font_size", None) == 16
        assert other.find_certificate("KOMP-1") is not None


def _assert_refused(
    store: ProgressStore, db_path: Path, data: Any, match: str, **kwargs: Any
) -> None:
    before = dump(db_path)
    with pytest.raises(ImportRejected, match=match) as caught:
        import_profile(store, data, **kwargs)
    assert "Es wurde nichts verändert" in str(caught.value)
    assert dump(db_path) == before


def test_name_clash_is_refused_unless_imported_under_new_name(
    store: ProgressStore, exported: dict[str, Any], db_path: Path
) -> None:
    data = copy.deepcopy(exported)
    data["certificates"] = []
    _assert_refused(store, db_path, data, "--as")
    variant = copy.deepcopy(data)
    variant["profile"]["name"] = "ANNA  MÜLLER"
    _assert_refused(store, db_path, variant, "schon ein Profil")
    copy_of_anna = import_profile(store, data, as_name="Anna Müller (Laptop)")
    assert copy_of_anna.name == "Anna Müller (Laptop)"
    original = store.find_profile("Anna Müller")
    assert original is not None
    assert len(store.attempts(original.id)) == 2  # nothing merged into the existing learner
    assert len(store.attempts(copy_of_anna.id)) == 2


def test_certificate_of_another_profile_is_refused(
    store: ProgressStore, exported: dict[str, Any], db_path: Path
) -> None:
    _assert_refused(store, db_path, exported, "KOMP-1", as_name="Jemand Anderes")


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda d: d.update(version=VERSION + 1), "Format-Version 2"),
        (lambda d: d.update(format="etwas-anderes"), "keine Kompetenz-Lernstand-Datei"),
        (lambda d: d.pop("lessons"), "„lessons“ fehlt"),
        (lambda d: d["profile"].update(name=42), "profile.name"),
        (lambda d: d["profile"].update(role="chef"), "profile.role"),
        (lambda d: d["lessons"][1].update(seconds_spent="viel"), r"lessons\[1\].seconds_spent"),
        (lambda d: d["lessons"][0].update(completed_at="gestern"), "Zeitpunkt"),
        (lambda d: d["lessons"][0].update(completed_at="2025-01-01T10:00:00"), "Zeitzone"),
        (lambda d: d["attempts"][0].update(passed="ja"), "true oder false"),
        (lambda d: d["attempts"][0]["answers"][0].update(fraction=2), "fraction"),
        (lambda d: d["attempts"][0]["answers"][0].update(position=7), "Fragenplan"),
        (lambda d: d["attempts"][1]["plan"][0].update(choice_order=["a"]), "ganze Zahl"),
        (lambda d: d["lessons"].append(dict(d["lessons"][0])), "doppelt"),
        (lambda d: d["certificates"][0].update(kind="gold"), "module"),
    ],
)
def test_invalid_files_are_refused_and_nothing_is_written(
    tmp_path: Path,
    exported: dict[str, Any],
    change: Any,
    match: str,
    new_data_dir: Callable[[Path], Path],
) -> None:
    data = copy.deepcopy(exported)
    change(data)
    with open_store(new_data_dir(tmp_path / "ziel")) as target:
        target.create_profile("Vorhanden")
        _assert_refused(target, tmp_path / "ziel" / "kompetenz.sqlite3", data, match)


def test_a_late_error_in_the_file_leaves_no_partial_profile(
    tmp_path: Path, exported: dict[str, Any], new_data_dir: Callable[[Path], Path]
) -> None:
    """The last item is broken: nothing of the items before it may be written."""
    data = copy.deepcopy(exported)
    data["certificates"][-1]["issued_at"] = None
    with open_store(new_data_dir(tmp_path / "ziel")) as target:
        _assert_refused(target, tmp_path / "ziel" / "kompetenz.sqlite3", data, "issued_at")
        assert target.list_profiles() == []


@pytest.mark.parametrize("data", [None, [], "text", {"format": "kompetenz-progress"}])
def test_files_that_are_not_objects_are_refused(
    store: ProgressStore, db_path: Path, data: Any
) -> None:
    _assert_refused(store, db_path, data, ".")
