"""Blocks (container modules): the totals of what they contain and how their paths combine.

A summary lists a container call (GoogLeNet's ``conv1`` BasicConv2d, a
ResNet ``layer1``, an Inception module) *before* its inner layers, and its own
row has no kernel and no MACs of its own: the numbers live in the rows of the
layers it contains. :func:`block_facts` gathers them: every row of that call
(the container's span), the parameters and MACs inside, the output-size
relation and, from the data-flow graph of the same pass, how its paths meet
(a residual sum, an Inception / DenseNet concatenation, a gating product).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cnnviz.core.summary import LayerInfo, ModelSummary

#: Merge functions by how they combine their inputs.
_SUMS = {"add", "add_", "iadd", "__add__", "__iadd__", "sum"}
_CATS = {"cat", "concat", "concatenate", "stack"}
_PRODUCTS = {"mul", "mul_", "__mul__", "__imul__", "multiply"}


@dataclass(frozen=True)
class BlockFacts:
    """What a container call holds and does."""

    key: str
    type: str
    layers: int  # leaf calls inside (BatchNorm, ReLU, convolutions, ...)
    convolutions: int
    params: int  # parameters inside (every parameter of the module, once)
    macs: int  # multiply-accumulates of every call inside
    input_shape: list[int] | None
    output_shape: list[int] | None
    combine: str  # "sum" | "concat" | "product" | "sequence" (one path) | "unknown" (no graph recorded)
    branches: list[list[int] | None] = field(default_factory=list)  # shapes that meet at the combine step

    @property
    def scale(self) -> tuple[float, float] | None:
        """How much smaller the output's height and width are (2.0: halved), when both are maps."""
        i, o = self.input_shape, self.output_shape
        if not i or not o or len(i) < 3 or len(o) < 3 or not o[-1] or not o[-2]:
            return None
        return i[-2] / o[-2], i[-1] / o[-1]


def block_span(summary: ModelSummary, key: str) -> list[LayerInfo]:
    """The rows of the call ``key``: its own row and every row run inside it (in order); [] if unknown."""
    rows = summary.layers
    for i, row in enumerate(rows):
        if row.key != key:
            continue
        span = [row]
        if row.is_leaf:
            return span
        prefix = row.name + "." if row.name else ""
        for inner in rows[i + 1 :]:
            if not prefix or not inner.name.startswith(prefix):
                break
            span.append(inner)
        return span
    return []


def block_facts(summary: ModelSummary, key: str) -> BlockFacts | None:
    """The facts of the container call ``key``; None for a leaf layer or an unknown key."""
    span = block_span(summary, key)
    if not span or span[0].is_leaf:
        return None
    head = span[0]
    inner = span[1:]
    combine, branches = _combine(summary, head)
    return BlockFacts(
        key=head.key,
        type=head.type,
        layers=sum(1 for r in inner if r.is_leaf),
        convolutions=sum(1 for r in inner if r.is_leaf and "Conv" in r.type),
        params=head.params_recursive,
        macs=sum(r.macs for r in span),
        input_shape=head.input_shape,
        output_shape=head.output_shape,
        combine=combine,
        branches=branches,
    )


def _combine(summary: ModelSummary, head: LayerInfo) -> tuple[str, list[list[int] | None]]:
    """How the paths inside ``head`` meet, from the graph of the same pass."""
    graph = summary.graph
    if graph is None:
        return "unknown", []
    merges = [n for n in graph.nodes if n.kind == "merge" and n.layer == head.key]
    for kinds, name in ((_CATS, "concat"), (_SUMS, "sum"), (_PRODUCTS, "product")):
        hit = next((n for n in merges if n.type in kinds), None)
        if hit is not None:
            return name, [e.shape for e in graph.edges if e.dst == hit.key]
    return "sequence", []


def running_totals(summary: ModelSummary, key: str) -> tuple[int, int]:
    """(parameters, MACs) of every layer up to and including ``key`` — for a block, up to its last inner layer."""
    span = block_span(summary, key)
    last = span[-1].key if span else key
    return summary.running_totals(last)
