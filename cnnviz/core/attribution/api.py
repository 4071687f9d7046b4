"""``compute`` one map, or ``compute_many`` side by side sharing their passes.

``compute_many`` runs at most one forward pass with the CAM layer tapped and
one backward pass per gradient rule for every method that can share them
(the whole CAM family, saliency, gradient × input, guided backprop,
deconvnet), then each batched method (SmoothGrad, Integrated Gradients,
occlusion, Score-CAM's masked images) on its own. The first pass also fixes
"the top class", so every map of a set explains the same class.

Maps of one set are the same numbers ``compute`` gives for each method
alone (a test checks it). With ``strict=False`` a method that cannot run
(a CAM method on a model without convolutions, say) lands in ``errors``
with its one-line message and the others still run; cancellation always
stops everything (:class:`~cnnviz.core.progress.Cancelled`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from torch import Tensor, nn

# importing the method modules registers them
from cnnviz.core.attribution import cam as _cam  # noqa: F401
from cnnviz.core.attribution import gradients as _gradients  # noqa: F401
from cnnviz.core.attribution import occlusion as _occlusion  # noqa: F401
from cnnviz.core.attribution.errors import LayerError
from cnnviz.core.attribution.layers import default_layer, require_conv, split_key
from cnnviz.core.attribution.passes import Rule, SharedPass, shared_pass
from cnnviz.core.attribution.registry import (
    AttributionMap,
    MethodContext,
    _Entry,
    entry,
    input_rules_of,
)
from cnnviz.core.attribution.targets import ResolvedTarget, Target, as_target
from cnnviz.core.errors import CnnvizError, ConfigError
from cnnviz.core.probe import resolve_layers
from cnnviz.core.progress import Cancelled, CancelToken, ProgressFn, no_progress


@dataclass(frozen=True)
class AttributionSet:
    """Maps computed together for one image and target."""

    maps: dict[str, AttributionMap]
    errors: dict[str, CnnvizError] = field(default_factory=dict)  # method -> why it could not run
    target: ResolvedTarget | None = None
    layer: str | None = None  # the layer the CAM methods used
    forward_passes: int = 0  # images through the model, all methods together
    backward_passes: int = 0


def check_input(x: Tensor) -> Tensor:
    """``x`` must be one image [1, C, H, W] of floats; ConfigError otherwise."""
    if not isinstance(x, Tensor) or x.dim() != 4 or x.shape[0] != 1:
        shape = list(x.shape) if isinstance(x, Tensor) else type(x).__name__
        raise ConfigError(f"Attribution takes one image as a [1, C, H, W] tensor, got {shape}.")
    if not x.is_floating_point():
        raise ConfigError(f"Attribution needs a floating-point input, got {x.dtype}.")
    return x


def scaled_progress(progress: ProgressFn, start: float, span: float, prefix: str = "") -> ProgressFn:
    """A callback mapping a part's [0, 1] onto ``start .. start + span`` of ``progress``."""

    def report(fraction: float, message: str = "") -> None:
        progress(min(1.0, start + span * max(0.0, min(1.0, fraction))), prefix + message)

    return report


