"""How "Mein Lernnachweis" flows onto A4 pages: one paginated QTextDocument, in tenths of a
millimetre like the certificate, with its fonts and colours (`layout.py`). QtGui only.

Qt paginates a QTextDocument by pushing lines down to the next page; two things it lacks are
added here: a heading never closes a page, and a paragraph that goes on over a page break is
split there, so that no line is drawn (clipped away) on two pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from kompetenz.certificates import layout as page

if TYPE_CHECKING:
    from kompetenz.certificates.portfolio import ModuleRecord, Portfolio, Writing

TITLE = "Mein Lernnachweis – Kompetenz"
NOT_A_CERTIFICATE = (
    "Persönliche Übersicht aus der Lernanwendung Kompetenz. Dieses Dokument ist nicht signiert "
    "und kein Zertifikat; als Nachweis dienen die signierten Zertifikate."
)
OVERVIEW = "Modul, Gelesen, Lernzeit, Bestes Ergebnis, Stand"  # widths as Qt sees fit
CERTIFICATES = "Nummer:27%, Art:29%, Ausgestellt am:17%, Module:27%"
BODY_TOP, BODY_BOTTOM, FOOTER_TOP = 200.0, page.PAGE_HEIGHT - 260.0, page.PAGE_HEIGHT - 200.0


def draw_page(painter: QPainter, text: QTextDocument, index: int, footer: str) -> None:
    """Page `index` (from 0) of `text` from `portfolio_text`, with `footer` and "Seite x von y"."""
    size = text.pageSize()
    painter.save()
    painter.translate(page.MARGIN, BODY_TOP - index * size.height())
    # A hair inside the page: Qt also draws what merely touches the clip's edge.
    text.drawContents(
        painter, QRectF(0, index * size.height() + 1, size.width(), size.height() - 2)
    )
    painter.restore()
    _footer(painter, footer, f"Seite {index + 1} von {text.pageCount()}")


def _footer(painter: QPainter, left: str, right: str) -> None:
    painter.setPen(QPen(page.RULE, 2))
    painter.drawLine(
        QPointF(page.MARGIN, FOOTER_TOP), QPointF(page.PAGE_WIDTH - page.MARGIN, FOOTER_TOP)
    )
    painter.setFont(page.font(page.SANS, 8))
    painter.setPen(page.MUTED)
    area = QRectF(page.MARGIN, FOOTER_TOP + 25, page.PAGE_WIDTH - 2 * page.MARGIN, 100)
    room = area.width() - painter.boundingRect(area, page.RIGHT, right).width() - 60
    metrics = painter.fontMetrics()
    painter.drawText(
        area, page.LEFT, metrics.elidedText(left, Qt.TextElideMode.ElideRight, round(room))
    )
    painter.drawText(area, page.RIGHT, right)


def portfolio_text(portfolio: Portfolio) -> QTextDocument:
    """The whole record as one QTextDocument, paginated to the body of the A4 pages."""
    return paged_text(_html(portfolio))


def paged_text(html: str) -> QTextDocument:
    """HTML in the portfolio's fonts and colours, paginated to the body of the A4 pages (also
    the school's report, kompetenz/school/report.py)."""
    text = QTextDocument()
    text.setDocumentMargin(0)
    text.setDefaultFont(page.font(page.SANS, 10))
    text.setDefaultStyleSheet(_STYLE)
    text.setHtml(html)
    text.setPageSize(QSizeF(page.PAGE_WIDTH - 2 * page.MARGIN, BODY_BOTTOM - BODY_TOP))
    text.pageCount()  # lay out completely: Qt relays out right after an edit only then
    _keep_headings_with_next(text)
    _keep_table_rows_together(text)
    _split_blocks_at_page_breaks(text)
    return text


