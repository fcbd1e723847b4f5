"""The profile, progress and backup commands, run through `kompetenz.cli.main`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kompetenz.cli import main
from kompetenz.store.database import open_store
from kompetenz.store.lock import acquire_data_dir_lock


@pytest.fixture
def run(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    new_data_dir: Callable[[Path], Path],
) -> Callable[..., tuple[int, str, str]]:
    new_data_dir(data_dir)  # a migrated, empty database

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the user types at getpass/input prompts, in order."""
    typed: list[str] = []

    def next_answer(prompt: str = "") -> str:
        if not typed:
            raise EOFError
        return typed.pop(0)

    monkeypatch.setattr("getpass.getpass", next_answer)
    monkeypatch.setattr("builtins.input", next_answer)
    return typed


def _names(data_dir: Path) -> list[str]:
    with open_store(data_dir) as store:
        return [p.name for p in store.list_profiles()]


def test_profile_create_and_list(run: Callable[..., tuple[int, str, str]], data_dir: Path) -> None:
    assert run("profile", "list")[1].startswith("Noch keine Profile")
    code, out, _ = run("profile", "create", "Anna Müller", "--school", "GS", "--role", "leadership")
    assert code == 0
    assert "„Anna Müller“ angelegt" in out
    code, out, _ = run("profile", "list")
    assert out.strip().split("\t") == ["Anna Müller", "GS", "Schulleitung", "ohne Passwort"]


def test_profile_create_clash_is_a_clear_error(run: Callable[..., tuple[int, str, str]]) -> None:
    run("profile", "create", "Anna")
    code, _out, err = run("profile", "create", "  ANNA ")
    assert code == 1
    assert err.startswith("Fehler: Ein Profil mit dem Namen")
    assert "Traceback" not in err


def test_profile_create_with_password_prompt(
    run: Callable[..., tuple[int, str, str]], answers: list[str], data_dir: Path
) -> None:
    answers.extend(["geheim", "anders"])
    code, _, err = run("profile", "create", "Anna", "--password-prompt")
    assert code == 1
    assert "stimmen nicht überein" in err
    assert _names(data_dir) == []
    answers.extend(["geheim", "geheim"])
    assert run("profile", "create", "Anna", "--password-prompt")[0] == 0
    with open_store(data_dir) as store:
        assert store.check_password(store.list_profiles()[0].id, "geheim")


def test_profile_delete_asks_and_needs_password(
    run: Callable[..., tuple[int, str, str]], answers: list[str], data_dir: Path
) -> None:
    answers.extend(["pw", "pw"])
    run("profile", "create", "Anna", "--password-prompt")
    run("profile", "create", "Bert")
    answers.append("falsch")
    code, _, err = run("profile", "delete", "anna", "--yes")
    assert code == 1
    assert "Passwort stimmt nicht" in err
    answers.extend(["pw", "Bert"])  # right password, but confirms the wrong name
    assert run("profile", "delete", "Anna")[0] == 1
    assert _names(data_dir) == ["Anna", "Bert"]
    answers.extend(["pw", "anna"])
    code, out, _ = run("profile", "delete", "Anna")
    assert code == 0
    assert "Profil „Anna“ gelöscht" in out
    assert _names(data_dir) == ["Bert"]
    code, _, err = run("profile", "delete", "Niemand", "--yes")
    assert code == 1
    assert "gibt es nicht" in err


def test_write_commands_refuse_while_folder_is_locked(
    run: Callable[..., tuple[int, str, str]], data_dir: Path
) -> None:
    with acquire_data_dir_lock(data_dir):
        code, _, err = run("profile", "create", "Anna")
    assert code == 1
    assert "anderen Kompetenz-Programm" in err
    assert _names(data_dir) == []


def test_progress_export_and_import(
    run: Callable[..., tuple[int, str, str]], tmp_path: Path, data_dir: Path
) -> None:
    out_file = tmp_path / "anna.json"
    code, _, err = run("progress", "export", "--out", str(out_file))
    assert code == 1
    assert "noch kein Profil" in err
    run("profile", "create", "Anna")
    code, out, _ = run("progress", "export", "--out", str(out_file))
    assert code == 0
    assert "exportiert" in out
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["profile"]["name"] == "Anna"
    run("profile", "create", "Bert")
    code, _, err = run("progress", "export", "--out", str(out_file))
    assert code == 1
    assert "„Anna“, „Bert“" in err
    assert "--profile" in err
    code, _, err = run("progress", "import", str(out_file))
    assert code == 1
    assert "--as" in err
    code, out, _ = run("progress", "import", str(out_file), "--as", "Anna (alt)")
    assert code == 0
    assert _names(data_dir) == ["Anna", "Anna (alt)", "Bert"]


def test_progress_import_of_a_broken_file(
    run: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    broken = tmp_path / "kaputt.json"
    broken.write_text("{ nicht json", encoding="utf-8")
    code, _, err = run("progress", "import", str(broken))
    assert code == 1
    assert "kein gültiges JSON" in err
    code, _, err = run("progress", "import", str(tmp_path / "fehlt.json"))
    assert code == 1
    assert "Dateizugriff fehlgeschlagen" in err


def test_backup_create_list_restore(
    run: Callable[..., tuple[int, str, str]], data_dir: Path
) -> None:
    assert run("backup", "list")[1].startswith("Noch keine Sicherungen")
    run("profile", "create", "Anna")
    code, out, _ = run("backup", "create")
    assert code == 0
    backup_id = out.split()[1]
    run("profile", "create", "Bert")
    listing = run("backup", "list")[1]
    assert backup_id in listing
    assert "von Hand" in listing
    code, out, _ = run("backup", "restore", backup_id)
    assert code == 0
    assert "vorherige Stand wurde als Sicherung" in out
    assert _names(data_dir) == ["Anna"]
    code, _, err = run("backup", "restore", "gibtsnicht")
    assert code == 1
    assert "backup list" in err


def test_corrupt_database_message_points_to_restore(
    run: Callable[..., tuple[int, str, str]], data_dir: Path
) -> None:
    run("profile", "create", "Anna")
    backup_id = run("backup", "create")[1].split()[1]
    (data_dir / "kompetenz.sqlite3").write_bytes(b"kaputt" * 1000)
    code, _, err = run("profile", "list")
    assert code == 1
    assert f"kompetenz backup restore {backup_id}" in err
    assert run("backup", "restore", backup_id)[0] == 0
    assert run("profile", "list")[1].startswith("Anna")
