"""Datasets: the synthetic shapes, torchvision downloads (faked at the boundary), image folders."""

from __future__ import annotations

import gzip
import hashlib
import os
import pathlib
import struct
import urllib.error

import numpy as np
import pytest
import torch

from cnnviz.core.errors import DatasetError
from cnnviz.core.training import datasets as ds
from cnnviz.core.training.synthetic import SHAPE_CLASSES, make_shapes


def test_shapes_are_deterministic_balanced_and_distinct_per_seed() -> None:
    a, la = make_shapes(200, seed=1)
    b, lb = make_shapes(200, seed=1)
    c, _ = make_shapes(200, seed=2)
    assert a.dtype == np.uint8 and a.shape == (200, 1, 32, 32)
    assert np.array_equal(a, b) and np.array_equal(la, lb)
    assert not np.array_equal(a, c)
    assert np.bincount(la, minlength=10).tolist() == [20] * 10
    bundle = ds.load_dataset("shapes", seed=0, train_limit=100, val_limit=50)
    assert bundle.num_classes == len(SHAPE_CLASSES) == 10
    assert len(bundle.train) == 100 and len(bundle.val) == 50
    # Validation images come from another stream: none equals a training image.
    flat_t = {bytes(x) for x in bundle.train.images.numpy()}
    assert not any(bytes(x) in flat_t for x in bundle.val.images.numpy())


def test_shape_classes_differ_on_average() -> None:
    """Class-mean images are far apart: the labels carry signal."""
    x, y = make_shapes(1000, seed=0)
    means = np.stack([x[y == c].astype(np.float32).mean(0).ravel() for c in range(10)])
    dist = np.linalg.norm(means[:, None] - means[None], axis=-1)
    assert dist[~np.eye(10, dtype=bool)].min() > 20


def test_batch_normalises_with_the_split_statistics() -> None:
    bundle = ds.load_dataset("shapes", seed=0, train_limit=64, val_limit=8)
    x, y = bundle.train.batch(torch.arange(64))
    raw = bundle.train.images.double() / 255
    assert abs(float(x.mean())) < 1e-4
    assert float(x.std(unbiased=False)) == pytest.approx(1.0, abs=1e-4)
    assert bundle.train.mean[0] == pytest.approx(float(raw.mean()), rel=1e-9)
    assert torch.equal(y, bundle.train.labels)


def _idx_images(n: int) -> bytes:
    data = np.arange(n * 28 * 28, dtype=np.uint8).tobytes()
    return struct.pack(">IIII", 2051, n, 28, 28) + data


def _idx_labels(n: int) -> bytes:
    return struct.pack(">II", 2049, n) + bytes(i % 10 for i in range(n))


def _mnist_files() -> dict[str, bytes]:
    return {
        "train-images-idx3-ubyte": _idx_images(30), "train-labels-idx1-ubyte": _idx_labels(30),
        "t10k-images-idx3-ubyte": _idx_images(10), "t10k-labels-idx1-ubyte": _idx_labels(10),
    }


def test_offline_download_names_the_folder_to_put_files_in(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CNNVIZ_HOME", str(tmp_path / "home"))

    def offline(url, dest, progress, cancel):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(ds, "_fetch_url", offline)
    with pytest.raises(DatasetError) as info:
        ds.load_dataset("fashion_mnist")
    folder = tmp_path / "home" / "datasets" / "FashionMNIST" / "raw"
    assert str(folder) in str(info.value)
    assert "train-images-idx3-ubyte.gz" in str(info.value)


def test_download_unpacks_checks_and_reports_progress(monkeypatch, tmp_path) -> None:
    """The network boundary (_fetch_url) is faked; checksum, unpacking and loading are real."""
    from torchvision.datasets import MNIST

    monkeypatch.setenv("CNNVIZ_HOME", str(tmp_path / "home"))
    payloads = {name + ".gz": gzip.compress(data) for name, data in _mnist_files().items()}
    monkeypatch.setattr(MNIST, "resources", [(n, hashlib.md5(p).hexdigest()) for n, p in payloads.items()])
    fetched: list[str] = []

    def fake_fetch(url, dest, progress, cancel):
        fetched.append(url)
        progress(0.5, "half")
        dest.write_bytes(payloads[os.path.basename(url)])
        progress(1.0, "done")

    monkeypatch.setattr(ds, "_fetch_url", fake_fetch)
    seen: list[float] = []
    bundle = ds.load_dataset("mnist", progress=lambda f, m="": seen.append(f))
    assert len(fetched) == 4 and len(bundle.train) == 30 and len(bundle.val) == 10
    assert bundle.image_size == (28, 28) and bundle.in_channels == 1
    assert bundle.train.labels.tolist() == [i % 10 for i in range(30)]
    assert seen == sorted(seen) and 0 < seen[0] < seen[-1] <= 1
    # Second time: loaded from the cache, no fetch.
    monkeypatch.setattr(ds, "_fetch_url", lambda *a: pytest.fail("fetched again"))
    assert len(ds.load_dataset("mnist").train) == 30


def test_damaged_download_is_refused(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CNNVIZ_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(ds, "_fetch_url", lambda url, dest, p, c: dest.write_bytes(b"garbage"))
    with pytest.raises(DatasetError, match="damaged"):
        ds.load_dataset("mnist")


def _write_png(path: pathlib.Path, value: int) -> None:
    import cv2

    ok, buf = cv2.imencode(".png", np.full((10, 12, 3), value, dtype=np.uint8))
    assert ok
    path.write_bytes(buf.tobytes())


def test_image_folder_with_automatic_split_and_non_ascii_path(tmp_path) -> None:
    root = tmp_path / "图片"
    for cls, value in (("cat", 10), ("dog", 200)):
        (root / cls).mkdir(parents=True)
        for i in range(5):
            _write_png(root / cls / f"{i}.png", value)
    (root / "dog" / "broken.png").write_bytes(b"not an image")
    bundle = ds.load_dataset("folder", path=str(root), image_size=16, seed=0)
    assert bundle.class_names == ("cat", "dog")
    assert len(bundle.train) + len(bundle.val) == 10 and len(bundle.val) == 2
    assert bundle.train.images.shape[1:] == (3, 16, 16)
    for split in (bundle.train, bundle.val):  # pixel value tells the class: labels follow images
        for img, label in zip(split.images, split.labels, strict=True):
            assert int(img.float().mean().round()) == (10 if label == 0 else 200)


def test_image_folder_with_given_split_and_food11_names(tmp_path) -> None:
    for split, n in (("training", 4), ("validation", 2)):
        (tmp_path / split).mkdir()
        for i in range(n):
            for label in (0, 3):
                _write_png(tmp_path / split / f"{label}_{i}.jpg", 50 + label)
    bundle = ds.load_dataset("folder", path=str(tmp_path), image_size=8)
    assert bundle.class_names == ("0", "3")
    assert len(bundle.train) == 8 and len(bundle.val) == 4


def test_image_folder_errors_are_for_people(tmp_path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        ds.load_dataset("folder", path=str(tmp_path / "nope"))
    with pytest.raises(DatasetError, match="two classes"):
        ds.load_dataset("folder", path=str(tmp_path))
    with pytest.raises(DatasetError, match="Choose"):
        ds.load_dataset("folder")
    with pytest.raises(DatasetError, match="Unknown dataset"):
        ds.load_dataset("imagenet22k")
