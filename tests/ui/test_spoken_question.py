"""The question as a screen reader gets it (its accessible name): found through AT-SPI by
scripts/atspi-check, where "nennt man _____." was read as "nennt man Lücke ." with a space
before the full stop."""

from __future__ import annotations

import pytest

from kompetenz.ui.question_widgets import spoken_question


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        (
            "Eine plausible, aber falsche Aussage nennt man _____.",
            "Eine plausible, aber falsche Aussage nennt man Lücke.",
        ),
        ("Melden binnen _____, sonst Bußgeld?", "Melden binnen Lücke, sonst Bußgeld?"),
        ("_____ ist ein Wortteil.", "Lücke ist ein Wortteil."),
        ("Ein _____ (kurz) ist _____!", "Ein Lücke (kurz) ist Lücke!"),
        ("Keine Lücke hier.", "Keine Lücke hier."),
    ],
)
def test_a_gap_is_spoken_as_a_word_with_the_sentence_s_own_spacing(text: str, spoken: str) -> None:
    assert spoken_question(text, "Lücke") == spoken
