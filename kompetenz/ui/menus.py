"""The window's menus and toolbar, with the platform's standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from kompetenz.ui.app_dialogs import open_settings, show_about
from kompetenz.ui.help_page import standard_shortcut

if TYPE_CHECKING:
    from kompetenz.ui.main_window import MainWindow


@dataclass(frozen=True)
class Actions:
    """The actions that need a learner's profile; disabled until one is open."""

    home: QAction
    search: QAction
    progress: QAction

    def set_profile_open(self, is_open: bool) -> None:
        for action in (self.home, self.search, self.progress):
            action.setEnabled(is_open)


def _action(
    window: MainWindow,
    text: str,
    name: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | None = None,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None and not shortcut.isEmpty():
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> Actions:
    translate = QCoreApplication.translate
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addAction(
        _action(
            window,
            translate("Menus", "&Switch profile…"),
            "switchProfileAction",
            window.profiles.show_chooser,
        )
    )
    file_menu.addAction(
        _action(
            window,
            translate("Menus", "&Install content pack…"),
            "installPackAction",
            window.packs.install,
        )
    )
    settings = _action(
        window,
        translate("Menus", "&Settings…"),
        "settingsAction",
        lambda: open_settings(window),
        standard_shortcut(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
    )
    settings.setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addAction(settings)
    file_menu.addSeparator()
    quit_action = _action(
        window,
        translate("Menus", "&Quit"),
        "quitAction",
        window.close,
        standard_shortcut(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
    )
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    actions = Actions(
        home=_action(
            window,
            translate("Menus", "My &modules"),
            "homeAction",
            window.show_home,
            QKeySequence("Alt+Home"),
        ),
        search=_action(
            window,
            translate("Menus", "&Search"),
            "searchAction",
            window.show_search,
            standard_shortcut(QKeySequence.StandardKey.Find, "Ctrl+F"),
        ),
        progress=_action(
            window,
            translate("Menus", "My &progress"),
            "progressAction",
            window.show_progress,
            QKeySequence("Ctrl+Shift+P"),
        ),
    )
    view_menu = bar.addMenu(translate("Menus", "&View"))
    for action in (actions.home, actions.search, actions.progress):
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(_action(
        window, translate("Menus", "School &overview (school leadership)"), "schoolAction",
        window.show_school,
    ))

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_action = _action(
        window,
        translate("Menus", "Kompetenz &help"),
        "helpAction",
        window.show_help,
        standard_shortcut(QKeySequence.StandardKey.HelpContents, "F1"),
    )
    help_menu.addAction(help_action)
    about = _action(
        window, translate("Menus", "&About Kompetenz"), "aboutAction", lambda: show_about(window)
    )
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)

    toolbar = QToolBar(translate("Menus", "Navigation"))
    toolbar.setObjectName("navigationToolBar")
    toolbar.setMovable(False)
    descriptions = {
        actions.home: translate("Menus", "My modules"),
        actions.search: translate("Menus", "Search the course"),
        actions.progress: translate("Menus", "My progress"),
        help_action: translate("Menus", "Help"),
    }
    for action, description in descriptions.items():
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleDescription(description)
    window.addToolBar(toolbar)
    actions.set_profile_open(False)
    return actions
