"""Handing in certificates and Open Badges on the school page.

An Open Badge names its holder only as a salted hash, so the head teacher types the name
(the check compares it with the hash; a wrong name is refused) and may add the role, which
neither badges nor older certificates carry. That is asked on the GUI thread, one small
dialog per badge; the files are then checked and recorded on the window's worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kompetenz.school.intake import BADGE_SUFFIXES, RecordStore, import_files
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.ui.services import Dialogs

# The outcome words of `school import` are German in every language of the app (they come from
# kompetenz.school.intake); a badge whose name was not given is said the same way.
SKIPPED = "übersprungen"


@dataclass(frozen=True)
class HandIn:
    """One chosen file and, for a badge, whose it is (or that the head teacher skipped it)."""

    path: Path
    name: str | None = None
    role: str | None = None
    skipped: bool = False


def is_badge(path: Path) -> bool:
    return path.suffix.lower() in BADGE_SUFFIXES


def import_handed_in(store: RecordStore, hand_ins: Sequence[HandIn]) -> list[str]:
    """Check and record each file (on the worker); one line per file as `school import`
    prints it: „<file>: hinzugefügt“, „bereits vorhanden“, „abgelehnt – <reason>“. Files with
    the same role and name go in one call, so many certificates are checked side by side."""
    outcomes = {index: SKIPPED for index, hand_in in enumerate(hand_ins) if hand_in.skipped}
    batches: dict[tuple[str | None, str | None], list[int]] = {}
    for index, hand_in in enumerate(hand_ins):
        if not hand_in.skipped:
            batches.setdefault((hand_in.role, hand_in.name), []).append(index)
    for (role, name), indexes in batches.items():
        results = import_files(store, [hand_ins[i].path for i in indexes], role=role, name=name)
        outcomes.update(zip(indexes, (outcome for _, outcome in results), strict=True))
    return [f"{hand_in.path.name}: {outcomes[index]}" for index, hand_in in enumerate(hand_ins)]


RoleChoices = Sequence[tuple[str | None, str]]  # (role id or None: unknown, label)


def ask_hand_ins(
    parent: QWidget, dialogs: Dialogs, paths: Sequence[Path], roles: RoleChoices
) -> list[HandIn] | None:
    """What to import, asked on the GUI thread: one role for all the PDF certificates chosen
    (like `school import --role`; a certificate does not state it) and each badge's holder.
    None: the head teacher cancelled the import."""
    certificate_role: str | None = None
    count = sum(not is_badge(path) for path in paths)
    if count:
        translate = QCoreApplication.translate
        question = fill(translate(
            "SchoolImport",
            "A certificate does not state the person's role.\nImport one role at a time.\n\n"
            "Role of the staff on these %1 certificates:"), count)
        title = translate("SchoolImport", "Import certificates and badges")
        chosen = dialogs.choose(parent, title, question, [label for _, label in roles], 0)
        if chosen is None:
            return None
        certificate_role = roles[chosen][0]
    return [_badge(parent, dialogs, path, roles) if is_badge(path)
            else HandIn(path, role=certificate_role) for path in paths]


def _badge(parent: QWidget, dialogs: Dialogs, path: Path, roles: RoleChoices) -> HandIn:
    holder = dialogs.ask_badge_holder(parent, path.name, roles)
    return HandIn(path, skipped=True) if holder is None else HandIn(path, *holder)


class BadgeHolderDialog(QDialog):
    """Whose badge a file is: the name (required) and the role (optional)."""

    def __init__(
        self, file_name: str, roles: RoleChoices, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("badgeHolderDialog")
        self.setWindowTitle(self.tr("Open Badge"))
        hint = QLabel(self.tr(
            "An Open Badge names its holder only in encrypted form. Enter the name exactly as "
            "on the certificate; a wrong name is refused."))
        hint.setWordWrap(True)
        name_text = fill(self.tr("Name of the person on %1:"), file_name)
        name_label = QLabel(name_text.replace("&", "&&"))  # a "&" in the file name is no shortcut
        name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_field = QLineEdit()
        self.name_field.setObjectName("badgeHolderName")
        self.name_field.setAccessibleName(name_text)
        name_label.setBuddy(self.name_field)
        role_label = QLabel(self.tr("&Role (optional):"))
        self.role_box = QComboBox()
        self.role_box.setObjectName("badgeHolderRole")
        self.role_box.setAccessibleName(role_label.text().replace("&", ""))
        for role, label in roles:
            self.role_box.addItem(label, role)
        role_label.setBuddy(self.role_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        # Cancelling skips this badge only; the other files are still imported.
        skip = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        skip.setText(self.tr("&Skip this file"))
        self.name_field.textChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(name_label, self.name_field)
        form.addRow(role_label, self.role_box)
        form.addRow(buttons)

    def holder(self) -> tuple[str, str | None]:
        """The name typed and the role chosen (None: unknown)."""
        return self.name_field.text().strip(), self.role_box.currentData()
