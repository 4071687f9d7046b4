"""The Architecture timeline page: LeNet-5 → … → ResNet-152 as a table and a log-scale chart."""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import math
from typing import Any

from PySide6.QtCore import Qt
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

import pyqtgraph as pg

from cnnviz.core import geometry as geo
from cnnviz.core.explain import TimelineRow, compute_timeline
from cnnviz.gui.explain.common import tr
from cnnviz.gui.workers import Job, run_in_thread

PARAMS_COLOR = "#0072B2"
MACS_COLOR = "#D55E00"
PLOT_INK = "#1A1A1A"


def _pt(scale: float) -> str:
    """A pyqtgraph text size relative to the application font (so the window's zoom reaches it)."""
    return f"{QApplication.font().pointSizeF() * scale:.2f}pt"


class TimelinePage(QWidget):
    """Table (year, depth, parameters, MACs, top-1, what it introduced, Open in Inspect) and chart."""

    COLUMNS = 9

    def __init__(self, state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[TimelineRow] = []
        self.job: Job | None = None
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
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
        self.status = QLabel()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setSizes([380, 560])
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
                (row.introduced.get(lang), row.spec_introduced),
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
        self._plot()

    def _plot(self) -> None:
        xs = []
        seen: dict[int, int] = {}
        for row in self.rows:
            year = row.year or 0
            xs.append(year + 0.3 * seen.get(year, 0))  # spread same-year nets so their labels do not overlap
            seen[year] = seen.get(year, 0) + 1
        self.params_curve.setData(xs, [r.params for r in self.rows])
        self.macs_curve.setData(xs, [r.macs for r in self.rows])
        for item in self.labels:
            self.plot.removeItem(item)
        self.labels = []
        for i, (x, row) in enumerate(sorted(zip(xs, self.rows, strict=True), key=lambda p: p[0])):
            # neighbours in time alternate above / below their dot, so close years do not overprint
            label = pg.TextItem(row.label, color=QColor(PLOT_INK), anchor=(0.5, 1.3) if i % 2 == 0 else (0.5, -0.3))
            label.setPos(x, math.log10(max(row.params, 1)))
            self.plot.addItem(label)
            self.labels.append(label)

    def open_in_inspect(self, name: str) -> None:
        """Ask the Inspect tab to open ``name`` and show it."""
        self.state.open_in_inspect.emit({"name": name, "kwargs": {}, "state_dict": None})
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
