"""A reopened lesson whose Inspect model had a training time-lapse: Inspect says where it is, and a button brings it.

The snapshots are the Train tab's (its part of the lesson); the weights Inspect
shows are its own attachment. The bar's hint asks the Train tab for the run
(what its "Open in Inspect" does: rebuild the run from the checkpoint first).
"""

from __future__ import annotations

import pytest
import torch

from cnnviz.core.training.config import RunConfig

pytestmark = pytest.mark.gui


def _train_and_open_in_inspect(window, qtbot):
    train, inspect = window.tab_widgets["train"], window.tab_widgets["inspect"]
    train.train_limit.setValue(64)
    train.batch.setValue(32)
    train.epochs.setValue(1)
    train.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05})])
    train.start()
    qtbot.waitUntil(lambda: not train.is_running(), timeout=60000)
    steps = list(train.controller.snapshots.steps("SGD"))
    assert len(steps) >= 2
    train.runs_panel.table.selectRow(0)
    train.open_in_inspect()
    qtbot.waitUntil(lambda: inspect.state.model is not None and inspect.state.model.request.run == "SGD"
                    and not inspect.is_busy(), timeout=30000)
    return steps


@pytest.mark.slow  # trains / builds a second model: a few seconds
def test_a_reopened_lesson_offers_the_time_lapse_and_the_button_brings_it(make_main_window, qtbot, tmp_path) -> None:
    window = make_main_window(tabs=("inspect", "train"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    steps = _train_and_open_in_inspect(window, qtbot)
    bar = inspect.timelapse
    assert bar.isVisible() and bar.slider.isVisible() and not bar.replay_button.isVisible()
    trained = {k: v.clone() for k, v in inspect.state.model.state_dict_copy().items()}
    path = window.save_lesson_to(tmp_path / "timelapse")
    assert path is not None

    again = make_main_window(tabs=("inspect", "train"), model="lenet5", seed=0)
    inspect = again.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    assert again.open_lesson_from(path)
    bar = inspect.timelapse
    qtbot.waitUntil(lambda: bar.replay_button.isVisible() and not inspect.is_busy(), timeout=30000)
    # the lesson's trained weights are shown, without snapshots: the hint stands where the slider would be
    session = inspect.state.model
    assert all(torch.equal(session.state_dict_copy()[k], v) for k, v in trained.items())
    assert session.request.snapshots is None
    assert bar.isVisible() and bar.replay_hint.isVisible() and not bar.slider.isVisible()
    assert "Train tab" in bar.replay_hint.text()

    bar.replay_button.click()  # the Train tab rebuilds the run from its checkpoint, then opens it in Inspect
    qtbot.waitUntil(lambda: inspect.state.model.request.snapshots is not None and not inspect.is_busy(),
                    timeout=60000)
    assert bar.slider.isVisible() and not bar.replay_button.isVisible() and not bar.replay_hint.isVisible()
    assert bar.steps == steps and bar.run == "SGD"
    assert all(torch.equal(inspect.state.model.state_dict_copy()[k], v) for k, v in trained.items())


def test_another_model_takes_the_hint_away(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    bar = tab.timelapse
    bar.offer_replay("SGD")
    assert bar.isVisible() and bar.replay_button.isVisible() and bar.replay_run == "SGD"
    asked: list[str] = []
    tab.state.open_run_in_inspect.connect(asked.append)
    bar.replay_button.click()
    assert asked == ["SGD"]
    tab.controller.load_model("vgg_small")
    qtbot.waitUntil(lambda: tab.state.model.name == "vgg_small" and not tab.is_busy(), timeout=30000)
    assert not bar.isVisible() and bar.replay_run == ""
