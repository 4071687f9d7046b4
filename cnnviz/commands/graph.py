"""``cnnviz graph``: the network map (layers, branches, merges, shapes) as JSON, SVG or PNG."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cnnviz.commands._common import add_model_options, load_model_from_args, parse_shape

EXAMPLES = """\
examples:
  cnnviz graph resnet18 --format json --out resnet18.json
  cnnviz graph resnet152 --fold --format svg --out resnet152.svg
  cnnviz graph googlenet --fold --absorb --color-by macs --format png --out googlenet.png
  cnnviz graph model.onnx --format svg --out model.svg
  cnnviz graph timm:convnext_atto --fold --format png --out convnext.png

The JSON has `nodes` (key, name, type, kind, output_shape, params, macs,
memory, rf_size, rf_global, count, members, ...) in execution order and
`edges` (from, to, shape). Node keys are the layer keys of `cnnviz summary`;
merge nodes (additions, concatenations, products) are named
MODULE:function, e.g. layer1.0:add. --fold draws runs of identical blocks
as one node ×N; --absorb draws BatchNorm / activation layers inside their
convolution.
"""


def _out_path(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; give a file name")
    return path


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "graph",
        help="the network map: layers, branches, merges and shapes as JSON, SVG or PNG",
        description="Draw or export the data flow of MODEL for one input shape.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="model name (see `cnnviz models`), model.onnx, timm:NAME or path/file.py:Class")
    p.add_argument("--input", type=parse_shape, metavar="C,H,W", help="input shape (default: the model's)")
    p.add_argument("--format", choices=["json", "svg", "png"], default="json")
    p.add_argument("--out", type=_out_path, help="output file (JSON and SVG go to stdout without it)")
    p.add_argument("--fold", action="store_true", help="draw runs of identical blocks as one node ×N")
    p.add_argument("--absorb", action="store_true", help="draw norm / activation layers inside their convolution")
    p.add_argument("--color-by", choices=["params", "macs", "memory", "rf"], help="colour boxes by this figure")
    p.add_argument("--scale", type=float, default=1.5, help="PNG pixels per layout unit (default 1.5)")
    add_model_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build, fold, lay out and write the map."""
    import json

    from cnnviz.core.errors import ConfigError
    from cnnviz.core.graph import build_graph, fold
    from cnnviz.core.settings_io import atomic_path

    if args.format == "png" and args.out is None:
        raise ConfigError("--format png needs --out FILE.png")
    if not 0.05 <= args.scale <= 8:
        raise ConfigError(f"--scale must be between 0.05 and 8, got {args.scale}")
    loaded = load_model_from_args(args)
    shape = args.input or loaded.spec.input_shape
    graph = build_graph(loaded.model, shape, name=loaded.name)
    if args.fold or args.absorb:
        graph = fold(graph, repeats=args.fold, absorb=args.absorb)
    if args.format == "json":
        text = json.dumps(graph.to_dict(), ensure_ascii=False, indent=1) + "\n"
    else:
        from cnnviz.core.graph_layout import layout

        lay = layout(graph)
        if args.format == "png":
            from cnnviz.core.graph_render import to_png, write_png

            image = to_png(graph, lay, color_by=args.color_by, scale=args.scale)
            with atomic_path(args.out) as tmp:
                write_png(tmp, image)
            print(f"Saved {image.shape[1]}×{image.shape[0]} map of {len(graph.nodes)} nodes to {args.out}")
            return 0
        from cnnviz.core.graph_render import to_svg

        text = to_svg(graph, lay, color_by=args.color_by)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    with atomic_path(args.out) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    print(f"Saved the map of {len(graph.nodes)} nodes and {len(graph.edges)} edges to {args.out}")
    return 0
