"""A corpus of broken modules: each is reported at the right file and line, none stops the rest.

Most cases are real files in tests/data/broken/<case>/de/<module>/; binary garbage and huge
files are written by `_generated` below instead of being kept in the repository.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kompetenz.content.checker import check_content
from kompetenz.content.loader import load_course

BROKEN = Path(__file__).parent.parent / "data" / "broken"
SAMPLE = Path(__file__).parent.parent / "data" / "content"

# case: (file relative to the case folder, line, a phrase of the message)
EXPECTED = {
    "bad-toml": ("de/kaputt/module.toml", 3, "not valid TOML"),
    "missing-key": ("de/kaputt/module.toml", 1, "the key 'summary' is missing"),
    "unknown-key": ("de/kaputt/module.toml", 6, "unknown key 'dauer'"),
    "wrong-type": ("de/kaputt/module.toml", 5, "'estimated_minutes' must be a whole number"),
    "missing-lesson": ("de/kaputt/module.toml", 10, "lesson '02-fehlt.md' is not a file"),
    "lesson-twice": ("de/kaputt/module.toml", 9, "lesson '01-start.md' is listed twice"),
    "lesson-escapes": ("de/kaputt/module.toml", 10, "lesson '../../geheim.md' is not a file"),
    "id-not-folder": ("de/kaputt/module.toml", 1, "must equal the folder name 'kaputt'"),
    "latin1-lesson": ("de/kaputt/01-start.md", 4, "not UTF-8"),
    "utf16-lesson": ("de/kaputt/01-start.md", 1, "not UTF-8"),
    "latin1-manifest": ("de/kaputt/module.toml", 4, "module.toml is not UTF-8"),
    "empty-lesson": ("de/kaputt/01-start.md", 1, "the lesson is empty"),
    "no-title": ("de/kaputt/01-start.md", 1, "has no title"),
    "image-outside": ("de/kaputt/01-start.md", 9, "image '../../geheim.png' is not a file"),
    "broken-link": ("de/kaputt/01-start.md", 9, "link 'javascript:alert(1)' leads to no"),
    "duplicate-id": ("de/beispiel/module.toml", 1, "module id 'beispiel' is already used"),
    "no-manifest": ("de/ohne/module.toml", 1, "module folder without module.toml"),
    "quiz-missing": ("de/kaputt/module.toml", 1, "the quiz file 'quiz.gift' is missing"),
    "quiz-empty": ("de/kaputt/quiz.gift", 1, "contains no questions"),
    "quiz-unclosed-brace": ("de/kaputt/quiz.gift", 3, "never closed with }"),
    "quiz-bad-weight": ("de/kaputt/quiz.gift", 4, "the weight %33% on line 4 is not one Moodle"),
    "quiz-matching-no-arrow": ("de/kaputt/quiz.gift", 5, "'Katze miaut' on line 5 has no '->'"),
    "quiz-latin1": ("de/kaputt/quiz.gift", 3, "not UTF-8 text (byte 0xFC on line 3)"),
    "quiz-no-graded": ("de/kaputt/quiz.gift", 1, "no question that can be graded"),
    "unknown-role": ("de/kaputt/module.toml", 7, "unknown role 'hausmeister' in 'core_for'"),
    "template-missing": ("de/kaputt/module.toml", 15, "template 'vorlagen/fehlt.md' is not a"),
    "template-lesson-unknown": ("de/kaputt/module.toml", 15, "not a lesson of this module"),
    "quiz-untagged": ("de/kaputt/quiz.gift", 1, "'k-null' stands under no '$CATEGORY: lern"),
    "quiz-objective-out-of-range": ("de/kaputt/quiz.gift", 13, "'k-drei' is tied to objective 3"),
    "quiz-objective-unknown-kind": ("de/kaputt/quiz.gift", 9, "unknown kind 'transfer'"),
    "objective-untested": ("de/kaputt/module.toml", 9, "objective 2 is tested by no graded"),
    # written by _generated():
    "binary-lesson": ("de/kaputt/01-start.md", 3, "not UTF-8"),
    "binary-manifest": ("de/kaputt/module.toml", 2, "module.toml is not UTF-8"),
    "nul-in-manifest": ("de/kaputt/module.toml", 3, "not valid TOML"),
    "enormous-line": ("de/kaputt/01-start.md", 1, "has no title"),
    "huge-lesson": ("de/kaputt/01-start.md", 1, "larger than 2 MB"),
}
GENERATED = ("binary-lesson", "binary-manifest", "nul-in-manifest", "enormous-line", "huge-lesson")


def _generated(case: str, root: Path) -> Path:
    """A valid module (`quiz-missing` with its quiz put back), then broken in its bytes."""
    target = root / case
    shutil.copytree(BROKEN / "quiz-missing", target)
    module = target / "de" / "kaputt"
    (module / "quiz.gift").write_text("::k-eins:: Ist dieses Modul kaputt? {T}\n", "utf-8")
    garbage = random.Random(case).randbytes(4096)
    if case == "binary-lesson":
        (module / "01-start.md").write_bytes(b"# Start\n\n" + b"\xff\xfe" + garbage)
    elif case == "binary-manifest":
        (module / "module.toml").write_bytes(b'id = "kaputt"\n\x00\xff\xfe' + garbage)
    elif case == "nul-in-manifest":
        toml = (module / "module.toml").read_bytes().splitlines(keepends=True)
        toml[2] = b'title = "Kaputt\x00es Modul"\n'
        (module / "module.toml").write_bytes(b"".join(toml))
    elif case == "enormous-line":
        (module / "01-start.md").write_bytes(b"x" * 1_000_000)
    elif case == "huge-lesson":
        (module / "01-start.md").write_bytes(b"# Start\n\n" + b"Ein Satz.\n" * 250_000)
    return target


@pytest.fixture
def case_root(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    case: str = request.param
    return _generated(case, tmp_path) if case in GENERATED else BROKEN / case


def test_every_case_of_the_corpus_is_tested() -> None:
    on_disk = {p.name for p in BROKEN.iterdir() if p.is_dir()}
    assert on_disk == set(EXPECTED) - set(GENERATED)


@pytest.mark.parametrize("case_root", sorted(EXPECTED), indirect=True)
def test_the_problem_is_reported_at_its_file_and_line(case_root: Path) -> None:
    file, line, phrase = EXPECTED[case_root.name]
    report = check_content([SAMPLE, case_root])
    problems = [
        (p.file.relative_to(case_root).as_posix(), p.line, p.message) for p in report.problems
    ]
    assert len(problems) == 1, problems
    assert problems[0][:2] == (file, line)
    assert phrase in problems[0][2]


@pytest.mark.parametrize("case_root", sorted(EXPECTED), indirect=True)
def test_a_broken_module_never_stops_the_good_one(case_root: Path) -> None:
    course = load_course([SAMPLE, case_root])
    assert course.module("beispiel") is not None
    assert course.module("beispiel").folder == SAMPLE / "de" / "beispiel"  # type: ignore[union-attr]
    for failure in course.failures:
        assert failure.folder.is_relative_to(case_root)
        assert all(p.line >= 1 for p in failure.problems)


def test_the_main_window_starts_and_names_the_broken_module(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from kompetenz.store.database import open_store
    from kompetenz.ui.main_window import MainWindow
    from kompetenz.ui.services import AppServices

    course = load_course([SAMPLE, BROKEN / "bad-toml"])
    store = open_store(tmp_path / "data")
    store.create_profile("Erika Musterfrau")
    window = MainWindow(AppServices(course=course, data_dir=tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.attach_store(store)
        assert window.stack.currentWidget() is window.home_page
        label = window.findChild(QLabel, "failuresLabel")
        assert label is not None
        assert label.isVisible()
        assert "kaputt" in label.text()
        assert "module.toml:3" in label.text()
        assert "not valid TOML" in label.text()
        assert window.home_page.model.rowCount() == 1  # the good module is there
    finally:
        window.close()
        store.close()
