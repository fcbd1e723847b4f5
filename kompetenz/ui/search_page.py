"""Searching the whole course as you type, and opening a hit at its sentence.

The index is built off the GUI thread and handed in with `SearchPage.set_index`; until then
the page says that the search is being prepared.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kompetenz.learning.search import HitKind, SearchHit, SearchIndex
from kompetenz.ui.text import escape, fill

HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
ContextRole = Qt.ItemDataRole.UserRole + 3
RESULT_LIMIT = 30

_Index = QModelIndex | QPersistentModelIndex


def hit_context(hit: SearchHit) -> str:
    """Where the hit is, in words: the line above the matching text."""
    if hit.kind is HitKind.MODULE:
        return QCoreApplication.translate("SearchPage", "Module")
    if hit.kind is HitKind.LESSON:
        return fill(QCoreApplication.translate("SearchPage", "Lesson in %1"), hit.module_title)
    place = f"{hit.module_title} › {hit.lesson_title}"
    if hit.kind is HitKind.HEADING:
        return fill(QCoreApplication.translate("SearchPage", "Section in %1"), place)
    return place


def hit_html(hit: SearchHit) -> str:
    """The matching text (cut around the match if long) with the matching words in bold."""
    text, spans = hit.excerpt(220)
    parts, last = [], 0
    for start, end in spans:
        parts.append(f"{escape(text[last:start])}<b>{escape(text[start:end])}</b>")
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)


class SearchResultsModel(QAbstractListModel):
    """The hits of the last query, for a list view."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit_context(hit)}\n{hit.excerpt(220)[0]}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit_context(hit)}: {hit.text}"
        if role == HtmlRole:
            return hit_html(hit)
        if role == ContextRole:
            return hit_context(hit)
        if role == HitRole:
            return hit
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Draws a hit as two lines: where it is, and the text with its matches in bold.

    The selection is a tint of the palette's highlight plus a bar on the left, with the text
    in its normal colour: readable under the app's stylesheet and in both themes.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _padding(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() // 2

    def _document(self, option: QStyleOptionViewItem, index: _Index, width: int) -> QTextDocument:
        """Both lines as one rich-text document, so that a long place wraps instead of being
        cut; the place in a softer tone of the text colour (still above 4.5:1)."""
        palette = option.palette
        muted = _mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))
        gap = self._padding(option) // 2
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(
            f"<p style='margin:0 0 {gap}px 0; color:{muted.name()}'>"
            f"{escape(str(index.data(ContextRole)))}</p>"
            f"<p style='margin:0'>{index.data(HtmlRole)}</p>"
        )
        document.setTextWidth(max(width, 50))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        padding = self._padding(option)
        width = self.view.viewport().width() - 3 * padding
        height = self._document(option, index, width).size().height()
        return QSize(width, int(height) + 2 * padding)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        palette, rect = option.palette, QRect(option.rect)
        padding = self._padding(option)
        text_colour = palette.color(QPalette.ColorRole.Text)
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        if option.state & QStyle.StateFlag.State_Selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlphaF(0.22)
            painter.fillRect(rect, tint)
            bar = QRect(rect.left(), rect.top(), max(3, padding // 2), rect.height())
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
        separator = QColor(text_colour)
        separator.setAlphaF(0.18)
        painter.setPen(separator)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        inner = rect.adjusted(2 * padding, padding, -padding, -padding)
        document = self._document(option, index, inner.width())
        painter.translate(inner.topLeft())
        paint_context = QAbstractTextDocumentLayout.PaintContext()
        paint_context.palette.setColor(QPalette.ColorRole.Text, text_colour)
        document.documentLayout().draw(painter, paint_context)
        painter.restore()


def _mix(text: QColor, ground: QColor, share: float = 0.72) -> QColor:
    return QColor.fromRgbF(
        text.redF() * share + ground.redF() * (1 - share),
        text.greenF() * share + ground.greenF() * (1 - share),
        text.blueF() * share + ground.blueF() * (1 - share),
    )


class SearchPage(QWidget):
    """A search field and the hits, updated as the learner types.

    Keys: type to search; Down moves into the results; Enter opens the selected (or first)
    hit; Escape clears the search.

    Signals:
        result_opened(module_id, file_name, text): open this lesson and show `text` in it
            (see `scroll_to_text`). `file_name` is "" for a module title: open the module's
            overview. `text` is "" for a lesson title: open the lesson at its top.
    """

    result_opened = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self.index: SearchIndex | None = None
        heading = QLabel(self.tr("Search the course"))
        heading.setObjectName("pageHeading")
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setAccessibleName(self.tr("Search the course"))
        self.search_field.setPlaceholderText(self.tr("Search all lessons, e.g. Datenschutz"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._on_search_field_text_changed)
        self.search_field.returnPressed.connect(self._on_search_field_return_pressed)
        self.search_field.installEventFilter(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatusLabel")
        self.status_label.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.result_list = QListView()
        self.result_list.setObjectName("searchResultList")
        self.result_list.setAccessibleName(self.tr("Search results"))
        self.result_list.setModel(self.model)
        self.result_list.setItemDelegate(SearchResultDelegate(self.result_list))
        self.result_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.result_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.result_list.activated.connect(self._on_result_list_activated)
        self.result_list.clicked.connect(self._on_result_list_activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)  # search once the learner pauses, not on every key
        self.timer.timeout.connect(self._on_timer_timeout)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.search_field)
        layout.addWidget(self.status_label)
        layout.addWidget(self.result_list, 1)
        self._update_status([])

    def set_index(self, index: SearchIndex | None) -> None:
        """Search in `index` from now on (built off the GUI thread); re-runs the current query."""
        self.index = index
        self._on_timer_timeout()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and isinstance(event, QKeyEvent):
            key = event.key() if event.type() == QEvent.Type.KeyPress else None
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.result_list.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.result_list.currentIndex().isValid():
                    self.result_list.setCurrentIndex(self.model.index(0))
                return True
            if key == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
        return super().eventFilter(watched, event)

    def _on_search_field_text_changed(self) -> None:
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        self.timer.stop()
        query = self.search_field.text()
        hits = self.index.search(query, RESULT_LIMIT) if self.index is not None else []
        self.model.set_hits(hits)
        if hits:
            self.result_list.setCurrentIndex(self.model.index(0))
            self.result_list.scrollToTop()
        self._update_status(hits)

    def _update_status(self, hits: Sequence[SearchHit]) -> None:
        query = self.search_field.text().strip()
        if self.index is None:
            text = self.tr("Preparing the search…")
        elif not query:
            text = self.tr("Type a word to search all lessons. Results appear as you type.")
        elif not hits:
            text = fill(
                self.tr(
                    "Nothing found for “%1”. Check the spelling, or try fewer or shorter words."
                ),
                query,
            )
        elif len(hits) >= RESULT_LIMIT:
            text = fill(
                self.tr("The first %1 results are shown. Add a word to narrow the search."),
                RESULT_LIMIT,
            )
        else:
            text = fill(
                self.tr("Results: %1. Press Enter or click a result to open it."), len(hits)
            )
        self.status_label.setText(text)

    def _on_search_field_return_pressed(self) -> None:
        if self.timer.isActive():
            self._on_timer_timeout()
        current = self.result_list.currentIndex()
        if current.isValid():
            self._on_result_list_activated(current)
        elif self.model.rowCount():
            self._on_result_list_activated(self.model.index(0))

    def _on_result_list_activated(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index.row())
        self.result_opened.emit(hit.module_id, hit.file_name, hit.scroll_text)


def scroll_to_text(view: QTextBrowser, text: str) -> bool:
    """Select `text` in `view` and scroll it to a third from the top; False if not found.

    The sentence comes from the search index's plain text, which can differ from the
    rendered lesson in details (a footnote mark, a line break), so when the whole sentence
    is not found its first and then its last words are tried.
    """
    words = text.split()
    needles = [text.strip(), " ".join(words[:6]), " ".join(words[-6:])]
    for needle in dict.fromkeys(n for n in needles if len(n) >= 3):
        cursor = view.document().find(needle)
        if not cursor.isNull():
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
            bar = view.verticalScrollBar()
            top = view.cursorRect(cursor).top()
            bar.setValue(bar.value() + top - view.viewport().height() // 3)
            return True
    return False
