"""Another tab's "Open in Inspect" loads that model, with its weights, in the Inspect tab."""

from __future__ import annotations

import torch

from cnnviz.core.models import build_model
from cnnviz.core.session import ModelRequest, trained_label


def test_trained_weights_reach_the_inspect_tab(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    state = tab.state
    trained = build_model("lenet5_modern", seed=42, num_classes=4).state_dict()
    shown: list[str] = []
    state.open_tab.connect(shown.append)
    state.open_in_inspect.emit(ModelRequest(
        "lenet5_modern", model_kwargs={"num_classes": 4}, state_dict=trained, state_label=trained_label("Adam")
    ))
    qtbot.waitUntil(lambda: state.model is not None and state.model.name == "lenet5_modern" and not tab.is_busy(),
                    timeout=30000)
    model = state.model.loaded.model
    assert model[-1].out_features == 4
    assert all(torch.equal(model.state_dict()[k], v) for k, v in trained.items())
    assert state.model.weights_label == "trained in the Train tab (Adam)"
    assert "lenet5_modern  ·  trained in the Train tab (Adam)" in inspect_window.status_model.text()


def test_the_source_of_trained_weights_is_translated() -> None:
    from cnnviz.gui.inspect.common import weights_text

    assert weights_text("trained in the Train tab (Adam)") == "trained in the Train tab (Adam)"
    assert weights_text("trained in the Train tab") == "trained in the Train tab"
    assert weights_text("random (seed 3)") == "random weights (seed 3)"


def test_timeline_request_opens_random_weights(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    tab.state.open_in_inspect.emit(ModelRequest("vgg_small"))
    qtbot.waitUntil(lambda: tab.state.model.name == "vgg_small" and not tab.is_busy(), timeout=30000)
    assert tab.state.model.is_random


def test_trained_weights_survive_a_device_change_while_loading(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    state = tab.state
    trained = build_model("lenet5_modern", seed=42, num_classes=4).state_dict()
    state.open_in_inspect.emit(ModelRequest(
        "lenet5_modern", model_kwargs={"num_classes": 4}, state_dict=trained, state_label=trained_label("Adam")
    ))
    tab.controller._on_device("cpu")  # what picking a device (or dropping an image) does while it loads
    qtbot.waitUntil(lambda: state.model is not None and state.model.name == "lenet5_modern" and not tab.is_busy(),
                    timeout=30000)
    assert state.model.weights_label == "trained in the Train tab (Adam)"
    assert all(torch.equal(state.model.loaded.model.state_dict()[k], v) for k, v in trained.items())


def test_the_source_of_trained_weights_reads_in_chinese(make_main_window) -> None:
    from cnnviz.gui.inspect.common import weights_text

    make_main_window(tabs=(), lang="zh")
    assert weights_text("trained in the Train tab (Adam)") == "在训练页训练（Adam）"
    assert weights_text("trained in the Train tab") == "在训练页训练"
