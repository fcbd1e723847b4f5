"""Walk the real Kompetenz app from its first start through a quiz and back through AT-SPI only, as
Orca would: find widgets by role and name, press them through their actions, type through
EditableText, move with the keys a screen-reader user presses, listen for announcements.

    /usr/bin/python3 scripts/atspi_walk.py --data-dir EMPTY_DIR [--app COMMAND]

Needs a running X server ($DISPLAY) and a D-Bus session with the AT-SPI bus; scripts/atspi-check
provides both and cleans up. Prints one line per check; exit status 0 only if all passed.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path
from types import FrameType

import pyatspi
from atspi_quiz import QuizWalk
from atspi_tree import (
    KEY_DOWN,
    KEY_RETURN,
    Announcements,
    Failed,
    Report,
    activate_window,
    describe,
    do_action,
    find_all,
    find_app,
    find_one,
    has,
    named,
    poll,
    press_key,
    related,
    showing,
    text_of,
    wait_for,
)

LEARNER = "Erika Muster"
ROLE = "Verwaltung/Sekretariat"
MODULE = "KI-Grundwissen für alle"
LESSON_READ = "Lektion als gelesen markiert."
SEARCH_WORD = "Datenschutz"
# The toolbar's pages: (button, screen, role and name of an object that shows it is built).
TOOLBAR_PAGES = (
    ("Suche", "Suche", "text", "Kurs durchsuchen"),
    ("Mein Fortschritt", "Fortschritt", "push button", "Lernnachweis speichern…"),
    ("Kompetenz-Hilfe", "Hilfe", "label", "Hilfetext"),
)


class Walk:
    """The screens from the welcome page to the module, a lesson, the quiz (atspi_quiz.py)
    and back, with the checks on each."""

    def __init__(self, app: pyatspi.Accessible, report: Report, heard: Announcements) -> None:
        self.app = app
        self.report = report
        self.heard = heard

    def run(self) -> None:
        self.report.skip(
            "push button names against their visible text",
            "Qt's buttons expose no Text interface over AT-SPI, so their visible label cannot "
            "be read; their names are checked for being non-empty",
        )
        self.welcome()
        self.home()
        self.module_page()
        QuizWalk(self).run()
        self.after_quiz()

    def check_names(self, screen: str) -> None:
        # Collected again if an object vanishes meanwhile (a page still being built).
        focusable = wait_for(
            lambda: [obj for obj in showing(self.app) if has(obj, pyatspi.STATE_FOCUSABLE)],
            f"a focusable object on the screen {screen!r}",
        )
        nameless = [describe(obj) for obj in focusable if not obj.name.strip()]
        self.report.check(
            not nameless,
            f"[{screen}] every focusable object on screen has a name",
            f"{len(focusable)} checked" if not nameless else "nameless: " + "; ".join(nameless),
        )

    def welcome(self) -> None:
        field = wait_for(
            lambda: find_one(self.app, "text", named("Ihr Name")), "the welcome page's name field"
        )
        self.check_names("Begrüßung")
        field.queryEditableText().setTextContents(LEARNER)
        self.report.check(
            text_of(field) == LEARNER,
            "[Begrüßung] the name set through EditableText is in the field",
        )
        self.choose_role()
        start = find_one(self.app, "push button", named("Lernen beginnen"))
        if start is None:
            raise Failed("no button 'Lernen beginnen' on the welcome page")
        do_action(start, "Press")

    def choose_role(self) -> None:
        """Open the role box through its action, move with the arrow keys, confirm with Enter."""
        combo = find_one(self.app, "combo box")
        if combo is None:
            raise Failed("no role box on the welcome page")
        labels = [label.name for label in related(combo, pyatspi.RELATION_LABELLED_BY)]
        self.report.check(
            "Rolle:" in labels, "[Begrüßung] the role box is labelled by 'Rolle:'", f"{labels}"
        )
        self.pick_in_combo(combo, ROLE)
        self.report.check(
            combo.name == ROLE, f"[Begrüßung] the role box shows {ROLE!r}", repr(combo.name)
        )

    def pick_in_combo(self, combo: pyatspi.Accessible, wanted: str | None) -> None:
        """Choose `wanted` in the open list (None: the entry below the current one)."""
        do_action(combo, "ShowMenu")
        popup = wait_for(lambda: combo.getChildAtIndex(0), "the list of a combo box")
        if wanted is None:
            press_key(KEY_DOWN)
        for _ in range(popup.childCount):
            items = (popup.getChildAtIndex(index) for index in range(popup.childCount))
            if any(item.name == wanted and has(item, pyatspi.STATE_FOCUSED) for item in items):
                break
            press_key(KEY_DOWN)
        press_key(KEY_RETURN)

    def home(self) -> None:
        item = wait_for(
            lambda: find_one(self.app, "list item", lambda name: name.startswith(f"{MODULE}.")),
            f"the module {MODULE!r} on the home page",
        )
        self.check_names("Startseite")
        self.open_item(item, "Startseite")

    def open_item(self, item: pyatspi.Accessible, screen: str) -> None:
        """Move to a list entry with the arrow keys, as a keyboard user does, and press Enter
        (Qt's list entries offer only a Toggle action, which selects but does not open)."""
        entries = item.parent
        for _ in range(entries.childCount):
            if has(item, pyatspi.STATE_FOCUSED):
                break
            press_key(KEY_DOWN)
        self.report.check(
            has(item, pyatspi.STATE_FOCUSED),
            f"[{screen}] the arrow keys reach {title(item.name)!r} in {entries.name!r}",
        )
        press_key(KEY_RETURN)

    def module_page(self) -> None:
        wait_for(
            lambda: find_one(self.app, "push button", named("Quiz starten")),
            "the module page's button 'Quiz starten'",
        )
        self.report.check(
            find_one(self.app, "label", named(MODULE)) is not None,
            f"[Modulseite] the heading names the module {MODULE!r}",
        )
        self.check_names("Modulseite")
        self.lesson()
        self.press_button("Quiz starten")

    def lesson(self) -> None:
        """The first lesson, opened from the module's list, marked as read, left again."""
        item = wait_for(
            lambda: find_one(self.app, "list item", lambda name: name.startswith("1. ")),
            "the first lesson in the module's list",
        )
        self.open_item(item, "Modulseite")
        mark = wait_for(
            lambda: find_one(self.app, "push button", named("Als gelesen markieren")),
            "the lesson page's button 'Als gelesen markieren'",
        )
        self.check_names("Lektion 1")
        already = len(self.heard.messages)
        do_action(mark, "Press")
        said = poll(lambda: self.heard.messages[already:], timeout=5) or []
        self.report.check(
            LESSON_READ in said, "[Lektion 1] marking the lesson as read is announced", f"{said}"
        )
        self.press_button("Modulübersicht")

    def after_quiz(self) -> None:
        """Back to the module and home: both now show the attempt (and more controls)."""
        self.press_button("Zurück zum Modul")
        wait_for(lambda: find_one(self.app, "label", named(MODULE)), "the module page again")
        self.check_names("Modulseite nach dem Quiz")
        self.press_button("Meine Module")  # the toolbar's way home
        wait_for(lambda: find_one(self.app, "list", named("Ihr Lernpfad")), "the home page again")
        self.check_names("Startseite nach dem Quiz")
        for button, screen, role, name in TOOLBAR_PAGES:
            self.press_button(button)
            page = wait_for(partial(find_one, self.app, role, named(name)), f"{role} {name!r}")
            self.check_names(screen)
            if screen == "Suche":
                self.search(page)

    def search(self, field: pyatspi.Accessible) -> None:
        """A word typed into the search field lists lessons, each named."""
        field.queryEditableText().setTextContents(SEARCH_WORD)
        results = wait_for(
            lambda: find_one(self.app, "list", named("Suchergebnisse")), "the list of results"
        )
        hits = poll(lambda: find_all(results, "list item"), timeout=10) or []
        self.report.check(
            bool(hits), f"[Suche] {SEARCH_WORD!r} finds lessons", f"{len(hits)} entries"
        )
        self.check_names("Suche mit Ergebnissen")

    def press_button(self, name: str) -> None:
        button = wait_for(lambda: find_one(self.app, "push button", named(name)), repr(name))
        do_action(button, "Press")


def title(entry: str) -> str:
    """A list entry's first part: "KI-Grundwissen für alle. 0 von 6 …" → its title."""
    return re.split(r"\.\s|\n", entry, maxsplit=1)[0]


def app_of(process: subprocess.Popen[bytes]) -> pyatspi.Accessible | None:
    if process.poll() is not None:
        raise Failed(f"the app ended with exit status {process.returncode}")
    return find_app(process.pid)


def start_app(command: str, data_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",  # expose the tree though no Orca is running
        KOMPETENZ_DATA_DIR=str(data_dir),
    )
    log = (data_dir.parent / "app.log").open("wb")
    return subprocess.Popen(shlex.split(command), env=env, stdout=log, stderr=subprocess.STDOUT)


def stop_app(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def on_timeout(_signal: int, _frame: FrameType | None) -> None:
    raise Failed("the walk took too long")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="an empty folder")
    parser.add_argument("--app", default=".venv/bin/kompetenz", help="the command to start")
    parser.add_argument("--timeout", type=int, default=100, help="seconds for the whole walk")
    args = parser.parse_args()
    report = Report()
    heard = Announcements()
    heard.listen()  # before the app starts, so Qt sends announcements from the first screen
    process = start_app(args.app, args.data_dir)
    signal.signal(signal.SIGALRM, on_timeout)
    signal.alarm(args.timeout)
    try:
        app = wait_for(lambda: app_of(process), "the app on the accessibility bus", 40)
        # The window may be mapped a moment after the app joined the bus.
        activated = poll(lambda: activate_window(os.environ["DISPLAY"], process.pid), 10)
        report.check(bool(activated), "the app's window is activated")
        Walk(app, report, heard).run()
    except Exception as error:  # Failed, or the app crashed during a D-Bus call
        reason = str(error) if isinstance(error, Failed) else f"{type(error).__name__}: {error}"
        if process.poll() is not None:
            reason += f" (the app had ended with exit status {process.returncode})"
        report.check(False, "the walk stopped early", reason)
    finally:
        signal.alarm(0)
        stop_app(process)
    passed = report.checks - report.failures
    print(f"== AT-SPI check: {passed} of {report.checks} checks passed", flush=True)
    return 0 if report.failures == 0 and report.checks > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
