"""The picture a baked badge carries: a round seal with the title and the number.

SVG is written as text; PNG is drawn with QtGui (needs a QGuiApplication, see pdf.py).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from kompetenz.certificates.document import CertificateDocument

SIZE = 400
_ACCENT = "#1f4e79"
_INK = "#1b2633"


def badge_svg(document: CertificateDocument) -> str:
    lines = _lines(document)
    texts = "".join(
        f'<text x="200" y="{y}" font-size="{size}" text-anchor="middle" '
        f'font-family="DejaVu Sans, Arial, sans-serif" fill="{_INK}" '
        f'font-weight="{"bold" if bold else "normal"}">{escape(text)}</text>'
        for (text, size, bold), y in zip(lines, (150, 195, 235, 275), strict=False))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
            f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label="{escape(document.title)}">'
            f'<circle cx="200" cy="200" r="190" fill="#ffffff" stroke="{_ACCENT}" '
            f'stroke-width="12"/><circle cx="200" cy="200" r="168" fill="none" '
            f'stroke="{_ACCENT}" stroke-width="3"/>{texts}</svg>\n')


def badge_png(document: CertificateDocument) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(_ACCENT), 12))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QRectF(10, 10, 380, 380))
    painter.setPen(QPen(QColor(_ACCENT), 3))
    painter.drawEllipse(QRectF(32, 32, 336, 336))
    painter.setPen(QColor(_INK))
    for (text, size, bold), y in zip(_lines(document), (150, 195, 235, 275), strict=False):
        font = QFont("DejaVu Sans")
        font.setPixelSize(size)
        font.setBold(bold)
        painter.setFont(font)
        painter.drawText(QRectF(40, y - size, 320, size * 1.4),
                         int(Qt.AlignmentFlag.AlignHCenter), text)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, Qt a str
    buffer.close()
    return bytes(data.data())


def _lines(document: CertificateDocument) -> list[tuple[str, int, bool]]:
    subject = ("KI-Kompetenz" if len(document.modules) != 1
               else document.modules[0].title.split(":")[0])
    return [("Kompetenz", 22, False), (document.title, 20, True), (subject[:28], 20, False),
            (f"Nr. {document.number}", 16, False)]
