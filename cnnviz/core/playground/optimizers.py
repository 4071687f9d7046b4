"""The optimizers of the playground: the real ``torch.optim`` classes, by name.

Each entry knows its hyperparameters (default, valid range, an explanation) and
how to build the torch optimizer from them. Nothing here re-implements an
update rule: the playground shows what PyTorch itself does.
"""

from __future__ import annotations

import ast
import difflib
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import torch

from cnnviz.core.errors import ConfigError


class UnknownOptimizerError(ConfigError):
    """No optimizer is registered under that name."""


class HyperparameterError(ConfigError):
    """A hyperparameter is unknown, not a number, or out of its valid range."""


@dataclass(frozen=True)
class HyperParam:
    """One hyperparameter: its default, valid range and meaning."""

    name: str
    default: float
    minimum: float
    maximum: float
    help_en: str
    help_zh: str
    min_inclusive: bool = True
    max_inclusive: bool = True
    log_scale: bool = False  # edit it on a logarithmic scale (learning rates, eps)

    def validate(self, value: Any) -> float:
        """``value`` as a float, or HyperparameterError saying what range is allowed."""
        if isinstance(value, bool):
            raise HyperparameterError(f"{self.name} must be a number, got {value!r}.")
        try:
            v = float(value)
        except (TypeError, ValueError):
            raise HyperparameterError(f"{self.name} must be a number, got {value!r}.") from None
        low_ok = v >= self.minimum if self.min_inclusive else v > self.minimum
        high_ok = v <= self.maximum if self.max_inclusive else v < self.maximum
        if not (math.isfinite(v) and low_ok and high_ok):
            raise HyperparameterError(f"{self.name}={v:g} is out of range: {self.range_text()}.")
        return v

    def range_text(self) -> str:
        """The valid range in interval notation, e.g. ``(0, 100]``."""
        left = "[" if self.min_inclusive else "("
        right = "]" if self.max_inclusive else ")"
        return f"{left}{self.minimum:g}, {self.maximum:g}{right}"


def _lr(default: float) -> HyperParam:
    return HyperParam(
        "lr", default, 0.0, 1000.0,
        "Learning rate: how far each step moves along the (processed) gradient.",
        "学习率：每一步沿（处理后的）梯度移动多远。",
        min_inclusive=False, log_scale=True,
    )


_WEIGHT_DECAY = HyperParam(
    "weight_decay", 0.0, 0.0, 10.0,
    "Pulls the parameters towards (0, 0) every step (L2 penalty).",
    "每一步把参数拉向 (0, 0)（L2 惩罚）。",
)
_MOMENTUM = HyperParam(
    "momentum", 0.9, 0.0, 1.0,
    "Fraction of the previous step kept: a heavy ball that rolls on through small bumps.",
    "保留上一步的比例：像一个重球，会滚过小的起伏。",
    max_inclusive=False,
)


def _eps(default: float) -> HyperParam:
    return HyperParam(
        "eps", default, 0.0, 1.0,
        "Added to the denominator so that a tiny gradient history does not divide by zero.",
        "加在分母上，防止梯度历史很小时除以零。",
        min_inclusive=False, log_scale=True,
    )


_BETA1 = HyperParam(
    "beta1", 0.9, 0.0, 1.0,
    "Decay of the running mean of gradients (the momentum part).",
    "梯度滑动平均的衰减率（动量部分）。",
    max_inclusive=False,
)
_BETA2 = HyperParam(
    "beta2", 0.999, 0.0, 1.0,
    "Decay of the running mean of squared gradients (the per-direction step size).",
    "梯度平方滑动平均的衰减率（决定各方向的步长）。",
    max_inclusive=False,
)

Builder = Callable[[list[torch.Tensor], dict[str, float]], torch.optim.Optimizer]


@dataclass(frozen=True)
class OptimizerSpec:
    """A registered optimizer: its torch class, hyperparameters and a description."""

    name: str
    title: str
    torch_class: type[torch.optim.Optimizer]
    hyperparams: tuple[HyperParam, ...]
    build: Builder
    description_en: str
    description_zh: str

    def hyperparam(self, name: str) -> HyperParam:
        """The hyperparameter ``name`` (HyperparameterError listing the valid ones if unknown)."""
        for h in self.hyperparams:
            if h.name == name:
                return h
        known = ", ".join(h.name for h in self.hyperparams)
        raise HyperparameterError(
            f"Optimizer '{self.name}' has no hyperparameter '{name}' (it has: {known})."
        )

    def defaults(self) -> dict[str, float]:
        """Every hyperparameter at its default."""
        return {h.name: h.default for h in self.hyperparams}

    def validate(self, values: Mapping[str, Any]) -> dict[str, float]:
        """Defaults overlaid with ``values``, each checked against its range."""
        out = self.defaults()
        for key, raw in values.items():
            out[key] = self.hyperparam(key).validate(raw)
        return out


