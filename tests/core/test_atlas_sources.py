"""Image sources: stable ids, fingerprints that notice changes, pixels equal to independent reads."""

from __future__ import annotations

import os
import struct
import time

import numpy as np
import pytest
import torch
from atlas_helpers import random_images, write_png

from cnnviz.core.atlas.inputs import batch_inputs, model_view, source_input
from cnnviz.core.atlas.sources import (
    ArraySource,
    FolderSource,
    MapDatasetSource,
    SkippedImage,
    open_source,
    registered_dataset_source,
    torchvision_source,
)
from cnnviz.core.errors import DatasetError
from cnnviz.core.images import Preprocess, load_image, prepare, preprocess_for
from cnnviz.core.training.datasets import load_dataset


def _folder(tmp_path, n: int = 4):
    imgs = random_images(n, seed=2, size=24)
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    write_png(tmp_path / "b" / "z.png", imgs[0])
    write_png(tmp_path / "a.PNG", imgs[1])
    write_png(tmp_path / "c.png", imgs[2])
    write_png(tmp_path / ".git" / "x.png", imgs[3])
    return imgs


def test_folder_ids_labels_and_pixels(tmp_path) -> None:
    imgs = _folder(tmp_path)
    src = FolderSource(tmp_path)
    assert list(src.ids()) == ["a.PNG", "b/z.png", "c.png"]
    assert src.label("b/z.png") == str(tmp_path / "b" / "z.png")
    assert np.array_equal(src.read("b/z.png").rgb, load_image(tmp_path / "b" / "z.png").rgb)
    assert np.array_equal(src.read("b/z.png").rgb, imgs[0])
    assert [s.rgb.shape for s in src.read_many(src.ids())] == [(24, 24, 3)] * 3
    assert list(FolderSource(tmp_path, limit=2).ids()) == ["a.PNG", "b/z.png"]
    with pytest.raises(DatasetError):
        FolderSource(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DatasetError, match="No image files"):
        FolderSource(empty)


def test_folder_fingerprint_notices_changes(tmp_path) -> None:
    imgs = _folder(tmp_path)
    first = FolderSource(tmp_path).fingerprint()
    assert FolderSource(tmp_path).fingerprint() == first
    later = time.time() + 5
    os.utime(tmp_path / "c.png", (later, later))
    touched = FolderSource(tmp_path).fingerprint()
    assert touched != first
    write_png(tmp_path / "d.png", imgs[3])
    assert FolderSource(tmp_path).fingerprint() not in (first, touched)
    assert FolderSource(tmp_path, limit=2).fingerprint() != FolderSource(tmp_path).fingerprint()


def test_array_layouts_give_the_same_images() -> None:
    nhwc = random_images(3)
    a = ArraySource(nhwc, name="x")
    b = ArraySource(torch.from_numpy(nhwc).permute(0, 3, 1, 2).contiguous(), name="x")
    assert a.fingerprint() == b.fingerprint()
    assert np.array_equal(a.read("x:2").rgb, b.read("x:2").rgb)
    assert ArraySource(nhwc, name="y").fingerprint() != a.fingerprint()
    changed = nhwc.copy()
    changed[1, 0, 0, 0] ^= 1
    assert ArraySource(changed, name="x").fingerprint() != a.fingerprint()
    gray = ArraySource(nhwc[..., 0], name="g").read("g:0").rgb
    assert gray.shape == (32, 32, 3) and np.array_equal(gray[..., 2], nhwc[0, ..., 0])
    with pytest.raises(SkippedImage):
        a.read("x:9")
    with pytest.raises(DatasetError):
        ArraySource(nhwc.astype(np.float32), name="f")


