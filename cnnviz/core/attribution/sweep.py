"""Layer sweep: one CAM method over every convolutional layer, each map scored, the best marked.

Which layer should a CAM use? The sweep answers it for this image: every
convolution's map comes from *one* forward pass with all those layers tapped
and one backward pass to all of them (Score-CAM still needs its masked
images per layer), and each map is scored by its faithfulness,
``insertion AUC − deletion AUC`` (:mod:`.metrics`; higher is better: the
score rises fast when the map's top pixels are put back and falls fast when
they are removed). The best layer is the one with the highest score.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from torch import Tensor, nn

from cnnviz.core.attribution.api import check_input, scaled_progress
from cnnviz.core.attribution.errors import LayerError, NoConvLayerError
from cnnviz.core.attribution.layers import conv_layers, require_conv
from cnnviz.core.attribution.metrics import faithfulness
from cnnviz.core.attribution.passes import shared_pass
from cnnviz.core.attribution.registry import AttributionMap, MethodContext, entry
from cnnviz.core.attribution.targets import ResolvedTarget, Target, as_target
from cnnviz.core.errors import CnnvizError, ConfigError
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress


@dataclass(frozen=True)
class SweepEntry:
    """One layer of the sweep."""

    layer: str
    map: AttributionMap
    deletion_auc: float
    insertion_auc: float

    @property
    def score(self) -> float:
        """Faithfulness score: insertion AUC − deletion AUC (higher is better)."""
        return self.insertion_auc - self.deletion_auc


@dataclass(frozen=True)
class LayerSweep:
    """Every layer's map and score, in the order the layers run."""

    method: str
    entries: list[SweepEntry]
    best: str  # the layer with the highest score
    target: ResolvedTarget
    skipped: dict[str, str]  # layer -> why it has no map (e.g. the target does not depend on it)


def layer_sweep(
    model: nn.Module,
    x: Tensor,
    target: Target | int | str | None = None,
    method: str = "gradcam",
    layers: Sequence[str] | None = None,
    *,
    steps: int = 16,
    batch_size: int = 32,
    options: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> LayerSweep:
    """Run CAM ``method`` on every layer in ``layers`` (default: every convolution) and score each map.

    ``steps``: deletion / insertion steps per map (each map costs
    ``2·(steps + 1) + 2`` forward passes to score).
    """
    progress = progress or no_progress
    check_input(x)
    e = entry(method)
    if not e.info.needs_layer:
        raise ConfigError(f"The layer sweep runs a CAM method; {method!r} does not use a layer.")
    opts = e.info.resolve_options(options)
    require_conv(model)
    keys = list(layers) if layers else conv_layers(model, x)
    if not keys:
        raise NoConvLayerError("No convolution of this model gives a spatial map on this input.")
    tgt = as_target(target)
    if cancel is not None:
        cancel.check()
    progress(0.0, "Forward and backward pass")
    sp = shared_pass(model, x, tgt, layers=keys, layer_grads="layer_grad" in e.info.shared, missing_ok=True)
    entries: list[SweepEntry] = []
    skipped: dict[str, str] = {}
    for i, key in enumerate(keys):
        if cancel is not None:
            cancel.check()
        if "layer_grad" in e.info.shared and key not in sp.layer_grads:
            skipped[key] = f"The target does not depend on layer {key!r}."
            continue
        part = scaled_progress(progress, i / len(keys), 0.5 / len(keys), f"{key}: ")
        ctx = MethodContext(method=method, model=model, x=x, target=tgt, resolved=sp.resolved, layer=key,
                            shared=sp, options=opts, progress=part, cancel=cancel)
        try:
            amap = e.runner(ctx)
        except LayerError as exc:
            skipped[key] = exc.one_line()
            continue
        try:
            f = faithfulness(model, x, amap, steps=steps, batch_size=batch_size, cancel=cancel,
                             progress=scaled_progress(progress, (i + 0.5) / len(keys), 0.5 / len(keys), f"{key}: "))
        except CnnvizError as exc:
            skipped[key] = exc.one_line()
            continue
        entries.append(SweepEntry(key, amap, f.deletion_auc, f.insertion_auc))
    if not entries:
        raise LayerError("No layer gave a map: " + "; ".join(skipped.values()))
    best = max(entries, key=lambda s: s.score if math.isfinite(s.score) else -math.inf).layer
    progress(1.0, "Layer sweep done")
    return LayerSweep(method, entries, best, sp.resolved, skipped)
