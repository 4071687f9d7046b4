"""The Sweep page: results drawn from a summary, and a real sweep in two worker processes that Stop ends."""

from __future__ import annotations

import csv
import time

import numpy as np
import psutil
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.sweeps import RunResult, SweepSpec, summarize
from cnnviz.gui.state import AppState
from cnnviz.gui.theme import dark_palette
from cnnviz.gui.train.sweep_panel import SweepPanel
from cnnviz.gui.train.tab import TrainTab

pytestmark = pytest.mark.gui

# (optimizer, lr, seed) -> validation losses per epoch (epoch 0 = before training); None: diverged
LOSSES = {
    ("sgd", 0.01, 0): [2.3, 2.0, 1.8], ("sgd", 0.01, 1): [2.3, 2.1, 1.9],
    ("sgd", 0.1, 0): [2.3, 1.5, 1.2], ("sgd", 0.1, 1): [2.3, 1.6, 1.0],
    ("adam", 0.01, 0): [2.3, 1.4, 1.1], ("adam", 0.01, 1): [2.3, 1.3, 0.9],
    ("adam", 0.1, 0): [2.3, 1.9, 1.7], ("adam", 0.1, 1): None,
}


def _summary() -> dict:
    spec = SweepSpec.grid(TrainSetup(epochs=2), ["sgd", "adam"], [0.01, 0.1], seeds=2).validated()
    results = {}
    for (opt, lr, seed), losses in LOSSES.items():
        name = f"{opt} {lr} {seed}"
        if losses is None:
            results[name] = RunResult(name, opt, lr, seed, "diverged", "too large", [0], [2.3], [0.1])
        else:
            acc = [1.0 - v / 3 for v in losses]
            results[name] = RunResult(name, opt, lr, seed, "finished", "", [0, 1, 2], losses, acc, [2.3])
    return summarize(spec, results)


def _mean_std(values: list[float]) -> str:
    arr = np.asarray(values)
    return f"{arr.mean():.3g} ± {arr.std(ddof=1):.2g}"


def test_results_views_show_the_summary(qtbot):
    panel = SweepPanel(TrainSetup)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    summary = _summary()
    panel.show_summary(summary)
    rows = {(panel.table.item(r, 0).text(), panel.table.item(r, 1).text()): r for r in range(panel.table.rowCount())}
    r = rows[("SGD", "0.1")]  # named as the form names it, not by its key
    assert panel.table.item(r, 2).text() == _mean_std([1.2, 1.0])  # final validation loss over the 2 seeds
    assert panel.table.item(r, 3).text() == _mean_std([1.2, 1.0])  # best = final: the losses only fell
    assert panel.table.item(r, 6).text() == "2/2"
    r = rows[("Adam", "0.1")]
    assert panel.table.item(r, 6).text() == "diverged 1/2"
    assert panel.table.item(r, 2).text() == "1.7"  # one seed finished: its spread is unknown, not 0
    heat = panel.heatmap
    best = [np.mean([1.8, 1.9]), np.mean([1.2, 1.0]), np.mean([1.1, 0.9])]  # sgd 0.01, sgd 0.1, adam 0.01
    assert [label.toPlainText() for label in heat.labels] == [f"{v:.3g}" for v in best] + ["✕ diverged"]
    # true losses (the diverged cell has none: NaN, drawn transparent), on a reversed colormap: low loss is bright
    np.testing.assert_allclose(heat.image.image, np.array([best[:2], [best[2], np.nan]]), rtol=1e-6)
    assert [label for _, label in heat.plot.getAxis("left")._tickLevels[0]] == ["SGD", "Adam"]
    np.testing.assert_allclose(heat.bar.levels(), (min(best), max(best)), rtol=1e-6)
    assert heat.image.getLevels() == pytest.approx((min(best), max(best)), rel=1e-6)
    viridis = pg.colormap.get("viridis")
    assert heat.bar.colorMap().map(0.0, mode="qcolor") == viridis.map(1.0, mode="qcolor")  # low loss: bright
    assert heat.bar.axis.labelText == "best validation loss"
    heat.metric_box.setCurrentIndex(heat.metric_box.findData("final_val_accuracy"))
    accs = [np.mean([1 - v / 3 for v in vs]) for vs in ([1.8, 1.9], [1.2, 1.0], [1.1, 0.9])]
    np.testing.assert_allclose(heat.bar.levels(), (min(accs), max(accs)), rtol=1e-6)
    assert heat.bar.colorMap().map(1.0, mode="qcolor") == viridis.map(1.0, mode="qcolor")  # high accuracy: bright
    assert heat.bar.axis.labelText == "final validation accuracy"
    # tuned: sgd at 0.1 and adam at 0.01 (0.1 had a diverged seed), each a mean ± σ band over its 2 seeds
    assert set(panel.tuned.curves) == {"sgd", "adam"}
    line, band = panel.tuned.curves["adam"]
    losses = np.array([LOSSES[("adam", 0.01, 0)], LOSSES[("adam", 0.01, 1)]])
    np.testing.assert_allclose(line.getData()[1], losses.mean(axis=0))
    np.testing.assert_allclose(band.curves[0].getData()[1], losses.mean(axis=0) + losses.std(axis=0, ddof=1))
    text = panel.ranking.text()
    assert text.index("<b>Adam</b>") < text.index("<b>SGD</b>") and "lr 0.01" in text
    assert "within the spread" in text  # adam 1.0 ± 0.14 vs sgd 1.1 ± 0.14: the order is not to be trusted


