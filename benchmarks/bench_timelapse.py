"""Issue 19 §3: scrubbing a training time-lapse in the Inspect tab, through the real window (offscreen).

LeNet-5 is trained for real on the offline digits with a snapshot every few
steps and opened in Inspect with them. Each sample moves the time-lapse slider
to another snapshot and waits until the activation grid, the channel, the
top-5, the input pictures and the Kernels panel show that snapshot, then
paints them all (``grab()``). The 95th percentile is reported as a share of a
10 Hz budget (100 ms). The naive way, measured in the same run, opens the
snapshot as a model of its own (what "Open in Inspect" with those weights
does: build, load, summarise, run); Grad-CAM follows every change after the
Inspect tab's own 120 ms pause, as for any new image.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_10HZ_MS = 100.0
RUN = "sgd"
WINDOW_OPTIONS = dict(
    screenshot="(benchmark)",  # screenshot mode: the user's settings are neither read nor written
    model="lenet5", weights=None, image=None, layer=None, device="cpu", tab=None, size=None, lang=None, seed=0,
    zoom=None, theme=None, panel=None, lesson=None, screenshot_timeout=None,
)


def _wait(cond, timeout: float = 120.0) -> None:
    """Run Qt's event loop (the GIL stays free for the workers, as in the app) until ``cond()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    if cond():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    end = time.perf_counter() + timeout
    timer.timeout.connect(lambda: (cond() or time.perf_counter() > end) and loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    if not cond():
        raise TimeoutError("the window did not settle")


def _trained(snapshots: int):
    from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset
    from cnnviz.core.training.snapshots import WeightRecorder

    every = 3
    limit = 32 * every * (snapshots - 1)
    bundle = load_dataset("digits", train_limit=limit, val_limit=64)
    setup = TrainSetup(model="lenet5", dataset="digits", epochs=1, batch_size=32, init_seed=0, data_seed=0,
                       train_limit=limit, val_limit=64)
    trainer = Trainer(setup, [RunConfig(RUN, "sgd", {"lr": 0.5})], data=bundle)
    recorder = WeightRecorder(every=every)
    trainer.add_step_hook(recorder)
    trainer.run()
    recorder.finish(trainer)
    return trainer, recorder


def run(quick: bool = False) -> list[dict]:
    """Scrub → repainted views at a snapshot (LeNet-5), vs a 10 Hz budget and vs opening the snapshot afresh."""
    import torch

    from cnnviz.core.session import ModelRequest, trained_label
    from cnnviz.gui.app import make_window
    from cnnviz.gui.startup import _new_application

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # LeNet-5 is tiny: one thread is its fastest, and steadiest on a shared machine
    _new_application()
    trainer, recorder = _trained(12)
    window = make_window(argparse.Namespace(**WINDOW_OPTIONS), tabs=("inspect",))
    window.resize(1280, 800)
    window.show()
    tab = window.tab_widgets["inspect"]
    _wait(lambda: tab.controller.forward is not None and not tab.is_busy())
    request = ModelRequest(name="lenet5", state_dict=trainer.state_dict(RUN), state_label=trained_label(RUN),
                           class_names=tuple(trainer.data.class_names), dataset="digits", snapshots=recorder, run=RUN)
    window.state.open_in_inspect.emit(request)
    _wait(lambda: window.state.model.request is request and not tab.is_busy())
    tab.show_panel("kernels")
    bar, controller = tab.timelapse, tab.controller
    views = (tab.grid, tab.channel_view, tab.predictions, tab.input_panel, tab.kernels)
    steps = recorder.steps(RUN)
    shown: list[int] = []
    bar.sig_shown.connect(shown.append)
    samples = 30 if quick else 100
    times = []
    for k in range(samples + 3):
        _wait(lambda: not bar.busy() and not tab.is_busy())
        target = (bar.slider.value() + 1 + k % 3) % len(steps)
        shown.clear()
        t0 = time.perf_counter()
        bar.slider.setValue(target)  # what dragging the slider does
        _wait(lambda t=target: shown == [t] and not controller.pending("weight") and not controller.pending("main"))
        for view in views:
            view.grab()
        if k >= 3:
            times.append(time.perf_counter() - t0)
            expected = recorder.load(RUN, steps[target])["C1.weight"].numpy()
            assert (tab.kernels.weight == expected).all(), "the kernels shown are not the snapshot's"
    # the naive way: open the snapshot as a model of its own, until the same views are painted
    naive = []
    for k in range(3 if quick else 6):
        _wait(lambda: not tab.is_busy())
        state = recorder.load(RUN, steps[k % len(steps)])
        t0 = time.perf_counter()
        done = []
        controller.load(ModelRequest(name="lenet5", state_dict=state, state_label=f"step {steps[k]}"),
                        then=lambda d=done: d.append(1))
        _wait(lambda d=done: bool(d) and not controller.pending("weight"))
        for view in views:
            view.grab()
        naive.append(time.perf_counter() - t0)
    window.close()
    torch.set_num_threads(threads)
    p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
    ratio = p95 * 1000 / BUDGET_10HZ_MS
    return [{
        "name": "time-lapse, LeNet-5: scrub to another snapshot → repainted views, p95 / 10 Hz budget",
        "value": round(ratio, 3),
        "target": "<= 1.0",
        "passed": ratio <= 1.0,
        "unit": "ratio",
        "details": (f"{len(times)} scrubs over {len(steps)} snapshots: median {statistics.median(times) * 1000:.1f} ms, "
                    f"p95 {p95 * 1000:.1f} ms (activation grid, channel, top-5, input, kernels); opening a snapshot "
                    f"as its own model instead: median {statistics.median(naive) * 1000:.0f} ms "
                    f"({statistics.median(naive) / statistics.median(times):.0f}× slower)"),
    }]


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        print(f"{row['name']}: {row['value']} ({row['target']}) {'ok' if row['passed'] else 'FAIL'} — {row['details']}")
