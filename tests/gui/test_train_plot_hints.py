"""Hints drawn inside the Train plots (the empty plot's "Press Start", the sharpness notice) never run
under the plot's legend, in English and Chinese, at 100 % and 200 % (walkthrough at 1280×800)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QCursor

from cnnviz.gui.train.plots import TrainPlots
from cnnviz.gui.train.views import SHARPNESS

pytestmark = pytest.mark.gui


def _apart(plot, hint) -> None:
    """``hint`` shows inside ``plot``'s view and its rectangle does not meet the legend's (scene coordinates)."""
    hint.updateTransform(force=True)
    text, legend = hint.sceneBoundingRect(), plot.getPlotItem().legend.sceneBoundingRect()
    view = plot.getViewBox().sceneBoundingRect()
    assert hint.isVisible() and text.width() > 20 and legend.width() > 20
    assert not text.intersects(legend), (text, legend)
    assert view.left() - 1 <= text.left() and text.right() <= view.right() + 1, (text, view)


@pytest.mark.parametrize(("size", "lang", "zoom"), [((1280, 800), "zh", 2.0), ((1280, 800), "en", 1.0),
                                                    ((1600, 1000), "zh", 2.0), ((1920, 1080), "en", 2.0),
                                                    ((1920, 1080), "zh", 1.0)])
def test_hints_and_legends_never_overlap(make_main_window, qtbot, size, lang, zoom):
    window = make_main_window(tabs=("train",), lang=lang)
    tab = window.tab_widgets["train"]
    window.show_tab("train")
    if zoom != 1.0:
        window.set_zoom(zoom)
    window.resize(*size)
    qtbot.wait(100)
    plots = tab.plots
    assert len(plots.legend.items) == 6  # the default lesson's runs, before any data
    _apart(plots.loss_plot, plots.placeholder)
    tab.views.show_page(SHARPNESS)
    qtbot.wait(100)
    sharp = tab.views.sharpness
    assert "Sharpness" in sharp.notice.textItem.toPlainText() or "锐度" in sharp.notice.textItem.toPlainText()
    _apart(sharp.plot, sharp.notice)
    if zoom != 1.0:
        window.set_zoom(1.0)


def test_the_placeholder_moves_away_when_the_legend_grows(qtbot):
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.resize(700, 500)
    plots.show()
    plots.set_runs([("a", "#1f77b4")])
    qtbot.wait(20)
    long_names = [(f"a run with a long, long name {i}", "#1f77b4") for i in range(8)]
    plots.set_runs(long_names)  # a wide, tall legend
    qtbot.wait(20)
    _apart(plots.loss_plot, plots.placeholder)


def test_the_step_cursor_does_not_shadow_qwidget_cursor(qtbot):
    plots = TrainPlots()
    qtbot.addWidget(plots)
    assert isinstance(plots.cursor(), QCursor)  # QWidget.cursor() still callable
    assert not plots.step_cursor.isVisible()  # the x cursor's line, shown under the mouse only


def test_the_landscape_notice_keeps_off_its_legend(qtbot):
    from cnnviz.gui.train.landscape_view import LandscapeView
    from tests.gui.test_train_landscape import _synthetic

    view = LandscapeView(lambda: (None, None))
    qtbot.addWidget(view)
    view.resize(520, 420)
    view.show()
    view.set_runs([("a run with a long name", "#1f77b4"), ("B", "#ff7f0e")])
    view.show_landscape(_synthetic())  # 2 NaN cells: the notice says so, top left
    qtbot.wait(20)
    assert "2 of 25" in view.notice.textItem.toPlainText()
    _apart(view.plot, view.notice)
