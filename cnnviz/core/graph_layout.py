"""A layered (Sugiyama-style) drawing of a :class:`~cnnviz.core.graph.NetworkGraph`, top to bottom.

The steps are the classic ones (Sugiyama, Tagawa & Toda 1981; the
barycentre heuristic of the same paper; Gansner et al. 1993 for the
priority of real nodes over long-edge bends):

1. **layers** — longest path from the input, so every edge points down;
2. **long edges** — an edge spanning several layers gets one invisible
   bend point per layer it crosses;
3. **order** — nodes start in execution order and are re-sorted by the mean
   position of their neighbours, sweeping down and up a few times, which
   removes most crossings;
4. **x** — each node moves to the mean x of its neighbours (or in line with
   a long edge that meets it, which keeps the trunk of a residual network
   straight), then the layer is projected back to its order with the minimum
   gaps (an exact least-squares step: isotonic regression by
   pool-adjacent-violators), so long edges run straight;
5. **routes** — each edge is a polyline from the bottom of its source
   through its bend points to the top of its target.

Sizes come from the node labels (:func:`node_labels`) at a nominal
character width, in scene units the GUI can use as pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cnnviz.core.graph import GraphNode, NetworkGraph

CHAR_WIDTH = 6.5
LINE_HEIGHT = 13.0
PADDING = 6.0
LAYER_GAP = 30.0
NODE_GAP = 14.0
BEND_WIDTH = 4.0  # the width a long edge takes in a layer it crosses

_SHORT_TYPES = {
    "BatchNorm2d": "BN", "BatchNorm1d": "BN", "LayerNorm": "LN", "LayerNorm2d": "LN", "GroupNorm": "GN",
    "ReLU": "ReLU", "ReLU6": "ReLU6", "SiLU": "SiLU", "GELU": "GELU", "Hardswish": "HSwish",
    "Dropout": "Drop", "Identity": "Id",
}


@dataclass(frozen=True)
class NodeBox:
    """A node's rectangle: top-left corner ``(x, y)``, width and height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def center(self) -> tuple[float, float]:
        """The middle of the box."""
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass
class EdgeRoute:
    """One edge as a polyline (source bottom, bend points, target top)."""

    src: str
    dst: str
    points: list[tuple[float, float]]
    shape: list[int] | None


@dataclass
class GraphLayout:
    """Where everything goes; units are nominal pixels."""

    boxes: dict[str, NodeBox]
    edges: list[EdgeRoute]
    labels: dict[str, list[str]]
    layers: dict[str, int]
    width: float
    height: float
    bends: int = 0  # invisible bend points used for long edges
    order: dict[str, int] = field(default_factory=dict)  # position within its layer


def shape_text(shape: Sequence[int] | None) -> str:
    """``[64, 56, 56]`` -> ``64×56×56``."""
    return "×".join(str(s) for s in shape) if shape else ""


def node_labels(node: GraphNode) -> list[str]:
    """The lines printed on a node's box."""
    shape = shape_text(node.output_shape)
    if node.kind == "repeat":
        return [f"{node.type} ×{node.count}", node.name, shape]
    if node.kind == "merge":
        return [node.type, node.layer or "model", shape]
    if node.kind in ("input", "output"):
        return [node.name, shape]
    short = _short_name(node)
    kind = node.type
    if node.absorbed:
        kind += " + " + " + ".join(_SHORT_TYPES.get(t, t) for t in node.absorbed)
    return [short, kind, shape]


def _short_name(node: GraphNode) -> str:
    """The key relative to its block (``conv1``), or to the block around that when that says little
    (``branch2.0.conv`` rather than ``conv``)."""
    for parent in reversed(node.parents):
        base = parent.split("#")[0] + "."
        if node.key.startswith(base):
            rest = node.key[len(base):]
            if len(rest.split("#")[0]) > 4:
                return rest
    return node.key


