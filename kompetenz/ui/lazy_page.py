"""Pages of the main window that are built the first time they are needed.

Start-up builds only the home page: the reader, the quiz, the search, the progress charts …
and the modules behind them cost a learner nothing until they go there. A page is built (and
added to the window's stack) on the first read of its attribute, so callers simply use
`window.lesson_page`; code that only wants to tidy up a page that may not exist asks
`is_built` first, so tidying never builds one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kompetenz.ui.main_window import MainWindow

PageT = TypeVar("PageT", bound=QWidget)


class LazyPage(Generic[PageT]):
    def __init__(self, build: Callable[[MainWindow], PageT]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, window: None, owner: type | None = None) -> LazyPage[PageT]: ...
    @overload
    def __get__(self, window: MainWindow, owner: type | None = None) -> PageT: ...
    def __get__(self, window: MainWindow | None, owner: type | None = None) -> Any:
        if window is None:
            return self
        # Stored under the same name: the instance attribute now shadows this descriptor
        # (it has no __set__), so later reads are plain attribute reads.
        page = self._build(window)
        window.__dict__[self._name] = page
        window.stack.addWidget(page)
        return page


def is_built(window: QWidget, name: str) -> bool:
    return name in window.__dict__
