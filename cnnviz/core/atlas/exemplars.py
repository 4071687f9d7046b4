"""The exemplar index: for every channel of some layers, the K images that excite it most.

:func:`build_index` runs the model once over an image set in batches. A
forward hook on each chosen layer reduces its output on the spot to, per
image and channel, the largest activation over space and where it is
(``y, x`` in the layer's output); a running top-K per channel keeps the K best
*images* (one record per image, at its strongest position, as the top-9
patches of Zeiler & Fergus 2014 and the Deep Visualization Toolbox show
distinct images). Nothing else is kept: the index never holds activations,
only K records of (value, image number, y, x) per channel
(:meth:`ExemplarIndex.bytes_per_channel`).

Records are ordered by value, ties by image order, so the result does not
depend on how the images were split into batches or runs.

The value is the unit's output for the image as ``cnnviz activations`` feeds
it (:func:`cnnviz.core.images.prepare` with the given preprocessing); the box
is the unit's analytic receptive field (:func:`cnnviz.core.atlas.crops.unit_box`).

**Resumable.** The index records how many images (in the source's order)
it has visited; ``checkpoint`` is called every few seconds and when the run
stops for any reason (cancel, Ctrl+C, an error), so what is on disk is
always a valid partial index, and a later run with ``resume`` continues
where it stopped. :func:`open_index` does all of that through an
:class:`~cnnviz.core.atlas.cache.AtlasCache`.

Unusable images (see :mod:`cnnviz.core.atlas.sources`) are counted by reason
and never stop the run.
"""

from __future__ import annotations

import io
import json
import math
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch
from torch import Tensor, nn

from cnnviz.core.atlas.cache import AtlasCache, index_key, preprocess_dict, weights_fingerprint
from cnnviz.core.atlas.crops import Box, unit_box
from cnnviz.core.atlas.inputs import batch_inputs
from cnnviz.core.atlas.sources import SKIP_REASONS, ImageSource, SourceImage
from cnnviz.core.errors import CnnvizError, ConfigError, ModelError
from cnnviz.core.images import Preprocess
from cnnviz.core.messages import join, message_of, msg
from cnnviz.core.probe import call_key, eval_mode, first_tensor, forward
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress
from cnnviz.core.receptive import ReceptiveField

#: How many skip messages an index keeps to show (the counts are complete).
MAX_SKIP_EXAMPLES = 20


class IndexFileError(CnnvizError):
    """An index file is damaged or was written by an incompatible cnnviz."""


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class LayerGeometry:
    """What the index needs to know about one layer: channels, output size, receptive field."""

    key: str
    channels: int
    out_hw: tuple[int, int]  # (1, 1) for a layer without spatial layout
    rf: ReceptiveField | None  # None: each unit sees the whole input

    def box(self, y: int, x: int, input_hw: tuple[int, int]) -> Box:
        """The receptive field of unit (y, x): ``[top, left, bottom, right)`` in input pixels."""
        return unit_box(self.rf, y, x, input_hw)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        rf = None
        if self.rf is not None:
            rf = {"size": list(self.rf.size), "jump": list(self.rf.jump), "start": list(self.rf.start),
                  "aligned": self.rf.aligned,
                  "bounds": None if self.rf.bounds is None else [list(b) for b in self.rf.bounds]}
        return {"key": self.key, "channels": self.channels, "out_hw": list(self.out_hw), "rf": rf}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LayerGeometry:
        """Inverse of :meth:`to_dict`."""
        rf = d.get("rf")
        field_ = None
        if rf is not None:
            field_ = ReceptiveField(
                size=tuple(float(v) for v in rf["size"]),  # type: ignore[arg-type]
                jump=tuple(float(v) for v in rf["jump"]),  # type: ignore[arg-type]
                start=tuple(float(v) for v in rf["start"]),  # type: ignore[arg-type]
                aligned=bool(rf.get("aligned", True)),
                bounds=None if rf.get("bounds") is None else tuple(
                    (float(lo), float(hi)) for lo, hi in rf["bounds"]
                ),  # type: ignore[arg-type]
            )
        return cls(str(d["key"]), int(d["channels"]), (int(d["out_hw"][0]), int(d["out_hw"][1])), field_)


