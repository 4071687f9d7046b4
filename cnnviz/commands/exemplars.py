"""``cnnviz exemplars``: the top-K images of every channel of some layers, as JSON and PNG mosaics."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from cnnviz.commands._common import (
    add_model_options,
    load_model_from_args,
    parse_seed,
    positive_int,
)

EXAMPLES = """\
examples:
  cnnviz exemplars vgg_small --data shapes --layers features.3,features.9 --out atlas/
  cnnviz exemplars resnet18 --data ~/photos --layers layer1.0.conv1,layer4.1.conv2 --top 9 --out atlas/
  cnnviz exemplars lenet5 --data torchvision:MNIST --layers 3 --weights lenet.pt --out mnist-atlas/
  cnnviz exemplars lenet5 --data digits --split train --layers C1,C3 --out digits-atlas/

--data is an image folder (every PNG / JPEG / BMP / TIFF / WebP under it),
a dataset of the Train tab (shapes, mnist, ... ; --split val|train) or
torchvision:CLASS for a torchvision dataset already on disk (--root).

OUT/index.json is {"model", "weights", "dataset", "layers": {LAYER: [{"channel": c,
"top": [{"image", "y", "x", "value", "box": [top, left, bottom, right]}, ...]}, ...]}}:
y, x is the unit in the layer's output, value its activation on that image as
the model sees it (prepared as `cnnviz activations` prepares it), box its
receptive field in model-input pixels (bottom / right exclusive, before
clipping); "weights" is a SHA-256 of the model's weights. Each channel keeps
its K best images (one position per image). OUT/LAYER.png shows every
channel's top-K crops (grey checkerboard = padding outside the image).

The index is cached in the user cache folder: a second run is instant, and a
run stopped with Ctrl+C continues where it stopped (--no-cache: neither).
"""


def _layers(text: str) -> list[str]:
    keys = [p.strip() for p in text.split(",") if p.strip()]
    if not keys:
        raise argparse.ArgumentTypeError("give at least one layer name, e.g. features.0,features.3")
    return keys


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the sub-command."""
    p = sub.add_parser(
        "exemplars",
        help="top-K dataset exemplars of each channel: index.json and a PNG mosaic per layer",
        description="Run MODEL over a set of images once and keep, for every channel of the chosen "
        "layers, the K images (and positions) that activate it most.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("model", help="model name (see `cnnviz models`) or path/file.py:Class")
    p.add_argument("--data", required=True, metavar="DIR|NAME", help="image folder, dataset name or torchvision:CLASS")
    p.add_argument("--layers", required=True, type=_layers, metavar="A,B", help="comma-separated layer names")
    p.add_argument("--top", type=positive_int, default=9, metavar="K", help="exemplars per channel (default 9)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for index.json and the mosaics")
    p.add_argument("--split", choices=["train", "val", "test"], help="dataset split (default val / test)")
    p.add_argument("--limit", type=positive_int, metavar="N", help="use only the first N images")
    p.add_argument("--root", metavar="DIR", help="folder of a torchvision dataset (default: cnnviz's datasets folder)")
    p.add_argument("--data-seed", type=parse_seed, default=0,
                   help="seed of a synthetic dataset such as shapes (default 0)")
    p.add_argument("--batch-size", type=positive_int, default=32, help="images per forward pass (default 32)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the exemplar cache")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_model_options(p)
    p.set_defaults(func=run)


class _Progress:
    """A progress line on stderr: redrawn in place on a terminal, every 10% otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.last = -1

    def __call__(self, fraction: float, message: str = "") -> None:
        if self.quiet:
            return
        pct = int(fraction * 100)
        if self.tty:
            sys.stderr.write(f"\r{message[:100]:<100}")
            if fraction >= 1.0:
                sys.stderr.write("\n")
        elif pct // 10 != self.last // 10 or fraction >= 1.0 and pct != self.last:
            sys.stderr.write(f"{message}\n")
        self.last = pct
        sys.stderr.flush()


def layer_file_name(key: str) -> str:
    """A file name for a layer key (``features.3`` -> ``features.3.png``; ``relu#2`` -> ``relu_2.png``)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", key) + ".png"


def run(args: argparse.Namespace) -> int:
    """Index, then write index.json and the mosaics."""
    import cv2

    from cnnviz.core.atlas.cache import AtlasCache
    from cnnviz.core.atlas.exemplars import open_index
    from cnnviz.core.atlas.sources import open_source
    from cnnviz.core.atlas.viewer import ExemplarViewer
    from cnnviz.core.device import resolve_device
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.images import preprocess_for
    from cnnviz.core.settings_io import write_bytes_atomic

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; give a folder")
    device = resolve_device(args.device)
    progress = _Progress(args.quiet)
    source = open_source(args.data, split=args.split, seed=args.data_seed, limit=args.limit, root=args.root,
                         progress=progress)
    loaded = load_model_from_args(args)
    pre = preprocess_for(loaded.spec, loaded.weights_enum)
    model = loaded.model.to(device)
    cache = None if args.no_cache else AtlasCache()
    started = time.perf_counter()
    try:
        index = open_index(model, source, args.layers, preprocess=pre, model_name=loaded.name, top_k=args.top,
                           batch_size=args.batch_size, cache=cache, progress=progress)
    except KeyboardInterrupt:
        if cache is not None:
            print("cnnviz: the partial index is kept; run the same command again to continue.", file=sys.stderr)
        raise
    seconds = time.perf_counter() - started
    viewer = ExemplarViewer(index, source, check=False)
    out.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(out / "index.json", index.to_json_text().encode("utf-8"))
    for key in index.layers:
        image = viewer.layer_mosaic(key)
        ok, png = cv2.imencode(".png", image[:, :, ::-1])
        if not ok:
            raise ConfigError(f"Could not encode the mosaic of {key} as PNG.")
        write_bytes_atomic(out / layer_file_name(key), png.tobytes())
    print(f"{index.describe()}" + (" (from the cache)." if index.from_cache else f" in {seconds:.1f} s."))
    print(f"Index: {index.bytes_per_channel():.0f} bytes per channel (top {index.top_k} records, no activations).")
    print(f"Wrote {out / 'index.json'} and {len(index.layers)} mosaic(s) to {out}.")
    return 0
