"""Playground polish (issue #14 items 4, 5 and 14), driven through the real widgets: a new surface
says it is computing and never shows the old picture under its title, the loss legend covers no
curve, the learning-rate text keeps its significant digits and plurals, the plots follow the dark
theme, and the tab fits a 1280×800 projector and reflows at 200 % zoom."""

from __future__ import annotations

import math
import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from cnnviz.core.playground import get_optimizer_spec
from cnnviz.gui.playground.qt_util import visible_text
from cnnviz.gui.playground.surface_view import VIEW_MIN_HEIGHT, VIEW_MIN_WIDTH
from cnnviz.gui.playground.tab import PlaygroundTab
from cnnviz.gui.state import AppState

pytestmark = pytest.mark.gui


def _settled(tab: PlaygroundTab) -> bool:
    return tab.is_settled()


def _two_racers(tab: PlaygroundTab) -> None:
    """Race SGD and Adam only (before the first computation starts): the tests stay quick on 2 cores."""
    for name in tab.racers.cards:
        tab.racers.set_enabled(name, name in ("sgd", "adam"))


@pytest.fixture
def tab(qtbot):
    w = PlaygroundTab(AppState())
    _two_racers(w)
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: _settled(w) and bool(w.shown), timeout=20000)
    w.clock.pause()
    yield w
    w.shutdown()


def _busy_texts(tab: PlaygroundTab) -> list[str]:
    """Visible labels over the surface that say something is being computed."""
    return [visible_text(w.text()) for w in tab.findChildren(QLabel)
            if w.isVisible() and "computing" in visible_text(w.text()).lower()]


def _old_picture_on_screen(tab: PlaygroundTab, old_grid: object) -> bool:
    image = tab.view.image
    return tab.view.grid is old_grid and image.isVisible() and image.opacity() > 0.5


# ---------------------------------------------------------------- (a) computing a new surface


def test_a_new_surface_says_it_is_computing_and_never_shows_the_old_one(tab: PlaygroundTab, qtbot) -> None:
    old = tab.view.grid
    assert old is not None and _old_picture_on_screen(tab, old)
    samples: list[tuple[bool, bool]] = []

    def sample() -> None:
        title = visible_text(tab.surface_title.text())
        samples.append(("Rosenbrock" in title, _old_picture_on_screen(tab, old)))

    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(2)
    try:
        tab.surface_combo.setCurrentIndex(tab.surface_combo.findData("rosenbrock"))
        sample()
        assert samples[-1] == (True, False)  # the new title at once, and not over the old picture
        assert _busy_texts(tab), "nothing says the new surface is being computed"
        qtbot.waitUntil(lambda: _settled(tab) and tab.view.grid is not old, timeout=20000)
    finally:
        timer.stop()
    assert not any(new_title and old_picture for new_title, old_picture in samples)
    assert tab.view.grid.bounds.xmax == 2.0 and tab.view.grid.bounds.ymax == 3.0  # Rosenbrock's box
    assert tab.view.image.isVisible() and tab.view.image.opacity() == 1.0
    assert not _busy_texts(tab)
    assert all(tab.view.racers[n].path.isVisible() for n in tab.shown)


def test_new_parameters_dim_the_old_picture_while_computing(tab: PlaygroundTab, qtbot) -> None:
    old = tab.view.grid
    tab.param_boxes["lambda2"].setValue(30.0)
    assert not _old_picture_on_screen(tab, old)
    assert _busy_texts(tab)
    assert not any(tab.view.racers[n].path.isVisible() for n in tab.shown)  # the old paths are not the new race
    qtbot.waitUntil(lambda: _settled(tab) and tab.view.grid is not old, timeout=20000)
    assert tab.view.image.opacity() == 1.0 and not _busy_texts(tab)
    assert tab.lr_panel.analysis.eigenvalues[1] == pytest.approx(30.0)


