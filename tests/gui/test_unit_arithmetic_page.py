"""Explain's Unit arithmetic page: a unit opened from Inspect shows the network's own numbers, computed in a worker."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from cnnviz.core.images import prepare
from cnnviz.core.probe import capture
from cnnviz.core.session import UnitSelection, session_for_module
from cnnviz.gui.explain.common import fmt_real
from cnnviz.gui.explain.tab import create_tab
from cnnviz.gui.state import AppState

pytestmark = pytest.mark.gui


def _net() -> nn.Module:
    torch.manual_seed(0)
    bn = nn.BatchNorm2d(6)
    bn.running_mean.uniform_(-0.5, 0.5)
    bn.running_var.uniform_(0.5, 2.0)
    bn.weight.data.uniform_(-2, 2)
    return nn.Sequential(nn.Conv2d(3, 4, 1), nn.Conv2d(4, 6, 3, stride=2, padding=2, dilation=2, groups=2), bn,
                         nn.ReLU(inplace=True), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 4 * 4, 5)).eval()


@pytest.fixture
def page_and_state(qtbot):
    model = _net()
    session = session_for_module(model, (3, 16, 16), name="tiny")
    rgb = np.random.default_rng(0).integers(0, 255, (16, 16, 3), dtype=np.uint8)
    image = prepare(rgb, session.pre)
    assert tuple(image.tensor.shape) == (1, 3, 16, 16)
    state = AppState()
    state.set_session(session, image)
    tab = create_tab(state, None)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    yield tab, state, model, image
    tab.shutdown()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=5000)


def test_a_unit_from_inspect_shows_the_captured_value_and_its_steps(page_and_state, qtbot, monkeypatch) -> None:
    tab, state, model, image = page_and_state
    from cnnviz.core.explain import unit_arithmetic as core

    threads = []
    real = core.unit_arithmetic

    def recording(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(core, "unit_arithmetic", recording)
    layers = capture(model, image.tensor, "all").layers
    page = tab.pages["unit"]
    unit = UnitSelection("1", 4, 3, 5)  # filter 4 of groups = 2: input channels 2, 3
    with qtbot.waitSignal(state.open_tab) as shown:
        state.open_unit_arithmetic.emit(unit)
    assert shown.args == ["explain"] and tab.topic == "unit"
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    assert threads == [False]  # the model ran in a worker, not on the GUI thread
    u = page.result
    expected = float(layers["1"][0, 4, 3, 5])
    assert abs(u.value - expected) < 1e-5 and u.in_channels == (2, 3)
    p = page.anim.patch
    assert page.canvas.output_text(0, 3 - p.out_y0, 5 - p.out_x0) == fmt_real(expected)
    assert "output[4] row 3, col 5" in page.canvas.equation_lines()[1]
    for y, x in np.ndindex(p.out_h, p.out_w):  # the neighbours are the layer's outputs too
        assert abs(page.anim[page.anim.index_of(0, y, x)].value - float(layers["1"][0, 4, p.out_y0 + y,
                                                                                     p.out_x0 + x])) < 1e-5
    page.sp_drawn.setValue(1)  # one channel drawn, the other summed into every step: still the layer's values
    assert page.anim.hidden_channels == 1 and page.canvas.output_text(0, 3 - p.out_y0, 5 - p.out_x0) is not None
    for y, x in np.ndindex(p.out_h, p.out_w):
        assert abs(page.anim[page.anim.index_of(0, y, x)].value - float(layers["1"][0, 4, p.out_y0 + y,
                                                                                     p.out_x0 + x])) < 1e-5
    assert "(the other 1 channel(s))" in page.canvas.equation_lines()[1]
    page.canvas.setFocus()
    qtbot.keyClick(page.canvas, Qt.Key.Key_End)
    assert page.canvas.follow_index == 1 and page.canvas.equation_lines()[0].startswith("ReLU 3")
    qtbot.keyClick(page.canvas, Qt.Key.Key_Left)
    assert page.canvas.equation_lines()[0].startswith("BatchNorm 2")
    relu = float(layers["3"][0, 4, 3, 5])
    assert abs(u.final - relu) < 1e-5 and fmt_real(relu) in page.formula.text()
    page.canvas.grab()
    assert page.canvas.cell_texts  # drawn; every number fits its cell (checked in test_explain_fit)


def test_a_linear_unit_from_the_page_controls(page_and_state, qtbot) -> None:
    tab, state, model, image = page_and_state
    tab.show_topic("unit")
    page = tab.pages["unit"]
    index = page.cb_layer.findData("6")
    assert index >= 0 and page.cb_layer.findData("5") < 0  # Flatten is not offered
    page.cb_layer.setCurrentIndex(index)
    assert page.sp_c.maximum() == 4 and page.sp_y.maximum() == 0
    page.sp_c.setValue(3)
    page.btn_show.click()
    qtbot.waitUntil(lambda: page.result is not None, timeout=10000)
    with torch.no_grad():
        expected = float(model(image.tensor)[0, 3])
    last = page.table.rowCount() - 1
    assert page.table.item(last, 3).text() == fmt_real(expected)
    assert page.views.currentWidget() is page.table


def test_inspect_button_opens_the_clicked_unit_in_explain(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("inspect", "explain"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    button = inspect.channel_view.arithmetic_button
    assert not button.isEnabled()
    window.state.set_layer("C3")
    inspect.controller.set_unit(UnitSelection("C3", 7, 4, 6))
    assert button.isEnabled()
    button.click()
    assert window.current_tab_key() == "explain"
    page = window.tab_widgets["explain"].pages["unit"]
    qtbot.waitUntil(lambda: page.result is not None, timeout=15000)
    value = float(inspect.controller.forward.layers["C3"][0, 7, 4, 6])
    assert abs(page.result.value - value) < 1e-5 and page.result.window.shape == (6, 5, 5)
    assert [s.kind for s in page.result.follow] == ["tanh"]
