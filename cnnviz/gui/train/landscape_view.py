"""The loss landscape view: a 2-D slice of the real network's loss with every run's path on it, animated.

After training with weight snapshots kept, Compute evaluates the loss on a
grid over the plane through the shared initial weights (the principal
directions of the runs' paths, or two filter-normalised random directions;
core.training.landscape) in a worker thread with progress and cancel. The
grid is drawn as shaded contours (log of the loss), the start as a star,
each run's projected path as a line in its colour that Play animates step
by step. Grid points whose loss is NaN or infinite are crossed out and said.
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg

from cnnviz.core.training.landscape import Landscape, landscape_of_recorder
from cnnviz.core.training.metrics import DIVERGED
from cnnviz.gui.flow_layout import flow_widget
from cnnviz.gui.train.plot_axes import place_hint, watch_hint, watch_legend
from cnnviz.gui.workers import Job, run_in_thread

# Low loss pale cream, high loss steel blue: the saturated run colours stand out (as the Playground's surfaces).
SURFACE_STOPS = np.array([0.0, 0.35, 0.7, 1.0])
SURFACE_COLORS = np.array([[252, 250, 242], [214, 230, 232], [150, 184, 208], [92, 124, 160]], dtype=np.ubyte)
CONTOUR_PEN = (50, 70, 95, 120)
CONTOURS = 12
FRAME_MS = 120

Source = Callable[[], tuple[Any, Any]]
"""Returns (trainer, weight recorder) of the runs shown, or (None, None)."""


def tr(text: str) -> str:
    """Translate a landscape-view string."""
    return QCoreApplication.translate("TrainLandscape", text)


def _landscape_job(progress: Any, cancel: Any, trainer: Any, recorder: Any, runs: list[str], directions: str,
                   grid: int, probe: int) -> Landscape:
    """Runs on a worker thread (training is not running)."""
    return landscape_of_recorder(trainer, recorder, runs=runs, directions=directions, grid=grid, probe=probe,
                                 progress=progress, cancel=cancel)


def landscape_runs(trainer: Any, recorder: Any) -> tuple[list[str], list[str]]:
    """(runs to draw, diverged runs left out): a diverged run's weights fly off and would be all the plane shows."""
    statuses = trainer.log.statuses()
    kept = [r for r in recorder.runs() if statuses.get(r, ("", ""))[0] != DIVERGED]
    left_out = [r for r in recorder.runs() if r not in kept]
    return (kept, left_out) if kept else (recorder.runs(), [])


