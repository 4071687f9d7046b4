"""The command-line contract of `cnnviz models / summary / activations` and its bad inputs."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import textwrap
import time
import zlib

import numpy as np
import pytest
import torch

from cnnviz.cli import main
from cnnviz.core.models import build_model


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def image(tmp_path):
    import cv2

    rng = np.random.default_rng(0)
    path = tmp_path / "picture.png"
    cv2.imwrite(str(path), rng.integers(0, 255, (120, 160, 3), dtype=np.uint8))
    return path


def test_models_json_lists_classics_and_torchvision(capsys) -> None:
    code, out, _ = run_cli(capsys, "models", "--format", "json")
    names = {m["name"] for m in json.loads(out)}
    assert code == 0 and {"lenet5", "zfnet", "nin", "vgg_small", "resnet152", "googlenet"} <= names


def test_summary_json_is_one_document_with_true_numbers(capsys) -> None:
    code, out, err = run_cli(capsys, "summary", "alexnet", "--format", "json")
    assert code == 0
    doc = json.loads(out)  # the whole stdout is one JSON document
    assert doc["model"] == "alexnet" and doc["input_shape"] == [3, 224, 224]
    assert doc["total_params"] == sum(p.numel() for p in build_model("alexnet").parameters())
    conv1 = doc["layers"][1]
    assert conv1["name"] == "features.0" and conv1["output_shape"] == [64, 55, 55]
    assert conv1["formula"] == "⌊(224 − 11 + 2·2) / 4⌋ + 1 = 55"
    assert conv1["rf"] == {"size": [11, 11], "jump": [4, 4], "start": [3, 3], "global": False, "uniform": True}


def test_summary_other_formats_and_input_shape(capsys) -> None:
    code, out, _ = run_cli(capsys, "summary", "resnet18", "--input", "3,64,64", "--format", "csv")
    assert code == 0 and out.splitlines()[1].split(",")[5] == "64x32x32"
    code, out, _ = run_cli(capsys, "summary", "lenet5", "--format", "markdown")
    assert code == 0 and out.startswith("| Layer")


def test_activations_npz_holds_the_input_and_each_layer(capsys, image, tmp_path) -> None:
    out_file = tmp_path / "acts.npz"
    code, out, err = run_cli(
        capsys, "activations", "resnet18", "--image", str(image), "--layers", "conv1,layer1.0.relu", "--out", str(out_file)
    )
    assert code == 0, err
    data = np.load(out_file)
    assert set(data.files) == {"input", "conv1", "layer1.0.relu", "layer1.0.relu#2"}
    x = torch.from_numpy(data["input"])
    assert x.dtype == torch.float32 and x.shape == (1, 3, 224, 224)
    model = build_model("resnet18").eval()
    with torch.no_grad():
        expected = model.conv1(x).numpy()
    np.testing.assert_allclose(data["conv1"], expected, atol=1e-5)
    assert "Top-5" in out and "mean nothing" in out


def _one_error_line(code: int, err: str) -> str:
    assert code != 0
    lines = [ln for ln in err.strip().splitlines() if ln.startswith("cnnviz: error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("kind", "needle"),
    [
        ("missing", "not found"),
        ("directory", "folder"),
        ("empty", "empty"),
        ("text", "image"),
        ("truncated", "truncated"),
        ("huge", "pixels"),
    ],
)
def test_bad_images_give_one_line_and_non_zero_exit(capsys, tmp_path, image, kind: str, needle: str) -> None:
    import cv2

    path = tmp_path / f"bad-{kind}.jpg"
    if kind == "directory":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("this is not a picture\n" * 20)
    elif kind == "truncated":
        ok, buf = cv2.imencode(".jpg", cv2.imread(str(image)))
        path.write_bytes(buf.tobytes()[: len(buf) // 2])
    elif kind == "huge":
        path = tmp_path / "bomb.png"
        path.write_bytes(_png_claiming(50000, 50000))
    code = main(["activations", "lenet5", "--image", str(path), "--out", str(tmp_path / "o.npz")])
    _, err = capsys.readouterr()
    assert needle in _one_error_line(code, err).lower()
    assert not (tmp_path / "o.npz").exists()


def test_a_one_pixel_image_is_accepted_with_a_note(capsys, tmp_path) -> None:
    import cv2

    path = tmp_path / "dot.png"
    cv2.imwrite(str(path), np.full((1, 1, 3), 200, np.uint8))
    code, out, err = run_cli(capsys, "activations", "lenet5", "--image", str(path), "--layers", "C1", "--out", str(tmp_path / "o.npz"))
    assert code == 0 and "small" in err


def test_bad_weights_files(capsys, tmp_path, image) -> None:
    other = tmp_path / "vgg.pth"
    torch.save(build_model("vgg_small").state_dict(), other)
    junk = tmp_path / "junk.pth"
    junk.write_bytes(os.urandom(2048))
    whole = tmp_path / "whole.pt"
    torch.save(build_model("lenet5"), whole)
    for path, needle in ((other, "do not fit"), (junk, "not a"), (whole, "--trust-pickle")):
        code, _, err = run_cli(capsys, "summary", "lenet5", "--weights", str(path))
        assert needle in _one_error_line(code, err)
    code, _, err = run_cli(capsys, "summary", "lenet5", "--weights", str(whole), "--trust-pickle")
    assert code == 0


def test_custom_model_failing_on_the_input_names_layer_and_shapes(capsys, tmp_path) -> None:
    f = tmp_path / "broken.py"
    f.write_text(
        textwrap.dedent(
            """
            from torch import nn

            class Broken(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.features = nn.Conv2d(3, 8, 3)
                    self.head = nn.Linear(100, 10)

                def forward(self, x):
                    return self.head(self.features(x).flatten(1))
            """
        )
    )
    code, _, err = run_cli(capsys, "summary", f"{f}:Broken", "--input", "3,32,32")
    line = _one_error_line(code, err)
    assert "'head'" in line and "Linear" in line and "[1, 7200]" in line


def test_unknown_model_suggests_names(capsys) -> None:
    code, _, err = run_cli(capsys, "summary", "resnet5O")
    assert "resnet50" in _one_error_line(code, err)


@pytest.mark.parametrize("argv", [["summary", "lenet5", "--input", "3,224"], ["summary"], ["--bogus"],
                                  ["activations", "lenet5", "--out", "x.npz"], ["--size", "0x0"],
                                  ["--size", "big"], ["--seed", "-1"]])
def test_argument_mistakes_are_one_line_pointing_at_help(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out, err = capsys.readouterr()
    assert exit_.value.code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "error:" in err and "--help" in err and "usage:" not in err


@pytest.mark.parametrize("argv", [["train", "--bogus"], ["summary", "lenet5", "extra"]])
def test_a_mistyped_option_points_at_its_commands_help(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and len(err.strip().splitlines()) == 1
    assert f"(see 'cnnviz {argv[0]} --help')" in err


def test_a_wrong_option_value_points_at_help_but_a_missing_file_does_not(capsys, tmp_path) -> None:
    code, _, err = run_cli(capsys, "train", "--run", "sgd:lr=abc", "--out", str(tmp_path / "o"))
    assert "lr must be a finite number" in _one_error_line(code, err) and "cnnviz train --help" in err
    code, _, err = run_cli(capsys, "activations", "lenet5", "--image", str(tmp_path / "nope.png"),
                           "--out", str(tmp_path / "a.npz"))
    assert "--help" not in _one_error_line(code, err)


def test_python_dash_m_help_has_examples() -> None:
    for argv in (["--help"], ["summary", "--help"], ["activations", "--help"], ["models", "--help"]):
        out = subprocess.run([sys.executable, "-m", "cnnviz", *argv], capture_output=True, text=True, check=True).stdout
        assert "cnnviz" in out
        if argv != ["--help"]:
            assert "examples:" in out


def test_screenshot_mode_writes_the_window_and_reports_problems_in_its_exit_status(tmp_path) -> None:
    from PySide6.QtGui import QImage

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    base = [sys.executable, "-m", "cnnviz", "--model", "lenet5", "--size", "1280x800", "--lang", "en"]
    good = tmp_path / "good.png"
    done = subprocess.run([*base, "--screenshot", str(good), "--layer", "C3"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    image = QImage(str(good))
    assert (image.width(), image.height()) == (1280, 800)
    wrong = tmp_path / "wrong.png"
    done = subprocess.run([*base, "--screenshot", str(wrong), "--layer", "C3x"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1 and wrong.is_file(), "the picture is still taken"
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("cnnviz:")]
    assert len(lines) == 1 and "no layer called C3x" in lines[0]


@pytest.mark.slow
def test_a_model_that_never_returns_cannot_hang_the_screenshot_or_the_exit(tmp_path) -> None:
    src = tmp_path / "hang.py"
    src.write_text(
        "import time\n"
        "from torch import nn\n"
        "class Hang(nn.Module):\n"
        "    input_shape = (1, 8, 8)\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv = nn.Conv2d(1, 2, 3)\n"
        "    def forward(self, x):\n"
        "        if not x.is_meta:\n"
        "            time.sleep(10_000)\n"
        "        return self.conv(x)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = tmp_path / "hang.png"
    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "cnnviz", "--screenshot", str(out), "--model", f"{src}:Hang",
         "--screenshot-timeout", "4", "--tab", "inspect"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert time.monotonic() - t0 < 100  # the process ended although a worker is stuck in forward()
    assert done.returncode == 1 and out.is_file(), done.stderr
    assert "still busy" in done.stderr and "Traceback" not in done.stderr
