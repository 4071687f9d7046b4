"""One unit's arithmetic equals what the network computed: conv (stride, padding, dilation, groups), pooling, linear,
and the BatchNorm / activation steps after them."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.errors import ModelError
from cnnviz.core.explain.text import ExplainError
from cnnviz.core.explain.unit_arithmetic import ConvUnit, LinearUnit, PoolUnit, unit_arithmetic
from cnnviz.core.probe import capture, hook_count

TOL = 1e-5


def _units(shape: tuple[int, ...], n: int = 12, seed: int = 0) -> list[tuple[int, int, int]]:
    """Corners (padding lives there) and a few random units of an output [C, H, W] or [F]."""
    if len(shape) == 1:
        return [(c, 0, 0) for c in sorted({0, shape[0] - 1, shape[0] // 2})]
    c, h, w = shape
    rng = np.random.default_rng(seed)
    corners = [(0, 0, 0), (c - 1, h - 1, w - 1), (c // 2, 0, w - 1), (c - 1, h - 1, 0)]
    return corners + [tuple(int(rng.integers(0, s)) for s in (c, h, w)) for _ in range(n)]


def _value(t: torch.Tensor, unit: tuple[int, int, int]) -> float:
    c, y, x = unit
    return float(t[0, c, y, x]) if t.dim() == 4 else float(t[0, c])


CONVS = [
    dict(in_channels=3, out_channels=4, kernel_size=3, stride=2, padding=1),
    dict(in_channels=4, out_channels=6, kernel_size=3, stride=1, padding=2, dilation=2, groups=2),
    dict(in_channels=6, out_channels=6, kernel_size=(3, 5), stride=(2, 3), padding=(1, 2), groups=6),  # depthwise
    dict(in_channels=4, out_channels=8, kernel_size=4, stride=3, padding=3, dilation=3, groups=4, bias=False),
    dict(in_channels=2, out_channels=3, kernel_size=3, padding="same", dilation=2),
    dict(in_channels=2, out_channels=3, kernel_size=3, padding=2, padding_mode="reflect"),
    dict(in_channels=2, out_channels=3, kernel_size=3, padding=1, stride=2, padding_mode="replicate"),
    dict(in_channels=2, out_channels=3, kernel_size=3, padding=2, padding_mode="circular"),
]


@pytest.mark.parametrize("spec", CONVS, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_conv_unit_equals_the_captured_activation(spec) -> None:
    torch.manual_seed(0)
    conv = nn.Conv2d(**spec)
    model = nn.Sequential(conv)
    x = torch.randn(1, spec["in_channels"], 11, 10)
    captured = capture(model, x, "0").layers["0"]
    groups = spec.get("groups", 1)
    cg = spec["in_channels"] // groups
    for unit in _units(tuple(captured.shape[1:])):
        u = unit_arithmetic(model, x, "0", *unit)
        assert isinstance(u, ConvUnit) and u.follow == ()
        assert abs(u.value - _value(captured, unit)) < TOL, unit
        assert abs(u.captured - _value(captured, unit)) < TOL
        # the window is what F.conv2d reads: the same number from the window alone, with no padding
        c = unit[0]
        assert u.window.shape == (cg, *conv.weight.shape[2:]) == u.kernel.shape
        alone = F.conv2d(torch.from_numpy(u.window)[None], conv.weight.detach().double()[c:c + 1])
        assert abs(float(alone) + u.bias - u.value) < TOL
        assert np.allclose(u.products, u.window * conv.weight.detach().double()[c].numpy())
        assert math.isclose(u.sum, float(u.products.sum()), abs_tol=1e-9)
        assert u.bias == (0.0 if conv.bias is None else pytest.approx(float(conv.bias.detach()[c])))
        g = c // (spec["out_channels"] // groups)
        assert u.in_channels == tuple(range(g * cg, (g + 1) * cg))


def test_conv_window_flags_padding_and_holds_zero_there() -> None:
    torch.manual_seed(1)
    model = nn.Sequential(nn.Conv2d(2, 2, 3, stride=2, padding=2, dilation=2))
    x = torch.randn(1, 2, 7, 7)
    u = unit_arithmetic(model, x, "0", 1, 0, 0)
    # taps at input rows/cols -2, 0, 2: the first row and column are padding
    assert u.rows == (-2, 0, 2) and u.cols == (-2, 0, 2)
    expected_mask = np.array([[True, True, True], [True, False, False], [True, False, False]])
    assert (u.in_padding == expected_mask).all()
    assert (u.window[:, u.in_padding] == 0).all()
    padded = F.pad(x[0].double(), (2, 2, 2, 2))  # independent: pad, then read the dilated taps
    assert np.allclose(u.window, padded[:, 0:5:2, 0:5:2].numpy())
    assert "8 of them read padding" not in u.explanation()[1].en and "10 of them read padding" in u.explanation()[1].en


POOLS = [
    nn.MaxPool2d(3, 2, 1),
    nn.MaxPool2d(2, 2, 1, dilation=2, ceil_mode=True),
    nn.MaxPool2d((2, 3), (2, 1), (1, 1), ceil_mode=True),
    nn.AvgPool2d(3, 2, 1),
    nn.AvgPool2d(3, 2, 1, count_include_pad=False, ceil_mode=True),
    nn.AvgPool2d(2, 3, 1, ceil_mode=True),
    nn.AvgPool2d(3, 2, 1, divisor_override=5),
    nn.AdaptiveAvgPool2d((3, 4)),
    nn.AdaptiveMaxPool2d((4, 3)),
]


@pytest.mark.parametrize("pool", POOLS, ids=repr)
def test_pool_unit_equals_the_captured_activation(pool) -> None:
    torch.manual_seed(2)
    model = nn.Sequential(pool)
    x = torch.randn(1, 3, 10, 9)
    captured = capture(model, x, "0").layers["0"]
    for unit in _units(tuple(captured.shape[1:])):
        u = unit_arithmetic(model, x, "0", *unit)
        assert isinstance(u, PoolUnit)
        assert abs(u.value - _value(captured, unit)) < TOL, unit
        real = u.window[0][~u.in_padding]
        if u.mode == "max":
            r, c = u.pick
            assert not u.in_padding[r, c] and u.window[0, r, c] == real.max() == pytest.approx(u.value)
        else:
            assert u.sum == pytest.approx(float(real.sum())) and u.value == pytest.approx(u.sum / u.divisor)


def test_pooling_example_explains_which_value_wins() -> None:
    x = torch.tensor([[[[1.0, 5.0], [2.0, 3.0]]]])
    u = unit_arithmetic(nn.Sequential(nn.MaxPool2d(2)), x, "0", 0, 0, 0)
    assert u.value == 5.0 and u.pick == (0, 1)
    assert "largest value, 5, at input row 0, column 1" in u.explanation()[1].en
    a = unit_arithmetic(nn.Sequential(nn.AvgPool2d(2)), x, "0", 0, 0, 0)
    assert a.value == 2.75 and a.divisor == 4 and "11 divided by 4 is 2.75" in a.explanation()[1].en


def test_linear_unit_lists_the_largest_contributions_and_sums_the_rest() -> None:
    torch.manual_seed(3)
    model = nn.Sequential(nn.Flatten(), nn.Linear(48, 7))
    x = torch.randn(1, 3, 4, 4)
    captured = capture(model, x, "1").layers["1"]
    for c in range(7):
        u = unit_arithmetic(model, x, "1", c, top=5)
        assert isinstance(u, LinearUnit)
        assert abs(u.value - float(captured[0, c])) < TOL
        products = x.flatten().double() * model[1].weight.detach().double()[c]
        order = torch.argsort(products.abs(), descending=True)
        assert [t.index for t in u.top] == order[:5].tolist()
        assert u.rest == pytest.approx(float(products[order[5:]].sum())) and u.rest_count == 43
        assert sum(t.product for t in u.top) + u.rest + u.bias == pytest.approx(u.value)
    with pytest.raises(ExplainError, match="7 outputs"):
        unit_arithmetic(model, x, "1", 7)


def _bn(channels: int, seed: int) -> nn.BatchNorm2d:
    torch.manual_seed(seed)
    bn = nn.BatchNorm2d(channels)
    bn.running_mean.uniform_(-1, 1)
    bn.running_var.uniform_(0.3, 2.0)
    bn.weight.data.uniform_(-2, 2)
    bn.bias.data.uniform_(-1, 1)
    return bn


def test_batch_norm_and_relu_steps_follow_the_conv() -> None:
    torch.manual_seed(4)
    model = nn.Sequential(nn.Conv2d(3, 5, 3, padding=1), _bn(5, 5), nn.ReLU(inplace=True), nn.Conv2d(5, 2, 1))
    x = torch.randn(1, 3, 6, 6)
    layers = capture(model, x, "all").layers
    negatives = 0
    for unit in _units((5, 6, 6), n=20):
        u = unit_arithmetic(model, x, "0", *unit)
        assert [s.kind for s in u.follow] == ["batchnorm", "relu"] and u.clicked == "0"
        bn, relu = u.follow
        assert abs(u.value - _value(layers["0"], unit)) < TOL  # conv output before the in-place ReLU
        assert abs(bn.after - _value(layers["1"], unit)) < TOL
        assert abs(relu.after - _value(layers["2"], unit)) < TOL and abs(u.final - relu.after) < 1e-12
        c = unit[0]
        m = model[1]
        normalised = (u.value - float(m.running_mean[c])) / math.sqrt(float(m.running_var[c]) + m.eps)
        assert bn.normalized == pytest.approx(normalised) and bn.gamma == pytest.approx(float(m.weight.detach()[c]))
        negatives += bn.after < 0
        # asked on the ReLU, the same computation starts at the conv
        v = unit_arithmetic(model, x, "2", *unit)
        assert v.layer == "0" and v.clicked == "2" and v.final == pytest.approx(u.final)
    assert negatives  # the ReLU really clipped something
    w = unit_arithmetic(model, x, "1", 0, 2, 2)  # asked on the BatchNorm: the chain stops there
    assert w.layer == "0" and [s.layer for s in w.follow] == ["1"]
    assert hook_count(model) == 0


class _BasicBlock(nn.Module):
    """torchvision's ResNet BasicBlock: one ReLU module called twice, ``out += identity`` in place."""

    def __init__(self, bn1: nn.Module, bn2: nn.Module) -> None:
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(4, 4, 3, padding=1, bias=False), bn1
        self.relu = nn.ReLU(inplace=True)
        self.conv2, self.bn2 = nn.Conv2d(4, 4, 3, padding=1, bias=False), bn2

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += x
        return self.relu(out)


