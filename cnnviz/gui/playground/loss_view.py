"""Loss versus step for every optimizer, growing with the race clock, with its legend above the plot.

The legend is a label outside the plot area, so it never covers a curve, wraps
when the column is narrow, and takes the window's font (zoom) and text colour
(theme); each entry's line swatch has the optimizer's colour.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from cnnviz.core.playground import Trajectory
from cnnviz.gui.playground.plot_style import LINE_CONTRAST, PlotColors, readable_on, style_plot
from cnnviz.gui.playground.qt_util import NBSP

LOG_FLOOR = 1e-16
"""Losses below this are drawn at it on the log axis (an exact 0 has no logarithm)."""
LINE_WIDTH = 2.0
PLOT_MIN_HEIGHT = 140
"""px at 100 % zoom (times the zoom): room for the axis label "loss (log scale)"."""


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class LossView(pg.PlotWidget):
    """One curve per optimizer plus a line at the current step."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 (Qt parent)
        super().__init__(parent=parent)
        p = self.getPlotItem()
        p.setMenuEnabled(False)
        p.hideButtons()
        # No grid: on a log axis it draws every minor tick and doubles the cost of a frame.
        p.setLabel("bottom", tr("step"))
        p.setLabel("left", tr("loss"))
        self.step_line = pg.InfiniteLine(angle=90, movable=False)
        p.addItem(self.step_line, ignoreBounds=True)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.colors: dict[str, QColor] = {}
        self.trajectories: dict[str, Trajectory] = {}
        self.log_scale = True
        self.zoom = 1.0
        self.plot_colors: PlotColors | None = None
        self.setToolTip(tr(
            "Loss f(x, y) after each step. A log scale shows steady convergence as a straight, "
            "falling line: its slope is the rate. The dashed line is the step on screen."
        ))

    def set_trajectories(self, trajectories: dict[str, Trajectory], colors: dict[str, QColor], *,
                         log_scale: bool, steps: int) -> None:
        """New race: curves for ``trajectories``; axes fixed so curves grow into a still frame."""
        p = self.getPlotItem()
        self.log_scale = log_scale
        self.trajectories = trajectories
        for key, color in colors.items():
            self.colors[key] = QColor(color)
            if key not in self.curves:
                self.curves[key] = pg.PlotDataItem(antialias=False)
                p.addItem(self.curves[key])
        self._pens()
        for key, curve in self.curves.items():
            curve.setVisible(key in trajectories)
        p.setLogMode(x=False, y=log_scale)
        p.setLabel("left", tr("loss (log scale)") if log_scale else tr("loss"))
        values = [self._display(t.loss) for t in trajectories.values()]
        values = [v[np.isfinite(v)] for v in values]
        values = [v for v in values if len(v)]
        p.setXRange(0, max(1, steps), padding=0.02)
        if values:
            lo = min(float(v.min()) for v in values)
            hi = max(float(v.max()) for v in values)
            if log_scale:
                lo, hi = np.log10(lo), np.log10(hi)
            if hi <= lo:
                hi = lo + 1.0
            p.setYRange(lo, hi, padding=0.05)

    def clear_race(self) -> None:
        """No race on record (a new surface is being computed)."""
        self.trajectories = {}
        for curve in self.curves.values():
            curve.setVisible(False)

    def curve_color(self, key: str) -> QColor:
        """The colour ``key``'s curve is drawn in (its optimizer's, readable on the plot's background)."""
        color = self.colors.get(key, QColor("#888888"))
        return readable_on(color, self.plot_colors.background, LINE_CONTRAST) if self.plot_colors else color

    def _pens(self) -> None:
        for key, curve in self.curves.items():
            curve.setPen(pg.mkPen(self.curve_color(key), width=LINE_WIDTH * self.zoom))

    def set_zoom(self, zoom: float) -> None:
        """Presentation zoom: the widths of the curves and of the step line follow."""
        self.zoom = zoom
        self._pens()
        self._step_line_pen()

    def apply_colors(self, colors: PlotColors) -> None:
        """Follow the theme."""
        self.plot_colors = colors
        style_plot(self, colors)
        self._pens()
        self._step_line_pen()

    def _step_line_pen(self) -> None:
        color = self.plot_colors.quiet if self.plot_colors else QColor("#555555")
        self.step_line.setPen(pg.mkPen(color, width=self.zoom, style=Qt.PenStyle.DashLine))

    def _display(self, loss: np.ndarray) -> np.ndarray:
        return np.maximum(loss, LOG_FLOOR) if self.log_scale else loss

    def show_step(self, step: int) -> None:
        """Draw each curve up to ``step``."""
        self.step_line.setValue(step)
        for key, t in self.trajectories.items():
            n = min(step, t.last_step) + 1
            y = self._display(t.loss[:n])
            ok = np.isfinite(y)
            self.curves[key].setData(np.arange(n)[ok], y[ok])


class LossLegend(QLabel):
    """The optimizers racing, each after a swatch of its colour; a diverged one says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.setToolTip(tr("The optimizers racing, in the colours of their curves"))

    def show_entries(self, entries: list[tuple[str, QColor, bool]]) -> None:
        """``entries``: (title, swatch colour, diverged) per optimizer, in panel order."""
        parts = []
        for title, color, diverged in entries:
            name = title + (tr(" (diverged)") if diverged else "")
            # a colour chip, then the name in the text colour; a narrow column wraps between entries only
            parts.append(f"<span style='background-color:{color.name()}'>{NBSP * 4}</span>{NBSP}"
                         + html.escape(name).replace(" ", NBSP))
        self.setText(" &nbsp; ".join(parts))


class LossPanel(QWidget):
    """The legend above the loss plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.legend = LossLegend()
        self.plot = LossView()
        self.plot.setMinimumHeight(PLOT_MIN_HEIGHT)
        self.titles: dict[str, str] = {}
        lay.addWidget(self.legend)
        lay.addWidget(self.plot, 1)

    def set_race(self, trajectories: dict[str, Trajectory], colors: dict[str, QColor], titles: dict[str, str], *,
                 log_scale: bool, steps: int) -> None:
        """Show a new race in the plot and the legend (``titles``: each optimizer's name)."""
        self.titles = dict(titles)
        self.plot.set_trajectories(trajectories, colors, log_scale=log_scale, steps=steps)
        self._legend()

    def set_titles(self, titles: dict[str, str]) -> None:
        """Rename the optimizers in the legend (``titles``: each optimizer's name)."""
        self.titles = dict(titles)
        self._legend()

    def _legend(self) -> None:
        p = self.plot
        self.legend.show_entries([(self.titles.get(k, k), p.curve_color(k), t.diverged)
                                  for k, t in p.trajectories.items()])

    def clear_race(self) -> None:
        """A new surface is being computed: no curves, no legend."""
        self.plot.clear_race()
        self.legend.setText("")

    def set_zoom(self, zoom: float) -> None:
        """Presentation zoom: the plot's minimum height and line widths follow."""
        self.plot.setMinimumHeight(round(PLOT_MIN_HEIGHT * zoom))
        self.plot.set_zoom(zoom)

    def apply_colors(self, colors: PlotColors) -> None:
        """Follow the theme (the swatches too)."""
        self.plot.apply_colors(colors)
        self._legend()
