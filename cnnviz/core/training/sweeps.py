"""Learning-rate sweeps over seeds: the comparison of optimizers a researcher would trust.

Comparisons of optimizers flip with how each one's learning rate is tuned
(Choi et al. 2019, "On Empirical Comparisons of Optimizers for Deep
Learning"; Schmidt et al. 2021, "Descending through a Crowded Valley"), and
one seed hides the spread. A sweep trains, for every chosen optimizer, every
learning rate of a log-spaced grid, each with S seeds:

* **A seed is a start and a batch order.** Run (optimizer, lr, seed) is a
  one-run :class:`~cnnviz.core.training.engine.Trainer` with
  ``init_seed = data_seed = seed``: every run of one seed starts from the
  same weights and sees the same batches (so their first losses are equal),
  and the seeds differ in both.
* **One run, one job.** Jobs run in worker processes
  (:mod:`~cnnviz.core.training.executors`: a local process pool or Ray) and
  stream their metric rows back; a run that diverges is marked and the sweep
  goes on; a run that crashes its process is marked failed.
* **Results**, written as they come into the output folder:
  ``metrics.csv`` (long form, one row per run × step × split, with ``lr`` and
  ``seed``), ``summary.json`` (the table optimizer × lr of final / best
  validation loss and accuracy with diverged cells marked, each optimizer's
  tuned learning rate and its curves as mean ± σ over seeds, and the ranking
  with the spread) and ``sweep.json`` (what was asked).

The GUI drives a :class:`Sweep`: ``start()``, ``poll()`` for new rows,
``status()``, ``stop()``; ``summary()`` any time.
"""

from __future__ import annotations

import csv
import math
import pathlib
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from cnnviz.core.errors import ConfigError
from cnnviz.core.messages import msg
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress
from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.metrics import (
    DIVERGED,
    FAILED,
    FINISHED,
    PENDING,
    RUNNING,
    STOPPED,
    write_json,
)

ROW_COLUMNS = ("run", "optimizer", "lr", "seed", "split", "step", "epoch", "loss", "accuracy", "samples",
               "weight_norm", "sharpness", "sharpness_threshold")
"""Columns of a sweep's ``metrics.csv`` and keys of the rows :meth:`Sweep.poll` returns."""

# Hyperparameters a sweep gives each optimizer besides the learning rate (the Train tab's defaults).
DEFAULT_HPARAMS: dict[str, dict[str, float]] = {"momentum": {"momentum": 0.9}, "nesterov": {"momentum": 0.9}}


# ---------------------------------------------------------------- the grid


def log_grid(low: float, high: float, count: int) -> list[float]:
    """``count`` learning rates log-spaced from ``low`` to ``high`` (both included)."""
    if not (low > 0 and high > 0 and math.isfinite(low) and math.isfinite(high)):
        raise ConfigError(msg("Learning rates must be positive numbers, got {low!r} and {high!r}.", low=low, high=high))
    if not isinstance(count, int) or count < 1:
        raise ConfigError(msg("A grid needs at least one learning rate, got {count!r}.", count=count))
    if count == 1:
        return [float(low)]
    return [float(v) for v in np.logspace(math.log10(low), math.log10(high), count)]


def parse_lr_grid(text: str) -> list[float]:
    """``"1e-4:1:7"`` (7 log-spaced from 1e-4 to 1) or ``"0.01,0.1,0.3"`` -> sorted learning rates."""
    raw = text.strip()
    try:
        if ":" in raw:
            parts = raw.split(":")
            if len(parts) != 3:
                raise ValueError
            values = log_grid(float(parts[0]), float(parts[1]), int(parts[2]))
        else:
            values = [float(v) for v in raw.split(",") if v.strip()]
    except ValueError:
        raise ConfigError(msg(
            "A learning-rate grid is LOW:HIGH:COUNT (e.g. 1e-4:1:7) or a list (0.01,0.1), got {text!r}.", text=text
        )) from None
    if not values or any(not (v > 0 and math.isfinite(v)) for v in values):
        raise ConfigError(msg("Learning rates must be positive numbers, got {text!r}.", text=text))
    return sorted(set(values))


def lr_label(lr: float) -> str:
    """A short, exact-enough label for a learning rate (``0.001``, ``0.0316``)."""
    return f"{lr:.3g}"


# ---------------------------------------------------------------- what to run


