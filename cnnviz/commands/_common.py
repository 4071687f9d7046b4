"""Helpers shared by the sub-commands (argument types, output formats)."""

from __future__ import annotations

import argparse
import ast
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

from cnnviz.core.errors import ConfigError, shorten

#: Seeds are whole numbers in this range (torch and numpy accept them all).
SEED_MAX = 2**63 - 1
#: The largest side of a ``--input`` shape: beyond it no tensor index fits.
MAX_SIDE = 2**20


def echo(text: str) -> str:
    """What the user typed, quoted and shortened for a message."""
    return repr(shorten(text, 80))


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {echo(text)}") from None


def parse_seed(text: str) -> int:
    """A seed for torch: a whole number from 0 to 2**63 - 1."""
    value = _whole_number(text)
    if not 0 <= value <= SEED_MAX:
        raise argparse.ArgumentTypeError(
            f"a seed is a whole number from 0 to {SEED_MAX} (2**63 - 1), got {echo(str(value))}"
        )
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more (a count, a size, a number of steps)."""
    value = _int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def non_negative_int(text: str) -> int:
    """An argparse type: a whole number of 0 or more (an index)."""
    value = _int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def positive_number(text: str) -> float:
    """An argparse type: a finite number above 0 (a learning rate, a span)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not (value > 0 and value < float("inf")):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text!r}")
    return value


