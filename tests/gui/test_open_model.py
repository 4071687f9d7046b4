"""Open model… loads an ONNX file and a class of a Python file; the model list hides timm unless asked."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import torch
from torch import nn

from cnnviz.core import trust
from cnnviz.core.models import list_models

pytestmark = pytest.mark.gui

MODEL_PY = '''
from pathlib import Path

import torch
from torch import nn

Path(__file__).with_suffix(".ran").touch()  # proof that the file was imported


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 6, 3)

    def forward(self, x):
        return torch.relu(self.conv(x))


class Helper:
    pass


class Net(Block):
    input_shape = (3, 28, 28)

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 10)

    def forward(self, x):
        return self.fc(super().forward(x).mean((2, 3)))


def make() -> nn.Module:
    return Net()
'''


class Tiny(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(4, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.pool(torch.relu(self.conv(x))), 1))


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)


def _answer_file(monkeypatch, path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_open_model_loads_an_onnx_file_and_a_python_class(inspect_window, qtbot, tmp_path, monkeypatch):
    window = inspect_window
    tab = window.tab_widgets["inspect"]
    state = window.state

    # ONNX, exported here; its weights come with the file.
    torch.manual_seed(0)
    net = Tiny().eval()
    x = torch.rand(1, 3, 32, 32)
    onnx_path = tmp_path / "tiny.onnx"
    with warnings.catch_warnings():  # the TorchScript exporter's deprecation notice
        warnings.simplefilter("ignore")
        torch.onnx.export(net, (x,), str(onnx_path), dynamo=False, input_names=["image"])
    _answer_file(monkeypatch, onnx_path)
    tab.act_open_model.trigger()
    qtbot.waitUntil(lambda: state.model is not None and state.model.name == str(onnx_path.resolve()), timeout=60000)
    _idle(qtbot, tab)
    session = state.model
    assert session.summary.total_params == (3 * 3 * 3 * 4 + 4) + (4 * 5 + 5)  # 137, counted by hand
    assert session.input_shape == (3, 32, 32)
    with session.exclusive() as model, torch.no_grad():
        assert torch.allclose(model(x), net(x), atol=1e-4)
    panel = tab.model_panel
    assert panel.weights_box.currentText() == "weights from tiny.onnx"  # not "Random weights"
    assert panel.model_box.currentText().strip() == "tiny.onnx"

    # A Python file: the classes are offered before anything in the file runs, and the choice loads.
    py_path = tmp_path / "mynet.py"
    py_path.write_text(MODEL_PY, encoding="utf-8")
    offered: list[list[str]] = []
    spec = f"{py_path.resolve()}:Net"
    assert not trust.is_approved(trust.code_request(spec))

    def choose(parent, title, text, items, current, editable):
        offered.append(list(items))
        assert not py_path.with_suffix(".ran").exists()  # parsed, not imported
        return items[current], True

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    _answer_file(monkeypatch, py_path)
    try:
        tab.act_open_model.trigger()
        qtbot.waitUntil(lambda: state.model.name == spec, timeout=60000)
        _idle(qtbot, tab)
        assert offered == [["Block", "Net", "make"]]  # nn.Module subclasses (also indirect) and a typed factory
        assert trust.is_approved(trust.code_request(spec))  # the user chose it: typed by them
        assert py_path.with_suffix(".ran").exists()
        assert state.model.summary.total_params == (3 * 6 * 9 + 6) + (6 * 10 + 10)  # 238
        assert state.model.input_shape == (3, 28, 28)
        assert panel.model_box.currentText().strip() == "mynet.py:Net"
    finally:
        trust.revoke_all()


def test_a_python_file_that_is_not_python_is_reported(inspect_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from cnnviz.gui.inspect.model_panel import OPEN_ENTRY

    tab = inspect_window.tab_widgets["inspect"]
    box = tab.model_panel.model_box
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append("file"), ("", ""))[1])
    assert box.itemData(0, OPEN_ENTRY)  # the list's first entry opens a file …
    box.setCurrentIndex(0)
    box.activated.emit(0)
    assert asked == ["file"] and box.currentText().strip() == "lenet5"  # … cancelled: the box shows the model again
    bad = tmp_path / "broken.py"
    bad.write_text("class Net(nn.Module:\n", encoding="utf-8")
    errors: list[str] = []
    inspect_window.state.error.connect(lambda title, msg, details="": errors.append(msg))
    _answer_file(monkeypatch, bad)
    tab.act_open_model.trigger()
    assert errors and "broken.py is not valid Python (line 1" in errors[0]
    assert inspect_window.state.model.name == "lenet5"  # the loaded model stays


def test_timm_is_hidden_until_asked_and_the_search_finds_it(inspect_window, qtbot):
    timm_names = {s.name for s in list_models(source="timm")}
    if not timm_names:
        pytest.skip("timm is not installed")
    tab = inspect_window.tab_widgets["inspect"]
    panel = tab.model_panel
    listed = set(panel.listed_names())
    assert "resnet18" in listed and "lenet5" in listed and not listed & timm_names  # default: built in only
    assert not panel.is_listing() and not set(panel.model_names()) & timm_names  # timm not even imported yet
    qtbot.keyClicks(panel.search, "res")  # typing lists timm's names in a worker
    qtbot.waitUntil(lambda: timm_names <= set(panel.model_names()), timeout=60000)  # ... then every name is found
    completer = panel.search.completer().model()
    searchable = {completer.index(i, 0).data() for i in range(completer.rowCount())}
    assert "timm:resnet18" in searchable
    box = panel.source_box
    box.setCurrentIndex(box.findData("timm"))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: not panel.is_listing(), timeout=60000)
    assert set(panel.listed_names()) == timm_names | {"lenet5"}  # the loaded model stays shown, under "Opened"
    box.setCurrentIndex(box.findData("all"))
    box.activated.emit(box.currentIndex())
    assert set(panel.listed_names()) == {s.name for s in list_models()}
