"""A small box of buttons, one per template ("Vorlage"), beside a lesson or a module.

Signals:
    template_requested(file_name): open this template of the module shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kompetenz.content.model import Template
from kompetenz.ui.text import fill
from kompetenz.ui.wrapping_push_button import WrappingPushButton


class TemplateBox(QFrame):
    template_requested = Signal(str)

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(heading)
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.heading)
        self.hide()

    def set_templates(self, templates: Sequence[Template]) -> None:
        """One button per template; the box hides when there is none."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for template in templates:
            button = WrappingPushButton(fill(self.tr("%1 …"), template.title))
            button.setObjectName("templateButton")
            # Named by its visible text (for voice control); what it does is its description.
            button.setAccessibleDescription(fill(self.tr("Open the template %1"), template.title))
            button.setToolTip(self.tr("Show, print or save as an editable document (ODT)"))
            button.clicked.connect(
                lambda _checked=False, name=template.file_name: self.template_requested.emit(name)
            )
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(templates))
