"""Walk the real Kompetenz app from its first start to a quiz verdict through AT-SPI only, as
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
COUNTER = re.compile(r"^Frage (\d+) von (\d+)$")
VERDICT = re.compile(r"\b(nicht )?bestanden\b", re.IGNORECASE)
SAVED = "Antwort gespeichert."
RETAKE = "Quiz wiederholen"
SUBMIT_NAMES = ("Antwort bestätigen", "Bestätigen und abschließen", "Weiter")
CHOICE_ROLES = ("radio button", "check box")
INPUT_ROLES = (*CHOICE_ROLES, "text", "combo box")
PLACEHOLDER_CHOICE = "– bitte wählen –"


class Walk:
    """The screens from the welcome page to the verdict, with the checks on each."""

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
        self.quiz()

    def check_names(self, screen: str) -> None:
        focusable = [obj for obj in showing(self.app) if has(obj, pyatspi.STATE_FOCUSABLE)]
        nameless = [describe(obj) for obj in focusable if not obj.name.strip()]
        self.report.check(
            not nameless,
            f"[{screen}] every focusable object on screen has a name",
            f"{len(focusable)} objects" if not nameless else "nameless: " + "; ".join(nameless),
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
        module_list = item.parent
        for _ in range(module_list.childCount):  # the arrow keys, as a keyboard user moves
            if has(item, pyatspi.STATE_FOCUSED):
                break
            press_key(KEY_DOWN)
        self.report.check(
            has(item, pyatspi.STATE_FOCUSED),
            f"[Startseite] the arrow keys reach {MODULE!r} in the list {module_list.name!r}",
        )
        press_key(KEY_RETURN)

    def module_page(self) -> None:
        start = wait_for(
            lambda: find_one(self.app, "push button", named("Quiz starten")),
            "the module page's button 'Quiz starten'",
        )
        self.report.check(
            find_one(self.app, "label", named(MODULE)) is not None,
            f"[Modulseite] the heading names the module {MODULE!r}",
        )
        self.check_names("Modulseite")
        do_action(start, "Press")

    def quiz(self) -> None:
        number = 0
        while True:
            screen = wait_for(partial(self.next_screen, number), "the next question or the verdict")
            counter = COUNTER.match(screen.name)
            if counter is None:
                self.verdict(screen)
                return
            number, total = int(counter.group(1)), int(counter.group(2))
            self.question(number, total, screen.name)

    def next_screen(self, answered: int) -> pyatspi.Accessible | None:
        """The counter once it shows a question after `answered`, or the result page's verdict
        (found by its words, not its focus, so that a verdict without focus fails a check)."""
        labels = find_all(self.app, "label")
        for label in labels:
            counter = COUNTER.match(label.name)
            if counter is not None and int(counter.group(1)) > answered:
                return label
        if find_one(self.app, "push button", named(RETAKE)) is None:
            return None
        return next((label for label in labels if VERDICT.search(label.name)), None)

    def question(self, number: int, total: int, counter: str) -> None:
        screen = f"Frage {number}/{total}"
        focused = [obj for obj in showing(self.app) if has(obj, pyatspi.STATE_FOCUSED)]
        question = focused[0] if focused else None
        self.report.check(
            question is not None and question.description == counter,
            f"[{screen}] the question has the focus and {counter!r} as its description",
            describe(question) if question is not None else "nothing focused",
        )
        self.check_names(screen)
        inputs = [obj for obj in showing(self.app) if obj.getRoleName() in INPUT_ROLES]
        if question is not None and inputs:
            self.check_group(screen, question, inputs[0].parent)
        self.answer(screen, inputs)
        self.submit(screen)

    def check_group(
        self, screen: str, question: pyatspi.Accessible, group: pyatspi.Accessible
    ) -> None:
        """The answers' group says which question they answer: by name, description or a
        labelled-by/described-by relation to the question."""
        spoken = question.name
        ways = []
        if spoken and spoken in group.name:
            ways.append("name")
        if spoken and spoken in group.description:
            ways.append("description")
        relations = (pyatspi.RELATION_LABELLED_BY, pyatspi.RELATION_DESCRIBED_BY)
        question_id = question.get_accessible_id()
        if any(target.get_accessible_id() == question_id for target in related(group, *relations)):
            ways.append("relation to the question")
        self.report.check(
            bool(ways),
            f"[{screen}] the answer group ({group.getRoleName()}) is tied to the question",
            "by " + ", ".join(ways) if ways else f"{describe(group)} has neither",
        )

    def answer(self, screen: str, inputs: list[pyatspi.Accessible]) -> None:
        if not inputs:
            self.report.skip(f"[{screen}] answering", "a text-only item, nothing to answer")
            return
        role = inputs[0].getRoleName()
        if role in CHOICE_ROLES:
            do_action(inputs[0], "Toggle")
            chosen = poll(lambda: has(inputs[0], pyatspi.STATE_CHECKED), timeout=3)
            self.report.check(
                bool(chosen), f"[{screen}] the first {role} is checked", inputs[0].name
            )
        elif role == "text":
            for field in inputs:
                typed = "1" if "Zahl" in field.name else "Eine Antwort"
                field.queryEditableText().setTextContents(typed)
                self.report.check(
                    text_of(field) == typed, f"[{screen}] typed into {field.name!r}", typed
                )
        else:
            for combo in inputs:
                # On Linux Qt names a combo box by its current text; Orca says the label it
                # is labelled by first, so that relation is what ties it to its item.
                labels = [label.name for label in related(combo, pyatspi.RELATION_LABELLED_BY)]
                self.report.check(
                    any(labels), f"[{screen}] a matching box is labelled by its item", f"{labels}"
                )
                self.pick_in_combo(combo, None)
                self.report.check(
                    combo.name not in ("", PLACEHOLDER_CHOICE),
                    f"[{screen}] a choice made in a matching box",
                    repr(combo.name),
                )

    def submit(self, screen: str) -> None:
        button = find_one(self.app, "push button", lambda name: name in SUBMIT_NAMES)
        if button is None:
            raise Failed(f"[{screen}] no button named one of {SUBMIT_NAMES}")
        already = len(self.heard.messages)
        do_action(button, "Press")
        said = poll(lambda: self.heard.messages[already:], timeout=5) or []
        self.report.check(SAVED in said, f"[{screen}] the saved answer is announced", f"{said}")

    def verdict(self, label: pyatspi.Accessible) -> None:
        self.report.check(
            has(label, pyatspi.STATE_FOCUSABLE) and bool(VERDICT.search(label.name)),
            "[Ergebnis] the verdict is a focusable object naming the result",
            repr(label.name),
        )
        self.report.check(
            has(label, pyatspi.STATE_FOCUSED), "[Ergebnis] the verdict has the keyboard focus"
        )
        said = poll(lambda: [text for text in self.heard.messages if VERDICT.search(text)], 5)
        self.report.check(
            label.name in (said or []), "[Ergebnis] the verdict is announced", f"{said}"
        )
        self.check_names("Ergebnis")


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
        report.check(
            activate_window(os.environ["DISPLAY"], process.pid), "the app's window is activated"
        )
        Walk(app, report, heard).run()
    except Failed as failure:
        report.check(False, "the walk reached the verdict", str(failure))
    finally:
        signal.alarm(0)
        stop_app(process)
    passed = report.checks - report.failures
    print(f"== AT-SPI check: {passed} of {report.checks} checks passed", flush=True)
    return 0 if report.failures == 0 and report.checks > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
