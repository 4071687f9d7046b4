"""A few validation images of each class of a dataset: inputs "of its kind" for a model trained on it.

A model trained on Shapes or on the handwritten digits should be fed a real
Shapes or digit picture, not a photograph. :func:`validation_samples` picks
the first ``per_class`` validation images of every class (always the same
ones) as RGB pictures, and says whether the data shows its subjects on a
dark background (the sketch pad then draws white ink on black).

Datasets that are downloaded (MNIST, Fashion-MNIST, CIFAR-10) are read only
when their files are already on this computer: asking for samples never
starts a download.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cnnviz.core.errors import DatasetError
from cnnviz.core.progress import CancelToken, ProgressFn, no_progress

#: At most this many pictures in all (many classes: fewer per class, then the first classes).
MAX_SAMPLES = 40
#: torchvision's class of each downloadable dataset (to look for its files without downloading).
_TORCHVISION = {"mnist": "MNIST", "fashion_mnist": "FashionMNIST", "cifar10": "CIFAR10"}


@dataclass(frozen=True)
class ValidationSample:
    """One validation picture: its class and where it is in the validation split."""

    class_index: int
    class_name: str
    index: int
    rgb: np.ndarray  # uint8 (H, W, 3)


@dataclass(frozen=True)
class ValidationSamples:
    """The pictures picked from one dataset."""

    dataset: str
    label: str  # the dataset's name for people (English)
    samples: tuple[ValidationSample, ...]
    dark_background: bool


def pick_per_class(labels: np.ndarray, per_class: int, limit: int = MAX_SAMPLES) -> list[int]:
    """Indices of the first ``per_class`` items of each class, class by class, at most ``limit`` in all."""
    labels = np.asarray(labels).ravel()
    classes = sorted(int(c) for c in np.unique(labels))
    per_class = max(1, min(per_class, limit // max(1, len(classes))))
    out: list[int] = []
    for c in classes:
        out.extend(int(i) for i in np.flatnonzero(labels == c)[:per_class])
        if len(out) >= limit:
            return out[:limit]
    return out


def _downloaded(name: str) -> None:
    """Raise DatasetError unless the files of downloadable dataset ``name`` are on this computer."""
    import torchvision.datasets as tvd

    from cnnviz.core.training.paths import datasets_dir

    cls = getattr(tvd, _TORCHVISION[name])
    try:
        cls(str(datasets_dir()), train=False, download=False)
    except RuntimeError:
        raise DatasetError(f"The {name} files are not on this computer, so no validation images are "
                           "offered (cnnviz does not download them for this).") from None


def validation_samples(
    name: str,
    *,
    path: str | None = None,
    image_size: int | None = None,
    per_class: int = 2,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> ValidationSamples:
    """The first ``per_class`` validation pictures of every class of dataset ``name`` (DatasetError if unreadable).

    ``path`` is the folder of a ``folder`` dataset, ``image_size`` the size its
    pictures are resized to (the model's input).
    """
    from cnnviz.core.sketch import background_is_dark
    from cnnviz.core.training.datasets import get_dataset_info, load_dataset

    info = get_dataset_info(name)
    if info.name in _TORCHVISION:
        _downloaded(info.name)
    # one training picture: Shapes draws 6,000 otherwise, and only the validation split is wanted
    bundle = load_dataset(info.name, path=path, image_size=image_size, train_limit=1, progress=progress,
                          cancel=cancel)
    images = bundle.val.images.numpy()
    labels = bundle.val.labels.numpy()
    if len(labels) == 0:
        raise DatasetError(f"{info.label} has no validation pictures.")
    picked = pick_per_class(labels, per_class)
    names = bundle.class_names
    samples = []
    for i in picked:
        img = images[i]  # (C, H, W) uint8
        rgb = np.repeat(img[:1], 3, axis=0) if img.shape[0] == 1 else img[:3]
        c = int(labels[i])
        samples.append(ValidationSample(c, names[c] if c < len(names) else str(c), int(i),
                                        np.ascontiguousarray(rgb.transpose(1, 2, 0))))
    return ValidationSamples(info.name, info.label, tuple(samples), background_is_dark(images[: 4 * MAX_SAMPLES]))
