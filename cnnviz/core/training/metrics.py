"""Metrics of a training session: columnar per-run series, CSV and JSON files.

The engine appends one train record per step and one val record per epoch;
the GUI snapshots the columns 10 times a second as numpy arrays (copies taken
under a lock, so the writer never waits long and the reader never sees a
half-written row). CSV files are long form: one row per run, step and split.
"""

from __future__ import annotations

import csv
import io
import json
import math
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

import numpy as np

from cnnviz.core.settings_io import write_bytes_atomic

CSV_COLUMNS = (
    "run", "optimizer", "step", "epoch", "split", "loss", "accuracy", "lr", "status", "samples", "weight_norm"
)
# ``samples``: training images the run has processed when the record was taken (step × batch size
# but for the short last batch of each epoch): the fair x axis when batch sizes differ.
# ``weight_norm``: L2 norm of all the run's parameters, on validation rows (what weight decay shrinks).
TRAIN_COLUMNS = ("step", "epoch", "loss", "accuracy", "lr", "samples")
VAL_COLUMNS = ("step", "epoch", "loss", "accuracy", "lr", "train_loss", "train_accuracy", "samples", "weight_norm")

SHARPNESS_COLUMNS = ("sharpness", "sharpness_threshold")
# Written after CSV_COLUMNS when sharpness was tracked: on the train rows of the steps where it was
# estimated (empty elsewhere; ``nan`` when the estimate itself was NaN). See training/sharpness.py.

# Run states. The last three (and "failed") are final.
PENDING, RUNNING, FINISHED, DIVERGED, STOPPED, FAILED = (
    "pending", "running", "finished", "diverged", "stopped", "failed"
)
FINAL_STATES = (FINISHED, DIVERGED, STOPPED, FAILED)


class _Columns:
    """Growable float64 columns with an append cost of a few array stores."""

    def __init__(self, names: tuple[str, ...], capacity: int = 1024) -> None:
        self.names = names
        self.size = 0
        self._data = np.empty((len(names), capacity), dtype=np.float64)

    def append(self, values: tuple[float, ...]) -> None:
        if self.size == self._data.shape[1]:
            grown = np.empty((len(self.names), self.size * 2), dtype=np.float64)
            grown[:, : self.size] = self._data[:, : self.size]
            self._data = grown
        self._data[:, self.size] = values
        self.size += 1

    def snapshot(self, start: int = 0) -> dict[str, np.ndarray]:
        return {n: self._data[i, start : self.size].copy() for i, n in enumerate(self.names)}


class _Run(TypedDict):
    """One run's live series and state inside :class:`MetricsLog`."""

    optimizer: str
    status: str
    message: str
    train: _Columns
    val: _Columns
    sharpness: _Columns
    sharpness_message: str


@dataclass
class RunSnapshot:
    """A consistent copy of one run's metrics (numpy arrays) and state."""

    name: str
    optimizer: str
    status: str
    message: str
    train: dict[str, np.ndarray]  # step, epoch, loss, accuracy, lr
    val: dict[str, np.ndarray]  # step, epoch, loss, accuracy, lr, train_loss, train_accuracy, samples, weight_norm
    train_offset: int  # index of train["step"][0] in the whole series (for incremental reads)
    sharpness: dict[str, np.ndarray] | None = None  # step, sharpness, threshold (sparse: estimated steps only)
    sharpness_message: str = ""  # why the last NaN estimate is NaN ('' if none was)


