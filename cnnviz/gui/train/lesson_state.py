"""The Train tab's lesson and settings data: what a lesson file holds and how it is read back.

Plain data and pure functions (no widgets): :class:`TrainedSession` is what
was trained (setup, runs, curves, optionally a checkpoint to continue and
the weight snapshots); :func:`read_lesson_state` checks a lesson's Train
part completely before the tab changes anything; :func:`session_state`
writes a session, its checkpoint and snapshots as attachments.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

from cnnviz.core.errors import CnnvizError, ConfigError
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.training.config import RunConfig, TrainSetup
from cnnviz.core.training.datasets import DatasetBundle
from cnnviz.core.training.metrics import MetricsLog
from cnnviz.core.training.presets import Preset, get_preset
from cnnviz.core.training.snapshots import WeightRecorder, parse_every, state_dict_bytes

LESSON_FORMAT = 1
#: Lessons carry each run's weights and optimizer state (so training can continue) up to this size;
#: bigger models (ResNet-18: ~130 MB a run) keep only their curves and settings.
MAX_CHECKPOINT_BYTES = 24 * 2**20
#: Weight snapshots (the time-lapse Inspect replays) travel in a lesson up to this size (LeNet-5: 0.25 MB each).
MAX_SNAPSHOT_BYTES = 32 * 2**20
#: A lesson with more runs than this is refused (the run table and the plots are made for a handful).
MAX_RUNS = 32
#: Snapshots of the weights by default: at the end of every epoch (and the shared start).
DEFAULT_SNAPSHOTS = "epoch"


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


@dataclass
class TrainedSession:
    """What was trained: enough to show its curves, to continue it later and to replay its weights."""

    setup: TrainSetup
    runs: list[RunConfig]
    log: MetricsLog
    checkpoint: bytes | None = None  # None: not saved (too big) or not taken yet
    data: DatasetBundle | None = None  # kept so that continuing needs no reload
    snapshots: WeightRecorder | None = None  # the weights at chosen steps (Inspect's time-lapse)
    snapshot_blob: bytes | None = field(default=None, repr=False)  # as read from a lesson (saved back as is)

    def epochs_done(self) -> dict[str, int]:
        """Completed epochs per run (from the validation records)."""
        out = {}
        for r in self.runs:
            epochs = self.log.snapshot(r.name).val["epoch"]
            out[r.name] = int(epochs.max()) if epochs.size else 0
        return out


@dataclass
class LessonParts:
    """A lesson's Train part, checked and ready to show."""

    preset: Preset | None
    setup: TrainSetup
    runs: list[RunConfig]
    colors: list[str]
    plots: dict[str, Any]
    hidden: list[str]
    snapshots_every: int | str | None
    session: TrainedSession | None


def checkpoint_bytes(ref: object, attachments: Attachments | None) -> bytes | None:
    """A lesson's training checkpoint: an attachment (format 2) or base64 text (format 1)."""
    if not ref:
        return None
    item = attachments.get(ref, "checkpoint") if attachments is not None else None
    if item is not None:
        return item.data
    if isinstance(ref, str) and len(ref) != 64:
        return base64.b64decode(ref, validate=True)
    raise ConfigError("its training checkpoint is missing from the file")


def _snapshots(ref: object, attachments: Attachments | None) -> tuple[WeightRecorder | None, bytes | None]:
    if not ref:
        return None, None
    item = attachments.get(ref, "data") if attachments is not None else None
    if item is None:
        raise ConfigError("its weight snapshots are missing from the file")
    return WeightRecorder.from_bytes(item.data), item.data


def snapshot_size(recorder: WeightRecorder) -> int:
    """Bytes the snapshots of ``recorder`` take (one snapshot's size × their count)."""
    runs = [r for r in recorder.runs() if recorder.steps(r)]
    if not runs:
        return 0
    one = state_dict_bytes(recorder.load(runs[0], recorder.steps(runs[0])[0]))
    return one * sum(len(recorder.steps(r)) for r in runs)


def parse_snapshots_every(value: object) -> int | str | None:
    """A saved snapshot setting: ``"epoch"``, a step count, or None (off)."""
    if value in (None, "", "off", 0):
        return None
    return parse_every(value)  # type: ignore[arg-type]


def _read_session(raw: dict[str, Any], attachments: Attachments | None) -> TrainedSession:
    checkpoint = checkpoint_bytes(raw.get("checkpoint"), attachments)
    snapshots, blob = _snapshots(raw.get("snapshots"), attachments)
    session = TrainedSession(TrainSetup(**raw["setup"]).validated(),
                             [RunConfig.from_dict(d).validated() for d in raw["runs"]],
                             MetricsLog.from_dict(raw["metrics"]), checkpoint, snapshots=snapshots,
                             snapshot_blob=blob)
    missing = {r.name for r in session.runs} - set(session.log.run_names)
    if missing:
        raise ConfigError(f"no metrics for {', '.join(sorted(missing))}")
    return session


