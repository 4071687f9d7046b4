"""`cnnviz train`: files written, errors on one line, Ctrl+C still writes."""

from __future__ import annotations

import json

import pytest

from cnnviz.cli import main
from cnnviz.core.training.engine import Trainer
from cnnviz.core.training.metrics import CSV_COLUMNS, read_metrics_csv

TINY = ["--epochs", "2", "--train-limit", "64", "--val-limit", "32", "--batch-size", "32", "--seed", "7"]


def test_train_writes_metrics_and_runs(tmp_path, capsys) -> None:
    out = tmp_path / "out"
    rc = main(["train", "--model", "lenet5", "--dataset", "shapes", "--run", "sgd:lr=0.05",
               "--run", "adam:lr=1e-3,name=adam", *TINY, "--out", str(out), "--save-weights"])
    assert rc == 0
    err = capsys.readouterr().err
    assert "epoch 1/2" in err and "epoch 2/2" in err
    assert "× 2 epochs" in err and "and 2 weights files (<run>.pt)" in err
    rows = read_metrics_csv(str(out / "metrics.csv"))
    assert (out / "metrics.csv").read_text().splitlines()[0] == ",".join(CSV_COLUMNS)
    train = [r for r in rows if r["split"] == "train"]
    val = [r for r in rows if r["split"] == "val"]
    assert len(train) == 2 * 2 * 2 and len(val) == 2 * 3  # 2 runs × 2 epochs × 2 steps; epochs 0..2
    first = {r["run"]: r["loss"] for r in train if r["step"] == 1}
    assert first["sgd:lr=0.05"] == first["adam"]
    assert {r["status"] for r in rows} == {"finished"}
    assert {r["optimizer"] for r in rows} == {"sgd", "adam"}
    runs = json.loads((out / "runs.json").read_text())
    assert [r["status"] for r in runs["runs"]] == ["finished", "finished"]
    assert runs["runs"][1]["config"]["hparams"]["beta2"] == 0.999
    assert runs["setup"]["init_seed"] == runs["setup"]["data_seed"] == 7
    assert sorted(p.name for p in out.glob("*.pt")) == ["adam.pt", "sgd_lr=0.05.pt"]


def test_invalid_hyperparameter_is_one_line_error(tmp_path, capsys) -> None:
    rc = main(["train", "--run", "adam:beta1=1.0", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.count("\n") == 1 and "beta1 = 1 is outside [0, 1)" in err
    assert not (tmp_path / "metrics.csv").exists()


def test_no_run_no_preset_is_an_error(capsys) -> None:
    assert main(["train"]) == 2
    assert "--run" in capsys.readouterr().err


def test_ctrl_c_marks_runs_stopped_and_writes_files(tmp_path, monkeypatch, capsys) -> None:
    calls = {"n": 0}
    real = Trainer.train_step

    def step(self, run, x, y):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, run, x, y)

    monkeypatch.setattr(Trainer, "train_step", step)
    rc = main(["train", "--run", "sgd:lr=0.05", "--run", "momentum:lr=0.01", *TINY, "--out", str(tmp_path)])
    assert rc == 130
    runs = json.loads((tmp_path / "runs.json").read_text())
    assert [r["status"] for r in runs["runs"]] == ["stopped", "stopped"]
    assert len([r for r in read_metrics_csv(str(tmp_path / "metrics.csv")) if r["split"] == "train"]) == 2


def test_preset_is_used_and_flags_override_it(tmp_path, capsys) -> None:
    rc = main(["train", "--preset", "batch_norm", "--model-arg", "dropout=0.0", "--epochs", "1",
               "--train-limit", "32", "--val-limit", "16", "--out", str(tmp_path), "--quiet"])
    assert rc == 0
    assert capsys.readouterr().err == "", "--quiet: nothing on stderr"
    runs = json.loads((tmp_path / "runs.json").read_text())
    assert runs["setup"]["model"] == "vgg_small" and runs["setup"]["epochs"] == 1
    assert [r["model"]["kwargs"]["batch_norm"] for r in runs["runs"]] == [False, True]


def test_list_presets(capsys) -> None:
    assert main(["train", "--list-presets"]) == 0
    out = capsys.readouterr().out
    for name in ("optimizers", "learning_rate", "batch_size", "weight_decay", "batch_norm", "dropout"):
        assert name in out


@pytest.mark.parametrize("bad", [["--preset", "nope"], ["--dataset", "imagenet9"], ["--run", "adamm:lr=1"]])
def test_unknown_names_are_one_line_errors(bad, tmp_path, capsys) -> None:
    assert main(["train", *bad, "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("cnnviz: error: ")
