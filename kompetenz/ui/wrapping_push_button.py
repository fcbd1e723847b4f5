"""A push button whose text wraps, for buttons named after a long title (a template's).

A QPushButton draws its text on one line and is never narrower than it: at 200 % text one
template title ("Vorfallblatt: Personenbezogene Daten in ein KI-Werkzeug eingegeben …") made
the module page 1,155 px wide. This button is drawn by the style as any button (bevel, focus,
stylesheet padding) and only lays out its text in lines that fit the width it is given; its
name for assistive technology stays its text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

_TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic
_NARROWEST_EM = 12  # a longer word may break inside; it must not widen the page
_WIDEST_EM = 30  # how wide the button would like to be when there is room
_PROBE = QSize(200, 20)  # any content size: the style's padding is what it adds to it


class WrappingPushButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _padding(self) -> QSize:
        """What the style puts around the text: border, padding and margins."""
        full = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, self._option(), _PROBE, self
        )
        return full - _PROBE

    def _text_size(self, width: int) -> QSize:
        bounds = QRect(0, 0, max(1, width), 100_000)
        return self.fontMetrics().boundingRect(bounds, int(_TEXT_FLAGS), self.text()).size()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        padding = self._padding()
        return self._text_size(width - padding.width()).height() + padding.height()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().horizontalAdvance("M")
        padding = self._padding()
        one_line = self.fontMetrics().horizontalAdvance(self.text().replace("&", ""))
        width = min(one_line + 1, _WIDEST_EM * em) + padding.width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """As narrow as its longest word (a longer one than 12 letters may break inside)."""
        metrics = self.fontMetrics()
        widest_word = max(
            (metrics.horizontalAdvance(word) for word in self.text().replace("&", "").split()),
            default=0,
        )
        narrowest = min(widest_word + 1, _NARROWEST_EM * metrics.horizontalAdvance("M"))
        hint = self.sizeHint()
        # The height at the width it likes: layouts ask heightForWidth for the rest.
        return QSize(min(hint.width(), narrowest + self._padding().width()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        text = option.text
        option.text = ""  # the bevel and focus frame from the style, the text from us
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        contents = self.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, self
        )
        painter.drawItemText(
            contents,
            int(_TEXT_FLAGS | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            option.palette,
            self.isEnabled(),
            text,
        )
