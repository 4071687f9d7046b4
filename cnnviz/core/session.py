"""The loaded model: spec, weights, input shape, device, and the one way to use it.

A :class:`ModelSession` is what the app has loaded: the built module with its
weights, the summary of every layer, the preprocessing, the device and the
seed. Many parts of the app read or run it (Inspect jobs, the Kernels view,
Explain pages, attribution, exemplars ...) from worker threads, and some of
that work changes the module while it runs: hooks are installed per module,
``summarize`` swaps parameters for meta tensors during its pass, a device
change moves every parameter. So every reader or runner goes through
:meth:`ModelSession.exclusive`::

    with session.exclusive() as model:
        out = model(x)

Nothing else hands out the module. The lock is re-entrant (a job holding it
may call helpers that take it again) and a waiter can give up after a
timeout (:class:`SessionBusyError`), so the GUI thread never waits long.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from cnnviz.core.errors import CnnvizError, ConfigError

if TYPE_CHECKING:
    from torch import Tensor, nn

    from cnnviz.core.images import Preprocess
    from cnnviz.core.models.registry import ModelSpec
    from cnnviz.core.predict import Prediction
    from cnnviz.core.summary import LayerInfo, ModelSummary
    from cnnviz.core.weights import LoadedModel

_session_ids = itertools.count(1)

#: How weights handed over in memory by the Train tab are named (the GUI translates it).
TRAINED_LABEL = "trained in the Train tab"


def trained_label(run: str | None = None) -> str:
    """The source label of weights trained in the Train tab, naming the run when known."""
    return f"{TRAINED_LABEL} ({run})" if run else TRAINED_LABEL


class SessionBusyError(CnnvizError):
    """The model is busy with other work; try again in a moment."""


@dataclass(eq=False)
class ModelSession:
    """A loaded model with its summary, preprocessing and the device it runs on.

    ``weights`` is what the user asked for (``random``, ``pretrained`` or a
    file path); :attr:`weights_label` says where the weights really came from.
    """

    loaded: LoadedModel
    summary: ModelSummary
    pre: Preprocess
    weights: str
    device: str
    seed: int
    labels: tuple[str, ...] | None = None  # class names given with the weights (a dataset), else the spec's
    request: ModelRequest | None = None  # what was asked for (dataset, snapshots of a run trained in the app)
    session_id: int = field(default_factory=lambda: next(_session_ids))
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    # ------------------------------------------------------------ identity
    @property
    def name(self) -> str:
        """The model's registry name (or custom spec)."""
        return self.loaded.name

    @property
    def spec(self) -> ModelSpec:
        """The registry's description of the model."""
        return self.loaded.spec

    def current_layer_name(self, key: str) -> str:
        """A layer key saved before the model's layers were renamed, as it is called now (LeNet-5's "3" → "C3").

        Reads only the rename table the model declares (never its tensors), so it needs no lock.
        """
        from cnnviz.core.models._api import current_layer_name

        return current_layer_name(self.loaded.model, key)

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """(C, H, W) of one input as the model is fed: the preprocessing's channels and crop."""
        return (int(self.pre.channels), int(self.pre.crop_size[0]), int(self.pre.crop_size[1]))

    @property
    def kwargs(self) -> dict[str, Any]:
        """The keyword arguments the model was built with (empty for the defaults)."""
        return dict(self.loaded.kwargs or {})

    @property
    def is_random(self) -> bool:
        """True when the weights are a random initialisation."""
        return self.loaded.report.source.startswith("random")

    @property
    def weights_in_memory(self) -> bool:
        """True for weights handed over in memory (trained in the app), which exist nowhere on disk."""
        return self.weights == "random" and not self.is_random

    @property
    def weights_label(self) -> str:
        """Where the weights came from ("random (seed 0)", "pretrained …", "file …")."""
        return self.loaded.report.source

    @property
    def class_names(self) -> tuple[str, ...] | None:
        """Names of the output classes when known (ImageNet, a dataset it was trained on)."""
        return self.labels or self.loaded.spec.class_names

    # ------------------------------------------------------------ the one way in
    @contextlib.contextmanager
    def exclusive(self, timeout: float | None = None) -> Iterator[nn.Module]:
        """Hold the model alone for the block and yield the module.

        ``timeout`` (seconds) gives up with :class:`SessionBusyError` instead
        of waiting longer (None waits as long as it takes).
        """
        acquired = self._lock.acquire() if timeout is None else self._lock.acquire(timeout=max(0.0, timeout))
        if not acquired:
            raise SessionBusyError(f"{self.name} is busy with other work; try again in a moment.")
        try:
            yield self.loaded.model
        finally:
            self._lock.release()

    # ------------------------------------------------------------ reading helpers
    def layer(self, key: str) -> LayerInfo | None:
        """The summary row of ``key`` (``name`` or ``name#k``), or None."""
        for row in self.summary.layers:
            if row.key == key:
                return row
        return None

    def first_layer_of_type(self, *types: str) -> LayerInfo | None:
        """The first summary row that ran and whose type is one of ``types`` (e.g. "Conv2d")."""
        for row in self.summary.layers:
            if row.type in types and row.call:
                return row
        return None

    def weight_of(self, key: str, timeout: float | None = None) -> np.ndarray | None:
        """A float32 copy of the ``weight`` of the module behind ``key``, or None when it has none."""
        name = key.split("#")[0]
        with self.exclusive(timeout) as model:
            module = dict(model.named_modules()).get(name)
            weight = getattr(module, "weight", None)
            if weight is None or not hasattr(weight, "detach") or weight.is_meta:
                return None
            copy: np.ndarray = weight.detach().float().cpu().numpy().copy()
            return copy

    def bias_of(self, key: str, timeout: float | None = None) -> np.ndarray | None:
        """A float32 copy of the ``bias`` of the module behind ``key``, or None when it has none."""
        name = key.split("#")[0]
        with self.exclusive(timeout) as model:
            module = dict(model.named_modules()).get(name)
            bias = getattr(module, "bias", None)
            if bias is None or not hasattr(bias, "detach") or bias.is_meta:
                return None
            copy: np.ndarray = bias.detach().float().cpu().numpy().copy()
            return copy

    def state_dict_copy(self) -> dict[str, Tensor]:
        """A CPU copy of every parameter and buffer (safe to use after the lock is released)."""
        with self.exclusive() as model:
            return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}


