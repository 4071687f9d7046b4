"""The Train tab's lesson menu: the offline digits lesson is there, loads LeNet-5 on the digits, and trains."""

from __future__ import annotations

import pytest

from cnnviz.core.training.presets import get_preset
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def test_the_digits_lesson_is_in_the_menu_loads_and_starts(qtbot):
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    preset = get_preset("digits")
    action = next(a for a in tab.lesson_button.menu().actions() if a.text() == preset.title)
    action.trigger()
    assert tab.lesson_title.text() == preset.title
    assert tab.model.currentData() == "lenet5" and tab.dataset.currentData() == "digits"
    setup, runs = preset.build()
    assert tab.setup_from_controls().epochs == setup.epochs and [r.name for r in tab.runs_panel.runs] == \
        [r.name for r in runs]
    tab.start()
    qtbot.waitUntil(lambda: tab.trainer is not None and tab.trainer.log.train_count("Momentum") > 0, timeout=60000)
    assert tab.trainer.data.name == "digits" and tab.trainer.data.num_classes == 10
    tab.stop()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=5000)
    tab.shutdown()
