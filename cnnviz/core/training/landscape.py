"""The loss landscape of the real network: a 2-D slice through the shared initial weights.

The plane is θ(α, β) = θ₀ + α·d₁ + β·d₂ with θ₀ the initial weights every run
started from, and two directions:

* ``pca``: the top two principal directions of the runs' weight trajectories
  (the rows θ_t − θ₀ of every kept step of every run; uncentred, so the
  plane passes through θ₀). Orthonormal; the explained variance says how much
  of the paths the plane holds (Li et al. 2018, §7 use the same idea for one
  trajectory around its end point).
* ``random``: two Gaussian directions, *filter-normalised* (Li, Xu, Taylor,
  Studer, Goldstein 2018, "Visualizing the Loss Landscape of Neural Nets",
  NeurIPS, §4): each filter (slice along the output dimension of a weight
  with two or more dimensions) is rescaled to the norm of the same filter of
  θ₀; 1-D parameters (biases, BatchNorm) get 0, as their ``ignore biasbn``.

The loss (mean cross-entropy) is evaluated in eval mode on a fixed probe set
at every grid point; ``loss[i, j]`` is at ``(alpha[j], beta[i])`` (rows are β,
as the playground's surfaces). Each run's kept weights are projected on the
plane by least squares (exact coordinates when a point lies in the plane).
Buffers (BatchNorm statistics) stay those of θ₀.
"""

from __future__ import annotations

import json
import math
import pathlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.errors import ConfigError
from cnnviz.core.messages import message_of, msg
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

DIRECTIONS = ("pca", "random")


@dataclass
class Plane:
    """Two directions through an origin, as flat float32 parameter vectors."""

    origin: torch.Tensor  # θ₀, flat
    d1: torch.Tensor
    d2: torch.Tensor
    kind: str  # pca | random
    explained_variance: tuple[float, float] | None = None  # PCA: share of the paths' squared length

    def project(self, points: torch.Tensor) -> np.ndarray:
        """Coordinates (α, β) of flat weight vectors ``points`` [n, P] (least squares), float64 [n, 2]."""
        a = torch.stack([self.d1, self.d2], dim=1).double()  # P × 2
        diff = points.double() - self.origin.double()
        gram = a.T @ a
        coords = torch.linalg.solve(gram, a.T @ diff.T).T
        out: np.ndarray = coords.numpy()
        return out

    def point(self, alpha: float, beta: float) -> torch.Tensor:
        """θ₀ + α·d₁ + β·d₂ (flat)."""
        return self.origin + alpha * self.d1 + beta * self.d2


@dataclass
class Landscape:
    """A loss grid on a plane and every run's projected path (what ``cnnviz landscape`` saves)."""

    alpha: np.ndarray  # (N,) float64
    beta: np.ndarray  # (N,) float64
    loss: np.ndarray  # (N, N) float64, loss[i, j] at (alpha[j], beta[i])
    paths: dict[str, np.ndarray] = field(default_factory=dict)  # run -> (steps, 2) float64 (α, β)
    steps: dict[str, np.ndarray] = field(default_factory=dict)  # run -> (steps,) int64
    kind: str = "pca"
    explained_variance: tuple[float, float] | None = None
    origin_loss: float = math.nan

    @property
    def nan_cells(self) -> int:
        """Grid points where the loss is NaN or infinite (the weights there overflow)."""
        return int((~np.isfinite(self.loss)).sum())

    def message(self) -> str:
        """'' or a sentence saying how many cells are NaN / inf (for the plot and the CLI)."""
        n = self.nan_cells
        if not n:
            return ""
        return msg("{count} of {total} grid points gave a NaN or infinite loss (left blank).", count=n, total=self.loss.size)

    def to_npz(self, path: str | pathlib.Path, names: Mapping[str, str] | None = None) -> None:
        """Write ``alpha``, ``beta``, ``loss``, ``path_<run>``, ``steps_<run>`` (run names made file-safe)."""
        from cnnviz.core.training.engine import safe_filename

        arrays: dict[str, Any] = {"alpha": self.alpha, "beta": self.beta, "loss": self.loss,
                                  "origin_loss": np.float64(self.origin_loss),
                                  "directions": np.array(self.kind)}
        if self.explained_variance is not None:
            arrays["explained_variance"] = np.array(self.explained_variance)
        for run, coords in self.paths.items():
            key = (names or {}).get(run) or safe_filename(run)
            arrays[f"path_{key}"] = coords
            arrays[f"steps_{key}"] = self.steps.get(run, np.arange(len(coords)))
        from cnnviz.core.settings_io import atomic_path

        with atomic_path(path) as tmp, open(tmp, "wb") as fh:
            np.savez(fh, **arrays)


