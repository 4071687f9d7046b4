"""The conv / pool / 1×1 stepping models agree with torch on the same numbers."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnviz.core.explain import (
    ChannelMix,
    ConvAnimation,
    ExplainError,
    PoolAnimation,
    example_input,
    example_kernel,
    resize_grid,
)


def _t(a: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(a)).double().unsqueeze(0)


@pytest.mark.parametrize(
    ("h", "w", "c", "c_out", "f", "s", "p", "d"),
    [
        (5, 5, 1, 1, 3, 1, 0, 1),  # the textbook case
        (7, 7, 3, 2, 3, 2, 1, 1),
        (7, 6, 2, 3, 3, 3, 0, 1),  # does not tile
        (8, 8, 1, 2, 3, 2, 1, 2),  # dilation with holes
        (6, 9, 2, 1, 2, 1, 2, 3),
        (4, 4, 3, 1, 1, 1, 0, 1),  # 1×1
    ],
)
def test_every_conv_step_equals_conv2d(h: int, w: int, c: int, c_out: int, f: int, s: int, p: int, d: int) -> None:
    rng = np.random.default_rng(h * 100 + s * 10 + p)
    x = rng.normal(size=(c, h, w))
    k = rng.normal(size=(c_out, c, f, f))
    b = rng.normal(size=c_out)
    anim = ConvAnimation(x, k, b, stride=s, padding=p, dilation=d)
    ref = F.conv2d(_t(x), torch.from_numpy(k), torch.from_numpy(b), stride=s, padding=p, dilation=d)[0].numpy()
    assert anim.out_channels * anim.out_hw[0] * anim.out_hw[1] == ref.size == len(anim)
    for step in anim.steps():
        assert step.value == pytest.approx(ref[step.channel, step.out_y, step.out_x], abs=1e-10)
        # the window is really what the taps read in the padded input
        padded = np.pad(x, ((0, 0), (p, p), (p, p)))
        assert np.array_equal(step.window, padded[:, list(step.rows)][:, :, list(step.cols)])
        assert step.value == pytest.approx(step.products.sum() + step.bias)
    np.testing.assert_allclose(anim.output(), ref, atol=1e-10)


def test_hand_worked_textbook_step() -> None:
    # 3×3 input, 2×2 kernel of ones: the first output is the sum of the top-left 2×2 block.
    x = np.arange(9, dtype=float).reshape(1, 3, 3)
    anim = ConvAnimation(x, np.ones((1, 1, 2, 2)), np.array([0.5]))
    first = anim[0]
    assert (first.out_y, first.out_x, first.rows, first.cols) == (0, 0, (0, 1), (0, 1))
    assert first.value == 0 + 1 + 3 + 4 + 0.5
    assert anim[-1].value == 4 + 5 + 7 + 8 + 0.5
    assert anim.index_of(0, 1, 1) == 3


@settings(max_examples=40, deadline=None)
@given(
    h=st.integers(1, 9), w=st.integers(1, 9), c=st.integers(1, 3), c_out=st.integers(1, 3),
    f=st.integers(1, 4), s=st.integers(1, 3), p=st.integers(0, 2), d=st.integers(1, 3),
    seed=st.integers(0, 1000),
)
def test_conv_matches_conv2d_for_any_setting(h, w, c, c_out, f, s, p, d, seed) -> None:
    rng = np.random.default_rng(seed)
    x = rng.integers(-3, 4, size=(c, h, w)).astype(float)
    k = rng.integers(-2, 3, size=(c_out, c, f, f)).astype(float)
    span = d * (f - 1) + 1
    if span > min(h, w) + 2 * p:
        with pytest.raises(ExplainError):
            ConvAnimation(x, k, stride=s, padding=p, dilation=d)
        return
    ref = F.conv2d(_t(x), torch.from_numpy(k), stride=s, padding=p, dilation=d)[0].numpy()
    np.testing.assert_array_equal(ConvAnimation(x, k, stride=s, padding=p, dilation=d).output(), ref)


@pytest.mark.parametrize(("f", "s", "p", "d"), [(2, 2, 0, 1), (3, 2, 1, 1), (3, 1, 1, 2), (2, 3, 1, 1), (3, 3, 0, 1)])
def test_max_pool_steps_equal_max_pool2d(f: int, s: int, p: int, d: int) -> None:
    x = np.random.default_rng(f + s).normal(size=(2, 7, 8))
    anim = PoolAnimation(x, f, mode="max", stride=s, padding=p, dilation=d)
    ref = F.max_pool2d(_t(x), f, s, p, d)[0].numpy()
    for step in anim.steps():
        assert step.value == ref[step.channel, step.out_y, step.out_x]
        r, cc = step.pick
        assert step.window[0, r, cc] == step.value and not step.in_padding[r, cc]
    np.testing.assert_array_equal(anim.output(), ref)


@pytest.mark.parametrize("include_pad", [True, False])
@pytest.mark.parametrize(("f", "s", "p"), [(2, 2, 0), (3, 2, 1), (3, 1, 1), (2, 3, 1)])
def test_avg_pool_steps_equal_avg_pool2d(f: int, s: int, p: int, include_pad: bool) -> None:
    x = np.random.default_rng(f * s).normal(size=(2, 7, 6))
    anim = PoolAnimation(x, f, mode="avg", stride=s, padding=p, count_include_pad=include_pad)
    ref = F.avg_pool2d(_t(x), f, s, p, count_include_pad=include_pad)[0].numpy()
    for step in anim.steps():
        assert step.value == pytest.approx(ref[step.channel, step.out_y, step.out_x], abs=1e-12)


def test_pool_rejects_what_torch_rejects() -> None:
    x = np.zeros((1, 5, 5))
    with pytest.raises(ExplainError, match="half"):
        PoolAnimation(x, 2, padding=2)
    with pytest.raises(RuntimeError):
        F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, 2, 2)
    with pytest.raises(ExplainError, match="dilation"):
        PoolAnimation(x, 2, mode="avg", dilation=2)


def test_channel_mix_is_a_1x1_conv_at_one_pixel() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(4, 3, 5))
    w = rng.normal(size=(2, 4, 1, 1))
    b = rng.normal(size=2)
    mix = ChannelMix.at(x, w, b, 1, 3)
    ref = F.conv2d(_t(x), torch.from_numpy(w), torch.from_numpy(b))[0, :, 1, 3].numpy()
    np.testing.assert_allclose(mix.output, ref, atol=1e-12)
    assert mix.params() == sum(p.numel() for p in torch.nn.Conv2d(4, 2, 1).parameters())
    with pytest.raises(ExplainError):
        ChannelMix.at(x, w, b, 9, 0)


def test_errors_are_explained() -> None:
    with pytest.raises(ExplainError, match="no window fits"):
        ConvAnimation(np.zeros((1, 2, 2)), np.zeros((1, 1, 3, 3)))
    with pytest.raises(ExplainError, match="channels"):
        ConvAnimation(np.zeros((2, 4, 4)), np.zeros((1, 3, 3, 3)))


def test_examples_and_resizing_keep_typed_numbers() -> None:
    x = example_input(2, 4, 4)
    assert x.min() >= 0 and x.max() <= 3 and np.array_equal(x, example_input(2, 4, 4))
    k = example_kernel(1, 2, 3)
    assert set(np.unique(k)) <= {-1.0, 0.0, 1.0}
    old = np.full((1, 3, 3), 9.0)
    new = resize_grid(old, (2, 4, 2), np.zeros((2, 4, 2)))
    assert new[0, :3, :2].tolist() == [[9, 9]] * 3 and new[1].sum() == 0 and new[0, 3].sum() == 0
