"""The classic architectures, in order, with their numbers and what each introduced.

Parameters and MACs come from :func:`cnnviz.core.summary.summarize`, run on
the ``meta`` device (shapes only, no memory, no arithmetic), so the whole
timeline takes well under a second and needs no download. Results are cached
per model for the life of the process.

Two depth figures are given, because they differ for branched nets:

* ``weighted_layers`` — how many convolution and linear layers with weights
  run in inference (ResNet-18: 20 convolutions, 3 of them 1×1 shortcuts, + 1
  linear = 21);
* ``depth`` — the longest chain of them from input to output, the number in
  the names (ResNet-18: 18, VGG-16: 16, GoogLeNet: 22).
"""

from __future__ import annotations

import threading
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode
from torch.utils.weak import WeakIdKeyDictionary

from cnnviz.core.explain.text import Text
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress


@dataclass(frozen=True)
class TimelineEntry:
    """One architecture on the timeline: the registered model and what it introduced."""

    model: str  # registry name
    label: str  # as the notes and papers call it
    introduced: Text


def timeline_entries() -> tuple[TimelineEntry, ...]:
    """The architectures of the timeline, in the notes' order: the models registered with ``timeline=``."""
    from cnnviz.core.models._api import timeline_models

    return tuple(
        TimelineEntry(spec.name, spec.timeline.label, Text(spec.timeline.introduced_en, spec.timeline.introduced_zh))
        for spec in timeline_models()
        if spec.timeline is not None
    )


@dataclass(frozen=True)
class TimelineRow:
    """The numbers of one architecture."""

    model: str
    label: str
    year: int | None
    depth: int  # longest chain of conv / linear layers
    weighted_layers: int  # conv + linear layers that run in inference
    params: int  # parameters used in inference
    params_all: int  # including modules that only train (GoogLeNet's auxiliary heads)
    macs: int
    top1: float | None  # ImageNet top-1 (%) of the default pretrained weights, when known
    input_shape: tuple[int, int, int]
    introduced: Text
    spec_introduced: str  # the registry's own line (English)


class _DepthTracker(TorchFunctionMode):
    """Longest chain of conv / linear calls behind every tensor of a forward pass."""

    WEIGHTED = {F.conv2d, F.linear, F.conv1d, F.conv3d, torch.conv2d}

    def __init__(self) -> None:
        super().__init__()
        # torch's WeakIdKeyDictionary is an untyped MutableMapping; tensor -> depth
        self.depth: MutableMapping[Tensor, int] = WeakIdKeyDictionary()
        self.deepest = 0

    def __torch_function__(self, func: Any, types: Any, args: Sequence[Any] = (), kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        result = func(*args, **kwargs)
        ins = [a for a in list(args) + list(kwargs.values()) if isinstance(a, Tensor)]
        for a in list(args) + list(kwargs.values()):
            if isinstance(a, list | tuple):
                ins += [t for t in a if isinstance(t, Tensor)]
        d = max((self.depth.get(t, 0) for t in ins), default=0) + (1 if func in self.WEIGHTED else 0)
        outs = [result] if isinstance(result, Tensor) else [t for t in result if isinstance(t, Tensor)] \
            if isinstance(result, list | tuple) else []
        for t in outs:
            self.depth[t] = d
        self.deepest = max(self.deepest, d)
        return result


def longest_weighted_chain(model: nn.Module, input_shape: tuple[int, ...], device: str = "meta") -> int:
    """Length of the longest input→output chain of conv / linear calls (parameters are not counted)."""
    from cnnviz.core.probe import eval_mode, forward

    x = torch.zeros((1, *input_shape), device=device)
    tracker = _DepthTracker()
    with eval_mode(model), torch.no_grad(), tracker:
        forward(model, x)
    return tracker.deepest


_CACHE: dict[str, TimelineRow] = {}
_LOCK = threading.Lock()


def timeline_row(entry: TimelineEntry) -> TimelineRow:
    """The numbers of one entry (cached)."""
    with _LOCK:
        if entry.model in _CACHE:
            return _CACHE[entry.model]
    from cnnviz.core.models.registry import build_model, get_spec
    from cnnviz.core.summary import summarize

    spec = get_spec(entry.model)
    with torch.device("meta"):
        model = build_model(entry.model, seed=None)
    summary = summarize(model, spec.input_shape, name=entry.model, device="meta")
    unused = sum(r.params for r in summary.layers if r.call == 0)
    weighted = sum(1 for r in summary.layers if r.call >= 1 and r.type in ("Conv2d", "Linear"))
    row = TimelineRow(
        model=entry.model, label=entry.label, year=spec.year,
        depth=longest_weighted_chain(model, spec.input_shape), weighted_layers=weighted,
        params=summary.total_params - unused, params_all=summary.total_params, macs=summary.total_macs,
        top1=spec.top1, input_shape=(spec.input_shape[0], spec.input_shape[1], spec.input_shape[2]), introduced=entry.introduced,
        spec_introduced=spec.introduced,
    )
    with _LOCK:
        _CACHE[entry.model] = row
    return row


def compute_timeline(
    progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
    entries: Sequence[TimelineEntry] | None = None,
) -> list[TimelineRow]:
    """Every timeline row, in order (a worker runs this for the GUI)."""
    entries = timeline_entries() if entries is None else entries
    rows = []
    for i, entry in enumerate(entries):
        if cancel is not None:
            cancel.check()
        progress(i / len(entries), entry.label)
        rows.append(timeline_row(entry))
    progress(1.0, "")
    return rows
