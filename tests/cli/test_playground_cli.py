"""`cnnviz playground`: output parsed and checked against independent torch loops."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pytest
import torch

from cnnviz.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["playground", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _himmelblau(x, y):
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def test_csv_rows_equal_a_raw_torch_loop(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--surface", "himmelblau", "--optimizer", "sgd:lr=0.01",
                        "--optimizer", "adam:lr=0.1,beta1=0.8", "--start", "0.5,-1", "--steps", "25")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["optimizer", "step", "x", "y", "loss", "status"]
    assert [r["optimizer"] for r in rows] == ["sgd"] * 26 + ["adam"] * 26
    for name, make in (("sgd", lambda p: torch.optim.SGD([p], lr=0.01)),
                       ("adam", lambda p: torch.optim.Adam([p], lr=0.1, betas=(0.8, 0.999)))):
        mine = [r for r in rows if r["optimizer"] == name]
        assert [int(r["step"]) for r in mine] == list(range(26))
        p = torch.tensor([0.5, -1.0], dtype=torch.float64, requires_grad=True)
        opt = make(p)
        for r in mine:
            assert (float(r["x"]), float(r["y"])) == tuple(p.detach().tolist())
            loss = _himmelblau(p[0], p[1])
            assert float(r["loss"]) == pytest.approx(loss.item(), rel=1e-14)
            assert r["status"] == "ok"
            opt.zero_grad()
            loss.backward()
            opt.step()


def test_json_marks_divergence_above_the_lr_bound(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--surface", "quadratic", "--param", "lambda1=1", "--param", "lambda2=10",
                        "--param", "angle=0", "--optimizer", "sgd:lr=0.19", "--optimizer", "sgd:lr=0.25",
                        "--start", "1,1", "--steps", "200", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["params"] == {"lambda1": 1.0, "lambda2": 10.0, "angle": 0.0}
    below, above = doc["optimizers"]
    assert below["label"] == "sgd:lr=0.19" and below["status"] == "ok" and below["diverged_at"] is None
    assert above["status"] == "diverged"
    rows = [r for r in doc["rows"] if r["optimizer"] == "sgd:lr=0.25"]
    # closed form along y (λ=10, angle 0): y_k = (1 - 2.5)^k -> |y| first exceeds 6 (the escape box) at k=5
    assert above["diverged_at"] == 5 == rows[-1]["step"]
    assert [r["y"] for r in rows] == pytest.approx([(-1.5) ** k for k in range(6)])
    assert rows[-1]["status"] == "diverged" and rows[-2]["status"] == "ok"
    rows_b = [r for r in doc["rows"] if r["optimizer"] == "sgd:lr=0.19"]
    assert len(rows_b) == 201
    assert rows_b[-1]["x"] == pytest.approx(0.81 ** 200, abs=1e-15)


def test_defaults_come_from_the_surface(capsys: pytest.CaptureFixture[str]) -> None:
    from cnnviz.core.playground import get_surface_spec

    spec = get_surface_spec("beale")
    code, out, _ = _run(capsys, "--surface", "beale", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["steps"] == spec.default_steps and doc["start"] == list(spec.default_start)
    assert [o["name"] for o in doc["optimizers"]] == ["sgd", "momentum", "adam"]
    assert doc["optimizers"][2]["hyperparams"]["lr"] == spec.suggested["adam"]["lr"]


def test_explain_lr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--param", "lambda1=2", "--param", "lambda2=8", "--explain-lr", "0.2",
                        "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert doc["eigenvalues"] == pytest.approx([2.0, 8.0])
    assert doc["lr_bound"] == pytest.approx(0.25) and doc["condition_number"] == pytest.approx(4.0)
    assert doc["abs_factors"] == pytest.approx([0.6, 0.6])
    assert doc["regime_en"] == "oscillates but converges"
    assert np.linalg.eigvalsh(np.array(doc["hessian"])) == pytest.approx([2.0, 8.0])
    code, out, _ = _run(capsys, "--explain-lr", "0.3")
    assert code == 0 and "regime: diverges" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--surface", "rosenbrok"], "Did you mean: rosenbrock"),
        (["--optimizer", "adam:lr=-1"], "lr=-1 is out of range"),
        (["--optimizer", "sgd:beta1=0.9"], "no hyperparameter 'beta1'"),
        (["--optimizer", "lion"], "Unknown optimizer 'lion'"),
        (["--param", "lambda1=0"], "out of range"),
        (["--steps", "-3"], "--steps"),
        (["--explain-lr", "0"], "--explain-lr"),
    ],
)
def test_bad_input_is_one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = _run(capsys, *argv)
    assert code != 0 and out == ""
    assert err.startswith("cnnviz: error:") and message in err and err.count("\n") == 1


def test_bad_start_is_rejected_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["playground", "--start", "1;2"])
    assert exc.value.code != 0 and "X,Y" in capsys.readouterr().err


def test_list_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--list")
    assert code == 0
    for name in ("quadratic", "rosenbrock", "himmelblau", "beale", "rastrigin", "saddle", "valley",
                 "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw"):
        assert name in out
    with pytest.raises(SystemExit):
        main(["playground", "--help"])
    assert "examples:" in capsys.readouterr().out
