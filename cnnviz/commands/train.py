"""``cnnviz train``: compare optimizers from identical weights on identical batches."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

from cnnviz.commands._common import int_range, parse_kv, parse_seed, positive_int

EPILOG = """\
A run is OPTIMIZER:key=value,... with the optimizer's hyperparameters, plus
bs=N (batch size), schedule=step|cosine|onecycle, name=TEXT and model.KW=V
(model switches such as model.batch_norm=true). Examples:
  cnnviz train --run sgd:lr=0.05 --run adam:lr=1e-3 --epochs 3 --out runs/opt
  cnnviz train --preset learning_rate --out runs/lr
  cnnviz train --dataset mnist --run momentum:lr=0.05,momentum=0.9 --run adamw:lr=1e-3,weight_decay=0.05
Optimizers: sgd momentum nesterov adagrad rmsprop adadelta adam adamw.
Writes OUT/metrics.csv (long form: run, optimizer, step, epoch, split, loss,
accuracy, lr, status, samples, weight_norm on val rows) and OUT/runs.json;
Ctrl+C stops the runs and still writes both.
Earlier results are never overwritten: when OUT already holds metrics.csv or
runs.json, the results go to OUT-2 (then OUT-3, ...), and a note says so.
  cnnviz train --dataset digits --run sgd:lr=0.1 --sharpness-every 20 --out runs/edge
      adds sharpness and sharpness_threshold columns (top Hessian eigenvalue and the
      optimizer's stability edge, e.g. 2/lr for sgd) on every 20th step's row
  cnnviz train --preset digits --snapshots epoch --out runs/digits
      writes OUT/snapshots/<run>/step_<S>.pt (state_dicts) at step 0 and each epoch's end
  cnnviz train --run sgd:lr=0.05 --run adam:lr=1e-3 --save-weights --trajectory-every 5 --out runs/l
      keeps OUT/trajectories/<run>/step_<S>.pt every 5 steps for `cnnviz landscape runs/l`
"""


def add_parser(subparsers: Any) -> None:
    """Register ``cnnviz train``."""
    p = subparsers.add_parser(
        "train",
        help="train several optimizers side by side and write their metrics",
        description="Train one model with several optimizers from the same initial weights and the "
        "same batch order, so that any difference comes from the optimizer.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--preset", help="a ready-made lesson (see --list-presets); other options override it")
    p.add_argument("--list-presets", action="store_true", help="list the lessons and exit")
    p.add_argument("--model", help="model name (default lenet5)")
    p.add_argument("--model-arg", dest="model_args", action="append", type=parse_kv, metavar="K=V",
                   help="constructor argument for every run's model, repeatable (e.g. batch_norm=True)")
    p.add_argument("--dataset", help="shapes (default, built in) | digits (offline, real) | mnist | fashion_mnist | cifar10 | folder")
    p.add_argument("--data-path", help="the image folder for --dataset folder")
    p.add_argument("--image-size", type=int_range(4, 512),
                   help="square size folder images are resized to, 4 to 512 (default 64)")
    p.add_argument("--train-limit", type=int_range(1, 2**40), help="use only the first N training images")
    p.add_argument("--val-limit", type=int_range(1, 2**40), help="use only the first N validation images")
    p.add_argument("--run", dest="runs", action="append", metavar="SPEC",
                   help="a run such as adam:lr=1e-3,beta2=0.99 (repeatable)")
    p.add_argument("--epochs", type=int_range(1, 10**9), help="epochs per run (default 3)")
    p.add_argument("--batch-size", type=int_range(1, 2**24), help="batch size of runs that set none (default 64)")
    p.add_argument("--seed", type=parse_seed, help="seed of the initial weights (and of the data unless --data-seed)")
    p.add_argument("--data-seed", type=parse_seed, help="seed of the data and batch order")
    p.add_argument("--device", default=None, help="auto | cpu | cuda | cuda:N | mps (default cpu)")
    p.add_argument("--out", default="cnnviz-train",
                   help="output folder (default ./cnnviz-train); if it holds earlier results, OUT-2, OUT-3, ...")
    p.add_argument("--save-weights", action="store_true", help="also save each run's state_dict as OUT/<run>.pt")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no start / end lines on stderr")
    p.add_argument("--sharpness-every", type=positive_int, metavar="K",
                   help="estimate the top Hessian eigenvalue every K steps (sharpness columns in the CSV)")
    p.add_argument("--sharpness-probe", type=positive_int, metavar="N",
                   help="training images in the sharpness probe batch (default 128)")
    p.add_argument("--snapshots", type=_every, metavar="epoch|N",
                   help="save each run's weights at step 0 and every epoch / N steps in OUT/snapshots/<run>/")
    p.add_argument("--trajectory-every", type=positive_int, metavar="K",
                   help="save each run's weights every K steps in OUT/trajectories/<run>/ (for cnnviz landscape)")
    p.set_defaults(func=run)


def _every(text: str) -> int | str:
    if text.strip().lower() == "epoch":
        return "epoch"
    return positive_int(text)


class _EpochBar:
    """A text progress bar per epoch on stderr (redrawn in place on a terminal)."""

    def __init__(self, trainer: Any, stream: Any = None, width: int = 28) -> None:
        self.trainer = trainer
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.epoch = -1
        self.last_draw = 0.0

    def __call__(self, fraction: float, message: str) -> None:
        t = self.trainer
        if not getattr(t, "_prepared", False):  # loading / downloading data
            if self.tty:
                self._draw(f"{message[:60]:60s}", fraction)
            return
        if self.epoch >= t.setup.epochs:
            return  # every run ended (finished, diverged, stopped): nothing more to report
        epoch, part = t.epoch_progress()
        if not _active(t):
            if _all_finished(t):  # every epoch ran (progress reports can be rarer than epochs)
                self.epoch = max(self.epoch, 0)
                while self.epoch < t.setup.epochs:
                    self._draw(self._label(self.epoch), 1.0, final=True)
                    self.epoch += 1
                return
            # Every run ended early (diverged, stopped by Ctrl+C): close the epoch in
            # progress once instead of one line per epoch that will never run.
            self.close()
            self.epoch = t.setup.epochs
            return
        while self.epoch < epoch and self.epoch < t.setup.epochs:
            if self.epoch >= 0:
                self._draw(self._label(self.epoch), 1.0, final=True)
            self.epoch += 1
        if self.epoch < t.setup.epochs and self.tty and time.monotonic() - self.last_draw > 0.1:
            self.last_draw = time.monotonic()
            self._draw(self._label(self.epoch), part)

    def _label(self, epoch: int) -> str:
        return f"epoch {epoch + 1}/{self.trainer.setup.epochs}"

    def _draw(self, label: str, fraction: float, final: bool = False) -> None:
        filled = int(round(self.width * max(0.0, min(1.0, fraction))))
        bar = "#" * filled + "." * (self.width - filled)
        losses = []
        for name in self.trainer.log.run_names:
            last = self.trainer.log.latest(name)
            if last:
                losses.append(f"{name} {last['loss']:.3g}")
        tail = "  ".join(losses)
        line = f"{label} [{bar}] {fraction * 100:3.0f}%  {tail}"
        if self.tty:
            self.stream.write("\r" + line[:200].ljust(80) + ("\n" if final else ""))
        elif final:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Finish the last epoch's line (once)."""
        t = self.trainer
        if getattr(t, "_prepared", False) and 0 <= self.epoch < t.setup.epochs:
            epoch, part = t.epoch_progress()
            done = epoch > self.epoch or not _active(t)
            self._draw(self._label(self.epoch), 1.0 if epoch > self.epoch else part, final=True)
            if done:
                self.epoch = t.setup.epochs


def _all_finished(trainer: Any) -> bool:
    """True when every run trained all its epochs."""
    from cnnviz.core.training.metrics import FINISHED

    return all(r.status == FINISHED for r in trainer.runs.values())


def _active(trainer: Any) -> bool:
    """True while some run is still training."""
    from cnnviz.core.training.metrics import RUNNING

    return any(r.status == RUNNING for r in trainer.runs.values())


def _output_folder(out: str) -> tuple[Path, str | None]:
    """The folder to write into, checked before any work, and a note if it is not ``out``.

    A folder that holds earlier results (metrics.csv or runs.json) is never
    overwritten: the next free ``OUT-2``, ``OUT-3``, ... is used instead. Nothing
    is created here: the trainer makes the folder when it writes the first results.
    """
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.safe_io import check_output_folder, kind_of, label

    folder = Path(out)
    try:
        st = folder.stat()
    except OSError:
        st = None
    if st is not None and (kind := kind_of(st.st_mode)) != "a folder":
        raise ConfigError(f"--out {label(folder)} is {kind or 'a file'}; give a folder for the results.")
    check_output_folder(folder, what="output folder")
    if not ((folder / "metrics.csv").exists() or (folder / "runs.json").exists()):
        return folder, None
    for n in range(2, 100_000):
        candidate = folder.with_name(f"{folder.name}-{n}")
        if not candidate.exists():
            check_output_folder(candidate, what="output folder")
            return candidate, f"{label(folder)} holds earlier results; writing to {label(candidate)} instead."
    raise ConfigError(f"{label(folder)} and its numbered copies all hold results; choose another --out.")


def _build(args: argparse.Namespace) -> tuple[Any, list[Any]]:
    from cnnviz.commands._common import check_model_file
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.training.config import TrainSetup, parse_run_spec
    from cnnviz.core.training.presets import get_preset

    if args.model:
        check_model_file(args.model)
    if args.preset:
        setup, runs = get_preset(args.preset).build()
    else:
        setup, runs = TrainSetup(), []
    for attr, key in (("model", "model"), ("dataset", "dataset"), ("data_path", "dataset_path"),
                      ("image_size", "image_size"), ("train_limit", "train_limit"),
                      ("val_limit", "val_limit"), ("epochs", "epochs"), ("batch_size", "batch_size"),
                      ("device", "device"), ("sharpness_every", "sharpness_every"),
                      ("sharpness_probe", "sharpness_probe")):
        value = getattr(args, attr)
        if value is not None:
            setattr(setup, key, value)
    if args.model_args:
        setup.model_kwargs = {**setup.model_kwargs, **dict(args.model_args)}
    if args.seed is not None:
        setup.init_seed = args.seed
        setup.data_seed = args.seed if args.data_seed is None else args.data_seed
    elif args.data_seed is not None:
        setup.data_seed = args.data_seed
    if args.runs:
        runs = [parse_run_spec(spec, i) for i, spec in enumerate(args.runs)]
    if not runs:
        raise ConfigError("Give at least one --run (e.g. --run sgd:lr=0.05 --run adam:lr=1e-3) or a --preset.")
    setup = setup.validated()
    _check_data(setup)
    _check_model_arguments(setup, runs)
    return setup, runs


def _check_data(setup: Any) -> None:
    """Refuse an unknown dataset or a --data-path that is not a folder before anything starts."""
    from cnnviz.core.errors import DatasetError
    from cnnviz.core.training.datasets import get_dataset_info

    info = get_dataset_info(setup.dataset)
    if info.needs_path and setup.dataset_path:
        path = Path(setup.dataset_path).expanduser()
        if not path.exists():
            raise DatasetError(f"The image folder {path} does not exist.")
        if not path.is_dir():
            raise DatasetError(f"{path} is not a folder: choose the folder that holds one sub-folder per class.")


def _check_model_arguments(setup: Any, runs: list[Any]) -> None:
    """Refuse --model-arg / model.* values the model's constructor would reject, before any data."""
    from cnnviz.commands._common import model_prints_to_stderr
    from cnnviz.core.errors import ConfigError
    from cnnviz.core.models.arguments import check_arguments

    seen: set[str] = set()
    for r in runs:
        kwargs = {**setup.model_kwargs, **r.model_kwargs}
        fixed = sorted(k for k in ("num_classes", "in_channels") if k in kwargs)
        if fixed:  # the trainer sets them from the dataset; another value cannot train
            raise ConfigError(
                f"{' and '.join(fixed)} come{'s' if len(fixed) == 1 else ''} from the dataset when training; "
                f"drop --model-arg / model.{fixed[0]}."
            )
        key = repr(sorted(kwargs.items(), key=lambda kv: kv[0]))
        if key in seen:
            continue
        seen.add(key)
        with model_prints_to_stderr():
            check_arguments(setup.model, kwargs)


def _add_recorders(trainer: Any, out_dir: Path, args: argparse.Namespace) -> list[Any]:
    """Weight recorders for --snapshots and --trajectory-every, written under the output folder as training goes."""
    from cnnviz.core.training.snapshots import WeightRecorder

    recorders = []
    if getattr(args, "snapshots", None):
        recorders.append(WeightRecorder(args.snapshots, out_dir / "snapshots"))
    if getattr(args, "trajectory_every", None):
        recorders.append(WeightRecorder(args.trajectory_every, out_dir / "trajectories"))
    for recorder in recorders:
        trainer.add_step_hook(recorder)
    return recorders


def run(args: argparse.Namespace) -> int:
    """Train the runs, print a progress bar per epoch, write metrics.csv and runs.json."""
    if args.list_presets:
        from cnnviz.core.training.presets import list_presets

        for preset in list_presets():
            print(f"{preset.name:15s} {preset.title}\n{'':15s} {preset.lesson_en}")
        return 0
    from cnnviz.commands._common import model_prints_to_stderr
    from cnnviz.core.training.engine import Trainer

    setup, runs = _build(args)
    out_dir, moved = _output_folder(args.out)
    trainer = Trainer(setup, runs, out_dir=out_dir)
    recorders = _add_recorders(trainer, out_dir, args)
    bar = _EpochBar(trainer) if not args.quiet else None
    started = [False]

    def progress(fraction: float, message: str = "") -> None:
        if not started[0] and getattr(trainer, "_prepared", False):
            # Said once the data is in: a mistake found while loading it stays the only line.
            started[0] = True
            if moved:
                print(f"cnnviz: note: {moved}", file=sys.stderr)
            for note in getattr(trainer.data, "notes", ()):  # images skipped, classes missing
                print(f"cnnviz: note: {note}", file=sys.stderr)
            if not args.quiet:
                epochs = f"{setup.epochs} epoch{'s' if setup.epochs != 1 else ''}"
                print(f"Training {setup.model} on {setup.dataset}: {len(runs)} runs × {epochs}, "
                      f"seed {setup.init_seed} (weights) / {setup.data_seed} (data)", file=sys.stderr)
        if bar is not None:
            bar(fraction, message)

    interrupted = False
    try:
        with model_prints_to_stderr():
            trainer.run(progress=progress)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if bar is not None:
            bar.close()
    for recorder in recorders:
        recorder.finish(trainer)
    weights = trainer.save_state_dicts(out_dir) if args.save_weights else []
    summary = trainer.runs_summary()
    for r in summary["runs"]:
        print(f"{r['name']:28s} {r['status']:9s} {_numbers(r)}" + (f"  ({r['message']})" if r["message"] else ""))
    for name in trainer.log.run_names:
        note = trainer.log.snapshot(name).sharpness_message
        if note:
            print(f"{name}: sharpness is NaN ({note})", file=sys.stderr)
    if not args.quiet and (out_dir / "metrics.csv").exists():  # not when stopped while loading data
        also = f" and {len(weights)} weights file{'s' if len(weights) != 1 else ''} (<run>.pt)" if weights else ""
        for recorder in recorders:
            every = "epoch" if recorder.every == "epoch" else f"{recorder.every} steps"
            also += f", weights every {every} in {recorder.folder}{os.sep}<run>{os.sep}"
        print(f"Wrote {out_dir / 'metrics.csv'}, {out_dir / 'runs.json'}{also}", file=sys.stderr)
    if interrupted:
        print("cnnviz: interrupted; unfinished runs are marked stopped", file=sys.stderr)
        return 130
    return 0


def _numbers(run: dict[str, Any]) -> str:
    """``val loss 0.1234, accuracy 97.0%``; says so instead of printing ``nan%``."""
    import math

    acc, loss = run["final_val_accuracy"], run["final_val_loss"]
    if acc is None or loss is None:
        return ""
    if not (math.isfinite(acc) and math.isfinite(loss)):
        return f"val loss {loss:.4g}: the outputs are NaN or infinite, so no accuracy means anything"
    return f"val loss {loss:.4f}, accuracy {acc * 100:.1f}%"
