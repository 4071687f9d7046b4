"""Optimizer trajectories on a 2-D surface: the real torch optimizers, step by step.

Step 0 is the start point; step k is the parameter after k calls of
``optimizer.step()``. A trajectory stops early, marked diverged, at the first
step whose point or loss is not finite or whose point leaves the escape box
(the plotted rectangle grown by a margin).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from cnnviz.core.errors import ConfigError
from cnnviz.core.playground.optimizers import get_optimizer_spec
from cnnviz.core.playground.surfaces import Bounds, Surface
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

MAX_STEPS = 100_000
DEFAULT_ESCAPE_MARGIN = 0.5
"""A path is diverged once it is this fraction of the plot's size outside the plot."""


@dataclass(frozen=True)
class RacerConfig:
    """One optimizer in a race: its registered name, hyperparameters and a label."""

    name: str
    hyperparams: Mapping[str, float] = field(default_factory=dict)
    label: str = ""

    @property
    def display_label(self) -> str:
        """The label, or the optimizer's name when no label was given."""
        return self.label or self.name


@dataclass(frozen=True)
class Trajectory:
    """The path of one optimizer: points and losses for steps 0..len-1."""

    label: str
    optimizer: str
    hyperparams: Mapping[str, float]
    xy: np.ndarray  # (n, 2) float64; the last row may be non-finite if diverged
    loss: np.ndarray  # (n,) float64
    diverged_at: int | None  # the step at which it diverged, or None
    steps_requested: int

    @property
    def diverged(self) -> bool:
        """True if the path left the escape box or became non-finite."""
        return self.diverged_at is not None

    @property
    def last_step(self) -> int:
        """The index of the last recorded step."""
        return len(self.loss) - 1

    def status(self, step: int | None = None) -> str:
        """``"diverged"`` once step ``step`` (default: the end) reached divergence, else ``"ok"``."""
        at = self.last_step if step is None else step
        return "diverged" if self.diverged_at is not None and at >= self.diverged_at else "ok"

    def finite_xy(self) -> np.ndarray:
        """The points that are finite (what can be drawn)."""
        ok = np.isfinite(self.xy).all(axis=1)
        finite: np.ndarray = self.xy[ok]
        return finite

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per step: optimizer, step, x, y, loss, status."""
        rows = []
        for k in range(len(self.loss)):
            rows.append({
                "optimizer": self.label,
                "step": k,
                "x": float(self.xy[k, 0]),
                "y": float(self.xy[k, 1]),
                "loss": float(self.loss[k]),
                "status": self.status(k),
            })
        return rows


def run_trajectory(
    surface: Surface,
    racer: RacerConfig,
    start: Sequence[float],
    steps: int,
    *,
    escape: Bounds | None = None,
    cancel: CancelToken | None = None,
) -> Trajectory:
    """Run the real torch optimizer ``racer`` on ``surface`` from ``start`` for ``steps`` steps."""
    if not 0 <= steps <= MAX_STEPS:
        raise ConfigError(f"steps must be between 0 and {MAX_STEPS}, got {steps}.")
    x0, y0 = (float(v) for v in start)
    if not (math.isfinite(x0) and math.isfinite(y0)):
        raise ConfigError(f"The start point must be finite, got ({x0}, {y0}).")
    spec = get_optimizer_spec(racer.name)
    hyper = spec.validate(racer.hyperparams)
    box = escape or surface.bounds.expanded(DEFAULT_ESCAPE_MARGIN)

    p = torch.tensor([x0, y0], dtype=torch.float64, requires_grad=True)
    opt = spec.build([p], hyper)
    xy = np.full((steps + 1, 2), np.nan)
    loss = np.full(steps + 1, np.nan)
    diverged_at: int | None = None
    n = steps + 1
    for k in range(steps + 1):
        if cancel is not None and k % 256 == 0:
            cancel.check()
        opt.zero_grad()
        x, y = p.unbind()
        value = surface(x, y)
        px, py = p.detach().tolist()
        fv = float(value.detach())
        xy[k] = (px, py)
        loss[k] = fv
        if not (math.isfinite(px) and math.isfinite(py) and math.isfinite(fv)) or not box.contains(px, py):
            diverged_at, n = k, k + 1
            break
        if k == steps:
            break
        value.backward()
        opt.step()
    return Trajectory(
        label=racer.display_label,
        optimizer=spec.name,
        hyperparams=hyper,
        xy=xy[:n].copy(),
        loss=loss[:n].copy(),
        diverged_at=diverged_at,
        steps_requested=steps,
    )


def run_race(
    surface: Surface,
    racers: Sequence[RacerConfig],
    start: Sequence[float],
    steps: int,
    *,
    escape: Bounds | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> list[Trajectory]:
    """Every racer from the same start; reports progress per racer and honours ``cancel``."""
    out = []
    for i, racer in enumerate(racers):
        progress(i / max(1, len(racers)), racer.display_label)
        out.append(run_trajectory(surface, racer, start, steps, escape=escape, cancel=cancel))
    progress(1.0, "")
    return out


def unique_labels(racers: Sequence[tuple[str, Mapping[str, float]]]) -> list[str]:
    """Labels for (name, overrides) pairs: the name when unique, else ``name:k=v,...``."""
    counts: dict[str, int] = {}
    for name, _ in racers:
        counts[name] = counts.get(name, 0) + 1
    labels = []
    seen: dict[str, int] = {}
    for name, hp in racers:
        if counts[name] == 1:
            labels.append(name)
            continue
        text = name + (":" + ",".join(f"{k}={v:g}" for k, v in hp.items()) if hp else "")
        seen[text] = seen.get(text, 0) + 1
        labels.append(text if seen[text] == 1 else f"{text}#{seen[text]}")
    return labels


def suggested_hyperparams(
    surface: Surface, optimizer: str, overrides: Mapping[str, float] | None = None
) -> dict[str, float]:
    """The surface's suggested hyperparameters for ``optimizer`` with ``overrides`` on top.

    Torch's defaults are tuned for neural networks, not for a 2-D bowl (Adam's
    lr=0.001 barely moves in 200 steps), so each surface suggests learning rates
    that make a visible race; anything not suggested keeps torch's default.
    """
    spec = get_optimizer_spec(optimizer)
    values = dict(surface.spec.suggested.get(spec.name, {}))
    values.update(overrides or {})
    return spec.validate(values)
