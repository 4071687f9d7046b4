"""A disabled Continue says why and what to do (its tooltip, and the status line of a reopened lesson);
raising Epochs enables it again."""

from __future__ import annotations

import json

import pytest

from cnnviz.core.lesson_file import Attachments
from cnnviz.core.training.config import RunConfig
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _tab(qtbot) -> TrainTab:
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    return tab


def test_a_reopened_lesson_says_why_continue_is_disabled_until_epochs_are_raised(qtbot) -> None:
    tab = _tab(qtbot)
    tab.train_limit.setValue(64)
    tab.batch.setValue(32)
    tab.epochs.setValue(1)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05})])
    assert not tab.continue_button.isEnabled()
    assert "press Start" in tab.continue_button.toolTip()  # nothing trained yet
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    attachments = Attachments()
    saved = json.loads(json.dumps(tab.lesson_state(attachments), allow_nan=False))
    tab.shutdown()

    other = _tab(qtbot)
    other.apply_lesson_state(saved, attachments)
    assert other.epochs.value() == 1 and not other.continue_button.isEnabled()  # its 1 epoch is done
    why = "The 1 epoch is done: raise Epochs above 1 to continue training."  # not "All 1 epochs"
    assert other.continue_button.toolTip() == why
    assert other.status.text().endswith(why)  # said at once: a disabled button cannot be clicked to ask
    other.epochs.setValue(2)
    assert other.continue_button.isEnabled()
    assert "Train the stopped runs on" in other.continue_button.toolTip()
    other.epochs.setValue(1)
    assert not other.continue_button.isEnabled() and other.continue_button.toolTip() == why
    other.continue_training()  # the shortcut (Ctrl+Shift+Enter) still works while disabled: it says why
    assert other.status.text() == why and not other.is_running()
    other.shutdown()
