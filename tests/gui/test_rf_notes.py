"""Inspect says when a unit also sees the whole image and when a layer's field is not uniform (RF text, math)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch
from torch import nn

from cnnviz.core.summary import summarize

pytestmark = pytest.mark.gui


class SqueezeExcite(nn.Module):
    def __init__(self, channels: int) -> None:
        super().__init__()
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Conv2d(channels, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.sigmoid(self.fc(self.pool(x)))


def se_net() -> nn.Module:
    return nn.Sequential(nn.Conv2d(3, 4, 3), SqueezeExcite(4), nn.Conv2d(4, 4, 3)).eval()


def _math_text(qtbot, summary, key: str, language: str = "en") -> str:
    from cnnviz.gui.inspect.math_panel import MathPanel
    from cnnviz.gui.state import AppState

    state = AppState()
    state.language = language
    panel = MathPanel(state)
    qtbot.addWidget(panel)
    state.model = SimpleNamespace(summary=summary)  # the panel reads only the summary
    state.set_layer(key)
    return panel.plain_text()


def test_a_unit_that_sees_everything_says_so(qtbot):
    from cnnviz.gui.inspect.input_panel import rf_notes

    summary = summarize(se_net(), (3, 32, 32))
    x = torch.rand(1, 3, 32, 32, requires_grad=True)
    se_net()(x)[0, 0, 0, 0].backward()
    assert x.grad[0, :, 31, 31].abs().sum() > 0  # the far corner moves unit (0, 0), whose local field is 5×5
    se_unit = summary.layer("2")
    note = rf_notes(se_unit.rf, se_unit.rf.rect(0, 0, (32, 32)))
    assert "also sees the whole image" in note and "Not uniform" not in note
    assert "also sees the whole image" in _math_text(qtbot, summary, "2")
    assert "整张图像" in _math_text(qtbot, summary, "2", "zh")  # the explanation, in Chinese
    first = summary.layer("0")
    assert rf_notes(first.rf, first.rf.rect(0, 0, (32, 32))) == ""
    assert "whole image" not in _math_text(qtbot, summary, "0")


def test_an_irregular_pooling_unit_gets_its_exact_box_and_a_not_uniform_note(qtbot):
    from cnnviz.gui.inspect.input_panel import rf_notes

    n, o = 9, 6
    summary = summarize(nn.Sequential(nn.Conv2d(1, 1, 1), nn.AdaptiveAvgPool2d(o)), (1, n, n))
    info = summary.layer("1")
    y, x = 1, 4
    span = lambda i: (math.floor(i * n / o), math.ceil((i + 1) * n / o) - 1)  # noqa: E731 (PyTorch's windows)
    rect = info.rf.rect(y, x, (n, n))
    assert (rect.y0, rect.y1) == span(y) and (rect.x0, rect.x1) == span(x)
    note = rf_notes(info.rf, rect)
    height, width = span(y)[1] - span(y)[0] + 1, span(x)[1] - span(x)[0] + 1
    assert "Not uniform" in note and f"{height}×{width} px" in note
    assert "not uniform" in _math_text(qtbot, summary, "1")
    assert "不规则" in _math_text(qtbot, summary, "1", "zh")
