"""Snapshots of the weights while training (issue #19 §3, Train side): kept, sent to Inspect, saved in lessons."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import torch

from cnnviz.core.lesson_file import Attachments
from cnnviz.core.models import build_model
from cnnviz.core.session import ModelRequest
from cnnviz.core.training.config import RunConfig
from cnnviz.core.training.engine import Trainer
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(qtbot):
    widget = TrainTab(AppState())
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.train_limit.setValue(64)
    widget.batch.setValue(32)
    widget.epochs.setValue(2)
    widget.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
    yield widget
    widget.shutdown()


def _equal(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_epoch_snapshots_go_to_inspect_with_the_data_and_into_the_lesson(tab, qtbot):
    assert tab.setup_form.snapshots_every() == "epoch"  # the default
    received: list[ModelRequest] = []
    tab.state.open_in_inspect.connect(received.append)
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    tab.runs_panel.table.selectRow(1)
    tab.open_in_inspect()
    request = received[0]
    rec, setup = request.snapshots, tab.setup_from_controls()
    assert request.run == "Adam" and request.dataset == "shapes" and request.dataset_path is None
    assert request.class_names == tuple(tab.trainer.data.class_names)
    assert rec.steps("Adam") == [0, 2, 4]  # the shared start and the end of each of 2 epochs of 2 steps
    # Step 0 is the seed's initial weights; the last is the trained model; step 2 is what one epoch gives.
    kwargs = tab.trainer.model_kwargs("Adam")
    assert _equal(rec.load("Adam", 0), build_model("lenet5", seed=setup.init_seed, **kwargs).state_dict())
    assert _equal(rec.load("Adam", 4), dict(request.state_dict))
    one_epoch = Trainer(replace(setup, epochs=1), [RunConfig("Adam", "adam", {"lr": 1e-3})])
    one_epoch.run()
    assert _equal(rec.load("Adam", 2), one_epoch.state_dict("Adam"))

    attachments = Attachments()
    saved = json.loads(json.dumps(tab.lesson_state(attachments), allow_nan=False))
    ref = saved["session"]["snapshots"]
    assert attachments.get(ref, "data") is not None
    other = TrainTab(AppState())
    qtbot.addWidget(other)
    other.apply_lesson_state(saved, attachments)
    restored = other.controller.snapshots
    assert restored.runs() == ["SGD", "Adam"] and restored.steps("SGD") == [0, 2, 4]
    assert _equal(restored.load("SGD", 4), rec.load("SGD", 4))
    assert other.lesson_state(Attachments()) == saved  # saved again as it was opened
    other.shutdown()


def test_every_n_steps_or_off(tab, qtbot):
    tab.setup_form.set_snapshots_every(3)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05})])
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    assert tab.controller.snapshots.steps("SGD") == [0, 3, 4]  # every 3 steps, and the end
    tab.setup_form.set_snapshots_every(None)
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    assert tab.controller.snapshots is None
    tab.runs_panel.table.selectRow(0)
    received: list[ModelRequest] = []
    tab.state.open_in_inspect.connect(received.append)
    tab.open_in_inspect()
    assert received[0].snapshots is None and received[0].run == "SGD"
