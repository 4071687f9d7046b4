"""Loading a lesson ends the last one's session: Continue cannot train the old runs on under the new
lesson, and nothing of the old training (status, exports, Inspect, axis ranges) is left behind."""

from __future__ import annotations

import pytest

from cnnviz.core.training.config import RunConfig
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _trained_tab(qtbot) -> TrainTab:
    """A tab whose one tiny run trained 1 epoch, with Epochs raised to 2 so Continue is enabled."""
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    tab.train_limit.setValue(64)
    tab.batch.setValue(32)
    tab.epochs.setValue(1)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 0.01})])
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    tab.epochs.setValue(2)
    assert tab.continue_button.isEnabled()  # the premise: there is something to continue
    return tab


def test_continue_after_loading_another_lesson_does_not_train_the_old_runs(qtbot) -> None:
    tab = _trained_tab(qtbot)
    tab.apply_preset("digits")
    assert tab.controller.session is None and tab.trainer is None
    assert not tab.continue_button.isEnabled()
    assert tab.continue_button.toolTip() == tab.continue_reason() != ""
    assert "press Start" in tab.continue_button.toolTip()
    tab.epochs.setValue(6)  # more epochs than any run trained: still nothing of this lesson to continue
    assert not tab.continue_button.isEnabled()
    tab.continue_training()  # the shortcut works while disabled: it says why and trains nothing
    assert not tab.is_running() and tab.trainer is None
    assert "press Start" in tab.status.text()
    tab.shutdown()


def test_editing_the_runs_after_training_ends_the_session_for_continue(qtbot) -> None:
    tab = _trained_tab(qtbot)
    tab.runs_panel.set_runs(tab.runs_panel.runs)  # the same runs again: the session still matches
    assert tab.continue_button.isEnabled()
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.5})])  # another rate: not what trained
    assert tab.controller.session is None and not tab.continue_button.isEnabled()
    tab.shutdown()


def test_a_new_lesson_starts_clean_status_buttons_and_axes(qtbot) -> None:
    fresh = TrainTab(AppState())
    qtbot.addWidget(fresh)
    empty = {k: p.getViewBox().viewRange() for k, p in fresh.plots._plots.items()}
    fresh.shutdown()
    tab = _trained_tab(qtbot)
    tab.epochs.setValue(1)
    assert tab.continue_reason().startswith("The 1 epoch is done")
    assert tab.status.text() != ""
    for b in (tab.export_csv_button, tab.export_weights_button, tab.inspect_button):
        assert b.isEnabled()  # the premise: the trained runs could be saved
    trained = tab.plots.loss_plot.getViewBox().viewRange()
    assert trained[0] != empty["loss"][0]  # the premise: the loss plot's x range follows 4 steps
    tab.apply_preset("learning_rate")
    assert tab.status.text() == "" and tab.progress.value() == 0
    for b in (tab.export_csv_button, tab.export_weights_button, tab.inspect_button):
        assert not b.isEnabled()  # nothing trained for this lesson
    for key, plot in tab.plots._plots.items():
        got = [v for r in plot.getViewBox().viewRange() for v in r]
        assert got == pytest.approx([v for r in empty[key] for v in r], abs=1e-6), key  # the old lesson's ranges are gone
    tab.shutdown()


def test_changing_the_setup_after_training_blocks_continue_until_it_is_set_back(qtbot) -> None:
    tab = _trained_tab(qtbot)
    tab.batch.setValue(16)  # Continue would go on with batch 32: the setup shown is not the one trained
    assert not tab.continue_button.isEnabled()
    assert tab.continue_button.toolTip() == (
        "The setup changed since these runs trained: set it back, or press Start to train again.")
    tab.continue_training()
    assert not tab.is_running() and tab.status.text() == tab.continue_reason()
    tab.batch.setValue(32)
    assert tab.continue_button.isEnabled()
    tab.init_seed.setValue(tab.init_seed.value() + 1)
    assert not tab.continue_button.isEnabled()
    tab.init_seed.setValue(tab.init_seed.value() - 1)
    tab.device.setCurrentIndex(tab.device.currentIndex())  # the device may change: it is chosen per call
    assert tab.continue_button.isEnabled()
    tab.shutdown()