def read_lesson_state(state: dict[str, Any], attachments: Attachments | None) -> LessonParts:
    """Check a lesson's Train part; ConfigError (for a person) naming what cannot be read."""
    try:
        if int(state.get("format", LESSON_FORMAT)) > LESSON_FORMAT:
            raise ConfigError("it was saved by a newer cnnviz")
        setup = TrainSetup(**state["setup"]).validated()
        if len(state["runs"]) > MAX_RUNS:
            raise ConfigError(f"it has {len(state['runs'])} runs; a lesson holds at most {MAX_RUNS}")
        runs = [RunConfig.from_dict(d).validated() for d in state["runs"]]
        preset = get_preset(state["preset"]) if state.get("preset") else None
        raw = state.get("session")
        return LessonParts(
            preset, setup, runs, [str(c) for c in state.get("colors", [])], dict(state.get("plots", {})),
            [str(n) for n in state.get("hidden", [])],
            parse_snapshots_every(state.get("snapshots_every", DEFAULT_SNAPSHOTS)),
            _read_session(raw, attachments) if raw else None,
        )
    except ConfigError as exc:
        raise ConfigError(tr("The Train part of this lesson cannot be read: {0}").format(exc)) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(tr("The Train part of this lesson cannot be read ({0}).").format(exc)) from None


def session_state(session: TrainedSession, checkpoint: bytes | None,
                  attachments: Attachments | None) -> dict[str, Any]:
    """A session as lesson data: curves inline, checkpoint and snapshots as attachments (when small enough)."""
    if checkpoint is not None and len(checkpoint) > MAX_CHECKPOINT_BYTES:
        checkpoint = None
    ref = None
    if checkpoint and attachments is not None:
        ref = attachments.add(checkpoint, "training checkpoint.pt", "checkpoint")
    out: dict[str, Any] = {
        "setup": session.setup.to_dict(),
        "runs": [r.to_dict() for r in session.runs],
        "metrics": session.log.to_dict(),
        "checkpoint": ref,
    }
    blob = session.snapshot_blob
    rec = session.snapshots
    if blob is None and rec is not None and rec.runs() and snapshot_size(rec) <= MAX_SNAPSHOT_BYTES:
        blob = rec.to_bytes()
        session.snapshot_blob = blob  # unchanged until the next training: saved again as is
    if blob is not None and attachments is not None:
        out["snapshots"] = attachments.add(blob, "weight snapshots.pt", "data")
    return out


# ---------------------------------------------------------------- settings (choices only, never payloads)


def write_settings(s: QSettings, setup: TrainSetup, runs: list[RunConfig], preset: Preset | None,
                  plots: dict[str, Any], snapshots_every: int | str | None) -> None:
    """Remember the setup, the runs, the lesson's name, the plot options and the snapshot choice."""
    s.setValue("train/setup", json.dumps(setup.to_dict()))
    s.setValue("train/runs", json.dumps([r.to_dict() for r in runs]))
    s.setValue("train/preset", preset.name if preset else "")
    s.setValue("train/smoothing", plots["smoothing"])
    s.setValue("train/log_y", plots["log_y"])
    s.setValue("train/x_axis", plots["x_axis"])
    s.setValue("train/snapshots", str(snapshots_every or "off"))


@dataclass
class SavedSettings:
    """What :func:`write_settings` stored, read back (None where nothing readable was stored)."""

    setup: TrainSetup | None = None
    runs: list[RunConfig] | None = None
    preset: Preset | None = None
    plots: dict[str, Any] = field(default_factory=dict)
    snapshots_every: int | str | None = DEFAULT_SNAPSHOTS


def read_settings(s: QSettings) -> SavedSettings:
    """The settings :func:`write_settings` stored; anything unreadable is left out."""
    out = SavedSettings()
    try:
        raw_setup, raw_runs = s.value("train/setup"), s.value("train/runs")
        if raw_setup and raw_runs:
            out.setup = TrainSetup(**json.loads(str(raw_setup))).validated()
            out.runs = [RunConfig.from_dict(d) for d in json.loads(str(raw_runs))]
            preset = str(s.value("train/preset") or "")
            out.preset = get_preset(preset) if preset else None
        out.plots = {"smoothing": int(str(s.value("train/smoothing", 90))),
                     "log_y": str(s.value("train/log_y", "false")).lower() == "true",
                     "x_axis": str(s.value("train/x_axis", "step"))}
        out.snapshots_every = parse_snapshots_every(s.value("train/snapshots", DEFAULT_SNAPSHOTS))
    except (CnnvizError, TypeError, ValueError, KeyError):
        pass
    return out
