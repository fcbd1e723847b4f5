"""How the app names the roles of school staff (translated with Qt; the ids are the store's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kompetenz.content.model import ROLE_IDS


def role_labels() -> list[tuple[str, str]]:
    """(role id, label) in the order the role is chosen in."""
    translate = QCoreApplication.translate
    labels = {
        "teacher": translate("Roles", "Teacher"),
        "leadership": translate("Roles", "School leadership"),
        "administration": translate("Roles", "Administration / school office"),
        "other": translate(
            "Roles",
            "Other school staff (caretaker, after-school care, school assistance, "
            "school social work, IT)",
        ),
    }
    return [(role, labels[role]) for role in ROLE_IDS]


def role_label(role: str) -> str:
    return dict(role_labels()).get(role, role)
