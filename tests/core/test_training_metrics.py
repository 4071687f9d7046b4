"""Metrics: CSV round trip, atomic writes, the smoothing used by the plots."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest

from cnnviz.core.training.metrics import (
    CSV_COLUMNS,
    MetricsLog,
    read_metrics_csv,
    smooth_ema,
    write_metrics_csv,
)


def _log() -> MetricsLog:
    log = MetricsLog()
    log.add_run("sgd, lr=0.1", "sgd")
    log.add_run("adam", "adam")
    rng = np.random.default_rng(0)
    for step in range(1, 3001):  # past the initial capacity: exercises growth
        log.add_train("adam", step, 1 + step // 1000, float(rng.random()), float(rng.random()), 1e-3 / step)
    log.add_train("sgd, lr=0.1", 1, 1, math.nan, 0.0, 0.1)
    log.add_val("adam", 3000, 3, 0.1234567890123, 0.96875, 1e-3, weight_norm=12.345678901234)
    log.add_val("sgd, lr=0.1", 1, 1, math.inf, 0.0, 0.1, weight_norm=math.inf)  # blown up
    log.set_status("sgd, lr=0.1", "diverged", "loss became nan")
    log.set_status("adam", "finished")
    return log


def test_csv_round_trips_exactly(tmp_path) -> None:
    log = _log()
    path = tmp_path / "m.csv"
    write_metrics_csv(log, str(path))
    assert path.read_text().splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = read_metrics_csv(str(path))
    expected = list(log.rows())
    assert len(rows) == len(expected) == 3003
    for got, want in zip(rows, expected, strict=True):
        for key in CSV_COLUMNS:
            if isinstance(want[key], float) and math.isnan(want[key]):
                assert math.isnan(got[key])
            else:
                assert got[key] == want[key], key
    assert {r["status"] for r in rows if r["run"] == "sgd, lr=0.1"} == {"diverged"}
    assert [r["split"] for r in rows if r["run"] == "adam"][-1] == "val"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert [r["weight_norm"] for r in rows if r["split"] == "val"] == [math.inf, 12.345678901234]


def test_metrics_csv_from_before_the_weight_norm_column_still_reads(tmp_path) -> None:
    path = tmp_path / "old.csv"
    path.write_text("run,optimizer,step,epoch,split,loss,accuracy,lr,status,samples\n"
                    "a,sgd,1,1,val,0.5,0.75,0.1,finished,64\n", encoding="utf-8")
    (row,) = read_metrics_csv(str(path))
    assert row["loss"] == 0.5 and math.isnan(row["weight_norm"])


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch) -> None:
    path = tmp_path / "m.csv"
    path.write_text("old")
    log = _log()
    monkeypatch.setattr("cnnviz.core.training.metrics.metrics_csv_text", lambda _: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write_metrics_csv(log, str(path))
    assert path.read_text() == "old"


def _ema_loop(values, weight):
    out, acc = [], 0.0
    for i, v in enumerate(values, start=1):
        acc = weight * acc + (1 - weight) * v
        out.append(acc / (1 - weight**i))
    return np.array(out)


@pytest.mark.parametrize("weight", [0.0, 0.6, 0.9, 0.99])
def test_smooth_ema_matches_the_plain_loop_incrementally(weight: float) -> None:
    values = np.random.default_rng(1).normal(size=1000)
    whole, _ = smooth_ema(values, weight)
    np.testing.assert_allclose(whole, _ema_loop(values, weight), rtol=1e-9, atol=1e-12)
    first, state = smooth_ema(values[:301], weight)
    rest, _ = smooth_ema(values[301:], weight, state)
    np.testing.assert_allclose(np.concatenate([first, rest]), whole, rtol=1e-9, atol=1e-12)


def test_snapshot_reads_incrementally() -> None:
    log = _log()
    snap = log.snapshot("adam", train_start=2990)
    assert snap.train["step"].tolist() == list(range(2991, 3001))
    assert log.latest("adam")["step"] == 3000 and log.latest("sgd, lr=0.1")["loss"] != 0


def test_json_form_round_trips_exactly_with_nan_and_inf() -> None:
    import json

    log = _log()
    log.add_train("sgd, lr=0.1", 2, 1, math.inf, 0.0, 0.1, 64)
    log.train_size = 3000
    back = MetricsLog.from_dict(json.loads(json.dumps(log.to_dict(), allow_nan=False)))
    assert back.run_names == log.run_names and back.train_size == 3000
    assert back.statuses() == log.statuses()
    for name in log.run_names:
        a, b = log.snapshot(name), back.snapshot(name)
        for split in ("train", "val"):
            for key in a.__dict__[split]:
                np.testing.assert_array_equal(b.__dict__[split][key], a.__dict__[split][key])
