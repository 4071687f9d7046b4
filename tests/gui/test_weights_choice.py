"""The weights box always shows what is loaded: a failed choice never sticks or follows a model switch."""

from __future__ import annotations

import pytest
import torch

from cnnviz.core.models import build_model

pytestmark = pytest.mark.gui


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)


def _pick(panel, box, data) -> None:
    from PySide6.QtCore import Qt

    i = next(i for i in range(box.count()) if box.itemData(i, Qt.ItemDataRole.UserRole) == data
             or box.itemData(i) == data)
    box.setCurrentIndex(i)
    box.activated.emit(i)


def test_a_failed_pretrained_download_does_not_stick_to_the_next_model(make_main_window, qtbot, monkeypatch):
    from cnnviz.core import weights as W
    from cnnviz.core.errors import WeightsUnavailableError

    def offline(spec, progress=None):
        raise WeightsUnavailableError(f"Cannot download the pretrained weights for {spec.name} (offline).")

    monkeypatch.setattr(W, "pretrained_state_dict", offline)  # the network boundary, as when offline
    window = make_main_window(model="resnet18", seed=0)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    panel = tab.model_panel
    errors: list[str] = []
    window.state.error.connect(lambda title, msg: errors.append(msg))
    _pick(panel, panel.weights_box, "pretrained")
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    _idle(qtbot, tab)
    assert panel.weights_box.currentData() == "random"  # shows what is really loaded
    _pick(panel, panel.model_box, "alexnet")
    qtbot.waitUntil(lambda: tab.state.model.name == "alexnet", timeout=60000)
    _idle(qtbot, tab)
    assert len(errors) == 1 and tab.state.model.is_random  # alexnet did not inherit the failed choice


def test_a_wrong_weights_file_offers_to_load_what_fits(make_main_window, qtbot, tmp_path):
    window = make_main_window(model="lenet5", seed=0)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    other = build_model("lenet5", seed=5).state_dict()
    other["C1.weight"] = torch.zeros(3, 1, 5, 5)  # another architecture's first layer
    other["head.weight"] = torch.zeros(2, 2)  # and a layer lenet5 does not have
    path = tmp_path / "other.pt"
    torch.save(other, path)
    asked: list[str] = []
    tab.controller.ask_load_what_fits = lambda message: (asked.append(message), True)[1]
    tab.controller.load_model("lenet5", str(path))
    qtbot.waitUntil(lambda: tab.state.model.weights == str(path), timeout=30000)
    _idle(qtbot, tab)
    assert asked and "--non-strict" not in asked[0] and "load only the tensors that fit" in asked[0]
    report = tab.state.model.loaded.report
    assert not report.complete and report.loaded > 0
    with tab.state.model.exclusive() as model:
        own = model.state_dict()
    fitting = [k for k, v in other.items() if k in own and v.shape == own[k].shape]
    assert fitting and all(torch.equal(own[k], other[k]) for k in fitting)
    assert tab.model_panel.weights_box.currentData() == "current"  # named as a file, never "random"


def test_pretrained_is_offered_only_where_it_exists(make_main_window, qtbot):
    window = make_main_window(model="lenet5", seed=0)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    box = tab.model_panel.weights_box
    item = box.model().item(box.findData("pretrained"))
    assert not item.isEnabled() and "no pretrained weights" in item.toolTip()
