"""The training time-lapse in Inspect survives a language switch: the slider of a trained run, and the
"Load time-lapse" hint of a reopened lesson (whose button still brings the run back)."""

from __future__ import annotations

import pytest
import torch

from tests.gui.test_timelapse_reopened_lesson import _train_and_open_in_inspect

pytestmark = pytest.mark.gui


def _forward_with(inspect, weights) -> torch.Tensor:
    """C1's output for the image shown, computed here by hand with ``weights``."""
    import torch.nn.functional as F

    x = inspect.state.image.tensor
    return F.conv2d(x, weights["C1.weight"], weights["C1.bias"])


def _switch(window, qtbot, lang: str):
    window.set_language(lang)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect._started and not inspect.is_busy(), timeout=30000)
    qtbot.wait(50)
    return inspect


@pytest.mark.slow  # trains, and opens a second window: a few seconds
def test_the_time_lapse_and_its_hint_survive_a_language_switch(make_main_window, qtbot, tmp_path) -> None:
    window = make_main_window(tabs=("inspect", "train"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    steps = _train_and_open_in_inspect(window, qtbot)
    trained = {k: v.clone() for k, v in inspect.state.model.state_dict_copy().items()}
    path = window.save_lesson_to(tmp_path / "timelapse")
    assert path is not None

    bar = inspect.timelapse
    bar.scrub_to(0)  # the initial weights
    qtbot.waitUntil(lambda: bar.shown_index == 0 and not bar.busy() and not inspect.is_busy(), timeout=30000)
    initial = _forward_with(inspect, bar.recorder.load("SGD", steps[0]))  # the first snapshot, by hand
    torch.testing.assert_close(inspect.controller.forward.layers["C1"], initial)
    assert not torch.equal(initial, _forward_with(inspect, trained)), "the snapshot differs from the trained weights"

    inspect = _switch(window, qtbot, "zh")  # the run's own snapshots stay: the slider, not the hint
    bar = inspect.timelapse
    qtbot.waitUntil(lambda: bar.shown_index == 0 and not bar.busy() and not inspect.is_busy(), timeout=30000)
    assert bar.isVisible() and bar.slider.isVisible() and not bar.replay_button.isVisible()
    assert bar.steps == steps and bar.run == "SGD"
    assert bar.slider.value() == 0 and bar.step_label.text() != ""  # still at the snapshot the activations show
    torch.testing.assert_close(inspect.controller.forward.layers["C1"], initial)
    window.set_language("en")

    again = make_main_window(tabs=("inspect", "train"), model="lenet5", seed=0)
    inspect = again.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    assert again.open_lesson_from(path)
    qtbot.waitUntil(lambda: inspect.timelapse.replay_button.isVisible() and not inspect.is_busy(), timeout=30000)
    session = inspect.state.model
    assert inspect.lesson_state()["timelapse_run"] == "SGD"  # saved again, the lesson still offers it

    inspect = _switch(again, qtbot, "zh")
    bar = inspect.timelapse
    assert inspect.state.model is session  # the lesson's weights stay as they are
    assert bar.isVisible() and bar.replay_hint.isVisible() and bar.replay_button.isVisible()
    assert not bar.slider.isVisible() and bar.replay_run == "SGD"
    assert bar.replay_hint.text() != "This model was trained with a time-lapse; the Train tab brings it back."

    bar.replay_button.click()  # the rebuilt Train tab rebuilds the run from its checkpoint and sends it
    qtbot.waitUntil(lambda: inspect.state.model.request.snapshots is not None and not inspect.is_busy(),
                    timeout=60000)
    assert bar.slider.isVisible() and not bar.replay_button.isVisible()
    assert bar.steps == steps and bar.run == "SGD"
    assert all(torch.equal(inspect.state.model.state_dict_copy()[k], v) for k, v in trained.items())
    again.set_language("en")
