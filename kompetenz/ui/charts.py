"""Two small charts for the progress page, drawn with QPainter (QtCharts is not in Essentials).

Every size comes from the font metrics, so the charts grow with the text size; every value is
also written as text, and the accessible description says in words what the chart shows.
Colours come from the palette, so the charts follow the light and dark themes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kompetenz.ui.text import fill

MAX_ATTEMPTS_SHOWN = 12


def percent_text(value: float) -> str:
    return fill(QCoreApplication.translate("Charts", "%1 %"), f"{value:.0f}")


@dataclass(frozen=True)
class LessonBar:
    label: str  # the module's title
    done: int
    total: int
    text: str  # written next to the bar, e.g. "3 of 7 lessons · 42 min"


class LessonBarsChart(QWidget):
    """One bar per module: the share of its lessons read, with the numbers written out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonBarsChart")
        self.setAccessibleName(QCoreApplication.translate("Charts", "Lessons read per module"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rows: tuple[LessonBar, ...] = ()

    def set_rows(self, rows: Sequence[LessonBar]) -> None:
        self.rows = tuple(rows)
        self.setAccessibleDescription(
            " ".join(f"{row.label}: {row.text}." for row in self.rows)
            or QCoreApplication.translate("Charts", "No modules.")
        )
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        line = self.fontMetrics().height()
        return 2 * line + line // 2

    def _text_column(self) -> int:
        """Width of the numbers right of the bars; the same for every row, so bars align."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.text) for row in self.rows), default=0)
        return widest + metrics.height() // 2

    def sizeHint(self) -> QSize:
        width = self._text_column() + self.fontMetrics().horizontalAdvance("M") * 20
        return QSize(width, max(1, len(self.rows)) * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M") * 16, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics, palette = self.fontMetrics(), self.palette()
        line = metrics.height()
        longest = metrics.horizontalAdvance("M") * 32  # a bar longer than this reads no better
        bar_width = max(line * 2, min(longest, self.width() - self._text_column() - line // 2))
        text_left = bar_width + line // 2
        for number, row in enumerate(self.rows):
            top = number * self._row_height()
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, self.width())
            painter.drawText(0, top + metrics.ascent(), label)
            painter.drawText(text_left + line // 2, top + line + metrics.ascent(), row.text)
            track = QRectF(0.5, top + line + line / 6 + 0.5, bar_width, line * 2 / 3)
            share = row.done / row.total if row.total else 0.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_accent(palette))
            painter.drawRoundedRect(track.adjusted(0, 0, -(1 - share) * track.width(), 0), 3, 3)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(_border(palette), 1))
            painter.drawRoundedRect(track, 3, 3)
        painter.end()


class ScoreChart(QWidget):
    """The scores of a module's quiz attempts, oldest first, against the labelled pass mark.

    A passed attempt is a filled dot, one below the pass mark a hollow ring; each dot carries
    its score as text.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreChart")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.scores: tuple[float, ...] = ()
        self.pass_percent = 80.0
        self.first_attempt = 1

    def set_scores(self, scores: Sequence[float], pass_percent: float, title: str = "") -> None:
        """`scores` oldest first; only the last MAX_ATTEMPTS_SHOWN are drawn."""
        self.first_attempt = max(1, len(scores) - MAX_ATTEMPTS_SHOWN + 1)
        self.scores = tuple(scores[-MAX_ATTEMPTS_SHOWN:])
        self.pass_percent = pass_percent
        self.setAccessibleName(
            fill(QCoreApplication.translate("Charts", "Quiz results: %1"), title) if title else ""
        )
        self.setAccessibleDescription(self.summary(len(scores)))
        self.updateGeometry()
        self.update()

    def summary(self, total: int) -> str:
        if not self.scores:
            return QCoreApplication.translate("Charts", "No quiz attempts yet.")
        shown = ", ".join(percent_text(s) for s in self.scores)
        passed = sum(s >= self.pass_percent for s in self.scores)
        return fill(
            QCoreApplication.translate(
                "Charts", "Attempts: %1. Scores, oldest first: %2. Pass mark %3. Passed: %4."
            ),
            total,
            shown,
            percent_text(self.pass_percent),
            passed,
        )

    def _step(self) -> int:
        return self.fontMetrics().horizontalAdvance("100 %") + self.fontMetrics().height()

    def _axis_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("100 %") + self.fontMetrics().height() // 2

    def _pass_label(self) -> str:
        return fill(
            QCoreApplication.translate("Charts", "pass mark %1"), percent_text(self.pass_percent)
        )

    def _right_margin(self) -> int:
        """Room right of the plot for the pass-mark label and the axis caption."""
        metrics = self.fontMetrics()
        labels = (self._pass_label(), QCoreApplication.translate("Charts", "attempt"))
        return max(metrics.horizontalAdvance(label) for label in labels) + metrics.height()

    def _plot(self) -> QRectF:
        line = self.fontMetrics().height()
        width = max(len(self.scores), 4) * self._step()
        return QRectF(self._axis_width(), line * 1.5, width, line * 5.5)

    def sizeHint(self) -> QSize:
        plot = self._plot()
        line = self.fontMetrics().height()
        return QSize(int(plot.right()) + self._right_margin(), int(plot.bottom() + line * 1.6))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot()
        self._draw_axes(painter, plot)
        self._draw_pass_mark(painter, plot)
        self._draw_scores(painter, plot)
        painter.end()

    def _draw_axes(self, painter: QPainter, plot: QRectF) -> None:
        metrics, palette = self.fontMetrics(), self.palette()
        line = metrics.height()
        painter.setPen(QPen(_border(palette), 1))
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for value in (0, 50, 100):
            label = percent_text(value)
            x = plot.left() - line / 4 - metrics.horizontalAdvance(label)
            y = plot.bottom() - value / 100 * plot.height()
            painter.drawText(QPointF(x, y + metrics.capHeight() / 2), label)
        caption = QPointF(plot.right() + line / 2, plot.bottom() + line + 2)
        painter.drawText(caption, QCoreApplication.translate("Charts", "attempt"))

    def _draw_pass_mark(self, painter: QPainter, plot: QRectF) -> None:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        y = plot.bottom() - self.pass_percent / 100 * plot.height()
        painter.setPen(QPen(text, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(text)
        label = QPointF(plot.right() + self.fontMetrics().height() / 2, y)
        painter.drawText(label + QPointF(0, self.fontMetrics().capHeight() / 2), self._pass_label())

    def _draw_scores(self, painter: QPainter, plot: QRectF) -> None:
        metrics, palette = self.fontMetrics(), self.palette()
        line = metrics.height()
        points = [
            QPointF(plot.left() + (i + 0.5) * self._step(), plot.bottom() - s / 100 * plot.height())
            for i, s in enumerate(self.scores)
        ]
        accent = _accent(palette)
        painter.setPen(QPen(accent, 2))
        painter.drawPolyline(QPolygonF(points))
        radius = max(3.0, line / 4)
        for number, (point, score) in enumerate(zip(points, self.scores, strict=True)):
            painter.setPen(QPen(accent, 2))
            passed = score >= self.pass_percent
            painter.setBrush(accent if passed else palette.color(QPalette.ColorRole.Base))
            painter.drawEllipse(point, radius, radius)
            label = percent_text(score)
            box = QRectF(0, 0, metrics.horizontalAdvance(label) + 4, line)
            box.moveCenter(QPointF(point.x(), point.y() - radius - 2 - line / 2))
            painter.fillRect(box, palette.color(QPalette.ColorRole.Window))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            attempt = str(self.first_attempt + number)
            _draw_centred(painter, attempt, point.x(), plot.bottom() + line + 2)


def _draw_centred(painter: QPainter, text: str, x: float, baseline: float) -> None:
    width = painter.fontMetrics().horizontalAdvance(text)
    painter.drawText(QPointF(x - width / 2, baseline), text)


def _accent(palette: QPalette) -> QColor:
    """The highlight colour, or the link colour where the highlight is too faint to see on
    the window (WCAG asks 3:1 for the parts of a chart)."""
    window = palette.color(QPalette.ColorRole.Window)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if _contrast(highlight, window) >= 3:
        return highlight
    return palette.color(QPalette.ColorRole.Link)


def _contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        channels = (colour.redF(), colour.greenF(), colour.blueF())
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _border(palette: QPalette) -> QColor:
    """A line that stays visible on the window colour in light and dark themes."""
    colour = QColor(palette.color(QPalette.ColorRole.WindowText))
    colour.setAlphaF(0.55)
    return colour