def compute_many(
    methods: Sequence[str],
    model: nn.Module,
    x: Tensor,
    target: Target | int | str | None = None,
    *,
    layer: str | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    strict: bool = True,
) -> AttributionSet:
    """Compute several methods' maps for one image ``x`` [1, C, H, W], sharing passes.

    ``target``: a :class:`Target`, a class index, ``"top"`` or None (top
    class). ``layer``: the CAM methods' layer key (default
    :func:`~.layers.default_layer`). ``options``: per method, e.g.
    ``{"ig": {"steps": 32}}``; options of methods not asked for are ignored.
    ``strict``: raise the first error instead of collecting it in ``errors``.
    The model runs in eval mode (each module's mode is restored afterwards)
    and is not changed; gradients are taken with ``torch.autograd.grad``, so
    no parameter's ``.grad`` is touched.
    """
    progress = progress or no_progress
    names = list(dict.fromkeys(methods))
    if not names:
        raise ConfigError("No attribution method chosen.")
    entries = {n: entry(n) for n in names}
    opts = {n: entries[n].info.resolve_options((options or {}).get(n)) for n in names}
    check_input(x)
    tgt = as_target(target)
    errors: dict[str, CnnvizError] = {}

    def fail(which: Sequence[str], exc: CnnvizError) -> None:
        if strict or isinstance(exc, Cancelled):
            raise exc
        for n in which:
            errors.setdefault(n, exc)

    if cancel is not None:
        cancel.check()
    key: str | None = None
    cams = [n for n in names if entries[n].info.needs_layer]
    if cams:
        try:
            require_conv(model)
            if layer:
                name, call = split_key(layer)
                resolve_layers(model, [name])
                key = name if call == 1 else f"{name}#{call}"
            else:
                key = default_layer(model, x)
        except CnnvizError as exc:
            fail(cams, exc)

    weights = {n: max(0.05, entries[n].weight(opts[n], tuple(x.shape))) for n in names}
    total = 1.0 + sum(weights.values())
    progress(0.0, "Forward and backward pass")
    sp = _run_shared(model, x, tgt, names, entries, key, errors, fail)
    done = 1.0
    progress(done / total, "Shared pass done")
    maps: dict[str, AttributionMap] = {}
    fwd = sp.forward_passes if sp else 0
    bwd = sp.backward_passes if sp else 0
    for n in names:
        if n in errors:
            continue
        if cancel is not None:
            cancel.check()
        info = entries[n].info
        assert sp is not None  # without a shared pass every method is in errors
        ctx = MethodContext(
            method=n, model=model, x=x, target=tgt, resolved=sp.resolved, layer=key if info.needs_layer else None,
            shared=sp, options=opts[n], progress=scaled_progress(progress, done / total, weights[n] / total),
            cancel=cancel,
        )
        try:
            maps[n] = entries[n].runner(ctx)
        except CnnvizError as exc:
            fail([n], exc)
        else:
            if not info.shared:  # its own passes
                fwd += maps[n].forward_passes
                bwd += maps[n].backward_passes
            elif n == "scorecam":
                fwd += maps[n].forward_passes - 1
        done += weights[n]
        progress(done / total, f"{info.label} done")
    return AttributionSet(maps=maps, errors=errors, target=sp.resolved if sp else None, layer=key,
                          forward_passes=fwd, backward_passes=bwd)


def _run_shared(
    model: nn.Module, x: Tensor, tgt: Target, names: Sequence[str], entries: Mapping[str, _Entry],
    key: str | None, errors: Mapping[str, CnnvizError], fail: Callable[[Sequence[str], CnnvizError], None],
) -> SharedPass | None:
    """The shared pass for the methods still standing; without the layer if the layer is the trouble."""
    live = [n for n in names if n not in errors]
    infos = [entries[n].info for n in live]
    rules: list[Rule] = sorted({r for i in infos for r in input_rules_of(i)}, key=("plain", "guided", "deconv").index)
    use_layer = key is not None and any("layer" in i.shared for i in infos)
    layer_grads = key is not None and any("layer_grad" in i.shared for i in infos)
    try:
        return shared_pass(model, x, tgt, layers=[key] if use_layer and key is not None else [], layer_grads=layer_grads,
                           input_rules=rules)
    except LayerError as exc:
        if not use_layer:
            raise
        fail([n for n in live if entries[n].info.needs_layer], exc)
    except Cancelled:
        raise
    except CnnvizError as exc:
        fail(live, exc)
        return None
    rest = [n for n in live if n not in errors]
    try:  # again, without the layer, for the methods that do not need it
        return shared_pass(model, x, tgt, input_rules=[r for r in rules if r in _rules_of(rest, entries)])
    except CnnvizError as exc:
        fail(rest, exc)
        return None


def _rules_of(names: Sequence[str], entries: Mapping[str, _Entry]) -> set[str]:
    return {r for n in names for r in input_rules_of(entries[n].info)}

def compute(
    method: str,
    model: nn.Module,
    x: Tensor,
    target: Target | int | str | None = None,
    *,
    layer: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    **options: Any,
) -> AttributionMap:
    """One method's :class:`AttributionMap` for one image ``x`` [1, C, H, W].

    ``options`` are the method's (see ``method_info(method).options``).
    Errors a user can cause raise a :class:`~cnnviz.core.errors.CnnvizError`
    subclass with a one-line message; hooks are always removed.
    """
    result = compute_many([method], model, x, target, layer=layer, options={method: options},
                          progress=progress, cancel=cancel, strict=True)
    return result.maps[method]
