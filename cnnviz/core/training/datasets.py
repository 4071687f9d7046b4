"""Datasets for the Train tab: a registry of name -> loader plus metadata.

Every loader returns a :class:`DatasetBundle`: uint8 image tensors held in
memory (``(N, C, H, W)``) with int64 labels, split into train and validation,
and the per-channel mean / std used to normalise a batch. Holding uint8 keeps
CIFAR-10 at 150 MB instead of 600 MB and makes a batch one index + one
``float()``.

* ``shapes`` (default): the built-in synthetic glyphs, no download.
* ``digits``: the 1,797 handwritten 8×8 digits scikit-learn ships inside its
  package (no download, no copy in cnnviz), upsampled to 32×32 for LeNet-5,
  with a fixed held-out split.
* ``mnist``, ``fashion_mnist``, ``cifar10``: torchvision's files, downloaded
  once into :func:`~cnnviz.core.training.paths.datasets_dir` with progress;
  offline, the error names the folder to put the files in.
* ``folder``: any ``ImageFolder`` layout (one sub-folder per class), split
  into train / validation automatically, or used as given when it has
  ``train`` / ``val`` sub-folders (also food-11 style ``3_17.jpg`` names).
"""

from __future__ import annotations

import hashlib
import pathlib
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from cnnviz.core.errors import DatasetError
from cnnviz.core.messages import join, message_of, msg
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress
from cnnviz.core.training.paths import datasets_dir


