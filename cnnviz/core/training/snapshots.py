"""Weight snapshots during training: the time-lapse of filters forming, and the trajectories of landscapes.

A :class:`WeightRecorder` is a step hook of the :class:`~cnnviz.core.training.engine.Trainer`
(``trainer.add_step_hook(recorder)``). It copies each run's ``state_dict`` at
step 0 (the shared initial weights), then every ``every`` steps or at the end
of every epoch (``every="epoch"``), and once more at the end
(:meth:`WeightRecorder.finish`) if the last step was not already kept.

Where the copies live:

* ``folder`` given: written at once as ``<folder>/<run>/step_<S>.pt`` (plain
  CPU tensors, loadable with ``torch.load(..., weights_only=True)``), so a
  crash or Ctrl+C leaves the snapshots so far on disk (``cnnviz train
  --snapshots``, ``--trajectory-every``).
* no folder: in memory while one snapshot is under ``memory_limit`` bytes
  (LeNet-5: 0.25 MB each, 30 take 7.4 MB), else in a temporary folder that
  :meth:`WeightRecorder.close` removes (large models never fill the RAM).
"""

from __future__ import annotations

import io
import pathlib
import re
import shutil
import tempfile
import threading
from typing import Any

import torch

from cnnviz.core.errors import ConfigError
from cnnviz.core.settings_io import write_bytes_atomic

DEFAULT_MEMORY_LIMIT = 16 * 1024 * 1024  # bytes per snapshot kept in memory; above it, on disk
_STEP_FILE = re.compile(r"^step_(\d+)\.pt$")


def parse_every(text: str | int) -> int | str:
    """``"epoch"`` or a whole number of steps ≥ 1 (ConfigError otherwise)."""
    if isinstance(text, int) or str(text).strip().isdigit():
        value = int(text)
        if value >= 1:
            return value
    elif str(text).strip().lower() == "epoch":
        return "epoch"
    raise ConfigError(f"Snapshots are taken every 'epoch' or every N steps (N ≥ 1), got {text!r}.")


def state_dict_bytes(state: dict[str, torch.Tensor]) -> int:
    """How many bytes the tensors of ``state`` hold."""
    return sum(t.numel() * t.element_size() for t in state.values())