# ---------------------------------------------------------------- (b) the loss legend


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_the_loss_legend_covers_no_curve(tab: PlaygroundTab, qtbot) -> None:
    plot = tab.loss_view.getPlotItem()
    area = plot.getViewBox().sceneBoundingRect()  # where the curves are drawn
    for item in tab.loss_view.scene().items():
        if isinstance(item, pg.LegendItem) and item.isVisible() and item.items:
            assert not item.sceneBoundingRect().intersects(area), "the legend lies over the curves"
    area_global = QRect(tab.loss_view.mapToGlobal(tab.loss_view.mapFromScene(area).boundingRect().topLeft()),
                        area.size().toSize())
    names = [get_optimizer_spec(n).title for n in tab.shown]
    legends = [w for w in tab.findChildren(QLabel)
               if w.isVisible() and all(n in visible_text(w.text()) for n in names)]
    assert legends, "no legend names every racer"
    for legend in legends:
        assert not _global_rect(legend).intersects(area_global)
    # a diverged racer is marked in the legend
    tab.lr_panel.slider.setValue(tab.lr_panel.slider.maximum())
    tab.clock.pause()
    qtbot.waitUntil(lambda: _settled(tab) and tab.shown["sgd"].diverged, timeout=20000)
    assert any("SGD (diverged)" in visible_text(w.text()) for w in legends)


# ---------------------------------------------------------------- (c) learning-rate text


def test_lr_text_keeps_its_digits_and_plurals(tab: PlaygroundTab, qtbot) -> None:
    panel = tab.lr_panel
    panel.slider.setValue(1)  # the smallest lr: the slow direction keeps almost all of its distance
    lr = tab.racers.hyperparams("sgd")["lr"]
    rate = abs(1 - lr * 1.0)  # λ1 = 1 on the default bowl; the steep direction (λ2 = 10) is faster
    assert 0.999 < rate < 1
    text = visible_text(panel.explanation.text())
    numbers = [float(m) for m in re.findall(r"\d+\.\d+", text)]
    assert any(abs(v - rate) < 2e-5 for v in numbers), text  # not rounded to 1.000
    steps = math.log(0.1) / math.log(rate)
    assert f"about {round(steps):,} steps" in text
    factors = visible_text(panel.factors.text())
    assert "= 1.0000" not in factors and f"{rate:.5f}"[:6] in factors

    # a round bowl where gradient descent gets 10× closer in about one step: "1 step", not "1 steps"
    tab.param_boxes["lambda2"].setValue(1.0)
    target = next(t for t in range(1, panel.slider.maximum() + 1)
                  if 0.08 < abs(1 - panel.tick_to_lr(t)) < 0.12)
    panel.slider.setValue(target)
    text = visible_text(panel.explanation.text())
    assert "about 1 step to get 10× closer" in text and "1 steps" not in text, text
    tab.state.set_language("zh")
    zh = panel.explanation.text()
    assert "十分之一" in zh and "steps" not in zh


# ---------------------------------------------------------------- (d) dark theme


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_COLOR = re.compile(r"(?<![\w-])color:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")  # text, not background-color


def _plot_problems(tab: PlaygroundTab, dark: bool) -> list[str]:
    problems = []
    for plot in tab.findChildren(pg.PlotWidget):
        bg = plot.backgroundBrush().color()
        name = type(plot).__name__
        if (bg.lightnessF() < 0.3) != dark:
            problems.append(f"{name}: background {bg.name()}")
        for side in ("left", "bottom"):
            axis = plot.getPlotItem().getAxis(side)
            if _contrast(axis.textPen().color(), bg) < 4.5:
                problems.append(f"{name}: {side} axis text {axis.textPen().color().name()} on {bg.name()}")
        for item in plot.scene().items():
            if not (hasattr(item, "toHtml") and item.isVisible() and item.toPlainText().strip()):
                continue
            colors = [QColor(c) for c in _COLOR.findall(item.toHtml())] or [item.defaultTextColor()]
            for c in colors:
                if _contrast(c, bg) < 4.5:
                    problems.append(f"{name}: text {item.toPlainText()!r} in {c.name()} on {bg.name()}")
    return problems


def _label_problems(tab: PlaygroundTab) -> list[str]:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window = QApplication.palette().color(QPalette.ColorRole.Window)  # a widget's own copy follows later
    problems = []
    for label in tab.findChildren(QLabel):
        if not label.isVisible():
            continue
        for c in _COLOR.findall(label.text() + label.styleSheet()):
            if _contrast(QColor(c), window) < 4.5:
                problems.append(f"label {visible_text(label.text())[:40]!r}: {c} on {window.name()}")
    for card in tab.racers.cards.values():
        for c in _COLOR.findall(card.enabled.styleSheet()):
            if _contrast(QColor(c), window) < 4.5:
                problems.append(f"card {card.spec.name}: {c} on {window.name()}")
    return problems


