"""Axis helpers of the Train plots: decade ticks, elided titles, and which items set the view's range.

Small functions on pyqtgraph objects, shared by the curve, sharpness,
landscape and sweep plots of the Train tab.
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import math
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

import pyqtgraph as pg


def make_plot(title: str, xlabel: str, ylabel: str, grid: bool = False) -> pg.PlotWidget:
    """A white plot with dark axes, its title sized from the application font (which carries the zoom)."""
    w = pg.PlotWidget(background="w")
    w.setTitle(title, color="#222", size=f"{QApplication.font().pointSizeF() * 0.9:.2f}pt")
    for axis, label in (("bottom", xlabel), ("left", ylabel)):
        ax = w.getAxis(axis)
        ax.setPen(pg.mkPen("#777"))
        ax.setTextPen(pg.mkPen("#333"))
        ax.setLabel(label, color="#333")
    if grid:  # translucent grid lines cost more to paint than the curves: per-epoch plots only
        w.showGrid(x=True, y=True, alpha=0.15)
    w.setMenuEnabled(True)
    return w


def fit_title(plot: pg.PlotWidget, title: str, base: QFont) -> None:
    """Show ``title`` over ``plot``, its end elided when the plot is narrower than the text (zoomed Chinese)."""
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
        plot.setToolTip(title if text != title else "")  # the whole title


def decade_ticks(plot: pg.PlotWidget, values: Iterable[np.ndarray],
                 shown: tuple[int, ...] | None) -> tuple[int, ...] | None:
    """One labelled tick per decade on a log-y ``plot`` (pyqtgraph's own pile up on a short axis).

    ``shown`` is what the last call returned (nothing is redone while it still fits); returns
    the new (lo, hi, labels that fit), or () for an empty plot.
    """
    finite = [v[np.isfinite(v) & (v > 0)] for v in values]
    finite = [v for v in finite if v.size]
    axis = plot.getAxis("left")
    if not finite:
        if shown != ():
            axis.setTicks([[], []])  # pyqtgraph's own log ticks of an empty plot pile up into a smudge
        return ()
    low = math.log10(min(float(v.min()) for v in finite))
    high = math.log10(max(float(v.max()) for v in finite))
    lo, hi = math.floor(low - 0.25), math.ceil(high + 0.25)  # no value sits on the plot's edge
    font = axis.style.get("tickFont") or axis.font()
    room = max(2, int(axis.height() / (QFontMetricsF(font).height() * 1.5)))  # labels that fit, with air
    if shown == (lo, hi, room):
        return shown
    step = max(1, math.ceil((hi - lo + 1) / min(room, 4)))  # at most ~4 labels, fewer on a short axis
    axis.setTicks([[(k, f"{10.0 ** k:g}") for k in range(lo, hi + 1, step)], []])
    plot.setYRange(lo, hi, padding=0.02)
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
