"""Issue 18 benchmarks: the network map's cost against a forward pass of the same model.

* ResNet-152's folded map (summary pass with the graph recorded, fold,
  layout) against one forward pass of ResNet-152 on the CPU, batch 1,
  224×224 — target ≤ 1. Timings are interleaved (map, forward, map, …)
  and their medians compared, so load from other processes on a shared
  machine hits both alike.
* The unfolded map of a ~1,000-node model (EfficientNet-B7: 865 nodes,
  967 edges): layout time, reported against the same model's forward pass
  and against a 60 Hz frame (16.7 ms, the GUI's pan / zoom budget; layout
  runs once per fold change, not per frame).
* The cost of recording the graph: summary with ``graph=True`` against
  without.
"""

from __future__ import annotations

import statistics
import time

import torch


def _forward(model: torch.nn.Module):
    """One forward pass, batch 1, 224×224, no gradients."""
    x = torch.randn(1, 3, 224, 224)
    model.eval()

    def once() -> None:
        with torch.no_grad():
            model(x)

    return once


def _interleaved(fns: dict, repeats: int) -> dict[str, float]:
    """Median time of each function, timed in turns so load on a shared machine hits all alike."""
    for fn in fns.values():
        fn()  # warm-up
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for key, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[key].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in times.items()}


def bench_folded_resnet152(repeats: int) -> list[dict]:
    """Map built, folded and laid out vs one forward pass (same process, interleaved medians)."""
    from cnnviz.core.graph import build_graph, fold
    from cnnviz.core.graph_layout import layout
    from cnnviz.core.models import build_model
    from cnnviz.core.summary import summarize

    model = build_model("resnet152").eval()
    shape = (3, 224, 224)

    def folded_map() -> None:
        layout(fold(build_graph(model, shape), absorb=True))

    t = _interleaved({
        "forward": _forward(model),
        "map": folded_map,
        "plain": lambda: summarize(model, shape),
        "recorded": lambda: summarize(model, shape, graph=True),
    }, repeats)
    forward, mapped, plain, recorded = t["forward"], t["map"], t["plain"], t["recorded"]
    graph = fold(build_graph(model, shape), absorb=True)
    ratio = mapped / forward
    return [
        {
            "name": "graph: ResNet-152 folded map (build + fold + layout) / one forward pass",
            "value": round(ratio, 3),
            "target": "<= 1.0",
            "passed": ratio <= 1.0,
            "unit": "×",
            "details": f"map {mapped * 1e3:.0f} ms ({len(graph.nodes)} nodes), forward {forward * 1e3:.0f} ms, "
                       f"{torch.get_num_threads()} threads",
        },
        {
            "name": "graph: summary with the graph recorded / without",
            "value": round(recorded / plain, 3),
            "target": "<= 1.3",
            "passed": recorded / plain <= 1.3,
            "unit": "×",
            "details": f"ResNet-152: {recorded * 1e3:.0f} ms vs {plain * 1e3:.0f} ms",
        },
    ]


def bench_unfolded_layout(repeats: int) -> list[dict]:
    """Layout of an unfolded ~1,000-node map vs the model's forward pass and a 60 Hz frame."""
    from cnnviz.core.graph import build_graph
    from cnnviz.core.graph_layout import layout
    from cnnviz.core.models import build_model

    model = build_model("efficientnet_b7").eval()
    graph = build_graph(model, (3, 224, 224))
    times = _interleaved({"layout": lambda: layout(graph), "forward": _forward(model)}, max(3, repeats // 2))
    t, forward = times["layout"], times["forward"]
    lay = layout(graph)
    return [
        {
            "name": f"graph: layout of the unfolded EfficientNet-B7 map ({len(graph.nodes)} nodes) / one forward pass",
            "value": round(t / forward, 3),
            "target": "<= 1.0",
            "passed": t <= forward,
            "unit": "×",
            "details": f"layout {t * 1e3:.0f} ms = {t / (1 / 60):.1f} frames at 60 Hz (once per fold change); "
                       f"{len(graph.edges)} edges, {lay.bends} bend points; forward {forward * 1e3:.0f} ms",
        }
    ]


def run(quick: bool = False) -> list[dict]:
    """All issue-18 figures."""
    repeats = 3 if quick else 7
    return bench_folded_resnet152(repeats) + bench_unfolded_layout(repeats)


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']}{row['unit']} (target {row['target']}, "
              f"{'ok' if row['passed'] else 'MISSED'}) — {row['details']}")
