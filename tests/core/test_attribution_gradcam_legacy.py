"""Grad-CAM against a hand computation on a tiny network."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.core.attribution.cam import grad_cam, heat_rgba
from cnnviz.core.errors import ModelError
from cnnviz.core.probe import hook_count


def _tiny(inplace: bool) -> nn.Sequential:
    torch.manual_seed(3)
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1),  # "0"
        nn.ReLU(inplace=inplace),  # "1"
        nn.AdaptiveAvgPool2d(1),  # "2"
        nn.Flatten(),  # "3"
        nn.Linear(4, 3),  # "4"
    )


def _by_hand(model: nn.Sequential, x: torch.Tensor, c: int, at_conv: bool) -> np.ndarray:
    """Closed form for conv -> ReLU -> global average pool -> linear.

    y_c = Σ_k W[c, k] · mean_ij ReLU(Z_k(i, j)) + b_c, so at the ReLU output
    ∂y_c/∂A_k(i, j) = W[c, k] / (h·w); at the convolution output the ReLU's
    derivative 1[Z > 0] multiplies it.
    """
    conv, lin = model[0], model[4]
    z = torch.nn.functional.conv2d(x, conv.weight, conv.bias, padding=1)[0].detach().numpy()
    w = lin.weight.detach().numpy()
    k, h, wd = z.shape
    a = np.maximum(z, 0)
    if at_conv:
        grads = w[c][:, None, None] / (h * wd) * (z > 0)
        act = z
    else:
        grads = np.broadcast_to(w[c][:, None, None] / (h * wd), z.shape)
        act = a
    alpha = grads.mean(axis=(1, 2))
    return np.maximum((alpha[:, None, None] * act).sum(0), 0)


@pytest.mark.parametrize("inplace", [False, True])
@pytest.mark.parametrize("layer", ["0", "1"])
def test_grad_cam_matches_the_closed_form(inplace: bool, layer: str) -> None:
    model = _tiny(inplace)
    x = torch.randn(1, 3, 8, 8, generator=torch.Generator().manual_seed(1))
    for c in range(3):
        result = grad_cam(model, x, layer, class_index=c)
        expected = _by_hand(model, x, c, at_conv=layer == "0")
        np.testing.assert_allclose(result.layer_map, expected, rtol=1e-5, atol=1e-7)
        assert result.class_index == c
        assert result.heat.shape == (8, 8)
        if expected.max() > 0:
            # same size as the input, so the upsampling is the identity: heat = map / max
            np.testing.assert_allclose(result.heat, expected / expected.max(), rtol=1e-5, atol=1e-6)
    assert hook_count(model) == 0


def test_default_class_is_the_top_one_and_score_is_its_logit() -> None:
    model = _tiny(False)
    x = torch.randn(1, 3, 8, 8, generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        logits = model(x)[0]
    r = grad_cam(model, x, "0")
    assert r.class_index == int(logits.argmax())
    assert r.score == pytest.approx(float(logits.max()), rel=1e-6)


def test_reused_module_call_keys() -> None:
    class Twice(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(3, 3, 3, padding=1)
            self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(3, 2))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.head(torch.relu(self.conv(torch.relu(self.conv(x)))))

    torch.manual_seed(0)
    m = Twice()
    x = torch.randn(1, 3, 6, 6)
    first, second = grad_cam(m, x, "conv"), grad_cam(m, x, "conv#2")
    assert not np.allclose(first.layer_map, second.layer_map)


def test_layers_without_a_map_are_refused() -> None:
    model = _tiny(False)
    x = torch.randn(1, 3, 8, 8)
    with pytest.raises(ModelError, match="no spatial output"):
        grad_cam(model, x, "4")
    with pytest.raises(ModelError, match="Unknown layer"):
        grad_cam(model, x, "nope")


def test_heat_rgba_opacity_follows_heat() -> None:
    heat = np.array([[0.0, 0.25, 1.0]], np.float32)
    rgba = heat_rgba(heat, "viridis", max_alpha=200)
    assert rgba.shape == (1, 3, 4) and rgba.dtype == np.uint8
    assert list(rgba[0, :, 3]) == [0, 100, 200]
