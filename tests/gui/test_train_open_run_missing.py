"""Inspect's "Load time-lapse" asks the Train tab for a run by name: a run the tab no longer has is
reported, and no other (selected) run is opened instead."""

from __future__ import annotations

import pytest

from cnnviz.core.training.config import RunConfig
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def test_a_missing_run_is_reported_and_the_selected_one_is_not_opened(qtbot) -> None:
    state = AppState()
    tab = TrainTab(state)
    qtbot.addWidget(tab)
    tab.train_limit.setValue(64)
    tab.batch.setValue(32)
    tab.epochs.setValue(1)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05})])
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    tab.runs_panel.table.selectRow(0)
    opened: list[object] = []
    said: list[str] = []
    state.open_in_inspect.connect(opened.append)
    state.status_message.connect(lambda text, _ms: said.append(text))
    state.open_run_in_inspect.emit("Adam")  # trained in another lesson, not here
    assert opened == []
    assert said == ["The Train tab has no run Adam now."]
    state.open_run_in_inspect.emit("SGD")  # the run it has still opens
    assert len(opened) == 1 and opened[0].run == "SGD"
    tab.shutdown()
