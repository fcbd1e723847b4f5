"""Issuing and exporting certificates and the learning record from the window.

Issuing records the certificate in the database on the GUI thread (a quick write); drawing
its PDF and releasing it to the school (a round trip to the school server) are operations on
the window's worker (ui/ops.py). The learning record of a long
history is built and drawn in a child process (ui/record_job.py), so the window keeps
answering while it is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from kompetenz.ui.announce import announce
from kompetenz.ui.lazy_page import is_built
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.certificates.service import CertificateService, IssuedCertificate
    from kompetenz.ui.main_window import MainWindow
    from kompetenz.ui.record_job import RecordRequest


PRELOAD_AFTER_MS = 4000  # once the first screen has settled


class CertificateFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._preload_timer = QTimer(self)
        self._preload_timer.setSingleShot(True)
        self._preload_timer.timeout.connect(self._preload_signing)
        self._preload_timer.start(PRELOAD_AFTER_MS)

    def _preload_signing(self) -> None:
        """Load the PDF signing library on a worker, so that the first export is quick."""
        from kompetenz.certificates.pdfsign import preload
        from kompetenz.ui.background import run_in_background

        run_in_background(preload, lambda _: None, lambda _: None)

    def _service(self) -> CertificateService:
        from kompetenz.certificates.service import CertificateService

        window = self.window
        assert window.session is not None
        return CertificateService(
            window.session.store, window.services.course, window.services.data_dir
        )

    def export_for_module(self, module_id: str) -> None:
        from kompetenz.certificates.document import CertificateError

        window = self.window
        if window.session is None or window.profile is None:
            return
        target = self._ask_target(f"Kompetenz-{module_id}-{window.profile.name}.pdf")
        if target is None:
            return
        try:
            record = self._service().issue(window.profile.id, module_id, "module")
        except CertificateError as error:
            QMessageBox.warning(window, self.tr("Certificate"), str(error))
            return
        if (issued := self._issued(record.number)) is not None:
            self._write_in_background(issued, target)

    def export_again(self, number: str) -> None:
        """An issued certificate, exported again identical in content."""
        target = self._ask_target(f"Kompetenz-{number}.pdf")
        if target is not None and (issued := self._issued(number)) is not None:
            self._write_in_background(issued, target)

    def export_badge(self, number: str) -> None:
        """An issued certificate as an Open Badge: baked into a PNG or SVG image, or JSON."""
        if self._issued(number) is None:
            return
        target = self.window.services.dialogs.save_file(
            self.window, self.tr("Save as Open Badge"), Path.home() / f"Kompetenz-{number}.png",
            self.tr("Open Badge (*.png *.svg *.json)"))
        if target is None:
            return
        if target.suffix.lower() not in (".png", ".svg", ".json"):
            target = target.with_name(target.name + ".png")
        service = self._service()
        self.window.run_busy(
            self.tr("Creating the Open Badge…"),
            lambda: _badge_in_child(service, number, target),
            lambda _: self._on_saved(target),
            self._on_failed,
        )

    def release(self, number: str) -> None:
        """Show the certificate to the school leadership (completion only, never the score),
        after the learner confirmed what that means. On a school server the release is a
        round trip over the network: it runs on the worker."""
        window = self.window
        if window.session is None or window.profile is None:
            return
        question = fill(self.tr(
            "The school leadership will see your name, role, the modules with completion date "
            "and version, and the certificate number of %1 — never scores, answers, notes or "
            "time. Without a school server, hand in the PDF instead. Release it?"
        ), number)
        if not window.services.dialogs.confirm(window, self.tr("Release to school"), question):
            return
        service, profile_id = self._service(), window.profile.id
        window.run_busy(
            fill(self.tr("Releasing certificate %1 to the school…"), number),
            lambda: service.release(profile_id, number),
            lambda _: self._on_released(number),
            self._on_release_failed,
            requester=self,
        )

    def withdraw(self, number: str) -> None:
        """Take a release back: the school leadership no longer sees the certificate."""
        window = self.window
        if window.session is None or window.profile is None:
            return
        question = fill(self.tr(
            "The school leadership will no longer see certificate %1. The certificate itself "
            "stays valid. Withdraw the release?"), number)
        if not window.services.dialogs.confirm(window, self.tr("Withdraw release"), question):
            return
        service, profile_id = self._service(), window.profile.id
        window.run_busy(
            fill(self.tr("Withdrawing the release of certificate %1…"), number),
            lambda: service.withdraw(profile_id, number),
            lambda _: self._on_released(number, released=False),
            lambda error: self._on_release_failed(error, released=False),
            requester=self,
        )

    def _on_released(self, number: str, released: bool = True) -> None:
        text = fill(self.tr("Certificate %1 released.") if released else
                    self.tr("Release of certificate %1 withdrawn."), number)
        self.window.statusBar().showMessage(text, 10000)
        announce(self.window.statusBar(), text)
        if self.window.stack.currentWidget() is self.window.progress_page:
            self.window.show_progress()  # the table's "School" column and the button follow

    def _on_release_failed(self, error: Exception, released: bool = True) -> None:
        window = self.window
        window.statusBar().clearMessage()
        text = fill(self.tr("The certificate was not released: %1") if released else
                    self.tr("The release was not withdrawn: %1"), error)
        announce(window.statusBar(), text, urgent=True)
        window.services.dialogs.inform(window, self.tr("Release to school"), text)

    def print_issued(self, number: str) -> None:
        from kompetenz.ui.printing import print_certificate

        if (issued := self._issued(number)) is not None:
            print_certificate(self.window, issued.document, issued.signed_text)

    def _issued(self, number: str) -> IssuedCertificate | None:
        """A recorded certificate read back, or None after telling the learner why not."""
        from kompetenz.certificates.document import CertificateError

        if self.window.session is None:
            return None
        try:
            return self._service().issued(number)
        except CertificateError as error:
            QMessageBox.warning(self.window, self.tr("Certificate"), str(error))
            return None

    def _record_request(self) -> RecordRequest | None:
        from kompetenz.datadir import database_url_override
        from kompetenz.ui.record_job import RecordRequest

        window = self.window
        if window.session is None:
            return None
        profile_id = window.session.profile.id
        data_dir, course = window.services.data_dir, window.services.course
        return RecordRequest(data_dir, database_url_override(), course, profile_id)

    def export_portfolio(self) -> None:
        """The learner's whole record as one PDF, built and drawn in a child process."""
        from kompetenz.ui.record_job import export_record

        request, window = self._record_request(), self.window
        if request is None or window.profile is None:
            return
        target = self._ask_target(
            f"Lernnachweis-{window.profile.name}.pdf", self.tr("Save learning record")
        )
        if target is None:
            return
        window.run_busy(
            self.tr("Creating the learning record…"),
            lambda: export_record(request, target),
            lambda _: self._on_saved(target, self.tr("Learning record saved: %1")),
            lambda error: self._on_record_failed(
                self.tr(
                    "The learning record could not be saved: %1\n"
                    "Choose another folder and try again."
                ),
                error,
            ),
            requester=self,
        )

    def print_portfolio(self) -> None:
        """The print preview of the record, once a child process has built it."""
        from kompetenz.ui.printing import print_portfolio
        from kompetenz.ui.record_job import build_record

        request, window = self._record_request(), self.window
        if request is not None:
            window.run_busy(
                self.tr("Creating the learning record…"),
                lambda: build_record(request),
                lambda portfolio: print_portfolio(window, portfolio),
                lambda error: self._on_record_failed(
                    self.tr("The learning record could not be created: %1"), error
                ),
                requester=self,
            )

    def _ask_target(self, file_name: str, title: str = "") -> Path | None:
        return self.window.services.dialogs.save_file(
            self.window,
            title or self.tr("Save certificate"),
            Path.home() / file_name,
            self.tr("PDF files (*.pdf)"),
        )

    def _write_in_background(self, issued: IssuedCertificate, target: Path) -> None:
        """Drawn and signed in a child process (see ui/record_job.py for why not here)."""
        from kompetenz.certificates.document import CertificateError
        from kompetenz.ui.record_job import write_certificate_pdf

        window = self.window
        try:
            pdf_key = self._service().pdf_key_for(issued.document)
        except CertificateError as error:
            QMessageBox.warning(window, self.tr("Certificate"), str(error))
            return
        self._enable_certificate_button(False)
        document, signed_text = issued.document, issued.signed_text
        data_dir, fingerprint = window.services.data_dir, pdf_key.fingerprint
        window.run_busy(
            self.tr("Creating the certificate…"),
            lambda: write_certificate_pdf(target, document, signed_text, data_dir, fingerprint),
            lambda _: self._on_saved(target),
            self._on_failed,
            requester=self,
        )

    def _enable_certificate_button(self, enabled: bool) -> None:
        if is_built(self.window, "module_page"):  # reading it would build it
            self.window.module_page.certificate_button.setEnabled(enabled)

    def _on_saved(self, target: Path, message: str = "") -> None:
        self._enable_certificate_button(True)
        text = fill(message or self.tr("Certificate saved: %1"), target)
        self.window.statusBar().showMessage(text, 10000)
        announce(self.window.statusBar(), text)

    def _on_failed(self, error: Exception) -> None:
        self._enable_certificate_button(True)
        self.window.statusBar().clearMessage()
        QMessageBox.warning(
            self.window,
            self.tr("Certificate"),
            fill(
                self.tr(
                    "The certificate could not be saved: %1\nChoose another folder and try again."
                ),
                error,
            ),
        )

    def _on_record_failed(self, message: str, error: Exception) -> None:
        """The learning record is no certificate: its errors say so (issue #17)."""
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, self.tr("Learning record"), fill(message, error))


def _badge_in_child(service: CertificateService, number: str, target: Path) -> None:
    """The badge is signed here (no Qt); its image is drawn in a child process."""
    from kompetenz.ui.record_job import write_badge_file

    write_badge_file(target, service.badge(number), service.issued(number).document)
