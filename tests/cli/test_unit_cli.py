"""`cnnviz unit`: one unit's window, kernel, sum, bias and value, checked against `cnnviz activations` and torch."""

from __future__ import annotations

import json
import textwrap

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cnnviz.cli import main
from cnnviz.core.weights import load_model


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def image(tmp_path):
    import cv2

    path = tmp_path / "digit.png"
    cv2.imwrite(str(path), np.random.default_rng(1).integers(0, 255, (40, 36, 3), dtype=np.uint8))
    return path


def test_lenet_conv_unit_json_matches_the_activations_command(capsys, image, tmp_path) -> None:
    acts = tmp_path / "acts.npz"
    code, _, err = run_cli(capsys, "activations", "lenet5", "--image", str(image), "--layers", "S2,C3",
                           "--out", str(acts))
    assert code == 0, err
    data = np.load(acts)
    c, y, x = 5, 3, 7
    code, out, err = run_cli(capsys, "unit", "lenet5", "--image", str(image), "--layer", "C3", "--channel", str(c),
                             "--y", str(y), "--x", str(x), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    window, kernel = np.array(doc["window"]), np.array(doc["kernel"])
    assert window.shape == kernel.shape == (6, 5, 5)
    np.testing.assert_allclose(window, data["S2"][0, :, y:y + 5, x:x + 5], atol=1e-6)  # what layer C3 reads
    weight = load_model("lenet5", "random", seed=0).model.C3.weight.detach().numpy()
    np.testing.assert_allclose(kernel, weight[c], atol=1e-7)
    assert doc["sum"] == pytest.approx(float((window * kernel).sum()), abs=1e-6)
    assert doc["value"] == pytest.approx(doc["sum"] + doc["bias"])
    assert abs(doc["value"] - float(data["C3"][0, c, y, x])) < 1e-5
    assert doc["follow"][0]["kind"] == "tanh" and doc["final"] == pytest.approx(np.tanh(doc["value"]))


def test_custom_model_with_stride_padding_dilation_groups_and_text(capsys, image, tmp_path) -> None:
    model_file = tmp_path / "net.py"
    model_file.write_text(textwrap.dedent("""
        from torch import nn

        class Net(nn.Sequential):
            input_shape = (3, 16, 16)

            def __init__(self):
                super().__init__(nn.Conv2d(3, 6, 3, stride=2, padding=2, dilation=2, groups=3), nn.ReLU())
    """))
    spec = f"{model_file}:Net"
    code, out, err = run_cli(capsys, "unit", spec, "--image", str(image), "--layer", "0", "--channel", "5",
                             "--y", "0", "--x", "7", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    window = np.array(doc["window"])
    assert window.shape == (1, 3, 3) and doc["in_channels"] == [2]  # groups = 3: filter 5 sees input channel 2 only
    assert doc["padding"][0] == [True, True, True]  # row −2 is padding, shown as 0
    assert (window[0][0] == 0).all()
    loaded = load_model(spec, "random", seed=0)
    from cnnviz.core.images import load_image, prepare, preprocess_for

    x = prepare(load_image(str(image)), preprocess_for(loaded.spec, loaded.weights_enum)).tensor
    with torch.no_grad():
        ref = F.conv2d(x, loaded.model[0].weight, loaded.model[0].bias, stride=2, padding=2, dilation=2, groups=3)
    assert abs(doc["value"] - float(ref[0, 5, 0, 7])) < 1e-5
    code, out, err = run_cli(capsys, "unit", spec, "--image", str(image), "--layer", "1", "--channel", "5",
                             "--y", "0", "--x", "7")
    assert code == 0, err
    assert "(1 is computed from 0: its steps follow)" in out and "* = padding" in out
    assert f"value = {doc['value']:.6g}" in out and "then ReLU 1: max(0," in out


def test_bad_units_are_one_line_errors(capsys, image) -> None:
    code, _, err = run_cli(capsys, "unit", "lenet5", "--image", str(image), "--layer", "C1", "--channel", "6")
    assert code == 2 and "channel 0…5" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(capsys, "unit", "lenet5", "--image", str(image), "--layer", "conv9")
    assert code != 0 and "Unknown layer 'conv9'" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exc:
        main(["unit", "lenet5", "--image", str(image), "--layer", "C1", "--y", "-3"])
    assert exc.value.code == 2 and "must be 0 or more" in capsys.readouterr().err
