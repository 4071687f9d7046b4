"""The network map: layers as nodes, data dependencies as edges, built from the summary's trace.

:func:`build_graph` runs :func:`~cnnviz.core.summary.summarize` with
``graph=True`` and turns its :class:`~cnnviz.core.graph_trace.GraphTrace`
into a :class:`NetworkGraph`, attaching each layer's summary numbers
(parameters, MACs, output memory, receptive field) for colouring. Shapes
come from that one pass, so the map and the layer table always agree.

Node keys are the summary's row keys (``layer1.0.conv1``, ``layer1.0.relu#2``),
so selecting a node selects that layer everywhere; merge nodes are named by
the module that performs them and the function (``layer1.0:add``) and
select that module (:attr:`GraphNode.layer`).

:func:`fold` makes the map readable:

* **repeats** — consecutive sibling blocks with the same structure, each
  fed only by the one before (ResNet's bottlenecks, EfficientNet's MBConvs,
  ViT's encoder layers), become one node ``×N`` (``expanded`` keeps chosen
  runs open);
* **absorb** — a normalisation or activation whose only input is a
  convolution / linear layer with no other consumer is drawn inside it
  (``conv1 + bn1 + relu``);
* **collapsed** — any block (container call) shown as one node.

Equivalence with ``torch.fx`` (tested): for a model fx can trace, with leaf
modules = modules without children (and modules whose ``forward`` calls none
of their children, such as ``nn.MultiheadAttention``, which are layer nodes
here too), contract every fx function / method
node with a single traced source (``flatten``, ``view``, a functional
``relu``) into that source and drop constants (``get_attr``). The remaining
fx nodes are the placeholder (our ``input``), one per leaf-module call (our
row key), one per function with two or more sources (our merge node, named
by fx's innermost ``nn_module_stack`` entry), and the output; the edge sets
are then equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from torch import nn

from cnnviz.core.graph_trace import INPUT, GraphTrace, TraceNode
from cnnviz.core.summary import LayerInfo, ModelSummary, summarize

NORM_TYPES = re.compile(r"(BatchNorm\dd|SyncBatchNorm|GroupNorm|LayerNorm\dd?|InstanceNorm\dd|LocalResponseNorm|FrozenBatchNorm2d)$")
ACTIVATION_TYPES = re.compile(
    r"(ReLU6?|LeakyReLU|PReLU|RReLU|ELU|CELU|SELU|GELU|SiLU|Mish|Hardswish|Hardsigmoid|Sigmoid|Tanh|Softplus|"
    r"Hardtanh|Dropout\dd?|Identity)$"
)
WEIGHTED_TYPES = re.compile(r"(Conv\dd|ConvTranspose\dd|Linear|LazyConv\dd|LazyLinear)$")


@dataclass
class GraphNode:
    """One box of the map."""

    key: str  # unique in the graph; a summary row key for layers
    kind: str  # "input" | "layer" | "merge" | "output" | "repeat" (×N) | "block" (a collapsed container)
    type: str  # module class, function name ("add", "cat"), or the block's class
    name: str  # what to print on the box
    layer: str  # the summary row to select when the node is clicked ("" for input / output)
    output_shape: list[int] | None
    parents: tuple[str, ...] = ()  # enclosing container calls, outermost first
    params: int = 0
    macs: int = 0
    memory: int = 0  # bytes of the output (for a ×N node: of one block's output)
    rf_size: float | None = None  # widest side of the receptive field, in input pixels
    rf_global: bool = False  # the unit also sees the whole input
    count: int = 1  # ×N
    members: list[str] = field(default_factory=list)  # node keys drawn inside this one
    absorbed: list[str] = field(default_factory=list)  # types of the norm / activation layers drawn inside
    blocks: list[str] = field(default_factory=list)  # for ×N: the container calls folded (first = :attr:`layer`)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        d = asdict(self)
        d["parents"] = list(self.parents)
        return d


@dataclass
class GraphEdge:
    """A tensor from ``src`` to ``dst``; ``shape`` as ``src`` made it (no batch axis)."""

    src: str
    dst: str
    shape: list[int] | None

    def to_dict(self) -> dict[str, Any]:
        """``{"from", "to", "shape"}``."""
        return {"from": self.src, "to": self.dst, "shape": self.shape}


@dataclass
class NetworkGraph:
    """Nodes in execution order and the edges between them."""

    model: str
    input_shape: list[int]
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    containers: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # call key -> (type, parent)
    folded: bool = False

    def node(self, key: str) -> GraphNode:
        """The node with ``key``."""
        for n in self.nodes:
            if n.key == key:
                return n
        raise KeyError(key)

    def node_for_layer(self, layer: str) -> GraphNode | None:
        """The node that shows summary row ``layer`` (itself, or the ×N / block / conv that holds it)."""
        for n in self.nodes:
            if n.key == layer or layer in n.members:
                return n
        for n in self.nodes:  # a container: the node of its first layer
            if any(p == layer for p in n.parents) or layer in n.blocks:
                return n
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``cnnviz graph --format json``."""
        return {
            "model": self.model,
            "input_shape": self.input_shape,
            "folded": self.folded,
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }


