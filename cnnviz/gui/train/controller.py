"""The Train tab's controller: owns the Trainer, its worker thread and what training left behind.

No widgets here. The controller trains through the engine's public API
(:class:`~cnnviz.core.training.engine.Trainer`: ``run``, ``pause``,
``resume``, ``stop``, ``checkpoint``, ``state_dict``, ``prepared``), keeps
each run's weight snapshots with a :class:`~cnnviz.core.training.snapshots.WeightRecorder`
when asked, and tells the tab what happened through signals; a 10 Hz timer
(``timer``) asks the tab to copy the engine's log into the plots, so the GUI
thread never waits on torch.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.errors import ConfigError
from cnnviz.core.session import ModelRequest, trained_label
from cnnviz.core.training.config import RunConfig, TrainSetup
from cnnviz.core.training.engine import Trainer
from cnnviz.core.training.metrics import DIVERGED, FAILED, RUNNING, MetricsLog
from cnnviz.core.training.snapshots import WeightRecorder
from cnnviz.gui.train.lesson_state import TrainedSession
from cnnviz.gui.workers import Job, run_in_thread

PAUSED = "paused"
"""What the run table says of a running run while training is paused (not an engine state)."""


def _train_job(progress: Any, cancel: Any, trainer: Trainer, recorder: WeightRecorder | None) -> dict[str, str]:
    """Runs on the worker thread: train, then keep each run's final weights as a snapshot."""
    statuses = trainer.run(progress=progress, cancel=cancel)
    if recorder is not None and trainer.prepared:
        recorder.finish(trainer)
    return statuses


