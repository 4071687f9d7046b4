"""Every model the Train tab can send to Inspect works in Explain's receptive-field page, with the core's numbers."""

from __future__ import annotations

import pytest

from cnnviz.core.explain import rf_growth_from_model
from cnnviz.core.models import build_model
from cnnviz.core.session import ModelRequest, trained_label
from cnnviz.gui.train.tab import TRAIN_MODELS

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("name", TRAIN_MODELS)
def test_explain_from_the_model_gives_the_core_fields_for_every_trainable_model(make_main_window, qtbot, name):
    window = make_main_window(tabs=("inspect", "explain"), model="lenet5")
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    trained = build_model(name, seed=3).state_dict()
    window.state.open_in_inspect.emit(ModelRequest(name, state_dict=trained, state_label=trained_label("SGD")))
    qtbot.waitUntil(lambda: inspect.state.model.name == name and not inspect.is_busy(), timeout=60000)
    explain = window.tab_widgets["explain"]
    explain.show_topic("rf")
    page = explain.pages["rf"]
    errors: list[str] = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    page.sp_n.setValue(6)
    page.btn_model.click()
    qtbot.waitUntil(lambda: page.model_rows is not None, timeout=30000)
    session = inspect.state.model
    # computed independently: a fresh build at the session's own input size
    expected = rf_growth_from_model(build_model(name, seed=3), session.input_shape, 6)
    assert [(r.name, r.size, r.jump) for r in page.model_rows] == [(r.name, r.size, r.jump) for r in expected]
    assert len(page.model_rows) > 1 and errors == []
