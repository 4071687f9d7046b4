"""The map's graphics items: boxes, edges and shape labels in scene units (the layout's pixels).

Each item paints itself from data computed once (path, elided text) and
skips its text when the view is zoomed out so far that it would be smaller
than a few pixels: a 1,000-node map zoomed out draws rectangles and lines
only, which keeps panning and zooming within a 60 Hz frame.
"""

from __future__ import annotations

import numpy as np
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
    QStaticText,
    QTransform,
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
#: Below this many screen pixels per layout pixel, boxes are plain rectangles and edges one-pixel lines.
OVERVIEW_SCALE = 0.15


class RectIndex:
    """Which of many rectangles meet a given one: one vectorised test instead of a Python loop per frame."""

    def __init__(self, rects: list[QRectF]) -> None:
        self.boxes = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in rects], dtype=np.float64)
        self.boxes = self.boxes.reshape(-1, 4)

    def meeting(self, rect: QRectF) -> np.ndarray:
        """Indices of the rectangles that intersect ``rect`` (all of them for an invalid ``rect``)."""
        b = self.boxes
        if not rect.isValid():
            return np.arange(len(b))
        hit = (b[:, 0] <= rect.right()) & (b[:, 2] >= rect.left()) & (b[:, 1] <= rect.bottom()) & (b[:, 3] >= rect.top())
        return np.flatnonzero(hit)


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class NodeItem(QGraphicsItem):
    """One box of the map, for hit tests, hover text and the cursor; :class:`NodeLayer` paints it.

    ``selected_look``: drawn highlighted (the selected layer).
    """

    def __init__(self, node: GraphNode, box: NodeBox, lines: list[str], fill: QColor, ink: QColor) -> None:
        super().__init__()
        self.node = node
        self.box = box
        self.rect = QRectF(box.x, box.y, box.w, box.h)
        self.lines = lines  # elided to the box's width when drawn
        self.fill, self.ink = fill, ink
        self.selected_look = False
        self.layer: NodeLayer | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
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
            self.repaint()

    def set_colors(self, fill: QColor, ink: QColor) -> None:
        """Fill the box with ``fill`` and write on it in ``ink``."""
        self.fill, self.ink = fill, ink
        self.repaint()

    def repaint(self) -> None:
        """Ask the layer to paint this box again."""
        if self.layer is not None:
            self.layer.update(self.boundingRect().adjusted(-3, -3, 3, 3))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass  # ItemHasNoContents: never called


class NodeLayer(QGraphicsItem):
    """Every box of the map, painted in one call (a thousand Python ``paint`` calls per frame would
    cost more than the drawing): the visible ones with rounded corners and text, or all as plain
    rectangles when zoomed far out."""

    def __init__(self, items: list[NodeItem], border: QColor, accent: QColor) -> None:
        super().__init__()
        self.items = items
        self.border, self.accent = border, accent
        self.fonts = (_font(FONT_PX, bold=True), _font(FONT_PX))
        self.metrics = (QFontMetricsF(self.fonts[0]), QFontMetricsF(self.fonts[1]))
        bounds = QRectF()
        for item in items:
            item.layer = self
            bounds = bounds.united(item.boundingRect())
        self._bounds = bounds.adjusted(-3, -3, 3, 3)
        self.index = RectIndex([item.boundingRect() for item in items])
        self._static: dict[str, list[tuple[QPointF, QStaticText]]] = {}
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        visible = [self.items[i] for i in self.index.meeting(exposed)]
        selected = [i for i in visible if i.selected_look]
        highlight = QPen(self.accent, 3.0)
        highlight.setCosmetic(True)  # stays visible when zoomed far out
        if scale < OVERVIEW_SCALE:  # a few pixels each: plain rectangles, no rounding, no smoothing
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for item in visible:
                painter.fillRect(item.rect, item.fill)
            painter.setPen(highlight)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for item in selected:
                painter.drawRect(item.rect)
            return
        thin, thick = QPen(self.border, 1.0), QPen(self.border, 2.0)
        with_text = scale * FONT_PX >= MIN_TEXT_PX
        for item in visible:
            painter.setPen(highlight if item.selected_look else thick if item.node.count > 1 else thin)
            painter.setBrush(QBrush(item.fill))
            painter.drawRoundedRect(item.rect, 4, 4)
            if not with_text:
                continue
            painter.setPen(item.ink)
            for i, (pos, text) in enumerate(self._texts(item)):
                painter.setFont(self.fonts[0 if i == 0 else 1])
                painter.drawStaticText(pos, text)

    def _texts(self, item: NodeItem) -> list[tuple[QPointF, QStaticText]]:
        """The box's lines as static texts (laid out once, not every frame) at their centred positions."""
        texts = self._static.get(item.key)
        if texts is None:
            texts = []
            top = item.box.y + PADDING / 2
            for i, line in enumerate(item.lines):
                font = 0 if i == 0 else 1
                static = QStaticText(self.metrics[font].elidedText(line, Qt.TextElideMode.ElideMiddle, item.box.w - 4))
                static.setTextFormat(Qt.TextFormat.PlainText)
                static.prepare(QTransform(), self.fonts[font])
                size = static.size()
                pos = QPointF(item.box.x + (item.box.w - size.width()) / 2,
                              top + i * LINE_HEIGHT + (LINE_HEIGHT - size.height()) / 2)
                texts.append((pos, static))
            self._static[item.key] = texts
        return texts


