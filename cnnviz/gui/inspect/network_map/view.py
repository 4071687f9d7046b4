"""The map's ``QGraphicsView``: draws a laid-out graph and turns clicks and keys into requests.

It knows nothing of models or state: :meth:`MapView.show_map` gets a graph,
its layout and a fill colour per node; a click emits :attr:`MapView.node_clicked`,
a double click :attr:`MapView.node_double_clicked`, ↑/↓ :attr:`MapView.step`.
Dragging pans, Ctrl+wheel (or +/−) zooms around the mouse, 0 fits the width.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from cnnviz.core.graph import GraphNode, NetworkGraph
from cnnviz.core.graph_layout import GraphLayout, shape_text
from cnnviz.gui.inspect.network_map.items import Edge, EdgeLayer, LabelLayer, NodeItem, NodeLayer

#: The view never zooms in past this many screen pixels per layout pixel (times the app zoom) …
MAX_SCALE = 4.0
#: … nor out past this.
MIN_SCALE = 0.02
#: A fitted map is drawn at most this large (times the app zoom): a small net does not fill the column with huge boxes.
FIT_MAX = 1.25
#: A press and release closer than this many pixels is a click, not a drag.
CLICK_SLOP = 4


def ink_for(rgb: tuple[int, int, int]) -> QColor:
    """Text colour readable on a box filled with ``rgb`` (the rule of the core's SVG writer)."""
    return QColor(255, 255, 255) if 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 110 else QColor(20, 20, 20)


class MapView(QGraphicsView):
    """A pannable, zoomable drawing of a :class:`~cnnviz.core.graph.NetworkGraph`."""

    node_clicked = Signal(str)
    """A node was clicked (its key)."""
    node_double_clicked = Signal(str)
    """A node was double-clicked (its key): expand or fold it."""
    step = Signal(int)
    """↑ (−1) or ↓ (+1) was pressed: select the previous / next node."""

    def __init__(self, parent: QWidget | None = None, *, tooltip: Callable[[GraphNode], str] | None = None) -> None:
        """``tooltip(node)``: a box's hover text (default: its key)."""
        super().__init__(parent)
        self.tooltip_for: Callable[[GraphNode], str] = tooltip or (lambda node: node.key)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: list[Edge] = []
        self.edge_layer: EdgeLayer | None = None
        self.node_layer: NodeLayer | None = None
        self.label_layer: LabelLayer | None = None
        self.order: list[str] = []  # node keys in execution order
        self.app_zoom = 1.0
        self.selected: str | None = None
        self._press: QPoint | None = None

    # ------------------------------------------------------------ drawing
    def show_map(self, graph: NetworkGraph, lay: GraphLayout, fills: dict[str, tuple[int, int, int]]) -> None:
        """Draw ``graph`` laid out as ``lay`` with a fill per node key (the old drawing goes)."""
        scene = self.scene()
        scene.clear()
        self.nodes, self.edges = {}, []
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        edge_color = QColor(text)
        edge_color.setAlphaF(0.65)
        border = QColor(74, 74, 74)
        accent = pal.color(QPalette.ColorRole.Highlight)
        scene.setBackgroundBrush(pal.color(QPalette.ColorRole.Base))
        self.edges = [Edge(r.src, r.dst, r.points, r.shape) for r in lay.edges if len(r.points) >= 2]
        self.edge_layer = EdgeLayer(self.edges, edge_color)
        scene.addItem(self.edge_layer)
        labels, seen = [], set()
        for route in lay.edges:  # one shape label per source and shape, under the source (as the SVG)
            label = shape_text(route.shape)
            if not label or (route.src, label) in seen or not route.points:
                continue
            seen.add((route.src, label))
            x, y = route.points[0]
            labels.append((x + 4, y + 10, label))
        self.label_layer = LabelLayer(labels, edge_color)
        scene.addItem(self.label_layer)
        for node in graph.nodes:
            rgb = fills.get(node.key, (236, 236, 236))
            item = NodeItem(node, lay.boxes[node.key], lay.labels[node.key], QColor(*rgb), ink_for(rgb))
            item.setToolTip(self.tooltip_for(node))
            scene.addItem(item)
            self.nodes[node.key] = item
        self.node_layer = NodeLayer(list(self.nodes.values()), border, accent)
        scene.addItem(self.node_layer)
        self.order = [n.key for n in graph.nodes]
        scene.setSceneRect(QRectF(0, 0, lay.width, lay.height))
        self.selected = None

    def recolor(self, fills: dict[str, tuple[int, int, int]]) -> None:
        """Fill every box anew (``fills`` by node key), keeping the layout."""
        for key, item in self.nodes.items():
            rgb = fills.get(key, (236, 236, 236))
            item.set_colors(QColor(*rgb), ink_for(rgb))

    def clear_map(self) -> None:
        """Remove the drawing."""
        self.scene().clear()
        self.nodes, self.edges, self.order = {}, [], []
        self.edge_layer = self.label_layer = self.node_layer = None
        self.selected = None

    # ------------------------------------------------------------ selection
    def set_selected(self, key: str | None, *, scroll: bool = True) -> None:
        """Highlight node ``key`` and its edges (None: nothing) and bring it into view."""
        if self.selected in self.nodes:
            self.nodes[self.selected].set_selected_look(False)
        self.selected = key if key in self.nodes else None
        if self.edge_layer is not None:
            touching = [e for e in self.edges if self.selected is not None and self.selected in (e.src, e.dst)]
            self.edge_layer.set_highlight(touching, self.palette().color(QPalette.ColorRole.Highlight))
        if self.selected is None:
            return
        item = self.nodes[self.selected]
        item.set_selected_look(True)
        if scroll:
            self.ensureVisible(item, 24, 48)

    # ------------------------------------------------------------ zoom
    def scale_factor(self) -> float:
        """Screen pixels per layout pixel now."""
        return float(self.transform().m11())

    def set_scale(self, scale: float) -> None:
        """Draw at ``scale`` screen pixels per layout pixel (within the limits, which follow the app zoom)."""
        scale = max(MIN_SCALE, min(MAX_SCALE * self.app_zoom, scale))
        self.setTransform(QTransform.fromScale(scale, scale))

    def zoom_by(self, factor: float) -> None:
        """Zoom in (> 1) or out around the mouse."""
        self.set_scale(self.scale_factor() * factor)

    def fit_width(self) -> None:
        """As large as fits the width (at most :data:`FIT_MAX` × the app zoom), top of the map in view."""
        rect = self.sceneRect()
        if rect.width() <= 0:
            return
        room = max(50, self.viewport().width() - 4)
        self.set_scale(min(room / rect.width(), FIT_MAX * self.app_zoom))
        if self.selected in self.nodes:
            self.ensureVisible(self.nodes[self.selected], 24, 48)
        else:
            self.centerOn(rect.center().x(), rect.top())

    # ------------------------------------------------------------ input
    def node_at(self, pos: QPoint) -> NodeItem | None:
        """The node under viewport position ``pos``."""
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        press, self._press = self._press, None
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and press is not None \
                and (pos - press).manhattanLength() <= CLICK_SLOP:
            item = self.node_at(pos)
            if item is not None:
                self.node_clicked.emit(item.key)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        item = self.node_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.node_double_clicked.emit(item.key)
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt naming)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(1.15 ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.step.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.25)
        elif key == Qt.Key.Key_0:
            self.fit_width()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.node_double_clicked.emit(self.selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


__all__ = ["MapView", "ink_for"]
