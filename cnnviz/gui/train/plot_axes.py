"""Axis helpers of the Train plots: decade ticks, elided titles, and which items set the view's range.

Small functions on pyqtgraph objects, shared by the curve, sharpness,
landscape and sweep plots of the Train tab.
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QWidget

import pyqtgraph as pg

from cnnviz.gui.theme import mix_colors


@dataclass(frozen=True)
class PlotInk:
    """The colours of the Train plots in the current theme."""

    background: QColor
    title: QColor
    text: QColor
    axis: QColor
    legend_fill: QColor
    legend_edge: QColor


def plot_ink() -> PlotInk:
    """Plot colours from the application's palette: text on the base colour, quieter axes (light or dark)."""
    pal = QApplication.palette()
    base, text = QColor(pal.color(QPalette.ColorRole.Base)), QColor(pal.color(QPalette.ColorRole.Text))
    fill = QColor(base)
    fill.setAlpha(210)
    return PlotInk(background=base, title=mix_colors(text, base, 0.1), text=mix_colors(text, base, 0.2),
                   axis=mix_colors(text, base, 0.5), legend_fill=fill, legend_edge=mix_colors(text, base, 0.7))


def style_plot(plot: pg.PlotWidget, ink: PlotInk | None = None) -> None:
    """Give ``plot`` the theme's colours: background, title, axes with their labels, legend."""
    ink = ink or plot_ink()
    plot.setBackground(ink.background)
    item = plot.getPlotItem()
    title = item.titleLabel
    if title.text:
        title.setText(title.text, color=ink.title.name())
    for name in ("bottom", "left", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(ink.axis))
        axis.setTextPen(pg.mkPen(ink.text))
        if axis.labelText:
            axis.labelStyle = {**axis.labelStyle, "color": ink.text.name()}
            axis._updateLabel()
    legend = item.legend
    if legend is not None:
        legend.setLabelTextColor(ink.text)
        legend.setBrush(pg.mkBrush(ink.legend_fill))
        legend.setPen(pg.mkPen(ink.legend_edge))


def style_plots(root: QWidget) -> None:
    """Every pyqtgraph plot under ``root`` in the theme's colours (after building, and on a theme switch)."""
    ink = plot_ink()
    for plot in root.findChildren(pg.PlotWidget):
        style_plot(plot, ink)


def make_plot(title: str, xlabel: str, ylabel: str, grid: bool = False) -> pg.PlotWidget:
    """A plot in the theme's colours (see style_plot), its title sized from the application font (which carries the zoom)."""
    ink = plot_ink()
    w = pg.PlotWidget(background=ink.background)
    w.setTitle(title, color=ink.title.name(), size=f"{QApplication.font().pointSizeF() * 0.9:.2f}pt")
    for axis, label in (("bottom", xlabel), ("left", ylabel)):
        ax = w.getAxis(axis)
        ax.setPen(pg.mkPen(ink.axis))
        ax.setTextPen(pg.mkPen(ink.text))
        ax.setLabel(label, color=ink.text.name())
    if grid:  # translucent grid lines cost more to paint than the curves: per-epoch plots only
        w.showGrid(x=True, y=True, alpha=0.15)
    w.setMenuEnabled(True)
    return w


def fit_title(plot: pg.PlotWidget, title: str, base: QFont, tip: str = "") -> None:
    """Show ``title`` over ``plot``, its end elided when the plot is narrower than the text (zoomed Chinese).

    The plot's tooltip is the whole title when it is elided, then ``tip`` (how to use the plot).
    """
    label = plot.getPlotItem().titleLabel
    size = str(label.opts.get("size") or "10pt")
    font = QFont(base)
    try:
        font.setPointSizeF(float(size.removesuffix("pt")))
    except ValueError:
        return
    # The title sits over the data area, right of the left axis (not the view box: a long title widens it).
    room = plot.width() - plot.getAxis("left").width() - 16.0
    text = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, max(40.0, room))
    if text != label.text:
        label.setText(text)
    tooltip = "\n".join(part for part in (title if text != title else "", tip) if part)
    if plot.toolTip() != tooltip:
        plot.setToolTip(tooltip)


def hint_rooms(plot: pg.PlotWidget, margin: float = 8.0) -> list[QRectF]:
    """Where a hint may go in ``plot``'s view, in scene coordinates: the whole view, or left of and
    under its legend when the legend has entries (best first)."""
    view = plot.getViewBox().sceneBoundingRect()
    legend = plot.getPlotItem().legend
    if legend is None or not legend.isVisible() or not legend.items:
        return [view]
    box = legend.sceneBoundingRect()
    if not box.intersects(view):
        return [view]
    left = QRectF(QPointF(view.left(), view.top()), QPointF(max(view.left(), box.left() - margin), view.bottom()))
    below = QRectF(QPointF(view.left(), min(view.bottom(), box.bottom() + margin)), view.bottomRight())
    return [left, below]


