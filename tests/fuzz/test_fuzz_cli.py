"""Fuzz the command line's argument space with hypothesis (issue #12).

Random model names and ``--model-arg`` values, input shapes, seeds, run specs
with absurd learning rates, layer lists, ``--top`` values and output / input
paths that are folders, FIFOs, links to devices, read-only files or missing.
Every command line runs in-process through :func:`cnnviz.cli.main` with
stdout and stderr captured, and must end in

* exit code 0, with no traceback anywhere; or
* exit code 2 (argparse and every :class:`~cnnviz.core.errors.CnnvizError`),
  with exactly one line on stderr saying ``error:`` and no traceback.

Anything else — another exception escaping ``main``, a second stderr line, a
hang — fails the test and hypothesis shrinks it to the smallest command line.

* Normal test run: a few hundred command lines (well under 30 s).
* Long run: ``CNNVIZ_FUZZ_EXAMPLES=2000`` sets the examples *per test*;
  ``make fuzz`` prints how many command lines each test tried and the total.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import faulthandler
import io
import os
import string
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnviz.cli import main
from cnnviz.core.models import build_model

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")

LONG_EXAMPLES = int(os.environ.get("CNNVIZ_FUZZ_EXAMPLES", "0") or 0)
DEADLINE = datetime.timedelta(seconds=20)
HANG_S = 120

TRIED: collections.Counter[str] = collections.Counter()
CODES: collections.Counter[int] = collections.Counter()


def fuzz_settings(short: int) -> settings:
    """``short`` examples in the normal suite, CNNVIZ_FUZZ_EXAMPLES in a long run."""
    return settings(
        max_examples=LONG_EXAMPLES or short,
        deadline=DEADLINE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
        derandomize=not LONG_EXAMPLES,
        print_blob=True,
    )


@pytest.fixture(scope="module", autouse=True)
def report_command_lines_tried(request: pytest.FixtureRequest):
    """Print how many command lines each test tried, and their exit codes."""
    yield
    if not TRIED:
        return
    lines = [f"fuzz-cli: {name}: {n} command lines" for name, n in sorted(TRIED.items())]
    codes = ", ".join(f"exit {c}: {n}" for c, n in sorted(CODES.items()))
    lines.append(f"fuzz-cli: total {sum(TRIED.values())} command lines tried ({codes})")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print("\n" + "\n".join(lines), flush=True)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A folder of good and hostile paths the command lines point at."""
    import cv2

    root = tmp_path_factory.mktemp("cli-fuzz")
    rng = np.random.default_rng(0)
    paths: dict[str, str] = {}
    img = root / "digit.png"
    cv2.imwrite(str(img), rng.integers(0, 255, (36, 36), dtype=np.uint8))
    paths["image"] = str(img)
    (root / "text.png").write_text("not an image")
    paths["text"] = str(root / "text.png")
    paths["missing"] = str(root / "missing.png")
    paths["folder"] = str(root)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe")
        paths["fifo"] = str(root / "pipe")
    if os.path.exists("/dev/zero"):
        (root / "zero").symlink_to("/dev/zero")
        paths["zero"] = str(root / "zero")
    if os.path.exists("/dev/full"):
        (root / "full.npz").symlink_to("/dev/full")
        paths["full"] = str(root / "full.npz")
    ro = root / "read-only.npz"
    ro.write_bytes(b"keep")
    ro.chmod(0o444)
    paths["read_only"] = str(ro)
    (root / "a-file").write_text("x")
    paths["under_file"] = str(root / "a-file" / "out")
    paths["long"] = str(root / ("n" * 300))
    sd = build_model("lenet5").state_dict()
    torch.save(sd, root / "lenet5.pt")
    paths["weights"] = str(root / "lenet5.pt")
    sd["F6.weight"] = torch.full_like(sd["F6.weight"], float("nan"))
    torch.save(sd, root / "nan.pt")
    paths["nan_weights"] = str(root / "nan.pt")
    (root / "garbage.pt").write_bytes(b"PK\x03\x04garbage")
    paths["garbage"] = str(root / "garbage.pt")
    for cls in ("a", "b"):
        (root / "data" / cls).mkdir(parents=True)
        for i in range(3):
            cv2.imwrite(str(root / "data" / cls / f"{i}.png"), np.full((9, 9), 40 + 100 * (cls == "b"), np.uint8))
    paths["data"] = str(root / "data")
    paths["out_dir"] = str(root / "outs")
    return paths


def path_from(ws: dict[str, str], key: str) -> str:
    return ws.get(key, ws["missing"])


