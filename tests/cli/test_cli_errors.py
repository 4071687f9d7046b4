"""Issue #12 on the command line: every mistake a user can make ends in one line, never a traceback.

Each test drives ``cnnviz.cli.main`` in-process and checks the exit code, that
stderr is exactly one ``error:`` line where it fails, and what happened (or
did not happen) to the files involved.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import stat
import subprocess
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch

from cnnviz.cli import main
from cnnviz.core.models import build_model

pytestmark = pytest.mark.timeout(120)

TINY = ["--train-limit", "64", "--val-limit", "16", "--batch-size", "32", "--quiet"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def one_error(code: int, err: str, expected_code: int = 2) -> str:
    assert code == expected_code, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "error:" in lines[0]
    return lines[0]


@pytest.fixture
def image(tmp_path: Path) -> Path:
    import cv2

    path = tmp_path / "digit.png"
    cv2.imwrite(str(path), np.random.default_rng(0).integers(0, 255, (40, 40), dtype=np.uint8))
    return path


@contextlib.contextmanager
def immutable(path: Path):
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False) \
        if os.path.exists("/usr/bin/chattr") else None
    if done is None or done.returncode != 0:
        pytest.skip("cannot make a folder immutable here (needs chattr and root)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def fifo_at(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)
    return path


# --------------------------------------------------------------------------- argument values


@pytest.mark.parametrize(
    ("argv", "pattern"),
    [
        (["summary", "lenet5", "--input", "-1,32,32"], r"--input: expected three whole numbers C,H,W .*'-1,32,32'"),
        (["summary", "lenet5", "--input", "0,32,32"], r"--input: expected three whole numbers"),
        (["summary", "lenet5", "--seed", str(10**30)], r"--seed: a seed is a whole number from 0 to 9223372036854775807"),
        (["summary", "lenet5", "--seed", "-4"], r"--seed: a seed is a whole number from 0 to"),
        (["activations", "lenet5", "--image", "x.png", "--out", "x.npz", "--top", "0"],
         r"--top: expected a whole number from 1 to 1,000, got '0'"),
        (["activations", "lenet5", "--image", "x.png", "--out", "x.npz", "--top", "-5"],
         r"--top: expected a whole number from 1 to 1,000, got '-5'"),
        (["train", "--run", "sgd", "--epochs", "0"], r"--epochs: expected a whole number from 1 to"),
        (["train", "--run", "sgd", "--image-size", "20000"], r"--image-size: expected a whole number from 4 to 512"),
        (["summary", "lenet5", "--model-arg", "=3"], r"--model-arg: expected key=value with a name as key"),
        (["train", "--run", "sgd", "--seed=--"], r"--seed: expected one argument, got '--'"),  # found by the fuzz
    ],
)
def test_bad_values_are_refused_with_the_allowed_range(argv, pattern) -> None:
    code, _, err = run(*argv)
    import re

    assert re.search(pattern, one_error(code, err)), err


def test_a_huge_echo_is_shortened() -> None:
    code, _, err = run("summary", "m" * 100_000)
    line = one_error(code, err)
    assert len(line) < 700 and "more characters" in line
    code, _, err = run("summary", "lenet5", "--seed", "9" * 100_000)
    assert len(one_error(code, err)) < 700


@pytest.mark.parametrize("layers", ["", ",", " , "])
def test_empty_layers_is_an_error_and_saves_nothing(tmp_path: Path, image: Path, layers: str) -> None:
    out = tmp_path / "acts.npz"
    code, _, err = run("activations", "lenet5", "--image", str(image), "--layers", layers, "--out", str(out))
    assert "--layers is empty" in one_error(code, err) and not out.exists()


@pytest.mark.parametrize(
    ("arg", "pattern"),
    [
        ("num_classes={'a': 1}", r"num_classes must be a whole number, got dict"),
        ("num_classes=ten", r"num_classes must be a whole number, got str 'ten'"),
        ("num_classes=-3", r"lenet5 cannot be built with num_classes=-3: .* It takes: num_classes: int = 10"),
        ("num_classes=100000000000", r"would have [\d,]+ parameters \(\d+\.\d TiB\)"),
        ("nope=1", r"lenet5 has no argument 'nope'\. It takes: num_classes"),
    ],
)
def test_model_args_name_the_argument(arg: str, pattern: str) -> None:
    import re

    code, _, err = run("summary", "lenet5", "--model-arg", arg)
    assert re.search(pattern, one_error(code, err)), err


@pytest.mark.parametrize(
    ("arg", "pattern"),
    [
        ("dropout={}", r"vgg_small's argument dropout must be a number, got dict \{\}"),
        ("dropout=2.0", r"vgg_small cannot be built with dropout=2\.0: dropout probability has to be between 0 and 1"),
        ("batch_norm=maybe", r"batch_norm must be true or false, got str 'maybe'"),
        ("nope=1", r"vgg_small has no argument 'nope'"),
        ("num_classes=0", r"num_classes comes from the dataset"),  # fewer classes than labels: IndexError
        ("in_channels=7", r"in_channels comes from the dataset"),
    ],
)
def test_train_model_args_are_checked_before_any_data(arg: str, pattern: str, tmp_path: Path) -> None:
    import re

    code, _, err = run("train", "--model", "vgg_small", "--run", "sgd", "--model-arg", arg, *TINY,
                       "--out", str(tmp_path / "out"))
    assert re.search(pattern, one_error(code, err)), err
    assert not (tmp_path / "out").exists()
    code, _, err = run("train", "--model", "vgg_small", "--run", f"sgd:model.{arg}", *TINY,
                       "--out", str(tmp_path / "out"))
    assert re.search(pattern, one_error(code, err)), err


def test_a_model_file_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    name = str(tmp_path / ("a" * 5000)) + ".py:Net"
    for argv in (("summary", name), ("train", "--model", name, "--run", "sgd")):
        code, _, err = run(*argv)
        assert "longer than the file system allows" in one_error(code, err)


# --------------------------------------------------------------------------- learning rates


@pytest.mark.parametrize("lr", ["1e50", "1e308", "1e7"])
def test_absurd_learning_rates_are_refused_at_parse_time(tmp_path: Path, lr: str) -> None:
    code, _, err = run("train", "--run", f"sgd:lr={lr}", *TINY, "--out", str(tmp_path / "out"))
    assert "lr = " in one_error(code, err) and "outside (0, 1e+06]" in err
    assert not (tmp_path / "out").exists()


def test_the_largest_allowed_rate_diverges_instead_of_crashing(tmp_path: Path) -> None:
    code, out, err = run("train", "--run", "sgd:lr=1e6", "--run", "adam:lr=1e6", "--epochs", "2",
                         *TINY, "--out", str(tmp_path))
    assert code == 0 and "Traceback" not in err
    runs = json.loads((tmp_path / "runs.json").read_text())["runs"]
    assert [r["status"] for r in runs] == ["diverged", "diverged"]


# --------------------------------------------------------------------------- progress lines


def test_no_progress_line_per_epoch_after_every_run_diverged(tmp_path: Path) -> None:
    code, _, err = run("train", "--run", "sgd:lr=1e6", "--epochs", "2000000", "--train-limit", "64",
                       "--val-limit", "16", "--batch-size", "32", "--out", str(tmp_path))
    assert code == 0
    epoch_lines = [line for line in err.splitlines() if line.startswith("epoch ")]
    assert 1 <= len(epoch_lines) <= 2, err[:2000]  # the epoch that ran, not 2 million


def test_no_progress_line_per_epoch_after_ctrl_c(tmp_path: Path, monkeypatch) -> None:
    from cnnviz.core.training.engine import Trainer

    calls = {"n": 0}
    real = Trainer.train_step

    def step(self, run_, x, y):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real(self, run_, x, y)

    monkeypatch.setattr(Trainer, "train_step", step)
    code, _, err = run("train", "--run", "sgd", "--epochs", "2000000", "--train-limit", "64",
                       "--val-limit", "16", "--batch-size", "32", "--out", str(tmp_path))
    assert code == 130
    epoch_lines = [line for line in err.splitlines() if line.startswith("epoch ")]
    assert 1 <= len(epoch_lines) <= 4, err[:2000]  # two full epochs and the interrupted one


# --------------------------------------------------------------------------- output paths


def test_train_out_naming_a_file_is_refused_before_work(tmp_path: Path) -> None:
    target = tmp_path / "results.txt"
    target.write_text("keep me")
    code, _, err = run("train", "--run", "sgd", *TINY, "--out", str(target))
    assert "results.txt" in one_error(code, err) and "a file" in err
    assert target.read_text() == "keep me"


def test_train_into_an_immutable_folder_is_refused_before_work(tmp_path: Path, monkeypatch) -> None:
    from cnnviz.core.training import engine

    folder = tmp_path / "locked"
    folder.mkdir()
    monkeypatch.setattr(engine.Trainer, "prepare", lambda *a, **k: pytest.fail("work started"))
    with immutable(folder):
        for out in (folder, folder / "sub"):
            code, _, err = run("train", "--run", "sgd", *TINY, "--out", str(out))
            assert "locked" in one_error(code, err)
        code, _, err = run("activations", "lenet5", "--image", "nothing.png", "--out", str(folder / "a.npz"))
        assert "a.npz" in one_error(code, err) and "not permitted" in err  # before the image is read


def test_train_never_overwrites_earlier_results(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("train", "--run", "sgd", "--epochs", "1", *TINY)  # the default folder
    assert code == 0, err
    first = (tmp_path / "cnnviz-train" / "metrics.csv").read_bytes()
    code, _, err = run("train", "--run", "adam", "--epochs", "1", *TINY)
    assert code == 0 and "holds earlier results; writing to 'cnnviz-train-2' instead" in err
    assert (tmp_path / "cnnviz-train" / "metrics.csv").read_bytes() == first
    assert b"adam" in (tmp_path / "cnnviz-train-2" / "metrics.csv").read_bytes()
    code, _, err = run("train", "--run", "sgd", "--epochs", "1", *TINY)
    assert code == 0 and (tmp_path / "cnnviz-train-3" / "runs.json").exists()


def test_activations_out_checks(tmp_path: Path, image: Path) -> None:
    # a folder
    code, _, err = run("activations", "lenet5", "--image", str(image), "--out", str(tmp_path))
    assert "a folder" in one_error(code, err)
    # a FIFO: refused at once (opening it to write would wait for a reader)
    pipe = fifo_at(tmp_path / "pipe.npz")
    code, _, err = run("activations", "lenet5", "--image", str(image), "--out", str(pipe))
    assert "named pipe" in one_error(code, err) and stat.S_ISFIFO(os.lstat(pipe).st_mode)
    # a link to /dev/full: the device stays a device
    if os.path.exists("/dev/full"):
        full = tmp_path / "full.npz"
        full.symlink_to("/dev/full")
        code, _, err = run("activations", "lenet5", "--image", str(image), "--out", str(full))
        assert "a device" in one_error(code, err)
        assert full.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)
    # a read-only file: not replaced
    ro = tmp_path / "kept.npz"
    ro.write_bytes(b"earlier")
    ro.chmod(0o444)
    code, _, err = run("activations", "lenet5", "--image", str(image), "--out", str(ro))
    assert "read-only" in one_error(code, err) and ro.read_bytes() == b"earlier"
    # a symlink to a regular file: written through, the link stays
    real = tmp_path / "real.npz"
    real.write_bytes(b"old")
    link = tmp_path / "link.npz"
    link.symlink_to(real)
    code, _, err = run("activations", "lenet5", "--image", str(image), "--out", str(link), "--layers", "C1")
    assert code == 0, err
    assert link.is_symlink() and set(np.load(real).files) == {"input", "C1"}


def test_screenshot_into_a_special_file_is_refused_before_the_window(tmp_path: Path) -> None:
    pipe = fifo_at(tmp_path / "shot.png")
    code, _, err = run("--screenshot", str(pipe))
    assert "named pipe" in one_error(code, err)


def test_inputs_that_are_special_files_are_refused_at_once(tmp_path: Path) -> None:
    pipe = fifo_at(tmp_path / "pipe.png")
    zero = tmp_path / "zero.pt"
    zero.symlink_to("/dev/zero")
    code, _, err = run("activations", "lenet5", "--image", str(pipe), "--out", str(tmp_path / "a.npz"))
    assert "named pipe" in one_error(code, err)
    code, _, err = run("summary", "lenet5", "--weights", str(zero))
    assert "a device" in one_error(code, err)
    code, _, err = run("train", "--dataset", "folder", "--data-path", str(zero), "--run", "sgd", *TINY,
                       "--out", str(tmp_path / "out"))
    assert "not a folder" in one_error(code, err)


# --------------------------------------------------------------------------- summary memory


def test_summary_refuses_a_channel_mismatch_on_a_huge_input_without_allocating() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, out, err = run("summary", "lenet5", "--input", "3,27000,27000")
    assert "expects 1 input channel, got 3" in one_error(code, err) and out == ""
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 500_000  # KiB; it was 8.6 GB


def write_model(tmp_path: Path, body: str) -> str:
    path = tmp_path / "my_net.py"
    path.write_text(textwrap.dedent(body))
    return f"{path}:Net"


def test_summary_estimates_memory_for_a_model_meta_cannot_run(tmp_path: Path) -> None:
    spec = write_model(tmp_path, """
        import torch
        from torch import nn

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(3, 4, 3)

            def forward(self, x):
                if float(x.mean()) > 1e9:  # reads a value: cannot run on the meta device
                    return x
                return self.conv(x)
    """)
    code, out, err = run("summary", spec, "--input", "3,100000,100000")
    line = one_error(code, err)
    assert "3×100000×100000 input" in line and "needs about 111.8 GiB" in line  # 3·10^10·4 bytes
    assert out == ""
    code, out, err = run("summary", spec, "--input", "3,16,16", "--format", "json")
    assert code == 0 and json.loads(out)["input_shape"] == [3, 16, 16]


def test_a_model_that_prints_does_not_corrupt_json(tmp_path: Path) -> None:
    spec = write_model(tmp_path, """
        from torch import nn

        print("importing my net")

        class Net(nn.Module):
            input_shape = (3, 8, 8)

            def __init__(self):
                super().__init__()
                print("building")
                self.conv = nn.Conv2d(3, 2, 3)

            def forward(self, x):
                print("forward", tuple(x.shape))
                return self.conv(x)
    """)
    code, out, err = run("summary", spec, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)  # stdout is the document and nothing else
    assert doc["layers"][-1]["output_shape"] == [2, 6, 6]
    assert "building" in err and "forward" in err


# --------------------------------------------------------------------------- NaN / inf


def test_nan_weights_warn_instead_of_printing_nan_percent(tmp_path: Path, image: Path) -> None:
    sd = build_model("lenet5").state_dict()
    sd["F6.weight"] = torch.full_like(sd["F6.weight"], float("nan"))  # the first linear layer
    weights = tmp_path / "nan.pt"
    torch.save(sd, weights)
    code, out, err = run("activations", "lenet5", "--image", str(image), "--weights", str(weights),
                         "--layers", "C1", "--out", str(tmp_path / "a.npz"))
    assert code == 0, err
    assert f"{sd['F6.weight'].numel():,} NaN or infinite values" in err
    assert "model's output holds NaN or infinite values" in err
    assert "nan%" not in out and "Top-" not in out


def test_final_numbers_of_a_nan_run_are_not_printed_as_percentages() -> None:
    from cnnviz.commands.train import _numbers

    assert _numbers({"final_val_accuracy": 0.5, "final_val_loss": 0.25}) == "val loss 0.2500, accuracy 50.0%"
    text = _numbers({"final_val_accuracy": float("nan"), "final_val_loss": float("nan")})
    assert "nan%" not in text and "NaN or infinite" in text


def test_train_on_a_folder_reports_skipped_images(tmp_path: Path) -> None:
    import cv2

    data = tmp_path / "data"
    for cls, value in (("cat", 30), ("dog", 220)):
        (data / cls).mkdir(parents=True)
        for i in range(4):
            cv2.imwrite(str(data / cls / f"{i}.png"), np.full((12, 12), value, np.uint8))
    (data / "dog" / "broken.jpg").write_bytes(b"\xff\xd8 nothing")
    if hasattr(os, "mkfifo"):
        os.mkfifo(data / "cat" / "pipe.png")
    else:
        (data / "cat" / "pipe.png").write_bytes(b"")
    code, out, err = run("train", "--dataset", "folder", "--data-path", str(data), "--image-size", "16",
                         "--run", "sgd", "--epochs", "1", "--quiet", "--out", str(tmp_path / "out"))
    assert code == 0, err
    (line,) = err.splitlines()  # --quiet: the note is all
    assert line.startswith("cnnviz: note: 2 of 10 images were skipped: 2 unreadable or damaged (")
    assert "pipe.png" in line and "broken.jpg" in line
    runs = json.loads((tmp_path / "out" / "runs.json").read_text())
    assert runs["dataset"]["train_size"] + runs["dataset"]["val_size"] == 8


def test_a_failing_command_prints_its_error_and_no_earlier_warning(tmp_path: Path) -> None:
    # found by the fuzz: the NaN-weights warning came first, then the error (two lines)
    sd = build_model("lenet5").state_dict()
    sd["F6.weight"] = torch.full_like(sd["F6.weight"], float("nan"))
    weights = tmp_path / "nan.pt"
    torch.save(sd, weights)
    code, _, err = run("summary", "lenet5", "--input", "1,28,28", "--weights", str(weights))
    assert "Kernel size can't be greater than actual input size" in one_error(code, err)
    code, _, err = run("summary", "lenet5", "--weights", str(weights))
    assert code == 0 and "10,080 NaN or infinite values" in err  # said when the command succeeds
