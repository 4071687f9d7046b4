"""Training: datasets, optimizers, schedules, runs, the engine and its metrics.

Research tools on top: learning-rate sweeps over seeds in worker processes
(``sweeps``, ``executors``), sharpness against each optimizer's stability edge
(``sharpness``), loss landscapes (``landscape``) and weight snapshots (``snapshots``).

Nothing here imports Qt; the Train tab and ``cnnviz train`` share this engine.
"""

from cnnviz.core.training.config import RunConfig, TrainSetup, parse_run_spec
from cnnviz.core.training.datasets import DatasetBundle, DataSplit, list_datasets, load_dataset
from cnnviz.core.training.engine import StepContext, Trainer, resolve_device
from cnnviz.core.training.metrics import MetricsLog, read_metrics_csv, smooth_ema, write_metrics_csv
from cnnviz.core.training.optimizers import get_optimizer, list_optimizers
from cnnviz.core.training.presets import get_preset, list_presets
from cnnviz.core.training.schedules import get_schedule, list_schedules
from cnnviz.core.training.snapshots import WeightRecorder
from cnnviz.core.training.sweeps import Sweep, SweepSpec

__all__ = [
    "DataSplit", "DatasetBundle", "MetricsLog", "RunConfig", "StepContext", "Sweep", "SweepSpec", "TrainSetup",
    "Trainer", "WeightRecorder",
    "get_optimizer", "get_preset", "get_schedule", "list_datasets", "list_optimizers",
    "list_presets", "list_schedules", "load_dataset", "parse_run_spec", "read_metrics_csv",
    "resolve_device", "smooth_ema", "write_metrics_csv",
]
