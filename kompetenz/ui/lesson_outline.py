"""The lesson's headings as a list to jump to: how a screen-reader user (or anyone) skims.

A QTextBrowser tells assistive technology its text, but not which lines are headings; this
list does, and choosing an entry puts the reading position (the text cursor) on that heading,
so reading continues there. Links are reached with Tab inside the lesson text.

Signals:
    heading_chosen(position): the document position of the chosen heading.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QWidget


def headings(document: QTextDocument) -> list[tuple[int, str, int]]:
    """(level, text, position) of every heading, in reading order."""
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0 and block.text().strip():
            found.append((level, block.text().strip(), block.position()))
        block = block.next()
    return found


class LessonOutline(QComboBox):
    heading_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonOutline")
        self.setAccessibleName(self.tr("Sections of this lesson"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.activated.connect(self._on_activated)

    def show_headings(self, document: QTextDocument) -> None:
        self.clear()
        self.addItem(self.tr("Jump to a section…"), None)
        level_word = self.tr("level")  # lupdate does not look inside f-strings
        for level, text, position in headings(document):
            # Indented by level; the level is said as well, as a screen reader says "heading 2".
            self.addItem("   " * (level - 1) + text, position)
            self.setItemData(
                self.count() - 1,
                f"{text}, {level_word} {level}",
                Qt.ItemDataRole.AccessibleTextRole,
            )
        self.setEnabled(self.count() > 1)

    def _on_activated(self, row: int) -> None:
        position = self.itemData(row)
        if isinstance(position, int):
            self.heading_chosen.emit(position)
        self.setCurrentIndex(0)