# ---------------------------------------------------------------- flat vectors


def parameter_names(model: nn.Module) -> list[str]:
    """The names of ``model``'s parameters, in order (what a flat vector holds)."""
    return [name for name, _ in model.named_parameters()]


def flatten(state: Mapping[str, torch.Tensor], names: list[str]) -> torch.Tensor:
    """The parameters ``names`` of a state_dict as one flat float32 CPU vector."""
    try:
        return torch.cat([state[n].detach().reshape(-1).to("cpu", torch.float32) for n in names])
    except KeyError as exc:
        raise ConfigError(msg(
            "These weights have no parameter {name!r}: they are not this model's.", name=exc.args[0]
        )) from None


# ---------------------------------------------------------------- directions


def pca_plane(origin: torch.Tensor, trajectories: list[torch.Tensor]) -> Plane:
    """The top two principal directions of the rows θ_t − θ₀ of every trajectory (ConfigError if < 2)."""
    rows = [t - origin for t in trajectories if t.numel()]
    matrix = torch.cat(rows).double() if rows else torch.empty(0, origin.numel(), dtype=torch.float64)
    matrix = matrix[torch.isfinite(matrix).all(dim=1) & (matrix.abs().sum(dim=1) > 0)]
    if matrix.shape[0] < 2:
        raise ConfigError(msg("A PCA plane needs at least two kept steps away from the start: "
                              "train longer or save the trajectory more often (or use random directions)."))
    # Gram matrix: n × n instead of an SVD of n × P.
    gram = matrix @ matrix.T
    evals, evecs = torch.linalg.eigh(gram)
    order = torch.argsort(evals, descending=True)[:2]
    s = evals[order].clamp_min(0).sqrt()
    if float(s[1]) <= 1e-12 * max(float(s[0]), 1e-300):
        raise ConfigError(msg("The runs moved along a single line: no second direction for a PCA plane "
                              "(use random directions)."))
    d = (matrix.T @ evecs[:, order]) / s  # P × 2, orthonormal
    last = matrix[-1]
    for k in range(2):  # sign: the last kept point has positive coordinates
        if float(d[:, k] @ last) < 0:
            d[:, k] = -d[:, k]
    total = float(evals.clamp_min(0).sum())
    explained = (float(s[0] ** 2) / total, float(s[1] ** 2) / total)
    return Plane(origin, d[:, 0].float().contiguous(), d[:, 1].float().contiguous(), "pca", explained)


def filter_normalized_direction(state: Mapping[str, torch.Tensor], names: list[str],
                                generator: torch.Generator) -> torch.Tensor:
    """A Gaussian direction, each filter scaled to the norm of ``state``'s filter; 1-D parts zero."""
    pieces = []
    for name in names:
        w = state[name].detach().to("cpu", torch.float32)
        if w.dim() <= 1:
            pieces.append(torch.zeros(w.numel()))
            continue
        d = torch.randn(w.shape, generator=generator)
        d_norm = d.flatten(1).norm(dim=1).clamp_min(1e-12)
        w_norm = w.flatten(1).norm(dim=1)
        d = d * (w_norm / d_norm).view(-1, *([1] * (w.dim() - 1)))
        pieces.append(d.reshape(-1))
    return torch.cat(pieces)