# ---------------------------------------------------------------- building


def build_graph(
    model: nn.Module,
    input_shape: tuple[int, ...] | list[int],
    *,
    name: str = "model",
    device: Any = "cpu",
    summary: ModelSummary | None = None,
) -> NetworkGraph:
    """The full (unfolded) map of ``model`` for one input shape.

    Pass a ``summary`` made with ``graph=True`` to reuse its pass.
    """
    if summary is None or summary.graph is None:
        summary = summarize(model, input_shape, name=name, device=device, graph=True)
    return graph_from_summary(summary)


def graph_from_summary(summary: ModelSummary) -> NetworkGraph:
    """The map recorded in ``summary`` (made with ``graph=True``)."""
    if summary.graph is None:
        raise ValueError("the summary was made without graph=True")
    trace: GraphTrace = summary.graph
    rows = {r.key: r for r in summary.layers}
    nodes = [_node(t, rows.get(t.key), summary) for t in trace.nodes]
    edges = [replace_edge(e.src, e.dst, e.shape) for e in trace.edges]
    containers = {k: (c.type, c.parent) for k, c in trace.containers.items()}
    return NetworkGraph(summary.model, list(summary.input_shape), nodes, edges, containers)


def replace_edge(src: str, dst: str, shape: list[int] | None) -> GraphEdge:
    """A new edge (helper for folding)."""
    return GraphEdge(src, dst, None if shape is None else list(shape))


def _node(t: TraceNode, row: LayerInfo | None, summary: ModelSummary) -> GraphNode:
    if t.kind == "layer" and row is not None:
        rf = row.rf
        return GraphNode(
            key=t.key, kind="layer", type=row.type, name=t.key, layer=t.key, output_shape=row.output_shape,
            parents=t.parents, params=row.params if row.call == 1 else 0, macs=row.macs,
            memory=row.output_bytes, rf_size=None if rf is None else float(max(rf.size)),
            rf_global=bool(rf is not None and rf.sees_all),
        )
    if t.kind == "merge":
        return GraphNode(key=t.key, kind="merge", type=t.type, name=t.key, layer=t.layer,
                         output_shape=t.shape, parents=t.parents)
    label = "input" if t.key == INPUT else "output"
    return GraphNode(key=t.key, kind=t.kind, type=t.type, name=label, layer="", output_shape=t.shape)


# ---------------------------------------------------------------- folding


def fold(
    graph: NetworkGraph,
    *,
    repeats: bool = True,
    absorb: bool = False,
    expanded: Iterable[str] = (),
    collapsed: Iterable[str] = (),
) -> NetworkGraph:
    """A readable view of ``graph`` (see the module docstring); ``graph`` is left unchanged.

    ``expanded``: first-block keys of ×N runs to keep open; ``collapsed``:
    container keys to show as one node each.
    """
    g = NetworkGraph(graph.model, graph.input_shape, [replace(n, members=list(n.members)) for n in graph.nodes],
                     [replace_edge(e.src, e.dst, e.shape) for e in graph.edges], dict(graph.containers), True)
    for key in collapsed:
        if key in g.containers:
            members = [n.key for n in g.nodes if key in n.parents]
            if members:
                _merge_nodes(g, [members], key, kind="block", type_name=g.containers[key][0], blocks=[key])
    if repeats:
        open_runs = set(expanded)
        for run in _repeat_runs(g):
            if run[0] in open_runs:
                continue
            groups = [[n.key for n in g.nodes if block in n.parents] for block in run]
            if all(groups):
                _merge_nodes(g, groups, run[0], kind="repeat", type_name=g.containers[run[0]][0], blocks=run)
    if absorb:
        _absorb(g)
    return g


def _merge_nodes(g: NetworkGraph, groups: list[list[str]], key: str, *, kind: str, type_name: str,
                 blocks: list[str]) -> None:
    """Replace the nodes in ``groups`` (one list per block, in order) by one node ``key``."""
    everything = {k for grp in groups for k in grp}
    first, last = groups[0], groups[-1]
    by_key = {n.key: n for n in g.nodes}
    # The run's output: the last block's node that feeds something outside.
    out_nodes = [e.src for e in g.edges if e.src in last and e.dst not in everything]
    out_key = out_nodes[-1] if out_nodes else last[-1]
    members = [by_key[k] for grp in groups for k in grp]
    one_block = [by_key[k] for k in first]
    parents = tuple(p for p in by_key[first[0]].parents if p not in blocks and p != key)
    node = GraphNode(
        key=key, kind=kind, type=type_name,
        name=key if len(groups) == 1 else f"{blocks[0]} … {blocks[-1].rsplit('.', 1)[-1]}",
        layer=blocks[0], output_shape=by_key[out_key].output_shape,
        parents=parents,
        params=sum(n.params for n in members), macs=sum(n.macs for n in members),
        memory=sum(n.memory for n in one_block),
        rf_size=by_key[out_key].rf_size, rf_global=by_key[out_key].rf_global, count=len(groups),
        members=[m for n in members for m in [n.key, *n.members]], blocks=list(blocks),
    )
    index = min(i for i, n in enumerate(g.nodes) if n.key in everything)
    g.nodes = [n for n in g.nodes if n.key not in everything]
    g.nodes.insert(index, node)
    edges, seen = [], set()
    for e in g.edges:
        src_in, dst_in = e.src in everything, e.dst in everything
        if src_in and dst_in:
            continue
        src = key if src_in else e.src
        dst = key if dst_in else e.dst
        if src_in and e.src != out_key:
            continue  # a side output of an inner block: the run's output stands for it
        if (src, dst) in seen:
            continue
        seen.add((src, dst))
        edges.append(GraphEdge(src, dst, e.shape))
    g.edges = edges


