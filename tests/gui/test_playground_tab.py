"""The Playground tab driven like a user would: it races at start, plays / pauses /
steps from the keyboard, takes a start point from a click, and its lr slider
carries gradient descent across 2/λmax."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPointF, QSettings, Qt

from cnnviz.gui.playground.qt_util import visible_text
from cnnviz.gui.playground.tab import PlaygroundTab
from cnnviz.gui.state import AppState

pytestmark = pytest.mark.gui


def _idle(tab: PlaygroundTab) -> bool:
    return not tab.controller.is_computing()


@pytest.fixture
def tab(qtbot):
    w = PlaygroundTab(AppState())
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: _idle(w) and bool(w.shown), timeout=30000)
    yield w
    w.shutdown()


def _quadratic_gd(h: np.ndarray, lr: float, start, steps: int) -> np.ndarray:
    """Gradient descent on ½xᵀHx written out by hand: x ← x − lr·Hx."""
    x = np.array(start, dtype=np.float64)
    out = [x.copy()]
    for _ in range(steps):
        x = x - lr * (h @ x)
        out.append(x.copy())
    return np.array(out)


def test_a_race_runs_at_start_with_no_user_action(tab: PlaygroundTab, qtbot) -> None:
    assert tab.surface.name == "quadratic"
    assert len(tab.shown) >= 4  # several optimizers race
    assert tab.clock.playing or tab.clock.step > 0
    tab.clock.set_speed(25)
    qtbot.waitUntil(lambda: not tab.clock.playing, timeout=30000)
    assert tab.clock.step == tab.clock.last_step == tab.steps
    t = math.radians(30)
    r = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
    h = r @ np.diag([1.0, 10.0]) @ r.T
    sgd = tab.shown["sgd"]
    np.testing.assert_allclose(sgd.xy, _quadratic_gd(h, sgd.hyperparams["lr"], tab.start, tab.steps),
                               rtol=1e-9, atol=1e-12)
    # what the surface view draws is the trajectory up to the step on screen
    x, y = tab.view.racers["sgd"].path.getData()
    assert len(x) == tab.steps + 1 and x[-1] == pytest.approx(sgd.xy[-1, 0])
    # and Adam's path is the real torch.optim.Adam
    adam = tab.shown["adam"]
    p = torch.tensor(tab.start, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([p], lr=adam.hyperparams["lr"])
    ht = torch.tensor(h)
    for k in range(20):
        assert p.detach().numpy() == pytest.approx(adam.xy[k], rel=1e-12, abs=1e-14)
        opt.zero_grad()
        (0.5 * p @ ht @ p).backward()
        opt.step()


def test_keyboard_play_pause_step(tab: PlaygroundTab, qtbot) -> None:
    tab.clock.pause()
    tab.clock.seek(10)
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert tab.clock.playing
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert not tab.clock.playing
    here = tab.clock.step
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    qtbot.keyClick(tab, Qt.Key.Key_Right)
    assert tab.clock.step == here + 2 and not tab.clock.playing
    qtbot.keyClick(tab, Qt.Key.Key_Left)
    assert tab.clock.step == here + 1
    assert f"step {here + 1} /" in tab.step_label.text()
    # the loss plot follows the clock
    xs, _ = tab.loss_view.curves["sgd"].getData()
    assert xs[-1] == here + 1
    qtbot.keyClick(tab, Qt.Key.Key_End)
    assert tab.clock.step == tab.clock.last_step
    qtbot.keyClick(tab, Qt.Key.Key_Home)
    assert tab.clock.playing and tab.clock.step <= 2
    tab.btn_step.click()
    assert not tab.clock.playing
    speed = tab.clock.speed
    qtbot.keyClick(tab, Qt.Key.Key_Plus)
    assert tab.clock.speed > speed


def test_click_on_the_surface_sets_the_start_point(tab: PlaygroundTab, qtbot) -> None:
    vb = tab.view.getPlotItem().getViewBox()
    target = QPointF(1.0, -1.5)
    pos = tab.view.mapFromScene(vb.mapViewToScene(target))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: abs(tab.start[0] - 1.0) < 0.05 and abs(tab.start[1] + 1.5) < 0.05, timeout=5000)
    qtbot.waitUntil(lambda: _idle(tab) and tab.shown["sgd"].xy[0].tolist() == list(tab.start), timeout=30000)
    assert tab.start_x.value() == pytest.approx(tab.start[0], abs=1e-3)
    assert tab.clock.step <= 5  # the race restarted from the new point
    sx, sy = tab.view.start_marker.getData()
    assert (sx[0], sy[0]) == pytest.approx(tab.start)


def test_lr_slider_crosses_the_bound_and_names_the_regime(tab: PlaygroundTab, qtbot) -> None:
    panel = tab.lr_panel
    bound = panel.analysis.lr_bound
    assert bound == pytest.approx(0.2)
    above = next(t for t in range(1, 1001) if panel.tick_to_lr(t) > bound * 1.02)
    panel.slider.setValue(above)
    lr = tab.racers.hyperparams("sgd")["lr"]
    assert lr == pytest.approx(panel.tick_to_lr(above)) and lr > bound
    assert "diverges" in panel.regime.text()
    factors = visible_text(panel.factors.text())  # the expressions are kept from wrapping mid-way
    assert factors.count("|1 − lr·λ") == 2
    assert f"{abs(1 - lr * 10):.4f}" in factors
    qtbot.waitUntil(lambda: _idle(tab) and tab.shown["sgd"].hyperparams["lr"] == lr, timeout=30000)
    assert tab.shown["sgd"].diverged
    tab.clock.pause()
    tab.clock.seek(tab.clock.last_step)
    assert "diverged" in tab.racers.cards["sgd"].status.text()
    assert tab.view.racers["sgd"].cross.isVisible()
    below = max(t for t in range(1, 1001) if panel.tick_to_lr(t) < bound * 0.98)
    panel.slider.setValue(below)
    assert "oscillates but converges" in panel.regime.text()
    monotone = max(t for t in range(1, 1001) if panel.tick_to_lr(t) < 0.09)
    panel.slider.setValue(monotone)
    assert "converges monotonically" in panel.regime.text()
    qtbot.waitUntil(lambda: _idle(tab) and not tab.shown["sgd"].diverged, timeout=30000)


def test_switching_surface_loads_its_grid_minima_and_suggestions(tab: PlaygroundTab, qtbot) -> None:
    i = tab.surface_combo.findData("himmelblau")
    tab.surface_combo.setCurrentIndex(i)
    qtbot.waitUntil(lambda: _idle(tab) and tab.grid is not None and tab.grid.bounds.xmax == 5.0, timeout=30000)
    assert tab.start == tab.surface.spec.default_start
    spots = tab.view.landmarks.data
    assert len(spots) == 4
    assert tab.racers.hyperparams("adam")["lr"] == tab.surface.spec.suggested["adam"]["lr"]
    assert not tab.lr_panel.analysis.exact  # the local model at a minimum
    assert tab.lr_panel.analysis.center == pytest.approx((3.0, 2.0))


def test_settings_are_remembered(tab: PlaygroundTab, qtbot, tmp_path) -> None:
    s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    tab.surface_combo.setCurrentIndex(tab.surface_combo.findData("rosenbrock"))
    tab.param_boxes["b"].setValue(50.0)
    tab.racers.set_hyperparams("adam", {"lr": 0.07, "beta1": 0.8})
    tab.racers.set_enabled("adadelta", True)
    tab.set_start(-1.0, 2.5)
    tab.save_settings(s)
    other = PlaygroundTab(AppState())
    qtbot.addWidget(other)
    other.restore_settings(s)
    assert other.surface.name == "rosenbrock" and other.surface.params["b"] == 50.0
    assert other.start == (-1.0, 2.5)
    assert other.racers.hyperparams("adam")["lr"] == pytest.approx(0.07)
    assert other.racers.hyperparams("adam")["beta1"] == pytest.approx(0.8)
    assert "adadelta" in other.racers.enabled_names()
    s.setValue("playground/state", "{not json")
    third = PlaygroundTab(AppState())
    qtbot.addWidget(third)
    third.restore_settings(s)  # garbage settings: defaults, no exception
    assert third.surface.name == "quadratic"
    for w in (other, third):
        w.shutdown()


def test_shutdown_stops_the_clock(tab: PlaygroundTab, qtbot) -> None:
    tab.clock.play()
    tab.set_start(0.5, 0.5)  # a recompute pending: shutdown cancels it too
    tab.shutdown()
    assert not tab.clock.playing and not tab.controller.debounce.isActive()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=5000)  # nothing left running or playing
    assert not tab.controller.autoplay


def test_the_tab_fits_a_1280x800_projector_at_100_and_150_percent(make_main_window, qtbot, monkeypatch) -> None:
    """The window with the Playground is no wider or taller than a classroom projector, zoomed or not."""
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import presentation, startup, theme

    app = QApplication.instance()
    saved = app.font().pointSizeF()
    # the font run_app starts with (the readable classroom size), before any zoom
    monkeypatch.setattr(presentation, "_base_point_size", startup.CLASSROOM_POINT_SIZE)
    window = make_main_window(tabs=("playground",))
    try:
        tab = window.tab_widgets["playground"]
        qtbot.waitUntil(lambda: bool(tab.shown), timeout=30000)
        for zoom in (1.0, 1.5):
            window.set_zoom(zoom)
            qtbot.wait(50)  # let the layouts take the new fonts
            hint = window.minimumSizeHint()
            assert hint.width() <= 1280 and hint.height() <= 800, (zoom, hint.toTuple())
            window.resize(1280, 800)
            qtbot.wait(50)
            assert (window.width(), window.height()) == (1280, 800)
            # at that size the columns need no horizontal scrolling: text wraps instead
            for scroll in (tab.left_scroll, tab.lr_scroll):
                assert scroll.widget().width() <= scroll.viewport().width()
            assert tab.transport.width() >= tab.transport.row_width(compact=tab.transport.compact)
    finally:
        window.set_zoom(1.0)
        theme.set_application_font_size(app, saved)


def test_transport_buttons_drop_their_words_only_when_narrow(tab: PlaygroundTab) -> None:
    bar = tab.transport
    wide, narrow = bar.row_width(compact=False), bar.row_width(compact=True)
    assert narrow < wide
    assert bar.minimumSizeHint().width() == narrow
    bar.resize(wide, bar.height())
    assert not bar.compact
    assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon for b in bar.buttons)
    bar.resize(narrow, bar.height())
    assert bar.compact
    assert tab.btn_play.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon  # Play keeps its word
    assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and b.toolTip() for b in bar.compactable)
    bar.resize(wide, bar.height())
    assert not bar.compact


def test_lr_plots_stack_when_their_titles_would_be_clipped(tab: PlaygroundTab) -> None:
    from PySide6.QtWidgets import QBoxLayout

    panel = tab.lr_panel
    both = sum(panel._plot_width_for_title(p) for p in (panel.factor_plot, panel.path_plot))
    panel._arrange_plots(both + 40)
    assert panel.plots_layout.direction() == QBoxLayout.Direction.LeftToRight
    panel._arrange_plots(both - 40)
    assert panel.plots_layout.direction() == QBoxLayout.Direction.TopToBottom
    # and the panel never gets narrower than one plot with its whole title
    assert panel.minimumSizeHint().width() >= max(panel._plot_width_for_title(p)
                                                  for p in (panel.factor_plot, panel.path_plot))


def test_formula_breaks_only_outside_brackets() -> None:
    from cnnviz.gui.playground.qt_util import NBSP, keep_brackets, no_wrap, wrap_outside_brackets

    assert wrap_outside_brackets("(a − x)² + b (y − x²)²") == f"(a{NBSP}−{NBSP}x)² + b{NBSP}(y{NBSP}−{NBSP}x²)²"
    assert wrap_outside_brackets("½ xᵀHx,  H = R(θ) diag(λ1, λ2)") == f"½{NBSP}xᵀHx,  H = R(θ){NBSP}diag(λ1,{NBSP}λ2)"
    kept = no_wrap("|1 − lr·λ2| = 0.8")
    assert " " not in kept and visible_text(kept) == "|1 − lr·λ2| = 0.8"
    assert no_wrap("2/(a+b)") == "2\u2060/\u2060\u2060(\u2060a\u2060+\u2060b\u2060)"
    # a status line keeps its point together but may still wrap between words
    assert keep_brackets("loss 0.5 at (-0.000, 1.250)") == f"loss 0.5 at (-0.000,{NBSP}1.250)"
