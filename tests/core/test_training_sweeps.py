"""Sweeps: the grid, the summary against numpy, and runs in real worker processes."""

from __future__ import annotations

import json
import math
import os
import textwrap
import time

import numpy as np
import psutil
import pytest

from cnnviz.core import trust
from cnnviz.core.errors import ConfigError
from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.executors import LocalExecutor
from cnnviz.core.training.sweeps import (
    ROW_COLUMNS,
    RunResult,
    Sweep,
    SweepSpec,
    heatmap,
    log_grid,
    parse_lr_grid,
    read_sweep_csv,
    run_job,
    summarize,
)

TINY = dict(model="lenet5", dataset="digits", epochs=1, batch_size=16, train_limit=32, val_limit=16)


def test_learning_rate_grids_are_log_spaced_and_validated() -> None:
    grid = parse_lr_grid("1e-4:1:7")
    assert len(grid) == 7 and grid[0] == pytest.approx(1e-4) and grid[-1] == pytest.approx(1.0)
    ratios = np.diff(np.log10(grid))
    np.testing.assert_allclose(ratios, 4 / 6)
    assert parse_lr_grid("0.1, 0.01") == [0.01, 0.1]
    assert log_grid(0.5, 2, 1) == [0.5]
    for bad in ("1e-4:1", "a:b:c", "0:1:3", "-1,2", ""):
        with pytest.raises(ConfigError):
            parse_lr_grid(bad)
    spec = SweepSpec.grid(TrainSetup(**TINY), ["SGD", "Momentum", "adam"], "1e-3:1e-1:3", seeds=2).validated()
    assert spec.optimizers == ["sgd", "momentum", "adam"] and spec.seeds == [0, 1]
    assert spec.hparams["momentum"] == {"momentum": 0.9}
    jobs = spec.jobs()
    assert len(jobs) == 3 * 3 * 2 and [j.seed for j in jobs[:9]] == [0] * 9  # whole seeds first
    assert jobs[0].run == "sgd lr=0.001 seed=0" and len({j.run for j in jobs}) == len(jobs)
    with pytest.raises(ConfigError, match="twice"):
        SweepSpec.grid(TrainSetup(**TINY), ["adam", "Adam"], [0.1], seeds=1).validated()
    with pytest.raises(ConfigError):
        SweepSpec.grid(TrainSetup(**TINY), ["adam"], [0.1], seeds=[1, 1]).validated()


def _result(opt, lr, seed, status, losses, accs, train=(1.0, 0.5)) -> RunResult:
    return RunResult(f"{opt} {lr} {seed}", opt, lr, seed, status, "", list(range(len(losses))), list(losses),
                     list(accs), list(train))


