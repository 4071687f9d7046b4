"""``cnnviz unit``: how one unit of a layer is computed, with the real numbers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cnnviz.commands._common import add_model_options, load_model_from_args, non_negative_int

EXAMPLES = """\
examples:
  cnnviz unit resnet18 --image cat.jpg --layer conv1 --channel 5 --y 40 --x 60
  cnnviz unit lenet5 --image digit7.png --layer C1 --channel 2 --y 10 --x 12 --format json
  cnnviz unit resnet18 --image cat.jpg --layer layer1.0.relu --channel 3 --y 8 --x 8   (starts at conv1 of the block)
  cnnviz unit alexnet --image cat.jpg --layer classifier.6 --channel 281 --weights pretrained

For a convolution, JSON holds `window` ([C_in/groups, F, F] input values, padding
as 0 and flagged in `padding`), `kernel` (same shape), `products`, `sum`, `bias`
and `value` (the layer's output at that unit), plus `captured` (what the network
itself produced there). A pooling unit gives its `window` and the value that wins
(`pick`) or the `sum` and `divisor`; a fully connected unit its `top` contributions
input × weight and the `rest` summed. BatchNorm and activations that directly
follow the layer are listed under `follow`, with `final` the value after them.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "unit",
        help="write out how one unit of a layer is computed, with the real numbers",
        description="Run MODEL on an image and write out the arithmetic of one unit of LAYER: the input window, "
                    "the kernel, the products, the sum, the bias and the value, then any BatchNorm / ReLU after it.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="model name (see `cnnviz models`) or path/file.py:Class")
    p.add_argument("--image", required=True, help="PNG, JPEG, BMP, TIFF or WebP file")
    p.add_argument("--layer", required=True, help="the layer's qualified name, as `cnnviz summary MODEL` lists it")
    p.add_argument("--channel", type=non_negative_int, default=0, help="output channel (or output of a Linear layer)")
    p.add_argument("--y", type=non_negative_int, default=0, help="row of the unit in the layer's output (default 0)")
    p.add_argument("--x", type=non_negative_int, default=0, help="column of the unit in the layer's output (default 0)")
    p.add_argument("--top", type=non_negative_int, default=10, help="Linear layers: contributions listed one by one (default 10)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_model_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print."""
    from cnnviz.core.device import resolve_device, with_cpu_fallback
    from cnnviz.core.explain.unit_arithmetic import unit_arithmetic
    from cnnviz.core.images import load_image, prepare, preprocess_for

    image = load_image(args.image)  # fail fast on a bad image, before building the model
    for note in image.notes:
        print(f"cnnviz: note: {note}", file=sys.stderr)
    loaded = load_model_from_args(args)
    prepared = prepare(image, preprocess_for(loaded.spec, loaded.weights_enum))
    device = resolve_device(args.device)

    def work(dev):
        model = loaded.model.to(dev)
        return unit_arithmetic(model, prepared.tensor.to(dev), args.layer, args.channel, args.y, args.x,
                               top=args.top)

    result, _ = with_cpu_fallback(work, device, on_fallback=lambda m: print(f"cnnviz: warning: {m}", file=sys.stderr))
    if args.format == "json":
        print(json.dumps(result.to_dict()))
    else:
        print(format_text(result))
    return 0


def _grid(values: Any, padding: Any, indent: str = "    ") -> list[str]:
    """Rows of numbers; padding taps marked with '*'."""
    lines = []
    for r, row in enumerate(values):
        cells = [f"{float(v):9.4f}{'*' if padding is not None and padding[r][c] else ' '}" for c, v in enumerate(row)]
        lines.append(indent + " ".join(cells))
    return lines


def format_text(u: Any) -> str:
    """The arithmetic as a person reads it (English)."""
    shape = "×".join(str(s) for s in u.output_shape)
    out = [f"{u.layer} ({u.module_type}) · {u.position} · output {shape}"]
    if u.clicked and u.clicked != u.layer:
        out.append(f"({u.clicked} is computed from {u.layer}: its steps follow)")
    out += [t.en for t in u.layer_explanation()]
    if u.kind == "conv":
        out.append(f"window: {u.window.shape[0]} input channel(s) × {u.window.shape[1]}×{u.window.shape[2]}"
                   + ("   (* = padding, 0)" if u.in_padding.any() else ""))
        for i, ch in enumerate(u.in_channels):
            out.append(f"  input channel {ch}:")
            out += _grid(u.window[i], u.in_padding)
        out.append(f"kernel: filter {u.channel}")
        for i, ch in enumerate(u.in_channels):
            out.append(f"  for input channel {ch}:")
            out += _grid(u.kernel[i], None)
        out.append(f"sum   = {u.sum:.6g}")
        out.append(f"bias  = {u.bias:.6g}")
    elif u.kind == "pool":
        out.append("window:" + ("   (* = padding, never counted)" if u.in_padding.any() else ""))
        out += _grid(u.window[0], u.in_padding)
        if u.mode == "avg":
            out.append(f"sum   = {u.sum:.6g}, divisor {u.divisor}")
    else:
        out.append(f"largest contributions (input × weight) of {len(u.inputs)}:")
        for t in u.top:
            out.append(f"  input {t.index:6d}: {t.input:10.4f} × {t.weight:10.4f} = {t.product:10.4f}")
        out.append(f"  the other {u.rest_count}: {u.rest:.6g}")
        out.append(f"sum   = {u.sum:.6g}")
        out.append(f"bias  = {u.bias:.6g}")
    out.append(f"value = {u.value:.6g}   (the network computed {u.captured:.6g})")
    for step in u.follow:
        out.append(f"then {step.formula().en}")
    if u.follow:
        out.append(f"final = {u.final:.6g}   (the network computed {u.follow[-1].captured:.6g})")
    return "\n".join(out)
