"""``cnnviz summary``: every layer's shapes, parameters, MACs, receptive field and formula."""

from __future__ import annotations

import argparse
import sys

from cnnviz.commands._common import (
    add_model_options,
    load_model_from_args,
    model_prints_to_stderr,
    parse_shape,
    print_warnings,
)

EXAMPLES = """\
examples:
  cnnviz summary alexnet
  cnnviz summary resnet50 --format json > resnet50.json
  cnnviz summary lenet5 --input 1,32,32 --format markdown
  cnnviz summary my_net.py:Net --input 3,64,64 --model-arg num_classes=5
  cnnviz summary exported.onnx --format json
  cnnviz summary exported_nhwc.onnx --model-arg layout=nhwc --model-arg channel_order=bgr
  cnnviz summary timm:efficientnet_b0
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "summary",
        help="layer table: shapes, parameters, MACs, receptive fields, formulas",
        description="Describe every layer of MODEL for one input shape.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="model name (see `cnnviz models`), model.onnx, timm:NAME or path/file.py:Class")
    p.add_argument("--input", type=parse_shape, metavar="C,H,W", help="input shape (default: the model's)")
    p.add_argument("--format", choices=["table", "json", "csv", "markdown"], default="table")
    add_model_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary."""
    from cnnviz.core.device import resolve_device, with_cpu_fallback
    from cnnviz.core.summary import summarize

    device = resolve_device(args.device)
    loaded = load_model_from_args(args)
    shape = args.input or loaded.spec.input_shape
    with model_prints_to_stderr():  # stdout carries only the document
        _check_input(loaded.model, tuple(shape), loaded.name, device)
        summary, _ = with_cpu_fallback(
            lambda dev: summarize(loaded.model.to(dev), shape, name=loaded.name, device=dev),
            device,
            on_fallback=lambda m: print(f"cnnviz: warning: {m}", file=sys.stderr),
        )
    text = {
        "table": summary.to_table,
        "json": summary.to_json,
        "csv": summary.to_csv,
        "markdown": summary.to_markdown,
    }[args.format]()
    print_warnings(args)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _check_input(model, shape: tuple[int, ...], name: str, device) -> None:
    """Refuse, before any real allocation, an input the model cannot take or that would not fit.

    A pass on the meta device finds shape errors (a channel mismatch) for free.
    When the model cannot run on meta, the summary runs it for real: then the
    input tensor alone must fit in free memory.
    """
    from cnnviz.core.footprint import MetaUnsupported, check_fits, estimate_forward, tensor_bytes
    from cnnviz.core.messages import msg

    shape_text = "×".join(str(v) for v in shape)
    try:
        estimate_forward(model, shape)
    except MetaUnsupported:
        check_fits(tensor_bytes((1, *shape)), msg("A {shape} input for {name}", shape=shape_text, name=name), device)
