"""The playground's view of the optimizer registry (:mod:`cnnviz.core.optimizers`).

The optimizers keep torch's own defaults here; each surface suggests the
learning rates that make a good race on it (``SurfaceSpec.suggested``, applied
by :func:`cnnviz.core.playground.trajectories.suggested_hyperparams`). Two
things differ from the registry: the learning rate has a finite top (its
editor is a spin box, and on a 2-D surface any rate above it diverges at the
first step), and problems keep the playground's phrasing ("lr=0 is out of
range: (0, 1000]", "Did you mean: adam?"), which ``cnnviz playground`` has
always printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import torch

from cnnviz.core import optimizers as registry
from cnnviz.core.optimizers import (
    HyperParam,
    HyperparameterError,
    OptimizerSpec,
    UnknownOptimizerError,
    Wording,
)

WORDING = Wording(
    out_of_range="{name}={value:g} is out of range: {range}.",
    suggestion=" Did you mean: {names}?",
    joiner=", ",
    max_suggestions=3,
)
LR_TOP = 1000.0
"""The largest learning rate the playground accepts."""

__all__ = [
    "LR_TOP", "WORDING", "HyperParam", "HyperparameterError", "OptimizerSpec", "UnknownOptimizerError",
    "get_optimizer_spec", "list_optimizers", "make_optimizer", "parse_optimizer_spec",
]


def list_optimizers() -> list[str]:
    """Registered optimizer names, in registration order."""
    return registry.optimizer_names()


def get_optimizer_spec(name: str) -> OptimizerSpec:
    """The spec of optimizer ``name`` (UnknownOptimizerError with suggestions if unknown)."""
    return registry.get_optimizer(name, WORDING).with_hparam("lr", high=LR_TOP, high_inclusive=True)


def make_optimizer(
    name: str, params: Iterable[torch.Tensor], hyperparams: Mapping[str, Any] | None = None
) -> torch.optim.Optimizer:
    """The real torch optimizer ``name`` over ``params`` with validated hyperparameters."""
    return get_optimizer_spec(name).build(params, hyperparams)


def parse_optimizer_spec(text: str) -> tuple[str, dict[str, float]]:
    """``"adam:lr=0.1,beta1=0.8"`` -> ("adam", {"lr": 0.1, "beta1": 0.8}), validated."""
    return registry.parse_optimizer_spec(text, get_optimizer_spec)
