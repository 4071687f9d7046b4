"""What to train: the shared setup and each run's configuration.

A :class:`TrainSetup` holds what every run shares (model, data, epochs, the
two seeds); a :class:`RunConfig` holds what one run changes (optimizer and its
hyperparameters, batch size, schedule, model switches such as BatchNorm).
Both validate eagerly so that a bad value is refused before step one.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from cnnviz.core.errors import ConfigError, DatasetError
from cnnviz.core.messages import message_of, msg
from cnnviz.core.models.arguments import check_reserved
from cnnviz.core.optimizers import split_spec
from cnnviz.core.training.optimizers import get_optimizer
from cnnviz.core.training.schedules import get_schedule

LOSSES = ("cross_entropy",)


@dataclass
class RunConfig:
    """One run: optimizer, hyperparameters, and what else it changes."""

    name: str
    optimizer: str = "sgd"
    hparams: dict[str, float] = field(default_factory=dict)
    batch_size: int | None = None  # None: the setup's batch size
    schedule: str = "none"
    schedule_params: dict[str, float] = field(default_factory=dict)
    model_kwargs: dict[str, Any] = field(default_factory=dict)  # e.g. batch_norm, dropout

    def validated(self) -> RunConfig:
        """A copy with the optimizer name canonical and every default filled in (ConfigError if bad)."""
        if not self.name or not self.name.strip():
            raise ConfigError(msg("A run needs a name."))
        spec = get_optimizer(self.optimizer)
        try:
            hp = spec.validate(self.hparams)
            sched = get_schedule(self.schedule)
            sp = sched.validate(self.schedule_params)
        except ConfigError as exc:
            raise ConfigError(msg("Run {name!r}: {reason}", name=self.name, reason=message_of(exc))) from None
        if self.batch_size is not None and (not isinstance(self.batch_size, int) or self.batch_size < 1):
            raise ConfigError(msg(
                "Run {name!r}: batch size must be a whole number ≥ 1, got {value!r}.",
                name=self.name, value=self.batch_size,
            ))
        check_reserved(self.model_kwargs, ConfigError)
        return replace(self, name=self.name.strip(), optimizer=spec.name, hparams=hp,
                       schedule=sched.name, schedule_params=sp, model_kwargs=dict(self.model_kwargs))

    def summary(self) -> str:
        """A short label such as ``adam lr=0.001 bs=64``: what differs from defaults."""
        spec = get_optimizer(self.optimizer)
        defaults = spec.defaults()
        parts = [spec.name]
        for key, value in self.hparams.items():
            if key == "lr" or defaults.get(key) != value:
                parts.append(f"{key}={value:g}")
        if self.batch_size:
            parts.append(f"bs={self.batch_size}")
        if self.schedule and self.schedule != "none":
            parts.append(self.schedule)
        parts += [f"{k}={v}" for k, v in self.model_kwargs.items()]
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (round-trips through :meth:`from_dict`)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunConfig:
        """The inverse of :meth:`to_dict` (unknown keys refused)."""
        known = set(cls.__dataclass_fields__)
        extra = set(data) - known
        if extra:
            raise ConfigError(msg("Unknown run settings: {names}.", names=", ".join(sorted(extra))))
        return cls(**dict(data))


#: The setup's whole-number settings as messages name them.
_COUNT_NAMES = {
    "epochs": msg("epochs"),
    "batch_size": msg("batch size"),
    "train_limit": msg("train limit"),
    "val_limit": msg("val limit"),
    "sharpness_every": msg("sharpness every"),
    "sharpness_probe": msg("sharpness probe"),
}


def _not_a_count(name: str, value: Any) -> ConfigError:
    return ConfigError(msg(
        "{setting} must be a whole number ≥ 1, got {value!r}.", setting=_COUNT_NAMES[name], value=value
    ))


@dataclass
class TrainSetup:
    """What every run shares: model, data, epochs and the two seeds."""

    model: str = "lenet5"
    model_kwargs: dict[str, Any] = field(default_factory=dict)
    dataset: str = "shapes"
    dataset_path: str | None = None
    train_limit: int | None = None
    val_limit: int | None = None
    image_size: int | None = None
    epochs: int = 3
    batch_size: int = 64
    init_seed: int = 0  # the initial weights of every run
    data_seed: int = 0  # the data and its batch order, the same for every run
    device: str = "cpu"
    loss: str = "cross_entropy"
    divergence_factor: float = 10.0  # loss above this × the first loss counts as diverged
    sharpness_every: int | None = None  # estimate the top Hessian eigenvalue every K steps (None: off)
    sharpness_probe: int = 128  # training images in the fixed probe batch of the sharpness estimate

    def validated(self) -> TrainSetup:
        """A copy after checking every number (ConfigError naming the bad one)."""
        for name in ("epochs", "batch_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise _not_a_count(name, value)
        for name in ("train_limit", "val_limit", "sharpness_every"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 1):
                raise _not_a_count(name, value)
        if not isinstance(self.sharpness_probe, int) or self.sharpness_probe < 1:
            raise _not_a_count("sharpness_probe", self.sharpness_probe)
        if self.image_size is not None:
            from cnnviz.core.training.datasets import check_image_size

            try:
                check_image_size(self.image_size)
            except DatasetError as exc:
                raise ConfigError(message_of(exc)) from None
        if self.loss not in LOSSES:
            raise ConfigError(msg("Unknown loss {loss!r}. Known: {known}.", loss=self.loss, known=", ".join(LOSSES)))
        if not self.divergence_factor > 1:
            raise ConfigError(msg("The divergence factor must be above 1."))
        check_reserved(self.model_kwargs, ConfigError)
        return replace(self, model_kwargs=dict(self.model_kwargs))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict."""
        return asdict(self)


