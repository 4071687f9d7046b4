"""How far to trust each map: faithfulness curves, the sanity check, the layer sweep.

Each view has a button that asks for its computation (it runs only on
demand), a line saying how to read it, and its figures: a table plus the
deletion / insertion curves, the rank correlation per randomisation step, a
strip of maps with their scores. Plots are pyqtgraph, one persistent item per
curve; colours follow the method (the table's ■ is the legend).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.i18n import translate_message
from cnnviz.gui.inspect.attribution.tiles import Tile, TileGrid
from cnnviz.gui.inspect.common import explain_label, tr

#: Height of a plot at zoom 1 (it grows with the zoom).
PLOT_HEIGHT = 170
#: One colour per method, in registry order (Okabe–Ito and Tableau: readable on light and dark).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C564B", "#F0E442",
           "#7F7F7F", "#17BECF", "#BCBD22", "#9467BD", "#2CA02C", "#D62728")


def method_colour(method: str) -> str:
    """The colour that stands for ``method`` in every plot and table."""
    from cnnviz.core.attribution import list_methods

    names = [m.name for m in list_methods()]
    i = names.index(method) if method in names else len(names)
    return PALETTE[i % len(PALETTE)]


def method_label(method: str) -> str:
    """The method's display name (the paper's spelling)."""
    from cnnviz.core.attribution import method_info

    return translate_message(method_info(method).label)


def _plot(bottom: str, left: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setBackground(None)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setLabel("bottom", bottom)
    plot.setLabel("left", left)
    plot.setMinimumHeight(PLOT_HEIGHT)
    plot.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    plot.setFixedHeight(PLOT_HEIGHT)
    return plot


def _fmt(value: float, digits: int = 3) -> str:
    return "—" if not math.isfinite(value) else f"{value:.{digits}f}".replace("-", "−")


class _RunRow:
    """A run button, and how to read what it computes (shown under the figures, so results come first)."""

    def __init__(self, text: str, help_text: str) -> None:
        self.button = QPushButton(text)
        self.button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.help = explain_label(help_text)
        self.help.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


class FaithfulnessView(QWidget):
    """Deletion / insertion AUC, Average Drop and Increase in Confidence per map, and both curves."""

    COLUMNS = ("method", "deletion_auc", "insertion_auc", "average_drop", "increase_in_confidence")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.run = _RunRow(
            tr("Compute scores"),
            tr("Deletion: the map's most important pixels are removed first; a faithful map makes the score "
               "fall fast (lower area is better). Insertion: they are put back into a blurred image first "
               "(higher area is better). Average Drop: how much the score falls on the image weighted by the "
               "map (lower is better)."),
        )
        lay.addWidget(self.run.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Method"), tr("Deletion ↓"), tr("Insertion ↑"),
                                              tr("Avg drop % ↓"), tr("Incr. conf. %")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.table)
        self.deletion = _plot(tr("share of pixels removed"), tr("score"))
        self.insertion = _plot(tr("share of pixels put back"), tr("score"))
        self.deletion.setTitle(tr("Deletion"))
        self.insertion.setTitle(tr("Insertion"))
        lay.addWidget(self.deletion)
        lay.addWidget(self.insertion)
        self.errors = explain_label()
        lay.addWidget(self.errors)
        lay.addWidget(self.run.help)
        lay.addStretch(1)
        self.curves: dict[tuple[str, str], Any] = {}
        self.answer: Any = None
        self.set_answer(None)

    def set_zoom(self, zoom: float) -> None:
        """Plots grow with the presentation zoom."""
        for plot in (self.deletion, self.insertion):
            plot.setFixedHeight(round(PLOT_HEIGHT * zoom))

    def rows(self) -> list[tuple[str, float, float, float, float]]:
        """What the table shows: (method, deletion AUC, insertion AUC, average drop, increase in confidence)."""
        if self.answer is None:
            return []
        return [(m, f.deletion_auc, f.insertion_auc, f.average_drop, f.increase_in_confidence)
                for m, f in self.answer.scores.items()]

    def set_answer(self, answer: Any) -> None:
        """Show a ``ScoresAnswer`` (None: not computed for these maps yet)."""
        self.answer = answer
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, (m, dele, ins, drop, inc) in enumerate(rows):
            item = QTableWidgetItem("■ " + method_label(m))
            item.setForeground(QColor(method_colour(m)))
            self.table.setItem(r, 0, item)
            for c, v in enumerate((dele, ins, drop, inc), start=1):
                cell = QTableWidgetItem(_fmt(v, 3 if c < 3 else 1))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        self.table.setVisible(bool(rows))
        self._fit_table()
        for plot in (self.deletion, self.insertion):
            plot.clear()
            plot.setVisible(bool(rows))
        if answer is not None:
            kind = next(iter(answer.scores.values())).score_kind if answer.scores else "probability"
            ylabel = tr("probability") if kind == "probability" else tr("activation")
            for plot in (self.deletion, self.insertion):
                plot.setLabel("left", ylabel)
            for m, f in answer.scores.items():
                pen = pg.mkPen(method_colour(m), width=2)
                self.deletion.plot(f.deletion.fractions, f.deletion.scores, pen=pen, name=method_label(m))
                self.insertion.plot(f.insertion.fractions, f.insertion.scores, pen=pen, name=method_label(m))
        errs = answer.errors if answer is not None else {}
        self.errors.setText("\n".join(f"{method_label(m)}: {e}" for m, e in errs.items()))
        self.errors.setVisible(bool(errs))

    def _fit_table(self) -> None:
        h = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        h += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        h += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(h)


class SanityView(QWidget):
    """Rank correlation of each map with the original as the weights are randomised, flagged methods marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.run = _RunRow(
            tr("Run check"),
            tr("The model's weights are randomised from the output layer down, a few layers more at each "
               "step, and every map is computed again. A map that explains the model must change; one that "
               "stays similar (high rank correlation) shows the image more than what the network learned "
               "(Adebayo et al. 2018)."),
        )
        lay.addWidget(self.run.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.plot = _plot(tr("randomisation step (from the output down)"), tr("rank correlation"))
        lay.addWidget(self.plot)
        self.verdicts = explain_label()
        self.verdicts.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.verdicts)
        self.steps = explain_label()
        lay.addWidget(self.steps)
        lay.addWidget(self.run.help)
        lay.addStretch(1)
        self.answer: Any = None
        self.set_answer(None)

    def set_zoom(self, zoom: float) -> None:
        """The plot grows with the presentation zoom."""
        self.plot.setFixedHeight(round(PLOT_HEIGHT * zoom))

    def verdict(self, method: str) -> tuple[bool, float]:
        """(flagged, median correlation) of ``method`` in the shown report."""
        report = self.answer.report
        values = np.nan_to_num(report.correlations(method), nan=0.0)
        return bool(report.flagged.get(method)), float(np.median(values)) if values.size else math.nan

    def set_answer(self, answer: Any) -> None:
        """Show a ``SanityAnswer`` (None: not run for these maps yet)."""
        self.answer = answer
        self.plot.clear()
        self.plot.setVisible(answer is not None)
        if answer is None:
            self.verdicts.setText("")
            self.steps.setText("")
            return
        report = answer.report
        x = np.arange(1, len(report.steps) + 1)
        self.plot.addItem(pg.InfiniteLine(report.threshold, angle=0,
                                          pen=pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine)))
        lines = []
        for m in report.methods:
            colour = method_colour(m)
            self.plot.plot(x, np.nan_to_num(report.correlations(m), nan=0.0), pen=pg.mkPen(colour, width=2),
                           symbol="o", symbolSize=6, symbolBrush=colour, name=method_label(m))
            flagged, median = self.verdict(m)
            text = (tr("does not explain the model (its map stays similar: median correlation {0})") if flagged
                    else tr("changes with the weights (median correlation {0})")).format(_fmt(median, 2))
            mark = "⚠" if flagged else "✔"
            lines.append(f"<span style='color:{colour}'>■</span> {mark} <b>{method_label(m)}</b>: {text}")
        low = min([0.0] + [float(np.nan_to_num(report.correlations(m), nan=0.0).min()) for m in report.methods
                           if report.steps])
        self.plot.setYRange(min(-0.05, low - 0.05), 1.0, padding=0.02)  # 0 and 1 always in view
        self.verdicts.setText("<br>".join(lines))
        self.steps.setText("\n".join(tr("Step {0}: {1}").format(i + 1, _layers(s.randomized))
                                     for i, s in enumerate(report.steps)))

    def flagged(self) -> list[str]:
        """Methods the shown report flags as not explaining the model."""
        if self.answer is None:
            return []
        return [m for m, f in self.answer.report.flagged.items() if f]


