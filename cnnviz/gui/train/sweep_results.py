"""What a sweep found, drawn from its summary: table, heat map, tuned curves with their spread, ranking.

All four read the dict of :func:`cnnviz.core.training.sweeps.summarize`
(``table``: one cell per optimizer × learning rate with mean and σ over the
seeds and the counts of diverged / failed seeds; ``tuned``: each optimizer
at its best learning rate with mean ± σ curves; ``ranking``).
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import copy
import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

import pyqtgraph as pg

from cnnviz.core.optimizers import get_optimizer
from cnnviz.core.training.sweeps import heatmap, lr_label
from cnnviz.gui import theme
from cnnviz.gui.i18n import current_language
from cnnviz.gui.optimizer_labels import optimizer_label
from cnnviz.gui.train.plot_axes import make_plot, place_hint, plot_ink, watch_hint, watch_legend

METRICS = ("best_val_loss", "final_val_loss", "best_val_accuracy", "final_val_accuracy")


def tr(text: str) -> str:
    """Translate a sweep-results string."""
    return QCoreApplication.translate("TrainSweep", text)


def metric_label(metric: str) -> str:
    """A metric's name for a person."""
    return {"best_val_loss": tr("best validation loss"), "final_val_loss": tr("final validation loss"),
            "best_val_accuracy": tr("best validation accuracy"),
            "final_val_accuracy": tr("final validation accuracy")}[metric]


def colormap_for(metric: str) -> pg.ColorMap:
    """viridis for an accuracy, reversed for a loss: bright is good, and the scale keeps true values."""
    cmap = copy.deepcopy(pg.colormap.get("viridis"))  # get() hands out one shared, cached map
    if "accuracy" not in metric:
        cmap.reverse()
    return cmap


def optimizer_color(name: str) -> QColor:
    """The optimizer's registered colour (the Playground draws it in the same)."""
    try:
        return QColor(get_optimizer(name).color)
    except Exception:
        return QColor("#555555")


def mean_pm(mean: float | None, std: float | None, digits: int = 3) -> str:
    """``0.412 ± 0.013`` (σ over the seeds), just ``0.412`` when σ is unknown (one seed), ``–`` without a seed."""
    if mean is None or not math.isfinite(mean):
        return "–"
    if std is None or not math.isfinite(std):
        return f"{mean:.{digits}g}"
    return f"{mean:.{digits}g} ± {std:.2g}"


def cell_state(cell: dict[str, Any]) -> str:
    """``diverged 2/3``, ``failed 1/3``, ``3/3`` or ``1/3 done``: how the cell's seeds ended."""
    seeds = cell["seeds"]
    if cell["diverged"]:
        return tr("diverged {0}/{1}").format(cell["diverged"], seeds)
    if cell["failed"]:
        return tr("failed {0}/{1}").format(cell["failed"], seeds)
    if cell["finished"] == seeds:
        return f"{seeds}/{seeds}"
    return tr("{0}/{1} done").format(cell["finished"], seeds)


def optimizer_name(name: str) -> str:
    """An optimizer as the form and the runs name it in the interface language (SGD, 动量), not its key."""
    try:
        return optimizer_label(name, current_language())
    except Exception:  # an optimizer this version does not know (a results file from elsewhere): its key
        return name


def any_completed(summary: dict[str, Any]) -> bool:
    """True when at least one run of the summary trained to its end (finished, diverged or failed)."""
    return any(r.get("status") in ("finished", "diverged", "failed") for r in summary.get("runs") or [])


def not_tuned_text() -> str:
    """Why runs finished but no optimizer has a tuned learning rate yet."""
    return tr("No tuned learning rate yet: a rate counts once every one of its seeds finished; a stopped or "
              "diverged seed rules it out.")