def int_range(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (the message says so)."""

    def parse(text: str) -> int:
        value = _whole_number(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low:,} to {high:,}, got {echo(str(value))}"
            )
        return value

    parse.__name__ = f"int from {low} to {high}"  # argparse names the type in some messages
    return parse


def parse_shape(text: str) -> tuple[int, int, int]:
    """``"3,224,224"`` -> (3, 224, 224); each value from 1 to :data:`MAX_SIDE`."""
    try:
        parts = tuple(int(p) for p in text.replace("x", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected C,H,W integers such as 3,224,224, got {echo(text)}") from None
    if len(parts) != 3 or min(parts) <= 0 or max(parts) > MAX_SIDE:
        raise argparse.ArgumentTypeError(
            f"expected three whole numbers C,H,W from 1 to {MAX_SIDE:,} such as 3,224,224, got {echo(text)}"
        )
    return parts


def parse_kv(text: str, *, dotted: bool = False) -> tuple[str, Any]:
    """``"num_classes=5"`` -> ("num_classes", 5); values are Python literals or strings.

    ``dotted`` accepts keys made of names joined by dots (``ig.steps=32``).
    """
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected key=value, got {echo(text)}")
    key, _, raw = text.partition("=")
    key = key.strip()
    parts = key.split(".") if dotted else [key]
    if not all(part.isidentifier() for part in parts):
        raise argparse.ArgumentTypeError(f"expected key=value with a name as key, got {echo(text)}")
    try:
        value: Any = ast.literal_eval(raw)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        value = raw
    return key, value


@contextlib.contextmanager
def model_prints_to_stderr() -> Iterator[None]:
    """Send what a model's own code prints to stderr, so stdout carries only cnnviz's output.

    A custom model that prints in ``__init__`` or ``forward`` would otherwise
    corrupt ``summary --format json`` or a CSV piped into another program.
    """
    with contextlib.redirect_stdout(sys.stderr):
        yield


def warn(message: str) -> None:
    """One ``cnnviz: warning:`` line on stderr."""
    print(f"cnnviz: warning: {message}", file=sys.stderr)


def non_finite_count(tensors: Any) -> int:
    """How many NaN / inf values the tensors hold (floating point ones only)."""
    import torch

    count = 0
    for t in tensors:
        if isinstance(t, torch.Tensor) and (t.is_floating_point() or t.is_complex()):
            count += int(t.numel() - torch.isfinite(t).sum().item())
    return count



def kwargs_from(pairs: list[tuple[str, Any]] | None) -> dict[str, Any]:
    """A dict from repeated ``--model-arg k=v`` options."""
    return dict(pairs or [])


def add_model_options(p: argparse.ArgumentParser, *, weights: bool = True) -> None:
    """The options every model-taking sub-command shares."""
    p.add_argument(
        "--model-arg",
        dest="model_args",
        action="append",
        type=parse_kv,
        metavar="K=V",
        help="constructor argument for the model, repeatable (e.g. num_classes=5)",
    )
    if weights:
        p.add_argument(
            "--weights",
            default="random",
            help="random (default) | pretrained | path to a state_dict file",
        )
        p.add_argument("--seed", type=parse_seed, default=0, help="seed for random weights (default 0)")
        p.add_argument(
            "--trust-pickle",
            action="store_true",
            help="allow loading a pickled whole model (runs code from the file: only for files you trust)",
        )
        p.add_argument(
            "--non-strict",
            action="store_true",
            help="load the tensors that fit and report the rest instead of refusing the file",
        )
    p.add_argument("--device", default="cpu", help="auto | cpu | cuda | cuda:N | mps (default cpu)")


def require(condition: bool, message: str) -> None:
    """Raise a one-line ConfigError unless ``condition``."""
    if not condition:
        raise ConfigError(message)


def stderr_progress(label: str = ""):
    """A progress callback that draws one updating line on stderr (download progress)."""
    state = {"last": -1}

    def report(fraction: float, message: str = "") -> None:
        pct = int(fraction * 100)
        if pct == state["last"] or not message.startswith("Downloading"):
            return
        state["last"] = pct
        end = "\n" if fraction >= 1.0 else ""
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{label}{message} ({pct}%)" + end)
        elif pct % 25 == 0:
            sys.stderr.write(f"{label}{message} ({pct}%)\n")
        sys.stderr.flush()

    return report


#: No model name or ``path/file.py:Class`` spec is longer (PATH_MAX is 4096 on Linux).
MAX_MODEL_NAME = 4096 + 256


def check_model_file(name: str) -> None:
    """ConfigError for a model name no model or file can have: absurdly long, or a
    ``path/file.py:Class`` whose path the file system cannot hold.

    (The file's existence and content are the model loader's business.) Checked
    here because looking an absurd name up among the registered ones is slow.
    """
    import errno
    import os

    target, sep, _ = name.rpartition(":")
    if sep and (target.endswith(".py") or "/" in target or os.sep in target):
        try:
            os.stat(os.path.expanduser(target))
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise ConfigError(
                    f"The model file name {echo(target)} is longer than the file system allows."
                ) from None
    if len(name) > MAX_MODEL_NAME:
        raise ConfigError(
            f"The model name {echo(name)} is {len(name):,} characters long: no model or file has such a name."
        )


def load_model_from_args(args: argparse.Namespace):
    """Build and load the model the shared options describe.

    What the model's own code prints goes to stderr (see :func:`model_prints_to_stderr`).
    Warnings (a partial load, NaN / inf weights) are kept in ``args.warnings``
    and printed by :func:`print_warnings` once the command has done its work, so
    that a command that then fails prints its one error line and nothing else.
    """
    from cnnviz.core.weights import load_model

    check_model_file(args.model)
    with model_prints_to_stderr():
        loaded = load_model(
            args.model,
            args.weights,
            seed=args.seed,
            model_kwargs=kwargs_from(args.model_args),
            trust_pickle=args.trust_pickle,
            strict=not args.non_strict,
            progress=stderr_progress(),
        )
    pending = args.__dict__.setdefault("warnings", [])
    if not loaded.report.complete:
        pending.append(loaded.report.describe())
    bad = non_finite_count(loaded.model.state_dict().values())
    if bad:
        pending.append(f"the weights hold {bad:,} NaN or infinite values: the model's outputs will be meaningless.")
    return loaded


def print_warnings(args: argparse.Namespace) -> None:
    """Print the warnings :func:`load_model_from_args` kept (once)."""
    for message in args.__dict__.pop("warnings", []):
        warn(message)
