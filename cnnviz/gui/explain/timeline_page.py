"""The Architecture timeline page: LeNet-5 → … → ResNet-152 as a table and a log-scale chart."""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import numpy as np
import pyqtgraph as pg

from cnnviz.core import geometry as geo
from cnnviz.core.explain import TimelineRow, compute_timeline
from cnnviz.core.session import ModelRequest
from cnnviz.gui.explain.topics import ExplainPage
from cnnviz.gui.state import AppState
from cnnviz.gui.explain.common import tr
from cnnviz.gui.workers import Job, run_in_thread

PARAMS_COLOR = "#0072B2"
MACS_COLOR = "#D55E00"
PLOT_INK = "#1A1A1A"
LEADER_COLOR = "#8A8A8A"
LABEL_GAP = 4.0  # px between a dot and its label
MARKER_RADIUS = 7.0  # px: labels keep clear of every dot and square
BEAM_WIDTH = 64  # partial label layouts kept while placing the names
LEADER_LEVELS = 5  # how many steps away from its dot a label may move, tied to it by a leader line
# Directions a label may sit in, in degrees (0 = right, 90 = up), in order of preference.
DIRECTIONS = (90, 270, 0, 180, 45, 135, 315, 225, 60, 120, 300, 240, 30, 150, 330, 210)
HARD = 1000.0  # per px² of a name on a name, and per name a leader runs through
SOFT = 100.0  # per px² of a name on a marker, or out of the plot

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels, y downwards


