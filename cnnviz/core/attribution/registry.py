"""The attribution methods by name, with what a GUI needs to list, explain and run them.

Each method is registered once with its :class:`MethodInfo` (label, family,
paper, whether it needs a layer, its options and their defaults) and a
runner. Runners get a :class:`MethodContext`: the model, the input, the
fixed target and, for the methods that share it, the result of the one
forward/backward pass (:mod:`.passes`) that ``compute_many`` runs for all of
them together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from torch import Tensor, nn

from cnnviz.core.attribution.errors import UnknownMethodError
from cnnviz.core.attribution.passes import Rule, SharedPass
from cnnviz.core.attribution.targets import ResolvedTarget, Target
from cnnviz.core.messages import msg
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

Family = Literal["cam", "gradient", "perturbation"]


@dataclass(frozen=True)
class OptionInfo:
    """One option of a method: name, default, and the values it accepts."""

    name: str
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def coerce(self, method: str, value: Any) -> Any:
        """``value`` converted to the default's type and checked; ConfigError otherwise."""
        kind = type(self.default)
        try:
            if kind is bool and isinstance(value, str):
                if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(value)
                v: Any = value.lower() in ("true", "1", "yes")
            elif kind is tuple:
                parts = value.split(",") if isinstance(value, str) else list(value)
                v = tuple(float(p) for p in parts if str(p).strip() != "")
            elif kind in (int, float, str, bool):
                v = kind(value)
                if kind is int and isinstance(value, float) and value != int(value):
                    raise ValueError(value)
            else:
                v = value
        except (TypeError, ValueError):
            raise UnknownMethodError(msg(
                "{method}: option {option!r} expects {type}, got {value!r}.",
                method=method, option=self.name, type=kind.__name__, value=value,
            )) from None
        if self.choices and v not in self.choices:
            raise UnknownMethodError(msg(
                "{method}: option {option!r} must be one of {choices}; got {value!r}.",
                method=method, option=self.name, choices=", ".join(map(str, self.choices)), value=value,
            ))
        if self.minimum is not None and v < self.minimum or self.maximum is not None and v > self.maximum:
            if self.minimum is not None and self.maximum is not None:
                raise UnknownMethodError(msg(
                    "{method}: option {option!r} must be >= {low:g} and <= {high:g}; got {value!r}.",
                    method=method, option=self.name, low=self.minimum, high=self.maximum, value=value,
                ))
            if self.minimum is not None:
                raise UnknownMethodError(msg(
                    "{method}: option {option!r} must be >= {low:g}; got {value!r}.",
                    method=method, option=self.name, low=self.minimum, value=value,
                ))
            raise UnknownMethodError(msg(
                "{method}: option {option!r} must be <= {high:g}; got {value!r}.",
                method=method, option=self.name, high=self.maximum, value=value,
            ))
        return v


@dataclass(frozen=True)
class MethodInfo:
    """What a GUI shows about a method and what ``compute`` needs to run it."""

    name: str  # the CLI / API name, e.g. "gradcampp"
    label: str  # e.g. "Grad-CAM++"
    family: Family
    paper: str  # authors, title, venue and year
    needs_layer: bool  # CAM methods work on a convolutional layer
    signed: bool  # the map has meaningful negative values (show with a diverging colormap)
    cost: str  # in forward / backward passes, for a tooltip
    options: tuple[OptionInfo, ...] = ()
    shared: frozenset[str] = frozenset()  # what it needs from the shared pass: "layer", "layer_grad", rules

    def defaults(self) -> dict[str, Any]:
        """Every option's default value."""
        return {o.name: o.default for o in self.options}

    def resolve_options(self, given: dict[str, Any] | None) -> dict[str, Any]:
        """Defaults overridden by ``given``, each checked; unknown names raise ConfigError."""
        opts = self.defaults()
        known = {o.name: o for o in self.options}
        for key, value in (given or {}).items():
            if key not in known:
                names = ", ".join(known) or msg("none")
                raise UnknownMethodError(msg(
                    "{method}: unknown option {option!r} (options: {names}).", method=self.name, option=key, names=names
                ))
            opts[key] = known[key].coerce(self.name, value)
        return opts


