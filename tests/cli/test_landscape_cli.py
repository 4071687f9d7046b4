"""`cnnviz landscape` on a folder written by `cnnviz train --save-weights --trajectory-every K`."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cnnviz.cli import main


@pytest.fixture(scope="module")
def runs_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("race")
    rc = main(["train", "--dataset", "digits", "--run", "sgd:lr=0.1,name=sgd", "--run", "adam:lr=3e-3,name=adam",
               "--epochs", "2", "--train-limit", "64", "--val-limit", "16", "--batch-size", "16",
               "--save-weights", "--trajectory-every", "3", "--out", str(out), "--quiet"])
    assert rc == 0
    return out


@pytest.mark.parametrize("directions", ["pca", "random"])
def test_landscape_writes_grid_and_paths(runs_dir, tmp_path, capsys, directions) -> None:
    target = tmp_path / "land.npz"
    rc = main(["landscape", str(runs_dir), "--grid", "5", "--directions", directions, "--probe", "32",
               "--out", str(target), "--quiet"])
    assert rc == 0, capsys.readouterr().err
    assert "5×5 grid" in capsys.readouterr().out
    data = np.load(target)
    assert data["alpha"].shape == data["beta"].shape == (5,) and data["loss"].shape == (5, 5)
    assert data["path_sgd"].shape == (4, 2) and data["steps_sgd"].tolist() == [0, 3, 6, 8]
    assert data["path_adam"].shape == (4, 2)
    assert data["loss"][2, 2] == pytest.approx(float(data["origin_loss"]), rel=1e-9)
    np.testing.assert_allclose(data["path_sgd"][0], [0, 0], atol=1e-9)
    if directions != "pca":
        return
    # Independent PCA with numpy: rows = every kept step after 0 of both runs minus the start.
    def flat(path):
        state = torch.load(path, weights_only=True)
        return torch.cat([state[k].reshape(-1) for k in state]).double().numpy()

    start = flat(runs_dir / "trajectories" / "sgd" / "step_0.pt")
    rows = [flat(runs_dir / "trajectories" / run / f"step_{s}.pt") - start
            for run in ("sgd", "adam") for s in (3, 6, 8)]
    _, _, vt = np.linalg.svd(np.stack(rows), full_matrices=False)
    for run in ("sgd", "adam"):  # end points: the saved final weights' coordinates (up to each axis' sign)
        final = flat(runs_dir / f"{run}.pt") - start
        np.testing.assert_allclose(np.abs(data[f"path_{run}"][-1]), np.abs(vt[:2] @ final), rtol=1e-4, atol=1e-6)


def test_landscape_errors_are_one_line(tmp_path, capsys) -> None:
    assert main(["landscape", str(tmp_path), "--out", str(tmp_path / "x.npz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "runs.json" in err
