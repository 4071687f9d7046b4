"""Where sweep runs execute: a pool of local worker processes, or a Ray cluster.

Both take a list of jobs (:meth:`SweepJob.to_dict`) and the shared setup,
call :func:`~cnnviz.core.training.sweeps.run_job` once per job somewhere
else, and deliver messages to ``on_message`` from one background thread:

* ``("started", index)`` when a run begins,
* ``("rows", index, [row, ...])`` as its metrics arrive (batched ~5 times a second),
* ``("done", index, result)`` with :meth:`RunResult.to_dict`, or
* ``("failed", index, message)`` when its process crashed or the job raised.

``on_done()`` is called once every job ended (not after :meth:`stop`).
:meth:`stop` ends every process it started before it returns.

Local processes use the ``spawn`` start method (no forked copy of a GUI or of
torch's thread pools), ignore Ctrl+C (the caller decides), pin their torch
threads to ``cores // workers`` so runs do not fight over cores, and exit
when the caller goes away (their pipe closes).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import multiprocessing.connection
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cnnviz.core.errors import CnnvizError

OnMessage = Callable[[tuple[Any, ...]], None]
OnDone = Callable[[], None]

STOP_TIMEOUT_S = 1.5  # terminate, then kill whatever is left after this long


class MissingExtraError(CnnvizError):
    """An optional extra that this feature needs is not installed."""


def default_workers(jobs: int | None = None) -> int:
    """One worker per core (at most 8), never more than there are jobs."""
    cores = os.cpu_count() or 1
    count = max(1, min(cores, 8))
    return max(1, min(count, jobs)) if jobs else count


def threads_per_worker(workers: int) -> int:
    """Torch threads for each of ``workers`` processes sharing this machine's cores."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _pin_threads(threads: int) -> None:
    import torch

    torch.set_num_threads(threads)
    with contextlib.suppress(RuntimeError):  # already set (a Ray worker reused for a second run)
        torch.set_num_interop_threads(1)


# ---------------------------------------------------------------- local processes


def _worker_main(conn: Any, threads: int) -> None:
    """A local worker: run the jobs the pipe brings until it brings None or closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's to handle: it stops us
    _pin_threads(threads)
    from cnnviz.core.training.sweeps import run_job

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job, setup = message
        index = job["index"]
        try:
            conn.send(("started", index))
            result = run_job(job, setup, emit=_sender(conn, index))
            conn.send(("done", index, result))
        except (BrokenPipeError, EOFError, OSError):
            return  # the caller is gone
        except BaseException as exc:  # the run's own error: report it, take the next job
            try:
                conn.send(("failed", index, _one_line(exc)))
            except (BrokenPipeError, OSError):
                return


def _sender(conn: Any, index: int) -> Callable[[list[dict[str, Any]]], None]:
    """Send a run's rows through the pipe."""

    def send(rows: list[dict[str, Any]]) -> None:
        conn.send(("rows", index, rows))

    return send


@dataclass
class _Worker:
    process: Any
    conn: Any
    job: int | None = None  # the index of the job it runs