def test_registered_dataset_matches_the_train_tabs_data() -> None:
    src = registered_dataset_source("shapes", "val", limit=12)
    bundle = load_dataset("shapes", train_limit=12, val_limit=12)
    assert len(src) == 12 and src.ids()[3] == "shapes:val:3"
    assert np.array_equal(src.read("shapes:val:3").rgb[..., 0], bundle.val.images[3, 0].numpy())
    train = registered_dataset_source("shapes", "train", limit=12)
    assert train.fingerprint() != src.fingerprint()
    with pytest.raises(DatasetError):
        registered_dataset_source("no_such_set")
    with pytest.raises(DatasetError):
        registered_dataset_source("shapes", "test")


def _write_idx(path, array: np.ndarray) -> None:
    magic = 0x0800 | {3: 3, 1: 1}[array.ndim]
    path.write_bytes(struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in array.shape) + array.tobytes())


def test_torchvision_dataset_on_disk_and_missing(tmp_path) -> None:
    raw = tmp_path / "MNIST" / "raw"
    raw.mkdir(parents=True)
    rng = np.random.default_rng(0)
    test_images = rng.integers(0, 256, (5, 28, 28), dtype=np.uint8)
    _write_idx(raw / "t10k-images-idx3-ubyte", test_images)
    _write_idx(raw / "t10k-labels-idx1-ubyte", np.arange(5, dtype=np.uint8))
    _write_idx(raw / "train-images-idx3-ubyte", test_images[:2])
    _write_idx(raw / "train-labels-idx1-ubyte", np.arange(2, dtype=np.uint8))
    src = torchvision_source("MNIST", tmp_path, "test")
    assert src.name == "torchvision:MNIST" and list(src.ids())[:2] == ["MNIST:test:0", "MNIST:test:1"]
    rgb = src.read("MNIST:test:4").rgb
    assert rgb.shape == (28, 28, 3) and np.array_equal(rgb[..., 1], test_images[4])
    assert len(torchvision_source("MNIST", tmp_path, "train")) == 2
    assert open_source("torchvision:MNIST", root=str(tmp_path)).fingerprint() == src.fingerprint()
    with pytest.raises(DatasetError, match="not on disk"):
        torchvision_source("CIFAR10", tmp_path)  # never downloads (the tests have no network)
    with pytest.raises(DatasetError, match="no dataset"):
        torchvision_source("NoSuchSet", tmp_path)


def test_torchvision_image_folder_reads_items(tmp_path) -> None:
    imgs = random_images(2, seed=5, size=16)
    for i, cls in enumerate(("cat", "dog")):
        (tmp_path / cls).mkdir()
        write_png(tmp_path / cls / f"{i}.png", imgs[i])
    src = torchvision_source("ImageFolder", tmp_path)
    assert isinstance(src, MapDatasetSource)
    assert np.array_equal(src.read("ImageFolder:test:1").rgb, imgs[1])
    assert src.fingerprint() == torchvision_source("ImageFolder", tmp_path).fingerprint()


def test_open_source_dispatch(tmp_path) -> None:
    _folder(tmp_path)
    assert isinstance(open_source(str(tmp_path)), FolderSource)
    assert open_source("shapes", limit=3).ids()[0] == "shapes:val:0"
    with pytest.raises(DatasetError, match="neither an image folder nor a dataset"):
        open_source(str(tmp_path / "nope"))


@pytest.mark.parametrize("pre", [
    Preprocess(None, (32, 32)),
    Preprocess(None, (20, 28), channels=1, mean=(0.5,), std=(0.5,)),
    preprocess_for("resnet18"),
])
def test_batched_inputs_equal_prepare(pre: Preprocess) -> None:
    rng = np.random.default_rng(1)
    images = [rng.integers(0, 256, s, dtype=np.uint8) for s in [(32, 32, 3), (40, 30, 3), (32, 32, 3), (9, 50, 3)]]
    expected = torch.cat([prepare(im, pre).tensor for im in images])
    assert torch.equal(batch_inputs(images, pre), expected)
    for im in images:
        assert np.array_equal(model_view(im, pre), prepare(im, pre).display)
    src = ArraySource(np.stack([images[0], images[2]]), name="s")
    assert torch.equal(source_input(src, "s:1", pre), prepare(images[2], pre).tensor)