def layer_geometry(model: nn.Module, input_shape: Sequence[int], layers: Sequence[str]) -> dict[str, LayerGeometry]:
    """Channels, output size and receptive field of each layer key (``name`` or ``name#k``)."""
    import difflib

    from cnnviz.core.summary import summarize

    summary = summarize(model, tuple(int(v) for v in input_shape))
    rows = {r.key: r for r in summary.layers}
    out: dict[str, LayerGeometry] = {}
    for key in layers:
        row = rows.get(key)
        if row is None or row.call == 0:
            close = difflib.get_close_matches(key, list(rows), n=4, cutoff=0.4)
            if close:
                raise ModelError(msg(
                    "Unknown layer {layer!r}. Closest: {close}. Run `cnnviz summary MODEL` to list layers.",
                    layer=key, close=", ".join(close),
                ))
            raise ModelError(msg("Unknown layer {layer!r}. Run `cnnviz summary MODEL` to list layers.", layer=key))
        shape = row.output_shape
        if shape is None or len(shape) not in (1, 3):
            raise ModelError(msg(
                "Layer {layer!r} outputs {output}; exemplars need a "
                "layer whose output is channels × height × width (or one value per channel).",
                layer=key, output=msg("nothing") if shape is None else list(shape),
            ))
        hw = (int(shape[1]), int(shape[2])) if len(shape) == 3 else (1, 1)
        out[key] = LayerGeometry(key, int(shape[0]), hw, row.rf if len(shape) == 3 else None)
    return out


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TopK:
    """A layer's K best records per channel, best first; image -1 marks an empty slot."""

    values: np.ndarray  # float32 (C, K), -inf where empty
    images: np.ndarray  # int32 (C, K): image number in the source's order
    ys: np.ndarray  # int32 (C, K)
    xs: np.ndarray  # int32 (C, K)

    @classmethod
    def empty(cls, channels: int, k: int) -> TopK:
        """No record yet."""
        return cls(
            np.full((channels, k), -np.inf, np.float32),
            np.full((channels, k), -1, np.int32),
            np.zeros((channels, k), np.int32),
            np.zeros((channels, k), np.int32),
        )

    def merged(self, values: np.ndarray, positions: np.ndarray, numbers: np.ndarray, width: int) -> TopK:
        """A new TopK with one batch added: ``values`` / ``positions`` (B, C), image ``numbers`` (B,).

        ``numbers`` must be larger than every image number already held, so a
        stable sort orders ties by image number whatever the batching.
        """
        k = self.values.shape[1]
        b = len(numbers)
        if self.images[:, -1].min() >= 0 and not (values >= self.values[:, -1][None, :]).any():
            return self  # every slot is taken and nothing in this batch reaches any channel's K-th best
        cand_v = np.concatenate([self.values, values.T.astype(np.float32, copy=False)], axis=1)
        cand_i = np.concatenate([self.images, np.broadcast_to(numbers.astype(np.int32), (len(self.values), b))], axis=1)
        pos = positions.T
        cand_y = np.concatenate([self.ys, (pos // width).astype(np.int32)], axis=1)
        cand_x = np.concatenate([self.xs, (pos % width).astype(np.int32)], axis=1)
        # Empty slots (-inf, image -1) come first among equals: push them behind real records.
        key = np.where(cand_i < 0, np.inf, -cand_v.astype(np.float64))
        order = np.argsort(key, axis=1, kind="stable")[:, :k]
        take = np.take_along_axis
        return TopK(take(cand_v, order, 1), take(cand_i, order, 1), take(cand_y, order, 1), take(cand_x, order, 1))

    @property
    def nbytes(self) -> int:
        """Bytes of the four arrays."""
        return self.values.nbytes + self.images.nbytes + self.ys.nbytes + self.xs.nbytes


@dataclass(frozen=True)
class Exemplar:
    """One stored record: a unit of ``layer``/``channel`` at (y, x) on one image."""

    layer: str
    channel: int
    rank: int  # 0 = best
    image_id: str  # the source's id (read it with ``source.read(image_id)``)
    image: str  # what index.json calls it: a path for files
    y: int
    x: int
    value: float
    box: Box  # receptive field [top, left, bottom, right), input pixels, before clipping


class ImageNames(Sequence[str]):
    """Image ids or labels by image number.

    While indexing, every name comes from the source; an index read from a
    file knows only the images its records use (storing all N names would
    make the file grow with the image set, which the records do not).
    """

    def __init__(self, total: int, known: dict[int, str] | None = None,
                 lookup: Callable[[int], str] | None = None) -> None:
        self.total = int(total)
        self.known = known or {}
        self.lookup = lookup

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, number: int) -> str:  # type: ignore[override]
        if not isinstance(number, int) or not 0 <= number < self.total:
            raise IndexError(number)
        if self.lookup is not None:
            return self.lookup(number)
        try:
            return self.known[number]
        except KeyError:
            raise IndexError(f"image {number} is used by no record of this index") from None


@dataclass(frozen=True)
class IndexProgress:
    """Everything that changes while indexing, replaced as one object after each batch.

    One assignment makes a batch count or not count as a whole, so a run
    stopped at any moment (Ctrl+C included) leaves a consistent index.
    """

    records: dict[str, TopK]
    done: int = 0  # images visited, in the source's order
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SKIP_REASONS, 0))
    skip_examples: tuple[str, ...] = ()
    grayscale: int = 0  # grayscale files used (converted to RGB)
    seconds: float = 0.0  # indexing time so far, all runs


