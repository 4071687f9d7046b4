"""The cursor readout above the Train plots never widens the window's layout (a long line for 8 runs
squashed the left panel), and it clears when the mouse leaves the plots or new runs are shown."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication

from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _tab_with_curves(qtbot) -> TrainTab:
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.apply_preset("optimizers")  # 8 runs
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    for i, s in enumerate(tab.plots.series.values()):  # each run's curve as if it had trained 100 steps
        s.x = np.arange(100.0)
        s.smooth = np.linspace(2.0, 0.1 * (i + 1), 100)
    assert len(tab.plots.series) == 8
    return tab


def test_a_long_readout_leaves_the_layout_and_the_left_panel_as_they_were(qtbot) -> None:
    tab = _tab_with_curves(qtbot)
    QApplication.processEvents()
    min_width = tab.minimumSizeHint().width()
    right_min = tab.splitter.widget(1).minimumSizeHint().width()
    left = tab.splitter.sizes()[0]
    plots_height = tab.plots.loss_plot.height()
    text = tab.plots.readout_text(50.0)
    assert text.count("■") == 8 and tab.plots.readout.fontMetrics().horizontalAdvance(text) > 1280
    tab.plots.readout.setText(text)
    for _ in range(3):
        QApplication.processEvents()
    tab.resize(1280, 801)  # the layout asks its parts again
    QApplication.processEvents()
    assert tab.splitter.widget(1).minimumSizeHint().width() == right_min
    assert tab.minimumSizeHint().width() == min_width
    assert tab.splitter.sizes()[0] == left
    tab.resize(1280, 800)
    QApplication.processEvents()
    assert tab.plots.loss_plot.height() == plots_height  # the plots do not jump as the line wraps
    label = tab.plots.readout
    assert label.heightForWidth(label.width()) <= label.height()  # all of it shows
    tab.resize(800, 800)  # narrower: the kept height grows to fit the longest line again
    QApplication.processEvents()
    assert label.heightForWidth(label.width()) <= label.height()
    assert label.height() > 2 * label.fontMetrics().lineSpacing() + 2  # the premise: more than 2 lines
    tab.shutdown()


def test_the_readout_clears_when_the_mouse_leaves_and_for_new_runs(qtbot) -> None:
    tab = _tab_with_curves(qtbot)
    plots = tab.plots
    plots.readout.setText(plots.readout_text(50.0))
    plots.step_cursor.setVisible(True)
    QApplication.sendEvent(plots.loss_plot, QEvent(QEvent.Type.Leave))
    assert plots.readout.text().strip() == "" and not plots.step_cursor.isVisible()
    inside = plots.loss_plot.getViewBox().sceneBoundingRect().center()
    plots._mouse_moved((inside,))  # a move the rate limit delivers after the mouse left
    assert plots.readout.text().strip() == "" and not plots.step_cursor.isVisible()
    QApplication.sendEvent(plots.loss_plot, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    plots._mouse_moved((inside,))
    assert "SGD" in plots.readout.text() and plots.step_cursor.isVisible()
    tab.apply_preset("learning_rate")  # a new lesson's runs: the old values must not stay
    assert plots.readout.text().strip() == ""
    tab.shutdown()
