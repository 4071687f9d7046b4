"""Stop ends every worker process, also one whose start was still under way when Stop came."""

from __future__ import annotations

import threading
import time
from typing import Any

from cnnviz.core.training.executors import LocalExecutor


class SlowStart(LocalExecutor):
    """A local executor on a loaded machine: starting a process takes longer than stop() waits for it."""

    def __init__(self) -> None:
        super().__init__(workers=1)
        self.started: list[Any] = []
        self.spawning = threading.Event()

    def _spawn(self, threads: int) -> Any:
        self.spawning.set()
        time.sleep(0.8)  # stop() joins the managing thread for 0.5 s only
        worker = super()._spawn(threads)
        self.started.append(worker.process)
        return worker


def test_stop_ends_a_worker_that_started_while_stopping() -> None:
    executor = SlowStart()
    messages: list[Any] = []
    executor.start([{"index": 0}], {}, messages.append)
    assert executor.spawning.wait(10.0)  # the managing thread is inside _spawn now (however busy the machine)
    executor.stop()
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline and (not executor.started or executor.started[0].is_alive()):
        time.sleep(0.05)
    assert len(executor.started) == 1 and not executor.started[0].is_alive()  # it was not left behind
    assert messages == []  # and no job was handed to it