def test_a_residual_addition_ends_the_chain_and_blocks_resolve_to_their_last_layer() -> None:
    torch.manual_seed(6)
    block = _BasicBlock(_bn(4, 7), _bn(4, 8))
    model = nn.Sequential(block, nn.Sequential(nn.Conv2d(4, 3, 3), _bn(3, 9), nn.ReLU()))
    x = torch.randn(1, 4, 7, 7)
    layers = capture(model, x, "all").layers
    u = unit_arithmetic(model, x, "0.conv2", 1, 3, 4)
    # bn2 follows conv2, but `out += identity` runs before the ReLU: the ReLU is not part of the unit's chain
    assert [s.layer for s in u.follow] == ["0.bn2"]
    assert abs(u.follow[0].after - _value(layers["0.bn2"], (1, 3, 4))) < TOL
    with pytest.raises(ExplainError, match="not computed from"):
        unit_arithmetic(model, x, "0.relu#2", 1, 3, 4)
    v = unit_arithmetic(model, x, "1", 2, 1, 1)  # a block: its output is conv → BatchNorm → ReLU
    assert v.layer == "1.0" and [s.layer for s in v.follow] == ["1.1", "1.2"]
    assert abs(v.final - _value(layers["1"], (2, 1, 1))) < TOL
    w = unit_arithmetic(model, x, "0.relu", 0, 0, 0)  # torchvision reuses one ReLU: its first call
    assert w.layer == "0.conv1" and abs(w.final - _value(layers["0.relu"], (0, 0, 0))) < TOL
    assert hook_count(model) == 0


