"""The sweep controller: runs a learning-rate sweep in worker processes and streams its rows to the GUI.

Owns one :class:`~cnnviz.core.training.sweeps.Sweep` at a time (public API:
``start``, ``poll``, ``status``, ``summary``, ``stop``). Its runs train in
other processes (a local process pool, or Ray), so the GUI thread only polls
new metric rows on a timer, a few times a second. Results are written as
they come into a temporary folder (``metrics.csv``, ``summary.json``,
``sweep.json``): a stopped sweep keeps its partial results there, and
:meth:`SweepController.save` copies them where the user asks.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.training.executors import make_executor
from cnnviz.core.training.sweeps import Sweep, SweepSpec, SweepStatus
from cnnviz.gui.workers import Job, run_in_thread

POLL_MS = 200
RESULT_FILES = ("metrics.csv", "summary.json", "sweep.json")


def _stop_job(progress: Any, cancel: Any, sweep: Sweep) -> None:
    """Runs on a worker thread: ending the processes takes up to ~2 s, which the GUI must not wait for."""
    sweep.stop()


class SweepController(QObject):
    """Start / poll / stop one sweep; keeps every row it received for the live curves."""

    sig_rows = Signal(list)
    """New metric rows (dicts with ``ROW_COLUMNS``), oldest first."""
    sig_status = Signal(object)
    """A :class:`SweepStatus` after each poll."""
    sig_ended = Signal(dict)
    """The sweep ended (finished or stopped): its summary."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sweep: Sweep | None = None
        self.folder: Path | None = None
        self.rows: list[dict[str, Any]] = []
        self._stopping: Job | None = None
        self._ended = True
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def is_running(self) -> bool:
        """True from start until the end was handled (stopping included)."""
        return not self._ended

    def is_stopping(self) -> bool:
        """True while Stop is ending the processes (in the background)."""
        return self._stopping is not None and self._stopping.running

    def start(self, spec: SweepSpec, executor: str = "local", workers: int | None = None,
              address: str | None = None) -> Sweep:
        """Start ``spec`` on a local process pool or Ray (CnnvizError if it cannot start; nothing changes)."""
        runner = make_executor(executor, workers=workers, address=address or None)
        folder = Path(tempfile.mkdtemp(prefix="cnnviz-sweep-"))
        try:
            sweep = Sweep(spec, out_dir=folder, executor=runner)
            sweep.start()
        except Exception:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._forget_folder()
        self.sweep, self.folder, self.rows = sweep, folder, []
        self._ended = False
        self.timer.start()
        return sweep

    def poll(self) -> None:
        """Timer tick: take the new rows, report the status, notice the end."""
        sweep = self.sweep
        if sweep is None:
            return
        rows = sweep.poll()
        if rows:
            self.rows.extend(rows)
            self.sig_rows.emit(rows)
        status = sweep.status()
        self.sig_status.emit(status)
        if sweep.done and not self._ended and (self._stopping is None or not self._stopping.running):
            self._end()

    def stop(self) -> bool:
        """End every run's process (in the background, within ~2 s); False when nothing runs."""
        sweep = self.sweep
        if sweep is None or self._ended or self._stopping is not None and self._stopping.running:
            return False
        self._stopping = run_in_thread(_stop_job, sweep=sweep)
        self._stopping.sig_done.connect(self.poll)
        return True

    def shutdown(self) -> None:
        """The tab goes away: end the processes now (waits up to ~2 s) and remove the results folder."""
        self.timer.stop()
        if self.sweep is not None and not self.sweep.done:
            self.sweep.stop()
        self._ended = True
        self._forget_folder()

    def _end(self) -> None:
        self._ended = True
        self.timer.stop()
        self.sig_ended.emit(self.summary())

    def summary(self) -> dict[str, Any]:
        """The summary of what ended so far (empty before any sweep)."""
        return self.sweep.summary() if self.sweep is not None else {}

    def status(self) -> SweepStatus | None:
        """Where the sweep stands (None before any)."""
        return self.sweep.status() if self.sweep is not None else None

    def has_results(self) -> bool:
        """True once there is something on disk to save: a metric row came, or a run trained to its end.

        A run stopped before it reported anything leaves nothing worth saving (a CSV with its header only).
        """
        if self.folder is None or self.sweep is None:
            return False
        return bool(self.rows) or self.sweep.status().completed > 0

    def worker_pids(self) -> list[int]:
        """Process ids of the local workers alive now (empty for Ray or when none)."""
        executor = self.sweep.executor if self.sweep is not None else None
        return list(executor.pids()) if executor is not None and hasattr(executor, "pids") else []

    def save(self, folder: str | Path) -> list[Path]:
        """Copy the results written so far (metrics CSV, summary JSON, the sweep's settings) into ``folder``."""
        if self.folder is None:
            return []
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        out = []
        for name in RESULT_FILES:
            source = self.folder / name
            if source.is_file():
                shutil.copyfile(source, target / name)
                out.append(target / name)
        return out

    def _forget_folder(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
