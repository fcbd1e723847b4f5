"""The lesson reader.

A lesson counts as read when the learner marks it, or moves on after having seen its end.
Links to other lessons open inside the app; web links open in the system browser, and only
when clicked: the view itself never loads anything from the network.

Signals:
    lesson_completed(file_name): the learner has read this lesson.
    note_edited(module_id, file_name, text): the learner paused typing in the notes (saved at once).
    zoom_changed(steps): the text size was changed with Ctrl+Plus / Ctrl+Minus.
    lesson_requested(file_name): open another lesson of the same module.
    templates.template_requested(file_name): open a template that belongs to this lesson.
    module_requested(): back to the module overview.
    next_lesson_prepared(file_name): the next lesson is rendered and built, ready to be shown.

Opening a lesson renders its Markdown through a `RenderCache` (given the data folder, it keeps
rendered lessons across sessions), builds a new document for it and swaps that into the view.
While the learner reads, the next lesson is rendered on a worker thread and its document built,
so that "Next" only has to lay it out (docs/performance.md, "Reading").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFontMetrics,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kompetenz.content.model import Lesson, Module
from kompetenz.content.problems import ContentError
from kompetenz.content.render_cache import RenderCache
from kompetenz.content.rendered import RenderedLesson
from kompetenz.ui.announce import announce
from kompetenz.ui.background import run_in_background
from kompetenz.ui.lesson_document import ImageCache, build_document, lesson_css
from kompetenz.ui.lesson_outline import LessonOutline
from kompetenz.ui.storage import school_server
from kompetenz.ui.style import is_dark
from kompetenz.ui.template_box import TemplateBox
from kompetenz.ui.text import escape, fill
from kompetenz.ui.wrapping_push_button import WrappingPushButton


class ReadingView(QTextBrowser):
    """A text view that keeps lines to a comfortable length, however wide the window is."""

    CHARACTERS_PER_LINE = 78

    def setHtml(self, text: str) -> None:
        super().setHtml(text)  # a new document starts with default margins
        self.center_text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.center_text()

    def zoomIn(self, steps: int = 1) -> None:
        super().zoomIn(steps)
        self.center_text()

    def show_document(self, document: QTextDocument) -> None:
        """Show `document` instead of the current one, which is deleted if this view owns it.

        The margins are set before the swap, so the lesson is laid out once, not twice.
        """
        self._center(document)
        self.setDocument(document)

    def center_text(self) -> None:
        self._center(self.document())

    def _center(self, document: QTextDocument) -> None:
        wanted = QFontMetrics(self.font()).averageCharWidth() * self.CHARACTERS_PER_LINE
        margin = max(12, (self.viewport().width() - wanted) // 2)
        root = document.rootFrame()
        frame_format = root.frameFormat()
        if frame_format.leftMargin() != margin:
            frame_format.setLeftMargin(margin)
            frame_format.setRightMargin(margin)
            root.setFrameFormat(frame_format)


class LessonPage(QWidget):
    lesson_completed = Signal(str)
    lesson_requested = Signal(str)
    module_requested = Signal()
    note_edited = Signal(str, str, str)
    zoom_changed = Signal(int)
    next_lesson_prepared = Signal(str)

    MAX_ZOOM_STEPS = 10  # about 200 % of the base size
    NOTE_SAVE_DELAY_MS = 600
    # The next lesson is prepared after this one is on screen and laid out: Markdown on the
    # worker holds the GIL, which the GUI thread needs for every call into Python.
    PREPARE_DELAY_MS = 300

    def __init__(self, parent: QWidget | None = None, *, cache_dir: Path | None = None) -> None:
        """`cache_dir`: where rendered lessons are kept between sessions (the data folder);
        without it they are kept in memory only."""
        super().__init__(parent)
        self.setObjectName("lessonPage")
        self.module: Module | None = None
        self.lesson: Lesson | None = None
        self.renders = RenderCache(cache_dir)
        self._images = ImageCache()
        self._prepared: tuple[tuple[str, ...], QTextDocument] | None = None
        self._seen_end = False
        self.zoom_steps = 0
        self.position_label = QLabel()
        self.position_label.setObjectName("lessonPositionLabel")
        self.view = ReadingView()
        self.view.setObjectName("lessonView")
        self.view.setAccessibleName(self.tr("Lesson text"))
        self.view.setOpenLinks(False)
        # A reading caret: screen readers read line by line where the arrow keys move it, and
        # Tab still moves from link to link (Enter opens the link).
        self.view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.outline = LessonOutline()
        self.outline.heading_chosen.connect(self._on_outline_heading_chosen)
        self.view.anchorClicked.connect(self._on_view_anchor_clicked)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.back_button = WrappingPushButton(self.tr("Module overview"))
        self.back_button.setObjectName("backToModuleButton")
        self.back_button.setAccessibleDescription(self.tr("Back to the module overview"))
        self.back_button.clicked.connect(self.module_requested)
        self.previous_button = WrappingPushButton(self.tr("← Previous lesson"))
        self.previous_button.setObjectName("previousLessonButton")
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.mark_done_button = WrappingPushButton(self.tr("Mark as read"))
        self.mark_done_button.setObjectName("markDoneButton")
        self.mark_done_button.setAccessibleDescription(self.tr("Mark this lesson as read"))
        self.mark_done_button.clicked.connect(self._on_mark_done_clicked)
        self.next_button = WrappingPushButton(self.tr("Next lesson →"))
        self.next_button.setObjectName("nextLessonButton")
        self.next_button.clicked.connect(self._on_next_clicked)

        self.notes_editor = QPlainTextEdit()
        self.notes_editor.setObjectName("notesEditor")
        # Named by its heading "My notes" (its buddy), so that the name follows the heading.
        self.notes_editor.setAccessibleDescription(self.tr("Your notes on this lesson"))
        self.notes_editor.setPlaceholderText(
            self.tr(
                "Your notes on this lesson. They are saved as you type and stay on this computer."
            )
            if school_server() is None
            else self.tr(
                "Your notes on this lesson. They are saved as you type, on your school's "
                "server; the school leadership cannot see them."
            )
        )
        self.notes_editor.setTabChangesFocus(True)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(self.NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._emit_note)
        self.notes_editor.textChanged.connect(self._note_timer.start)
        notes_heading = QLabel(self.tr("My notes"))
        notes_heading.setObjectName("sectionHeading")
        notes_heading.setBuddy(self.notes_editor)
        self.templates = TemplateBox(self.tr("Templates for this lesson"))
        notes_panel = QWidget()
        notes_layout = QVBoxLayout(notes_panel)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.templates)
        notes_layout.addWidget(notes_heading)
        notes_layout.addWidget(self.notes_editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(notes_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        for sequence, steps in (
            (QKeySequence.StandardKey.ZoomIn, 1),
            (QKeySequence.StandardKey.ZoomOut, -1),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(lambda steps=steps: self.change_zoom(steps))
        # Many keyboards need Shift for "+"; accept Ctrl+= as well, as browsers do.
        QShortcut(QKeySequence("Ctrl+="), self).activated.connect(lambda: self.change_zoom(1))

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.mark_done_button)
        buttons.addWidget(self.next_button)
        top = QHBoxLayout()
        top.addWidget(self.position_label, 1)
        top.addWidget(self.outline)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def show_lesson(self, module: Module, lesson: Lesson, completed: bool, note: str = "") -> None:
        self.save_note_now()
        self.module, self.lesson = module, lesson
        self.templates.set_templates(module.templates_of(lesson.file_name))
        self.notes_editor.blockSignals(True)
        self.notes_editor.setPlainText(note)
        self.notes_editor.blockSignals(False)
        try:
            rendered = self.renders.render(lesson.path, module.folder)
        except ContentError as error:
            problem = fill(self.tr("This lesson cannot be shown: %1"), error.problems[0])
            html = f"<h1>{escape(lesson.title)}</h1><p>{escape(problem)}</p>"
            rendered = RenderedLesson(html=html)
        self.view.show_document(self._document(lesson, rendered))
        self.outline.show_headings(self.view.document())
        self.view.verticalScrollBar().setValue(0)
        index = module.lesson_index(lesson.file_name)
        self.position_label.setText(
            fill(self.tr("Lesson %1 of %2"), index + 1, len(module.lessons))
        )
        self.previous_button.setEnabled(index > 0)
        last = index == len(module.lessons) - 1
        self.next_button.setText(self.tr("Finish module →") if last else self.tr("Next lesson →"))
        self._set_done(completed)
        self._seen_end = False
        self._on_scrolled()
        self.view.setFocus()
        if not last:
            upcoming = module.lessons[index + 1]
            QTimer.singleShot(
                self.PREPARE_DELAY_MS, self, lambda: self._prepare(module, lesson, upcoming)
            )

    def _document_key(self, lesson: Lesson, rendered: RenderedLesson) -> tuple[str, ...]:
        """What a built document depends on besides the view's width."""
        style = lesson_css(is_dark())
        return (str(lesson.path), rendered.html, style, self.view.font().toString())

    def _document(self, lesson: Lesson, rendered: RenderedLesson) -> QTextDocument:
        """The prepared document if it shows exactly this, else a new one."""
        key = self._document_key(lesson, rendered)
        prepared, self._prepared = self._prepared, None
        if prepared is not None:
            if prepared[0] == key:
                return prepared[1]
            prepared[1].deleteLater()
        return self._build(key, rendered.image_uris)

    def _build(self, key: tuple[str, ...], image_uris: Collection[str]) -> QTextDocument:
        _, html, style, _ = key
        return build_document(
            html,
            image_uris,
            self._images,
            style_sheet=style,
            font=self.view.font(),
            like=self.view.document(),
            parent=self.view,  # deleted by the view when the next document replaces it
        )

    def prepare_module(self, module: Module, still_wanted: Callable[[], bool]) -> None:
        """Render the module's lessons into the cache on a worker thread, while the learner
        looks at the module overview: then opening any of them skips Markdown. Stops early
        once `still_wanted` (asked on the worker, between lessons) says no."""
        renders = self.renders

        def render_all() -> None:
            for lesson in module.lessons:
                if not still_wanted():
                    return
                with contextlib.suppress(ContentError):  # opening it will say what is wrong
                    renders.render(lesson.path, module.folder)

        run_in_background(render_all, lambda _: None, lambda _error: None)

    def _prepare(self, module: Module, current: Lesson, upcoming: Lesson) -> None:
        """Render `upcoming` on a worker thread, then build its document while `current` is read."""
        if self.lesson != current:
            return
        renders = self.renders

        def on_rendered(rendered: RenderedLesson) -> None:
            if not shiboken6.isValid(self) or self.lesson != current:
                return  # closed, or the learner moved on: the render is kept in the cache
            key = self._document_key(upcoming, rendered)
            if self._prepared is None or self._prepared[0] != key:
                if self._prepared is not None:
                    self._prepared[1].deleteLater()
                self._prepared = (key, self._build(key, rendered.image_uris))
            self.next_lesson_prepared.emit(upcoming.file_name)

        run_in_background(
            lambda: renders.render(upcoming.path, module.folder),
            on_rendered,
            lambda error: None,  # it cannot be read: opening it will say so
        )

    def save_note_now(self) -> None:
        """Save a pending note edit immediately (also called before leaving the lesson)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._emit_note()

    def _emit_note(self) -> None:
        if self.lesson is not None:
            self.note_edited.emit(
                self.lesson.module_id, self.lesson.file_name, self.notes_editor.toPlainText()
            )

    def set_zoom(self, steps: int) -> None:
        steps = max(-3, min(self.MAX_ZOOM_STEPS, steps))
        self.view.zoomIn(steps - self.zoom_steps)
        self.zoom_steps = steps

    def change_zoom(self, delta: int) -> None:
        before = self.zoom_steps
        self.set_zoom(before + delta)
        if self.zoom_steps != before:
            self.zoom_changed.emit(self.zoom_steps)

    def _set_done(self, done: bool) -> None:
        self.mark_done_button.setEnabled(not done)
        self.mark_done_button.setText(self.tr("✔ Read") if done else self.tr("Mark as read"))

    def _on_scrolled(self) -> None:
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum():
            self._seen_end = True

    def _on_mark_done_clicked(self) -> None:
        if self.lesson is not None:
            self._set_done(True)
            self.lesson_completed.emit(self.lesson.file_name)
            announce(self.mark_done_button, self.tr("Lesson marked as read."))

    def _on_outline_heading_chosen(self, position: int) -> None:
        """Put the reading caret on the heading and show it at the top of the view."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        self.view.setTextCursor(cursor)
        block = self.view.document().findBlock(position)
        top = self.view.document().documentLayout().blockBoundingRect(block).top()
        self.view.verticalScrollBar().setValue(int(top))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_next_clicked(self) -> None:
        if self.module is None or self.lesson is None:
            return
        self._on_scrolled()
        if self._seen_end:
            self._on_mark_done_clicked()
        index = self.module.lesson_index(self.lesson.file_name)
        if index + 1 < len(self.module.lessons):
            self.lesson_requested.emit(self.module.lessons[index + 1].file_name)
        else:
            self.module_requested.emit()

    def _on_previous_clicked(self) -> None:
        if self.module is None or self.lesson is None:
            return
        index = self.module.lesson_index(self.lesson.file_name)
        if index > 0:
            self.lesson_requested.emit(self.module.lessons[index - 1].file_name)

    def _on_view_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "lesson":
            self.lesson_requested.emit(url.path())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.view.scrollToAnchor(url.fragment())
