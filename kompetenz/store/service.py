"""`ProgressStore`: the one interface the UI and the CLI use to read and record progress.

It is built over an injected `sessionmaker` (see `database.open_store`), runs every call in
its own short transaction, and hands out only the frozen records of `records.py`.
The methods are grouped by topic in the `_profiles`, `_learning`, `_quiz` and
`_certificates` modules to keep each file readable; this class just puts them together.
"""

from __future__ import annotations

from types import TracebackType

from kompetenz.store import sqlite_specific
from kompetenz.store._certificates import CertificateOps
from kompetenz.store._learning import LearningOps
from kompetenz.store._profiles import ProfileOps
from kompetenz.store._quiz import QuizOps
from kompetenz.store._release import ReleaseOps


class ProgressStore(ProfileOps, LearningOps, QuizOps, CertificateOps, ReleaseOps):
    """Profiles, lessons, quiz attempts, notes and certificates of the learners of one PC.

    Raises the `StoreError`s of `errors.py` for what a user can resolve (a name taken, a
    profile gone) and `ValueError` for calls no correct caller makes.
    """

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database file, for the UI to call in a pause: when
        a quiz is finished, or after some idle seconds (cheap when there is nothing to copy).

        Every commit is already durable without it. It keeps the copying (tens of ms: the
        database file is written and synced) away from the commits a learner waits for;
        if it is never called, SQLite does it itself inside some commit once the log holds
        `sqlite_specific.WAL_AUTOCHECKPOINT_PAGES` pages. Never waits for other connections;
        True if everything was copied. Does nothing for other database engines.
        """
        engine = self._engine()
        if engine.dialect.name != "sqlite":
            return True
        return sqlite_specific.checkpoint(engine)

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
