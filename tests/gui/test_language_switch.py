"""A language switch rebuilds every tab; what the user made must survive it."""

from __future__ import annotations

import torch

from cnnviz.core.training import RunConfig


def test_trained_weights_and_the_trainer_survive_a_language_switch(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("inspect", "train"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    train = window.tab_widgets["train"]
    train.train_limit.setValue(64)
    train.batch.setValue(32)
    train.epochs.setValue(1)
    train.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
    train.start()
    qtbot.waitUntil(lambda: not train.is_running(), timeout=60000)
    train.runs_panel.table.selectRow(1)
    assert train.runs_panel.selected_name() == "Adam"
    train.open_in_inspect()
    state = inspect.state
    qtbot.waitUntil(lambda: state.model.name == "lenet5" and "Adam" in state.model.weights_label
                    and not inspect.is_busy(), timeout=30000)
    trained = {k: v.clone() for k, v in state.model.loaded.model.state_dict().items()}
    assert inspect.model_panel.weights_box.currentText() == "trained in the Train tab (Adam)"

    window.set_language("zh")
    inspect, train = window.tab_widgets["inspect"], window.tab_widgets["train"]
    qtbot.waitUntil(lambda: inspect._started and not inspect.is_busy(), timeout=30000)
    qtbot.wait(50)
    session = inspect.state.model
    assert session.weights_label == "trained in the Train tab (Adam)"
    assert all(torch.equal(session.loaded.model.state_dict()[k], v) for k, v in trained.items())
    assert inspect.model_panel.weights_box.currentText() == "在训练页训练（Adam）"
    assert inspect.tree.keys() and inspect.grid.mosaic is not None, "the new views show the kept model"
    # The Train tab kept its trainer: the trained runs can still be saved and opened.
    assert train.trainer is not None and train.inspect_button.isEnabled() and train.export_weights_button.isEnabled()
    assert train.status.text() == "训练结束：已完成 2 个。"
    window.set_language("en")


def test_a_lessons_runs_follow_a_language_switch_of_the_window(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("train",))
    window.tab_widgets["train"].apply_preset("weight_decay")
    window.set_language("zh")
    names = [r.name for r in window.tab_widgets["train"].runs_panel.runs]
    assert names == ["无衰减", "衰减 2", "衰减 20（过大）"]
    window.set_language("en")
    assert [r.name for r in window.tab_widgets["train"].runs_panel.runs] == ["no decay", "decay 2", "decay 20 (too much)"]


def test_a_reopened_lessons_curves_survive_a_language_switch(make_main_window, qtbot) -> None:
    """A lesson's restored runs have no trainer: a language switch must not rename them (that clears the plots)."""
    from cnnviz.core.lesson_file import Attachments

    window = make_main_window(tabs=("train",))
    train = window.tab_widgets["train"]
    assert train.lesson_bar.preset is not None  # the default lesson: its runs are renamed in Chinese while untrained
    train.train_limit.setValue(64)
    train.batch.setValue(32)
    train.epochs.setValue(1)
    train.start()
    qtbot.waitUntil(lambda: not train.is_running(), timeout=60000)
    attachments = Attachments()
    lesson = train.lesson_state(attachments)
    train.apply_lesson_state(lesson, attachments)  # as File → Open lesson does: a session without a trainer
    assert train.trainer is None and train.controller.session is not None
    names = sorted(train.plots.series)
    points = {n: len(train.plots.series[n].x) for n in names}
    assert all(points.values()), points

    window.set_language("zh")
    train = window.tab_widgets["train"]
    qtbot.wait(50)
    assert sorted(train.plots.series) == names  # the saved names, not renamed
    assert {n: len(train.plots.series[n].x) for n in names} == points
    window.set_language("en")
    train = window.tab_widgets["train"]
    qtbot.wait(50)
    assert {n: len(train.plots.series[n].x) for n in names} == points
