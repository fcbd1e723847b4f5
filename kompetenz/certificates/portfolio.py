"""A learner's whole record as a multi-page A4 PDF, "Mein Lernnachweis", for a personal portfolio.

Unlike a certificate it is neither signed nor fixed when made: it shows what the store holds
today. `build_portfolio` gathers it as plain data (no Qt); `draw_portfolio` paints the pages
that `portfolio_layout` flows it into, so the PDF file and a print preview show the same pages.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from kompetenz import __version__
from kompetenz.certificates.document import CertificateError, CertificateKind, local_date
from kompetenz.certificates.layout import PAGE_HEIGHT, PAGE_WIDTH
from kompetenz.certificates.portfolio_layout import TITLE, draw_page, portfolio_text
from kompetenz.content.loader import Course
from kompetenz.content.model import Module
from kompetenz.quiz.gift import GiftError, read_gift_file
from kompetenz.quiz.model import QuestionType
from kompetenz.store.records import ROLE_NAMES_DE, AttemptRecord, LessonState, NoteRecord

if TYPE_CHECKING:
    from kompetenz.store import ProgressStore

UNKNOWN_QUESTION = "(Die Frage steht nicht mehr im Kurs.)"


@dataclass(frozen=True)
class Attempt:
    finished_on: date
    score_percent: int  # rounded down, as on a certificate
    passed: bool


@dataclass(frozen=True)
class Writing:
    """The learner's own text: a reflection (`heading`: the essay question) or a note (the
    lesson's title)."""

    heading: str
    text: str
    written_on: date


@dataclass(frozen=True)
class ModuleRecord:
    title: str
    lessons: tuple[tuple[str, date | None], ...]  # title, day it was marked as read
    seconds_spent: float
    pass_percent: float
    attempts: tuple[Attempt, ...]  # finished ones, oldest first
    reflections: tuple[Writing, ...]
    notes: tuple[Writing, ...]

    @property
    def lessons_read(self) -> int:
        return sum(1 for _, day in self.lessons if day is not None)

    @property
    def started(self) -> bool:
        return bool(
            self.lessons_read
            or self.seconds_spent >= 30
            or self.attempts
            or self.reflections
            or self.notes
        )


@dataclass(frozen=True)
class IssuedCertificate:
    number: str
    title: str
    issued_on: date
    modules: tuple[str, ...]  # titles


@dataclass(frozen=True)
class Portfolio:
    name: str
    school: str | None
    role: str
    created_on: date
    modules: tuple[ModuleRecord, ...]  # in course order; modules no longer in the course last
    certificates: tuple[IssuedCertificate, ...]  # oldest first


def build_portfolio(
    store: ProgressStore, course: Course, profile_id: int, *, today: date | None = None
) -> Portfolio:
    """Everything the store holds about the learner, in the order of the course."""
    profile = store.get_profile(profile_id)
    progress = store.module_progress(profile_id)
    attempts, notes = store.attempts(profile_id)[::-1], store.notes(profile_id)
    ids = [m.id for m in course.modules]
    recorded = {a.module_id for a in attempts} | {n.module_id for n in notes} | set(progress)
    ids += sorted(recorded - set(ids))
    modules = tuple(
        _module_record(
            course.module(module_id) or module_id,
            store.lesson_states(profile_id, module_id) if module_id in progress else {},
            [a for a in attempts if a.module_id == module_id],
            [n for n in notes if n.module_id == module_id],
        )
        for module_id in ids
    )
    titles = {m.id: m.title for m in course.modules}
    issued = sorted(store.certificates(profile_id), key=lambda record: record.issued_at)
    kinds = {kind.value: kind.certificate_title for kind in CertificateKind}
    return Portfolio(
        name=profile.name,
        school=profile.school or None,
        role=ROLE_NAMES_DE.get(profile.role, ""),
        created_on=today or date.today(),
        modules=modules,
        certificates=tuple(
            IssuedCertificate(
                r.number,
                kinds.get(r.kind, r.kind),
                local_date(r.issued_at),
                tuple(titles.get(m, m) for m in r.module_ids),
            )
            for r in issued
        ),
    )