class SweepTable(QTableWidget):
    """One row per optimizer × learning rate: final / best validation loss and accuracy, mean ± σ."""

    COLUMNS = ("optimizer", "lr", "final_val_loss", "best_val_loss", "final_val_accuracy", "best_val_accuracy",
               "state")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels([tr("Optimizer"), "lr", tr("final val loss"), tr("best val loss"),
                                        tr("final val accuracy"), tr("best val accuracy"), tr("seeds")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setToolTip(tr("Mean ± σ over the seeds that finished (just the mean when only one did). A learning "
                           "rate with a diverged seed is marked and cannot be an optimizer's tuned rate."))

    def show_summary(self, summary: dict[str, Any]) -> None:
        """Fill the table from a sweep summary."""
        cells = summary.get("table", [])
        self.setRowCount(len(cells))
        for row, cell in enumerate(cells):
            texts = [optimizer_name(cell["optimizer"]), lr_label(cell["lr"])]
            for key in self.COLUMNS[2:6]:
                texts.append(mean_pm(cell[key], cell[key + "_std"]))
            texts.append(cell_state(cell))
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if cell["diverged"] or cell["failed"]:
                    item.setForeground(theme.semantic_color("error"))
                self.setItem(row, col, item)


class SweepHeatmap(QWidget):
    """Optimizers × learning rates coloured by one metric, with its colour scale; diverged cells crossed out.

    Bright is good for every metric: accuracies use viridis, losses the reversed
    viridis, so the colour bar shows the metric's true values (no negated losses).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metric_box = QComboBox()
        for key in METRICS:
            self.metric_box.addItem(metric_label(key), key)
        self.plot = make_plot(tr("Heat map: optimizer × learning rate"), tr("learning rate"), "")
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().hideButtons()
        self.plot.getViewBox().invertY(True)  # the first optimizer on top, as in the table
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=colormap_for(METRICS[0]), width=12,
                                   interactive=False, colorMapMenu=False, rounding=1e-9)
        self.bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())  # right of the heat map
        self.bar.axis.setWidth(None)  # room for the tick values and the metric's name
        self.bar.axis.enableAutoSIPrefix(False)  # 0.85, not 850 (×0.001)
        self.style_bar()
        self.labels: list[pg.TextItem] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.metric_box)
        box.addWidget(self.plot, 1)
        self.summary: dict[str, Any] = {}
        self.metric_box.currentIndexChanged.connect(lambda _i: self.show_summary(self.summary))

    def show_summary(self, summary: dict[str, Any]) -> None:
        """Draw the chosen metric of a sweep summary."""
        self.summary = summary
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []
        metric = self.metric_box.currentData()
        self.bar.setColorMap(colormap_for(metric))
        self.bar.axis.setLabel(metric_label(metric), color=plot_ink().text.name())
        if not summary.get("table"):
            self.image.clear()
            self.bar.setLevels((0.0, 1.0))
            return
        optimizers, lrs, values = heatmap(summary, metric)
        finite = np.isfinite(values)
        lo, hi = (float(values[finite].min()), float(values[finite].max())) if finite.any() else (0.0, 1.0)
        if hi - lo <= 1e-9 * max(1.0, abs(lo)):  # one value (or all equal): a readable scale around it
            pad = max(0.05 * abs(lo), 1e-3)
            lo, hi = lo - pad, hi + pad
        levels = (lo, hi)
        # a cell without a value (still training, stopped, diverged) stays NaN: drawn transparent, not in the
        # colour of the worst value
        self.image.setImage(values.astype(np.float32), autoLevels=False)
        self.bar.setLevels(levels)  # the image's levels and the bar's scale together
        self.image.setRect(-0.5, -0.5, len(lrs), len(optimizers))
        states = {(c["optimizer"], float(c["lr"])): c for c in summary["table"]}
        for i, opt in enumerate(optimizers):
            for j, lr in enumerate(lrs):
                cell = states.get((opt, lr))
                text = "" if cell is None else ("✕ " + tr("diverged")) if cell["diverged"] else (
                    f"{values[i, j]:.3g}" if finite[i, j] else "…")
                label = pg.TextItem(text, color="#fff" if cell is not None and cell["diverged"] else "#000",
                                    anchor=(0.5, 0.5), fill=pg.mkBrush(150, 30, 30, 200)
                                    if cell is not None and cell["diverged"] else pg.mkBrush(255, 255, 255, 170))
                label.setPos(j, i)
                self.plot.addItem(label)
                self.labels.append(label)
        self.plot.getAxis("bottom").setTicks([[(j, lr_label(lr)) for j, lr in enumerate(lrs)]])
        left = self.plot.getAxis("left")
        names = [optimizer_name(o) for o in optimizers]
        left.setTicks([list(enumerate(names))])
        font = left.style.get("tickFont") or left.font()
        left.setWidth(int(max(QFontMetricsF(font).horizontalAdvance(n) for n in names)) + 16)
        self.plot.setXRange(-0.5, len(lrs) - 0.5, padding=0.02)
        self.plot.setYRange(-0.5, len(optimizers) - 0.5, padding=0.02)

    def style_bar(self) -> None:
        """The colour bar's frame, values and name in the theme's colours (the plot's own axes: style_plot)."""
        ink = plot_ink()
        for name in ("left", "right", "top", "bottom"):
            axis = self.bar.getAxis(name)
            axis.setPen(pg.mkPen(ink.axis))
            axis.setTextPen(pg.mkPen(ink.text))
        axis = self.bar.axis
        if axis.labelText:
            axis.setLabel(axis.labelText, color=ink.text.name())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        """A theme switch (a new palette): the colour bar follows, as the plots do."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.style_bar()


class TunedBands(QWidget):
    """Each optimizer at its best learning rate: validation loss per epoch, mean ± σ over the seeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot(tr("Tuned: each optimizer at its best learning rate (band: ± σ over the seeds)"),
                              tr("epoch"), tr("validation loss"), grid=True)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#222",
                                          brush=pg.mkBrush(255, 255, 255, 210))
        watch_legend(self.plot)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot)
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.FillBetweenItem | None]] = {}
        self.hint = pg.TextItem("", color=plot_ink().text, anchor=(0, 0))  # why the plot is empty after a stop
        self.hint.setVisible(False)
        self.plot.addItem(self.hint, ignoreBounds=True)
        watch_hint(self.plot, self._place_hint)

    def show_summary(self, summary: dict[str, Any]) -> None:
        """Draw every tuned optimizer's mean curve and its ± σ band (no band for one seed: σ is unknown)."""
        self.plot.clear()
        self.legend.clear()
        self.curves = {}
        for opt, tuned in (summary.get("tuned") or {}).items():
            if not tuned or not tuned["val_loss_mean"]:
                continue
            x = np.asarray(tuned["epoch"], dtype=float)
            mean = np.asarray(tuned["val_loss_mean"], dtype=float)
            color = optimizer_color(opt)
            band = None
            if tuned.get("val_loss_std") is not None:
                std = np.asarray(tuned["val_loss_std"], dtype=float)
                fill = QColor(color)
                fill.setAlpha(60)
                upper, lower = pg.PlotDataItem(x, mean + std), pg.PlotDataItem(x, mean - std)
                band = pg.FillBetweenItem(upper, lower, brush=pg.mkBrush(fill))
                self.plot.addItem(band)
            count = len(tuned["seeds"])
            name = (tr("{0} lr={1} ({2} seeds)").format(optimizer_name(opt), lr_label(tuned["lr"]), count) if count > 1
                    else tr("{0} lr={1} (one seed)").format(optimizer_name(opt), lr_label(tuned["lr"])))
            line = self.plot.plot(x, mean, pen=pg.mkPen(color, width=2.5), name=name)
            self.curves[opt] = (line, band)
        self.plot.addItem(self.hint, ignoreBounds=True)  # plot.clear() took it away
        self.hint.setText("" if self.curves or not any_completed(summary) else not_tuned_text())
        self.hint.setVisible(bool(self.hint.textItem.toPlainText()))
        self._place_hint()

    def _place_hint(self) -> None:
        place_hint(self.plot, self.hint, centered=True)


