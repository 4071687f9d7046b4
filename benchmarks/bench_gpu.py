"""On a CUDA GPU: what cnnviz's own work costs next to the plain passes it builds on (ratios, one run).

* capture of every ResNet-50 leaf vs a plain forward pass (the Inspect tab's forward);
* Grad-CAM vs one forward + backward, and the whole side-by-side grid (no Score-CAM)
  in forward + backward equivalents (the attribution panel);
* a training step of ResNet-18 with cnnviz's Trainer vs a plain torch loop.

Prints nothing but a note without CUDA. ``python benchmarks/bench_gpu.py [--quick]``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

import torch

from cnnviz.core.models import build_model


def _time(fn: Callable[[], object], repeats: int) -> float:
    """Median seconds of ``fn`` on the GPU (synchronised), after two warm-ups."""
    for _ in range(2):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_capture(repeats: int) -> list[tuple[str, float, str]]:
    from cnnviz.core.probe import capture

    model = build_model("resnet50", seed=0).eval().cuda()
    x = torch.randn(1, 3, 224, 224, device="cuda")
    with torch.no_grad():
        plain = _time(lambda: model(x), repeats)
    ours = _time(lambda: capture(model, x, "all"), repeats)
    return [("gpu_capture_resnet50_all_leaves", ours / plain, f"{ours * 1e3:.1f} ms vs forward {plain * 1e3:.1f} ms")]


def bench_attribution(repeats: int) -> list[tuple[str, float, str]]:
    from cnnviz.core.attribution import compute, compute_many

    model = build_model("resnet18", seed=0).eval().cuda()
    x = torch.randn(1, 3, 224, 224, device="cuda")

    def fwd_bwd() -> None:
        xi = x.clone().requires_grad_(True)
        model(xi)[0].max().backward()

    base = _time(fwd_bwd, repeats)
    cam = _time(lambda: compute("gradcam", model, x, "top", layer="layer4"), repeats)
    methods = ["gradcam", "gradcampp", "hirescam", "xgradcam", "layercam", "eigencam", "saliency", "gradxinput",
               "smoothgrad", "ig", "guidedbackprop", "occlusion"]
    grid = _time(lambda: compute_many(methods, model, x, "top", layer="layer4"), max(1, repeats // 3))
    return [
        ("gpu_gradcam_vs_fwd_bwd", cam / base, f"{cam * 1e3:.1f} ms vs {base * 1e3:.1f} ms"),
        ("gpu_attribution_grid_fwd_bwd_equivalents", grid / base, f"{len(methods)} maps in {grid * 1e3:.0f} ms"),
    ]


def bench_training(repeats: int) -> list[tuple[str, float, str]]:
    from cnnviz.core.training import Trainer, TrainSetup
    from cnnviz.core.training.config import RunConfig

    setup = TrainSetup(model="resnet18_classifier", dataset="shapes", epochs=1, batch_size=64, train_limit=2048,
                       val_limit=64, device="cuda")
    t0 = time.perf_counter()
    trainer = Trainer(setup, [RunConfig("SGD", "sgd", {"lr": 0.01})])
    trainer.prepare()
    prep = time.perf_counter() - t0
    t0 = time.perf_counter()
    trainer.run()
    torch.cuda.synchronize()
    ours = time.perf_counter() - t0
    steps = len(trainer.log.snapshot("SGD").train["loss"])
    channels = int(trainer.data.train.images.shape[1])
    model = build_model("resnet18_classifier", seed=0, num_classes=len(trainer.data.class_names),
                        in_channels=channels).cuda()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    data = trainer.data.train.to("cuda")
    idx = torch.arange(64, device="cuda")

    def step() -> None:
        xb, yb = data.batch(idx)
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(xb), yb).backward()
        opt.step()

    plain = _time(step, max(steps, repeats)) * steps
    return [("gpu_train_epoch_vs_plain_loop", ours / plain,
             f"{steps} steps: {ours:.2f} s (validation and logging included) vs {plain:.2f} s; data {prep:.1f} s")]


def run(quick: bool = False) -> list[tuple[str, float, str]]:
    """Every GPU figure as (name, ratio, detail); [] without CUDA."""
    if not torch.cuda.is_available():
        return []
    repeats = 5 if quick else 20
    return [*bench_capture(repeats), *bench_attribution(repeats), *bench_training(repeats)]


if __name__ == "__main__":
    rows = run("--quick" in sys.argv)
    if not rows:
        print("no CUDA device: nothing measured")
    print(f"GPU: {torch.cuda.get_device_name(0) if torch.cuda.is_available() else '-'}, torch {torch.__version__}")
    for name, ratio, detail in rows:
        print(f"{name:45s} {ratio:7.2f}x  {detail}")