def _layers(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return ", ".join(names)
    return tr("{0} … {1} ({2} layers)").format(names[0], names[-1], len(names))


class SweepView(QWidget):
    """A CAM over every convolution: a strip of maps with their faithfulness score, the best marked."""

    sig_layer = Signal(str)
    """A layer's map was clicked (its key): select that layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.method = QComboBox()
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.method.setMinimumContentsLength(5)
        self.method.setMinimumWidth(40)
        from cnnviz.core.attribution import list_methods

        for info in list_methods("cam"):
            self.method.addItem(translate_message(info.label), info.name)
        row.addWidget(QLabel(tr("Method")))
        row.addWidget(self.method, 1)
        lay.addLayout(row)
        self.run = _RunRow(
            tr("Run sweep"),
            tr("The CAM is computed on every convolutional layer and each map is scored: insertion area − "
               "deletion area (higher is better). The best layer is framed; click a map to select its layer."),
        )
        lay.addWidget(self.run.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.grid = TileGrid(min_tile=90)
        self.grid.sig_clicked.connect(self.sig_layer.emit)
        lay.addWidget(self.grid)
        self.skipped = explain_label()
        lay.addWidget(self.skipped)
        lay.addWidget(self.run.help)
        lay.addStretch(1)
        self.answer: Any = None

    def set_zoom(self, zoom: float) -> None:
        """Tiles grow with the presentation zoom."""
        self.grid.set_zoom(zoom)

    def set_answer(self, answer: Any, display: np.ndarray | None, overlay: bool, selected: str) -> None:
        """Show a ``SweepAnswer`` (None clears), maps over ``display`` when ``overlay``; ``selected`` is underlined."""
        from cnnviz.gui.inspect.attribution.tiles import render_map

        self.answer = answer
        if answer is None:
            self.grid.set_tiles([])
            self.skipped.setText("")
            return
        sweep = answer.sweep
        tiles = []
        for e in sweep.entries:
            best = e.layer == sweep.best
            title = ("★ " if best else "") + ("▸ " if e.layer == selected else "") + f"{e.layer} · {_fmt(e.score, 3)}"
            tip = tr("{0}: insertion {1} − deletion {2} = {3}{4}").format(
                e.layer, _fmt(e.insertion_auc), _fmt(e.deletion_auc), _fmt(e.score),
                tr(" (the best layer)") if best else "")
            tiles.append(Tile(e.layer, title, render_map(e.map.normalized(), False, display, overlay), tip, best))
        self.grid.set_tiles(tiles)
        self.skipped.setText("\n".join(f"{k}: {v}" for k, v in sweep.skipped.items()))
        self.skipped.setVisible(bool(sweep.skipped))
