"""The receptive-field explanation says when a unit also sees the whole image and when the field is not uniform.

Both facts are established here independently of the summary: by the
gradient of one output unit (it reaches a pixel far outside the local field),
and by PyTorch's adaptive-pooling windows (start ⌊i·n/o⌋, end ⌈(i+1)·n/o⌉).
"""

from __future__ import annotations

import math

import torch
from torch import nn

from cnnviz.core import explanations as ex
from cnnviz.core.summary import summarize


class SqueezeExcite(nn.Module):
    def __init__(self, channels: int) -> None:
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Conv2d(channels, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.sigmoid(self.fc(self.pool(x)))


def se_net() -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(3, 4, 3), SqueezeExcite(4), nn.Conv2d(4, 4, 3)).eval()


def test_a_unit_behind_squeeze_and_excitation_is_said_to_see_the_whole_image():
    net = se_net()
    x = torch.rand(1, 3, 32, 32, requires_grad=True)
    net(x)[0, 0, 0, 0].backward()
    # unit (0, 0) of the last conv has a 5×5 local field in the corner; the far corner still moves it
    assert x.grad[0, :, 31, 31].abs().sum() > 0 and x.grad[0, :, 10:, 10:].abs().sum() > 0
    info = summarize(net, (3, 32, 32)).layer("2")
    assert info.rf.size == (5.0, 5.0) and info.rf.sees_all
    text = ex.receptive_field(info)
    assert "whole image" in text["en"] and "整张图像" in text["zh"]
    plain = summarize(nn.Sequential(nn.Conv2d(3, 4, 3), nn.Conv2d(4, 4, 3)), (3, 32, 32)).layer("1")
    assert "whole image" not in ex.receptive_field(plain)["en"]
    assert "整张图像" not in ex.receptive_field(plain)["zh"]


def test_irregular_adaptive_pooling_is_said_to_be_not_uniform():
    n, o = 9, 6
    spans = [(math.floor(i * n / o), math.ceil((i + 1) * n / o) - 1) for i in range(o)]
    steps = {b[0] - a[0] for a, b in zip(spans, spans[1:], strict=False)}
    assert len(steps) > 1  # PyTorch's windows start at irregular offsets: 0, 1, 3, 4, 6, 7
    info = summarize(nn.Sequential(nn.Conv2d(1, 1, 1), nn.AdaptiveAvgPool2d(o)), (1, n, n)).layer("1")
    assert not info.rf.uniform
    rect = info.rf.rect(4, 2, (n, n))
    assert (rect.y0, rect.y1, rect.x0, rect.x1) == (*spans[4], *spans[2])  # the exact window of that unit
    text = ex.receptive_field(info)
    assert "irregular" in text["en"] and "不规则" in text["zh"]
    regular = summarize(nn.Sequential(nn.Conv2d(1, 1, 1), nn.AdaptiveAvgPool2d(3)), (1, n, n)).layer("1")
    assert regular.rf.uniform and "irregular" not in ex.receptive_field(regular)["en"]