class LocalExecutor:
    """Runs jobs in ``workers`` local processes (spawned, pinned, crash-isolated)."""

    def __init__(self, workers: int | None = None, threads: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise ValueError("workers must be ≥ 1")
        self.workers = workers
        self.threads = threads
        self._ctx = mp.get_context("spawn")
        self._pool: list[_Worker] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, jobs: list[dict[str, Any]], setup: dict[str, Any], on_message: OnMessage,
              on_done: OnDone = lambda: None) -> None:
        """Start running ``jobs`` (returns at once; messages come from a background thread)."""
        workers = self.workers or default_workers(len(jobs))
        threads = self.threads or threads_per_worker(workers)
        self._thread = threading.Thread(
            target=self._manage, args=(deque(jobs), setup, workers, threads, on_message, on_done),
            name="cnnviz-sweep-local", daemon=True,
        )
        self._thread.start()

    def pids(self) -> list[int]:
        """Process ids of the workers alive now."""
        with self._lock:
            return [w.process.pid for w in self._pool if w.process.is_alive()]

    def stop(self) -> None:
        """End every worker process now (terminate, then kill after ~1.5 s); no message arrives after it."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(0.5)  # it notices within 0.1 s unless busy spawning or delivering
        with self._lock:
            pool = list(self._pool)
        for w in pool:
            if w.process.is_alive():
                w.process.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for w in pool:
            w.process.join(max(0.0, deadline - time.monotonic()))
        for w in pool:
            if w.process.is_alive():
                w.process.kill()
                w.process.join(0.3)
        self._close_all()

    def _spawn(self, threads: int) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, threads), name="cnnviz-sweep-worker",
                                    daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._pool.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            if worker in self._pool:
                self._pool.remove(worker)
        with contextlib.suppress(OSError):
            worker.conn.close()

    def _close_all(self) -> None:
        with self._lock:
            pool, self._pool = list(self._pool), []
        for w in pool:
            with contextlib.suppress(OSError):
                w.conn.close()

    def _manage(self, queue: deque[dict[str, Any]], setup: dict[str, Any], workers: int, threads: int,
                on_message: OnMessage, on_done: OnDone) -> None:
        try:
            while not self._stop.is_set():
                with self._lock:
                    pool = list(self._pool)
                idle = [w for w in pool if w.job is None]
                # Hand out jobs: idle workers first, then new ones up to the limit.
                while queue and (idle or len(pool) < workers) and not self._stop.is_set():
                    if idle:
                        worker = idle.pop()
                    else:
                        worker = self._spawn(threads)
                        if self._stop.is_set():  # started while stop() ran: it may have missed this one
                            self._end(worker)
                            break
                    if self._stop.is_set():
                        break
                    if worker not in pool:
                        pool.append(worker)
                    job = queue.popleft()
                    worker.job = job["index"]
                    with contextlib.suppress(OSError):  # its death shows up on the sentinel below
                        worker.conn.send((job, setup))
                for worker in idle:  # nothing left to give: let it go
                    if not queue:
                        self._quit(worker)
                        pool.remove(worker)
                if not pool:
                    break
                waitables = {w.conn: w for w in pool} | {w.process.sentinel: w for w in pool}
                for ready in mp.connection.wait(list(waitables), timeout=0.1):
                    if self._stop.is_set():
                        return
                    worker = waitables[ready]
                    if ready is worker.conn:
                        self._receive(worker, on_message)
                    elif worker in self._pool:
                        self._bury(worker, on_message)
            if not self._stop.is_set():
                on_done()
        except Exception as exc:  # e.g. no process can be started: every run still out failed
            if not self._stop.is_set():
                with self._lock:
                    lost = [w.job for w in self._pool if w.job is not None]
                for index in lost + [job["index"] for job in queue]:
                    on_message(("failed", index, f"Could not run it in a worker process: {_one_line(exc)}"))
                self.stop()
                on_done()
        finally:
            if not self._stop.is_set():
                self._close_all()

    def _receive(self, worker: _Worker, on_message: OnMessage) -> None:
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message[0] in ("done", "failed"):
                    worker.job = None
                on_message(message)
        except (EOFError, OSError):
            pass  # the process is ending: its sentinel reports it

    def _bury(self, worker: _Worker, on_message: OnMessage) -> None:
        """A worker process ended on its own: report its job failed, forget it."""
        self._receive(worker, on_message)  # what it sent before dying still counts
        worker.process.join(0.5)
        if worker.job is not None:
            code = worker.process.exitcode
            how = f"exit code {code}" if code is not None and code >= 0 else f"signal {-code}" if code else "unknown"
            on_message(("failed", worker.job, f"The run's process ended unexpectedly ({how}): it crashed or "
                                              "ran out of memory."))
        self._retire(worker)

    def _end(self, worker: _Worker) -> None:
        """End ``worker``'s process now (terminate, then kill) and forget it."""
        worker.process.terminate()
        worker.process.join(STOP_TIMEOUT_S)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(0.3)
        self._retire(worker)

    def _quit(self, worker: _Worker) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            worker.conn.send(None)
        worker.process.join(2.0)
        if worker.process.is_alive():
            worker.process.terminate()
            worker.process.join(1.0)
        self._retire(worker)


# ---------------------------------------------------------------- Ray


def import_ray() -> Any:
    """The ``ray`` module, or MissingExtraError naming the extra to install."""
    try:
        import ray
    except ImportError:
        raise MissingExtraError("Ray is not installed: pip install 'cnnviz[ray]' (or use --executor local).") from None
    return ray


def _ray_run_job(job: dict[str, Any], setup: dict[str, Any], queue: Any, threads: int) -> dict[str, Any]:
    """A Ray task: pin threads, stream rows through the queue actor, return the result."""
    _pin_threads(threads)
    from cnnviz.core.training.sweeps import run_job

    index = job["index"]
    queue.put(("started", index))
    return run_job(job, setup, emit=lambda rows: queue.put(("rows", index, rows)))