@dataclass
class ExemplarIndex:
    """Top-K exemplar records of some layers over one image set, for one model and its weights."""

    key: str
    model: str
    weights: str  # weights_fingerprint
    dataset: str  # what the user picked (folder path, dataset name)
    dataset_hash: str
    preprocess: Preprocess
    top_k: int
    layers: dict[str, LayerGeometry]
    image_ids: Sequence[str]  # by image number, in the source's order
    labels: Sequence[str]  # what index.json calls each image (a path for files)
    state: IndexProgress
    from_cache: bool = False  # set by open_index when nothing had to be run (not saved)

    # ------------------------------------------------------------------ reading

    @property
    def input_hw(self) -> tuple[int, int]:
        """Height and width of the model input the boxes refer to."""
        return (int(self.preprocess.crop_size[0]), int(self.preprocess.crop_size[1]))

    @property
    def done(self) -> int:
        """Images visited so far."""
        return self.state.done

    @property
    def total(self) -> int:
        """Images in the set."""
        return len(self.image_ids)

    @property
    def complete(self) -> bool:
        """True once every image was visited."""
        return self.state.done >= len(self.image_ids)

    @property
    def skipped(self) -> dict[str, int]:
        """Unusable images by reason (``corrupt``, ``too_large``, ``unreadable``)."""
        return dict(self.state.skipped)

    def fits(self, model: nn.Module) -> bool:
        """True when ``model``'s weights are the ones this index was made with (hashes them: ~0.1 s)."""
        return weights_fingerprint(model) == self.weights

    def records(self, layer: str) -> TopK:
        """The raw record arrays of ``layer``."""
        try:
            return self.state.records[layer]
        except KeyError:
            raise ConfigError(msg(
                "This index has no layer {layer!r}; it has {layers}.", layer=layer, layers=", ".join(self.layers)
            )) from None

    def channels(self, layer: str) -> int:
        """How many channels ``layer`` has."""
        return self.layers[layer].channels if layer in self.layers else self.records(layer).values.shape[0]

    def top(self, layer: str, channel: int, k: int | None = None) -> list[Exemplar]:
        """The best ``k`` (default all K) records of one channel, best first."""
        rec = self.records(layer)
        if not 0 <= channel < rec.values.shape[0]:
            raise ConfigError(msg(
                "Layer {layer!r} has channels 0 to {last}; got {channel}.",
                layer=layer, last=rec.values.shape[0] - 1, channel=channel,
            ))
        geo = self.layers[layer]
        hw = self.input_hw
        out = []
        for r in range(min(k or self.top_k, self.top_k)):
            number = int(rec.images[channel, r])
            if number < 0:
                break
            y, x = int(rec.ys[channel, r]), int(rec.xs[channel, r])
            out.append(
                Exemplar(layer, channel, r, self.image_ids[number], self.labels[number], y, x,
                         float(rec.values[channel, r]), geo.box(y, x, hw))
            )
        return out

    def best_values(self, layer: str) -> np.ndarray:
        """Each channel's best value (float32, NaN where no image was indexed yet)."""
        rec = self.records(layer)
        return np.where(rec.images[:, 0] >= 0, rec.values[:, 0], np.nan).astype(np.float32)

    def channel_order(self, layer: str, by: Literal["activation", "channel"] = "activation") -> list[int]:
        """Channels by their best value (strongest first; channels without a record last) or by number."""
        n = self.records(layer).values.shape[0]
        if by == "channel":
            return list(range(n))
        if by != "activation":
            raise ConfigError(msg("Sort by 'activation' or 'channel', not {by!r}.", by=by))
        best = self.best_values(layer).astype(np.float64)
        return [int(c) for c in np.argsort(np.where(np.isnan(best), np.inf, -best), kind="stable")]

    def bytes_per_channel(self, layer: str | None = None) -> float:
        """Memory of the records per channel (all layers averaged when ``layer`` is None)."""
        recs = [self.records(layer)] if layer is not None else list(self.state.records.values())
        channels = sum(int(r.values.shape[0]) for r in recs)
        return sum(r.nbytes for r in recs) / max(channels, 1)

    def describe(self) -> str:
        """One line for a person: how many images, what was skipped."""
        s = self.state
        used = s.done - sum(s.skipped.values())
        parts = [msg("{count} image indexed", count=used) if used == 1 else msg("{count} images indexed", count=used)]
        if not self.complete:
            parts.append(msg("partial: {done} of {total} visited", done=s.done, total=self.total))
        skipped = [_skipped_count(r, n) for r, n in s.skipped.items() if n]
        if skipped:
            parts.append(msg("skipped: {counts}", counts=join(skipped)))
        if s.grayscale:
            parts.append(msg("{count} grayscale converted to RGB", count=s.grayscale))
        return join(parts, "; ")

    def to_json_dict(self) -> dict[str, Any]:
        """The ``index.json`` document of ``cnnviz exemplars`` (issue #15's format)."""
        layers = {}
        for key in self.layers:
            layers[key] = [
                {
                    "channel": c,
                    "top": [
                        {"image": e.image, "y": e.y, "x": e.x, "value": e.value if math.isfinite(e.value) else None,
                         "box": list(e.box)}
                        for e in self.top(key, c)
                    ],
                }
                for c in range(self.layers[key].channels)
            ]
        return {"model": self.model, "weights": self.weights, "dataset": self.dataset, "layers": layers}

    def to_json_text(self) -> str:
        """:meth:`to_json_dict` as text: one line per exemplar record, so large indexes stay readable."""
        doc = self.to_json_dict()
        head = {k: doc[k] for k in ("model", "weights", "dataset")}
        lines = ["{"] + [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
        lines.append(' "layers": {')
        layer_items = list(doc["layers"].items())
        for li, (key, channels) in enumerate(layer_items):
            lines.append(f"  {json.dumps(key, ensure_ascii=False)}: [")
            for ci, ch in enumerate(channels):
                lines.append(f'   {{"channel": {ch["channel"]}, "top": [')
                recs = [f"    {json.dumps(r, ensure_ascii=False, allow_nan=False)}" for r in ch["top"]]
                if recs:
                    lines.append(",\n".join(recs))
                lines.append("   ]}" + ("," if ci < len(channels) - 1 else ""))
            lines.append("  ]" + ("," if li < len(layer_items) - 1 else ""))
        lines += [" }", "}"]
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------ files

    def _meta(self) -> dict[str, Any]:
        s = self.state
        return {
            "kind": "cnnviz-exemplar-index",
            "key": self.key,
            "model": self.model,
            "weights": self.weights,
            "dataset": self.dataset,
            "dataset_hash": self.dataset_hash,
            "preprocess": preprocess_dict(self.preprocess),
            "top_k": self.top_k,
            "layers": [g.to_dict() for g in self.layers.values()],
            "total": len(self.image_ids),
            "images": {str(n): [self.image_ids[n], self.labels[n]] for n in self._used_numbers(s)},
            "done": s.done,
            "skipped": s.skipped,
            "skip_examples": list(s.skip_examples),
            "grayscale": s.grayscale,
            "seconds": s.seconds,
        }

    @staticmethod
    def _used_numbers(state: IndexProgress) -> list[int]:
        used: set[int] = set()
        for rec in state.records.values():
            used.update(int(n) for n in np.unique(rec.images) if n >= 0)
        return sorted(used)

    def save(self, path: str | Path) -> None:
        """Write the index to one ``.npz`` file atomically (records + a JSON header)."""
        from cnnviz.core.settings_io import atomic_path

        state = self.state  # one consistent snapshot even if indexing goes on
        meta = self._meta()
        meta["done"] = state.done
        arrays: dict[str, np.ndarray] = {"meta": np.frombuffer(json.dumps(meta).encode(), np.uint8)}
        for i, key in enumerate(self.layers):
            rec = state.records[key]
            arrays[f"v{i}"], arrays[f"i{i}"], arrays[f"y{i}"], arrays[f"x{i}"] = rec.values, rec.images, rec.ys, rec.xs
        buf = io.BytesIO()
        np.savez(buf, **arrays)  # type: ignore[arg-type]
        with atomic_path(path) as tmp:
            tmp.write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: str | Path) -> ExemplarIndex:
        """Read a file written by :meth:`save`; :class:`IndexFileError` if it is damaged."""
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode())
                if meta.get("kind") != "cnnviz-exemplar-index":
                    raise ValueError(msg("not an exemplar index"))
                geos = [LayerGeometry.from_dict(d) for d in meta["layers"]]
                records = {}
                for i, g in enumerate(geos):
                    rec = TopK(z[f"v{i}"], z[f"i{i}"], z[f"y{i}"], z[f"x{i}"])
                    k = int(meta["top_k"])
                    if any(a.shape != (g.channels, k) for a in (rec.values, rec.images, rec.ys, rec.xs)):
                        raise ValueError(msg("records of {layer} have the wrong shape", layer=g.key))
                    records[g.key] = rec
            pre = meta["preprocess"]
            preprocess = Preprocess(
                resize_size=pre["resize_size"], crop_size=tuple(pre["crop_size"]), mean=tuple(pre["mean"]),
                std=tuple(pre["std"]), channels=int(pre["channels"]), interpolation=pre["interpolation"],
                antialias=bool(pre["antialias"]),
            )
            total = int(meta["total"])
            names = {int(n): (str(v[0]), str(v[1])) for n, v in meta["images"].items()}
            ids = ImageNames(total, {n: v[0] for n, v in names.items()})
            labels = ImageNames(total, {n: v[1] for n, v in names.items()})
            done = int(meta["done"])
            if not 0 <= done <= total or any(not 0 <= n < total for n in names):
                raise ValueError(msg("image list and progress do not agree"))
            for rec in records.values():
                if rec.images.size and int(rec.images.max()) >= done:
                    raise ValueError(msg("a record points past the images visited"))
                if any(int(n) not in names for n in np.unique(rec.images) if n >= 0):
                    raise ValueError(msg("a record's image has no name"))
            skipped = {r: int(meta["skipped"].get(r, 0)) for r in SKIP_REASONS}
            state = IndexProgress(records, done, skipped, tuple(meta.get("skip_examples", ())),
                                  int(meta.get("grayscale", 0)), float(meta.get("seconds", 0.0)))
            return cls(
                key=str(meta["key"]), model=str(meta["model"]), weights=str(meta["weights"]),
                dataset=str(meta["dataset"]), dataset_hash=str(meta["dataset_hash"]), preprocess=preprocess,
                top_k=int(meta["top_k"]), layers={g.key: g for g in geos}, image_ids=ids, labels=labels,
                state=state,
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError) as exc:
            raise IndexFileError(
                msg("The exemplar index {path} is damaged ({reason}).", path=str(path), reason=message_of(exc))
            ) from None
        except Exception as exc:  # zipfile.BadZipFile and friends
            raise IndexFileError(
                msg("The exemplar index {path} is damaged ({reason}).", path=str(path), reason=type(exc).__name__)
            ) from None


