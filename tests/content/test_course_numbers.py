"""The bundled course keeps the numbers and rules its authors agreed on.

Five core modules (the short "KI-Grundwissen für alle" among them), each with 5-8 lessons plus
"Quellen", at least 3,000 words of lessons, a quiz pool of at least 15 questions of at least four
GIFT types, feedback on every option, and no web addresses in lessons (sources are named by title,
issuer and date instead); how the quizzes test the objectives is counted in
test_course_objectives.py. The last
part keeps misconceptions listed in the fact sheet (ki-fakten.md, "Häufige Fehlannahmen") out
of the lessons; refutations of them are worded so that they do not repeat the wrong claim.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cache

import pytest

from kompetenz.content.checker import check_content
from kompetenz.content.loader import Course, load_course
from kompetenz.content.model import Lesson, Module
from kompetenz.quiz.gift import read_gift_file
from kompetenz.quiz.model import Choice, Question, QuestionType, TrueFalse
from kompetenz.resources import bundled_content_dir

CORE_MODULES = {"grundwissen", "grundlagen", "unterricht", "ethik-recht", "verwaltung"}
SOURCES_TITLE = "Quellen"
SUMMARY_HEADING = "## Kurz gesagt"
MIN_WORDS = 3000
MIN_QUESTIONS = 15
MIN_TYPES = 4
PASS_PERCENT = 80

# A word: letters or digits, hyphenated compounds ("KI-Verordnung") count once.
WORD = re.compile(r"\w+(?:-\w+)*")
H2 = re.compile(r"^##\s+\S.*$", re.MULTILINE)
WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
OPTION_TYPES = {
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.MISSING_WORD,
    QuestionType.SHORT_ANSWER,
}


@cache
def course() -> Course:
    return load_course([bundled_content_dir()], "de")


@cache
def quiz(module_id: str) -> tuple[Question, ...]:
    module = course().module(module_id)
    assert module is not None
    return tuple(read_gift_file(module.quiz_path))


def module(module_id: str) -> Module:
    found = course().module(module_id)
    assert found is not None, f"module {module_id!r} did not load"
    return found


def lesson_text(lesson: Lesson) -> str:
    return lesson.path.read_text(encoding="utf-8")


def split_lessons(mod: Module) -> tuple[list[Lesson], list[Lesson]]:
    sources = [lesson for lesson in mod.lessons if lesson.title == SOURCES_TITLE]
    others = [lesson for lesson in mod.lessons if lesson.title != SOURCES_TITLE]
    return others, sources


def all_lessons() -> list[Lesson]:
    return [lesson for mod in course().modules for lesson in mod.lessons]


def lesson_id(lesson: Lesson) -> str:
    return f"{lesson.module_id}/{lesson.file_name}"


# --- the course as a whole -------------------------------------------------------------------


def test_exactly_the_core_modules_load_without_failures() -> None:
    loaded = course()
    assert loaded.failures == ()
    assert {m.id for m in loaded.modules} == CORE_MODULES
    assert all(m.core_for for m in loaded.modules)  # each is core for somebody


def test_course_passes_the_content_checker() -> None:
    report = check_content([bundled_content_dir()])
    assert report.problems == []
    assert report.warnings == []
    assert report.modules_checked == len(CORE_MODULES)


def test_question_titles_exist_and_are_unique_across_the_course() -> None:
    titles: Counter[str] = Counter()
    for module_id in sorted(CORE_MODULES):
        for question in quiz(module_id):
            assert question.title, f"{module_id}: question on line {question.line} has no title"
            titles[question.title] += 1
    duplicates = sorted(title for title, count in titles.items() if count > 1)
    assert duplicates == []


# --- per module ------------------------------------------------------------------------------


@pytest.mark.parametrize("module_id", sorted(CORE_MODULES))
def test_module_has_5_to_8_lessons_and_a_sources_lesson_at_the_end(module_id: str) -> None:
    mod = module(module_id)
    others, sources = split_lessons(mod)
    assert 5 <= len(others) <= 8
    assert len(sources) == 1
    assert mod.lessons[-1].title == SOURCES_TITLE


@pytest.mark.parametrize("module_id", sorted(CORE_MODULES))
def test_module_has_at_least_3000_words_outside_the_sources(module_id: str) -> None:
    others, _ = split_lessons(module(module_id))
    words = sum(len(WORD.findall(lesson_text(lesson))) for lesson in others)
    assert words >= MIN_WORDS


@pytest.mark.parametrize("module_id", sorted(CORE_MODULES))
def test_module_has_objectives_and_an_as_of_date(module_id: str) -> None:
    mod = module(module_id)
    assert isinstance(mod.as_of, date)
    assert mod.as_of >= date(2026, 1, 1)
    assert len(mod.objectives) >= 1
    assert all(objective.strip() for objective in mod.objectives)


@pytest.mark.parametrize("module_id", sorted(CORE_MODULES))
def test_quiz_pool_size_types_and_pass_mark(module_id: str) -> None:
    mod = module(module_id)
    questions = quiz(module_id)
    types = {q.type for q in questions}
    assert len(questions) >= MIN_QUESTIONS
    assert len(types) >= MIN_TYPES
    assert QuestionType.ESSAY in types
    assert mod.quiz.pass_percent == PASS_PERCENT


@pytest.mark.parametrize("module_id", sorted(CORE_MODULES))
def test_every_option_and_every_true_false_has_feedback(module_id: str) -> None:
    missing: list[str] = []
    for question in quiz(module_id):
        if question.type in OPTION_TYPES:
            options = question.choices()
            assert options, f"{question.title}: no options"
            assert all(isinstance(choice, Choice) for choice in options)
            for choice in options:
                if not (choice.feedback or "").strip():
                    missing.append(f"{question.title}: {choice.text!r}")
        elif question.type is QuestionType.TRUE_FALSE:
            answer = question.answers
            assert isinstance(answer, TrueFalse)
            if not (answer.wrong_feedback or "").strip():
                missing.append(f"{question.title}: feedback for a wrong answer")
            if not (answer.right_feedback or "").strip():
                missing.append(f"{question.title}: feedback for a right answer")
    assert missing == []


@pytest.mark.parametrize("module_id", sorted(CORE_MODULES))
def test_choice_weights_give_full_marks_only_for_the_right_answers(module_id: str) -> None:
    for question in quiz(module_id):
        fractions = [choice.fraction for choice in question.choices()]
        if question.type is QuestionType.MULTIPLE_CHOICE:
            # The right options add up to 100 %, and ticking everything earns nothing.
            assert sum(f for f in fractions if f > 0) == pytest.approx(1.0, abs=1e-6), (
                question.title
            )
            assert sum(fractions) <= 0, question.title
        elif question.type in {QuestionType.SINGLE_CHOICE, QuestionType.MISSING_WORD}:
            assert max(fractions) == pytest.approx(1.0), question.title


# --- per lesson ------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", all_lessons(), ids=lesson_id)
def test_lesson_starts_with_its_title_and_ends_with_a_summary(lesson: Lesson) -> None:
    text = lesson_text(lesson)
    first_line = next(line for line in text.splitlines() if line.strip())
    assert first_line.startswith("# ")
    second_level = [heading.strip() for heading in H2.findall(text)]
    assert SUMMARY_HEADING in second_level
    assert second_level[-1] == SUMMARY_HEADING


@pytest.mark.parametrize("lesson", all_lessons(), ids=lesson_id)
def test_lesson_contains_no_web_address(lesson: Lesson) -> None:
    # The fact sheet's rule: lessons name sources by title, issuer and date, not by address.
    assert WEB_ADDRESS.findall(lesson_text(lesson)) == []


# --- misconceptions from the fact sheet ------------------------------------------------------

# Any character of the same sentence. A sentence may contain dots in dates ("10.10.2024") and
# abbreviations ("Abs. 3", "u. a.", "z. B."); a dot followed by a capitalised word ends it.
# The lookahead is case-sensitive even though the patterns are searched ignoring case.
_S = r"(?:[^.!?]|\.(?=(?-i:\s?[\da-zäöüß]|\s?[A-Za-z]{1,3}\.)))"
_NOT = r"(?![^.!?]*\b(?:nicht|kein\w*|weder|nie)\b)"  # no negation in the rest of the sentence

# (name, pattern, a wording of the misconception it must catch, corrections it must let pass)
MISCONCEPTIONS: list[tuple[str, str, str, list[str]]] = [
    (
        "ChatGPT 2023",
        rf"\bChatGPT\b{_S}{{0,30}}\b(?:kam|erschien|startete|veröffentlicht\w*)\b{_S}{{0,30}}\b2023\b"
        rf"|\b2023\b{_S}{{0,30}}\b(?:kam|erschien|startete)\b{_S}{{0,15}}\bChatGPT\b",
        "ChatGPT kam 2023 heraus.",
        [
            "ChatGPT startete am 30.11.2022 als kostenlose „research preview“.",
            "Fortbildung „ChatGPT und Co. als Chance, Bildung neu zu denken“ am 13.03.2023.",
        ],
    ),
    (
        "Detektoren zuverlässig",
        r"\b(?:erkenn|entlarv|identifizier)\w*\s+(?:KI-Texte\s+|KI-generierte\s+Texte\s+|sie\s+)?"
        r"(?:zuverlässig|verlässlich|sicher)\b"
        r"|(?<!nicht )(?<!kaum )(?<!nie )\b(?:zuverlässig|verlässlich|sicher)\s+(?:zu\s+)?"
        r"(?:erkennen|entlarven)\b",
        "KI-Detektoren erkennen KI-Texte zuverlässig.",
        [
            "Menschen und Detektoren erkennen KI-Texte nicht zuverlässig.",
            "KI-Texte lassen sich nicht zuverlässig erkennen.",
            "Getestete Detektoren sind weder genau noch zuverlässig.",
        ],
    ),
    (
        "AI Act verbietet KI in Schulen",
        r"\b(?:AI Act|KI-Verordnung|KI-VO)\s+verbiete\w*\s+(?:den\s+Einsatz\s+von\s+)?KI\s+"
        r"(?:in|an)\s+(?:den\s+)?Schulen\b(?!\s+nicht)",
        "Der AI Act verbietet KI in Schulen.",
        ["Die KI-Verordnung verbietet KI in Schulen nicht, sondern ordnet nach Risiko."],
    ),
    (
        "AI Act erst ab 2026",
        r"\b(?:AI Act|KI-Verordnung|KI-VO|Art\. 4|Art\. 5)\s+gilt\s+erst\s+(?:ab|seit)\s+"
        r"(?:dem\s+)?(?:\d{2}\.\d{2}\.)?2026\b",
        "Der AI Act gilt erst ab 2026.",
        ["Art. 4 und Art. 5 gelten seit dem 02.02.2025; Art. 50 gilt ab dem 02.08.2026."],
    ),
    (
        "Zertifikat für jede Lehrkraft",
        rf"(?:\b(?:jede|alle)\s+Lehrkr\w*\s+(?:braucht|brauchen|benötigt|benötigen|muss|müssen)\b"
        rf"|\b(?:braucht|brauchen|benötigt|benötigen|muss|müssen)\s+(?:jede|alle)\s+Lehrkr\w*)"
        rf"{_S}{{0,40}}\b(?:Zertifikat|Prüfung)",
        "Nach Art. 4 braucht jede Lehrkraft ein KI-Zertifikat oder eine Prüfung.",
        ["Ein Zertifikat ist nicht nötig; interne Aufzeichnungen über Schulungen genügen."],
    ),
    (
        "schlägt in einer Datenbank nach",
        rf"\bschläg\w*\s+(?!nicht\b|nichts\b){_S}{{0,40}}\bin\s+einer\s+Datenbank\s+nach\b"
        r"|\bweiß,\s+was\s+wahr\s+ist\b",
        "ChatGPT schlägt Fakten in einer Datenbank nach und weiß, was wahr ist.",
        [
            "Ein Sprachmodell schlägt nicht in einer Datenbank nach.",
            "Ein Chatbot weiß nicht, was wahr ist.",
        ],
    ),
    (
        "immer dieselbe Antwort",
        r"\bimmer\s+(?:wortgleich\s+)?(?:dieselbe|die\s+gleiche|die\s+selbe)\s+Antwort\b",
        "Auf dieselbe Frage kommt immer dieselbe Antwort.",
        ["Dieselbe Frage kann verschiedene Antworten ergeben."],
    ),
    (
        "KI kennt den aktuellen Stand",
        r"\b(?:KI|Modell|Chatbot|Sprachmodell)\s+kennt\s+(?:immer\s+)?den\s+aktuellen\s+Stand\b"
        r"|\bChatbots\s+sind\s+immer\s+auf\s+dem\s+neuesten\s+Stand\b",
        "Die KI kennt den aktuellen Stand der Dinge.",
        ["Ein Modell kennt nur, was bis zum Ende seiner Trainingsdaten vorkam."],
    ),
    (
        "KI-Ergebnis automatisch geschützt",
        r"(?<!nicht )\bautomatisch\s+(?:urheberrechtlich\s+)?geschützt\b",
        "Was die KI erzeugt, ist automatisch urheberrechtlich geschützt und gehört mir.",
        ["Rein KI-generierte Inhalte sind nicht automatisch geschützt."],
    ),
    (
        "Schulbuchseiten hochladen",
        rf"\bSchulb\w+{_S}{{0,60}}\b(?:darf|dürfen)\s+(?:ich\s+|Sie\s+|man\s+)?"
        rf"(?!nicht\b|keine\b){_S}{{0,30}}\bhoch(?:laden|geladen)\b",
        "Schulbuchseiten darf ich in eine KI hochladen, 15 % sind ja erlaubt.",
        [
            "Schulbuchseiten dürfen nicht hochgeladen werden.",
            "Seiten aus Schulbüchern werden nicht hochgeladen. Eigenes Material dürfen Sie hochladen.",
        ],
    ),
    (
        "Löschen macht es in Ordnung",
        rf"\b(?:lösche\w*|Löschen)\b{_S}{{0,40}}\b(?:ist\s+es|ist\s+alles|ist\s+das)\s+"
        r"(?:in\s+Ordnung|erlaubt)\b"
        rf"|\bdarf\s+ich\s+in\s+ChatGPT\s+eingeben\b",
        "Schülernamen und Noten darf ich in ChatGPT eingeben, wenn ich den Chat danach lösche.",
        ["Löschen danach heilt nichts.", "Das Löschen macht die Eingabe nicht rechtmäßig."],
    ),
    (
        "Initialen sind anonym",
        rf"\b(?:Initialen|Kürzel)\b{_S}{{0,40}}\b(?:sind|ist)\s+(?:alles\s+)?anonym\b",
        "Mit Initialen oder ‚Schüler A aus der 7b‘ ist alles anonym.",
        [
            "Initialen oder „Schüler A aus der 7b“ sind nicht anonym.",
            "Initialen machen Daten nicht anonym.",
        ],
    ),
    (
        "verschwiegene KI-Nutzung ist Plagiat",
        rf"\b(?:KI-Nutzung|KI-Einsatz)\b{_S}{{0,40}}\b(?:ist|gilt\s+als)\s+(?:ein\s+)?Plagiat\b",
        "Nicht angegebene KI-Nutzung ist ein Plagiat.",
        [
            "Nicht angegebene KI-Nutzung ist kein Plagiat im eigentlichen Sinne.",
            "Nicht angegebene KI-Nutzung gilt als Täuschungsversuch, nicht als Plagiat.",
        ],
    ),
    (
        "KI in NRW verboten",
        rf"\bIn\s+NRW\s+ist\s+{_NOT}(?:die\s+)?(?:KI-Nutzung|KI|Nutzung\s+von\s+KI)\b"
        rf"{_S}{{0,60}}\bverboten\b"
        rf"|\b(?:KI-Nutzung|KI)\s+ist\s+{_NOT}{_S}{{0,50}}\bin\s+NRW\s+(?:generell\s+)?verboten\b"
        rf"|\bin\s+NRW\b{_NOT}{_S}{{0,40}}\b(?:generell|grundsätzlich)\s+verboten\b",
        "In NRW ist KI-Nutzung durch Schülerinnen und Schüler verboten.",
        [
            "In NRW ist KI nicht verboten, aber die Nutzung muss angegeben werden.",
            "In NRW ist KI an Schulen nicht verboten.",
            "KI-Nutzung ist Schülerinnen und Schülern in NRW nicht generell verboten.",
        ],
    ),
    (
        "Deepfakes verboten",
        r"\bDeepfakes\s+sind\s+(?:durch\s+(?:den\s+AI\s+Act|die\s+KI-Verordnung)\s+)?"
        r"(?:generell\s+|grundsätzlich\s+)?verboten\b",
        "Deepfakes sind durch den AI Act verboten.",
        ["Deepfakes sind grundsätzlich nicht verboten, müssen aber offengelegt werden."],
    ),
    (
        "Emotionserkennung erlaubt fürs Lernen",
        r"\b(?:ist|sind)\s+erlaubt,?\s+wenn\s+(?:sie|es)\s+dem\s+Lernen\s+dient\b",
        "Eine Software, die per Webcam die Stimmung der Klasse misst, ist erlaubt, wenn sie dem"
        " Lernen dient.",
        ["Der Lernzweck ist keine Ausnahme vom Verbot."],
    ),
    (
        "KMK-Empfehlung verbindlich",
        rf"\b(?:KMK-(?:Handlungs)?[Ee]mpfehlung|Empfehlung\s+der\s+KMK|Handlungsempfehlung)\b"
        rf"{_S}{{0,40}}\bist\s+(?:rechtlich\s+)?verbindlich\b",
        "Die KMK-Empfehlung vom 10.10.2024 ist verbindlich.",
        ["Die KMK-Handlungsempfehlung vom 10.10.2024 ist nicht verbindlich."],
    ),
    (
        "Hochrisiko ab 02.08.2026 als feste Tatsache",
        rf"\bHochrisiko\S*{_S}{{0,60}}\bgelten\s+(?:ab|seit)\s+(?:dem\s+)?0?2\.0?8\.2026\b",
        "Die Hochrisiko-Regeln für Bildung gelten ab 2.8.2026.",
        [
            "Die Hochrisiko-Pflichten sollten ursprünglich ab 02.08.2026 gelten; nach dem"
            " Digitalen Omnibus voraussichtlich ab 02.12.2027."
        ],
    ),
    (
        "USA generell erlaubt oder verboten",
        rf"\b(?:Datenübermittlung|Übermittlung)\b{_S}{{0,30}}\bUSA\s+ist\s+"
        r"(?:generell|grundsätzlich)\s+(?:erlaubt|verboten)\b",
        "Datenübermittlung in die USA ist generell erlaubt.",
        ["Datenübermittlung in die USA ist weder generell erlaubt noch generell verboten."],
    ),
    (
        "unbestätigte Broschüren (Nicht bestätigt)",
        r"Revolution\s+der\s+Bildung|Broschüre\s+„?ChatGPT\s+&\s+Co",
        "Die Bezirksregierung Arnsberg gab „ChatGPT & Co – Revolution der Bildung?“ heraus.",
        ["Die RUB bot die Fortbildung „ChatGPT und Co. als Chance, Bildung neu zu denken“ an."],
    ),
]


def _plain(text: str) -> str:
    """Lesson text as running prose: no emphasis markers, one space between words."""
    return " ".join(text.replace("**", "").replace("*", "").split())


@pytest.mark.parametrize(
    ("name", "pattern", "wrong", "corrections"), MISCONCEPTIONS, ids=[m[0] for m in MISCONCEPTIONS]
)
def test_misconception_pattern_catches_the_claim_but_not_its_correction(
    name: str, pattern: str, wrong: str, corrections: list[str]
) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert compiled.search(_plain(wrong)), name
    for correction in corrections:
        assert compiled.search(_plain(correction)) is None, correction


@pytest.mark.parametrize("lesson", all_lessons(), ids=lesson_id)
def test_lesson_states_no_misconception_from_the_fact_sheet(lesson: Lesson) -> None:
    text = _plain(lesson_text(lesson))
    found = []
    for name, pattern, _, _ in MISCONCEPTIONS:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            found.append(f"{name}: …{text[max(0, match.start() - 40) : match.end() + 20]}…")
    assert found == []
