"""Work the "What it detects" panel runs off the GUI thread, and the answers it hands back.

Every function takes ``progress`` and ``cancel`` (see
:func:`cnnviz.gui.workers.run_in_thread`) and only calls core. Short reads of
the model (projections) hold ``session.exclusive()`` as the Inspect jobs do;
long runs (indexing a dataset, feature visualisation, occlusion) work on a
private copy of the model taken under the lock (:func:`private_model`), so
the Inspect tab's own work (a new image, a clicked unit) never waits for them.
Answers carry the session (and image) they belong to: the panel drops any
answer whose session or image is no longer the current one.
"""

from __future__ import annotations

import contextlib
import copy
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cnnviz.core.errors import DatasetError
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

if TYPE_CHECKING:
    from torch import nn

    from cnnviz.core.atlas.cache import AtlasCache
    from cnnviz.core.atlas.exemplars import ExemplarIndex
    from cnnviz.core.atlas.featvis import FeatVisResult, FeatVisSettings, FeatVisTarget
    from cnnviz.core.atlas.sources import ImageSource
    from cnnviz.core.atlas.viewer import AtlasCell, ExemplarCrop, ExemplarViewer
    from cnnviz.core.attribution import AttributionMap, Target
    from cnnviz.core.session import ModelSession

#: Exemplars kept per channel (the top 9 of Zeiler & Fergus and the Deep Visualization Toolbox).
TOP_K = 9
#: Models bigger than this are not copied for long work: the run holds the model instead.
COPY_LIMIT_BYTES = 1 << 30
#: Live feature-visualisation pictures are sent at most this often (seconds).
PREVIEW_INTERVAL = 0.05
#: The projections computed together (they share one forward pass).
PROJECTIONS = ("deconvnet", "guidedbackprop", "saliency")


# --------------------------------------------------------------------------- image sets


@dataclass(frozen=True)
class SourceChoice:
    """The image set a person picked: a built-in dataset, a folder, or a torchvision dataset on disk."""

    kind: Literal["dataset", "folder", "torchvision"]
    name: str  # dataset name, folder path, or torchvision class name
    split: str = ""  # dataset: val / train; torchvision: test / train
    root: str = ""  # torchvision: the folder it lies in ("" = where the Train tab keeps datasets)

    def open(self, progress: ProgressFn, cancel: CancelToken | None) -> ImageSource:
        """Make the core image source (may take seconds: drawing a synthetic set, listing a folder)."""
        from cnnviz.core.atlas.sources import (
            FolderSource,
            registered_dataset_source,
            torchvision_source,
        )

        if self.kind == "folder":
            return FolderSource(self.name)
        if self.kind == "torchvision":
            return torchvision_source(self.name, self.root or None, self.split or "test")
        if self.kind == "dataset":
            return registered_dataset_source(self.name, self.split or "val", progress=progress, cancel=cancel)
        raise DatasetError(f"Unknown kind of image set {self.kind!r}.")

    def to_dict(self) -> dict[str, str]:
        """JSON-ready (for lessons)."""
        return {"kind": self.kind, "name": self.name, "split": self.split, "root": self.root}

    @classmethod
    def from_dict(cls, d: Any) -> SourceChoice:
        """Inverse of :meth:`to_dict`; DatasetError for anything else."""
        if not isinstance(d, dict) or d.get("kind") not in ("dataset", "folder", "torchvision") or not d.get("name"):
            raise DatasetError(f"Not an image set: {d!r}.")
        return cls(d["kind"], str(d["name"]), str(d.get("split") or ""), str(d.get("root") or ""))


def builtin_datasets() -> list[Any]:
    """The Train tab's datasets that need neither a download nor a folder (shapes, digits, …)."""
    from cnnviz.core.training.datasets import list_datasets

    return [d for d in list_datasets() if not d.needs_download and not d.needs_path]


# --------------------------------------------------------------------------- the model


def _model_bytes(model: nn.Module) -> int:
    return sum(t.numel() * t.element_size() for t in [*model.parameters(), *model.buffers()])


