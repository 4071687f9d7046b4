"""The Sweep page's progress line, bar and buttons, driven by a scripted executor (no processes).

The executor here delivers exactly the messages a test gives it, in that
order, as the real ones do from their thread; so every count on the status
line is known in advance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.sweeps import RunResult, Sweep, SweepSpec
from cnnviz.gui.train.sweep_panel import SweepPanel

pytestmark = pytest.mark.gui

TINY = dict(model="lenet5", dataset="digits", epochs=1, batch_size=16, train_limit=32, val_limit=16)


class ScriptedExecutor:
    """Starts nothing: a test sends the executor's messages itself (``send``)."""

    def __init__(self) -> None:
        self.on_message: Any = None
        self.on_done: Any = None
        self.stopped = False

    def start(self, jobs: list[dict[str, Any]], setup: dict[str, Any], on_message: Any, on_done: Any) -> None:
        self.on_message, self.on_done = on_message, on_done

    def send(self, *message: Any) -> None:
        self.on_message(message)

    def stop(self) -> None:
        self.stopped = True


def _panel_with_sweep(qtbot, tmp_path: Path, seeds: int = 3) -> tuple[SweepPanel, Sweep, ScriptedExecutor]:
    """A panel whose controller holds a started sweep of 2 optimizers × 2 rates × ``seeds`` on the script."""
    panel = SweepPanel(lambda: TrainSetup(**TINY))
    qtbot.addWidget(panel)
    executor = ScriptedExecutor()
    spec = SweepSpec.grid(TrainSetup(**TINY), ["sgd", "adam"], [0.01, 0.1], seeds=seeds)
    sweep = Sweep(spec, out_dir=tmp_path, executor=executor)
    sweep.start()
    c = panel.controller
    c.sweep, c.folder, c.rows, c._ended = sweep, tmp_path, [], False  # what SweepController.start sets
    panel.update_buttons()
    return panel, sweep, executor


def _done(sweep: Sweep, index: int, status: str) -> dict[str, Any]:
    job = sweep.jobs[index]
    losses = [2.3, 1.0] if status == "finished" else [2.3, float("nan")]
    return RunResult(job.run, job.optimizer, job.lr, job.seed, status, "", [0, 1], losses, [0.1, 0.6],
                     [2.3]).to_dict()


def test_the_progress_line_says_how_many_runs_finished_and_stopped_ones_do_not_fill_the_bar(qtbot, tmp_path):
    panel, sweep, executor = _panel_with_sweep(qtbot, tmp_path)
    total = len(sweep.jobs)
    assert total == 12
    for index in range(6):
        executor.send("started", index)
    for index in range(3):
        executor.send("done", index, _done(sweep, index, "finished"))
    executor.send("done", 3, _done(sweep, 3, "diverged"))
    panel.controller.poll()
    # 3 finished, 1 diverged, runs 4 and 5 still training, 6 waiting
    assert panel.status.text() == "3 of 12 runs finished · 2 training · 1 diverged"
    assert panel.progress.value() == int(1000 * 4 / 12)  # finished + diverged: they trained to their end
    sweep.stop()  # as the Stop button's background job does
    panel.controller.poll()
    assert not panel.is_running() and executor.stopped
    assert panel.status.text() == "Stopped: 3 of 12 runs finished · 1 diverged · 8 stopped"
    assert panel.progress.value() == int(1000 * 4 / 12)  # the 8 stopped runs are not progress
    assert sweep.status().text() == "Stopped: 3 of 12 runs finished · 1 diverged · 8 stopped"  # the CLI's words


def test_a_sweep_that_ran_to_its_end_says_so(qtbot, tmp_path):
    panel, sweep, executor = _panel_with_sweep(qtbot, tmp_path, seeds=1)
    for index in range(4):
        executor.send("started", index)
        executor.send("done", index, _done(sweep, index, "diverged" if index == 1 else "finished"))
    executor.on_done()
    panel.controller.poll()
    assert panel.status.text() == "Sweep over: 3 of 4 runs finished · 1 diverged"
    assert panel.progress.value() == 1000