def shade(loss: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(log10 of the loss with non-finite cells set to the highest finite value, mask of those cells)."""
    bad = ~np.isfinite(loss) | (loss <= 0)
    z = np.log10(np.where(bad, 1.0, loss))
    top = float(z[~bad].max()) if (~bad).any() else 0.0
    return np.where(bad, top, z).astype(np.float32), bad


class LandscapeView(QWidget):
    """Controls, a contour plot of the loss slice, and the runs' paths with a step slider and Play."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.colors: dict[str, str] = {}
        self.landscape: Landscape | None = None
        self.job: Job | None = None
        self.training = False
        self.left_out: list[str] = []  # diverged runs not on the plane
        self._build_controls()
        self._build_plot()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(flow_widget(self.directions, self.grid, self.probe, self.compute_button, self.cancel_button,
                                  self.play_button, self.frame))
        box.addWidget(self.progress)
        box.addWidget(self.plot, 1)
        box.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._next_frame)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.play_button.clicked.connect(self.toggle_play)
        self.frame.valueChanged.connect(self.show_frame)
        self.update_state()

    def _build_controls(self) -> None:
        self.directions = QComboBox()
        self.directions.addItem(tr("plane of the paths (PCA)"), "pca")
        self.directions.addItem(tr("random directions (filter-normalised)"), "random")
        self.directions.setToolTip(tr("The plane through the shared initial weights: the two directions the runs' "
                                      "weights moved along most, or two random directions scaled filter by "
                                      "filter like the weights (Li et al. 2018)."))
        self.grid = QSpinBox()
        self.grid.setRange(5, 61)
        self.grid.setValue(21)
        self.grid.setPrefix(tr("grid "))
        self.grid.setToolTip(tr("Points per side of the grid: the loss is evaluated grid × grid times."))
        self.probe = QSpinBox()
        self.probe.setRange(50, 10000)
        self.probe.setSingleStep(100)
        self.probe.setValue(500)
        self.probe.setSuffix(tr(" images"))
        self.probe.setToolTip(tr("Training images the loss is measured on at every grid point."))
        self.compute_button = QPushButton(tr("Compute landscape"))
        self.compute_button.setToolTip(tr("Evaluate the loss over the plane and project every run's path on it."))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.play_button = QPushButton(tr("Play"))
        self.play_button.setToolTip(tr("Animate the runs' paths step by step."))
        self.frame = QSlider(Qt.Orientation.Horizontal)
        self.frame.setMinimumWidth(160)
        self.frame.setToolTip(tr("Show the paths up to this snapshot."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _build_plot(self) -> None:
        self.plot = pg.PlotWidget(background="w")
        p = self.plot.getPlotItem()
        p.setLabel("bottom", "α")
        p.setLabel("left", "β")
        p.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pg.ColorMap(SURFACE_STOPS, SURFACE_COLORS).getLookupTable(nPts=256))
        p.addItem(self.image)
        self.isocurves: list[pg.IsocurveItem] = []
        self.nan_marks = pg.ScatterPlotItem(symbol="x", size=8, pen=pg.mkPen("#777", width=1), brush=None)
        p.addItem(self.nan_marks)
        self.start = pg.ScatterPlotItem(symbol="star", size=18, pen=pg.mkPen("#1a1a1a", width=1.2),
                                        brush=pg.mkBrush("#ffffff"))
        self.start.setZValue(25)
        p.addItem(self.start)
        self.legend = p.addLegend(offset=(-10, 10), labelTextColor="#222", brush=pg.mkBrush(255, 255, 255, 210))
        watch_legend(self.plot)
        self.paths: dict[str, tuple[pg.PlotDataItem, pg.ScatterPlotItem]] = {}
        self.notice = pg.TextItem("", color="#8b0000", anchor=(0, 0))
        p.addItem(self.notice, ignoreBounds=True)
        watch_hint(self.plot, lambda: place_hint(self.plot, self.notice, centered=False))  # never under the legend

    # ------------------------------------------------------------ runs and state
    def set_runs(self, runs: list[tuple[str, str]]) -> None:
        """The runs' colours; a landscape of other runs is cleared."""
        self.colors = dict(runs)
        if self.landscape is not None and set(self.landscape.paths) - set(self.colors):
            self.clear()

    def set_training(self, running: bool) -> None:
        """Training runs: no computing now (the trainer's models are busy)."""
        self.training = running
        self.update_state()

    def update_state(self) -> None:
        """Enable what can be done now."""
        busy = self.job is not None and self.job.running
        self.compute_button.setEnabled(not busy and not self.training)
        self.cancel_button.setEnabled(busy)
        has = self.landscape is not None and bool(self.landscape.paths)
        self.play_button.setEnabled(has and not busy)
        self.frame.setEnabled(has and not busy)

    def clear(self) -> None:
        """Forget the landscape shown."""
        self.timer.stop()
        self.landscape = None
        self.image.clear()
        for iso in self.isocurves:
            iso.setVisible(False)
        for line, head in self.paths.values():
            self.plot.removeItem(line)
            self.plot.removeItem(head)
        self.paths.clear()
        self.legend.clear()
        self.nan_marks.setData([], [])
        self.start.setData([], [])
        self.notice.setText("")
        self.status.setText("")
        self.update_state()

    # ------------------------------------------------------------ computing
    def compute(self) -> None:
        """Start computing the landscape of the runs shown (needs their snapshots from step 0)."""
        trainer, recorder = self.source()
        if trainer is None or recorder is None or not recorder.runs():
            self.status.setText(tr("Train first, with Keep weights on (every epoch, or every N steps for smoother "
                                   "paths): the landscape needs each run's weights along the way."))
            return
        self.timer.stop()
        runs, self.left_out = landscape_runs(trainer, recorder)
        self.status.setText(tr("Computing the landscape…"))
        self.progress.setValue(0)
        self.job = run_in_thread(_landscape_job, trainer=trainer, recorder=recorder, runs=runs,
                                 directions=self.directions.currentData(), grid=self.grid.value(),
                                 probe=self.probe.value())
        self.job.sig_progress.connect(lambda f, _m: self.progress.setValue(int(f * 1000)))
        self.job.sig_finished.connect(self.show_landscape)
        self.job.sig_failed.connect(lambda message, _d: self.status.setText(message))
        self.job.sig_cancelled.connect(lambda: self.status.setText(tr("Cancelled.")))
        self.job.sig_done.connect(self.update_state)
        self.update_state()

    def cancel(self) -> None:
        """Stop computing (at the next grid point)."""
        if self.job is not None:
            self.job.cancel()

    def is_busy(self) -> bool:
        """True while a landscape is computed."""
        return self.job is not None and self.job.running

    def shutdown(self) -> None:
        """Stop the animation and the computation."""
        self.timer.stop()
        self.cancel()

    # ------------------------------------------------------------ drawing
    def show_landscape(self, landscape: Landscape) -> None:
        """Draw a computed landscape and its paths (at their last step)."""
        self.clear()
        self.landscape = landscape
        a, b = landscape.alpha, landscape.beta
        z, bad = shade(landscape.loss)
        lo, hi = float(z.min()), float(z.max())
        self.image.setImage(z, levels=(lo, hi if hi > lo else lo + 1.0), autoLevels=False)
        da, db = (a[-1] - a[0]) / max(1, a.size - 1), (b[-1] - b[0]) / max(1, b.size - 1)
        self.image.setRect(QRectF(a[0] - da / 2, b[0] - db / 2, a[-1] - a[0] + da, b[-1] - b[0] + db))
        self._draw_contours(z, lo, hi)
        rows, cols = np.nonzero(bad)
        self.nan_marks.setData(a[cols], b[rows])
        self.start.setData([0.0], [0.0])
        for run in landscape.paths:
            color = QColor(self.colors.get(run, "#333333"))
            line = self.plot.plot(pen=pg.mkPen(color, width=2.5), name=run)
            head = pg.ScatterPlotItem(symbol="o", size=11, pen=pg.mkPen("#1a1a1a", width=1.2), brush=color)
            line.setZValue(20)
            head.setZValue(30)
            self.plot.addItem(head)
            self.paths[run] = (line, head)
        frames = max((len(c) for c in landscape.paths.values()), default=1)
        self.frame.blockSignals(True)
        self.frame.setRange(0, max(0, frames - 1))
        self.frame.setValue(frames - 1)
        self.frame.blockSignals(False)
        self.show_frame(frames - 1)
        self.notice.setText(self.nan_text())
        place_hint(self.plot, self.notice, centered=False)
        self.status.setText(self.summary_text())
        self.progress.setValue(1000)
        self.update_state()

    def _draw_contours(self, z: np.ndarray, lo: float, hi: float) -> None:
        levels: np.ndarray | list[float] = np.linspace(lo, hi, CONTOURS + 2)[1:-1] if hi > lo else []
        while len(self.isocurves) < len(levels):
            iso = pg.IsocurveItem(pen=pg.mkPen(QColor(*CONTOUR_PEN), width=1), axisOrder="row-major")
            iso.setParentItem(self.image)
            iso.setZValue(5)
            self.isocurves.append(iso)
        for i, iso in enumerate(self.isocurves):
            iso.setVisible(i < len(levels))
            if i < len(levels):
                iso.setData(z, float(levels[i]))

    def show_frame(self, frame: int) -> None:
        """Each run's path up to its ``frame``-th snapshot (its last one if it has fewer)."""
        land = self.landscape
        if land is None:
            return
        for run, (line, head) in self.paths.items():
            coords = land.paths[run][: frame + 1]
            coords = coords[np.isfinite(coords).all(axis=1)]
            line.setData(coords[:, 0], coords[:, 1])
            head.setData(coords[-1:, 0], coords[-1:, 1])

    def toggle_play(self) -> None:
        """Animate the paths from the start, or pause the animation."""
        if self.timer.isActive():
            self.timer.stop()
            self.play_button.setText(tr("Play"))
            return
        if self.frame.value() >= self.frame.maximum():
            self.frame.setValue(0)
        self.play_button.setText(tr("Pause"))
        self.timer.start()

    def _next_frame(self) -> None:
        if self.frame.value() >= self.frame.maximum():
            self.timer.stop()
            self.play_button.setText(tr("Play"))
            return
        self.frame.setValue(self.frame.value() + 1)

    def nan_text(self) -> str:
        """'' or how many grid points had a NaN or infinite loss (crossed out in the plot)."""
        land = self.landscape
        if land is None or not land.nan_cells:
            return ""
        return tr("{0} of {1} grid points gave a NaN or infinite loss (crossed out).").format(
            land.nan_cells, land.loss.size)

    def summary_text(self) -> str:
        """What the plane is and what the colours mean."""
        land = self.landscape
        if land is None:
            return ""
        text = tr("Colour and contours: log of the loss on {0}×{0} points; star: the shared initial weights "
                  "(loss {1:.3g}).").format(land.loss.shape[0], land.origin_loss)
        if land.kind == "pca" and land.explained_variance is not None:
            share = sum(land.explained_variance)
            text += " " + tr("This plane holds {0:.0%} of the paths' movement.").format(share)
        if self.left_out:
            text += " " + tr("Diverged runs left out (their weights fly off the plane): {0}.").format(
                ", ".join(self.left_out))
        return text + (" " + self.nan_text() if land.nan_cells else "")