def test_mistakes_are_explained_and_leave_no_hook() -> None:
    model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(2 * 4 * 4, 3))
    x = torch.randn(1, 1, 6, 6)
    with pytest.raises(ModelError, match="Unknown layer"):
        unit_arithmetic(model, x, "conv9", 0, 0, 0)
    with pytest.raises(ExplainError, match=r"2×4×4: channel 0…1, y 0…3 and x 0…3"):
        unit_arithmetic(model, x, "0", 2, 0, 0)
    with pytest.raises(ExplainError, match="Flatten"):
        unit_arithmetic(model, x, "1", 0, 0, 0)
    with pytest.raises(ExplainError, match="one image"):
        unit_arithmetic(model, torch.randn(2, 1, 6, 6), "0", 0, 0, 0)
    assert hook_count(model) == 0


def test_json_form_holds_every_number() -> None:
    torch.manual_seed(10)
    model = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.ReLU())
    x = torch.randn(1, 2, 5, 5)
    d = unit_arithmetic(model, x, "0", 2, 0, 4).to_dict()
    assert np.array(d["window"]).shape == (2, 3, 3) == np.array(d["kernel"]).shape
    assert d["padding"][0] == [True, True, True] and d["padding"][1][2] is True
    assert d["value"] == pytest.approx(d["sum"] + d["bias"]) and d["follow"][0]["kind"] == "relu"
    assert d["final"] == pytest.approx(max(0.0, d["value"]))