# --------------------------------------------------------------------------- indexing


class _StopForward(Exception):
    """Raised by the last needed hook: the rest of the forward pass is not needed."""


def _spatial_max(t: Tensor, bar: Tensor | None = None) -> tuple[Tensor, Tensor]:
    """(B, C[, H, W]) -> per image and channel the max over space (float32) and its flat position.

    Positions are looked up only where the value reaches ``bar`` (C,), the
    channel's current K-th best (-inf while it has free slots): finding
    where a maximum is costs ten times more than finding it, and after the
    first batches almost no image enters a channel's top K. Elsewhere the
    position is 0 and never used. A NaN maximum comes back as NaN (the
    caller drops it: a NaN activation must not top a ranking).
    """
    t = t.detach()
    flat = t.reshape(t.shape[0], t.shape[1], -1)
    values = flat.amax(dim=2).float()
    if bar is None:
        return values, flat.argmax(dim=2)
    where = torch.zeros(values.shape, dtype=torch.long, device=values.device)
    rows = (values >= bar[None, :]).nonzero(as_tuple=True)
    if len(rows[0]):
        where[rows] = flat[rows].argmax(dim=1)
    return values, where


class _Reducer:
    """Scoped forward hooks that reduce the chosen layers' outputs as they are produced."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = set(keys)
        self.names = {k.split("#")[0] for k in keys}
        self.results: dict[str, tuple[Tensor, Tensor]] = {}
        self.calls: dict[str, int] = {}
        self.bars: dict[str, Tensor] = {}  # per key: each channel's K-th best so far (see _spatial_max)

    def set_bars(self, records: dict[str, TopK], device: torch.device) -> None:
        """Take each channel's current K-th best value (-inf while slots are free) from ``records``."""
        for key, rec in records.items():
            kth = np.where(rec.images[:, -1] >= 0, rec.values[:, -1], -np.inf).astype(np.float32)
            self.bars[key] = torch.from_numpy(kth).to(device)

    def reset(self) -> None:
        """Forget the previous pass."""
        self.results = {}
        self.calls = {}

    def _hook(self, name: str) -> Callable[..., None]:
        def hook(module: nn.Module, args: tuple[object, ...], output: object) -> None:
            n = self.calls.get(name, 0) + 1
            self.calls[name] = n
            key = call_key(name, n)
            if key not in self.keys:
                return
            t = first_tensor(output)
            if t is None:
                return
            self.results[key] = _spatial_max(t, self.bars.get(key))
            if len(self.results) == len(self.keys):
                raise _StopForward

        return hook

    @contextmanager
    def installed(self, model: nn.Module) -> Iterator[_Reducer]:
        """Install the hooks; they are removed on exit, whatever happens."""
        handles = []
        try:
            for name, module in model.named_modules():
                if name in self.names:
                    handles.append(module.register_forward_hook(self._hook(name)))
            yield self
        finally:
            for h in handles:
                h.remove()

    def run(self, model: nn.Module, x: Tensor) -> dict[str, tuple[Tensor, Tensor]]:
        """One forward pass (stopped after the last chosen layer); the reductions by key."""
        self.reset()
        with suppress(_StopForward):
            forward(model, x)
        missing = self.keys - set(self.results)
        if missing:
            raise ModelError(msg(
                "Layer {layer!r} did not run (or gave no tensor) in the model's forward pass.", layer=sorted(missing)[0]
            ))
        return self.results


