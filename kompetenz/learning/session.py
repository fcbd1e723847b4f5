"""`LearnerSession`: what one learner can do, bound to their profile. No Qt.

The pages show what it returns (plain, frozen view data) and report what the learner did to
it; none of them sees the store or threads a profile id through a call. Reads of the first
screen go to whichever reader is live during a start (`LearnerData.reads`); everything else
goes to the store. Every method is one short piece of store work, quick on a local file; the
window runs the slow ones (the learning record, erasing the profile) off the GUI thread.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from kompetenz.content.model import Lesson, Module

# For annotations only: the window imports this module before its first paint, and the store
# (SQLAlchemy) and the quiz engine are imported on first use.
if TYPE_CHECKING:
    from kompetenz.content.loader import Course
    from kompetenz.learning.quiz_session import QuizSession
    from kompetenz.store import ProgressReader, ProgressStore
    from kompetenz.store.records import (
        AttemptRecord,
        CertificateRecord,
        DeletionReport,
        LessonState,
        ModuleProgress,
        NoteRecord,
        ProfileRecord,
        Role,
    )

TOUR_SEEN = "tour_seen"
LESSON_ZOOM = "lesson_zoom"


class DataSource(Protocol):
    """Where a session reads and writes (`startup.LearnerData`, or a fixed store in tests)."""

    @property
    def store(self) -> ProgressStore | None: ...

    def reads(self) -> ProgressReader | None: ...


@dataclass(frozen=True)
class Preferences:
    tour_seen: bool
    lesson_zoom: int  # steps larger (+) or smaller (−) than the normal lesson text


@dataclass(frozen=True)
class HomeView:
    progress: dict[str, ModuleProgress]
    continue_with: LessonState | None  # the lesson under „Weiterlernen“


@dataclass(frozen=True)
class ModuleView:
    module: Module
    lessons: dict[str, LessonState]
    progress: ModuleProgress | None
    unfinished: AttemptRecord | None  # an attempt to resume


@dataclass(frozen=True)
class LessonView:
    module: Module
    lesson: Lesson
    completed: bool
    note: str


@dataclass(frozen=True)
class ProgressView:
    progress: dict[str, ModuleProgress]
    scores: dict[str, list[float]]  # per module, oldest attempt first
    certificates: list[CertificateRecord]
    released: frozenset[str] = frozenset()  # numbers the school leadership can see


def progress_view(store: ProgressStore, profile_id: int) -> ProgressView:
    """What the progress page shows, in four summary reads (no attempt is loaded)."""
    return ProgressView(
        store.module_progress(profile_id),
        store.attempt_scores(profile_id),
        store.certificates(profile_id),
        store.released_numbers(profile_id),
    )


class LearnerSession:
    """The use cases of one learner. `course` is replaced when a content pack is installed."""

    def __init__(self, data: DataSource, course: Course, profile: ProfileRecord) -> None:
        self._data = data
        self.course = course
        self.profile = profile

    @property
    def store(self) -> ProgressStore:
        """The learner's store (for the certificate service and the learning record)."""
        store = self._data.store
        if store is None:
            raise RuntimeError("the learner's data is not open")
        return store

    def _reads(self) -> ProgressReader:
        reads = self._data.reads()
        return self.store if reads is None else reads

    # --- the first screen (answered by the quick reader during a start) ----------------------

    def preferences(self) -> Preferences:
        reads, pid = self._reads(), self.profile.id
        zoom = reads.get_preference(pid, LESSON_ZOOM, 0)
        return Preferences(
            tour_seen=bool(reads.get_preference(pid, TOUR_SEEN, False)),
            lesson_zoom=zoom if isinstance(zoom, int) and not isinstance(zoom, bool) else 0,
        )

    def home(self) -> HomeView:
        reads = self._reads()
        return HomeView(
            reads.module_progress(self.profile.id), reads.last_opened_lesson(self.profile.id)
        )

    def paused_quizzes(self) -> dict[str, tuple[int, int]]:
        """Module id → (next question, questions in all) of each quiz attempt the learner
        paused, for „Quiz fortsetzen – Frage 3 von 10“. Needs the open store."""
        store, pid = self.store, self.profile.id
        paused = {}
        for module in self.course.modules:
            attempt = store.unfinished_attempt(pid, module.id)
            if attempt is not None and attempt.plan:
                total = len(attempt.plan)
                paused[module.id] = (min(len(attempt.answers) + 1, total), total)
        return paused

    # --- modules and lessons -------------------------------------------------------------------

    def module(self, module_id: str) -> ModuleView | None:
        module = self.course.module(module_id)
        if module is None:
            return None
        store, pid = self.store, self.profile.id
        return ModuleView(
            module,
            store.lesson_states(pid, module.id),
            store.module_progress(pid, module.id).get(module.id),
            store.unfinished_attempt(pid, module.id),
        )

    def open_lesson(self, module_id: str, file_name: str) -> LessonView | None:
        """Note that the lesson is being read (first and last time) and return what to show."""
        module = self.course.module(module_id)
        lesson = None if module is None else module.lesson(file_name)
        if module is None or lesson is None:
            return None
        state = self.store.open_lesson(self.profile.id, module.id, file_name)
        note = self.store.note(self.profile.id, module.id, file_name)
        return LessonView(module, lesson, state.is_completed, note)

    def complete_lesson(self, module_id: str, file_name: str) -> None:
        self.store.complete_lesson(self.profile.id, module_id, file_name)

    def add_reading_time(self, module_id: str, file_name: str, seconds: float) -> None:
        self.store.add_time(self.profile.id, module_id, file_name, seconds)

    def save_note(self, module_id: str, file_name: str, text: str) -> None:
        self.store.save_note(self.profile.id, module_id, file_name, text)

    def notes(self) -> list[NoteRecord]:
        return self.store.notes(self.profile.id)

    # --- preferences -------------------------------------------------------------------------

    def dismiss_tour(self) -> None:
        self.set_preference(TOUR_SEEN, True)

    def set_lesson_zoom(self, steps: int) -> None:
        self.set_preference(LESSON_ZOOM, steps)

    def set_preference(self, key: str, value: Any) -> None:
        self.store.set_preference(self.profile.id, key, value)

    # --- quiz, progress, record, the profile itself --------------------------------------------

    def start_quiz(self, module_id: str, rng: random.Random | None = None) -> QuizSession:
        """Resume the module's unfinished attempt, or start one. Raises `AttemptsExhausted`,
        or `GiftError` / `OSError` for a quiz file that cannot be read."""
        from kompetenz.learning.quiz_session import start_or_resume

        module = self.course.module(module_id)
        if module is None:
            raise KeyError(module_id)
        return start_or_resume(self.store, self.profile.id, module, rng)

    def progress(self) -> ProgressView:
        return progress_view(self.store, self.profile.id)

    def attempts(self, module_id: str | None = None) -> list[AttemptRecord]:
        """Every attempt with its answers, newest first (the learning record reads these)."""
        return self.store.attempts(self.profile.id, module_id)

    def rename(self, name: str) -> ProfileRecord:
        self.profile = self.store.update_profile(self.profile.id, name=name)
        return self.profile

    def change_role(self, role: Role) -> ProfileRecord:
        """Another role, and so another learning path; issued certificates stay as they were."""
        self.profile = self.store.update_profile(self.profile.id, role=role)
        return self.profile

    def delete_profile(self) -> DeletionReport:
        """Erase this learner everywhere; the session cannot be used afterwards. Slow with
        many backups: run it off the GUI thread."""
        return self.store.delete_profile(self.profile.id)
