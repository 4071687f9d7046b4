"""The training engine: several runs from identical weights on identical batches.

Fairness is by construction:

* **One init seed.** Runs that share a model configuration start from one
  ``state_dict``, built once with ``build_model(name, seed=init_seed, ...)``
  and copied into each run (runs with different switches, e.g. BatchNorm on /
  off, get the weights that seed gives their architecture).
* **One data seed.** A ``torch.Generator`` seeded with ``data_seed`` draws one
  permutation of the training set per epoch, in order
  (``torch.randperm(n, generator=g)`` for epoch 0, then epoch 1, ...). A run
  with batch size *B* takes ``perm[k·B:(k+1)·B]`` as its *k*-th batch of the
  epoch (the last batch may be short), so runs with equal batch sizes see
  exactly the same batches in the same order.
* **Interleaved.** Each tick advances the run that has seen the smallest
  fraction of its samples (ties: list order), so equal runs go round-robin
  and all curves grow together.

A run whose loss becomes NaN / inf or exceeds ``divergence_factor`` × its
first loss is marked ``diverged`` and stops; a run that runs out of GPU memory
is marked ``failed`` with the batch size that failed; the others go on.
``pause()``, ``resume()`` and ``stop()`` are thread-safe flags.
"""

from __future__ import annotations

import copy
import datetime
import inspect
import io
import json
import math
import pathlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.errors import ConfigError, DeviceError, ModelError
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress
from cnnviz.core.settings_io import write_bytes_atomic
from cnnviz.core.training.config import RunConfig, TrainSetup, unique_names
from cnnviz.core.training.datasets import DatasetBundle, fit_images, load_dataset
from cnnviz.core.training.metrics import (
    DIVERGED,
    FAILED,
    FINAL_STATES,
    FINISHED,
    PENDING,
    RUNNING,
    STOPPED,
    MetricsLog,
    write_json,
    write_metrics_csv,
)
from cnnviz.core.training.optimizers import get_optimizer
from cnnviz.core.training.schedules import get_schedule


def resolve_device(name: str) -> torch.device:
    """``auto`` | ``cpu`` | ``cuda`` | ``cuda:N`` | ``mps`` -> a usable torch.device (DeviceError if not)."""
    key = (name or "cpu").strip().lower()
    if key == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(key)
    except RuntimeError:
        raise DeviceError(f"Unknown device {name!r}: use auto, cpu, cuda, cuda:N or mps.") from None
    if device.type == "cuda" and (not torch.cuda.is_available() or (device.index or 0) >= torch.cuda.device_count()):
        raise DeviceError(f"Device {name!r} is not available on this computer (no such CUDA GPU).")
    if device.type == "mps" and not torch.backends.mps.is_available():
        raise DeviceError("Apple MPS is not available on this computer.")
    return device


def is_out_of_memory(exc: BaseException) -> bool:
    """True for a GPU (or CPU allocator) out-of-memory error."""
    oom = getattr(torch, "OutOfMemoryError", torch.cuda.OutOfMemoryError)
    return isinstance(exc, oom | torch.cuda.OutOfMemoryError | MemoryError) or (
        isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower()
    )


def _accepts(builder: Callable[..., Any], name: str) -> bool:
    try:
        params = inspect.signature(builder).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


@dataclass
class StepContext:
    """What a step hook sees: one run right after one of its steps (or at step 0, before any).

    Hooks run on the training thread between two steps, so reading or copying
    ``model`` is safe; they must not change it.
    """

    trainer: Trainer
    run: str
    step: int  # optimizer steps done (0: the initial weights)
    epoch: int  # epochs completed before this step
    epoch_end: bool  # this step finished an epoch
    model: nn.Module
    optimizer: torch.optim.Optimizer
    optimizer_name: str


StepHook = Callable[[StepContext], Any]


@dataclass
class _Run:
    """The mutable state of one run inside the engine."""

    config: RunConfig
    model_kwargs: dict[str, Any]
    model: nn.Module | None
    optimizer: torch.optim.Optimizer | None
    scheduler: Any
    batch_size: int
    steps_per_epoch: int
    epoch: int = 0
    pos: int = 0
    step: int = 0
    status: str = PENDING
    first_loss: float | None = None
    epoch_loss: float = 0.0
    epoch_correct: float = 0.0
    epoch_seen: int = 0
    pending: list[tuple[int, int, float, torch.Tensor, torch.Tensor, int, int]] = field(default_factory=list)