def _model_device(model: nn.Module) -> torch.device:
    for t in [*model.parameters(), *model.buffers()]:
        return t.device
    return torch.device("cpu")


@dataclass
class _Batch:
    start: int
    count: int  # ids consumed
    numbers: np.ndarray  # image numbers of the usable ones
    inputs: Tensor
    skipped: dict[str, int]
    examples: list[str]
    grayscale: int


def _load_batch(source: ImageSource, ids: Sequence[str], start: int, size: int, pre: Preprocess) -> _Batch:
    chunk = ids[start : start + size]
    items = source.read_many(chunk)
    good: list[SourceImage] = []
    numbers: list[int] = []
    skipped = dict.fromkeys(SKIP_REASONS, 0)
    examples: list[str] = []
    for i, item in enumerate(items):
        if isinstance(item, SourceImage):
            good.append(item)
            numbers.append(start + i)
        else:
            skipped[item.reason] = skipped.get(item.reason, 0) + 1
            examples.append(item.one_line())
    inputs = batch_inputs([g.rgb for g in good], pre)
    return _Batch(start, len(chunk), np.asarray(numbers, np.int64), inputs, skipped, examples,
                  sum(1 for g in good if g.grayscale))


def _skipped_count(reason: str, count: int) -> str:
    """``3 too large``: how many images were skipped for ``reason`` (one of SKIP_REASONS)."""
    if reason == "corrupt":
        return msg("{count} corrupt", count=count)
    if reason == "too_large":
        return msg("{count} too large", count=count)
    if reason == "unreadable":
        return msg("{count} unreadable", count=count)
    return f"{count} {reason.replace('_', ' ')}"


