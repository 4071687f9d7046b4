"""The surface as a filled contour plot with the optimizers' paths drawn on it.

One persistent ImageItem holds the colour-shaded surface, one IsocurveItem per
contour level draws the lines, and each optimizer owns one line and one head
marker that are updated with ``setData`` as the race clock moves. While a new
surface is computed the old picture is hidden (another surface) or dimmed (new
parameters) under a "Computing…" notice; markers and lines grow with the zoom.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QLabel

from cnnviz.core.playground import Landmark, SurfaceGrid, Trajectory
from cnnviz.gui.playground.palette import (
    CONTOUR_COLOR,
    SURFACE_COLORS,
    SURFACE_STOPS,
)
from cnnviz.gui.playground.plot_style import PlotColors, css_rgba, style_plot, with_alpha

VIEW_MIN_WIDTH, VIEW_MIN_HEIGHT = 300, 240
"""px at 100 % zoom: the surface stays legible however small the window (times the zoom)."""
PATHS_NOTICE_MS = 250
"""A recompute of paths alone says so only if it takes longer than this (no flicker while dragging)."""
DIMMED = 0.3
STALE = 0.35


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class _RacerItems:
    """The drawn items of one optimizer: its path, its head and a divergence cross."""

    def __init__(self, plot: pg.PlotItem, color: QColor, zoom: float) -> None:
        self.color = color
        self.path = pg.PlotDataItem(antialias=False)
        self.path.setZValue(20)
        self.head = pg.ScatterPlotItem(pen=pg.mkPen("#1a1a1a", width=1.5), brush=pg.mkBrush(color), symbol="o")
        self.head.setZValue(30)
        self.cross = pg.ScatterPlotItem(pen=pg.mkPen("#ffffff", width=1.2), brush=pg.mkBrush("#c0392b"), symbol="x")
        self.cross.setZValue(31)
        for item in (self.path, self.head, self.cross):
            plot.addItem(item)
        self.trajectory: Trajectory | None = None
        self.set_zoom(zoom)

    def set_zoom(self, zoom: float) -> None:
        """Line width and marker sizes for the presentation zoom."""
        self.path.setPen(pg.mkPen(self.color, width=2.6 * zoom))
        self.head.setSize(13 * zoom)
        self.cross.setSize(18 * zoom)

    def set_visible(self, on: bool) -> None:
        for item in (self.path, self.head, self.cross):
            item.setVisible(on)

    def set_opacity(self, opacity: float) -> None:
        for item in (self.path, self.head, self.cross):
            item.setOpacity(opacity)

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
        self.zoom = 1.0
        p = self.getPlotItem()
        p.setMenuEnabled(False)
        p.showGrid(x=False, y=False)
        p.setLabel("bottom", "x")
        p.setLabel("left", "y")
        p.setAspectLocked(True)
        p.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pg.ColorMap(SURFACE_STOPS, SURFACE_COLORS).getLookupTable(nPts=256))
        p.addItem(self.image)
        self.isocurves: list[pg.IsocurveItem] = []
        self.landmarks = pg.ScatterPlotItem(symbol="star", pen=pg.mkPen("#1a1a1a", width=1.2),
                                            brush=pg.mkBrush("#ffffff"))
        self.landmarks.setZValue(15)
        p.addItem(self.landmarks)
        self._landmarks: list[Landmark] = []
        self.start_marker = pg.ScatterPlotItem(symbol="s", pen=pg.mkPen("#1a1a1a", width=2),
                                               brush=pg.mkBrush(255, 255, 255, 200))
        self.start_marker.setZValue(25)
        p.addItem(self.start_marker)
        self.hover = pg.TextItem("", anchor=(0, 1))
        self.hover.setZValue(40)
        p.addItem(self.hover, ignoreBounds=True)
        self.hover.setVisible(False)
        self.racers: dict[str, _RacerItems] = {}
        self.grid: SurfaceGrid | None = None
        self.pending = ""
        self._stale = False  # the paths on record belong to a picture no longer shown
        self.busy = QLabel(self)
        """The "Computing…" notice over the plot (hidden when nothing is computed)."""
        self.busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.busy.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(PATHS_NOTICE_MS)
        self._notice_timer.timeout.connect(self._show_paths_notice)
        self.scene().sigMouseClicked.connect(self._on_click)
        self._move_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._on_move)
        self.setToolTip(tr(
            "The loss surface: pale = low loss, blue = high loss; lines are contour levels, "
            "log-spaced. ★ marks the minima, the white square the start.\n"
            "Click anywhere to start the race from there. Wheel: zoom; drag: pan."
        ))
        self.set_zoom(1.0)

    # ------------------------------------------------------------------ presentation
    def set_zoom(self, zoom: float) -> None:
        """Presentation zoom: the minimum size, markers and lines grow with it."""
        self.zoom = zoom
        self.setMinimumSize(round(VIEW_MIN_WIDTH * zoom), round(VIEW_MIN_HEIGHT * zoom))
        self.start_marker.setSize(16 * zoom)
        for items in self.racers.values():
            items.set_zoom(zoom)
        self._draw_landmarks()

    def apply_colors(self, colors: PlotColors) -> None:
        """Follow the theme: background, axes, the hover read-out and the notice."""
        style_plot(self, colors)
        self.hover.setColor(colors.text)
        self.hover.fill = pg.mkBrush(with_alpha(colors.background, 0.85))
        self.hover.update()
        self.busy.setStyleSheet(
            f"QLabel {{ background: {css_rgba(colors.background, 0.9)}; color: {colors.text.name()};"
            f" border: 1px solid {colors.axis.name()}; border-radius: 6px; padding: 0.5em 1em; }}")

    def set_pending(self, what: str) -> None:
        """Show what is being computed: "surface", "parameters", "paths" or "" (nothing).

        Another surface hides the old picture, new parameters dim it; both hide
        the old paths (they belong to the old picture). Paths alone dim the old
        paths, and say so only if computing them takes a while.
        """
        before, self.pending = self.pending, what
        self._notice_timer.stop()
        new_picture = what in ("surface", "parameters")
        self.image.setVisible(what != "surface")
        self.image.setOpacity(DIMMED if what == "parameters" else 1.0)
        self.landmarks.setVisible(not new_picture)
        self.start_marker.setVisible(what != "surface")
        stale_picture = new_picture or (what == "paths" and before in ("surface", "parameters"))
        self._stale = self._stale or stale_picture
        for items in self.racers.values():
            if self._stale:
                items.set_visible(False)
            elif what == "":
                items.set_opacity(1.0)
        if new_picture:
            self._notice(tr("Computing the surface…"))
        elif what == "paths":
            if self._stale or self.busy.isVisible():
                self._notice(tr("Computing the paths…"))
            else:
                self._notice_timer.start()
        else:
            self.busy.hide()

    def _show_paths_notice(self) -> None:
        if self.pending == "paths":
            for items in self.racers.values():
                items.set_opacity(STALE)
            self._notice(tr("Computing the paths…"))

    def _notice(self, text: str) -> None:
        self.busy.setText(text)
        self.busy.adjustSize()
        self._place_notice()
        self.busy.show()
        self.busy.raise_()

    def _place_notice(self) -> None:
        self.busy.move(max(0, (self.width() - self.busy.width()) // 2),
                       max(0, (self.height() - self.busy.height()) // 2))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if "busy" in self.__dict__:  # pyqtgraph resizes once inside its own __init__
            self._place_notice()

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
        self._landmarks = list(landmarks)
        self._draw_landmarks()
        self.image.setVisible(True)
        self.image.setOpacity(1.0)
        self.landmarks.setVisible(True)
        self.start_marker.setVisible(True)
        self.reset_view()

    def _draw_landmarks(self) -> None:
        z = self.zoom
        spots = [{"pos": (m.x, m.y), "symbol": "star", "size": 20 * z} for m in self._landmarks
                 if m.kind == "minimum"]
        spots += [{"pos": (m.x, m.y), "symbol": "+", "size": 22 * z, "pen": pg.mkPen("#1a1a1a", width=3 * z)}
                  for m in self._landmarks if m.kind == "saddle"]
        self.landmarks.setData(spots)

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
                self.racers[key] = _RacerItems(p, color, self.zoom)
        self._stale = False
        for key, items in self.racers.items():
            items.trajectory = trajectories.get(key)
            items.set_opacity(1.0)
            if items.trajectory is None:
                items.set_visible(False)

    def show_step(self, step: int) -> None:
        """Draw every path up to ``step``."""
        if self._stale:
            return  # the paths on record belong to the old picture
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
