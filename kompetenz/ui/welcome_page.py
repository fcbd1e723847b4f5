"""First start: who is learning? The name is the one certificates will carry.

Signals:
    profile_requested(name, school, role, password): the form was filled in and confirmed;
        an empty password means the profile opens without one.
    cancelled(): back to the list of profiles without creating one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompetenz.ui.announce import announce
from kompetenz.ui.roles import role_labels
from kompetenz.ui.storage import school_server


class WelcomePage(QWidget):
    profile_requested = Signal(str, str, str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        heading = QLabel(self.tr("Welcome to Kompetenz"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr(
                "Kompetenz teaches the basics of generative AI for school, offline. Everything you "
                "enter stays on this computer. Please enter your name as it should appear on your "
                "certificates."
            )
            if school_server() is None
            else self.tr(
                "Kompetenz teaches the basics of generative AI for school. Everything you enter "
                "is saved on your school's server and nowhere else. Please enter your name as it "
                "should appear on your certificates."
            )
        )
        intro.setWordWrap(True)
        self.name_field = QLineEdit()
        self.name_field.setObjectName("nameField")
        self.name_field.setAccessibleName(self.tr("Your name"))
        self.name_field.setMaxLength(120)
        self.school_field = QLineEdit()
        self.school_field.setObjectName("schoolField")
        self.school_field.setAccessibleName(self.tr("Your school (optional)"))
        self.role_box = QComboBox()
        self.role_box.setObjectName("roleBox")
        self.role_box.setAccessibleName(self.tr("Your role"))
        # Long role names are shortened in the box (in full in its list), so that the box
        # never makes the window wider than a small screen at large text.
        self.role_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.role_box.setMinimumContentsLength(20)
        for role, label in role_labels():
            self.role_box.addItem(label, role)
        self.password_field = QLineEdit()
        self.password_field.setObjectName("passwordField")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setAccessibleName(self.tr("Password (optional)"))
        self.password_repeat_field = QLineEdit()
        self.password_repeat_field.setObjectName("passwordRepeatField")
        self.password_repeat_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_repeat_field.setAccessibleName(self.tr("Repeat the password"))
        password_hint = QLabel(
            self.tr(
                "On a PC that colleagues share, a password keeps others from opening your "
                "profile. If you forget it, the profile cannot be opened again."
            )
        )
        password_hint.setObjectName("hintLabel")
        password_hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start learning"))
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.name_field.returnPressed.connect(self._on_start_clicked)
        self.cancel_button = QPushButton(self.tr("Back to the profiles"))
        self.cancel_button.setObjectName("cancelProfileButton")
        self.cancel_button.clicked.connect(self.cancelled)
        self.cancel_button.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&School (optional):"), self.school_field)
        form.addRow(self.tr("&Role:"), self.role_box)
        form.addRow(self.tr("&Password (optional):"), self.password_field)
        form.addRow(self.tr("Re&peat password:"), self.password_repeat_field)
        # addRow(text, field) makes each field the buddy of its label, so Alt+N etc. work.
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(password_hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.start_button)
        layout.addWidget(self.cancel_button)
        layout.addStretch(2)
        layout.setContentsMargins(48, 24, 48, 24)

    def reset(self, can_cancel: bool = False) -> None:
        for field in (
            self.name_field,
            self.school_field,
            self.password_field,
            self.password_repeat_field,
        ):
            field.clear()
        self.error_label.clear()
        self.cancel_button.setVisible(can_cancel)
        self.name_field.setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        announce(self.error_label, message, urgent=True)

    def _on_start_clicked(self) -> None:
        name = self.name_field.text().strip()
        if not name:
            self.show_error(self.tr("Please enter your name. It appears on your certificates."))
            self.name_field.setFocus()
            return
        password = self.password_field.text()
        if password != self.password_repeat_field.text():
            self.show_error(self.tr("The two passwords differ. Please type them again."))
            self.password_field.clear()
            self.password_repeat_field.clear()
            self.password_field.setFocus()
            return
        self.profile_requested.emit(
            name, self.school_field.text().strip(), str(self.role_box.currentData()), password
        )
