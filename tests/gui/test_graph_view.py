"""The network map in Inspect's left column: what it draws, how it navigates, folds and exports, and that it fits.

The map is compared with the core graph built independently here (from
torchvision's ResNet-18, not from the app's session), and each edge's shape
with the summary's output shape of its source.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
import torch
import torchvision
from PySide6.QtCore import QPoint, Qt

from cnnviz.core.graph import build_graph, fold

pytestmark = pytest.mark.gui


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)


def _drawn(view) -> tuple[set[str], set[tuple[str, str]]]:
    return set(view.nodes), {(e.src, e.dst) for e in view.edges}


def _expected(graph) -> tuple[set[str], set[tuple[str, str]]]:
    return {n.key for n in graph.nodes}, {(e.src, e.dst) for e in graph.edges}


def _click(qtbot, view, key: str, *, double: bool = False) -> None:
    item = view.nodes[key]
    view.centerOn(item)
    pos = view.mapFromScene(item.rect.center())
    assert view.viewport().rect().contains(pos)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _relaid(qtbot, panel, action) -> None:
    with qtbot.waitSignal(panel.map_ready, timeout=30000):
        action()


def _in_view(view, key: str) -> bool:
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return visible.intersects(view.nodes[key].rect)


@pytest.fixture(scope="module")
def resnet18_graph():
    """ResNet-18's unfolded map, built here from torchvision's own model (random weights)."""
    model = torchvision.models.resnet18(weights=None).eval()
    return build_graph(model, (3, 224, 224), name="resnet18")


def test_map_draws_the_core_graph_navigates_folds_and_exports(make_main_window, qtbot, resnet18_graph, tmp_path):
    window = make_main_window(model="resnet18", seed=0)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    panel, view, state = tab.network_map, tab.network_map.view, window.state
    assert panel.result is None  # nothing is traced until the map is looked at
    with qtbot.waitSignal(panel.map_ready, timeout=30000):
        tab.show_panel("map")
    assert tab.left.currentWidget() is panel and view.isVisible()

    # Folded (the default) and unfolded: exactly the core graph's boxes and arrows.
    assert _drawn(view) == _expected(fold(resnet18_graph))
    assert "layer1.0" in view.nodes and view.nodes["layer1.0"].node.count == 2  # layer1's two blocks, ×2
    _relaid(qtbot, panel, lambda: panel.fold_box.setChecked(False))
    assert _drawn(view) == _expected(resnet18_graph)
    assert len(view.nodes) == len(resnet18_graph.nodes) and len(view.edges) == len(resnet18_graph.edges)
    rows = {row.key: row for row in state.model.summary.layers}
    checked = 0
    for edge in view.edges:  # every arrow carries its source's output shape, as the summary measured it
        if edge.src in rows:
            assert edge.tensor_shape == list(rows[edge.src].output_shape), edge.src
            checked += 1
    assert checked >= 60

    # Clicking a box selects the layer everywhere: tree and layer math.
    _click(qtbot, view, "layer2.0.conv2")
    assert state.layer == "layer2.0.conv2"
    assert tab.tree.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "layer2.0.conv2"
    assert "layer2.0.conv2" in tab.math.plain_text() and "Conv2d" in tab.math.plain_text()
    assert view.selected == "layer2.0.conv2" and view.nodes["layer2.0.conv2"].selected_look

    # A layer chosen elsewhere (the tree's keys, Alt+↓) is highlighted and scrolled into view.
    view.centerOn(view.nodes["input"])
    state.set_layer("layer4.1.conv2")
    assert view.selected == "layer4.1.conv2" and view.nodes["layer4.1.conv2"].selected_look
    assert not view.nodes["layer2.0.conv2"].selected_look
    assert _in_view(view, "layer4.1.conv2")
    highlighted = {(e.src, e.dst) for e in view.edges if e.highlight is not None}
    assert highlighted == {(e.src, e.dst) for e in resnet18_graph.edges if "layer4.1.conv2" in (e.src, e.dst)}
    # ↓ in the map walks to the next box in execution order.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    keys = [n.key for n in resnet18_graph.nodes]
    assert state.layer == keys[keys.index("layer4.1.conv2") + 1]
    # + / − zoom and 0 fits the width, as the shortcuts sheet says.
    view.set_scale(0.5)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_factor() == pytest.approx(0.5 * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_factor() == pytest.approx(0.5 / 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0)
    from cnnviz.gui.inspect.network_map.view import FIT_MAX

    width = view.sceneRect().width()
    assert view.scale_factor() == pytest.approx(min((view.viewport().width() - 4) / width, FIT_MAX * view.app_zoom))

    # Norm + activation drawn inside their convolution, then ×N runs folded; double-click opens and closes a run.
    _relaid(qtbot, panel, lambda: panel.absorb_box.setChecked(True))
    assert _drawn(view) == _expected(fold(resnet18_graph, repeats=False, absorb=True))
    assert view.nodes["conv1"].node.absorbed == ["BatchNorm2d", "ReLU"]
    _relaid(qtbot, panel, lambda: panel.fold_box.setChecked(True))
    assert _drawn(view) == _expected(fold(resnet18_graph, absorb=True))
    _relaid(qtbot, panel, lambda: _click(qtbot, view, "layer1.0", double=True))
    assert _drawn(view) == _expected(fold(resnet18_graph, absorb=True, expanded=["layer1.0"]))
    assert "layer1.1.conv1" in view.nodes
    _relaid(qtbot, panel, lambda: _click(qtbot, view, "layer1.1.conv1", double=True))
    assert _drawn(view) == _expected(fold(resnet18_graph, absorb=True))

    # Colour by MACs: the boxes take the core's colours for that figure.
    from cnnviz.core.graph_render import node_colors

    panel.set_color_by("macs")
    colours = node_colors(panel.result.graph, "macs")
    assert all(item.fill.getRgb()[:3] == colours[key] for key, item in view.nodes.items())

    # Export: a valid SVG with one group per box, a valid PNG.
    svg = panel.export(tmp_path / "map.svg")
    root = ET.parse(svg).getroot()
    ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id")}
    assert ids == set(view.nodes)
    png = panel.export(tmp_path / "map.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    import cv2

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None and image.shape[0] > image.shape[1] > 100  # a tall map

    # It fits a 1280×800 projector with the map shown.
    window.resize(1280, 800)
    qtbot.wait(100)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, hint
    assert window.width() <= 1280 and view.isVisible() and view.width() > 200 and view.height() > 300
    for widget in (panel.fold_box, panel.absorb_box, panel.color_box, panel.export_button):
        assert widget.isVisible()
        right = widget.mapTo(panel, QPoint(widget.width(), 0)).x()
        assert right <= panel.width() + 1, widget  # no control cut off on the right


def test_the_map_follows_a_new_model_and_its_trace_holds_no_hooks(make_main_window, qtbot):
    window = make_main_window(model="lenet5", seed=0)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    panel = tab.network_map
    with qtbot.waitSignal(panel.map_ready, timeout=30000):
        tab.show_panel("map")
    first = set(panel.view.nodes)
    with qtbot.waitSignal(panel.map_ready, timeout=60000):
        tab.controller.load_model("alexnet", "random")
    assert set(panel.view.nodes) != first and "features.0" in panel.view.nodes
    with tab.state.model.exclusive() as model:
        for m in model.modules():  # the trace removed every hook it installed
            assert not m._forward_hooks and not m._forward_pre_hooks
    from torch.nn.modules import module as torch_module

    assert not torch_module._global_forward_hooks and not torch_module._global_forward_pre_hooks
    assert torch.is_tensor(next(iter(tab.state.model.loaded.model.parameters())))