def test_plots_and_texts_follow_the_dark_theme(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("playground",), theme="dark")
    tab = window.tab_widgets["playground"]
    _two_racers(tab)
    qtbot.waitUntil(lambda: _settled(tab) and bool(tab.shown), timeout=20000)
    tab.clock.pause()
    assert _plot_problems(tab, dark=True) == []
    assert _label_problems(tab) == []
    window.set_theme("light")  # and back: the plots follow a live switch
    assert _plot_problems(tab, dark=False) == []
    assert _label_problems(tab) == []
    window.set_theme("dark")
    assert _plot_problems(tab, dark=True) == []
    window.set_theme("system")


# ---------------------------------------------------------------- fit and zoom


def _shown_inside(widget: QWidget, window: QWidget) -> bool:
    """Visible and wholly inside the window (not scrolled or pushed off its edge)."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_fits_a_projector_and_reflows_at_200_percent(make_main_window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import presentation, startup, theme

    app = QApplication.instance()
    saved = app.font().pointSizeF()
    monkeypatch.setattr(presentation, "_base_point_size", startup.CLASSROOM_POINT_SIZE)
    window = make_main_window(tabs=("playground",))
    tab = window.tab_widgets["playground"]
    _two_racers(tab)
    try:
        qtbot.waitUntil(lambda: _settled(tab) and bool(tab.shown), timeout=20000)
        tab.clock.pause()
        markers = {}
        for zoom, screens in ((1.0, ((1280, 800), (1920, 1080))), (2.0, ((1920, 1080), (1600, 1000)))):
            window.set_zoom(zoom)
            qtbot.wait(50)
            for w, h in screens:
                hint = window.minimumSizeHint()
                assert hint.width() <= w and hint.height() <= h, (zoom, (w, h), hint.toTuple())
                window.resize(w, h)
                qtbot.wait(50)
                assert (window.width(), window.height()) == (w, h)
                for button in (tab.btn_play, tab.btn_step, tab.btn_back, tab.btn_restart):
                    assert _shown_inside(button, window), (zoom, (w, h), button.text())
                # the picture grows with the zoom (never squeezed below its zoomed minimum)
                assert tab.view.width() >= VIEW_MIN_WIDTH * zoom and tab.view.height() >= VIEW_MIN_HEIGHT * zoom
                # nothing overlaps: title above the view above the buttons
                assert tab.surface_title.geometry().bottom() < tab.view.geometry().top()
                assert tab.view.mapTo(window, QPoint(0, tab.view.height())).y() <= tab.btn_play.mapTo(window, QPoint()).y()
            markers[zoom] = tab.view.start_marker.opts["size"]
        assert markers[2.0] == pytest.approx(2 * markers[1.0])  # markers grow with the zoom
        # on a 1280 px projector at 200 % the three columns do not fit: the settings fold away behind a
        # button, which brings them back in place of the loss column (and the other way round)
        window.resize(1280, 900)
        qtbot.wait(50)
        assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 900
        left_button, right_button = tab.reflow.left_button, tab.reflow.right_button
        assert not tab.left_scroll.isVisible() and tab.loss_view.isVisible()
        assert _shown_inside(left_button, window) and _shown_inside(tab.btn_play, window)
        left_button.click()
        qtbot.wait(50)
        assert tab.left_scroll.isVisible() and not tab.loss_view.isVisible()
        assert _shown_inside(right_button, window) and _shown_inside(tab.btn_play, window)
        assert tab.view.width() >= 2 * VIEW_MIN_WIDTH and tab.view.height() >= 2 * VIEW_MIN_HEIGHT
        right_button.click()
        qtbot.wait(50)
        assert not tab.left_scroll.isVisible() and tab.loss_view.isVisible()
        window.set_zoom(1.0)
        window.resize(1920, 1080)
        qtbot.wait(50)
        assert tab.left_scroll.isVisible() and tab.loss_view.isVisible() and not left_button.isVisible()
    finally:
        window.set_zoom(1.0)
        theme.set_application_font_size(app, saved)
