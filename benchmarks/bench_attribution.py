"""Issue 16 benchmarks: the cost of attribution maps in forward+backward passes (ResNet-18, 224×224).

Every figure is a ratio to passes of the same model on the same input in the
same run, measured interleaved (one round: the baseline, then each
contender), medians over the rounds. The unit, "one forward+backward pass",
is the cheapest pass any gradient method needs: a forward pass with the
input requiring grad and ``torch.autograd.grad`` of one logit to the input
(no parameter gradients). A plain forward pass (``no_grad``) is the unit of
Score-CAM's and occlusion's cost.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import torch

CAM_FAMILY = ["gradcam", "gradcampp", "hirescam", "xgradcam", "layercam"]


def _rounds(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median seconds of each function, run interleaved ``rounds`` times after one warm-up each."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    return {k: statistics.median(v) for k, v in times.items()}


def _setup():
    import torchvision

    torch.manual_seed(0)
    model = torchvision.models.resnet18().eval()
    x = torch.randn(1, 3, 224, 224, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        c = int(model(x)[0].argmax())

    def forward_backward() -> None:
        xi = x.detach().clone().requires_grad_(True)
        torch.autograd.grad(model(xi)[0, c], xi)

    def forward() -> None:
        with torch.no_grad():
            model(x)

    return model, x, c, forward_backward, forward


def bench_cam_family(rounds: int) -> list[dict]:
    """Grad-CAM alone and the five gradient CAMs together (one shared pass) vs one forward+backward."""
    from cnnviz.core.attribution import compute, compute_many

    model, x, c, fb, _ = _setup()
    t = _rounds({
        "fb": fb,
        "gradcam": lambda: compute("gradcam", model, x, c, layer="layer4"),
        "family": lambda: compute_many(CAM_FAMILY, model, x, c, layer="layer4"),
    }, rounds)
    details = f"forward+backward {t['fb'] * 1e3:.1f} ms, Grad-CAM {t['gradcam'] * 1e3:.1f} ms, " \
              f"5 CAMs {t['family'] * 1e3:.1f} ms"
    return [
        {"name": "Grad-CAM / one forward+backward (ResNet-18 layer4, CPU)", "value": round(t["gradcam"] / t["fb"], 2),
         "target": "<= 1.2", "passed": t["gradcam"] / t["fb"] <= 1.2, "unit": "x", "details": details},
        {"name": "Grad-CAM family, 5 maps from one pass / one forward+backward",
         "value": round(t["family"] / t["fb"], 2), "target": "<= 1.2", "passed": t["family"] / t["fb"] <= 1.2,
         "unit": "x", "details": details},
    ]


def bench_perturbation_costs(rounds: int) -> list[dict]:
    """Score-CAM (512 masked images at layer4) and occlusion (default squares) in plain forward passes."""
    from cnnviz.core.attribution import compute

    model, x, c, _, fwd = _setup()
    t = _rounds({
        "fwd": fwd,
        "scorecam": lambda: compute("scorecam", model, x, c, layer="layer4"),
        "occlusion": lambda: compute("occlusion", model, x, c),
    }, rounds)
    score = compute("scorecam", model, x, c, layer="layer4")
    occ = compute("occlusion", model, x, c)
    rows = []
    for name, label, amap in (("scorecam", "Score-CAM", score), ("occlusion", "Occlusion", occ)):
        equiv = t[name] / t["fwd"]
        images = amap.forward_passes
        rows.append({
            "name": f"{label} cost in forward passes (batched; {images} images)",
            "value": round(equiv, 1), "target": f"<= {images} (one per image)", "passed": equiv <= images,
            "unit": " passes",
            "details": f"{t[name]:.2f} s for {images} images = {equiv / images:.2f} of a batch-1 forward pass "
                       f"({t['fwd'] * 1e3:.1f} ms) per image",
        })
    return rows


def bench_grid(rounds: int) -> list[dict]:
    """Every method but Score-CAM side by side with default options, in forward+backward passes."""
    from cnnviz.core.attribution import compute, compute_many, list_methods

    model, x, c, fb, _ = _setup()
    names = [m.name for m in list_methods() if m.name != "scorecam"]
    t = _rounds({"fb": fb, "grid": lambda: compute_many(names, model, x, c, layer="layer4")}, rounds)
    per = _rounds({n: (lambda n=n: compute(n, model, x, c, layer="layer4")) for n in names}, 1)
    ratio = t["grid"] / t["fb"]
    breakdown = ", ".join(f"{n} {per[n] / t['fb']:.1f}" for n in names)
    return [{
        "name": f"Side-by-side grid of {len(names)} maps (all but Score-CAM) / one forward+backward",
        "value": round(ratio, 1), "target": "<= 30", "passed": ratio <= 30, "unit": "x",
        "details": f"grid {t['grid']:.2f} s, forward+backward {t['fb'] * 1e3:.1f} ms; alone: {breakdown}",
    }]


def run(quick: bool = False) -> list[dict]:
    """All issue-16 figures."""
    rounds = 3 if quick else 7
    return [*bench_cam_family(rounds), *bench_perturbation_costs(max(1, rounds // 3)), *bench_grid(max(2, rounds // 2))]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value']}{row['unit']} (target {row['target']}, "
              f"{'ok' if row['passed'] else 'MISSED'}) — {row['details']}")