def random_plane(state: Mapping[str, torch.Tensor], names: list[str], seed: int = 0) -> Plane:
    """Two filter-normalised random directions through ``state`` (Li et al. 2018)."""
    g = torch.Generator().manual_seed(seed)
    d1 = filter_normalized_direction(state, names, g)
    d2 = filter_normalized_direction(state, names, g)
    return Plane(flatten(state, names), d1, d2, "random")


# ---------------------------------------------------------------- the grid


def symmetric_axis(span: float, points: int) -> np.ndarray:
    """``points`` values from −span to span; with an odd count the middle one is exactly 0."""
    if points < 2:
        raise ConfigError(msg("The grid needs at least 2 points per side."))
    half = (points - 1) / 2
    return span * (np.arange(points, dtype=np.float64) - half) / half


def loss_on(model: nn.Module, x: torch.Tensor, y: torch.Tensor, batch_size: int) -> float:
    """Mean cross-entropy of ``model`` on ``(x, y)`` (no grad, in whatever mode the model is)."""
    total = torch.zeros((), dtype=torch.float64, device=x.device)
    with torch.no_grad():
        for start in range(0, x.shape[0], batch_size):
            out = model(x[start : start + batch_size])
            total += F.cross_entropy(out, y[start : start + batch_size], reduction="sum").double()
    return float(total) / max(1, x.shape[0])


def compute_landscape(
    model: nn.Module, plane: Plane, x: torch.Tensor, y: torch.Tensor, *, grid: int = 25,
    span: float | None = None, paths: Mapping[str, tuple[np.ndarray, torch.Tensor]] | None = None,
    batch_size: int = 1000, progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
) -> Landscape:
    """The loss of ``model`` on ``(x, y)`` over a ``grid`` × ``grid`` slice of ``plane``.

    ``paths``: run -> (steps, flat weights [steps, P]) projected onto the plane.
    ``span``: half-width of both axes; by default 1.25 × the farthest projected
    point (at least 1 for random directions, whose unit is "one θ₀").
    ``model`` is used as a scratch copy holder: its parameters are overwritten
    at each point and restored to what they were at the end. Its buffers must be
    θ₀'s. ``progress`` is told after every row; ``cancel`` is checked at every point.
    """
    params = [p for _, p in model.named_parameters()]
    if sum(p.numel() for p in params) != plane.origin.numel():
        raise ConfigError(msg("The plane does not have this model's number of parameters."))
    device = params[0].device
    coords: dict[str, np.ndarray] = {}
    steps: dict[str, np.ndarray] = {}
    for run, (run_steps, weights) in (paths or {}).items():
        coords[run] = plane.project(weights)
        steps[run] = np.asarray(run_steps, dtype=np.int64)
    if span is None:
        # A diverged run's last points can be NaN / inf: the grid covers the finite ones.
        reach = max((float(np.abs(c[np.isfinite(c)]).max()) for c in coords.values() if np.isfinite(c).any()),
                    default=0.0)
        span = 1.25 * reach if reach > 0 else 1.0
        if plane.kind == "random":
            span = max(span, 1.0)
    if not (span > 0 and math.isfinite(span)):
        raise ConfigError(msg("The span of the grid must be a positive number, got {span!r}.", span=span))
    alpha = symmetric_axis(span, grid)
    beta = symmetric_axis(span, grid)
    loss = np.full((grid, grid), np.nan, dtype=np.float64)
    saved = torch.nn.utils.parameters_to_vector(params).detach().clone()
    origin, d1, d2 = (v.to(device) for v in (plane.origin, plane.d1, plane.d2))
    was_training = model.training
    model.eval()
    x, y = x.to(device), y.to(device)
    try:
        with torch.no_grad():
            for i, b in enumerate(beta):
                row = origin + float(b) * d2
                for j, a in enumerate(alpha):
                    if cancel is not None:
                        cancel.check()
                    torch.nn.utils.vector_to_parameters(row + float(a) * d1, params)
                    loss[i, j] = loss_on(model, x, y, batch_size)
                progress((i + 1) / grid, f"Loss landscape: row {i + 1}/{grid}")
            torch.nn.utils.vector_to_parameters(origin, params)
            origin_loss = loss_on(model, x, y, batch_size)
    finally:
        with torch.no_grad():
            torch.nn.utils.vector_to_parameters(saved, params)
        model.train(was_training)
    return Landscape(alpha, beta, loss, coords, steps, plane.kind, plane.explained_variance, origin_loss)


