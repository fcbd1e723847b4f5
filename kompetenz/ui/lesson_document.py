"""The `QTextDocument` of a lesson, built apart from the view that shows it.

A lesson is built into a new document and swapped into the view (`ReadingView.show_document`)
rather than poured into the view's own with `setHtml`: the next lesson can then be built while
the learner still reads this one, and the view never shows an empty document in between (which
hid the scroll bar and laid the lesson out twice, once for each width).

Images are decoded once and handed to each document that shows them: Qt would read and decode
every image again for each new document.
"""

from __future__ import annotations

import os
import string
from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument, QTextOption

MAX_IMAGE_BYTES = 64 * 1024 * 1024  # decoded; a few long lessons' worth

_LESSON_CSS = """
body { line-height: 150%; }
h1 { font-size: 170%; } h2 { font-size: 135%; margin-top: 18px; } h3 { font-size: 115%; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid $rule; padding: 4px 8px; }
th { background-color: $head; }
table.box { border: 1px solid $note_rule; background-color: $note; }
table.warning, table.danger { border: 1px solid #c9a227; background-color: $warn; }
table.tip, table.example { border: 1px solid #4f9a66; background-color: $tip; }
table.box td { border: none; }
code, pre { font-family: monospace; background-color: $code; }
"""
# The lesson HTML cannot use the palette, so its few colours come in a light and a dark set.
_LESSON_COLOURS = {
    False: {
        "rule": "#b8c2cc",
        "head": "#e9eef3",
        "note_rule": "#8aa4bf",
        "note": "#eef4fa",
        "warn": "#fdf6e3",
        "tip": "#eef7f0",
        "code": "#f3f3f3",
    },
    True: {
        "rule": "#4a4f58",
        "head": "#2b2e35",
        "note_rule": "#4d6a8a",
        "note": "#1e2a38",
        "warn": "#3a321a",
        "tip": "#1d3325",
        "code": "#2b2e35",
    },
}


def lesson_css(dark: bool) -> str:
    return string.Template(_LESSON_CSS).substitute(_LESSON_COLOURS[dark])


class ImageCache:
    """Decoded lesson images by `file:` URI; an image whose file changed is decoded again."""

    def __init__(self, max_bytes: int = MAX_IMAGE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._images: OrderedDict[str, tuple[tuple[int, int], QImage]] = OrderedDict()

    def image(self, uri: str) -> QImage | None:
        path = QUrl(uri).toLocalFile()
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return None
        stamp = (info.st_mtime_ns, info.st_size)
        kept = self._images.get(uri)
        if kept is not None and kept[0] == stamp:
            self._images.move_to_end(uri)
            return kept[1]
        image = QImage(path)
        if image.isNull():
            return None  # not an image Qt can read: the view shows its placeholder, as before
        self._images[uri] = (stamp, image)
        self._trim()
        return image

    def _trim(self) -> None:
        total = sum(image.sizeInBytes() for _, image in self._images.values())
        while total > self.max_bytes and len(self._images) > 1:
            _, (_, oldest) = self._images.popitem(last=False)
            total -= oldest.sizeInBytes()


def build_document(
    html: str,
    image_uris: Iterable[str],
    images: ImageCache,
    *,
    style_sheet: str,
    font: QFont,
    like: QTextDocument,
    parent: QObject,
) -> QTextDocument:
    """A document holding `html`, set up as the view's own (`like`) but not yet laid out:
    layout happens once, for the view's width, when the view shows it."""
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(font)
    document.setDocumentMargin(like.documentMargin())
    document.setDefaultTextOption(QTextOption(like.defaultTextOption()))
    document.setDefaultStyleSheet(style_sheet)
    for uri in image_uris:
        image = images.image(uri)
        if image is not None:
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(uri), image)
    document.setHtml(html)
    return document