@dataclass(frozen=True)
class SweepJob:
    """One run of a sweep: an optimizer at one learning rate with one seed."""

    index: int
    run: str  # its name in the results ("adam lr=0.001 seed=0")
    optimizer: str
    lr: float
    seed: int
    hparams: dict[str, float] = field(default_factory=dict)  # the other hyperparameters

    def to_dict(self) -> dict[str, Any]:
        """JSON / pickle friendly."""
        return asdict(self)


@dataclass
class SweepSpec:
    """A sweep: the shared setup, the optimizers, their learning-rate grids and the seeds."""

    setup: TrainSetup
    optimizers: list[str]
    lrs: dict[str, list[float]]  # optimizer -> grid (editable per optimizer)
    seeds: list[int]
    hparams: dict[str, dict[str, float]] = field(default_factory=dict)  # optimizer -> fixed others

    @classmethod
    def grid(cls, setup: TrainSetup, optimizers: Iterable[str], lrs: Iterable[float] | str,
             seeds: int | Iterable[int] = 3, first_seed: int = 0) -> SweepSpec:
        """The same learning-rate grid for every optimizer; ``seeds`` a count (from ``first_seed``) or a list."""
        grid = parse_lr_grid(lrs) if isinstance(lrs, str) else sorted({float(v) for v in lrs})
        names = list(optimizers)
        seed_list = list(range(first_seed, first_seed + seeds)) if isinstance(seeds, int) else list(seeds)
        return cls(setup, names, {n: list(grid) for n in names}, seed_list)

    def validated(self) -> SweepSpec:
        """A copy with optimizer names canonical and every value checked (ConfigError naming the bad one)."""
        from cnnviz.core.training.optimizers import get_optimizer

        setup = self.setup.validated()
        if not self.optimizers:
            raise ConfigError(msg("Choose at least one optimizer to sweep."))
        if not self.seeds or any(not isinstance(s, int) or s < 0 for s in self.seeds):
            raise ConfigError(msg("Seeds must be whole numbers ≥ 0, got {seeds!r}.", seeds=self.seeds))
        if len(set(self.seeds)) != len(self.seeds):
            raise ConfigError(msg("Each seed once, please: a repeated seed repeats the same runs."))
        names: list[str] = []
        lrs: dict[str, list[float]] = {}
        hparams: dict[str, dict[str, float]] = {}
        for given in self.optimizers:
            spec = get_optimizer(given)
            if spec.name in names:
                raise ConfigError(msg("{optimizer} is listed twice.", optimizer=spec.name))
            grid = self.lrs.get(given, self.lrs.get(spec.name))
            if not grid:
                raise ConfigError(msg("{optimizer} has no learning rates to try.", optimizer=spec.name))
            extra = dict(DEFAULT_HPARAMS.get(spec.name, {}))
            extra.update(self.hparams.get(given, self.hparams.get(spec.name, {})))
            extra.pop("lr", None)
            for lr in grid:
                spec.validate({**extra, "lr": lr})  # HyperparameterError names the bad value
            names.append(spec.name)
            lrs[spec.name] = sorted({float(v) for v in grid})
            hparams[spec.name] = extra
        return SweepSpec(setup, names, lrs, list(self.seeds), hparams)

    def jobs(self) -> list[SweepJob]:
        """Every run, seed by seed (so a stopped sweep has whole seeds first), then optimizer, then lr."""
        out: list[SweepJob] = []
        for seed in self.seeds:
            for opt in self.optimizers:
                for lr in self.lrs[opt]:
                    name = f"{opt} lr={lr_label(lr)} seed={seed}"
                    out.append(SweepJob(len(out), name, opt, lr, seed, dict(self.hparams.get(opt, {}))))
        return out

    def to_dict(self) -> dict[str, Any]:
        """What ``sweep.json`` holds."""
        return {"setup": self.setup.to_dict(), "optimizers": list(self.optimizers),
                "lrs": {k: list(v) for k, v in self.lrs.items()}, "seeds": list(self.seeds),
                "hparams": {k: dict(v) for k, v in self.hparams.items()}}


# ---------------------------------------------------------------- one job (inside a worker)


