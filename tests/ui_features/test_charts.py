"""The progress charts draw into an image, grow with the text size and describe themselves."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QWidget

from kompetenz.ui.charts import LessonBar, LessonBarsChart, ScoreChart

ROWS = [
    LessonBar("Grundlagen generativer KI", 3, 8, "3 of 8 lessons · 21 min"),
    LessonBar("Ethik, Recht und Datenschutz", 8, 8, "8 of 8 lessons · 1 h 2 min"),
    LessonBar("Leeres Modul", 0, 0, "0 of 0 lessons · 0 min"),
]


def render(widget: QWidget) -> QImage:
    widget.resize(widget.sizeHint())
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    widget.render(image)
    return image


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(image.height())}


def test_lesson_bars_render_and_say_their_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = LessonBarsChart()
    qtbot.addWidget(chart)
    chart.set_rows(ROWS)
    image = render(chart)
    assert not image.isNull()
    assert len(colours(image)) > 3  # text, bars and frames were drawn
    assert chart.accessibleName() == "Lessons read per module"
    assert chart.accessibleDescription() == (
        "Grundlagen generativer KI: 3 of 8 lessons · 21 min. "
        "Ethik, Recht und Datenschutz: 8 of 8 lessons · 1 h 2 min. "
        "Leeres Modul: 0 of 0 lessons · 0 min."
    )


def test_score_chart_renders_and_describes_the_attempts(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.set_scores([40.0, 75.0, 90.0], 80.0, "Grundlagen")
    image = render(chart)
    assert len(colours(image)) > 3
    assert chart.accessibleName() == "Quiz results: Grundlagen"
    assert chart.accessibleDescription() == (
        "Attempts: 3. Scores, oldest first: 40 %, 75 %, 90 %. Pass mark 80 %. Passed: 1."
    )


def test_only_the_last_attempts_are_drawn_but_all_are_counted(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.set_scores([float(n) for n in range(20)], 80.0)
    assert len(chart.scores) == 12
    assert chart.first_attempt == 9
    assert chart.accessibleDescription().startswith("Attempts: 20.")
    render(chart)


def test_charts_grow_with_the_text_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    sizes = []
    for points in (10, 20):
        font = QFont()
        font.setPointSize(points)
        bars, scores = LessonBarsChart(), ScoreChart()
        for chart in (bars, scores):
            qtbot.addWidget(chart)
            chart.setFont(font)
        bars.set_rows(ROWS)
        scores.set_scores([55.0, 85.0], 80.0)
        render(bars)
        render(scores)
        sizes.append((bars.sizeHint(), scores.sizeHint()))
    (bars_10, scores_10), (bars_20, scores_20) = sizes
    assert bars_20.height() >= 1.8 * bars_10.height()
    assert scores_20.width() >= 1.8 * scores_10.width()
    assert scores_20.height() >= 1.8 * scores_10.height()
