"""Occlusion against a brute-force loop and captum's Occlusion."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from attribution_nets import image, plain_net

from cnnviz.core.attribution import Target, compute
from cnnviz.core.errors import ConfigError


def _brute_force(score, x: torch.Tensor, window: int, stride: int, fill: float) -> np.ndarray:
    """Slide the square one position at a time; credit each pixel with the mean drop over its squares."""
    _, _, h, w = x.shape
    base = score(x)
    total = np.zeros((h, w))
    count = np.zeros((h, w))
    y = 0
    while True:
        xx = 0
        while True:
            occluded = x.clone()
            occluded[:, :, y:y + window, xx:xx + window] = fill
            drop = base - score(occluded)
            for i in range(y, min(h, y + window)):
                for j in range(xx, min(w, xx + window)):
                    total[i, j] += drop
                    count[i, j] += 1
            if xx + window >= w:
                break
            xx += stride
        if y + window >= h:
            break
        y += stride
    return total / count


@pytest.mark.parametrize(("window", "stride"), [(3, 2), (4, 4), (2, 1), (5, 3)])
def test_occlusion_equals_a_brute_force_loop(window: int, stride: int) -> None:
    model = plain_net(seed=1)
    x = image(seed=2)

    def prob(t: torch.Tensor) -> float:
        with torch.no_grad():
            return float(torch.softmax(model(t), 1)[0, 3])

    amap = compute("occlusion", model, x, 3, window=window, stride=stride, fill=0.5, batch_size=4)
    np.testing.assert_allclose(amap.map, _brute_force(prob, x, window, stride, 0.5), rtol=1e-5, atol=1e-7)
    assert amap.signed and amap.extras["score_kind"] == "probability"


def test_occlusion_equals_captum() -> None:
    from captum.attr import Occlusion

    model = plain_net(seed=3)
    x = image(seed=4)
    for score in ("probability", "logit"):
        ours = compute("occlusion", model, x, 1, window=3, stride=2, score=score, batch_size=5)

        def fn(t: torch.Tensor, score: str = score) -> torch.Tensor:
            out = model(t)
            return torch.softmax(out, 1) if score == "probability" else out

        theirs = Occlusion(fn).attribute(x, sliding_window_shapes=(3, 3, 3), strides=(3, 2, 2), target=1,
                                         baselines=0.0)
        np.testing.assert_allclose(ours.map, theirs[0, 0].detach().numpy(), rtol=1e-5, atol=1e-7)
        n = len(range(0, 6, 2)) + 1  # starts 0, 2, 4, 6 on each side (the last one hangs over the edge)
        assert ours.forward_passes == n * n + 1 and ours.extras["grid"].shape == (n, n)


def test_occlusion_of_a_unit_uses_its_activation() -> None:
    model = plain_net(seed=5)
    x = image(seed=6)
    unit = Target.unit("3", 2, 1, 2)

    def act(t: torch.Tensor) -> float:
        with torch.no_grad():
            return float(model[:4](t)[0, 2, 1, 2])

    amap = compute("occlusion", model, x, unit, window=2, stride=2)
    np.testing.assert_allclose(amap.map, _brute_force(act, x, 2, 2, 0.0), rtol=1e-5, atol=1e-6)
    assert amap.target.class_index is None and amap.extras["score_kind"] == "activation"


def test_occlusion_refuses_strides_that_skip_pixels() -> None:
    with pytest.raises(ConfigError, match="never covered"):
        compute("occlusion", plain_net(), image(), window=2, stride=3)
