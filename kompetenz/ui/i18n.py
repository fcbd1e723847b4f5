"""Translations with Qt's own machinery: our .qm files and Qt's qtbase translations."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kompetenz.resources import resource_path

SUPPORTED_LANGUAGES = ("de", "en")


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's translations for `language`; keep the returned objects alive."""
    if language not in SUPPORTED_LANGUAGES:
        language = "de"
    QLocale.setDefault(QLocale(language))
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"kompetenz_{language}", str(resource_path("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    app.setProperty("kompetenz_translators", translators)
    return translators
