"""A finished job (a QObject of the GUI thread) is released on the GUI thread, never on a pool thread.

A QObject destroyed on a pool thread waits for the GIL inside ~QObject while holding Qt's signal
lock; the GUI thread, deleting a widget at the same time, waits for that lock: CI hung on it.
"""

from __future__ import annotations

import threading
import time
import weakref

import pytest

from cnnviz.gui.workers import start_job

pytestmark = pytest.mark.gui


def _slow_finish(progress, cancel, seconds: float) -> int:
    time.sleep(seconds)
    return 1


@pytest.mark.parametrize("seconds", [0.0, 0.05])
def test_the_last_reference_to_a_job_is_dropped_on_the_gui_thread(qtbot, seconds) -> None:
    released: list[str] = []
    for _ in range(20):
        job = start_job(_slow_finish, None, seconds=seconds)
        weakref.finalize(job, lambda: released.append(threading.current_thread().name))
        done: list[int] = []
        job.sig_done.connect(lambda done=done: done.append(1))
        del job  # only the worker machinery holds it now
        qtbot.waitUntil(lambda done=done: bool(done), timeout=5000)
    qtbot.waitUntil(lambda: len(released) == 20, timeout=5000)
    assert set(released) == {threading.main_thread().name}
