"""What the Playground keeps in a lesson and in the settings file, and how it reads them back.

Both hold the same bounded *choices* (a surface and its parameters, the start,
the number of steps, the animation speed, each optimizer's switch and
hyperparameters, gradient descent's learning rate); a lesson also holds the
step on screen. Nothing computed (grids, trajectories) is stored: it is
recomputed from the choices. Reading validates every value against the core
registries; a value that is missing or invalid keeps the surface's default.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cnnviz.core.errors import CnnvizError
from cnnviz.core.playground import (
    Surface,
    get_optimizer_spec,
    get_surface_spec,
    list_surfaces,
    suggested_hyperparams,
)
from cnnviz.core.playground.trajectories import MAX_STEPS
from cnnviz.gui.playground.animation import SPEEDS

VERSION = 1
SETTINGS_KEYS = ("version", "surface", "params", "start", "steps", "speed", "optimizers", "lr")
"""Everything the settings file holds (a lesson adds ``step``)."""


@dataclass
class PlaygroundChoices:
    """The Playground's choices, validated."""

    surface: Surface
    start: tuple[float, float]
    steps: int
    speed: float
    optimizers: dict[str, tuple[bool, dict[str, float]]]  # name -> (switched on, hyperparameters)
    step: int | None = None  # the step on screen (lessons only)

    def lesson(self) -> dict[str, Any]:
        """JSON-ready lesson part."""
        doc = self.settings()
        doc["step"] = int(self.step or 0)
        return doc

    def settings(self) -> dict[str, Any]:
        """JSON-ready settings: the choices only, each bounded by its editor's range."""
        return {
            "version": VERSION,
            "surface": self.surface.name,
            "params": {k: float(v) for k, v in self.surface.params.items()},
            "start": [float(self.start[0]), float(self.start[1])],
            "steps": int(self.steps),
            "speed": float(self.speed),
            "optimizers": {n: {"on": bool(on), "hyper": {k: float(v) for k, v in hyper.items()}}
                           for n, (on, hyper) in self.optimizers.items()},
            "lr": float(self.optimizers["sgd"][1]["lr"]),
        }


def read_choices(doc: dict[str, Any], current: PlaygroundChoices, *, with_step: bool) -> PlaygroundChoices | None:
    """``doc`` as choices; None when it names a surface this version does not know.

    A surface ``doc`` names (or the current one) starts from its defaults: its
    start, its steps and its suggested learning rates; then every valid value
    of ``doc`` replaces the default. Switches of optimizers ``doc`` leaves out
    and the speed keep their ``current`` values.
    """
    name = doc.get("surface", current.surface.name)
    if name not in list_surfaces():
        return None
    spec = get_surface_spec(str(name))
    params = doc.get("params")
    try:
        surface = spec.resolve(params if isinstance(params, dict) else None)
    except (CnnvizError, TypeError, ValueError):
        surface = spec.resolve(None)
    optimizers = {n: (on, {**hyper, **suggested_hyperparams(surface, n)})
                  for n, (on, hyper) in current.optimizers.items()}
    out = PlaygroundChoices(surface, spec.default_start, spec.default_steps, current.speed, optimizers)
    _read_start(doc, out)
    _read_scalars(doc, out)
    _read_optimizers(doc, out)
    if with_step:
        try:
            out.step = max(0, int(doc.get("step", 0)))
        except (TypeError, ValueError):
            out.step = None
    return out


def _read_start(doc: dict[str, Any], out: PlaygroundChoices) -> None:
    try:
        start = tuple(float(v) for v in doc.get("start", out.start))
    except (TypeError, ValueError):
        return
    if len(start) == 2 and all(math.isfinite(v) for v in start) and out.surface.bounds.contains(*start):
        out.start = (start[0], start[1])


def _read_scalars(doc: dict[str, Any], out: PlaygroundChoices) -> None:
    try:
        steps = int(doc.get("steps", out.steps))
        if 1 <= steps <= MAX_STEPS:
            out.steps = steps
    except (TypeError, ValueError, OverflowError):
        pass
    try:
        speed = float(doc.get("speed", out.speed))
        if speed in SPEEDS:
            out.speed = speed
    except (TypeError, ValueError):
        pass


def _read_optimizers(doc: dict[str, Any], out: PlaygroundChoices) -> None:
    optimizers = doc.get("optimizers", {})
    for name, entry in (optimizers.items() if isinstance(optimizers, dict) else ()):
        if name not in out.optimizers or not isinstance(entry, dict):
            continue
        try:
            hyper = get_optimizer_spec(name).validate(entry.get("hyper", {}))
        except (CnnvizError, TypeError, ValueError):
            continue
        out.optimizers[name] = (bool(entry.get("on", False)), {**out.optimizers[name][1], **hyper})
    if "lr" in doc and "sgd" in out.optimizers:
        try:
            lr = get_optimizer_spec("sgd").validate({"lr": doc["lr"]})["lr"]
        except (CnnvizError, TypeError, ValueError, KeyError):
            return
        on, hyper = out.optimizers["sgd"]
        out.optimizers["sgd"] = (on, {**hyper, "lr": lr})
