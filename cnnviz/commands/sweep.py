"""``cnnviz sweep``: every optimizer over a grid of learning rates and several seeds, in worker processes."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from cnnviz.commands._common import parse_kv, parse_seed, positive_int

EPILOG = """\
examples:
  cnnviz sweep --model lenet5 --dataset digits --optimizers sgd,momentum,adam \\
      --lrs 1e-4:1:7 --seeds 3 --epochs 2 --out runs/sweep
  cnnviz sweep --optimizers sgd,adam --lrs 1e-3:1:4 --lrs adam=1e-5:1e-2:4 --out runs/s2
  cnnviz sweep ... --executor ray --address ray://head-node:10001 --workers 32

--lrs LOW:HIGH:COUNT is COUNT log-spaced rates from LOW to HIGH; a list such as
0.01,0.1 is used as given; OPT=GRID sets one optimizer's grid. Run (optimizer, lr,
seed) starts from the weights of that seed and sees its batch order, so the runs of
one seed differ only by their optimizer and learning rate.
Writes, as results come in: OUT/metrics.csv (long form: run, optimizer, lr, seed,
split, step, epoch, loss, accuracy, samples, weight_norm, sharpness,
sharpness_threshold), OUT/summary.json (table optimizer x lr of final / best
validation loss and accuracy with diverged cells marked, each optimizer's tuned
rate and its mean ± sd curves over seeds, the ranking with its spread; a spread
over fewer than two finished seeds is unknown and written as null) and
OUT/sweep.json. Ctrl+C stops every worker and keeps what is written.
"""


def _lrs(text: str) -> tuple[str | None, list[float]]:
    """``GRID`` or ``OPT=GRID`` -> (optimizer or None, rates)."""
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.training.sweeps import parse_lr_grid

    name, eq, grid = text.partition("=")
    if not eq:
        name, grid = "", text
    try:
        return (name.strip() or None), parse_lr_grid(grid)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(exc.one_line()) from None


def _mean_sd(mean: float | None, sd: float | None, scale: float, fmt: str, unit: str) -> str:
    """``0.4120 ± 0.0130`` (sd over the seeds), just the mean when the spread is unknown (one seed), ``-``."""
    if mean is None:
        return "-"
    text = f"{mean * scale:{fmt}}"
    return (f"{text} ± {sd * scale:{fmt}}" if sd is not None else text) + unit


def add_parser(subparsers: Any) -> None:
    """Register ``cnnviz sweep``."""
    p = subparsers.add_parser(
        "sweep",
        help="optimizers x learning rates x seeds in worker processes (or on Ray)",
        description="Tune every optimizer's learning rate over a log grid with several seeds, then "
        "compare them at their tuned rates with the spread over seeds.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--model", default="lenet5", help="model name (default lenet5)")
    p.add_argument("--model-arg", dest="model_args", action="append", type=parse_kv, metavar="K=V",
                   help="constructor argument for the model, repeatable")
    p.add_argument("--dataset", default="digits",
                   help="digits (default, offline) | shapes | mnist | fashion_mnist | cifar10 | folder")
    p.add_argument("--data-path", help="the image folder for --dataset folder")
    p.add_argument("--image-size", type=positive_int, help="square size folder images are resized to")
    p.add_argument("--train-limit", type=positive_int, help="use only the first N training images")
    p.add_argument("--val-limit", type=positive_int, help="use only the first N validation images")
    p.add_argument("--optimizers", default="sgd,momentum,adam", help="comma-separated (default sgd,momentum,adam)")
    p.add_argument("--lrs", action="append", type=_lrs, metavar="[OPT=]GRID",
                   help="learning rates: LOW:HIGH:COUNT (log spaced) or a,b,c; OPT=GRID for one optimizer "
                        "(default 1e-4:1:7)")
    p.add_argument("--seeds", type=positive_int, default=3, help="how many seeds (default 3)")
    p.add_argument("--seed", type=parse_seed, default=0, help="the first seed (default 0)")
    p.add_argument("--epochs", type=positive_int, default=2, help="epochs per run (default 2)")
    p.add_argument("--batch-size", type=positive_int, default=64, help="batch size (default 64)")
    p.add_argument("--sharpness-every", type=positive_int, metavar="K", help="also estimate sharpness every K steps")
    p.add_argument("--device", default="cpu", help="auto | cpu | cuda | cuda:N | mps (default cpu)")
    p.add_argument("--executor", choices=["local", "ray"], default="local",
                   help="local worker processes (default) or a Ray cluster (pip install 'cnnviz[ray]')")
    p.add_argument("--address", help="Ray cluster address for --executor ray (default: a private local Ray)")
    p.add_argument("--workers", type=positive_int, help="runs at once (default: one per core, at most 8)")
    p.add_argument("--out", default="cnnviz-sweep", help="output folder (default ./cnnviz-sweep)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run)


def _spec(args: argparse.Namespace) -> Any:
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.optimizers import get_optimizer
    from cnnviz.core.training.config import TrainSetup
    from cnnviz.core.training.sweeps import SweepSpec, parse_lr_grid

    setup = TrainSetup(model=args.model, model_kwargs=dict(args.model_args or []), dataset=args.dataset,
                       dataset_path=args.data_path, train_limit=args.train_limit, val_limit=args.val_limit,
                       image_size=args.image_size, epochs=args.epochs, batch_size=args.batch_size,
                       device=args.device, sharpness_every=args.sharpness_every)
    optimizers = [o.strip() for o in args.optimizers.split(",") if o.strip()]
    if not optimizers:
        raise ConfigError("Give at least one optimizer, e.g. --optimizers sgd,adam.")
    names = {get_optimizer(o).name: o for o in optimizers}  # canonical names (UnknownOptimizerError)
    shared = parse_lr_grid("1e-4:1:7")
    own: dict[str, list[float]] = {}
    for name, grid in args.lrs or []:
        if name is None:
            shared = grid
        else:
            canonical = get_optimizer(name).name
            if canonical not in names:
                raise ConfigError(f"--lrs {name}=... names an optimizer that is not in --optimizers.")
            own[canonical] = grid
    lrs = {name: own.get(name, shared) for name in names}
    seeds = list(range(args.seed, args.seed + args.seeds))
    return SweepSpec(setup, list(names), lrs, seeds).validated()


def run(args: argparse.Namespace) -> int:
    """Run the sweep, print the table and the ranking, write the files."""
    from cnnviz.core.training.executors import make_executor
    from cnnviz.core.training.sweeps import Sweep, lr_label

    spec = _spec(args)
    executor = make_executor(args.executor, workers=args.workers, address=args.address)
    sweep = Sweep(spec, out_dir=args.out, executor=executor)
    if not args.quiet:
        grid = ", ".join(f"{o} {len(spec.lrs[o])} rates" for o in spec.optimizers)
        print(f"Sweeping {spec.setup.model} on {spec.setup.dataset}: {grid} × {len(spec.seeds)} seeds "
              f"= {len(sweep.jobs)} runs of {spec.setup.epochs} epoch{'s' if spec.setup.epochs != 1 else ''} "
              f"({args.executor})", file=sys.stderr)
    state: dict[str, Any] = {"last": "", "at": 0.0}

    def progress(fraction: float, message: str) -> None:
        if args.quiet or message == state["last"]:
            return
        state["last"] = message
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{message[:100]:100s}")
            sys.stderr.flush()
        elif time.monotonic() - state["at"] > 5 or fraction >= 1:
            state["at"] = time.monotonic()
            print(message, file=sys.stderr)

    interrupted = False
    try:
        summary = sweep.run(progress=progress)
    except KeyboardInterrupt:
        interrupted = True
        summary = sweep.summary()
    if not args.quiet and sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"{'optimizer':10s} {'lr':>9s} {'best val loss':>18s} {'final val acc':>16s}  state")
    for cell in summary["table"]:
        loss = cell["best_val_loss"]
        acc = cell["final_val_accuracy"]
        loss_text = _mean_sd(loss, cell["best_val_loss_std"], 1.0, ".4f", "")
        acc_text = _mean_sd(acc, cell["final_val_accuracy_std"], 100.0, ".1f", "%")
        note = cell["state"]
        if cell["diverged"] or cell["failed"]:
            note += f" ({cell['diverged']} diverged, {cell['failed']} failed of {cell['seeds']})"
        print(f"{cell['optimizer']:10s} {lr_label(cell['lr']):>9s} {loss_text:>18s} {acc_text:>16s}  {note}")
    if summary["ranking"]:
        spread_known = all(e["best_val_loss_std"] is not None for e in summary["ranking"])
        print("ranking at each optimizer's tuned learning rate "
              + ("(mean ± sd over seeds):" if spread_known else "(mean over the seeds that finished):"))
        for entry in summary["ranking"]:
            tie = "  (within the spread of the next)" if entry["within_spread_of_next"] else ""
            loss_text = _mean_sd(entry["best_val_loss"], entry["best_val_loss_std"], 1.0, ".4f", "")
            print(f"  {entry['rank']}. {entry['optimizer']} lr={lr_label(entry['lr'])}: best val loss "
                  f"{loss_text}{tie}")
        if len(summary["ranking"]) > 1 and not spread_known:
            print("  (only one seed finished: this order may be luck; the spread needs two or more)")
    failed = [r for r in summary["runs"] if r["status"] == "failed"]
    for r in failed[:5]:
        print(f"cnnviz: warning: {r['run']} failed: {r['message']}", file=sys.stderr)
    if not args.quiet:
        out = Path(args.out)
        print(f"Wrote {out / 'metrics.csv'}, {out / 'summary.json'}, {out / 'sweep.json'}", file=sys.stderr)
    if interrupted:
        print("cnnviz: interrupted; unfinished runs are marked stopped", file=sys.stderr)
        return 130
    return 0
