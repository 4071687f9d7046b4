"""The Train tab's landscape view: contours of the loss slice, the runs' paths animated, NaN cells said."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cnnviz.core.training.config import RunConfig
from cnnviz.core.training.landscape import Landscape
from cnnviz.gui.state import AppState
from cnnviz.gui.train.landscape_view import LandscapeView
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _synthetic() -> Landscape:
    axis = np.linspace(-1.0, 1.0, 5)
    loss = 1.0 + axis[None, :] ** 2 + 2 * axis[:, None] ** 2  # loss[i, j] at (alpha[j], beta[i])
    loss[4, 0] = math.nan
    loss[4, 1] = math.inf
    paths = {"A": np.array([[0.0, 0.0], [0.3, 0.1], [0.6, 0.2]]), "B": np.array([[0.0, 0.0], [-0.4, 0.5]])}
    steps = {"A": np.array([0, 5, 10]), "B": np.array([0, 5])}
    return Landscape(axis, axis, loss, paths, steps, "pca", (0.8, 0.15), 1.0)


def test_a_landscape_is_drawn_with_its_paths_and_its_nan_cells_said(qtbot):
    view = LandscapeView(lambda: (None, None))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.set_runs([("A", "#1f77b4"), ("B", "#ff7f0e")])
    view.compute()  # nothing trained yet: it says what to do instead
    assert "Keep weights" in view.status.text() and view.job is None
    land = _synthetic()
    view.show_landscape(land)
    shown = view.image.image
    finite = np.isfinite(land.loss)
    np.testing.assert_allclose(shown[finite], np.log10(land.loss[finite]), rtol=1e-6)
    x, y = view.nan_marks.getData()
    assert sorted(zip(x.tolist(), y.tolist(), strict=True)) == [(-1.0, 1.0), (-0.5, 1.0)]  # row 4 = beta 1
    assert "2 of 25 grid points" in view.notice.toPlainText() and "95%" in view.status.text()
    line, head = view.paths["A"]
    assert line.getData()[0].tolist() == [0.0, 0.3, 0.6] and head.getData()[0].tolist() == [0.6]
    view.frame.setValue(1)  # the paths up to their second snapshot
    assert view.paths["A"][0].getData()[0].tolist() == [0.0, 0.3]
    assert view.paths["B"][1].getData()[1].tolist() == [0.5]
    view.toggle_play()  # on from the snapshot shown ...
    assert view.frame.value() == 1
    qtbot.waitUntil(lambda: not view.timer.isActive(), timeout=3000)
    view.toggle_play()  # ... or, at the end, from the start again, one snapshot per tick
    assert view.frame.value() == 0
    qtbot.waitUntil(lambda: not view.timer.isActive(), timeout=3000)
    assert view.frame.value() == 2 and view.paths["A"][1].getData()[0].tolist() == [0.6]


def test_compute_after_training_and_cancel(qtbot):
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    tab.train_limit.setValue(64)
    tab.batch.setValue(32)
    tab.epochs.setValue(1)
    tab.setup_form.set_snapshots_every(1)
    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3}),
                             RunConfig("Huge", "sgd", {"lr": 1e4})])
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    view = tab.views.landscape
    view.grid.setValue(5)
    view.probe.setValue(50)
    view.compute()
    qtbot.waitUntil(lambda: view.landscape is not None and not tab.is_busy(), timeout=60000)
    land = view.landscape
    assert set(land.paths) == {"SGD", "Adam"} and "Huge" in view.status.text()  # the diverged run left out
    np.testing.assert_allclose(view.image.image, np.log10(land.loss), rtol=1e-6)
    for run in ("SGD", "Adam"):
        assert land.steps[run].tolist() == [0, 1, 2]
        assert view.paths[run][1].getData()[0].tolist() == [land.paths[run][-1, 0]]
    view.grid.setValue(61)
    view.compute()
    view.cancel()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert view.status.text() == "Cancelled." and view.landscape is land
    tab.shutdown()
