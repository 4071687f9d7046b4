"""The Explain tab: keyboard-driven animation shows torch's numbers; lessons round-trip."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PySide6.QtCore import Qt
from torch import nn

from cnnviz.core.session import ModelRequest, session_for_module
from cnnviz.gui.explain.common import fmt
from cnnviz.gui.explain.tab import ExplainTab, create_tab
from cnnviz.gui.state import AppState

X = np.arange(2 * 4 * 5, dtype=float).reshape(2, 4, 5) % 7 - 2
W = (np.arange(2 * 2 * 3 * 3, dtype=float).reshape(2, 2, 3, 3) % 3) - 1
B = np.array([0.5, -1.0])


@pytest.fixture
def tab(qtbot) -> ExplainTab:
    widget = create_tab(AppState(), None)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    yield widget
    widget.shutdown()


def _press(qtbot, widget, key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key)


def test_keyboard_steps_fill_the_output_with_conv2d_values(tab: ExplainTab, qtbot) -> None:
    page = tab.pages["conv"]
    page.apply_lesson_state({"h": 4, "w": 5, "c": 2, "c_out": 2, "f": 3, "s": 2, "p": 1, "d": 1,
                             "input": X.tolist(), "weight": W.tolist(), "bias": B.tolist(), "step": -1})
    ref = F.conv2d(torch.from_numpy(X)[None], torch.from_numpy(W), torch.from_numpy(B), stride=2, padding=1)[0]
    assert page.clock.count == ref.numel() == 2 * 2 * 3
    canvas = page.canvas
    canvas.setFocus()
    _press(qtbot, canvas, Qt.Key.Key_Right, 4)  # steps 0..3: row 0 (3 cells) and the first of row 1
    assert page.clock.index == 3
    assert canvas.output_text(0, 1, 0) == fmt(ref[0, 1, 0].item())
    assert [canvas.output_text(0, 0, x) for x in range(3)] == [fmt(v) for v in ref[0, 0].tolist()]
    assert canvas.output_text(0, 1, 1) is None and canvas.output_text(1, 0, 0) is None
    assert fmt(ref[0, 1, 0].item()) in canvas.equation_lines()[1]
    _press(qtbot, canvas, Qt.Key.Key_Left)
    assert page.clock.index == 2 and canvas.output_text(0, 1, 0) is None
    _press(qtbot, canvas, Qt.Key.Key_End)
    for c, y, x in np.ndindex(*ref.shape):
        assert canvas.output_text(c, y, x) == fmt(ref[c, y, x].item())
    _press(qtbot, canvas, Qt.Key.Key_Home)
    _press(qtbot, canvas, Qt.Key.Key_Space)
    assert page.clock.playing
    page.player.set_speed_index(99)  # clamped to the fastest
    qtbot.waitUntil(lambda: not page.clock.playing, timeout=5000)
    assert page.clock.index == page.clock.count - 1


def test_pool_page_shows_max_pool2d(tab: ExplainTab, qtbot) -> None:
    tab.show_topic("pool")
    page = tab.pages["pool"]
    page.apply_lesson_state({"h": 4, "w": 5, "c": 2, "f": 3, "s": 2, "p": 1, "d": 1, "pool_mode": "max",
                             "input": X.tolist(), "step": -1})
    ref = F.max_pool2d(torch.from_numpy(X)[None], 3, 2, 1)[0]
    page.canvas.setFocus()
    _press(qtbot, page.canvas, Qt.Key.Key_Right, ref.numel())
    for c, y, x in np.ndindex(*ref.shape):
        assert page.canvas.output_text(c, y, x) == fmt(ref[c, y, x].item())


def test_editing_a_cell_and_errors_are_shown_not_raised(tab: ExplainTab) -> None:
    page = tab.pages["conv"]
    page.canvas.value_edited.emit("input", (0, 0, 0), 9.0)
    assert page.input_grid[0, 0, 0] == 9.0 and page.canvas.anim.x[0, 0, 0] == 9.0
    page.sp_p.setValue(0)
    page.sp_h.setValue(2)  # a 3×3 window on 2 rows: no window fits
    assert page.canvas.anim is None and "no window fits" in page.canvas.message
    assert "no window fits" in page.formula.text()


def test_model_kernel_button_is_defensive(tab: ExplainTab) -> None:
    page = tab.pages["conv"]
    assert not page.btn_model.isEnabled() and page.btn_model.toolTip()
    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU())
    tab.state.set_session(session_for_module(net, (1, 8, 8)), None)
    assert page.btn_model.isEnabled()
    page.sp_cout.setValue(2)
    page.btn_model.click()  # keeps the shown number of filters, takes kernel size, stride and padding
    np.testing.assert_allclose(page.weight, np.round(net[0].weight.detach().double().numpy(), 2))
    assert (page.sp_f.value(), page.sp_s.value(), page.sp_p.value()) == (3, 1, 1)
    tab.state.set_session(session_for_module(nn.Sequential(nn.Flatten(), nn.Linear(64, 2)), (1, 8, 8)), None)
    assert not page.btn_model.isEnabled()  # a model without a convolution: disabled again, nothing raised


def test_lesson_state_round_trips_through_json(tab: ExplainTab, qtbot) -> None:
    tab.pages["conv"].sp_s.setValue(2)
    tab.pages["conv"].clock.set_index(3)
    tab.pages["rf"].add_layer(tab.pages["rf"].stack()[0].__class__("maxpool", 2, 2))
    tab.pages["params"].sp_cout.setValue(7)
    tab.show_topic("rf")
    saved = json.loads(json.dumps(tab.lesson_state()))
    other = create_tab(AppState(), None)
    qtbot.addWidget(other)
    other.apply_lesson_state(saved)
    again = other.lesson_state()
    again["timeline"] = saved["timeline"]  # selection needs the computed table
    assert again == saved
    assert other.topic == "rf" and other.pages["conv"].clock.index == 3


def test_language_switch_changes_explanations(tab: ExplainTab) -> None:
    page = tab.pages["conv"]
    assert "divisible" in page.formula.text()
    tab.state.set_language("zh")
    assert "整除" in page.formula.text()
    assert "参数" in tab.pages["params"].worked.text() or "权重" in tab.pages["params"].worked.text()


def test_timeline_rows_and_open_in_inspect(tab: ExplainTab, qtbot) -> None:
    tab.show_topic("timeline")
    page = tab.pages["timeline"]
    qtbot.waitUntil(lambda: page.table.rowCount() == 9, timeout=30000)
    assert page.table.item(3, 1).text() == "VGG-16" and page.table.item(3, 2).text() == "16"
    with qtbot.waitSignal(tab.state.open_in_inspect) as opened, qtbot.waitSignal(tab.state.open_tab) as shown:
        page.table.cellWidget(6, 8).click()
    assert opened.args[0] == ModelRequest("resnet18")
    assert shown.args[0] == "inspect"


def test_a_window_that_does_not_tile_is_coloured_for_the_theme(tab: ExplainTab) -> None:
    """The 'does not tile' warning takes the theme's warning shade and is redrawn on a theme switch."""
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import theme

    page = tab.pages["conv"]
    page.sp_w.setValue(6)  # (6 − 3 + 2) / 2 leaves a column over
    page.sp_h.setValue(6)
    page.sp_s.setValue(2)
    app, saved = QApplication.instance(), theme.current_theme()
    try:
        for name in ("dark", "light"):
            theme.apply_theme(app, name)
            tab.state.set_theme(name)
            assert theme.css(theme.semantic_color("warning")) in page.formula.text()
        assert theme.css(theme.semantic_color("warning", theme.dark_palette())) not in page.formula.text()
    finally:
        theme.apply_theme(app, saved)
        tab.state.set_theme(saved)


