"""Folder datasets: huge images resized or refused with a count, special files skipped, layouts explained."""

from __future__ import annotations

import os
import struct
import tracemalloc
import zlib
from pathlib import Path

import numpy as np
import pytest

from cnnviz.core.errors import ConfigError, DatasetError
from cnnviz.core.training import datasets as ds
from cnnviz.core.training.config import TrainSetup

pytestmark = pytest.mark.timeout(120)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def gray_png(path: Path, width: int, height: int, value: int) -> Path:
    """A real, complete grayscale PNG of one value, compressed row by row (no full-size array)."""
    comp = zlib.compressobj(1)
    rows = (b"\x00" + bytes([value]) * width) * 64  # filter byte 0, then the pixels; 64 rows a time
    parts = [comp.compress(rows) for _ in range(height // 64)]
    parts.append(comp.compress((b"\x00" + bytes([value]) * width) * (height % 64)))
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"".join(parts))
                     + _chunk(b"IEND", b""))
    return path


def small_png(path: Path, value: int) -> Path:
    return gray_png(path, 12, 10, value)


def make_classes(root: Path, counts: dict[str, int], value_of: dict[str, int]) -> None:
    for cls, n in counts.items():
        (root / cls).mkdir(parents=True, exist_ok=True)
        for i in range(n):
            small_png(root / cls / f"{i}.png", value_of[cls])


def test_a_20000_px_image_is_refused_with_a_count_before_decoding(tmp_path: Path) -> None:
    root = tmp_path / "data"
    make_classes(root, {"cat": 3, "dog": 3}, {"cat": 10, "dog": 200})
    big = gray_png(root / "dog" / "huge.png", 20_000, 20_000, 200)  # 400 MP, a few hundred KB
    assert big.stat().st_size < 2_000_000
    warm = tmp_path / "warm-up"  # imports allocate too: do them before measuring
    make_classes(warm, {"a": 2, "b": 2}, {"a": 1, "b": 2})
    ds.load_dataset("folder", path=str(warm), image_size=16, seed=0)
    tracemalloc.start()
    try:
        bundle = ds.load_dataset("folder", path=str(root), image_size=16, seed=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000_000  # decoding it would take 400 MB (1.2 GB as colour)
    assert len(bundle.train) + len(bundle.val) == 6
    assert "1 of 7 images was skipped: 1 over the 100-megapixel limit (huge.png)." in bundle.notes


def test_an_8000_px_image_is_resized_on_load(tmp_path: Path) -> None:
    make_classes(tmp_path, {"cat": 2, "dog": 2}, {"cat": 10, "dog": 200})
    gray_png(tmp_path / "cat" / "large.png", 8000, 8000, 10)  # 64 MP: under the limit
    bundle = ds.load_dataset("folder", path=str(tmp_path), image_size=16, seed=0)
    assert len(bundle.train) + len(bundle.val) == 5 and bundle.notes == ()
    for split in (bundle.train, bundle.val):
        assert split.images.shape[1:] == (3, 16, 16)
        for img, label in zip(split.images, split.labels, strict=True):  # value tells the class
            assert set(img.flatten().tolist()) == ({10} if label == 0 else {200})


def test_special_files_in_a_training_folder_are_skipped_unread(tmp_path: Path) -> None:
    make_classes(tmp_path, {"cat": 3, "dog": 3}, {"cat": 10, "dog": 200})
    if not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"):
        pytest.skip("needs FIFOs and /dev/zero")
    os.mkfifo(tmp_path / "cat" / "pipe.png")
    (tmp_path / "dog" / "zero.jpg").symlink_to("/dev/zero")
    (tmp_path / "dog" / "broken.png").write_bytes(b"not an image")
    bundle = ds.load_dataset("folder", path=str(tmp_path), image_size=8, seed=0)
    assert len(bundle.train) + len(bundle.val) == 6
    (note,) = bundle.notes
    assert note.startswith("3 of 9 images were skipped: 3 unreadable or damaged (")
    assert all(name in note for name in ("pipe.png", "zero.jpg", "broken.png"))


def test_a_path_to_a_device_is_not_a_folder(tmp_path: Path) -> None:
    link = tmp_path / "data"
    link.symlink_to("/dev/zero")
    with pytest.raises(DatasetError, match="not a folder"):
        ds.load_dataset("folder", path=str(link))


def test_train_without_val_is_split_and_said(tmp_path: Path) -> None:
    make_classes(tmp_path / "train", {"cat": 5, "dog": 5}, {"cat": 10, "dog": 200})
    bundle = ds.load_dataset("folder", path=str(tmp_path), image_size=8, seed=0)
    assert bundle.class_names == ("cat", "dog")
    assert len(bundle.train) == 8 and len(bundle.val) == 2
    assert any("no val/ folder" in n and "20% of train/" in n for n in bundle.notes)


def test_val_without_train_names_what_is_missing(tmp_path: Path) -> None:
    make_classes(tmp_path / "val", {"cat": 2, "dog": 2}, {"cat": 10, "dog": 200})
    with pytest.raises(DatasetError, match="val/ folder but no train/ folder"):
        ds.load_dataset("folder", path=str(tmp_path), image_size=8)


def test_a_class_without_training_images_is_reported(tmp_path: Path) -> None:
    make_classes(tmp_path / "train", {"cat": 3, "dog": 3}, {"cat": 10, "dog": 200})
    make_classes(tmp_path / "val", {"cat": 1, "dog": 1, "fox": 2}, {"cat": 10, "dog": 200, "fox": 90})
    bundle = ds.load_dataset("folder", path=str(tmp_path), image_size=8)
    assert bundle.class_names == ("cat", "dog", "fox")
    assert "1 class has no training image (fox): the model cannot learn it." in bundle.notes


def test_unreadable_training_images_are_counted(tmp_path: Path) -> None:
    make_classes(tmp_path, {"cat": 4, "dog": 4}, {"cat": 10, "dog": 200})
    for i in range(4):
        (tmp_path / "cat" / f"bad{i}.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    bundle = ds.load_dataset("folder", path=str(tmp_path), image_size=8, seed=0)
    (note,) = bundle.notes
    assert note.startswith("4 of 12 images were skipped: 4 unreadable or damaged (bad")
    assert note.endswith(", … 1 more).") and note.count("bad") == 3


@pytest.mark.parametrize("size", [0, 3, 513, 20_000, 10**12])
def test_image_size_outside_the_range_is_refused_up_front(tmp_path: Path, size: int) -> None:
    with pytest.raises(DatasetError, match=r"from 4 to 512 pixels"):
        ds.load_dataset("folder", path=str(tmp_path), image_size=size)  # refused before reading
    with pytest.raises(ConfigError, match=r"from 4 to 512 pixels"):
        TrainSetup(dataset="folder", dataset_path=str(tmp_path), image_size=size).validated()


def test_image_sizes_inside_the_range_pass() -> None:
    for size in (4, 64, 512):
        assert TrainSetup(image_size=size).validated().image_size == size
    assert np.iinfo(np.int64).max > 512  # the range is far from any overflow
