"""Cascading randomisation on a model trained in the test: Grad-CAM must change, guided backprop barely does."""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from attribution_nets import image, plain_net
from scipy.stats import spearmanr
from torch import nn

from cnnviz.core.attribution import compute, sanity_check
from cnnviz.core.attribution.sanity import randomization_groups, spearman


def _bars(n: int, seed: int, size: int = 20) -> tuple[torch.Tensor, torch.Tensor]:
    """Class 0: a horizontal bar, class 1: a vertical one, anywhere on a faintly noisy background."""
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 1, size, size, generator=g) * 0.1
    y = torch.randint(0, 2, (n,), generator=g)
    top = torch.randint(2, size - 10, (n, 2), generator=g)
    rows = torch.arange(size).view(1, size, 1)
    cols = torch.arange(size).view(1, 1, size)
    r, c = top[:, 0].view(-1, 1, 1), top[:, 1].view(-1, 1, 1)
    long_r = (rows >= r) & (rows < r + 8)
    long_c = (cols >= c) & (cols < c + 8)
    mid_r = (rows >= r + 3) & (rows < r + 5)
    mid_c = (cols >= c + 3) & (cols < c + 5)
    vertical = long_r & mid_c
    horizontal = mid_r & long_c
    bar = torch.where(y.view(-1, 1, 1).bool(), vertical, horizontal)
    return x + 1.5 * bar[:, None].float(), y


@pytest.fixture(scope="module")
def trained() -> nn.Module:
    """A small all-convolutional net with global pooling (like the CNNs Adebayo et al. test), trained to 100 %."""
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 2),
    )
    x, y = _bars(1024, 0)
    # Adam written out: torch.optim's first use imports torch._dynamo, seconds of a short test
    params = list(model.parameters())
    m1 = [torch.zeros_like(p) for p in params]
    m2 = [torch.zeros_like(p) for p in params]
    for step in range(1, 61):
        idx = torch.randint(0, len(x), (64,))
        loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, g, a, b in zip(params, grads, m1, m2, strict=True):
                a.mul_(0.9).add_(g, alpha=0.1)
                b.mul_(0.999).addcmul_(g, g, value=0.001)
                p.sub_(1e-2 * (a / (1 - 0.9**step)) / ((b / (1 - 0.999**step)).sqrt() + 1e-8))
    model.eval()
    xv, yv = _bars(200, 1)
    with torch.no_grad():
        assert float((model(xv).argmax(1) == yv).float().mean()) > 0.95
    return model


def test_grad_cam_changes_and_guided_backprop_does_not(trained: nn.Module) -> None:
    # horizontal bars only: a two-class net may score class 1 by the *absence* of class 0's evidence,
    # and guided backprop, which passes positive evidence only, is then empty for class 1
    xv, yv = _bars(12, 7)
    xv = xv[yv == 0][:3]
    assert len(xv) == 3
    before = copy.deepcopy(trained.state_dict())
    gradcam, guided = [], []
    flags = []
    for i in range(3):
        report = sanity_check(trained, xv[i:i + 1], methods=["gradcam", "guidedbackprop"], layer="8")
        assert report.original["gradcam"].target.class_index == 0
        assert [s.randomized for s in report.steps] == [("11",), ("7",), ("5",), ("2",), ("0",)]
        gradcam.append(np.nan_to_num(report.correlations("gradcam"), nan=0.0))
        guided.append(report.correlations("guidedbackprop"))
        flags.append(report.flagged)
        # the correlations are Spearman's of the absolute maps (checked against scipy)
        new = np.abs(report.steps[0].maps["guidedbackprop"])
        old = np.abs(report.original["guidedbackprop"].map)
        assert report.steps[0].correlations["guidedbackprop"] == pytest.approx(spearmanr(old.ravel(), new.ravel())[0])
    # randomising the classifier alone turns Grad-CAM's map around; guided backprop does not notice
    assert max(g[0] for g in gradcam) < 0.3, gradcam
    assert min(g[0] for g in guided) > 0.9, guided
    # and guided backprop stays high through the top three layers while Grad-CAM stays low
    assert min(g[:3].min() for g in guided) > 0.8, guided
    assert np.mean([g[:3].mean() for g in gradcam]) < 0.4, gradcam
    assert all(f["guidedbackprop"] and not f["gradcam"] for f in flags)
    # the model itself was not touched
    after = trained.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)


def test_spearman_handles_ties_like_scipy() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 4, 50).astype(float)
    b = a + rng.integers(0, 3, 50)
    assert spearman(a, b) == pytest.approx(spearmanr(a, b)[0])
    assert np.isnan(spearman(np.zeros(5), np.arange(5.0)))


def test_randomization_groups_go_top_down_and_merge_to_max_steps() -> None:
    model = plain_net()
    assert randomization_groups(model, image(), 8) == [("6",), ("3",), ("0",)]
    assert randomization_groups(model, image(), 2) == [("6", "3"), ("0",)]


def test_randomised_copy_changes_maps_but_keeps_the_class(trained: nn.Module) -> None:
    x, _ = _bars(1, 3)
    c = 1 - int(trained(x).argmax())  # not the top class: the cascade must keep this one
    report = sanity_check(trained, x, c, methods=["saliency"], max_steps=2)
    assert report.original["saliency"].target.class_index == c
    assert len(report.steps) == 2
    np.testing.assert_allclose(report.original["saliency"].map, compute("saliency", trained, x, c).map)
