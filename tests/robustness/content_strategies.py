"""Hypothesis strategies and property checks for module files and content packs.

Used by tests/robustness/test_fuzz.py (few examples, in every test run) and by
benchmarks/fuzz_content.py (many examples, by hand).
"""

from __future__ import annotations

import stat
import tempfile
import zipfile
from pathlib import Path

from hypothesis import strategies as st
from robust_helpers import assert_safe, pack_manifest, tree_digest, write_zip

from kompetenz.content.checker import check_content
from kompetenz.content.loader import load_course
from kompetenz.content.pack_install import install_pack
from kompetenz.content.packs import PACK_MANIFEST, PackError
from kompetenz.content.render import render_lesson

GOOD_MANIFEST = b"""id = "neu"
version = "1.0.0"
title = "Ein Modul"
summary = "Zum Fuzzen."
estimated_minutes = 10
as_of = 2026-07-02
objectives = ["etwas lernen"]
lessons = ["01-a.md"]

[quiz]
pass_percent = 60
"""
GOOD_LESSON = (
    b'# Titel\n\nText mit **fett** und [Link](https://a.de).\n\n!!! note "Merke"\n    Box.\n'
)
GOOD_QUIZ = b"::a:: Frage? {\n=ja#gut\n~nein\n}\n\n::b:: Stimmt das? {T}\n"

# -- mutated module files -------------------------------------------------------------------

_edit = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate"]),
    st.integers(min_value=0, max_value=10_000),
    st.binary(min_size=1, max_size=12)
    | st.sampled_from(
        [
            b"\n",
            b"\x00",
            b"\xff",
            b'"',
            b"[",
            b"{",
            b"}",
            b"=",
            b"->",
            b"%",
            b"\r",
            b"\xc3",
            b"# ",
            b"<script>",
            b"::",
            b"~",
            b"#",
        ]
    ),
)
edits = st.lists(_edit, max_size=6)


def mutate(data: bytes, changes: list[tuple[str, int, bytes]]) -> bytes:
    for kind, where, piece in changes:
        at = where % (len(data) + 1)
        if kind == "insert":
            data = data[:at] + piece + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + len(piece) :]
        elif kind == "replace":
            data = data[:at] + piece + data[at + len(piece) :]
        elif kind == "duplicate":
            data = data[:at] + data[at : at + 40] + data[at:]
        else:
            data = data[:at]
    return data


module_bytes = st.one_of(edits.map(lambda e: mutate(GOOD_MANIFEST, e)), st.binary(max_size=300))
lesson_bytes = st.one_of(edits.map(lambda e: mutate(GOOD_LESSON, e)), st.binary(max_size=300))
quiz_bytes = st.one_of(edits.map(lambda e: mutate(GOOD_QUIZ, e)), st.binary(max_size=300))


