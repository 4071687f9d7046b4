"""Channel numbers on the mosaic tiles, painted by one graphics item.

One item painting every label in screen pixels costs a fraction of one
``TextItem`` per tile, stays readable at any zoom, and hides the numbers
whenever the tiles on screen are too small to hold them. Label positions are
mapped to the screen with one numpy expression, the backgrounds go out in one
``drawRects`` call and each number is a cached ``QStaticText`` (channel
numbers repeat from layer to layer), so a repaint costs little Python.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget


class TileLabels(QGraphicsItem):
    """Text labels anchored at points of the view (top-left corners of tiles)."""

    def __init__(self, point_size: float = 8.5) -> None:
        super().__init__()
        self._labels: list[tuple[str, float, float]] = []
        self._rect = QRectF()
        self._tile_width = 0.0
        self.font = QFont()
        self.font.setPointSizeF(point_size)
        self._metrics = QFontMetricsF(self.font)
        self._fill = QBrush(QColor(0, 0, 0, 150))
        self._pen = QPen(QColor(255, 255, 255))
        self._static: dict[str, tuple[QStaticText, float]] = {}  # text -> (prepared text, box width)
        self._xy = np.zeros((0, 2))
        self._texts: list[tuple[QStaticText, float]] = []
        self._widest = 0.0
        self.setZValue(8)

    def set_point_size(self, point_size: float) -> None:
        """Draw the numbers at ``point_size`` (the presentation zoom makes them bigger)."""
        if point_size == self.font.pointSizeF():
            return
        self.font.setPointSizeF(point_size)
        self._metrics = QFontMetricsF(self.font)
        self._static.clear()
        self.set_labels(self._labels, self._rect, self._tile_width)

    def _prepared(self, text: str) -> tuple[QStaticText, float]:
        hit = self._static.get(text)
        if hit is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self.font)
            hit = self._static[text] = (static, self._metrics.horizontalAdvance(text) + 4)
        return hit

    def set_labels(self, labels: list[tuple[str, float, float]], rect: QRectF, tile_width: float) -> None:
        """Show ``(text, x, y)`` labels inside ``rect``; tiles are ``tile_width`` view units wide."""
        self.prepareGeometryChange()
        self._labels = labels
        self._rect = QRectF(rect)
        self._tile_width = tile_width
        self._texts = [self._prepared(t) for t, _, _ in labels]
        self._xy = np.array([(x, y) for _, x, y in labels], dtype=np.float64).reshape(-1, 2)
        self._widest = max((w for _, w in self._texts), default=0.0)
        self.update()

    def labels(self) -> list[tuple[str, float, float]]:
        """The labels set now (some may be hidden at the current zoom)."""
        return list(self._labels)

    def visible_at(self, scale: float) -> bool:
        """True when tiles drawn ``scale`` screen pixels per view unit are wide enough for a label.

        A label may cover at most 60 % of its tile's width (and a corner of
        its height), so the numbers never hide the maps; zoom in to see them
        on small tiles.
        """
        if not self._labels:
            return False
        return self._tile_width * scale * 0.6 >= self._widest

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = painter.transform()
        if not self.visible_at(abs(t.m11())):
            return
        h = self._metrics.height()
        device = painter.device()
        x, y = self._xy[:, 0], self._xy[:, 1]
        px = t.m11() * x + t.m21() * y + t.dx()
        py = t.m12() * x + t.m22() * y + t.dy()
        shown = np.flatnonzero((px <= device.width()) & (py <= device.height()) & (px >= -200) & (py >= -h))
        if shown.size == 0:
            return
        texts = self._texts
        painter.save()
        painter.resetTransform()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._fill)
        painter.drawRects([QRectF(px[i], py[i], texts[i][1], h) for i in shown.tolist()])
        painter.setFont(self.font)
        painter.setPen(self._pen)
        for i in shown.tolist():
            static, width = texts[i]
            painter.drawStaticText(
                QPointF(px[i] + (width - static.size().width()) / 2, py[i] + (h - static.size().height()) / 2),
                static,
            )
        painter.restore()
