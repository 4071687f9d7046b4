"""Issue 18 / 14: the network map stays responsive — pan and zoom frame time of the Qt view.

The unfolded map of a ~1,000-node model (EfficientNet-B7: 865 boxes, 967
arrows) is drawn in the Map tab's view at the size it has on a 1280×800
projector (420×700 px). Each frame is one zoom step (×1.1 or ÷1.1) or one pan
step (40 px), then a synchronous ``view.viewport().repaint()``; frames are
timed one by one. Three cases: fitted to the width (the default), reading
size (1 screen pixel per layout pixel, all text drawn), and the whole map in
view (every box painted).

Figures: the median frame time as a fraction of a 60 Hz frame (16.7 ms; ≤ 1
keeps up with the display; the 95th percentile is in the details), and the
same against the naive drawing measured in the same run, frames interleaved:
one stock Qt item per box (a rounded-rectangle path), per text line, per
edge and per arrowhead, as a first QGraphicsScene would be written. The
map's view paints boxes, edges and shape labels from three layer items that
draw only what is exposed and drop text and rounding when they would be too
small to see.
"""

from __future__ import annotations

import os
import statistics
import time

FRAME_60HZ = 1 / 60
FRAMES = 20


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _graph(name: str):
    from cnnviz.core.graph import build_graph
    from cnnviz.core.graph_layout import layout
    from cnnviz.core.models import build_model

    graph = build_graph(build_model(name).eval(), (3, 224, 224), name=name)
    return graph, layout(graph)


def _map_view(graph, lay):
    from cnnviz.core.graph_render import node_colors
    from cnnviz.gui.inspect.network_map.view import MapView

    view = MapView()
    view.resize(420, 700)
    view.show()
    view.show_map(graph, lay, node_colors(graph, None))
    return view


def _naive_view(graph, lay):
    """The same picture from stock items: one per box, text line, edge and arrowhead."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

    from cnnviz.core.graph_layout import LINE_HEIGHT, PADDING, shape_text
    from cnnviz.core.graph_render import node_colors

    scene = QGraphicsScene()
    fills = node_colors(graph, None)
    font, small = QFont(), QFont()
    font.setPixelSize(10)
    small.setPixelSize(8)
    pen = QPen(QColor(90, 90, 90))
    for r in lay.edges:
        path = QPainterPath(QPointF(*r.points[0]))
        for x, y in r.points[1:]:
            path.lineTo(x, y)
        scene.addPath(path, pen)
        (xb, yb) = r.points[-1]
        scene.addPolygon(QPolygonF([QPointF(xb, yb), QPointF(xb - 3, yb - 6), QPointF(xb + 3, yb - 6)]), pen,
                         QBrush(QColor(90, 90, 90)))
        label = scene.addSimpleText(shape_text(r.shape), small)
        label.setPos(r.points[0][0] + 4, r.points[0][1] + 2)
    for n in graph.nodes:
        b = lay.boxes[n.key]
        path = QPainterPath()
        path.addRoundedRect(QRectF(b.x, b.y, b.w, b.h), 4, 4)
        scene.addPath(path, QPen(QColor(74, 74, 74)), QBrush(QColor(*fills[n.key])))
        for i, line in enumerate(lay.labels[n.key]):
            text = scene.addSimpleText(line, font)
            text.setPos(b.x + (b.w - text.boundingRect().width()) / 2, b.y + PADDING / 2 + i * LINE_HEIGHT)
    view = QGraphicsView(scene)
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.resize(420, 700)
    view.show()
    view._scene = scene  # keep it alive
    return view


def _set_scale(view, scale: float) -> None:
    from PySide6.QtGui import QTransform

    view.setTransform(QTransform.fromScale(scale, scale))
    view.centerOn(view.sceneRect().center())


def _frame(view, i: int) -> float:
    """One frame: zoom in / out or pan down / up, then a synchronous repaint; returns its time (s)."""
    t = time.perf_counter()
    if i % 2 == 0:
        view.scale(*(2 * [1.1 if i % 4 == 0 else 1 / 1.1]))
    else:
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + (40 if i % 4 == 1 else -40))
    view.viewport().repaint()
    return time.perf_counter() - t


def _p95(times: list[float]) -> float:
    return sorted(times)[max(0, int(round(0.95 * len(times))) - 1)]


def run(quick: bool = False) -> list[dict]:
    """Frame times of the unfolded EfficientNet-B7 map at three zoom levels, ours and naive."""
    app = _app()
    graph, lay = _graph("efficientnet_b7")
    ours, naive = _map_view(graph, lay), _naive_view(graph, lay)
    app.processEvents()
    width = ours.viewport().width() - 4
    height = ours.viewport().height() - 4
    cases = {
        "fitted to the width": width / lay.width,
        "reading size, all text drawn": 1.0,
        "whole map in view": min(width / lay.width, height / lay.height),
    }
    frames = FRAMES // 2 if quick else FRAMES
    rows, medians = [], {}
    for label, scale in cases.items():
        times: dict[str, list[float]] = {"ours": [], "naive": []}
        for view in (ours, naive):
            _set_scale(view, scale)
            app.processEvents()
            view.viewport().repaint()  # warm-up
        for i in range(frames):  # interleaved, so load from other processes hits both alike
            times["ours"].append(_frame(ours, i))
            times["naive"].append(_frame(naive, i))
        med = statistics.median(times["ours"])
        medians[label] = (med, statistics.median(times["naive"]))
        rows.append({
            "name": f"graph view: pan/zoom frame of the unfolded EfficientNet-B7 map, {label} (median / 60 Hz frame)",
            "value": round(med / FRAME_60HZ, 3),
            "target": "<= 1.0",
            "passed": med <= FRAME_60HZ,
            "unit": "×",
            "details": f"{len(graph.nodes)} boxes, {len(graph.edges)} arrows, 420×700 px view at {scale:.3g} px "
                       f"per layout px: median {med * 1e3:.1f} ms, p95 {_p95(times['ours']) * 1e3:.1f} ms over "
                       f"{frames} frames",
        })
    worst = max(m for m, _ in medians.values())
    worst_naive = max(n for _, n in medians.values())
    rows.append({
        "name": "graph view: slowest pan/zoom frame over the three zoom levels, layered items / one stock item "
                "per box, line, edge",
        "value": round(worst / worst_naive, 3),
        "target": "<= 1.0",
        "passed": worst <= worst_naive,
        "unit": "×",
        "details": "; ".join(f"{label}: {m * 1e3:.1f} ms vs {n * 1e3:.1f} ms" for label, (m, n) in medians.items())
                   + " (the stock items cull in C++ and are a little faster zoomed in; zoomed out they paint "
                     "every box, text and edge)",
    })
    ours.close()
    naive.close()
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']}{row['unit']} (target {row['target']}, "
              f"{'ok' if row['passed'] else 'MISSED'}) — {row['details']}")
