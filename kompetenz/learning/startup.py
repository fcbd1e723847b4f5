"""Which of the learner's data is live: the quick read-only look of a start, then the store.

A start shows the first screen from `ReadOnlyReader` (plain sqlite3, before SQLAlchemy is
imported) while the store opens in the background. `LearnerData` hides that switch: reads go
to whichever is live (`reads`), and anything that writes gets the real store (`store`),
opened on the spot if the background opening has not finished, so nothing is ever saved to a
stand-in. It also holds the profile use cases that come before a `LearnerSession` exists.
No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kompetenz.learning.session import LearnerSession

# For annotations only: the window imports this module before its first paint, and the store
# (SQLAlchemy) is imported after it.
if TYPE_CHECKING:
    from kompetenz.content.loader import Course
    from kompetenz.store import ProgressReader, ProgressStore, ReadOnlyReader
    from kompetenz.store.records import DeletionReport, ProfileRecord, Role


class LearnerData:
    """The learner data of this PC, from the first screen of a start to the window's close."""

    def __init__(self) -> None:
        self._store: ProgressStore | None = None
        self._reader: ReadOnlyReader | None = None
        self._open_now: Callable[[], None] | None = None

    # --- the switch ---------------------------------------------------------------------------

    def begin_with(self, reader: ReadOnlyReader, open_store_now: Callable[[], None]) -> None:
        """Read from `reader` until the store is attached; `open_store_now` opens the store on
        the calling thread and runs only if something needs the store before then."""
        self._reader = reader
        self._open_now = open_store_now

    def attach(self, store: ProgressStore) -> None:
        self._store = store
        self._open_now = None
        self._close_reader()

    @property
    def store(self) -> ProgressStore | None:
        """The store, finishing its opening here if need be; None if it cannot be opened."""
        if self._store is None and self._open_now is not None:
            open_now, self._open_now = self._open_now, None
            open_now()
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def reads(self) -> ProgressReader | None:
        """Where the first screen reads from; never a reason to wait for the store."""
        if self._store is not None:
            return self._store
        return self._reader if self._reader is not None else self.store

    def close(self) -> None:
        self._close_reader()
        self._open_now = None  # a store still opening in the background stays closed
        if self._store is not None:
            self._store.close()

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    # --- profiles, before a session -----------------------------------------------------------

    def list_profiles(self) -> list[ProfileRecord]:
        reads = self.reads()
        return [] if reads is None else reads.list_profiles()

    def create_profile(
        self, name: str, school: str | None, role: Role, password: str | None
    ) -> ProfileRecord:
        return self._required().create_profile(name, school, role, password)

    def get_profile(self, profile_id: int) -> ProfileRecord:
        return self._required().get_profile(profile_id)

    def password_delay(self, profile_id: int) -> float:
        """Seconds before the next password check of this profile may run (a countdown)."""
        return self._required().password_delay(profile_id)

    def check_password(self, profile_id: int, password: str) -> bool:
        """Waits out the back-off first: run it off the GUI thread."""
        return self._required().check_password(profile_id, password)

    def delete_profile(self, profile_id: int) -> DeletionReport:
        """Erases the profile, its files and its rows in every backup: seconds of work with
        many backups, so run it off the GUI thread."""
        return self._required().delete_profile(profile_id)

    def session_for(self, profile: ProfileRecord, course: Course) -> LearnerSession:
        return LearnerSession(self, course, profile)

    def _required(self) -> ProgressStore:
        store = self.store
        if store is None:
            raise RuntimeError("the learner's data is not open")
        return store
