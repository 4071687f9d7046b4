"""The optimizers, registered once: name -> the real ``torch.optim`` class and its hyperparameters.

Every optimizer that the Train tab, the playground and their commands offer is
registered here with its hyperparameters (default, valid range, whether an
editor should step on a log scale, help in English and Chinese). Nothing here
re-implements an update rule: :meth:`OptimizerSpec.build` constructs the torch
class itself, so what the user sees is what PyTorch does.

Defaults are torch's own (plus momentum 0.9 for the two momentum optimizers).
A feature whose context wants other starting values keeps them as a small table
beside itself and applies them with :meth:`OptimizerSpec.with_hparam` (the
Train tab's learning rates for networks) or by passing values (each playground
surface's suggested rates).
"""

from __future__ import annotations

import ast
import difflib
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from numbers import Real
from typing import Any

import torch

from cnnviz.core.errors import ConfigError


class UnknownOptimizerError(ConfigError):
    """No optimizer is registered under that name."""


class HyperparameterError(ConfigError):
    """A hyperparameter is unknown, not a number, or out of its valid range."""


@dataclass(frozen=True)
class Wording:
    """How a problem is phrased; the checks behind it are the same everywhere.

    The Train tab and the playground grew different phrasings that their users
    (and scripts reading the commands' errors) know, so each keeps its own.
    """

    out_of_range: str = "{name} = {value:g} is outside {range}."
    suggestion: str = " Did you mean {names}?"
    joiner: str = " or "
    max_suggestions: int = 2

    def hint(self, name: str, known: Iterable[str]) -> str:
        """`` Did you mean …?`` naming the known names closest to ``name`` ('' when none is close)."""
        close = difflib.get_close_matches(name, list(known), n=self.max_suggestions)
        return self.suggestion.format(names=self.joiner.join(close)) if close else ""


DEFAULT_WORDING = Wording()


def _alias(name: str, doc: str) -> Any:
    """A read-only property that reads field ``name`` under a second name some callers use."""
    return property(lambda self: getattr(self, name), doc=doc)