_RUN_KEYS = {"name", "batch_size", "bs", "schedule"}


def _literal(raw: str) -> Any:
    text = raw.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def parse_run_spec(text: str, index: int = 0) -> RunConfig:
    """``"adam:lr=1e-3,beta2=0.99,bs=32,schedule=cosine,model.dropout=0.5"`` -> a validated RunConfig.

    Keys are the optimizer's hyperparameters, ``name``, ``bs`` / ``batch_size``,
    ``schedule`` and its parameters, and ``model.<kw>`` for model switches.
    The default name is the spec itself, so runs stay recognisable.
    """
    head, items = split_spec(text, what="run")
    if not head:
        raise ConfigError(msg("A run looks like adam:lr=1e-3 , got {text!r}.", text=text))
    config = RunConfig(name="", optimizer=head)
    schedule_keys: dict[str, float] = {}
    for key, raw in items:
        value = _literal(raw)
        if key == "name":
            config.name = str(value)
        elif key in ("bs", "batch_size"):
            if not isinstance(value, int):
                raise ConfigError(
                    msg("Batch size must be a whole number, got {value!r} in run {run!r}.", value=raw, run=text)
                )
            config.batch_size = value
        elif key == "schedule":
            config.schedule = str(value)
        elif key.startswith("model."):
            config.model_kwargs[key[len("model."):]] = value
        else:
            config.hparams[key] = value
    sched = get_schedule(config.schedule)
    for p in sched.params:
        if p.name in config.hparams:
            schedule_keys[p.name] = config.hparams.pop(p.name)
    config.schedule_params = schedule_keys
    if not config.name:
        config.name = text.strip() or f"run{index + 1}"
    return config.validated()


def unique_names(runs: list[RunConfig]) -> list[RunConfig]:
    """The runs with duplicate names made distinct (``adam``, ``adam (2)``)."""
    seen: dict[str, int] = {}
    out: list[RunConfig] = []
    for run in runs:
        count = seen.get(run.name, 0) + 1
        seen[run.name] = count
        out.append(run if count == 1 else replace(run, name=f"{run.name} ({count})"))
    return out
