"""Content packs: building, installing, updating, listing, removing — and every refusal.

Each refusal must name its reason and leave the data folder exactly as it was, which the
tests check with a hash over the whole tree before and after.
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import zipfile
from pathlib import Path

import pytest
from robust_helpers import (
    module_files,
    pack_manifest,
    set_module,
    tree_digest,
    write_pack,
    write_zip,
)

from kompetenz.cli import main
from kompetenz.content import pack_install, packs
from kompetenz.content.loader import load_course
from kompetenz.content.pack_install import install_pack, list_modules, remove_module
from kompetenz.content.packs import PackError, build_pack, read_pack


@pytest.fixture
def bundled(sample_content: Path) -> Path:
    """The sample course stands in for the bundled one (module "beispiel")."""
    return sample_content


@pytest.fixture
def neu(sample_content: Path) -> dict[str, bytes]:
    """The files of a module "neu" 1.0.0, a valid module not in the bundled course."""
    return set_module(
        module_files(sample_content / "de" / "beispiel", "beispiel"), "beispiel", "neu", "1.0.0"
    )


def _install(
    pack: Path, data_dir: Path, bundled: Path, **kwargs: bool
) -> pack_install.InstallResult:
    return install_pack(pack, data_dir, [bundled], **kwargs)


def _refused(pack: Path, data_dir: Path, bundled: Path, reason: str, **kwargs: bool) -> PackError:
    """Installing must fail for `reason` and leave the data folder untouched."""
    data_dir.mkdir(parents=True, exist_ok=True)
    before = tree_digest(data_dir)
    outside = tree_digest(data_dir.parent)
    with pytest.raises(PackError) as caught:
        _install(pack, data_dir, bundled, **kwargs)
    assert caught.value.reason == reason, str(caught.value)
    assert str(caught.value)  # a message a trainer can read
    assert tree_digest(data_dir) == before
    assert tree_digest(data_dir.parent) == outside
    return caught.value


# -- the happy path -------------------------------------------------------------------------


def test_build_install_list_remove(tmp_path: Path, bundled: Path, data_dir: Path) -> None:
    source = tmp_path / "quelle" / "de"
    shutil.copytree(bundled / "de" / "beispiel", source / "neu")
    toml = source / "neu" / "module.toml"
    toml.write_text(toml.read_text("utf-8").replace('id = "beispiel"', 'id = "neu"'), "utf-8")
    (source / "neu" / ".DS_Store").write_bytes(b"\0junk")  # hidden files stay out of packs

    info = build_pack(source, tmp_path / "neu")
    pack = tmp_path / "neu.kompetenz"
    assert info.modules == (packs.PackModule("neu", "1.0.0"),)
    assert "neu/.DS_Store" not in info.files
    assert "neu/bilder/schema.png" in info.files
    assert read_pack(pack) == info

    result = _install(pack, data_dir, bundled)
    assert result.installed == (packs.PackModule("neu", "1.0.0"),)
    installed = data_dir / "content" / "de" / "neu"
    assert (installed / "bilder" / "schema.png").read_bytes() == (
        bundled / "de" / "beispiel" / "bilder" / "schema.png"
    ).read_bytes()
    assert not list(data_dir.glob(".pack-*"))  # the temporary folder is gone

    course = load_course([bundled, data_dir / "content"])
    assert [m.id for m in course.modules] == ["beispiel", "neu"]
    assert not course.failures
    listed = {(m.id, m.origin, m.pack) for m in list_modules([bundled], data_dir)}
    assert listed == {("beispiel", "bundled", None), ("neu", "installed", "neu.kompetenz")}

    assert remove_module("neu", data_dir, [bundled]) == installed
    assert not installed.exists()
    assert [m.id for m in load_course([bundled, data_dir / "content"]).modules] == ["beispiel"]


def test_update_downgrade_and_same_version(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes]
) -> None:
    v1 = write_pack(tmp_path / "v1.kompetenz", neu, {"neu": "1.0.0"})
    v2_files = set_module(neu, "neu", "neu", "1.2")
    v2 = write_pack(tmp_path / "v2.kompetenz", v2_files, {"neu": "1.2"})
    _install(v1, data_dir, bundled)
    result = _install(v2, data_dir, bundled)
    assert result.updated == ((packs.PackModule("neu", "1.2"), "1.0.0"),)
    assert load_course([data_dir / "content"]).modules[0].version == "1.2"

    error = _refused(v1, data_dir, bundled, "downgrade")
    assert "1.2" in str(error)
    assert "--allow-downgrade" in str(error)
    _refused(v2, data_dir, bundled, "already-installed")
    assert _install(v1, data_dir, bundled, allow_downgrade=True).updated
    assert load_course([data_dir / "content"]).modules[0].version == "1.0.0"


def test_the_cli_packs_installs_lists_and_removes(
    tmp_path: Path, bundled: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "de" / "neu"
    shutil.copytree(bundled / "de" / "beispiel", source)
    toml = source / "module.toml"
    toml.write_text(toml.read_text("utf-8").replace('id = "beispiel"', 'id = "neu"'), "utf-8")
    pack = tmp_path / "neu.kompetenz"
    base = ["--data-dir", str(data_dir), "--content-dir", str(bundled)]
    assert main([*base, "content", "pack", str(source), "--out", str(pack)]) == 0
    assert main([*base, "content", "install", str(pack)]) == 0
    assert "Installiert: neu 1.0.0" in capsys.readouterr().out
    assert main([*base, "content", "install", str(pack)]) == 1
    assert "Bereits installiert" in capsys.readouterr().err
    assert main([*base, "content", "list"]) == 0
    assert "installiert aus neu.kompetenz" in capsys.readouterr().out
    assert main([*base, "content", "remove", "beispiel"]) == 1
    assert "mitgelieferten Kurs" in capsys.readouterr().err
    assert main([*base, "content", "remove", "neu"]) == 0
    assert main([*base, "content", "check", str(bundled)]) == 0  # `check` works as before


def test_building_refuses_modules_with_problems(tmp_path: Path, bundled: Path) -> None:
    source = tmp_path / "de" / "beispiel"
    shutil.copytree(bundled / "de" / "beispiel", source)
    (source / "quiz.gift").write_text("::a:: Offen {\n=ja\n", "utf-8")
    with pytest.raises(PackError) as caught:
        build_pack(source, tmp_path / "x.kompetenz")
    assert caught.value.reason == "check-failed"
    assert caught.value.problems[0].line == 1
    assert not (tmp_path / "x.kompetenz").exists()


# -- refusals: the pack itself --------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../evil.md",
        "neu/../../evil.md",
        "/etc/evil.md",
        "C:/evil.md",
        "c:evil.md",
        "neu\\..\\..\\evil.md",
        "neu/./01-prompts.md",
        "neu//x.md",
        "",
        "\x00evil.md",
        "neu/.hidden.md",
        "neu/CON.md",
        "neu/trailing. ",
        "neu/a:stream.md",
        "neu/" + "x" * 120 + ".md",
    ],
)
def test_entries_that_would_land_outside_are_refused(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes], name: str
) -> None:
    files = {**neu, name: b"# Boese\n"}
    pack = write_pack(tmp_path / "slip.kompetenz", files, {"neu": "1.0.0"})
    _refused(pack, data_dir, bundled, "unsafe-path")
    assert not (tmp_path / "evil.md").exists()


def test_symlinks_and_special_files_are_refused(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes]
) -> None:
    link = zipfile.ZipInfo("neu/link.md")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    pack = write_pack(
        tmp_path / "link.kompetenz", neu, {"neu": "1.0.0"}, extra=[(link, b"/etc/passwd")]
    )
    _refused(pack, data_dir, bundled, "symlink")
    fifo = zipfile.ZipInfo("neu/fifo.md")
    fifo.external_attr = (stat.S_IFIFO | 0o644) << 16
    pack = write_pack(tmp_path / "fifo.kompetenz", neu, {"neu": "1.0.0"}, extra=[(fifo, b"")])
    _refused(pack, data_dir, bundled, "special-file")


def test_size_count_and_bomb_limits(
    tmp_path: Path,
    bundled: Path,
    data_dir: Path,
    neu: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    big = {**neu, "neu/big.png": bytes(21_000_000)}
    _refused(
        write_pack(tmp_path / "big.kompetenz", big, {"neu": "1.0.0"}),
        data_dir,
        bundled,
        "file-too-large",
    )
    bomb = {**neu, "neu/bomb.png": bytes(5_000_000)}  # 5 MB of zeros pack to ~5 KB
    _refused(
        write_pack(tmp_path / "bomb.kompetenz", bomb, {"neu": "1.0.0"}), data_dir, bundled, "bomb"
    )
    many = {**neu, **{f"neu/bilder/{i}.png": b"x" for i in range(2_000)}}
    _refused(
        write_pack(tmp_path / "many.kompetenz", many, {"neu": "1.0.0"}),
        data_dir,
        bundled,
        "too-many-files",
    )
    monkeypatch.setattr(packs, "MAX_TOTAL_BYTES", 2_000)  # 200 MB of real data takes too long
    _refused(
        write_pack(tmp_path / "total.kompetenz", neu, {"neu": "1.0.0"}),
        data_dir,
        bundled,
        "too-large",
    )


def test_an_entry_that_lies_about_its_size_is_refused(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes]
) -> None:
    files = {**neu, "neu/bilder/gross.png": os.urandom(50_000)}
    pack = write_pack(tmp_path / "liar.kompetenz", files, {"neu": "1.0.0"})
    raw = bytearray(pack.read_bytes())
    name = b"neu/bilder/gross.png"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := raw.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", raw, start + size_at, 100)  # claims 100 bytes
            start += 4
    pack.write_bytes(bytes(raw))
    error = _refused(pack, data_dir, bundled, "damaged")
    assert "gross.png" in str(error)


@pytest.mark.parametrize("second", ["neu/01-prompts.md", "NEU/01-Prompts.md"])
def test_duplicate_names_are_refused(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes], second: str
) -> None:
    pack = write_pack(
        tmp_path / "dup.kompetenz", neu, {"neu": "1.0.0"}, extra=[(second, b"# Anders\n")]
    )
    _refused(pack, data_dir, bundled, "duplicate")


def test_files_must_match_the_manifest(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes]
) -> None:
    manifest = pack_manifest(neu, {"neu": "1.0.0"})
    changed = {**neu, "neu/01-prompts.md": b"# Untergeschoben\n\nAndere Lektion.\n"}
    pack = write_pack(tmp_path / "hash.kompetenz", changed, {"neu": "1.0.0"}, manifest=manifest)
    _refused(pack, data_dir, bundled, "hash-mismatch")
    pack = write_pack(
        tmp_path / "extra.kompetenz",
        neu,
        {"neu": "1.0.0"},
        manifest=manifest,
        extra=[("neu/zusatz.md", b"# Zusatz\n")],
    )
    _refused(pack, data_dir, bundled, "unlisted-file")
    other = {**neu, "fremd/module.toml": b"x"}
    pack = write_pack(tmp_path / "other.kompetenz", other, {"neu": "1.0.0"})
    _refused(pack, data_dir, bundled, "unlisted-file")
    without = {k: v for k, v in neu.items() if not k.endswith("quiz.gift")}
    pack = write_pack(tmp_path / "missing.kompetenz", without, {"neu": "1.0.0"}, manifest=manifest)
    _refused(pack, data_dir, bundled, "missing-file")


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (b"kein json", "bad-manifest"),
        (b"[1, 2]", "bad-manifest"),
        (b'{"format": 2, "language": "de", "modules": [], "files": {}}', "format"),
        (b'{"format": true, "language": "de", "modules": [], "files": {}}', "format"),
        (
            b'{"format": 1, "language": "../x", "modules": [{"id": "neu", "version": "1"}], '
            b'"files": {}}',
            "bad-manifest",
        ),
        (
            b'{"format": 1, "language": "de", "modules": [{"id": "../neu", "version": "1"}], '
            b'"files": {}}',
            "bad-manifest",
        ),
        (b"[" * 100_000, "bad-manifest"),
    ],
)
def test_a_bad_pack_manifest_is_refused(
    tmp_path: Path,
    bundled: Path,
    data_dir: Path,
    neu: dict[str, bytes],
    manifest: bytes,
    reason: str,
) -> None:
    pack = write_pack(tmp_path / "m.kompetenz", neu, {"neu": "1.0.0"}, manifest=manifest)
    _refused(pack, data_dir, bundled, reason)


def test_not_a_zip_and_encrypted(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes]
) -> None:
    garbage = tmp_path / "kaputt.kompetenz"
    garbage.write_bytes(b"PK\x03\x04" + os.urandom(3000))
    _refused(garbage, data_dir, bundled, "not-a-pack")
    _refused(tmp_path / "fehlt.kompetenz", data_dir, bundled, "unreadable")
    no_manifest = write_zip(tmp_path / "ohne.kompetenz", list(neu.items()))
    _refused(no_manifest, data_dir, bundled, "bad-manifest")
    pack = write_pack(tmp_path / "enc.kompetenz", neu, {"neu": "1.0.0"})
    raw = bytearray(pack.read_bytes())
    start = raw.find(b"PK\x01\x02")
    struct.pack_into("<H", raw, start + 8, raw[start + 8] | 0x1)  # "encrypted" flag
    pack.write_bytes(bytes(raw))
    _refused(pack, data_dir, bundled, "encrypted")


# -- refusals: what the pack would do to the installed course ---------------------------------


def test_a_pack_cannot_replace_or_shadow_a_bundled_module(
    tmp_path: Path, bundled: Path, data_dir: Path
) -> None:
    files = module_files(bundled / "de" / "beispiel", "beispiel")
    newer = set_module(files, "beispiel", "beispiel", "9.0")
    pack = write_pack(tmp_path / "b.kompetenz", newer, {"beispiel": "9.0"})
    _refused(pack, data_dir, bundled, "bundled")
    # Even a module copied into the data folder by hand does not shadow the bundled one.
    planted = data_dir / "content" / "de" / "beispiel"
    shutil.copytree(bundled / "de" / "beispiel", planted)
    course = load_course([bundled, data_dir / "content"])
    assert course.module("beispiel") is not None
    assert course.module("beispiel").folder == bundled / "de" / "beispiel"  # type: ignore[union-attr]
    assert "already used" in course.failures[0].summary


def test_content_that_fails_the_check_is_not_installed(
    tmp_path: Path, bundled: Path, data_dir: Path, neu: dict[str, bytes]
) -> None:
    _install(write_pack(tmp_path / "ok.kompetenz", neu, {"neu": "1.0.0"}), data_dir, bundled)
    broken = set_module(neu, "neu", "neu", "2.0")
    broken["neu/quiz.gift"] = b"::a:: Offen {\n=ja\n"
    error = _refused(
        write_pack(tmp_path / "b.kompetenz", broken, {"neu": "2.0"}),
        data_dir,
        bundled,
        "check-failed",
    )
    assert [(str(p.file), p.line) for p in error.problems] == [("neu/quiz.gift", 1)]
    lying = write_pack(
        tmp_path / "l.kompetenz", set_module(neu, "neu", "neu", "2.0"), {"neu": "3.0"}
    )
    _refused(lying, data_dir, bundled, "bad-manifest")  # says 3.0, module.toml says 2.0


def test_a_failed_swap_puts_everything_back(
    tmp_path: Path,
    bundled: Path,
    data_dir: Path,
    neu: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zwei = set_module(neu, "neu", "zwei", "1.0.0")
    _install(
        write_pack(tmp_path / "v1.kompetenz", {**neu, **zwei}, {"neu": "1.0.0", "zwei": "1.0.0"}),
        data_dir,
        bundled,
    )
    v2 = {**set_module(neu, "neu", "neu", "2.0"), **set_module(zwei, "zwei", "zwei", "2.0")}
    pack = write_pack(tmp_path / "v2.kompetenz", v2, {"neu": "2.0", "zwei": "2.0"})
    real_replace, calls = os.replace, []

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        calls.append(src)
        if len(calls) == 4:  # neu out, neu in, zwei out, zwei in <- fails
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    error = _refused(pack, data_dir, bundled, "write-failed")
    assert "wie es war" in str(error)