_OPTIMIZERS: dict[str, OptimizerSpec] = {}


def register_optimizer(spec: OptimizerSpec) -> OptimizerSpec:
    """Add ``spec`` to the registry (the GUI lists every registered optimizer)."""
    if spec.name in _OPTIMIZERS:
        raise ValueError(f"optimizer {spec.name!r} registered twice")
    _OPTIMIZERS[spec.name] = spec
    return spec


def list_optimizers() -> list[str]:
    """Registered optimizer names, in registration order."""
    return list(_OPTIMIZERS)


def get_optimizer_spec(name: str) -> OptimizerSpec:
    """The spec of optimizer ``name`` (UnknownOptimizerError with suggestions if unknown)."""
    try:
        return _OPTIMIZERS[name.strip().lower()]
    except KeyError:
        close = difflib.get_close_matches(name.lower(), list(_OPTIMIZERS), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UnknownOptimizerError(
            f"Unknown optimizer '{name}'. Known: {', '.join(_OPTIMIZERS)}.{hint}"
        ) from None


def make_optimizer(
    name: str, params: Iterable[torch.Tensor], hyperparams: Mapping[str, Any] | None = None
) -> torch.optim.Optimizer:
    """The real torch optimizer ``name`` over ``params`` with validated hyperparameters."""
    spec = get_optimizer_spec(name)
    return spec.build(list(params), spec.validate(hyperparams or {}))


def parse_optimizer_spec(text: str) -> tuple[str, dict[str, float]]:
    """``"adam:lr=0.1,beta1=0.8"`` -> ("adam", {"lr": 0.1, "beta1": 0.8}), validated."""
    name, _, rest = text.strip().partition(":")
    spec = get_optimizer_spec(name)
    values: dict[str, Any] = {}
    for item in filter(None, (part.strip() for part in rest.split(","))):
        key, eq, raw = item.partition("=")
        if not eq or not key.strip():
            raise HyperparameterError(
                f"Expected key=value in optimizer spec '{text}', got '{item}'."
            )
        try:
            values[key.strip()] = ast.literal_eval(raw.strip())
        except (ValueError, SyntaxError):
            raise HyperparameterError(f"{key.strip()} must be a number, got {raw.strip()!r}.") from None
    spec.validate(values)
    return spec.name, {k: float(v) for k, v in values.items()}


# --------------------------------------------------------------------------- registry

register_optimizer(OptimizerSpec(
    name="sgd",
    title="SGD",
    torch_class=torch.optim.SGD,
    hyperparams=(_lr(0.01), _WEIGHT_DECAY),
    build=lambda p, h: torch.optim.SGD(p, lr=h["lr"], weight_decay=h["weight_decay"]),
    description_en="Plain gradient descent: step = −lr · gradient.",
    description_zh="普通梯度下降：步长 = −lr · 梯度。",
))
register_optimizer(OptimizerSpec(
    name="momentum",
    title="Momentum",
    torch_class=torch.optim.SGD,
    hyperparams=(
        _lr(0.01), _MOMENTUM,
        HyperParam("dampening", 0.0, 0.0, 1.0,
                   "Scales down the new gradient added to the velocity.",
                   "加入速度时把新梯度缩小的比例。"),
        _WEIGHT_DECAY,
    ),
    build=lambda p, h: torch.optim.SGD(
        p, lr=h["lr"], momentum=h["momentum"], dampening=h["dampening"],
        weight_decay=h["weight_decay"],
    ),
    description_en="SGD with a velocity: v = μv + g, step = −lr · v (torch.optim.SGD, momentum > 0).",
    description_zh="带速度的 SGD：v = μv + g，步长 = −lr · v（torch.optim.SGD，momentum > 0）。",
))
register_optimizer(OptimizerSpec(
    name="nesterov",
    title="Nesterov",
    torch_class=torch.optim.SGD,
    hyperparams=(_lr(0.01), _MOMENTUM, _WEIGHT_DECAY),
    build=lambda p, h: torch.optim.SGD(
        p, lr=h["lr"], momentum=h["momentum"], nesterov=h["momentum"] > 0,
        weight_decay=h["weight_decay"],
    ),
    description_en="Momentum that looks ahead: the gradient is corrected by where the velocity is taking it.",
    description_zh="向前看的动量：用速度将要到达的位置修正梯度。",
))
register_optimizer(OptimizerSpec(
    name="adagrad",
    title="Adagrad",
    torch_class=torch.optim.Adagrad,
    hyperparams=(
        _lr(0.01),
        HyperParam("lr_decay", 0.0, 0.0, 10.0, "Shrinks lr as 1/(1 + (t−1)·lr_decay).",
                   "按 1/(1 + (t−1)·lr_decay) 缩小学习率。"),
        HyperParam("initial_accumulator_value", 0.0, 0.0, 100.0,
                   "Starting value of the sum of squared gradients.", "梯度平方和的初始值。"),
        _eps(1e-10), _WEIGHT_DECAY,
    ),
    build=lambda p, h: torch.optim.Adagrad(
        p, lr=h["lr"], lr_decay=h["lr_decay"], weight_decay=h["weight_decay"],
        initial_accumulator_value=h["initial_accumulator_value"], eps=h["eps"],
    ),
    description_en="Divides each coordinate's step by the root of its summed squared gradients: steps only ever shrink.",
    description_zh="每个坐标的步长除以其梯度平方和的平方根：步长只会越来越小。",
))
register_optimizer(OptimizerSpec(
    name="rmsprop",
    title="RMSProp",
    torch_class=torch.optim.RMSprop,
    hyperparams=(
        _lr(0.01),
        HyperParam("alpha", 0.99, 0.0, 1.0, "Decay of the running mean of squared gradients.",
                   "梯度平方滑动平均的衰减率。", max_inclusive=False),
        _eps(1e-8),
        HyperParam("momentum", 0.0, 0.0, 1.0, "Optional momentum on top of the scaled step.",
                   "在缩放后的步长上可选的动量。", max_inclusive=False),
        _WEIGHT_DECAY,
    ),
    build=lambda p, h: torch.optim.RMSprop(
        p, lr=h["lr"], alpha=h["alpha"], eps=h["eps"], momentum=h["momentum"],
        weight_decay=h["weight_decay"],
    ),
    description_en="Like Adagrad, but forgets old gradients: divides by a running RMS of recent ones.",
    description_zh="类似 Adagrad，但会遗忘旧梯度：除以最近梯度的滑动均方根。",
))
register_optimizer(OptimizerSpec(
    name="adadelta",
    title="AdaDelta",
    torch_class=torch.optim.Adadelta,
    hyperparams=(
        _lr(1.0),
        HyperParam("rho", 0.9, 0.0, 1.0, "Decay of the running means of squared gradients and steps.",
                   "梯度平方与步长平方滑动平均的衰减率。"),
        _eps(1e-6), _WEIGHT_DECAY,
    ),
    build=lambda p, h: torch.optim.Adadelta(
        p, lr=h["lr"], rho=h["rho"], eps=h["eps"], weight_decay=h["weight_decay"],
    ),
    description_en="Step size from the ratio of running RMS of past steps to that of gradients: starts tiny, grows.",
    description_zh="步长取自过去步长与梯度的滑动均方根之比：开始很小，逐渐变大。",
))
register_optimizer(OptimizerSpec(
    name="adam",
    title="Adam",
    torch_class=torch.optim.Adam,
    hyperparams=(_lr(0.001), _BETA1, _BETA2, _eps(1e-8), _WEIGHT_DECAY),
    build=lambda p, h: torch.optim.Adam(
        p, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"],
        weight_decay=h["weight_decay"],
    ),
    description_en="Momentum plus RMSProp scaling, bias-corrected: each coordinate moves about lr per step.",
    description_zh="动量加 RMSProp 缩放并做偏差校正：每个坐标每步大约移动 lr。",
))
register_optimizer(OptimizerSpec(
    name="adamw",
    title="AdamW",
    torch_class=torch.optim.AdamW,
    hyperparams=(
        _lr(0.001), _BETA1, _BETA2, _eps(1e-8),
        HyperParam("weight_decay", 0.01, 0.0, 10.0,
                   "Decoupled weight decay: shrinks the parameters directly, not through the gradient.",
                   "解耦的权重衰减：直接缩小参数，而不经过梯度。"),
    ),
    build=lambda p, h: torch.optim.AdamW(
        p, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"],
        weight_decay=h["weight_decay"],
    ),
    description_en="Adam with decoupled weight decay (pulls towards (0, 0) independently of the gradient scaling).",
    description_zh="带解耦权重衰减的 Adam（独立于梯度缩放地拉向 (0, 0)）。",
))
