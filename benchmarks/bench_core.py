"""Issue 3 benchmarks: probe overhead, summary speed vs torchinfo, memory of a selective capture."""

from __future__ import annotations

import statistics
import time

import torch


def _median_time(fn, repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _eager_clone_capture(model: torch.nn.Module, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """The naive capture: every leaf's output cloned in its own forward hook."""
    outs: dict[str, torch.Tensor] = {}
    calls: dict[str, int] = {}
    leaves = [(n, m) for n, m in model.named_modules() if n and not any(True for _ in m.children())]

    def make(name: str):
        def hook(module, args, out) -> None:
            calls[name] = calls.get(name, 0) + 1  # keys as the probe's: name, name#2, …
            outs[name if calls[name] == 1 else f"{name}#{calls[name]}"] = out.clone()

        return hook

    handles = [m.register_forward_hook(make(n)) for n, m in leaves]
    try:
        with torch.no_grad():
            model(x)
    finally:
        for h in handles:
            h.remove()
    return outs


def bench_probe_overhead(repeats: int) -> dict:
    """Capturing every leaf of ResNet-50 vs a plain forward pass (CPU, 224×224).

    The gated figure is a repeated capture of one model (what the GUI does for
    every image and webcam frame). Also reported, all in the same interleaved
    loop: the first capture of a model (it learns which outputs get written
    into), a capture whose every layer is then read (BatchNorm replays run),
    and the naive way of cloning every leaf output in its hook.
    """
    from cnnviz.core import probe
    from cnnviz.core.memory import tune_allocator
    from cnnviz.core.models import build_model

    tune_allocator()  # as the app and the CLI do at start
    model = build_model("resnet50").eval()
    x = torch.randn(1, 3, 224, 224)

    def plain() -> None:
        with torch.no_grad():
            model(x)

    def probed() -> None:
        probe.capture(model, x, "leaves")

    def first() -> None:
        probe._COPY_PLANS.pop(model, None)  # forget what earlier captures learned
        probe.capture(model, x, "leaves")

    def probed_and_read() -> None:
        for _ in probe.capture(model, x, "leaves").layers.values():
            pass

    def naive() -> None:
        _eager_clone_capture(model, x)

    variants = {"plain": plain, "probed": probed, "first": first, "read": probed_and_read, "naive": naive}
    times: dict[str, list[float]] = {k: [] for k in variants}
    for fn in variants.values():
        fn()
    for _ in range(repeats):  # interleaved, to share the machine's noise between all of them
        for key, fn in variants.items():
            times[key].append(_median_time(fn, 1))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = {k: v / med["plain"] for k, v in med.items()}
    return {
        "name": "probe: all ResNet-50 leaves / plain forward",
        "value": round(ratio["probed"], 3),
        "target": "<= 1.2",
        "passed": ratio["probed"] <= 1.2,
        "unit": "×",
        "details": f"median of {repeats}: plain {med['plain'] * 1e3:.1f} ms, repeated capture "
        f"{med['probed'] * 1e3:.1f} ms; first capture of the model {ratio['first']:.2f}×; capture with every "
        f"layer then read {ratio['read']:.2f}×; naive clone of every leaf in its hook {ratio['naive']:.2f}×",
    }


def bench_summary_vs_torchinfo(repeats: int) -> dict:
    """`summarize` of ResNet-152 vs torchinfo.summary of the same model."""
    import torchinfo

    from cnnviz.core.models import build_model
    from cnnviz.core.summary import summarize

    model = build_model("resnet152").eval()
    ours = _median_time(lambda: summarize(model, (3, 224, 224)), repeats)
    theirs = _median_time(
        lambda: torchinfo.summary(model, input_size=(1, 3, 224, 224), verbose=0, depth=10), repeats
    )
    ratio = ours / theirs
    return {
        "name": "summary ResNet-152 / torchinfo.summary",
        "value": round(ratio, 3),
        "target": "<= 1.0",
        "passed": ratio <= 1.0,
        "unit": "×",
        "details": f"median of {repeats}: cnnviz {ours * 1e3:.0f} ms, torchinfo {theirs * 1e3:.0f} ms",
    }


def bench_selective_memory() -> dict:
    """Bytes held after capturing 2 layers / bytes of those 2 outputs (1.0 = nothing else kept)."""
    from cnnviz.core.models import build_model
    from cnnviz.core.probe import capture

    model = build_model("resnet50").eval()
    x = torch.randn(1, 3, 224, 224)
    keys = ["layer1.0.conv1", "layer3.2.bn2"]
    res = capture(model, x, keys)
    held = res.layers.nbytes()  # replays count at their output size, without running them
    with torch.no_grad():
        expected = 0
        outs = {}
        def remember(key: str):
            def hook(module, args, output) -> None:
                outs[key] = output.shape

            return hook

        hooks = [dict(model.named_modules())[k].register_forward_hook(remember(k)) for k in keys]
        model(x)
        for h in hooks:
            h.remove()
        expected = sum(torch.Size(s).numel() * 4 for s in outs.values())
    all_leaves = capture(model, x, "leaves")
    everything = sum(t.numel() * t.element_size() for t in all_leaves.layers.values())
    ratio = held / expected
    return {
        "name": "selective capture: bytes held / bytes of selected outputs",
        "value": round(ratio, 3),
        "target": "== 1.0",
        "passed": abs(ratio - 1.0) < 1e-9,
        "unit": "×",
        "details": f"{held / 1e6:.2f} MB held for 2 layers; all leaves would hold {everything / 1e6:.0f} MB",
    }


def run(quick: bool = False) -> list[dict]:
    """All issue-3 figures."""
    torch.set_num_threads(max(1, torch.get_num_threads()))
    repeats = 3 if quick else 7
    return [bench_probe_overhead(repeats), bench_summary_vs_torchinfo(max(3, repeats // 2)), bench_selective_memory()]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']}{row['unit']} (target {row['target']}, "
              f"{'ok' if row['passed'] else 'MISSED'}) — {row['details']}")