@dataclass(frozen=True)
class HyperParam:
    """One hyperparameter: its default, the interval it may take and what it means."""

    name: str
    default: float
    low: float
    high: float = math.inf
    low_inclusive: bool = field(default=True, kw_only=True)
    high_inclusive: bool = field(default=False, kw_only=True)
    log_scale: bool = field(default=False, kw_only=True)  # edit it on a log scale (learning rates, eps)
    help_en: str = field(default="", kw_only=True)
    help_zh: str = field(default="", kw_only=True)

    # The playground GUI's names for the same interval.
    minimum = _alias("low", "The lower end of the range (same as ``low``).")
    maximum = _alias("high", "The upper end of the range (same as ``high``).")
    min_inclusive = _alias("low_inclusive", "Whether ``low`` itself is allowed.")
    max_inclusive = _alias("high_inclusive", "Whether ``high`` itself is allowed.")

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies in the range."""
        above_low = value > self.low or (self.low_inclusive and value == self.low)
        below_high = value < self.high or (self.high_inclusive and value == self.high)
        return above_low and below_high

    def check(self, value: Any, wording: Wording = DEFAULT_WORDING) -> str | None:
        """A message for a person when ``value`` is not allowed, else None."""
        if not isinstance(value, Real) or isinstance(value, bool) or not math.isfinite(value):
            return f"{self.name} must be a finite number, got {value!r}."
        if not self.contains(float(value)):
            return wording.out_of_range.format(name=self.name, value=float(value), range=self.range_text())
        return None

    def validate(self, value: Any, wording: Wording = DEFAULT_WORDING) -> float:
        """``value`` as a float, or HyperparameterError saying what is allowed."""
        message = self.check(value, wording)
        if message:
            raise HyperparameterError(message)
        return float(value)

    def range_text(self) -> str:
        """The range in interval notation, e.g. ``(0, 1000]`` or ``[0, ∞)``."""
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        high = "∞" if math.isinf(self.high) else f"{self.high:g}"
        return f"{left}{self.low:g}, {high}{right}"


def validate_values(
    params: Sequence[HyperParam],
    values: Mapping[str, Any],
    *,
    owner: str,
    noun: str = "hyperparameter",
    wording: Wording = DEFAULT_WORDING,
    problems: Sequence[str] = (),
) -> dict[str, float]:
    """The defaults of ``params`` completed by ``values``; HyperparameterError listing every problem.

    ``owner`` and ``noun`` name what is checked in messages ("Adam has no
    hyperparameter 'beta_1'"); ``problems`` found earlier by the caller are
    reported first, in the same message.
    """
    out = {p.name: p.default for p in params}
    known = {p.name: p for p in params}
    found = list(problems)
    for key, value in values.items():
        param = known.get(key)
        if param is None:
            found.append(_unknown_param(owner, noun, key, list(known), wording))
            continue
        message = param.check(value, wording)
        if message:
            found.append(message)
        else:
            out[key] = float(value)
    if found:
        raise HyperparameterError(" ".join(found))
    return out


def _unknown_param(owner: str, noun: str, key: str, known: list[str], wording: Wording) -> str:
    return f"{owner} has no {noun} {key!r} (it has {', '.join(known) or 'none'}).{wording.hint(key, known)}"


@dataclass(frozen=True)
class OptimizerSpec:
    """A registered optimizer: its torch class, hyperparameters and a description."""

    name: str
    label: str
    torch_class: type[torch.optim.Optimizer]
    hparams: tuple[HyperParam, ...]
    description_en: str
    description_zh: str
    fixed: tuple[tuple[str, Any], ...] = ()  # constructor arguments the user does not set (nesterov=True)
    wording: Wording = field(default=DEFAULT_WORDING, compare=False)
    color: str = ""  # "#rrggbb": the optimizer's colour wherever it is drawn (Playground paths, legends)
    races_by_default: bool = False  # on in the Playground's race when it opens
    label_zh: str = ""  # the Chinese name where Chinese texts use one (动量); empty: the Latin name is used

    # The playground's names for the same things.
    title = _alias("label", "The display name (same as ``label``).")
    hyperparams = _alias("hparams", "The hyperparameters (same as ``hparams``).")

    def display_label(self, language: str) -> str:
        """The name shown to a person in ``language`` ('en' or 'zh'): 动量 in Chinese, SGD and Adam in both."""
        return self.label_zh if language == "zh" and self.label_zh else self.label

    def description(self, language: str) -> str:
        """The one-line description in ``language`` ('en' or 'zh'); the same text in every tab."""
        return self.description_zh if language == "zh" and self.description_zh else self.description_en

    def hyperparam(self, name: str) -> HyperParam:
        """The hyperparameter ``name`` (same as :meth:`hparam`)."""
        return self.hparam(name)

    def hparam(self, name: str) -> HyperParam:
        """The hyperparameter ``name`` (HyperparameterError naming the known ones otherwise)."""
        for h in self.hparams:
            if h.name == name:
                return h
        known = [h.name for h in self.hparams]
        raise HyperparameterError(_unknown_param(self.label, "hyperparameter", name, known, self.wording))

    def defaults(self) -> dict[str, float]:
        """Every hyperparameter at its default."""
        return {h.name: h.default for h in self.hparams}

    def validate(self, values: Mapping[str, Any]) -> dict[str, float]:
        """Defaults completed by ``values``; HyperparameterError with every problem at once.

        ``betas=(b1, b2)`` is accepted as torch spells it and stands for
        ``beta1`` and ``beta2`` (which win when also given).
        """
        values = dict(values)
        problems: list[str] = []
        betas = values.pop("betas", None)
        if betas is not None:
            if not isinstance(betas, tuple | list) or len(betas) != 2:
                problems.append(f"betas must be two numbers like (0.9, 0.999), got {betas!r}.")
            else:
                values.setdefault("beta1", betas[0])
                values.setdefault("beta2", betas[1])
        return validate_values(self.hparams, values, owner=self.label, wording=self.wording, problems=problems)

    def torch_kwargs(self, values: Mapping[str, float]) -> dict[str, Any]:
        """Validated ``values`` as the torch class's constructor arguments."""
        kwargs: dict[str, Any] = dict(self.validate(values))
        if "beta1" in kwargs:
            kwargs["betas"] = (kwargs.pop("beta1"), kwargs.pop("beta2"))
        kwargs.update(self.fixed)
        return kwargs

    def build(self, params: Iterable[torch.Tensor], values: Mapping[str, Any] | None = None) -> torch.optim.Optimizer:
        """The torch optimizer over ``params`` with validated ``values`` (defaults for the rest)."""
        return self.torch_class(params, **self.torch_kwargs(values or {}))

    def with_hparam(self, name: str, **changes: Any) -> OptimizerSpec:
        """A copy in which hyperparameter ``name`` has ``changes`` (e.g. ``default=0.05``).

        How a feature adapts an optimizer to its context (a default learning
        rate for networks, a finite top for a spin box) without a registry of
        its own. ValueError if the default would leave the range.
        """
        old = self.hparam(name)
        new = replace(old, **changes)
        if not new.contains(new.default):
            raise ValueError(f"{self.name}: default {name}={new.default:g} is outside {new.range_text()}")
        return replace(self, hparams=tuple(new if h is old else h for h in self.hparams))

    def with_wording(self, wording: Wording) -> OptimizerSpec:
        """A copy that phrases its problems with ``wording``."""
        return replace(self, wording=wording)


_REGISTRY: dict[str, OptimizerSpec] = {}
_ALIASES = {"sgd_momentum": "momentum", "sgdm": "momentum", "nag": "nesterov", "rms_prop": "rmsprop"}


def register_optimizer(spec: OptimizerSpec) -> OptimizerSpec:
    """Add ``spec`` to the registry (every front end lists whatever is registered)."""
    if spec.name in _REGISTRY:
        raise ValueError(f"optimizer {spec.name!r} registered twice")
    _REGISTRY[spec.name] = spec
    return spec


def list_optimizers() -> list[OptimizerSpec]:
    """Every registered optimizer, in registration order."""
    return list(_REGISTRY.values())


def optimizer_names() -> list[str]:
    """The registered names, in registration order."""
    return list(_REGISTRY)


def get_optimizer(name: str, wording: Wording = DEFAULT_WORDING) -> OptimizerSpec:
    """The optimizer registered under ``name`` (case-insensitive; UnknownOptimizerError with suggestions)."""
    key = name.strip().lower().replace("-", "_").replace("+", "_")
    key = _ALIASES.get(key, key)
    spec = _REGISTRY.get(key)
    if spec is None:
        raise UnknownOptimizerError(
            f"Unknown optimizer {name!r}. Known: {', '.join(_REGISTRY)}.{wording.hint(key, _REGISTRY)}"
        )
    return spec if wording is DEFAULT_WORDING else spec.with_wording(wording)


def make_optimizer(
    name: str, params: Iterable[torch.Tensor], values: Mapping[str, Any] | None = None
) -> torch.optim.Optimizer:
    """The real torch optimizer ``name`` over ``params`` with validated ``values``."""
    return get_optimizer(name).build(params, values)


_ITEM_SEPARATOR = re.compile(r"[,:](?![^()]*\))")  # a comma or colon, but not inside (0.9, 0.99)


def split_spec(text: str, what: str = "optimizer spec") -> tuple[str, list[tuple[str, str]]]:
    """``"adam:lr=0.1,betas=(0.8,0.9)"`` -> ("adam", [("lr", "0.1"), ("betas", "(0.8,0.9)")]).

    Values stay text; ``what`` names the kind of spec in the error for an item
    that is not ``key=value``.
    """
    head, _, rest = text.strip().partition(":")
    items: list[tuple[str, str]] = []
    for item in _ITEM_SEPARATOR.split(rest):
        if not item.strip():
            continue
        key, eq, raw = item.partition("=")
        if not eq or not key.strip():
            raise HyperparameterError(f"Expected key=value in {what} {text.strip()!r}, got {item.strip()!r}.")
        items.append((key.strip(), raw.strip()))
    return head.strip(), items


def parse_optimizer_spec(
    text: str, lookup: Callable[[str], OptimizerSpec] = get_optimizer
) -> tuple[str, dict[str, float]]:
    """``"adam:lr=0.1,beta1=0.8"`` -> ("adam", {"lr": 0.1, "beta1": 0.8}): the given values, validated.

    ``betas=(b1, b2)`` comes back as ``beta1`` and ``beta2``. ``lookup`` finds
    the spec by name: a feature's own view of the registry checks against its
    own ranges and speaks its own wording.
    """
    name, items = split_spec(text)
    spec = lookup(name)
    values: dict[str, Any] = {}
    for key, raw in items:
        try:
            values[key] = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            raise HyperparameterError(f"{key} must be a number, got {raw!r}.") from None
    checked = spec.validate(values)
    given = [k for k in values if k != "betas"] + (["beta1", "beta2"] if "betas" in values else [])
    return spec.name, {k: checked[k] for k in given}


# --------------------------------------------------------------------------- hyperparameters


def _lr(default: float) -> HyperParam:
    return HyperParam(
        "lr", default, 0.0, low_inclusive=False, log_scale=True,
        help_en="Learning rate: how far each step moves along the (processed) gradient.",
        help_zh="学习率：每一步沿（处理后的）梯度移动多远。",
    )


def _eps(default: float) -> HyperParam:
    return HyperParam(
        "eps", default, 0.0, 1.0, low_inclusive=False, high_inclusive=True, log_scale=True,
        help_en="Added to the denominator so that a tiny gradient history does not divide by zero.",
        help_zh="加在分母上，防止梯度历史很小时除以零。",
    )


def _momentum(low_inclusive: bool = True) -> HyperParam:
    return HyperParam(
        "momentum", 0.9, 0.0, 1.0, low_inclusive=low_inclusive,
        help_en="Fraction of the previous step kept: a heavy ball that rolls on through small bumps.",
        help_zh="保留上一步的比例：像一个重球，会滚过小的起伏。",
    )


_WEIGHT_DECAY = HyperParam(
    "weight_decay", 0.0, 0.0, 100.0, high_inclusive=True,  # the weight-decay lesson shows 20 (too much)
    help_en="Pulls every parameter a little towards zero each step (L2 penalty).",
    help_zh="每一步把每个参数往 0 拉一点（L2 惩罚）。",
)
_BETA1 = HyperParam(
    "beta1", 0.9, 0.0, 1.0,
    help_en="Decay of the running mean of gradients (the momentum part).",
    help_zh="梯度滑动平均的衰减率（动量部分）。",
)
_BETA2 = HyperParam(
    "beta2", 0.999, 0.0, 1.0,
    help_en="Decay of the running mean of squared gradients (the per-direction step size).",
    help_zh="梯度平方滑动平均的衰减率（决定各方向的步长）。",
)

# --------------------------------------------------------------------------- registry

register_optimizer(OptimizerSpec(
    "sgd", "SGD", torch.optim.SGD, (_lr(1e-3), _WEIGHT_DECAY),
    description_en="Plain gradient descent: step = −lr · gradient.",
    description_zh="普通梯度下降：步长 = −lr · 梯度。",
    color="#d62728",
    races_by_default=True,
))
register_optimizer(OptimizerSpec(
    "momentum", "Momentum", torch.optim.SGD,
    (_lr(1e-3), _momentum(),
     HyperParam("dampening", 0.0, 0.0, 1.0, high_inclusive=True,
                help_en="Scales down the new gradient added to the velocity.",
                help_zh="加入速度时把新梯度缩小的比例。"),
     _WEIGHT_DECAY),
    description_en="SGD with a velocity: v = μv + g, step = −lr · v (torch.optim.SGD, momentum > 0).",
    description_zh="带速度的 SGD：v = μv + g，步长 = −lr · v（torch.optim.SGD，momentum > 0）。",
    color="#ff7f0e",
    races_by_default=True,
    label_zh="动量",
))
register_optimizer(OptimizerSpec(
    "nesterov", "Nesterov", torch.optim.SGD,
    (_lr(1e-3), _momentum(low_inclusive=False), _WEIGHT_DECAY),  # torch's Nesterov needs momentum > 0
    description_en="Momentum that looks ahead: the gradient is corrected by where the velocity is taking it.",
    description_zh="向前看的动量：用速度将要到达的位置修正梯度。",
    fixed=(("nesterov", True),),
    color="#a08600",
    races_by_default=True,
))
register_optimizer(OptimizerSpec(
    "adagrad", "Adagrad", torch.optim.Adagrad,
    (_lr(0.01),
     HyperParam("lr_decay", 0.0, 0.0, 10.0, high_inclusive=True,
                help_en="Shrinks lr as 1/(1 + (t−1)·lr_decay).", help_zh="按 1/(1 + (t−1)·lr_decay) 缩小学习率。"),
     HyperParam("initial_accumulator_value", 0.0, 0.0, 100.0, high_inclusive=True,
                help_en="Starting value of the sum of squared gradients.", help_zh="梯度平方和的初始值。"),
     _eps(1e-10), _WEIGHT_DECAY),
    description_en="Divides each coordinate's step by the root of its summed squared gradients: "
                   "steps only ever shrink.",
    description_zh="每个坐标的步长除以其梯度平方和的平方根：步长只会越来越小。",
    color="#2ca02c",
    races_by_default=True,
))
register_optimizer(OptimizerSpec(
    "rmsprop", "RMSProp", torch.optim.RMSprop,
    (_lr(0.01),
     HyperParam("alpha", 0.99, 0.0, 1.0, help_en="Decay of the running mean of squared gradients.",
                help_zh="梯度平方滑动平均的衰减率。"),
     _eps(1e-8),
     HyperParam("momentum", 0.0, 0.0, 1.0, help_en="Optional momentum on top of the scaled step.",
                help_zh="在缩放后的步长上可选的动量。"),
     _WEIGHT_DECAY),
    description_en="Like Adagrad, but forgets old gradients: divides by a running RMS of recent ones.",
    description_zh="类似 Adagrad，但会遗忘旧梯度：除以最近梯度的滑动均方根。",
    color="#9467bd",
    races_by_default=True,
))
register_optimizer(OptimizerSpec(
    "adadelta", "AdaDelta", torch.optim.Adadelta,
    (_lr(1.0),
     HyperParam("rho", 0.9, 0.0, 1.0, high_inclusive=True,
                help_en="Decay of the running means of squared gradients and steps.",
                help_zh="梯度平方与步长平方滑动平均的衰减率。"),
     _eps(1e-6), _WEIGHT_DECAY),
    description_en="Step size from the ratio of running RMS of past steps to that of gradients: starts tiny, grows.",
    description_zh="步长取自过去步长与梯度的滑动均方根之比：开始很小，逐渐变大。",
    color="#8c564b",
))
register_optimizer(OptimizerSpec(
    "adam", "Adam", torch.optim.Adam, (_lr(1e-3), _BETA1, _BETA2, _eps(1e-8), _WEIGHT_DECAY),
    description_en="Momentum plus RMSProp scaling, bias-corrected: each coordinate moves about lr per step.",
    description_zh="动量加 RMSProp 缩放并做偏差校正：每个坐标每步大约移动 lr。",
    color="#1f4fd6",
    races_by_default=True,
))
register_optimizer(OptimizerSpec(
    "adamw", "AdamW", torch.optim.AdamW,
    (_lr(1e-3), _BETA1, _BETA2, _eps(1e-8),
     replace(_WEIGHT_DECAY, default=0.01,
             help_en="Decoupled weight decay: shrinks the parameters directly, not through the gradient.",
             help_zh="解耦的权重衰减：直接缩小参数，而不经过梯度。")),
    description_en="Adam with decoupled weight decay: the weights shrink towards zero directly each step, "
                   "independently of the gradient scaling.",
    description_zh="带解耦权重衰减的 Adam：每一步直接把权重往零缩小，与梯度缩放无关。",
    color="#e377c2",
))
