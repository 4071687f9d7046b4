"""One background job per kind of work, where a newer request always wins.

The Inspect controller runs several kinds of work ('main': a model or image,
'erf', 'cam', 'weight', a side panel's own kinds). A new job of a kind cancels
the running one, and a generation number stamped on each start makes sure a
superseded job's result (or error, or progress) is dropped even if it
finishes first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cnnviz.gui.workers import Job, start_job


class JobSlots:
    """The current job and generation of each kind of work."""

    def __init__(self) -> None:
        self.jobs: dict[str, Job] = {}
        self.generation: dict[str, int] = {}

    def busy(self) -> bool:
        """True while any job's outcome has not been handled on the GUI thread yet."""
        return any(not j.delivered for j in self.jobs.values())

    def running(self, kind: str) -> bool:
        """True while a job of ``kind`` runs."""
        job = self.jobs.get(kind)
        return job is not None and job.running

    def pending(self, kind: str) -> bool:
        """True from the start of a job of ``kind`` until its outcome was handled on the GUI thread."""
        job = self.jobs.get(kind)
        return job is not None and not job.delivered

    def current(self, kind: str) -> Job | None:
        """The running job of ``kind``, or None."""
        job = self.jobs.get(kind)
        return job if job is not None and job.running else None

    def cancel(self, kinds: list[str] | None = None) -> None:
        """Cancel the jobs of ``kinds`` (all when None) and forget their results."""
        for k in list(self.jobs) if kinds is None else kinds:
            self.generation[k] = self.generation.get(k, 0) + 1
            job = self.jobs.get(k)
            if job is not None:
                job.cancel()

    def start(
        self,
        kind: str,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[..., None],
        *,
        on_progress: Callable[[float, str], None] | None = None,
        on_progress_end: Callable[[], None] | None = None,
        on_error: Callable[[Any], None] | None = None,
        then: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Job:
        """Run ``fn(**kwargs)`` in a worker as the job of ``kind``, cancelling the one before.

        ``on_done(result)``, ``on_failed(message, details)``, ``on_error(exception)``
        and the progress callbacks are called only while this job is the
        newest of its kind; ``then()`` always, once its outcome was handled.
        """
        old = self.jobs.get(kind)
        if old is not None and old.running:
            old.cancel()
        gen = self.generation.get(kind, 0) + 1
        self.generation[kind] = gen

        def current() -> bool:
            return self.generation.get(kind) == gen

        def connect(job: Job) -> None:
            if on_error is not None:
                job.sig_error.connect(lambda exc: on_error(exc) if current() else None)
            job.sig_finished.connect(lambda result: on_done(result) if current() else None)
            job.sig_failed.connect(lambda msg, details: on_failed(msg, details) if current() else None)
            if on_progress is not None:
                job.sig_progress.connect(lambda f, m: on_progress(f, m) if current() else None)
            if on_progress_end is not None:
                job.sig_done.connect(lambda: on_progress_end() if current() else None)
            if then is not None:
                job.sig_done.connect(then)  # after the result was published or the error shown

        job = start_job(fn, connect, **kwargs)
        self.jobs[kind] = job
        return job
