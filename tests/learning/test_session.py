"""A learner's way through the course, driven through `LearnerSession` alone: no Qt, a real
store on a real SQLite file, the real sample course."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kompetenz.certificates.portfolio import build_portfolio
from kompetenz.content.loader import Course, load_course
from kompetenz.learning.startup import LearnerData
from kompetenz.store import ProgressStore, ReadOnlyReader, open_store
from kompetenz.store.errors import ProfileNotFound

RIGHT = {"bsp-teile": frozenset({0, 1}), "bsp-token": 0, "bsp-fehler": False}


@pytest.fixture
def course(sample_content: Path) -> Course:
    return load_course([sample_content])


@pytest.fixture
def store(data_dir: Path) -> Iterator[ProgressStore]:
    with open_store(data_dir) as opened:
        yield opened


def _data(store: ProgressStore) -> LearnerData:
    data = LearnerData()
    data.attach(store)
    return data


def test_start_read_answer_resume_finish_and_record(store: ProgressStore, course: Course) -> None:
    data = _data(store)
    profile = data.create_profile("Lena Lernt", "Realschule Hamm", "teacher", None)  # type: ignore[arg-type]
    session = data.session_for(profile, course)
    module_id = course.modules[0].id
    first_lesson = course.modules[0].lessons[0].file_name

    # start: nothing done yet, the tour not seen
    assert session.home().continue_with is None
    assert session.preferences().tour_seen is False
    session.dismiss_tour()
    session.set_lesson_zoom(2)
    assert (session.preferences().tour_seen, session.preferences().lesson_zoom) == (True, 2)

    # read: open, time, note, complete
    lesson = session.open_lesson(module_id, first_lesson)
    assert lesson is not None
    assert (lesson.completed, lesson.note) == (False, "")
    session.add_reading_time(module_id, first_lesson, 90.0)
    session.save_note(module_id, first_lesson, "Rolle, Aufgabe, Format")
    session.complete_lesson(module_id, first_lesson)
    again = session.open_lesson(module_id, first_lesson)
    assert again is not None
    assert (again.completed, again.note) == (True, "Rolle, Aufgabe, Format")
    home = session.home()
    assert home.continue_with is not None
    assert home.continue_with.lesson_file == first_lesson
    assert home.progress[module_id].seconds_spent == 90.0
    assert session.open_lesson(module_id, "gibt-es-nicht.md") is None

    # answer one question, leave, resume with the answer kept
    quiz = session.start_quiz(module_id, random.Random(3))
    quiz.answer(0, RIGHT[quiz.items[0].question.key])
    view = session.module(module_id)
    assert view is not None
    assert view.unfinished is not None
    assert view.lessons[first_lesson].is_completed
    resumed = session.start_quiz(module_id)
    assert resumed.attempt_id == quiz.attempt_id
    assert resumed.next_open_position() == 1

    # finish
    for position in range(1, resumed.size):
        resumed.answer(position, RIGHT[resumed.items[position].question.key])
    result = resumed.finish()
    assert result.passed
    progress = session.progress()
    assert progress.scores[module_id] == [100.0]
    assert progress.progress[module_id].passed

    # the learning record holds what was done
    record = build_portfolio(session.store, session.course, session.profile.id)
    [module_record] = [m for m in record.modules if m.title == course.modules[0].title]
    assert [a.score_percent for a in module_record.attempts] == [100]
    assert [n.text for n in module_record.notes] == ["Rolle, Aufgabe, Format"]
    assert module_record.lessons_read == 1
    assert len(session.attempts(module_id)) == 1


def test_the_first_screen_reads_from_the_quick_reader_until_the_store_is_there(
    data_dir: Path, course: Course
) -> None:
    with open_store(data_dir) as store:
        profile = store.create_profile("Olaf Offen")
        store.set_preference(profile.id, "tour_seen", True)
        store.open_lesson(profile.id, course.modules[0].id, course.modules[0].lessons[1].file_name)
    reader = ReadOnlyReader.open(data_dir)
    assert reader is not None
    opened: list[ProgressStore] = []
    data = LearnerData()

    def open_now() -> None:
        opened.append(open_store(data_dir))
        data.attach(opened[0])

    data.begin_with(reader, open_now)
    [listed] = data.list_profiles()
    session = data.session_for(listed, course)
    assert session.preferences().tour_seen is True
    assert session.home().continue_with is not None
    assert opened == []  # the first screen never waited for the store
    session.complete_lesson(course.modules[0].id, course.modules[0].lessons[1].file_name)
    assert len(opened) == 1  # a write opened the real store on the spot
    assert data.reads() is opened[0]
    assert session.home().progress[course.modules[0].id].lessons_completed
    data.close()


def test_deleting_the_profile_ends_it_everywhere(store: ProgressStore, course: Course) -> None:
    data = _data(store)
    session = data.session_for(data.create_profile("Gustav Geht", None, "other", "pw-12345"), course)  # type: ignore[arg-type]
    session.save_note(course.modules[0].id, course.modules[0].lessons[0].file_name, "weg")
    report = session.delete_profile()
    assert report.profile_name == "Gustav Geht"
    assert report.total_rows >= 2
    assert data.list_profiles() == []
    with pytest.raises(ProfileNotFound):
        session.home()


def test_the_session_modules_load_no_qt_and_no_store_before_use() -> None:
    code = (
        "import sys\n"
        "import kompetenz.learning.startup, kompetenz.learning.session\n"
        "bad = [m for m in ('PySide6', 'sqlalchemy') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