def open_session(
    loaded: LoadedModel,
    *,
    weights: str,
    device: str = "cpu",
    seed: int = 0,
    input_shape: tuple[int, int, int] | None = None,
    class_names: tuple[str, ...] | None = None,
) -> ModelSession:
    """Make a session of ``loaded``: its preprocessing and the summary of every layer.

    ``input_shape`` (C, H, W) overrides the input size the spec and weights
    suggest. The summary runs before anyone else can see the model.
    """
    from cnnviz.core.images import preprocess_for
    from cnnviz.core.summary import summarize

    pre = preprocess_for(loaded.spec, loaded.weights_enum)
    if input_shape is not None:
        c, h, w = (int(v) for v in input_shape)
        if min(c, h, w) <= 0:
            raise ConfigError(f"An input shape must be positive, got {list(input_shape)}.")
        from dataclasses import replace

        pre = replace(pre, channels=c, crop_size=(h, w), resize_size=None)
    shape = (pre.channels, *pre.crop_size)
    # graph=True: the network map and the blocks' "how paths combine" read the same pass
    summary = summarize(loaded.model, shape, name=loaded.name, graph=True)
    return ModelSession(loaded=loaded, summary=summary, pre=pre, weights=weights, device=device, seed=seed,
                        labels=tuple(class_names) if class_names else None)


def session_for_module(
    model: nn.Module,
    input_shape: tuple[int, int, int],
    *,
    name: str = "model",
    class_names: tuple[str, ...] | None = None,
) -> ModelSession:
    """A session around a module that is already built (scripts, tests): random-weights label, CPU."""
    from cnnviz.core.models.registry import ModelSpec
    from cnnviz.core.weights import LoadedModel, LoadReport

    c, h, w = (int(v) for v in input_shape)
    spec = ModelSpec(
        name=name, builder=lambda: model, family="custom", year=None, paper="", input_shape=(c, h, w),
        num_classes=len(class_names or ()), description_en="A module built in Python.", description_zh="",
        source="custom", class_names=class_names,
    )
    loaded = LoadedModel(name=name, model=model.eval(), spec=spec, report=LoadReport(source="random (seed 0)"))
    return open_session(loaded, weights="random", input_shape=(c, h, w))


@dataclass(frozen=True)
class ModelRequest:
    """Everything needed to load a model session, and to load it again (device or image change).

    ``state_dict`` (weights in memory, e.g. from the Train tab) replaces
    ``weights`` and is named ``state_label``; ``class_names`` name the outputs
    when the registry does not (a model trained on a dataset). A model trained
    in the app also brings the dataset it learned (``dataset``, ``dataset_path``:
    its validation images can serve as inputs) and, when kept, the weights at
    earlier steps of its run (``snapshots``: an object with ``steps(run)`` and
    ``load(run, step)``, e.g. core.training.snapshots.WeightRecorder; ``run``
    names the run).
    """

    name: str
    weights: str = "random"
    seed: int = 0
    model_kwargs: Mapping[str, Any] = field(default_factory=dict)
    state_dict: Mapping[str, Tensor] | None = None
    state_label: str = ""
    class_names: tuple[str, ...] | None = None
    trust_pickle: bool = False
    strict: bool = True  # False: load the tensors that fit and report the rest
    dataset: str | None = None
    dataset_path: str | None = None
    snapshots: Any = None
    run: str | None = None

    def same_model(self, session: ModelSession | None) -> bool:
        """True when ``session`` was loaded from an equal request (name, weights, seed, arguments)."""
        return (
            session is not None
            and self.state_dict is None
            and session.name == self.name
            and session.weights == self.weights
            and session.seed == self.seed
            and session.kwargs == dict(self.model_kwargs)
        )


@dataclass(frozen=True)
class UnitSelection:
    """One unit of one layer's output: channel ``channel`` at row ``y``, column ``x``."""

    layer: str
    channel: int
    y: int
    x: int


@dataclass(frozen=True)
class ForwardResult:
    """Every layer's output for one image through one model session."""

    session_id: int
    image_id: int
    layers: Mapping[str, Any]  # key -> CPU tensor [1, ...]; core.captured.CapturedLayers (BatchNorms replay on read)
    output: Tensor | None  # CPU logits, or None when the model has no tensor output
    predictions: list[Prediction]
    seconds: float

    def has_unit(self, unit: UnitSelection | None) -> bool:
        """True when ``unit`` (layer, channel, y, x) indexes into the captured outputs."""
        if unit is None:
            return False
        out: Tensor | None = self.layers.get(unit.layer)
        if out is None or out.dim() < 4:
            return False
        _, c, h, w = out.shape[:4]
        return 0 <= unit.channel < c and 0 <= unit.y < h and 0 <= unit.x < w
