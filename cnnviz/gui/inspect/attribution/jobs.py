"""Work the "Why this class?" panel runs off the GUI thread, and the answers it hands back.

Every answer is tagged with the session and image it was computed for (like
the Inspect tab's ``ErfResult`` / ``CamAnswer``), so the panel can drop one
that arrives after the user moved on to another model or picture.

How the model is shared. Maps run inside ``session.exclusive()``, but not in
one long hold: the methods that share one forward/backward pass (the CAM
family, saliency, gradient × input, guided backprop, deconvnet) run together,
then every costly method (Score-CAM, SmoothGrad, Integrated Gradients,
occlusion) in a hold of its own, so a click in the activation grid waits for
one method at most, not for the whole set. Faithfulness takes one hold per
map. The sanity check and the layer sweep run for minutes on big models:
they take a private copy of the model inside one short hold and run on that
copy (no other thread can see it), so the Inspect tab stays usable meanwhile.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cnnviz.core.errors import CnnvizError
from cnnviz.core.progress import Cancelled, CancelToken, ProgressFn

if TYPE_CHECKING:
    from torch import Tensor, nn

    from cnnviz.core.attribution import (
        AttributionMap,
        Faithfulness,
        LayerSweep,
        ResolvedTarget,
        SanityReport,
        Target,
    )
    from cnnviz.core.session import ModelSession

#: The methods shown until the user picks others (the CLI's default set).
DEFAULT_METHODS = ("gradcam", "saliency", "ig", "guidedbackprop", "occlusion")
#: Deletion / insertion steps per map for the faithfulness scores (the CLI's default).
FAITHFULNESS_STEPS = 20
#: Steps of the cascading randomisation.
SANITY_STEPS = 6
#: Deletion / insertion steps per layer in the layer sweep (coarser: it scores every layer).
SWEEP_STEPS = 8
#: A method whose cost weight is at most this runs in the shared pass group.
_CHEAP = 1.0

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MapsRequest:
    """What to explain: the methods, the target and the CAM layer (None: the core's default layer)."""

    methods: tuple[str, ...]
    target: Target
    layer: str | None = None


@dataclass(frozen=True)
class MapsAnswer:
    """Maps of one request, for the session and image they were computed on."""

    session_id: int
    image_id: int
    request: MapsRequest
    maps: dict[str, AttributionMap]  # in the order of request.methods
    errors: dict[str, CnnvizError] = field(default_factory=dict)
    target: ResolvedTarget | None = None
    layer: str | None = None  # the layer the CAM methods used (None when none ran)


@dataclass(frozen=True)
class ScoresAnswer:
    """Faithfulness of every map of one :class:`MapsAnswer`."""

    session_id: int
    image_id: int
    maps: MapsAnswer
    scores: dict[str, Faithfulness]
    errors: dict[str, CnnvizError] = field(default_factory=dict)
    steps: int = FAITHFULNESS_STEPS


@dataclass(frozen=True)
class SanityAnswer:
    """The cascading randomisation of the maps of one :class:`MapsAnswer`."""

    session_id: int
    image_id: int
    maps: MapsAnswer
    report: SanityReport


@dataclass(frozen=True)
class SweepAnswer:
    """A CAM over every convolution, for one session, image and target."""

    session_id: int
    image_id: int
    target: Target
    method: str
    sweep: LayerSweep


def _device_of(model: Any) -> Any:
    first = next(iter(model.parameters()), None)
    return first.device if first is not None else "cpu"


def _part(progress: ProgressFn, start: float, span: float) -> ProgressFn:
    def report(fraction: float, message: str = "") -> None:
        progress(min(1.0, start + span * max(0.0, min(1.0, float(fraction)))), message)

    return report


def method_options(session: ModelSession, methods: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Options the GUI gives methods: Integrated Gradients learns the input's mean and std ('black' baseline)."""
    options: dict[str, dict[str, Any]] = {}
    if "ig" in methods:
        options["ig"] = {"input_mean": tuple(session.pre.mean), "input_std": tuple(session.pre.std)}
    return options


def method_groups(methods: Sequence[str], shape: tuple[int, ...]) -> list[list[str]]:
    """The cheap methods (one shared pass) together first, then each costly method alone."""
    from cnnviz.core.attribution.registry import entry

    cheap: list[str] = []
    costly: list[str] = []
    for m in methods:
        e = entry(m)
        (cheap if e.weight(e.info.defaults(), shape) <= _CHEAP else costly).append(m)
    return ([cheap] if cheap else []) + [[m] for m in costly]


def job_maps(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Tensor, request: MapsRequest,
    image_id: int,
) -> MapsAnswer:
    """Every map of ``request`` for ``tensor`` [1, C, H, W] (see the module docstring for the holds)."""
    from cnnviz.core.attribution import Target, compute_many
    from cnnviz.core.attribution.registry import entry

    options = method_options(session, request.methods)
    groups = method_groups(request.methods, tuple(tensor.shape))
    weight = {m: max(0.05, entry(m).weight(entry(m).info.defaults(), tuple(tensor.shape))) for m in request.methods}
    total = sum(weight.values())
    maps: dict[str, AttributionMap] = {}
    errors: dict[str, CnnvizError] = {}
    target, resolved, layer, done = request.target, None, None, 0.0
    for group in groups:
        cancel.check()
        span = sum(weight[m] for m in group) / total
        with session.exclusive() as model:
            x = tensor.to(_device_of(model))
            result = compute_many(group, model, x, target, layer=request.layer, options=options,
                                  progress=_part(progress, done, span), cancel=cancel, strict=False)
        done += span
        maps.update(result.maps)
        errors.update(result.errors)
        layer = layer or result.layer
        if resolved is None and result.target is not None:
            resolved = result.target
            if target.kind == "top" and resolved.class_index is not None:
                target = Target.of_class(resolved.class_index)  # every later group explains the same class
    ordered = {m: maps[m] for m in request.methods if m in maps}
    if not any(entry(m).info.needs_layer for m in ordered):
        layer = None
    return MapsAnswer(session.session_id, image_id, request, ordered, errors, resolved, layer)


def job_faithfulness(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Tensor, maps: MapsAnswer,
    steps: int = FAITHFULNESS_STEPS,
) -> ScoresAnswer:
    """Deletion / insertion curves, Average Drop and Increase in Confidence of every map (one hold per map)."""
    from cnnviz.core.attribution import faithfulness

    scores: dict[str, Faithfulness] = {}
    errors: dict[str, CnnvizError] = {}
    items = list(maps.maps.items())
    for i, (name, amap) in enumerate(items):
        cancel.check()
        try:
            with session.exclusive() as model:
                x = tensor.to(_device_of(model))
                scores[name] = faithfulness(model, x, amap, steps=steps, cancel=cancel,
                                            progress=_part(progress, i / len(items), 1 / len(items)))
        except Cancelled:
            raise
        except CnnvizError as exc:
            errors[name] = exc
    return ScoresAnswer(session.session_id, maps.image_id, maps, scores, errors, steps)


def private_copy(session: ModelSession) -> nn.Module:
    """A deep copy of the session's model, made inside one short hold (long work runs on it unlocked)."""
    with session.exclusive() as model:
        return copy.deepcopy(model)


def _fixed_target(maps: MapsAnswer) -> Target:
    from cnnviz.core.attribution import Target

    t = maps.target
    if t is not None and t.class_index is not None:
        return Target.of_class(t.class_index)
    return maps.request.target


def job_sanity(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Tensor, maps: MapsAnswer,
    max_steps: int = SANITY_STEPS,
) -> SanityAnswer:
    """Cascading randomisation (on a private copy) of every method that gave a map."""
    from cnnviz.core.attribution import sanity_check

    progress(0.0, "Copying the model")
    model = private_copy(session)
    cancel.check()
    methods = [m for m in maps.request.methods if m in maps.maps]
    if not methods:
        raise CnnvizError("No map to check: every method failed on this image.")
    x = tensor.to(_device_of(model))
    report = sanity_check(model, x, _fixed_target(maps), methods, layer=maps.layer,
                          options=method_options(session, methods), max_steps=max_steps,
                          progress=progress, cancel=cancel)
    return SanityAnswer(session.session_id, maps.image_id, maps, report)


def job_sweep(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Tensor, target: Target,
    method: str, image_id: int, steps: int = SWEEP_STEPS,
) -> SweepAnswer:
    """``method`` (a CAM) over every convolution, each map scored (on a private copy)."""
    from cnnviz.core.attribution import layer_sweep

    progress(0.0, "Copying the model")
    model = private_copy(session)
    cancel.check()
    x = tensor.to(_device_of(model))
    sweep = layer_sweep(model, x, target, method, steps=steps, progress=progress, cancel=cancel)
    return SweepAnswer(session.session_id, image_id, target, method, sweep)
