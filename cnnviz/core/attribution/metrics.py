"""How faithful is a map? Deletion / insertion curves and Average Drop / Increase in Confidence.

- **Deletion** (Petsiuk, Das, Saenko, *RISE*, BMVC 2018): remove pixels
  from the most to the least important (by the map; ties keep pixel order)
  in ``steps`` equal steps, replacing them with ``deletion_fill`` (0 in the
  model's input space: the mean colour), and record the target's score
  after each step. A faithful map makes the score fall fast: *lower* AUC is
  better.
- **Insertion** (same paper): start from a blurred copy of the image and
  put the original pixels back in the same order. *Higher* AUC is better.
  Both curves have ``steps + 1`` points at fractions ``round(i·HW/steps)/HW``;
  the AUC is the trapezoid area over [0, 1].
- **Average Drop** and **Increase in Confidence** (Chattopadhay et al.,
  *Grad-CAM++*, WACV 2018, §5.1): the score ``O`` on the image multiplied
  by the map's positive evidence scaled to [0, 1] (:meth:`AttributionMap.heat`)
  against the score ``Y`` on the image: Average Drop = ``100 · max(0, Y − O) / Y``,
  Increase in Confidence = 100 when ``O > Y`` else 0 (for one image; the
  paper averages both over a data set).

The score is the class's softmax probability (units: the activation). All
perturbed images run in batches; ``cancel`` is checked between them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor, nn

from cnnviz.core.attribution.image_ops import default_blur_sigma, gaussian_blur
from cnnviz.core.attribution.passes import check_finite
from cnnviz.core.attribution.registry import AttributionMap
from cnnviz.core.attribution.targets import Target, as_target, scoring
from cnnviz.core.errors import ConfigError
from cnnviz.core.probe import eval_mode, forward
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress


@dataclass(frozen=True)
class Curve:
    """A deletion or insertion curve."""

    fractions: np.ndarray  # (steps + 1,) share of pixels removed / inserted
    scores: np.ndarray  # (steps + 1,) the target's score there
    auc: float  # trapezoid area under the curve over [0, 1]


@dataclass(frozen=True)
class Faithfulness:
    """Faithfulness figures of one map."""

    method: str
    deletion: Curve
    insertion: Curve
    average_drop: float  # percent; lower is better
    increase_in_confidence: float  # percent (0 or 100 for one image); higher is better
    score: float  # the target's score on the image
    explanation_score: float  # ... on the image times the map
    score_kind: str  # "probability" or "activation"
    forward_passes: int

    @property
    def deletion_auc(self) -> float:
        """Area under the deletion curve (lower is better)."""
        return self.deletion.auc

    @property
    def insertion_auc(self) -> float:
        """Area under the insertion curve (higher is better)."""
        return self.insertion.auc


def auc(fractions: np.ndarray, scores: np.ndarray) -> float:
    """Trapezoid area under ``scores`` over ``fractions``."""
    f = np.asarray(fractions, np.float64)
    s = np.asarray(scores, np.float64)
    return float(((s[1:] + s[:-1]) * 0.5 * np.diff(f)).sum())


def pixel_ranks(saliency: np.ndarray) -> np.ndarray:
    """(H, W) int64: each pixel's place in the order most important first (ties: row-major order)."""
    flat = np.asarray(saliency, np.float64).ravel()
    order = np.argsort(-flat, kind="stable")
    ranks = np.empty_like(order)
    ranks[order] = np.arange(order.size)
    return ranks.reshape(np.shape(saliency))


def step_counts(pixels: int, steps: int) -> np.ndarray:
    """Pixels removed / inserted after each of ``steps`` steps: ``round(i · pixels / steps)``, i = 0..steps."""
    return np.rint(np.arange(steps + 1) * pixels / steps).astype(np.int64)


