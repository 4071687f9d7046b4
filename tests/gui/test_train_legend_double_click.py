"""A double click on the loss plot's legend keeps the zoom and hides (or shows) the run once, not twice;
elsewhere in the view it still shows all the data again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from cnnviz.gui.train.plots import TrainPlots

pytestmark = pytest.mark.gui


class _Click:
    """A left click on an item as pyqtgraph delivers it (``double``: the second half of a double click)."""

    def __init__(self, double: bool) -> None:
        self._double = double
        self.accepted = False

    def button(self) -> Qt.MouseButton:
        return Qt.MouseButton.LeftButton

    def double(self) -> bool:
        return self._double

    def accept(self) -> None:
        self.accepted = True


class _DoubleClick:
    """What pyqtgraph's scene passes to sigMouseClicked for a double click at ``pos`` (scene coordinates)."""

    def __init__(self, pos: QPointF) -> None:
        self._pos = pos

    def double(self) -> bool:
        return True

    def scenePos(self) -> QPointF:  # noqa: N802 (pyqtgraph's name)
        return self._pos


def test_a_double_click_on_the_legend_keeps_the_zoom(qtbot) -> None:
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.resize(1000, 700)
    plots.set_runs([("SGD", "#1f77b4"), ("Adam", "#ff7f0e")])
    plots.show()
    qtbot.waitExposed(plots)
    vb = plots.loss_plot.getViewBox()
    vb.setXRange(10, 20, padding=0)  # a zoom: auto-range is off
    assert not vb.autoRangeEnabled()[0]
    on_legend = plots.legend.sceneBoundingRect().center()
    assert vb.sceneBoundingRect().contains(on_legend)  # the premise: the legend lies inside the view
    plots.loss_plot.scene().sigMouseClicked.emit(_DoubleClick(on_legend))
    assert not vb.autoRangeEnabled()[0]
    assert vb.viewRange()[0] == pytest.approx([10, 20])
    beside = QPointF(vb.sceneBoundingRect().left() + 20, vb.sceneBoundingRect().bottom() - 20)
    assert not plots.legend.sceneBoundingRect().contains(beside)
    plots.loss_plot.scene().sigMouseClicked.emit(_DoubleClick(beside))
    assert vb.autoRangeEnabled()[0]  # in the view, not on the legend: all the data again


def test_a_double_click_on_a_run_in_the_legend_toggles_it_once(qtbot) -> None:
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.set_runs([("SGD", "#1f77b4"), ("Adam", "#ff7f0e")])
    toggled: list[tuple[str, bool]] = []
    plots.sig_visibility_changed.connect(lambda name, visible: toggled.append((name, visible)))
    sample = next(sample for sample, label in plots.legend.items if label.text == "Adam")
    for click in (_Click(double=False), _Click(double=True)):  # what a double click delivers
        sample.mouseClickEvent(click)
        assert click.accepted
    assert toggled == [("Adam", False)] and not plots.series["Adam"].visible
    sample.mouseClickEvent(_Click(double=False))  # a later single click shows it again
    assert toggled == [("Adam", False), ("Adam", True)] and plots.series["Adam"].visible