class _RowStream:
    """Batches rows from a run and hands them to ``emit`` every ``interval`` s (and on demand)."""

    def __init__(self, emit: Callable[[list[dict[str, Any]]], None], interval: float = 0.2) -> None:
        self.emit = emit
        self.interval = interval
        self.rows: list[dict[str, Any]] = []
        self.last = time.monotonic()

    def add(self, row: dict[str, Any], urgent: bool = False) -> None:
        self.rows.append(row)
        if urgent or time.monotonic() - self.last >= self.interval:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            rows, self.rows = self.rows, []
            self.emit(rows)
        self.last = time.monotonic()


def _streaming_log(job: SweepJob, stream: _RowStream) -> Any:
    """A MetricsLog that also streams every record as a sweep row."""
    from cnnviz.core.training.metrics import MetricsLog

    base = {"run": job.run, "optimizer": job.optimizer, "lr": job.lr, "seed": job.seed}

    class StreamingLog(MetricsLog):
        def __init__(self) -> None:
            super().__init__()
            self._sharp: dict[int, tuple[float, float]] = {}

        def add_train(self, name: str, step: int, epoch: int, loss: float, accuracy: float, lr: float,
                      samples: float = math.nan) -> None:
            super().add_train(name, step, epoch, loss, accuracy, lr, samples)
            sharp, threshold = self._sharp.pop(int(step), (None, None))
            stream.add({**base, "split": "train", "step": int(step), "epoch": int(epoch), "loss": loss,
                        "accuracy": accuracy, "samples": samples, "weight_norm": None, "sharpness": sharp,
                        "sharpness_threshold": threshold})

        def add_val(self, name: str, step: int, epoch: int, loss: float, accuracy: float, lr: float,
                    train_loss: float = math.nan, train_accuracy: float = math.nan, samples: float = math.nan,
                    weight_norm: float = math.nan) -> None:
            super().add_val(name, step, epoch, loss, accuracy, lr, train_loss, train_accuracy, samples,
                            weight_norm)
            stream.add({**base, "split": "val", "step": int(step), "epoch": int(epoch), "loss": loss,
                        "accuracy": accuracy, "samples": samples, "weight_norm": weight_norm, "sharpness": None,
                        "sharpness_threshold": None}, urgent=True)

        def add_sharpness(self, name: str, step: int, value: float, threshold: float, message: str = "") -> None:
            super().add_sharpness(name, step, value, threshold, message)
            # The engine estimates after a step and logs that step's train row next: keep it for the row.
            self._sharp[int(step)] = (value, threshold)

    return StreamingLog()


_DATA_CACHE: dict[tuple[object, ...], Any] = {}


def _dataset(setup: TrainSetup) -> Any:
    """The dataset of ``setup`` (cached per worker process: later jobs of the same data load nothing)."""
    from cnnviz.core.training.datasets import load_dataset

    key = (setup.dataset, setup.dataset_path, setup.data_seed, setup.train_limit, setup.val_limit,
           setup.image_size)
    if key not in _DATA_CACHE:
        while len(_DATA_CACHE) >= 3:
            _DATA_CACHE.pop(next(iter(_DATA_CACHE)))
        _DATA_CACHE[key] = load_dataset(setup.dataset, seed=setup.data_seed, path=setup.dataset_path,
                                        train_limit=setup.train_limit, val_limit=setup.val_limit,
                                        image_size=setup.image_size)
    return _DATA_CACHE[key]


def run_job(job: dict[str, Any], setup: dict[str, Any],
            emit: Callable[[list[dict[str, Any]]], None] = lambda rows: None) -> dict[str, Any]:
    """Train one sweep run; stream its rows through ``emit``; return its result (see :class:`RunResult`).

    Runs inside a worker process (local or Ray). Errors the user can cause
    (a CnnvizError) come back as a failed result; anything else propagates and
    the executor marks the run failed with the exception's message.
    """
    import copy

    from cnnviz.core import trust
    from cnnviz.core.errors import CnnvizError
    from cnnviz.core.training.config import RunConfig
    from cnnviz.core.training.engine import Trainer

    trust.adopt(setup.get("_approved_code"))
    sweep_job = SweepJob(**job)
    known = set(TrainSetup.__dataclass_fields__)
    run_setup = replace(TrainSetup(**{k: v for k, v in setup.items() if k in known}),
                        init_seed=sweep_job.seed, data_seed=sweep_job.seed)
    stream = _RowStream(emit)
    log = _streaming_log(sweep_job, stream)
    started = time.perf_counter()
    config = RunConfig(sweep_job.run, sweep_job.optimizer, {**sweep_job.hparams, "lr": sweep_job.lr})
    try:
        trainer = Trainer(run_setup, [config], data=copy.copy(_dataset(run_setup)), log=log)
        trainer.run()
    except CnnvizError as exc:
        stream.flush()
        return RunResult.from_job(sweep_job, FAILED, exc.one_line()).to_dict()
    stream.flush()
    status, message = log.statuses()[sweep_job.run]
    snap = log.snapshot(sweep_job.run)
    result = RunResult.from_job(sweep_job, status, message)
    result.val_epoch = snap.val["epoch"].astype(int).tolist()
    result.val_loss = snap.val["loss"].tolist()
    result.val_accuracy = snap.val["accuracy"].tolist()
    result.train_loss = snap.train["loss"].tolist()
    result.steps = int(snap.train["step"][-1]) if snap.train["step"].size else 0
    result.elapsed_s = time.perf_counter() - started
    return result.to_dict()


