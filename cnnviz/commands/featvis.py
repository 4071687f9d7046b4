"""``cnnviz featvis``: a synthetic picture that maximises a channel, a unit or a class."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cnnviz.commands._common import (
    add_model_options,
    load_model_from_args,
    non_negative_int,
    parse_seed,
    positive_int,
    positive_number,
)

EXAMPLES = """\
examples:
  cnnviz featvis vgg_small --layer features.3 --channel 5 --out ch5.png
  cnnviz featvis resnet18 --layer layer3.1.conv2 --channel 12 --preset 2015 --steps 300 --out f.png
  cnnviz featvis vgg_small --layer features.9 --channel 0 --unit 1,2 --out unit.png
  cnnviz featvis lenet5 --class 7 --weights lenet.pt --out seven.png

Presets: 2017 (Olah et al., "Feature Visualization", Distill 2017: Fourier-space
image with decorrelated colours, jitter / scale / rotation, Adam) and 2015
(Yosinski et al., "Understanding Neural Networks Through Deep Visualization",
2015: gradient ascent with L2 decay, Gaussian blur and clipping of small-norm /
small-contribution pixels). The picture is synthetic. The last line printed is
the channel's mean activation on the saved picture (with --class: the logit).
--seed seeds the optimisation; --weights-seed seeds random weights.
"""


def _unit(text: str) -> tuple[int, int]:
    try:
        y, x = (int(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected Y,X (row, column in the layer's output), got {text!r}") from None
    if y < 0 or x < 0:
        raise argparse.ArgumentTypeError(f"Y and X must be 0 or more, got {text!r}")
    return (y, x)


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "featvis",
        help="feature visualisation: optimise a picture that excites a channel, unit or class",
        description="Start from noise and optimise the input picture to maximise a channel's mean "
        "activation, one unit, or a class logit of MODEL.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        conflict_handler="resolve",  # our --seed seeds the optimisation; weights use --weights-seed
    )
    p.add_argument("model", help="model name (see `cnnviz models`) or path/file.py:Class")
    p.add_argument("--layer", help="layer to visualise (qualified name, see `cnnviz summary MODEL`)")
    p.add_argument("--channel", type=non_negative_int, help="channel of --layer")
    p.add_argument("--unit", type=_unit, metavar="Y,X", help="one unit of the channel instead of its mean")
    p.add_argument("--class", dest="class_index", type=non_negative_int, metavar="K",
                   help="maximise the logit of class K instead of a layer's channel")
    p.add_argument("--out", required=True, help="output PNG file")
    p.add_argument("--preset", choices=["2015", "2017"], default="2017", help="recipe (default 2017)")
    p.add_argument("--steps", type=positive_int, help="optimisation steps (default: 256 for 2017, 200 for 2015)")
    p.add_argument("--size", type=positive_int, metavar="S", help="picture size S×S (default: the model's input)")
    p.add_argument("--lr", type=positive_number, help="learning rate (default: the preset's)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_model_options(p)
    p.add_argument("--seed", dest="featvis_seed", type=parse_seed, default=0, metavar="N",
                   help="seed of the starting noise and the random transforms (default 0)")
    p.add_argument("--weights-seed", dest="seed", type=parse_seed, default=0, metavar="N",
                   help="seed for random weights (default 0)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Optimise, save the PNG, print the activation last."""
    import cv2

    from cnnviz.core.atlas.featvis import FeatVisStep, FeatVisTarget, preset, visualize
    from cnnviz.core.device import resolve_device
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.images import preprocess_for
    from cnnviz.core.settings_io import write_bytes_atomic

    out = Path(args.out)
    if out.is_dir():
        raise ConfigError(f"--out {out} is a folder; give a file name ending in .png")
    if args.class_index is not None:
        if args.layer is not None or args.channel is not None or args.unit is not None:
            raise ConfigError("--class takes no --layer, --channel or --unit")
        target = FeatVisTarget(class_index=args.class_index)
    else:
        if args.layer is None or args.channel is None:
            raise ConfigError("give --layer and --channel (or --class K)")
        target = FeatVisTarget(layer=args.layer, channel=args.channel, unit=args.unit)
    size = (args.size, args.size) if args.size else None
    settings = preset(args.preset, steps=args.steps, lr=args.lr, seed=args.featvis_seed, size=size)
    device = resolve_device(args.device)
    loaded = load_model_from_args(args)
    pre = preprocess_for(loaded.spec, loaded.weights_enum)
    model = loaded.model.to(device)
    shown = {"pct": -1}

    def on_step(step: FeatVisStep) -> None:
        pct = step.step * 100 // step.steps
        if not args.quiet and pct // 10 != shown["pct"] // 10:
            print(f"step {step.step}/{step.steps}: {step.objective:.4g}", file=sys.stderr)
        shown["pct"] = pct

    result = visualize(model, target, preprocess=pre, settings=settings, on_step=on_step)
    ok, png = cv2.imencode(".png", result.image[:, :, ::-1])
    if not ok:
        raise ConfigError("Could not encode the picture as PNG.")
    write_bytes_atomic(out, png.tobytes())
    print(f"Saved a synthetic {result.image.shape[1]}×{result.image.shape[0]} picture ({settings.preset} preset, "
          f"{len(result.history)} steps, seed {settings.seed}) to {out}")
    if target.kind == "class":
        print(f"Logit of class {target.class_index} on the result: {result.activation:.6g}")
        return 0
    if target.kind == "unit":
        print(f"Activation of {target.describe()} on the result: {result.activation:.6g}")
    print(f"Strongest unit of {target.layer} channel {target.channel} on the result: {result.channel_max:.6g}")
    print(f"Mean activation of {target.layer} channel {target.channel} on the result: {result.channel_mean:.6g}")
    return 0
