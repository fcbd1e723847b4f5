"""`ProgressStore`: the one interface the UI and the CLI use to read and record progress.

It is built over an injected `sessionmaker` (see `database.open_store`), runs every call in
its own short transaction, and hands out only the frozen records of `records.py`.
The methods are grouped by topic in the `_profiles`, `_learning`, `_quiz` and
`_certificates` modules to keep each file readable; this class just puts them together.
"""

from __future__ import annotations

from types import TracebackType

from kompetenz.store._certificates import CertificateOps
from kompetenz.store._learning import LearningOps
from kompetenz.store._profiles import ProfileOps
from kompetenz.store._quiz import QuizOps


class ProgressStore(ProfileOps, LearningOps, QuizOps, CertificateOps):
    """Profiles, lessons, quiz attempts, notes and certificates of the learners of one PC.

    Raises the `StoreError`s of `errors.py` for what a user can resolve (a name taken, a
    profile gone) and `ValueError` for calls no correct caller makes.
    """

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
