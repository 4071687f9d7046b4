"""`cnnviz attribute`: the files it writes hold the same numbers as the core, and mistakes are one line."""

from __future__ import annotations

import csv
import textwrap

import numpy as np
import pytest

from cnnviz.cli import main
from cnnviz.core.attribution import compute, faithfulness
from cnnviz.core.images import load_image, prepare, preprocess_for
from cnnviz.core.weights import load_model


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def picture(tmp_path):
    import cv2

    path = tmp_path / "picture.png"
    yy, xx = np.mgrid[0:48, 0:64]
    img = np.stack([(xx * 4) % 256, (yy * 5) % 256, ((xx + yy) * 3) % 256], axis=2).astype(np.uint8)
    cv2.imwrite(str(path), img)
    return path


def _one_error_line(code: int, err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code != 0 and len(lines) == 1 and lines[0].startswith("cnnviz"), err
    return lines[0]


def test_attribute_writes_maps_scores_and_grid_equal_to_the_core(capsys, tmp_path, picture) -> None:
    import cv2

    out = tmp_path / "maps"
    methods = ["gradcam", "ig", "occlusion", "guidedbackprop"]
    code, stdout, err = run_cli(capsys, "attribute", "lenet5_modern", "--image", str(picture), "--methods",
                                ",".join(methods), "--target", "3", "--out", str(out), "--steps", "5",
                                "--set", "ig.steps=6", "--seed", "2")
    assert code == 0, err
    assert "Target: class 3" in stdout and "CAM layer: C3" in stdout
    # the same computation through the core, on the same model and input
    loaded = load_model("lenet5_modern", "random", seed=2)
    x = prepare(load_image(picture), preprocess_for(loaded.spec, loaded.weights_enum)).tensor
    with np.load(out / "maps.npz") as npz:
        assert sorted(npz.files) == sorted(methods)
        for m in methods:
            opts = {"steps": 6} if m == "ig" else {}
            expected = compute(m, loaded.model, x, 3, **opts).map
            assert npz[m].dtype == np.float32 and npz[m].shape == (32, 32) == expected.shape
            np.testing.assert_allclose(npz[m], expected, rtol=1e-5, atol=1e-8)
    rows = list(csv.DictReader((out / "scores.csv").open(encoding="utf-8")))
    assert [r["method"] for r in rows] == methods
    assert list(rows[0]) == ["method", "deletion_auc", "insertion_auc", "average_drop", "increase_in_confidence"]
    for r in rows:
        f = faithfulness(loaded.model, x, compute(r["method"], loaded.model, x, 3,
                                                  **({"steps": 6} if r["method"] == "ig" else {})), steps=5)
        assert float(r["deletion_auc"]) == pytest.approx(f.deletion_auc, rel=1e-4)
        assert float(r["insertion_auc"]) == pytest.approx(f.insertion_auc, rel=1e-4)
        assert float(r["average_drop"]) == pytest.approx(f.average_drop, rel=1e-4, abs=1e-4)
        assert float(r["increase_in_confidence"]) == f.increase_in_confidence
    grid = cv2.imread(str(out / "grid.png"))
    assert grid is not None and grid.shape[0] > 160 and grid.shape[1] > 160 * 2


def test_all_methods_and_a_unit_target(capsys, tmp_path, picture) -> None:
    out = tmp_path / "all"
    code, stdout, err = run_cli(capsys, "attribute", "lenet5_modern", "--image", str(picture), "--methods", "all",
                                "--target", "unit:C3:5:2:2", "--out", str(out), "--steps", "2",
                                "--set", "ig.steps=2", "--set", "smoothgrad.samples=2")
    assert code == 0, err
    with np.load(out / "maps.npz") as npz:
        assert len(npz.files) == 14 and "deconvnet" in npz.files
    assert "Target: C3 channel 5 at (2, 2)" in stdout


@pytest.mark.parametrize(("argv", "needle"), [
    (["--methods", "gradcam,nope"], "Unknown attribution method 'nope'"),
    (["--target", "10"], "Class 10 is out of range"),
    (["--target", "cat"], "Unknown target 'cat'"),
    (["--layer", "C5"], "no spatial output"),  # C5: 120 maps of 1×1
    (["--methods", "ig", "--set", "ig.steps=0"], "must be >= 1"),
    (["--set", "gradcam.steps=3"], "unknown option 'steps'"),
    (["--set", "occlusion.window=3"], "not among --methods"),
])
def test_mistakes_are_one_line(capsys, tmp_path, picture, argv: list[str], needle: str) -> None:
    code, _, err = run_cli(capsys, "attribute", "lenet5_modern", "--image", str(picture), "--out",
                           str(tmp_path / "o"), "--methods", "gradcam", *argv)
    assert needle in _one_error_line(code, err)


def test_model_without_convolutions_is_one_line(capsys, tmp_path, picture) -> None:
    f = tmp_path / "mlp.py"
    f.write_text(textwrap.dedent(
        """
        from torch import nn

        class MLP(nn.Sequential):
            input_shape = (3, 16, 16)

            def __init__(self):
                super().__init__(nn.Flatten(), nn.Linear(3 * 16 * 16, 4))
        """
    ))
    code, _, err = run_cli(capsys, "attribute", f"{f}:MLP", "--image", str(picture), "--out", str(tmp_path / "o"),
                           "--methods", "saliency,gradcam")
    assert "no convolutional layer" in _one_error_line(code, err)
    code, _, err = run_cli(capsys, "attribute", f"{f}:MLP", "--image", str(picture), "--out", str(tmp_path / "o"),
                           "--methods", "saliency", "--steps", "2")
    assert code == 0, err


def test_bad_arguments_exit_2_pointing_at_help(capsys, picture) -> None:
    for argv in (["--steps", "0"], ["--set", "steps=3"]):
        with pytest.raises(SystemExit) as exit_:
            main(["attribute", "lenet5_modern", "--image", str(picture), "--out", "o", *argv])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "--help" in err


def test_help_has_examples(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["attribute", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "cnnviz attribute resnet18" in out and "scores.csv" in out


def test_out_must_be_a_folder(capsys, tmp_path, picture) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    code, _, err = run_cli(capsys, "attribute", "lenet5_modern", "--image", str(picture), "--out", str(f))
    assert "is a file" in _one_error_line(code, err)
