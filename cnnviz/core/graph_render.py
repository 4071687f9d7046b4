"""The network map as pictures: SVG text, or an RGB array drawn with OpenCV (no Qt).

Both draw the same :class:`~cnnviz.core.graph_layout.GraphLayout`: rounded
boxes with the node labels, edges as polylines with arrowheads and the
tensor shape at the start of each edge. Boxes are coloured by kind, or by
a per-node figure (``color_by``: ``params``, ``macs``, ``memory`` or ``rf``,
on a log scale through a cnnviz colormap); :func:`node_colors` gives the
GUI the same colours.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

from cnnviz.core.errors import ConfigError
from cnnviz.core.graph import ACTIVATION_TYPES, NORM_TYPES, WEIGHTED_TYPES, GraphNode, NetworkGraph
from cnnviz.core.graph_layout import LINE_HEIGHT, PADDING, GraphLayout, shape_text

COLOR_BY = ("params", "macs", "memory", "rf")
#: Largest PNG side in pixels; bigger maps are scaled down to fit.
MAX_PNG_SIDE = 16384
#: Largest PNG in pixels (width × height).
MAX_PNG_PIXELS = 120_000_000

_KIND_COLORS = {
    "input": (220, 220, 220), "output": (220, 220, 220), "merge": (255, 214, 165),
    "repeat": (214, 196, 240), "block": (214, 196, 240),
}
_WEIGHTED = (190, 215, 245)
_NORM_ACT = (236, 236, 236)
_OTHER = (205, 235, 205)
_EDGE = (90, 90, 90)
_TEXT = (20, 20, 20)


def metric(node: GraphNode, color_by: str) -> float | None:
    """The figure ``color_by`` of one node (None when it has none)."""
    if color_by == "params":
        return float(node.params)
    if color_by == "macs":
        return float(node.macs)
    if color_by == "memory":
        return float(node.memory)
    if color_by == "rf":
        return node.rf_size
    raise ConfigError(f"color_by must be one of {', '.join(COLOR_BY)}, got {color_by!r}")


def node_colors(graph: NetworkGraph, color_by: str | None = None, colormap: str = "viridis") -> dict[str, tuple[int, int, int]]:
    """An RGB fill per node key: by kind, or by ``color_by`` on a log scale (nodes without it stay grey)."""
    if color_by is None:
        return {n.key: _kind_color(n) for n in graph.nodes}
    from cnnviz.core.render import get_colormap

    lut = np.asarray(get_colormap(colormap), dtype=np.float64)
    if lut.max() <= 1.0:
        lut = lut * 255
    values = {n.key: metric(n, color_by) for n in graph.nodes}
    present = [v for v in values.values() if v is not None and v > 0]
    top = math.log1p(max(present)) if present else 1.0
    out = {}
    for n in graph.nodes:
        v = values[n.key]
        if v is None or v <= 0 or n.kind in ("input", "output"):
            out[n.key] = _NORM_ACT
            continue
        i = int(round(math.log1p(v) / top * (len(lut) - 1)))
        r, g, b = lut[min(max(i, 0), len(lut) - 1)][:3]
        out[n.key] = (int(r), int(g), int(b))
    return out


def _kind_color(node: GraphNode) -> tuple[int, int, int]:
    if node.kind in _KIND_COLORS:
        return _KIND_COLORS[node.kind]
    if WEIGHTED_TYPES.search(node.type):
        return _WEIGHTED
    if NORM_TYPES.search(node.type) or ACTIVATION_TYPES.search(node.type):
        return _NORM_ACT
    return _OTHER


def _text_color(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    return (255, 255, 255) if 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 110 else _TEXT


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _edge_labels(lay: GraphLayout) -> list[tuple[float, float, str]]:
    """One shape label per source and shape, just under the source box, right of its edges' start.

    Every edge leaving a node carries that node's output, so one label says
    it for all of them (and fan-outs do not stack labels on each other).
    """
    seen: set[tuple[str, str]] = set()
    out = []
    for r in lay.edges:
        text = shape_text(r.shape)
        if not text or (r.src, text) in seen:
            continue
        seen.add((r.src, text))
        x, y = r.points[0]
        out.append((x + 4, y + 10, text))
    return out


# ---------------------------------------------------------------- SVG


def to_svg(graph: NetworkGraph, lay: GraphLayout, *, color_by: str | None = None, edge_labels: bool = True) -> str:
    """The map as one SVG document."""
    fills = node_colors(graph, color_by)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lay.width:.0f}" height="{lay.height:.0f}" '
        f'viewBox="0 0 {lay.width:.1f} {lay.height:.1f}" font-family="sans-serif" font-size="10">',
        "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" "
        "orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#5a5a5a\"/></marker></defs>",
        f'<title>{escape(graph.model)}</title>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        '<g fill="none" stroke="#5a5a5a" stroke-width="1">',
    ]
    for r in lay.edges:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in r.points)
        out.append(f'<polyline points="{pts}" marker-end="url(#arrow)"><title>{escape(r.src)} → '
                   f'{escape(r.dst)} {escape(shape_text(r.shape))}</title></polyline>')
    out.append("</g>")
    if edge_labels:
        out.append('<g fill="#5a5a5a" font-size="8">')
        for x, y, text in _edge_labels(lay):
            out.append(f'<text x="{x:.1f}" y="{y:.1f}">{escape(text)}</text>')
        out.append("</g>")
    for n in graph.nodes:
        b = lay.boxes[n.key]
        fill = fills[n.key]
        ink = _hex(_text_color(fill))
        out.append(f'<g id="{escape(n.key, {chr(34): "&quot;"})}"><title>{escape(n.key)}</title>')
        out.append(f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" rx="4" '
                   f'fill="{_hex(fill)}" stroke="#4a4a4a" stroke-width="{2 if n.count > 1 else 1}"/>')
        for i, line in enumerate(lay.labels[n.key]):
            y = b.y + PADDING / 2 + (i + 0.8) * LINE_HEIGHT
            weight = ' font-weight="bold"' if i == 0 else ""
            out.append(f'<text x="{b.x + b.w / 2:.1f}" y="{y:.1f}" text-anchor="middle" fill="{ink}"{weight}>'
                       f"{escape(line)}</text>")
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- PNG (OpenCV)


def _ascii(text: str) -> str:
    return text.replace("×", "x").replace("…", "...").replace("→", "->").encode("ascii", "replace").decode()


def to_png(graph: NetworkGraph, lay: GraphLayout, *, color_by: str | None = None, scale: float = 1.5,
           edge_labels: bool = True) -> np.ndarray:
    """The map as an ``(H, W, 3)`` uint8 RGB image (scaled down to fit :data:`MAX_PNG_SIDE`)."""
    import cv2

    scale = min(scale, MAX_PNG_SIDE / max(lay.width, 1.0), MAX_PNG_SIDE / max(lay.height, 1.0),
                math.sqrt(MAX_PNG_PIXELS / max(lay.width * lay.height, 1.0)))
    w, h = max(1, int(math.ceil(lay.width * scale))), max(1, int(math.ceil(lay.height * scale)))
    img = np.full((h, w, 3), 255, dtype=np.uint8)

    def p(x: float, y: float) -> tuple[int, int]:
        return (int(round(x * scale)), int(round(y * scale)))

    thickness = max(1, int(round(scale)))
    for r in lay.edges:
        pts = np.array([p(x, y) for x, y in r.points], dtype=np.int32)
        cv2.polylines(img, [pts], False, _EDGE, thickness, cv2.LINE_AA)
        (xa, ya), (xb, yb) = r.points[-2], r.points[-1]
        length = math.hypot(xb - xa, yb - ya) or 1.0
        ux, uy = (xb - xa) / length, (yb - ya) / length
        head = [p(xb, yb), p(xb - 6 * ux + 3 * uy, yb - 6 * uy - 3 * ux), p(xb - 6 * ux - 3 * uy, yb - 6 * uy + 3 * ux)]
        cv2.fillConvexPoly(img, np.array(head, dtype=np.int32), _EDGE, cv2.LINE_AA)
    font = cv2.FONT_HERSHEY_SIMPLEX
    if edge_labels and scale >= 0.75:
        for x, y, text in _edge_labels(lay):
            cv2.putText(img, _ascii(text), p(x, y), font, 0.28 * scale, _EDGE, 1, cv2.LINE_AA)
    fills = node_colors(graph, color_by)
    for n in graph.nodes:
        b = lay.boxes[n.key]
        fill = fills[n.key]
        cv2.rectangle(img, p(b.x, b.y), p(b.x + b.w, b.y + b.h), fill, -1)
        cv2.rectangle(img, p(b.x, b.y), p(b.x + b.w, b.y + b.h), (74, 74, 74), 2 if n.count > 1 else 1, cv2.LINE_AA)
        if scale < 0.5:
            continue
        ink = _text_color(fill)
        for i, line in enumerate(lay.labels[n.key]):
            text = _ascii(line)
            size = 0.33 * scale
            (tw, _), _ = cv2.getTextSize(text, font, size, 1)
            y = b.y + PADDING / 2 + (i + 0.8) * LINE_HEIGHT
            cv2.putText(img, text, (int(round((b.x + b.w / 2) * scale - tw / 2)), int(round(y * scale))), font,
                        size, ink, 1, cv2.LINE_AA)
    return img


def write_png(path: str | os.PathLike[str], image: np.ndarray) -> None:
    """Save an RGB uint8 image as PNG (encoded in memory, so non-ASCII paths work)."""
    import cv2

    ok, data = cv2.imencode(".png", np.ascontiguousarray(image[:, :, ::-1]))
    if not ok:
        raise ConfigError(f"Could not encode {Path(path).name} as PNG.")
    Path(path).write_bytes(data.tobytes())


__all__ = ["COLOR_BY", "metric", "node_colors", "to_png", "to_svg", "write_png"]
