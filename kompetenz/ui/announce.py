"""Spoken feedback for screen readers: a verdict, a save, an error said once, without focus.

Qt 6.8 brought `QAccessibleAnnouncementEvent`; on Linux it reaches AT-SPI as an announcement
(Orca speaks it), on Windows and macOS the platform's equivalent. Nothing happens while no
assistive technology is listening.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

# Signs in front of a verdict or state (✔ Bestanden, ✘ falsch, ◐ begonnen, ○ neu, ✎) that the
# eye takes in at once; a screen reader would spell them out first ("Häkchen").
_SIGNS = "✔✘◐○✎ "


def spoken(text: str) -> str:
    """`text` as a screen reader should say it: without the leading sign."""
    return text.lstrip(_SIGNS)


def announce(source: QWidget, message: str, *, urgent: bool = False) -> None:
    """Have the screen reader say `message`; `urgent` interrupts what it is saying (errors)."""
    message = spoken(message)
    if not message:
        return
    event = QAccessibleAnnouncementEvent(source, message)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
