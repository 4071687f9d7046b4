"""Pictures of an exemplar index: a channel's top-K crops, a layer's atlas, mosaics.

:class:`ExemplarViewer` pairs an :class:`~cnnviz.core.atlas.exemplars.ExemplarIndex`
with the image set it was built from. It re-reads only the few images it
shows, keeps the model's view of the most recent ones (an LRU of
``view_cache`` images), and makes the crops on demand: opening a channel's
top 9 reads at most 9 images (on a few threads), so it takes milliseconds.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

import numpy as np

from cnnviz.core.atlas.crops import Crop, cell_size_for, crop_box, grid
from cnnviz.core.atlas.exemplars import Exemplar, ExemplarIndex
from cnnviz.core.atlas.inputs import model_view
from cnnviz.core.atlas.sources import ImageSource, SkippedImage
from cnnviz.core.errors import DatasetError
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress


@dataclass(frozen=True)
class ExemplarCrop:
    """A stored record and its receptive-field crop (None if the image can no longer be read)."""

    exemplar: Exemplar
    crop: Crop | None


@dataclass(frozen=True)
class AtlasCell:
    """One channel in a layer's atlas: its best value and best crop."""

    channel: int
    value: float  # NaN when no image was indexed for it
    best: ExemplarCrop | None


class ExemplarViewer:
    """Crops and mosaics for one index and its image source (see the module docstring)."""

    def __init__(self, index: ExemplarIndex, source: ImageSource, *, view_cache: int = 256,
                 workers: int = 4, check: bool = True) -> None:
        if check and source.fingerprint() != index.dataset_hash:
            raise DatasetError(
                f"The images in {source.name} changed since this exemplar index was made; index them again."
            )
        self.index = index
        self.source = source
        self.view_cache = max(1, int(view_cache))
        self.workers = max(1, int(workers))
        self._views: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ images

    def _read_view(self, image_id: str) -> np.ndarray | None:
        try:
            return model_view(self.source.read(image_id).rgb, self.index.preprocess)
        except SkippedImage:
            return None

    def views(self, image_ids: Sequence[str]) -> dict[str, np.ndarray | None]:
        """The model's view (uint8 h×w×3) of each image, None for one that cannot be read now."""
        with self._lock:
            found = {i: self._views[i] for i in image_ids if i in self._views}
            for i in found:
                self._views.move_to_end(i)
        missing = [i for i in dict.fromkeys(image_ids) if i not in found]
        if missing:
            if len(missing) == 1 or self.workers == 1:
                made = [self._read_view(i) for i in missing]
            else:
                with ThreadPoolExecutor(min(self.workers, len(missing))) as pool:
                    made = list(pool.map(self._read_view, missing))
            with self._lock:
                for i, v in zip(missing, made, strict=True):
                    self._views[i] = v
                    found[i] = v
                while len(self._views) > self.view_cache:
                    self._views.popitem(last=False)
        return found

    def prefetch(self, layer: str, k: int | None = None, *, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None, chunk: int = 16) -> int:
        """Read ahead the images of every channel's top ``k`` (default 1), best channels first.

        Run it in a worker after the index is ready: later :meth:`top` calls
        for those channels then only cut crops from memory. Stops when the
        view cache is full; returns how many images are now held.
        """
        wanted: list[str] = []
        for rank in range(min(k or 1, self.index.top_k)):
            for c in self.index.channel_order(layer):
                top = self.index.top(layer, c, rank + 1)
                if len(top) > rank and top[rank].image_id not in wanted:
                    wanted.append(top[rank].image_id)
        wanted = wanted[: self.view_cache]
        for start in range(0, len(wanted), chunk):
            if cancel is not None:
                cancel.check()
            self.views(wanted[start : start + chunk])
            progress(min(1.0, (start + chunk) / max(len(wanted), 1)), f"Reading exemplars of {layer}")
        with self._lock:
            return len(self._views)

    # ------------------------------------------------------------------ crops

    def _crops(self, exemplars: Sequence[Exemplar]) -> list[ExemplarCrop]:
        views = self.views([e.image_id for e in exemplars])
        out = []
        for e in exemplars:
            view = views.get(e.image_id)
            out.append(ExemplarCrop(e, None if view is None else crop_box(view, e.box)))
        return out

    def top(self, layer: str, channel: int, k: int | None = None) -> list[ExemplarCrop]:
        """A channel's best ``k`` records (default K) with their crops, best first."""
        return self._crops(self.index.top(layer, channel, k))

    def atlas(
        self,
        layer: str,
        by: Literal["activation", "channel"] = "activation",
        *,
        progress: ProgressFn = no_progress,
        cancel: CancelToken | None = None,
        chunk: int = 64,
    ) -> list[AtlasCell]:
        """Every channel of ``layer`` with its best crop, sorted ``by`` activation (strongest first) or channel."""
        order = self.index.channel_order(layer, by)
        values = self.index.best_values(layer)
        cells: list[AtlasCell] = []
        for start in range(0, len(order), chunk):
            if cancel is not None:
                cancel.check()
            part = order[start : start + chunk]
            bests = [self.index.top(layer, c, 1) for c in part]
            crops = iter(self._crops([b[0] for b in bests if b]))
            for c, b in zip(part, bests, strict=True):
                cells.append(AtlasCell(c, float(values[c]), next(crops) if b else None))
            progress(min(1.0, (start + len(part)) / len(order)), f"Atlas of {layer}: {start + len(part)}/{len(order)}")
        return cells

    # ------------------------------------------------------------------ pictures

    def _cell(self, layer: str, cell: int | None) -> int:
        if cell is not None:
            return int(cell)
        geo = self.index.layers[layer]
        return cell_size_for(geo.box(0, 0, self.index.input_hw))

    def top_mosaic(self, layer: str, channel: int, *, k: int | None = None, cell: int | None = None,
                   columns: int | None = None) -> np.ndarray:
        """A channel's top-``k`` crops as one uint8 RGB picture (3 columns for 9)."""
        k = k or self.index.top_k
        crops = self.top(layer, channel, k)
        tiles = [c.crop.rgb if c.crop is not None else None for c in crops] + [None] * (k - len(crops))
        return grid(tiles, self._cell(layer, cell), columns or math.ceil(math.sqrt(k)))

    def atlas_mosaic(self, layer: str, by: Literal["activation", "channel"] = "activation", *,
                     cell: int | None = None, columns: int | None = None,
                     progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> np.ndarray:
        """Every channel's best crop in one picture, in ``by`` order."""
        cells = self.atlas(layer, by, progress=progress, cancel=cancel)
        tiles = [c.best.crop.rgb if c.best is not None and c.best.crop is not None else None for c in cells]
        return grid(tiles, self._cell(layer, cell), columns)

    def layer_mosaic(self, layer: str, *, cell: int | None = None, gap: int = 6,
                     progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> np.ndarray:
        """Every channel's top-K block (channel order, row-major) in one picture: the CLI's PNG."""
        from cnnviz.core.atlas.crops import GAP_RGB
        from cnnviz.core.render import tile

        n = self.index.channels(layer)
        blocks = []
        for c in range(n):
            if cancel is not None and c % 16 == 0:
                cancel.check()
            blocks.append(self.top_mosaic(layer, c, cell=cell))
            progress((c + 1) / n, f"Mosaic of {layer}: channel {c + 1}/{n}")
        image, _ = tile(np.stack(blocks), pad=gap, fill=GAP_RGB[0] // 2)
        return image
