"""The Inspect tab fits a 1280×800 projector at 100 %, and at 200 % it reflows instead of leaving the screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)


@pytest.mark.parametrize("panel", ["math", "kernels", "top5"])
def test_every_side_panel_fits_a_1280x800_projector(make_main_window, qtbot, panel):
    window = make_main_window(model="resnet18", seed=0)
    window.resize(1280, 800)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    tab.show_panel(panel)
    qtbot.wait(100)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, (panel, hint)
    assert window.width() <= 1280
    for widget in (tab.tree, tab.side, tab.grid, tab.input_panel.original):
        assert widget.isVisible() and widget.width() > 100  # nothing folded at 100 %


def test_at_200_percent_pictures_grow_and_a_side_column_folds(make_main_window, qtbot):
    window = make_main_window(model="resnet18", seed=0)
    window.resize(1920, 1080)
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    before = tab.input_panel.seen.height(), tab.grid.numbers.font.pointSizeF()
    window.set_zoom(2.0)
    qtbot.wait(300)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1920 and hint.height() <= 1080, hint
    assert window.width() <= 1920
    from cnnviz.gui.inspect.input_panel import PICTURE_MIN_PX

    # pictures keep 1.5× their 100 % minimum (they shrank to ~130 px before, as the text grew; twice
    # that left the activation grid one thin row: test_inspect_grid_room)
    assert min(tab.input_panel.seen.height(), tab.input_panel.seen.width()) >= 1.5 * PICTURE_MIN_PX
    assert before[0] >= PICTURE_MIN_PX
    assert tab.grid.numbers.font.pointSizeF() == pytest.approx(2 * before[1])
    window.resize(1280, 800)  # a projector at 200 %: the three columns cannot all fit
    qtbot.wait(300)
    assert window.minimumSizeHint().width() <= 1280 and window.width() <= 1280
    assert tab.reflow.folded and tab.reflow.left_button.isVisible()  # a side column folded behind a button
    tab.reflow.left_button.click()
    assert tab.tree.isVisible() and not tab.side.isVisible()
    tab.reflow.right_button.click()
    assert tab.side.isVisible() and not tab.tree.isVisible()