def _pav(target: list[float], weight: list[float]) -> list[float]:
    """Least-squares non-decreasing fit of ``target`` (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for t, w in zip(target, weight, strict=True):
        blocks.append([t, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, c2 = blocks.pop()
            m1, w1, c1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    out: list[float] = []
    for mean, _, count in blocks:
        out += [mean] * int(count)
    return out


def layout(graph: NetworkGraph, *, sweeps: int = 4, passes: int = 6) -> GraphLayout:
    """Positions, sizes and edge routes for ``graph`` (see the module docstring)."""
    nodes = graph.nodes
    index = {n.key: i for i, n in enumerate(nodes)}
    labels = {n.key: node_labels(n) for n in nodes}
    n_real = len(nodes)
    succ: list[list[int]] = [[] for _ in range(n_real)]
    pred: list[list[int]] = [[] for _ in range(n_real)]
    edges = [(index[e.src], index[e.dst], e) for e in graph.edges if e.src in index and e.dst in index]
    for u, v, _ in edges:
        succ[u].append(v)
        pred[v].append(u)
    # 1. layers: longest path, visiting in a topological order (execution order is one).
    order = _topological(n_real, succ, pred)
    layer = [0] * n_real
    for v in order:
        for u in pred[v]:
            layer[v] = max(layer[v], layer[u] + 1)
    # 2. long edges become chains through bend points (ids n_real, n_real + 1, …).
    width = [_width(labels[n.key]) for n in nodes]
    height = [_height(labels[n.key]) for n in nodes]
    node_layer = list(layer)
    chains: list[list[int]] = []
    adj_up: list[list[int]] = [list(p) for p in pred]
    adj_down: list[list[int]] = [list(s) for s in succ]
    for u, v, _ in edges:
        chain = [u]
        for level in range(layer[u] + 1, layer[v]):
            d = len(node_layer)
            node_layer.append(level)
            width.append(BEND_WIDTH)
            height.append(0.0)
            adj_up.append([chain[-1]])
            adj_down.append([])
            adj_down[chain[-1]].append(d)
            chain.append(d)
        if len(chain) > 1:  # re-wire u -> v through the bends
            adj_down[u].remove(v)
            adj_up[v].remove(u)
            adj_down[chain[-1]].append(v)
            adj_up[v].append(chain[-1])
        chain.append(v)
        chains.append(chain)
    total = len(node_layer)
    depth = max(node_layer, default=0) + 1
    rows: list[list[int]] = [[] for _ in range(depth)]
    for v in order:  # real nodes in execution order, bends after their source
        rows[layer[v]].append(v)
    for chain in chains:
        for d in chain[1:-1]:
            rows[node_layer[d]].append(d)
    # 3. order within layers: barycentre sweeps.
    pos = [0.0] * total
    for row in rows:
        for i, v in enumerate(row):
            pos[v] = float(i)
    for _ in range(sweeps):
        for level in range(1, depth):
            _sort_by_barycentre(rows[level], adj_up, pos)
        for level in range(depth - 2, -1, -1):
            _sort_by_barycentre(rows[level], adj_down, pos)
    # 4. x: neighbour means projected back onto each layer's order with minimum gaps.
    x = [0.0] * total
    for row in rows:
        cursor = 0.0
        for v in row:
            x[v] = cursor + width[v] / 2
            cursor += width[v] + NODE_GAP
        shift = cursor / 2
        for v in row:
            x[v] -= shift
    # Long edges first (Gansner et al. weigh edges between bend points 8, real ones 1): a
    # straight skip connection keeps the trunk in line while branches move aside.
    weight = [1.0 if v < n_real else 8.0 for v in range(total)]
    # A merge lines up under the node where its branches split (its immediate
    # dominator), a split over the node where they meet again (its immediate
    # post-dominator): the trunk stays straight, branches open to both sides,
    # and the drawing does not drift sideways block after block.
    anchor_down = _dominators(order, pred, succ)
    anchor_up = _dominators(order[::-1], succ, pred)
    for p in range(passes):
        down = p % 2 == 0
        levels = range(1, depth) if down else range(depth - 2, -1, -1)
        adj = adj_up if down else adj_down
        anchor = anchor_down if down else anchor_up
        for level in levels:
            row = rows[level]
            desired = [
                x[anchor[v]] if v < n_real and len(adj[v]) > 1 and anchor[v] >= 0
                else (sum(x[u] for u in adj[v]) / len(adj[v]) if adj[v] else x[v])
                for v in row
            ]
            _place(row, desired, width, weight, x)
    # 5. y per layer, boxes and routes.
    heights = [max((height[v] for v in row), default=0.0) for row in rows]
    tops, cursor = [], PADDING
    for h in heights:
        tops.append(cursor)
        cursor += h + LAYER_GAP
    left = min((x[v] - width[v] / 2 for v in range(total)), default=0.0) - PADDING
    boxes: dict[str, NodeBox] = {}
    for v, n in enumerate(nodes):
        top = tops[layer[v]] + (heights[layer[v]] - height[v]) / 2
        boxes[n.key] = NodeBox(x[v] - width[v] / 2 - left, top, width[v], height[v])
    routes = []
    for (u, v, e), chain in zip(edges, chains, strict=True):
        bu, bv = boxes[nodes[u].key], boxes[nodes[v].key]
        points = [(bu.center[0], bu.y + bu.h)]
        points += [(x[d] - left, tops[node_layer[d]] + heights[node_layer[d]] / 2) for d in chain[1:-1]]
        points.append((bv.center[0], bv.y))
        routes.append(EdgeRoute(e.src, e.dst, points, e.shape))
    right = max((b.x + b.w for b in boxes.values()), default=0.0)
    bend_right = max((p[0] for r in routes for p in r.points), default=0.0)
    return GraphLayout(
        boxes=boxes, edges=routes, labels=labels, layers={n.key: layer[i] for i, n in enumerate(nodes)},
        width=max(right, bend_right) + PADDING, height=cursor - LAYER_GAP + PADDING,
        bends=total - n_real, order={nodes[v].key: i for row in rows for i, v in enumerate(row) if v < n_real},
    )


def _width(lines: list[str]) -> float:
    return max(len(s) for s in lines) * CHAR_WIDTH + 2 * PADDING


def _height(lines: list[str]) -> float:
    return len(lines) * LINE_HEIGHT + PADDING


def _topological(n: int, succ: list[list[int]], pred: list[list[int]]) -> list[int]:
    """Kahn's order, preferring execution order; any node left by a cycle comes last in index order."""
    import heapq

    indeg = [len(p) for p in pred]
    heap = [v for v in range(n) if indeg[v] == 0]
    heapq.heapify(heap)
    out: list[int] = []
    while heap:
        v = heapq.heappop(heap)
        out.append(v)
        for w in succ[v]:
            indeg[w] -= 1
            if indeg[w] == 0:
                heapq.heappush(heap, w)
    if len(out) < n:
        seen = set(out)
        out += [v for v in range(n) if v not in seen]
    return out


