"""Help: how the app works, in plain words, with the keyboard shortcuts of this computer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from kompetenz.ui.storage import school_server
from kompetenz.ui.text import escape, fill

HELP_CSS = "h3 { margin-top: 12px; margin-bottom: 4px; } td { padding: 2px 16px 2px 0; }"


def standard_shortcut(key: QKeySequence.StandardKey, fallback: str = "") -> QKeySequence:
    """The platform's shortcut for `key`, or `fallback` where the platform has none.

    Windows, for one, has no shortcut for Preferences or Quit. Use the same call for the
    menu action and for the help text, so that both always name the same keys.
    """
    bindings = QKeySequence.keyBindings(key)
    return bindings[0] if bindings else QKeySequence(fallback)


def shortcut_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


class HelpPage(QWidget):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPage")
        heading = QLabel(self.tr("Help"))
        heading.setObjectName("pageHeading")
        self.view = QTextBrowser()
        self.view.setObjectName("helpView")
        self.view.setAccessibleName(self.tr("Help text"))
        self.view.setOpenLinks(False)  # nothing in the help leads off this computer
        self.view.document().setDefaultStyleSheet(HELP_CSS)
        self.view.document().setDocumentMargin(self.fontMetrics().height())
        self.view.setHtml(self.help_html(data_dir))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)

    def help_html(self, data_dir: Path) -> str:
        server = school_server()
        sections = [
            (
                self.tr("Reading lessons"),
                self.tr(
                    "Choose a module on the start page, then a lesson. Read at your own pace; "
                    "a lesson counts as read when you mark it or move on from its end. "
                    "The module page shows which lessons you have read."
                ),
            ),
            (
                self.tr("The quiz"),
                self.tr(
                    "Each module ends with a short quiz. Every answer is saved at once, so you "
                    "can pause and continue later. You pass when you reach the pass mark shown "
                    "on the module page, usually 80 %. You can try again; your best result "
                    "counts."
                ),
            ),
            (
                self.tr("Certificates"),
                self.tr(
                    "After passing a quiz you can save a certificate as a PDF file. It carries "
                    "a digital signature and a QR code. Your school can check it with the "
                    "command “kompetenz certificate verify”; any change to the file makes the "
                    "check fail."
                ),
            ),
            (
                self.tr("Your data"),
                self.tr(
                    "Your progress is stored only on this computer, in the folder %1. "
                    "Kompetenz never connects to the internet and sends nothing anywhere."
                )
                if server is None
                else self.tr(
                    "Your progress, notes and reflections are stored on your school's server "
                    "(%1). The school leadership sees only the certificates you release to it. "
                    "Kompetenz connects to nothing but that server and sends nothing anywhere "
                    "else."
                ),
            ),
            (
                self.tr("Sharing a computer"),
                self.tr(
                    "On a shared staff-room computer, each colleague creates their own profile. "
                    "Protect yours with a password so that nobody else continues in your name."
                ),
            ),
        ]
        folder = f"<code>{escape(server or str(data_dir))}</code>"
        body = "".join(
            f"<h3>{escape(title)}</h3><p>{fill(escape(text), folder)}</p>"
            for title, text in sections
        )
        heading = escape(self.tr("Keyboard shortcuts"))  # outside the f-string, for lupdate
        return body + f"<h3>{heading}</h3>{self._shortcuts_html()}"

    def _shortcuts_html(self) -> str:
        rows = [
            (shortcut_text(standard_shortcut(QKeySequence.StandardKey.Find, "Ctrl+F")),
             self.tr("Search all lessons")),
            (shortcut_text(standard_shortcut(QKeySequence.StandardKey.HelpContents, "F1")),
             self.tr("Open this help")),
            (shortcut_text(standard_shortcut(QKeySequence.StandardKey.Preferences, "Ctrl+,")),
             self.tr("Settings")),
            (shortcut_text(QKeySequence("Alt+Home")), self.tr("Back to your modules")),
            (self.tr("Tab, arrow keys, Enter"), self.tr("Move around and open what is selected")),
            (self.tr("1 to 9, then Enter"), self.tr("In the quiz: pick an answer and confirm it")),
        ]  # fmt: skip
        cells = "".join(
            f"<tr><td><b>{escape(keys)}</b></td><td>{escape(action)}</td></tr>"
            for keys, action in rows
        )
        return f"<table>{cells}</table>"