class Edge:
    """One edge: a polyline from the bottom of its source to the top of its target, with an arrowhead.

    Edges are not items of their own: one :class:`EdgeLayer` paints them all
    (a thousand Python ``paint`` calls per frame would cost more than the drawing).
    """

    def __init__(self, src: str, dst: str, points: list[tuple[float, float]], shape: list[int] | None) -> None:
        self.src, self.dst, self.tensor_shape = src, dst, shape
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
        self.bounds = path.boundingRect().united(self.arrow.boundingRect()).adjusted(-2, -2, 2, 2)


class EdgeLayer(QGraphicsItem):
    """Every edge of the map, painted in one call: the visible ones in detail, or all as thin lines
    when zoomed far out; edges with a highlight colour on top."""

    def __init__(self, edges: list[Edge], color: QColor) -> None:
        super().__init__()
        self.edges = edges
        self.color = color
        self.everything = QPainterPath()
        bounds = QRectF()
        for edge in edges:
            self.everything.addPath(edge.path)
            bounds = bounds.united(edge.bounds)
        self._bounds = bounds
        self.index = RectIndex([edge.bounds for edge in edges])
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._bounds

    def set_highlight(self, edges: list[Edge], color: QColor | None) -> None:
        """Draw ``edges`` in ``color`` (the edges of the selected node) and every other edge in its own."""
        for edge in self.edges:
            edge.highlight = color if edge in edges else None
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if scale < OVERVIEW_SCALE:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(self.color, 0))  # cosmetic: one screen pixel
            painter.drawPath(self.everything)
        else:
            visible = [e for e in (self.edges[i] for i in self.index.meeting(exposed)) if e.highlight is None]
            self._draw(painter, visible, self.color, 1.0)
        for color in {e.highlight.rgba(): e.highlight for e in self.edges if e.highlight is not None}.values():
            self._draw(painter, [e for e in self.edges if e.highlight == color], color, 2.0)

    @staticmethod
    def _draw(painter: QPainter, edges: list[Edge], color: QColor, width: float) -> None:
        pen = QPen(color, width)
        pen.setCosmetic(width > 1)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for edge in edges:
            painter.drawPath(edge.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for edge in edges:
            painter.drawPolygon(edge.arrow)


class LabelLayer(QGraphicsItem):
    """The small texts (tensor shapes) at scene positions, painted in one call; skipped when too small."""

    def __init__(self, labels: list[tuple[float, float, str]], color: QColor) -> None:
        super().__init__()
        self.color = color
        self.label_font = _font(LABEL_PX)
        metrics = QFontMetricsF(self.label_font)
        self.labels = [
            (QPointF(x, y), text, QRectF(x, y - metrics.ascent(), metrics.horizontalAdvance(text), metrics.height()))
            for x, y, text in labels
        ]
        bounds = QRectF()
        for _, _, rect in self.labels:
            bounds = bounds.united(rect)
        self._bounds = bounds
        self.index = RectIndex([rect for _, _, rect in self.labels])
        self._static: dict[int, QStaticText] = {}
        self.setZValue(-0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    @property
    def texts(self) -> list[str]:
        """Every label's text."""
        return [text for _, text, _ in self.labels]

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt naming)
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if scale * LABEL_PX < MIN_TEXT_PX:
            return
        exposed = option.exposedRect
        painter.setPen(self.color)
        painter.setFont(self.label_font)
        for i in self.index.meeting(exposed):
            static = self._static.get(i)
            if static is None:
                origin, text, _ = self.labels[i]
                static = QStaticText(text)
                static.setTextFormat(Qt.TextFormat.PlainText)
                static.prepare(QTransform(), self.label_font)
                self._static[i] = static
            painter.drawStaticText(self.labels[i][2].topLeft(), static)


__all__ = ["Edge", "EdgeLayer", "LabelLayer", "NodeItem", "NodeLayer"]