def test_summary_table_tuned_curves_and_ranking_against_numpy() -> None:
    spec = SweepSpec(TrainSetup(**TINY), ["sgd", "adam"], {"sgd": [0.01, 0.1], "adam": [0.001, 1.0]}, [0, 1, 2])
    r = [
        _result("sgd", 0.01, 0, "finished", [2.3, 1.0, 0.9], [0.1, 0.6, 0.7]),
        _result("sgd", 0.01, 1, "finished", [2.3, 1.2, 1.1], [0.1, 0.5, 0.6]),
        _result("sgd", 0.01, 2, "finished", [2.3, 0.8, 0.95], [0.1, 0.7, 0.65]),
        _result("sgd", 0.1, 0, "finished", [2.3, 0.7, 0.6], [0.1, 0.8, 0.85], train=(1.0, 0.2)),
        _result("sgd", 0.1, 1, "finished", [2.3, 0.9, 0.5], [0.1, 0.7, 0.9], train=(1.2, 0.4)),
        _result("sgd", 0.1, 2, "diverged", [2.3, math.nan], [0.1, math.nan]),
        _result("adam", 0.001, 0, "finished", [2.3, 0.4, 0.3], [0.1, 0.9, 0.92]),
        _result("adam", 0.001, 1, "finished", [2.3, 0.5, 0.45], [0.1, 0.88, 0.9]),
        _result("adam", 1.0, 0, "failed", [], []),
    ]
    summary = summarize(spec, {x.run: x for x in r})
    cells = {(c["optimizer"], c["lr"]): c for c in summary["table"]}
    a = cells[("sgd", 0.01)]
    best = [0.9, 1.1, 0.8]  # min over epochs ≥ 1 of each seed, by hand
    assert a["best_val_loss"] == pytest.approx(np.mean(best)) and a["best_val_loss_std"] == pytest.approx(
        np.std(best, ddof=1))
    assert a["final_val_loss"] == pytest.approx(np.mean([0.9, 1.1, 0.95]))
    assert a["final_val_accuracy"] == pytest.approx(np.mean([0.7, 0.6, 0.65])) and a["state"] == "done"
    assert cells[("sgd", 0.1)]["state"] == "diverged" and cells[("sgd", 0.1)]["diverged"] == 1
    assert cells[("adam", 1.0)]["state"] == "failed" and cells[("adam", 1.0)]["pending"] == 2
    assert cells[("adam", 0.001)]["state"] == "partial" and cells[("adam", 0.001)]["pending"] == 1
    # The diverged cell has the lower loss but cannot be sgd's tuned rate.
    assert summary["tuned"]["sgd"]["lr"] == 0.01 and summary["tuned"]["adam"]["lr"] == 0.001
    tuned = summary["tuned"]["adam"]
    np.testing.assert_allclose(tuned["val_loss_mean"], np.mean([[2.3, 0.4, 0.3], [2.3, 0.5, 0.45]], axis=0))
    np.testing.assert_allclose(tuned["val_loss_std"], np.std([[2.3, 0.4, 0.3], [2.3, 0.5, 0.45]], axis=0, ddof=1))
    assert tuned["epoch"] == [0, 1, 2] and tuned["seeds"] == [0, 1]
    assert [e["optimizer"] for e in summary["ranking"]] == ["adam", "sgd"]
    gap = np.mean(best) - np.mean([0.3, 0.45])
    assert summary["ranking"][0]["within_spread_of_next"] == (gap <= max(np.std(best, ddof=1),
                                                                          np.std([0.3, 0.45], ddof=1)))
    optimizers, lrs, grid = heatmap(summary, "best_val_loss")
    assert optimizers == ["sgd", "adam"] and lrs == [0.001, 0.01, 0.1, 1.0] and grid.dtype == np.float32
    assert np.isnan(grid[0, 0]) and np.isnan(grid[0, 2]) and grid[0, 1] == pytest.approx(np.mean(best))
    json.dumps(summary, allow_nan=True)  # plain data


def test_one_seed_has_an_unknown_spread_not_a_zero_one() -> None:
    spec = SweepSpec(TrainSetup(**TINY), ["sgd", "adam"], {"sgd": [0.1], "adam": [0.01]}, [0, 1])
    r = [
        _result("sgd", 0.1, 0, "finished", [2.3, 0.7, 0.6], [0.1, 0.8, 0.85]),
        _result("sgd", 0.1, 1, "diverged", [2.3, math.nan], [0.1, math.nan]),  # one seed finished
        _result("adam", 0.01, 0, "finished", [2.3, 0.5, 0.4], [0.1, 0.8, 0.9]),  # the other still out
    ]
    summary = summarize(spec, {x.run: x for x in r})
    cells = {c["optimizer"]: c for c in summary["table"]}
    assert cells["adam"]["best_val_loss"] == pytest.approx(0.4)
    for cell in cells.values():  # σ with ddof 1 of one value is undefined: None, not 0
        assert all(cell[k + "_std"] is None for k in ("final_val_loss", "best_val_loss", "final_val_accuracy",
                                                      "best_val_accuracy"))
    adam = summary["tuned"]["adam"]
    assert adam["val_loss_mean"] == pytest.approx([2.3, 0.5, 0.4]) and adam["val_loss_std"] is None
    assert adam["best_val_loss_std"] is None and adam["train_loss_std"] is None
    assert [e["optimizer"] for e in summary["ranking"]] == ["adam"]  # sgd 0.1 had a diverged seed
    json.dumps(summary)  # None is plain JSON (null)


