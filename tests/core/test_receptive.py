"""Analytic receptive fields checked against torch.autograd.

The independent check: make a copy of the model whose every path is positive
and linear (weights |w| + ε, ReLU -> identity, max-pool -> average pool of
the same geometry), backpropagate from one output unit, and read the
rectangle of input pixels with a non-zero gradient. It must equal the
analytic field clipped to the image.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn

from cnnviz.core.errors import ModelError
from cnnviz.core.models import build_model
from cnnviz.core.receptive import ReceptiveField, effective_rf
from cnnviz.core.summary import summarize


class _Stop(Exception):
    pass


def _positive_linear_copy(model: nn.Module) -> nn.Module:
    m = copy.deepcopy(model)

    def swap(parent: nn.Module) -> None:
        for name, child in parent.named_children():
            # Fully connected heads come after every probed layer: drop them
            # so the double-precision copy stays small.
            if isinstance(child, nn.ReLU | nn.ReLU6 | nn.Tanh | nn.Dropout | nn.Linear):
                setattr(parent, name, nn.Identity())
            elif isinstance(child, nn.MaxPool2d):
                assert child.dilation in (1, (1, 1))
                setattr(parent, name, nn.AvgPool2d(child.kernel_size, child.stride, child.padding, child.ceil_mode))
            else:
                swap(child)

    swap(m)
    m = m.double().eval()
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(p.abs() + 0.01)
        for mod in m.modules():
            if isinstance(mod, nn.BatchNorm2d):
                mod.running_mean.zero_()
                mod.running_var.fill_(1.0)
    return m


def _gradient_box(model: nn.Module, shape: tuple[int, ...], layer: str, unit: tuple[int, int]) -> tuple[int, int, int, int]:
    m = _positive_linear_copy(model)
    x = (torch.rand(1, *shape, dtype=torch.float64) + 0.5).requires_grad_(True)
    captured = {}

    def hook(mod: nn.Module, args: tuple, out: torch.Tensor) -> None:
        captured["y"] = out
        raise _Stop  # the rest of the network does not matter

    handle = dict(m.named_modules())[layer].register_forward_hook(hook)
    try:
        m(x)
    except _Stop:
        pass
    finally:
        handle.remove()
    y = captured["y"]
    y[0, :, unit[0], unit[1]].sum().backward()
    nz = np.argwhere(x.grad[0].abs().sum(0).numpy() > 0)
    (y0, x0), (y1, x1) = nz.min(0), nz.max(0)
    return int(y0), int(x0), int(y1), int(x1)


CASES = [
    ("alexnet", "features.10", (3, 127, 127)),
    ("vgg11", "features.15", (3, 96, 96)),
    ("resnet18", "layer2", (3, 96, 96)),
    ("resnet18", "layer3.1", (3, 130, 130)),
    ("googlenet", "inception3b", (3, 96, 96)),
    ("zfnet", "features.8", (3, 224, 224)),
    ("nin", "3", (3, 160, 160)),
    ("lenet5", "C5", (1, 32, 32)),
    # The channel shuffle (view / transpose / view of the channel axis) keeps the field.
    ("shufflenet_v2_x0_5", "stage2", (3, 96, 96)),
    ("shufflenet_v2_x0_5", "stage3", (3, 96, 96)),
    ("shufflenet_v2_x0_5", "conv5", (3, 96, 96)),
]


@pytest.mark.parametrize(("name", "layer", "shape"), CASES)
def test_analytic_field_equals_gradient_support(name: str, layer: str, shape: tuple[int, int, int]) -> None:
    model = build_model(name)
    summary = summarize(model, shape)
    row = summary.layer(layer)
    assert row.rf is not None
    h, w = row.output_shape[-2:]
    for unit in [(h // 2, w // 2), (0, 0), (h - 1, w - 1)]:
        rect = row.rf.rect(*unit, input_hw=shape[-2:])
        expected = tuple(int(round(v)) for v in rect.clipped)
        assert _gradient_box(model, shape, layer, unit) == expected, (unit, row.rf)


def test_dilation_padding_and_explicit_pad() -> None:
    model = nn.Sequential(
        nn.Conv2d(1, 2, 3, dilation=3, padding=1),
        nn.Conv2d(2, 2, (3, 5), stride=(2, 3), padding=(0, 2), padding_mode="reflect"),
        nn.MaxPool2d(2),
    )
    summary = summarize(model, (1, 41, 41))
    row = summary.layer("2")
    assert row.rf.size == (1 + 6 + 2 * 1 + 1 * 2, 1 + 6 + 4 + 1 * 3)
    # Reflect padding sends gradient back inside the image, so compare the
    # layer before it, which uses zero padding.
    first = summary.layer("0")
    rect = first.rf.rect(5, 5, (41, 41))
    assert _gradient_box(model, (1, 41, 41), "0", (5, 5)) == tuple(int(round(v)) for v in rect.clipped)


def test_known_published_values() -> None:
    # Araujo et al. (Distill 2019) list AlexNet's last conv layer at 195 px
    # after pool5; ResNet-18's last stage is 435 px (He et al. geometry).
    alex = summarize(build_model("alexnet"), (3, 224, 224))
    assert alex.layer("features.12").rf.size == (195, 195)
    assert alex.layer("features.12").rf.jump == (32, 32)
    res = summarize(build_model("resnet18"), (3, 224, 224))
    assert res.layer("layer4").rf.size == (435, 435)
    vgg = summarize(build_model("vgg16"), (3, 224, 224))
    assert vgg.layer("features.29").rf.size == (196, 196)  # conv5_3 + ReLU
    assert vgg.layer("features.30").rf.size == (212, 212)  # pool5


def test_three_3x3_convs_see_7x7_like_one_7x7() -> None:
    stack = nn.Sequential(*(nn.Conv2d(4, 4, 3) for _ in range(3)))
    one = nn.Sequential(nn.Conv2d(4, 4, 7))
    assert summarize(stack, (4, 16, 16)).layer("2").rf.size == (7, 7)
    assert summarize(one, (4, 16, 16)).layers[0].rf.size == (7, 7)


def test_rect_reports_the_padded_part() -> None:
    rf = ReceptiveField(size=(11, 11), jump=(4, 4), start=(3, 3))
    rect = rf.rect(0, 0, (224, 224))
    assert (rect.y0, rect.x0) == (-2, -2)
    assert rect.clipped[:2] == (0, 0)
    assert rect.padded_fraction == pytest.approx(1 - (9 * 9) / (11 * 11))
    assert rf.rect(10, 10, (224, 224)).padded_fraction == 0


def test_channels_last_detours_keep_the_field() -> None:
    s = summarize(build_model("convnext_tiny"), (3, 64, 64))
    assert s.layer("features.1.0.block.0").rf is not None  # the depthwise 7×7 after a permute pair
    assert s.layer("features.1.0").rf.size[0] > s.layer("features.0").rf.size[0]


def test_effective_rf_is_a_normalised_gradient_map() -> None:
    model = build_model("resnet18")
    x = torch.rand(1, 3, 96, 96)
    erf = effective_rf(model, x, "layer1", (12, 12))
    assert erf.shape == (96, 96) and erf.dtype == np.float32
    assert erf.max() == pytest.approx(1.0)
    summary = summarize(model, (3, 96, 96))
    rect = summary.layer("layer1").rf.rect(12, 12, (96, 96))
    ys, xs = np.nonzero(erf)
    assert ys.min() >= rect.clipped[0] and ys.max() <= rect.clipped[2]
    assert xs.min() >= rect.clipped[1] and xs.max() <= rect.clipped[3]
    with pytest.raises(ModelError, match="outside"):
        effective_rf(model, x, "layer1", (99, 0))
    with pytest.raises(ModelError, match="no spatial output"):
        effective_rf(model, x, "fc", (0, 0))


def _gradient_boxes(model: nn.Module, shape: tuple[int, ...], layer: str, units: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """:func:`_gradient_box` for several units of one layer, from one forward pass."""
    m = _positive_linear_copy(model)
    x = (torch.rand(1, *shape, dtype=torch.float64) + 0.5).requires_grad_(True)
    captured = {}

    def hook(mod: nn.Module, args: tuple, out: torch.Tensor) -> None:
        captured["y"] = out
        raise _Stop

    handle = dict(m.named_modules())[layer].register_forward_hook(hook)
    try:
        m(x)
    except _Stop:
        pass
    finally:
        handle.remove()
    boxes = []
    for unit in units:
        (g,) = torch.autograd.grad(captured["y"][0, :, unit[0], unit[1]].sum(), x, retain_graph=True)
        nz = np.argwhere(g[0].abs().sum(0).numpy() > 0)
        (y0, x0), (y1, x1) = nz.min(0), nz.max(0)
        boxes.append((int(y0), int(x0), int(y1), int(x1)))
    return boxes


@pytest.mark.parametrize("size", [320, 260])
def test_irregular_adaptive_pooling_gives_exact_per_unit_rectangles(size: int) -> None:
    # AlexNet's features end at 9×9 (320) and 7×7 (260); avgpool makes 6×6 of them,
    # so PyTorch's windows start at irregular offsets and some are wider.
    model = build_model("alexnet")
    shape = (3, size, size)
    row = summarize(model, shape).layer("avgpool")
    assert row.rf is not None and not row.rf.uniform and row.rf.as_dict()["uniform"] is False
    units = [(4, 4), (0, 0), (5, 5), (2, 3), (1, 4)]
    expected = [tuple(int(round(v)) for v in row.rf.rect(*u, input_hw=shape[-2:]).clipped) for u in units]
    assert _gradient_boxes(model, shape, "avgpool", units) == expected
    if size == 320:
        assert expected[0] == (126, 126, 319, 319)  # the example: drawn at 62–288 before


def test_adaptive_pooling_that_divides_stays_uniform() -> None:
    row = summarize(build_model("alexnet"), (3, 224, 224)).layer("avgpool")
    assert row.rf.uniform and row.rf.as_dict()["uniform"] is True