class TrainController(QObject):
    """Starts, pauses, stops and continues training; remembers the last session."""

    sig_launched = Signal()
    """A trainer was started in the worker thread."""
    sig_progress = Signal(float, str)
    """Fraction of all planned samples done, and the engine's progress text."""
    sig_failed = Signal(str)
    """Training stopped with an error (a message for a person)."""
    sig_ended = Signal()
    """The worker ended and its last records are in the log: show the final state."""
    sig_tick = Signal()
    """Timer tick while training: copy new records into the views."""

    REFRESH_MS = 100

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.trainer: Trainer | None = None
        self.job: Job | None = None
        self.session: TrainedSession | None = None  # restored from a lesson, or the last finished training
        self.recorder: WeightRecorder | None = None  # snapshots of the current trainer's runs
        self._shared: weakref.WeakSet[WeightRecorder] = weakref.WeakSet()  # sent to Inspect: not closed here
        self._done_seen = True  # the current job's end was handled by _on_done
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self._tick)

    # ------------------------------------------------------------ state
    def is_running(self) -> bool:
        """True while a training job is alive, until its end has been handled."""
        return self.job is not None and (self.job.running or not self._done_seen)

    @property
    def paused(self) -> bool:
        """True while a running training is paused."""
        return self.is_running() and self.trainer is not None and self.trainer.paused

    @property
    def has_weights(self) -> bool:
        """True when a trainer built its models: weights can be saved and opened in Inspect."""
        return self.trainer is not None and self.trainer.prepared

    @property
    def log(self) -> MetricsLog | None:
        """The metrics of the current trainer, else of the restored session."""
        if self.trainer is not None:
            return self.trainer.log
        return self.session.log if self.session is not None else None

    @property
    def snapshots(self) -> WeightRecorder | None:
        """The weight snapshots of the runs shown (None when none were kept)."""
        if self.recorder is not None:
            return self.recorder
        return self.session.snapshots if self.session is not None else None

    def statuses(self) -> dict[str, tuple[str, str]]:
        """Each run's (status, message); running runs read ``paused`` while training is paused."""
        log = self.log
        if log is None:
            return {}
        statuses = log.statuses()
        if self.paused:
            statuses = {n: ((PAUSED, m) if s == RUNNING else (s, m)) for n, (s, m) in statuses.items()}
        return statuses

    # ------------------------------------------------------------ training
    def start(self, setup: TrainSetup, runs: list[RunConfig], snapshots_every: int | str | None) -> Trainer:
        """Train ``runs`` from the same initial weights in a worker thread (CnnvizError if refused)."""
        trainer = Trainer(setup, list(runs))
        recorder = WeightRecorder(snapshots_every) if snapshots_every else None
        self._forget_recorder()
        self.session = None
        self._launch(trainer, recorder)
        return trainer

    def can_continue(self, epochs: int) -> bool:
        """True when the last (or restored) training has runs that can train on to ``epochs``."""
        return self.continue_blocker(epochs)[0] == ""

    def continue_blocker(self, epochs: int) -> tuple[str, int]:
        """Why Continue cannot train on to ``epochs``: ``("", 0)`` when it can, else one of
        ``running``, ``untrained`` (no training yet), ``no_weights`` (a lesson saved without them),
        ``all_stopped`` (every run diverged or failed) or ``done`` with the epochs the runs that
        could go on have all done (Epochs must go above it)."""
        s = self.session
        if self.is_running():
            return ("running", 0)
        if s is None:
            return ("untrained", 0)
        if s.checkpoint is None and self.trainer is None:
            return ("no_weights", 0)
        statuses = s.log.statuses()
        done = s.epochs_done()
        alive = [done[r.name] for r in s.runs if statuses.get(r.name, ("", ""))[0] not in (DIVERGED, FAILED)]
        if not alive:
            return ("all_stopped", 0)
        if min(alive) >= epochs:
            return ("done", min(alive))
        return ("", 0)

    def continue_training(self, epochs: int, device: str) -> Trainer:
        """Train the last (or restored) runs on to ``epochs`` (ConfigError if there is nothing to continue)."""
        s = self.session
        if s is None or not self.can_continue(epochs):
            raise ConfigError("Nothing to continue.")
        checkpoint = s.checkpoint
        if self.trainer is not None and self.trainer.prepared:
            checkpoint = self.trainer.checkpoint()
            s.data = self.trainer.data
        setup = replace(s.setup, epochs=epochs, device=device)
        trainer = Trainer(setup, s.runs, log=s.log, data=s.data, resume_from=checkpoint)
        recorder = self.snapshots  # the same time-lapse goes on (its steps continue)
        if recorder is not None:
            s.snapshot_blob = None  # it grows: a lesson saves it anew
        self._launch(trainer, recorder)
        return trainer

    def _launch(self, trainer: Trainer, recorder: WeightRecorder | None) -> None:
        if recorder is not None:
            trainer.add_step_hook(recorder)
        self.trainer = trainer
        self.recorder = recorder
        self._done_seen = False
        self.job = run_in_thread(_train_job, trainer=trainer, recorder=recorder)
        self.job.sig_progress.connect(self.sig_progress)
        self.job.sig_failed.connect(lambda message, _details: self.sig_failed.emit(message))
        self.job.sig_done.connect(self._on_done)
        self.timer.start()
        self.sig_launched.emit()

    def toggle_pause(self) -> bool:
        """Pause every run, or resume them; returns True when now paused."""
        t = self.trainer
        if not self.is_running() or t is None:
            return False
        if t.paused:
            t.resume()
        else:
            t.pause()
        return t.paused

    def stop(self) -> bool:
        """Stop every run after its current step (returns at once); False when nothing was running."""
        if self.trainer is None or not self.is_running():
            return False
        self.trainer.stop()
        if self.job is not None:
            self.job.cancel()
        return True

    def shutdown(self) -> None:
        """Stop the worker and wait for it (at most 2 s); the end is handled before returning."""
        self.timer.stop()
        if self.trainer is not None:
            self.trainer.stop()
        if self.job is not None:
            self.job.cancel()
            deadline = time.monotonic() + 2.0
            while self.job.running and time.monotonic() < deadline:
                time.sleep(0.01)
            if not self.job.running:
                self._on_done()  # now, not when the event loop next runs: idle on return

    def _tick(self) -> None:
        if self.job is not None and not self.job.running and not self._done_seen:
            self._on_done()  # the worker ended and its signal has not come (yet)
            return
        self.sig_tick.emit()

    def _on_done(self) -> None:
        """The worker ended: keep what it trained (safe to call twice; ignores an older job's signal)."""
        if self._done_seen or (self.job is not None and self.job.running):
            return
        self._done_seen = True
        self.timer.stop()
        t = self.trainer
        if t is not None and t.prepared:
            self.session = TrainedSession(t.setup, list(t.configs), t.log, data=t.data, snapshots=self.recorder)
        self.sig_ended.emit()

    # ------------------------------------------------------------ sessions
    def adopt(self, trainer: Trainer, recorder: WeightRecorder | None) -> bool:
        """Take over a finished trainer (a language switch rebuilt the tab); False if it cannot be."""
        if not trainer.prepared or self.is_running():
            return False
        self.trainer = trainer
        self.recorder = recorder
        self.session = TrainedSession(trainer.setup, list(trainer.configs), trainer.log, data=trainer.data,
                                      snapshots=recorder)
        self._done_seen = True
        return True

    @property
    def can_rebuild_weights(self) -> bool:
        """True when a lesson's restored runs carry a checkpoint their trained weights can be rebuilt from."""
        s = self.session
        return self.trainer is None and s is not None and s.checkpoint is not None and not self.is_running()

    def rebuild_trainer(self, then: Callable[[], None], failed: Callable[[str], None]) -> Job | None:
        """Rebuild the restored runs' models from their checkpoint in a worker, adopt them, then ``then()``.

        A reopened lesson's runs have curves and a checkpoint but no trainer: this makes
        "Open in Inspect" (with the time-lapse snapshots) and "Save weights" work again.
        """
        s = self.session
        if not self.can_rebuild_weights or s is None:
            return None
        trainer = Trainer(s.setup, list(s.runs), log=s.log, data=s.data, resume_from=s.checkpoint)
        snapshots, checkpoint = s.snapshots, s.checkpoint
        job = run_in_thread(_prepare_job, trainer=trainer)

        def done(_result: object) -> None:
            if self.trainer is None and self.session is s and self.adopt(trainer, snapshots):
                self.session.checkpoint = checkpoint  # a lesson saved again keeps it
                then()

        job.sig_finished.connect(done)
        job.sig_failed.connect(lambda message, _details: failed(message))
        return job

    def restore(self, session: TrainedSession | None) -> None:
        """Show a lesson's session (its curves; its checkpoint continues it); forgets the trainer."""
        if self.is_running():
            self.shutdown()
        self._forget_recorder()
        self.trainer = None
        self.session = session

    def _forget_recorder(self) -> None:
        """Drop the current snapshots; their temporary folder (large models) goes unless Inspect has them."""
        old = self.recorder
        self.recorder = None
        if old is not None and old not in self._shared:
            old.close()

    def lesson_session(self) -> tuple[TrainedSession | None, bytes | None]:
        """The session a lesson saves and its checkpoint (None while training runs: no weights then)."""
        session = self.session
        t = self.trainer
        if t is not None and t.prepared and (session is None or session.log is not t.log):
            session = TrainedSession(t.setup, list(t.configs), t.log, snapshots=self.recorder)
        if session is None:
            return None, None
        checkpoint = session.checkpoint
        if t is not None and t.log is session.log and t.prepared:
            checkpoint = None if self.is_running() else t.checkpoint()
        return session, checkpoint

    def model_request(self, run: str) -> ModelRequest:
        """What Inspect needs to show run ``run``'s trained network (ConfigError if it has no weights)."""
        t = self.trainer
        if t is None or run not in [c.name for c in t.configs]:
            raise ConfigError(f"Run {run!r} has no trained weights.")
        classes = t.data.class_names if t.data is not None else None
        recorder = self.snapshots
        has_snapshots = recorder is not None and bool(recorder.steps(run))
        if has_snapshots:
            self._shared.add(recorder)  # type: ignore[arg-type]
        return ModelRequest(
            name=t.setup.model, model_kwargs=t.model_kwargs(run), state_dict=t.state_dict(run),
            state_label=trained_label(run), class_names=tuple(classes) if classes else None,
            dataset=t.setup.dataset, dataset_path=t.setup.dataset_path,
            snapshots=recorder if has_snapshots else None, run=run,
        )


def _prepare_job(*, progress: Any, cancel: Any, trainer: Trainer) -> None:
    """Load the data and build the models of ``trainer`` (its checkpoint loads into them)."""
    trainer.prepare(progress=progress, cancel=cancel)
