"""``cnnviz playground``: optimizer trajectories on a 2-D surface, printed as CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from typing import Any

from cnnviz.commands._common import parse_kv

EPILOG = """\
Each row is one optimizer at one step: optimizer, step, x, y, loss, status
(step 0 is the start point; status turns 'diverged' at the step where the path
became non-finite or left the plotted area by more than half its size).
Hyperparameters you do not give take the surface's suggested value (tuned so
the race is visible), else torch's default.

examples:
  cnnviz playground --list
  cnnviz playground --surface rosenbrock --optimizer sgd:lr=0.001 --optimizer adam:lr=0.05 \\
      --start=-1.5,2 --steps 500
  cnnviz playground --surface quadratic --param lambda1=1 --param lambda2=10 --param angle=30 \\
      --optimizer sgd:lr=0.19 --optimizer sgd:lr=0.21 --steps 100 --format json
  cnnviz playground --surface quadratic --param lambda2=10 --explain-lr 0.21
"""


def _parse_start(text: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected X,Y numbers, got {text!r}") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise argparse.ArgumentTypeError(f"the start point must be finite, got {text!r}")
    return x, y


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``playground`` sub-command."""
    p = subparsers.add_parser(
        "playground",
        help="optimizer trajectories on a 2-D loss surface (CSV/JSON)",
        description="Run real torch.optim optimizers on a 2-D loss surface and print their paths.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--surface", default="quadratic", help="surface name (default quadratic; see --list)")
    p.add_argument(
        "--param", dest="params", action="append", type=parse_kv, metavar="K=V",
        help="surface parameter, repeatable (e.g. lambda2=25)",
    )
    p.add_argument(
        "--optimizer", dest="optimizers", action="append", metavar="NAME[:K=V,...]",
        help="optimizer and hyperparameters, repeatable (default: sgd, momentum, adam)",
    )
    p.add_argument("--start", type=_parse_start, metavar="X,Y", help="start point (default: the surface's)")
    p.add_argument("--steps", type=int, help="number of steps (default: the surface's)")
    p.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default csv)")
    p.add_argument("--list", action="store_true", help="list surfaces and optimizers with their parameters")
    p.add_argument(
        "--explain-lr", type=float, metavar="LR",
        help="instead of trajectories, explain gradient descent with this lr "
        "(H, eigenvalues, 2/λmax, |1 − lr·λ|, regime)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the trajectories (or the listing / lr explanation)."""
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.playground import (
        RacerConfig,
        analyze_surface,
        get_surface,
        parse_optimizer_spec,
        run_race,
        suggested_hyperparams,
        unique_labels,
    )

    if args.list:
        _print_listing()
        return 0
    surface = get_surface(args.surface, dict(args.params or []))
    if args.explain_lr is not None:
        if not (math.isfinite(args.explain_lr) and args.explain_lr > 0):
            raise ConfigError(f"--explain-lr must be a positive number, got {args.explain_lr}.")
        import numpy as np

        with np.errstate(over="ignore", invalid="ignore"):  # a huge lr gives inf factors: shown as such
            analysis = analyze_surface(surface, args.explain_lr)
        _print_analysis(analysis, args.format)
        return 0
    steps = surface.spec.default_steps if args.steps is None else args.steps
    if steps < 0:
        raise ConfigError(f"--steps must be 0 or more, got {steps}.")
    start = args.start or surface.spec.default_start
    parsed = [parse_optimizer_spec(s) for s in (args.optimizers or ["sgd", "momentum", "adam"])]
    labels = unique_labels(parsed)
    racers = [
        RacerConfig(name, suggested_hyperparams(surface, name, hp), label)
        for (name, hp), label in zip(parsed, labels, strict=True)
    ]
    trajectories = run_race(surface, racers, start, steps)
    rows = [row for t in trajectories for row in t.to_rows()]
    if args.format == "json":
        doc = {
            "surface": surface.name,
            "params": dict(surface.params),
            "start": list(start),
            "steps": steps,
            "optimizers": [
                {
                    "label": t.label,
                    "name": t.optimizer,
                    "hyperparams": dict(t.hyperparams),
                    "status": t.status(),
                    "diverged_at": t.diverged_at,
                    "final_loss": _json_number(float(t.loss[-1])),
                }
                for t in trajectories
            ],
            "rows": [{k: _json_number(v) for k, v in r.items()} for r in rows],
        }
        json.dump(doc, sys.stdout, indent=1, allow_nan=False)
        sys.stdout.write("\n")
    else:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["optimizer", "step", "x", "y", "loss", "status"])
        for r in rows:
            writer.writerow([r["optimizer"], r["step"], repr(r["x"]), repr(r["y"]), repr(r["loss"]), r["status"]])
    return 0


def _json_number(value: Any) -> Any:
    """JSON has no NaN or infinity: those become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _print_listing() -> None:
    from cnnviz.core.playground import (
        get_optimizer_spec,
        get_surface_spec,
        list_optimizers,
        list_surfaces,
    )

    print("surfaces:")
    for name in list_surfaces():
        s = get_surface_spec(name)
        params = ", ".join(f"{p.name}={p.default:g} [{p.minimum:g}, {p.maximum:g}]" for p in s.params)
        print(f"  {name:11s} {s.formula}")
        print(f"  {'':11s} start {s.default_start}, {s.default_steps} steps" + (f"; params: {params}" if params else ""))
    print("optimizers (torch.optim):")
    for name in list_optimizers():
        o = get_optimizer_spec(name)
        hps = ", ".join(f"{h.name}={h.default:g} {h.range_text()}" for h in o.hyperparams)
        print(f"  {name:9s} {o.torch_class.__name__:9s} {hps}")


def _print_analysis(a: Any, fmt: str) -> None:
    if fmt == "json":
        doc = {
            "hessian": a.hessian.tolist(),
            "eigenvalues": a.eigenvalues.tolist(),
            "condition_number": a.condition_number,
            "lr": a.lr,
            "lr_bound": a.lr_bound,
            "lr_optimal": a.lr_optimal,
            "factors": a.factors.tolist(),
            "abs_factors": a.abs_factors.tolist(),
            "regime": a.regime.value,
            "regime_en": a.regime.en,
            "regime_zh": a.regime.zh,
            "exact": a.exact,
            "center": list(a.center),
            "explanation_en": a.explanation.en,
            "explanation_zh": a.explanation.zh,
        }
        print(json.dumps(doc, indent=1, ensure_ascii=False))
        return
    h = a.hessian
    print(f"H = [[{h[0, 0]:.4g}, {h[0, 1]:.4g}], [{h[1, 0]:.4g}, {h[1, 1]:.4g}]]" + ("" if a.exact else f" at {a.center}"))
    print(f"eigenvalues: λ1 = {a.eigenvalues[0]:.4g}, λ2 = {a.eigenvalues[1]:.4g}")
    if a.condition_number is not None:
        print(f"condition number κ = {a.condition_number:.4g}")
    if a.lr_bound is not None:
        print(f"bound 2/λmax = {a.lr_bound:.4g}")
    print(f"lr = {a.lr:.4g}: |1 − lr·λ1| = {a.abs_factors[0]:.4g}, |1 − lr·λ2| = {a.abs_factors[1]:.4g}")
    print(f"regime: {a.regime.en}")
    print(a.explanation.en)
