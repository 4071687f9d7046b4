"""Deletion / insertion AUC, Average Drop and Increase in Confidence against hand computations."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from attribution_nets import image, plain_net
from scipy.ndimage import gaussian_filter
from torch import nn

from cnnviz.core.attribution import compute, faithfulness
from cnnviz.core.attribution.metrics import auc


def _toy() -> tuple[nn.Module, np.ndarray]:
    """p(class 0) = sigmoid(Σ v_ij x_ij): a model whose every score is easy to write down."""
    rng = np.random.default_rng(0)
    v = rng.normal(size=(5, 5))
    lin = nn.Linear(25, 2)
    with torch.no_grad():
        lin.weight.zero_()
        lin.weight[0] = torch.from_numpy(v.ravel()).float()
        lin.bias.zero_()
    return nn.Sequential(nn.Flatten(), lin).eval(), v


def _p(v: np.ndarray, img: np.ndarray) -> float:
    return 1.0 / (1.0 + math.exp(-float((v * img).sum())))


def _trapezoid(xs: list[float], ys: list[float]) -> float:
    return sum((xs[i + 1] - xs[i]) * (ys[i] + ys[i + 1]) / 2 for i in range(len(xs) - 1))


def test_deletion_and_insertion_curves_match_a_hand_computation() -> None:
    model, v = _toy()
    x = image(seed=3, size=5, channels=1)
    img = x[0, 0].double().numpy()
    saliency = np.random.default_rng(1).normal(size=(5, 5)).astype(np.float32)
    steps = 7
    f = faithfulness(model, x, saliency, 0, steps=steps, deletion_fill=0.25, insertion_blur=1.0, batch_size=3)
    order = sorted(range(25), key=lambda i: -float(saliency.ravel()[i]))  # most important first
    blurred = gaussian_filter(img, 1.0, mode="nearest", truncate=3.0)
    xs, dele, ins = [], [], []
    for i in range(steps + 1):
        k = round(i * 25 / steps)
        xs.append(k / 25)
        removed = img.copy().ravel()
        inserted = blurred.copy().ravel()
        for p in order[:k]:
            removed[p] = 0.25
            inserted[p] = img.ravel()[p]
        dele.append(_p(v, removed.reshape(5, 5)))
        ins.append(_p(v, inserted.reshape(5, 5)))
    np.testing.assert_allclose(f.deletion.fractions, xs)
    np.testing.assert_allclose(f.deletion.scores, dele, rtol=1e-5)
    np.testing.assert_allclose(f.insertion.scores, ins, rtol=1e-5)
    assert f.deletion_auc == pytest.approx(_trapezoid(xs, dele), rel=1e-5)
    assert f.insertion_auc == pytest.approx(_trapezoid(xs, ins), rel=1e-5)
    assert f.forward_passes == 2 * (steps + 1) + 2


def test_average_drop_and_increase_in_confidence_match_the_formulas() -> None:
    model, v = _toy()
    x = image(seed=5, size=5, channels=1)
    img = x[0, 0].double().numpy()
    for seed in range(6):
        saliency = np.random.default_rng(seed).normal(size=(5, 5))
        f = faithfulness(model, x, saliency, 0, steps=2)
        e = (saliency - saliency.min()) / (saliency.max() - saliency.min())  # the explanation map in [0, 1]
        y, o = _p(v, img), _p(v, img * e)
        assert f.score == pytest.approx(y, rel=1e-5) and f.explanation_score == pytest.approx(o, rel=1e-5)
        assert f.average_drop == pytest.approx(100 * max(0.0, y - o) / y, rel=1e-4, abs=1e-6)
        assert f.increase_in_confidence == (100.0 if o > y else 0.0)


def test_signed_maps_explain_with_their_positive_part() -> None:
    model = plain_net(seed=2)
    x = image(seed=3)
    amap = compute("gradxinput", model, x, 1)
    f = faithfulness(model, x, amap, steps=2)
    heat = np.clip(amap.map, 0, None) / np.clip(amap.map, 0, None).max()
    with torch.no_grad():
        o = float(torch.softmax(model(x * torch.from_numpy(heat)), 1)[0, 1])
    assert f.explanation_score == pytest.approx(o, rel=1e-5)
    assert f.method == "gradxinput"


def test_auc_is_the_trapezoid_rule() -> None:
    assert auc(np.array([0, 0.5, 1.0]), np.array([1.0, 0.5, 0.0])) == pytest.approx(0.5)
    assert auc(np.array([0, 1.0]), np.array([1.0, 1.0])) == pytest.approx(1.0)
