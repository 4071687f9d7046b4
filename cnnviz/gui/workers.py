"""Run core work off the GUI thread, with progress and cancellation.

``run_in_thread(fn, ...)`` runs ``fn(progress=..., cancel=...)`` in Qt's global
thread pool and returns a :class:`Job` whose signals arrive on the GUI thread.
A job's ``cancel()`` sets its :class:`~cnnviz.core.progress.CancelToken`;
well-behaved core work checks it between steps.
"""

from __future__ import annotations

import collections
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from cnnviz.core.errors import CnnvizError
from cnnviz.core.progress import Cancelled, CancelToken
from cnnviz.gui.i18n import error_text


def tr(text: str) -> str:
    """Translate a worker message."""
    return QCoreApplication.translate("Workers", text)


class Job(QObject):
    """Signals of one piece of background work (delivered on the GUI thread)."""

    sig_progress = Signal(float, str)
    """Fraction done in [0, 1] and a short message."""
    sig_finished = Signal(object)
    """The work's return value."""
    sig_failed = Signal(str, str)
    """A message for a person (a CnnvizError's text, or a bug's summary) and details (a bug's traceback, or '')."""
    sig_error = Signal(object)
    """The exception behind sig_failed (a CnnvizError, or None for a bug); emitted just before it."""
    sig_cancelled = Signal()
    """The work stopped because cancel() was called."""
    sig_done = Signal()
    """Emitted last, whatever the outcome."""

    def __init__(self) -> None:
        super().__init__()
        self.token = CancelToken()
        self.running = True
        # `running` turns False on the worker thread, before the job's queued result
        # reaches the GUI thread; `delivered` turns True on the GUI thread once
        # sig_done arrives, after every sig_finished / sig_failed slot has run. Ask
        # `delivered` to know whether the job's outcome has been handled.
        self.delivered = False

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.token.cancel()

    def _forget(self) -> None:
        self.delivered = True
        # Connected to sig_done as a bound method, never as `lambda: ...discard(job)`:
        # a connection holds its callable from C++, out of the garbage collector's
        # sight, so a lambda capturing the job made job -> lambda -> job a cycle
        # nothing frees, and every job leaked with all its slots close over (models,
        # activations, images). Found by tests/soak.
        _ACTIVE.discard(self)


def _run(box: dict[str, Any]) -> None:
    """The body of one job, on a pool thread: call its function, emit the outcome, hand the job back.

    ``box`` holds the job, its function and arguments. They are taken out of it and, once the
    outcome is emitted, handed to the GUI thread (:data:`_GRAVE`, emptied by :class:`_Reaper`):
    the last reference to the job (a QObject of the GUI thread) must never be dropped here. A
    QObject destroyed on a pool thread waits for the GIL inside ~QObject while holding Qt's
    signal lock, and the GUI thread, deleting a widget, waits for that lock: a deadlock (seen in CI).
    """
    job: Job = box.pop("job")
    fn: Callable[..., Any] = box.pop("fn")
    kwargs: dict[str, Any] = box.pop("kwargs")
    try:
        _call(job, fn, kwargs)
    finally:
        job.running = False
        job.sig_done.emit()
        _GRAVE.append((job, fn, kwargs))
        del job, fn, kwargs
        _REAPER.sig_collect.emit()


def _call(job: Job, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    """Call ``fn`` and emit its outcome on ``job`` (everything but sig_done)."""
    try:
        result = fn(
            progress=lambda f, m="": job.sig_progress.emit(float(f), str(m)),
            cancel=job.token,
            **kwargs,
        )
    except Cancelled:
        job.sig_cancelled.emit()
    except CnnvizError as exc:
        job.sig_error.emit(exc)
        job.sig_failed.emit(error_text(exc), "")  # translating is thread-safe: it only reads the translators
    except MemoryError:
        job.sig_error.emit(None)
        job.sig_failed.emit(tr("Out of memory: try a smaller image, model or batch."), "")
    except Exception as exc:  # a bug: log it, report it, keep the app alive
        from cnnviz.core.logs import log_exception

        details = log_exception(f"background job {getattr(fn, '__name__', fn)} failed", exc)
        job.sig_error.emit(None)
        job.sig_failed.emit(tr("Unexpected error ({0}): {1}").format(type(exc).__name__, exc), details)
    else:
        if job.token.cancelled:
            job.sig_cancelled.emit()
        else:
            job.sig_finished.emit(result)


class _Reaper(QObject):
    """Drops, on the GUI thread, what finished jobs' threads handed back (see :func:`_run`)."""

    sig_collect = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.sig_collect.connect(self.collect)  # queued: emitted from pool threads, run on the GUI thread

    def collect(self) -> None:
        """Release the jobs, functions and arguments handed back so far."""
        while _GRAVE:
            _GRAVE.popleft()


_GRAVE: collections.deque[tuple[Job, Callable[..., Any], dict[str, Any]]] = collections.deque()
_REAPER = _Reaper()


def _box(job: Job, fn: Callable[..., Any], kwargs: dict[str, Any]) -> Callable[[], None]:
    box = {"job": job, "fn": fn, "kwargs": kwargs}
    return functools.partial(_run, box)


def _submit(job: Job, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    # A plain callable, not a QRunnable subclass with autoDelete: PySide keeps the
    # Python wrapper of some auto-deleted runnables alive (about 1 in 200 here, more
    # under load), and with it the job, its function and arguments (models, images).
    # The pool releases a callable after it ran. Found by tests/soak.
    QThreadPool.globalInstance().start(_box(job, fn, kwargs))


_ACTIVE: set[Job] = set()


def run_in_thread(fn: Callable[..., Any], **kwargs: Any) -> Job:
    """Run ``fn(progress=, cancel=, **kwargs)`` in the global thread pool.

    The work starts on the next turn of the event loop, so the caller can
    connect the returned job's signals first (a worker's signal reaches only
    the connections that exist when it is emitted).
    """
    job = _new_job(None)

    def start() -> None:
        if job.token.cancelled:  # cancelled before it began: never run it
            job.running = False
            job.sig_cancelled.emit()
            job.sig_done.emit()
            return
        _submit(job, fn, kwargs)

    QTimer.singleShot(0, start)
    return job


def _new_job(connect: Callable[[Job], None] | None) -> Job:
    job = Job()
    _ACTIVE.add(job)  # keep the QObject alive until it is done
    job.sig_done.connect(job._forget)
    if connect is not None:
        connect(job)
    return job


def start_job(fn: Callable[..., Any], connect: Callable[[Job], None] | None, **kwargs: Any) -> Job:
    """Like :func:`run_in_thread`, but starts at once, after ``connect(job)`` has run."""
    job = _new_job(connect)
    _submit(job, fn, kwargs)
    return job


def start_job_in(pool: QThreadPool, fn: Callable[..., Any], connect: Callable[[Job], None] | None,
                 **kwargs: Any) -> Job:
    """Like :func:`start_job`, in ``pool``: long work that must not queue up the app's short jobs.

    Whoever owns ``pool`` waits for it when shutting down (:func:`cancel_all_and_wait`
    waits for the global pool only).
    """
    job = _new_job(connect)
    pool.start(_box(job, fn, kwargs))
    return job


def active_jobs() -> list[Job]:
    """Jobs started and not yet done."""
    return [j for j in _ACTIVE if j.running]


def cancel_all_and_wait(timeout_ms: int = 2000) -> bool:
    """Cancel every job and wait for the pool to drain; True if it did in time."""
    for job in list(_ACTIVE):
        job.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
