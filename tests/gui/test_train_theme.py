"""The Train tab's plots follow the theme: a dark theme gets dark plots with light text, and back."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cnnviz.gui.train.plot_series import faint_color

pytestmark = pytest.mark.gui


def _check(tab, dark: bool) -> None:
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert (base.lightnessF() < 0.5) == dark
    plots = tab.findChildren(pg.PlotWidget)
    assert len(plots) >= 8  # curves, sharpness, landscape and sweep pages
    for plot in plots:
        assert plot.backgroundBrush().color() == base, plot
        text = plot.getAxis("left").textPen().color()
        assert abs(text.lightnessF() - base.lightnessF()) > 0.5, (plot, text.name(), base.name())  # readable
    legend = tab.plots.loss_plot.getPlotItem().legend
    assert abs(legend.opts["labelTextColor"].lightnessF() - base.lightnessF()) > 0.5


def test_train_plots_follow_a_theme_switch(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("train",))
    tab = window.tab_widgets["train"]
    window.set_theme("light")
    qtbot.wait(20)
    _check(tab, dark=False)
    window.set_theme("dark")
    qtbot.wait(20)
    _check(tab, dark=True)
    window.set_theme("light")
    qtbot.wait(20)
    _check(tab, dark=False)


def test_a_runs_faint_line_is_blended_with_the_plot_background() -> None:
    assert faint_color("#ff0000", QColor("#ffffff")) == QColor(255, 178, 178)  # 30 % red over white
    assert faint_color("#ff0000", QColor("#000000")) == QColor(76, 0, 0)  # and over black
