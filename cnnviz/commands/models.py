"""``cnnviz models``: list every registered model."""

from __future__ import annotations

import argparse
import json

EXAMPLES = """\
examples:
  cnnviz models
  cnnviz models --family resnet
  cnnviz models --source timm
  cnnviz models --format json | python -m json.tool
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "models",
        help="list the models cnnviz can build",
        description="List every model: cnnviz's classics, torchvision's classifiers and, when timm is installed, timm's CNNs (timm:NAME).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--family", help="only this family (e.g. resnet, vgg, lenet)")
    p.add_argument("--source", choices=["cnnviz", "torchvision", "timm"], help="only models from this source")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the model list."""
    from cnnviz.commands._common import echo
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.models import list_models

    specs = list_models(family=args.family, source=args.source)
    if not specs:
        families = sorted({s.family for s in list_models()})
        raise ConfigError(f"No model of family {echo(args.family or '')}. Families: {', '.join(families)}.")
    if args.format == "json":
        print(json.dumps([s.to_dict() for s in specs], ensure_ascii=False, indent=1))
        return 0
    header = ("name", "family", "year", "input", "classes", "pretrained", "top-1")
    rows = [
        (
            s.name,
            s.family,
            str(s.year or ""),
            "×".join(map(str, s.input_shape)),
            str(s.num_classes),
            "yes" if s.has_pretrained else "",
            f"{s.top1:.1f}%" if s.top1 else "",
        )
        for s in specs
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0
