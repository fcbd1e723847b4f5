"""A template ("Vorlage") for the school: shown, printed, or saved as an editable document.

The template is Markdown rendered by the lesson renderer (`content/render.py`, which sanitizes
it like any lesson), then put into a `QTextDocument`. Saving writes that document with Qt's
own `QTextDocumentWriter` as OpenDocument Text (ODT), which LibreOffice and Word open and edit.
Printing goes through Qt's print preview; the page is always light, whatever the app's theme.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument, QTextDocumentWriter
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kompetenz.content.loader import read_lesson_text
from kompetenz.content.model import Module, Template
from kompetenz.content.problems import ContentError
from kompetenz.ui.lesson_document import lesson_css
from kompetenz.ui.printing import document_preview_dialog
from kompetenz.ui.style import is_dark
from kompetenz.ui.text import escape, fill

if TYPE_CHECKING:
    from kompetenz.ui.main_window import MainWindow
    from kompetenz.ui.services import Dialogs

ODT_FORMAT = b"odf"
_HEADING_ID = re.compile(r'(<h[1-6])\s+id="[^"]*"')


def template_document(
    module: Module, template: Template, parent: QWidget, *, dark: bool = False
) -> QTextDocument:
    """The template as a document (in print colours unless `dark`, for a dark screen); a
    notice in the learner's language if it cannot be read."""
    from kompetenz.content.render import render_lesson  # imports Python-Markdown

    document = QTextDocument(parent)
    document.setDefaultStyleSheet(lesson_css(dark))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, template.title)
    try:
        text = read_lesson_text(template.path)
    except ContentError as error:
        notice = QCoreApplication.translate("TemplateDialog", "This template cannot be shown: %1")
        message = fill(notice, error.problems[0])
        document.setHtml(f"<h1>{escape(template.title)}</h1><p>{escape(message)}</p>")
        return document
    rendered = render_lesson(text, template.path, module.folder)
    for uri in rendered.image_uris:  # only files inside the module folder (see render.py)
        image = QImage(QUrl(uri).toLocalFile())
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(uri), image)
    # Heading ids (for links inside a lesson) would become anchors that split the heading into
    # two text runs in the ODT file; a template needs none.
    document.setHtml(_HEADING_ID.sub(r"\1", rendered.html))
    return document


def save_as_odt(document: QTextDocument, path: Path) -> bool:
    """Write `document` as an OpenDocument text file; False if it could not be written.

    Written into memory first, then to a temporary file beside `path` that replaces it in one
    step: a failed write never leaves half a file or destroys the file it was to replace.
    (Qt's ODF writer closes its device, which `QSaveFile` does not allow.)"""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QTextDocumentWriter(buffer, ODT_FORMAT).write(document):
        return False
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(bytes(buffer.data().data()))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


class TemplateDialog(QDialog):
    """The template as the school will get it, with "Print…" and "Save as ODT…"."""

    def __init__(
        self, module: Module, template: Template, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(fill(self.tr("Template: %1"), template.title))
        self.resize(760, 680)
        self.module, self.template, self._dialogs = module, template, dialogs
        # Printed and saved in print colours; on screen in the app's (light or dark) colours.
        self.document = template_document(module, template, self)
        shown = template_document(module, template, self, dark=True) if is_dark() else None
        hint = QLabel(
            self.tr(
                "A template for your school: print it, or save it as an editable document "
                "(ODT, opens in LibreOffice and Word) and adapt it there."
            )
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("templateView")
        self.view.setAccessibleName(fill(self.tr("Template %1"), template.title))
        self.view.setOpenLinks(False)
        self.view.setDocument(shown or self.document)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printTemplateButton")
        self.print_button.setAccessibleDescription(self.tr("Print the template"))
        self.print_button.clicked.connect(self.print_template)
        self.save_button = QPushButton(self.tr("&Save as editable document (ODT)…"))
        self.save_button.setObjectName("saveTemplateButton")
        self.save_button.setAccessibleDescription(
            self.tr("Save the template as an editable document")
        )
        self.save_button.clicked.connect(self.save_template)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def save_template(self) -> Path | None:
        """Ask where, then write the ODT file; the learner is told if it failed."""
        title = fill(self.tr("Save the template „%1“ as an editable document"), self.template.title)
        suggested = Path.home() / f"{Path(self.template.file_name).stem}.odt"
        path = self._dialogs.save_file(self, title, suggested, self.tr("OpenDocument text (*.odt)"))
        if path is None:
            return None
        if path.suffix.lower() != ".odt":
            path = path.with_name(path.name + ".odt")
        if not save_as_odt(self.document, path):
            self._dialogs.inform(
                self,
                title,
                fill(self.tr("The file %1 could not be written. Choose another folder."), path),
            )
            return None
        return path

    def print_template(self) -> None:
        dialog = self.preview_dialog()
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def preview_dialog(self) -> QPrintPreviewDialog:
        """Qt's print preview of the template (apart from `exec()` for tests)."""
        return document_preview_dialog(self, self.document)


def open_template(window: MainWindow, file_name: str) -> TemplateDialog | None:
    """Show a template of the module the learner is in, beside the window (not modal)."""
    module = window.module
    template = (
        next((t for t in module.templates if t.file_name == file_name), None) if module else None
    )
    if module is None or template is None:
        return None
    dialog = TemplateDialog(module, template, window.services.dialogs, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