@contextlib.contextmanager
def private_model(session: ModelSession) -> Iterator[nn.Module]:
    """A copy of the session's model for long work (taken under its lock, used without it).

    A model that cannot be copied, or is too big to hold twice, is used
    itself with the lock held for the whole block.
    """
    with contextlib.ExitStack() as stack:
        model = stack.enter_context(session.exclusive())
        twin = None
        if _model_bytes(model) <= COPY_LIMIT_BYTES:
            with contextlib.suppress(Exception):  # an uncopyable module: fall back to holding the lock
                twin = copy.deepcopy(model)
        if twin is not None:
            stack.close()  # release the lock: the copy is ours alone
            yield twin
            return
        yield model


def _device_of(model: nn.Module) -> Any:
    import torch

    return next((t.device for t in [*model.parameters(), *model.buffers()]), torch.device("cpu"))


# --------------------------------------------------------------------------- exemplars


@dataclass(frozen=True)
class IndexAnswer:
    """An exemplar index (or None: nothing cached yet) for one session, image set and layer list."""

    session_id: int
    choice: SourceChoice
    layers: tuple[str, ...]
    index: ExemplarIndex | None
    viewer: ExemplarViewer | None


@dataclass(frozen=True)
class Report:
    """Something a job tells the panel while it runs (sent through the panel's bridge)."""

    kind: str  # "total", "index", "featvis"
    value: Any = None
    extra: Any = None


class SourceShelf:
    """Image sources opened so far, by choice (opening one can take seconds; they are reused)."""

    def __init__(self) -> None:
        self._sources: dict[SourceChoice, ImageSource] = {}
        self._lock = threading.Lock()  # two jobs asking for one set open it once

    def get(self, choice: SourceChoice, progress: ProgressFn, cancel: CancelToken | None) -> ImageSource:
        """The source of ``choice``, opened on first use."""
        with self._lock:
            source = self._sources.get(choice)
            if source is None:
                source = choice.open(progress, cancel)
                self._sources[choice] = source
            return source

    def forget(self, choice: SourceChoice | None = None) -> None:
        """Drop one source (or all): the next use opens it again (a folder may have changed)."""
        with self._lock:
            if choice is None:
                self._sources.clear()
            else:
                self._sources.pop(choice, None)


class FingerprintShelf:
    """Weights fingerprints by session (hashing a big model's weights takes a moment)."""

    def __init__(self) -> None:
        self._by_session: dict[int, str] = {}
        self._lock = threading.Lock()

    def get(self, session: ModelSession) -> str:
        """The fingerprint of the session's weights (hashed once under the model's lock)."""
        from cnnviz.core.atlas.cache import weights_fingerprint

        with self._lock:
            fp = self._by_session.get(session.session_id)
            if fp is None:
                with session.exclusive() as model:
                    fp = weights_fingerprint(model)
                self._by_session = {session.session_id: fp}  # one session at a time
            return fp


def _viewer(index: ExemplarIndex, source: ImageSource) -> ExemplarViewer:
    from cnnviz.core.atlas.viewer import ExemplarViewer

    return ExemplarViewer(index, source, check=False)  # the key already holds the source's fingerprint


def job_lookup(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, choice: SourceChoice,
    layers: tuple[str, ...], cache: AtlasCache, sources: SourceShelf, fingerprints: FingerprintShelf,
) -> IndexAnswer:
    """The cached index (complete or partial) of these layers over ``choice``, or an answer with None."""
    from cnnviz.core.atlas.cache import index_key

    source = sources.get(choice, progress, cancel)
    cancel.check()
    key = index_key(model=session.name, weights=fingerprints.get(session), layers=layers,
                    dataset=source.fingerprint(), preprocess=session.pre, top_k=TOP_K)
    index = cache.load(key)
    if index is not None:
        index.from_cache = index.complete
    viewer = _viewer(index, source) if index is not None else None
    return IndexAnswer(session.session_id, choice, layers, index, viewer)


def job_build(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, choice: SourceChoice,
    layers: tuple[str, ...], cache: AtlasCache, sources: SourceShelf, report: Callable[[Report], None],
) -> IndexAnswer:
    """Build (or resume, or open when cached) the index of ``layers`` over ``choice``, on a copy of the model."""
    from cnnviz.core.atlas.exemplars import open_index

    progress(0.0, "")
    source = sources.get(choice, no_progress, cancel)
    report(Report("total", len(source)))
    cancel.check()
    with private_model(session) as model:
        index = open_index(model, source, list(layers), preprocess=session.pre, model_name=session.name,
                           top_k=TOP_K, cache=cache, progress=progress, cancel=cancel)
    return IndexAnswer(session.session_id, choice, layers, index, _viewer(index, source))


