"""The data-flow graph of one forward pass, recorded during the summary's pass.

:class:`GraphRecorder` runs inside :func:`cnnviz.core.summary.summarize`
(``graph=True``), so the network map and the layer table come from one trace
and cannot disagree on a shape. It remembers which node produced every
tensor:

* a **layer** node per call of a leaf module (keyed like the summary row:
  ``layer1.0.relu``, ``layer1.0.relu#2``), or of a module whose forward calls
  none of its children (``nn.MultiheadAttention``); what happens inside a
  layer is its own business;
* a **merge** node per operation outside leaf modules that combines tensors
  from two or more producers (ResNet's ``out += identity``, Inception's and
  DenseNet's ``torch.cat``, squeeze-and-excitation's ``scale * x``, attention's
  ``q @ kᵀ``), named by the module whose ``forward`` runs it and the function:
  ``layer1.0:add``, ``features.denseblock1.denselayer1:cat#2``;
* operations with one producer (``flatten``, ``view``, a functional ``relu``)
  pass their producer on: the edge goes straight through them.

Edges carry the shape of the tensor as its producer made it (batch
dimension dropped), so each edge's shape is its source row's output shape.
Container calls (non-leaf modules) are kept with their parent, for folding.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from torch import Tensor
from torch.utils.weak import WeakIdKeyDictionary

INPUT = "input"
OUTPUT = "output"


@dataclass
class TraceNode:
    """One node of the recorded graph."""

    key: str  # unique; a summary row key for layers
    kind: str  # "input" | "layer" | "merge" | "output"
    type: str  # module class, or the function name of a merge
    layer: str  # the summary row to select: the layer itself, or the module that ran the merge ("" = the model)
    parents: tuple[str, ...]  # enclosing container calls, outermost first
    shape: list[int] | None = None  # output shape without the batch dimension


@dataclass
class TraceEdge:
    """A tensor flowing from one node to another."""

    src: str
    dst: str
    shape: list[int] | None  # as the source produced it, without the batch dimension


@dataclass
class ContainerCall:
    """One call of a module with children (a block, a stage)."""

    key: str
    type: str
    parent: str | None
    nodes: list[str] = field(default_factory=list)  # node keys directly or indirectly inside


@dataclass
class GraphTrace:
    """Nodes in execution order, edges, and the container calls around them."""

    nodes: list[TraceNode] = field(default_factory=list)
    edges: list[TraceEdge] = field(default_factory=list)
    containers: dict[str, ContainerCall] = field(default_factory=dict)


def _tensors(obj: Any) -> list[Tensor]:
    if isinstance(obj, Tensor):
        return [obj]
    if isinstance(obj, list | tuple):
        return [t for o in obj for t in _tensors(o)]
    if isinstance(obj, dict):
        return [t for o in obj.values() for t in _tensors(o)]
    return []


_IN_PLACE_DUNDERS = {"iadd": "add", "isub": "sub", "imul": "mul", "itruediv": "div", "imatmul": "matmul",
                     "radd": "add", "rsub": "sub", "rmul": "mul", "rtruediv": "div", "rmatmul": "matmul",
                     "truediv": "div"}


def op_name(func: Any) -> str:
    """A short name for a torch function: ``__iadd__`` -> ``add``, ``cat`` -> ``cat``, ``add_`` -> ``add``."""
    name = str(getattr(func, "__name__", "op"))
    if name.startswith("__") and name.endswith("__"):
        name = name[2:-2]
    return _IN_PLACE_DUNDERS.get(name, name).rstrip("_") or "op"


def _shape(t: Tensor) -> list[int]:
    return [int(s) for s in t.shape[1:]]


@dataclass
class _OpenCall:
    """A module call in progress."""

    key: str
    type: str
    leaf: bool
    node_start: int  # len(trace.nodes) when it started
    edge_start: int
    inputs: list[tuple[str, list[int]]] = field(default_factory=list)  # producers of its arguments
    child_ran: bool = False


class GraphRecorder:
    """Records producers and data dependencies.

    The summary's module hooks call :meth:`enter` / :meth:`leave`, and its
    receptive-field mode passes every torch function call to :meth:`observe`
    (one mode for both keeps the per-operation overhead down).
    """

    def __init__(self, inputs: Sequence[Tensor]) -> None:
        self.trace = GraphTrace()
        # tensor -> (node key, shape made); torch's WeakIdKeyDictionary is an untyped MutableMapping
        self._producer: MutableMapping[Tensor, tuple[str, list[int]]] = WeakIdKeyDictionary()
        self._stack: list[_OpenCall] = []  # open module calls, outermost first
        self._merges: dict[str, int] = {}
        self._index: dict[str, TraceNode] = {}
        self._add_node(TraceNode(INPUT, "input", "Input", "", (), _shape(inputs[0]) if inputs else None))
        for t in inputs:
            self._producer[t] = (INPUT, _shape(t))

    # ------------------------------------------------------------ module calls

    def enter(self, key: str, type_name: str, is_leaf: bool, args: Any) -> None:
        """A module call starts (the summary's forward pre-hook)."""
        inside = self._inside_leaf()
        if self._stack:
            self._stack[-1].child_ran = True
        call = _OpenCall(key, type_name, is_leaf, len(self.trace.nodes), len(self.trace.edges))
        if not inside:
            if is_leaf:
                self._add_node(TraceNode(key, "layer", type_name, key, self._parents()))
                self._edges_into(key, _tensors(args))
            else:
                parent = self._parents()[-1] if self._parents() else None
                self.trace.containers[key] = ContainerCall(key, type_name, parent)
                call.inputs = [p for p in (self._producer.get(t) for t in _tensors(args)) if p is not None]
        self._stack.append(call)

    def leave(self, key: str, output: Any) -> None:
        """A module call ends (the summary's forward hook)."""
        call = self._stack.pop()
        if self._inside_leaf():
            return
        if not call.leaf and not call.child_ran:
            # A module whose forward used none of its children (nn.MultiheadAttention
            # runs F.multi_head_attention_forward with its out_proj's weights) is a
            # layer: what happened inside it is its own business.
            self._collapse(call)
        node = self._node(key)
        if node is None:  # a container: its output was made inside it
            return
        outs = _tensors(output)
        if outs:
            node.shape = _shape(outs[0])
        for t in outs:
            self._producer[t] = (key, _shape(t))

    def _collapse(self, call: _OpenCall) -> None:
        inner = self.trace.nodes[call.node_start:]
        gone = {n.key for n in inner}
        del self.trace.nodes[call.node_start:]
        del self.trace.edges[call.edge_start:]
        for k in gone:
            self._index.pop(k, None)
        for container in self.trace.containers.values():
            if gone & set(container.nodes):
                container.nodes = [k for k in container.nodes if k not in gone]
        self.trace.containers.pop(call.key, None)
        self._add_node(TraceNode(call.key, "layer", call.type, call.key, self._parents()))
        seen: set[str] = set()
        for src, shape in call.inputs:
            if src not in seen:
                seen.add(src)
                self.trace.edges.append(TraceEdge(src, call.key, shape))

    def finish(self, output: Any) -> GraphTrace:
        """The model returned ``output``: add the output node and hand back the trace."""
        outs = _tensors(output)
        self._add_node(TraceNode(OUTPUT, "output", "Output", "", (), _shape(outs[0]) if outs else None))
        self._edges_into(OUTPUT, outs)
        return self.trace

    # ------------------------------------------------------------ functions between modules

    def observe(self, func: Any, args: Sequence[Any], kwargs: dict[str, Any], result: Any) -> None:
        """One torch function returned ``result`` (called by the summary's tracking mode after every call)."""
        if self._inside_leaf():
            return
        outs = _tensors(result)
        if not outs:
            return
        inputs = _tensors(args) + _tensors(list(kwargs.values()))
        producers: dict[str, list[int]] = {}
        for t in inputs:
            rec = self._producer.get(t)
            if rec is not None:
                producers.setdefault(rec[0], rec[1])
        if len(producers) >= 2:
            where = self._stack[-1].key if self._stack else ""
            name = op_name(func)
            base = f"{where or 'model'}:{name}"
            n = self._merges.get(base, 0) + 1
            self._merges[base] = n
            key = base if n == 1 else f"{base}#{n}"
            self._add_node(TraceNode(key, "merge", name, where, self._parents(), _shape(outs[0])))
            for src, shape in producers.items():
                self.trace.edges.append(TraceEdge(src, key, shape))
            for t in outs:
                self._producer[t] = (key, _shape(t))
        elif len(producers) == 1:
            ((src, shape),) = producers.items()
            for t in outs:
                self._producer[t] = (src, shape)

    # ------------------------------------------------------------ helpers

    def _inside_leaf(self) -> bool:
        return any(c.leaf for c in self._stack)

    def _parents(self) -> tuple[str, ...]:
        return tuple(c.key for c in self._stack if not c.leaf)

    def _add_node(self, node: TraceNode) -> None:
        self.trace.nodes.append(node)
        self._index[node.key] = node
        for parent in node.parents:
            container = self.trace.containers.get(parent)
            if container is not None:
                container.nodes.append(node.key)

    def _node(self, key: str) -> TraceNode | None:
        return self._index.get(key)

    def _edges_into(self, key: str, tensors: list[Tensor]) -> None:
        seen: set[str] = set()
        for t in tensors:
            rec = self._producer.get(t)
            if rec is not None and rec[0] not in seen:
                seen.add(rec[0])
                self.trace.edges.append(TraceEdge(rec[0], key, rec[1]))
