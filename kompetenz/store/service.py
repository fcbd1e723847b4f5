"""`ProgressStore`: the one interface the UI and the CLI use to read and record progress.

It is built over an injected `sessionmaker` and the engine's `DatabaseBackend` (see
`database.open_store`), runs every call in its own short transaction, and hands out only the
frozen records of `records.py`. The work is done by four parts composed over one shared
`StoreContext`, each in its own module:

- `store.profiles` (`profiles.Profiles`): who is learning, passwords, preferences, erasure;
- `store.lessons` (`lessons.Lessons`): lessons opened, completed and timed, and notes;
- `store.quiz` (`attempts.Attempts`): attempts, answers and the per-module progress;
- `store.certificate_register` (`certificate_register.CertificateRegister`): issued certificates;
- `store.releases` (`releases.Releases`): certificates released to the school, and the
  school's imported records (completion only);
- `store.school_register` (`school_register.SchoolRegister`): the school's register, settings.

For the callers' convenience the store also answers each part's methods itself
(`store.record_answer` is `store.quiz.record_answer`); the part says where the code lives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from sqlalchemy.orm import Session, sessionmaker

from kompetenz.store.attempts import Attempts
from kompetenz.store.backend import DatabaseBackend
from kompetenz.store.certificate_register import CertificateRegister
from kompetenz.store.context import StoreContext, StorePart, utc_now
from kompetenz.store.lessons import Lessons
from kompetenz.store.passwords import PasswordGuard
from kompetenz.store.profiles import Profiles
from kompetenz.store.releases import Releases
from kompetenz.store.school_register import SchoolRegister

P = ParamSpec("P")
R = TypeVar("R")
Part = TypeVar("Part", bound=StorePart)


class _PartMethod(Generic[Part, P, R]):
    """`ProgressStore.<name>`, answered by the same method of one of its parts."""

    def __init__(self, part: str, method: Callable[Concatenate[Part, P], R]) -> None:
        self._part = part
        self._name = method.__name__
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, store: None, owner: type[Any]) -> _PartMethod[Part, P, R]: ...

    @overload
    def __get__(self, store: ProgressStore, owner: type[Any]) -> Callable[P, R]: ...

    def __get__(
        self, store: ProgressStore | None, owner: type[Any]
    ) -> _PartMethod[Part, P, R] | Callable[P, R]:
        if store is None:
            return self
        method: Callable[P, R] = getattr(getattr(store, self._part), self._name)
        return method


class ProgressStore:
    """Profiles, lessons, quiz attempts, notes and certificates of the learners of one PC
    (or of one school's database server).

    Raises the `StoreError`s of `errors.py` for what a user can resolve (a name taken, a
    profile gone) and `ValueError` for calls no correct caller makes.
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        backend: DatabaseBackend,
        *,
        data_dir: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        password_guard: PasswordGuard | None = None,
    ) -> None:
        self.context = StoreContext(
            sessions, backend, data_dir=data_dir, clock=clock, password_guard=password_guard
        )
        self.profiles = Profiles(self.context)
        self.lessons = Lessons(self.context)
        self.quiz = Attempts(self.context)
        self.certificate_register = CertificateRegister(self.context)
        self.releases = Releases(self.context)
        self.school_register = SchoolRegister(self.context)

    @property
    def data_dir(self) -> Path | None:
        return self.context.data_dir

    @property
    def backend(self) -> DatabaseBackend:
        return self.context.backend

    list_profiles = _PartMethod("profiles", Profiles.list_profiles)
    create_profile = _PartMethod("profiles", Profiles.create_profile)
    find_profile = _PartMethod("profiles", Profiles.find_profile)
    get_profile = _PartMethod("profiles", Profiles.get_profile)
    update_profile = _PartMethod("profiles", Profiles.update_profile)
    set_password = _PartMethod("profiles", Profiles.set_password)
    check_password = _PartMethod("profiles", Profiles.check_password)
    password_delay = _PartMethod("profiles", Profiles.password_delay)
    profile_dir = _PartMethod("profiles", Profiles.profile_dir)
    get_preference = _PartMethod("profiles", Profiles.get_preference)
    set_preference = _PartMethod("profiles", Profiles.set_preference)
    delete_profile = _PartMethod("profiles", Profiles.delete_profile)

    open_lesson = _PartMethod("lessons", Lessons.open_lesson)
    complete_lesson = _PartMethod("lessons", Lessons.complete_lesson)
    add_time = _PartMethod("lessons", Lessons.add_time)
    lesson_states = _PartMethod("lessons", Lessons.lesson_states)
    last_opened_lesson = _PartMethod("lessons", Lessons.last_opened_lesson)
    save_note = _PartMethod("lessons", Lessons.save_note)
    note = _PartMethod("lessons", Lessons.note)
    notes = _PartMethod("lessons", Lessons.notes)

    start_attempt = _PartMethod("quiz", Attempts.start_attempt)
    record_answer = _PartMethod("quiz", Attempts.record_answer)
    finish_attempt = _PartMethod("quiz", Attempts.finish_attempt)
    get_attempt = _PartMethod("quiz", Attempts.get_attempt)
    unfinished_attempt = _PartMethod("quiz", Attempts.unfinished_attempt)
    attempts = _PartMethod("quiz", Attempts.attempts)
    attempt_scores = _PartMethod("quiz", Attempts.attempt_scores)
    module_progress = _PartMethod("quiz", Attempts.module_progress)

    record_certificate = _PartMethod("certificate_register", CertificateRegister.record_certificate)
    certificates = _PartMethod("certificate_register", CertificateRegister.certificates)
    find_certificate = _PartMethod("certificate_register", CertificateRegister.find_certificate)

    release_certificate = _PartMethod("releases", Releases.release_certificate)
    withdraw_certificate = _PartMethod("releases", Releases.withdraw_certificate)
    released_numbers = _PartMethod("releases", Releases.released_numbers)
    released_completions = _PartMethod("releases", Releases.released_completions)
    add_school_records = _PartMethod("releases", Releases.add_school_records)
    school_records = _PartMethod("releases", Releases.school_records)

    add_register_entry = _PartMethod("school_register", SchoolRegister.add_register_entry)
    register_entries = _PartMethod("school_register", SchoolRegister.register_entries)
    remove_register_entry = _PartMethod("school_register", SchoolRegister.remove_register_entry)
    school_setting = _PartMethod("school_register", SchoolRegister.school_setting)
    set_school_setting = _PartMethod("school_register", SchoolRegister.set_school_setting)

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database file, for the UI to call in a pause: when
        a quiz is finished, or after some idle seconds (cheap when there is nothing to copy).

        Every commit is already durable without it. It keeps the copying (tens of ms: the
        database file is written and synced) away from the commits a learner waits for;
        if it is never called, SQLite does it itself inside some commit once the log holds
        `sqlite.backend.WAL_AUTOCHECKPOINT_PAGES` pages. Never waits for other connections;
        True if everything was copied. Does nothing for engines without such a log.
        """
        return self.context.backend.checkpoint(self.context.engine())

    def close(self) -> None:
        """Close every database connection; the store cannot be used afterwards."""
        self.context.engine().dispose()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
