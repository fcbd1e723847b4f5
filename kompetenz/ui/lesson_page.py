"""The lesson reader.

A lesson counts as read when the learner marks it, or moves on after having seen its end.
Links to other lessons open inside the app; web links open in the system browser, and only
when clicked: the view itself never loads anything from the network.

Signals:
    lesson_completed(file_name): the learner has read this lesson.
    note_edited(module_id, file_name, text): the learner paused typing in the notes (saved at once).
    zoom_changed(steps): the text size was changed with Ctrl+Plus / Ctrl+Minus.
    lesson_requested(file_name): open another lesson of the same module.
    module_requested(): back to the module overview.
"""

from __future__ import annotations

import string

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kompetenz.content.model import Lesson, Module
from kompetenz.content.problems import ContentError
from kompetenz.ui.style import is_dark
from kompetenz.ui.text import escape, fill

_LESSON_CSS = """
body { line-height: 150%; }
h1 { font-size: 170%; } h2 { font-size: 135%; margin-top: 18px; } h3 { font-size: 115%; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid $rule; padding: 4px 8px; }
th { background-color: $head; }
table.box { border: 1px solid $note_rule; background-color: $note; }
table.warning, table.danger { border: 1px solid #c9a227; background-color: $warn; }
table.tip, table.example { border: 1px solid #4f9a66; background-color: $tip; }
table.box td { border: none; }
code, pre { font-family: monospace; background-color: $code; }
"""
# The lesson HTML cannot use the palette, so its few colours come in a light and a dark set.
_LESSON_COLOURS = {
    False: {
        "rule": "#b8c2cc",
        "head": "#e9eef3",
        "note_rule": "#8aa4bf",
        "note": "#eef4fa",
        "warn": "#fdf6e3",
        "tip": "#eef7f0",
        "code": "#f3f3f3",
    },
    True: {
        "rule": "#4a4f58",
        "head": "#2b2e35",
        "note_rule": "#4d6a8a",
        "note": "#1e2a38",
        "warn": "#3a321a",
        "tip": "#1d3325",
        "code": "#2b2e35",
    },
}


def lesson_css(dark: bool) -> str:
    return string.Template(_LESSON_CSS).substitute(_LESSON_COLOURS[dark])


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

    def center_text(self) -> None:
        wanted = QFontMetrics(self.font()).averageCharWidth() * self.CHARACTERS_PER_LINE
        margin = max(12, (self.viewport().width() - wanted) // 2)
        root = self.document().rootFrame()
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

    MAX_ZOOM_STEPS = 10  # about 200 % of the base size
    NOTE_SAVE_DELAY_MS = 600

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPage")
        self.module: Module | None = None
        self.lesson: Lesson | None = None
        self._seen_end = False
        self.zoom_steps = 0
        self.position_label = QLabel()
        self.position_label.setObjectName("lessonPositionLabel")
        self.view = ReadingView()
        self.view.setObjectName("lessonView")
        self.view.setAccessibleName(self.tr("Lesson text"))
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._on_view_anchor_clicked)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.back_button = QPushButton(self.tr("Module overview"))
        self.back_button.setObjectName("backToModuleButton")
        self.back_button.setAccessibleName(self.tr("Back to the module overview"))
        self.back_button.clicked.connect(self.module_requested)
        self.previous_button = QPushButton(self.tr("← Previous lesson"))
        self.previous_button.setObjectName("previousLessonButton")
        self.previous_button.setAccessibleName(self.tr("Previous lesson"))
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.mark_done_button = QPushButton(self.tr("Mark as read"))
        self.mark_done_button.setObjectName("markDoneButton")
        self.mark_done_button.setAccessibleName(self.tr("Mark this lesson as read"))
        self.mark_done_button.clicked.connect(self._on_mark_done_clicked)
        self.next_button = QPushButton(self.tr("Next lesson →"))
        self.next_button.setObjectName("nextLessonButton")
        self.next_button.setAccessibleName(self.tr("Next lesson"))
        self.next_button.clicked.connect(self._on_next_clicked)

        self.notes_editor = QPlainTextEdit()
        self.notes_editor.setObjectName("notesEditor")
        self.notes_editor.setAccessibleName(self.tr("Your notes on this lesson"))
        self.notes_editor.setPlaceholderText(
            self.tr(
                "Your notes on this lesson. They are saved as you type and stay on this computer."
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
        notes_panel = QWidget()
        notes_layout = QVBoxLayout(notes_panel)
        notes_layout.setContentsMargins(0, 0, 0, 0)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.position_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def show_lesson(self, module: Module, lesson: Lesson, completed: bool, note: str = "") -> None:
        from kompetenz.content.loader import read_lesson_text
        from kompetenz.content.render import render_lesson  # Markdown loads on first use

        self.save_note_now()
        self.module, self.lesson = module, lesson
        self.notes_editor.blockSignals(True)
        self.notes_editor.setPlainText(note)
        self.notes_editor.blockSignals(False)
        try:
            html = render_lesson(read_lesson_text(lesson.path), lesson.path, module.folder).html
        except ContentError as error:
            html = "<h1>{}</h1><p>{}</p>".format(
                escape(lesson.title),
                escape(fill(self.tr("This lesson cannot be shown: %1"), error.problems[0])),
            )
        self.view.document().setDefaultStyleSheet(lesson_css(is_dark()))
        self.view.setHtml(html)
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