def _signature(g: NetworkGraph, block: str, nodes: list[GraphNode]) -> tuple[object, ...]:
    """The structure of one block call: its nodes (relative names, types, shapes) and inner edges."""
    base = block.split("#")[0]

    def rel(key: str) -> str:
        name, _, call = key.partition("#")
        return name[len(base):] if name.startswith(base) else name

    keys = {n.key for n in nodes}
    inner = sorted((rel(e.src), rel(e.dst)) for e in g.edges if e.src in keys and e.dst in keys)
    # Parameters and MACs tell a 1×1 from a 3×3 convolution of the same output shape.
    return (tuple((rel(n.key), n.type, tuple(n.output_shape or ()), n.params, n.macs) for n in nodes), tuple(inner))


def _repeat_runs(g: NetworkGraph) -> list[list[str]]:
    """Runs of 2+ consecutive sibling blocks with equal structure, each fed only by the one before."""
    children: dict[str | None, list[str]] = {}
    for key, (_, parent) in g.containers.items():
        children.setdefault(parent, []).append(key)
    nodes_of: dict[str, list[GraphNode]] = {k: [] for k in g.containers}
    for n in g.nodes:
        for p in n.parents:
            if p in nodes_of:
                nodes_of[p].append(n)
    signatures = {k: _signature(g, k, v) for k, v in nodes_of.items() if v}
    runs: list[list[str]] = []
    for siblings in children.values():
        i = 0
        while i < len(siblings):
            run = [siblings[i]]
            sig = signatures.get(siblings[i])
            j = i + 1
            while sig is not None and j < len(siblings):
                nxt = siblings[j]
                if signatures.get(nxt) != sig or not _fed_by(g, nodes_of[nxt], nodes_of[run[-1]]):
                    break
                run.append(nxt)
                j += 1
            if len(run) >= 2:
                runs.append(run)
            i = j if len(run) >= 2 else i + 1
    return sorted(runs, key=lambda run: run[0].count("."))  # outer runs first


def _fed_by(g: NetworkGraph, block: list[GraphNode], previous: list[GraphNode]) -> bool:
    inside = {n.key for n in block}
    before = {n.key for n in previous}
    entering = [e.src for e in g.edges if e.dst in inside and e.src not in inside]
    return bool(entering) and all(src in before for src in entering)


def _absorb(g: NetworkGraph) -> None:
    """Draw each norm / activation inside the weighted layer that is its only input (one pass, in order)."""
    incoming: dict[str, list[GraphEdge]] = {}
    outgoing: dict[str, list[GraphEdge]] = {}
    for e in g.edges:
        outgoing.setdefault(e.src, []).append(e)
        incoming.setdefault(e.dst, []).append(e)
    by_key = {n.key: n for n in g.nodes}
    gone: set[str] = set()
    dropped: set[int] = set()
    for n in g.nodes:
        if n.kind != "layer" or not (NORM_TYPES.search(n.type) or ACTIVATION_TYPES.search(n.type)):
            continue
        ins = [e for e in incoming.get(n.key, []) if id(e) not in dropped]
        if len(ins) != 1:
            continue
        host = by_key[ins[0].src]
        if host.kind != "layer" or not WEIGHTED_TYPES.search(host.type):
            continue
        if len([e for e in outgoing.get(host.key, []) if id(e) not in dropped]) != 1:
            continue
        host.members += [n.key, *n.members]
        host.absorbed += [n.type, *n.absorbed]
        host.output_shape = n.output_shape
        host.params += n.params
        host.macs += n.macs
        host.memory = n.memory
        host.rf_size = n.rf_size
        host.rf_global = host.rf_global or n.rf_global
        gone.add(n.key)
        dropped.add(id(ins[0]))
        moved = outgoing.pop(n.key, [])
        for e in moved:
            e.src = host.key
        outgoing[host.key] = moved
    g.nodes = [n for n in g.nodes if n.key not in gone]
    g.edges = [e for e in g.edges if id(e) not in dropped]


__all__ = ["GraphEdge", "GraphNode", "NetworkGraph", "build_graph", "fold", "graph_from_summary"]
