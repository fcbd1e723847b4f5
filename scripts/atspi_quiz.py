"""The quiz part of the AT-SPI walk (scripts/atspi_walk.py): every question answered as a
screen-reader user would, through actions, EditableText and keys, then the verdict.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

import pyatspi
from atspi_tree import (
    KEY_1,
    KEY_RETURN,
    Failed,
    describe,
    do_action,
    find_all,
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

if TYPE_CHECKING:
    from atspi_walk import Walk

COUNTER = re.compile(r"^Frage (\d+) von (\d+)$")
VERDICT = re.compile(r"\b(nicht )?bestanden\b", re.IGNORECASE)
SAVED = "Antwort gespeichert."
ANSWER_FIRST = "Bitte antworten Sie zuerst."
RETAKE = "Quiz wiederholen"
SUBMIT_NAMES = ("Antwort bestätigen", "Bestätigen und abschließen", "Weiter")
CHOICE_ROLES = ("radio button", "check box")
INPUT_ROLES = (*CHOICE_ROLES, "text", "combo box")
PLACEHOLDER_CHOICE = "– bitte wählen –"
PAUSE = "Quiz unterbrechen"
RESUME = "Quiz fortsetzen"
PAUSE_AFTER = 2  # the quiz is left after this question and resumed


class QuizWalk:
    """From the first question to the verdict; the checks go to the walk's report."""

    def __init__(self, walk: Walk) -> None:
        self.walk = walk
        self.app = walk.app
        self.report = walk.report
        self.heard = walk.heard

    def run(self) -> None:
        number = 0
        while True:
            screen = wait_for(partial(self.next_screen, number), "the next question or the verdict")
            counter = COUNTER.match(screen.name)
            if counter is None:
                self.verdict(screen)
                return
            number, total = int(counter.group(1)), int(counter.group(2))
            self.question(number, total, screen.name)
            if number == PAUSE_AFTER < total:
                self.pause_and_resume(number + 1, total)

    def pause_and_resume(self, following: int, total: int) -> None:
        """Leave the quiz with its pause button and come back through the module page."""
        self.walk.press_button(PAUSE)
        resume = wait_for(
            lambda: find_one(self.app, "push button", lambda name: name.startswith(RESUME)),
            f"the module page's button {RESUME!r}",
        )
        self.walk.check_names("Modulseite, Quiz unterbrochen")
        self.report.check(
            resume.name.endswith(f"Frage {following} von {total}"),
            "[Modulseite, Quiz unterbrochen] the button names where the quiz goes on",
            repr(resume.name),
        )
        do_action(resume, "Press")

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
        self.walk.check_names(screen)
        inputs = [obj for obj in showing(self.app) if obj.getRoleName() in INPUT_ROLES]
        if question is not None and inputs:
            self.check_group(screen, question, inputs[0].parent)
        if number == 1 and inputs:
            self.submit_unanswered(screen, counter)
        # Every third choice question is answered with the quiz's keys: 1 picks, Enter confirms.
        by_keys = number % 3 == 0 and bool(inputs) and inputs[0].getRoleName() in CHOICE_ROLES
        self.answer(screen, inputs, by_keys)
        self.submit(screen, by_keys)

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

    def answer(self, screen: str, inputs: list[pyatspi.Accessible], by_keys: bool) -> None:
        if not inputs:
            self.report.skip(f"[{screen}] answering", "a text-only item, nothing to answer")
            return
        role = inputs[0].getRoleName()
        if role in CHOICE_ROLES:
            if by_keys:
                press_key(KEY_1)
            else:
                do_action(inputs[0], "Toggle")
            chosen = poll(lambda: has(inputs[0], pyatspi.STATE_CHECKED), timeout=3)
            how = "the key 1" if by_keys else "its Toggle action"
            self.report.check(
                bool(chosen), f"[{screen}] the first {role} is checked by {how}", inputs[0].name
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
                self.walk.pick_in_combo(combo, None)
                self.report.check(
                    combo.name not in ("", PLACEHOLDER_CHOICE),
                    f"[{screen}] a choice made in a matching box",
                    repr(combo.name),
                )

    def submit_unanswered(self, screen: str, counter: str) -> None:
        """Confirming with nothing chosen keeps the question and says so at once."""
        already = len(self.heard.said)
        do_action(self.submit_button(screen), "Press")
        said = poll(
            lambda: [message for message, assertive in self.heard.said[already:] if assertive],
            timeout=5,
        )
        self.report.check(
            ANSWER_FIRST in (said or []),
            f"[{screen}] confirming with nothing chosen is announced assertively",
            f"{said}",
        )
        self.report.check(
            find_one(self.app, "label", named(counter)) is not None,
            f"[{screen}] the question stays until it is answered",
        )

    def submit_button(self, screen: str) -> pyatspi.Accessible:
        button = find_one(self.app, "push button", lambda name: name in SUBMIT_NAMES)
        if button is None:
            raise Failed(f"[{screen}] no button named one of {SUBMIT_NAMES}")
        return button

    def submit(self, screen: str, by_keys: bool) -> None:
        already = len(self.heard.messages)
        if by_keys:
            press_key(KEY_RETURN)
        else:
            do_action(self.submit_button(screen), "Press")
        said = poll(lambda: self.heard.messages[already:], timeout=5) or []
        how = "Enter" if by_keys else "the button's Press action"
        self.report.check(
            SAVED in said, f"[{screen}] the answer confirmed by {how} is announced", f"{said}"
        )

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
        self.walk.check_names("Ergebnis")