# ---------------------------------------------------------------- from a training folder


@dataclass
class RunsFolder:
    """What ``cnnviz train --trajectory-every`` left in a folder, ready for :func:`landscape_of_runs`."""

    setup: dict[str, Any]
    runs: list[dict[str, Any]]  # runs.json entries
    trajectories: dict[str, list[tuple[int, pathlib.Path]]]  # run name -> (step, file), ascending


def _unknown_directions(directions: object) -> ConfigError:
    first, second = DIRECTIONS
    return ConfigError(msg(
        "Directions are {first} or {second}, got {value!r}.", first=first, second=second, value=directions
    ))


def read_runs_folder(folder: str | pathlib.Path) -> RunsFolder:
    """Read ``runs.json`` and the kept weights (``trajectories/``, else ``snapshots/``) of a train folder."""
    from cnnviz.core.training.engine import safe_filename
    from cnnviz.core.training.snapshots import read_snapshot_folder

    root = pathlib.Path(folder)
    info_path = root / "runs.json"
    if not info_path.is_file():
        raise ConfigError(msg("{folder} has no runs.json: give the --out folder of cnnviz train.", folder=str(root)))
    try:
        info = json.loads(info_path.read_text(encoding="utf-8"))
        setup, runs = dict(info["setup"]), list(info["runs"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(msg("{path} is damaged ({reason}).", path=str(info_path), reason=message_of(exc))) from None
    kept = read_snapshot_folder(root / "trajectories") or read_snapshot_folder(root / "snapshots")
    trajectories = {}
    for run in runs:
        files = kept.get(safe_filename(run["name"]))
        if files:
            trajectories[run["name"]] = files
    if not trajectories:
        raise ConfigError(msg(
            "{folder} has no kept weights: train with --save-weights --trajectory-every K (or --snapshots) first.",
            folder=str(root),
        ))
    return RunsFolder(setup, runs, trajectories)


def landscape_of_runs(
    folder: str | pathlib.Path, *, directions: str = "pca", grid: int = 25, probe: int = 1000,
    span: float | None = None, seed: int = 0, device: str = "cpu", progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Landscape:
    """The landscape of a ``cnnviz train`` folder: the plane, the grid on ``probe`` training images, the paths.

    Runs whose architecture differs from the first run's (another model
    switch) or that did not start from the same weights are left out.
    """
    from cnnviz.core.models import build_model
    from cnnviz.core.models._api import with_current_names
    from cnnviz.core.training.config import RunConfig, TrainSetup
    from cnnviz.core.training.engine import Trainer

    if directions not in DIRECTIONS:
        raise _unknown_directions(directions)
    found = read_runs_folder(folder)
    known = set(TrainSetup.__dataclass_fields__)
    setup = TrainSetup(**{k: v for k, v in found.setup.items() if k in known})
    setup.device = device
    setup.val_limit = 1  # the probe comes from the training split; the first N images, as trained on
    first = next(r for r in found.runs if r["name"] in found.trajectories)
    trainer = Trainer(setup, [RunConfig.from_dict(first["config"])])
    trainer.prepare(progress=lambda f, m: progress(0.0, m), cancel=cancel)
    x, y = trainer.probe_batch(probe)
    kwargs = dict(first["model"]["kwargs"])
    model = build_model(setup.model, seed=None, **kwargs).to(trainer.device)
    names = parameter_names(model)
    initial = with_current_names(
        model, torch.load(found.trajectories[first["name"]][0][1], map_location="cpu", weights_only=True))
    if found.trajectories[first["name"]][0][0] != 0:
        raise ConfigError(msg("Run {name!r} has no weights kept at step 0 (the shared start).", name=first["name"]))
    model.load_state_dict(initial)
    origin = flatten(initial, names)
    paths: dict[str, tuple[np.ndarray, torch.Tensor]] = {}
    for run in found.runs:
        files = found.trajectories.get(run["name"])
        if not files or dict(run["model"]["kwargs"]) != kwargs:
            continue
        states = [with_current_names(model, torch.load(f, map_location="cpu", weights_only=True)) for _, f in files]
        weights = torch.stack([flatten(s, names) for s in states])
        if files[0][0] != 0 or not torch.equal(weights[0], origin):
            continue  # another start: not on this plane
        paths[run["name"]] = (np.array([s for s, _ in files]), weights)
    return _landscape(model, initial, names, paths, x, y, directions=directions, grid=grid, span=span,
                      seed=seed, progress=progress, cancel=cancel)


def _landscape(model: nn.Module, initial: Mapping[str, torch.Tensor], names: list[str],
               paths: dict[str, tuple[np.ndarray, torch.Tensor]], x: torch.Tensor, y: torch.Tensor, *,
               directions: str, grid: int, span: float | None, seed: int, progress: ProgressFn,
               cancel: CancelToken | None) -> Landscape:
    origin = flatten(initial, names)
    if directions == "pca":
        plane = pca_plane(origin, [w[1:] for _, w in paths.values()])
    else:
        plane = random_plane(initial, names, seed)
    return compute_landscape(model, plane, x, y, grid=grid, span=span, paths=paths,
                             progress=progress, cancel=cancel)


def landscape_of_recorder(
    trainer: Any, recorder: Any, *, runs: list[str] | None = None, directions: str = "pca", grid: int = 25,
    probe: int = 1000, span: float | None = None, seed: int = 0, progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> Landscape:
    """The landscape of a Trainer's runs from a :class:`WeightRecorder` attached to it (the Train tab's way).

    ``runs`` defaults to every recorded run with the first run's architecture
    and start; the probe is the trainer's first ``probe`` training images. Call
    it from a worker thread when training is not running (it builds its own
    copy of the model; the trainer's models are not touched).
    """
    from cnnviz.core.models import build_model
    from cnnviz.core.models._api import with_current_names

    if directions not in DIRECTIONS:
        raise _unknown_directions(directions)
    names_all = [r for r in (runs or recorder.runs()) if recorder.steps(r) and recorder.steps(r)[0] == 0]
    if not names_all:
        raise ConfigError(msg("No run has its weights kept from step 0: attach a WeightRecorder before training."))
    first = names_all[0]
    kwargs = trainer.model_kwargs(first)
    model = build_model(trainer.setup.model, seed=None, **kwargs).to(trainer.device)
    names = parameter_names(model)
    initial = with_current_names(model, recorder.load(first, 0))
    model.load_state_dict(initial)
    origin = flatten(initial, names)
    paths: dict[str, tuple[np.ndarray, torch.Tensor]] = {}
    for run in names_all:
        if trainer.model_kwargs(run) != kwargs:
            continue
        steps = recorder.steps(run)
        weights = torch.stack([flatten(with_current_names(model, recorder.load(run, s)), names) for s in steps])
        if torch.equal(weights[0], origin):
            paths[run] = (np.array(steps), weights)
    x, y = trainer.probe_batch(probe)
    return _landscape(model, initial, names, paths, x, y, directions=directions, grid=grid, span=span,
                      seed=seed, progress=progress, cancel=cancel)