@pytest.mark.parametrize("layer", [
    nn.Conv2d(5, 4, 3, stride=2, padding=1),  # 5 input channels: 3 drawn, 2 summed
    nn.Conv2d(4, 4, 3, padding=2, dilation=2, groups=2),
    nn.Conv2d(2, 2, 3, padding=1, padding_mode="reflect"),
    nn.MaxPool2d(3, 2, 1),
    nn.AvgPool2d(3, 2, 1, count_include_pad=False, ceil_mode=True),
], ids=repr)
def test_the_neighbourhood_animation_writes_the_layers_own_outputs(layer) -> None:
    from cnnviz.core.explain.unit_animation import unit_animation, unit_step

    torch.manual_seed(11)
    model = nn.Sequential(layer)
    x = torch.randn(1, layer.in_channels if isinstance(layer, nn.Conv2d) else 3, 9, 8)
    captured = capture(model, x, "0").layers["0"][0]
    for unit in [(0, 0, 0), (1, 2, 3), (layer.out_channels - 1 if isinstance(layer, nn.Conv2d) else 2,
                                         captured.shape[1] - 1, captured.shape[2] - 1)]:
        u = unit_arithmetic(model, x, "0", *unit, context=1)
        anim = unit_animation(u)
        assert anim is not None
        p = u.patch
        for step in anim.steps():
            expected = float(captured[unit[0], p.out_y0 + step.out_y, p.out_x0 + step.out_x])
            assert abs(step.value - expected) < TOL, (unit, step.out_y, step.out_x)
        mine = anim[unit_step(anim, u)]
        assert abs(mine.value - u.value) < TOL
        if isinstance(u, ConvUnit):
            assert len(anim.shown) == min(3, u.window.shape[0]) and anim.hidden_channels == u.window.shape[0] - len(
                anim.shown)
            assert (mine.in_padding == u.in_padding).all()  # the layer's padding, drawn where it is
    assert unit_animation(unit_arithmetic(nn.Sequential(nn.Conv2d(1, 1, (1, 3))), torch.randn(1, 1, 4, 4), "0",
                                          0, 1, 1, context=1)) is None  # not square: no sliding picture