def _sort_by_barycentre(row: list[int], adj: list[list[int]], pos: list[float]) -> None:
    keys = {v: (sum(pos[u] for u in adj[v]) / len(adj[v]) if adj[v] else pos[v]) for v in row}
    row.sort(key=lambda v: keys[v])
    for i, v in enumerate(row):
        pos[v] = float(i)


def _dominators(order: list[int], pred: list[list[int]], succ: list[list[int]]) -> list[int]:
    """Immediate dominator of every node of a DAG given in topological ``order`` (-1: none).

    Cooper, Harvey & Kennedy's intersection over the predecessors, which for
    a DAG visited in topological order needs a single pass. Nodes without
    predecessors are roots; two roots have no common dominator.
    """
    n = len(pred)
    rank = [0] * n
    for i, v in enumerate(order):
        rank[v] = i
    idom = [-1] * n
    for v in order:
        ps = [u for u in pred[v] if idom[u] != -1 or not pred[u]]
        if not pred[v]:
            idom[v] = v
            continue
        if not ps:
            continue
        d = ps[0]
        for u in ps[1:]:
            a, b = d, u
            while a != b and a != -1 and b != -1:
                while a != -1 and rank[a] > rank[b]:
                    a = idom[a] if idom[a] != a else -1
                while b != -1 and a != -1 and rank[b] > rank[a]:
                    b = idom[b] if idom[b] != b else -1
            d = a if a == b else -1
            if d == -1:
                break
        idom[v] = d
    return [-1 if idom[v] == v else idom[v] for v in range(n)]


def _place(row: list[int], desired: list[float], width: list[float], weight: list[float], x: list[float]) -> None:
    """x as close to ``desired`` as the row's order and minimum gaps allow (least squares)."""
    offsets, cursor = [], 0.0
    for i, v in enumerate(row):
        if i:
            cursor += (width[row[i - 1]] + width[v]) / 2 + NODE_GAP
        offsets.append(cursor)
    fitted = _pav([d - o for d, o in zip(desired, offsets, strict=True)], [weight[v] for v in row])
    for v, f, o in zip(row, fitted, offsets, strict=True):
        x[v] = f + o


__all__ = ["EdgeRoute", "GraphLayout", "NodeBox", "layout", "node_labels", "shape_text"]
