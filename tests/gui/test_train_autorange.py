"""The Train plots come back to all their data after a zoom: a new session, its first data, a double
click or the "A" button; the x axis names the unit its values are really in."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from cnnviz.core.training.metrics import FINISHED, MetricsLog
from cnnviz.gui.train.plots import TrainPlots

pytestmark = pytest.mark.gui

STEPS = 30  # 3 epochs of 10 steps of 64 images


def _log(train_size: int = 640, steps: int = STEPS) -> MetricsLog:
    """One run 'a' over 3 epochs: loss 2.3 - 0.03·step, a validation record at the start of each epoch;
    only its first ``steps`` steps (what a timer tick sees of a running training)."""
    log = MetricsLog()
    log.train_size = train_size
    log.add_run("a", "sgd")
    step = 0
    for epoch in range(3):
        if step <= steps:
            log.add_val("a", step, epoch, 2.0 - 0.3 * epoch, 0.2 + 0.2 * epoch, 0.1, 2.0, 0.1, step * 64, 9.0 + epoch)
        for _ in range(10):
            step += 1
            if step <= steps:
                log.add_train("a", step, epoch + 1, 2.3 - 0.03 * step, 0.5, 0.1, step * 64)
    if steps >= STEPS:
        log.set_status("a", FINISHED)
    return log


@pytest.fixture
def plots(qtbot):
    widget = TrainPlots()
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    widget.set_runs([("a", "#1f77b4")])
    return widget


def _covers(plot, xs: np.ndarray, ys: np.ndarray | None = None) -> bool:
    (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
    ok = x0 <= xs.min() and xs.max() <= x1
    return ok and (ys is None or (y0 <= ys.min() and ys.max() <= y1))


def _zoom_all(plots) -> None:
    """What a wheel or a drag does: a small range, auto-range off."""
    plots.loss_plot.getViewBox().setXRange(0.0, 0.9, padding=0)  # the first 3 % of the steps
    plots.loss_plot.getViewBox().setYRange(2.25, 2.3, padding=0)
    plots.val_loss_plot.getViewBox().scaleBy((0.1, 0.1))
    assert not any(plots.loss_plot.getViewBox().autoRangeEnabled())


def _data_in_view(plots, qtbot) -> None:
    qtbot.wait(30)  # pyqtgraph applies auto-range before painting
    steps = np.arange(1, STEPS + 1, dtype=float)
    assert _covers(plots.loss_plot, steps, 2.3 - 0.03 * steps), plots.loss_plot.getViewBox().viewRange()
    assert _covers(plots.lr_plot, steps)  # x-linked to the loss
    assert _covers(plots.val_loss_plot, np.array([0.0, 10.0, 20.0]), np.array([2.0, 1.7, 1.4]))
    assert plots.acc_plot.getViewBox().viewRange()[1][0] < 0.0 and plots.acc_plot.getViewBox().viewRange()[1][1] > 1.0


def test_a_new_session_shows_all_its_data_after_a_zoom(plots, qtbot):
    plots.pull(_log())
    plots.redraw(full=True)
    _zoom_all(plots)
    plots.set_runs([("a", "#1f77b4")])  # Start (or a new run, a lesson) begins a new session
    plots.pull(_log())
    plots.redraw()
    _data_in_view(plots, qtbot)


def test_the_first_data_after_a_zoom_into_the_empty_plots_is_all_in_view(plots, qtbot):
    _zoom_all(plots)  # the user wheeled over the empty plots before the first step came
    plots.pull(_log())
    plots.redraw()
    _data_in_view(plots, qtbot)


def test_a_double_click_brings_back_all_the_data(plots, qtbot):
    plots.pull(_log())
    plots.redraw(full=True)
    _zoom_all(plots)
    port = plots.loss_plot.viewport()
    at = QPointF(plots.loss_plot.mapFromScene(plots.loss_plot.getViewBox().sceneBoundingRect().center()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                 QEvent.Type.MouseButtonRelease):  # what Qt sends for a double click
        held = none if kind == QEvent.Type.MouseButtonRelease else left
        QApplication.sendEvent(port, QMouseEvent(kind, at, port.mapToGlobal(at), left, held,
                                                 Qt.KeyboardModifier.NoModifier))
    _data_in_view(plots, qtbot)


def test_the_auto_range_button_keeps_accuracy_from_0_to_1(plots, qtbot):
    plots.pull(_log())
    plots.redraw(full=True)
    _zoom_all(plots)
    button = plots.acc_plot.getPlotItem().autoBtn
    button.clicked.emit(button)
    _data_in_view(plots, qtbot)
    assert plots.acc_plot.getViewBox().viewRange()[1] == pytest.approx([-0.02, 1.02], abs=0.01)


def test_the_x_axis_names_the_unit_its_values_are_in(plots, qtbot):
    plots.set_x_axis("epoch")
    plots.pull(_log(train_size=0))  # no training-set size yet: the steps cannot be epochs
    plots.redraw()
    assert plots.loss_plot.getAxis("bottom").labelText == "step"
    assert plots.series["a"].x.max() == STEPS
    plots.loss_plot.getViewBox().setXRange(0.0, 0.9, padding=0)
    plots.pull(_log(train_size=640))  # now it is known: the x values become epochs, and so does the label
    plots.redraw()
    assert plots.loss_plot.getAxis("bottom").labelText == "epoch"
    assert plots.val_loss_plot.getAxis("bottom").labelText == "epoch"
    qtbot.wait(30)
    epochs = np.arange(1, STEPS + 1) * 64 / 640
    assert _covers(plots.loss_plot, epochs), plots.loss_plot.getViewBox().viewRange()
    assert plots.loss_plot.getViewBox().viewRange()[0][1] < 2 * epochs.max()  # not the old range in steps


@pytest.mark.parametrize("axis", ["step", "epoch"])
def test_the_loss_plot_follows_a_growing_run(plots, qtbot, axis):
    """The learning-rate plot is x-linked to the loss plot: had it its own auto-range, it would set the
    loss plot's range from its first point and turn the loss plot's auto-range off (stuck at the start)."""
    plots.set_x_axis(axis)  # as a lesson with an epoch axis does before Start
    for steps in (1, 2, 5, 12, STEPS):  # the timer's ticks
        plots.pull(_log(steps=steps))
        plots.redraw()
        qtbot.wait(20)
    xs = plots.series["a"].x
    assert plots.loss_plot.getViewBox().autoRangeEnabled()[0]
    assert _covers(plots.loss_plot, xs), (plots.loss_plot.getViewBox().viewRange(), xs.min(), xs.max())


def test_an_epoch_axis_lesson_shows_its_whole_training(qtbot):
    """The walkthrough's case end to end: the batch-size lesson counts epochs; after training, the loss
    plot's x axis says epoch and shows every run's whole curve."""
    from cnnviz.gui.state import AppState
    from cnnviz.gui.train.tab import TrainTab

    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    tab.apply_preset("batch_size")
    assert tab.x_axis.currentData() == "epoch"
    tab.train_limit.setValue(128)
    tab.epochs.setValue(1)
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    qtbot.wait(30)
    xs = np.concatenate([s.x for s in tab.plots.series.values()])
    assert xs.size and xs.max() == pytest.approx(1.0)  # one epoch, in epochs
    assert tab.plots.loss_plot.getAxis("bottom").labelText == "epoch"
    assert tab.plots.loss_plot.getViewBox().autoRangeEnabled()[0]
    assert _covers(tab.plots.loss_plot, xs), tab.plots.loss_plot.getViewBox().viewRange()
    tab.shutdown()