def _page_of(text: QTextDocument, block: QTextBlock, line: int = 0) -> int:
    """The page (from 0) that a line of `block` is on; Qt may push a first line down too."""
    y = text.documentLayout().blockBoundingRect(block).top()
    if line < block.layout().lineCount():
        y += block.layout().lineAt(line).y()
    return int(y // text.pageSize().height())


def _keep_headings_with_next(text: QTextDocument) -> None:
    """Move a heading that would close a page to the next one, with what it introduces."""
    block = text.begin()
    while block.isValid() and block.next().isValid():
        following = block.next()
        if _closes_page(text, block):
            _break_before(following, False)  # a heading moved before goes along now
            _break_before(block, True)  # Qt lays out again from here on
            if block.previous().blockFormat().headingLevel():
                following = block.previous()  # the heading above may now close the page
        block = following


def _closes_page(text: QTextDocument, block: QTextBlock) -> bool:
    """Whether `block` is a heading and what it introduces starts on a later page."""
    if not block.blockFormat().headingLevel():
        return False
    return _page_of(text, block) != _page_of(text, _first_content(block.next()))


def _break_before(block: QTextBlock, wanted: bool) -> None:
    form = block.blockFormat()
    policy = QTextFormat.PageBreakFlag
    if (form.pageBreakPolicy() == policy.PageBreak_AlwaysBefore) != wanted:
        form.setPageBreakPolicy(policy.PageBreak_AlwaysBefore if wanted else policy.PageBreak_Auto)
        QTextCursor(block).setBlockFormat(form)


def _first_content(block: QTextBlock) -> QTextBlock:
    """`block`, or the first cell below the header row if it starts a table with one."""
    table = QTextCursor(block).currentTable()
    if table is None or table.rows() < 2 or table.cellAt(block.position()).row() != 0:
        return block
    return table.cellAt(1, 0).firstCursorPosition().block()


def _keep_table_rows_together(text: QTextDocument) -> None:
    """Move a table row that would start on one page and end on the next to the next page.

    Qt itself only moves a row whose first line does not fit; a row of two lines could show
    a name on one page and its dates on the next. A page break after the row above moves the
    whole row (a break before the row's own cells would move only the cells).
    """
    for table in _tables(text):
        header_rows = table.format().headerRowCount()
        for row in range(header_rows + 1, table.rows()):
            if all(first == last and first.layout().lineCount() == 1
                   for first, last in _cell_blocks(table, row)):
                continue  # one line: Qt moves it itself (most rows of a long record)
            first, last = _row_pages(text, table, row)
            if first != last and _row_height(text, table, row) < text.pageSize().height():
                above = table.cellAt(row - 1, 0).lastCursorPosition().block()
                _break_after(above)  # Qt lays out again from here on


def _tables(text: QTextDocument) -> list[QTextTable]:
    found, frames = [], [text.rootFrame()]
    while frames:
        frame = frames.pop()
        if isinstance(frame, QTextTable):
            found.append(frame)
        frames.extend(frame.childFrames())
    return sorted(found, key=lambda table: table.firstPosition())


def _cell_blocks(table: QTextTable, row: int) -> list[tuple[QTextBlock, QTextBlock]]:
    """The first and last block of each cell in `row`."""
    cells = [table.cellAt(row, column) for column in range(table.columns())]
    return [(cell.firstCursorPosition().block(), cell.lastCursorPosition().block())
            for cell in cells]


def _row_pages(text: QTextDocument, table: QTextTable, row: int) -> tuple[int, int]:
    """The page a row's first line is on and the page its lowest last line is on."""
    blocks = _cell_blocks(table, row)
    return (min(_page_of(text, first) for first, _ in blocks),
            max(_page_of(text, last, last.layout().lineCount() - 1) for _, last in blocks))


def _row_height(text: QTextDocument, table: QTextTable, row: int) -> float:
    layout = text.documentLayout()
    blocks = _cell_blocks(table, row)
    top = min(layout.blockBoundingRect(first).top() for first, _ in blocks)
    return max(layout.blockBoundingRect(last).bottom() for _, last in blocks) - top


def _break_after(block: QTextBlock) -> None:
    form = block.blockFormat()
    form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
    QTextCursor(block).setBlockFormat(form)


def _split_blocks_at_page_breaks(text: QTextDocument) -> None:
    """End a paragraph where its page ends and go on in a new one on the next page.

    Otherwise the line above a page break would be on the next page too, clipped away but
    there to copy: QTextLayout.draw also paints the last line above its clip.
    """
    cuts, block = [], text.begin()
    while block.isValid():
        lines = block.layout()
        cuts += [
            block.position() + lines.lineAt(i).textStart()
            for i in range(1, lines.lineCount())
            if _page_of(text, block, i) != _page_of(text, block, i - 1)
        ]
        block = block.next()
    cursor = QTextCursor(text)
    cursor.beginEditBlock()  # one relayout at the end, not one per cut
    for position in reversed(cuts):  # from the end, so that the earlier positions stay valid
        cursor.setPosition(position)
        cursor.insertBlock()
        rest = cursor.blockFormat()
        rest.setTopMargin(0)
        rest.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        cursor.setBlockFormat(rest)
        head = QTextCursor(cursor.block().previous())
        form = head.blockFormat()
        form.setBottomMargin(0)
        head.setBlockFormat(form)
    cursor.endEditBlock()


def _px(points: float) -> int:
    return round(points * 254 / 72)


_SERIF = ", ".join(f"'{family}'" for family in page.SERIF)
_STYLE = f"""
body {{ color: {page.INK.name()}; }}
h1 {{ font-family: {_SERIF}; font-size: {_px(21)}px; color: {page.ACCENT.name()}; }}
h2 {{ font-family: {_SERIF}; font-size: {_px(15)}px; color: {page.ACCENT.name()};
      margin-top: {_px(22)}px; margin-bottom: {_px(4)}px; }}
h3 {{ font-size: {_px(9)}px; color: {page.MUTED.name()}; margin-top: {_px(12)}px;
      margin-bottom: {_px(3)}px; }}
h4 {{ font-size: {_px(9.5)}px; font-weight: normal; font-style: italic;
      margin-top: {_px(9)}px; margin-bottom: {_px(3)}px; }}
p {{ margin-top: 0; margin-bottom: {_px(3)}px; }}
.small, .date {{ font-size: {_px(8.5)}px; color: {page.MUTED.name()}; font-style: normal; }}
.name {{ font-family: {_SERIF}; font-size: {_px(16)}px; margin-top: {_px(16)}px; }}
.writing {{ margin-left: {_px(10)}px; }}
th {{ font-size: {_px(8)}px; color: {page.MUTED.name()}; text-align: left;
      border-bottom: 4px solid {page.INK.name()}; }}
td {{ border-bottom: 2px solid {page.RULE.name()}; }}
"""


def _html(p: Portfolio) -> str:
    who = " · ".join(escape(part) for part in (p.school, p.role) if part)
    overview = [
        (
            m.title,
            f"{m.lessons_read} von {len(m.lessons)}",
            minutes_text(m.seconds_spent) if m.seconds_spent >= 30 else "–",
            f"{max(a.score_percent for a in m.attempts)}\u00a0%" if m.attempts else "–",
            _state(m),
        )
        for m in p.modules
    ]
    certificates = [
        (c.number, c.title, page.short_date(c.issued_on), ", ".join(c.modules))
        for c in p.certificates
    ]
    parts = [
        f"<p class='small'>KOMPETENZ · KI-KOMPETENZ FÜR SCHULEN</p><h1>{escape(TITLE)}</h1>",
        f"<p class='name'>{escape(p.name)}</p><p>{who}</p>",
        f"<p class='small'>Stand: {page.long_date(p.created_on)}</p>",
        f"<p class='small'>{escape(NOT_A_CERTIFICATE)}</p><h2>Übersicht</h2>",
        html_table(OVERVIEW, overview),
        *(_module_html(m) for m in p.modules if m.started),
        "<h2>Ausgestellte Zertifikate</h2>",
        html_table(CERTIFICATES, certificates, "Noch kein Zertifikat ausgestellt."),
    ]
    return "".join(parts)


def _state(module: ModuleRecord) -> str:
    if any(attempt.passed for attempt in module.attempts):
        return "bestanden"
    return "begonnen" if module.started else "nicht begonnen"


def _module_html(m: ModuleRecord) -> str:
    pass_mark = f"{m.pass_percent:g}".replace(".", ",")
    lessons = [
        (title, f"gelesen am {page.short_date(day)}" if day else "noch nicht gelesen")
        for title, day in m.lessons
    ]
    attempts = [
        (
            str(number),
            page.short_date(a.finished_on),
            f"{a.score_percent}\u00a0%",
            "bestanden" if a.passed else "nicht bestanden",
        )
        for number, a in enumerate(m.attempts, start=1)
    ]
    facts = [
        f"{m.lessons_read} von {len(m.lessons)} Lektionen gelesen" if m.lessons else "",
        f"Lernzeit {minutes_text(m.seconds_spent)}",
        f"Bestehensgrenze {pass_mark}\u00a0%" if m.pass_percent else "",
    ]
    parts = [
        f"<h2>{escape(m.title)}</h2><p>{' · '.join(fact for fact in facts if fact)}</p>",
        "<h3>Lektionen</h3>" + html_table("Lektion:70%, Stand:30%", lessons) if lessons else "",
        "<h3>Wissensüberprüfung</h3>",
        html_table(
            "Versuch:14%, Datum:22%, Ergebnis:18%, Bewertung:46%",
            attempts,
            "Noch kein Versuch abgeschlossen.",
        ),
    ]
    for heading, writings in (("Reflexionen", m.reflections), ("Notizen", m.notes)):
        parts += [f"<h3>{heading}</h3>"] if writings else []
        parts += [_writing_html(writing) for writing in writings]
    return "".join(parts)


def _writing_html(writing: Writing) -> str:
    paragraphs = (block.strip() for block in writing.text.split("\n\n") if block.strip())
    body = "".join(
        f"<p class='writing'>{escape(block).replace(chr(10), '<br>')}</p>" for block in paragraphs
    )
    return (
        f"<h4>{escape(writing.heading)} <span class='date'>· "
        f"{page.short_date(writing.written_on)}</span></h4>{body}"
    )


def html_table(columns: str, rows: Sequence[tuple[str, ...]], empty: str = "") -> str:
    """`columns`: "Title:width%, …", a width only where Qt's own choice does not do; without
    rows the `empty` text instead."""
    if not rows:
        return f"<p>{escape(empty)}</p>"
    head = "".join(
        f"<th width='{width}'>{escape(title)}</th>" if width else f"<th>{escape(title)}</th>"
        for title, _, width in (column.partition(":") for column in columns.split(", "))
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        f"<table width='100%' cellspacing='0' cellpadding='{_px(3)}' "
        f"style='border-collapse: collapse'><thead><tr>{head}</tr></thead>{body}</table>"
    )


def minutes_text(seconds: float) -> str:
    """Learning time as a German reader says it: "42 Min.", "1 Std. 5 Min."."""
    minutes = round(seconds / 60)
    return f"{minutes} Min." if minutes < 60 else f"{minutes // 60} Std. {minutes % 60} Min."
