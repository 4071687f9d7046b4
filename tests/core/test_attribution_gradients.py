"""The gradient family against captum and against the definitions written out by hand."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from attribution_nets import image, plain_net
from torch import nn

from cnnviz.core.attribution import Target, compute, compute_many
from cnnviz.core.attribution.gradients import ig_baseline
from cnnviz.core.probe import hook_count


def _close(ours: np.ndarray, theirs: torch.Tensor, tol: float = 1e-5) -> None:
    t = theirs.detach().numpy()
    np.testing.assert_allclose(ours, t, rtol=tol, atol=tol * max(1e-3, float(np.abs(t).max())))


@pytest.mark.parametrize("c", [0, 3])
def test_saliency_and_gradient_times_input_equal_captum(c: int) -> None:
    from captum.attr import InputXGradient, Saliency

    model = plain_net()
    x = image()
    sal = compute("saliency", model, x, c)
    raw = Saliency(model).attribute(x, target=c, abs=False)[0]
    _close(sal.channels, raw)
    _close(sal.map, raw.abs().amax(0))  # Simonyan et al.: max over channels of |gradient|
    gxi = compute("gradxinput", model, x, c)
    attr = InputXGradient(model).attribute(x, target=c)[0]
    _close(gxi.channels, attr)
    _close(gxi.map, attr.sum(0))
    assert gxi.signed and not sal.signed


@pytest.mark.parametrize("method", ["gausslegendre", "riemann_middle"])
@pytest.mark.parametrize("baseline", ["zeros", "blur", "uniform", "black"])
def test_integrated_gradients_equal_captum_and_report_completeness(method: str, baseline: str) -> None:
    from captum.attr import IntegratedGradients

    model = plain_net(seed=1)
    x = image(seed=2)
    opts = dict(steps=12, integration=method, baseline=baseline, batch_size=5, input_mean=(0.4, 0.5, 0.6),
                input_std=(0.2, 0.25, 0.3))
    ours = compute("ig", model, x, 2, **opts)
    b = ig_baseline(x, baseline, seed=0, mean=(0.4, 0.5, 0.6), std=(0.2, 0.25, 0.3))
    attr, delta = IntegratedGradients(model).attribute(x, baselines=b, target=2, n_steps=12, method=method,
                                                       return_convergence_delta=True)
    _close(ours.channels, attr[0], 1e-4)
    assert ours.extras["delta"] == pytest.approx(float(delta), abs=1e-5)
    with torch.no_grad():
        gap = float(model(x)[0, 2] - model(b)[0, 2])
    # completeness: the attributions sum to f(x) − f(x') within the reported error
    assert abs(float(ours.map.astype(np.float64).sum()) - gap) <= ours.extras["completeness_error"] + 1e-5
    assert ours.extras["completeness_error"] == pytest.approx(abs(float(ours.map.sum()) - gap), abs=1e-5)
    assert ours.forward_passes == 12 + 2 and ours.backward_passes == 12


def test_trapezoid_rule_is_the_textbook_one() -> None:
    model = plain_net(seed=3)
    x = image(seed=4)
    ours = compute("ig", model, x, 0, steps=5, integration="riemann_trapezoid")
    total = torch.zeros(x.shape[1:])
    for i in range(5):  # α = 0, ¼, ½, ¾, 1; weights ⅛, ¼, ¼, ¼, ⅛
        xi = (i / 4 * x).requires_grad_(True)
        (g,) = torch.autograd.grad(model(xi)[0, 0], xi)
        total += (0.125 if i in (0, 4) else 0.25) * g[0]
    np.testing.assert_allclose(ours.channels, (x[0] * total).numpy(), rtol=1e-5, atol=1e-8)


def test_integrated_gradients_baselines_are_what_they_say() -> None:
    x = image(seed=3, size=8)
    assert torch.equal(ig_baseline(x, "zeros"), torch.zeros_like(x))
    black = ig_baseline(x, "black", mean=(0.5, 0.4, 0.3), std=(0.5, 0.2, 0.1))
    for ch, (m, s) in enumerate([(0.5, 0.5), (0.4, 0.2), (0.3, 0.1)]):
        assert torch.allclose(black[0, ch], torch.full((8, 8), -m / s))
    u = ig_baseline(x, "uniform", seed=4)
    assert float(u.min()) >= float(x.min()) and float(u.max()) <= float(x.max())
    assert torch.equal(u, ig_baseline(x, "uniform", seed=4)) and not torch.equal(u, ig_baseline(x, "uniform", seed=5))
    from scipy.ndimage import gaussian_filter

    blur = ig_baseline(x, "blur", sigma=1.0)
    expected = np.stack([gaussian_filter(x[0, ch].double().numpy(), 1.0, mode="nearest", truncate=3.0)
                         for ch in range(3)])
    np.testing.assert_allclose(blur[0].numpy(), expected, atol=1e-5)


def test_integrated_gradients_error_shrinks_with_steps() -> None:
    model = plain_net(seed=4)
    x = image(seed=5)
    coarse = compute("ig", model, x, 1, steps=2, integration="riemann_trapezoid")
    fine = compute("ig", model, x, 1, steps=64, integration="riemann_trapezoid")
    assert fine.extras["completeness_error"] < coarse.extras["completeness_error"]


@pytest.mark.parametrize("c", [0, 2])
def test_guided_backprop_and_deconvnet_equal_captum(c: int) -> None:
    from captum.attr import Deconvolution, GuidedBackprop

    model = plain_net(seed=6)
    x = image(seed=7)
    both = compute_many(["guidedbackprop", "deconvnet"], model, x, c)
    _close(both.maps["guidedbackprop"].channels, GuidedBackprop(model).attribute(x, target=c)[0])
    _close(both.maps["deconvnet"].channels, Deconvolution(model).attribute(x, target=c)[0])
    _close(both.maps["deconvnet"].map, Deconvolution(model).attribute(x, target=c)[0].abs().amax(0))
    assert both.forward_passes == 1 and both.backward_passes == 2  # one forward, one backward per rule
    assert hook_count(model) == 0


def test_in_place_and_functional_relus_get_the_same_rules() -> None:
    class Functional(nn.Module):
        def __init__(self, net: nn.Sequential) -> None:
            super().__init__()
            self.net = net

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            n = self.net
            h = n[2](torch.relu(n[0](x)))
            h = n[3](h)
            h = h.relu_()  # in-place, as a method
            return n[6](n[5](h))

    x = image(seed=8)
    reference = compute_many(["guidedbackprop", "deconvnet", "saliency"], plain_net(seed=9), x, 1)
    for variant in (plain_net(seed=9, inplace=True), Functional(plain_net(seed=9))):
        got = compute_many(["guidedbackprop", "deconvnet", "saliency"], variant, x, 1)
        for name in reference.maps:
            np.testing.assert_allclose(got.maps[name].channels, reference.maps[name].channels, rtol=1e-6,
                                       atol=1e-9)


def _transposed_conv(signal: np.ndarray, weight: np.ndarray, in_shape: tuple[int, int, int],
                     padding: int) -> np.ndarray:
    """The transposed convolution written out: every output unit spreads its signal over its input patch."""
    cin, h, w = in_shape
    k_out, _, kh, kw = weight.shape
    out = np.zeros((cin, h + 2 * padding, w + 2 * padding))
    for k in range(k_out):
        for y in range(signal.shape[1]):
            for x in range(signal.shape[2]):
                out[:, y:y + kh, x:x + kw] += signal[k, y, x] * weight[k]
    return out[:, padding:padding + h, padding:padding + w]


def test_deconvnet_of_conv_relu_is_the_transposed_convolution_of_the_rectified_signal() -> None:
    torch.manual_seed(0)
    conv = nn.Conv2d(2, 3, 3, padding=1)
    readout = nn.Linear(3 * 5 * 5, 2)  # a fixed read-out: the signal reaching the ReLU has both signs
    model = nn.Sequential(conv, nn.ReLU(), nn.Flatten(), readout).eval()
    x = image(seed=1, size=5, channels=2)
    c = 1
    signal = readout.weight[c].detach().double().numpy().reshape(3, 5, 5)
    assert (signal < 0).any() and (signal > 0).any()
    w = conv.weight.detach().double().numpy()
    deconv = compute("deconvnet", model, x, c)
    np.testing.assert_allclose(deconv.channels, _transposed_conv(np.maximum(signal, 0), w, (2, 5, 5), 1),
                               rtol=1e-5, atol=1e-7)
    # guided backprop also masks by the forward pass: where the convolution's output was positive
    z = conv(x).detach()[0].double().numpy()
    guided = compute("guidedbackprop", model, x, c)
    np.testing.assert_allclose(guided.channels,
                               _transposed_conv(np.maximum(signal, 0) * (z > 0), w, (2, 5, 5), 1),
                               rtol=1e-5, atol=1e-7)
    # a unit target: the one-hot signal at the unit, projected back = its filter placed at the unit
    unit = compute("deconvnet", model, x, Target.unit("1", 2, 3, 1))
    onehot = np.zeros((3, 5, 5))
    onehot[2, 3, 1] = 1.0
    np.testing.assert_allclose(unit.channels, _transposed_conv(onehot, w, (2, 5, 5), 1), rtol=1e-5, atol=1e-7)


def test_deconvnet_unpools_with_the_max_pooling_switches() -> None:
    torch.manual_seed(2)
    conv = nn.Conv2d(1, 2, 3, padding=1)
    readout = nn.Linear(2 * 3 * 3, 2)
    model = nn.Sequential(conv, nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), readout).eval()
    x = image(seed=3, size=6, channels=1)
    z = torch.relu(conv(x)).detach()
    _, switches = F.max_pool2d(z, 2, return_indices=True)
    signal = readout.weight[0].detach().double().numpy().reshape(2, 3, 3)
    unpooled = np.zeros((2, 36))
    for k in range(2):
        for i, pos in enumerate(switches[0, k].flatten().tolist()):
            unpooled[k, pos] += signal[k].flatten()[i]  # the switch says where the max came from
    expected = _transposed_conv(np.maximum(unpooled.reshape(2, 6, 6), 0), conv.weight.detach().double().numpy(),
                                (1, 6, 6), 1)
    np.testing.assert_allclose(compute("deconvnet", model, x, 0).channels, expected, rtol=1e-5, atol=1e-7)


def test_guided_backprop_equals_its_definition_on_a_two_layer_net() -> None:
    torch.manual_seed(4)
    c1, c2 = nn.Conv2d(3, 4, 3, padding=1), nn.Conv2d(4, 3, 3, padding=1)
    head = nn.Linear(3 * 6 * 6, 3)
    model = nn.Sequential(c1, nn.ReLU(), c2, nn.ReLU(), nn.Flatten(), head).eval()
    x = image(seed=5, size=6)
    z1 = c1(x).detach()
    z2 = c2(torch.relu(z1)).detach()
    r = head.weight[1].detach().view(1, 3, 6, 6)
    r = torch.clamp(r, min=0) * (z2 > 0)  # ReLU 2: positive signal where the forward input was positive
    r = F.conv_transpose2d(r, c2.weight, padding=1)
    r = torch.clamp(r, min=0) * (z1 > 0)  # ReLU 1
    r = F.conv_transpose2d(r, c1.weight, padding=1)
    np.testing.assert_allclose(compute("guidedbackprop", model, x, 1).channels, r[0].detach().numpy(),
                               rtol=1e-5, atol=1e-7)


def test_smoothgrad_is_the_mean_absolute_gradient_over_seeded_noise() -> None:
    model = plain_net(seed=10)
    x = image(seed=11)
    amap = compute("smoothgrad", model, x, 2, samples=5, noise_level=0.2, batch_size=2, seed=7)
    sigma = 0.2 * float(x.max() - x.min())
    noise = torch.randn((5, *x.shape[1:]), generator=torch.Generator().manual_seed(7)) * sigma
    total = torch.zeros(x.shape[1:])
    for i in range(5):  # one noisy copy at a time
        xi = (x + noise[i]).requires_grad_(True)
        (g,) = torch.autograd.grad(model(xi)[0, 2], xi)
        total += g[0].abs()
    np.testing.assert_allclose(amap.channels, (total / 5).numpy(), rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(amap.map, (total / 5).amax(0).numpy(), rtol=1e-5, atol=1e-8)
    assert amap.extras["sigma"] == pytest.approx(sigma)
    # the same seed gives the same map
    again = compute("smoothgrad", model, x, 2, samples=5, noise_level=0.2, batch_size=2, seed=7)
    np.testing.assert_array_equal(again.map, amap.map)


def test_guided_backprop_notes_other_activations() -> None:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 2, 3), nn.SiLU(), nn.Flatten(), nn.Linear(2 * 6 * 6, 2)).eval()
    amap = compute("guidedbackprop", model, image(), 0)
    assert any("no ReLU" in n for n in amap.notes) and any("SiLU" in n for n in amap.notes)