def _eta(seconds: float) -> str:
    if seconds < 1:
        return "under a second"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def new_index(
    model: nn.Module,
    source: ImageSource,
    layers: Sequence[str],
    *,
    preprocess: Preprocess,
    model_name: str = "model",
    top_k: int = 9,
    weights: str | None = None,
) -> ExemplarIndex:
    """An empty index for these inputs (nothing is run but a shape-only pass for the geometry).

    ``weights``: the model's :func:`weights_fingerprint` if already known.
    """
    keys = _check_layers(layers)
    if int(top_k) < 1:
        raise ConfigError(msg("K (how many exemplars per channel) must be at least 1; got {k}.", k=top_k))
    geometry = layer_geometry(model, (preprocess.channels, *preprocess.crop_size), keys)
    weights = weights or weights_fingerprint(model)
    dataset_hash = source.fingerprint()
    ids = list(source.ids())
    key = index_key(model=model_name, weights=weights, layers=keys, dataset=dataset_hash,
                    preprocess=preprocess, top_k=top_k)
    return ExemplarIndex(
        key=key, model=model_name, weights=weights, dataset=source.name, dataset_hash=dataset_hash,
        preprocess=preprocess, top_k=int(top_k), layers=geometry, image_ids=ids,
        labels=ImageNames(len(ids), lookup=lambda n: source.label(ids[n])),
        state=IndexProgress({k: TopK.empty(g.channels, int(top_k)) for k, g in geometry.items()}),
    )


