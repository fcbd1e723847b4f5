"""Choosing who is learning, on a PC that several colleagues share.

Signals:
    profile_chosen(profile_id): open this profile.
    new_profile_requested(): show the form for a new profile.
    delete_requested(profile_id): erase this profile (the window asks for confirmation).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompetenz.store.records import ProfileRecord
from kompetenz.ui.storage import school_server
from kompetenz.ui.text import fill

ProfileIdRole = Qt.ItemDataRole.UserRole + 1


class ProfilePage(QWidget):
    profile_chosen = Signal(int)
    new_profile_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        heading = QLabel(self.tr("Who is learning?"))
        heading.setObjectName("pageHeading")
        self.profile_list = QListWidget()
        self.profile_list.setObjectName("profileList")
        self.profile_list.setAccessibleName(
            self.tr("Profiles on this computer") if school_server() is None
            else self.tr("Your profiles on the school's server"))
        self.profile_list.itemActivated.connect(self._on_profile_list_activated)
        self.open_button = QPushButton(self.tr("Open profile"))
        self.open_button.setObjectName("openProfileButton")
        self.open_button.setAccessibleDescription(self.tr("Open the selected profile"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.new_button = QPushButton(self.tr("New profile…"))
        self.new_button.setObjectName("newProfileButton")
        self.new_button.setAccessibleDescription(self.tr("Create a new profile"))
        self.new_button.clicked.connect(self.new_profile_requested)
        self.delete_button = QPushButton(self.tr("Delete profile…"))
        self.delete_button.setObjectName("deleteProfileButton")
        self.delete_button.setAccessibleDescription(
            self.tr("Delete the selected profile and all its data")
        )
        self.delete_button.clicked.connect(self._on_delete_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        # After a wrong password: how long until the next try (the list waits meanwhile).
        self.wait_label = QLabel()
        self.wait_label.setObjectName("passwordWaitLabel")
        self.wait_label.setWordWrap(True)
        self.wait_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.profile_list, 1)
        layout.addWidget(self.wait_label)
        layout.addLayout(buttons)

    def show_profiles(self, profiles: list[ProfileRecord]) -> None:
        self.profile_list.clear()
        for profile in profiles:
            lock = " 🔒" if profile.has_password else ""
            school = f" – {profile.school}" if profile.school else ""
            item = QListWidgetItem(f"{profile.name}{school}{lock}")
            item.setData(ProfileIdRole, profile.id)
            self.profile_list.addItem(item)
        if profiles:
            self.profile_list.setCurrentRow(0)
        self.open_button.setEnabled(bool(profiles))
        self.delete_button.setEnabled(bool(profiles))

    def show_wait(self, seconds: int) -> None:
        """Count down to the next password try: the profiles cannot be opened or deleted
        meanwhile; 0 ends the wait."""
        waiting = seconds > 0
        for control in (self.profile_list, self.open_button, self.delete_button):
            control.setEnabled(not waiting and self.profile_list.count() > 0)
        self.wait_label.setVisible(waiting)
        if waiting:
            text = fill(self.tr("Wrong password. You can try again in %1 s."), seconds)
            self.wait_label.setText(text)
            self.wait_label.setAccessibleName(text)

    def _on_delete_clicked(self) -> None:
        item = self.profile_list.currentItem()
        if item is not None:
            self.delete_requested.emit(int(item.data(ProfileIdRole)))

    def _on_profile_list_activated(self, item: QListWidgetItem) -> None:
        self.profile_chosen.emit(int(item.data(ProfileIdRole)))

    def _on_open_clicked(self) -> None:
        item = self.profile_list.currentItem()
        if item is not None:
            self._on_profile_list_activated(item)
