"""Bugs the soak found, each pinned by a fast deterministic reproduction.

Each test failed before its fix (worker jobs leaked their results; an image
asked for while a model load's result was still queued superseded the load).
"""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def _wait_start(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)


def test_an_image_asked_for_as_a_model_load_ends_keeps_the_model(soak_window, qtbot) -> None:
    from cnnviz.core.samples import sample_path
    from cnnviz.gui.inspect.jobs import ImageInput

    tab = soak_window.tab_widgets["inspect"]
    _wait_start(qtbot, tab)
    job = tab.controller.load_model("vgg_small")
    deadline = time.monotonic() + 30
    while job.running and time.monotonic() < deadline:  # no events: the result stays queued
        time.sleep(0.002)
    assert not job.running
    path = sample_path("checkerboard")
    tab.controller.load_image(ImageInput(path=str(path), label=path.name))
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=30000)
    qtbot.wait(100)  # every queued result delivered
    assert tab.state.model.name == "vgg_small"
    assert Path(tab.controller.raw_image.path) == path


def test_finished_jobs_and_what_their_slots_hold_are_freed(qtbot) -> None:
    """workers.py: a lambda capturing the job on its own sig_done, and auto-deleted
    QRunnable subclasses, kept jobs (and the models their slots close over) alive."""
    from PySide6.QtCore import QThreadPool

    from cnnviz.gui import workers

    class Payload:
        pass

    refs, jobs = [], []
    for i in range(60):
        payload = Payload()
        refs.append(weakref.ref(payload))
        if i % 2:
            job = workers.start_job(lambda progress, cancel, n=i: n,
                                    lambda j, p=payload: j.sig_finished.connect(lambda _r: p))
        else:
            job = workers.run_in_thread(lambda progress, cancel, n=i: n)
            job.sig_finished.connect(lambda _r, p=payload: p)
        jobs.append(weakref.ref(job))
        del payload, job
        time.sleep(0.001)  # spread out, as a user's requests are
    qtbot.waitUntil(lambda: not workers._ACTIVE, timeout=10000)
    assert QThreadPool.globalInstance().waitForDone(5000)
    gc.collect()
    assert sum(r() is not None for r in jobs) == 0, "finished jobs are still alive"
    assert sum(r() is not None for r in refs) == 0, "what the jobs' slots held is still alive"
