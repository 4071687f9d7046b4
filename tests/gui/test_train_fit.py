"""The Train tab fits a 1280×800 projector at 100 % and a 1920×1080 screen at 200 % with its main actions in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

pytestmark = pytest.mark.gui


def _inside_window(window, widget) -> bool:
    """The widget is shown and its whole rectangle lies inside the window (not scrolled or cut away)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize(("size", "zoom"), [((1280, 800), 1.0), ((1920, 1080), 2.0)])
def test_start_pause_stop_stay_in_view(make_main_window, qtbot, size, zoom):
    window = make_main_window(tabs=("train",))
    tab = window.tab_widgets["train"]
    window.show_tab("train")
    if zoom != 1.0:
        window.set_zoom(zoom)
    window.resize(*size)
    qtbot.wait(200)
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1], hint
    assert window.width() <= size[0] and window.height() <= size[1]
    for button in (tab.start_button, tab.continue_button, tab.pause_button, tab.stop_button, tab.inspect_button,
                   tab.export_csv_button):
        assert _inside_window(window, button), button.text()
    assert _inside_window(window, tab.status)
    assert tab.plots.loss_plot.width() > 200 and tab.plots.loss_plot.height() > 100  # the curves still show
    if zoom != 1.0:
        window.set_zoom(1.0)
