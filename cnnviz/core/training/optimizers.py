"""Optimizers registry: name -> torch.optim builder plus validated hyperparameters.

Each optimizer lists its hyperparameters as :class:`HParam` rows (default,
allowed range, help text), so the GUI can build its form from the registry
and refuse a bad value at the form, and the command line refuses it before
step one, both with the same message.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import torch

from cnnviz.core.errors import ConfigError


@dataclass(frozen=True)
class HParam:
    """One hyperparameter: its default and the half-open or closed range it may take."""

    name: str
    default: float
    low: float
    high: float = math.inf
    low_inclusive: bool = True
    high_inclusive: bool = False
    help_en: str = ""
    log_scale: bool = False
    help_zh: str = ""

    def check(self, value: float) -> str | None:
        """A message for a person when ``value`` is not allowed, else None."""
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
            return f"{self.name} must be a finite number, got {value!r}."
        below = value < self.low or (value == self.low and not self.low_inclusive)
        above = value > self.high or (value == self.high and not self.high_inclusive)
        if below or above:
            return f"{self.name} = {value:g} is outside {self.range_text()}."
        return None

    def range_text(self) -> str:
        """The allowed range in interval notation, e.g. ``[0, 1)``."""
        lo = "[" if self.low_inclusive else "("
        hi = "]" if self.high_inclusive else ")"
        high = "∞" if math.isinf(self.high) else f"{self.high:g}"
        return f"{lo}{self.low:g}, {high}{hi}"


def _lr(default: float) -> HParam:
    return HParam("lr", default, 0.0, low_inclusive=False, log_scale=True,
                  help_en="Learning rate: the size of each step along the negative gradient.",
                  help_zh="学习率：沿负梯度方向每一步走多远。")


_WD = HParam("weight_decay", 0.0, 0.0, help_en="L2 penalty: pulls every weight a little towards zero each step.",
             help_zh="L2 惩罚（权重衰减）：每一步都把每个权重往 0 拉一点。")
_MOMENTUM = HParam("momentum", 0.9, 0.0, 1.0,
                   help_en="Fraction of the previous update kept: a heavy ball that rolls through small bumps.",
                   help_zh="保留上一次更新的比例：像一个重球，能滚过小的起伏。")
_EPS = HParam("eps", 1e-8, 0.0, low_inclusive=False, log_scale=True,
              help_en="Added to the denominator so a tiny gradient history does not divide by zero.",
              help_zh="加在分母上的小常数，避免梯度历史很小时除以零。")
_BETA1 = HParam("beta1", 0.9, 0.0, 1.0, help_en="Decay of the running mean of gradients (momentum).",
                help_zh="梯度滑动平均的衰减率（动量）。")
_BETA2 = HParam("beta2", 0.999, 0.0, 1.0, help_en="Decay of the running mean of squared gradients (per-weight scale).",
                help_zh="梯度平方滑动平均的衰减率（逐权重的缩放）。")

Builder = Callable[[Iterable[torch.nn.Parameter], dict[str, float]], torch.optim.Optimizer]


@dataclass(frozen=True)
class OptimizerSpec:
    """A registered optimizer: label, hyperparameters and a builder."""

    name: str
    label: str
    hparams: tuple[HParam, ...]
    build_fn: Builder
    description_en: str
    description_zh: str

    def defaults(self) -> dict[str, float]:
        """Every hyperparameter at its default value."""
        return {h.name: h.default for h in self.hparams}

    def hparam(self, name: str) -> HParam:
        """The hyperparameter ``name`` (ConfigError naming the known ones otherwise)."""
        for h in self.hparams:
            if h.name == name:
                return h
        known = [h.name for h in self.hparams]
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        raise ConfigError(f"{self.label} has no hyperparameter {name!r} (it has {', '.join(known)}).{hint}")

    def validate(self, values: Mapping[str, float]) -> dict[str, float]:
        """Defaults completed by ``values``; ConfigError with every problem at once."""
        out = self.defaults()
        problems: list[str] = []
        values = dict(values)
        betas = values.pop("betas", None)
        if betas is not None:
            if not isinstance(betas, tuple | list) or len(betas) != 2:
                problems.append(f"betas must be two numbers like (0.9, 0.999), got {betas!r}.")
            else:
                values.setdefault("beta1", betas[0])
                values.setdefault("beta2", betas[1])
        for key, value in values.items():
            try:
                spec = self.hparam(key)
            except ConfigError as exc:
                problems.append(str(exc))
                continue
            message = spec.check(value)
            if message:
                problems.append(message)
            else:
                out[key] = float(value)
        if problems:
            raise ConfigError(" ".join(problems))
        return out

    def build(self, params: Iterable[torch.nn.Parameter], values: Mapping[str, float]) -> torch.optim.Optimizer:
        """A torch optimizer over ``params`` with validated ``values``."""
        return self.build_fn(params, self.validate(values))


_REGISTRY: dict[str, OptimizerSpec] = {}


def register_optimizer(name: str, label: str, hparams: tuple[HParam, ...], en: str, zh: str) -> Callable[[Builder], Builder]:
    """Decorator that registers an optimizer builder under ``name``."""

    def wrap(fn: Builder) -> Builder:
        _REGISTRY[name] = OptimizerSpec(name, label, hparams, fn, en, zh)
        return fn

    return wrap


def list_optimizers() -> list[OptimizerSpec]:
    """Every registered optimizer, in registration order."""
    return list(_REGISTRY.values())


def get_optimizer(name: str) -> OptimizerSpec:
    """The optimizer registered under ``name`` (case-insensitive; ConfigError with suggestions)."""
    key = name.strip().lower().replace("-", "_").replace("+", "_")
    aliases = {"sgd_momentum": "momentum", "sgdm": "momentum", "nag": "nesterov", "rms_prop": "rmsprop"}
    key = aliases.get(key, key)
    if key in _REGISTRY:
        return _REGISTRY[key]
    close = difflib.get_close_matches(key, list(_REGISTRY), n=2)
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    raise ConfigError(f"Unknown optimizer {name!r}. Known: {', '.join(_REGISTRY)}.{hint}")


@register_optimizer("sgd", "SGD", (_lr(0.05), _WD),
                    "Plain stochastic gradient descent: w ← w − lr·g.",
                    "朴素随机梯度下降：w ← w − lr·g。")
def _sgd(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.SGD(params, lr=hp["lr"], weight_decay=hp["weight_decay"])


@register_optimizer("momentum", "SGD + momentum", (_lr(0.05), _MOMENTUM, _WD),
                    "SGD with a velocity: v ← μ·v + g, w ← w − lr·v.",
                    "带动量的 SGD：v ← μ·v + g，w ← w − lr·v。")
def _momentum(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.SGD(params, lr=hp["lr"], momentum=hp["momentum"], weight_decay=hp["weight_decay"])


@register_optimizer("nesterov", "Nesterov", (_lr(0.05), _MOMENTUM, _WD),
                    "Momentum that looks ahead: the gradient is taken where the velocity is about to carry w.",
                    "Nesterov 动量：在动量即将到达的位置计算梯度，“先看一步”。")
def _nesterov(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    if hp["momentum"] == 0:
        raise ConfigError("Nesterov needs momentum > 0.")
    return torch.optim.SGD(params, lr=hp["lr"], momentum=hp["momentum"], nesterov=True,
                           weight_decay=hp["weight_decay"])


@register_optimizer("adagrad", "Adagrad",
                    (_lr(0.01), _WD, HParam("eps", 1e-10, 0.0, low_inclusive=False, log_scale=True,
                                            help_en=_EPS.help_en, help_zh=_EPS.help_zh)),
                    "Divides each weight's step by the root of its summed squared gradients: steps only shrink.",
                    "每个权重的步长除以其历史梯度平方和的平方根：步长只会越来越小。")
def _adagrad(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.Adagrad(params, lr=hp["lr"], weight_decay=hp["weight_decay"], eps=hp["eps"])


@register_optimizer("rmsprop", "RMSProp",
                    (_lr(1e-3), HParam("alpha", 0.99, 0.0, 1.0,
                                       help_en="Decay of the running mean of squared gradients.",
                                       help_zh="梯度平方滑动平均的衰减率。"),
                     _EPS, HParam("momentum", 0.0, 0.0, 1.0, help_en=_MOMENTUM.help_en,
                                                  help_zh=_MOMENTUM.help_zh), _WD),
                    "Adagrad with a leaky (moving-average) history, so steps can grow again.",
                    "把 Adagrad 的累计换成滑动平均，步长可以重新变大。")
def _rmsprop(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.RMSprop(params, lr=hp["lr"], alpha=hp["alpha"], eps=hp["eps"],
                               momentum=hp["momentum"], weight_decay=hp["weight_decay"])


@register_optimizer("adadelta", "AdaDelta",
                    (_lr(1.0), HParam("rho", 0.9, 0.0, 1.0, help_en="Decay of both running means.",
                                       help_zh="两个滑动平均的衰减率。"),
                     HParam("eps", 1e-6, 0.0, low_inclusive=False, log_scale=True, help_en=_EPS.help_en,
                            help_zh=_EPS.help_zh), _WD),
                    "Scales steps by the ratio of running RMS of updates to running RMS of gradients: units match.",
                    "用“更新量的滑动 RMS / 梯度的滑动 RMS”缩放步长，使单位一致。")
def _adadelta(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.Adadelta(params, lr=hp["lr"], rho=hp["rho"], eps=hp["eps"], weight_decay=hp["weight_decay"])


@register_optimizer("adam", "Adam", (_lr(1e-3), _BETA1, _BETA2, _EPS, _WD),
                    "Momentum (beta1) plus RMSProp-style per-weight scaling (beta2), with bias correction.",
                    "动量（beta1）加 RMSProp 式逐权重缩放（beta2），并做偏差修正。")
def _adam(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.Adam(params, lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"],
                            weight_decay=hp["weight_decay"])


@register_optimizer("adamw", "AdamW",
                    (_lr(1e-3), _BETA1, _BETA2, _EPS,
                     HParam("weight_decay", 0.01, 0.0, help_en="Decoupled weight decay: shrinks weights directly, "
                                                               "not through the adaptive scaling.",
                            help_zh="解耦的权重衰减：直接缩小权重，不经过自适应缩放。")),
                    "Adam with weight decay applied to the weights directly (decoupled), as it should be.",
                    "AdamW：权重衰减直接作用于权重（与自适应缩放解耦）。")
def _adamw(params: Iterable[torch.nn.Parameter], hp: dict[str, float]) -> torch.optim.Optimizer:
    return torch.optim.AdamW(params, lr=hp["lr"], betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"],
                             weight_decay=hp["weight_decay"])
