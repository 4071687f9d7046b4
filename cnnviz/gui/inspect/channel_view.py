"""One channel of the selected layer, large, with the value under the cursor."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cnnviz.core.session import UnitSelection
from cnnviz.gui.inspect.activation_grid import layer_maps
from cnnviz.gui.inspect.common import ImageView, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState


class ChannelView(QWidget):
    """The clicked channel at full size; clicking in it picks another unit of the same channel."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.channel: int | None = None
        self.values: np.ndarray | None = None
        self._hover: tuple[float, float] | None = None  # the pixel under the mouse, recomputed on every redraw
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.view = ImageView(title=tr("Channel"))
        self.view.setToolTip(tr("The channel you clicked, large. Hover for values; click to pick another unit."))
        self.marker = pg.QtWidgets.QGraphicsRectItem()
        pen = pg.mkPen((255, 60, 60), width=2)
        pen.setCosmetic(True)
        self.marker.setPen(pen)
        self.marker.setZValue(10)
        self.marker.hide()
        self.view.view.addItem(self.marker)
        lay.addWidget(self.view, 1)
        self._size_picture(float(state.zoom or 1.0))
        state.zoom_changed.connect(self._size_picture)
        self.value_label = QLabel(self._hint())
        self.value_label.setWordWrap(True)
        # The clicked unit's arithmetic, with the real numbers, opens in the Explain tab.
        self.arithmetic_button = QPushButton(tr("How is it computed?"))
        self.arithmetic_button.setToolTip(tr("Show the clicked unit's arithmetic in the Explain tab: its input window, "
                                             "kernel, products, sum, bias, then BatchNorm and ReLU"))
        self.arithmetic_button.setEnabled(False)
        self.arithmetic_button.clicked.connect(self.open_arithmetic)
        # the text beside the button in a wide column, above it in a narrow one (a projector, a big zoom)
        self.text_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.text_row.addWidget(self.value_label, 1)
        self.text_row.addWidget(self.arithmetic_button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addLayout(self.text_row)
        self.view.sig_hover.connect(self._on_hover)
        self.view.sig_clicked.connect(self._on_click)
        controller.unit_changed.connect(lambda _: self.redraw())
        state.layer_changed.connect(lambda _: self.redraw())
        controller.forward_changed.connect(lambda _: self.redraw())
        controller.colormap_changed.connect(lambda _: self.redraw())

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Stack the text over the button when the column is too narrow for both side by side."""
        super().resizeEvent(event)
        wide = self.width() >= self.arithmetic_button.sizeHint().width() + 22 * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.text_row.direction() != direction:
            self.text_row.setDirection(direction)

    def _size_picture(self, zoom: float) -> None:
        """The channel at least as big as the input pictures (they grow with the zoom)."""
        from cnnviz.gui.inspect.input_panel import picture_side

        side = picture_side(zoom)
        self.view.setMinimumSize(side, side)

    def redraw(self) -> None:
        """Show the selected unit's channel (or the first channel of the layer)."""
        from cnnviz.core.render import mosaic

        fwd, session, unit = self.controller.forward, self.state.model, self.controller.unit
        self.arithmetic_button.setEnabled(unit is not None and unit.layer == self.state.layer and fwd is not None)
        maps = None
        if fwd is not None and session is not None and fwd.session_id == session.session_id:
            maps = layer_maps(fwd.layers.get(self.state.layer))
        if maps is None or maps.size == 0 or maps.shape[1] * maps.shape[2] == 1:
            self.values = None
            self.view.set_rgb(None)
            self.marker.hide()
            self.view.set_title(tr("Channel"))
            self._show_value()
            return
        c = unit.channel if unit is not None and unit.layer == self.state.layer else 0
        c = min(c, len(maps) - 1)
        self.channel = c
        self.values = maps[c]
        m = mosaic(maps[c : c + 1], pad=0, scale="per_channel")
        self.view.set_rgb(m.to_rgb(self.controller.colormap))
        h, w = self.values.shape
        self.view.set_title(tr("Channel {0} ({1}×{2})").format(c, h, w))
        if unit is not None and unit.layer == self.state.layer:
            self.marker.setRect(pg.QtCore.QRectF(unit.x, unit.y, 1, 1))
            self.marker.show()
        else:
            self.marker.hide()
        self._show_value()  # another layer, unit or image under a mouse that did not move

    @staticmethod
    def _hint() -> str:
        return tr("Click a channel in the grid to open it here.")

    def _on_hover(self, y: float, x: float) -> None:
        if y < 0:  # the mouse left the picture: the last value stays until something else is shown
            self._hover = None
            return
        self._hover = (y, x)
        self._show_value()

    def _show_value(self) -> None:
        """The value under the mouse in the channel shown now; the hint when the mouse is not over it."""
        values, hover = self.values, self._hover
        if values is None or hover is None or not (0 <= hover[0] < values.shape[0] and 0 <= hover[1] < values.shape[1]):
            self.value_label.setText(self._hint())
            return
        yi, xi = int(hover[0]), int(hover[1])
        self.value_label.setText(
            tr("channel {0} · row {1}, column {2} · value {3:.4g}").format(self.channel, yi, xi, float(values[yi, xi]))
        )

    def _on_click(self, y: float, x: float) -> None:
        if self.values is None or self.channel is None:
            return
        self.controller.set_unit(UnitSelection(self.state.layer, self.channel, int(y), int(x)))

    def open_arithmetic(self) -> None:
        """Ask Explain to show how the clicked unit is computed (AppState.open_unit_arithmetic)."""
        unit = self.controller.unit
        if unit is not None and unit.layer == self.state.layer:
            self.state.open_unit_arithmetic.emit(unit)

    def current(self) -> Any:
        """The channel shown now (or None)."""
        return self.channel
