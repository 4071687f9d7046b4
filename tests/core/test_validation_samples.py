"""Validation pictures of a dataset, a few per class, as inputs for a model trained on it."""

from __future__ import annotations

import numpy as np
import pytest

from cnnviz.core.errors import DatasetError
from cnnviz.core.training.datasets import load_dataset
from cnnviz.core.training.validation_samples import pick_per_class, validation_samples


def test_pick_per_class_takes_the_first_of_each_class_in_order():
    labels = np.array([2, 0, 1, 0, 2, 2, 1, 0, 1])
    assert pick_per_class(labels, 2) == [1, 3, 2, 6, 0, 4]
    assert pick_per_class(labels, 5, limit=4) == [1, 2, 0]  # 4 // 3 classes: one each
    many = np.arange(100) % 50
    assert len(pick_per_class(many, 2, limit=40)) == 40


def test_digit_samples_are_the_held_out_pictures_with_their_class_names():
    got = validation_samples("digits", image_size=32, per_class=2)
    bundle = load_dataset("digits")  # the same fixed held-out split, read independently
    assert len(got.samples) == 20 and got.dark_background
    assert [s.class_index for s in got.samples] == sorted([c for c in range(10)] * 2)
    for s in got.samples:
        assert s.class_name == str(s.class_index)
        assert int(bundle.val.labels[s.index]) == s.class_index
        expected = bundle.val.images[s.index, 0].numpy()
        assert s.rgb.shape == (32, 32, 3) and s.rgb.dtype == np.uint8
        for ch in range(3):
            assert np.array_equal(s.rgb[..., ch], expected)


def test_shapes_and_an_image_folder(tmp_path):
    shapes = validation_samples("shapes", per_class=1)
    assert [s.class_name for s in shapes.samples][:3] == ["ring", "disk", "square"]
    assert shapes.dark_background
    from PIL import Image

    rng = np.random.default_rng(0)
    for cls, colour in (("cats", 30), ("dogs", 220)):
        (tmp_path / cls).mkdir()
        for i in range(6):
            Image.fromarray(np.full((20, 20, 3), colour, np.uint8) + rng.integers(0, 5, (20, 20, 3), dtype=np.uint8)
                            ).save(tmp_path / cls / f"{i}.png")
    folder = validation_samples("folder", path=str(tmp_path), image_size=16, per_class=3)
    names = [s.class_name for s in folder.samples]
    assert set(names) == {"cats", "dogs"} and all(s.rgb.shape == (16, 16, 3) for s in folder.samples)
    cats = [s for s in folder.samples if s.class_name == "cats"]
    assert all(s.rgb.mean() < 60 for s in cats)  # the cats' pictures, not the dogs'


def test_downloadable_datasets_are_never_fetched_for_samples(tmp_path, monkeypatch):
    monkeypatch.setenv("CNNVIZ_HOME", str(tmp_path))  # an empty data folder
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with pytest.raises(DatasetError, match="not on this computer"):
        validation_samples("mnist")
