"""The shipped sample images: small, loadable, reproducible from their script, CC0."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from cnnviz.core.errors import ImageError
from cnnviz.core.images import load_image, prepare, preprocess_for
from cnnviz.core.samples import SAMPLES_DIR, default_sample, list_samples, sample_path


def _make_samples_module():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES_DIR / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_between_four_and_six_small_samples() -> None:
    samples = list_samples()
    assert 4 <= len(samples) <= 6
    assert samples == sorted(samples)
    for path in samples:
        assert path.stat().st_size <= 100_000, path.name
        img = load_image(path)
        assert max(img.width, img.height) <= 400, path.name
        assert img.notes == (), path.name


def test_samples_are_exactly_what_the_script_draws(tmp_path: Path) -> None:
    module = _make_samples_module()
    written = module.make_all(tmp_path)
    assert sorted(p.name for p in written) == [p.name for p in list_samples()]
    for path in written:
        shipped = load_image(SAMPLES_DIR / path.name).rgb
        np.testing.assert_array_equal(load_image(path).rgb, shipped, err_msg=path.name)


def test_license_says_self_made_cc0() -> None:
    text = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert "CC0" in text and "Self-made" in text
    for path in list_samples():
        assert path.name in text


def test_defaults_fit_the_model() -> None:
    digit = load_image(default_sample(1))
    assert (digit.width, digit.height) == (32, 32)
    # a white stroke on black, like MNIST
    assert digit.rgb.max() == 255 and np.median(digit.rgb) == 0
    assert (digit.rgb[..., 0] == digit.rgb[..., 1]).all()
    scene = load_image(default_sample(3))
    assert scene.rgb.std(axis=(0, 1)).min() > 20  # colourful, not flat
    tensor = prepare(digit, preprocess_for("lenet5")).tensor
    assert tensor.shape == (1, 1, 32, 32)


def test_sample_path_by_name_or_stem() -> None:
    first = list_samples()[0]
    assert sample_path(first.name) == first == sample_path(first.stem)
    with pytest.raises(ImageError, match="No sample image called 'unicorn'"):
        sample_path("unicorn")
