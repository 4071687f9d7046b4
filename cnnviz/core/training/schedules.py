"""Learning-rate schedules: none, step, cosine, one-cycle (stepped once per batch)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import torch

from cnnviz.core.errors import ConfigError
from cnnviz.core.optimizers import HyperParam, validate_values

LRScheduler = torch.optim.lr_scheduler.LRScheduler
Builder = Callable[[torch.optim.Optimizer, dict[str, float], int, int], LRScheduler | None]


@dataclass(frozen=True)
class ScheduleSpec:
    """A registered schedule with its parameters."""

    name: str
    label: str
    params: tuple[HyperParam, ...]
    build_fn: Builder
    description_en: str
    label_zh: str = ""
    description_zh: str = ""

    def validate(self, values: Mapping[str, float]) -> dict[str, float]:
        """Defaults completed by ``values``; ConfigError listing every problem."""
        return validate_values(self.params, values, owner=f"The {self.label} schedule", noun="parameter")

    def build(self, optimizer: torch.optim.Optimizer, values: Mapping[str, float],
              steps_per_epoch: int, epochs: int) -> LRScheduler | None:
        """A scheduler for ``optimizer`` (None for constant lr); call ``.step()`` after every batch."""
        return self.build_fn(optimizer, self.validate(values), max(1, steps_per_epoch), max(1, epochs))


_REGISTRY: dict[str, ScheduleSpec] = {}


def _register(name: str, label: str, params: tuple[HyperParam, ...], en: str, *, label_zh: str,
              zh: str) -> Callable[[Builder], Builder]:
    def wrap(fn: Builder) -> Builder:
        _REGISTRY[name] = ScheduleSpec(name, label, params, fn, en, label_zh, zh)
        return fn

    return wrap


def list_schedules() -> list[ScheduleSpec]:
    """Every registered schedule, ``none`` first."""
    return list(_REGISTRY.values())


def get_schedule(name: str | None) -> ScheduleSpec:
    """The schedule registered under ``name`` (None or '' means constant)."""
    key = (name or "none").strip().lower().replace("-", "").replace("_", "")
    key = {"constant": "none", "onecycle": "onecycle", "cos": "cosine"}.get(key, key)
    if key in _REGISTRY:
        return _REGISTRY[key]
    raise ConfigError(f"Unknown learning-rate schedule {name!r}. Known: {', '.join(_REGISTRY)}.")


@_register("none", "Constant", (), "The learning rate stays as set.",
           label_zh="恒定", zh="学习率保持设定值不变。")
def _none(opt: torch.optim.Optimizer, p: dict[str, float], steps: int, epochs: int) -> LRScheduler | None:
    return None


@_register("step", "Step", (
    HyperParam("step_epochs", 1.0, 0.0, low_inclusive=False, help_en="Epochs between two drops.",
           help_zh="两次下降之间相隔的 epoch 数。"),
    HyperParam("gamma", 0.1, 0.0, 1.0, low_inclusive=False, high_inclusive=True, help_en="Factor of each drop.",
           help_zh="每次下降时学习率乘上的系数。"),
), "Multiply the learning rate by gamma every step_epochs epochs.",
   label_zh="阶梯", zh="每隔 step_epochs 个 epoch，学习率乘以 gamma。")
def _step(opt: torch.optim.Optimizer, p: dict[str, float], steps: int, epochs: int) -> LRScheduler | None:
    return torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, round(p["step_epochs"] * steps)), gamma=p["gamma"])


@_register("cosine", "Cosine", (
    HyperParam("min_lr_ratio", 0.0, 0.0, 1.0, high_inclusive=True, help_en="Final lr as a fraction of the start lr.",
           help_zh="最终学习率占初始学习率的比例。"),
), "Lower the learning rate along half a cosine to min_lr_ratio·lr by the last step.",
   label_zh="余弦", zh="学习率沿半个余弦曲线下降，到最后一步降为 min_lr_ratio·lr。")
def _cosine(opt: torch.optim.Optimizer, p: dict[str, float], steps: int, epochs: int) -> LRScheduler | None:
    eta_min = opt.param_groups[0]["lr"] * p["min_lr_ratio"]
    return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps * epochs, eta_min=eta_min)


@_register("onecycle", "One-cycle", (
    HyperParam("pct_start", 0.3, 0.0, 1.0, low_inclusive=False, help_en="Fraction of training spent warming up.",
           help_zh="训练中用于预热（学习率上升）的比例。"),
), "Warm up to the set lr, then anneal far below it (Smith's one-cycle policy).",
   label_zh="单周期", zh="先预热升到设定的学习率，再退火降到远低于它（Smith 提出的单周期策略）。")
def _onecycle(opt: torch.optim.Optimizer, p: dict[str, float], steps: int, epochs: int) -> LRScheduler | None:
    max_lr = opt.param_groups[0]["lr"]
    # total_steps + 1: OneCycleLR refuses a step() past its last one, and we step after every batch.
    cycle = "betas" in opt.defaults or float(opt.defaults.get("momentum", 0) or 0) > 0
    return torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=max_lr, total_steps=steps * epochs + 1,
                                               pct_start=p["pct_start"], cycle_momentum=cycle)
