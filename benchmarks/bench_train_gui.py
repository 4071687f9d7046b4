"""Train tab responsiveness while a sweep trains in worker processes (issue #17 §1).

* ``train_gui_sweep_timer_p99_ms``: 99th-percentile lateness of a 10 ms
  QTimer in the GUI process while two sweep runs (LeNet-5 on the offline
  digits, SGD and Adam) train in two worker processes, driven by the real
  Train tab (its Sweep page polls the rows and draws the live curves).
  Target < 20 ms.
* ``train_gui_thread_vs_process_p99_ratio``: the same lateness while the
  same two runs train in a thread of the GUI process (the Train tab's own
  Start, the naive way for a sweep) over the lateness with worker processes.
  Reported (> 1 means processes keep the GUI more responsive).

Offscreen; the idle lateness of the same timer is in the details.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # the shared probe, run from anywhere

from timer_probe import p99, timer_delays  # noqa: E402


def _app():
    from PySide6.QtWidgets import QApplication

    import cnnviz.gui.train  # noqa: F401

    return QApplication.instance() or QApplication([])




def _wait(app, condition: Callable[[], bool], timeout: float) -> None:
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _tab(app):
    from cnnviz.gui.state import AppState
    from cnnviz.gui.train.tab import TrainTab

    tab = TrainTab(AppState())
    tab.resize(1400, 900)
    tab.show()
    tab.apply_preset("digits")
    app.processEvents()
    return tab


def _measure(quick: bool) -> tuple[list[float], list[float], list[float], int]:
    """(idle, sweep in processes, same runs in a thread) delays and the rows the sweep streamed."""
    from cnnviz.core.training.config import RunConfig

    app = _app()
    seconds = 4.0 if quick else 10.0
    tab = _tab(app)
    tab.epochs.setValue(50)  # longer than the measurement: both runs train throughout
    idle = timer_delays(app, 1.0)
    panel = tab.views.sweep
    tab.views.show_page("sweep")
    panel.set_optimizers(["sgd", "adam"])
    panel.grid.setText("0.01")
    panel.seeds.setValue(1)
    panel.workers.setValue(2)
    panel.start()
    _wait(app, lambda: len({r["run"] for r in panel.controller.rows}) == 2, 120)  # both train now
    status = panel.controller.status
    sweep = timer_delays(app, seconds, lambda: status() is not None and status().running == 2)
    rows = len(panel.controller.rows)
    panel.stop()
    _wait(app, lambda: not panel.is_running(), 10)
    tab.views.show_page("curves")
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.01}), RunConfig("Adam", "adam", {"lr": 0.01})])
    tab.start()
    _wait(app, lambda: tab.trainer is not None and tab.trainer.prepared and tab.trainer.log.train_count("SGD") > 0, 60)
    thread = timer_delays(app, seconds, tab.controller.is_running)
    tab.shutdown()
    tab.close()
    app.processEvents()
    return idle, sweep, thread, rows


def run(quick: bool = False) -> list[dict]:
    """Both rows of this benchmark."""
    idle, sweep, thread, rows = _measure(quick)
    p_sweep, p_thread = p99(sweep), p99(thread)
    ratio = p_thread / p_sweep if p_sweep > 0 else float("inf")
    return [
        {"name": "train_gui_sweep_timer_p99_ms", "value": round(p_sweep, 2), "target": "< 20",
         "passed": p_sweep < 20, "unit": "ms",
         "details": f"{len(sweep)} ticks of a 10 ms timer while 2 sweep runs trained in 2 worker processes "
                    f"({rows} rows streamed to the live curves); max {max(sweep, default=float('nan')):.1f} ms; "
                    f"idle p99 {p99(idle):.1f} ms"},
        {"name": "train_gui_thread_vs_process_p99_ratio", "value": round(ratio, 2), "target": "reported",
         "passed": True, "unit": "x",
         "details": f"p99 {p_thread:.1f} ms with the same 2 runs in a thread of the GUI process "
                    f"({len(thread)} ticks) vs {p_sweep:.1f} ms with worker processes"},
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        mark = "PASS" if row["passed"] else "FAIL"
        print(f"{mark} {row['name']}: {row['value']} {row['unit']} (target {row['target']})  {row['details']}",
              flush=True)
