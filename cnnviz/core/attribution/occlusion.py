"""Occlusion sensitivity (Zeiler & Fergus, ECCV 2014, §4.2).

A grey square of ``window`` pixels slides over the image with ``stride``;
for each position the model runs on the occluded image, and the drop of the
target's score (its softmax probability by default, as in the paper; or its
logit; or a unit's activation) is credited to every pixel the square
covered. Each pixel's value is the mean drop over the squares that covered
it, captum's ``Occlusion`` convention: square positions are ``0, s, 2s, …``
up to the first one that reaches the far edge (the last may hang over the
edge and is clipped), so every pixel is covered. "Grey" is ``fill`` in the
model's input space; the default 0 is the dataset's mean colour for a
normalised input. Positive values mark evidence for the target.

Occluded images run in batches of ``batch_size``; ``cancel`` is checked and
progress reported between batches. :attr:`AttributionMap.extras` also holds
``grid``: the score at each square position (the paper's Fig. 7 maps).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from cnnviz.core.attribution.passes import check_finite
from cnnviz.core.attribution.registry import (
    AttributionMap,
    MethodContext,
    MethodInfo,
    OptionInfo,
    register_method,
)
from cnnviz.core.attribution.targets import scoring
from cnnviz.core.errors import ConfigError
from cnnviz.core.messages import msg
from cnnviz.core.probe import eval_mode, forward


def window_starts(size: int, window: int, stride: int) -> list[int]:
    """Where squares start along one side: ``0, s, …, ceil((size − window) / s) · s`` (captum's count)."""
    return [i * stride for i in range(math.ceil((size - window) / stride) + 1)]


def occlusion_geometry(height: int, width: int, window: int, stride: int) -> tuple[int, int, list[int], list[int]]:
    """The square size and stride clipped to the image, and the start rows and columns; checks them."""
    if window < 1 or stride < 1:
        raise ConfigError("occlusion: window and stride must be at least 1 pixel.")
    wh, ww = min(window, height), min(window, width)
    if stride > min(wh, ww):
        raise ConfigError(f"occlusion: stride ({stride}) larger than the square ({min(wh, ww)}) would leave "
                          "pixels never covered.")
    return wh, ww, window_starts(height, wh, stride), window_starts(width, ww, stride)


def default_geometry(height: int, width: int, options: dict[str, Any]) -> tuple[int, int]:
    """The square's side and stride: the options', or a quarter of the shorter side and 3/4 of that.

    At 224×224 that is 56-pixel squares every 42 pixels, 5 × 5 positions:
    a preview that costs about as much as the other maps of a grid; give a
    smaller window and stride for a finer map.
    """
    window = int(options.get("window", 0)) or max(1, min(height, width) // 4)
    stride = int(options.get("stride", 0)) or max(1, (3 * window) // 4)
    return window, stride


def _weight(opts: dict[str, Any], shape: tuple[int, ...]) -> float:
    """Progress weight: forward passes cost about a third of a forward + backward."""
    return occlusion_cost(shape[-2], shape[-1], opts) / 3.0


@register_method(MethodInfo(
    name="occlusion", label=msg("Occlusion"), family="perturbation",
    paper="Zeiler, Fergus. Visualizing and Understanding Convolutional Networks. ECCV 2014 (§4.2).",
    needs_layer=False, signed=True, cost=msg("one forward pass per square position (batched)"),
    options=(
        OptionInfo("window", 0, "side of the grey square in pixels (0: a quarter of the shorter side)",
                   minimum=0),
        OptionInfo("stride", 0, "step between squares in pixels (0: 3/4 of the window)", minimum=0),
        OptionInfo("fill", 0.0, "value of the square in the model's input space (0: the mean colour)"),
        OptionInfo("score", "probability", "what drops: the class probability or its logit (units: "
                   "always the activation)", choices=("probability", "logit")),
        OptionInfo("batch_size", 32, "occluded images per forward pass", minimum=1),
    ),
), weight=_weight)
def _run_occlusion(ctx: MethodContext) -> AttributionMap:
    o = ctx.options
    x = ctx.x.detach()
    _, _, h, w = x.shape
    window, stride = default_geometry(h, w, o)
    wh, ww, ys, xs = occlusion_geometry(h, w, window, stride)
    positions = [(y, xx) for y in ys for xx in xs]
    n, bs = len(positions), int(o["batch_size"])
    fill = float(o["fill"])
    drops = torch.zeros(n, dtype=torch.float64)
    with eval_mode(ctx.model), scoring(ctx.model, ctx.target, ctx.resolved.class_index) as scorer, \
            torch.inference_mode():
        base = scorer.scores(forward(ctx.model, x), o["score"]).double()
        check_finite(base, "the target's score")
        for start in range(0, n, bs):
            ctx.check()
            chunk = positions[start:start + bs]
            batch = x.repeat(len(chunk), 1, 1, 1)
            for i, (y, xx) in enumerate(chunk):
                batch[i, :, y:y + wh, xx:xx + ww] = fill
            s = scorer.scores(forward(ctx.model, batch), o["score"]).double()
            check_finite(s, "the target's score on an occluded image")
            drops[start:start + len(chunk)] = (base - s).cpu()
            ctx.progress(min(1.0, (start + len(chunk)) / n), f"Occlusion: {start + len(chunk)}/{n} squares")
    total = torch.zeros(h, w, dtype=torch.float64)
    count = torch.zeros(h, w, dtype=torch.float64)
    for d, (y, xx) in zip(drops.tolist(), positions, strict=True):
        total[y:y + wh, xx:xx + ww] += d
        count[y:y + wh, xx:xx + ww] += 1
    m = (total / count.clamp(min=1)).float()
    grid = (float(base[0]) - drops).view(len(ys), len(xs)).numpy().astype(np.float32)
    extras = {"window": window, "stride": stride, "positions": n, "grid": grid,
              "score_kind": "activation" if ctx.resolved.is_unit else o["score"], "base_score": float(base[0])}
    return AttributionMap(method=ctx.method, map=m.numpy().astype(np.float32), target=ctx.resolved, signed=True,
                          extras=extras, forward_passes=n + 1, backward_passes=0)


def occlusion_cost(height: int, width: int, options: dict[str, Any]) -> int:
    """How many forward passes :func:`_run_occlusion` will make with ``options`` (for progress)."""
    window, stride = default_geometry(height, width, options)
    try:
        _, _, ys, xs = occlusion_geometry(height, width, window, stride)
    except ConfigError:
        return 1
    return len(ys) * len(xs) + 1
