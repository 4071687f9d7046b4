"""The Curves plots' double-click (all the data again after a zoom) is said where the user looks:
the keyboard-and-mouse sheet (Help → Keyboard shortcuts) and each Curves plot's tooltip."""

from __future__ import annotations

import pytest

from cnnviz.gui.shortcuts import ShortcutsDialog, widget_shortcuts
from cnnviz.gui.train.plots import TrainPlots

pytestmark = pytest.mark.gui


def test_the_shortcuts_sheet_lists_the_double_click(make_main_window):
    rows = [s for s in widget_shortcuts() if s.keys == "double-click"]
    assert [(s.section, s.description) for s in rows] == [("Train", "Curves: show all the data again after a zoom")]
    window = make_main_window(tabs=("train",))
    sheet = ShortcutsDialog(window)
    sheet.filter.setText("double")  # the search finds it by its keys
    assert [row[0] for row in sheet.rows()] == ["Train"]


def test_every_curves_plot_says_how_to_zoom_and_come_back(qtbot):
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.resize(1000, 700)
    plots.show()
    qtbot.wait(30)
    for plot in plots._plots.values():  # noqa: SLF001  (the five Curves plots)
        assert "double-click: all the data again" in plot.toolTip()
    plots.resize(380, 700)  # narrow: the per-epoch titles are elided, the tooltip gives them whole
    qtbot.wait(30)
    val = plots.val_loss_plot
    title = val.getPlotItem().titleLabel.text
    assert title.endswith("…")
    tip = val.toolTip().split("\n")
    assert tip == ["Validation loss after each epoch (dashed: training mean)",
                   "Wheel: zoom · drag: pan · double-click: all the data again"]
    plots.resize(1600, 700)  # wide again: only the hint
    qtbot.wait(30)
    assert val.toolTip() == "Wheel: zoom · drag: pan · double-click: all the data again"