def _module_record(
    module: Module | str,
    states: dict[str, LessonState],
    attempts: list[AttemptRecord],
    notes: list[NoteRecord],
) -> ModuleRecord:
    """One module; `module` is only its id when it is no longer in the course."""
    known = module if isinstance(module, Module) else None
    lessons = known.lessons if known else ()
    order = {lesson.file_name: i for i, lesson in enumerate(lessons)}
    read = {name: local_date(s.completed_at) for name, s in states.items() if s.completed_at}
    return ModuleRecord(
        title=known.title if known else f"{module} (nicht mehr im Kurs)",
        lessons=tuple((lesson.title, read.get(lesson.file_name)) for lesson in lessons),
        seconds_spent=sum(state.seconds_spent for state in states.values()),
        pass_percent=known.quiz.pass_percent if known else 0.0,
        attempts=tuple(
            Attempt(
                local_date(a.finished_at), math.floor((a.score_percent or 0) + 1e-9), bool(a.passed)
            )
            for a in attempts
            if a.finished_at is not None
        ),
        reflections=_reflections(known, attempts),
        notes=tuple(
            Writing(
                lessons[order[n.lesson_file]].title if n.lesson_file in order else n.lesson_file,
                n.text,
                local_date(n.updated_at),
            )
            for n in sorted(notes, key=lambda n: (order.get(n.lesson_file, 9999), n.lesson_file))
        ),
    )


def _reflections(module: Module | None, attempts: list[AttemptRecord]) -> tuple[Writing, ...]:
    """The answers to essay questions (ungraded: fraction None), each text once, oldest first."""
    answers = sorted(
        (
            answer
            for attempt in attempts
            for answer in attempt.answers
            if answer.fraction is None
            and isinstance(answer.response, str)
            and answer.response.strip()
        ),
        key=lambda answer: answer.answered_at,
    )
    questions: dict[str, tuple[QuestionType, str]] = {}
    # A quiz file that is gone or broken leaves the question unknown, not the learner's text.
    with contextlib.suppress(OSError, GiftError):
        if answers and module is not None:
            questions = {q.key: (q.type, q.text) for q in read_gift_file(module.quiz_path)}
    seen: set[tuple[str, str]] = set()
    result = []
    for answer in answers:
        kind, question = questions.get(answer.question_key, (QuestionType.ESSAY, UNKNOWN_QUESTION))
        text = str(answer.response).strip()
        if kind is QuestionType.ESSAY and (answer.question_key, text) not in seen:
            seen.add((answer.question_key, text))
            result.append(Writing(question, text, local_date(answer.answered_at)))
    return tuple(result)


def write_portfolio_pdf(path: Path, portfolio: Portfolio) -> int:
    """Write the portfolio to `path`, replaced only once the new file is complete; return the
    number of pages.

    Needs a QGuiApplication (`pdf.ensure_gui_application`); CertificateError (German) on failure.
    """
    from kompetenz.certificates.pdf import replaced_when_complete

    with replaced_when_complete(path) as temporary:
        pages = _render(temporary, portfolio)
    return pages


def _render(path: Path, portfolio: Portfolio) -> int:
    text = portfolio_text(portfolio)
    return render_paged(path, text, f"{TITLE}: {portfolio.name}", portfolio.name,
                        f"{TITLE} · {portfolio.name}")


def render_paged(path: Path, text: QTextDocument, title: str, author: str, footer: str) -> int:
    """Write a paginated text (`portfolio_layout.paged_text`) as an A4 PDF with `footer` and
    page numbers on every page; the portfolio and the school's report use it."""
    from kompetenz.certificates.pdf import RESOLUTION

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator(f"Kompetenz {__version__}")
    painter = QPainter()
    if not painter.begin(writer):
        raise CertificateError(f"Die Datei {path} kann nicht geschrieben werden.")
    try:
        return draw_pages(
            painter, writer, QRectF(0, 0, writer.width(), writer.height()), text, footer
        )
    finally:
        painter.end()


def draw_portfolio(
    painter: QPainter, device: QPagedPaintDevice, page_rect: QRectF, portfolio: Portfolio
) -> int:
    """Paint every page into `page_rect` (device pixels of the whole sheet, as for
    `draw_certificate`), calling `device.newPage()` between pages; return the page count."""
    return draw_pages(painter, device, page_rect, portfolio_text(portfolio),
                      f"{TITLE} · {portfolio.name}")


def draw_pages(painter: QPainter, device: QPagedPaintDevice, page_rect: QRectF,
               text: QTextDocument, footer: str) -> int:
    pages = text.pageCount()
    scale = min(page_rect.width() / PAGE_WIDTH, page_rect.height() / PAGE_HEIGHT)
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.translate(
            page_rect.x() + (page_rect.width() - PAGE_WIDTH * scale) / 2,
            page_rect.y() + (page_rect.height() - PAGE_HEIGHT * scale) / 2,
        )
        painter.scale(scale, scale)
        draw_page(painter, text, index, footer)
        painter.restore()
    return pages
