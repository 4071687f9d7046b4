"""The surface as a filled contour plot with the optimizers' paths drawn on it.

One persistent ImageItem holds the colour-shaded surface, one IsocurveItem per
contour level draws the lines, and each optimizer owns one line and one head
marker that are updated with ``setData`` as the race clock moves.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QRectF, Signal
from PySide6.QtGui import QColor

from cnnviz.core.playground import Landmark, SurfaceGrid, Trajectory
from cnnviz.gui.playground.palette import (
    CONTOUR_COLOR,
    SURFACE_COLORS,
    SURFACE_STOPS,
)


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class _RacerItems:
    """The drawn items of one optimizer: its path, its head and a divergence cross."""

    def __init__(self, plot: pg.PlotItem, color: QColor) -> None:
        self.color = color
        self.path = pg.PlotDataItem(pen=pg.mkPen(color, width=2.6), antialias=False)
        self.path.setZValue(20)
        self.head = pg.ScatterPlotItem(
            size=13, pen=pg.mkPen("#1a1a1a", width=1.5), brush=pg.mkBrush(color), symbol="o"
        )
        self.head.setZValue(30)
        self.cross = pg.ScatterPlotItem(
            size=18, pen=pg.mkPen("#ffffff", width=1.2), brush=pg.mkBrush("#c0392b"), symbol="x"
        )
        self.cross.setZValue(31)
        for item in (self.path, self.head, self.cross):
            plot.addItem(item)
        self.trajectory: Trajectory | None = None

    def set_visible(self, on: bool) -> None:
        for item in (self.path, self.head, self.cross):
            item.setVisible(on)

    def show_step(self, step: int) -> None:
        t = self.trajectory
        if t is None:
            self.set_visible(False)
            return
        n = min(step, t.last_step) + 1
        pts = t.xy[:n]
        if not np.isfinite(pts[-1]).all():
            pts = pts[:-1]
        self.path.setData(pts[:, 0], pts[:, 1])
        diverged_now = t.diverged_at is not None and step >= t.diverged_at
        if len(pts):
            last = pts[-1:]
            if diverged_now:
                self.cross.setData(last[:, 0], last[:, 1])
                self.head.setData([], [])
            else:
                self.head.setData(last[:, 0], last[:, 1])
                self.cross.setData([], [])
        self.path.setVisible(True)
        self.head.setVisible(not diverged_now)
        self.cross.setVisible(diverged_now)


class SurfaceView(pg.PlotWidget):
    """Filled contours of a surface, its minima, the start point and the racing paths."""

    sig_start_clicked = Signal(float, float)
    """The user clicked the surface at (x, y): the new start point."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 (Qt parent)
        super().__init__(parent=parent)
        self.setBackground("w")
        p = self.getPlotItem()
        p.setMenuEnabled(False)
        p.showGrid(x=False, y=False)
        p.setLabel("bottom", "x")
        p.setLabel("left", "y")
        p.setAspectLocked(True)
        p.hideButtons()
        for axis in ("bottom", "left"):
            p.getAxis(axis).setTextPen("#222222")
            p.getAxis(axis).setPen("#444444")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pg.ColorMap(SURFACE_STOPS, SURFACE_COLORS).getLookupTable(nPts=256))
        p.addItem(self.image)
        self.isocurves: list[pg.IsocurveItem] = []
        self.landmarks = pg.ScatterPlotItem(
            size=20, symbol="star", pen=pg.mkPen("#1a1a1a", width=1.2), brush=pg.mkBrush("#ffffff")
        )
        self.landmarks.setZValue(15)
        p.addItem(self.landmarks)
        self.start_marker = pg.ScatterPlotItem(
            size=16, symbol="s", pen=pg.mkPen("#1a1a1a", width=2), brush=pg.mkBrush(255, 255, 255, 200)
        )
        self.start_marker.setZValue(25)
        p.addItem(self.start_marker)
        self.hover = pg.TextItem("", color="#1a1a1a", fill=pg.mkBrush(255, 255, 255, 210), anchor=(0, 1))
        self.hover.setZValue(40)
        p.addItem(self.hover, ignoreBounds=True)
        self.hover.setVisible(False)
        self.racers: dict[str, _RacerItems] = {}
        self.grid: SurfaceGrid | None = None
        self.scene().sigMouseClicked.connect(self._on_click)
        self._move_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._on_move)
        self.setToolTip(tr(
            "The loss surface: pale = low loss, blue = high loss; lines are contour levels, "
            "log-spaced. ★ marks the minima, the white square the start.\n"
            "Click anywhere to start the race from there. Wheel: zoom; drag: pan."
        ))

    # ------------------------------------------------------------------ surface
    def set_grid(self, grid: SurfaceGrid, landmarks: list[Landmark]) -> None:
        """Show a new surface: colours, contour lines, minima, and fit the view to its bounds."""
        self.grid = grid
        b = grid.bounds
        lo, hi = grid.shade_range
        self.image.setImage(grid.shade, levels=(lo, hi if hi > lo else lo + 1.0), autoLevels=False)
        # Pixel centres sit on the sample points: the image extends half a sample beyond them.
        dx = (grid.xs[-1] - grid.xs[0]) / max(1, len(grid.xs) - 1)
        dy = (grid.ys[-1] - grid.ys[0]) / max(1, len(grid.ys) - 1)
        self.image.setRect(QRectF(b.xmin - dx / 2, b.ymin - dy / 2, b.width + dx, b.height + dy))
        while len(self.isocurves) < len(grid.shade_levels):
            iso = pg.IsocurveItem(pen=pg.mkPen(QColor(*CONTOUR_COLOR), width=1), axisOrder="row-major")
            iso.setParentItem(self.image)
            iso.setZValue(5)
            self.isocurves.append(iso)
        for i, iso in enumerate(self.isocurves):
            if i < len(grid.shade_levels):
                iso.setData(grid.shade, float(grid.shade_levels[i]))
                iso.setVisible(True)
            else:
                iso.setVisible(False)
        minima = [m for m in landmarks if m.kind == "minimum"]
        saddles = [m for m in landmarks if m.kind == "saddle"]
        spots = [{"pos": (m.x, m.y), "symbol": "star", "size": 20} for m in minima]
        spots += [{"pos": (m.x, m.y), "symbol": "+", "size": 22, "pen": pg.mkPen("#1a1a1a", width=3)}
                  for m in saddles]
        self.landmarks.setData(spots)
        self.reset_view()

    def reset_view(self) -> None:
        """Fit the view to the surface's bounds."""
        if self.grid is None:
            return
        b = self.grid.bounds
        self.getPlotItem().getViewBox().setRange(
            xRange=(b.xmin, b.xmax), yRange=(b.ymin, b.ymax), padding=0.0
        )

    def set_start(self, x: float, y: float) -> None:
        """Move the start marker."""
        self.start_marker.setData([x], [y])

    # ------------------------------------------------------------------ racers
    def set_trajectories(self, trajectories: dict[str, Trajectory], colors: dict[str, QColor]) -> None:
        """Replace the paths shown (keys not given are hidden)."""
        p = self.getPlotItem()
        for key, color in colors.items():
            if key not in self.racers:
                self.racers[key] = _RacerItems(p, color)
        for key, items in self.racers.items():
            items.trajectory = trajectories.get(key)
            if items.trajectory is None:
                items.set_visible(False)

    def show_step(self, step: int) -> None:
        """Draw every path up to ``step``."""
        for items in self.racers.values():
            if items.trajectory is not None:
                items.show_step(step)

    # ------------------------------------------------------------------ mouse
    def _on_click(self, event) -> None:  # noqa: ANN001 (pyqtgraph event)
        if event.button() != QtCore.Qt.MouseButton.LeftButton or event.double():
            return
        vb = self.getPlotItem().getViewBox()
        pos = event.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        pt = vb.mapSceneToView(pos)
        if self.grid is not None and self.grid.bounds.contains(pt.x(), pt.y()):
            event.accept()
            self.sig_start_clicked.emit(float(pt.x()), float(pt.y()))

    def _on_move(self, args) -> None:  # noqa: ANN001 (SignalProxy payload)
        pos = args[0]
        vb = self.getPlotItem().getViewBox()
        g = self.grid
        if g is None or not vb.sceneBoundingRect().contains(pos):
            self.hover.setVisible(False)
            return
        pt = vb.mapSceneToView(pos)
        x, y = pt.x(), pt.y()
        if not g.bounds.contains(x, y):
            self.hover.setVisible(False)
            return
        j = int(np.clip(np.searchsorted(g.xs, x), 0, len(g.xs) - 1))
        i = int(np.clip(np.searchsorted(g.ys, y), 0, len(g.ys) - 1))
        self.hover.setText(f"x={x:.3f}  y={y:.3f}  f≈{float(g.z[i, j]):.4g}")
        self.hover.setPos(x, y)
        self.hover.setVisible(True)

    def leaveEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt naming)
        self.hover.setVisible(False)
        super().leaveEvent(event)
