"""The sharpness plot's log axis labels stay few and apart: empty, with one estimate, and with many
(pyqtgraph's own log ticks of an empty plot label 2, 3, ..., 9 on top of each other)."""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import numpy as np
import pytest
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

import pyqtgraph as pg

from cnnviz.core.training.metrics import MetricsLog
from cnnviz.gui.train.plot_axes import decade_ticks
from cnnviz.gui.train.sharpness_view import SharpnessView

pytestmark = pytest.mark.gui


def _labels(axis) -> list[tuple[str, float]]:
    """(text, centre y in pixels) of every label the axis would draw now."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, rect.center().y()) for rect, _flags, text in specs[2]]


def _readable(axis) -> list[str]:
    labels = _labels(axis)
    font = axis.style.get("tickFont") or axis.font()
    height = QFontMetricsF(font).height()
    ys = sorted(y for _t, y in labels)
    gaps = [b - a for a, b in zip(ys, ys[1:], strict=False)]
    assert 2 <= len(labels) <= 5, labels
    assert all(g >= height for g in gaps), (labels, height)  # no two labels overlap
    return [t for t, _y in labels]


@pytest.mark.parametrize("height", [260, 500, 900])
def test_the_empty_sharpness_plot_labels_a_few_decades(qtbot, height):
    view = SharpnessView("en")
    qtbot.addWidget(view)
    view.resize(700, height)
    view.show()
    qtbot.wait(30)
    texts = _readable(view.plot.getAxis("left"))
    assert set(texts) <= {"1", "10", "100"} and "1" in texts  # decades, no 2 ... 9


@pytest.mark.parametrize("values", [(5.0, float("nan")), (10.0, float("nan")), (5.0, 10.0), (0.01, 400.0)])
def test_one_or_two_estimates_give_readable_decades(qtbot, values):
    sharpness, edge = values
    view = SharpnessView("en")
    qtbot.addWidget(view)
    view.resize(700, 320)
    view.show()
    log = MetricsLog()
    log.add_run("GD", "sgd")
    log.sharpness_tracked = True
    log.add_sharpness("GD", 5, sharpness, edge)
    view.set_runs([("GD", "#1f77b4")])
    assert view.pull(log)
    qtbot.wait(30)
    texts = _readable(view.plot.getAxis("left"))
    low, high = view.plot.getViewBox().viewRange()[1]
    shown = [v for v in (sharpness, edge) if v == v]
    assert all(10 ** low < v < 10 ** high for v in shown)  # every value inside the axis, none on its edge
    assert all(float(t) in {10.0 ** k for k in range(-4, 5)} for t in texts)


def test_the_axis_keeps_readable_when_the_view_shrinks(qtbot):
    view = SharpnessView("en")
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    qtbot.wait(30)
    view.resize(700, 240)
    qtbot.wait(30)
    _readable(view.plot.getAxis("left"))


@pytest.mark.parametrize("height", [50, 60, 70, 90, 400])
def test_a_short_learning_rate_axis_never_piles_its_labels(qtbot, height):
    """The Curves' learning-rate strip at 200 %: 0.001 and 0.0001 were drawn over each other."""
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.setLogMode(x=False, y=True)
    plot.resize(600, height)
    plot.show()
    qtbot.wait(20)
    rates = np.array([0.001, 0.002, 0.01, 0.05])
    plot.plot(np.arange(4), rates)
    decade_ticks(plot, [rates], None)
    qtbot.wait(20)
    labels = _labels(plot.getAxis("left"))
    font = plot.getAxis("left").style.get("tickFont") or plot.getAxis("left").font()
    ys = sorted(y for _t, y in labels)
    assert labels and all(b - a >= QFontMetricsF(font).height() for a, b in zip(ys, ys[1:], strict=False))
    values = sorted(float(t) for t, _y in labels)
    if len(values) == 1:  # one label: a decade of the data, not the padding below it
        assert 0.001 <= values[0] <= 0.05, values
