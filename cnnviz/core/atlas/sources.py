"""Image sets for the exemplar index: a folder, a registered dataset, a torchvision dataset, arrays.

Every source lists its images under **stable ids** (a folder: the path
relative to the folder, ``/``-separated; a dataset: ``name:split:number``) in
a fixed order, says where each one came from (:meth:`ImageSource.label`: what
``index.json`` writes as ``"image"``), gives a **fingerprint** of its content
(part of the index's cache key: another set of images never shows this one's
exemplars) and reads an image as 8-bit RGB ``H×W×3``.

An image that cannot be used raises :class:`SkippedImage` with a reason
(``corrupt``, ``too_large``, ``unreadable``); the index counts those and goes
on. Grayscale files are *used* (replicated to RGB exactly as the Inspect tab
and ``cnnviz activations`` load them, so the stored activation is the one the
model gives that file) and counted separately, so a report can say how many
were converted.

Fingerprints: a folder hashes each file's relative path, size and
modification time (hashing every byte of a large photo folder would cost as
much as indexing it); in-memory datasets hash their pixels.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from abc import ABC, abstractmethod
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from cnnviz.core.errors import DatasetError, ImageError
from cnnviz.core.messages import message_of, msg
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

#: File name endings a folder source reads (case-insensitive).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp")

#: Why an image was skipped.
SKIP_REASONS = ("corrupt", "too_large", "unreadable")


class SkippedImage(ImageError):
    """An image of a set that cannot be used; ``reason`` is one of :data:`SKIP_REASONS`."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SourceImage:
    """One image of a set: 8-bit RGB ``H×W×3`` and whether its file was grayscale."""

    rgb: np.ndarray
    grayscale: bool = False


class ImageSource(ABC):
    """A fixed, ordered set of images with stable ids (see the module docstring)."""

    #: What the user picked, for people and for ``index.json``'s ``"dataset"``.
    name: str = ""

    @abstractmethod
    def ids(self) -> Sequence[str]:
        """Every image id, in the order the index visits them."""

    @abstractmethod
    def fingerprint(self) -> str:
        """A hex digest that changes when the set of images (or any image) changes."""

    @abstractmethod
    def read(self, image_id: str) -> SourceImage:
        """The image ``image_id`` as RGB uint8; :class:`SkippedImage` if it cannot be used."""

    def label(self, image_id: str) -> str:
        """What to call the image in files and views (a path for files, else the id)."""
        return image_id

    def read_many(self, image_ids: Sequence[str]) -> list[SourceImage | SkippedImage]:
        """Read several images; a failure comes back in the list instead of being raised."""
        out: list[SourceImage | SkippedImage] = []
        for image_id in image_ids:
            try:
                out.append(self.read(image_id))
            except SkippedImage as exc:
                out.append(exc)
        return out

    def __len__(self) -> int:
        return len(self.ids())


# --------------------------------------------------------------------------- folder


def _decode_file(path: Path, max_pixels: int) -> SourceImage:
    """Read one file as the Inspect tab does, classifying any failure."""
    from cnnviz.core.images import MAX_PIXELS, load_image

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkippedImage(
            "unreadable", msg("{path}: {reason}", path=str(path), reason=exc.strerror or message_of(exc))
        ) from None
    if max_pixels < MAX_PIXELS:  # a stricter limit than load_image's: check the header first
        from PIL import Image

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with Image.open(io.BytesIO(data)) as im:
                    width, height = im.size
        except Image.DecompressionBombError:
            raise SkippedImage("too_large", msg("{path}: too many pixels", path=str(path))) from None
        except Exception:
            raise SkippedImage("corrupt", msg("{path}: not a readable image", path=str(path))) from None
        if width * height > max_pixels:
            raise SkippedImage("too_large", msg(
                "{path}: {width}×{height} is over {limit:,} pixels", path=str(path), width=width, height=height,
                limit=max_pixels,
            ))
    try:
        loaded = load_image(data)
    except ImageError as exc:  # load_image checks its own pixel limit on the header, before decoding
        reason = "too_large" if "too large" in str(exc) else "corrupt"
        line = exc.one_line()
        why = message_of(exc) if line == str(exc) else line  # keep the translatable message when it is one line
        raise SkippedImage(reason, msg("{path}: {reason}", path=str(path), reason=why)) from None
    gray = loaded.original_mode.startswith(("grayscale", "black-and-white"))
    return SourceImage(loaded.rgb, grayscale=gray)