class RayExecutor:
    """Runs jobs as Ray tasks, locally or on the cluster at ``address``; rows come back through a queue actor.

    Without ``address`` and without a running Ray, a private local Ray is
    started (``workers`` CPUs, no dashboard) and shut down at the end. With
    ``address`` (``ray://host:10001`` or ``auto``) the cluster must have cnnviz,
    torch and the data available (``pip install 'cnnviz[ray]'`` on every node).
    ``workers`` caps the runs in flight; each reserves ``cpus_per_run`` CPUs.
    """

    def __init__(self, address: str | None = None, workers: int | None = None, cpus_per_run: float = 1.0,
                 init_kwargs: dict[str, Any] | None = None) -> None:
        self.address = address
        self.workers = workers
        self.cpus_per_run = cpus_per_run
        self.init_kwargs = dict(init_kwargs or {})
        self._ray = import_ray()
        self._owns_ray = False
        self._queue: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._inflight: dict[Any, int] = {}
        self._lock = threading.Lock()

    def start(self, jobs: list[dict[str, Any]], setup: dict[str, Any], on_message: OnMessage,
              on_done: OnDone = lambda: None) -> None:
        """Connect to (or start) Ray, then submit the jobs from a background thread."""
        ray = self._ray
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, **self.init_kwargs}
            if self.address:
                kwargs["address"] = self.address
            else:  # a private Ray on this computer: loopback only
                kwargs.setdefault("num_cpus", self.workers or default_workers())
                kwargs.setdefault("_node_ip_address", "127.0.0.1")
            try:
                ray.init(**kwargs)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise CnnvizError(f"Cannot reach the Ray cluster at {self.address or 'this computer'}: "
                                  f"{_one_line(exc)}") from None
            self._owns_ray = True
        from ray.util.queue import Queue

        self._queue = Queue(actor_options={"num_cpus": 0})
        workers = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1) // self.cpus_per_run))
        remote = ray.remote(num_cpus=self.cpus_per_run, max_retries=0)(_ray_run_job)
        threads = max(1, int(self.cpus_per_run))
        self._thread = threading.Thread(
            target=self._manage, args=(deque(jobs), setup, remote, workers, threads, on_message, on_done),
            name="cnnviz-sweep-ray", daemon=True,
        )
        self._thread.start()

    def _drain(self, on_message: OnMessage) -> None:
        while True:
            size = self._queue.qsize()
            if not size:
                return
            for message in self._queue.get_nowait_batch(size):
                on_message(message)

    def _manage(self, queue: deque[dict[str, Any]], setup: dict[str, Any], remote: Any, workers: int, threads: int,
                on_message: OnMessage, on_done: OnDone) -> None:
        ray = self._ray
        try:
            while not self._stop.is_set():
                with self._lock:
                    while queue and len(self._inflight) < workers:
                        job = queue.popleft()
                        self._inflight[remote.remote(job, setup, self._queue, threads)] = job["index"]
                    pending = list(self._inflight)
                if not pending:
                    break
                ready, _ = ray.wait(pending, num_returns=len(pending), timeout=0.1)
                self._drain(on_message)
                for ref in ready:
                    if self._stop.is_set():
                        return
                    with self._lock:
                        index = self._inflight.pop(ref)
                    try:
                        on_message(("done", index, ray.get(ref)))
                    except Exception as exc:  # RayTaskError (the job raised), WorkerCrashedError, ...
                        cause = getattr(exc, "cause", None) or exc
                        on_message(("failed", index, _one_line(cause)))
            if not self._stop.is_set():
                self._drain(on_message)
                on_done()
        except Exception as exc:  # the connection to Ray broke: every run still out failed
            if not self._stop.is_set():
                with self._lock:
                    lost = list(self._inflight.values()) + [j["index"] for j in queue]
                    self._inflight.clear()
                for index in lost:
                    on_message(("failed", index, f"Lost the Ray cluster: {_one_line(exc)}"))
                on_done()
        finally:
            if not self._stop.is_set():
                self._release()

    def stop(self) -> None:
        """Cancel every run (their worker processes are killed) and let go of Ray."""
        self._stop.set()
        with self._lock:
            refs = list(self._inflight)
            self._inflight.clear()
        for ref in refs:
            with contextlib.suppress(Exception):  # already finished
                self._ray.cancel(ref, force=True)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2.0)
        self._release()

    def _release(self) -> None:
        if self._queue is not None:
            with contextlib.suppress(Exception):
                self._ray.kill(self._queue.actor)
            self._queue = None
        if self._owns_ray and self._ray.is_initialized():
            self._ray.shutdown()
            self._owns_ray = False


def make_executor(kind: str = "local", *, workers: int | None = None, address: str | None = None) -> Any:
    """``local`` -> :class:`LocalExecutor`, ``ray`` -> :class:`RayExecutor` (MissingExtraError without ray)."""
    from cnnviz.core.errors import ConfigError

    key = (kind or "local").strip().lower()
    if key == "local":
        if address:
            raise ConfigError("--address is for --executor ray.")
        return LocalExecutor(workers=workers)
    if key == "ray":
        return RayExecutor(address=address, workers=workers)
    raise ConfigError(f"Unknown executor {kind!r}: use local or ray.")