# ---------------------------------------------------------------- results


@dataclass
class RunResult:
    """How one sweep run ended, with its validation curve and training losses."""

    run: str
    optimizer: str
    lr: float
    seed: int
    status: str
    message: str = ""
    val_epoch: list[int] = field(default_factory=list)  # 0 (before training), 1, 2, ...
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)  # one per step
    steps: int = 0
    elapsed_s: float = 0.0

    @classmethod
    def from_job(cls, job: SweepJob, status: str, message: str = "") -> RunResult:
        """An empty result of ``job`` with a status."""
        return cls(job.run, job.optimizer, job.lr, job.seed, status, message)

    @property
    def final_val_loss(self) -> float:
        """The last validation loss after training started (NaN if none)."""
        trained = [v for e, v in zip(self.val_epoch, self.val_loss, strict=False) if e > 0]
        return float(trained[-1]) if trained else math.nan

    @property
    def final_val_accuracy(self) -> float:
        """The last validation accuracy after training started (NaN if none)."""
        trained = [v for e, v in zip(self.val_epoch, self.val_accuracy, strict=False) if e > 0]
        return float(trained[-1]) if trained else math.nan

    @property
    def best_val_loss(self) -> float:
        """The lowest validation loss over the epochs after training started (NaN if none)."""
        trained = [v for e, v in zip(self.val_epoch, self.val_loss, strict=False) if e > 0 and math.isfinite(v)]
        return float(min(trained)) if trained else math.nan

    @property
    def best_val_accuracy(self) -> float:
        """The highest validation accuracy over the epochs after training started (NaN if none)."""
        trained = [v for e, v in zip(self.val_epoch, self.val_accuracy, strict=False)
                   if e > 0 and math.isfinite(v)]
        return float(max(trained)) if trained else math.nan

    def to_dict(self) -> dict[str, Any]:
        """Pickle / JSON friendly."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunResult:
        """The inverse of :meth:`to_dict`."""
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def _mean_std(values: list[float]) -> tuple[float | None, float | None]:
    """Mean and sample standard deviation (ddof 1) of the finite values.

    The mean is None without a value; σ is None with fewer than two (the
    spread over one seed is unknown, not zero).
    """
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return None, None
    arr = np.asarray(finite, dtype=np.float64)
    return float(arr.mean()), float(arr.std(ddof=1)) if arr.size > 1 else None


def _curve(series: list[list[float]]) -> tuple[list[float], list[float] | None]:
    """Mean and σ per index over runs (cut to the shortest run); σ is None with fewer than two runs."""
    length = min((len(s) for s in series), default=0)
    if not length:
        return [], None
    arr = np.asarray([s[:length] for s in series], dtype=np.float64)
    std = arr.std(axis=0, ddof=1).tolist() if arr.shape[0] > 1 else None
    return arr.mean(axis=0).tolist(), std


def summarize(spec: SweepSpec, results: dict[str, RunResult]) -> dict[str, Any]:
    """The table optimizer × lr, the tuned learning rates with their curves, and the ranking.

    A cell's numbers are mean and σ (ddof 1) over the seeds that finished
    (each ``*_std`` is None when fewer than two seeds finished: the spread is
    unknown, not zero; so are the tuned curves' ``*_std`` lists); ``diverged`` / ``failed`` count the seeds that did; a cell with a diverged
    (or stopped) seed cannot be an optimizer's tuned rate, one with a failed
    seed can, on the seeds that finished. The tuned rate
    is the one with the lowest mean best validation loss; the ranking sorts the
    optimizers by that value, and ``within_spread_of_next`` says when the next
    one is closer than the larger of their two σ (the order is not to be trusted);
    it is None when neither σ is known (one seed each: nothing can be said).
    """
    table = []
    tuned: dict[str, Any] = {}
    for opt in spec.optimizers:
        best_cell = None
        for lr in spec.lrs[opt]:
            runs = [r for r in results.values() if r.optimizer == opt and math.isclose(r.lr, lr, rel_tol=1e-12)]
            counts = {s: sum(r.status == s for r in runs) for s in (FINISHED, DIVERGED, FAILED, STOPPED)}
            done = [r for r in runs if r.status == FINISHED]
            cell: dict[str, Any] = {
                "optimizer": opt, "lr": lr, "seeds": len(spec.seeds), "finished": counts[FINISHED],
                "diverged": counts[DIVERGED], "failed": counts[FAILED], "stopped": counts[STOPPED],
                "pending": len(spec.seeds) - len(runs),
            }
            for key in ("final_val_loss", "best_val_loss", "final_val_accuracy", "best_val_accuracy"):
                cell[key], cell[key + "_std"] = _mean_std([getattr(r, key) for r in done])
            cell["state"] = ("diverged" if counts[DIVERGED] else "failed" if counts[FAILED]
                             else "done" if counts[FINISHED] == len(spec.seeds) else "partial")
            table.append(cell)
            # A diverged seed rules the rate out; a crashed one (out of memory, ...) says nothing about it.
            eligible = not counts[DIVERGED] and not counts[STOPPED] and cell["best_val_loss"] is not None
            if eligible and (best_cell is None or cell["best_val_loss"] < best_cell["best_val_loss"]):
                best_cell = cell
        if best_cell is None:
            tuned[opt] = None
            continue
        chosen = [r for r in results.values() if r.optimizer == opt and r.status == FINISHED
                  and math.isclose(r.lr, best_cell["lr"], rel_tol=1e-12)]
        val_loss_mean, val_loss_std = _curve([r.val_loss for r in chosen])
        val_acc_mean, val_acc_std = _curve([r.val_accuracy for r in chosen])
        train_mean, train_std = _curve([r.train_loss for r in chosen])
        tuned[opt] = {
            "lr": best_cell["lr"], "seeds": sorted(r.seed for r in chosen),
            "best_val_loss": best_cell["best_val_loss"], "best_val_loss_std": best_cell["best_val_loss_std"],
            "final_val_accuracy": best_cell["final_val_accuracy"],
            "final_val_accuracy_std": best_cell["final_val_accuracy_std"],
            "epoch": list(range(len(val_loss_mean))),
            "val_loss_mean": val_loss_mean, "val_loss_std": val_loss_std,
            "val_accuracy_mean": val_acc_mean, "val_accuracy_std": val_acc_std,
            "train_loss_mean": train_mean, "train_loss_std": train_std,
        }
    ranked = sorted((opt for opt in spec.optimizers if tuned.get(opt)), key=lambda o: tuned[o]["best_val_loss"])
    ranking = []
    for place, opt in enumerate(ranked, start=1):
        entry = {"rank": place, "optimizer": opt, **{k: tuned[opt][k] for k in (
            "lr", "best_val_loss", "best_val_loss_std", "final_val_accuracy", "final_val_accuracy_std")}}
        entry["within_spread_of_next"] = False
        if place < len(ranked):
            nxt = tuned[ranked[place]]
            gap = nxt["best_val_loss"] - tuned[opt]["best_val_loss"]
            spreads = [s for s in (tuned[opt]["best_val_loss_std"], nxt["best_val_loss_std"]) if s is not None]
            entry["within_spread_of_next"] = gap <= max(spreads) if spreads else None
        ranking.append(entry)
    return {
        "cnnviz_format": 1, "kind": "sweep", **spec.to_dict(),
        "runs": [{k: v for k, v in r.to_dict().items() if k not in ("val_loss", "val_accuracy", "val_epoch",
                                                                      "train_loss")}
                 | {"final_val_loss": r.final_val_loss, "best_val_loss": r.best_val_loss,
                    "final_val_accuracy": r.final_val_accuracy, "best_val_accuracy": r.best_val_accuracy}
                 for r in results.values()],
        "table": table, "tuned": tuned, "ranking": ranking,
    }


def heatmap(summary: dict[str, Any], metric: str = "best_val_loss") -> tuple[list[str], list[float], np.ndarray]:
    """(optimizers, learning rates, float32 [optimizers, lrs]) of one ``metric`` of a summary's table.

    The learning rates are the union of the optimizers' grids, ascending; a
    cell not in an optimizer's grid, not finished, or diverged is NaN (look up
    ``table`` for why).
    """
    optimizers = list(summary["optimizers"])
    lrs = sorted({float(c["lr"]) for c in summary["table"]})
    out = np.full((len(optimizers), len(lrs)), np.nan, dtype=np.float32)
    for cell in summary["table"]:
        value = cell.get(metric)
        if value is not None and cell["state"] != "diverged":
            out[optimizers.index(cell["optimizer"]), lrs.index(float(cell["lr"]))] = value
    return optimizers, lrs, out


# ---------------------------------------------------------------- the sweep


@dataclass
class SweepStatus:
    """Where a sweep stands (for a progress bar and a status line)."""

    total: int
    pending: int
    running: int
    finished: int
    diverged: int
    failed: int
    stopped: int
    done: bool  # nothing is running or waiting any more

    @property
    def ended(self) -> int:
        """Runs that reached a final state (stopped ones included)."""
        return self.finished + self.diverged + self.failed + self.stopped

    @property
    def completed(self) -> int:
        """Runs that trained to their end: finished, diverged or failed, not stopped (the progress' share)."""
        return self.finished + self.diverged + self.failed

    def text(self) -> str:
        """``3 of 12 runs finished · 2 training · 1 diverged``, after a stop ``Stopped: 3 of 12 runs finished · 9 stopped``.

        "Finished" counts the runs that trained to their end without diverging or failing.
        """
        head = f"{self.finished} of {self.total} runs finished"
        if self.done and self.stopped:
            tail = [f"{n} {label}" for label, n in (("diverged", self.diverged), ("failed", self.failed),
                                                    ("stopped", self.stopped)) if n]
            return "Stopped: " + " · ".join([head, *tail])
        parts = [head]
        for label, n in (("training", self.running), ("diverged", self.diverged), ("failed", self.failed),
                         ("stopped", self.stopped)):
            if n:
                parts.append(f"{n} {label}")
        return " · ".join(parts)


class Sweep:
    """A running sweep: jobs on an executor, rows streamed back, results written as they come.

    Thread-safe: the executor's thread delivers messages, any thread may call
    :meth:`poll`, :meth:`status`, :meth:`summary` and :meth:`stop`.
    """

    def __init__(self, spec: SweepSpec, out_dir: str | pathlib.Path | None = None,
                 executor: Any = None, max_rows: int = 200_000) -> None:
        self.spec = spec.validated()
        self.jobs = self.spec.jobs()
        self.out_dir = pathlib.Path(out_dir) if out_dir is not None else None
        if executor is None:
            from cnnviz.core.training.executors import LocalExecutor

            executor = LocalExecutor()
        self.executor = executor
        self._lock = threading.RLock()
        self._rows: deque[dict[str, Any]] = deque(maxlen=max_rows)
        self._state: dict[int, str] = {job.index: PENDING for job in self.jobs}
        self._results: dict[str, RunResult] = {}
        self._csv: Any = None
        self._writer: Any = None
        self._done = threading.Event()
        self._started = False
        self._stopped = False
        self.started_at: float | None = None

    # ------------------------------------------------------------ control
    def start(self) -> None:
        """Write ``sweep.json``, open ``metrics.csv`` and hand the jobs to the executor (returns at once)."""
        if self._started:
            raise ConfigError(msg("This sweep was already started."))
        self._started = True
        self.started_at = time.time()
        if self.out_dir is not None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            write_json(self.spec.to_dict(), str(self.out_dir / "sweep.json"))
            self._csv = open(self.out_dir / "metrics.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
            self._writer = csv.DictWriter(self._csv, fieldnames=ROW_COLUMNS, lineterminator="\n")
            self._writer.writeheader()
            self._csv.flush()
            self._write_summary()
        if not self.jobs:
            self._finish()
            return
        from cnnviz.core import trust

        # the workers rebuild the model: a user's own code needs the approval it has here
        setup = {**self.spec.setup.to_dict(), "_approved_code": trust.approval_record(self.spec.setup.model)}
        self.executor.start([j.to_dict() for j in self.jobs], setup, self._on_message,
                            self._finish)

    def stop(self) -> None:
        """End every run now: worker processes are ended (within 2 s); unfinished runs become ``stopped``."""
        self._stopped = True
        self.executor.stop()  # returns once no message can arrive any more
        with self._lock:
            for job in self.jobs:
                if self._state[job.index] in (PENDING, RUNNING):
                    self._state[job.index] = STOPPED
                    self._results[job.run] = RunResult.from_job(job, STOPPED, "The sweep was stopped.")
        self._finish()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every run ended (or ``timeout`` s); True when the sweep is done."""
        return self._done.wait(timeout)

    def run(self, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> dict[str, Any]:
        """Start, report progress until done (stopping on ``cancel``), and return the summary."""
        self.start()
        try:
            while not self.wait(0.2):
                if cancel is not None and cancel.cancelled:
                    self.stop()
                    break
                status = self.status()
                progress(status.completed / max(1, status.total), status.text())
        except KeyboardInterrupt:
            self.stop()
            raise
        status = self.status()
        progress(status.completed / max(1, status.total), status.text())
        return self.summary()

    # ------------------------------------------------------------ reading
    def poll(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The rows (dicts with :data:`ROW_COLUMNS`) that arrived since the last poll, oldest first."""
        with self._lock:
            count = len(self._rows) if limit is None else min(limit, len(self._rows))
            return [self._rows.popleft() for _ in range(count)]

    def status(self) -> SweepStatus:
        """Counts of runs per state."""
        with self._lock:
            states = list(self._state.values())
        return SweepStatus(len(states), states.count(PENDING), states.count(RUNNING), states.count(FINISHED),
                           states.count(DIVERGED), states.count(FAILED), states.count(STOPPED),
                           self._done.is_set())

    def results(self) -> dict[str, RunResult]:
        """The runs that ended so far, by name."""
        with self._lock:
            return dict(self._results)

    def summary(self) -> dict[str, Any]:
        """The summary of what ended so far (see :func:`summarize`)."""
        return summarize(self.spec, self.results())

    @property
    def done(self) -> bool:
        """True once every run ended (or the sweep was stopped)."""
        return self._done.is_set()

    # ------------------------------------------------------------ messages from the executor
    def _on_message(self, message: tuple[Any, ...]) -> None:
        kind, index = message[0], message[1]
        job = self.jobs[index]
        with self._lock:
            if self._state[index] not in (PENDING, RUNNING):
                return  # a late message of a run already ended (stopped)
            if kind == "started":
                self._state[index] = RUNNING
            elif kind == "rows":
                rows = message[2]
                self._rows.extend(rows)
                if self._writer is not None:
                    self._writer.writerows(_csv_row(r) for r in rows)
                    self._csv.flush()
            elif kind in ("done", "failed"):
                if kind == "done":
                    result = RunResult.from_dict(message[2])
                else:
                    result = RunResult.from_job(job, FAILED, str(message[2]))
                self._state[index] = result.status if result.status in (FINISHED, DIVERGED, FAILED, STOPPED) \
                    else FAILED
                result.status = self._state[index]
                self._results[job.run] = result
                self._write_summary()

    def _write_summary(self) -> None:
        if self.out_dir is not None:
            write_json(self.summary(), str(self.out_dir / "summary.json"))

    def _finish(self) -> None:
        """Write the final summary and close the CSV (the executor calls it when the last run ended)."""
        with self._lock:
            if self._done.is_set():
                return
            self._write_summary()
            if self._csv is not None:
                self._csv.close()
                self._csv = self._writer = None
            self._done.set()


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key in ROW_COLUMNS:
        value = row.get(key)
        if value is None or (isinstance(value, float) and math.isnan(value) and key in (
                "samples", "weight_norm")):
            out[key] = ""
        elif isinstance(value, float):
            out[key] = repr(value)
        else:
            out[key] = value
    return out


def read_sweep_csv(path: str | pathlib.Path) -> list[dict[str, Any]]:
    """Rows of a sweep's ``metrics.csv`` with numbers parsed (empty cells are None)."""
    ints = ("seed", "step", "epoch", "samples")
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            parsed: dict[str, Any] = {}
            for key, value in row.items():
                if key in ("run", "optimizer", "split"):
                    parsed[key] = value
                elif value == "":
                    parsed[key] = None
                elif key in ints:
                    parsed[key] = int(float(value))
                else:
                    parsed[key] = float(value)
            out.append(parsed)
    return out
