"""`cnnviz train` on the offline digits with sharpness columns, snapshots and trajectories."""

from __future__ import annotations

import json

import pytest
import torch

from cnnviz.cli import main
from cnnviz.core.training.metrics import CSV_COLUMNS, read_metrics_csv


def test_train_digits_with_sharpness_snapshots_and_trajectories(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    rc = main(["train", "--dataset", "digits", "--run", "sgd:lr=0.1", "--epochs", "2", "--train-limit", "48",
               "--val-limit", "16", "--batch-size", "16", "--sharpness-every", "2", "--sharpness-probe", "16",
               "--snapshots", "epoch", "--trajectory-every", "2", "--save-weights", "--out", str(out), "--quiet"])
    assert rc == 0, capsys.readouterr().err
    header = (out / "metrics.csv").read_text().splitlines()[0].split(",")
    assert header == [*CSV_COLUMNS, "sharpness", "sharpness_threshold"]
    rows = [r for r in read_metrics_csv(str(out / "metrics.csv")) if r["split"] == "train"]
    estimated = [r for r in rows if r["sharpness"] is not None]
    assert [r["step"] for r in estimated] == [2, 4, 6]
    assert all(r["sharpness_threshold"] == pytest.approx(20.0) and r["sharpness"] > 0 for r in estimated)
    runs = json.loads((out / "runs.json").read_text())
    assert runs["dataset"]["name"] == "digits" and runs["dataset"]["model_input"] == [1, 32, 32]
    folder = out / "snapshots" / "sgd_lr=0.1"
    assert sorted(p.name for p in folder.iterdir()) == ["step_0.pt", "step_3.pt", "step_6.pt"]
    traj = out / "trajectories" / "sgd_lr=0.1"
    assert sorted(int(p.stem[5:]) for p in traj.iterdir()) == [0, 2, 4, 6]
    final = torch.load(out / "sgd_lr=0.1.pt", weights_only=True)
    last = torch.load(traj / "step_6.pt", weights_only=True)
    assert all(torch.equal(final[k], last[k]) for k in final)


@pytest.mark.parametrize("flag, value", [("--snapshots", "sometimes"), ("--sharpness-every", "0"),
                                         ("--trajectory-every", "-2")])
def test_bad_recording_options_are_one_line_errors(flag, value, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["train", "--run", "sgd", flag, value, "--out", str(tmp_path)])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and flag in err