@dataclass
class DataSplit:
    """One split: uint8 images ``(N, C, H, W)``, int64 labels and normalisation."""

    images: torch.Tensor
    labels: torch.Tensor
    mean: tuple[float, ...]
    std: tuple[float, ...]

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    def batch(self, index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Images ``index`` as normalised float32 and their labels (on the split's device)."""
        x = self.images[index].float()
        cached = self.__dict__.get("_norm")
        if cached is None or cached[0].device != x.device:
            mean = torch.tensor(self.mean, device=x.device).view(1, -1, 1, 1) * 255.0
            std = torch.tensor(self.std, device=x.device).view(1, -1, 1, 1) * 255.0
            cached = self.__dict__["_norm"] = (mean, std)
        return (x - cached[0]) / cached[1], self.labels[index]

    def to(self, device: torch.device | str) -> DataSplit:
        """The same split with its tensors on ``device``."""
        return DataSplit(self.images.to(device), self.labels.to(device), self.mean, self.std)

    def subset(self, count: int | None) -> DataSplit:
        """The first ``count`` samples (all when None or larger)."""
        if count is None or count >= len(self):
            return self
        return DataSplit(self.images[:count], self.labels[:count], self.mean, self.std)


@dataclass
class DatasetBundle:
    """A train and a validation split with their class names."""

    name: str
    train: DataSplit
    val: DataSplit
    class_names: tuple[str, ...]
    source: str = ""
    notes: tuple[str, ...] = ()  # what a person should know: images skipped, classes missing

    @property
    def num_classes(self) -> int:
        """How many classes the labels range over."""
        return len(self.class_names)

    @property
    def in_channels(self) -> int:
        """Image channels (1 grayscale, 3 colour)."""
        return int(self.train.images.shape[1])

    @property
    def image_size(self) -> tuple[int, int]:
        """Image height and width in pixels."""
        return int(self.train.images.shape[2]), int(self.train.images.shape[3])


Loader = Callable[..., DatasetBundle]


@dataclass(frozen=True)
class DatasetInfo:
    """What cnnviz knows about a dataset before loading it."""

    name: str
    label: str
    description_en: str
    description_zh: str
    loader: Loader
    needs_download: bool = False
    needs_path: bool = False
    label_zh: str = ""


_REGISTRY: dict[str, DatasetInfo] = {}


def register_dataset(
    name: str, *, label: str, description_en: str, description_zh: str,
    needs_download: bool = False, needs_path: bool = False, label_zh: str = "",
) -> Callable[[Loader], Loader]:
    """Decorator that registers a dataset loader under ``name``."""

    def wrap(loader: Loader) -> Loader:
        _REGISTRY[name] = DatasetInfo(
            name, label, description_en, description_zh, loader, needs_download, needs_path, label_zh
        )
        return loader

    return wrap


def list_datasets() -> list[DatasetInfo]:
    """Every registered dataset, in registration order."""
    return list(_REGISTRY.values())


def get_dataset_info(name: str) -> DatasetInfo:
    """The dataset registered under ``name`` (ConfigError-like DatasetError if unknown)."""
    key = name.strip().lower().replace("-", "_")
    if key in _REGISTRY:
        return _REGISTRY[key]
    raise DatasetError(msg("Unknown dataset {name!r}. Known: {known}.", name=name, known=", ".join(_REGISTRY)))


def load_dataset(
    name: str,
    *,
    seed: int = 0,
    path: str | None = None,
    train_limit: int | None = None,
    val_limit: int | None = None,
    image_size: int | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> DatasetBundle:
    """Load dataset ``name``; ``train_limit`` / ``val_limit`` keep the first N samples.

    ``seed`` makes synthetic data and automatic splits reproducible; ``path`` is the
    folder for ``folder``; ``image_size`` the square size folder images are resized to.
    """
    info = get_dataset_info(name)
    kwargs: dict[str, Any] = {"seed": seed, "progress": progress, "cancel": cancel}
    if info.needs_path:
        kwargs["path"] = path
        kwargs["image_size"] = 64 if image_size is None else image_size
    if info.name == "digits":
        kwargs["image_size"] = DIGITS_SIZE if image_size is None else image_size
    if info.name == "shapes":
        kwargs["n_train"] = train_limit or 6000
        kwargs["n_val"] = val_limit or 1000
    bundle = info.loader(**kwargs)
    bundle.train = bundle.train.subset(train_limit)
    bundle.val = bundle.val.subset(val_limit)
    return bundle


def _mean_std(images: torch.Tensor) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and std of uint8 images, in [0, 1] units (chunked: low memory)."""
    c = images.shape[1]
    total = torch.zeros(c, dtype=torch.float64)
    total_sq = torch.zeros(c, dtype=torch.float64)
    count = 0
    for start in range(0, images.shape[0], 4096):
        chunk = images[start : start + 4096].double() / 255.0
        total += chunk.sum(dim=(0, 2, 3))
        total_sq += (chunk * chunk).sum(dim=(0, 2, 3))
        count += chunk.shape[0] * chunk.shape[2] * chunk.shape[3]
    mean = total / max(count, 1)
    std = (total_sq / max(count, 1) - mean * mean).clamp_min(1e-12).sqrt()
    return tuple(float(m) for m in mean), tuple(max(float(s), 1e-3) for s in std)


def _bundle(name: str, train: tuple[torch.Tensor, torch.Tensor], val: tuple[torch.Tensor, torch.Tensor],
            class_names: tuple[str, ...], source: str) -> DatasetBundle:
    mean, std = _mean_std(train[0])
    return DatasetBundle(
        name, DataSplit(train[0], train[1], mean, std), DataSplit(val[0], val[1], mean, std),
        class_names, source,
    )


# ---------------------------------------------------------------- shapes


@register_dataset(
    "shapes",
    label="Shapes (built-in)",
    label_zh="Shapes（内置图形）",
    description_en="Ten kinds of noisy 32×32 glyphs (ring, disk, square, plus, …) drawn on the fly from the seed: no download.",
    description_zh="十类带噪声的 32×32 简单图形（圆环、圆盘、方框、十字……），由随机种子即时生成，无需下载。",
)
def _load_shapes(*, seed: int, n_train: int = 6000, n_val: int = 1000,
                 progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> DatasetBundle:
    from cnnviz.core.training.synthetic import SHAPE_CLASSES, make_shapes

    progress(0.0, "Drawing shapes")
    # Two independent streams so that train and validation never share an image.
    xt, yt = make_shapes(n_train, seed=seed * 2 + 11)
    xv, yv = make_shapes(n_val, seed=seed * 2 + 12)
    progress(1.0, "Shapes ready")
    return _bundle(
        "shapes", (torch.from_numpy(xt), torch.from_numpy(yt)), (torch.from_numpy(xv), torch.from_numpy(yv)),
        SHAPE_CLASSES, f"synthetic, seed {seed}",
    )


# ---------------------------------------------------------------- digits (scikit-learn, offline)

DIGITS_SIZE = 32  # LeNet-5's input
DIGITS_HELD_OUT = 360  # 20 % of the 1,797 images, stratified, always the same ones


@register_dataset(
    "digits",
    label="Handwritten digits (offline)",
    label_zh="手写数字（离线）",
    description_en="1,797 real handwritten digits (8×8, from scikit-learn, no download) upsampled to 32×32; "
                   "360 of them are always held out for validation.",
    description_zh="1797 张真实手写数字（8×8，来自 scikit-learn，无需下载），放大到 32×32；"
                   "固定留出其中 360 张用于验证。",
)
def _load_digits(*, seed: int, image_size: int = DIGITS_SIZE, progress: ProgressFn = no_progress,
                 cancel: CancelToken | None = None) -> DatasetBundle:
    """scikit-learn's digits (UCI optdigits test set) as uint8 ``(N, 1, S, S)``.

    The held-out split is fixed (stratified, ``random_state=0``) whatever
    ``seed`` is, so every run and every lesson is scored on the same images.
    Pixel values 0..16 are scaled to 0..255, then upsampled bilinearly.
    """
    import torch.nn.functional as F

    try:
        from sklearn.datasets import load_digits
        from sklearn.model_selection import train_test_split
    except ImportError:
        raise DatasetError(msg("The handwritten digits need scikit-learn: pip install scikit-learn")) from None
    progress(0.0, "Reading the handwritten digits")
    digits = load_digits()
    x = torch.from_numpy(digits.images.astype(np.float32) * (255.0 / 16.0))[:, None]  # N, 1, 8, 8
    if image_size != x.shape[-1]:
        x = F.interpolate(x, size=(image_size, image_size), mode="bilinear", align_corners=False)
    images = x.round().clamp(0, 255).to(torch.uint8)
    labels = torch.from_numpy(digits.target.astype(np.int64))
    train_idx, val_idx = train_test_split(
        np.arange(len(labels)), test_size=DIGITS_HELD_OUT, stratify=digits.target, random_state=0
    )
    train_idx, val_idx = torch.from_numpy(train_idx), torch.from_numpy(val_idx)
    progress(1.0, "Digits ready")
    return _bundle(
        "digits", (images[train_idx], labels[train_idx]), (images[val_idx], labels[val_idx]),
        tuple(str(d) for d in range(10)), "scikit-learn load_digits (UCI optdigits), fixed 360 held out",
    )


# ---------------------------------------------------------------- downloads


def _fetch_url(url: str, dest: pathlib.Path, progress: ProgressFn, cancel: CancelToken | None) -> None:
    """Download ``url`` to ``dest`` (through ``dest.part``), reporting progress.

    This is the one place cnnviz touches the network for datasets; tests
    replace it.
    """
    part = dest.with_name(dest.name + ".part")
    with urllib.request.urlopen(url, timeout=30) as response, open(part, "wb") as fh:  # noqa: S310
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        while True:
            if cancel is not None:
                cancel.check()
            chunk = response.read(1 << 16)
            if not chunk:
                break
            fh.write(chunk)
            done += len(chunk)
            if total:
                progress(done / total, f"Downloading {dest.name}: {done / 1e6:.1f} / {total / 1e6:.1f} MB")
    part.replace(dest)


def _md5(path: pathlib.Path) -> str:
    digest = hashlib.md5()  # noqa: S324 (a checksum published with the data, not security)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(files: list[tuple[list[str], str, str]], folder: pathlib.Path, title: str,
              progress: ProgressFn, cancel: CancelToken | None) -> None:
    """Fetch ``files`` (candidate urls, file name, md5) into ``folder`` and unpack them."""
    from torchvision.datasets.utils import extract_archive

    folder.mkdir(parents=True, exist_ok=True)
    for number, (urls, filename, md5) in enumerate(files, start=1):
        dest = folder / filename
        errors: list[str] = []

        def file_progress(f: float, m: str, n: int = number) -> None:
            progress(((n - 1) + f) / len(files), m)

        for url in urls:
            try:
                _fetch_url(url, dest, file_progress, cancel)
            except (urllib.error.URLError, OSError, TimeoutError) as exc:
                errors.append(str(getattr(exc, "reason", exc)))
                continue
            if md5 and _md5(dest) != md5:
                dest.unlink(missing_ok=True)
                errors.append(msg("{name} arrived damaged (checksum mismatch)", name=filename))
                continue
            break
        else:
            names = ", ".join(f for _, f, _ in files)
            raise DatasetError(msg(
                "Cannot download {title} ({reason}). "
                "If this computer is offline, copy the files {names} from {address}/ "
                "into the folder {folder} and try again.",
                title=title, reason=errors[-1] if errors else msg("no address"), names=names,
                address=urls[0].rsplit("/", 1)[0], folder=str(folder),
            ))
        extract_archive(str(dest), str(folder))


def _torchvision_set(cls_name: str, title: str, progress: ProgressFn, cancel: CancelToken | None) -> tuple[Any, Any]:
    import torchvision.datasets as tvd

    cls = getattr(tvd, cls_name)
    root = datasets_dir()
    try:
        return cls(str(root), train=True, download=False), cls(str(root), train=False, download=False)
    except RuntimeError:
        pass  # not there yet: download below
    if hasattr(cls, "resources"):  # MNIST family: raw .gz files in <root>/<Class>/raw
        folder = root / cls.__name__ / "raw"
        files = [([m + f for m in cls.mirrors], f, md5) for f, md5 in cls.resources]
    else:  # CIFAR: one archive in <root>
        folder = root
        files = [([cls.url], cls.filename, cls.tgz_md5)]
    _download(files, folder, title, progress, cancel)
    try:
        return cls(str(root), train=True, download=False), cls(str(root), train=False, download=False)
    except RuntimeError as exc:
        raise DatasetError(msg(
            "{title} files in {folder} are incomplete or damaged ({reason}).",
            title=title, folder=str(folder), reason=message_of(exc),
        )) from None


def _as_nchw(data: Any) -> torch.Tensor:
    t = torch.as_tensor(np.asarray(data))
    if t.ndim == 3:  # N, H, W
        return t[:, None].contiguous()
    return t.permute(0, 3, 1, 2).contiguous()  # N, H, W, C


def _register_torchvision(name: str, cls_name: str, title: str, en: str, zh: str) -> None:
    def loader(*, seed: int, progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> DatasetBundle:
        train, test = _torchvision_set(cls_name, title, progress, cancel)
        return _bundle(
            name,
            (_as_nchw(train.data), torch.as_tensor(train.targets, dtype=torch.int64)),
            (_as_nchw(test.data), torch.as_tensor(test.targets, dtype=torch.int64)),
            tuple(train.classes), f"torchvision {cls_name} in {datasets_dir()}",
        )

    register_dataset(name, label=title, description_en=en, description_zh=zh, needs_download=True)(loader)


_register_torchvision(
    "mnist", "MNIST", "MNIST",
    "70,000 handwritten digits, 28×28 grayscale (downloaded once, 11 MB).",
    "7 万张 28×28 灰度手写数字（首次使用时下载，11 MB）。",
)
_register_torchvision(
    "fashion_mnist", "FashionMNIST", "Fashion-MNIST",
    "70,000 clothing pictures in 10 classes, 28×28 grayscale (downloaded once, 30 MB).",
    "7 万张 10 类服饰图片，28×28 灰度（首次使用时下载，30 MB）。",
)
_register_torchvision(
    "cifar10", "CIFAR10", "CIFAR-10",
    "60,000 colour photos in 10 classes, 32×32 (downloaded once, 170 MB).",
    "6 万张 10 类彩色照片，32×32（首次使用时下载，170 MB）。",
)


# ---------------------------------------------------------------- image folder

_TRAIN_NAMES = ("train", "training")
_VAL_NAMES = ("val", "valid", "validation")
_PREFIX = re.compile(r"^(\d+)_")


def _list_images(folder: pathlib.Path) -> list[tuple[pathlib.Path, str]]:
    """(image, class name) pairs: class sub-folders, or food-11 style ``3_17.jpg`` names."""
    from torchvision.datasets.folder import IMG_EXTENSIONS

    subdirs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    out: list[tuple[pathlib.Path, str]] = []
    if subdirs:
        for sub in subdirs:
            out += [(f, sub.name) for f in sorted(sub.rglob("*")) if f.suffix.lower() in IMG_EXTENSIONS]
        return out
    for f in sorted(folder.iterdir()):
        m = _PREFIX.match(f.name)
        if m and f.suffix.lower() in IMG_EXTENSIONS:
            out.append((f, m.group(1)))
    return out


#: The square sizes folder images may be resized to (``--image-size``): a few pixels up to
#: what the Train tab's small nets and a computer's memory handle for thousands of images.
MIN_IMAGE_SIZE = 4
MAX_IMAGE_SIZE = 512


def check_image_size(size: int) -> int:
    """``size`` if it is an allowed square size for folder images, else DatasetError with the range."""
    if isinstance(size, bool) or not isinstance(size, int) or not MIN_IMAGE_SIZE <= size <= MAX_IMAGE_SIZE:
        raise DatasetError(msg(
            "The image size must be a whole number from {low} to {high} pixels, got {value}.",
            low=MIN_IMAGE_SIZE, high=MAX_IMAGE_SIZE, value=str(size)[:40],
        ))
    return size


def _read_image(path: pathlib.Path, size: int) -> np.ndarray | str:
    """One image as RGB ``(3, size, size)`` uint8, or why it was skipped.

    The file is read as the Inspect tab reads images (:func:`cnnviz.core.images.load_image`):
    FIFOs and devices refused unread, the 100-megapixel limit checked on the header
    before decoding, so one image at full size is held at a time and only its
    resized copy is kept. Returns ``"too large"`` or ``"unreadable"`` when skipped.
    """
    import cv2

    from cnnviz.core.errors import ImageError
    from cnnviz.core.images import MAX_FILE_BYTES, ImageTooLargeError, load_image
    from cnnviz.core.safe_io import read_bytes

    try:
        data = read_bytes(path, limit=MAX_FILE_BYTES, what="image file", error=ImageError)
        rgb = load_image(data).rgb
    except ImageTooLargeError:
        return "too large"
    except ImageError:
        return "unreadable"
    img = cv2.resize(rgb, (size, size), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(img.transpose(2, 0, 1))  # HWC -> CHW


@dataclass
class _Skipped:
    """Images left out of a folder dataset, by reason, with a few names to show."""

    unreadable: list[str] = field(default_factory=list)
    too_large: list[str] = field(default_factory=list)

    def add(self, reason: str, path: pathlib.Path) -> None:
        (self.too_large if reason == "too large" else self.unreadable).append(path.name)

    def __len__(self) -> int:
        return len(self.unreadable) + len(self.too_large)

    def describe(self, total: int) -> str:
        """``3 of 120 images were skipped: 2 unreadable (a.png, b.jpg), 1 over 100 megapixels (big.png).``"""
        from cnnviz.core.images import MAX_PIXELS

        def names(items: list[str]) -> str:
            shown = ", ".join(items[:3])
            return msg("{names}, … {count} more", names=shown, count=len(items) - 3) if len(items) > 3 else shown

        parts = []
        if self.unreadable:
            parts.append(msg(
                "{count} unreadable or damaged ({names})", count=len(self.unreadable), names=names(self.unreadable)
            ))
        if self.too_large:
            parts.append(msg(
                "{count} over the {megapixels}-megapixel limit ({names})",
                count=len(self.too_large), megapixels=MAX_PIXELS // 1_000_000, names=names(self.too_large),
            ))
        if len(self) == 1:
            return msg("{count} of {total} images was skipped: {parts}.", count=len(self), total=total, parts=join(parts))
        return msg("{count} of {total} images were skipped: {parts}.", count=len(self), total=total, parts=join(parts))


def _decode_all(items: list[tuple[pathlib.Path, int]], size: int, progress: ProgressFn,
                cancel: CancelToken | None, start: int, total: int,
                skipped: _Skipped) -> tuple[torch.Tensor, torch.Tensor]:
    images: list[np.ndarray] = []
    labels: list[int] = []
    for i, (path, label) in enumerate(items):
        if cancel is not None and i % 32 == 0:
            cancel.check()
        img = _read_image(path, size)
        if isinstance(img, str):
            skipped.add(img, path)
            continue
        images.append(img)
        labels.append(label)
        if i % 50 == 0:
            progress((start + i) / max(total, 1), f"Reading images {start + i}/{total}")
    x = torch.from_numpy(np.stack(images)) if images else torch.zeros((0, 3, size, size), dtype=torch.uint8)
    return x, torch.tensor(labels, dtype=torch.int64)


def _check_fits(count: int, size: int, root: pathlib.Path) -> None:
    """Refuse up front a folder whose resized images would not fit in free memory."""
    from cnnviz.core.footprint import available_memory
    from cnnviz.core.safe_io import format_bytes

    needed = count * 3 * size * size
    free = available_memory()
    if free is not None and needed > free // 2:
        raise DatasetError(msg(
            "{count:,} images of {size}×{size} pixels from {folder} need {needed} of memory; "
            "this computer has {free} free. Use a smaller --image-size or fewer images.",
            count=count, size=size, folder=str(root), needed=format_bytes(needed), free=format_bytes(free),
        ))


@register_dataset(
    "folder",
    label="Image folder…",
    label_zh="图片文件夹…",
    description_en="Your own images: one sub-folder per class (ImageFolder layout); 20% are held out for validation.",
    description_zh="你自己的图片：每个类别一个子文件夹（ImageFolder 结构）；自动留出 20% 用于验证。",
    needs_path=True,
)
def _load_folder(*, seed: int, path: str | None, image_size: int = 64, val_fraction: float = 0.2,
                 progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> DatasetBundle:
    if not path:
        raise DatasetError(msg("Choose an image folder first (one sub-folder per class)."))
    check_image_size(image_size)
    root = pathlib.Path(path).expanduser()
    if not root.exists():
        raise DatasetError(msg("The image folder {folder} does not exist.", folder=str(root)))
    if not root.is_dir():
        raise DatasetError(msg(
            "{folder} is not a folder: choose the folder that holds one sub-folder per class.", folder=str(root)
        ))
    children = {p.name.lower(): p for p in root.iterdir() if p.is_dir()}
    train_dir = next((children[n] for n in _TRAIN_NAMES if n in children), None)
    val_dir = next((children[n] for n in _VAL_NAMES if n in children), None)
    notes: list[str] = []
    if train_dir is None and val_dir is not None:
        raise DatasetError(msg(
            "{folder} has a {val}/ folder but no train/ folder: add train/ (one sub-folder per "
            "class), or put the class folders directly in the folder and 20% are held out automatically.",
            folder=str(root), val=val_dir.name,
        ))
    if train_dir is not None and val_dir is not None:
        train_items, val_items = _list_images(train_dir), _list_images(val_dir)
    else:
        source = root if train_dir is None else train_dir
        if train_dir is not None:
            notes.append(msg(
                "{folder} has a {train}/ folder but no val/ folder: "
                "{fraction:.0%} of {train}/ is held out for validation.",
                folder=str(root), train=train_dir.name, fraction=val_fraction,
            ))
        everything = _list_images(source)
        order = np.random.default_rng(seed).permutation(len(everything))
        n_val = max(1, int(round(len(everything) * val_fraction))) if len(everything) > 1 else 0
        val_items = [everything[i] for i in order[:n_val]]
        train_items = [everything[i] for i in order[n_val:]]
    classes = tuple(sorted({c for _, c in train_items + val_items}, key=lambda c: (len(c), c)))
    if len(classes) < 2 or not train_items:
        raise DatasetError(msg(
            "{folder} needs at least two classes: one sub-folder per class with images inside "
            "(or train/ and val/ folders laid out that way).",
            folder=str(root),
        ))
    index = {c: i for i, c in enumerate(classes)}
    total = len(train_items) + len(val_items)
    _check_fits(total, image_size, root)
    skipped = _Skipped()
    xt, yt = _decode_all([(p, index[c]) for p, c in train_items], image_size, progress, cancel, 0, total,
                         skipped)
    xv, yv = _decode_all([(p, index[c]) for p, c in val_items], image_size, progress, cancel,
                         len(train_items), total, skipped)
    if len(yt) == 0:
        if skipped:
            raise DatasetError(msg(
                "No readable training image in {folder}. {skipped}", folder=str(root), skipped=skipped.describe(total)
            ))
        raise DatasetError(msg("No readable training image in {folder}.", folder=str(root)))
    if skipped:
        notes.append(skipped.describe(total))
    trained = {classes[i] for i in yt.unique().tolist()}
    missing = [c for c in classes if c not in trained]
    if missing:
        shown = ", ".join(missing[:5])
        if len(missing) > 5:
            shown = msg("{names} and {count} more", names=shown, count=len(missing) - 5)
        if len(missing) == 1:
            notes.append(msg(
                "{count} class has no training image ({names}): the model cannot learn it.", count=1, names=shown
            ))
        else:
            notes.append(msg(
                "{count} classes have no training image ({names}): the model cannot learn them.",
                count=len(missing), names=shown,
            ))
    progress(1.0, f"{len(yt) + len(yv)} images read" + (f", {len(skipped)} skipped" if skipped else ""))
    bundle = _bundle("folder", (xt, yt), (xv, yv), classes, str(root))
    bundle.notes = tuple(notes)
    return bundle


# ---------------------------------------------------------------- fitting data to a model


def fit_images(split: DataSplit, channels: int, size: tuple[int, int]) -> DataSplit:
    """The split with images brought to ``channels`` × ``size`` for a model's input.

    A few pixels short (MNIST's 28 for LeNet's 32) is zero-padded, as LeCun did;
    anything else is resized. One channel is repeated to three; three are
    averaged to one.
    """
    import torch.nn.functional as F

    x = split.images
    mean, std = split.mean, split.std
    if x.shape[1] != channels:
        if x.shape[1] == 1:
            x = x.expand(-1, channels, -1, -1).contiguous()
            mean, std = mean * channels, std * channels
        else:
            x = x.float().mean(dim=1, keepdim=True).round().to(torch.uint8)
            mean, std = (sum(mean) / len(mean),), (sum(std) / len(std),)
    h, w = x.shape[2], x.shape[3]
    if (h, w) != tuple(size):
        dh, dw = size[0] - h, size[1] - w
        if 0 <= dh <= 8 and 0 <= dw <= 8:
            x = F.pad(x, (dw // 2, dw - dw // 2, dh // 2, dh - dh // 2))
        else:
            chunks = [
                F.interpolate(x[i : i + 1024].float(), size=tuple(size), mode="bilinear",
                              antialias=True, align_corners=False).round().clamp(0, 255).to(torch.uint8)
                for i in range(0, x.shape[0], 1024)
            ]
            x = torch.cat(chunks) if chunks else x.new_zeros((0, x.shape[1], *size))
    return DataSplit(x, split.labels, tuple(mean), tuple(std))