def test_save_waits_for_something_to_save_and_its_tooltip_says_why(qtbot, tmp_path):
    panel, sweep, executor = _panel_with_sweep(qtbot, tmp_path / "run")
    button = panel.save_button
    assert not button.isEnabled() and "Nothing to save yet" in button.toolTip()  # just started
    assert panel.save(str(tmp_path / "out")) == []
    executor.send("started", 0)
    panel.controller.poll()
    assert not button.isEnabled()  # a run started: still no row on disk
    row = {"run": sweep.jobs[0].run, "optimizer": "sgd", "lr": 0.01, "seed": 0, "split": "train", "step": 1,
           "epoch": 1, "loss": 2.0, "accuracy": 0.1, "samples": 16}
    executor.send("rows", 0, [row])
    panel.controller.poll()
    assert button.isEnabled() and "Nothing to save" not in button.toolTip()
    files = panel.save(str(tmp_path / "out"))
    assert sorted(Path(f).name for f in files) == ["metrics.csv", "summary.json", "sweep.json"]
    assert (tmp_path / "out" / "metrics.csv").read_text().count("\n") == 2  # the header and the row


def test_save_is_enabled_by_a_run_that_ended_without_rows(qtbot, tmp_path):
    panel, sweep, executor = _panel_with_sweep(qtbot, tmp_path)
    executor.send("failed", 0, "its process crashed")  # a crash before its first row
    panel.controller.poll()
    assert panel.save_button.isEnabled()


def test_a_stop_before_any_row_leaves_nothing_to_save(qtbot, tmp_path):
    """Stopped runs that never reported are not results: Save would write a CSV with its header only."""
    panel, sweep, executor = _panel_with_sweep(qtbot, tmp_path)
    executor.send("started", 0)
    sweep.stop()
    panel.controller.poll()
    assert not panel.is_running() and sweep.status().stopped == len(sweep.jobs)
    assert not panel.save_button.isEnabled() and "Nothing to save yet" in panel.save_button.toolTip()


def test_saving_keeps_the_sweeps_line_and_adds_where_the_files_went(qtbot, tmp_path):
    panel, sweep, executor = _panel_with_sweep(qtbot, tmp_path / "run", seeds=1)
    for index in range(4):
        executor.send("started", index)
        executor.send("done", index, _done(sweep, index, "finished"))
    executor.on_done()
    panel.controller.poll()
    panel.save(str(tmp_path / "out"))
    assert panel.status.text() == f"Sweep over: 4 of 4 runs finished · Results written to {tmp_path / 'out'}"


def test_unticking_an_optimizer_moves_none_of_the_other_controls(qtbot):
    panel = SweepPanel(lambda: TrainSetup(**TINY))
    qtbot.addWidget(panel)
    panel.resize(900, 600)  # the form wraps onto two lines: a wider button would push controls down
    panel.show()
    qtbot.waitExposed(panel)
    others = [panel.grid, panel.grid_info, panel.seeds, panel.executor, panel.workers, panel.start_button,
              panel.stop_button, panel.save_button]

    def places() -> list[tuple[int, int, int, int]]:
        QApplication.processEvents()
        return [w.geometry().getRect() for w in others]

    before, width = places(), panel.optimizer_button.width()
    assert panel.optimizer_button.text() == "Optimizers: SGD, Momentum, Adam"  # the default fits, whole
    panel.optimizer_actions["momentum"].setChecked(False)
    assert places() == before and panel.optimizer_button.width() == width
    assert panel.optimizers() == ["sgd", "adam"] and "SGD, Adam" in panel.optimizer_button.toolTip()
    panel.set_optimizers(list(panel.optimizer_actions))  # every one: longer than the button
    assert places() == before and panel.optimizer_button.width() == width
    assert panel.optimizer_button.text().endswith("…")
    labels = [a.text().replace("&", "") for a in panel.optimizer_actions.values()]
    assert ", ".join(labels) in panel.optimizer_button.toolTip()  # the whole list
    panel.set_optimizers(["sgd", "momentum", "adam"])
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # a zoom: the button is measured again in the larger font
    panel.setFont(font)
    QApplication.processEvents()
    button = panel.optimizer_button
    assert button.width() > width and button.text() == "Optimizers: SGD, Momentum, Adam"
