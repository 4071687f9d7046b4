"""A Train plot's legend stays whole inside its plot: on a small window at 200 % (Chinese), it takes
more columns, then a smaller font, instead of running off the bottom of the plot."""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import pytest
from PySide6.QtWidgets import QApplication

import pyqtgraph as pg

from cnnviz.gui.train.plot_axes import lay_out_legend
from cnnviz.gui.train.plots import TrainPlots
from cnnviz.gui.train.views import SHARPNESS

pytestmark = pytest.mark.gui


def _inside(plot) -> None:
    legend = plot.getPlotItem().legend
    box, view = legend.sceneBoundingRect(), plot.getViewBox().sceneBoundingRect()
    assert legend.isVisible() and box.height() > 10
    assert view.adjusted(-1, -1, 1, 1).contains(box), (box, view)
    for sample, label in legend.items:  # every entry is laid out inside the legend's box
        entry = label.sceneBoundingRect() | sample.sceneBoundingRect()
        assert box.adjusted(-1, -1, 1, 1).contains(entry), (label.text, entry, box)


@pytest.mark.parametrize(("lang", "size"), [("zh", (1280, 800)), ("en", (1280, 800)), ("zh", (1600, 1000))])
def test_the_legend_fits_its_plot_at_200_percent(make_main_window, qtbot, lang, size):
    window = make_main_window(tabs=("train",), lang=lang)
    tab = window.tab_widgets["train"]
    window.show_tab("train")
    window.set_zoom(2.0)
    window.resize(*size)
    qtbot.wait(100)
    try:
        plots = tab.plots
        assert len(plots.legend.items) == 6  # the default lesson's six optimizers
        _inside(plots.loss_plot)
        tab.views.show_page(SHARPNESS)
        qtbot.wait(100)
        _inside(tab.views.sharpness.plot)
    finally:
        window.set_zoom(1.0)


def test_a_roomy_plot_keeps_one_column_and_its_font(qtbot):
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.resize(900, 900)
    plots.show()
    plots.set_runs([(f"run {i}", "#1f77b4") for i in range(4)])
    qtbot.wait(50)
    legend = plots.legend
    assert legend.columnCount == 1 and legend.scale() == 1.0
    assert legend.opts["labelTextSize"] == f"{QApplication.font().pointSizeF() * 0.9:.2f}pt"
    _inside(plots.loss_plot)
    plots.resize(900, 330)  # now too short for four rows: columns
    qtbot.wait(50)
    assert legend.columnCount > 1
    _inside(plots.loss_plot)
    plots.resize(900, 900)  # and back to one column
    qtbot.wait(50)
    assert legend.columnCount == 1 and legend.scale() == 1.0
    _inside(plots.loss_plot)


def test_a_legend_too_big_for_columns_is_drawn_smaller(qtbot):
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.resize(900, 900)
    plots.show()
    plots.set_runs([(f"a run with a rather long name {i}", "#1f77b4") for i in range(8)])
    qtbot.wait(50)
    assert plots.legend.scale() == 1.0
    _inside(plots.loss_plot)
    plots.resize(520, 440)  # one column is too tall, two at full size too: smaller
    qtbot.wait(50)
    assert plots.legend.scale() < 1.0
    _inside(plots.loss_plot)


def test_entries_added_after_a_zoom_have_the_zoomed_size(make_main_window, qtbot):
    window = make_main_window(tabs=("train",), lang="en")
    tab = window.tab_widgets["train"]
    window.show_tab("train")
    before = float(tab.plots.legend.items[0][1].opts["size"].removesuffix("pt"))
    window.set_zoom(2.0)
    try:
        tab.apply_preset("optimizers")  # new runs: new legend entries
        qtbot.wait(50)
        after = float(tab.plots.legend.items[0][1].opts["size"].removesuffix("pt"))
        assert after == pytest.approx(2 * before, rel=0.05)
    finally:
        window.set_zoom(1.0)


def _grid(legend) -> list[list[str]]:
    rows: dict[int, list[tuple[float, str]]] = {}
    for _sample, label in legend.items:
        rows.setdefault(round(label.pos().y()), []).append((label.pos().x(), label.text))
    return [[t for _x, t in sorted(r)] for _y, r in sorted(rows.items())]


def test_lay_out_legend_places_entries_row_by_row_and_back(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    legend = plot.addLegend()
    for i in range(5):
        plot.plot([0, 1], [i, i], name=f"r{i}")
    lay_out_legend(legend, 2)
    assert _grid(legend) == [["r0", "r1"], ["r2", "r3"], ["r4"]]
    tall = legend.height()
    lay_out_legend(legend, 3)
    assert _grid(legend) == [["r0", "r1", "r2"], ["r3", "r4"]]
    assert legend.height() < tall
    lay_out_legend(legend, 1)  # back to one column
    assert _grid(legend) == [[f"r{i}"] for i in range(5)]
    assert legend.height() > tall
