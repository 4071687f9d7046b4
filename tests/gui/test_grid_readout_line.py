"""The unit under the pointer is named on the grid's statistics line, which comes back when the pointer leaves.

The separate hover line stood empty except while hovering; the tiles get its height.
"""

from __future__ import annotations

import pytest

from tests.gui.test_inspect_hover import _hover_grid, _leave

pytestmark = pytest.mark.gui


def test_the_hover_text_takes_the_statistics_place_while_pointing(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    grid = tab.grid
    stats = grid.stats_label.text()
    assert stats.startswith("min ") and grid.stats_label.isVisible() and not grid.hover_label.isVisible()
    stats_row = grid.stats_label.mapTo(grid, grid.stats_label.rect().topLeft()).y()
    _hover_grid(qtbot, grid, 2, 4, 6)
    value = float(tab.controller.forward.layers["C1"][0, 2, 4, 6])
    assert grid.hover_label.text().startswith(f"channel 2 · row 4, column 6 · value {value:.4g}")
    assert grid.hover_label.isVisible() and not grid.stats_label.isVisible()
    assert grid.hover_label.mapTo(grid, grid.hover_label.rect().topLeft()).y() == stats_row  # the same line
    _leave(grid)  # the pointer went away from the tiles
    qtbot.waitUntil(lambda: grid.stats_label.isVisible(), timeout=3000)
    assert grid.stats_label.text() == stats and not grid.hover_label.isVisible()


@pytest.mark.parametrize(("lang", "least"), [("en", 0.42), ("zh", 0.34)])
def test_the_tiles_get_the_line_at_200_percent(make_main_window, qtbot, lang, least) -> None:
    window = make_main_window(model="lenet5", seed=0, zoom=2.0, lang=lang)
    window.resize(1920, 1080)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    qtbot.wait(300)
    # before: 0.39 (English) and 0.31 (Chinese) of the centre column, with an empty hover line under the statistics
    assert tab.grid.canvas.height() / tab.center_split.height() >= least