def _check_layers(layers: Sequence[str] | str) -> list[str]:
    if isinstance(layers, str):
        layers = [p.strip() for p in layers.split(",")]
    keys = list(dict.fromkeys(k.strip() for k in layers if k and k.strip()))
    if not keys:
        raise ConfigError(msg("Choose at least one layer for the exemplar index."))
    return keys


def build_index(
    model: nn.Module,
    source: ImageSource,
    layers: Sequence[str] | str,
    *,
    preprocess: Preprocess,
    model_name: str = "model",
    top_k: int = 9,
    batch_size: int = 32,
    resume: ExemplarIndex | None = None,
    checkpoint: Callable[[ExemplarIndex], object] | None = None,
    checkpoint_seconds: float = 10.0,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    weights: str | None = None,
) -> ExemplarIndex:
    """Index ``source`` for ``layers`` of ``model`` (on whatever device the model is).

    ``resume``: a partial index of the same key to continue (another key is
    ignored). ``checkpoint(index)`` is called every ``checkpoint_seconds``,
    at the end and when the run stops early (then the exception propagates:
    :class:`~cnnviz.core.progress.Cancelled` after ``cancel``). The model is
    run in eval mode under ``no_grad``; its training flags are restored.
    ``weights``: the model's :func:`weights_fingerprint` if already known.
    """
    if int(batch_size) < 1:
        raise ConfigError(msg("Batch size must be at least 1; got {size}.", size=batch_size))
    keys = _check_layers(layers)
    index = new_index(model, source, keys, preprocess=preprocess, model_name=model_name, top_k=top_k,
                      weights=weights)
    if resume is not None and resume.key == index.key and len(resume.image_ids) == len(index.image_ids):
        # the same key means the same images in the same order: names come from the source again
        resume.image_ids, resume.labels = index.image_ids, index.labels
        index = resume
    ids = index.image_ids
    total = len(ids)
    device = _model_device(model)
    widths = {k: g.out_hw[1] for k, g in index.layers.items()}
    started = time.perf_counter()
    first_done = index.done
    prior_seconds = index.state.seconds
    last_save = started
    progress(index.done / max(total, 1), f"Indexing {index.done}/{total} images")
    reducer = _Reducer(keys)
    reducer.set_bars(index.state.records, device)
    pool = ThreadPoolExecutor(1, thread_name_prefix="cnnviz-exemplars")
    pending: Future[_Batch] | None = None
    try:
        with eval_mode(model), torch.no_grad(), reducer.installed(model):
            if index.done < total:
                pending = pool.submit(_load_batch, source, ids, index.done, batch_size, preprocess)
            while pending is not None:
                if cancel is not None:
                    cancel.check()
                batch = pending.result()
                nxt = batch.start + batch.count
                pending = pool.submit(_load_batch, source, ids, nxt, batch_size, preprocess) if nxt < total else None
                state = index.state
                records = state.records
                if len(batch.numbers):
                    reduced = reducer.run(model, batch.inputs.to(device, non_blocking=True))
                    records = {
                        k: records[k].merged(np.nan_to_num(v.cpu().numpy(), nan=-np.inf, posinf=np.inf),
                                             p.cpu().numpy(), batch.numbers, widths[k])
                        for k, (v, p) in reduced.items()
                    }
                    reducer.set_bars(records, device)
                now = time.perf_counter()
                skipped = {r: state.skipped.get(r, 0) + batch.skipped.get(r, 0) for r in SKIP_REASONS}
                examples = (state.skip_examples + tuple(batch.examples))[:MAX_SKIP_EXAMPLES]
                index.state = IndexProgress(
                    records, nxt, skipped, examples, state.grayscale + batch.grayscale, prior_seconds + now - started
                )
                rate = (nxt - first_done) / max(now - started, 1e-9)
                left = (total - nxt) / rate if rate > 0 else 0.0
                progress(nxt / total, f"Indexing {nxt}/{total} images · about {_eta(left)} left")
                if checkpoint is not None and now - last_save >= checkpoint_seconds:
                    checkpoint(index)
                    last_save = now
    except BaseException:
        if pending is not None:
            pending.cancel()
        pool.shutdown(wait=True)
        if checkpoint is not None:
            with suppress(Exception):  # best effort: the reason the run stopped is what to report
                checkpoint(index)
        raise
    pool.shutdown(wait=True)
    if checkpoint is not None:
        checkpoint(index)
    progress(1.0, index.describe())
    return index