class FolderSource(ImageSource):
    """Every image file under a folder (sub-folders included, hidden ones not), sorted by path."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        max_pixels: int | None = None,
        limit: int | None = None,
        workers: int = 4,
    ) -> None:
        from cnnviz.core.images import MAX_PIXELS

        self.root = Path(root).expanduser()
        if not self.root.is_dir():
            raise DatasetError(msg("The image folder {folder} does not exist.", folder=str(self.root)))
        self.name = str(self.root)
        self.max_pixels = int(max_pixels or MAX_PIXELS)
        self.workers = max(1, int(workers))
        self._ids = self._list()[:limit] if limit else self._list()
        if not self._ids:
            raise DatasetError(msg(
                "No image files in {folder} (looked for {suffixes}).",
                folder=str(self.root), suffixes=", ".join(IMAGE_SUFFIXES),
            ))
        self._fingerprint: str | None = None

    def _list(self) -> list[str]:
        found: list[str] = []
        for folder, dirs, files in os.walk(self.root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            rel = Path(folder).relative_to(self.root)
            for f in files:
                if not f.startswith(".") and f.lower().endswith(IMAGE_SUFFIXES):
                    found.append((rel / f).as_posix())
        return sorted(found)

    def ids(self) -> Sequence[str]:
        """Paths relative to the folder, ``/``-separated, sorted."""
        return self._ids

    def fingerprint(self) -> str:
        """Hash of every listed file's relative path, size and modification time."""
        if self._fingerprint is None:
            h = hashlib.sha256(b"cnnviz-folder-v1\n")
            for rel in self._ids:
                try:
                    st = (self.root / rel).stat()
                    stamp = f"{st.st_size}:{st.st_mtime_ns}"
                except OSError:
                    stamp = "missing"
                h.update(f"{rel}\0{stamp}\n".encode())
            self._fingerprint = h.hexdigest()
        return self._fingerprint

    def path(self, image_id: str) -> Path:
        """The file of ``image_id``."""
        return self.root / image_id

    def label(self, image_id: str) -> str:
        """The file's path (the folder as given, joined with the id)."""
        return str(self.path(image_id))

    def read(self, image_id: str) -> SourceImage:
        """Decode one file (see :func:`cnnviz.core.images.load_image`)."""
        return _decode_file(self.path(image_id), self.max_pixels)

    def read_many(self, image_ids: Sequence[str]) -> list[SourceImage | SkippedImage]:
        """Decode several files on a few threads (the decoders release the GIL)."""
        if self.workers == 1 or len(image_ids) < 2:
            return super().read_many(image_ids)

        def one(image_id: str) -> SourceImage | SkippedImage:
            try:
                return self.read(image_id)
            except SkippedImage as exc:
                return exc

        with ThreadPoolExecutor(min(self.workers, len(image_ids))) as pool:
            return list(pool.map(one, image_ids))


# --------------------------------------------------------------------------- arrays


def _as_nhwc(images: Any) -> np.ndarray:
    """uint8 images as ``N×H×W×C`` (C = 1 or 3) from NHW, NHWC or NCHW arrays or tensors."""
    a = images.numpy() if hasattr(images, "numpy") and not isinstance(images, np.ndarray) else np.asarray(images)
    if a.dtype != np.uint8:
        raise DatasetError(msg("Images must be 8-bit (uint8); got {dtype}.", dtype=str(a.dtype)))
    if a.ndim == 3:
        return a[..., None]
    if a.ndim == 4 and a.shape[-1] in (1, 3):
        return a
    if a.ndim == 4 and a.shape[1] in (1, 3):
        return a.transpose(0, 2, 3, 1)
    raise DatasetError(
        msg("Images must be N×H×W, N×H×W×C or N×C×H×W with 1 or 3 channels; got {shape}.", shape=a.shape)
    )