def _overlap_area(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Area shared by boxes ``a`` (…, 4) and ``b`` (…, 4), broadcast (0 when they only touch)."""
    w = np.minimum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0])
    h = np.minimum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1])
    return np.clip(w, 0, None) * np.clip(h, 0, None)


def _segment_hits_box(seg: np.ndarray, box: np.ndarray) -> np.ndarray:
    """Whether segments ``seg`` (…, 4: x0, y0, x1, y1; NaN for none) pass through boxes ``box`` (…, 4)."""
    x0, y0, x1, y1 = (seg[..., k] for k in range(4))
    dx, dy = x1 - x0, y1 - y0
    lo = np.zeros(np.broadcast_shapes(seg.shape[:-1], box.shape[:-1]))
    hi = np.ones_like(lo)
    with np.errstate(divide="ignore", invalid="ignore"):
        for d, start, low, high in ((dx, x0, box[..., 0], box[..., 2]), (dy, y0, box[..., 1], box[..., 3])):
            t1, t2 = (low - start) / d, (high - start) / d
            flat = d == 0
            inside = (start > low) & (start < high)
            lo = np.where(flat, np.where(inside, lo, np.inf), np.maximum(lo, np.minimum(t1, t2)))
            hi = np.where(flat, np.where(inside, hi, -np.inf), np.minimum(hi, np.maximum(t1, t2)))
    return np.nan_to_num(hi - lo, nan=-1.0) > 1e-6


def _segments_cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether segments ``a`` and ``b`` (…, 4) properly cross (NaN segments never do)."""
    def side(p: np.ndarray, q: np.ndarray, rx: np.ndarray, ry: np.ndarray) -> np.ndarray:
        return np.sign((q[..., 2] - q[..., 0]) * (ry - q[..., 1]) - (q[..., 3] - q[..., 1]) * (rx - q[..., 0]))

    with np.errstate(invalid="ignore"):
        return ((side(a, b, a[..., 0], a[..., 1]) * side(a, b, a[..., 2], a[..., 3]) < 0)
                & (side(b, a, b[..., 0], b[..., 1]) * side(b, a, b[..., 2], b[..., 3]) < 0))


def _spots(px: float, py: float, w: float, h: float, gap: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where a w×h label may go around the dot at (px, py): boxes (S, 4), leaders (S, 4; NaN: none), levels (S,)."""
    boxes, leaders, levels = [], [], []
    hx, hy = w / 2, h / 2
    for level in range(LEADER_LEVELS + 1):
        for degrees in DIRECTIONS:
            ux, uy = math.cos(math.radians(degrees)), -math.sin(math.radians(degrees))
            ux, uy = (0.0 if abs(ux) < 1e-9 else ux), (0.0 if abs(uy) < 1e-9 else uy)
            to_edge = min(hx / abs(ux) if ux else math.inf, hy / abs(uy) if uy else math.inf)  # centre → box edge along u
            reach = MARKER_RADIUS + gap + to_edge + level * (h + gap)
            cx, cy = px + ux * reach, py + uy * reach
            boxes.append((cx - hx, cy - hy, cx + hx, cy + hy))
            if level:
                leaders.append((px + ux * MARKER_RADIUS, py + uy * MARKER_RADIUS, cx - ux * to_edge, cy - uy * to_edge))
            else:
                leaders.append((math.nan,) * 4)
            levels.append(level)
    return np.array(boxes), np.array(leaders), np.array(levels)


def place_labels(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    obstacles: Sequence[Box] = (),
    bounds: Box | None = None,
    gap: float = LABEL_GAP,
    beam: int = BEAM_WIDTH,
) -> list[tuple[float, float, Box | None]]:
    """Centres for labels so that no two overlap and none covers a marker or leaves ``bounds``.

    ``points`` are the labelled dots and ``sizes`` the labels' (width, height),
    all in pixels with y downwards. A label sits next to its dot in one of 16
    directions, or further out along one, tied to its dot by a leader line that
    runs through no other label. A label without a leader must be nearer its
    own dot than any other, so no name is read as its neighbour's. A beam
    search over the labels, left to right, keeps the ``beam`` cheapest partial
    layouts. Returns ``(cx, cy, leader)`` per label, in input order, where
    ``leader`` is the line (x0, y0, x1, y1) from the dot to the label, or None.
    """
    n = len(points)
    if n == 0:
        return []
    spots = [_spots(*points[i], *sizes[i], gap) for i in range(n)]
    pts = np.array(points, dtype=float)
    obst = np.array(obstacles, dtype=float).reshape(-1, 4)

    unary = []
    for i, (boxes, leaders, levels) in enumerate(spots):
        area = sizes[i][0] * sizes[i][1]
        cost = SOFT * _overlap_area(boxes[:, None], obst[None]).sum(axis=1)
        if bounds is not None:
            inside = _overlap_area(boxes, np.array(bounds, dtype=float))
            cost += SOFT * 10 * (area - inside)
        has_leader = levels > 0
        cost += np.where(has_leader, area * levels / 20, 0.0)
        cost += area / 2 * _segment_hits_box(leaders[:, None], obst[None]).sum(axis=1)
        # distance from each box to each dot: a label without a leader must be nearest its own
        dx = np.maximum(np.maximum(boxes[:, None, 0] - pts[None, :, 0], pts[None, :, 0] - boxes[:, None, 2]), 0)
        dy = np.maximum(np.maximum(boxes[:, None, 1] - pts[None, :, 1], pts[None, :, 1] - boxes[:, None, 3]), 0)
        dist = np.hypot(dx, dy)
        others = np.delete(dist, i, axis=1).min(axis=1) if n > 1 else np.full(len(boxes), np.inf)
        cost += np.where(~has_leader & (others <= dist[:, i] + gap), area, 0.0)
        cost += area * 1e-3 * np.arange(len(boxes))  # ties: the preferred direction first
        unary.append(cost)

    def pair(i: int, j: int) -> np.ndarray:
        """(S_i, S_j): what each pair of spots for labels i and j costs together."""
        bi, li, _ = spots[i]
        bj, lj, _ = spots[j]
        area = min(sizes[i][0] * sizes[i][1], sizes[j][0] * sizes[j][1])
        cost = HARD * _overlap_area(bi[:, None], bj[None])
        crossings = (_segment_hits_box(li[:, None], bj[None]).astype(float)
                     + _segment_hits_box(lj[None], bi[:, None]) + _segments_cross(li[:, None], lj[None]))
        return cost + HARD * area * crossings

    order = sorted(range(n), key=lambda k: points[k])
    reach = []
    for i in order:
        boxes, leaders, _ = spots[i]
        every = np.concatenate([boxes, np.column_stack([np.minimum(leaders[:, 0], leaders[:, 2]),
                                                         np.minimum(leaders[:, 1], leaders[:, 3]),
                                                         np.maximum(leaders[:, 0], leaders[:, 2]),
                                                         np.maximum(leaders[:, 1], leaders[:, 3])])])
        reach.append(np.array([np.nanmin(every[:, 0]), np.nanmin(every[:, 1]),
                               np.nanmax(every[:, 2]), np.nanmax(every[:, 3])]))
    meets = [[bool(_overlap_area(reach[d], reach[e]) > 0) for e in range(n)] for d in range(n)]
    pairs = {(d, e): pair(order[d], order[e]) for d in range(n) for e in range(d) if meets[d][e]}

    costs = np.zeros(1)
    picks = np.zeros((1, 0), dtype=int)  # spot index per label, in ``order``
    for depth, i in enumerate(order):
        grown = costs[:, None] + unary[i][None, :]
        for d in range(depth):
            if (depth, d) in pairs:
                grown = grown + pairs[(depth, d)].T[picks[:, d]]
        flat = np.argsort(grown, axis=None, kind="stable")
        rows, cols = np.unravel_index(flat, grown.shape)
        # Layouts that differ only in labels no later label can reach are the same to the rest
        # of the search: keep the cheapest of each, so the beam holds real alternatives.
        live = [d for d in range(depth) if any(meets[d][e] for e in range(depth + 1, n))]
        live_new = any(meets[depth][e] for e in range(depth + 1, n))
        seen: set[tuple[int, ...]] = set()
        keep: list[int] = []
        for k in range(len(flat)):
            key = (*picks[rows[k], live], cols[k] if live_new else -1)
            if key not in seen:
                seen.add(key)
                keep.append(k)
                if len(keep) == beam:
                    break
        costs = grown[rows[keep], cols[keep]]
        picks = np.column_stack([picks[rows[keep]], cols[keep]])
    best = picks[int(np.argmin(costs))]
    out: list[tuple[float, float, Box | None]] = [(0.0, 0.0, None)] * n
    for d, i in enumerate(order):
        boxes, leaders, levels = spots[i]
        b, line = boxes[best[d]], leaders[best[d]]
        leader = None if levels[best[d]] == 0 else (float(line[0]), float(line[1]), float(line[2]), float(line[3]))
        out[i] = (float((b[0] + b[2]) / 2), float((b[1] + b[3]) / 2), leader)
    return out


def _pt(scale: float) -> str:
    """A pyqtgraph text size relative to the application font (so the window's zoom reaches it)."""
    return f"{QApplication.font().pointSizeF() * scale:.2f}pt"


class TimelinePage(ExplainPage):
    """Table (year, depth, parameters, MACs, top-1, what it introduced, Open in Inspect) and chart."""

    COLUMNS = 9

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.rows: list[TimelineRow] = []
        self.job: Job | None = None
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One line per row, long texts elided with the full text in the tooltip: wrapped rows (Chinese
        # wraps anywhere) were so tall that only 3 of the 9 architectures showed at 1280×800.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        font = QFont(self.table.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.table.setFont(font)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setLogMode(x=False, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        # Dark ink on the plot's white paper, sized from the application font (which carries the zoom).
        self.plot.addLegend(offset=(10, 10), labelTextColor=PLOT_INK, labelTextSize=_pt(0.95),
                            brush=pg.mkBrush(255, 255, 255, 220), pen=pg.mkPen("#bbbbbb"))
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setPen(pg.mkPen("#555555"))
            self.plot.getAxis(side).setTextPen(pg.mkPen(PLOT_INK))
        self.params_curve = self.plot.plot([], [], pen=None, symbol="o", symbolSize=11,
                                           symbolBrush=PARAMS_COLOR, name=tr("Parameters"))
        self.macs_curve = self.plot.plot([], [], pen=None, symbol="s", symbolSize=10, symbolBrush=MACS_COLOR, name="MACs")
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.labels: list[pg.TextItem] = []
        self._label_points: list[tuple[float, float]] = []  # view coordinates (year, log10 params)
        # thin grey lines from a dot to a label that had to move away from it
        self.leaders = pg.PlotCurveItem(pen=pg.mkPen(LEADER_COLOR, width=1), connect="pairs")
        self.plot.addItem(self.leaders, ignoreBounds=True)
        # a resize moves the range too: place the names once, after both
        self._relabel = QTimer(self)
        self._relabel.setSingleShot(True)
        self._relabel.setInterval(0)
        self._relabel.timeout.connect(self._place_labels)
        vb = self.plot.getPlotItem().getViewBox()
        vb.sigResized.connect(self._relabel.start)
        vb.sigRangeChanged.connect(self._relabel.start)
        self.status = QLabel()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setSizes([380, 560])
        split.setChildrenCollapsible(False)
        self.split = split
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """(Re)apply translated headers, legend and the introduced-texts language."""
        self.table.setHorizontalHeaderLabels([
            tr("Year"), tr("Architecture"), tr("Depth"), tr("Layers with weights"), tr("Parameters"), tr("MACs"),
            tr("Top-1"), tr("What it introduced"), ""])
        tips = [tr("Year of the paper"), "", tr("Longest chain of conv / linear layers: the number in the name"),
                tr("How many conv and linear layers with weights run in inference"),
                tr("Parameters used in inference (GoogLeNet's auxiliary classifiers, used only in training, "
                   "are left out)"),
                tr("Multiply-accumulates for one image at the model's input size (conv and linear layers)"),
                tr("ImageNet top-1 accuracy of torchvision's default pretrained weights (newer training recipes "
                   "for ResNet-50/152); blank: no ImageNet weights"), "", ""]
        for c, tip in enumerate(tips):
            item = self.table.horizontalHeaderItem(c)
            if item is not None:
                item.setToolTip(tip)
        self.plot.setLabel("bottom", tr("Year"), color=PLOT_INK)
        self.plot.setLabel("left", tr("Parameters / MACs (log scale)"), color=PLOT_INK)
        self.plot.setTitle(tr("Parameters (blue circles) and MACs per image (orange squares)"), color=PLOT_INK,
                           size=_pt(1.0))
        if self.rows:
            self._fill()
        elif not (self.job and self.job.running):
            self.status.setText(tr("Open this page to compute the numbers."))

    def activated(self) -> None:
        """Called when the page is shown: compute the numbers once, in a worker."""
        if self.rows or (self.job is not None and self.job.running):
            return
        self.status.setText(tr("Computing parameters and MACs…"))
        self.job = run_in_thread(lambda progress, cancel: compute_timeline(progress, cancel))
        self.job.sig_progress.connect(lambda f, m: self.status.setText(tr("Computing… {0}").format(m)))
        self.job.sig_finished.connect(self._done)
        self.job.sig_failed.connect(lambda msg: self.status.setText(msg))

    def _done(self, rows: list[TimelineRow]) -> None:
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        lang = getattr(self.state, "language", "en")
        self.status.setText(tr("Parameters and MACs computed by cnnviz's own layer summary (no weights needed)."))
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            params_tip = f"{row.params:,}" + (tr(" (+{0} in auxiliary classifiers used only in training)")
                                              .format(f"{row.params_all - row.params:,}")
                                              if row.params_all != row.params else "")
            cells = [
                (str(row.year or ""), ""),
                (row.label, row.model),
                (str(row.depth), ""),
                (str(row.weighted_layers), ""),
                (geo.format_count(row.params), params_tip),
                (geo.format_count(row.macs), f"{row.macs:,}"),
                ("" if row.top1 is None else f"{row.top1:.1f} %", ""),
                (row.introduced.get(lang), row.introduced.get(lang) + (
                    f"\n({row.spec_introduced})" if lang.startswith("zh") and row.spec_introduced else "")),
            ]
            for c, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                if tip:
                    item.setToolTip(tip)
                if c in (0, 2, 3, 4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, c, item)
            button = QPushButton(tr("Open in Inspect"))
            button.setToolTip(tr("Load {0} in the Inspect tab").format(row.label))
            button.clicked.connect(lambda _=False, name=row.model: self.open_in_inspect(name))
            self.table.setCellWidget(i, 8, button)
        self.table.resizeRowsToContents()
        self._fit_rows()
        self._plot()

    def rows_height(self) -> int:
        """Pixels the table needs to show every row at once (header and frame included)."""
        t = self.table
        rows = sum(t.rowHeight(i) for i in range(t.rowCount()))
        bar = t.horizontalScrollBar().sizeHint().height() if t.horizontalScrollBar().isVisible() else 0
        return rows + t.horizontalHeader().height() + 2 * t.frameWidth() + bar

    def _fit_rows(self) -> None:
        """Give the table the height of all its rows when the chart keeps a usable height."""
        total = sum(self.split.sizes())
        if not self.rows or total <= 0:
            return
        plot_min = max(160, 10 * self.fontMetrics().height())
        table = min(self.rows_height(), max(total - plot_min, total // 3))
        self.split.setSizes([table, total - table])

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Keep every row in view as the window (or the zoom) changes."""
        super().resizeEvent(event)
        self._fit_rows()

    def _plot(self) -> None:
        xs = []
        seen: dict[int, int] = {}
        for row in self.rows:
            year = row.year or 0
            xs.append(year + 0.3 * seen.get(year, 0))  # spread same-year nets so their dots do not overprint
            seen[year] = seen.get(year, 0) + 1
        self.params_curve.setData(xs, [r.params for r in self.rows])
        self.macs_curve.setData(xs, [r.macs for r in self.rows])
        for item in self.labels:
            self.plot.removeItem(item)
        self.labels = []
        self._label_points = []
        for x, row in zip(xs, self.rows, strict=True):
            label = pg.TextItem(row.label, color=QColor(PLOT_INK), anchor=(0.5, 0.5))
            self.plot.addItem(label, ignoreBounds=True)  # labels must not stretch the axes
            self.labels.append(label)
            self._label_points.append((x, math.log10(max(row.params, 1))))
        if xs:  # room at both ends for the first and last labels
            self.plot.setXRange(min(xs) - 1.2, max(xs) + 2.0, padding=0)
        self._place_labels()

    def _place_labels(self, *_args: object) -> None:
        """Put every architecture's name next to its dot where it overlaps no other name or marker."""
        if not self.labels:
            self.leaders.setData([], [])
            return
        vb = self.plot.getPlotItem().getViewBox()
        sx, sy = vb.viewPixelSize()  # view units per pixel
        if not (sx > 0 and sy > 0 and math.isfinite(sx) and math.isfinite(sy)):
            return

        def to_px(x: float, y: float) -> tuple[float, float]:
            return x / sx, -y / sy

        points = [to_px(x, y) for x, y in self._label_points]
        sizes = []
        for label in self.labels:
            r = label.textItem.boundingRect()
            sizes.append((r.width(), r.height()))
        obstacles: list[Box] = []
        for curve in (self.params_curve, self.macs_curve):
            xd, yd = curve.getData()  # already log10 in log mode
            for x, y in zip([] if xd is None else xd, [] if yd is None else yd, strict=True):
                if math.isfinite(x) and math.isfinite(y):
                    px, py = to_px(float(x), float(y))
                    obstacles.append((px - MARKER_RADIUS, py - MARKER_RADIUS, px + MARKER_RADIUS, py + MARKER_RADIUS))
        legend = self.plot.getPlotItem().legend
        if legend is not None and legend.isVisible():
            lr: QRectF = vb.mapSceneToView(legend.sceneBoundingRect()).boundingRect()
            (ax, ay), (bx, by) = to_px(lr.left(), lr.top()), to_px(lr.right(), lr.bottom())
            obstacles.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
        view = vb.viewRect()
        (ax, ay), (bx, by) = to_px(view.left(), view.top()), to_px(view.right(), view.bottom())
        bounds = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
        leader_x: list[float] = []
        leader_y: list[float] = []
        for label, (cx, cy, leader) in zip(self.labels, place_labels(points, sizes, obstacles, bounds), strict=True):
            label.setPos(cx * sx, -cy * sy)
            if leader is not None:
                leader_x += [leader[0] * sx, leader[2] * sx]
                leader_y += [-leader[1] * sy, -leader[3] * sy]
        self.leaders.setData(leader_x, leader_y)

    def open_in_inspect(self, name: str) -> None:
        """Ask the Inspect tab to open ``name`` and show it."""
        self.state.open_in_inspect.emit(ModelRequest(name))
        self.state.open_tab.emit("inspect")

    def is_busy(self) -> bool:
        """True while the numbers are being computed."""
        return self.job is not None and self.job.running

    def lesson_state(self) -> dict[str, Any]:
        """The selected row (the numbers themselves are recomputed)."""
        return {"selected": self.table.currentRow()}

    def apply_lesson_state(self, d: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state`."""
        row = int(d.get("selected", -1))
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)
        self._pending_row = row

    def shutdown(self) -> None:
        """Cancel the computation if it is still running."""
        if self.job is not None:
            self.job.cancel()