def check(name: str, argv: list[str]) -> tuple[int, str, str]:
    """Run one command line; assert the contract of the module docstring."""
    TRIED[name] += 1
    out, err = io.StringIO(), io.StringIO()
    faulthandler.dump_traceback_later(HANG_S, exit=True)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        faulthandler.cancel_dump_traceback_later()
    # A Python warning raised in cnnviz's own code would print two more lines on a user's stderr.
    ours = [w for w in caught if f"{os.sep}cnnviz{os.sep}" in w.filename and f"{os.sep}tests{os.sep}" not in w.filename]
    assert not ours, (argv, [f"{w.filename}:{w.lineno}: {w.message}" for w in ours])
    stdout, stderr = out.getvalue(), err.getvalue()
    CODES[code] += 1
    assert "Traceback" not in stderr and "Traceback" not in stdout, (argv, stderr)
    assert code in (0, 2), (argv, code, stderr)
    if code == 2:
        lines = stderr.splitlines()
        assert len(lines) == 1 and "error:" in lines[0], (argv, stderr)
    return code, stdout, stderr


# ---------------------------------------------------------------- value strategies

WEIRD_TEXT = st.text(alphabet=string.printable + "é中∞", max_size=30)
INTS = st.one_of(
    st.integers(-5, 40),
    st.sampled_from([0, -1, 2**31, 2**63, 2**64, 10**12, 10**30, -(10**30)]),
)
NUMBER_TEXT = st.one_of(
    INTS.map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["1e50", "1e308", "1e-320", "nan", "inf", "-inf", "-0", "0x10", "1_000", "", " ", "--"]),
    WEIRD_TEXT,
)
MODEL_ARG_VALUE = st.one_of(
    INTS.map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["{}", "{'a': 1}", "[1, 2]", "(3,)", "None", "True", "ten", "''", "1e400", "10**9"]),
    WEIRD_TEXT,
)
MODEL_ARG_KEY = st.one_of(
    st.sampled_from(["num_classes", "in_channels", "modern", "batch_norm", "dropout", "width"]),
    st.text(alphabet=string.ascii_letters + "_=", min_size=0, max_size=8),
)
MODEL_ARGS = st.lists(
    st.tuples(MODEL_ARG_KEY, MODEL_ARG_VALUE).map(lambda kv: ["--model-arg", f"{kv[0]}={kv[1]}"]),
    max_size=2,
).map(lambda pairs: [a for pair in pairs for a in pair])
SHAPE_TEXT = st.one_of(
    st.tuples(INTS, INTS, INTS).map(lambda t: ",".join(map(str, t))),
    st.sampled_from(["1,32,32", "3,32,32", "1,2,2", "3,27000,27000", "3,100000,100000", "1,32", "1,32,32,32",
                     "3x32x32", "a,b,c", "", "-1,32,32"]),
    WEIRD_TEXT,
)
SMALL_MODELS = st.sampled_from(["lenet5", "lenet5_modern", "vgg_small", "resnet18_classifier"])
MODEL_NAME = st.one_of(
    SMALL_MODELS, SMALL_MODELS, SMALL_MODELS,
    st.sampled_from(["", ":", "nope", "lenet", "x.py:Net", "/nonexistent/x.py:Net", "os:system", "m" * 5000]),
    WEIRD_TEXT,
)
DEVICE = st.sampled_from(["cpu", "auto", "cuda:7", "mps", "tpu", ""])
GOOD_SEED = st.integers(0, 2**63 - 1).map(str)
GOOD_SHAPE = st.sampled_from(["1,32,32", "1,28,28", "3,32,32", "1,64,48", "3,8,8"])
GOOD_MODEL_ARGS = st.sampled_from([[], ["--model-arg", "num_classes=3"], ["--model-arg", "num_classes=7"]])


