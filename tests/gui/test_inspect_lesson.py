"""The Inspect tab's lesson contract: lesson_state() survives JSON and restores on a fresh window."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from cnnviz.gui.inspect.jobs import ImageInput

pytestmark = pytest.mark.gui


def _tab(window):
    return window.tab_widgets["inspect"]


def _png(path: Path) -> Path:
    import cv2

    rng = np.random.default_rng(3)
    assert cv2.imwrite(str(path), (rng.random((40, 52, 3)) * 255).astype(np.uint8))
    return path


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)


def test_lesson_state_round_trips_through_json_on_a_fresh_window(make_main_window, qtbot, tmp_path) -> None:
    first = make_main_window(model="lenet5", seed=0)
    tab = _tab(first)
    _idle(qtbot, tab)
    image = _png(tmp_path / "lesson.png")
    # a state far from every default: other model, kwargs, seed, image, layer and view options
    tab.controller.load_model("vgg_small", "random", seed=3, model_kwargs={"batch_norm": True},
                              image=ImageInput(path=str(image), label=image.name))
    qtbot.waitUntil(lambda: tab.state.model is not None and tab.state.model.name == "vgg_small", timeout=30000)
    _idle(qtbot, tab)
    conv = [r.key for r in tab.state.model.summary.layers if r.type == "Conv2d"][1]
    tab.state.set_layer(conv)
    tab.controller.set_colormap("magma")
    tab.grid.set_options(scale="per_channel", sort="max")
    tab.input_panel.overlay_box.setCurrentIndex(tab.input_panel.overlay_box.findData("cam"))
    tab.kernels.set_page(5)
    tab.grid.click_pixel(*tab.grid.mosaic.tile_origin(7))  # channel 7, unit (0, 0)
    _idle(qtbot, tab)

    state = tab.lesson_state()
    restored = json.loads(json.dumps(state))
    assert restored == state
    assert restored["model"] == "vgg_small" and restored["model_kwargs"] == {"batch_norm": True}
    assert restored["weights"] == "random" and restored["seed"] == 3
    assert restored["image"] == str(image) and restored["sample"] is None
    assert restored["layer"] == conv and restored["unit"] == {"channel": 7, "y": 0, "x": 0}
    assert (restored["colormap"], restored["scale"], restored["sort"]) == ("magma", "per_channel", "max")
    assert (restored["overlay"], restored["kernel_page"]) == ("cam", 5)

    second = make_main_window(model="lenet5", seed=0)
    tab2 = _tab(second)
    _idle(qtbot, tab2)
    assert tab2.lesson_state() != restored
    tab2.apply_lesson_state(restored)
    qtbot.waitUntil(lambda: tab2.lesson_state() == restored, timeout=30000)
    _idle(qtbot, tab2)
    assert tab2.lesson_state() == restored
    # independent checks: the same seed and kwargs built the same weights, the same image the same activations
    one, two = tab.state.model.loaded.model, tab2.state.model.loaded.model
    assert any(isinstance(m, torch.nn.BatchNorm2d) for m in two.modules())
    for (k1, p1), (k2, p2) in zip(one.state_dict().items(), two.state_dict().items(), strict=True):
        assert k1 == k2 and torch.equal(p1, p2)
    np.testing.assert_array_equal(tab2.state.image.display, tab.state.image.display)
    torch.testing.assert_close(tab2.controller.forward.layers[conv], tab.controller.forward.layers[conv])
    assert tab2.grid.scale_box.currentData() == "per_channel" and tab2.kernels.page.value() == 5
    assert tab2.channel_view.channel == 7


def test_missing_files_in_a_lesson_give_a_message_not_a_crash(inspect_window, qtbot, tmp_path) -> None:
    tab = _tab(inspect_window)
    before = tab.state.model
    errors = []
    tab.state.error.connect(lambda title, msg: errors.append(msg))
    lesson = tab.lesson_state()
    assert lesson["sample"] == "digit7" and lesson["image"] is None  # LeNet's default sample, by name
    lesson.update(image=str(tmp_path / "gone.png"), weights=str(tmp_path / "gone.pt"), colormap="nope",
                  layer="C3", kernel_page=2)
    tab.apply_lesson_state(json.loads(json.dumps(lesson)))
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    _idle(qtbot, tab)
    text = errors[-1]
    assert "gone.png" in text and "gone.pt" in text and "nope" in text
    # the rest still applied; the model and image stayed
    assert tab.state.model is before and tab.state.layer == "C3" and tab.kernels.page.value() == 2
    tab.apply_lesson_state(["not", "a", "dict"])  # type: ignore[arg-type]
    assert "JSON object" in errors[-1]


def test_a_lesson_saved_with_lenets_numbered_layers_opens_on_the_renamed_layer(make_main_window, qtbot) -> None:
    """LeNet-5's layers were "0"…"11" before they got the paper's names: an old lesson's layer "3" is C3 now."""
    window = make_main_window(model="lenet5", seed=0)
    tab = _tab(window)
    _idle(qtbot, tab)
    lesson = tab.lesson_state()
    lesson.update(layer="3", unit={"channel": 5, "y": 2, "x": 4})  # as an old lesson wrote it
    tab.apply_lesson_state(json.loads(json.dumps(lesson)))
    qtbot.waitUntil(lambda: tab.state.layer == "C3" and tab.controller.unit is not None, timeout=30000)
    unit = tab.controller.unit
    assert (unit.layer, unit.channel, unit.y, unit.x) == ("C3", 5, 2, 4)
    # a layer that is in no version of the model: no unit is put on another layer
    lesson.update(layer="nowhere", unit={"channel": 1, "y": 0, "x": 0})
    tab.apply_lesson_state(json.loads(json.dumps(lesson)))
    qtbot.wait(300)
    _idle(qtbot, tab)
    assert tab.state.layer == "C3" and tab.controller.unit.channel == 5