def _cpu_copy(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    # clone: a compact tensor of its own (a view would drag its whole storage into the file)
    return {k: v.detach().to("cpu", copy=True).clone() for k, v in model.state_dict().items()}


def run_folder_name(run: str) -> str:
    """The folder name of run ``run`` (the engine's safe file name)."""
    from cnnviz.core.training.engine import safe_filename

    return safe_filename(run)


class WeightRecorder:
    """Keeps copies of every run's weights at chosen steps (see the module docstring)."""

    def __init__(self, every: int | str = "epoch", folder: str | pathlib.Path | None = None, *,
                 memory_limit: int = DEFAULT_MEMORY_LIMIT, initial: bool = True) -> None:
        self.every = parse_every(every)
        self.folder = pathlib.Path(folder) if folder is not None else None
        self.memory_limit = memory_limit
        self.initial = initial
        self._memory: dict[str, dict[int, dict[str, torch.Tensor]]] = {}
        self._files: dict[str, dict[int, pathlib.Path]] = {}
        self._temp: pathlib.Path | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------ recording
    def __call__(self, ctx: Any) -> None:  # ctx: engine.StepContext
        """The engine's step hook."""
        if self.wants(ctx.step, ctx.epoch_end):
            self.keep(ctx.run, ctx.step, ctx.model)

    def wants(self, step: int, epoch_end: bool) -> bool:
        """Whether a snapshot is due after ``step``."""
        if step == 0:
            return self.initial
        if self.every == "epoch":
            return epoch_end
        return step % int(self.every) == 0

    def keep(self, run: str, step: int, model: torch.nn.Module | dict[str, torch.Tensor]) -> None:
        """Copy ``model``'s weights (or a state_dict) as run ``run``'s snapshot at ``step``."""
        state = _cpu_copy(model) if isinstance(model, torch.nn.Module) else {
            k: v.detach().to("cpu", copy=True).clone() for k, v in model.items()}
        folder = self.folder
        if folder is None and state_dict_bytes(state) > self.memory_limit:
            if self._temp is None:
                self._temp = pathlib.Path(tempfile.mkdtemp(prefix="cnnviz-snapshots-"))
            folder = self._temp
        if folder is None:
            with self._lock:
                self._memory.setdefault(run, {})[step] = state
            return
        path = folder / run_folder_name(run) / f"step_{step}.pt"
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        torch.save(state, buf)
        write_bytes_atomic(path, buf.getvalue())
        with self._lock:
            self._files.setdefault(run, {})[step] = path

    def finish(self, trainer: Any) -> None:
        """Keep each run's final weights if its last step was not kept (call after ``trainer.run()``)."""
        for name, run in trainer.runs.items():
            if run.model is None or run.step in self.steps(name):
                continue
            self.keep(name, run.step, trainer.state_dict(name))

    # ------------------------------------------------------------ reading (any thread)
    def runs(self) -> list[str]:
        """Runs with at least one snapshot, in the order they were first kept."""
        with self._lock:
            return list(dict.fromkeys([*self._memory, *self._files]))

    def steps(self, run: str) -> list[int]:
        """The steps of run ``run``'s snapshots, ascending."""
        with self._lock:
            return sorted({*self._memory.get(run, {}), *self._files.get(run, {})})

    def load(self, run: str, step: int) -> dict[str, torch.Tensor]:
        """Run ``run``'s weights at ``step`` (a state_dict of CPU tensors; do not modify it)."""
        with self._lock:
            state = self._memory.get(run, {}).get(step)
            path = self._files.get(run, {}).get(step)
        if state is not None:
            return state
        if path is None:
            raise ConfigError(f"Run {run!r} has no snapshot at step {step}.")
        loaded: dict[str, torch.Tensor] = torch.load(path, map_location="cpu", weights_only=True)
        return loaded

    @property
    def memory_bytes(self) -> int:
        """Bytes of the snapshots held in memory."""
        with self._lock:
            return sum(state_dict_bytes(s) for run in self._memory.values() for s in run.values())

    # ------------------------------------------------------------ files
    def save(self, folder: str | pathlib.Path) -> list[pathlib.Path]:
        """Write every snapshot as ``<folder>/<run>/step_<S>.pt``; returns the paths."""
        out = []
        target = pathlib.Path(folder)
        for run in self.runs():
            for step in self.steps(run):
                path = target / run_folder_name(run) / f"step_{step}.pt"
                with self._lock:
                    existing = self._files.get(run, {}).get(step)
                if existing is not None and existing.resolve() == path.resolve():
                    out.append(path)
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                buf = io.BytesIO()
                torch.save(self.load(run, step), buf)
                write_bytes_atomic(path, buf.getvalue())
                out.append(path)
        return out

    def to_bytes(self) -> bytes:
        """Every snapshot as one ``torch.save`` blob (for lesson files; ``weights_only`` loadable)."""
        data = {run: {str(step): self.load(run, step) for step in self.steps(run)} for run in self.runs()}
        buf = io.BytesIO()
        torch.save({"cnnviz_snapshots": 1, "every": str(self.every), "runs": data}, buf)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes, **kwargs: Any) -> WeightRecorder:
        """The inverse of :meth:`to_bytes` (ConfigError if the blob is not snapshots)."""
        try:
            data = torch.load(io.BytesIO(blob), map_location="cpu", weights_only=True)
            assert isinstance(data, dict) and data.get("cnnviz_snapshots") == 1
        except Exception:
            raise ConfigError("These bytes are not cnnviz weight snapshots.") from None
        recorder = cls(parse_every(data.get("every", "epoch")), **kwargs)
        for run, steps in data["runs"].items():
            for step, state in steps.items():
                recorder.keep(run, int(step), state)
        return recorder

    def close(self) -> None:
        """Remove the temporary folder of large snapshots (if one was made)."""
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            with self._lock:
                for run in self._files.values():
                    for step in [s for s, p in run.items() if self._temp in p.parents]:
                        del run[step]
            self._temp = None


def read_snapshot_folder(folder: str | pathlib.Path) -> dict[str, list[tuple[int, pathlib.Path]]]:
    """``<folder>/<run>/step_<S>.pt`` files by run folder name, each list sorted by step."""
    root = pathlib.Path(folder)
    out: dict[str, list[tuple[int, pathlib.Path]]] = {}
    if not root.is_dir():
        return out
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        found = []
        for f in sub.iterdir():
            m = _STEP_FILE.match(f.name)
            if m:
                found.append((int(m.group(1)), f))
        if found:
            out[sub.name] = sorted(found)
    return out