class MetricsLog:
    """Thread-safe store of every run's metrics and status."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[str, _Run] = {}
        self.train_size = 0  # images per training epoch (set by the engine): samples -> epochs
        self.sharpness_tracked = False  # set by the engine: the CSV gets the sharpness columns

    def add_run(self, name: str, optimizer: str) -> None:
        """Start an empty series for run ``name`` (a run that already has one keeps it: resuming)."""
        with self._lock:
            if name in self._runs:
                return
            self._runs[name] = {
                "optimizer": optimizer, "status": PENDING, "message": "",
                "train": _Columns(TRAIN_COLUMNS, 4096), "val": _Columns(VAL_COLUMNS, 64),
                "sharpness": _Columns(("step", "sharpness", "threshold"), 64), "sharpness_message": "",
            }

    @property
    def run_names(self) -> list[str]:
        """Runs in the order they were added."""
        with self._lock:
            return list(self._runs)

    def add_train(self, name: str, step: int, epoch: int, loss: float, accuracy: float, lr: float,
                  samples: float = math.nan) -> None:
        """One training step's record (``samples``: images processed so far, this step's included)."""
        with self._lock:
            self._runs[name]["train"].append((step, epoch, loss, accuracy, lr, samples))

    def add_val(self, name: str, step: int, epoch: int, loss: float, accuracy: float, lr: float,
                train_loss: float = math.nan, train_accuracy: float = math.nan, samples: float = math.nan,
                weight_norm: float = math.nan) -> None:
        """One validation record (end of an epoch) with the epoch's mean train loss / accuracy and weight norm."""
        with self._lock:
            self._runs[name]["val"].append(
                (step, epoch, loss, accuracy, lr, train_loss, train_accuracy, samples, weight_norm)
            )

    def add_sharpness(self, name: str, step: int, value: float, threshold: float, message: str = "") -> None:
        """A sharpness estimate of run ``name`` after ``step`` (``message``: why it is NaN)."""
        with self._lock:
            run = self._runs[name]
            run["sharpness"].append((step, value, threshold))
            if message:
                run["sharpness_message"] = f"Step {step}: {message}"

    def has_sharpness(self) -> bool:
        """True when sharpness was tracked or any estimate was recorded (the CSV gets its columns)."""
        with self._lock:
            return self.sharpness_tracked or any(r["sharpness"].size for r in self._runs.values())

    def set_status(self, name: str, status: str, message: str = "") -> None:
        """Set a run's status (and a message for a person, e.g. why it failed)."""
        with self._lock:
            run = self._runs[name]
            if message or status != run["status"]:
                run["message"] = message
            run["status"] = status

    def status(self, name: str) -> str:
        """The run's current status."""
        with self._lock:
            return str(self._runs[name]["status"])

    def statuses(self) -> dict[str, tuple[str, str]]:
        """Every run's (status, message)."""
        with self._lock:
            return {n: (str(r["status"]), str(r["message"])) for n, r in self._runs.items()}

    def train_count(self, name: str) -> int:
        """How many train records run ``name`` has."""
        with self._lock:
            return self._runs[name]["train"].size

    def latest(self, name: str) -> dict[str, float]:
        """The last train record of run ``name`` (empty before its first step)."""
        with self._lock:
            cols = self._runs[name]["train"]
            if cols.size == 0:
                return {}
            return {n: float(cols._data[i, cols.size - 1]) for i, n in enumerate(cols.names)}

    def snapshot(self, name: str, train_start: int = 0) -> RunSnapshot:
        """A copy of run ``name``; ``train_start`` skips train records already read."""
        with self._lock:
            r = self._runs[name]
            return RunSnapshot(
                name, str(r["optimizer"]), str(r["status"]), str(r["message"]),
                r["train"].snapshot(train_start), r["val"].snapshot(), train_start,
                r["sharpness"].snapshot(), str(r["sharpness_message"]),
            )

    def rows(self) -> Iterator[dict[str, Any]]:
        """Long-form rows (train then val per run) with the columns of :data:`CSV_COLUMNS`.

        ``status`` is the run's status when the rows were taken (its final
        status once it ended), so filtering on it selects whole runs.
        """
        with_sharpness = self.has_sharpness()
        for name in self.run_names:
            snap = self.snapshot(name)
            sharp = snap.sharpness or {"step": np.empty(0)}
            by_step = {int(s): i for i, s in enumerate(sharp["step"])}
            for split, cols in (("train", snap.train), ("val", snap.val)):
                for i in range(len(cols["step"])):
                    extra: dict[str, Any] = {}
                    if with_sharpness:
                        j = by_step.get(int(cols["step"][i])) if split == "train" else None
                        extra = {"sharpness": None if j is None else float(sharp["sharpness"][j]),
                                 "sharpness_threshold": None if j is None else float(sharp["threshold"][j])}
                    yield {
                        "run": name, "optimizer": snap.optimizer, "step": int(cols["step"][i]),
                        "epoch": int(cols["epoch"][i]), "split": split, "loss": float(cols["loss"][i]),
                        "accuracy": float(cols["accuracy"][i]), "lr": float(cols["lr"][i]),
                        "status": snap.status, "samples": _int_or_nan(cols["samples"][i]),
                        "weight_norm": float(cols["weight_norm"][i]) if "weight_norm" in cols else math.nan,
                        **extra,
                    }

    def to_dict(self) -> dict[str, Any]:
        """Every run's columns, status and message as JSON-safe lists (NaN / inf become strings)."""
        runs = {}
        for name in self.run_names:
            snap = self.snapshot(name)
            runs[name] = {
                "optimizer": snap.optimizer, "status": snap.status, "message": snap.message,
                "train": {k: _encode(v) for k, v in snap.train.items()},
                "val": {k: _encode(v) for k, v in snap.val.items()},
            }
            if snap.sharpness is not None and snap.sharpness["step"].size:
                runs[name]["sharpness"] = {k: _encode(v) for k, v in snap.sharpness.items()}
                runs[name]["sharpness_message"] = snap.sharpness_message
        return {"train_size": self.train_size, "runs": runs, "sharpness_tracked": self.sharpness_tracked}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MetricsLog:
        """The inverse of :meth:`to_dict` (ValueError / KeyError / TypeError if malformed)."""
        log = cls()
        log.train_size = int(data.get("train_size") or 0)
        log.sharpness_tracked = bool(data.get("sharpness_tracked", False))
        for name, run in dict(data["runs"]).items():
            log.add_run(str(name), str(run["optimizer"]))
            entry = log._runs[str(name)]
            entry["status"], entry["message"] = str(run["status"]), str(run.get("message", ""))
            for split, names, target in (("train", TRAIN_COLUMNS, entry["train"]), ("val", VAL_COLUMNS, entry["val"])):
                columns = [_decode(run[split].get(col)) for col in names]
                size = max((c.size for c in columns), default=0)
                for i in range(size):
                    target.append(tuple(float(c[i]) if i < c.size else math.nan for c in columns))
            sharp = run.get("sharpness")
            if sharp:
                cols = [_decode(sharp.get(k)) for k in ("step", "sharpness", "threshold")]
                for i in range(cols[0].size):
                    entry["sharpness"].append(tuple(float(c[i]) if i < c.size else math.nan for c in cols))
                entry["sharpness_message"] = str(run.get("sharpness_message", ""))
        return log


