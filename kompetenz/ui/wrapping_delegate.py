"""List rows as tall as their wrapped text, for lists whose titles may take two lines.

QListView asks its delegate for a row's size without telling it how wide the row will be, so
a wrapped title gets the height of one line and the line below it (a lesson's state) is cut
off. This delegate measures at the width the view really has, and the view lays its rows out
again when it is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem


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
        measured = QStyleOptionViewItem(option)
        width = self._view.viewport().width() - 2 * self._view.spacing()
        measured.rect = QRect(0, 0, max(1, width), 1)  # a valid rect: the style wraps to it
        return super().sizeHint(measured, index)
