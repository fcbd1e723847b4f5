"""Installing a trainer's content pack from the menu, checked and unpacked off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.ui.main_window import MainWindow


class PackFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def install(self) -> None:
        from kompetenz.content.pack_install import install_pack
        from kompetenz.resources import bundled_content_dir

        window = self.window
        path = window.services.dialogs.open_file(
            window,
            self.tr("Install content pack"),
            self.tr("Kompetenz content packs (*.kompetenz)"),
        )
        if path is None:
            return
        data_dir = window.services.data_dir
        window.run_busy(
            self.tr("Checking and installing the content pack…"),
            lambda: install_pack(path, data_dir, [bundled_content_dir()]),
            self._on_installed,
            self._on_failed,
            requester=self,
        )

    def _on_installed(self, result: object) -> None:
        from kompetenz.content.loader import load_course

        window = self.window
        services = window.services
        window.set_course(load_course(services.content_roots, cache_dir=services.data_dir))
        window.statusBar().clearMessage()
        services.dialogs.inform(
            window, self.tr("Content pack"), self.tr("The content pack was installed.")
        )
        window.show_home()

    def _on_failed(self, error: Exception) -> None:
        window = self.window
        window.statusBar().clearMessage()
        problems = getattr(error, "problems", None) or []
        details = "\n".join(str(p) for p in problems[:10])
        window.services.dialogs.inform(
            window,
            self.tr("Content pack"),
            fill(self.tr("The content pack was not installed. Nothing was changed.\n%1"), error)
            + (f"\n\n{details}" if details else ""),
        )