def check_module_files(manifest: bytes, lesson: bytes, quiz: bytes) -> None:
    """Loading and checking never raise; every problem points into the module, line ≥ 1."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "de" / "neu"
        folder.mkdir(parents=True)
        (folder / "module.toml").write_bytes(manifest)
        (folder / "01-a.md").write_bytes(lesson)
        (folder / "quiz.gift").write_bytes(quiz)
        course = load_course([Path(tmp)])
        assert len(course.modules) + len(course.failures) == 1
        problems = [p for f in course.failures for p in f.problems]
        problems += check_content([Path(tmp)]).problems
        for problem in problems:
            assert problem.file.is_relative_to(folder), problem
            assert problem.line >= 1, problem


# -- hostile zip entries ----------------------------------------------------------------------

_piece = st.sampled_from(
    [
        "..",
        ".",
        "",
        "neu",
        "C:",
        "c:",
        "/",
        "\\",
        "module.toml",
        "01-a.md",
        "bilder",
        "CON",
        "a:b",
        ".hidden",
        "x" * 120,
        "é",
        " ",
        "~",
    ]
)
entry_names = st.lists(_piece | st.text(max_size=6), min_size=1, max_size=5).map("/".join)
_modes = st.sampled_from(
    [
        0,
        (stat.S_IFREG | 0o644) << 16,
        (stat.S_IFLNK | 0o777) << 16,
        (stat.S_IFDIR | 0o755) << 16,
        (stat.S_IFIFO | 0o644) << 16,
    ]
)
zip_entries = st.lists(st.tuples(entry_names, st.binary(max_size=64), _modes), max_size=8)
_good_files = {
    "neu/module.toml": GOOD_MANIFEST,
    "neu/01-a.md": GOOD_LESSON,
    "neu/quiz.gift": GOOD_QUIZ,
}


def _zip_infos(entries: list[tuple[str, bytes, int]]) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
    infos: list[tuple[zipfile.ZipInfo | str, bytes]] = []
    for name, data, mode in entries:
        info = zipfile.ZipInfo(name or "x")
        info.external_attr = mode
        info.compress_type = zipfile.ZIP_DEFLATED
        infos.append((info, data))
    return infos


def check_pack_install(
    entries: list[tuple[str, bytes, int]], with_good_module: bool, listed: bool
) -> None:
    """Whatever the entries: only PackError, nothing outside the data folder's content."""
    files = {name: data for name, data, _ in entries}
    if with_good_module:
        files.update(_good_files)
    manifest = pack_manifest(files if listed else _good_files, {"neu": "1.0.0"})
    infos = [(PACK_MANIFEST, manifest), *_zip_infos(entries)]
    if with_good_module:
        infos += list(_good_files.items())
    with tempfile.TemporaryDirectory() as tmp:
        _install_and_check(write_zip(Path(tmp) / "p.kompetenz", infos), Path(tmp))


def check_damaged_pack(changes: list[tuple[str, int, bytes]]) -> None:
    """A valid pack with bytes changed: installs, or is refused with PackError — nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        pack = write_zip(
            Path(tmp) / "p.kompetenz",
            [(PACK_MANIFEST, pack_manifest(_good_files, {"neu": "1.0.0"})), *_good_files.items()],
        )
        pack.write_bytes(mutate(pack.read_bytes(), changes))
        _install_and_check(pack, Path(tmp))


def _install_and_check(pack: Path, sandbox: Path) -> None:
    data_dir = sandbox / "data"
    data_dir.mkdir()
    (sandbox / "bundled" / "de").mkdir(parents=True)
    digest = tree_digest(sandbox)
    try:
        install_pack(pack, data_dir, [sandbox / "bundled"])
    except PackError:
        assert tree_digest(sandbox) == digest  # a refusal changes nothing at all
        return
    written = [p for p in data_dir.rglob("*") if p.is_file()]
    assert written
    for path in written:
        assert path.is_relative_to(data_dir / "content" / "de" / "neu"), path
    assert sorted(p.name for p in sandbox.iterdir()) == ["bundled", "data", "p.kompetenz"]


# -- hostile lesson text ------------------------------------------------------------------------

_TOKENS = [
    "<script>",
    "</script>",
    "<ScRiPt ",
    "<img src=",
    " onerror=",
    "javascript:",
    "&#106;avascript:",
    '<a href="',
    '">',
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<svg ",
    " onload=",
    ' style="',
    "<iframe ",
    "</",
    "<",
    ">",
    "=",
    '"',
    "'",
    "&",
    "#",
    "\n",
    "\n\n",
    "    ",
    "![x](",
    "[y](",
    ")",
    "*",
    "_",
    "`",
    "```",
    "!!! note",
    "|",
    "-",
    "<b>",
    "</b>",
    "<span ",
    "<table background=",
    "http://127.0.0.1/x.png",
    "data:",
    "file:///etc/passwd",
    "Text ",
    "ä",
    "\x00",
    "\t",
]
lesson_texts = st.lists(st.sampled_from(_TOKENS) | st.text(max_size=4), max_size=40).map("".join)


def check_render_is_safe(text: str) -> None:
    """Rendering never raises, and whatever the input, only the safe subset comes out."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "neu"
        (folder / "bilder").mkdir(parents=True)
        (folder / "bilder" / "x.png").write_bytes(b"\x89PNG")
        result = render_lesson(text, folder / "01-a.md", folder)
        assert_safe(result.html, result.image_uris)