@dataclass(frozen=True)
class TopAnswer:
    """A channel's top exemplars with their crops."""

    key: str  # the index's key
    layer: str
    channel: int
    items: list[ExemplarCrop]


def job_top(*, progress: ProgressFn, cancel: CancelToken, viewer: ExemplarViewer, layer: str,
            channel: int) -> TopAnswer:
    """Read the images of one channel's top K and cut their receptive-field crops."""
    return TopAnswer(viewer.index.key, layer, channel, viewer.top(layer, channel))


@dataclass(frozen=True)
class AtlasAnswer:
    """Every channel of a layer with its best crop, in the asked order."""

    key: str
    layer: str
    by: str
    cells: list[AtlasCell]


def job_atlas(*, progress: ProgressFn, cancel: CancelToken, viewer: ExemplarViewer, layer: str,
              by: Literal["activation", "channel"]) -> AtlasAnswer:
    """Every channel's best crop (reads one image per channel; cancellable between chunks)."""
    return AtlasAnswer(viewer.index.key, layer, by, viewer.atlas(layer, by, progress=progress, cancel=cancel))


# --------------------------------------------------------------------------- feature visualisation


@dataclass(frozen=True)
class NaturalExemplar:
    """The best natural image of a channel, to measure the target on it."""

    source: ImageSource
    image_id: str
    label: str
    preprocess: Any  # core.images.Preprocess the index prepared it with


@dataclass(frozen=True)
class FeatVisAnswer:
    """A finished feature visualisation and, when an index was there, the target on the best natural image."""

    session_id: int
    result: FeatVisResult
    natural: float | None = None
    natural_label: str = ""


def job_featvis(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, target: FeatVisTarget,
    settings: FeatVisSettings, report: Callable[[Report], None], natural: NaturalExemplar | None = None,
) -> FeatVisAnswer:
    """Optimise a picture for ``target`` on a copy of the model, sending pictures as it goes."""
    from cnnviz.core.atlas.featvis import exemplar_activation, visualize

    last = [0.0]

    def on_step(step: Any) -> None:
        progress(step.step / step.steps, "")
        now = time.monotonic()
        if step.image is not None and (now - last[0] >= PREVIEW_INTERVAL or step.step == step.steps):
            last[0] = now
            report(Report("featvis", step))

    with private_model(session) as model:
        result = visualize(model, target, preprocess=session.pre, settings=settings, on_step=on_step, cancel=cancel)
        value = None
        if natural is not None and not cancel.cancelled:
            value = exemplar_activation(model, natural.source, natural.image_id, target, natural.preprocess)
    return FeatVisAnswer(session.session_id, result, value, natural.label if natural is not None else "")


# --------------------------------------------------------------------------- projections


@dataclass(frozen=True)
class ProjectionAnswer:
    """Pixel-space maps of one target on one image (deconvnet, guided backprop, gradient; or occlusion)."""

    session_id: int
    image_id: int
    target: Target
    maps: dict[str, AttributionMap] = field(default_factory=dict)


def job_projections(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Any, target: Target, image_id: int,
) -> ProjectionAnswer:
    """Deconvnet, guided backprop and the plain gradient of ``target`` (one shared forward pass)."""
    from cnnviz.core.attribution import compute_many

    with session.exclusive() as model:
        cancel.check()
        result = compute_many(list(PROJECTIONS), model, tensor.to(_device_of(model)), target, cancel=cancel)
    return ProjectionAnswer(session.session_id, image_id, target, dict(result.maps))


def job_occlusion(
    *, progress: ProgressFn, cancel: CancelToken, session: ModelSession, tensor: Any, target: Target, image_id: int,
    window: int, stride: int,
) -> ProjectionAnswer:
    """Occlusion sensitivity of ``target`` (grey squares of ``window`` px every ``stride`` px), on a copy."""
    from cnnviz.core.attribution import compute

    with private_model(session) as model:
        m = compute("occlusion", model, tensor.to(_device_of(model)), target, window=window, stride=stride,
                    score="probability", progress=progress, cancel=cancel)
    return ProjectionAnswer(session.session_id, image_id, target, {"occlusion": m})
