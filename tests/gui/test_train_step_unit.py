"""``TrainPlots.step_unit`` gives the same answer as a scan of every record, without scanning the
runs' whole history on every timer tick and mouse move."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cnnviz.core.training.metrics import MetricsLog
from cnnviz.gui.train.plots import TrainPlots

pytestmark = pytest.mark.gui


class _Watched(np.ndarray):
    """An array that counts the numpy operations done on it."""

    calls = 0

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        plain = [np.asarray(x) if isinstance(x, _Watched) else x for x in inputs]
        return getattr(ufunc, method)(*plain, **kwargs)


def _log(samples_of_step3: float) -> MetricsLog:
    log = MetricsLog()
    log.train_size = 100
    for name in ("SGD", "Adam"):
        log.add_run(name, name.lower())
        for step in range(1, 6):
            samples = samples_of_step3 if (name == "Adam" and step == 3) else 10.0 * step
            log.add_train(name, step, 0, 1.0 / step, 0.5, 0.1, samples=samples)
    return log


def _expected(plots: TrainPlots) -> str:
    """The unit by a full scan of every run's images-seen column (the old way)."""
    if plots.x_axis == "step" or (plots.x_axis == "epoch" and plots.train_size <= 0):
        return "step"
    if any(s.samples.size and not np.isfinite(s.samples).all() for s in plots.series.values()):
        return "step"
    return plots.x_axis


@pytest.mark.parametrize("samples_of_step3", [30.0, math.nan])
@pytest.mark.parametrize("axis", ["step", "epoch", "samples"])
def test_step_unit_matches_a_full_scan(qtbot, axis: str, samples_of_step3: float) -> None:
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.set_runs([("SGD", "#1f77b4"), ("Adam", "#ff7f0e")])
    plots.set_x_axis(axis)
    plots.pull(_log(samples_of_step3))
    want = "step" if axis == "step" or math.isnan(samples_of_step3) else axis
    assert plots.step_unit() == _expected(plots) == want


def test_step_unit_does_not_read_the_recorded_history(qtbot) -> None:
    plots = TrainPlots()
    qtbot.addWidget(plots)
    plots.set_runs([("SGD", "#1f77b4"), ("Adam", "#ff7f0e")])
    plots.set_x_axis("samples")
    log = _log(30.0)
    plots.pull(log)
    for s in plots.series.values():
        s.samples = s.samples.view(_Watched)
    _Watched.calls = 0
    assert plots.step_unit() == "samples"
    plots.readout_text(3.0)  # the mouse readout asks for the unit too
    assert _Watched.calls == 0  # the premise of the check holds: the old scan counts here
    np.isfinite(plots.series["SGD"].samples)
    assert _Watched.calls == 1
