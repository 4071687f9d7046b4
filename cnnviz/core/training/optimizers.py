"""The Train tab's view of the optimizer registry (:mod:`cnnviz.core.optimizers`).

The optimizers, their checks and their help are the shared ones; only the
starting learning rates differ. Torch's defaults are tuned for nothing in
particular (plain SGD at 0.001 barely moves a small net in a lesson's few
epochs), so every optimizer starts here at a rate that trains the nets of the
Train tab visibly.
"""

from __future__ import annotations

from cnnviz.core import optimizers as registry
from cnnviz.core.optimizers import HyperParam, OptimizerSpec

HParam = HyperParam  # the name the training modules have always used

NETWORK_LR: dict[str, float] = {
    "sgd": 0.05, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.01,
    "rmsprop": 1e-3, "adadelta": 1.0, "adam": 1e-3, "adamw": 1e-3,
}
"""Default learning rate per optimizer when training a network."""

MAX_NETWORK_LR = 1e6
"""The largest learning rate a network run accepts. Far above any rate that trains (a run at
10 already diverges, which is a lesson), yet small enough that ``lr × gradient`` stays a
float32: torch's optimizers raise "value cannot be converted to type float without
overflow" for a rate such as 1e50 instead of letting the run diverge."""

__all__ = ["MAX_NETWORK_LR", "NETWORK_LR", "HParam", "OptimizerSpec", "get_optimizer", "list_optimizers"]


def _for_networks(spec: OptimizerSpec) -> OptimizerSpec:
    lr = NETWORK_LR.get(spec.name, spec.hparam("lr").default)
    return spec.with_hparam("lr", default=lr, high=MAX_NETWORK_LR, high_inclusive=True)


def get_optimizer(name: str) -> OptimizerSpec:
    """The optimizer ``name`` with the network learning rate as its default (ConfigError with suggestions)."""
    return _for_networks(registry.get_optimizer(name))


def list_optimizers() -> list[OptimizerSpec]:
    """Every registered optimizer with its network learning rate as the default, in registration order."""
    return [_for_networks(spec) for spec in registry.list_optimizers()]