class Line:
    """Builds one command line: every option good except at most one hostile one.

    A command line with several bad options only ever tests the first check;
    one hostile option in an otherwise valid line reaches the check for *it*.
    """

    def __init__(self, data: st.DataObject, options: list[str]) -> None:
        self.data = data
        self.hostile = data.draw(st.sampled_from([None, *options]), "hostile option")

    def pick(self, option: str, good: st.SearchStrategy, bad: st.SearchStrategy) -> object:
        return self.data.draw(bad if option == self.hostile else good, option)

    def opt(self, flag: str, good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> list[str]:
        """``[]`` or ``[flag=value]``; ``flag=value`` keeps a value such as '-1' a value."""
        if flag == self.hostile:
            return [f"{flag}={self.data.draw(bad, flag)}"]
        given = self.data.draw(st.booleans(), f"{flag} given")
        return [f"{flag}={self.data.draw(good, flag)}"] if given else []


# ---------------------------------------------------------------- tests


@fuzz_settings(short=80)
@given(data=st.data())
def test_summary_command_lines(ws, data) -> None:
    line = Line(data, ["model", "--input", "model args", "--seed", "--format", "--weights", "--device"])
    argv = ["summary", str(line.pick("model", SMALL_MODELS, MODEL_NAME))]
    argv += line.opt("--input", GOOD_SHAPE, SHAPE_TEXT)
    argv += line.pick("model args", GOOD_MODEL_ARGS, MODEL_ARGS)  # type: ignore[operator]
    argv += line.opt("--seed", GOOD_SEED, NUMBER_TEXT)
    argv += line.opt("--format", st.sampled_from(["table", "json", "csv", "markdown"]), st.just("xml"))
    bad_weights = st.sampled_from(["pretrained", "nan_weights", "garbage", "zero", "fifo", "missing", "long", "folder"])
    argv += line.opt("--weights", st.sampled_from(["random", path_from(ws, "weights")]),
                     bad_weights.map(lambda k: k if k == "pretrained" else path_from(ws, k)))
    argv += line.opt("--device", st.just("cpu"), DEVICE)
    code, out, _ = check("summary", argv)
    if code == 0 and "--format=json" in argv:
        import json

        json.loads(out)  # stdout is exactly the document


OUT_KEYS = st.sampled_from(["folder", "fifo", "full", "read_only", "under_file", "long", "empty"])


def out_path(ws: dict[str, str], key: str, n: int) -> str:
    if key == "new":
        return str(Path(ws["out_dir"]) / f"acts{n}.npz")
    if key == "nested":
        return str(Path(ws["out_dir"]) / f"deep{n}" / "er" / "acts.npz")
    if key == "empty":
        return ""
    return path_from(ws, key)


@fuzz_settings(short=80)
@given(data=st.data())
def test_activations_command_lines(ws, data) -> None:
    line = Line(data, ["model", "--image", "--out", "--layers", "--top", "model args", "--weights"])
    model = str(line.pick("model", st.just("lenet5"), MODEL_NAME))
    image = path_from(ws, str(line.pick("--image", st.just("image"), st.sampled_from(
        ["text", "fifo", "zero", "missing", "folder", "long"]))))
    n = data.draw(st.integers(0, 10**6), "n")
    out = out_path(ws, str(line.pick("--out", st.sampled_from(["new", "nested"]), OUT_KEYS)), n)
    argv = ["activations", model, "--image", image, f"--out={out}"]
    argv += line.opt("--layers", st.sampled_from(["all", "leaves", "C1", "C1,C3", "C1#2"]), st.one_of(
        st.sampled_from(["", ",", " , ", "nope", "C1,,F6"]), WEIRD_TEXT))
    argv += line.opt("--top", st.integers(1, 20).map(str), NUMBER_TEXT)
    argv += line.pick("model args", GOOD_MODEL_ARGS, MODEL_ARGS)  # type: ignore[operator]
    argv += line.opt("--weights", st.sampled_from(["random", path_from(ws, "weights")]),
                     st.sampled_from(["nan_weights", "garbage", "fifo", "zero"]).map(lambda k: path_from(ws, k)))
    check("activations", argv)
    if "full" in ws:
        assert os.path.islink(ws["full"])  # the link to the device was not replaced


RUN_SPEC = st.one_of(
    st.tuples(
        st.sampled_from(["sgd", "adam", "momentum", "adamw", "rmsprop", "adagrad", "adadelta", "nesterov", "lion", ""]),
        st.lists(st.tuples(st.sampled_from(["lr", "momentum", "beta1", "eps", "weight_decay", "bs", "schedule",
                                            "model.batch_norm", "model.num_classes", "name", "nope"]),
                           NUMBER_TEXT.filter(lambda v: "," not in v and "=" not in v)),
                 max_size=2),
    ).map(lambda t: t[0] + (":" + ",".join(f"{k}={v}" for k, v in t[1]) if t[1] else "")),
    WEIRD_TEXT,
)
GOOD_RUN = st.sampled_from(["sgd", "adam:lr=1e-3", "momentum:lr=0.05,momentum=0.9", "sgd:lr=10,bs=5",
                            "adamw:lr=1e6", "sgd:schedule=cosine"])


@fuzz_settings(short=30)
@given(data=st.data())
def test_train_command_lines(ws, data) -> None:
    line = Line(data, ["--epochs", "--run", "--model", "model args", "--seed", "--dataset", "--image-size", "--out",
                       "--device"])
    argv = ["train", "--train-limit", "24", "--val-limit", "8", "--batch-size", "12"]
    epochs = str(line.pick("--epochs", st.sampled_from(["1", "2", "2000000"]), st.sampled_from(["0", "-1", "1e3", ""])))
    argv.append(f"--epochs={epochs}")
    if epochs == "2000000":
        # Progress drawn, one run that diverges at once (LeNet's tanh on shapes): the
        # remaining epochs must not each get a line. (Another model may not diverge.)
        argv += ["--run", "sgd:lr=1e6", "--model", "lenet5", "--dataset", "shapes",
                 f"--out={Path(ws['out_dir']) / 'long'}"]
        code, _, err = check("train", argv)
        assert code == 0 and sum(line.startswith("epoch ") for line in err.splitlines()) <= 2, err[:1000]
        return
    argv.append("--quiet")
    for spec in line.pick("--run", st.lists(GOOD_RUN, min_size=1, max_size=2), st.lists(RUN_SPEC, max_size=2)):
        argv.append(f"--run={spec}")
    argv += line.opt("--model", st.sampled_from(["lenet5", "vgg_small"]), MODEL_NAME)
    argv += line.pick("model args", st.just([]), MODEL_ARGS)  # type: ignore[operator]
    argv += line.opt("--seed", GOOD_SEED, NUMBER_TEXT)
    dataset = str(line.pick("--dataset", st.sampled_from(["shapes", "folder"]), st.sampled_from(["mnist-no", ""])))
    argv += [f"--dataset={dataset}"]
    if dataset == "folder":
        data_key = str(line.pick("--dataset", st.just("data"), st.sampled_from(["zero", "fifo", "image", "missing"])))
        argv += ["--data-path", path_from(ws, data_key)]
        argv += line.opt("--image-size", st.integers(4, 40).map(str), NUMBER_TEXT)
    n = data.draw(st.integers(0, 10**6), "n")
    key = str(line.pick("--out", st.sampled_from(["fresh", "same"]),
                        st.sampled_from(["image", "fifo", "full", "under_file", "long"])))
    out = {"fresh": str(Path(ws["out_dir"]) / f"train{n}"), "same": str(Path(ws["out_dir"]) / "train-same")}.get(
        key) or path_from(ws, key)
    argv.append(f"--out={out}")
    argv += line.opt("--device", st.just("cpu"), DEVICE)
    check("train", argv)


@fuzz_settings(short=50)
@given(data=st.data())
def test_playground_and_models_command_lines(ws, data) -> None:
    if data.draw(st.integers(0, 5), "models") == 0:
        argv = ["models"]
        argv += data.draw(st.one_of(st.just([]), st.one_of(st.sampled_from(["resnet", "lenet"]), WEIRD_TEXT)
                                    .map(lambda f: [f"--family={f}"])))
        argv += data.draw(st.sampled_from([[], ["--format", "json"], ["--format", "yaml"]]))
        check("models", argv)
        return
    line = Line(data, ["--surface", "--steps", "--start", "--optimizer", "--param", "--explain-lr"])
    argv = ["playground"]
    argv += line.opt("--surface", st.sampled_from(["quadratic", "rosenbrock", "saddle"]), WEIRD_TEXT)
    argv += line.opt("--steps", st.integers(0, 300).map(str), NUMBER_TEXT)
    argv += line.opt("--start", st.sampled_from(["-1.5,2", "0.5,0.5", "3,-3"]),
                     st.one_of(st.tuples(NUMBER_TEXT, NUMBER_TEXT).map(",".join), WEIRD_TEXT))
    good_opt = st.sampled_from(["sgd", "adam:lr=0.05", "momentum:lr=0.01,momentum=0.9"])
    for spec in line.pick("--optimizer", st.lists(good_opt, max_size=2), st.lists(RUN_SPEC, min_size=1, max_size=2)):
        argv.append(f"--optimizer={spec}")
    if line.hostile == "--param":
        argv.append(f"--param={data.draw(MODEL_ARG_KEY)}={data.draw(MODEL_ARG_VALUE)}")
    argv += line.opt("--explain-lr", st.sampled_from(["0.1", "0.21", "1"]), NUMBER_TEXT)
    argv += data.draw(st.sampled_from([[], ["--format", "json"], ["--format", "csv"]]), "format")
    check("playground", argv)