@dataclass(frozen=True)
class AttributionMap:
    """One method's map for one image and target.

    ``map`` is float32 (H, W) at the model-input resolution, *before* any
    display normalisation: a CAM's ReLU'd weighted sum bilinearly upsampled,
    a gradient method's per-pixel value, occlusion's drop of the score.
    :meth:`normalized` and :meth:`heat` give the display forms.
    """

    method: str
    map: np.ndarray
    target: ResolvedTarget
    layer: str | None = None
    signed: bool = False
    layer_map: np.ndarray | None = None  # CAM: float32 (h, w) at the layer's resolution
    channels: np.ndarray | None = None  # gradient family: float32 (C, H, W) before the channel reduction
    notes: tuple[str, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict)
    forward_passes: int = 0  # images pushed through the model for this map (a batch of 16 counts 16)
    backward_passes: int = 0  # images whose gradient was taken

    def normalized(self) -> np.ndarray:
        """The map scaled for display: [0, 1] when unsigned, [-1, 1] by max |value| when signed.

        Unsigned maps are min-max scaled; a CAM uses its layer map's min and
        max, so the result equals normalising at the layer's resolution and
        then upsampling, as pytorch-grad-cam does.
        """
        m = np.asarray(self.map, np.float32)
        if self.signed:
            peak = float(np.abs(m).max()) if m.size else 0.0
            scaled: np.ndarray = (m / peak).astype(np.float32) if peak > 0 else np.zeros_like(m)
            return scaled
        source = self.layer_map if self.layer_map is not None else m
        lo, hi = float(source.min()), float(source.max())
        if hi <= lo:
            return np.zeros_like(m)
        unit: np.ndarray = np.clip((m - lo) / (hi - lo), 0.0, 1.0).astype(np.float32)
        return unit

    def heat(self) -> np.ndarray:
        """[0, 1] positive evidence: :meth:`normalized` for unsigned maps, the positive part for signed ones."""
        n = self.normalized()
        if not self.signed:
            return n
        pos = np.clip(n, 0.0, None)
        peak = float(pos.max()) if pos.size else 0.0
        heat: np.ndarray = (pos / peak).astype(np.float32) if peak > 0 else pos
        return heat


@dataclass
class MethodContext:
    """What a runner gets."""

    method: str
    model: nn.Module
    x: Tensor  # [1, C, H, W]
    target: Target
    resolved: ResolvedTarget  # fixed on the unperturbed input
    layer: str | None
    shared: SharedPass | None
    options: dict[str, Any]
    progress: ProgressFn = no_progress
    cancel: CancelToken | None = None

    def check(self) -> None:
        """Raise Cancelled if cancellation was asked for."""
        if self.cancel is not None:
            self.cancel.check()


Runner = Callable[[MethodContext], AttributionMap]


@dataclass(frozen=True)
class _Entry:
    info: MethodInfo
    runner: Runner
    weight: Callable[[dict[str, Any], tuple[int, ...]], float]  # relative cost (options, input shape)


_METHODS: dict[str, _Entry] = {}


def register_method(
    info: MethodInfo, weight: Callable[[dict[str, Any], tuple[int, ...]], float] = lambda opts, shape: 1.0
) -> Callable[[Runner], Runner]:
    """Decorator: register ``runner`` under ``info.name``."""

    def wrap(runner: Runner) -> Runner:
        if info.name in _METHODS:
            raise ValueError(f"attribution method {info.name!r} registered twice")
        _METHODS[info.name] = _Entry(info, runner, weight)
        return runner

    return wrap


def list_methods(family: Family | None = None) -> list[MethodInfo]:
    """Every registered method (in registration order), optionally of one family."""
    return [e.info for e in _METHODS.values() if family is None or e.info.family == family]


def method_info(name: str) -> MethodInfo:
    """The :class:`MethodInfo` registered under ``name``; unknown names raise ConfigError."""
    return entry(name).info


def entry(name: str) -> _Entry:
    """The registry entry (info, runner, cost weight) of ``name``."""
    try:
        return _METHODS[name]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(name, list(_METHODS), n=3, cutoff=0.5)
        if close:
            raise UnknownMethodError(msg(
                "Unknown attribution method {name!r}. Available: {available}. Did you mean {close}?",
                name=name, available=", ".join(_METHODS), close=", ".join(close),
            )) from None
        raise UnknownMethodError(msg(
            "Unknown attribution method {name!r}. Available: {available}.", name=name, available=", ".join(_METHODS)
        )) from None


def input_rules_of(info: MethodInfo) -> list[Rule]:
    """The input-gradient rules a method needs from the shared pass."""
    return [r for r in ("plain", "guided", "deconv") if f"input:{r}" in info.shared]
