"""Train tab polish (issue #14, items 9 and 10): last epoch in view, CSV while training, paused runs, diverged runs."""

from __future__ import annotations

import numpy as np
import pytest

from cnnviz.core.training.config import RunConfig
from cnnviz.core.training.metrics import DIVERGED, FINISHED, MetricsLog
from cnnviz.gui.state import AppState
from cnnviz.gui.train.plots import TrainPlots
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui


def _log(diverge: bool) -> MetricsLog:
    """Two runs over 3 epochs of 10 steps: 'good' falls from 2.3; 'bad' climbs to 700 and diverges."""
    log = MetricsLog()
    log.train_size = 640
    for name in ("good", "bad"):
        log.add_run(name, "sgd")
    step = 0
    for epoch in range(3):
        for name in ("good", "bad"):
            loss = 2.3 - 0.3 * epoch if name == "good" or not diverge else 2.3 * 10 ** epoch
            log.add_val(name, step, epoch, loss, 0.1 + 0.2 * epoch, 0.1, loss, 0.1, step * 64, 9.0 + epoch)
        for _ in range(10):
            step += 1
            log.add_train("good", step, epoch + 1, 2.3 - 0.03 * step, 0.5, 0.1, step * 64)
            log.add_train("bad", step, epoch + 1, 2.3 + (23.0 * step if diverge else -0.02 * step), 0.5, 0.1,
                          step * 64)
    log.set_status("good", FINISHED)
    log.set_status("bad", DIVERGED if diverge else FINISHED)
    return log


@pytest.fixture
def plots(qtbot):
    widget = TrainPlots()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.set_runs([("good", "#1f77b4"), ("bad", "#d62728")])
    return widget


def test_the_last_epochs_dots_are_whole_inside_the_validation_plots(plots, qtbot):
    plots.resize(560, 600)  # each validation plot about 170 px wide, as on a 1280-pixel projector
    plots.pull(_log(diverge=False))
    plots.redraw(full=True)
    qtbot.wait(50)
    for plot in (plots.val_loss_plot, plots.acc_plot, plots.norm_plot):
        vb = plot.getViewBox()
        (x0, x1), _ = vb.viewRange()
        px_per_x = vb.width() / (x1 - x0)
        last = 20.0  # the step of the last validation record
        radius_px = 3.0 + 1.0  # symbolSize 6, and its outline
        assert (x1 - last) * px_per_x > radius_px and (0 - x0) * px_per_x > radius_px, vb.viewRange()


def test_a_diverged_run_does_not_flatten_the_others_and_is_marked(plots, qtbot):
    log = _log(diverge=True)
    plots.pull(log)
    plots.redraw(full=True)
    qtbot.wait(50)
    good = log.snapshot("good").train["loss"]
    top = plots.loss_plot.getViewBox().viewRange()[1][1]
    assert good.max() <= top < 2 * good.max()  # fitted to the stable run, not to 700
    val_top = plots.val_loss_plot.getViewBox().viewRange()[1][1]
    assert val_top < 2 * log.snapshot("good").val["loss"].max()
    marker = plots.series["bad"].items["marker"]
    assert marker.isVisible()
    (mx,), (my,) = marker.getData()
    assert mx == 30 and my == pytest.approx(top)  # on the top edge, above the stable curves
    plots.set_clip_diverged(False)  # "Scale to stable runs" off: everything in view
    qtbot.wait(50)
    bad = log.snapshot("bad").train["loss"]
    assert plots.loss_plot.getViewBox().viewRange()[1][1] >= bad.max()
    (_,), (my,) = marker.getData()
    assert my == pytest.approx(bad[np.isfinite(bad)][-1])


@pytest.fixture
def tab(qtbot):
    widget = TrainTab(AppState())
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.train_limit.setValue(64)
    widget.batch.setValue(32)
    widget.epochs.setValue(300)
    widget.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05})])
    yield widget
    widget.shutdown()


def test_while_training_csv_is_offered_and_paused_runs_say_paused(tab, qtbot, tmp_path):
    tab.start()
    qtbot.waitUntil(lambda: tab.trainer.log.train_count("SGD") >= 2, timeout=30000)
    assert tab.export_csv_button.isEnabled()  # its tooltip promises a file kept up to date while training
    tab.toggle_pause()
    qtbot.wait(250)
    assert tab.runs_panel.table.item(0, 2).text() == "paused"
    tab.toggle_pause()
    qtbot.wait(250)
    assert tab.runs_panel.table.item(0, 2).text() == "running"