class RankingView(QLabel):
    """The optimizers ranked by their tuned best validation loss, with the spread over the seeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setText(tr("The ranking appears when runs finish."))

    def show_summary(self, summary: dict[str, Any]) -> None:
        """One line per optimizer, best first; a note where the next one is within the spread.

        Where a spread is unknown (one seed finished) nothing is claimed about it; one line at the
        end says the order may be luck.
        """
        ranking = summary.get("ranking") or []
        if not ranking:
            self.setText(not_tuned_text() if any_completed(summary) else tr("The ranking appears when runs finish."))
            return
        lines = []
        for entry in ranking:
            line = tr("{rank}. <b>{optimizer}</b> at lr {lr}: best validation loss {loss}, final accuracy "
                      "{acc}").format(rank=entry["rank"], optimizer=optimizer_name(entry["optimizer"]),
                                      lr=lr_label(entry["lr"]),
                                      loss=mean_pm(entry["best_val_loss"], entry["best_val_loss_std"]),
                                      acc=mean_pm(entry["final_val_accuracy"], entry["final_val_accuracy_std"]))
            if entry["within_spread_of_next"]:
                line += " — " + tr("the next one is within the spread over the seeds: this order is not to be "
                                   "trusted")
            lines.append(line)
        if len(ranking) > 1 and any(entry["best_val_loss_std"] is None for entry in ranking):
            lines.append("<i>" + tr("One seed: this order may be luck. Two seeds or more show the spread.") + "</i>")
        self.setText("<br>".join(lines))