class ArraySource(ImageSource):
    """Images held in memory (uint8, NHW / NHWC / NCHW); ids ``PREFIX:NUMBER``."""

    def __init__(self, images: Any, *, name: str, id_prefix: str | None = None) -> None:
        self.images = _as_nhwc(images)
        self.name = name
        prefix = id_prefix if id_prefix is not None else name
        self._ids = [f"{prefix}:{i}" for i in range(len(self.images))]
        self._number = {image_id: i for i, image_id in enumerate(self._ids)}
        self._fingerprint: str | None = None

    def ids(self) -> Sequence[str]:
        """``PREFIX:0``, ``PREFIX:1``, …"""
        return self._ids

    def fingerprint(self) -> str:
        """Hash of the ids' prefix, the array's shape and every pixel."""
        if self._fingerprint is None:
            h = hashlib.sha256(b"cnnviz-array-v1\n")
            h.update(f"{self._ids[0] if self._ids else ''}\0{self.images.shape}\n".encode())
            h.update(np.ascontiguousarray(self.images).data)
            self._fingerprint = h.hexdigest()
        return self._fingerprint

    def read(self, image_id: str) -> SourceImage:
        """The image as RGB (one channel replicated)."""
        try:
            a = self.images[self._number[image_id]]
        except KeyError:
            raise SkippedImage("unreadable", msg("No image {id!r} in {name}.", id=image_id, name=self.name)) from None
        if a.shape[-1] == 1:
            a = np.repeat(a, 3, axis=2)
        return SourceImage(np.ascontiguousarray(a))


