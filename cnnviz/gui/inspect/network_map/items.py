"""The map's graphics items: boxes, edges and shape labels in scene units (the layout's pixels).

Each item paints itself from data computed once (path, elided text) and
skips its text when the view is zoomed out so far that it would be smaller
than a few pixels: a 1,000-node map zoomed out draws rectangles and lines
only, which keeps panning and zooming within a 60 Hz frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cnnviz.core.graph import GraphNode
from cnnviz.core.graph_layout import LINE_HEIGHT, PADDING, NodeBox

#: Text of the boxes, in scene pixels (the layout allows 6.5 px per character).
FONT_PX = 10
#: Shape labels on edges, in scene pixels.
LABEL_PX = 8
#: Text is skipped when it would be drawn smaller than this many screen pixels.
MIN_TEXT_PX = 4.0
ARROW = 6.0


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class NodeItem(QGraphicsItem):
    """One box of the map: a rounded rectangle with its label lines; ``selected_look`` draws it highlighted."""

    def __init__(self, node: GraphNode, box: NodeBox, lines: list[str], fill: QColor, ink: QColor,
                 border: QColor, accent: QColor) -> None:
        super().__init__()
        self.node = node
        self.box = box
        self.rect = QRectF(box.x, box.y, box.w, box.h)
        self.fill, self.ink, self.border, self.accent = fill, ink, border, accent
        self.selected_look = False
        fonts = [_font(FONT_PX, bold=True), _font(FONT_PX)]
        self.fonts = fonts
        room = box.w - 4
        self.lines = [
            QFontMetricsF(fonts[0] if i == 0 else fonts[1]).elidedText(text, Qt.TextElideMode.ElideMiddle, room)
            for i, text in enumerate(lines)
        ]
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles clicks and drags

    @property
    def key(self) -> str:
        """The node's key in the graph."""
        return self.node.key

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self.rect.adjusted(-3, -3, 3, 3)

    def set_selected_look(self, on: bool) -> None:
        """Draw (or stop drawing) the highlight of the selected layer."""
        if on != self.selected_look:
            self.selected_look = on
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.selected_look:
            pen = QPen(self.accent, 3.0)
        else:
            pen = QPen(self.border, 2.0 if self.node.count > 1 else 1.0)
        pen.setCosmetic(self.selected_look)  # the highlight stays visible when zoomed far out
        painter.setPen(pen)
        painter.setBrush(QBrush(self.fill))
        painter.drawRoundedRect(self.rect, 4, 4)
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if scale * FONT_PX < MIN_TEXT_PX:
            return
        painter.setPen(self.ink)
        top = self.box.y + PADDING / 2
        for i, text in enumerate(self.lines):
            painter.setFont(self.fonts[0] if i == 0 else self.fonts[1])
            painter.drawText(QRectF(self.box.x, top + i * LINE_HEIGHT, self.box.w, LINE_HEIGHT),
                             Qt.AlignmentFlag.AlignCenter, text)


class EdgeItem(QGraphicsItem):
    """One edge: a polyline from the bottom of its source to the top of its target, with an arrowhead."""

    def __init__(self, src: str, dst: str, points: list[tuple[float, float]], shape: list[int] | None,
                 color: QColor) -> None:
        super().__init__()
        self.src, self.dst, self.tensor_shape = src, dst, shape
        self.color = color
        self.highlight: QColor | None = None
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        self.path = path
        (xa, ya), (xb, yb) = points[-2], points[-1]
        length = max(((xb - xa) ** 2 + (yb - ya) ** 2) ** 0.5, 1e-6)
        ux, uy = (xb - xa) / length, (yb - ya) / length
        self.arrow = QPolygonF([
            QPointF(xb, yb),
            QPointF(xb - ARROW * ux + ARROW / 2 * uy, yb - ARROW * uy - ARROW / 2 * ux),
            QPointF(xb - ARROW * ux - ARROW / 2 * uy, yb - ARROW * uy + ARROW / 2 * ux),
        ])
        self._bounds = path.boundingRect().united(self.arrow.boundingRect()).adjusted(-2, -2, 2, 2)
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._bounds

    def set_highlight(self, color: QColor | None) -> None:
        """Draw the edge in ``color`` (an edge of the selected node), or back in its own colour."""
        if color != self.highlight:
            self.highlight = color
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        color = self.highlight or self.color
        pen = QPen(color, 2.0 if self.highlight is not None else 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self.arrow)


class LabelItem(QGraphicsItem):
    """A small text (a tensor shape) at a scene position, skipped when too small to read."""

    def __init__(self, x: float, y: float, text: str, color: QColor) -> None:
        super().__init__()
        self.text = text
        self.color = color
        self.label_font = _font(LABEL_PX)
        metrics = QFontMetricsF(self.label_font)
        self.origin = QPointF(x, y)
        self._bounds = QRectF(x, y - metrics.ascent(), metrics.horizontalAdvance(text), metrics.height())
        self.setZValue(-0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if scale * LABEL_PX < MIN_TEXT_PX:
            return
        painter.setPen(self.color)
        painter.setFont(self.label_font)
        painter.drawText(self.origin, self.text)


__all__ = ["EdgeItem", "LabelItem", "NodeItem"]
