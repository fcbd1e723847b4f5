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
        self.profile_list.setAccessibleName(self.tr("Profiles on this computer"))
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
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.profile_list, 1)
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
