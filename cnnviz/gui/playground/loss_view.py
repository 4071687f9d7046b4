"""Loss versus step for every optimizer, growing with the race clock."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from cnnviz.core.playground import Trajectory

LOG_FLOOR = 1e-16
"""Losses below this are drawn at it on the log axis (an exact 0 has no logarithm)."""


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


LEGEND_POINTS = 9


class LossView(pg.PlotWidget):
    """One curve per optimizer plus a line at the current step."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 (Qt parent)
        super().__init__(parent=parent)
        self.setBackground("w")
        p = self.getPlotItem()
        p.setMenuEnabled(False)
        p.hideButtons()
        # No grid: on a log axis it draws every minor tick and doubles the cost of a frame.
        p.setLabel("bottom", tr("step"))
        p.setLabel("left", tr("loss"))
        for axis in ("bottom", "left"):
            p.getAxis(axis).setTextPen("#222222")
            p.getAxis(axis).setPen("#444444")
        self.legend = p.addLegend(offset=(8, -8), colCount=2, labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 220),
                                  pen=pg.mkPen("#bbbbbb"), labelTextSize=f"{LEGEND_POINTS}pt")
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#555555", width=1, style=pg.QtCore.Qt.PenStyle.DashLine))
        p.addItem(self.cursor, ignoreBounds=True)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.trajectories: dict[str, Trajectory] = {}
        self.log_scale = True
        self.setToolTip(tr(
            "Loss f(x, y) after each step. A log scale shows steady convergence as a straight, "
            "falling line: its slope is the rate. The dashed line is the step on screen."
        ))

    def set_trajectories(
        self,
        trajectories: dict[str, Trajectory],
        colors: dict[str, QColor],
        labels: dict[str, str],
        *,
        log_scale: bool,
        steps: int,
    ) -> None:
        """New race: curves for ``trajectories``; axes fixed so curves grow into a still frame."""
        p = self.getPlotItem()
        self.log_scale = log_scale
        self.trajectories = trajectories
        self.legend.clear()
        for key, color in colors.items():
            if key not in self.curves:
                self.curves[key] = pg.PlotDataItem(pen=pg.mkPen(color, width=2), antialias=False)
                p.addItem(self.curves[key])
        for key, curve in self.curves.items():
            t = trajectories.get(key)
            curve.setVisible(t is not None)
            if t is not None:
                status = tr(" (diverged)") if t.diverged else ""
                self.legend.addItem(curve, labels.get(key, key) + status)
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

    def set_zoom(self, zoom: float) -> None:
        """Presentation zoom: legend entries made after this use the zoomed text size too."""
        self.legend.setLabelTextSize(f"{LEGEND_POINTS * zoom:.2f}pt")

    def _display(self, loss: np.ndarray) -> np.ndarray:
        return np.maximum(loss, LOG_FLOOR) if self.log_scale else loss

    def show_step(self, step: int) -> None:
        """Draw each curve up to ``step``."""
        self.cursor.setValue(step)
        for key, t in self.trajectories.items():
            n = min(step, t.last_step) + 1
            y = self._display(t.loss[:n])
            ok = np.isfinite(y)
            self.curves[key].setData(np.arange(n)[ok], y[ok])
