"""The activation grid fills the panel for every layer, big or small, and stays readable past that."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _shown_fraction(grid) -> float:
    """How much of the panel's binding side the drawn mosaic covers (1.0: edge to edge)."""
    m = grid.mosaic
    (x0, x1), (y0, y1) = grid.view.viewRange()
    h, w = m.shape
    return max(min(1.0, w / (x1 - x0)), min(1.0, h / (y1 - y0)))


def test_the_grid_refits_when_the_next_layer_is_smaller(make_main_window, qtbot):
    window = make_main_window(model="resnet18", seed=0)
    window.resize(1600, 1000)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    grid = tab.grid
    qtbot.wait(200)  # the resize re-tiles after a pause
    first = grid.tile_screen_size()
    assert _shown_fraction(grid) > 0.9
    tab.state.set_layer("layer4.1.conv2")  # 512 channels of 7×7, after 64 of 112×112
    qtbot.waitUntil(lambda: grid.mosaic is not None and len(grid.mosaic.channels) == 512, timeout=10000)
    assert _shown_fraction(grid) > 0.9  # fills the panel instead of a small square in its corner
    area_h, area_w = grid._area()
    m = grid.mosaic
    # the columns suit the panel's shape: a wide panel gets a wide mosaic
    assert (m.shape[1] / m.shape[0] > 1) == (area_w / area_h > 1)
    tab.state.set_layer("conv1")
    qtbot.waitUntil(lambda: grid.mosaic is not None and len(grid.mosaic.channels) == 64, timeout=10000)
    assert _shown_fraction(grid) > 0.9 and grid.tile_screen_size() == pytest.approx(first, rel=0.02)


def test_many_tiles_stay_readable_and_the_wheel_zoom_turns_fit_off(make_main_window, qtbot):
    window = make_main_window(model="resnet18", seed=0)
    window.resize(1280, 800)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    grid = tab.grid
    tab.state.set_layer("layer4.1.conv2")
    qtbot.waitUntil(lambda: grid.mosaic is not None and len(grid.mosaic.channels) == 512, timeout=10000)
    grid.resize(grid.width(), 160)  # a very low panel: 512 tiles cannot all be readable
    qtbot.wait(300)
    assert grid.tile_screen_size() >= 14 * 0.98  # the readable minimum, the rest by dragging
    grid.view.scaleBy((0.5, 0.5))
    grid.view.sigRangeChangedManually.emit(grid.view.state["mouseEnabled"])
    assert not grid.fit_button.isChecked()
    grid.fit_button.click()
    assert grid.fit_button.isChecked()
