"""Helpers shared by the sub-commands (argument types, output formats)."""

from __future__ import annotations

import argparse
import ast
from typing import Any

from cnnviz.core.errors import ConfigError


def parse_seed(text: str) -> int:
    """A seed for torch: a whole number from 0 to 2**63 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def parse_shape(text: str) -> tuple[int, int, int]:
    """``"3,224,224"`` -> (3, 224, 224)."""
    try:
        parts = tuple(int(p) for p in text.replace("x", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected C,H,W integers, got {text!r}") from None
    if len(parts) != 3 or min(parts) <= 0:
        raise argparse.ArgumentTypeError(f"expected three positive integers C,H,W, got {text!r}")
    return parts  # type: ignore[return-value]


def parse_kv(text: str) -> tuple[str, Any]:
    """``"num_classes=5"`` -> ("num_classes", 5); values are Python literals or strings."""
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected key=value, got {text!r}")
    key, _, raw = text.partition("=")
    try:
        value: Any = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return key.strip(), value


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
    import sys

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


def load_model_from_args(args: argparse.Namespace):
    """Build and load the model the shared options describe; warn on stderr about a partial load."""
    import sys

    from cnnviz.core.weights import load_model

    loaded = load_model(
        args.model,
        args.weights,
        seed=args.seed,
        model_kwargs=kwargs_from(args.model_args),
        trust_pickle=args.trust_pickle,
        strict=not args.non_strict,
        progress=stderr_progress(),
    )
    if not loaded.report.complete:
        print(f"cnnviz: warning: {loaded.report.describe()}", file=sys.stderr)
    return loaded