def registered_dataset_source(
    name: str,
    split: str = "val",
    *,
    seed: int = 0,
    path: str | None = None,
    limit: int | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ArraySource:
    """A dataset of the Train tab's registry (``shapes``, ``digits``, ``mnist``, …) as a source.

    ``split`` is ``train`` or ``val``; ``limit`` keeps the first N images.
    Loading may download (as the Train tab does), with ``progress`` and ``cancel``.
    """
    from cnnviz.core.training.datasets import get_dataset_info, load_dataset

    if split not in ("train", "val"):
        raise DatasetError(msg("Split must be 'train' or 'val', not {split!r}.", split=split))
    info = get_dataset_info(name)
    limits = {"train_limit": limit, "val_limit": limit}
    bundle = load_dataset(info.name, seed=seed, path=path, progress=progress, cancel=cancel, **limits)
    data = bundle.train if split == "train" else bundle.val
    images = data.images[:limit] if limit else data.images
    if len(images) == 0:
        raise DatasetError(msg("The {split} split of {name} has no images.", split=split, name=info.name))
    return ArraySource(images, name=info.name, id_prefix=f"{info.name}:{split}")


# --------------------------------------------------------------------------- torchvision


class MapDatasetSource(ImageSource):
    """Any map-style dataset whose items are an image or ``(image, target)``: PIL, array or tensor."""

    def __init__(self, dataset: Any, *, name: str, id_prefix: str | None = None, fingerprint: str) -> None:
        self.dataset = dataset
        self.name = name
        prefix = id_prefix if id_prefix is not None else name
        self._ids = [f"{prefix}:{i}" for i in range(len(dataset))]
        self._number = {image_id: i for i, image_id in enumerate(self._ids)}
        self._fingerprint = fingerprint

    def ids(self) -> Sequence[str]:
        """``PREFIX:0``, ``PREFIX:1``, …"""
        return self._ids

    def fingerprint(self) -> str:
        """The fingerprint given when the source was made."""
        return self._fingerprint

    def read(self, image_id: str) -> SourceImage:
        """Item ``image_id`` as RGB uint8."""
        try:
            item = self.dataset[self._number[image_id]]
        except KeyError:
            raise SkippedImage("unreadable", msg("No image {id!r} in {name}.", id=image_id, name=self.name)) from None
        except Exception as exc:  # a damaged file inside the dataset
            raise SkippedImage("corrupt", msg(
                "{id}: {type}: {reason}", id=image_id, type=type(exc).__name__, reason=message_of(exc)
            )) from None
        image = item[0] if isinstance(item, tuple | list) else item
        return SourceImage(_to_rgb_array(image, image_id))


def _to_rgb_array(image: Any, image_id: str) -> np.ndarray:
    if hasattr(image, "convert"):  # PIL
        return np.asarray(image.convert("RGB"), dtype=np.uint8).copy()
    a = image.numpy() if hasattr(image, "numpy") else np.asarray(image)
    if a.dtype != np.uint8:
        if np.issubdtype(a.dtype, np.floating) and a.size and float(a.min()) >= 0.0 and float(a.max()) <= 1.0:
            a = np.rint(a * 255.0).astype(np.uint8)
        else:
            raise SkippedImage(
                "corrupt", msg("{id}: pixels of type {dtype} are not 8-bit", id=image_id, dtype=str(a.dtype))
            )
    if a.ndim == 2:
        a = a[..., None]
    if a.ndim == 3 and a.shape[0] in (1, 3) and a.shape[-1] not in (1, 3):
        a = a.transpose(1, 2, 0)
    if a.ndim != 3 or a.shape[-1] not in (1, 3):
        raise SkippedImage("corrupt", msg("{id}: unsupported image shape {shape}", id=image_id, shape=a.shape))
    return np.ascontiguousarray(np.repeat(a, 3, axis=2) if a.shape[-1] == 1 else a)


def torchvision_source(cls_name: str, root: str | os.PathLike[str] | None = None, split: str = "test") -> ImageSource:
    """A torchvision dataset that is **already on disk** (never downloads).

    ``cls_name`` is a class of :mod:`torchvision.datasets` (``MNIST``,
    ``CIFAR10``, ``SVHN``, …); ``root`` defaults to where the Train tab keeps
    datasets; ``split`` is ``train`` / ``test`` (or the class's own split name).
    """
    import inspect

    import torchvision.datasets as tvd

    from cnnviz.core.training.paths import datasets_dir

    cls: Any = getattr(tvd, cls_name, None)
    if not (inspect.isclass(cls) and issubclass(cls, tvd.VisionDataset)):
        known = sorted(n for n, c in vars(tvd).items() if inspect.isclass(c) and issubclass(c, tvd.VisionDataset))
        raise DatasetError(
            msg("torchvision has no dataset {name!r}. Known: {known} …", name=cls_name, known=", ".join(known[:30]))
        )
    folder = Path(root).expanduser() if root is not None else datasets_dir()
    params = inspect.signature(cls.__init__).parameters
    kwargs: dict[str, Any] = {}
    if "train" in params:
        kwargs["train"] = split == "train"
    elif "split" in params:
        kwargs["split"] = split
    if "download" in params:
        kwargs["download"] = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dataset: Any = cls(str(folder), **kwargs)  # type: ignore[call-arg]  # torchvision has no stubs
    except (RuntimeError, OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatasetError(msg(
            "torchvision {name} ({split}) is not on disk in {folder} ({reason}). "
            "cnnviz reads it from there and does not download it for exemplars.",
            name=cls_name, split=split, folder=str(folder), reason=first,
        )) from None
    name = f"torchvision:{cls_name}"
    prefix = f"{cls_name}:{split}"
    data = getattr(dataset, "data", None)
    if data is not None and hasattr(data, "shape") and len(getattr(data, "shape", ())) in (3, 4):
        try:
            return ArraySource(data, name=name, id_prefix=prefix)
        except DatasetError:
            pass  # not plain uint8 pixels: read item by item below
    h = hashlib.sha256(f"cnnviz-torchvision-v1\n{cls_name}\n{split}\n{len(dataset)}\n".encode())
    base = Path(getattr(dataset, "root", folder))
    for dirpath, _dirs, files in sorted(os.walk(base)):
        for f in sorted(files):
            try:
                st = os.stat(os.path.join(dirpath, f))
            except OSError:
                continue
            h.update(f"{os.path.relpath(os.path.join(dirpath, f), base)}\0{st.st_size}:{st.st_mtime_ns}\n".encode())
    return MapDatasetSource(dataset, name=name, id_prefix=prefix, fingerprint=h.hexdigest())


# --------------------------------------------------------------------------- choosing


def open_source(
    data: str,
    *,
    split: str | None = None,
    seed: int = 0,
    limit: int | None = None,
    root: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ImageSource:
    """The source a person named: a folder path, ``torchvision:CLASS`` or a registered dataset name.

    ``split`` defaults to ``val`` for registered datasets and ``test`` for
    torchvision ones; ``root`` is the torchvision folder; ``limit`` keeps the
    first N images of a dataset.
    """
    text = data.strip()
    if text.lower().startswith("torchvision:"):
        return torchvision_source(text.split(":", 1)[1], root, split or "test")
    path = Path(text).expanduser()
    if path.is_dir():
        return FolderSource(path, limit=limit)
    from cnnviz.core.training.datasets import list_datasets

    names = {d.name for d in list_datasets()}
    key = text.lower().replace("-", "_")
    if key in names:
        return registered_dataset_source(key, split or "val", seed=seed, limit=limit, progress=progress, cancel=cancel)
    raise DatasetError(msg(
        "{text!r} is neither an image folder nor a dataset name. "
        "Datasets: {names}; or torchvision:CLASS for one already on disk.",
        text=text, names=", ".join(sorted(names)),
    ))
