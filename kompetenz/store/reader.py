"""`ProgressReader`: the reads of the first screen, answered by the full store or, during
start-up, by the read-only reader of `sqlite/readonly.py` (no SQLAlchemy needed)."""

from __future__ import annotations

from typing import Any, Protocol

from kompetenz.store.records import LessonState, ModuleProgress, ProfileRecord


class ProgressReader(Protocol):
    """What the first screen reads; `ProgressStore` offers the same methods."""

    def list_profiles(self) -> list[ProfileRecord]: ...

    def get_preference(self, profile_id: int, key: str, default: Any = None) -> Any: ...

    def module_progress(
        self, profile_id: int, module_id: str | None = None
    ) -> dict[str, ModuleProgress]: ...

    def last_opened_lesson(self, profile_id: int) -> LessonState | None: ...
