"""Where exemplar indexes live: the user cache folder, keyed by what they depend on.

An index depends on the model (its name and architecture), its weights, the
layers, the image set, how images are prepared for the model and K. The
cache key (:func:`index_key`) hashes all of them, so changing any one of them
(retraining a model, editing a weights file, adding a photo to the folder)
can never show another model's or another set's exemplars: the lookup simply
misses and the index is built again.

Files are ``<cache>/exemplars/<key>.npz`` (see
:mod:`cnnviz.core.atlas.exemplars` for what is inside), written atomically.
The folder has a size budget (:data:`DEFAULT_BUDGET_BYTES`); after each save
the least recently *used* files (opening one counts as use) are removed
until the rest fit. :meth:`AtlasCache.clear` removes everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

if TYPE_CHECKING:
    from cnnviz.core.atlas.exemplars import ExemplarIndex
    from cnnviz.core.images import Preprocess

#: Default size budget of the exemplar cache folder.
DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024

#: Bumped when the file layout or the meaning of the stored records changes.
INDEX_FORMAT = 1

SUFFIX = ".npz"


def weights_fingerprint(model: nn.Module) -> str:
    """A hex digest of the model's structure and every parameter and buffer (names, shapes, bytes).

    Two models with the same architecture and weights get the same digest;
    one changed weight, a different seed or a retrained model another. The
    module tree (``repr(model)``) is included so an edited model class with
    the same tensor names does not match.
    """
    h = hashlib.sha256(b"cnnviz-weights-v1\n")
    h.update(repr(model).encode("utf-8", "replace"))
    for name, t in [*model.named_parameters(remove_duplicate=False), *model.named_buffers(remove_duplicate=False)]:
        data = t.detach()
        h.update(f"\n{name}\0{data.dtype}\0{tuple(data.shape)}\0".encode())
        if data.numel() == 0:
            continue
        if data.is_meta:
            h.update(b"meta")
            continue
        flat = data.reshape(-1).contiguous().cpu()
        h.update(flat.view(torch.uint8).numpy().data)
    return h.hexdigest()


def preprocess_dict(pre: Preprocess) -> dict[str, Any]:
    """The preprocessing as plain JSON values (part of the key)."""
    d = asdict(pre)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def index_key(
    *,
    model: str,
    weights: str,
    layers: Iterable[str],
    dataset: str,
    preprocess: Preprocess,
    top_k: int,
) -> str:
    """The cache key of an index: a hex digest of everything the index depends on.

    ``weights`` is :func:`weights_fingerprint` of the model, ``dataset`` the
    source's :meth:`~cnnviz.core.atlas.sources.ImageSource.fingerprint`.
    """
    doc = {
        "format": INDEX_FORMAT,
        "model": model,
        "weights": weights,
        "layers": sorted(set(layers)),
        "dataset": dataset,
        "preprocess": preprocess_dict(preprocess),
        "top_k": int(top_k),
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()[:40]


def default_cache_dir() -> Path:
    """``<cnnviz cache>/exemplars`` (``$CNNVIZ_HOME`` or the platform's user cache folder)."""
    from cnnviz.core.training.paths import cnnviz_home

    return cnnviz_home() / "exemplars"


@dataclass(frozen=True)
class CacheEntry:
    """One cached index file."""

    key: str
    path: Path
    bytes: int
    last_used: float  # seconds since the epoch


class AtlasCache:
    """A folder of exemplar indexes with a size budget and least-recently-used eviction."""

    def __init__(self, root: str | os.PathLike[str] | None = None, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()
        self.budget_bytes = int(budget_bytes)

    def path_for(self, key: str) -> Path:
        """The file that holds (or would hold) the index with ``key``."""
        return self.root / f"{key}{SUFFIX}"

    def load(self, key: str) -> ExemplarIndex | None:
        """The index stored under ``key`` (marking it used), or None.

        A damaged file is removed and treated as missing.
        """
        from cnnviz.core.atlas.exemplars import ExemplarIndex, IndexFileError

        path = self.path_for(key)
        if not path.is_file():
            return None
        try:
            index = ExemplarIndex.load(path)
        except IndexFileError:
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        if index.key != key:
            return None
        self.touch(key)
        return index

    def touch(self, key: str) -> None:
        """Mark ``key`` as just used (its modification time is the LRU clock)."""
        with contextlib.suppress(OSError):
            os.utime(self.path_for(key))

    def save(self, index: ExemplarIndex) -> Path:
        """Write ``index`` under its key, then evict old files beyond the budget (never this one)."""
        path = self.path_for(index.key)
        index.save(path)
        self.enforce_budget(keep={index.key})
        return path

    def entries(self) -> list[CacheEntry]:
        """Every cached index, least recently used first."""
        out: list[CacheEntry] = []
        if not self.root.is_dir():
            return out
        for p in self.root.glob(f"*{SUFFIX}"):
            try:
                st = p.stat()
            except OSError:
                continue
            out.append(CacheEntry(p.name[: -len(SUFFIX)], p, st.st_size, st.st_mtime))
        return sorted(out, key=lambda e: (e.last_used, e.key))

    def usage(self) -> int:
        """Bytes the cache folder's indexes take."""
        return sum(e.bytes for e in self.entries())

    def enforce_budget(self, keep: set[str] | None = None) -> list[str]:
        """Remove least recently used indexes until the rest fit the budget; the removed keys."""
        entries = self.entries()
        total = sum(e.bytes for e in entries)
        removed = []
        for e in entries:
            if total <= self.budget_bytes:
                break
            if keep and e.key in keep:
                continue
            with contextlib.suppress(OSError):
                e.path.unlink()
                total -= e.bytes
                removed.append(e.key)
        return removed

    def remove(self, key: str) -> bool:
        """Delete one index; True if there was one."""
        try:
            self.path_for(key).unlink()
            return True
        except OSError:
            return False

    def clear(self) -> int:
        """Delete every cached index (and stray temporary files); the bytes freed."""
        freed = 0
        if not self.root.is_dir():
            return 0
        for p in [*self.root.glob(f"*{SUFFIX}"), *self.root.glob(".*.tmp")]:
            with contextlib.suppress(OSError):
                size = p.stat().st_size
                p.unlink()
                freed += size
        return freed

    def __repr__(self) -> str:
        return f"AtlasCache({str(self.root)!r}, budget_bytes={self.budget_bytes})"