def place_hint(plot: pg.PlotWidget, hint: pg.TextItem, centered: bool, margin: float = 8.0) -> None:
    """Wrap ``hint`` and put it where ``plot``'s legend is not: left of it, or under it when the
    text does not fit there (a long Chinese hint at 200 %), centred in that room or at its top left.

    When it fits nowhere at the application's font size, it is tried a little smaller. The text
    is laid out in pixels (it ignores the view's scale), so this is redone when the view, its
    range, the legend or the text change (see :func:`watch_hint`).
    """
    text = hint.textItem
    if not hint.isVisible() or not text.toPlainText():
        return
    rooms = [r for r in hint_rooms(plot, margin) if r.width() - 2 * margin >= 40 and r.height() > 2 * margin]
    if not rooms:
        return  # a plot too small for any text: leave it where it is
    base = QApplication.font()
    best: tuple[float, float, QRectF] | None = None  # (scale, spare height, room)
    for scale in (1.0, 0.85, 0.7):
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * scale)
        text.setFont(font)
        for room in rooms:
            spare = room.height() - 2 * margin - _wrapped_height(text, room.width() - 2 * margin)
            if best is None or spare > best[1]:
                best = (scale, spare, room)
        if best is not None and best[1] >= 0:
            break
    assert best is not None
    scale, spare, room = best
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * scale)
    text.setFont(font)
    _wrapped_height(text, room.width() - 2 * margin)
    if centered and spare >= 0:
        hint.setAnchor((0.5, 0.5))
        where = room.center()
    elif centered:  # too tall for the room: from its top, so it cannot climb onto the legend
        hint.setAnchor((0.5, 0.0))
        where = QPointF(room.center().x(), room.top() + margin)
    else:
        hint.setAnchor((0.0, 0.0))
        where = room.topLeft() + QPointF(margin, margin)
    hint.setPos(plot.getViewBox().mapSceneToView(where))
    hint.updateTransform(force=True)


def _wrapped_height(text: QGraphicsTextItem, width: float) -> float:
    """Lay ``text`` out no wider than ``width`` pixels (no wider than it needs either); its height."""
    text.setTextWidth(-1)
    if text.boundingRect().width() > width:
        text.setTextWidth(width)
    return float(text.boundingRect().height())


def watch_hint(plot: pg.PlotWidget, place: Callable[[], object]) -> None:
    """Call ``place`` again whenever ``plot``'s view is resized or moved, or its legend changes size."""
    vb = plot.getViewBox()
    vb.sigResized.connect(lambda *_: place())
    vb.sigRangeChanged.connect(lambda *_: place())
    legend = plot.getPlotItem().legend
    if legend is not None:
        legend.geometryChanged.connect(place)


def decade_ticks(plot: pg.PlotWidget, values: Iterable[np.ndarray],
                 shown: tuple[int, ...] | None, empty: tuple[int, int] | None = None) -> tuple[int, ...] | None:
    """One labelled tick per decade on a log-y ``plot`` (pyqtgraph's own pile up on a short axis).

    ``shown`` is what the last call returned (nothing is redone while it still fits); returns
    the new (lo, hi, labels that fit), or () for an empty plot. An empty plot shows the decades
    10**lo to 10**hi of ``empty`` when given (labelled like a full one), else no tick at all:
    pyqtgraph's own log ticks of an empty plot (0 to 1, i.e. 1 to 10) label 2, 3, ..., 9 on top
    of each other.
    """
    finite = [v[np.isfinite(v) & (v > 0)] for v in values]
    finite = [v for v in finite if v.size]
    axis = plot.getAxis("left")
    if finite:
        low = math.log10(min(float(v.min()) for v in finite))
        high = math.log10(max(float(v.max()) for v in finite))
        lo, hi = math.floor(low - 0.25), math.ceil(high + 0.25)  # no value sits on the plot's edge
    elif empty is not None:
        lo, hi = empty
    else:
        if shown != ():
            axis.setTicks([[], []])
        return ()
    font = axis.style.get("tickFont") or axis.font()
    text_height = QFontMetricsF(font).height()
    height = plot.getViewBox().height()  # the axis' own height lags behind when the view was just resized
    room = max(1, int(height / (text_height * 1.5)))  # labels that fit, with air
    if shown == (lo, hi, room):
        return shown
    step = max(1, math.ceil((hi - lo + 1) / min(room, 4)))  # at most ~4 labels, fewer on a short axis
    first = lo + ((hi - lo) % step) // 2  # labels that skip decades sit in the middle, not from the bottom
    axis.setTicks([[(k, f"{10.0 ** k:g}") for k in range(first, hi + 1, step)], []])
    # Half a label of air at each end: pyqtgraph drops a label that pokes out of the axis (a gridded plot).
    padding = min(0.3, 0.6 * text_height / max(1.0, height - 1.2 * text_height))
    plot.setYRange(lo, hi, padding=max(0.02, padding))
    return (lo, hi, room)