def test_the_ranking_claims_nothing_about_a_spread_it_does_not_know() -> None:
    spec = SweepSpec(TrainSetup(**TINY), ["sgd", "adam", "rmsprop"], {"sgd": [0.1], "adam": [0.01],
                                                                     "rmsprop": [0.01]}, [0, 1])
    r = [
        _result("adam", 0.01, 0, "finished", [2.3, 0.5, 0.40], [0.1, 0.8, 0.9]),  # one seed each
        _result("sgd", 0.1, 0, "finished", [2.3, 0.7, 0.41], [0.1, 0.8, 0.85]),
        _result("rmsprop", 0.01, 0, "finished", [2.3, 0.7, 0.40], [0.1, 0.8, 0.85]),
        _result("rmsprop", 0.01, 1, "finished", [2.3, 0.7, 0.70], [0.1, 0.8, 0.85]),
    ]
    ranking = summarize(spec, {x.run: x for x in r})["ranking"]
    assert [e["optimizer"] for e in ranking] == ["adam", "sgd", "rmsprop"]
    assert ranking[0]["within_spread_of_next"] is None  # 0.40 vs 0.41: neither spread is known
    # sgd 0.41 vs rmsprop mean 0.55, σ = |0.4 - 0.7| / √2: rmsprop's spread is the one known
    assert ranking[1]["within_spread_of_next"] == (abs(0.4 - 0.7) / math.sqrt(2) >= 0.55 - 0.41)
    assert ranking[1]["within_spread_of_next"] is True


def test_run_job_streams_the_rows_it_returns() -> None:
    streamed = []
    job = {"index": 0, "run": "sgd lr=0.1 seed=4", "optimizer": "sgd", "lr": 0.1, "seed": 4, "hparams": {}}
    setup = TrainSetup(**{**TINY, "epochs": 2, "sharpness_every": 1, "sharpness_probe": 8}).to_dict()
    result = RunResult.from_dict(run_job(job, setup, emit=streamed.extend))
    assert result.status == "finished" and result.steps == 4 and result.val_epoch == [0, 1, 2]
    train = [r for r in streamed if r["split"] == "train"]
    val = [r for r in streamed if r["split"] == "val"]
    assert set(streamed[0]) == set(ROW_COLUMNS)
    assert [r["loss"] for r in train] == pytest.approx(result.train_loss, rel=0, abs=0)
    assert [r["loss"] for r in val] == pytest.approx(result.val_loss, rel=0, abs=0)
    assert all(r["seed"] == 4 and r["lr"] == 0.1 and r["optimizer"] == "sgd" for r in streamed)
    assert all(r["sharpness"] > 0 and r["sharpness_threshold"] == pytest.approx(20.0) for r in train)


CRASHY = '''
import os
import torch
from torch import nn


class Net(nn.Module):
    """A small CNN: seed 1 kills its process when built, seed 2 runs out of memory on its first step."""

    input_shape = (1, 32, 32)

    def __init__(self, num_classes=10, in_channels=1):
        super().__init__()
        seed = torch.initial_seed()
        if seed == 1:
            os._exit(3)
        # A buffer, so that the flag travels with the shared initial state_dict into the run's model.
        self.register_buffer("oom", torch.tensor(seed == 2))
        self.body = nn.Sequential(nn.Conv2d(in_channels, 4, 5, stride=3), nn.Tanh(), nn.Flatten(),
                                  nn.Linear(4 * 10 * 10, num_classes))

    def forward(self, x):
        if bool(self.oom) and torch.is_grad_enabled():
            raise MemoryError("pretend the batch did not fit")
        return self.body(x)
'''


