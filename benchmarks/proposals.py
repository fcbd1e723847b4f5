"""Changes proposed to other people's files, measured on a patched COPY of the package.

The benchmarks may not edit launch.py or main_window.py, yet a proposal should come with
numbers. So each proposal is a list of exact text replacements; `patched_tree` copies
`kompetenz/` to a temporary folder, applies them there, and the start-up benchmark runs the
copy (through PYTHONPATH) beside the unchanged tree. When a file has changed so that a
replacement no longer matches, the proposal is reported as "does not apply" instead of
measuring something else. docs/performance.md shows the same changes as diffs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Replacement:
    file: str  # relative to the repository root
    old: str
    new: str
    optional: bool = False  # skip, rather than refuse, when the file no longer has `old`


# 1. SQLAlchemy (and the ORM models) before the first paint: main_window.py, progress_page.py
#    and (through quiz_page.py) learning/quiz_session.py import ProgressStore at module level,
#    only for type annotations. Importing it only for the type checker keeps SQLAlchemy out
#    of the first paint, as docs/architecture.md intends.
_STORE_TYPE_ONLY = "from kompetenz.store.service import ProgressStore\n"
_STORE_TYPE_ONLY_NEW = (
    "from typing import TYPE_CHECKING\n\n"
    "if TYPE_CHECKING:  # SQLAlchemy is imported with the store, after the first paint\n"
    "    from kompetenz.store.service import ProgressStore\n"
)
LAZY_STORE_IMPORT = tuple(
    Replacement(file, _STORE_TYPE_ONLY, _STORE_TYPE_ONLY_NEW, optional=True)
    for file in (
        "kompetenz/ui/main_window.py",
        "kompetenz/ui/progress_page.py",
        "kompetenz/learning/quiz_session.py",
    )
)

# 2. A zero-timer set before the first paint fires BEFORE it (Qt paints on a later
#    UpdateRequest), so today the window appears only after the store is open. Waiting for
#    the first Paint event (with a fallback timer for a window that is never painted, e.g.
#    started minimised) shows the module list first.
OPEN_STORE_AFTER_PAINT = (
    Replacement(
        "kompetenz/ui/launch.py",
        "    QTimer.singleShot(0, lambda: open_store_into(window, services))\n",
        "    _after_first_paint(window, lambda: open_store_into(window, services))\n",
    ),
    Replacement(
        "kompetenz/ui/launch.py",
        "from PySide6.QtCore import QCoreApplication, QTimer\n",
        "from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer\n",
    ),
    Replacement(
        "kompetenz/ui/launch.py",
        "def open_store_into(",
        '''class _FirstPaint(QObject):
    """Calls `then` once: a zero-timer after the window's first paint, or after 2 s."""

    def __init__(self, window: MainWindow, then) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)
        QTimer.singleShot(2000, self._fire)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()


def _after_first_paint(window: MainWindow, then) -> None:
    _FirstPaint(window, then)


def open_store_into(''',
    ),
)

# 3. QListView lays out every item (size hints of 500 modules, each with word wrap) before
#    its first paint. In batched mode it lays out a first batch, paints, and does the rest
#    from the event loop.
BATCHED_MODULE_LIST = (
    Replacement(
        "kompetenz/ui/home_page.py",
        "        self.module_list.setSpacing(4)\n",
        "        self.module_list.setSpacing(4)\n"
        "        self.module_list.setLayoutMode(QListView.LayoutMode.Batched)\n",
    ),
)

PROPOSALS: dict[str, tuple[Replacement, ...]] = {
    "lazy store import": LAZY_STORE_IMPORT,
    "open store after paint": OPEN_STORE_AFTER_PAINT,
    "batched module list": BATCHED_MODULE_LIST,
}


class DoesNotApply(Exception):
    pass


def patched_tree(target: Path, replacements: tuple[Replacement, ...]) -> Path:
    """A copy of the package in `target` with `replacements` applied; returns the folder to
    put on PYTHONPATH. `content/` and `resources/` are linked, as kompetenz.resources looks
    for them beside the package."""
    shutil.copytree(
        REPO_ROOT / "kompetenz",
        target / "kompetenz",
        ignore=shutil.ignore_patterns("__pycache__", "_bundled"),
    )
    for name in ("content", "resources"):
        (target / name).symlink_to(REPO_ROOT / name, target_is_directory=True)
    for replacement in replacements:
        path = target / replacement.file
        text = path.read_text(encoding="utf-8")
        if replacement.optional and replacement.old not in text:
            continue
        if text.count(replacement.old) != 1:
            raise DoesNotApply(f"{replacement.file} has changed: {replacement.old[:60]!r}…")
        path.write_text(text.replace(replacement.old, replacement.new), encoding="utf-8")
    return target
