"""A reopened lesson's runs have curves and a checkpoint but no trainer: their weights still reach Inspect."""

from __future__ import annotations

import pytest
import torch

from cnnviz.core.lesson_file import Attachments
from cnnviz.core.training.config import RunConfig
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def test_open_in_inspect_from_a_reopened_lesson_brings_the_trained_weights_and_snapshots(qtbot, tmp_path) -> None:
    state = AppState()
    tab = TrainTab(state)
    qtbot.addWidget(tab)
    tab.show()
    tab.train_limit.setValue(64)
    tab.batch.setValue(32)
    tab.epochs.setValue(2)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    trained = {k: v.clone() for k, v in tab.trainer.state_dict("Adam").items()}
    steps = list(tab.controller.snapshots.steps("Adam"))
    assert len(steps) >= 2

    attachments = Attachments()
    lesson = tab.lesson_state(attachments)
    tab.apply_lesson_state(lesson, attachments)  # File → Open lesson: curves and checkpoint, no trainer
    assert tab.trainer is None
    assert tab.inspect_button.isEnabled() and tab.export_weights_button.isEnabled()

    received = []
    state.open_in_inspect.connect(received.append)
    tab.runs_panel.table.selectRow(1)
    assert tab.runs_panel.selected_name() == "Adam"
    tab.open_in_inspect()
    qtbot.waitUntil(lambda: bool(received), timeout=30000)
    request = received[0]
    assert request.run == "Adam" and set(request.state_dict) == set(trained)
    assert all(torch.equal(request.state_dict[k].cpu(), v.cpu()) for k, v in trained.items())
    assert request.snapshots is not None and list(request.snapshots.steps("Adam")) == steps  # the time-lapse

    written = tab.export_weights(str(tmp_path))  # the trainer is rebuilt now: written at once
    assert sorted(p.rsplit("/", 1)[-1] for p in written) == ["Adam.pt", "SGD.pt"]
    tab.shutdown()
