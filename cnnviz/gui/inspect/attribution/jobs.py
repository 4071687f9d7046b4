"""Work the "Why this class?" panel runs off the GUI thread, and the answers it hands back.

Every answer is tagged with the session and image it was computed for (like
the Inspect tab's ``ErfResult`` / ``CamAnswer``), so the panel can drop one
that arrives after the user moved on to another model or picture.

How the model is shared. Attribution runs for seconds to minutes (occlusion,
Integrated Gradients, the sanity check, the layer sweep), and the Inspect
tab's own work (a new image's forward pass, a unit's receptive field) must
not wait that long for ``session.exclusive()``. So the panel works on its own
copy of the model (:class:`ModelCopy`): made once per session inside one
short ``session.exclusive()`` hold, then used under the copy's own lock, which
only the panel's jobs take. No other thread can see the copy. A model whose
parameters and buffers exceed :data:`COPY_LIMIT_BYTES` is not copied (memory
matters more there): the jobs then hold ``session.exclusive()`` while they run.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
#: Models with more parameter and buffer bytes than this are not copied (see the module docstring).
COPY_LIMIT_BYTES = 1 << 30



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


class ModelCopy:
    """The panel's own copy of one session's model (see the module docstring)."""

    def __init__(self, session: ModelSession, limit_bytes: int = COPY_LIMIT_BYTES) -> None:
        self.session = session
        self.session_id = session.session_id
        self.limit_bytes = limit_bytes
        self.lock = threading.RLock()  # taken only by the panel's jobs
        self._module: nn.Module | None = None
        self.copied: bool | None = None  # None until first used; False: too big, the session's model is used

    @contextmanager
    def exclusive(self) -> Iterator[nn.Module]:
        """Hold the copy alone for the block and yield it (made on first use inside ``session.exclusive()``)."""
        with self.lock:
            if self.copied is None:
                with self.session.exclusive() as model:
                    size = sum(t.numel() * t.element_size() for t in (*model.parameters(), *model.buffers()))
                    if size <= self.limit_bytes:
                        self._module = copy.deepcopy(model)
                    self.copied = self._module is not None
            if self._module is not None:
                yield self._module
            else:
                with self.session.exclusive() as model:
                    yield model


def _device_of(model: Any) -> Any:
    first = next(iter(model.parameters()), None)
    return first.device if first is not None else "cpu"


def job_maps(
    *, progress: ProgressFn, cancel: CancelToken, model_copy: ModelCopy, tensor: Tensor, request: MapsRequest,
    image_id: int,
) -> MapsAnswer:
    """Every map of ``request`` for ``tensor`` [1, C, H, W], sharing the passes they can share."""
    from cnnviz.core.attribution import compute_many, method_info

    session = model_copy.session
    with model_copy.exclusive() as model:
        cancel.check()
        x = tensor.to(_device_of(model))
        result = compute_many(request.methods, model, x, request.target, layer=request.layer,
                              options=method_options(session, request.methods), progress=progress, cancel=cancel,
                              strict=False)
    layer = result.layer if any(method_info(m).needs_layer for m in result.maps) else None
    return MapsAnswer(session.session_id, image_id, request, dict(result.maps), dict(result.errors), result.target,
                      layer)


def job_faithfulness(
    *, progress: ProgressFn, cancel: CancelToken, model_copy: ModelCopy, tensor: Tensor, maps: MapsAnswer,
    steps: int = FAITHFULNESS_STEPS,
) -> ScoresAnswer:
    """Deletion / insertion curves, Average Drop and Increase in Confidence of every map."""
    from cnnviz.core.attribution import faithfulness

    scores: dict[str, Faithfulness] = {}
    errors: dict[str, CnnvizError] = {}
    items = list(maps.maps.items())
    with model_copy.exclusive() as model:
        x = tensor.to(_device_of(model))
        for i, (name, amap) in enumerate(items):
            cancel.check()
            try:
                scores[name] = faithfulness(model, x, amap, steps=steps, cancel=cancel,
                                            progress=_part(progress, i / len(items), 1 / len(items)))
            except Cancelled:
                raise
            except CnnvizError as exc:
                errors[name] = exc
    return ScoresAnswer(model_copy.session_id, maps.image_id, maps, scores, errors, steps)


def _fixed_target(maps: MapsAnswer) -> Target:
    from cnnviz.core.attribution import Target

    t = maps.target
    if t is not None and t.class_index is not None:
        return Target.of_class(t.class_index)
    return maps.request.target


def job_sanity(
    *, progress: ProgressFn, cancel: CancelToken, model_copy: ModelCopy, tensor: Tensor, maps: MapsAnswer,
    max_steps: int = SANITY_STEPS,
) -> SanityAnswer:
    """Cascading randomisation of every method that gave a map (the core randomises a copy of its own)."""
    from cnnviz.core.attribution import sanity_check

    methods = [m for m in maps.request.methods if m in maps.maps]
    if not methods:
        raise CnnvizError("No map to check: every method failed on this image.")
    with model_copy.exclusive() as model:
        cancel.check()
        x = tensor.to(_device_of(model))
        report = sanity_check(model, x, _fixed_target(maps), methods, layer=maps.layer,
                              options=method_options(model_copy.session, methods), max_steps=max_steps,
                              progress=progress, cancel=cancel)
    return SanityAnswer(model_copy.session_id, maps.image_id, maps, report)


def job_sweep(
    *, progress: ProgressFn, cancel: CancelToken, model_copy: ModelCopy, tensor: Tensor, target: Target,
    method: str, image_id: int, steps: int = SWEEP_STEPS,
) -> SweepAnswer:
    """``method`` (a CAM) over every convolution, each map scored."""
    from cnnviz.core.attribution import layer_sweep

    with model_copy.exclusive() as model:
        cancel.check()
        x = tensor.to(_device_of(model))
        sweep = layer_sweep(model, x, target, method, steps=steps, progress=progress, cancel=cancel)
    return SweepAnswer(model_copy.session_id, image_id, target, method, sweep)
