"""`cnnviz sweep`: the headless sweep in worker processes, and its one-line errors."""

from __future__ import annotations

import json
import sys

import pytest

from cnnviz.cli import main
from cnnviz.core.training.sweeps import read_sweep_csv


@pytest.mark.slow  # two worker processes start
def test_sweep_lenet5_on_digits_writes_csv_and_summary(tmp_path, capsys) -> None:
    out = tmp_path / "sweep"
    rc = main(["sweep", "--model", "lenet5", "--dataset", "digits", "--optimizers", "sgd,adam",
               "--lrs", "1e-2:1e-1:2", "--lrs", "adam=1e-3", "--seeds", "2", "--epochs", "1",
               "--train-limit", "48", "--val-limit", "16", "--batch-size", "16", "--workers", "2",
               "--out", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "ranking at each optimizer's tuned learning rate" in captured.out
    rows = read_sweep_csv(out / "metrics.csv")
    assert {(r["optimizer"], r["lr"]) for r in rows} == {("sgd", 0.01), ("sgd", 0.1), ("adam", 0.001)}
    assert {r["seed"] for r in rows} == {0, 1}
    first: dict[int, list[float]] = {}
    for r in rows:
        if r["split"] == "train" and r["step"] == 1:
            first.setdefault(r["seed"], []).append(r["loss"])
    for losses in first.values():  # within a seed: same weights, same first batch
        assert len(losses) == 3 and max(losses) - min(losses) <= 1e-6 * losses[0]
    assert abs(first[0][0] - first[1][0]) > 1e-5  # another seed: another start and batch order
    summary = json.loads((out / "summary.json").read_text())
    assert summary["seeds"] == [0, 1] and len(summary["table"]) == 3
    assert [r["status"] for r in summary["runs"]].count("finished") == 6
    assert {e["optimizer"] for e in summary["ranking"]} == {"sgd", "adam"}


@pytest.mark.parametrize("args, expected", [
    (["--lrs", "1e-4:1"], "LOW:HIGH:COUNT"),
    (["--optimizers", "sgd", "--lrs", "adam=0.1"], "not in --optimizers"),
    (["--optimizers", "adamm"], "Unknown optimizer"),
    (["--seeds", "0"], "--seeds"),
    (["--address", "ray://x:1"], "--executor ray"),
])
def test_sweep_argument_errors_are_one_line(args, expected, tmp_path, capsys) -> None:
    try:
        rc = main(["sweep", *args, "--out", str(tmp_path / "o")])
    except SystemExit as exc:
        rc = exc.code
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and expected in err, err
    assert not (tmp_path / "o").exists()


def test_missing_ray_names_the_extra(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as on a computer without the extra: import fails
    rc = main(["sweep", "--executor", "ray", "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "pip install 'cnnviz[ray]'" in err


def test_the_printed_spread_is_left_out_when_one_seed_finished() -> None:
    from cnnviz.commands.sweep import _mean_sd

    assert _mean_sd(0.41234, 0.01, 1.0, ".4f", "") == "0.4123 ± 0.0100"
    assert _mean_sd(0.41234, None, 1.0, ".4f", "") == "0.4123"  # one seed: unknown, not ± 0
    assert _mean_sd(0.875, None, 100.0, ".1f", "%") == "87.5%" and _mean_sd(None, None, 1.0, ".4f", "") == "-"
