"""Radio buttons and check boxes whose text wraps, for answers that are whole sentences.

Qt's own QRadioButton and QCheckBox draw their text on one line, so a long answer makes the
quiz wider than the window (a horizontal scroll bar, the buttons scrolled out of sight). These
keep everything that makes them real buttons – keyboard, groups, accessibility, the style's
indicator – and only lay out and paint the text in lines that fit the width they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, cast

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
)

_TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
_WIDEST_WORD_EM = 20  # a longer "word" (a web address) may wrap inside; it must not widen the quiz
_COMFORTABLE_EM = 45  # how wide an answer would like to be when there is room

_Button = QRadioButton | QCheckBox
_ARROW_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


@dataclass(frozen=True)
class _Kind:
    """What differs between a radio button and a check box: the Qt class and style parts."""

    base: type[QRadioButton] | type[QCheckBox]
    indicator: QStyle.PrimitiveElement
    indicator_rect: QStyle.SubElement
    contents_rect: QStyle.SubElement


_RADIO = _Kind(
    QRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.SubElement.SE_RadioButtonIndicator,
    QStyle.SubElement.SE_RadioButtonContents,
)
_CHECK = _Kind(
    QCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.SubElement.SE_CheckBoxIndicator,
    QStyle.SubElement.SE_CheckBoxContents,
)


def _wrap_policy(button: _Button) -> None:
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    button.setSizePolicy(policy)


def _one_line_height(button: _Button, kind: _Kind) -> int:
    """The height Qt gives the button for one line of text (with the style's padding)."""
    return int(kind.base.sizeHint(button).height())  # type: ignore[arg-type]


def _parts(button: _Button, kind: _Kind, width: int) -> tuple[QRect, QRect]:
    """Where the indicator and the text go in a button `width` pixels wide."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    line = _one_line_height(button, kind)
    option.rect = QRect(0, 0, width, line)
    style = button.style()
    indicator = style.subElementRect(kind.indicator_rect, option, button)
    contents = style.subElementRect(kind.contents_rect, option, button)
    metrics = QFontMetrics(button.font())
    top = max(0, (line - metrics.height()) // 2)
    text_width = max(1, width - contents.left() - top)
    bounds = metrics.boundingRect(QRect(0, 0, text_width, 100_000), _TEXT_FLAGS, button.text())
    return indicator, QRect(contents.left(), top, text_width, bounds.height())


def _height_for_width(button: _Button, kind: _Kind, width: int) -> int:
    _indicator, text = _parts(button, kind, width)
    return max(_one_line_height(button, kind), text.bottom() + 1 + text.top())


def _size_hint(button: _Button, kind: _Kind) -> QSize:
    metrics = QFontMetrics(button.font())
    natural = int(kind.base.sizeHint(button).width())  # type: ignore[arg-type]
    width = min(natural, metrics.horizontalAdvance("m") * _COMFORTABLE_EM)
    return QSize(width, _height_for_width(button, kind, width))


def _minimum_size_hint(button: _Button, kind: _Kind) -> QSize:
    metrics = QFontMetrics(button.font())
    words = button.text().replace("&", "").split()
    widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
    widest = min(widest, metrics.horizontalAdvance("m") * _WIDEST_WORD_EM)
    _indicator, text = _parts(button, kind, 10_000)
    return QSize(text.left() + widest + text.top(), _one_line_height(button, kind))


def _paint(button: _Button, kind: _Kind) -> None:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    indicator, text = _parts(button, kind, button.width())
    painter = QPainter(button)
    style = button.style()
    option.rect = indicator
    style.drawPrimitive(kind.indicator, option, painter, button)
    style.drawItemText(
        painter,
        text,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(_TEXT_FLAGS),
        button.palette(),
        button.isEnabled(),
        button.text(),
        QPalette.ColorRole.WindowText,
    )
    if button.hasFocus():
        focus = QStyleOptionFocusRect()
        focus.initFrom(button)
        focus.rect = text.adjusted(-2, -1, 2, 1)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, button)
    painter.end()


class _WrapsText:
    """The overrides both buttons share; mixed in before the Qt class, so that these win."""

    _kind: ClassVar[_Kind]

    def _button(self) -> _Button:
        return cast(_Button, self)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return _height_for_width(self._button(), self._kind, width)

    def sizeHint(self) -> QSize:
        return _size_hint(self._button(), self._kind)

    def minimumSizeHint(self) -> QSize:
        return _minimum_size_hint(self._button(), self._kind)

    def hitButton(self, pos: QPoint) -> bool:
        return self._button().rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        _paint(self._button(), self._kind)


class WrappingRadioButton(_WrapsText, QRadioButton):
    _kind = _RADIO

    def __init__(self, text: str) -> None:
        super().__init__(text)
        _wrap_policy(self)


class WrappingCheckBox(_WrapsText, QCheckBox):
    """A check box that is its own Tab stop; the arrow keys move to the neighbouring check
    boxes of the same parent, as they do in a native group of check boxes."""

    _kind = _CHECK

    def __init__(self, text: str) -> None:
        super().__init__(text)
        _wrap_policy(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _ARROW_STEPS.get(Qt.Key(event.key()))
        parent = self.parentWidget()
        if step is None or parent is None:
            super().keyPressEvent(event)
            return
        neighbours = [
            box
            for box in parent.findChildren(WrappingCheckBox)
            if box.parentWidget() is parent and box.isVisible() and box.isEnabled()
        ]
        position = neighbours.index(self) + step
        if 0 <= position < len(neighbours):
            neighbours[position].setFocus(Qt.FocusReason.TabFocusReason)
        event.accept()