def index_key_for(
    model: nn.Module,
    source: ImageSource,
    layers: Sequence[str] | str,
    *,
    preprocess: Preprocess,
    model_name: str = "model",
    top_k: int = 9,
) -> str:
    """The cache key :func:`open_index` would use (cheap: hashes, no forward pass)."""
    return index_key(model=model_name, weights=weights_fingerprint(model), layers=_check_layers(layers),
                     dataset=source.fingerprint(), preprocess=preprocess, top_k=top_k)


def open_index(
    model: nn.Module,
    source: ImageSource,
    layers: Sequence[str] | str,
    *,
    preprocess: Preprocess,
    model_name: str = "model",
    top_k: int = 9,
    batch_size: int = 32,
    cache: AtlasCache | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ExemplarIndex:
    """The index from ``cache`` if complete (instant), else built or resumed and saved there.

    With ``cache=None`` nothing is read or written (a fresh one-shot run).
    Cancelling leaves the partial index in the cache; the next call resumes it.
    """
    cached = None
    weights = weights_fingerprint(model)
    checkpoint = None
    if cache is not None:
        key = index_key(model=model_name, weights=weights, layers=_check_layers(layers),
                        dataset=source.fingerprint(), preprocess=preprocess, top_k=top_k)
        cached = cache.load(key)
        if cached is not None and cached.complete:
            progress(1.0, "Exemplars loaded from the cache")
            cached.from_cache = True
            return cached
        checkpoint = _best_effort_saver(cache, progress)
    return build_index(
        model, source, layers, preprocess=preprocess, model_name=model_name, top_k=top_k,
        batch_size=batch_size, resume=cached, checkpoint=checkpoint, progress=progress, cancel=cancel,
        weights=weights,
    )


def _best_effort_saver(cache: AtlasCache, progress: ProgressFn) -> Callable[[ExemplarIndex], None]:
    """``cache.save`` that reports a failing disk once (through ``progress``) instead of stopping the run."""
    failed: list[str] = []

    def save(index: ExemplarIndex) -> None:
        try:
            cache.save(index)
        except OSError as exc:
            if not failed:
                failed.append(str(exc))
                progress(index.done / max(index.total, 1), msg(
                    "The exemplar cache cannot be written ({reason}); the index is kept in memory only",
                    reason=exc.strerror or message_of(exc),
                ))

    return save
