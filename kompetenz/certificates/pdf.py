"""The certificate as a one-page A4 PDF/A-1b, with the signed data in its XMP metadata and,
when a PDF key is given, a PDF signature over the whole file (pdfsign.py).

Drawing is separate from writing: `draw_certificate(painter, page_rect, …)` paints onto any
QPainter, so the UI can send the same page to a QPrinter or a print preview. QtGui only.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, qVersion
from PySide6.QtGui import (
    QBitmap,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QRegion,
    QTransform,
)

from kompetenz import __version__
from kompetenz.certificates.document import CertificateDocument, CertificateError
from kompetenz.certificates.keyset import PdfSigningKey
from kompetenz.certificates.layout import PAGE_HEIGHT, PAGE_WIDTH, PageLayout
from kompetenz.certificates.qr import qr_matrix
from kompetenz.certificates.xmp import CertificateMetadata, PdfInfo, build_packet

RESOLUTION = 1200  # dots per inch of the PDF's coordinate grid; text and QR code stay vector
_QT_DATE = re.compile(rb"/CreationDate \(D:(\d{14})")


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one; offscreen on a Unix without a display.

    Keep the returned object alive for as long as you draw.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise CertificateError("Für PDF-Zertifikate wird eine QGuiApplication benötigt.")
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["kompetenz"])


def draw_certificate(
    painter: QPainter, page_rect: QRectF, document: CertificateDocument, signed_text: str
) -> None:
    """Paint the whole certificate into `page_rect`, scaled to fit, keeping A4 proportions."""
    scale = min(page_rect.width() / PAGE_WIDTH, page_rect.height() / PAGE_HEIGHT)
    painter.save()
    painter.translate(
        page_rect.x() + (page_rect.width() - PAGE_WIDTH * scale) / 2,
        page_rect.y() + (page_rect.height() - PAGE_HEIGHT * scale) / 2,
    )
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    layout = PageLayout(painter, document)
    layout.draw(qr_path(signed_text, layout.qr_rect))
    painter.restore()


def qr_path(text: str, rect: QRectF) -> QPainterPath:
    """The QR code's dark modules as one vector outline filling `rect` (quiet zone included).

    One outline rather than thousands of squares: no hairline seams between neighbours when a
    viewer smooths edges, and few calls into Qt.
    """
    rows = qr_matrix(text)
    stride = (len(rows) + 31) // 32 * 4  # QImage lines are 32-bit aligned
    bits = bytearray(stride * len(rows))
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                bits[y * stride + x // 8] |= 0x80 >> (x % 8)
    image = QImage(bytes(bits), len(rows), len(rows), stride, QImage.Format.Format_Mono)
    image.setColorTable([0xFFFFFFFF, 0xFF000000])
    grid = QPainterPath()
    grid.addRegion(QRegion(QBitmap.fromImage(image)))
    cell = min(rect.width(), rect.height()) / len(rows)
    to_page = QTransform.fromScale(cell, cell) * QTransform.fromTranslate(rect.x(), rect.y())
    return to_page.map(grid.simplified())


@contextmanager
def replaced_when_complete(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write into; it replaces `path` only when the block
    finishes, so a half-written PDF never overwrites a good one. An OSError becomes a
    CertificateError that names the file (QPdfWriter itself does not say when it fails)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.touch()
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        raise CertificateError(
            f"Die Datei {path} kann nicht geschrieben werden ({error.strerror})."
        ) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_pdf(path: Path, document: CertificateDocument, signed_text: str,
              pdf_key: PdfSigningKey | None = None) -> None:
    """Write the certificate to `path` (replaced only once the new file is complete), signed
    with `pdf_key` when one is given."""
    from kompetenz.certificates.pdfsign import sign_pdf

    with replaced_when_complete(path) as temporary:
        for _ in range(3):
            created = datetime.now().astimezone().replace(microsecond=0)
            _render(temporary, document, signed_text, created)
            if _qt_creation_stamp(temporary) == created.strftime("%Y%m%d%H%M%S"):
                break  # Qt dated the file in the same second as our XMP: PDF/A wants them equal
        if pdf_key is not None:
            sign_pdf(temporary, pdf_key, f"{document.title} Nr. {document.number}")


def _render(path: Path, document: CertificateDocument, signed_text: str, created: datetime) -> None:
    writer = QPdfWriter(str(path))
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    info = PdfInfo(
        title=f"{document.title} – {document.name}",
        author="Kompetenz",
        creator=f"Kompetenz {__version__}",
        producer=f"Qt {qVersion()}",
        created=created,
    )
    writer.setTitle(info.title)
    writer.setAuthor(info.author)
    writer.setCreator(info.creator)
    metadata = CertificateMetadata(signed_text, document.to_json())
    writer.setDocumentXmpMetadata(QByteArray(build_packet(info, metadata)))
    painter = QPainter()
    if not painter.begin(writer):
        raise CertificateError(f"Die Datei {path} kann nicht geschrieben werden.")
    try:
        draw_certificate(
            painter, QRectF(0, 0, writer.width(), writer.height()), document, signed_text
        )
    finally:
        painter.end()


def _qt_creation_stamp(path: Path) -> str | None:
    match = _QT_DATE.search(path.read_bytes())
    return match.group(1).decode("ascii") if match else None