def test_kind_and_mode_items_are_translated_and_keep_their_keys(qtbot) -> None:
    from PySide6.QtCore import QCoreApplication

    from cnnviz.gui import i18n

    app = QCoreApplication.instance()
    assert i18n.set_language(app, "zh")
    try:
        state = AppState()
        state.set_language("zh")
        widget = create_tab(state, None)
        qtbot.addWidget(widget)
        mode = widget.pages["pool"].cb_mode
        assert [(mode.itemText(i), mode.itemData(i)) for i in range(mode.count())] == [("最大", "max"), ("平均", "avg")]
        kind = widget.pages["rf"].editor.cellWidget(0, 0)
        assert [(kind.itemText(i), kind.itemData(i)) for i in range(kind.count())] == [
            ("卷积", "conv"), ("最大池化", "maxpool"), ("平均池化", "avgpool")]
        legend = widget.pages["timeline"].plot.getPlotItem().legend
        assert [label.text for _, label in legend.items] == ["参数量", "MACs"]
        widget.shutdown()
    finally:
        i18n.set_language(app, "en")


def _inside(box, x: float, y: float) -> bool:
    return box[0] < x < box[2] and box[1] < y < box[3]


def _shared(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


def test_crowded_labels_are_placed_apart_inside_and_tied_to_their_dots() -> None:
    """Three same-year ResNet-like dots a few pixels apart near the right edge, wide names."""
    from cnnviz.gui.explain.timeline_page import MARKER_RADIUS, place_labels

    points = [(0.0, 0.0), (12.0, -18.0), (24.0, -36.0), (-40.0, 8.0), (-60.0, -30.0), (-20.0, -10.0)]
    sizes = [(80.0, 20.0), (82.0, 20.0), (90.0, 20.0), (70.0, 20.0), (60.0, 20.0), (40.0, 20.0)]
    markers = [(x - MARKER_RADIUS, y - MARKER_RADIUS, x + MARKER_RADIUS, y + MARKER_RADIUS) for x, y in points]
    bounds = (-300.0, -200.0, 70.0, 200.0)  # little room on the right
    placed = place_labels(points, sizes, markers, bounds)
    boxes = [(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2) for (cx, cy, _), (w, h) in zip(placed, sizes, strict=True)]
    for i, a in enumerate(boxes):
        assert bounds[0] <= a[0] and a[2] <= bounds[2] and bounds[1] <= a[1] and a[3] <= bounds[3], i
        for j, b in enumerate(boxes[:i]):
            assert _shared(a, b) == 0, (i, j)  # no two names on top of each other
        for m in markers:
            assert _shared(a, m) == 0, i  # no name hides a dot
    for i, (_cx, _cy, leader) in enumerate(placed):
        if leader is None:  # beside its dot: nearer its own dot than any other
            def dist(p, box=boxes[i]):
                return math.hypot(max(box[0] - p[0], 0, p[0] - box[2]), max(box[1] - p[1], 0, p[1] - box[3]))
            assert dist(points[i]) < min(dist(p) for k, p in enumerate(points) if k != i)
            continue
        x0, y0, x1, y1 = leader
        assert math.hypot(x0 - points[i][0], y0 - points[i][1]) == pytest.approx(MARKER_RADIUS)  # starts at its dot
        for t in np.linspace(0.02, 0.98, 200):  # and runs through no other name
            x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            assert not any(_inside(b, x, y) for k, b in enumerate(boxes) if k != i), i


@pytest.mark.parametrize("size", [(1400, 900), (800, 700)])
def test_timeline_names_never_overlap_on_screen(tab: ExplainTab, qtbot, size) -> None:
    tab.resize(*size)
    tab.show_topic("timeline")
    page = tab.pages["timeline"]
    qtbot.waitUntil(lambda: page.table.rowCount() == 9, timeout=30000)
    qtbot.wait(50)  # the names are placed once the resize has settled
    rects = [label.sceneBoundingRect() for label in page.labels]
    assert [label.toPlainText() for label in page.labels][6:] == ["ResNet-18", "ResNet-50", "ResNet-152"]
    view = page.plot.getPlotItem().getViewBox().sceneBoundingRect()
    for i, a in enumerate(rects):
        assert view.adjusted(-1, -1, 1, 1).contains(a), page.labels[i].toPlainText()
        for j, b in enumerate(rects[:i]):
            overlap = a.intersected(b)
            assert overlap.width() * overlap.height() < 1, (page.labels[i].toPlainText(), page.labels[j].toPlainText())


def test_a_new_page_is_one_registration(qtbot, monkeypatch) -> None:
    from cnnviz.gui.explain import tab as tab_module
    from cnnviz.gui.explain import topics
    from cnnviz.gui.state import AppState

    class Hello(topics.ExplainPage):
        def lesson_state(self) -> dict:
            return {"said": "hello"}

    known = topics._topics()
    monkeypatch.setattr(topics, "_topics", lambda: (*known, topics.Topic("hello", lambda: "Hello", Hello)))
    monkeypatch.setattr(tab_module, "TOPICS", topics.topic_keys())
    tab = tab_module.ExplainTab(AppState())
    qtbot.addWidget(tab)
    assert tab.sidebar.count() == len(known) + 1 and tab.sidebar.item(len(known)).text() == "Hello"
    tab.show_topic("hello")
    assert tab.topic == "hello" and tab.lesson_state()["hello"] == {"said": "hello"}
    tab.shutdown()
