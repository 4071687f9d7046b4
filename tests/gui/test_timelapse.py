"""A model trained in the app, opened in Inspect with its run's snapshots and dataset: time-lapse and samples."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
import torch.nn.functional as F

pytestmark = pytest.mark.gui

RUN = "sgd fast"


@pytest.fixture(scope="module")
def trained():
    """LeNet-5 trained for real on the offline digits for a few steps, a snapshot every 3 steps."""
    from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset
    from cnnviz.core.training.snapshots import WeightRecorder

    bundle = load_dataset("digits", train_limit=32 * 9, val_limit=64)
    setup = TrainSetup(model="lenet5", dataset="digits", epochs=1, batch_size=32, init_seed=3, data_seed=1,
                       train_limit=32 * 9, val_limit=64)
    trainer = Trainer(setup, [RunConfig(RUN, "sgd", {"lr": 0.5})], data=bundle)
    recorder = WeightRecorder(every=3)
    trainer.add_step_hook(recorder)
    trainer.run()
    recorder.finish(trainer)
    return trainer, recorder


def _open(window, qtbot, trained):
    from cnnviz.core.session import ModelRequest, trained_label

    trainer, recorder = trained
    tab = window.tab_widgets["inspect"]
    request = ModelRequest(name="lenet5", state_dict=trainer.state_dict(RUN), state_label=trained_label(RUN),
                           class_names=tuple(trainer.data.class_names), dataset="digits", snapshots=recorder, run=RUN)
    window.state.open_in_inspect.emit(request)
    qtbot.waitUntil(lambda: window.state.model is not None and window.state.model.request is request
                    and not tab.is_busy(), timeout=30000)
    return tab


def _settle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.timelapse.busy() and not tab.is_busy(), timeout=30000)


def test_kernels_activations_and_receptive_field_at_snapshot_k_are_the_weights_saved_at_step_k(
        inspect_window, qtbot, trained):
    from cnnviz.core.receptive import effective_rf
    from cnnviz.core.session import UnitSelection

    trainer, recorder = trained
    tab = _open(inspect_window, qtbot, trained)
    bar = tab.timelapse
    steps = recorder.steps(RUN)
    assert bar.isVisible() and bar.steps == steps and len(steps) >= 4
    session = tab.state.model
    own = {k: v.clone() for k, v in session.state_dict_copy().items()}
    tab.state.set_layer("C1")
    tab.show_panel("kernels")
    x = tab.state.image.tensor.clone()
    for k in (0, 2, len(steps) - 1, 1):
        bar.slider.setValue(k)
        _settle(qtbot, tab)
        saved = recorder.load(RUN, steps[k])
        assert bar.shown_index == k
        np.testing.assert_array_equal(tab.kernels.weight, saved["C1.weight"].numpy())  # the kernels shown
        # the activations shown are conv1 of the image with the weights of step k (computed here by hand)
        expected = F.conv2d(x, saved["C1.weight"], saved["C1.bias"])[0].numpy()
        np.testing.assert_allclose(tab.grid.maps, expected, atol=1e-5)
    assert not np.array_equal(recorder.load(RUN, steps[0])["C1.weight"].numpy(),
                              recorder.load(RUN, steps[-1])["C1.weight"].numpy())  # the filters did change
    # the selected unit's effective receptive field at snapshot 1, against a copy of the model with those weights
    reference = copy.deepcopy(session.loaded.model)
    reference.load_state_dict(recorder.load(RUN, steps[1]))
    tab.controller.set_unit(UnitSelection("C1", 2, 10, 12))
    qtbot.waitUntil(lambda: tab.input_panel._erf is not None, timeout=10000)
    np.testing.assert_allclose(tab.input_panel._erf.heat, effective_rf(reference, x, "C1", (10, 12), 2), atol=1e-6)
    # Grad-CAM follows too: the predictions panel's map belongs to the image shown at snapshot 1
    qtbot.waitUntil(lambda: tab.predictions.cam is not None
                    and tab.predictions.cam.image_id == tab.controller.forward.image_id, timeout=10000)
    with torch.no_grad():
        top = torch.softmax(reference(x)[0], 0).max().item()
    assert tab.predictions.bars[0].value() == round(top * 1000)
    # the session's own model was never left with a snapshot's weights
    for name, value in session.state_dict_copy().items():
        assert torch.equal(value, own[name]), name
    # Play runs through every snapshot to the end
    bar.slider.setValue(0)
    _settle(qtbot, tab)
    shown = []
    bar.sig_shown.connect(shown.append)
    bar.play_button.click()
    qtbot.waitUntil(lambda: not bar.play_button.isChecked(), timeout=30000)
    _settle(qtbot, tab)
    assert shown == list(range(1, len(steps)))
    np.testing.assert_array_equal(tab.kernels.weight, recorder.load(RUN, steps[-1])["C1.weight"].numpy())


def test_compare_shows_two_snapshots_side_by_side(inspect_window, qtbot, trained):
    from cnnviz.core.render import kernel_mosaic

    _trainer, recorder = trained
    tab = _open(inspect_window, qtbot, trained)
    tab.state.set_layer("C3")  # the second convolution: its own kernels are compared
    dialog = tab.timelapse.open_compare()
    qtbot.waitUntil(lambda: not dialog.busy() and all(a is not None for a in dialog.answers), timeout=20000)
    steps = recorder.steps(RUN)
    first, last = dialog.answers
    assert (first.step, last.step) == (steps[0], steps[-1]) and first.kernel_layer == "C3"
    for answer in (first, last):
        w = recorder.load(RUN, answer.step)["C3.weight"].numpy()
        np.testing.assert_array_equal(answer.weight, w)
        np.testing.assert_array_equal(answer.kernels, kernel_mosaic(w, 0).to_rgb())
    assert not np.array_equal(first.kernels, last.kernels)
    dialog.sides[0].slider.setValue(1)
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.answers[0].step == steps[1], timeout=20000)
    dialog.close()
    # Esc (reject) closes the window too: it must stop following Inspect (its widgets are deleted)
    again = tab.timelapse.open_compare()
    qtbot.waitUntil(lambda: not again.busy(), timeout=20000)
    refreshed: list[int] = []
    again.compute_all = lambda: refreshed.append(1)
    again.reject()  # what Esc does
    qtbot.wait(50)
    tab.state.set_layer(next(k for k in tab.controller.forward.layers if k != tab.state.layer))
    tab.controller.set_colormap("magma")
    qtbot.wait(50)
    assert not refreshed
    # deleted without being closed (its parent, the time-lapse bar, goes with a language switch)
    third = tab.timelapse.open_compare()
    qtbot.waitUntil(lambda: not third.busy(), timeout=20000)
    third.compute_all = lambda: refreshed.append(1)
    third.deleteLater()
    qtbot.wait(50)
    tab.controller.set_colormap("viridis")
    qtbot.wait(50)
    assert not refreshed


def test_validation_images_of_the_training_data_are_offered_as_samples(inspect_window, qtbot, trained):
    from cnnviz.core.training.datasets import load_dataset

    tab = _open(inspect_window, qtbot, trained)
    panel = tab.input_panel
    qtbot.waitUntil(lambda: panel.dataset_samples.samples is not None, timeout=20000)
    texts = [panel.samples.itemText(i) for i in range(panel.samples.count())]
    first = panel.dataset_samples.first_added
    entries = [i for i in range(first, panel.samples.count()) if panel.samples.itemData(i) is not None]
    assert len(entries) == 20  # two per class
    assert texts[entries[0]].strip().startswith("0 ") and texts[entries[-1]].strip().startswith("9 ")
    assert panel.sketch.dark_background is True  # digits: white on black, so the pad draws white ink
    held_out = load_dataset("digits").val
    pick = panel.dataset_samples.samples.samples[7]
    panel.samples.activated.emit(entries[7])
    qtbot.waitUntil(lambda: not tab.is_busy() and tab.controller.raw_image is not None
                    and tab.controller.raw_image.rgb.shape == (32, 32, 3)
                    and np.array_equal(tab.controller.raw_image.rgb[..., 0], held_out.images[pick.index, 0].numpy()),
                    timeout=20000)
    assert tab.predictions.labels[0].text().split(". ", 1)[1] in [str(d) for d in range(10)]  # class names
    # Grad-CAM of a 32×32 input is drawn large, not as a thumbnail
    tab.show_panel("top5")
    qtbot.waitUntil(lambda: tab.predictions.cam is not None, timeout=10000)
    qtbot.wait(50)
    assert tab.predictions.cam_view.image.sceneBoundingRect().width() >= 120
    # loading another model takes the validation images away
    tab.controller.load_model("lenet5", "random")
    qtbot.waitUntil(lambda: tab.state.model.request.dataset is None and not tab.is_busy(), timeout=20000)
    assert panel.dataset_samples.first_added == -1 and not tab.timelapse.isVisible()
