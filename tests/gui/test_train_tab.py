"""The Train tab: a short run to completion, a stop half-way, the form's validation."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
import torch
from PySide6.QtCore import Qt, QThreadPool

from cnnviz.core.lesson_file import Attachments
from cnnviz.core.models import build_model
from cnnviz.core.session import ModelRequest
from cnnviz.core.training.config import RunConfig
from cnnviz.core.training.metrics import read_metrics_csv
from cnnviz.gui.state import AppState
from cnnviz.gui.train.tab import TrainTab
from cnnviz.gui.workers import active_jobs


@pytest.fixture
def tab(qtbot):
    state = AppState()
    widget = TrainTab(state)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.train_limit.setValue(64)
    widget.batch.setValue(32)
    widget.epochs.setValue(1)
    widget.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
    yield widget
    widget.shutdown()


def _no_worker_left() -> bool:
    return not active_jobs() and QThreadPool.globalInstance().activeThreadCount() == 0


def test_short_run_completes_and_exports(tab, qtbot, tmp_path) -> None:
    received: list[ModelRequest] = []
    tab.state.open_in_inspect.connect(received.append)
    tabs: list[str] = []
    tab.state.open_tab.connect(tabs.append)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.is_running() and not tab.start_button.isEnabled()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    qtbot.waitUntil(_no_worker_left, timeout=2000)
    statuses = tab.trainer.log.statuses()
    assert {s for s, _ in statuses.values()} == {"finished"}
    assert tab.runs_panel.table.item(0, 2).text() == "finished"
    # The plots hold exactly what the engine logged: 2 steps per run.
    assert tab.plots.point_count() == 4
    sgd = tab.plots.series["SGD"]
    assert sgd.loss.tolist() == tab.trainer.log.snapshot("SGD").train["loss"].tolist()
    x, y = sgd.items["raw"].getData()
    assert y.tolist() == sgd.loss.tolist()
    assert tab.plots.series["SGD"].loss[0] == tab.plots.series["Adam"].loss[0]
    # Exports.
    csv_path = tab.export_csv(str(tmp_path / "m.csv"))
    rows = read_metrics_csv(csv_path)
    assert len([r for r in rows if r["split"] == "train"]) == 4
    assert tab.export_png(str(tmp_path / "p.png")) and (tmp_path / "p.png").stat().st_size > 1000
    weights = tab.export_weights(str(tmp_path))
    assert len(weights) == 2
    # Open in Inspect: the selected run's model rebuilt from the message equals the trained one.
    tab.runs_panel.table.selectRow(1)
    tab.open_in_inspect()
    assert tabs == ["inspect"] and received[0].name == "lenet5"
    model = build_model("lenet5", seed=None, **received[0].model_kwargs)
    model.load_state_dict(received[0].state_dict)
    trained = tab.trainer.runs["Adam"].model.state_dict()
    assert all(torch.equal(received[0].state_dict[k], trained[k]) for k in trained)
    assert received[0].state_label == "trained in the Train tab (Adam)"
    assert received[0].class_names == tab.trainer.data.class_names  # top-5 names the dataset's classes


def test_stop_half_way_ends_the_worker_quickly_and_keeps_the_metrics(tab, qtbot, tmp_path) -> None:
    tab.epochs.setValue(200)
    tab.start()
    qtbot.waitUntil(lambda: tab.plots.point_count() >= 4, timeout=30000)
    csv_path = tab.export_csv(str(tmp_path / "partial.csv"))  # exported mid-run: on disk now
    assert read_metrics_csv(csv_path)
    t0 = time.monotonic()
    qtbot.keyClick(tab.start_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=2000)
    assert time.monotonic() - t0 < 2.0
    qtbot.waitUntil(_no_worker_left, timeout=2000)
    statuses = {s for s, _ in tab.trainer.log.statuses().values()}
    assert statuses == {"stopped"}
    steps = tab.trainer.log.train_count("SGD")
    assert 0 < steps < 200 * 2
    rows = read_metrics_csv(csv_path)  # rewritten at the end with the final status
    assert {r["status"] for r in rows} == {"stopped"}
    assert tab.start_button.isEnabled() and tab.runs_panel.add_button.isEnabled()


def test_pause_and_resume(tab, qtbot) -> None:
    tab.epochs.setValue(200)
    tab.start()
    qtbot.waitUntil(lambda: tab.trainer.log.train_count("Adam") >= 1, timeout=30000)
    tab.toggle_pause()
    assert tab.pause_button.text() == "Resume"
    qtbot.wait(150)
    held = tab.trainer.log.train_count("Adam")
    qtbot.wait(200)
    assert tab.trainer.log.train_count("Adam") == held
    tab.toggle_pause()
    qtbot.waitUntil(lambda: tab.trainer.log.train_count("Adam") > held, timeout=10000)
    t0 = time.monotonic()
    tab.shutdown()  # what closing the window does
    assert time.monotonic() - t0 < 2.0 and not tab.is_running()


def test_form_refuses_bad_values_at_the_form(tab, qtbot) -> None:
    tab.runs_panel.table.selectRow(1)
    form = tab.runs_panel.form
    lr = form.hparam_edits["lr"]
    lr.clear()
    qtbot.keyClicks(lr, "-0.5")
    assert form.error.isVisible() and "lr = -0.5" in form.error.text()
    assert not tab.start_button.isEnabled()
    assert tab.runs_panel.runs[1].hparams["lr"] == 1e-3  # the run kept its last valid value
    beta1 = form.hparam_edits["beta1"]
    lr.clear()
    qtbot.keyClicks(lr, "0.01")
    beta1.clear()
    qtbot.keyClicks(beta1, "1")
    assert "beta1 = 1 is outside [0, 1)" in form.error.text()
    beta1.clear()
    qtbot.keyClicks(beta1, "0.8")
    assert not form.error.isVisible() and tab.start_button.isEnabled()
    assert tab.runs_panel.runs[1].hparams == {**tab.runs_panel.runs[1].hparams, "lr": 0.01, "beta1": 0.8}


def test_duplicate_and_change_one_hyperparameter_then_remove(tab, qtbot) -> None:
    panel = tab.runs_panel
    panel.table.selectRow(0)
    panel.duplicate_run()
    assert [r.name for r in panel.runs] == ["SGD", "SGD copy", "Adam"]
    assert panel.selected_row() == 1
    lr = panel.form.hparam_edits["lr"]
    lr.clear()
    qtbot.keyClicks(lr, "0.2")
    assert panel.runs[1].hparams["lr"] == 0.2 and panel.runs[0].hparams["lr"] == 0.05
    assert len(tab.plots.series) == 3
    panel.remove_run()
    assert [r.name for r in panel.runs] == ["SGD", "Adam"]


def test_hiding_a_run_hides_it_everywhere(tab, qtbot) -> None:
    tab.runs_panel.set_checked("Adam", False)
    items = tab.plots.series["Adam"].items
    assert not items["smooth"].isVisible() and not items["val_loss"].isVisible() and not items["lr"].isVisible()
    items["smooth"].setVisible(True)  # what a click on the legend does
    assert items["val_loss"].isVisible()
    assert tab.runs_panel.visible("Adam")


def test_presets_load_their_runs(tab) -> None:
    tab.apply_preset("batch_norm")
    assert tab.model.currentData() == "vgg_small"
    assert [r.model_kwargs["batch_norm"] for r in tab.runs_panel.runs] == [False, True]
    assert tab.runs_panel.form.batch_norm.isVisibleTo(tab)
    assert "BatchNorm" in tab.lesson_title.text()


def test_a_lesson_names_its_runs_in_the_interface_language(tab) -> None:
    tab.apply_preset("learning_rate")
    english = [r.name for r in tab.runs_panel.runs]
    assert english == ["lr=1e-3 (too small)", "lr=0.05 (good)", "lr=1.5 (too large)"]
    tab.state.set_language("zh")
    assert [r.name for r in tab.runs_panel.runs] == ["lr=1e-3（过小）", "lr=0.05（合适）", "lr=1.5（过大）"]
    assert "学习率" in tab.lesson_title.text()
    tab.state.set_language("en")
    assert [r.name for r in tab.runs_panel.runs] == english
    tab.apply_preset("learning_rate", only=("lr=0.05 (good)",))  # ``only`` takes the English names
    assert [r.name for r in tab.runs_panel.runs] == ["lr=0.05 (good)"]


def test_decimation_keeps_every_spike_and_bounds_the_points() -> None:
    import numpy as np

    from cnnviz.gui.train.decimate import decimate_minmax

    x = np.arange(1, 100_001, dtype=np.float64)
    y = np.sin(x / 500.0)
    y[73_210] = 50.0  # one spike (a diverging step) must survive
    y[12_345] = -7.0
    dx, dy = decimate_minmax(x, y, None, max_bins=400)
    assert dx.size <= 801 and dy.max() == 50.0 and dy.min() == -7.0
    assert np.all(np.diff(dx) >= 0)
    vx, vy = decimate_minmax(x, y, (1000.0, 1100.0), max_bins=400)
    assert vx[0] <= 1000 and vx[-1] >= 1100 and vx.size == 103  # zoomed in: every point, plus one each side
    assert np.array_equal(vy, y[998:1101])


def _curves(tab: TrainTab) -> dict[str, dict[str, tuple[list, list]]]:
    out = {}
    for name, s in tab.plots.series.items():
        out[name] = {}
        for key in ("raw", "smooth", "lr", "val_loss", "val_acc", "train_loss", "train_acc"):
            x, y = s.items[key].getData()
            out[name][key] = ([] if x is None else x.tolist(), [] if y is None else y.tolist())
    return out


def test_lesson_state_round_trips_through_json_and_training_continues(tab, qtbot) -> None:
    import json

    from cnnviz.core.training import Trainer

    tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3}),
                             RunConfig("Huge", "sgd", {"lr": 1e4})])  # diverges: a NaN / inf in the metrics
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    tab.set_x_axis("epoch")
    tab.smoothing.setValue(50)
    tab.runs_panel.set_checked("SGD", False)
    attachments = Attachments()
    saved = json.loads(json.dumps(tab.lesson_state(attachments), allow_nan=False))
    assert attachments.get(saved["session"]["checkpoint"], "checkpoint") is not None
    assert saved["setup"]["train_limit"] == 64
    assert saved["session"]["metrics"]["runs"]["Huge"]["status"] == "diverged"

    other = TrainTab(AppState())  # a fresh window
    qtbot.addWidget(other)
    other.resize(1300, 850)
    other.show()
    assert other.runs_panel.runs != tab.runs_panel.runs
    other.apply_lesson_state(saved, attachments)
    assert other.trainer is None and not other.is_running()  # nothing was retrained
    assert _curves(other) == _curves(tab)
    assert other.plots.series["Adam"].loss.tolist() == tab.trainer.log.snapshot("Adam").train["loss"].tolist()
    assert other.x_axis.currentData() == "epoch" and other.smoothing.value() == 50
    assert not other.runs_panel.visible("SGD") and not other.plots.series["SGD"].items["raw"].isVisible()
    assert other.runs_panel.table.item(2, 2).text() == "diverged"
    assert other.lesson_state(Attachments()) == saved
    assert other.export_csv_button.isEnabled()  # curves can be exported without retraining
    # Continue: the restored runs train on from where they were, exactly like an uninterrupted run.
    assert not other.continue_button.isEnabled()  # all runs did their 1 epoch
    other.epochs.setValue(2)
    assert other.continue_button.isEnabled()
    qtbot.mouseClick(other.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not other.is_running(), timeout=30000)
    setup = replace(tab.setup_from_controls(), epochs=2)
    straight = Trainer(setup, [RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
    straight.run()
    for name in ("SGD", "Adam"):
        assert other.plots.series[name].loss.tolist() == straight.log.snapshot(name).train["loss"].tolist()
    assert other.trainer.log.statuses()["Huge"][0] == "diverged"
    other.shutdown()


def test_broken_lesson_state_is_refused_and_changes_nothing(tab) -> None:
    from cnnviz.core.errors import CnnvizError

    before = tab.lesson_state()
    for bad in ({"setup": {"epochs": -1}, "runs": []}, {"runs": [{"name": "x", "optimizer": "nope"}],
                                                         "setup": {}}, {"format": 99, "setup": {}, "runs": []}):
        with pytest.raises(CnnvizError, match="Train part of this lesson"):
            tab.apply_lesson_state(bad)
    assert tab.lesson_state() == before


def test_x_axis_counts_steps_epochs_or_images_seen(tab, qtbot) -> None:
    plots = tab.plots
    assert {p.getAxis("bottom").labelText for p in (plots.loss_plot, plots.val_loss_plot, plots.acc_plot,
                                                     plots.lr_plot, plots.norm_plot)} == {"step"}
    tab.runs_panel.set_runs([RunConfig("b16", "sgd", {"lr": 0.01}, batch_size=16),
                             RunConfig("b48", "sgd", {"lr": 0.01}, batch_size=48)])
    tab.start()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    # 64 training images: batches of 16 end at 16, 32, 48, 64 images; of 48 at 48 and 64 (a short last one).
    expected = {"step": {"b16": [1, 2, 3, 4], "b48": [1, 2]},
                "samples": {"b16": [16, 32, 48, 64], "b48": [48, 64]},
                "epoch": {"b16": [0.25, 0.5, 0.75, 1.0], "b48": [0.75, 1.0]}}
    val_x = {"step": {"b16": [0, 4], "b48": [0, 2]}, "samples": {"b16": [0, 64], "b48": [0, 64]},
             "epoch": {"b16": [0, 1], "b48": [0, 1]}}
    for axis in ("samples", "epoch", "step"):
        tab.set_x_axis(axis)
        assert tab.plots.val_loss_plot.getAxis("bottom").labelText == tab.plots.axis_label()
        for name in ("b16", "b48"):
            items = tab.plots.series[name].items
            assert items["raw"].getData()[0].tolist() == expected[axis][name]
            assert items["lr"].getData()[0].tolist() == expected[axis][name]
            assert items["val_loss"].getData()[0].tolist() == val_x[axis][name]
            assert items["norm"].getData()[0].tolist() == val_x[axis][name]
    for name in ("b16", "b48"):  # the weight-norm curve ends at the run's weights' norm
        assert tab.plots.series[name].items["norm"].getData()[1][-1] == pytest.approx(tab.trainer.weight_norm(name))
    # Per image, smoothing spans the same images for every run: batches 3× bigger get weight w³.
    tab.smoothing.setValue(90)
    tab.set_x_axis("samples")
    for name, w in (("b16", 0.9), ("b48", 0.9 ** 3)):
        s = tab.plots.series[name]
        acc, hand = 0.0, []
        for i, v in enumerate(s.loss, start=1):  # debiased EMA, written out
            acc = w * acc + (1 - w) * v
            hand.append(acc / (1 - w ** i))
        assert s.smooth == pytest.approx(hand, rel=1e-9)
    tab.set_x_axis("step")
    assert tab.plots.series["b48"].smooth[1] == pytest.approx(
        (0.9 * 0.1 * tab.plots.series["b48"].loss[0] + 0.1 * tab.plots.series["b48"].loss[1]) / (1 - 0.81))
    tab.apply_preset("batch_size")
    assert tab.x_axis.currentData() == "epoch"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_texts_from_core_follow_the_language(qtbot, language) -> None:
    """Datasets, schedules, hyperparameter help and lessons come from core in the interface language."""
    from cnnviz.core.training.datasets import list_datasets
    from cnnviz.core.training.optimizers import list_optimizers
    from cnnviz.core.training.presets import get_preset, list_presets
    from cnnviz.core.training.schedules import list_schedules

    zh = language == "zh"
    state = AppState()
    state.set_language(language)
    widget = TrainTab(state)
    qtbot.addWidget(widget)
    tip = Qt.ItemDataRole.ToolTipRole
    datasets = {d.name: d for d in list_datasets()}
    assert widget.dataset.count() == len(datasets)
    for i in range(widget.dataset.count()):
        d = datasets[widget.dataset.itemData(i)]
        assert widget.dataset.itemText(i) == ((d.label_zh or d.label) if zh else d.label)
        assert widget.dataset.itemData(i, tip) == (d.description_zh if zh else d.description_en)
    form = widget.runs_panel.form
    for i, s in enumerate(list_schedules()):
        assert form.schedule.itemData(i) == s.name
        assert form.schedule.itemText(i) == (s.label_zh if zh else s.label)
        assert form.schedule.itemData(i, tip) == (s.description_zh if zh else s.description_en)
    for spec in list_optimizers():
        form.optimizer.setCurrentIndex(form.optimizer.findData(spec.name))
        for h in spec.hparams:
            assert form.hparam_edits[h.name].toolTip().split("\n")[0] == (h.help_zh if zh else h.help_en)
    actions = widget.lesson_button.menu().actions()
    assert [a.text() for a in actions] == [p.title_zh if zh else p.title for p in list_presets()]
    assert [a.toolTip() for a in actions] == [p.lesson_zh if zh else p.lesson_en for p in list_presets()]
    preset = get_preset("optimizers")
    assert widget.lesson_title.text() == (preset.title_zh if zh else preset.title)
    assert widget.lesson_text.text() == (preset.lesson_zh if zh else preset.lesson_en)
    widget.shutdown()


def test_status_colours_follow_the_theme(tab) -> None:
    """A finished run's status is green in a shade readable on the current background."""
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import theme

    app = QApplication.instance()
    saved = theme.current_theme()
    try:
        theme.apply_theme(app, "dark")
        tab.runs_panel.set_statuses({"SGD": ("finished", "")})
        on_dark = tab.runs_panel.table.item(0, 2).foreground().color()
        assert on_dark == theme.semantic_color("ok") and on_dark.lightnessF() > 0.5  # light green on near-black
        theme.apply_theme(app, "light")
        tab.runs_panel.refresh_colors()
        assert tab.runs_panel.table.item(0, 2).foreground().color() == theme.semantic_color("ok")
        assert theme.semantic_color("ok").lightnessF() < 0.5  # dark green on white
    finally:
        theme.apply_theme(app, saved)
