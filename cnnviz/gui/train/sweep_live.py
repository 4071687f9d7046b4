"""Live curves of a sweep: every run's training loss as its rows stream in from the worker processes.

One line per run in its optimizer's colour, lighter for smaller learning
rates; the loss axis is logarithmic (a rate that diverges climbs by decades
without flattening the others).
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

import pyqtgraph as pg

from cnnviz.gui.i18n import current_language
from cnnviz.gui.optimizer_labels import optimizer_label
from cnnviz.gui.train.plot_axes import (
    decade_ticks,
    legend_text_size,
    make_plot,
    place_hint,
    plot_ink,
    watch_hint,
    watch_legend,
)
from cnnviz.gui.train.sweep_results import optimizer_color

FLUSH_MS = 1500
EMPTY_DECADES = (-1, 1)
"""log10 of the loss axis' ends before any row: 0.1 to 10 (pyqtgraph's own empty log axis piles its labels)."""


def tr(text: str) -> str:
    """Translate a sweep string."""
    return QCoreApplication.translate("TrainSweep", text)


def shade(color: QColor, lr: float, lrs: list[float]) -> QColor:
    """``color`` lighter for the smaller rates of ``lrs`` (the largest rate in full colour)."""
    if len(lrs) < 2 or lr <= 0:
        return QColor(color)
    lo, hi = math.log10(min(lrs)), math.log10(max(lrs))
    t = 1.0 if hi == lo else (math.log10(lr) - lo) / (hi - lo)
    mix = 0.65 * (1.0 - t)  # how much white
    return QColor(int(color.red() + (255 - color.red()) * mix), int(color.green() + (255 - color.green()) * mix),
                  int(color.blue() + (255 - color.blue()) * mix))


class SweepLive(QWidget):
    """Training loss per step of every run of a sweep, updated as rows arrive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot(tr("Training loss of every run (colour: optimizer; lighter: smaller learning rate)"),
                              tr("step"), tr("loss"))
        self.plot.setLogMode(x=False, y=True)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#222",
                                          brush=pg.mkBrush(255, 255, 255, 210))
        watch_legend(self.plot)
        self.hint = pg.TextItem("", color=plot_ink().text, anchor=(0.5, 0.5))
        self.plot.addItem(self.hint, ignoreBounds=True)
        watch_hint(self.plot, self._place_hint)  # never under the legend
        self.plot.getViewBox().sigResized.connect(self._resized)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.data: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.lrs: dict[str, list[float]] = {}
        self._pending: list[dict[str, Any]] = []
        self._x_end = 0.0  # the step axis' end (grown by half when reached)
        self._y_range: tuple[float, float] | None = None  # log10 of the loss axis' ends (quarter decades)
        # A repaint of the plot costs the GUI thread milliseconds: at most one every 1.5 s, however many rows come.
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self.flush)
        self._decades: tuple[int, ...] | None = None
        self._show_empty(tr("Start a sweep: every run's training loss is drawn here as its rows arrive."))

    def start(self, lrs: dict[str, list[float]]) -> None:
        """Clear for a new sweep whose grids are ``lrs`` (optimizer -> learning rates)."""
        self.plot.clear()
        self.legend.clear()
        self.legend.setLabelTextSize(legend_text_size())  # for the new entries: the zoom may have changed
        self.plot.addItem(self.hint, ignoreBounds=True)  # clear() took it out
        self.lines, self.data, self.lrs = {}, {}, {k: list(v) for k, v in lrs.items()}
        self._flush.stop()
        self._pending = []
        self._x_end = 0.0
        self._y_range = None
        self._decades = None
        self._show_empty(tr("Waiting for the runs' first training rows…"))
        for opt in self.lrs:  # one legend entry per optimizer: the runs are too many to name
            self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(optimizer_color(opt), width=3)),
                                optimizer_label(opt, current_language()))  # 动量 in Chinese, as the form

    def add_rows(self, rows: list[dict[str, Any]]) -> None:
        """Queue ``rows``; their training losses are drawn at the next redraw (every 1.5 s at most)."""
        self._pending.extend(rows)
        if not self._flush.isActive():
            self._flush.start()

    def finish(self, stopped: bool) -> None:
        """The sweep ended: draw the rows still queued now (not 1.5 s later), or say that none came."""
        self._flush.stop()
        self.flush()
        if not self.lines:
            self._show_empty(tr("No training rows arrived before the stop: no curve to draw.") if stopped
                             else tr("No training rows arrived before the sweep ended: no curve to draw."))

    def hint_text(self) -> str:
        """What the plot says instead of curves ('' once a line is drawn)."""
        return self.hint.textItem.toPlainText() if self.hint.isVisible() else ""

    def _show_empty(self, text: str) -> None:
        """No line yet: ``text`` over the plot, the step axis 0 to 10 and the loss axis 0.1 to 10."""
        self.hint.setText(text)
        self.hint.setVisible(True)
        self.plot.setXRange(0, 10, padding=0.02)
        self._decades = decade_ticks(self.plot, [], self._decades, empty=EMPTY_DECADES)
        self._place_hint()

    def _place_hint(self) -> None:
        place_hint(self.plot, self.hint, centered=True)

    def _resized(self) -> None:
        """The plot changed height: refit the empty loss axis' decade labels (a line has pyqtgraph's own)."""
        if not self.lines:
            self._decades = decade_ticks(self.plot, [], None, empty=EMPTY_DECADES)

    def flush(self) -> None:
        """Append the queued training rows to their runs' lines (one repaint for all of them)."""
        rows, self._pending = self._pending, []
        new: dict[str, list[tuple[float, float]]] = {}
        info: dict[str, tuple[str, float]] = {}
        for row in rows:
            if row.get("split") != "train":
                continue
            new.setdefault(row["run"], []).append((float(row["step"]), float(row["loss"])))
            info[row["run"]] = (row["optimizer"], float(row["lr"]))
        if new and not self.lines:  # the first line: pyqtgraph's own ticks again, no hint
            self.hint.setVisible(False)
            self.plot.getAxis("left").setTicks(None)
            self._decades = None
        for run, points in new.items():
            xs, ys = (np.asarray(v, dtype=float) for v in zip(*points, strict=True))
            old = self.data.get(run)
            x, y = (xs, ys) if old is None else (np.concatenate([old[0], xs]), np.concatenate([old[1], ys]))
            self.data[run] = (x, y)
            line = self.lines.get(run)
            if line is None:
                opt, lr = info[run]
                color = shade(optimizer_color(opt), lr, self.lrs.get(opt, [lr]))
                line = pg.PlotDataItem(pen=pg.mkPen(color, width=1.2))
                self.plot.addItem(line)
                self.lines[run] = line
            ok = np.isfinite(y) & (y > 0)
            line.setData(x[ok], y[ok])
        self._grow_ranges()

    def _grow_ranges(self) -> None:
        """Widen the axes only when a line reaches their edge (by half the step axis, by a decade of loss).

        Redoing the axes' ticks on every update would cost the GUI thread most of a repaint.
        """
        xs = [d[0][-1] for d in self.data.values() if d[0].size]
        ys = np.concatenate([d[1][np.isfinite(d[1]) & (d[1] > 0)] for d in self.data.values()] or [np.empty(0)])
        if xs and max(xs) > self._x_end:
            self._x_end = max(10.0, float(max(xs)) * 1.5)
            self.plot.setXRange(0, self._x_end, padding=0.02)
        if ys.size:
            lo, hi = math.floor(math.log10(ys.min()) * 4) / 4, math.ceil(math.log10(ys.max()) * 4) / 4
            if self._y_range is None or lo < self._y_range[0] or hi > self._y_range[1]:
                self._y_range = (lo, hi)
                self.plot.setYRange(lo, hi, padding=0.02)
