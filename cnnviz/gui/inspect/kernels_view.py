"""The selected layer's weights: kernels (RGB or per input channel), a histogram, or a matrix."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from cnnviz.gui.inspect.common import ImageView, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState

#: Linear weight matrices larger than this are shown with a stride.
MAX_MATRIX = 1_000_000


class KernelsView(QWidget):
    """Kernels of a convolution, or a linear layer's weight matrix, and a weight histogram."""

    sig_drawn = Signal()
    """The picture and its text were drawn again (the presenter view copies them)."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.weight: np.ndarray | None = None
        self._wanted_page: int | None = None  # a page asked for before the weights arrived (a lesson)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.page = QSpinBox()
        self.page.setPrefix(tr("input channel "))
        self.page.setToolTip(tr("Deeper layers: each filter has one small kernel per input channel; page through them."))
        self.page.valueChanged.connect(lambda _: self.redraw())
        row.addWidget(self.info, 1)
        row.addWidget(self.page)
        lay.addLayout(row)
        self.view = ImageView()
        lay.addWidget(self.view, 3)
        self.hist = pg.PlotWidget()
        self.hist.setBackground(None)
        self.hist.setLabel("bottom", tr("weight value"))
        self.hist.setLabel("left", tr("count"))
        self.hist.setMenuEnabled(False)
        self.hist_curve = self.hist.plot([0, 1], [0], stepMode="center", fillLevel=0, brush=(80, 140, 220, 160))
        lay.addWidget(self.hist, 2)
        state.layer_changed.connect(lambda _: self._load())
        state.model_changed.connect(lambda _: self._load())
        controller.weights_view_changed.connect(lambda _: self._load())  # a training snapshot's kernels

    def _load(self) -> None:
        """Copy the selected layer's weights in a worker (through the session's exclusive access)."""
        self.controller.read_weight(self.state.layer, self._show_weight)

    def _show_weight(self, weight: np.ndarray | None) -> None:
        self.weight = weight
        self.page.blockSignals(True)
        c_in = self.weight.shape[1] if self.weight is not None and self.weight.ndim == 4 else 1
        self.page.setRange(0, max(0, c_in - 1))
        self.page.setValue(self._wanted_page if self._wanted_page is not None else 0)
        self._wanted_page = None
        self.page.setVisible(self.weight is not None and self.weight.ndim == 4 and c_in != 3)
        self.page.blockSignals(False)
        self.redraw()

    def current_page(self) -> int:
        """The input channel shown (or asked for while the weights load)."""
        return self._wanted_page if self._wanted_page is not None else self.page.value()

    def set_page(self, page: int) -> None:
        """Show the kernels on input channel ``page`` (kept until the weights arrive if they are loading)."""
        if self.controller.pending("weight"):
            self._wanted_page = int(page)
        else:
            self.page.setValue(int(page))

    def redraw(self) -> None:
        """Draw the weights of the selected layer."""
        self._redraw()
        self.sig_drawn.emit()

    def _redraw(self) -> None:
        from cnnviz.core.render import kernel_mosaic, mosaic, weight_histogram

        w = self.weight
        if w is None:
            self.view.set_rgb(None)
            self.hist_curve.setData([0, 1], [0])
            self.info.setText(tr("{0} has no weights to show.").format(self.state.layer or tr("This layer")))
            return
        counts, edges = weight_histogram(w, 60)
        self.hist_curve.setData(edges, counts)
        if w.ndim == 4:
            if w.shape[1] == 3:
                m = kernel_mosaic(w)
                self.info.setText(
                    tr("{0} filters of {1}×{2}×3 shown in colour: grey is 0, the colour is what the filter looks for.").format(
                        w.shape[0], w.shape[2], w.shape[3]
                    )
                )
            else:
                c = self.page.value()
                m = kernel_mosaic(w, c)
                self.info.setText(
                    tr("{0} filters, their {1}×{2} kernel on input channel {3} of {4}. Blue < 0 < red.").format(
                        w.shape[0], w.shape[2], w.shape[3], c, w.shape[1]
                    )
                )
            self.view.set_rgb(m.to_rgb())
        elif w.ndim == 2:
            step = max(1, int(np.ceil(np.sqrt(w.size / MAX_MATRIX))))
            shown = w[::step, ::step]
            m = mosaic(shown[None], pad=0, scale="symmetric")
            self.view.set_rgb(m.to_rgb("coolwarm"))
            note = tr(" (every {0}th row and column)").format(step) if step > 1 else ""
            self.info.setText(
                tr("Weight matrix: {0} outputs (rows) × {1} inputs (columns){2}. Blue < 0 < red.").format(
                    w.shape[0], w.shape[1], note
                )
            )
        else:
            self.view.set_rgb(None)
            self.info.setText(tr("{0} weights of shape {1}: histogram only.").format(w.size, list(w.shape)))

    def current_weight(self) -> Any:
        """The weight array shown (or None)."""
        return self.weight
