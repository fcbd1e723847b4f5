"""Issuing and exporting certificates from the window.

Issuing records the certificate in the database on the GUI thread (a quick write); drawing
the PDF goes to a worker so the window never freezes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.certificates.portfolio import Portfolio
    from kompetenz.certificates.service import CertificateService, IssuedCertificate
    from kompetenz.ui.main_window import MainWindow


class CertificateFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _service(self) -> CertificateService:
        from kompetenz.certificates.service import CertificateService

        window = self.window
        assert window.store is not None
        return CertificateService(window.store, window.services.course, window.services.data_dir)

    def export_for_module(self, module_id: str) -> None:
        from kompetenz.certificates.document import CertificateError

        window = self.window
        if window.store is None or window.profile is None:
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

    def release(self, number: str) -> None:
        """Show the certificate to the school leadership (completion only, never the score),
        after the learner confirmed what that means."""
        from kompetenz.certificates.document import CertificateError
        from kompetenz.store.errors import StoreError

        window = self.window
        if window.store is None or window.profile is None:
            return
        asked = QMessageBox.question(window, self.tr("Release to school"), self.tr(
            "The school leadership will see your name, role, the modules with completion date "
            "and version, and the certificate number of %1 — never scores, answers, notes or "
            "time. Without a school server, hand in the PDF instead. Release it?"
        ).replace("%1", number))
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service().release(window.profile.id, number)
        except (CertificateError, StoreError) as error:
            QMessageBox.warning(window, self.tr("Release to school"), str(error))
            return
        window.statusBar().showMessage(self.tr("Certificate %1 released.").replace("%1", number))

    def print_issued(self, number: str) -> None:
        from kompetenz.ui.printing import print_certificate

        if (issued := self._issued(number)) is not None:
            print_certificate(self.window, issued.document, issued.signed_text)

    def _issued(self, number: str) -> IssuedCertificate | None:
        """A recorded certificate read back, or None after telling the learner why not."""
        from kompetenz.certificates.document import CertificateError

        if self.window.store is None:
            return None
        try:
            return self._service().issued(number)
        except CertificateError as error:
            QMessageBox.warning(self.window, self.tr("Certificate"), str(error))
            return None

    def _portfolio(self) -> Portfolio | None:
        from kompetenz.certificates.portfolio import build_portfolio

        window = self.window
        if window.store is None or window.profile is None:
            return None
        return build_portfolio(window.store, window.services.course, window.profile.id)

    def export_portfolio(self) -> None:
        """The learner's whole record as one PDF; drawn off the GUI thread."""
        from kompetenz.certificates.portfolio import write_portfolio_pdf

        portfolio = self._portfolio()
        if portfolio is None:
            return
        target = self._ask_target(f"Lernnachweis-{portfolio.name}.pdf")
        if target is None:
            return
        self.window.run_busy(
            self.tr("Creating the learning record…"),
            lambda: write_portfolio_pdf(target, portfolio),
            lambda _: self._on_saved(target),
            self._on_failed,
        )

    def print_portfolio(self) -> None:
        from kompetenz.ui.printing import print_portfolio

        portfolio = self._portfolio()
        if portfolio is not None:
            print_portfolio(self.window, portfolio)

    def _ask_target(self, file_name: str) -> Path | None:
        return self.window.services.dialogs.save_file(
            self.window,
            self.tr("Save certificate"),
            Path.home() / file_name,
            self.tr("PDF files (*.pdf)"),
        )

    def _write_in_background(self, issued: IssuedCertificate, target: Path) -> None:
        from kompetenz.certificates.pdf import write_pdf

        window = self.window
        window.module_page.certificate_button.setEnabled(False)
        document, signed_text = issued.document, issued.signed_text
        window.run_busy(
            self.tr("Creating the certificate…"),
            lambda: write_pdf(target, document, signed_text),
            lambda _: self._on_saved(target),
            self._on_failed,
        )

    def _on_saved(self, target: Path) -> None:
        self.window.module_page.certificate_button.setEnabled(True)
        self.window.statusBar().showMessage(fill(self.tr("Certificate saved: %1"), target), 10000)

    def _on_failed(self, error: Exception) -> None:
        self.window.module_page.certificate_button.setEnabled(True)
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
