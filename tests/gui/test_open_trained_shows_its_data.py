"""A model trained on a dataset, opened in Inspect, shows one of that dataset's validation images as its input.

Unless the user has a picture of their own for a model of the same input shape: that one stays.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

pytestmark = pytest.mark.gui

RUN = "tiny"


@pytest.fixture(scope="module")
def trained():
    """LeNet-5 trained for real for two steps on the offline digits (scikit-learn's, no network)."""
    return train_tiny()


def train_tiny():
    """The trainer of :func:`trained` (other test files build their own module-scoped one)."""
    from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset

    bundle = load_dataset("digits", train_limit=64, val_limit=40)
    setup = TrainSetup(model="lenet5", dataset="digits", epochs=1, batch_size=32, init_seed=3, data_seed=1,
                       train_limit=64, val_limit=40)
    trainer = Trainer(setup, [RunConfig(RUN, "sgd", {"lr": 0.1})], data=bundle)
    trainer.run()
    return trainer


def _open_in_inspect(window, qtbot, trainer):
    """What the Train tab's "Open in Inspect" sends (cnnviz/gui/train/tab.py: state.open_in_inspect.emit)."""
    from cnnviz.core.session import ModelRequest, trained_label

    tab = window.tab_widgets["inspect"]
    request = ModelRequest(name="lenet5", state_dict=trainer.state_dict(RUN), state_label=trained_label(RUN),
                           class_names=tuple(trainer.data.class_names), dataset="digits")
    window.state.open_in_inspect.emit(request)
    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.request is request
                    and tab.input_panel.dataset_samples.samples is not None and not tab.is_busy(), timeout=30000)
    return tab


def _first_validation_digit() -> np.ndarray:
    """The first validation picture of class 0, read here straight from the dataset (uint8 grey)."""
    from cnnviz.core.training.datasets import load_dataset

    val = load_dataset("digits").val
    labels = np.asarray(val.labels)
    index = int(np.flatnonzero(labels == 0)[0])
    return val.images[index, 0].numpy(), index


def _png(path: Path, size: int = 40) -> Path:
    import cv2

    rng = np.random.default_rng(5)
    assert cv2.imwrite(str(path), (rng.random((size, size, 3)) * 255).astype(np.uint8))
    return path


def test_the_stock_picture_gives_way_to_a_validation_digit(inspect_window, qtbot, trained) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    assert tab.controller.image_source is None  # the start-up picture (no choice of the user)
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    digit, index = _first_validation_digit()
    raw = tab.controller.raw_image
    assert raw.rgb.shape[:2] == digit.shape
    np.testing.assert_array_equal(raw.rgb[..., 0], digit)
    assert tab.controller.image_source.label.startswith("digits: ")
    assert f"validation image {index}" in tab.controller.image_source.label
    # the activations shown are those of that digit (conv C1 computed here by hand), not of the stock picture
    from cnnviz.core.images import prepare

    session = tab.state.model
    x = prepare(raw, session.pre).tensor
    weights = session.state_dict_copy()
    expected = F.conv2d(x, weights["C1.weight"], weights["C1.bias"])
    torch.testing.assert_close(tab.controller.forward.layers["C1"], expected)


def test_a_shipped_sample_gives_way_too(inspect_window, qtbot, trained) -> None:
    from cnnviz.core.samples import default_sample

    tab = inspect_window.tab_widgets["inspect"]
    tab.input_panel.open_path(str(default_sample(1)))  # a stock picture, even when picked by hand
    qtbot.waitUntil(lambda: tab.controller.image_source is not None and not tab.is_busy(), timeout=20000)
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    digit, _ = _first_validation_digit()
    np.testing.assert_array_equal(tab.controller.raw_image.rgb[..., 0], digit)


def test_the_users_own_picture_stays_for_the_same_input_shape(inspect_window, qtbot, trained, tmp_path) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    path = _png(tmp_path / "mine.png")
    tab.input_panel.open_path(str(path))
    qtbot.waitUntil(lambda: tab.controller.raw_image.path == path and not tab.is_busy(), timeout=20000)
    mine = tab.controller.raw_image.rgb.copy()
    assert tab.state.model.input_shape == (1, 32, 32)
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    assert tab.state.model.input_shape == (1, 32, 32)
    np.testing.assert_array_equal(tab.controller.raw_image.rgb, mine)
    assert tab.controller.image_source.path == str(path)


@pytest.mark.slow  # trains / builds a second model: a few seconds
def test_the_users_picture_for_another_input_shape_gives_way(inspect_window, qtbot, trained, tmp_path) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    tab.controller.load_model("vgg_small")
    qtbot.waitUntil(lambda: tab.state.model.name == "vgg_small" and not tab.is_busy(), timeout=30000)
    assert tab.state.model.input_shape != (1, 32, 32)
    path = _png(tmp_path / "colour.png")
    tab.input_panel.open_path(str(path))
    qtbot.waitUntil(lambda: tab.controller.raw_image.path == path and not tab.is_busy(), timeout=20000)
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    digit, _ = _first_validation_digit()
    np.testing.assert_array_equal(tab.controller.raw_image.rgb[..., 0], digit)


def test_an_active_drawing_stays(inspect_window, qtbot, trained) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    tab.input_panel.sketch.set_active(True)
    qtbot.waitUntil(lambda: tab.controller.image_source is not None and not tab.is_busy(), timeout=20000)
    drawing = tab.controller.image_source
    assert drawing.label == "drawing"
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    assert tab.input_panel.sketch.active
    assert tab.controller.image_source.label == "drawing"


def test_a_picture_still_being_read_is_not_replaced_by_the_validation_image(inspect_window, qtbot, trained,
                                                                             tmp_path) -> None:
    """The validation images can arrive while the user's own picture is still loading: the picture wins."""
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    path = _png(tmp_path / "mine.png")
    tab.input_panel.open_path(str(path))  # the user's picture: its job is in flight
    assert tab.controller.pending("main")
    tab.input_panel._show_a_validation_image(tab.input_panel.dataset_samples.samples)  # they arrive now
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=20000)
    assert tab.controller.image_source.path == str(path) and tab.controller.image_source.is_own()
