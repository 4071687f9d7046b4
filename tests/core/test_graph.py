"""The network map against torch.fx: same data dependencies, same shapes; folding and layout invariants.

The equivalence (also in cnnviz.core.graph's docstring): trace with fx using
leaf modules = modules without children; contract fx function / method nodes
with a single traced source into that source, drop constants; name a
function node with two or more sources ``<innermost nn_module_stack entry>:<op>``
(``#n`` for the n-th in that module call) and a module call by its target
(``#n`` for the n-th call). Those edge sets must be equal, and each edge's
shape must equal fx's ShapeProp shape of its source (an independent pass on
real tensors) and the summary's output shape of the source row.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import torch
import torch.fx as fx
from torch.fx.passes.shape_prop import ShapeProp
from torch.overrides import TorchFunctionMode

from cnnviz.core.graph import build_graph, fold
from cnnviz.core.graph_layout import layout
from cnnviz.core.graph_render import to_png, to_svg
from cnnviz.core.graph_trace import op_name
from cnnviz.core.models import build_model, get_spec
from cnnviz.core.probe import call_key
from cnnviz.core.summary import summarize


class _Leaves(fx.Tracer):
    def is_leaf_module(self, m: torch.nn.Module, qualname: str) -> bool:
        return not any(True for _ in m.children())


def _stack_key(entry: str) -> str:
    name, _, call = entry.partition("@")
    return call_key(name, int(call) + 1 if call else 1)


def _fx_graph(model: torch.nn.Module, shape: tuple[int, ...]):
    """(edges as {(src, dst)}, our-key -> fx output shape) from an fx trace and ShapeProp."""
    model = model.eval()
    graph = _Leaves().trace(model)
    gm = fx.GraphModule(model, graph)
    with torch.no_grad():
        ShapeProp(gm).propagate(torch.randn(1, *shape))
    calls: dict[str, int] = {}
    merges: dict[str, int] = {}
    sources: dict[fx.Node, set[str]] = {}
    edges: set[tuple[str, str]] = set()
    shapes: dict[str, list[int]] = {}

    def fx_shape(node: fx.Node) -> list[int] | None:
        meta = node.meta.get("tensor_meta")
        if meta is None or not hasattr(meta, "shape"):
            return None
        return [int(s) for s in meta.shape[1:]]

    for node in gm.graph.nodes:
        ins: set[str] = set()
        for a in node.all_input_nodes:
            ins |= sources.get(a, set())
        if node.op == "placeholder":
            sources[node] = {"input"}
            shapes["input"] = fx_shape(node)
        elif node.op == "get_attr":
            sources[node] = set()
        elif node.op == "call_module":
            calls[node.target] = calls.get(node.target, 0) + 1
            key = call_key(node.target, calls[node.target])
            edges |= {(s, key) for s in ins}
            sources[node] = {key}
            shapes[key] = fx_shape(node)
        elif node.op in ("call_function", "call_method"):
            if len(ins) >= 2:
                stack = list((node.meta.get("nn_module_stack") or {}).keys())
                where = _stack_key(stack[-1]) if stack else "model"
                base = f"{where}:{op_name(node.target) if callable(node.target) else node.target}"
                merges[base] = merges.get(base, 0) + 1
                key = base if merges[base] == 1 else f"{base}#{merges[base]}"
                edges |= {(s, key) for s in ins}
                sources[node] = {key}
                shapes[key] = fx_shape(node)
            else:
                sources[node] = ins
        elif node.op == "output":
            edges |= {(s, "output") for s in ins}
    return edges, shapes


@pytest.mark.parametrize(("name", "shape"), [("resnet18", (3, 64, 64)), ("googlenet", (3, 64, 64)),
                                            ("densenet121", (3, 64, 64))])
def test_edges_equal_fx_data_dependencies_and_shapes_agree(name: str, shape: tuple[int, int, int]) -> None:
    model = build_model(name).eval()
    summary = summarize(model, shape, graph=True)
    graph = build_graph(model, shape, summary=summary)
    ours = {(e.src, e.dst) for e in graph.edges}
    theirs, fx_shapes = _fx_graph(model, shape)
    assert ours == theirs
    rows = {r.key: r for r in summary.layers}
    kinds = {n.key: n.kind for n in graph.nodes}
    for e in graph.edges:
        assert e.shape == fx_shapes[e.src], e
        if kinds[e.src] == "layer":
            assert e.shape == rows[e.src].output_shape, e
    merges = [n for n in graph.nodes if n.kind == "merge"]
    assert merges and all(":" in n.key and n.layer in rows for n in merges)
    if name == "resnet18":
        assert sorted(n.key for n in merges)[:2] == ["layer1.0:add", "layer1.1:add"]
    if name == "densenet121":
        # Every dense layer concatenates everything before it in its block.
        cat = graph.node("features.denseblock1.denselayer3:cat")
        assert {e.src for e in graph.edges if e.dst == cat.key} == {
            "features.pool0", "features.denseblock1.denselayer1.conv2", "features.denseblock1.denselayer2.conv2"}


class _BigTensorsOnMeta(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = dict(kwargs or {})
        if func in (torch.empty, torch.zeros, torch.ones) and kwargs.get("device") is None:
            size = args[0] if len(args) == 1 and isinstance(args[0], tuple | list | torch.Size) else args
            if math.prod(int(s) for s in size) >= 4096:
                kwargs["device"] = "meta"
        return func(*args, **kwargs)


def _light(name: str) -> torch.nn.Module:
    spec = get_spec(name)
    with _BigTensorsOnMeta():
        return spec.builder(**spec.build_kwargs)


def _connected(graph) -> bool:
    keys = {n.key for n in graph.nodes}
    if not all(e.src in keys and e.dst in keys for e in graph.edges):
        return False
    reach, todo = {"input"}, ["input"]
    while todo:
        k = todo.pop()
        for e in graph.edges:
            if e.src == k and e.dst not in reach:
                reach.add(e.dst)
                todo.append(e.dst)
    return "output" in reach


def test_resnet152_folds_its_repeated_bottlenecks() -> None:
    full = build_graph(_light("resnet152"), (3, 224, 224))
    folded = fold(full)
    repeats = {n.key: n.count for n in folded.nodes if n.kind == "repeat"}
    assert repeats == {"layer1.1": 2, "layer2.1": 7, "layer3.1": 35, "layer4.1": 2}
    r = folded.node("layer3.1")
    assert r.blocks[0] == "layer3.1" and r.blocks[-1] == "layer3.35" and r.type == "Bottleneck"
    assert r.output_shape == [1024, 14, 14]
    assert r.params == sum(n.params for n in full.nodes if any(p.startswith("layer3.") and p != "layer3.0"
                                                           and p.startswith(tuple(r.blocks)) for p in n.parents))
    assert _connected(folded) and _connected(full)
    assert folded.node_for_layer("layer3.17.conv2").key == "layer3.1"
    # Expanding one run keeps its blocks; absorbing draws BN / ReLU inside their convolutions.
    opened = fold(full, expanded=["layer3.1"])
    assert "layer3.1" not in {n.key for n in opened.nodes if n.kind == "repeat"}
    assert "layer3.17.conv2" in {n.key for n in opened.nodes}
    absorbed = fold(full, absorb=True)
    conv1 = absorbed.node("conv1")
    assert conv1.members == ["bn1", "relu"] and conv1.absorbed == ["BatchNorm2d", "ReLU"]
    assert _connected(absorbed)
    # Totals survive folding.
    assert sum(n.params for n in absorbed.nodes) == sum(n.params for n in full.nodes)
    assert sum(n.macs for n in absorbed.nodes) == sum(n.macs for n in full.nodes)


def test_collapsed_block_and_encoder_layers() -> None:
    g = build_graph(_light("vit_b_32"), (3, 224, 224))
    # nn.MultiheadAttention runs F.multi_head_attention_forward, not its out_proj child: it is a layer node.
    attn = g.node("encoder.layers.encoder_layer_0.self_attention")
    assert attn.kind == "layer" and attn.output_shape == [50, 768] and attn.macs > 0
    assert [e.src for e in g.edges if e.dst == attn.key] == ["encoder.layers.encoder_layer_0.ln_1"]
    assert "encoder.layers.encoder_layer_0.self_attention.out_proj" not in {n.key for n in g.nodes}
    f = fold(g)
    assert [n.count for n in f.nodes if n.kind == "repeat"] == [12]
    c = fold(g, repeats=False, collapsed=["encoder"])
    enc = c.node("encoder")
    assert enc.kind == "block" and enc.output_shape == [50, 768] and _connected(c)


def test_layout_puts_edges_downward_without_overlapping_boxes() -> None:
    g = fold(build_graph(build_model("googlenet"), (3, 64, 64)), absorb=True)
    lay = layout(g)
    assert set(lay.boxes) == {n.key for n in g.nodes}
    for r in lay.edges:
        src, dst = lay.boxes[r.src], lay.boxes[r.dst]
        assert r.points[0] == pytest.approx((src.center[0], src.y + src.h))
        assert r.points[-1] == pytest.approx((dst.center[0], dst.y))
        assert lay.layers[r.dst] > lay.layers[r.src]
        assert all(b[1] >= a[1] for a, b in zip(r.points, r.points[1:], strict=False))
    by_layer: dict[int, list] = {}
    for key, box in lay.boxes.items():
        by_layer.setdefault(lay.layers[key], []).append(box)
    for boxes in by_layer.values():
        boxes.sort(key=lambda b: b.x)
        assert all(a.x + a.w <= b.x for a, b in zip(boxes, boxes[1:], strict=False))
    assert all(b.x >= 0 and b.x + b.w <= lay.width and b.y >= 0 and b.y + b.h <= lay.height for b in lay.boxes.values())


def test_svg_and_png_show_every_node() -> None:
    g = fold(build_graph(build_model("resnet18"), (3, 64, 64)), absorb=True)
    lay = layout(g)
    svg = to_svg(g, lay, color_by="macs")
    root = ET.fromstring(svg)
    ids = {el.get("id") for el in root.iter("{http://www.w3.org/2000/svg}g") if el.get("id")}
    assert ids == {n.key for n in g.nodes}
    assert "64×16×16" in svg
    img = to_png(g, lay, scale=1.0)
    assert img.dtype == np.uint8 and img.shape == (math.ceil(lay.height), math.ceil(lay.width), 3)
    box = lay.boxes["layer2.0:add"]
    assert (img[int(box.y) + 3, int(box.center[0])] != 255).any()  # the box is drawn where the layout says


def test_layout_does_not_drift_sideways_block_after_block() -> None:
    # 16 squeeze-and-excitation blocks, each a side branch: the trunk must stay in line.
    g = fold(build_graph(_light("efficientnet_b0"), (3, 224, 224)), absorb=True)
    lay = layout(g)
    widest = max(
        sum(b.w for k, b in lay.boxes.items() if lay.layers[k] == level) + 14 * 3
        for level in set(lay.layers.values())
    )
    assert lay.width <= 2 * widest  # a drifting layout of this map was 814 wide for a widest layer of 184
    merges = [n.key for n in g.nodes if n.kind == "merge" and n.type == "mul"]
    xs = [lay.boxes[k].center[0] for k in merges]
    assert max(xs) - min(xs) <= widest / 2
