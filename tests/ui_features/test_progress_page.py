"""The progress page, over a real store: what a learner reads there, and the re-export button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from kompetenz.content.loader import Course
from kompetenz.learning.session import progress_view
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore
from kompetenz.ui.charts import LessonBarsChart, ScoreChart
from kompetenz.ui.progress_page import ProgressPage, duration_text

AttemptRecorder = Callable[[ProfileRecord, str, float, bool], None]


def make_page(qtbot, course: Course) -> ProgressPage:  # type: ignore[no-untyped-def]
    page = ProgressPage(course)
    qtbot.addWidget(page)
    page.resize(800, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def label_texts(page: ProgressPage, name: str) -> list[str]:
    """The texts of the labels the learner sees (new labels show on the next event loop turn)."""
    QCoreApplication.processEvents()
    return [label.text() for label in page.findChildren(QLabel, name) if label.isVisible()]


def test_lessons_scores_and_certificates_are_written_out(
    qtbot,  # type: ignore[no-untyped-def]
    course: Course,
    progress_store: ProgressStore,
    learner: ProfileRecord,
    finish_attempt: AttemptRecorder,
) -> None:
    store = progress_store
    for lesson in course.modules[0].lessons:
        store.open_lesson(learner.id, "beispiel", lesson.file_name)
        store.add_time(learner.id, "beispiel", lesson.file_name, 12 * 60)
        store.complete_lesson(learner.id, "beispiel", lesson.file_name)
    finish_attempt(learner, "beispiel", 33.3, False)
    finish_attempt(learner, "beispiel", 66.7, True)
    store.record_certificate(
        learner.id, "KK-2026-0042", "module", ["beispiel"],
        datetime(2026, 7, 3, 9, 30, tzinfo=UTC), "payload", "signature",
    )  # fmt: skip
    page = make_page(qtbot, course)
    page.show_progress(progress_view(store, learner.id))

    summary = page.findChild(QLabel, "progressSummaryLabel").text()
    assert "2 of 2 lessons read" in summary
    assert "1 of 1 quizzes passed" in summary
    assert "24 min" in summary
    chart = page.findChild(LessonBarsChart, "lessonBarsChart")
    assert [row.text for row in chart.rows] == ["2 of 2 lessons · 24 min"]
    assert "Beispielmodul: Prompts im Schulalltag: 2 of 2 lessons" in chart.accessibleDescription()
    (result,) = label_texts(page, "quizResultLabel")
    assert result == "Best result 67 % – passed · attempts: 2 · pass mark 60 %"
    scores = page.findChild(ScoreChart, "scoreChart")
    assert scores.scores == (33.3, 66.7)  # oldest first
    assert "33 %, 67 %" in scores.accessibleDescription()
    assert "Pass mark 60 %" in scores.accessibleDescription()

    table = page.findChild(QTableView, "certificateTable")
    model = table.model()
    assert [model.index(0, c).data() for c in range(3)] == [
        "KK-2026-0042",
        "Certificate of participation",
        "Beispielmodul: Prompts im Schulalltag",
    ]
    assert "2026" in model.index(0, 3).data()
    button = page.findChild(QPushButton, "reexportCertificateButton")
    assert button.isVisible()
    assert button.accessibleName()
    with qtbot.waitSignal(page.certificate_reexport_requested, timeout=1000) as requested:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert requested.args == ["KK-2026-0042"]


def test_a_new_learner_sees_what_is_still_open(
    qtbot,  # type: ignore[no-untyped-def]
    course: Course,
    progress_store: ProgressStore,
    learner: ProfileRecord,
) -> None:
    page = make_page(qtbot, course)
    page.show_progress(progress_view(progress_store, learner.id))
    assert "0 of 2 lessons read" in page.findChild(QLabel, "progressSummaryLabel").text()
    assert label_texts(page, "quizResultLabel") == ["Quiz not taken yet. Pass mark: 60 %."]
    assert page.findChildren(ScoreChart) == []
    assert not page.findChild(QTableView, "certificateTable").isVisible()
    assert not page.findChild(QPushButton, "reexportCertificateButton").isVisible()
    assert "No certificates yet" in " ".join(label_texts(page, "hintLabel"))


def test_showing_again_replaces_the_old_figures(
    qtbot,  # type: ignore[no-untyped-def]
    course: Course,
    progress_store: ProgressStore,
    learner: ProfileRecord,
    finish_attempt: AttemptRecorder,
) -> None:
    page = make_page(qtbot, course)
    page.show_progress(progress_view(progress_store, learner.id))
    finish_attempt(learner, "beispiel", 100.0, True)
    page.show_progress(progress_view(progress_store, learner.id))
    assert label_texts(page, "quizResultLabel") == [
        "Best result 100 % – passed · attempts: 1 · pass mark 60 %"
    ]
    assert len([chart for chart in page.findChildren(ScoreChart) if chart.isVisible()]) == 1


def test_durations_read_like_speech() -> None:
    assert duration_text(0) == "0 min"
    assert duration_text(89) == "1 min"
    assert duration_text(59 * 60) == "59 min"
    assert duration_text(65 * 60) == "1 h 5 min"
