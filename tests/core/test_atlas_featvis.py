"""Feature visualisation: beats the natural exemplars, reproducible, cancellable, parts equal their definitions."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import torch
from atlas_helpers import PRE32, tiny_net

from cnnviz.core.atlas.exemplars import build_index
from cnnviz.core.atlas.featvis import (
    COLOR_CORRELATION_SQRT,
    FeatVisTarget,
    _Adam,
    _apply_warp,
    _clip_small,
    _Fourier,
    _gaussian_blur,
    _random_warp,
    _RedirectedReLU,
    exemplar_activation,
    preset,
    target_activation,
    visualize,
)
from cnnviz.core.atlas.inputs import batch_inputs
from cnnviz.core.atlas.sources import registered_dataset_source
from cnnviz.core.errors import ConfigError, ModelError
from cnnviz.core.images import Preprocess, prepare
from cnnviz.core.probe import capture, hook_count
from cnnviz.core.progress import CancelToken


@pytest.mark.parametrize("name", ["2015", "2017"])
def test_featvis_beats_the_best_natural_exemplar_on_every_channel(name: str) -> None:
    model = tiny_net()
    source = registered_dataset_source("shapes", "val", limit=80)
    index = build_index(model, source, ["4"], preprocess=PRE32, batch_size=40)
    natural = capture(model, batch_inputs([source.read(i).rgb for i in source.ids()], PRE32), ["4"]).layers["4"]
    for c in range(8):
        result = visualize(model, FeatVisTarget("4", c), preprocess=PRE32, settings=preset(name, steps=48))
        best_unit = index.top("4", c)[0].value
        best_mean = float(natural[:, c].mean(dim=(1, 2)).max())  # the best natural image for the same objective
        assert result.channel_max > best_unit, (c, result.channel_max, best_unit)
        assert result.activation > best_mean, (c, result.activation, best_mean)
        assert result.activation == result.channel_mean
    assert hook_count(model) == 0


def test_reported_activation_is_what_the_saved_picture_gives() -> None:
    model = tiny_net()
    for target in (FeatVisTarget("3", 2), FeatVisTarget("4", 5, unit=(3, 9))):
        r = visualize(model, target, preprocess=PRE32, settings=preset("2015", steps=12, seed=4))
        x = prepare(r.image, PRE32).tensor  # the PNG's pixels read back as `cnnviz activations` would
        out = capture(model, x, [target.layer]).layers[target.layer][0, target.channel]
        expected = out.mean() if target.unit is None else out[target.unit]
        assert abs(float(expected) - r.activation) < 1e-5
        assert abs(float(out.mean()) - r.channel_mean) < 1e-5 and abs(float(out.max()) - r.channel_max) < 1e-5
        assert abs(target_activation(model, x, target) - r.activation) < 1e-5


def test_exemplar_activation_is_the_target_on_that_image() -> None:
    model = tiny_net()
    source = registered_dataset_source("shapes", "val", limit=8)
    target = FeatVisTarget("4", 2)
    got = exemplar_activation(model, source, "shapes:val:5", target, PRE32)
    out = capture(model, prepare(source.read("shapes:val:5").rgb, PRE32).tensor, ["4"]).layers["4"]
    assert abs(got - float(out[0, 2].mean())) < 1e-5


def test_class_target_on_a_grayscale_model() -> None:
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 5), torch.nn.ReLU(), torch.nn.Flatten(), torch.nn.Linear(4 * 24 * 24, 3))
    pre = Preprocess(None, (28, 28), mean=(0.5,), std=(0.5,), channels=1)
    r = visualize(net.eval(), FeatVisTarget(class_index=2), preprocess=pre, settings=preset("2015", steps=20))
    assert r.image.shape == (28, 28, 3) and np.array_equal(r.image[..., 0], r.image[..., 2])
    assert r.channel_mean is None and r.channel_max is None
    with torch.no_grad():
        logit = float(net(prepare(r.image, pre).tensor)[0, 2])
    assert abs(logit - r.activation) < 1e-4
    assert r.activation > r.history[0] + 1.0  # gradient ascent on a linear-ish logit climbs fast
    with pytest.raises(ConfigError, match="class 3 does not exist"):
        visualize(net, FeatVisTarget(class_index=3), preprocess=pre, settings=preset("2017", steps=1))


def test_same_seed_same_picture_other_seed_other_picture() -> None:
    model = tiny_net()
    for name in ("2015", "2017"):
        a = visualize(model, FeatVisTarget("4", 1), preprocess=PRE32, settings=preset(name, steps=10, seed=7))
        b = visualize(model, FeatVisTarget("4", 1), preprocess=PRE32, settings=preset(name, steps=10, seed=7))
        c = visualize(model, FeatVisTarget("4", 1), preprocess=PRE32, settings=preset(name, steps=10, seed=8))
        assert np.array_equal(a.image, b.image) and a.history == b.history
        assert not np.array_equal(a.image, c.image)


def test_step_callback_and_cancel() -> None:
    model = tiny_net()
    token = CancelToken()
    steps = []

    def on_step(s) -> None:  # type: ignore[no-untyped-def]
        steps.append(s)
        if s.step == 6:
            token.cancel()

    settings = dataclasses.replace(preset("2017", steps=50), preview_every=3)
    r = visualize(model, FeatVisTarget("3", 0), preprocess=PRE32, settings=settings, on_step=on_step, cancel=token)
    assert r.stopped_early and len(r.history) == 6 and [s.step for s in steps] == list(range(1, 7))
    assert [s.step for s in steps if s.image is not None] == [3, 6]
    assert [s.objective for s in steps] == r.history
    assert steps[-1].image.shape == (32, 32, 3) and r.image.shape == (32, 32, 3)
    done = []
    visualize(model, FeatVisTarget("3", 0), preprocess=PRE32, settings=dataclasses.replace(settings, steps=4),
              on_step=done.append)
    assert done[-1].image is not None, "the last step always comes with a picture"


def test_model_is_left_as_it_was() -> None:
    model = tiny_net()
    model.train()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    visualize(model, FeatVisTarget("4", 0), preprocess=PRE32, settings=preset("2017", steps=3))
    visualize(model, FeatVisTarget("4", 0), preprocess=PRE32, settings=preset("2015", steps=3))
    assert model.training and hook_count(model) == 0
    assert all(p.grad is None and p.requires_grad for p in model.parameters())
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items()), "BatchNorm statistics untouched"


def test_bad_targets_are_one_line_errors() -> None:
    model = tiny_net()
    with pytest.raises(ModelError, match="Unknown layer"):
        visualize(model, FeatVisTarget("9", 0), preprocess=PRE32, settings=preset("2015", steps=1))
    with pytest.raises(ConfigError, match="channel 8 does not exist"):
        visualize(model, FeatVisTarget("4", 8), preprocess=PRE32, settings=preset("2015", steps=1))
    with pytest.raises(ConfigError, match="outside"):
        visualize(model, FeatVisTarget("4", 0, unit=(16, 0)), preprocess=PRE32, settings=preset("2015", steps=1))
    with pytest.raises(ConfigError):
        FeatVisTarget("4")
    with pytest.raises(ConfigError):
        FeatVisTarget("4", 0, class_index=1)
    with pytest.raises(ConfigError):
        preset("2016")
    with pytest.raises(ConfigError):
        preset("2015", steps=0)
    assert hook_count(model) == 0


def test_redirected_relu_gradient_by_hand() -> None:
    x = torch.tensor([[-1.0, 2.0, -3.0]], requires_grad=True)
    y = _RedirectedReLU.apply(x)
    assert torch.equal(y, torch.relu(x))
    # some gradient gets through the ordinary ReLU: it is used as it is
    (g,) = torch.autograd.grad(y, x, torch.tensor([[5.0, 7.0, -1.0]]))
    assert g.tolist() == [[0.0, 7.0, 0.0]]
    # none gets through: pass it, except where it would push a negative input further down (grad > 0)
    y = _RedirectedReLU.apply(x)
    (g,) = torch.autograd.grad(y, x, torch.tensor([[-2.0, 0.0, 4.0]]))
    assert g.tolist() == [[-2.0, 0.0, 0.0]]


def test_blur_and_clipping_match_their_definitions() -> None:
    import torchvision.transforms.v2.functional as F

    x = torch.rand(1, 3, 20, 24, generator=torch.Generator().manual_seed(0))
    ours = _gaussian_blur(x, 1.0)
    theirs = F.gaussian_blur(x, kernel_size=[7, 7], sigma=[1.0, 1.0])  # radius 3σ, reflect padding
    torch.testing.assert_close(ours, theirs, atol=1e-6, rtol=0)
    score = torch.rand(1, 1, 20, 24, generator=torch.Generator().manual_seed(1))
    clipped = _clip_small(x.clone(), score, 25.0)
    lowest = score.flatten().argsort()[: 20 * 24 // 4]
    kept = torch.ones(20 * 24, dtype=torch.bool)
    kept[lowest] = False
    assert torch.equal(clipped, x * kept.view(1, 1, 20, 24))


def test_fourier_parameterisation_by_numpy() -> None:
    settings = preset("2017", init_std=0.3)
    param = _Fourier(3, 12, 10, settings, np.random.default_rng(0), torch.device("cpu"))
    spec = param.spectrum.detach().numpy()
    f = np.sqrt(np.fft.fftfreq(12)[:, None] ** 2 + np.fft.rfftfreq(10)[None, :] ** 2)
    coeff = (spec[..., 0] + 1j * spec[..., 1]) / np.maximum(f, 1 / 12)
    img = np.fft.irfft2(coeff, s=(12, 10), norm="ortho")
    colour = COLOR_CORRELATION_SQRT / np.linalg.norm(COLOR_CORRELATION_SQRT, axis=0).max()
    expected = 1 / (1 + np.exp(-np.einsum("ij,jhw->ihw", colour, img)))
    np.testing.assert_allclose(param().detach().numpy()[0], expected, atol=1e-5)


def test_adam_matches_torch() -> None:
    start = torch.randn(4, 5, generator=torch.Generator().manual_seed(2))
    ours, theirs = start.clone(), torch.nn.Parameter(start.clone())
    adam, reference = _Adam(ours, 0.05), torch.optim.Adam([theirs], lr=0.05)
    for i in range(6):
        grad = torch.randn(4, 5, generator=torch.Generator().manual_seed(10 + i))
        adam.step(grad)
        theirs.grad = grad.clone()
        reference.step()
    torch.testing.assert_close(ours, theirs.detach(), atol=1e-6, rtol=1e-6)


def test_warp_rotation_and_identity() -> None:
    img = torch.arange(36.0).view(1, 1, 6, 6) / 36
    quarter = preset("2017", jitter=0, scales=(1.0,), angles=(90.0,))
    torch.testing.assert_close(_random_warp(img, quarter, np.random.default_rng()), torch.rot90(img, 1, dims=(2, 3)))
    wide = torch.rand(1, 3, 4, 6)
    half = preset("2017", jitter=0, scales=(1.0,), angles=(180.0,))
    torch.testing.assert_close(_random_warp(wide, half, np.random.default_rng()), wide.flip(2, 3), atol=1e-6, rtol=0)
    # any zoom, turn and shift equals torch's own affine_grid + grid_sample, grey outside
    import math

    import torch.nn.functional as F

    s, a, ty, tx = 1.1, 0.3, 3, -2
    c, sn = math.cos(a) / s, math.sin(a) / s
    theta = torch.tensor([[c, -sn * 4 / 6, 2 * tx / 6], [sn * 6 / 4, c, 2 * ty / 4]])[None]
    reference = F.grid_sample(wide - 0.5, F.affine_grid(theta, [1, 3, 4, 6], align_corners=False),
                              align_corners=False) + 0.5
    torch.testing.assert_close(_apply_warp(wide, (s, a, ty, tx)), reference, atol=1e-5, rtol=0)
    same = preset("2017", jitter=0, scales=(1.0,), angles=(0.0,))
    assert _random_warp(wide, same, np.random.default_rng()) is wide
