"""One run's curves in the Train plots: its data so far and its pyqtgraph items, in its colour."""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

import pyqtgraph as pg

#: Which plot ("loss", "val_loss", "acc", "lr", "norm") each of a run's items lives in.
ITEM_PLOTS = {"raw": "loss", "smooth": "loss", "marker": "loss", "label": "loss", "val_loss": "val_loss",
              "train_loss": "val_loss", "val_acc": "acc", "train_acc": "acc", "lr": "lr", "norm": "norm"}


def tr(text: str) -> str:
    """Translate a Train-plots string."""
    return QCoreApplication.translate("TrainPlots", text)


@dataclass
class Series:
    """What the plots hold for one run: its items and its data so far."""

    name: str
    color: str
    items: dict[str, pg.GraphicsObject] = field(default_factory=dict)
    steps: np.ndarray = field(default_factory=lambda: np.empty(0))
    samples: np.ndarray = field(default_factory=lambda: np.empty(0))
    samples_missing: bool = False  # a record without images seen: kept up to date from new rows only
    x: np.ndarray = field(default_factory=lambda: np.empty(0))  # steps in the chosen x unit
    loss: np.ndarray = field(default_factory=lambda: np.empty(0))
    smooth: np.ndarray = field(default_factory=lambda: np.empty(0))
    lr: np.ndarray = field(default_factory=lambda: np.empty(0))
    ema_state: tuple[float, int] | None = None
    ema_weight: float = -1.0  # the EMA weight s.smooth was computed with
    batch: float = 0.0  # images per step (from the first record), 0 while unknown
    val: dict[str, np.ndarray] = field(default_factory=dict)
    status: str = ""
    visible: bool = True
    val_dirty: bool = True
    marker: tuple[float, float] | None = None  # where a diverged run's last finite loss is (x, plotted y)


class OneToggleSample(pg.ItemSample):
    """A legend entry's line sample: a click hides or shows the run; the second half of a double
    click does not toggle it back (pyqtgraph's own sample toggles on both)."""

    def mouseClickEvent(self, event: Any) -> None:  # noqa: N802 (pyqtgraph's name)
        """Toggle on a single click only."""
        if event.double():
            event.accept()
            return
        super().mouseClickEvent(event)


def faint_color(color: str | QColor, background: QColor) -> QColor:
    """``color`` at 30 % over ``background``, pre-blended: opaque thin lines paint far faster than translucent ones."""
    c, b = QColor(color), QColor(background)
    return QColor(int(b.red() + 0.3 * (c.red() - b.red())), int(b.green() + 0.3 * (c.green() - b.green())),
                  int(b.blue() + 0.3 * (c.blue() - b.blue())))


def restyle_series(s: Series, background: QColor) -> None:
    """Blend a run's faint per-step line again for a new plot background (a theme switch)."""
    s.items["raw"].setPen(pg.mkPen(faint_color(s.color, background), width=1))


def make_series(name: str, color: str, plots: dict[str, pg.PlotWidget]) -> Series:
    """A run's empty series with its items added to ``plots`` (keys as in :data:`ITEM_PLOTS`)."""
    c = QColor(color)
    faint = faint_color(c, plots["loss"].backgroundBrush().color())
    s = Series(name, color)
    loss = plots["loss"]
    s.items["raw"] = loss.plot(pen=pg.mkPen(faint, width=1), skipFiniteCheck=False)
    s.items["smooth"] = loss.plot(pen=pg.mkPen(c, width=2), name=name)
    s.items["marker"] = pg.ScatterPlotItem(symbol="x", size=16, pen=pg.mkPen(c, width=3), brush=None)
    s.items["label"] = pg.TextItem(tr("diverged"), color=c, anchor=(0, 1))
    loss.addItem(s.items["marker"])
    loss.addItem(s.items["label"], ignoreBounds=True)
    s.items["marker"].setVisible(False)
    s.items["label"].setVisible(False)
    dots = {"symbol": "o", "symbolSize": 6, "symbolBrush": c, "symbolPen": None}
    s.items["val_loss"] = plots["val_loss"].plot(pen=pg.mkPen(c, width=2), **dots)
    dash = pg.mkPen(c, width=1, style=Qt.PenStyle.DashLine)
    s.items["train_loss"] = plots["val_loss"].plot(pen=dash)
    s.items["val_acc"] = plots["acc"].plot(pen=pg.mkPen(c, width=2), **dots)
    s.items["train_acc"] = plots["acc"].plot(pen=dash)
    s.items["lr"] = plots["lr"].plot(pen=pg.mkPen(c, width=2))
    s.items["norm"] = plots["norm"].plot(pen=pg.mkPen(c, width=2), **{**dots, "symbolSize": 5})
    for item in s.items.values():
        if isinstance(item, pg.PlotDataItem):
            item.setClipToView(False)  # the plots clip and decimate themselves
    return s


def remove_series(s: Series, plots: dict[str, pg.PlotWidget]) -> None:
    """Take a run's items out of ``plots``."""
    for key, item in s.items.items():
        plots[ITEM_PLOTS[key]].removeItem(item)


def place_marker(s: Series, top: float) -> None:
    """A diverged run's ✕ and label at its last finite loss, or on the view's top edge when that is above it."""
    if s.marker is None:
        return
    x, y = s.marker
    y = min(y, top)
    s.items["marker"].setData([x], [y])
    s.items["label"].setPos(x, y)
    s.items["label"].setAnchor((0, 0) if y >= top else (0, 1))  # inside the view, under the edge


def readout_text(series: list[Series], x: float, axis_label: str, x_axis: str) -> str:
    """``step 120 — SGD 1.23 · Adam 0.45`` (rich text, run colours): each shown run's smoothed loss nearest ``x``."""
    parts = []
    for s in series:
        if not s.visible or s.x.size == 0:
            continue
        i = int(np.clip(np.searchsorted(s.x, x), 0, s.x.size - 1))
        parts.append(f"<span style='color:{s.color}'>■</span> {s.name} <b>{s.smooth[i]:.4g}</b>")
    if not parts:
        return " "
    where = f"{x:.2f}" if x_axis == "epoch" else f"{int(round(x)):,}"
    return f"{axis_label} {where} — " + " · ".join(parts)
