"""Output size, receptive-field growth, parameter counting: against torch and by hand."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from cnnviz.core.explain import (
    ExplainError,
    LayerSpec,
    count_conv,
    count_module,
    explain_axis,
    notes_exercise,
    rf_growth,
    rf_growth_from_model,
    stack_module,
    three_3x3_vs_7x7,
)
from cnnviz.core.summary import summarize


@pytest.mark.parametrize(("n", "f", "s", "p", "d"), [(7, 3, 2, 0, 1), (7, 3, 3, 0, 1), (8, 3, 2, 1, 2), (5, 5, 1, 2, 1)])
def test_output_size_and_never_read_columns(n: int, f: int, s: int, p: int, d: int) -> None:
    e = explain_axis(n, f, s, p, d)
    out = nn.functional.conv2d(torch.zeros(1, 1, 1, n), torch.zeros(1, 1, 1, f), stride=(1, s), padding=(0, p),
                               dilation=(1, d)).shape[-1]
    assert e.out == out
    # Which padded columns a real convolution reads: a gradient is non-zero exactly there.
    x = torch.zeros(1, 1, 1, n + 2 * p, requires_grad=True)
    nn.functional.conv2d(x, torch.ones(1, 1, 1, f), stride=(1, s), dilation=(1, d)).sum().backward()
    unread = tuple(i for i in range(n + 2 * p) if x.grad[0, 0, 0, i] == 0)
    assert e.never_read() == unread
    assert e.tiles == (not e.floored_away)


def test_non_tiling_is_explained_with_the_dropped_column() -> None:
    e = explain_axis(7, 3, 3, 0)  # (7 − 3 + 0) = 4, 4 / 3 floors to 1: 2 windows, column 6 never covered
    assert e.formula == "⌊(7 − 3 + 2·0) / 3⌋ + 1 = 2"
    assert (e.numerator, e.remainder, e.floored_away) == (4, 1, (6,))
    assert "not divisible" in e.explanation.en and "input column 6" in e.explanation.en
    assert "不能被" in e.explanation.zh and "第 6 列" in e.explanation.zh
    assert explain_axis(7, 3, 2, 0).tiles
    with pytest.raises(ExplainError):
        explain_axis(2, 3, 1, 0)


STACKS = [
    [("conv", 3, 1, 1)] * 3,
    [("conv", 7, 2, 3), ("maxpool", 3, 2, 1), ("conv", 3, 1, 1), ("conv", 3, 1, 1, 2)],
    [("conv", 5, 1, 0), ("avgpool", 2, 2, 0), ("conv", 5, 1, 0), ("avgpool", 2, 2, 0)],
    [("conv", 11, 4, 2), ("maxpool", 3, 2, 0), ("conv", 5, 1, 2)],
]


@pytest.mark.parametrize("stack", STACKS)
def test_rf_stack_equals_summarize_on_the_same_sequential(stack: list[tuple]) -> None:
    rows = rf_growth(stack, input_size=64)
    specs = [LayerSpec.from_tuple(t) for t in stack]
    summary = summarize(stack_module(specs), (1, 64, 64))
    windows = [r for r in summary.layers if r.type in ("Conv2d", "MaxPool2d", "AvgPool2d")]
    assert len(windows) == len(rows) - 1
    for row, info in zip(rows[1:], windows, strict=True):
        assert row.rf == info.rf
        assert row.out_size == info.output_shape[-1]


def test_rf_by_hand_and_from_a_model() -> None:
    rows = rf_growth([("conv", 3), ("conv", 3), ("conv", 3)])
    assert [r.size for r in rows] == [1, 3, 5, 7]
    assert rows[2].formula.startswith("r = 3 + (3 − 1)·1 = 5")
    lenet = rf_growth_from_model(stack_module([LayerSpec("conv", 5), LayerSpec("avgpool", 2, 2)]), (1, 32, 32), 5)
    assert [r.size for r in lenet] == [1, 5, 6] and [r.jump for r in lenet] == [1, 1, 2]
    from cnnviz.core.models.registry import build_model

    rows = rf_growth_from_model(build_model("lenet5"), (1, 32, 32), 2)
    assert len(rows) == 3 and rows[-1].name == "S2"


def test_three_3x3_against_one_7x7_with_real_layers() -> None:
    cmp = three_3x3_vs_7x7(8)
    assert cmp.stacked_rf == cmp.single_rf == 7
    stacked = nn.Sequential(*[nn.Conv2d(8, 8, 3, bias=False) for _ in range(3)])
    single = nn.Conv2d(8, 8, 7, bias=False)
    assert cmp.stacked_weights == sum(p.numel() for p in stacked.parameters()) == 27 * 64
    assert cmp.single_weights == sum(p.numel() for p in single.parameters()) == 49 * 64
    assert "27C²" in cmp.stacked_formula and "49C²" in cmp.single_formula and "27C²" in cmp.explanation.zh


@pytest.mark.parametrize(("f", "cin", "cout", "bias", "groups"), [(3, 3, 2, True, 1), (11, 3, 64, True, 1),
                                                                  (1, 16, 4, False, 1), (3, 8, 8, True, 4)])
def test_param_count_equals_numel(f: int, cin: int, cout: int, bias: bool, groups: int) -> None:
    pc = count_conv(f, cin, cout, bias, groups)
    real = nn.Conv2d(cin, cout, f, bias=bias, groups=groups)
    assert pc.total == sum(p.numel() for p in real.parameters()) == pc.weights + pc.biases
    assert count_module(real) == pc
    assert pc.formula.endswith(f"= {pc.total:,}")


def test_the_notes_60_parameter_exercise() -> None:
    ex = notes_exercise()
    assert ex.notes_total == 60 == ex.notes_weights + ex.notes_biases and ex.notes_biases == 6
    matching = nn.Conv2d(3, 6, kernel_size=3, groups=3)
    assert sum(p.numel() for p in matching.parameters()) == 60 == ex.matching.total
    assert sum(p.numel() for p in ex.matching.module().parameters()) == 60
    standard = nn.Conv2d(3, 2, kernel_size=3)
    assert sum(p.numel() for p in standard.parameters()) == 56 == ex.standard.total
    assert ex.standard.weights == ex.notes_weights == 54
    assert "60" in ex.explanation.en and "56" in ex.explanation.zh
