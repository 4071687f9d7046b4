"""The Inspect tab, driven through the real main window."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from cnnviz.core import trust
from cnnviz.core.images import load_image, prepare
from cnnviz.core.probe import hook_count

pytestmark = pytest.mark.gui


def _tab(window):
    return window.tab_widgets["inspect"]


def _wait_idle(qtbot, tab, timeout=30000):
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=timeout)


def _png(path: Path, seed: int = 1) -> Path:
    import cv2

    rng = np.random.default_rng(seed)
    img = (rng.random((48, 64, 3)) * 255).astype(np.uint8)
    assert cv2.imwrite(str(path), img)
    return path


def test_start_shows_model_image_layer_and_math(inspect_window):
    tab = _tab(inspect_window)
    state = tab.state
    session = state.model
    assert session.name == "lenet5" and session.is_random
    # the first convolution is selected and every view shows it
    assert state.layer == "C1"
    assert tab.grid.mosaic is not None and tab.grid.maps.shape == (6, 28, 28)
    # the grid shows the captured output of the layer, not something re-derived
    np.testing.assert_array_equal(tab.grid.maps, tab.controller.forward.layers["C1"][0].numpy())
    text = tab.math.plain_text()
    assert "⌊(32 − 5 + 2·0) / 1⌋ + 1 = 28" in text  # hand-worked: (32-5)/1+1
    assert "(5·5·1 + 1)·6 = 156" in text
    assert "mean nothing" in tab.predictions.note.text()
    assert len(tab.tree.keys()) == len(session.summary.layers)
    # status bar names model, weights and device
    assert "lenet5" in inspect_window.status_model.text() and "cpu" in inspect_window.status_model.text()


def test_drop_a_file_on_the_input_panel(inspect_window, qtbot, tmp_path):
    tab = _tab(inspect_window)
    path = _png(tmp_path / "dropped.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tab.input_panel.dropEvent(event)
    qtbot.waitUntil(lambda: tab.controller.raw_image is not None and tab.controller.raw_image.path == path, timeout=20000)
    _wait_idle(qtbot, tab)
    expected = prepare(load_image(path), tab.state.model.pre)
    np.testing.assert_array_equal(tab.state.image.display, expected.display)
    # the activations are those of the dropped image
    with torch.no_grad():
        out0 = tab.state.model.loaded.model.C1(expected.tensor)
    torch.testing.assert_close(tab.controller.forward.layers["C1"], out0)


def test_keyboard_walks_layers_and_jumps_between_convolutions(inspect_window, qtbot):
    tab = _tab(inspect_window)
    view = tab.tree.view
    view.setFocus()
    keys = tab.tree.keys()
    assert tab.state.layer == keys[0]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert tab.state.layer == keys[1]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert tab.state.layer == keys[2]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert tab.state.layer == keys[1]
    convs = [r.key for r in tab.state.model.summary.layers if r.type == "Conv2d"]
    tab.act_next_conv.trigger()
    assert tab.state.layer == convs[1]
    tab.act_next_conv.trigger()
    assert tab.state.layer == convs[2]
    tab.act_prev_conv.trigger()
    assert tab.state.layer == convs[1]
    # every view follows the layer
    assert tab.grid.maps.shape == (16, 10, 10)
    assert "(5·5·6 + 1)·16 = 2,416" in tab.math.plain_text()


def test_click_a_unit_draws_the_core_receptive_field(inspect_window, qtbot):
    tab = _tab(inspect_window)
    tab.state.set_layer("C3")  # second convolution: RF 14×14, jump 2
    grid = tab.grid
    oy, ox = grid.mosaic.tile_origin(5)
    # a real mouse click on the mosaic pixel of channel 5, row 4, column 7
    scene = grid.view.mapViewToScene(QPointF(ox + 7 + 0.5, oy + 4 + 0.5))
    pos = grid.canvas.mapFromScene(scene)
    qtbot.mouseClick(grid.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    unit = tab.controller.unit
    assert (unit.layer, unit.channel, unit.y, unit.x) == ("C3", 5, 4, 7)
    rect = tab.state.model.summary.layer("C3").rf.rect(4, 7, (32, 32))
    drawn = tab.input_panel.rf_inner.rect()
    cy0, cx0, cy1, cx1 = rect.clipped
    assert (drawn.top(), drawn.left(), drawn.height(), drawn.width()) == (cy0, cx0, cy1 - cy0 + 1, cx1 - cx0 + 1)
    # hand-worked: conv5 -> pool2 -> conv5 gives size 14, jump 2; unit (4, 7) spans rows 8..21, cols 14..27
    assert (rect.y0, rect.y1, rect.x0, rect.x1) == (8, 21, 14, 27)
    assert "14×14" in tab.input_panel.rf_label.text()
    # the effective RF arrives in a worker and is zero outside the theoretical field
    with qtbot.waitSignal(tab.controller.erf_changed, timeout=20000) as blocker:
        pass
    heat = blocker.args[0].heat
    mask = np.zeros_like(heat, dtype=bool)
    mask[8:22, 14:28] = True
    assert heat[mask].max() == pytest.approx(1.0)
    assert np.all(heat[~mask] == 0)
    assert tab.input_panel.overlay.image is not None
    # the channel view shows the clicked channel
    assert tab.channel_view.channel == 5


def _errors(qtbot, state):
    seen = []
    state.error.connect(lambda title, msg: seen.append((title, msg)))
    return seen


def test_bad_image_keeps_the_previous_image(inspect_window, qtbot, tmp_path):
    tab = _tab(inspect_window)
    state = tab.state
    before_image, before_model = state.image, state.model
    bad = tmp_path / "notes.png"
    bad.write_text("this is not a picture")
    errors = _errors(qtbot, state)
    tab.input_panel.open_path(str(bad))
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "not an image" in errors[0][1] and "previous image stays" in errors[0][1]
    assert state.image is before_image and state.model is before_model
    assert tab.grid.mosaic is not None


def test_wrong_weights_file_keeps_the_previous_model(inspect_window, qtbot, tmp_path):
    tab = _tab(inspect_window)
    state = tab.state
    before = state.model
    from cnnviz.core.models import build_model

    path = tmp_path / "vgg.pt"
    torch.save(build_model("vgg_small").state_dict(), path)
    errors = _errors(qtbot, state)
    tab.controller.load_model("lenet5", str(path))
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "do not fit" in errors[0][1] and "Still showing: lenet5" in errors[0][1]
    assert state.model is before and tab.controller.forward.session_id == before.session_id


def test_model_failing_on_its_input_keeps_the_previous_model(inspect_window, qtbot, tmp_path):
    tab = _tab(inspect_window)
    state = tab.state
    before = state.model
    src = tmp_path / "broken_net.py"
    src.write_text(
        "from torch import nn\n"
        "class Broken(nn.Sequential):\n"
        "    input_shape = (3, 32, 32)\n"
        "    def __init__(self):\n"
        "        super().__init__(nn.Conv2d(3, 4, 3), nn.Flatten(), nn.Linear(10, 2))\n"
    )
    errors = _errors(qtbot, state)
    trust.approve_typed(f"{src}:Broken")  # what typing it on the command line does
    tab.controller.load_model(f"{src}:Broken")
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "failed in layer '2'" in errors[0][1]
    assert state.model is before


def test_pickled_weights_ask_the_user_then_load(inspect_window, qtbot, tmp_path):
    tab = _tab(inspect_window)
    from cnnviz.core.models import build_model

    model = build_model("lenet5", seed=7)
    path = tmp_path / "whole_model.pt"
    torch.save(model, path)
    asked = []
    tab.controller.ask_trust = lambda message: asked.append(message) or True
    tab.controller.load_model("lenet5", str(path))
    qtbot.waitUntil(lambda: tab.state.model.weights == str(path) and not tab.is_busy(), timeout=30000)
    assert asked and "pickled" in asked[0]
    torch.testing.assert_close(tab.state.model.loaded.model.C1.weight, model.C1.weight)


def test_switching_models_quickly_never_shows_a_stale_result(inspect_window, qtbot):
    tab = _tab(inspect_window)
    seen = []
    tab.controller.forward_changed.connect(lambda fwd: seen.append((tab.state.model.name, fwd.session_id == tab.state.model.session_id)))
    tab.controller.load_model("vgg_small")
    tab.controller.load_model("lenet5_modern")
    _wait_idle(qtbot, tab)
    assert tab.state.model.name == "lenet5_modern"
    assert all(ok for _, ok in seen)
    assert [name for name, _ in seen] == ["lenet5_modern"]


def test_exports_are_written_and_match(inspect_window, tmp_path):
    tab = _tab(inspect_window)
    npz = tab.export_npz(str(tmp_path / "acts.npz"))
    with np.load(npz) as data:
        np.testing.assert_array_equal(data["activations"], tab.controller.forward.layers["C1"].numpy())
        np.testing.assert_array_equal(data["input"], tab.state.image.tensor.numpy())
    csv = tab.export_summary("csv", str(tmp_path / "s.csv"))
    assert csv.read_bytes() == tab.state.model.summary.to_csv().encode("utf-8")
    md = tab.export_summary("md", str(tmp_path / "s.md"))
    assert md.read_bytes() == tab.state.model.summary.to_markdown().encode("utf-8")
    png = tab.export_png(str(tmp_path / "view.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob("*.part"))


def test_grad_cam_kernels_and_language(inspect_window, qtbot):
    tab = _tab(inspect_window)
    tab.state.set_layer("C3")
    with qtbot.waitSignal(tab.controller.cam_changed, timeout=20000, check_params_cb=lambda a: a is not None):
        pass
    assert tab.predictions.cam.cam.heat.shape == (32, 32)
    assert tab.kernels.current_weight().shape == (16, 6, 5, 5)
    assert not tab.kernels.page.isHidden()  # deeper layer: page through input channels
    tab.state.set_language("zh")
    assert "参数" in tab.math.plain_text()


def test_no_hook_or_worker_left_and_close_while_loading(make_main_window, qtbot):
    from cnnviz.gui.workers import active_jobs, cancel_all_and_wait

    window = make_main_window(model="lenet5")
    tab = _tab(window)
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)
    model = tab.state.model.loaded.model
    tab.state.set_layer("C3")
    tab.grid.click_pixel(1, 1)
    _wait_idle(qtbot, tab)
    assert hook_count(model) == 0
    tab.controller.load_model("resnet18")  # heavy: still running when the window closes
    assert tab.is_busy()
    window.close()
    assert cancel_all_and_wait(2000)
    qtbot.wait(10)
    assert not active_jobs()
    assert hook_count(model) == 0


def test_a_layer_asked_for_by_a_wrong_name_is_reported(inspect_window, qtbot) -> None:
    tab = _tab(inspect_window)
    errors: list[tuple[str, str]] = []
    tab.state.error.connect(lambda title, message: errors.append((title, message)))
    tab.controller.load_model("lenet5", "random", layer="C3x")
    qtbot.waitUntil(lambda: bool(errors) and not tab.is_busy(), timeout=30000)
    assert "no layer called C3x" in errors[0][1] and "Closest: C3." in errors[0][1]
    assert tab.state.layer == "C1"  # the first convolution


def test_a_model_with_nan_output_says_so_instead_of_failing(inspect_window, qtbot, tmp_path):
    from cnnviz.core import trust

    src = tmp_path / "nan_net.py"
    src.write_text(
        "import torch\n"
        "from torch import nn\n"
        "class NanNet(nn.Module):\n"
        "    input_shape = (1, 16, 16)\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv = nn.Conv2d(1, 2, 3)\n"
        "        self.fc = nn.Linear(2 * 14 * 14, 4)\n"
        "    def forward(self, x):\n"
        "        y = self.fc(self.conv(x).flatten(1))\n"
        "        return y * float('nan')\n"
    )
    tab = _tab(inspect_window)
    errors = _errors(qtbot, tab.state)
    trust.approve_typed(f"{src}:NanNet")
    tab.controller.load_model(f"{src}:NanNet")
    qtbot.waitUntil(lambda: tab.state.model.name.endswith("NanNet") and not tab.is_busy(), timeout=30000)
    panel = tab.predictions
    panel.redraw()
    assert errors == []
    assert "not a number" in panel.note.text() and not panel.note.isHidden()
    assert all(bar.isHidden() for bar in panel.bars)  # no nan% bars
