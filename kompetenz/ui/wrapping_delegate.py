"""List rows as tall as their wrapped text, for lists whose titles may take two lines.

QListView asks its delegate for a row's size without telling it how wide the row will be, so
a wrapped title could get the height of one line and the line below it (a lesson's state) be
cut off. This delegate measures at the width the view really has.

The style adds the stylesheet's item padding to the width it wrapped the text to, so a row
measured at the viewport's width came back wider than the viewport. Measured with the bundled
course at 800 px and 150 % text: lesson 4 of "KI-Grundwissen für alle" was 382 px wide in a
viewport of 370 px, under the scroll bar, with its title wrapped for the wider row (two lines
where the visible width needs three). So a row that comes back too wide is measured again,
narrower by what the style added, until it fits (the text may first fit on one line at the
narrower width too: twice in practice).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

MAX_NARROWINGS = 8  # each one narrows by at least a pixel; two were needed in practice


class WrappingItemDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setItemDelegate(self)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(1, self._view.viewport().width() - 2 * self._view.spacing())
        measuring = width
        hint = self._measured(option, index, measuring)
        for _ in range(MAX_NARROWINGS):
            excess = hint.width() - width  # the style's padding came on top of the text
            if excess <= 0 or measuring == 1:
                break
            measuring = max(1, measuring - excess)
            hint = self._measured(option, index, measuring)
        return QSize(min(hint.width(), width), hint.height())

    def _measured(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> QSize:
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, width, 1)  # a valid rect: the style wraps to it
        return super().sizeHint(measured, index)
