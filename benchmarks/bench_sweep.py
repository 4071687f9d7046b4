"""Research-grade training benchmarks: sharpness tracking, loss landscape, digits lesson, snapshots, sweeps.

The two cost ratios are CPU time of this process on one torch thread
(``time.process_time``), alternated and the best of each kept: a shared,
busy machine stretches wall-clock time at random, CPU time much less.

* ``sharpness_tracking_overhead``: training time with sharpness tracked at the
  default K (and default probe) over the same training without it, LeNet-5 on
  the digits. Target <= 1.5 (tracking adds at most 50 %).
* ``landscape_25x25_vs_625_evaluations``: a 25×25 loss landscape of LeNet-5
  on 1,000 probe images over 625 plain evaluation passes (forward + loss, no
  grad) over the same images. Target <= 1.2.
* ``digits_lesson_seconds_2_cores``: the "LeNet-5 on handwritten digits"
  lesson, start to end on 2 torch threads (data loading included), and its
  held-out accuracy. Target < 60 s (an absolute time: the issue asks for it).
* ``snapshots_30_lenet5_mb``: 30 LeNet-5 snapshots as files. Target <= 10 MB.
* ``sweep_caller_timer_p99_ms``: 99th-percentile lateness of a 10 ms timer
  thread in the calling process while a 2-worker local sweep trains (what the
  GUI's event loop would feel from the sweep's manager thread). Target < 20 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


class _one_thread:
    """Run the block on one torch thread (CPU-time ratios without OpenMP spin-waits)."""

    def __enter__(self) -> None:
        import torch

        self.threads = torch.get_num_threads()
        torch.set_num_threads(1)

    def __exit__(self, *exc: object) -> None:
        import torch

        torch.set_num_threads(self.threads)


def _digits():
    from cnnviz.core.training import load_dataset

    return load_dataset("digits")


def _sharpness_overhead(quick: bool) -> dict:
    import copy

    from cnnviz.core.training import RunConfig, Trainer, TrainSetup
    from cnnviz.core.training.sharpness import DEFAULT_EVERY, DEFAULT_PROBE

    data = _digits()
    epochs = 7 if quick else 14  # 315 / 630 steps: 3 / 6 estimates at K = 100
    base = TrainSetup(model="lenet5", dataset="digits", epochs=epochs, batch_size=32)
    run = [RunConfig("adam", "adam", {"lr": 1e-3})]

    def train(every: int | None) -> tuple[float, int]:
        setup = TrainSetup(**{**base.to_dict(), "sharpness_every": every})
        trainer = Trainer(setup, run, data=copy.copy(data))
        trainer.prepare()
        t0 = time.process_time()
        trainer.run()
        snap = trainer.log.snapshot("adam")
        return time.process_time() - t0, int(snap.sharpness["step"].size) if snap.sharpness else 0

    plain, tracked, estimates = [], [], 0
    with _one_thread():
        for _ in range(2 if quick else 3):  # alternate so machine noise hits both
            plain.append(train(None)[0])
            seconds, estimates = train(DEFAULT_EVERY)
            tracked.append(seconds)
    ratio = min(tracked) / min(plain)
    steps = epochs * -(-1437 // 32)
    return {
        "name": "sharpness_tracking_overhead", "value": round(ratio, 3), "target": "<= 1.5",
        "passed": ratio <= 1.5, "unit": "x time",
        "details": f"{steps} Adam steps bs 32, K={DEFAULT_EVERY}, probe {DEFAULT_PROBE} images, {estimates} "
                   f"estimates: plain {min(plain):.2f} s, tracked {min(tracked):.2f} s CPU (1 thread)",
    }


def _landscape(quick: bool) -> dict:
    import torch
    import torch.nn.functional as F

    from cnnviz.core.models import build_model
    from cnnviz.core.training.landscape import compute_landscape, parameter_names, random_plane

    data = _digits()
    n = 1000
    x, y = data.train.batch(torch.arange(n))
    grid = 9 if quick else 25
    model = build_model("lenet5", seed=0, num_classes=10, in_channels=1)
    state = {k: v.clone() for k, v in model.state_dict().items()}
    plane = random_plane(state, parameter_names(model), seed=0)

    def plain(side: int = grid) -> float:
        model.eval()
        t0 = time.process_time()
        with torch.no_grad():
            for _ in range(side * side):
                F.cross_entropy(model(x), y).item()
        return time.process_time() - t0

    def landscape(side: int = grid) -> float:
        t0 = time.process_time()
        compute_landscape(model, plane, x, y, grid=side, span=1.0)
        return time.process_time() - t0

    a, b = [], []
    with _one_thread():
        plain(3), landscape(3)  # warm-up
        for _ in range(2):
            a.append(plain())
            b.append(landscape())
    ratio = min(b) / min(a)
    return {
        "name": f"landscape_{grid}x{grid}_vs_{grid * grid}_evaluations", "value": round(ratio, 3),
        "target": "<= 1.2", "passed": ratio <= 1.2, "unit": "x time",
        "details": f"LeNet-5, {n} probe images: {grid * grid} plain passes {min(a):.2f} s, landscape "
                   f"{min(b):.2f} s CPU (1 thread)",
    }


def _digits_lesson(quick: bool) -> dict:
    import torch

    from cnnviz.core.training import Trainer, get_preset

    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        t0 = time.perf_counter()
        setup, runs = get_preset("digits").build()
        trainer = Trainer(setup, runs)
        trainer.run()
        seconds = time.perf_counter() - t0
    finally:
        torch.set_num_threads(threads)
    acc = float(trainer.log.snapshot(runs[0].name).val["accuracy"][-1])
    return {
        "name": "digits_lesson_seconds_2_cores", "value": round(seconds, 1), "target": "< 60",
        "passed": seconds < 60 and acc >= 0.9, "unit": "s",
        "details": f"{setup.epochs} epochs of LeNet-5 on 1,437 digits incl. loading; held-out accuracy "
                   f"{acc * 100:.1f}% (needs >= 90%)",
    }


def _snapshots(quick: bool) -> dict:
    from cnnviz.core.models import build_model
    from cnnviz.core.training.snapshots import WeightRecorder

    model = build_model("lenet5", seed=0)
    recorder = WeightRecorder(every=1)
    for step in range(30):
        recorder.keep("run", step, model)
    with tempfile.TemporaryDirectory() as folder:
        paths = recorder.save(folder)
        size = sum(p.stat().st_size for p in paths)
    mb = size / 1e6
    return {
        "name": "snapshots_30_lenet5_mb", "value": round(mb, 2), "target": "<= 10", "passed": mb <= 10,
        "unit": " MB", "details": f"30 state_dict files; {recorder.memory_bytes / 1e6:.2f} MB in memory",
    }


def _sweep_timer(quick: bool) -> dict:
    import numpy as np

    from cnnviz.core.training import TrainSetup
    from cnnviz.core.training.executors import LocalExecutor
    from cnnviz.core.training.sweeps import Sweep, SweepSpec

    setup = TrainSetup(model="lenet5", dataset="digits", epochs=2 if quick else 4, batch_size=32)
    spec = SweepSpec.grid(setup, ["sgd", "adam"], [1e-2], seeds=1)
    with tempfile.TemporaryDirectory() as folder:
        sweep = Sweep(spec, out_dir=folder, executor=LocalExecutor(workers=2))
        late: list[float] = []
        rows = 0
        sweep.start()
        while sweep.status().running < 2 and not sweep.done:  # measure while both runs train
            time.sleep(0.05)
        stop = threading.Event()

        def poll() -> None:  # what a GUI timer would do: take the new rows
            nonlocal rows
            while not stop.is_set():
                rows += len(sweep.poll())
                time.sleep(0.1)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        while not sweep.done:
            t0 = time.perf_counter()
            time.sleep(0.01)
            late.append((time.perf_counter() - t0 - 0.01) * 1000)
        stop.set()
        poller.join()
    p99 = float(np.percentile(late, 99)) if late else float("nan")
    return {
        "name": "sweep_caller_timer_p99_ms", "value": round(p99, 2), "target": "< 20", "passed": p99 < 20,
        "unit": "ms", "details": f"{len(late)} ticks while 2 worker processes trained; {rows} rows polled; "
                                 f"max {max(late):.1f} ms" if late else "no ticks",
    }


PARTS = {"sharpness": _sharpness_overhead, "landscape": _landscape, "digits": _digits_lesson,
         "snapshots": _snapshots, "sweep": _sweep_timer}


def run(quick: bool = False) -> list[dict]:
    """Every row of this benchmark."""
    return [part(quick) for part in PARTS.values()]


if __name__ == "__main__":  # bench_sweep.py [--quick] [PART ...]
    chosen = [a for a in sys.argv[1:] if a in PARTS] or list(PARTS)
    for name in chosen:
        row = PARTS[name](quick="--quick" in sys.argv)
        mark = "PASS" if row["passed"] else "FAIL"
        print(f"{mark} {row['name']}: {row['value']} {row['unit']} (target {row['target']})  {row['details']}",
              flush=True)
