"""Live training plots: loss per step, validation per epoch, learning rate.

The x axis counts steps, epochs or training images seen (:data:`X_AXES`):
runs with different batch sizes take different numbers of steps per epoch,
so only the last two compare them for the same data seen.

One set of persistent pyqtgraph items per run, updated with ``setData``. The
tab calls :meth:`TrainPlots.pull` on a timer: only records added since the last
call are copied from the engine's log, smoothing is continued incrementally,
and each curve gets at most ~3,000 points for the visible x range (min / max
per bin), so a redraw costs about the same at 10k or 1M steps.
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

import pyqtgraph as pg

from cnnviz.core.training.metrics import DIVERGED, FAILED, MetricsLog, smooth_ema
from cnnviz.gui.train.decimate import decimate_minmax
from cnnviz.gui.train.plot_axes import (
    decade_ticks,
    fit_title,
    legend_text_size,
    make_plot,
    place_hint,
    plot_ink,
    set_counts_for_range,
    watch_hint,
    watch_legend,
)
from cnnviz.gui.train.plot_series import (
    OneToggleSample,
    Series,
    make_series,
    place_marker,
    readout_text,
    remove_series,
)

X_AXES = ("step", "epoch", "samples")

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
           "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")


def tr(text: str) -> str:
    """Translate a Train-plots string."""
    return QCoreApplication.translate("TrainPlots", text)


def _grow(old: np.ndarray, new: np.ndarray) -> np.ndarray:
    return new if old.size == 0 else np.concatenate([old, new])


class TrainPlots(QWidget):
    """Four linked plots and a cursor readout for every run of a training session."""

    sig_visibility_changed = Signal(str, bool)
    """A run was shown or hidden from the legend (run name, visible)."""

    MAX_BINS = 400  # min + max per bin: ~800 points, enough for a plot about 1,000 px wide

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: dict[str, Series] = {}
        self.smoothing = 0.9
        self.log_y = False
        self.x_axis = "step"
        self.train_size = 0
        self._dirty = True
        self._last_ranges: dict[str, tuple[float, float] | None] = {}
        self._syncing = False
        self._titles: dict[pg.PlotWidget, str] = {}  # full titles; shown elided when the plot is narrow

        self.readout = QLabel(" ")
        self.readout.setObjectName("train-readout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setToolTip(tr("Values of the smoothed training loss under the mouse cursor."))
        # A line for 8 runs is wider than the plots: it wraps inside the width it is given, in a
        # height kept for the longest line of these runs, instead of widening the layout (the
        # left panel was squashed).
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._fit_readout_height()
        self.loss_plot = self._plot(tr("Training loss (faint: every step, solid: smoothed)"), tr("step"),
                                    tr("loss"))
        self.val_loss_plot = self._plot(tr("Validation loss after each epoch (dashed: training mean)"),
                                        tr("epoch"), tr("loss"), grid=True)
        self.acc_plot = self._plot(tr("Validation accuracy after each epoch (dashed: training mean)"),
                                   tr("epoch"), tr("accuracy"), grid=True)
        self.lr_plot = self._plot(tr("Learning rate (log scale)"), tr("step"), tr("lr"))
        self.norm_plot = self._plot(tr("Weight norm ‖w‖₂ after each epoch"),
                                    tr("epoch"), tr("‖w‖₂"), grid=True)
        lr_axis = self.lr_plot.getAxis("left")
        lr_axis.enableAutoSIPrefix(False)  # SI scaling garbles log-axis ticks
        self._lr_decades: tuple[int, ...] | None = None  # (lo, hi, labels that fit); () for an empty plot
        self.lr_plot.getViewBox().sigResized.connect(self._lr_resized)
        self.acc_plot.setYRange(0, 1, padding=0.02)
        for plot in (self.val_loss_plot, self.acc_plot, self.norm_plot):
            plot.getViewBox().setDefaultPadding(0.06)  # the last epoch's dots whole, not cut by the edge
        self.clip_diverged = True
        self.loss_plot.getViewBox().sigYRangeChanged.connect(lambda *_: self._place_markers())
        self.acc_plot.getViewBox().setLimits(yMin=-0.05, yMax=1.05)
        self._plots = {"loss": self.loss_plot, "val_loss": self.val_loss_plot, "acc": self.acc_plot,
                       "lr": self.lr_plot, "norm": self.norm_plot}
        self.lr_plot.setXLink(self.loss_plot)
        self.acc_plot.setXLink(self.val_loss_plot)
        self.norm_plot.setXLink(self.val_loss_plot)
        self.legend = self.loss_plot.addLegend(offset=(-10, 10), labelTextColor="#222",
                                               labelTextSize=legend_text_size(),
                                               brush=pg.mkBrush(255, 255, 255, 210), pen=pg.mkPen("#bbb"),
                                               sampleType=OneToggleSample)
        self.legend.setToolTip(tr("Click a run to hide or show it in every plot."))
        self._fit_legend = watch_legend(self.loss_plot)  # columns, then smaller, when it is too tall
        self.placeholder = pg.TextItem(tr("Press Start (Ctrl+Enter): every run starts from the same weights\n"
                                          "and sees the same batches, so the curves differ only by optimizer."),
                                       color=plot_ink().text, anchor=(0.5, 0.5))
        self.loss_plot.addItem(self.placeholder, ignoreBounds=True)
        watch_hint(self.loss_plot, self._place_placeholder)  # never under the legend (Chinese, 200 %)
        # the x cursor's line (not ``cursor``: that would shadow QWidget.cursor())
        self.step_cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#999", style=Qt.PenStyle.DotLine))
        self.step_cursor.setVisible(False)
        self.loss_plot.addItem(self.step_cursor, ignoreBounds=True)
        self._proxy = pg.SignalProxy(self.loss_plot.scene().sigMouseMoved, rateLimit=30, slot=self._mouse_moved)
        self.loss_plot.installEventFilter(self)  # the mouse leaving the plot clears the readout
        self.readout.installEventFilter(self)  # its width: the height it keeps
        self._mouse_inside = True  # False from leaving the loss plot until entering it again

        for plot in self._plots.values():
            plot.scene().sigMouseClicked.connect(lambda ev, plot=plot: self._clicked(plot, ev))
            plot.getPlotItem().autoBtn.clicked.connect(self.follow_data)  # after pyqtgraph's own (both axes)

        self._lay_out()
        self._unit_shown = ""
        self._label_x_axes()
        # what empty plots show: auto-range keeps the last range when there is nothing to fit
        self._empty_ranges = {k: p.getViewBox().viewRange() for k, p in self._plots.items()}

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        # The per-epoch plots share a row; the learning rate spans the width under the step
        # loss, so the two keep the same x scale (linked views align by screen position).
        grid.addWidget(self.loss_plot, 0, 0, 1, 3)
        grid.addWidget(self.val_loss_plot, 1, 0)
        grid.addWidget(self.acc_plot, 1, 1)
        grid.addWidget(self.norm_plot, 1, 2)
        grid.addWidget(self.lr_plot, 2, 0, 1, 3)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 4)
        grid.setRowStretch(2, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.readout)
        box.addLayout(grid, 1)

    # ------------------------------------------------------------ set-up
    def _plot(self, title: str, xlabel: str, ylabel: str, grid: bool = False) -> pg.PlotWidget:
        w = make_plot(title, xlabel, ylabel, grid)
        self._titles[w] = title
        tip = tr("Wheel: zoom · drag: pan · double-click: all the data again")
        w.setToolTip(tip)
        w.getViewBox().sigResized.connect(lambda _vb, w=w: fit_title(w, self._titles[w], self.font(), tip))
        w.getViewBox().sigXRangeChanged.connect(self._mark_dirty)
        return w

    def _place_placeholder(self) -> None:
        place_hint(self.loss_plot, self.placeholder, centered=True)

    def _mark_dirty(self, *args: object) -> None:
        self._dirty = True

    def follow_data(self) -> None:
        """Every plot shows all its data again and follows it (after a wheel zoom or a drag turned that off).

        x everywhere; y too where the data sets it (accuracy keeps 0 to 1, the learning rate its decades).
        """
        self._follow_x()
        for plot in (self.loss_plot, self.val_loss_plot, self.norm_plot):
            plot.getViewBox().enableAutoRange(y=True)
        self.acc_plot.setYRange(0, 1, padding=0.02)
        self._lr_decades = None
        self._dirty = True
        self.redraw(full=True)

    def _follow_x(self) -> None:
        """x auto-range on the two plots the others are x-linked to, and only there: a linked plot
        with its own auto-range sets the other's range from its own items and turns the other's
        auto-range off (the loss plot then stayed on the first steps of a run)."""
        for plot in (self.lr_plot, self.acc_plot, self.norm_plot):
            plot.getViewBox().enableAutoRange(x=False)
        for plot in (self.loss_plot, self.val_loss_plot):
            plot.getViewBox().enableAutoRange(x=True)

    def _clicked(self, plot: pg.PlotWidget, event: Any) -> None:
        """A double click inside a plot's view brings every plot back to all the data; not on the legend,
        where it is two clicks on a run (hide, show), not a wish to lose the zoom."""
        double = getattr(event, "double", None)
        if not (callable(double) and double()):
            return
        pos = event.scenePos()
        if plot is self.loss_plot and self.legend.isVisible() and self.legend.sceneBoundingRect().contains(pos):
            return
        if plot.getViewBox().sceneBoundingRect().contains(pos):
            self.follow_data()

    def clear(self) -> None:
        """Remove every run's items (a new session starts)."""
        self.clear_readout()
        self._fit_readout_height()  # the font may have changed (zoom)
        for s in self.series.values():
            remove_series(s, self._plots)
        self.legend.clear()
        self.series.clear()
        for key, plot in self._plots.items():  # not the last session's ranges on empty plots
            (x0, x1), (y0, y1) = self._empty_ranges[key]
            plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.placeholder.setVisible(True)
        self._place_placeholder()
        self._lr_decades = None
        self._dirty = True

    def set_runs(self, runs: list[tuple[str, str]]) -> None:
        """Start empty series for ``(name, colour)`` pairs, keeping nothing from before."""
        self.clear()
        self.legend.setLabelTextSize(legend_text_size())  # for the new entries: the zoom may have changed
        for name, color in runs:
            self._add_series(name, color)
        self._apply_log_y()
        self._fit_readout_height()  # room for these runs' names
        self.follow_data()  # a new session: forget a zoom into the last one's curves

    def _add_series(self, name: str, color: str) -> None:
        s = make_series(name, color, self._plots)
        s.items["smooth"].visibleChanged.connect(lambda n=name: self._legend_toggled(n))
        self.series[name] = s

    # ------------------------------------------------------------ options
    def set_smoothing(self, weight: float) -> None:
        """EMA weight in [0, 1) of the smoothed loss line (recomputed for every run)."""
        self.smoothing = max(0.0, min(0.999, float(weight)))
        self._resmooth()
        self._dirty = True
        self.redraw(full=True)

    def run_smoothing(self, s: Series) -> float:
        """The EMA weight per step of one run.

        Per step on a step axis. On an epoch or images axis the smoothing spans
        the same number of images for every run: a run with k× bigger batches
        (each loss already averages k× more images) gets weight ``w ** k``, so a
        batch-512 curve does not lag far behind its data next to a batch-8 one.
        """
        if self.x_axis == "step" or s.batch <= 0:
            return self.smoothing
        smallest = min(x.batch for x in self.series.values() if x.batch > 0)
        return self.smoothing ** (s.batch / smallest)

    def _resmooth(self) -> None:
        for s in self.series.values():
            w = self.run_smoothing(s)
            if w != s.ema_weight:
                s.smooth, s.ema_state = smooth_ema(s.loss, w)
                s.ema_weight = w

    def set_x_axis(self, axis: str) -> None:
        """Count the x axis in ``step``, ``epoch`` or ``samples`` (training images seen)."""
        if axis not in X_AXES:
            raise ValueError(f"x axis must be one of {X_AXES}, got {axis!r}")
        self.x_axis = axis
        for s in self.series.values():
            s.x = self._to_x(s.steps, s.samples)
            s.val_dirty = True
        self._resmooth()
        self._label_x_axes()
        self._follow_x()  # the old range is in the old unit
        self._dirty = True
        self.redraw(full=True)

    def _label_x_axes(self) -> None:
        """Every plot's x axis names the unit its values are in (validation points sit where they were taken)."""
        color = plot_ink().text.name()
        self._unit_shown = self.step_unit()
        for plot in (self.loss_plot, self.lr_plot):
            plot.getAxis("bottom").setLabel(self.axis_label(self._unit_shown), color=color)
        for plot in (self.val_loss_plot, self.acc_plot, self.norm_plot):
            plot.getAxis("bottom").setLabel(self.axis_label(self.x_axis), color=color)

    def step_unit(self) -> str:
        """The unit the per-step curves' x values are in now: the chosen one, or steps while the
        log cannot convert (no training-set size yet for epochs, or records without images seen)."""
        if self.x_axis == "step":
            return "step"
        if self.x_axis == "epoch" and self.train_size <= 0:
            return "step"
        if any(s.samples_missing for s in self.series.values()):  # not a scan: this runs 10 × a second
            return "step"
        return self.x_axis

    def axis_label(self, unit: str | None = None) -> str:
        """The x axis' name in ``unit`` (the per-step curves' current unit by default)."""
        unit = unit or self.step_unit()
        return {"step": tr("step"), "epoch": tr("epoch"), "samples": tr("training images seen")}[unit]

    def _to_x(self, steps: np.ndarray, samples: np.ndarray) -> np.ndarray:
        """Training records' x in the current unit (the engine logged steps and samples seen)."""
        if self.x_axis == "step" or not np.isfinite(samples).all():  # logs without samples: steps
            return steps
        if self.x_axis == "samples":
            return samples
        return samples / float(self.train_size) if self.train_size > 0 else steps

    def _val_x(self, val: dict[str, np.ndarray]) -> np.ndarray:
        return {"step": val["step"], "epoch": val["epoch"], "samples": val["samples"]}[self.x_axis]

    def set_log_y(self, on: bool) -> None:
        """Logarithmic y axes for the loss plots (the learning rate is always logarithmic)."""
        self.log_y = bool(on)
        self._apply_log_y()
        self._dirty = True
        self.redraw(full=True)

    def _apply_log_y(self) -> None:
        for plot in (self.loss_plot, self.val_loss_plot):
            plot.setLogMode(x=False, y=self.log_y)
        self.lr_plot.setLogMode(x=False, y=True)  # rates of different optimizers differ by decades

    def set_run_visible(self, name: str, visible: bool) -> None:
        """Show or hide one run in every plot."""
        s = self.series.get(name)
        if s is None or s.visible == visible:
            return
        s.visible = visible
        self._syncing = True
        try:
            for key, item in s.items.items():
                if key in ("marker", "label"):
                    item.setVisible(visible and s.status == DIVERGED)
                else:
                    item.setVisible(visible)
        finally:
            self._syncing = False
        self._dirty = True
        self.redraw(full=True)
        self.sig_visibility_changed.emit(name, visible)

    def _legend_toggled(self, name: str) -> None:
        if self._syncing:
            return
        s = self.series[name]
        self.set_run_visible(name, bool(s.items["smooth"].isVisible()))

    # ------------------------------------------------------------ data
    def pull(self, log: MetricsLog) -> bool:
        """Copy what ``log`` gained since the last call; True if anything changed."""
        changed = False
        statuses = log.statuses()
        had_steps = any(s.steps.size for s in self.series.values())
        had_val = any(s.val.get("step", np.empty(0)).size for s in self.series.values())
        if log.train_size != self.train_size:
            self.train_size = log.train_size
            for s in self.series.values():
                s.x = self._to_x(s.steps, s.samples)
            self._dirty = True
        for name, s in self.series.items():
            if name not in statuses:
                continue
            snap = log.snapshot(name, train_start=s.steps.size)
            new = snap.train
            if new["step"].size:
                if s.steps.size == 0 and np.isfinite(new["samples"][0]):
                    s.batch = float(new["samples"][0])  # the first step's images: the batch size
                s.steps = _grow(s.steps, new["step"])
                s.samples = _grow(s.samples, new["samples"])
                s.samples_missing = s.samples_missing or not bool(np.isfinite(new["samples"]).all())
                s.x = _grow(s.x, self._to_x(new["step"], new["samples"]))
                s.loss = _grow(s.loss, new["loss"])
                s.lr = _grow(s.lr, new["lr"])
                w = self.run_smoothing(s)
                if w == s.ema_weight:
                    sm, s.ema_state = smooth_ema(new["loss"], w, s.ema_state)
                    s.smooth = _grow(s.smooth, sm)
                else:  # first data, or a smaller batch appeared: this run's weight changed
                    s.smooth, s.ema_state = smooth_ema(s.loss, w)
                    s.ema_weight = w
                changed = True
            if snap.val["step"].size != s.val.get("step", np.empty(0)).size:
                s.val = snap.val
                s.val_dirty = changed = True
            if snap.status != s.status:
                s.status = snap.status
                s.val_dirty = changed = True
        if changed:
            self._dirty = True
        if self.step_unit() != self._unit_shown:  # e.g. the training-set size came: steps became epochs
            self._label_x_axes()
            self.lr_plot.getViewBox().enableAutoRange(x=False)  # x-linked: see _follow_x
            self.loss_plot.getViewBox().enableAutoRange(x=True)  # the old range is in the old unit
            changed = True
        has_steps = any(s.steps.size for s in self.series.values())
        has_val = any(s.val.get("step", np.empty(0)).size for s in self.series.values())
        if (has_steps and not had_steps) or (has_val and not had_val):
            self.follow_data()  # the first data of a session: a zoom into the empty plots is forgotten
            changed = True
        return changed

    def point_count(self) -> int:
        """Training points held over all runs (for the benchmark and tests)."""
        return sum(s.steps.size for s in self.series.values())

    def redraw(self, full: bool = False) -> None:
        """Push decimated data for the current view into every item (no-op when nothing changed).

        Per-epoch plots are only touched when their data changed, so a tick in
        the middle of an epoch repaints the step plots alone; ``full`` forces all.
        """
        if not self._dirty and not full:
            return
        self._dirty = False
        x_range = self._view_range(self.loss_plot)
        any_data = False
        for s in self.series.values():
            any_data = any_data or s.steps.size > 0
            if not s.visible:
                continue
            steps = s.x
            for key, values in (("raw", s.loss), ("smooth", s.smooth), ("lr", s.lr)):
                y = values
                if self.log_y or key == "lr":
                    y = np.where(values > 0, values, np.nan)
                x, y = decimate_minmax(steps, y, x_range, self.MAX_BINS)
                s.items[key].setData(x, y, connect="finite")
            val = s.val
            if val and (s.val_dirty or full):
                s.val_dirty = False
                epochs = self._val_x(val)
                s.items["val_loss"].setData(epochs, val["loss"])
                s.items["val_acc"].setData(epochs, val["accuracy"])
                has_train = np.isfinite(val["train_loss"])
                s.items["train_loss"].setData(epochs[has_train], val["train_loss"][has_train])
                s.items["train_acc"].setData(epochs[has_train], val["train_accuracy"][has_train])
                norms = val.get("weight_norm")
                if norms is not None:  # lessons saved before the norm was logged have none
                    has_norm = np.isfinite(norms)
                    s.items["norm"].setData(epochs[has_norm], norms[has_norm])
            diverged = s.status == DIVERGED and steps.size > 0
            for key in ("marker", "label"):
                if s.items[key].isVisible() != diverged:
                    s.items[key].setVisible(diverged)
            s.marker = None
            if diverged:
                finite = np.isfinite(s.loss)
                y_last = float(s.loss[finite][-1]) if finite.any() else 0.0
                s.marker = (float(steps[-1]), math.log10(y_last) if self.log_y and y_last > 0 else y_last)
            label = s.name + {DIVERGED: " ✕ " + tr("diverged"), FAILED: " — " + tr("failed")}.get(s.status, "")
            self._set_legend_label(s, label)
        if self.placeholder.isVisible() != (not any_data):
            self.placeholder.setVisible(not any_data)
            self._place_placeholder()
        self._apply_bounds()
        self._place_markers()
        self._update_lr_ticks()

    # ------------------------------------------------------------ diverged runs
    def set_clip_diverged(self, on: bool) -> None:
        """Fit the loss, validation and norm axes to the runs that did not diverge (default) or to all."""
        self.clip_diverged = bool(on)
        self._apply_bounds()
        self._place_markers()

    def _apply_bounds(self) -> None:
        """A diverged run's curves stop stretching the axes while a stable run has data to show."""
        stable = any(s.status != DIVERGED and s.steps.size for s in self.series.values() if s.visible)
        for s in self.series.values():
            counts = not (self.clip_diverged and stable and s.status == DIVERGED)
            for key, plot in (("raw", self.loss_plot), ("smooth", self.loss_plot), ("marker", self.loss_plot),
                              ("val_loss", self.val_loss_plot), ("train_loss", self.val_loss_plot),
                              ("norm", self.norm_plot)):
                set_counts_for_range(plot, s.items[key], counts)

    def _place_markers(self) -> None:
        """Each diverged run's ✕ at its last finite loss, or on the top edge when that is out of view."""
        top = self.loss_plot.getViewBox().viewRange()[1][1]
        for s in self.series.values():
            place_marker(s, top)

    def _update_lr_ticks(self) -> None:
        values = [s.lr for s in self.series.values() if s.visible and s.lr.size]
        self._lr_decades = decade_ticks(self.lr_plot, values, self._lr_decades)

    def _lr_resized(self) -> None:
        """The learning-rate plot changed height (zoom, window): fit its decade labels again."""
        self._lr_decades = None
        self._update_lr_ticks()

    def _set_legend_label(self, s: Series, text: str) -> None:
        for sample, label in self.legend.items:
            if sample.item is s.items["smooth"]:
                if label.text != text:
                    label.setText(text)
                    self._fit_legend()
                return

    def _view_range(self, plot: pg.PlotWidget) -> tuple[float, float] | None:
        vb = plot.getViewBox()
        if vb.autoRangeEnabled()[0]:
            return None  # everything is visible
        lo, hi = vb.viewRange()[0]
        return (lo, hi)

    # ------------------------------------------------------------ cursor readout
    def _fit_readout_height(self) -> None:
        """Room for the longest readout of these runs at the readout's width (two lines at least),
        whatever it shows now: the plots do not jump as the mouse moves and the line wraps."""
        label = self.readout
        height = 2 * label.fontMetrics().lineSpacing()
        if self.series and label.width() > 0:
            widest = " · ".join(f"■ {name} <b>0.0000</b>" for name in self.series)
            doc = QTextDocument()
            doc.setDefaultFont(label.font())
            doc.setHtml(f"{self.axis_label('samples')} 000,000,000 — {widest}")
            doc.setTextWidth(label.width())
            height = max(height, math.ceil(doc.size().height()))
        if label.height() != height + 2 or label.minimumHeight() != height + 2:
            label.setFixedHeight(height + 2)

    def clear_readout(self) -> None:
        """No cursor line and no values (the mouse left the plot, or the runs changed)."""
        self.step_cursor.setVisible(False)
        self.readout.setText(" ")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.readout and event.type() == QEvent.Type.Resize:
            self._fit_readout_height()  # narrower: the longest readout may take another line
        elif watched is self.loss_plot and event.type() in (QEvent.Type.Enter, QEvent.Type.Leave):
            self._mouse_inside = event.type() == QEvent.Type.Enter
            if not self._mouse_inside:
                self.clear_readout()
        return super().eventFilter(watched, event)

    def _mouse_moved(self, event: tuple[object, ...]) -> None:
        pos = event[0]
        vb = self.loss_plot.getViewBox()
        if not self._mouse_inside or not self.loss_plot.sceneBoundingRect().contains(pos):
            self.clear_readout()  # also a move the rate limit delivers after the mouse left
            return
        x = vb.mapSceneToView(pos).x()
        self.step_cursor.setPos(x)
        self.step_cursor.setVisible(True)
        self.readout.setText(self.readout_text(x))

    def readout_text(self, x: float) -> str:
        """``step 120 — SGD 1.23 · Adam 0.45`` (rich text, run colours) at the nearest recorded x."""
        return readout_text(list(self.series.values()), x, self.axis_label(), self.step_unit())
