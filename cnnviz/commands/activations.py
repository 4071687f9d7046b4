"""``cnnviz activations``: capture layer outputs for one image into an .npz file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cnnviz.commands._common import (
    add_model_options,
    echo,
    int_range,
    load_model_from_args,
    model_prints_to_stderr,
    non_finite_count,
    print_warnings,
    warn,
)

EXAMPLES = """\
examples:
  cnnviz activations resnet18 --image cat.jpg --layers conv1,layer1.0.conv1 --out acts.npz
  cnnviz activations alexnet --image cat.jpg --layers all --out all.npz --weights pretrained
  cnnviz activations lenet5 --image digit7.png --layers leaves --out lenet.npz

The .npz holds `input` (the exact float32 tensor fed to the model, [1, C, H, W])
and one array per captured layer under its qualified name (a module called
twice in one pass also gets `name#2`), each float32 with the batch dimension.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "activations",
        help="capture layer outputs for an image into an .npz file",
        description="Run MODEL on an image and save the outputs of the chosen layers.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="model name (see `cnnviz models`) or path/file.py:Class")
    p.add_argument("--image", required=True, help="PNG, JPEG, BMP, TIFF or WebP file")
    p.add_argument(
        "--layers",
        default="all",
        help="comma-separated qualified names, 'all' (every module) or 'leaves' (default all)",
    )
    p.add_argument("--out", required=True, help="output .npz file")
    p.add_argument("--top", type=int_range(1, 1000), default=5,
                   help="how many predictions to print, 1 to 1000 (default 5)")
    add_model_options(p)
    p.set_defaults(func=run)


def save_npz_atomic(path: Path, arrays: dict) -> None:
    """Write an .npz through a temporary file in the same folder, then rename."""
    import numpy as np

    from cnnviz.core.settings_io import atomic_path

    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        np.savez(f, **arrays)


def run(args: argparse.Namespace) -> int:
    """Capture and save."""
    import numpy as np

    from cnnviz.core.device import resolve_device, with_cpu_fallback
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.images import load_image, prepare, preprocess_for
    from cnnviz.core.predict import top_k
    from cnnviz.core.probe import capture
    from cnnviz.core.safe_io import check_output_file

    out = Path(args.out)
    if not args.layers.strip(" ,"):
        raise ConfigError("--layers is empty: give layer names separated by commas, 'all' or 'leaves'.")
    check_output_file(out, what="--out file")  # before any work: which path and why
    image = load_image(args.image)  # fail fast on a bad image, before building the model
    loaded = load_model_from_args(args)
    prepared = prepare(image, preprocess_for(loaded.spec, loaded.weights_enum))
    device = resolve_device(args.device)

    def work(dev):
        model = loaded.model.to(dev)
        return capture(model, prepared.tensor.to(dev), args.layers)

    with model_prints_to_stderr():
        result, used = with_cpu_fallback(
            work, device, on_fallback=lambda m: print(f"cnnviz: warning: {m}", file=sys.stderr)
        )
    if not result.order:
        raise ConfigError(f"No layer matched --layers {echo(args.layers)}: nothing to save.")
    for note in image.notes:  # said once the work is done: an error stays the only line
        print(f"cnnviz: note: {note}", file=sys.stderr)
    print_warnings(args)
    arrays = {"input": prepared.tensor.detach().cpu().numpy().astype(np.float32)}
    for key in result.order:
        arrays[key] = result.layers[key].float().cpu().numpy()
    save_npz_atomic(out, arrays)
    print(f"Saved {len(arrays) - 1} layer outputs and the input to {out}")
    bad_layers = [k for k in result.order if non_finite_count([result.layers[k]])]
    if bad_layers:
        warn(f"{len(bad_layers)} saved layer output(s) hold NaN or infinite values "
             f"(first: {bad_layers[0]}).")
    if result.output is not None and non_finite_count([result.output]):
        warn("the model's output holds NaN or infinite values: no predictions can be shown.")
    elif result.output is not None and result.output.dim() == 2:
        names = loaded.spec.class_names
        if loaded.report.source.startswith("random"):
            print("Predictions of a randomly initialised model mean nothing:")
        print(f"Top-{args.top}:")
        for p in top_k(result.output, names, args.top):
            print(f"  {p.probability * 100:6.2f}%  {p.label}")
    return 0
