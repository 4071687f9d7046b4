"""A language switch keeps a trained model's dataset in Inspect: its validation images stay offered.

And the picture the user looks at stays as it was: a validation image they
picked, their own file (with its path), a drawing (the pad stays open with it).
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.gui.test_open_trained_shows_its_data import _open_in_inspect, _png, train_tiny

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def trained():
    """LeNet-5 trained for real for two steps on the offline digits (as in test_open_trained_shows_its_data)."""
    return train_tiny()


def _offered(tab) -> list[int]:
    """The dataset indices of the validation images the Samples box offers (the labels follow the language)."""
    from cnnviz.gui.inspect.jobs import ImageInput

    combo = tab.input_panel.samples
    labels = [combo.itemData(i).label for i in range(combo.count()) if isinstance(combo.itemData(i), ImageInput)]
    return [int("".join(c for c in label.rsplit(" ", 1)[-1] if c.isdigit())) for label in labels]


def _switch(window, qtbot, lang: str):
    window.set_language(lang)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab._started and not tab.is_busy(), timeout=30000)
    qtbot.wait(50)
    return tab


def test_validation_images_and_the_picked_one_survive_a_switch(inspect_window, qtbot, trained) -> None:
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    offered = _offered(tab)
    assert len(offered) >= 10  # two per digit class
    session = tab.state.model
    combo = tab.input_panel.samples
    third = [i for i in range(combo.count()) if combo.itemData(i) is not None and not isinstance(combo.itemData(i), str)][2]
    picked = combo.itemData(third)
    tab.input_panel._on_sample(third)  # what choosing it in the box does
    qtbot.waitUntil(lambda: tab.controller.image_source is picked and not tab.is_busy(), timeout=20000)
    shown = tab.controller.raw_image.rgb.copy()
    np.testing.assert_array_equal(shown, picked.array)

    tab = _switch(inspect_window, qtbot, "zh")
    assert tab.state.model is session, "the trained model stays (not loaded again without its dataset)"
    assert tab.state.model.class_names == tuple(trained.data.class_names)
    assert _offered(tab) == offered
    heading = tab.input_panel.samples.itemText(tab.input_panel.dataset_samples.first_added + 1)
    assert heading and not heading.startswith("Validation images"), heading  # built in the new language
    np.testing.assert_array_equal(tab.controller.raw_image.rgb, shown)
    assert tab.controller.image_source.label == picked.label and tab.controller.image_source.own

    tab = _switch(inspect_window, qtbot, "en")
    assert tab.state.model is session and _offered(tab) == offered
    np.testing.assert_array_equal(tab.controller.raw_image.rgb, shown)


def test_the_picture_inspect_chose_stays_its_choice(inspect_window, qtbot, trained) -> None:
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    first = tab.controller.image_source
    assert not first.own  # picked by Inspect: the next trained model may replace it
    tab = _switch(inspect_window, qtbot, "zh")
    assert not tab.controller.image_source.own and _offered(tab)
    np.testing.assert_array_equal(tab.controller.raw_image.rgb, first.array)
    inspect_window.set_language("en")


def test_the_users_file_survives_a_switch_with_its_path(inspect_window, qtbot, trained, tmp_path) -> None:
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    path = _png(tmp_path / "mine.png")
    tab.input_panel.open_path(str(path))
    qtbot.waitUntil(lambda: tab.controller.raw_image.path == path and not tab.is_busy(), timeout=20000)
    mine = tab.controller.raw_image.rgb.copy()
    tab = _switch(inspect_window, qtbot, "zh")
    assert tab.controller.image_source.path == str(path)  # remembered as a file, not as the lesson's copy
    np.testing.assert_array_equal(tab.controller.raw_image.rgb, mine)
    assert _offered(tab)
    inspect_window.set_language("en")


def test_a_drawing_stays_on_the_open_pad(inspect_window, qtbot, trained) -> None:
    tab = _open_in_inspect(inspect_window, qtbot, trained)
    sketch = tab.input_panel.sketch
    sketch.set_active(True)
    sketch.sketch.begin(8.0, 8.0, 3.0)
    sketch.sketch.extend(20.0, 24.0, 3.0)
    sketch.sketch.end()
    sketch.pad._changed()
    qtbot.waitUntil(lambda: not tab.is_busy() and not sketch.feeder.in_flight and not sketch.feeder.dirty,
                    timeout=20000)
    pixels = sketch.sketch.pixels.copy()
    assert pixels.max() > 0
    shown = tab.controller.raw_image.rgb.copy()
    np.testing.assert_array_equal(shown, sketch.make_input().array)

    tab = _switch(inspect_window, qtbot, "zh")
    sketch = tab.input_panel.sketch
    qtbot.waitUntil(lambda: not sketch.feeder.in_flight and not sketch.feeder.dirty and not tab.is_busy(),
                    timeout=20000)
    assert sketch.active and sketch.stack.currentWidget() is sketch.pad
    np.testing.assert_array_equal(sketch.sketch.pixels, pixels)
    assert sketch.pad.undo_button.isEnabled()  # the history came along
    np.testing.assert_array_equal(tab.controller.raw_image.rgb, shown)
    assert _offered(tab)
    inspect_window.set_language("en")