def set_counts_for_range(plot: pg.PlotWidget, item: pg.GraphicsObject, counts: bool) -> bool:
    """Let ``item`` count for ``plot``'s automatic range (and View All) or not; True if that changed.

    A diverged run's curve stays drawn but stops stretching the axes (pyqtgraph
    counts the items of ``ViewBox.addedItems``, those not added with ``ignoreBounds``).
    """
    vb = plot.getViewBox()
    inside = item in vb.addedItems
    if inside == counts:
        return False
    if counts:
        vb.addedItems.append(item)
    else:
        vb.addedItems.remove(item)
    vb.updateAutoRange()
    return True


LEGEND_MARGIN = 10.0
"""Pixels between a legend and its view's edges (the plots' ``addLegend(offset=(-10, 10))``)."""


def lay_out_legend(legend: pg.LegendItem, columns: int) -> None:
    """Put ``legend``'s entries in ``columns`` columns, filled row by row, and resize it to them.

    Unlike ``LegendItem.setColumnCount`` it is redone when the count is unchanged (the entries'
    font may have changed), and the size is the grid's own.
    """
    grid = legend.layout
    for i in range(grid.count() - 1, -1, -1):
        grid.removeAt(i)
    for i, (sample, label) in enumerate(legend.items):
        row, col = divmod(i, columns)
        grid.addItem(sample, row, 2 * col, alignment=Qt.AlignmentFlag.AlignVCenter)
        grid.addItem(label, row, 2 * col + 1)
    legend.columnCount = columns
    legend.rowCount = max(1, math.ceil(len(legend.items) / columns))
    grid.invalidate()
    grid.activate()
    hint = grid.effectiveSizeHint(Qt.SizeHint.PreferredSize)
    legend.setGeometry(0, 0, hint.width(), hint.height())


def fit_legend(plot: pg.PlotWidget, margin: float = LEGEND_MARGIN) -> tuple[int, float]:
    """Keep ``plot``'s legend whole inside its view: more columns, then drawn smaller, when its one
    column of entries would be taller than the view (Chinese at 200 % on a small window).

    Smaller is a scale of the legend item, not a font size: the zoom owns the labels' font sizes
    (theme.style_plots). Returns (columns, scale). An empty legend is hidden (it drew an empty box).
    """
    legend = plot.getPlotItem().legend
    if legend is None:
        return (1, 1.0)
    legend.setVisible(bool(legend.items))
    if not legend.items:
        return (1, 1.0)
    view = plot.getViewBox()
    room_w, room_h = view.width() - 2 * margin, view.height() - 2 * margin
    choice: tuple[int, float] | None = None
    best: tuple[float, int, float] | None = None  # (overflow, columns, scale)
    # The trial layouts are silent: the hints that follow the legend move once, for the chosen one.
    legend.blockSignals(True)
    try:
        for scale in (1.0, 0.85, 0.7):
            for columns in range(1, len(legend.items) + 1):
                lay_out_legend(legend, columns)
                w, h = legend.width() * scale, legend.height() * scale
                if w <= room_w and h <= room_h:
                    choice = (columns, scale)
                    break
                overflow = max(0.0, w - room_w) + max(0.0, h - room_h)
                if best is None or overflow < best[0]:
                    best = (overflow, columns, scale)
                if w > room_w:
                    break  # more columns only widen it
            if choice is not None:
                break
    finally:
        legend.blockSignals(False)
    if choice is None:
        assert best is not None
        choice = (best[1], best[2])  # nothing fits: the layout that spills least
    columns, scale = choice
    lay_out_legend(legend, columns)
    _scale_legend(legend, scale)
    legend.geometryChanged.emit()  # anchor and hints (the trial layouts may have left the same size)
    return (columns, scale)


def _scale_legend(legend: pg.LegendItem, scale: float) -> None:
    """Draw ``legend`` at ``scale`` and anchor it again (its corner keeps the plots' offset)."""
    if abs(legend.scale() - scale) > 1e-6:
        legend.setScale(scale)
    offset = legend.opts.get("offset")
    if offset is not None:  # as LegendItem.setParentItem anchors it
        anchor = (1 if offset[0] <= 0 else 0, 1 if offset[1] <= 0 else 0)
        legend.anchor(itemPos=anchor, parentPos=anchor, offset=offset)


def watch_legend(plot: pg.PlotWidget) -> Callable[[], None]:
    """Refit ``plot``'s legend (:func:`fit_legend`) when its view is resized or its entries change;
    returns the function that refits it now (call it after renaming entries)."""
    legend = plot.getPlotItem().legend
    assert legend is not None
    busy = False

    def refit(*_args: object) -> None:
        nonlocal busy
        if busy:
            return  # our own geometry change
        busy = True
        try:
            fit_legend(plot)
        finally:
            busy = False

    plot.getViewBox().sigResized.connect(refit)
    legend.geometryChanged.connect(refit)
    return refit


def legend_text_size() -> str:
    """The Train legends' label size now: 90 % of the application font, which carries the zoom
    (entries added after a zoom change otherwise came at the size of the plot's creation)."""
    return f"{QApplication.font().pointSizeF() * 0.9:.2f}pt"
