"""The Train tab's sharpness view: estimates next to each optimizer's edge, NaN said, the lesson shows it."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cnnviz.core.training.metrics import MetricsLog
from cnnviz.gui.state import AppState
from cnnviz.gui.train.sharpness_view import SharpnessView
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _shown(item) -> tuple[list[float], list[float]]:
    x, y = item.getOriginalDataset()
    return [] if x is None else x.tolist(), [] if y is None else y.tolist()


def test_estimates_and_edges_are_drawn_and_a_nan_is_said(qtbot):
    view = SharpnessView("en")
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    assert "not tracked" in view.notice.toPlainText()
    log = MetricsLog()
    log.add_run("GD", "sgd")
    log.sharpness_tracked = True
    log.add_sharpness("GD", 5, 4.0, 2 / 0.2)
    log.add_sharpness("GD", 10, math.nan, 2 / 0.2, "The loss on the probe batch is inf: no sharpness.")
    log.add_sharpness("GD", 15, 9.5, 2 / 0.2)
    view.set_runs([("GD", "#1f77b4")])
    assert view.pull(log)
    estimate, edge = view.items["GD"]
    assert _shown(estimate) == ([5.0, 15.0], [4.0, 9.5])  # the NaN estimate is left out ...
    assert _shown(edge) == ([5.0, 10.0, 15.0], [10.0] * 3)
    text = view.notice.toPlainText()
    assert "1 estimate(s) NaN" in text and "Step 10: The loss on the probe batch is inf" in text  # ... and said
    assert not view.pull(log)  # nothing new
    links: list[bool] = []
    view.sig_open_playground.connect(lambda: links.append(True))
    view.explanation.linkActivated.emit("playground")
    assert links and "2/λmax" in view.explanation.text()


def test_the_edge_of_stability_lesson_plots_sharpness_against_two_over_lr(qtbot):
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    tab.apply_preset("edge_of_stability")
    assert tab.views.current_page() == "sharpness" and tab.setup_form.sharpness_every.value() == 5
    tab.epochs.setValue(5)  # full batch: 5 steps, one estimate per run
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=120000)
    for name, lr in (("GD lr=0.2", 0.2), ("GD lr=0.3", 0.3)):
        sharp = tab.trainer.log.snapshot(name).sharpness
        estimate, edge = tab.views.sharpness.items[name]
        assert _shown(estimate) == (sharp["step"].tolist(), sharp["sharpness"].tolist())
        assert sharp["step"].tolist() == [5.0] and np.isfinite(sharp["sharpness"]).all()
        assert _shown(edge)[1] == pytest.approx([2 / lr])  # gradient descent's edge, 2/lr
    tab.shutdown()
