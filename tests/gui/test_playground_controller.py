"""The Playground's controller on its own: what it announces and in which order, that a superseded
request never reaches the screen, that one learning rate recomputes one path, and what the lesson and
settings keep; plus the reflow's choice of columns."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from cnnviz.core.playground import get_surface, get_surface_spec
from cnnviz.gui.playground import controller as controller_module
from cnnviz.gui.playground.controller import PlaygroundController
from cnnviz.gui.playground.lesson import SETTINGS_KEYS, read_choices
from cnnviz.gui.playground.tab import PlaygroundTab
from cnnviz.gui.reflow import arrangement
from cnnviz.gui.state import AppState

pytestmark = pytest.mark.gui


@pytest.fixture
def racers() -> dict[str, dict[str, float]]:
    return {"sgd": {"lr": 0.05}, "adam": {"lr": 0.1}}


@pytest.fixture
def controller(qtbot, racers):
    c = PlaygroundController(lambda: dict(racers))
    yield c
    c.shutdown()
    qtbot.waitUntil(lambda: not c.is_computing(), timeout=10000)


def _record(c: PlaygroundController) -> list[tuple[str, object]]:
    events: list[tuple[str, object]] = []
    c.surface_changed.connect(lambda s: events.append(("surface", s.name)))
    c.pending_changed.connect(lambda p: events.append(("pending", p)))
    c.grid_changed.connect(lambda g: events.append(("grid", (g.bounds.xmin, g.bounds.xmax))))
    c.race_changed.connect(lambda r: events.append(("race", tuple(r.trajectories))))
    c.failed.connect(lambda m: events.append(("failed", m)))
    return events


def test_a_new_surface_is_announced_at_once_then_its_grid_then_its_race(controller, qtbot) -> None:
    events = _record(controller)
    controller.set_surface(get_surface("himmelblau"), steps=20)
    # before the debounce ends: the surface and that its picture is being computed
    assert events == [("surface", "himmelblau"), ("pending", "surface")]
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    kinds = [k for k, _ in events]
    assert kinds.index("grid") < kinds.index("race")
    assert ("grid", (-5.0, 5.0)) in events
    assert events[-2:] == [("pending", ""), ("race", ("sgd", "adam"))]  # nothing left to compute, the race
    race = controller.shown["sgd"]
    assert race.steps_requested == 20 and race.xy[0].tolist() == list(get_surface_spec("himmelblau").default_start)


def test_new_parameters_are_announced_as_parameters(controller, qtbot) -> None:
    controller.set_surface(get_surface("quadratic"), steps=10)
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    events = _record(controller)
    controller.set_surface(get_surface_spec("quadratic").resolve({"lambda2": 4.0}), steps=10)
    assert events[-1] == ("pending", "parameters")
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    assert controller.grid is not None and controller.grid.z.max() > 0
    # the grid is the new surface's: f = ½ xᵀHx with λ = (1, 4) at 30°, checked at one grid point
    g, (i, j) = controller.grid, (3, 5)
    x, y = g.xs[j], g.ys[i]
    t = np.radians(30)
    r = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
    h = r @ np.diag([1.0, 4.0]) @ r.T
    v = np.array([x, y])
    assert g.z[i, j] == pytest.approx(0.5 * v @ h @ v, rel=1e-5)


def test_a_superseded_surface_never_reaches_the_screen(controller, qtbot) -> None:
    events = _record(controller)
    controller.set_surface(get_surface("rosenbrock"), steps=20)
    controller.debounce.timeout.emit()  # its jobs start...
    controller.debounce.stop()
    controller.set_surface(get_surface("beale"), steps=20)  # ...and are overtaken
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    grids = [v for k, v in events if k == "grid"]
    assert grids == [(-4.5, 4.5)]  # Beale's box only: Rosenbrock's late grid was dropped
    assert controller.surface.name == "beale" and controller.grid.bounds.xmax == 4.5
    assert controller.shown["sgd"].xy[0].tolist() == list(get_surface_spec("beale").default_start)


def test_one_learning_rate_recomputes_one_path(controller, racers, qtbot, monkeypatch) -> None:
    controller.set_surface(get_surface("quadratic"), steps=15)
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    computed: list[str] = []
    real = controller_module._race_work

    def spy(**kwargs):
        computed.extend(config.name for _, config in kwargs["racers"])
        return real(**kwargs)

    monkeypatch.setattr(controller_module, "_race_work", spy)
    racers["sgd"] = {"lr": 0.07}
    controller.schedule(restart=False)
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    assert computed == ["sgd"]
    assert controller.shown["sgd"].hyperparams["lr"] == pytest.approx(0.07)
    racers["sgd"] = {"lr": 0.05}  # back: both paths come from the cache
    controller.schedule(restart=False)
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    assert computed == ["sgd"] and controller.shown["sgd"].hyperparams["lr"] == pytest.approx(0.05)


def test_a_lesson_step_is_held_and_shutdown_stops_everything(controller, qtbot) -> None:
    controller.set_on_screen(True)
    controller.hold_at(7)
    controller.set_surface(get_surface("quadratic"), steps=30)
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    assert controller.clock.step == 7 and not controller.clock.playing  # stands at the lesson's step
    controller.set_start(1.0, 1.0)
    qtbot.waitUntil(controller.is_settled, timeout=30000)
    assert controller.clock.playing and controller.clock.step < 30  # a new start replays from 0
    controller.set_steps(40)
    controller.shutdown()
    assert not controller.clock.playing and not controller.debounce.isActive()
    qtbot.waitUntil(lambda: not controller.is_computing(), timeout=10000)
    assert controller.steps == 40 and controller.clock.last_step == 30  # the cancelled race never arrived


# ------------------------------------------------------------------ lessons and settings


def test_settings_keep_bounded_choices_only(qtbot, tmp_path) -> None:
    tab = PlaygroundTab(AppState())
    qtbot.addWidget(tab)
    try:
        qtbot.waitUntil(tab.is_settled, timeout=30000)
        tab.clock.pause()
        tab.clock.seek(12)
        s = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        tab.save_settings(s)
        doc = json.loads(s.value("playground/state"))
        assert set(doc) == set(SETTINGS_KEYS)  # no step, no race
        assert len(s.value("playground/state")) < 4000
        assert tab.lesson_state()["step"] == 12 and "step" not in doc
    finally:
        tab.shutdown()


def test_read_choices_skips_bad_values_and_keeps_defaults(qtbot) -> None:
    tab = PlaygroundTab(AppState())
    qtbot.addWidget(tab)
    try:
        current = tab.choices()
        got = read_choices({"surface": "rosenbrock", "params": {"b": -5}, "start": [float("nan"), 1],
                            "steps": 10**9, "speed": 3.14, "optimizers": {"adam": {"on": True, "hyper": {"lr": -1}},
                                                                          "sgd": {"on": False, "hyper": {"lr": 0.002}}},
                            "lr": "fast", "step": "x"}, current, with_step=True)
        spec = get_surface_spec("rosenbrock")
        assert got is not None and got.surface.params == spec.resolve(None).params  # b = −5 is out of range
        assert got.start == spec.default_start and got.steps == spec.default_steps
        assert got.speed == current.speed and got.step is None
        assert got.optimizers["adam"][1]["lr"] == spec.suggested["adam"]["lr"]  # lr −1 skipped: the suggestion
        assert got.optimizers["sgd"] == (False, {**got.optimizers["sgd"][1], "lr": 0.002})
        assert read_choices({"surface": "no-such-surface"}, current, with_step=False) is None
    finally:
        tab.shutdown()


# ------------------------------------------------------------------ reflow


@pytest.mark.parametrize(("width", "wanted", "expected"), [
    (1028, None, (True, True)),  # 300 + 400 + 320 + 2 handles of 4 = 1028: all three fit
    (1027, None, (False, True)),  # the settings fold first: centre + right = 724 fits
    (710, None, (True, False)),  # centre + right (724) does not, centre + left (704) does
    (700, None, (False, False)),  # neither: the centre alone
    (1027, "left", (True, False)),  # the user asked for the settings in place of the loss column
    (700, "right", (False, True)),  # asked for, even where it does not quite fit
])
def test_reflow_arrangement(width: int, wanted: str | None, expected: tuple[bool, bool]) -> None:
    assert arrangement(width, (300, 400, 320), 4, wanted) == expected