def test_the_heat_maps_colour_bar_follows_the_theme(qtbot):
    app = QApplication.instance()
    light = QPalette(app.palette())
    panel = SweepPanel(TrainSetup)
    qtbot.addWidget(panel)
    panel.show_summary(_summary())
    axis = panel.heatmap.bar.axis

    def readable() -> bool:  # the bar's values and name stand out from the plot's background
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        text, label = axis.textPen().color(), QColor(axis.labelStyle["color"])
        return all(abs(c.lightnessF() - base.lightnessF()) > 0.5 for c in (text, label))

    try:
        assert readable()
        app.setPalette(dark_palette())
        QApplication.processEvents()
        assert QApplication.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5 and readable()
    finally:
        app.setPalette(light)
    QApplication.processEvents()
    assert readable()


def test_one_seed_shows_means_without_a_spread_and_the_ranking_says_the_order_may_be_luck(qtbot):
    spec = SweepSpec.grid(TrainSetup(epochs=2), ["sgd", "adam"], [0.01], seeds=1).validated()
    results = {name: RunResult(name, opt, 0.01, 0, "finished", "", [0, 1, 2], losses, [0.1, 0.5, 0.6], [2.3])
               for name, opt, losses in (("a", "sgd", [2.3, 1.0, 0.9]), ("b", "adam", [2.3, 0.8, 0.85]))}
    panel = SweepPanel(TrainSetup)
    qtbot.addWidget(panel)
    panel.show_summary(summarize(spec, results))
    texts = [panel.table.item(r, c).text() for r in range(panel.table.rowCount()) for c in range(2, 6)]
    assert texts == ["0.9", "0.9", "0.6", "0.6", "0.85", "0.8", "0.6", "0.6"]  # the means alone, no "± 0"
    text = panel.ranking.text()
    assert "±" not in text and "within the spread" not in text
    assert text.count("may be luck") == 1 and text.index("<b>Adam</b>") < text.index("<b>SGD</b>")
    line, band = panel.tuned.curves["adam"]
    assert band is None and line.getData()[1].tolist() == [2.3, 0.8, 0.85]  # no band of a made-up σ = 0


@pytest.mark.slow
def test_a_sweep_in_two_processes_streams_rows_and_stop_ends_every_process(qtbot, tmp_path):
    tab = TrainTab(AppState())
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    tab.apply_preset("digits")
    tab.epochs.setValue(50)  # longer than the test waits: Stop ends it
    panel = tab.views.sweep
    panel.set_optimizers(["sgd", "adam"])
    panel.grid.setText("0.01")
    panel.seeds.setValue(1)
    panel.workers.setValue(2)
    panel.start()
    assert tab.is_running() and not tab.start_button.isEnabled()  # training waits while a sweep runs
    qtbot.waitUntil(lambda: len({r["run"] for r in panel.controller.rows}) == 2, timeout=60000)
    pids = panel.controller.worker_pids()
    assert len(pids) == 2 and all(psutil.pid_exists(p) for p in pids)
    qtbot.waitUntil(lambda: len(panel.live.lines) == 2, timeout=5000)  # drawn at most every 1.5 s
    for run, line in panel.live.lines.items():  # each line is its run's streamed training losses
        x, y = line.getOriginalDataset()
        streamed = [(r["step"], r["loss"]) for r in panel.controller.rows if r["run"] == run and r["split"] == "train"]
        assert list(zip(x.tolist(), y.tolist(), strict=True)) == streamed[: len(x)] and len(x) > 0
    t0 = time.monotonic()
    panel.stop_button.click()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5000)
    assert time.monotonic() - t0 < 2.5

    def gone(pid: int) -> bool:
        try:
            return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    assert all(gone(p) for p in pids)
    status = panel.controller.status()
    assert status.stopped == 2 and "2 stopped" in panel.status.text()
    files = panel.save(str(tmp_path))
    assert sorted(p.rsplit("/", 1)[-1] for p in files) == ["metrics.csv", "summary.json", "sweep.json"]
    with open(tmp_path / "metrics.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["lr"] for r in rows} == {"0.01"} and {r["seed"] for r in rows} == {"0"}
    assert tab.start_button.isEnabled()
    tab.shutdown()


def test_a_stopped_sweep_says_why_nothing_is_tuned_or_ranked(qtbot):
    """Runs finished, but every rate has a stopped seed: the Tuned and Ranking tabs say why they are empty."""
    spec = SweepSpec.grid(TrainSetup(epochs=2), ["sgd"], [0.01, 0.1], seeds=2).validated()
    results = {
        "a": RunResult("a", "sgd", 0.01, 0, "finished", "", [0, 1, 2], [2.3, 1.0, 0.9], [0.1, 0.5, 0.6], [2.3]),
        "b": RunResult("b", "sgd", 0.01, 1, "stopped", "The sweep was stopped."),
        "c": RunResult("c", "sgd", 0.1, 0, "stopped", "The sweep was stopped."),
    }
    panel = SweepPanel(TrainSetup)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    summary = summarize(spec, results)
    assert summary["ranking"] == [] and summary["tuned"]["sgd"] is None  # the core rule: a stopped seed rules out
    panel.show_summary(summary)
    assert not panel.tuned.curves and panel.tuned.hint.isVisible()
    assert "No tuned learning rate yet" in panel.tuned.hint.textItem.toPlainText()
    assert "No tuned learning rate yet" in panel.ranking.text()
    panel.show_summary({})  # before any sweep: the plain placeholder, no reason to give
    assert not panel.tuned.hint.isVisible() and "appears when runs finish" in panel.ranking.text()
