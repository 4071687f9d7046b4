"""The model-randomisation sanity check (Adebayo et al., "Sanity Checks for Saliency Maps", NeurIPS 2018).

*Cascading randomisation*: starting from the top (the layer nearest the
output), the weights of one more group of layers are re-initialised at each
step, cumulatively, on a copy of the model (the model itself is never
touched), and every method's map is computed again for the same image and
the same class. A map that explains the *model* must change as its learned
weights are destroyed; one that barely changes is showing the image (edges)
more than the network.

Per step and method, :func:`spearman` gives the rank correlation between the
absolute value of the original map and of the new one (Adebayo et al.'s
"Spearman rank correlation (ABS)"). A method is **flagged** when the median
of its correlations over the steps is at or above ``threshold`` (0.5): its
map stays similar through most of the cascade. A constant map (a CAM that is
zero everywhere after randomisation) has no rank order: its correlation is
NaN, counted as 0 for the flag.

Layers are the modules that own parameters (convolutions, linear layers,
norms), in the order they run; more of them than ``max_steps`` are grouped
into ``max_steps`` consecutive groups. A module is re-initialised by its own
``reset_parameters()`` (PyTorch's default initialisation; a BatchNorm also
forgets its running statistics), seeded so a report is reproducible.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from cnnviz.core.attribution.api import compute_many, scaled_progress
from cnnviz.core.attribution.layers import layer_outputs, split_key
from cnnviz.core.attribution.registry import AttributionMap
from cnnviz.core.attribution.targets import Target, as_target
from cnnviz.core.errors import ConfigError
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

DEFAULT_METHODS = ("gradcam", "guidedbackprop", "saliency", "ig")


@dataclass(frozen=True)
class SanityStep:
    """One step of the cascade: the layers randomised at this step and each method's correlation."""

    randomized: tuple[str, ...]  # newly randomised here (all earlier steps' layers stay randomised)
    correlations: dict[str, float]  # method -> Spearman rank correlation of |map| with the original
    maps: dict[str, np.ndarray]  # method -> the map after this step (float32 (H, W), raw)


@dataclass(frozen=True)
class SanityReport:
    """The whole cascade."""

    methods: tuple[str, ...]
    original: dict[str, AttributionMap]
    steps: list[SanityStep]
    flagged: dict[str, bool]  # True: the map barely depends on the learned weights
    threshold: float

    def correlations(self, method: str) -> np.ndarray:
        """``method``'s correlation after each step (NaN where undefined)."""
        return np.array([s.correlations.get(method, math.nan) for s in self.steps], np.float64)


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 0..n-1 of a flat array, tied values sharing their average rank."""
    flat = np.asarray(values, np.float64).ravel()
    _, inverse, counts = np.unique(flat, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return ((ends - counts + ends - 1) / 2.0)[inverse]


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman rank correlation of two equally sized arrays; NaN if either is constant."""
    ra, rb = average_ranks(a), average_ranks(b)
    ra -= ra.mean()
    rb -= rb.mean()
    den = math.sqrt(float((ra * ra).sum()) * float((rb * rb).sum()))
    return float((ra * rb).sum() / den) if den > 0 else math.nan


def randomization_groups(model: nn.Module, x: Tensor, max_steps: int) -> list[tuple[str, ...]]:
    """Modules owning parameters, top (output side) first, grouped into at most ``max_steps`` steps."""
    if max_steps < 1:
        raise ConfigError("max_steps must be at least 1.")
    modules = dict(model.named_modules())
    order: list[str] = []
    for row in layer_outputs(model, x):
        name = split_key(row.key)[0]
        if name not in order and any(True for _ in modules[name].parameters(recurse=False)):
            order.append(name)
    if not order:
        raise ConfigError("This model has no layer with weights to randomise.")
    order.reverse()
    chunks = np.array_split(np.arange(len(order)), min(max_steps, len(order)))
    return [tuple(order[i] for i in chunk) for chunk in chunks]


def randomize_(module: nn.Module, seed: int) -> None:
    """Re-initialise ``module``'s own parameters in place (``reset_parameters`` or N(0, 0.02)), seeded."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        reset = getattr(module, "reset_parameters", None)
        if callable(reset):
            reset()
        else:
            with torch.no_grad():
                for p in module.parameters(recurse=False):
                    p.normal_(0.0, 0.02)


def sanity_check(
    model: nn.Module,
    x: Tensor,
    target: Target | int | str | None = None,
    methods: Sequence[str] = DEFAULT_METHODS,
    *,
    layer: str | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    max_steps: int = 8,
    threshold: float = 0.5,
    seed: int = 0,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> SanityReport:
    """Cascading randomisation of ``model`` (a copy) from the top; per step, each method's correlation.

    The class explained is fixed on the original model (the top class stays
    the original top class). Costs ``max_steps + 1`` runs of the methods.
    """
    progress = progress or no_progress
    methods = tuple(dict.fromkeys(methods))
    groups = randomization_groups(model, x, max_steps)
    units = len(groups) + 1
    first = compute_many(methods, model, x, target, layer=layer, options=options, cancel=cancel,
                         progress=scaled_progress(progress, 0.0, 1 / units, "Original model: "))
    resolved = first.target
    assert resolved is not None
    fixed = as_target(target)
    if resolved.class_index is not None:
        fixed = Target.of_class(resolved.class_index)
    original = {m: np.abs(first.maps[m].map) for m in methods}
    copy_ = copy.deepcopy(model)
    modules = dict(copy_.named_modules())
    steps: list[SanityStep] = []
    for i, group in enumerate(groups):
        if cancel is not None:
            cancel.check()
        for j, name in enumerate(group):
            randomize_(modules[name], seed * 1_000_003 + i * 1_000 + j)
        result = compute_many(methods, copy_, x, fixed, layer=first.layer, options=options, cancel=cancel,
                              strict=False,
                              progress=scaled_progress(progress, (i + 1) / units, 1 / units,
                                                       f"Randomised {i + 1}/{len(groups)}: "))
        corr = {m: spearman(original[m], np.abs(result.maps[m].map)) if m in result.maps else math.nan
                for m in methods}
        maps = {m: result.maps[m].map for m in methods if m in result.maps}
        steps.append(SanityStep(group, corr, maps))
    flagged = {}
    for m in methods:
        values = np.nan_to_num(np.array([s.correlations[m] for s in steps]), nan=0.0)
        flagged[m] = bool(np.median(values) >= threshold)
    return SanityReport(methods, dict(first.maps), steps, flagged, threshold)