def _encode(values: np.ndarray) -> list[float | str]:
    """Floats for JSON: finite values as they are, NaN / ±inf as the strings ``nan`` / ``inf`` / ``-inf``."""
    out: list[float | str] = values.tolist()
    if not np.isfinite(values).all():
        out = [v if math.isfinite(v) else str(v) for v in out]  # type: ignore[arg-type]
    return out


def _decode(values: Any) -> np.ndarray:
    if values is None:
        return np.empty(0)
    return np.array([float(v) for v in values], dtype=np.float64)


def _int_or_nan(value: float) -> int | float:
    return int(value) if math.isfinite(value) else math.nan


def metrics_csv_text(log: MetricsLog) -> str:
    """The whole log as CSV text (header :data:`CSV_COLUMNS`; floats with full precision)."""
    buf = io.StringIO()
    columns = CSV_COLUMNS + (SHARPNESS_COLUMNS if log.has_sharpness() else ())
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in log.rows():
        for key in SHARPNESS_COLUMNS:
            if key in row:
                row[key] = "" if row[key] is None else repr(row[key])
        row["samples"] = "" if isinstance(row["samples"], float) else row["samples"]
        row["loss"] = repr(row["loss"])
        row["accuracy"] = repr(row["accuracy"])
        row["lr"] = repr(row["lr"])
        row["weight_norm"] = "" if math.isnan(row["weight_norm"]) else repr(row["weight_norm"])  # none on train rows
        writer.writerow(row)
    return buf.getvalue()


def write_metrics_csv(log: MetricsLog, path: str) -> None:
    """Write the log as CSV to ``path`` atomically (temporary file, then rename)."""
    write_bytes_atomic(path, metrics_csv_text(log).encode("utf-8"))


def read_metrics_csv(path: str) -> list[dict[str, Any]]:
    """Rows of a metrics CSV with numbers parsed (the inverse of :func:`write_metrics_csv`)."""
    out: list[dict[str, Any]] = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.append({
                "run": row["run"], "optimizer": row["optimizer"], "step": int(row["step"]),
                "epoch": int(row["epoch"]), "split": row["split"], "loss": float(row["loss"]),
                "accuracy": float(row["accuracy"]), "lr": float(row["lr"]), "status": row["status"],
                "samples": int(row["samples"]) if row.get("samples") else math.nan,
                "weight_norm": float(row["weight_norm"]) if row.get("weight_norm") else math.nan,
            })
            for key in SHARPNESS_COLUMNS:
                if key in row:
                    out[-1][key] = float(row[key]) if row[key] else None

    return out


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


def write_json(data: Any, path: str) -> None:
    """Write ``data`` as pretty JSON atomically (NaN / inf become null)."""
    write_bytes_atomic(path, (json.dumps(_json_safe(data), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def smooth_ema(values: np.ndarray, weight: float, state: tuple[float, int] | None = None
               ) -> tuple[np.ndarray, tuple[float, int]]:
    """TensorBoard-style debiased exponential moving average, vectorised.

    ``weight`` in [0, 1): 0 returns the values, 0.99 smooths heavily. ``state``
    (from a previous call) continues a series, so new points cost only their
    own count. Returns the smoothed values and the state to pass next time.
    NaN / inf values are passed through as they are (a run stops there anyway).
    """
    x = np.asarray(values, dtype=np.float64)
    acc, count = state if state is not None else (0.0, 0)
    if weight <= 0 or x.size == 0:
        return x.copy(), (float(x[-1]) if x.size else acc, count + x.size)
    a = float(weight)
    out = np.empty_like(x)
    block = 256
    k = np.arange(block)
    # y[j] = a^(j+1)·acc + (1-a)·Σ_{i≤j} a^(j-i)·x[i]  within a block (lower-triangular Toeplitz).
    powers = a ** np.maximum(k[:, None] - k[None, :], 0).astype(np.float64)  # upper part dropped below
    tri = np.tril(powers) * (1 - a)
    carry = a ** (k + 1)
    finite = np.isfinite(x)
    xf = np.where(finite, x, 0.0)
    for start in range(0, x.size, block):
        chunk = xf[start : start + block]
        n = chunk.size
        y = tri[:n, :n] @ chunk + carry[:n] * acc
        # Debias: divide by the weight the samples so far carry (1 - a^count).
        idx = count + start + np.arange(1, n + 1)
        out[start : start + n] = y / (1.0 - a ** idx)
        acc = float(y[-1])
    out[~finite] = x[~finite]
    return out, (acc, count + x.size)
