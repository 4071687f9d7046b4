"""``cnnviz landscape``: the loss on a 2-D slice through the runs' shared start, and their paths on it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cnnviz.commands._common import parse_seed, positive_int, positive_number

EXAMPLES = """\
examples:
  cnnviz train --run sgd:lr=0.05 --run adam:lr=1e-3 --dataset digits --save-weights \\
      --trajectory-every 5 --out runs/race
  cnnviz landscape runs/race --grid 25 --directions pca --out race.npz
  cnnviz landscape runs/race --directions random --span 1 --seed 3 --out random.npz

RUNS_DIR is a `cnnviz train` --out folder with kept weights (trajectories/ or
snapshots/). The plane passes through the initial weights; `pca` spans it by the
top two principal directions of the runs' paths, `random` by two filter-normalised
random directions (Li et al. 2018). The .npz holds `alpha` and `beta` (the grid
axes), `loss` [N, N] (mean cross-entropy on the probe images; loss[i, j] is at
alpha[j], beta[i]; NaN where the weights overflow), `path_<run>` [steps, 2] and
`steps_<run>` for every run, `origin_loss`, `directions` and, for pca,
`explained_variance`.
"""


def _grid(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 3 <= value <= 401:
        raise argparse.ArgumentTypeError(f"must be 3 to 401 points per side, got {value}")
    return value


def add_parser(sub: Any) -> None:
    """Register ``cnnviz landscape``."""
    p = sub.add_parser(
        "landscape",
        help="loss on a 2-D slice through the runs' initial weights, with their paths",
        description="Evaluate the training loss on a grid over a plane through the shared initial "
        "weights of a `cnnviz train` folder and project every run's kept weights onto it.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("runs_dir", metavar="RUNS_DIR", help="a cnnviz train --out folder with kept weights")
    p.add_argument("--grid", type=_grid, default=25, help="points per side (default 25; odd puts 0 on the grid)")
    p.add_argument("--directions", choices=["pca", "random"], default="pca",
                   help="pca of the paths (default) or filter-normalised random directions")
    p.add_argument("--probe", type=positive_int, default=1000, help="training images the loss is taken on (default 1000)")
    p.add_argument("--span", type=positive_number, help="half-width of both axes (default: the paths' reach × 1.25)")
    p.add_argument("--seed", type=parse_seed, default=0, help="seed of the random directions (default 0)")
    p.add_argument("--device", default="cpu", help="auto | cpu | cuda | cuda:N | mps (default cpu)")
    p.add_argument("--out", required=True, help="output .npz file")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute the landscape and write the .npz."""
    import numpy as np

    from cnnviz.core.training.landscape import landscape_of_runs

    last = {"pct": -1}

    def progress(fraction: float, message: str) -> None:
        pct = int(fraction * 100)
        if args.quiet or pct == last["pct"] or not message.startswith("Loss landscape"):
            return
        last["pct"] = pct
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{message} ({pct}%)" + ("\n" if fraction >= 1 else ""))
            sys.stderr.flush()

    result = landscape_of_runs(args.runs_dir, directions=args.directions, grid=args.grid, probe=args.probe,
                               span=args.span, seed=args.seed, device=args.device, progress=progress)
    result.to_npz(args.out)
    finite = result.loss[np.isfinite(result.loss)]
    span = f"loss {finite.min():.4g} to {finite.max():.4g}" if finite.size else "no finite loss"
    extra = ""
    if result.explained_variance is not None:
        extra = f", the plane holds {sum(result.explained_variance) * 100:.1f}% of the paths"
    print(f"Wrote {args.out}: {args.grid}×{args.grid} grid ({args.directions}), {span}, "
          f"{len(result.paths)} path{'s' if len(result.paths) != 1 else ''}{extra}")
    if result.nan_cells:
        print(f"cnnviz: warning: {result.message()}", file=sys.stderr)
    return 0