class Trainer:
    """Trains several runs side by side; see the module docstring for the rules."""

    def __init__(
        self,
        setup: TrainSetup,
        runs: list[RunConfig],
        *,
        data: DatasetBundle | None = None,
        log: MetricsLog | None = None,
        out_dir: str | pathlib.Path | None = None,
        sync_every: int | None = None,
        resume_from: bytes | None = None,
    ) -> None:
        if not runs:
            raise ConfigError("Add at least one run to train.")
        self.setup = setup.validated()
        self.configs = unique_names([r.validated() for r in runs])
        self.data = data
        self.log = log or MetricsLog()
        self.out_dir = pathlib.Path(out_dir) if out_dir else None
        self.device = resolve_device(self.setup.device)
        self.sync_every = sync_every or (1 if self.device.type == "cpu" else 20)
        self.runs: dict[str, _Run] = {}
        self.model_input: tuple[int, int, int] | None = None
        self._prepared = False
        self._resume = threading.Event()
        self._resume.set()
        self._stop = threading.Event()
        self._stop_runs: set[str] = set()
        self._lock = threading.RLock()
        self._perms: list[torch.Tensor] = []
        self._generator = torch.Generator().manual_seed(self.setup.data_seed)
        self._batch_cache: tuple[tuple[int, int, int], tuple[torch.Tensor, torch.Tensor]] | None = None
        self._last_progress = 0.0
        self._saved_epoch = -1
        self._csv_exports: list[pathlib.Path] = []
        self.started_at: str | None = None
        self.elapsed_s = 0.0
        self._resume_from = resume_from
        self._step_hooks: list[StepHook] = []
        self.sharpness: Any = None  # the SharpnessTracker when setup.sharpness_every is set
        for cfg in self.configs:
            self.log.add_run(cfg.name, cfg.optimizer)

    # ------------------------------------------------------------ control (any thread)
    def pause(self) -> None:
        """Hold every run after its current step."""
        self._resume.clear()

    def resume(self) -> None:
        """Continue after :meth:`pause`."""
        self._resume.set()

    @property
    def paused(self) -> bool:
        """True between :meth:`pause` and :meth:`resume`."""
        return not self._resume.is_set()

    @property
    def prepared(self) -> bool:
        """True once :meth:`prepare` built the data and the models (the runs have weights to read)."""
        return self._prepared

    def stop(self) -> None:
        """End training after the current step; unfinished runs become ``stopped``."""
        self._stop.set()
        self._resume.set()

    def stop_run(self, name: str) -> None:
        """End one run after its current step (it becomes ``stopped``)."""
        self._stop_runs.add(name)

    def add_step_hook(self, hook: StepHook) -> None:
        """Call ``hook(StepContext)`` at step 0 and after every optimizer step of every run.

        How sharpness tracking, weight trajectories and snapshots watch training
        without changing it. Add hooks before :meth:`run`.
        """
        self._step_hooks.append(hook)

    # ------------------------------------------------------------ set-up
    def prepare(self, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> None:
        """Load the data, build the models from the shared initial weights (idempotent)."""
        if self._prepared:
            return
        from cnnviz.core.models import build_model, get_spec

        s = self.setup
        if self.data is None:
            self.data = load_dataset(
                s.dataset, seed=s.data_seed, path=s.dataset_path, train_limit=s.train_limit,
                val_limit=s.val_limit, image_size=s.image_size, progress=progress, cancel=cancel,
            )
        else:
            self.data.train = self.data.train.subset(s.train_limit)
            self.data.val = self.data.val.subset(s.val_limit)
        data = self.data
        spec = get_spec(s.model)
        base_kwargs: dict[str, Any] = {}
        if _accepts(spec.builder, "num_classes"):
            base_kwargs["num_classes"] = data.num_classes
        channels = spec.input_shape[0]
        if _accepts(spec.builder, "in_channels") and spec.source == "cnnviz":
            base_kwargs["in_channels"] = data.in_channels
            channels = data.in_channels
        base_kwargs.update(s.model_kwargs)
        size = self._input_size(spec, channels, base_kwargs)
        train = fit_images(data.train, channels, size)
        val = fit_images(data.val, channels, size)
        self.model_input = (channels, *size)
        self._train, self._val = train.to(self.device), val.to(self.device)
        self.log.train_size = len(train)
        initial: dict[str, dict[str, torch.Tensor]] = {}
        for cfg in self.configs:
            kwargs = {**base_kwargs, **cfg.model_kwargs}
            key = json.dumps(kwargs, sort_keys=True, default=str)
            if key not in initial:
                try:
                    initial[key] = build_model(s.model, seed=s.init_seed, **kwargs).state_dict()
                except TypeError as exc:
                    raise ModelError(f"{s.model} does not take these options: {exc}") from None
            bs = cfg.batch_size or s.batch_size
            run = _Run(cfg, kwargs, None, None, None, bs, max(1, math.ceil(len(train) / bs)))
            try:
                model = build_model(s.model, seed=None, **kwargs)
                model.load_state_dict(copy.deepcopy(initial[key]))  # the one shared start
                run.model = model.to(self.device)
                run.optimizer = get_optimizer(cfg.optimizer).build(run.model.parameters(), cfg.hparams)
                run.scheduler = get_schedule(cfg.schedule).build(
                    run.optimizer, cfg.schedule_params, run.steps_per_epoch, s.epochs
                )
            except Exception as exc:
                if not is_out_of_memory(exc):
                    raise
                self._fail_oom(run, "moving the model to the device")
            self.runs[cfg.name] = run
        if self._resume_from is not None:
            self._load_checkpoint(self._resume_from)
        if s.sharpness_every and self.sharpness is None:
            from cnnviz.core.training.sharpness import SharpnessTracker

            self.sharpness = SharpnessTracker(s.sharpness_every, probe_size=s.sharpness_probe)
            self.log.sharpness_tracked = True
            self.add_step_hook(self.sharpness)
        self._prepared = True

    def probe_batch(self, count: int) -> tuple[torch.Tensor, torch.Tensor]:
        """The first ``count`` training images (normalised) and labels: a fixed probe on the device."""
        index = torch.arange(min(count, len(self._train)), device=self._train.labels.device)
        return self._train.batch(index)

    # ------------------------------------------------------------ checkpoints (resume later)
    def checkpoint(self) -> bytes:
        """Every run's weights, optimizer and schedule state and position, as bytes.

        Take it when training is not running (after :meth:`run` returned). A new
        Trainer with the same setup and runs, the same ``log`` and
        ``resume_from=`` these bytes continues exactly where this one ended
        (same batches, same optimizer state); runs that were stopped, or finished
        before a larger ``epochs``, go on.
        """
        runs: dict[str, Any] = {}
        with self._lock:
            for name, run in self.runs.items():
                if run.model is None or run.optimizer is None:
                    continue
                runs[name] = {
                    "model": run.model.state_dict(), "optimizer": run.optimizer.state_dict(),
                    "scheduler": run.scheduler.state_dict() if run.scheduler is not None else None,
                    "epoch": run.epoch, "pos": run.pos, "step": run.step, "status": run.status,
                    "first_loss": run.first_loss, "epoch_loss": run.epoch_loss,
                    "epoch_correct": float(run.epoch_correct), "epoch_seen": run.epoch_seen,
                }
        buf = io.BytesIO()
        torch.save({"cnnviz_checkpoint": 1, "train_size": len(self._train) if self._prepared else 0,
                    "runs": runs}, buf)
        return buf.getvalue()

    def _load_checkpoint(self, data: bytes) -> None:
        try:
            ckpt = torch.load(io.BytesIO(data), map_location=self.device, weights_only=True)
            if not isinstance(ckpt, dict) or ckpt.get("cnnviz_checkpoint") != 1:
                raise ValueError("not a cnnviz checkpoint")
            if int(ckpt["train_size"]) != len(self._train):
                raise ConfigError("The training set changed since these runs were saved: start them again.")
            for name, saved in ckpt["runs"].items():
                run = self.runs.get(name)
                if run is None or run.model is None or run.optimizer is None:
                    continue
                run.model.load_state_dict(saved["model"])
                run.optimizer.load_state_dict(saved["optimizer"])
                if run.scheduler is not None and saved["scheduler"] is not None:
                    run.scheduler.load_state_dict(saved["scheduler"])
                run.epoch, run.pos, run.step = int(saved["epoch"]), int(saved["pos"]), int(saved["step"])
                run.first_loss = saved["first_loss"]
                run.epoch_loss, run.epoch_correct = float(saved["epoch_loss"]), float(saved["epoch_correct"])
                run.epoch_seen = int(saved["epoch_seen"])
                status = str(saved["status"])
                if status in (DIVERGED, FAILED) or run.epoch >= self.setup.epochs:
                    run.status = status if status in (DIVERGED, FAILED) else FINISHED
                    self.log.set_status(name, run.status)
        except ConfigError:
            raise
        except Exception as exc:  # a damaged or foreign checkpoint
            raise ConfigError(f"Cannot continue these runs: their saved state does not fit ({exc}).") from None

    def _input_size(self, spec: Any, channels: int, kwargs: dict[str, Any]) -> tuple[int, int]:
        """The data's own size if the model accepts it, else the model's declared size."""
        from cnnviz.core.models import build_model

        native = self.data.image_size if self.data is not None else spec.input_shape[1:]
        if tuple(native) == tuple(spec.input_shape[1:]):
            return tuple(native)
        try:
            probe = build_model(self.setup.model, seed=None, **kwargs).eval()
            with torch.no_grad():
                probe(torch.zeros(2, channels, *native))
            return tuple(native)
        except Exception:
            return tuple(spec.input_shape[1:])

    # ------------------------------------------------------------ training
    def run(self, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> dict[str, str]:
        """Train every run to the end (or until stopped); returns each run's final status.

        KeyboardInterrupt (Ctrl+C) stops the runs like :meth:`stop` and is re-raised
        after the outputs are written.
        """
        t0 = time.perf_counter()
        self.started_at = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        interrupted = False
        try:
            self.prepare(progress, cancel)
            for run in self.runs.values():
                if run.status == PENDING:
                    run.status = RUNNING
                    self.log.set_status(run.config.name, RUNNING)
            self._evaluate_initial()
            for run in self.runs.values():
                if run.status == RUNNING and run.step == 0:
                    self._call_step_hooks(run, 0, epoch_end=False)
            while True:
                if cancel is not None and cancel.cancelled:
                    self._stop.set()
                if not self._resume.is_set():
                    self._resume.wait(0.05)
                    continue
                next_run = self._next_run()
                if next_run is None:
                    break
                self._advance(next_run)
                now = time.monotonic()
                if now - self._last_progress > 0.1:
                    self._last_progress = now
                    progress(self.fraction_done(), self.progress_text())
        except KeyboardInterrupt:
            interrupted = True
        finally:
            for run in self.runs.values():
                if run.status not in FINAL_STATES:
                    self._flush(run)
                    if run.status not in FINAL_STATES:
                        self._end(run, STOPPED)
            self.elapsed_s += time.perf_counter() - t0
            if self._prepared:
                self._save_all()
        progress(self.fraction_done(), self.progress_text())
        if interrupted:
            raise KeyboardInterrupt
        return {name: run.status for name, run in self.runs.items()}

    def _next_run(self) -> _Run | None:
        best: _Run | None = None
        best_fraction = math.inf
        for name, run in self.runs.items():
            if run.status != RUNNING:
                continue
            if self._stop.is_set() or name in self._stop_runs:
                self._flush(run)
                if run.status == RUNNING:
                    self._end(run, STOPPED)
                continue
            fraction = run.epoch + run.pos / max(1, len(self._train))
            if fraction < best_fraction:
                best, best_fraction = run, fraction
        return best

    def _perm(self, epoch: int) -> torch.Tensor:
        while len(self._perms) <= epoch:
            self._perms.append(torch.randperm(len(self._train), generator=self._generator))
        return self._perms[epoch]

    def _batch(self, run: _Run) -> tuple[torch.Tensor, torch.Tensor, int]:
        key = (run.epoch, run.pos, run.batch_size)
        if self._batch_cache is not None and self._batch_cache[0] == key:
            x, y = self._batch_cache[1]
        else:
            index = self._perm(run.epoch)[run.pos : run.pos + run.batch_size].to(self._train.labels.device)
            x, y = self._train.batch(index)
            self._batch_cache = (key, (x, y))
        return x, y, int(y.shape[0])

    def train_step(self, run: _Run, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """One optimizer step of ``run`` on ``(x, y)``; returns (loss, correct count) as tensors."""
        model, optimizer = run.model, run.optimizer
        assert model is not None and optimizer is not None
        if not model.training:
            model.train()
        optimizer.zero_grad(set_to_none=True)
        out = model(x)
        loss = F.cross_entropy(out, y)
        loss.backward()
        optimizer.step()
        return loss.detach(), (out.detach().argmax(dim=1) == y).sum()

    def _advance(self, run: _Run) -> None:
        x, y, n = self._batch(run)
        lr = float(run.optimizer.param_groups[0]["lr"]) if run.optimizer is not None else math.nan
        try:
            with self._lock:
                loss, correct = self.train_step(run, x, y)
                if run.scheduler is not None:
                    run.scheduler.step()
                if self._step_hooks:
                    self._call_step_hooks(run, run.step + 1, epoch_end=run.pos + n >= len(self._train))
        except Exception as exc:
            if not is_out_of_memory(exc):
                raise
            self._fail_oom(run, f"training step {run.step + 1}")
            return
        run.step += 1
        run.pos += n
        run.pending.append((run.step, run.epoch + 1, lr, loss, correct, n, run.epoch * len(self._train) + run.pos))
        if len(run.pending) >= self.sync_every:
            self._flush(run)
        if run.status == RUNNING and run.pos >= len(self._train):
            self._flush(run)
            if run.status == RUNNING:
                self._end_epoch(run)

    def _call_step_hooks(self, run: _Run, step: int, epoch_end: bool) -> None:
        if run.model is None or run.optimizer is None:
            return
        ctx = StepContext(self, run.config.name, step, run.epoch, epoch_end, run.model, run.optimizer,
                          run.config.optimizer)
        for hook in self._step_hooks:
            hook(ctx)

    def _flush(self, run: _Run) -> None:
        """Move pending step results to the log (one device sync) and check for divergence."""
        if not run.pending:
            return
        pending, run.pending = run.pending, []
        if len(pending) == 1:  # CPU: one step at a time, no stacking
            losses, corrects = [pending[0][3].item()], [pending[0][4].item()]
        else:
            losses = torch.stack([p[3] for p in pending]).double().cpu().tolist()
            corrects = torch.stack([p[4] for p in pending]).double().cpu().tolist()
        name = run.config.name
        for (step, epoch, lr, _, _, n, samples), loss, correct in zip(pending, losses, corrects, strict=True):
            self.log.add_train(name, step, epoch, loss, correct / n, lr, samples)
            if run.first_loss is None:
                run.first_loss = loss
            run.epoch_loss += loss * n
            run.epoch_correct += correct
            run.epoch_seen += n
            if not math.isfinite(loss):
                self._end(run, DIVERGED, f"The loss became {loss} at step {step}: the steps are too large.")
                return
            limit = self.setup.divergence_factor * max(run.first_loss, 1.0)
            if loss > limit:
                self._end(run, DIVERGED, f"The loss reached {loss:.3g} at step {step}, more than "
                                         f"{self.setup.divergence_factor:g}× its start ({run.first_loss:.3g}).")
                return

    def _end_epoch(self, run: _Run) -> None:
        name = run.config.name
        train_loss = run.epoch_loss / max(1, run.epoch_seen)
        train_acc = run.epoch_correct / max(1, run.epoch_seen)
        run.epoch += 1
        run.pos = 0
        run.epoch_loss = run.epoch_correct = 0.0
        run.epoch_seen = 0
        try:
            val_loss, val_acc = self.evaluate(run)
        except Exception as exc:
            if not is_out_of_memory(exc):
                raise
            self._fail_oom(run, "validation")
            return
        lr = float(run.optimizer.param_groups[0]["lr"]) if run.optimizer is not None else math.nan
        self.log.add_val(name, run.step, run.epoch, val_loss, val_acc, lr, train_loss, train_acc,
                         run.epoch * len(self._train), self.weight_norm(name))
        if not math.isfinite(val_loss):
            self._end(run, DIVERGED, f"The validation loss became {val_loss} after epoch {run.epoch}.")
        elif run.epoch >= self.setup.epochs:
            self._end(run, FINISHED)
        self._maybe_save()

    def evaluate(self, run: _Run) -> tuple[float, float]:
        """Mean cross-entropy and accuracy of ``run``'s model on the validation split."""
        model = run.model
        assert model is not None
        if len(self._val) == 0:
            return math.nan, math.nan
        was_training = model.training
        model.eval()
        total_loss = torch.zeros((), dtype=torch.float64, device=self.device)
        total_correct = torch.zeros((), dtype=torch.float64, device=self.device)
        batch = max(256, run.batch_size)
        with self._lock, torch.no_grad():
            for start in range(0, len(self._val), batch):
                index = torch.arange(start, min(start + batch, len(self._val)), device=self._val.labels.device)
                x, y = self._val.batch(index)
                out = model(x)
                total_loss += F.cross_entropy(out, y, reduction="sum").double()
                total_correct += (out.argmax(dim=1) == y).sum().double()
        model.train(was_training)
        n = len(self._val)
        return float(total_loss) / n, float(total_correct) / n

    def _evaluate_initial(self) -> None:
        """Validation before the first step (epoch 0); equal initial weights give equal values."""
        cache: dict[str, tuple[float, float, float]] = {}
        for run in self.runs.values():
            if run.status != RUNNING or self.log.snapshot(run.config.name).val["step"].size:
                continue
            key = json.dumps(run.model_kwargs, sort_keys=True, default=str)
            try:
                if key not in cache:
                    cache[key] = (*self.evaluate(run), self.weight_norm(run.config.name))
            except Exception as exc:
                if not is_out_of_memory(exc):
                    raise
                self._fail_oom(run, "validation")
                continue
            lr = float(run.optimizer.param_groups[0]["lr"]) if run.optimizer is not None else math.nan
            loss, acc, norm = cache[key]
            self.log.add_val(run.config.name, 0, 0, loss, acc, lr, samples=0, weight_norm=norm)

    def _end(self, run: _Run, status: str, message: str = "") -> None:
        run.status = status
        self.log.set_status(run.config.name, status, message)

    def _fail_oom(self, run: _Run, where: str) -> None:
        run.pending = []
        run.optimizer = None
        run.scheduler = None
        run.model = None  # frees its memory for the other runs
        self._batch_cache = None
        if self.device.type == "cuda":
            torch.cuda.empty_cache()
        self._end(run, FAILED, f"Out of memory with batch size {run.batch_size} ({where}): "
                               "try a smaller batch size or model.")

    def add_csv_export(self, path: str | pathlib.Path) -> None:
        """Also keep ``path`` up to date: rewritten after each epoch and at the end (any thread)."""
        self._csv_exports.append(pathlib.Path(path))

    def _maybe_save(self) -> None:
        """Write the outputs each time every active run has completed another epoch."""
        if self.out_dir is None and not self._csv_exports:
            return
        active = [r.epoch for r in self.runs.values() if r.status == RUNNING]
        epoch = min(active) if active else self.setup.epochs
        if epoch > self._saved_epoch:
            self._saved_epoch = epoch
            self._save_all()

    def _save_all(self) -> None:
        if self.out_dir is not None:
            self.write_outputs(self.out_dir)
        for path in list(self._csv_exports):
            write_metrics_csv(self.log, str(path))

    # ------------------------------------------------------------ reading (any thread)
    def fraction_done(self) -> float:
        """Fraction of all planned samples processed, in [0, 1] (ended runs count as done)."""
        if not self.runs:
            return 0.0
        n = max(1, len(getattr(self, "_train", [])) if self._prepared else 1)
        parts = []
        for run in self.runs.values():
            if run.status in FINAL_STATES:
                parts.append(1.0)
            else:
                parts.append(min(1.0, (run.epoch + run.pos / n) / self.setup.epochs))
        return sum(parts) / len(parts)

    def epoch_progress(self) -> tuple[int, float]:
        """(epoch index, fraction of it done) of the slowest active run."""
        if not self._prepared:
            return 0, 0.0
        n = max(1, len(self._train))
        active = [r.epoch + r.pos / n for r in self.runs.values() if r.status == RUNNING]
        if not active:
            return self.setup.epochs, 1.0
        slowest = min(active)
        return int(slowest), slowest - int(slowest)

    def progress_text(self) -> str:
        """``Epoch 2/5`` plus how many runs ended."""
        epoch, _ = self.epoch_progress()
        ended = sum(r.status in FINAL_STATES for r in self.runs.values())
        text = f"Epoch {min(epoch + 1, self.setup.epochs)}/{self.setup.epochs}"
        return text + (f" · {ended}/{len(self.runs)} runs ended" if ended else "")

    def state_dict(self, name: str) -> dict[str, torch.Tensor]:
        """A CPU copy of run ``name``'s current weights (taken between two steps)."""
        run = self.runs.get(name)
        if run is None or run.model is None:
            raise ConfigError(f"Run {name!r} has no trained weights.")
        with self._lock:
            return {k: v.detach().to("cpu", copy=True) for k, v in run.model.state_dict().items()}

    def weight_norm(self, name: str) -> float:
        """The L2 norm of run ``name``'s weights (every parameter, biases included)."""
        with self._lock, torch.no_grad():
            model = self.runs[name].model
            if model is None:
                return math.nan
            params = [p.detach() for p in model.parameters()]
            if not params:
                return 0.0
            # float64 where the device has it (MPS does not): each tensor's norm, then their sum on the CPU
            wide = torch.float64 if params[0].device.type in ("cpu", "cuda") else None
            norms = torch.stack([torch.linalg.vector_norm(p, dtype=wide) for p in params]).to("cpu", torch.float64)
            return float(torch.sqrt((norms**2).sum()))

    def model_kwargs(self, name: str) -> dict[str, Any]:
        """The constructor arguments of run ``name``'s model (for rebuilding it)."""
        return dict(self.runs[name].model_kwargs)

    def runs_summary(self) -> dict[str, Any]:
        """What ``runs.json`` holds: the setup, the data and each run's config and status."""
        statuses = self.log.statuses()
        runs = []
        for cfg in self.configs:
            run = self.runs.get(cfg.name)
            snap = self.log.snapshot(cfg.name)
            last_val = {k: float(v[-1]) for k, v in snap.val.items()} if snap.val["step"].size else {}
            runs.append({
                "name": cfg.name,
                "config": cfg.to_dict(),
                "summary": cfg.summary(),
                "status": statuses[cfg.name][0],
                "message": statuses[cfg.name][1],
                "batch_size": run.batch_size if run else cfg.batch_size or self.setup.batch_size,
                "steps": run.step if run else 0,
                "epochs_done": run.epoch if run else 0,
                "model": {"name": self.setup.model, "kwargs": run.model_kwargs if run else {}},
                "final_val_loss": last_val.get("loss"),
                "final_val_accuracy": last_val.get("accuracy"),
                "final_weight_norm": self.weight_norm(cfg.name) if run and run.model is not None else None,
            })
        data = self.data
        return {
            "cnnviz_format": 1,
            "started_at": self.started_at,
            "elapsed_s": round(self.elapsed_s, 3),
            "device": str(self.device),
            "setup": self.setup.to_dict(),
            "dataset": None if data is None else {
                "name": data.name, "classes": list(data.class_names), "train_size": len(data.train),
                "val_size": len(data.val), "source": data.source,
                "model_input": list(self.model_input) if self.model_input else None,
            },
            "runs": runs,
        }

    def write_outputs(self, out_dir: str | pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
        """Write ``metrics.csv`` and ``runs.json`` into ``out_dir`` (atomically); returns their paths."""
        folder = pathlib.Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        csv_path, json_path = folder / "metrics.csv", folder / "runs.json"
        write_metrics_csv(self.log, str(csv_path))
        write_json(self.runs_summary(), str(json_path))
        return csv_path, json_path

    def save_state_dicts(self, out_dir: str | pathlib.Path) -> list[pathlib.Path]:
        """Save each run's weights as ``<run>.pt`` (a plain state_dict) in ``out_dir``."""
        folder = pathlib.Path(out_dir)
        paths = []
        for name, run in self.runs.items():
            if run.model is None:
                continue
            buf = io.BytesIO()
            torch.save(self.state_dict(name), buf)
            path = folder / f"{safe_filename(name)}.pt"
            write_bytes_atomic(path, buf.getvalue())
            paths.append(path)
        return paths


def safe_filename(name: str) -> str:
    """``adam lr=1e-3`` -> ``adam_lr=1e-3``: a name any file system accepts."""
    cleaned = re.sub(r"[^\w.=+-]+", "_", name, flags=re.UNICODE).strip("._")
    return cleaned or "run"
