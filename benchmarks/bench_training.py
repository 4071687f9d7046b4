"""Training benchmarks: engine overhead, GUI responsiveness while training, plot redraw cost.

* ``engine_vs_plain_loop``: steps/s of the Trainer (metrics, divergence checks,
  interleaving) over steps/s of a bare PyTorch loop on the same model, data and
  batch order (pre-normalised tensors, no .item()). Target >= 0.95.
* ``gui_event_loop_p99_delay_ms``: 99th-percentile lateness of a 10 ms QTimer
  while the Train tab trains (offscreen). Target < 50 ms (a frame budget).
* ``plot_redraw_cost_ratio_100k_vs_10k``: GUI time spent per second of live
  updates (10 ticks, new points + pull + redraw + paint) with 100k points per
  run over the same with 10k. Target <= 2 (bounded, not proportional).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # the shared probe, run from anywhere

from timer_probe import p99, timer_delays  # noqa: E402


def _engine_ratio(quick: bool) -> dict:
    import torch
    import torch.nn.functional as F

    from cnnviz.core.models import build_model
    from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset

    n_train, bs = (1024, 64) if quick else (2048, 64)
    epochs = 2 if quick else 3
    steps = epochs * (n_train // bs)
    bundle = load_dataset("shapes", seed=0, train_limit=n_train, val_limit=64)

    def plain() -> float:
        model = build_model("lenet5", seed=0, num_classes=10, in_channels=1)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        x_all, y_all = bundle.train.batch(torch.arange(n_train))
        x_val, y_val = bundle.val.batch(torch.arange(len(bundle.val)))
        g = torch.Generator().manual_seed(0)
        t0 = time.perf_counter()
        for _ in range(epochs):
            perm = torch.randperm(n_train, generator=g)
            for k in range(0, n_train, bs):
                idx = perm[k : k + bs]
                opt.zero_grad(set_to_none=True)
                F.cross_entropy(model(x_all[idx]), y_all[idx]).backward()
                opt.step()
            with torch.no_grad():  # the usual end-of-epoch validation
                model.eval()
                F.cross_entropy(model(x_val), y_val).item()
                model.train()
        return time.perf_counter() - t0

    def engine() -> float:
        setup = TrainSetup(model="lenet5", epochs=epochs, batch_size=bs, train_limit=n_train, val_limit=64)
        trainer = Trainer(setup, [RunConfig("adam", "adam", {"lr": 1e-3})], data=bundle)
        trainer.prepare()
        t0 = time.perf_counter()
        trainer.run()
        return time.perf_counter() - t0

    plain(), engine()  # warm-up: first calls pay for allocations and lazy imports
    plain_times, engine_times = [], []
    for _ in range(3 if quick else 5):  # alternate so machine noise hits both
        plain_times.append(plain())
        engine_times.append(engine())
    ratio = min(plain_times) / min(engine_times)
    return {
        "name": "engine_vs_plain_loop", "value": round(ratio, 3), "target": ">= 0.95",
        "passed": ratio >= 0.95, "unit": "x steps/s",
        "details": f"{steps} steps lenet5 bs {bs}: plain {steps / min(plain_times):.1f} steps/s, "
                   f"engine {steps / min(engine_times):.1f} steps/s (both validate 64 images per epoch; the engine also before step 1)",
    }


def _app():
    from PySide6.QtWidgets import QApplication

    import cnnviz.gui.train  # noqa: F401  (applies the PySide6 refcount guard)

    return QApplication.instance() or QApplication([])




def _event_loop(quick: bool) -> dict:
    from cnnviz.core.training import RunConfig
    from cnnviz.gui.state import AppState
    from cnnviz.gui.train.tab import TrainTab

    app = _app()
    tab = TrainTab(AppState())
    tab.resize(1400, 900)
    tab.show()
    tab.train_limit.setValue(2000)
    tab.epochs.setValue(100)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
    seconds = 3.0 if quick else 8.0
    idle = timer_delays(app, 1.0)
    tab.start()
    while tab.trainer is None or not tab.trainer.prepared:
        app.processEvents()
        time.sleep(0.005)
    busy = timer_delays(app, seconds)
    steps = tab.trainer.log.train_count("SGD")
    tab.shutdown()
    app.processEvents()
    tab.close()
    tab.deleteLater()
    app.processEvents()
    busy_p99 = p99(busy)
    return {
        "name": "gui_event_loop_p99_delay_ms", "value": round(busy_p99, 2), "target": "< 50",
        "passed": busy_p99 < 50, "unit": "ms",
        "details": f"10 ms timer over {seconds:.0f} s of training ({steps} steps per run, 2 runs): "
                   f"p99 {busy_p99:.1f} ms, max {max(busy):.1f} ms; idle p99 {p99(idle):.1f} ms",
    }


def _redraw_cost(points: int, ticks: int = 10, new_per_tick: int = 100, runs: int = 4) -> float:
    import numpy as np

    from cnnviz.core.training.metrics import MetricsLog
    from cnnviz.gui.train.plots import PALETTE, TrainPlots

    app = _app()
    plots = TrainPlots()
    plots.resize(1200, 800)
    plots.show()
    names = [f"run{i}" for i in range(runs)]
    plots.set_runs([(n, PALETTE[i]) for i, n in enumerate(names)])
    log = MetricsLog()
    rng = np.random.default_rng(0)
    for n in names:
        log.add_run(n, "sgd")
    for n in names:
        for s in range(1, points + 1):
            log.add_train(n, s, 1, 2.0 / (1 + s * 1e-3) + 0.1 * rng.random(), 0.5, 1e-3)
    plots.pull(log)
    plots.redraw()
    app.processEvents()
    step = points
    total = 0.0
    for _ in range(ticks):
        for n in names:
            for s in range(step + 1, step + new_per_tick + 1):
                log.add_train(n, s, 1, 0.5 + 0.1 * rng.random(), 0.5, 1e-3)
        step += new_per_tick
        t0 = time.perf_counter()
        plots.pull(log)
        plots.redraw()
        plots.repaint()
        app.processEvents()
        total += time.perf_counter() - t0
    plots.close()
    plots.deleteLater()
    app.processEvents()
    return total


def _redraw(quick: bool) -> dict:
    small = min(_redraw_cost(10_000) for _ in range(2))
    big = min(_redraw_cost(100_000) for _ in range(2))
    ratio = big / small
    return {
        "name": "plot_redraw_cost_ratio_100k_vs_10k", "value": round(ratio, 2), "target": "<= 2",
        "passed": ratio <= 2.0, "unit": "x",
        "details": f"GUI time per second of live updates, 4 runs: {small * 1000:.0f} ms at 10k points/run, "
                   f"{big * 1000:.0f} ms at 100k points/run",
    }


def run(quick: bool = False) -> list[dict]:
    """Every training benchmark row."""
    rows = [_engine_ratio(quick), _event_loop(quick), _redraw(quick)]
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(3000)
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        mark = "PASS" if row["passed"] else "FAIL"
        print(f"{mark} {row['name']}: {row['value']} {row['unit']} (target {row['target']})  {row['details']}")
