"""The sweep's Live tab after Stop: rows still queued are drawn at once (not lost to the 1.5 s redraw
throttle), and a sweep stopped before any row came says so instead of showing an empty 0-1 plot."""

from __future__ import annotations

import time

import pytest

from cnnviz.core.training.config import TrainSetup
from cnnviz.gui.state import AppState
from cnnviz.gui.train.sweep_live import FLUSH_MS, SweepLive
from cnnviz.gui.train.sweep_panel import SweepPanel
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _rows(run: str, steps: range, optimizer: str = "sgd", lr: float = 0.01) -> list[dict]:
    return [{"run": run, "split": "train", "step": s, "loss": 2.0 / (s + 1), "optimizer": optimizer, "lr": lr}
            for s in steps]


def _hint_apart(live: SweepLive) -> None:
    """The note shows inside the view, off the legend."""
    live.hint.updateTransform(force=True)
    text, legend = live.hint.sceneBoundingRect(), live.legend.sceneBoundingRect()
    view = live.plot.getViewBox().sceneBoundingRect()
    assert live.hint.isVisible() and text.width() > 20
    assert view.adjusted(-1, -1, 1, 1).contains(text), (text, view)
    assert not text.intersects(legend), (text, legend)


def test_a_stop_before_any_row_says_so(qtbot):
    live = SweepLive()
    qtbot.addWidget(live)
    live.resize(800, 450)
    live.show()
    live.start({"sgd": [0.01, 0.1], "adam": [0.001]})
    qtbot.wait(20)
    assert "Waiting for the runs' first training rows" in live.hint_text()
    live.finish(stopped=True)
    qtbot.wait(20)
    assert live.hint_text() == "No training rows arrived before the stop: no curve to draw."
    _hint_apart(live)
    assert live.plot.getViewBox().viewRange()[0][1] > 5  # a step axis of 0 to 10, not 0 to 1
    major, minor = live.plot.getAxis("left")._tickLevels  # noqa: SLF001
    assert [v for v, _t in major] == [-1, 0, 1] and minor == []  # 0.1, 1, 10: not 2, 3, ..., 9 piled up
    live.finish(stopped=False)
    assert live.hint_text() == "No training rows arrived before the sweep ended: no curve to draw."


def test_rows_queued_at_the_stop_are_drawn_at_once(qtbot):
    live = SweepLive()
    qtbot.addWidget(live)
    live.resize(800, 450)
    live.show()
    live.start({"sgd": [0.01]})
    live.add_rows(_rows("a", range(0, 3)))
    live.add_rows(_rows("a", range(3, 5)) + [{"run": "a", "split": "val", "step": 4, "loss": 9.0,
                                              "optimizer": "sgd", "lr": 0.01}])
    assert live.lines == {}  # throttled: nothing drawn yet
    t0 = time.monotonic()
    live.finish(stopped=True)
    assert time.monotonic() - t0 < FLUSH_MS / 1000  # drawn now, not when the throttle fires
    x, y = live.lines["a"].getOriginalDataset()
    assert x.tolist() == [0, 1, 2, 3, 4] and y.tolist() == [2.0 / (s + 1) for s in range(5)]
    assert live.hint_text() == ""
    assert live.plot.getAxis("left")._tickLevels is None  # pyqtgraph's own log ticks with data  # noqa: SLF001


def test_the_panel_flushes_the_live_plot_when_the_sweep_ends(qtbot):
    panel = SweepPanel(TrainSetup)
    qtbot.addWidget(panel)
    panel.live.start({"sgd": [0.01]})
    panel.controller.sig_rows.emit(_rows("a", range(4)))
    panel.controller.sig_ended.emit({})  # the same poll that brought the last rows saw the end
    x, _y = panel.live.lines["a"].getOriginalDataset()
    assert x.tolist() == [0, 1, 2, 3]


def test_a_real_sweep_stopped_at_once_says_no_row_came(qtbot):
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    tab.apply_preset("digits")
    panel = tab.views.sweep
    panel.set_optimizers(["sgd"])
    panel.grid.setText("0.01")
    panel.seeds.setValue(1)
    panel.workers.setValue(1)
    panel.start()
    panel.stop_button.click()  # before the worker process could train a step
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10000)
    try:
        if panel.controller.rows:
            pytest.skip("the worker reported a row before the stop")
        assert panel.live.hint_text() == "No training rows arrived before the stop: no curve to draw."
    finally:
        tab.shutdown()
