"""The Playground's race engine: it computes surfaces and trajectories in workers and owns the race clock.

Widgets say what to race (:meth:`PlaygroundController.set_surface`, ``set_start``,
``set_steps``, and the optimizers through the ``racer_configs`` callable given at
construction); every change is debounced, then two worker jobs compute what is
missing: the contour grid of a new surface (fast, so it comes first) and the
trajectories not yet cached (per optimizer and settings, so moving one learning
rate recomputes one path). Results come back as signals. What is being computed
is announced at once, before the debounce, so no view shows an old surface
under a new title. A superseded job is cancelled, and its late result is
dropped by a generation number. The race clock only moves an index over the
precomputed arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.playground import (
    RacerConfig,
    Surface,
    SurfaceGrid,
    Trajectory,
    compute_grid,
    get_surface,
    run_trajectory,
)
from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.playground.animation import RaceClock
from cnnviz.gui.workers import Job, start_job

DEFAULT_SURFACE = "quadratic"
DEBOUNCE_MS = 60
CACHE_LIMIT = 256
"""Trajectories kept; the cache is emptied past this (a race has at most 8)."""

PENDING_NONE, PENDING_SURFACE, PENDING_PARAMETERS, PENDING_PATHS = "", "surface", "parameters", "paths"

RacerConfigs = Callable[[], dict[str, dict[str, float]]]
"""The optimizers switched on, in panel order, each with its hyperparameters."""


@dataclass(frozen=True)
class Race:
    """A computed race: what the views draw."""

    trajectories: dict[str, Trajectory]
    start: tuple[float, float]
    steps: int
    last_step: int
    log_scale: bool  # the surface's minimum is known: losses are drawn on a log axis


def grid_key(surface: Surface) -> tuple:
    """What the contour grid depends on: the surface and its parameters."""
    return surface.name, tuple(sorted(surface.params.items()))


def _grid_work(*, progress: ProgressFn, cancel: CancelToken, surface: Surface) -> SurfaceGrid:
    """Worker: the contour grid of ``surface``."""
    return compute_grid(surface)


def _race_work(
    *,
    progress: ProgressFn,
    cancel: CancelToken,
    surface: Surface,
    racers: list[tuple[tuple, RacerConfig]],
    start: tuple[float, float],
    steps: int,
) -> dict[tuple, Trajectory]:
    """Worker: the trajectories of ``racers`` (keyed as given)."""
    out: dict[tuple, Trajectory] = {}
    for i, (key, racer) in enumerate(racers):
        progress(i / max(1, len(racers)), racer.display_label)
        out[key] = run_trajectory(surface, racer, start, steps, cancel=cancel)
    return out


class PlaygroundController(QObject):
    """Computes what the Playground shows and plays it; widgets listen to its signals."""

    surface_changed = Signal(object)
    """A surface or its parameters became current (a core ``Surface``); its grid follows."""
    grid_changed = Signal(object)
    """The contour grid of the current surface is ready (a core ``SurfaceGrid``)."""
    race_changed = Signal(object)
    """The trajectories for the current settings are ready (a :class:`Race`)."""
    pending_changed = Signal(str)
    """What is being computed: ``"surface"`` (another surface), ``"parameters"`` (the same
    surface, new parameters), ``"paths"`` (trajectories only) or ``""`` (nothing)."""
    failed = Signal(str)
    """Computing failed (a message for a person); the previous race stays on screen."""

    def __init__(self, racer_configs: RacerConfigs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.racer_configs = racer_configs
        self.surface: Surface = get_surface(DEFAULT_SURFACE)
        self.start: tuple[float, float] = self.surface.spec.default_start
        self.steps: int = self.surface.spec.default_steps
        self.grid: SurfaceGrid | None = None
        self.shown: dict[str, Trajectory] = {}
        """The trajectories on screen, by optimizer."""
        self.clock = RaceClock(self)
        self.autoplay = True
        """Play a new race from the start once it is computed (off after shutdown)."""
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._start_jobs)
        self._grid_key: tuple | None = None
        self._cache: dict[tuple, Trajectory] = {}
        self._shown_keys: dict[str, tuple] = {}
        self._jobs: dict[str, Job] = {}
        self._generation = 0
        self._restart_pending = True
        self._pending_step: int | None = None
        self._pending = PENDING_NONE
        self._on_screen = False
        self._was_playing = False

    # ------------------------------------------------------------ what to race
    def set_surface(self, surface: Surface, *, start: tuple[float, float] | None = None,
                    steps: int | None = None) -> None:
        """Race on ``surface`` (from its default start and steps unless given) and replay from step 0."""
        self.surface = surface
        self.start = start if start is not None else surface.spec.default_start
        self.steps = int(steps if steps is not None else surface.spec.default_steps)
        self.surface_changed.emit(surface)
        self.schedule(restart=True)

    def set_start(self, x: float, y: float) -> None:
        """Start every optimizer from (x, y) and replay from step 0."""
        self.start = (float(x), float(y))
        self.schedule(restart=True)

    def set_steps(self, steps: int) -> None:
        """How many steps each optimizer takes (the race keeps its place)."""
        self.steps = int(steps)
        self.schedule(restart=False)

    def hold_at(self, step: int | None) -> None:
        """Once the next race is computed, stand still at ``step`` (a lesson's) instead of playing."""
        self._pending_step = step

    def schedule(self, *, restart: bool) -> None:
        """Recompute what the current settings need, shortly (changes in a burst make one job)."""
        self._restart_pending = self._restart_pending or restart
        self._set_pending(self._what_is_missing())
        self.debounce.start()

    # ------------------------------------------------------------ state
    @property
    def pending(self) -> str:
        """What is being computed now (see :attr:`pending_changed`)."""
        return self._pending

    def is_computing(self) -> bool:
        """True until every requested result has been computed and delivered."""
        return self.debounce.isActive() or any(not job.delivered for job in self._jobs.values())

    def is_settled(self) -> bool:
        """Nothing computing, and the last race is on screen where it should stand."""
        return not self.is_computing() and not self._restart_pending and self._pending_step is None

    def key(self, name: str, hyper: dict[str, float]) -> tuple:
        """The cache key of optimizer ``name`` with ``hyper`` on the current surface, start and steps."""
        return (*grid_key(self.surface), self.start, self.steps, name, tuple(sorted(hyper.items())))

    def _missing(self) -> list[tuple[tuple, RacerConfig]]:
        todo = []
        for name, hyper in self.racer_configs().items():
            key = self.key(name, hyper)
            if key not in self._cache:
                todo.append((key, RacerConfig(name, hyper)))
        return todo

    def _what_is_missing(self) -> str:
        if grid_key(self.surface) != self._grid_key:
            same = self._grid_key is not None and self._grid_key[0] == self.surface.name
            return PENDING_PARAMETERS if same else PENDING_SURFACE
        return PENDING_PATHS if self._missing() else PENDING_NONE

    def _set_pending(self, what: str) -> None:
        if what != self._pending:
            self._pending = what
            self.pending_changed.emit(what)

    # ------------------------------------------------------------ jobs
    def _start_jobs(self) -> None:
        self._generation += 1
        generation = self._generation
        key = grid_key(self.surface)
        if key != self._grid_key:
            self._start("grid", _grid_work, lambda grid: self._on_grid(key, grid), generation,
                        surface=self.surface)
        else:
            self._cancel("grid")
        todo = self._missing()
        if todo:
            self._start("race", _race_work, self._on_trajectories, generation,
                        surface=self.surface, racers=todo, start=self.start, steps=self.steps)
        else:
            self._cancel("race")
        self._publish_if_ready()

    def _start(self, kind: str, fn: Callable[..., object], done: Callable[[Any], None], generation: int,
               **kwargs: object) -> None:
        self._cancel(kind)

        def connect(job: Job) -> None:
            job.sig_finished.connect(done)
            job.sig_failed.connect(lambda message, _details: self._on_failed(generation, message))
            job.sig_done.connect(self._publish_if_ready)

        self._jobs[kind] = start_job(fn, connect, **kwargs)

    def _cancel(self, kind: str) -> None:
        job = self._jobs.get(kind)
        if job is not None and job.running:
            job.cancel()

    def _on_grid(self, key: tuple, grid: SurfaceGrid) -> None:
        if key != grid_key(self.surface):
            return  # another surface was chosen meanwhile
        self.grid = grid
        self._grid_key = key
        self.grid_changed.emit(grid)
        if not self.debounce.isActive():
            self._set_pending(self._what_is_missing())

    def _on_trajectories(self, trajectories: dict[tuple, Trajectory]) -> None:
        # Keys name their full settings, so even a superseded job's paths are right for their key.
        if len(self._cache) + len(trajectories) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(trajectories)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._set_pending(PENDING_NONE)
            self.failed.emit(message)

    def _publish_if_ready(self) -> None:
        if self.debounce.isActive():
            return  # a newer request is on its way
        if grid_key(self.surface) == self._grid_key and not self._missing():
            self._publish()
        elif all(job.delivered for job in self._jobs.values()):
            self._set_pending(PENDING_NONE)  # failed or cancelled: nothing more is coming

    def _publish(self) -> None:
        """Put the race of the current settings on screen and move the clock as asked."""
        keys = {name: self.key(name, hyper) for name, hyper in self.racer_configs().items()}
        if keys == self._shown_keys and not self._restart_pending and self._pending_step is None:
            self._set_pending(PENDING_NONE)  # already on screen (a late job of an older request)
            return
        self._shown_keys = keys
        self.shown = {name: self._cache[key] for name, key in keys.items()}
        last = max([t.last_step for t in self.shown.values()] + [self.steps])
        self.clock.set_last_step(last)
        restart, self._restart_pending = self._restart_pending, False
        self._set_pending(PENDING_NONE)
        self.race_changed.emit(Race(dict(self.shown), self.start, self.steps, last,
                                    log_scale=self.surface.spec.min_value is not None))
        if restart:
            self.clock.pause()
            self.clock.seek(0)
        step, self._pending_step = self._pending_step, None
        if step is not None and step > 0:  # a lesson: stand still at its step
            self.clock.pause()
            self.clock.seek(min(step, last))
            restart = False
        if restart and self.autoplay and self._on_screen:
            self.clock.play()

    # ------------------------------------------------------------ clock and life cycle
    def restart(self) -> None:
        """Back to step 0 and play."""
        self.clock.pause()
        self.clock.seek(0)
        self.clock.play()

    def jump_to_end(self) -> None:
        """Pause at the last step."""
        self.clock.pause()
        self.clock.seek(self.clock.last_step)

    def set_on_screen(self, on: bool) -> None:
        """The tab was shown (resume playing, or start a fresh race) or hidden (pause)."""
        self._on_screen = on
        if on:
            if self._was_playing or (self.autoplay and self.clock.step == 0 and self.shown):
                self.clock.play()
        else:
            self._was_playing = self.clock.playing
            self.clock.pause()

    def shutdown(self) -> None:
        """Stop the clock, pending recomputes and the workers."""
        self.autoplay = False
        self.clock.pause()
        self.debounce.stop()
        for kind in list(self._jobs):
            self._cancel(kind)
