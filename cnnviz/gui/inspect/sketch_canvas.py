"""The sketch pad's drawing surface: the model's input pixels, upscaled, drawn on with mouse, pen or finger.

See :mod:`cnnviz.gui.inspect.sketch_pad` for where the pad lives and how strokes reach the model.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from cnnviz.core.sketch import Sketch
from cnnviz.gui.inspect.common import tr

#: Grid lines between the model's pixels are drawn when a pixel is at least this big on screen.
GRID_MIN_CELL = 5.0


def default_brush(height: int) -> int:
    """A stroke width (model pixels) that looks like a pen on a ``height``-pixel input: 4 on LeNet's 32."""
    return max(1, round(height / 8))


class SketchCanvas(QWidget):
    """Paints a :class:`Sketch` upscaled, with the model's pixel grid, and draws on it."""

    sig_changed = Signal()
    """The drawing changed (every move of a stroke, an undo, a clear)."""

    def __init__(self, sketch: Sketch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sketch = sketch
        self.ink_white = True
        self.brush = float(default_brush(sketch.shape[0]))  # stroke width in model pixels
        self.erasing = False
        self.pressure = 1.0
        self._hover: QPointF | None = None
        self._grey: np.ndarray | None = None  # keeps the QImage's buffer alive while it is painted
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)  # touches arrive as mouse events
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(60, 60)

    # ------------------------------------------------------------ geometry
    def _title_height(self) -> int:
        return self.fontMetrics().height() + 4

    def cell_rect(self) -> tuple[float, float, float]:
        """(left, top, cell): where the model's pixel (0, 0) is drawn and how big one pixel is, in widget pixels."""
        h, w = self.sketch.shape
        top0 = self._title_height()
        room_w, room_h = max(1.0, self.width() - 2.0), max(1.0, self.height() - top0 - 2.0)
        cell = min(room_w / w, room_h / h)
        left = (self.width() - cell * w) / 2.0
        top = top0 + (room_h + 2.0 - cell * h) / 2.0
        return left, top, cell

    def to_pixels(self, pos: QPointF) -> tuple[float, float]:
        """A widget position as (y, x) in model pixels (fractions kept)."""
        left, top, cell = self.cell_rect()
        return (pos.y() - top) / cell, (pos.x() - left) / cell

    # ------------------------------------------------------------ painting
    def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        h, w = self.sketch.shape
        left, top, cell = self.cell_rect()
        p = QPainter(self)
        text = self.palette().color(self.foregroundRole())
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), self._title_height()), Qt.AlignmentFlag.AlignCenter,
                   tr("Draw here ({0}×{1})").format(w, h))
        v = self.sketch.pixels if self.ink_white else 1.0 - self.sketch.pixels
        self._grey = np.ascontiguousarray(np.rint(np.clip(v, 0.0, 1.0) * 255.0).astype(np.uint8))
        image = QImage(self._grey.data, w, h, w, QImage.Format.Format_Grayscale8)
        target = QRectF(left, top, cell * w, cell * h)
        p.drawImage(target, image)  # no smoothing: every model pixel is a sharp square
        if cell >= GRID_MIN_CELL:
            p.setPen(QPen(QColor(128, 128, 128, 70), 0))
            for i in range(1, h):
                y = top + i * cell
                p.drawLine(QPointF(left, y), QPointF(left + cell * w, y))
            for j in range(1, w):
                x = left + j * cell
                p.drawLine(QPointF(x, top), QPointF(x, top + cell * h))
        p.setPen(QPen(text, 1))
        p.drawRect(target)
        if self._hover is not None and target.contains(self._hover):
            radius = max(0.5, self.brush * self.pressure / 2.0) * cell
            p.setPen(QPen(QColor(255, 60, 60) if self.erasing else QColor(60, 160, 255), 1.5))
            p.drawEllipse(self._hover, radius, radius)
        p.end()

    # ------------------------------------------------------------ input
    def _radius(self) -> float:
        return max(0.5, self.brush * self.pressure / 2.0)

    def _press(self, pos: QPointF, erase: bool) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        y, x = self.to_pixels(pos)
        self.sketch.begin(y, x, self._radius(), erase=erase or self.erasing)
        self._hover = pos
        self.update()
        self.sig_changed.emit()

    def _move(self, pos: QPointF) -> None:
        self._hover = pos
        if self.sketch.drawing:
            y, x = self.to_pixels(pos)
            self.sketch.extend(y, x, self._radius())
            self.sig_changed.emit()
        self.update()

    def _release(self) -> None:
        if self.sketch.drawing:
            self.sketch.end()
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """Left button draws, right button erases."""
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            self.pressure = 1.0
            self._press(event.position(), event.button() == Qt.MouseButton.RightButton)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        self._move(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        self._release()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 (Qt naming)
        """A pen: pressure sets the width, its eraser end erases."""
        self.pressure = 0.35 + 0.65 * float(event.pressure()) if event.pressure() > 0 else 1.0
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            eraser = event.pointerType() == QPointingDevice.PointerType.Eraser
            self._press(event.position(), eraser)
        elif kind == QEvent.Type.TabletMove:
            self._move(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._release()
        event.accept()

    def leaveEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        self._hover = None
        self.update()
        super().leaveEvent(event)
