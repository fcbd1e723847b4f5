"""The modules as a Qt list model over the course and the learner's progress."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kompetenz.content.model import Module
from kompetenz.learning.overview import lessons_done, remaining_minutes
from kompetenz.ui.text import fill

# For annotations only: the records are imported with the learner's data, after the first paint.
if TYPE_CHECKING:
    from kompetenz.store.records import ModuleProgress

ModuleIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def progress_line(
    module: Module, progress: ModuleProgress | None, paused: tuple[int, int] | None = None
) -> str:
    """One line a learner can read at a glance: lessons done, quiz state, time still needed.

    `paused`: (next question, questions in all) of an attempt the learner paused."""
    translate = QCoreApplication.translate
    lessons = fill(
        translate("ModuleList", "%1 of %2 lessons read"),
        lessons_done(module, progress),
        len(module.lessons),
    )
    if paused is not None:
        quiz = fill(translate("ModuleList", "Resume quiz – question %1 of %2"), *paused)
    elif progress and progress.passed:
        score = f"{progress.best_score_percent or 0:.0f}"
        quiz = fill(translate("ModuleList", "✔ quiz passed (%1 %)"), score)
    elif progress and progress.best_score_percent is not None:
        score = f"{progress.best_score_percent:.0f}"
        quiz = fill(translate("ModuleList", "quiz: best %1 %, not yet passed"), score)
    else:
        quiz = translate("ModuleList", "quiz open")
    remaining = remaining_minutes(module, progress)
    time = (
        fill(translate("ModuleList", "about %1 min to go"), remaining)
        if remaining
        else translate("ModuleList", "completed")
    )
    return f"{lessons} · {quiz} · {time}"


class ModuleListModel(QAbstractListModel):
    def __init__(self, modules: tuple[Module, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self._modules = modules
        self._progress: Mapping[str, ModuleProgress] = {}
        self._paused: Mapping[str, tuple[int, int]] = {}

    def set_progress(self, progress: Mapping[str, ModuleProgress]) -> None:
        self._progress = progress
        if self._modules:
            self.dataChanged.emit(self.index(0), self.index(len(self._modules) - 1))

    def set_paused(self, paused: Mapping[str, tuple[int, int]]) -> None:
        """Module id → (next question, questions in all) of each paused quiz attempt."""
        self._paused = paused
        if self._modules:
            self.dataChanged.emit(self.index(0), self.index(len(self._modules) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._modules)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        module = self._modules[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            line = progress_line(module, self._progress.get(module.id), self._paused.get(module.id))
            separator = "\n" if role == Qt.ItemDataRole.DisplayRole else ". "
            return f"{module.title}{separator}{line}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return module.summary
        if role == ModuleIdRole:
            return module.id
        return None