def faithfulness(
    model: nn.Module,
    x: Tensor,
    amap: AttributionMap | np.ndarray,
    target: Target | int | str | None = None,
    *,
    steps: int = 32,
    deletion_fill: float = 0.0,
    insertion_blur: float = 0.0,
    batch_size: int = 32,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> Faithfulness:
    """Deletion and insertion curves with their AUC, Average Drop and Increase in Confidence of a map.

    ``amap``: an :class:`AttributionMap` (its own target is used) or a raw
    (H, W) array with ``target``. ``deletion_fill``: the value removed
    pixels take (input space); ``insertion_blur``: σ in pixels of the blurred
    start image (0: max(H, W)/20). Costs ``2 · (steps + 1) + 2`` forward
    passes, batched.
    """
    progress = progress or no_progress
    if steps < 1:
        raise ConfigError("steps must be at least 1.")
    if isinstance(amap, AttributionMap):
        saliency, heat, method = amap.map, amap.heat(), amap.method
        tgt = amap.target.target
        class_index = amap.target.class_index
    else:
        saliency = np.asarray(amap, np.float32)
        lo, hi = float(np.nanmin(saliency)), float(np.nanmax(saliency))
        heat = (saliency - lo) / (hi - lo) if hi > lo else np.zeros_like(saliency)
        method, tgt, class_index = "", as_target(target), None
    h, w = x.shape[-2:]
    if tuple(np.shape(saliency)) != (h, w):
        raise ConfigError(f"The map is {np.shape(saliency)}, the image {h}×{w}: they must match.")
    if not np.isfinite(saliency).all():
        raise ConfigError("The map holds NaN or infinite values.")
    x = x.detach()
    ranks = torch.from_numpy(pixel_ranks(saliency)).to(x.device)
    counts = step_counts(h * w, steps)
    blurred = gaussian_blur(x, insertion_blur if insertion_blur > 0 else default_blur_sigma(x))
    fill = torch.full_like(x, float(deletion_fill))
    e = torch.from_numpy(np.asarray(heat, np.float32)).to(x.device, x.dtype)
    n_curve = steps + 1
    total = 2 + 2 * n_curve  # image, image × map, deletion curve, insertion curve

    def image(i: int) -> Tensor:
        if i == 0:
            return x[0]
        if i == 1:
            return x[0] * e
        j = i - 2
        if j < n_curve:
            keep = (ranks >= int(counts[j]))[None]  # deletion: the first counts[j] pixels removed
            return torch.where(keep, x[0], fill[0])
        j -= n_curve
        put = (ranks < int(counts[j]))[None]  # insertion: the first counts[j] pixels put back
        return torch.where(put, x[0], blurred[0])

    scores = torch.empty(total, dtype=torch.float64)
    unit = tgt.kind == "unit"
    with eval_mode(model), scoring(model, tgt, class_index) as scorer, torch.inference_mode():
        for start in range(0, total, batch_size):
            if cancel is not None:
                cancel.check()
            stop = min(total, start + batch_size)
            batch = torch.stack([image(i) for i in range(start, stop)])
            s = scorer.scores(forward(model, batch), "probability").double()
            check_finite(s, "the target's score on a perturbed image")
            scores[start:stop] = s.cpu()
            progress(stop / total, f"Faithfulness: {stop}/{total} images")
    y, o = float(scores[0]), float(scores[1])
    fractions = counts / float(h * w)
    deletion = scores[2:2 + n_curve].numpy()
    insertion = scores[2 + n_curve:].numpy()
    drop = 100.0 * max(0.0, y - o) / y if y > 0 else float("nan")
    return Faithfulness(
        method=method,
        deletion=Curve(fractions, deletion, auc(fractions, deletion)),
        insertion=Curve(fractions, insertion, auc(fractions, insertion)),
        average_drop=drop,
        increase_in_confidence=100.0 if o > y else 0.0,
        score=y,
        explanation_score=o,
        score_kind="activation" if unit else "probability",
        forward_passes=total,
    )