@pytest.mark.slow  # worker processes start (a torch import each)
def test_sweep_in_processes_marks_diverged_crashed_and_oom_runs_and_goes_on(tmp_path) -> None:
    model_file = tmp_path / "crashy.py"
    model_file.write_text(textwrap.dedent(CRASHY))
    trust.approve_typed(f"{model_file}:Net")  # the user's own model file, as typed: the workers get the approval
    setup = TrainSetup(**{**TINY, "model": f"{model_file}:Net", "epochs": 2})
    spec = SweepSpec(setup, ["sgd"], {"sgd": [0.05, 1e4]}, [0, 1, 2])
    out = tmp_path / "sweep"
    sweep = Sweep(spec, out_dir=out, executor=LocalExecutor(workers=2))
    summary = sweep.run()
    status = sweep.status()
    assert status.done and status.total == 6
    by_run = {r["run"]: r for r in summary["runs"]}
    assert by_run["sgd lr=0.05 seed=0"]["status"] == "finished"
    assert by_run["sgd lr=1e+04 seed=0"]["status"] == "diverged"
    for name in ("sgd lr=0.05 seed=1", "sgd lr=1e+04 seed=1"):  # the process died while building
        assert by_run[name]["status"] == "failed" and "ended unexpectedly" in by_run[name]["message"]
    for name in ("sgd lr=0.05 seed=2", "sgd lr=1e+04 seed=2"):  # the engine's out-of-memory path
        assert by_run[name]["status"] == "failed" and "Out of memory" in by_run[name]["message"]
    cells = {(c["optimizer"], c["lr"]): c for c in summary["table"]}
    assert cells[("sgd", 1e4)]["state"] == "diverged" and cells[("sgd", 0.05)]["failed"] == 2
    assert summary["tuned"]["sgd"]["lr"] == 0.05 and summary["tuned"]["sgd"]["seeds"] == [0]
    # Long-form rows with lr and seed; the two runs of seed 0 start equal (same weights, same batch).
    rows = read_sweep_csv(out / "metrics.csv")
    first = [r["loss"] for r in rows if r["split"] == "train" and r["step"] == 1]
    assert len(first) == 2 and max(first) - min(first) <= 1e-6 * first[0]
    assert {r["seed"] for r in rows} == {0, 2}  # seed 2 validated its start, then ran out of memory
    assert {r["seed"] for r in rows if r["split"] == "train"} == {0}
    assert {r["lr"] for r in rows} == {0.05, 1e4}
    saved = json.loads((out / "summary.json").read_text())
    assert saved["ranking"] == json.loads(json.dumps(summary["ranking"]))
    assert json.loads((out / "sweep.json").read_text())["seeds"] == [0, 1, 2]
    assert sweep.poll() and not sweep.poll()  # rows streamed back, each delivered once


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True)
            if "resource_tracker" not in " ".join(p.cmdline())}  # multiprocessing's own lifelong helper


@pytest.mark.slow  # two worker processes start
def test_stop_ends_every_process_within_two_seconds_and_keeps_partial_results(tmp_path) -> None:
    before = _children()
    setup = TrainSetup(**{**TINY, "epochs": 200, "train_limit": 64})
    spec = SweepSpec.grid(setup, ["sgd", "adam"], [0.01, 0.02], seeds=2)
    executor = LocalExecutor(workers=2)
    sweep = Sweep(spec, out_dir=tmp_path, executor=executor)
    sweep.start()
    rows = []
    deadline = time.monotonic() + 120
    while len([r for r in rows if r["split"] == "val"]) < 4 and time.monotonic() < deadline:
        rows += sweep.poll()
        time.sleep(0.05)
    workers = executor.pids()
    assert len(workers) == 2 and rows
    t0 = time.perf_counter()
    sweep.stop()
    elapsed = time.perf_counter() - t0
    assert elapsed < 2.0
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in workers)
    assert _children() <= before
    status = sweep.status()
    assert status.done and status.stopped >= 2 and status.running == status.pending == 0
    on_disk = read_sweep_csv(tmp_path / "metrics.csv")
    assert len(on_disk) >= len(rows)  # what was streamed is on disk
    saved = json.loads((tmp_path / "summary.json").read_text())
    assert {r["status"] for r in saved["runs"]} <= {"stopped", "finished"}
    assert os.path.getsize(tmp_path / "sweep.json") > 0
