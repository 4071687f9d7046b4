"""Channel numbers on the mosaic tiles, painted by one graphics item.

One item painting every label in screen pixels costs a fraction of one
``TextItem`` per tile, stays readable at any zoom, and hides the numbers
whenever the tiles on screen are too small to hold them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
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
        self.setZValue(8)

    def set_labels(self, labels: list[tuple[str, float, float]], rect: QRectF, tile_width: float) -> None:
        """Show ``(text, x, y)`` labels inside ``rect``; tiles are ``tile_width`` view units wide."""
        self.prepareGeometryChange()
        self._labels = labels
        self._rect = QRectF(rect)
        self._tile_width = tile_width
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
        widest = max(self._metrics.horizontalAdvance(t) for t, _, _ in self._labels[-3:]) + 4
        return self._tile_width * scale * 0.6 >= widest

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        t = painter.transform()
        if not self.visible_at(abs(t.m11())):
            return
        h = self._metrics.height()
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        painter.setPen(self._pen)
        device = painter.device()
        right, bottom = device.width(), device.height()
        for text, x, y in self._labels:
            p = t.map(QPointF(x, y))
            if p.x() > right or p.y() > bottom or p.x() < -200 or p.y() < -h:
                continue  # off screen
            r = QRectF(p.x(), p.y(), self._metrics.horizontalAdvance(text) + 4, h)
            painter.fillRect(r, self._fill)
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
