"""The Explain tab on a projector: it fits 1280×800, reflows at 200 %, its numbers grow and are never clipped,
the timeline shows every row in Chinese, the player follows a dark palette, pooling teaches something."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PySide6.QtGui import QFontInfo, QFontMetricsF, QPalette

pytestmark = pytest.mark.gui


def _explain(make_main_window, size: tuple[int, int], **options):
    window = make_main_window(tabs=("explain",), **options)
    window.resize(*size)
    tab = window.tab_widgets["explain"]
    window.show_tab("explain")
    return window, tab


def _fake_timeline(page) -> None:
    """The real architectures and texts with made-up numbers (computing them takes ~9 s); layout tests only."""
    from cnnviz.core.explain import TimelineRow, timeline_entries

    TIMELINE = timeline_entries()
    page._done([TimelineRow(e.model, e.label, 1998 + i, 8, 8, 10**6 * (i + 1), 10**6 * (i + 1), 10**9, 70.0,
                            (3, 224, 224), e.introduced, "") for i, e in enumerate(TIMELINE)])


def _titles_fit(tab) -> None:
    sidebar = tab.sidebar
    metrics = QFontMetricsF(sidebar.font())
    for i in range(sidebar.count()):
        text = sidebar.item(i).text()
        assert metrics.horizontalAdvance(text) <= sidebar.viewport().width(), text  # "Receptive fie" before


def _numbers_fit(canvas) -> None:
    canvas.grab()  # paint now
    assert canvas.cell_texts
    for rect, text, font in canvas.cell_texts:
        assert QFontMetricsF(font).horizontalAdvance(text) <= rect.width() - 2, (text, rect.width())


def test_fits_1280x800_and_reflows_at_200_percent_on_1920x1080(make_main_window, qtbot) -> None:
    window, tab = _explain(make_main_window, (1280, 800))
    for key in ("conv", "pool", "mix", "rf", "params", "unit"):
        tab.show_topic(key)
        qtbot.wait(20)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, (key, hint)
        assert window.width() <= 1280 and window.height() <= 800
    _titles_fit(tab)
    tab.show_topic("conv")
    page = tab.pages["conv"]
    for button in (page.player.btn_play, page.player.btn_step, page.btn_random):  # main actions on screen
        assert button.isVisible()
        corner = button.mapTo(window, button.rect().bottomRight())
        assert corner.x() <= window.width() and corner.y() <= window.height()
    body_1 = QFontInfo(page.canvas.font()).pixelSize()
    _fake_timeline(tab.pages["timeline"])
    window.resize(1920, 1080)
    window.set_zoom(2.0)
    qtbot.wait(50)
    for key in ("conv", "pool", "mix", "rf", "params", "timeline", "unit"):
        tab.show_topic(key)
        qtbot.wait(20)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1920 and hint.height() <= 1080, (key, hint)
        assert window.width() <= 1920
    _titles_fit(tab)  # the list grew with the zoom instead of cutting its titles
    tab.show_topic("conv")
    qtbot.wait(20)
    _numbers_fit(page.canvas)
    # the numbers in the cells grew with the zoom: at least the (doubled) body text
    sizes = [QFontInfo(font).pixelSize() for _r, _t, font in page.canvas.cell_texts]
    assert min(sizes) >= 2 * body_1 * 0.95, (sizes, body_1)


def test_cell_numbers_never_overflow_their_cells(make_main_window, qtbot) -> None:
    window, tab = _explain(make_main_window, (1280, 800))
    page = tab.pages["conv"]
    x = np.array([[[-0.18, 12.75, -3.5, 0.25], [100.5, -0.18, 7.0, -12.25], [0.5, -0.75, -99.5, 1.0]]])
    w = np.array([[[[-0.18, 0.33, -1.25], [2.5, -0.18, 0.0], [1.0, -1.0, 0.5]]]])
    page.apply_lesson_state({"h": 3, "w": 4, "c": 1, "c_out": 1, "f": 3, "s": 1, "p": 1, "d": 1,
                             "input": x.tolist(), "weight": w.tolist(), "bias": [-0.18], "step": 5})
    qtbot.wait(20)
    _numbers_fit(page.canvas)
    assert any(t == "−0.18" for _r, t, _f in page.canvas.cell_texts)
    page.canvas.resize(480, 320)  # the smallest canvas: fonts shrink, numbers still fit
    _numbers_fit(page.canvas)
    mix = tab.pages["mix"]
    tab.show_topic("mix")
    qtbot.wait(20)
    _numbers_fit(mix.canvas)


def test_the_default_pooling_example_teaches_something(make_main_window) -> None:
    _window, tab = _explain(make_main_window, (1280, 800))
    page = tab.pages["pool"]
    x = torch.from_numpy(page.input_grid)[None]
    f, s = page.sp_f.value(), page.sp_s.value()
    biggest = F.max_pool2d(x, f, s)
    mean = F.avg_pool2d(x, f, s)
    assert len(torch.unique(biggest)) >= 4  # not "all 3s"
    assert (biggest != mean).all()  # max and average pooling give different answers in every window
    page.new_numbers()
    assert page.input_grid.max() > 3  # new numbers keep the wider range


def test_timeline_shows_all_nine_rows_in_chinese_at_1280x800(make_main_window, qtbot) -> None:
    from cnnviz.core.explain import timeline_entries

    TIMELINE = timeline_entries()
    window, tab = _explain(make_main_window, (1280, 800), lang="zh")
    page = tab.pages["timeline"]
    _fake_timeline(page)
    tab.show_topic("timeline")
    qtbot.wait(50)
    table = page.table
    assert table.rowCount() == 9
    last = table.rowViewportPosition(8) + table.rowHeight(8)
    assert last <= table.viewport().height(), (last, table.viewport().height())
    line = table.fontMetrics().height()
    assert all(table.rowHeight(i) <= 2.2 * line for i in range(9))  # one line each
    assert table.item(5, 7).toolTip().startswith(TIMELINE[5].introduced.zh)  # the whole text, however elided
    assert window.minimumSizeHint().height() <= 800


def test_player_symbols_follow_the_dark_palette(make_main_window, qtbot) -> None:
    window, tab = _explain(make_main_window, (1280, 800))
    window.set_theme("dark")  # a switch while the tab is open: the symbols are repainted
    qtbot.wait(20)
    player = tab.pages["conv"].player
    button = player.palette().color(QPalette.ColorRole.Button)
    for b in (player.btn_play, player.btn_back, player.btn_end):
        image = b.icon().pixmap(b.iconSize()).toImage()
        ink = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).alpha() > 200]
        assert ink, "the symbol has no opaque pixels"
        lightness = sum(c.lightnessF() for c in ink) / len(ink)
        assert abs(lightness - button.lightnessF()) > 0.45, (lightness, button.lightnessF())  # dark on dark before
