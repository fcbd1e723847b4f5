"""The learning record (Lernnachweis) built and drawn in a child process; certificates and
badge images drawn in one too.

Why a process and not just the worker thread: Python runs one thread at a time. Measured with
the long benchmark history (5,000 attempts, 100,000 answers) on a worker thread, the window
stopped answering for up to 13 s while the PDF was drawn (Qt's painter keeps Python's lock
through each call) and for about 2 s while the record was built (collecting 100,000 ORM
rows). A child process has its own lock; the worker thread that waits for it holds none.

The child opens the store itself (SQLite lets a reader in beside the app's connections) and
is started fresh for each record ("spawn"), so it inherits no Qt or database state.
Certificates and badge images are a page, not a record: they were drawn on the worker thread.
That could hang the app: PySide keeps Python's lock through some Qt calls that take one of
Qt's internal signal locks (`QTextDocument.size()` does), while the GUI thread, destroying a
widget under the same lock, waited for Python's lock (seen once in CI as a hung test). A child
process shares neither lock. This module imports nothing heavy: the child imports it first.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from kompetenz.certificates.document import CertificateDocument
    from kompetenz.certificates.portfolio import Portfolio
    from kompetenz.content.loader import Course
    from kompetenz.school.report import ReportInput

T = TypeVar("T")


@dataclass(frozen=True)
class RecordRequest:
    """Whose record, from which database, over which course (all of it can be pickled)."""

    data_dir: Path
    database_url: str | None
    course: Course
    profile_id: int


def build_record(request: RecordRequest) -> Portfolio:
    """The learning record, built in a child process (blocks the calling worker thread)."""
    return in_child(_build, request)


def export_record(request: RecordRequest, target: Path) -> int:
    """Build the record and write it as a PDF to `target` in a child process; the page count."""
    return in_child(_export, request, target)


def write_certificate_pdf(target: Path, document: CertificateDocument, signed_text: str,
                          data_dir: Path, pdf_key_fingerprint: str) -> None:
    """The certificate as a signed PDF at `target`, drawn and signed in a child process with
    the data folder's PDF key of that fingerprint (keys cannot be pickled; the child reads it)."""
    in_child(_write_certificate, target, document, signed_text, data_dir, pdf_key_fingerprint)


def write_badge_file(target: Path, badge: dict[str, object], document: CertificateDocument) -> None:
    """The signed badge as .json, .svg, or baked into a .png drawn in a child process."""
    in_child(_write_badge, target, badge, document)


def write_school_report(target: Path, report: ReportInput, data_dir: Path) -> int:
    """The school's Art. 4 documentation at `target`: a PDF drawn and signed in a child process
    with the data folder's PDF key (its page count), or the CSV (0). The worker reads the
    store; drawing a big school's PDF on it held the window for the better part of a second."""
    return in_child(_write_school_report, target, report, data_dir)


def in_child(function: Callable[..., T], *arguments: object) -> T:
    """`function(*arguments)` in a fresh child process (both picklable); blocks the caller."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *arguments).result()


# --- what runs in the child -------------------------------------------------------------------


def _build(request: RecordRequest) -> Portfolio:
    from kompetenz.certificates.portfolio import build_portfolio
    from kompetenz.store import open_store

    with open_store(request.data_dir, request.database_url) as store:
        return build_portfolio(store, request.course, request.profile_id)


def _export(request: RecordRequest, target: Path) -> int:
    from kompetenz.certificates.portfolio import write_portfolio_pdf

    with _drawing_into_files():
        return write_portfolio_pdf(target, _build(request))


def _write_certificate(target: Path, document: CertificateDocument, signed_text: str,
                       data_dir: Path, pdf_key_fingerprint: str) -> None:
    from kompetenz.certificates.keyset import pdf_key_with_fingerprint
    from kompetenz.certificates.pdf import write_pdf

    with _drawing_into_files():
        write_pdf(target, document, signed_text,
                  pdf_key_with_fingerprint(data_dir, pdf_key_fingerprint))


def _write_badge(target: Path, badge: dict[str, object], document: CertificateDocument) -> None:
    from kompetenz.certificates.badge_files import write_badge

    with _drawing_into_files():
        write_badge(target, badge, document)


def _write_school_report(target: Path, report: ReportInput, data_dir: Path) -> int:
    from kompetenz.school.report import write_report

    with _drawing_into_files():
        return write_report(target, report, data_dir)


@contextmanager
def _drawing_into_files() -> Iterator[None]:
    """The child's QGuiApplication, alive while it draws: into files only, never on the screen
    the app runs on."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kompetenz.certificates.pdf import ensure_gui_application

    application = ensure_gui_application()
    try:
        yield
    finally:
        del application
