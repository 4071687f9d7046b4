"""The offline handwritten digits (scikit-learn's copy) and the lesson that trains LeNet-5 on them."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cnnviz.core.training import Trainer, get_preset, load_dataset
from cnnviz.core.training.datasets import get_dataset_info


@pytest.fixture(scope="module")
def digits():
    return load_dataset("digits")


def test_digits_are_sklearns_images_upsampled_with_a_fixed_stratified_split(digits) -> None:
    from sklearn.datasets import load_digits

    raw = load_digits()
    assert get_dataset_info("digits").needs_download is False
    assert digits.num_classes == 10 and digits.in_channels == 1 and digits.image_size == (32, 32)
    assert len(digits.train) + len(digits.val) == len(raw.target) == 1797
    assert len(digits.val) == 360
    # Every class is held out in proportion (stratified): 36 ± 1 of each.
    counts = np.bincount(digits.val.labels.numpy(), minlength=10)
    assert counts.min() >= 35 and counts.max() <= 37
    # Independent: OpenCV's bilinear resize of every sklearn digit (0..16 scaled to 0..255); each
    # bundle image is exactly one of them, with its label, and no image is in both splits.
    import cv2

    expected = {}
    for i, img in enumerate(raw.images.astype(np.float32) * (255 / 16)):
        up = np.clip(np.round(cv2.resize(img, (32, 32), interpolation=cv2.INTER_LINEAR)), 0, 255)
        expected[up.astype(np.uint8).tobytes()] = (i, int(raw.target[i]))
    seen = {}
    for split in (digits.train, digits.val):
        for img, label in zip(split.images[:, 0].numpy(), split.labels.tolist(), strict=True):
            index, target = expected[img.tobytes()]
            assert target == label
            seen[index] = split is digits.val
    assert len(seen) == 1797  # every digit used once: train and validation never share one
    # The split does not depend on the seed.
    other = load_dataset("digits", seed=9)
    assert torch.equal(other.val.images, digits.val.images) and torch.equal(other.train.labels, digits.train.labels)


@pytest.mark.slow  # about 5 s on one core
def test_digits_lesson_reaches_90_percent_held_out(digits) -> None:
    preset = get_preset("digits")
    setup, runs = preset.build()
    assert setup.dataset == "digits" and setup.model == "lenet5"
    trainer = Trainer(setup, runs, data=digits)
    assert trainer.run() == {runs[0].name: "finished"}
    val = trainer.log.snapshot(runs[0].name).val
    assert val["epoch"][-1] == setup.epochs
    # Independent check of the reported accuracy: run the trained weights over the held-out set by hand.
    from cnnviz.core.models import build_model

    model = build_model("lenet5", seed=None, num_classes=10, in_channels=1)
    model.load_state_dict(trainer.state_dict(runs[0].name))
    model.eval()
    x = (digits.val.images.float() / 255 - digits.train.mean[0]) / digits.train.std[0]
    with torch.no_grad():
        acc = float((model(x).argmax(1) == digits.val.labels).double().mean())
    assert acc == pytest.approx(val["accuracy"][-1], abs=1e-9)
    assert acc >= 0.90
