"""A push button whose text wraps: narrow as its longest word, taller when narrow, named by
its text."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from kompetenz.ui.wrapping_push_button import WrappingPushButton

TITLE = "Vorfallblatt: Personenbezogene Daten in ein KI-Werkzeug eingegeben …"


def test_the_text_wraps_instead_of_widening_the_button(qtbot: QtBot) -> None:
    button = WrappingPushButton(TITLE)
    qtbot.addWidget(button)
    metrics = button.fontMetrics()
    one_line = button.sizeHint()
    narrowest = button.minimumSizeHint().width()
    assert narrowest < metrics.horizontalAdvance(TITLE) / 2
    assert narrowest >= metrics.horizontalAdvance("Personenbezogene")
    assert button.heightForWidth(narrowest) >= 3 * metrics.height()
    assert button.heightForWidth(narrowest) > button.heightForWidth(one_line.width())
    button.resize(narrowest, button.heightForWidth(narrowest))
    button.show()
    qtbot.waitExposed(button)
    assert not button.grab().isNull()  # paints with the style, the text in lines
    name = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
    assert name == TITLE
