"""Playground: is precomputing the race cheap, and does the animation keep the frame rate?

1. Compute: 8 optimizers × 2,000 steps of the real torch.optim classes on
   Rosenbrock. Reported as the compute time per displayed step (all 8
   optimizers advance one step) divided by one 60 Hz frame (16.7 ms).
2. Draw: the time the tab spends redrawing one step (8 paths, 8 loss curves,
   labels) divided by the same frame budget.
3. Frames: the tab animates offscreen; the intervals between the clock's
   ticks are compared with the timer's target (median and 99th percentile).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FRAME_BUDGET_S = 1 / 60


def _compute_rows(quick: bool) -> list[dict]:
    import torch

    from cnnviz.core.playground import (
        RacerConfig,
        get_surface,
        list_optimizers,
        run_race,
        suggested_hyperparams,
    )

    torch.set_num_threads(1)
    steps = 500 if quick else 2000
    s = get_surface("rosenbrock")
    racers = [RacerConfig(n, suggested_hyperparams(s, n)) for n in list_optimizers()]
    run_race(s, racers, s.spec.default_start, 20)  # warm-up
    t0 = time.perf_counter()
    out = run_race(s, racers, s.spec.default_start, steps)
    elapsed = time.perf_counter() - t0
    per_step = elapsed / steps
    ratio = per_step / FRAME_BUDGET_S
    return [{
        "name": f"compute {len(racers)} optimizers × {steps} steps, per displayed step / frame budget",
        "value": round(ratio, 4),
        "target": "<= 0.25",
        "passed": ratio <= 0.25,
        "unit": "ratio",
        "details": f"{elapsed:.2f} s total, {per_step * 1e3:.2f} ms per step of all {len(out)} "
                   f"optimizers vs {FRAME_BUDGET_S * 1e3:.1f} ms per frame",
    }]


def _frame_rows(quick: bool) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from cnnviz.core.playground import list_optimizers
    from cnnviz.gui.playground.tab import PlaygroundTab
    from cnnviz.gui.state import AppState

    tab = PlaygroundTab(AppState())
    tab.resize(1500, 950)
    tab.show()
    for name in list_optimizers():
        tab.racers.set_enabled(name, True)
    steps = 240 if quick else 600
    tab.surface_combo.setCurrentIndex(tab.surface_combo.findData("rosenbrock"))
    tab.steps_box.setValue(steps)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (tab.is_busy() or len(tab.shown) < 8):
        app.processEvents()
        time.sleep(0.002)
        if tab.clock.playing:
            tab.clock.pause()

    # Draw cost: redraw every step once, timed.
    draws = []
    for k in range(0, steps, max(1, steps // 120)):
        t0 = time.perf_counter()
        tab.show_step(k)
        tab.view.viewport().repaint()
        tab.loss_view.viewport().repaint()
        draws.append(time.perf_counter() - t0)
    draw = statistics.median(draws)

    # Animation: play from step 0 at one step per frame and record tick times.
    tab.clock.set_speed(1.0)
    tab.clock.seek(0)
    tab.clock.play()
    while tab.clock.playing and time.monotonic() < deadline + 60:
        app.processEvents()
    ticks = list(tab.clock.frame_times)
    tab.shutdown()
    intervals = sorted(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    target = tab.clock.frame_ms / 1000
    median = statistics.median(intervals) if intervals else float("nan")
    p99 = intervals[min(len(intervals) - 1, int(0.99 * len(intervals)))] if intervals else float("nan")
    return [
        {
            "name": "draw one displayed step (8 paths + 8 loss curves) / frame budget",
            "value": round(draw / FRAME_BUDGET_S, 3),
            "target": "<= 1.0",
            "passed": draw / FRAME_BUDGET_S <= 1.0,
            "unit": "ratio",
            "details": f"median {draw * 1e3:.2f} ms over {len(draws)} redraws",
        },
        {
            "name": "animation frame interval, median / timer target",
            "value": round(median / target, 3),
            "target": "<= 1.25",
            "passed": median / target <= 1.25,
            "unit": "ratio",
            "details": f"median {median * 1e3:.1f} ms vs target {target * 1e3:.0f} ms over {len(intervals)} frames",
        },
        {
            "name": "animation frame interval, p99 / timer target",
            "value": round(p99 / target, 3),
            "target": "<= 2.0",
            "passed": p99 / target <= 2.0,
            "unit": "ratio",
            "details": f"p99 {p99 * 1e3:.1f} ms vs target {target * 1e3:.0f} ms (offscreen platform)",
        },
    ]


def run(quick: bool = False) -> list[dict]:
    """Rows: compute ratio, draw ratio, frame interval median and p99 ratios."""
    return _compute_rows(quick) + _frame_rows(quick)


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        mark = "PASS" if row["passed"] else "FAIL"
        print(f"{mark}  {row['name']}: {row['value']} {row['unit']} (target {row['target']})  {row['details']}")
