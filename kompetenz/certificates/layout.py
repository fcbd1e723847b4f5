"""Where everything stands on the certificate page; drawn in tenths of a millimetre on A4."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTextDocument

from kompetenz.certificates.details import MEASURE_LINE, fact_rows
from kompetenz.certificates.document import CertificateDocument, CertificateKind
from kompetenz.certificates.signing import format_fingerprint

PAGE_WIDTH = 2100.0
PAGE_HEIGHT = 2970.0
MARGIN = 230.0
QR_SIZE = 370.0  # 37 mm including the quiet zone
FOOTER_BOTTOM = 180.0  # the QR code's lower edge, 18 mm above the page's

INK = QColor("#1b2633")
MUTED = QColor("#5a6573")
ACCENT = QColor("#1f4e79")
RULE = QColor("#b9c3cd")

SERIF = ["Source Serif 4", "Georgia", "Cambria", "DejaVu Serif", "Times New Roman", "serif"]
SANS = ["Source Sans 3", "Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica", "Arial"]
# For the learning objectives, where many words must fit: narrower where the system has it.
NARROW = ["Source Sans 3", "Segoe UI", "Noto Sans", "DejaVu Sans Condensed", "Liberation Sans "
          "Narrow", "Arial Narrow", *SANS]
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
VERIFY_LINE = "Prüfen: kompetenz certificate verify <Datei> – oder QR-Code scannen"
WRAP = int(Qt.TextFlag.TextWordWrap)
LEFT = int(Qt.AlignmentFlag.AlignLeft)
RIGHT = int(Qt.AlignmentFlag.AlignRight)
CENTER = int(Qt.AlignmentFlag.AlignHCenter)


def font(families: Sequence[str], size_pt: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setFamilies(list(families))
    result.setPixelSize(round(size_pt * 254 / 72))  # points → tenths of a millimetre
    result.setBold(bold)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    for ligatures in ("liga", "clig"):  # "offline", not "oﬄine", when the text is copied
        result.setFeature(QFont.Tag(ligatures), 0)
    return result


def long_date(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def hours(value: float) -> str:
    return f"{value:g}".replace(".", ",") + "\u00a0Std."


class PageLayout:
    """Draws one certificate top to bottom; the footer is anchored to the bottom edge."""

    def __init__(self, painter: QPainter, document: CertificateDocument) -> None:
        self.painter = painter
        self.doc = document
        self.left = MARGIN
        self.width = PAGE_WIDTH - 2 * MARGIN
        self.footer_top = PAGE_HEIGHT - FOOTER_BOTTOM - QR_SIZE + 20
        self.qr_rect = QRectF(PAGE_WIDTH - MARGIN - QR_SIZE + 20, self.footer_top - 20,
                              QR_SIZE, QR_SIZE)

    def draw(self, qr: QPainterPath) -> None:
        self._frame()
        y = self._heading(MARGIN)
        y = self._learner(y + 70)
        y = self._table(y + 50)
        y = self._facts(y + 30)
        self._objectives(y + 45, self.footer_top - 50)
        self._footer(qr)

    def text(self, y: float, text: str, face: QFont, color: QColor = INK, align: int = LEFT,
             x: float | None = None, width: float | None = None) -> float:
        """Draw wrapped text from `y`; return the y below it."""
        rect = QRectF(self.left if x is None else x, y, width or self.width, 10_000)
        self.painter.setFont(face)
        self.painter.setPen(color)
        used = self.painter.boundingRect(rect, align | WRAP, text)
        self.painter.drawText(rect, align | WRAP, text)
        return y + used.height()

    def measure(self, text: str, face: QFont, width: float) -> float:
        self.painter.setFont(face)
        return self.painter.boundingRect(QRectF(0, 0, width, 10_000), LEFT | WRAP, text).height()

    def rule(self, y: float, color: QColor, weight: float, x: float | None = None,
             width: float | None = None) -> None:
        self.painter.setPen(QPen(color, weight))
        start = self.left if x is None else x
        self.painter.drawLine(QPointF(start, y), QPointF(start + (width or self.width), y))

    def _frame(self) -> None:
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.setPen(QPen(ACCENT, 6))
        self.painter.drawRect(QRectF(110, 110, PAGE_WIDTH - 220, PAGE_HEIGHT - 220))
        self.painter.setPen(QPen(ACCENT, 2))
        self.painter.drawRect(QRectF(130, 130, PAGE_WIDTH - 260, PAGE_HEIGHT - 260))

    def _heading(self, y: float) -> float:
        small = font(SANS, 8)
        self.text(y, "KOMPETENZ · KI-KOMPETENZ FÜR SCHULEN", small, MUTED)
        self.text(y, f"Nr. {self.doc.number}", small, MUTED, RIGHT)
        y = self.text(y + 100, self.doc.title, font(SERIF, 24, bold=True), ACCENT, CENTER)
        self.rule(y + 25, ACCENT, 5, PAGE_WIDTH / 2 - 200, 400)
        return self.text(y + 60, MEASURE_LINE, font(SANS, 9), MUTED, CENTER)

    def _learner(self, y: float) -> float:
        y = self.text(y, "Hiermit wird bescheinigt, dass", font(SANS, 10.5), INK, CENTER)
        size = 24.0
        while size > 14 and self._text_width(self.doc.name, font(SERIF, size)) > self.width:
            size -= 1
        y = self.text(y + 40, self.doc.name, font(SERIF, size), INK, CENTER)
        if self.doc.school:
            y = self.text(y + 10, self.doc.school, font(SANS, 11), MUTED, CENTER)
        sentence = ("die folgenden Module erfolgreich abgeschlossen hat, darunter alle "
                    "Pflichtmodule:" if self.doc.kind is CertificateKind.FULL
                    else "das folgende Modul zur KI-Kompetenz erfolgreich abgeschlossen hat:")
        return self.text(y + 45, sentence, font(SANS, 10.5), INK, CENTER)

    def _text_width(self, text: str, face: QFont) -> float:
        self.painter.setFont(face)
        return self.painter.boundingRect(QRectF(0, 0, 100_000, 1000), LEFT, text).width()

    def _table(self, y: float) -> float:
        columns = (self.width - 730, 310, 210, 210)
        xs = [self.left + sum(columns[:i]) for i in range(4)]
        header = font(SANS, 8, bold=True)
        labels = ("Modul", "Abgeschlossen am", "Ergebnis", "Umfang")
        for i, label in enumerate(labels):
            self.text(y, label, header, MUTED, LEFT if i == 0 else RIGHT, xs[i], columns[i])
        y += self.measure("Modul", header, columns[0]) + 20
        self.rule(y, INK, 4)
        body = font(SANS, 10)
        for module in self.doc.modules:
            cells = (module.title, short_date(module.completed_on),
                     f"{module.score_percent}\u00a0%", hours(module.workload_hours))
            bottom = y
            for i, cell in enumerate(cells):
                bottom = max(bottom, self.text(y + 15, cell, body, INK, LEFT if i == 0 else RIGHT,
                                               xs[i], columns[i] - (30 if i == 0 else 0)))
            version = f"Inhaltsversion {module.version} · Stand {short_date(module.as_of)}"
            bottom = max(bottom, self.text(bottom + 2, version, font(SANS, 7.5), MUTED, LEFT,
                                           xs[0], columns[0] - 30))
            y = bottom + 15
            self.rule(y, RULE, 2)
        if len(self.doc.modules) > 1:
            bold = font(SANS, 10, bold=True)
            self.text(y + 20, "Gesamtumfang", bold, INK, LEFT, xs[0], columns[0])
            y = self.text(y + 20, hours(self.doc.total_hours), bold, INK, RIGHT, xs[3],
                          columns[3]) + 20
            self.rule(y, INK, 4)
        note = ("Ergebnis: bestes Ergebnis der bestandenen Wissensüberprüfung. "
                "Umfang: nomineller Arbeitsaufwand in Zeitstunden.")
        return self.text(y + 20, note, font(SANS, 7.5), MUTED)

    def _facts(self, y: float) -> float:
        rows = [("Format", self.doc.format_line)]
        rows += fact_rows(self.doc.details, self.doc.total_hours, hours(self.doc.total_hours))
        label_face, text_face = font(SANS, 9, bold=True), font(SANS, 9)
        indent = max(self._text_width(label, label_face) for label, _ in rows) + 40
        for label, text in rows:
            self.text(y, label, label_face, MUTED)
            y = self.text(y, text, text_face, INK, LEFT, self.left + indent,
                          self.width - indent) + 8
        return y

    def _objectives(self, top: float, bottom: float) -> None:
        """The learning objectives: a list if it fits, else running text, in the largest size
        that fits above the footer."""
        several = len(self.doc.modules) > 1
        intro = ("Lernziele – nach Abschluss der Module können Teilnehmende:" if several
                 else "Lernziele – nach Abschluss können Teilnehmende:")
        top = self.text(top, intro, font(SANS, 9, bold=True), ACCENT) + 15
        styles = [(size, False) for size in (9.5, 9.0, 8.5, 8.0)]
        styles += [(size, True) for size in (8.5, 8.0, 7.5, 7.0, 6.5, 6.0)]
        for size, running in styles:
            text = self._objectives_text(size, running)
            if top + text.size().height() <= bottom:
                break
        self.painter.save()
        self.painter.translate(self.left, top)
        text.drawContents(self.painter)
        self.painter.restore()

    def _objectives_text(self, size: float, running: bool) -> QTextDocument:
        gap = round(size * 254 / 72 * 0.5)
        parts = []
        for module in self.doc.modules:
            title = escape(module.title)
            if running:
                body = "; ".join(escape(text.rstrip(".")) for text in module.objectives)
                parts.append(f'<p style="margin-bottom:{gap}px; line-height:92%">'
                             f"<b>{title}:</b> {body}</p>")
                continue
            if len(self.doc.modules) > 1:
                parts.append(f"<p><b>{title}</b></p>")
            items = "".join(f'<li style="margin-bottom:{gap // 3}px">{escape(text)}</li>'
                            for text in module.objectives)
            parts.append(f'<ul style="margin-bottom:{gap}px">{items}</ul>')
        text = QTextDocument()
        text.setDefaultFont(font(NARROW if running else SANS, size))
        text.setDocumentMargin(0)
        text.setIndentWidth(45)
        text.setDefaultStyleSheet(f"body {{ color: {INK.name()}; }}")
        text.setHtml("".join(parts))
        text.setTextWidth(self.width)
        return text

    def _footer(self, qr: QPainterPath) -> None:
        self.rule(self.footer_top - 30, RULE, 2)
        width = self.qr_rect.left() - self.left - 40
        label, value = font(SANS, 8, bold=True), font(SANS, 10)
        rows = ((("Ausgestellt am", long_date(self.doc.issued_on)),
                 ("Zertifikatsnummer", self.doc.number)),
                (("Inhaltlicher Stand", short_date(self.doc.as_of)),
                 ("Signaturschlüssel (Ed25519)", format_fingerprint(self.doc.key_fingerprint))))
        y = self.footer_top + 20
        for row in rows:
            bottom = y
            for column, (caption, text) in enumerate(row):
                x = self.left + column * width / 2
                below = self.text(y, caption, label, MUTED, LEFT, x, width / 2)
                bottom = max(bottom, self.text(below + 5, text, value, INK, LEFT, x, width / 2))
            y = bottom + 45
        y = self.text(y + 10, VERIFY_LINE, font(SANS, 8.5, bold=True), ACCENT, LEFT,
                      self.left, width)
        self.text(y + 10, "Erstellt und elektronisch signiert mit der Lernanwendung Kompetenz.",
                  font(SANS, 7.5), MUTED, LEFT, self.left, width)
        self.painter.fillPath(qr, INK)
