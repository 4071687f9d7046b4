"""Student explanations: the layer's own numbers, in both languages."""

from __future__ import annotations

import re

import pytest
from torch import nn

from cnnviz.core import explanations as ex
from cnnviz.core.summary import summarize

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def rows():
    model = nn.Sequential(
        nn.Conv2d(3, 64, 7, stride=2, padding=3),
        nn.ReLU(),
        nn.MaxPool2d(3, stride=2, padding=1),
        nn.Flatten(),
        nn.Linear(64 * 56 * 56, 10),
    )
    s = summarize(model, (3, 224, 224))
    return {r.key: r for r in s.layers}, s


def _both(text: dict[str, str]) -> None:
    assert set(text) == {"en", "zh"}
    assert text["en"] and not CJK.search(text["en"])
    assert CJK.search(text["zh"])


def test_every_function_gives_both_languages(rows) -> None:
    by_key, s = rows
    for info in by_key.values():
        for fn in (ex.layer_role, ex.output_size, ex.parameters, ex.macs, ex.memory, ex.receptive_field):
            _both(fn(info))
        _both(ex.running_totals(info, *s.running_totals(info.key)))
    _both(ex.random_weights_note())


def test_convolution_numbers_are_the_hand_worked_ones(rows) -> None:
    conv = rows[0]["0"]
    # ⌊(224 − 7 + 2·3) / 2⌋ + 1 = 112; params (7·7·3 + 1)·64 = 9,472; MACs 64·112·112·7·7·3
    for lang in ("en", "zh"):
        assert "112" in ex.output_size(conv)[lang] and "F = 7" in ex.output_size(conv)[lang]
        assert "(7·7·3 + 1)·64 = 9,472" in ex.parameters(conv)[lang]
        assert f"{64 * 112 * 112 * 7 * 7 * 3:,}" in ex.macs(conv)[lang]
        assert "3.1 MiB" in ex.memory(conv)[lang]  # 64·112·112·4 bytes = 3,211,264
        assert "7×7" in ex.receptive_field(conv)[lang] and " 2 " in ex.receptive_field(conv)["en"]


def test_pool_rf_and_layers_without_parameters(rows) -> None:
    pool = rows[0]["2"]
    # 7 + (3 − 1)·2 = 11, jump 2·2 = 4
    assert "11×11" in ex.receptive_field(pool)["en"] and "4 input pixels" in ex.receptive_field(pool)["en"]
    assert "No parameters" in ex.parameters(pool)["en"]
    assert "0 MACs" in ex.macs(rows[0]["1"])["en"]


def test_linear_layer_has_no_field_and_counts_weights(rows) -> None:
    lin = rows[0]["4"]
    assert "No receptive field" in ex.receptive_field(lin)["en"]
    assert f"({64 * 56 * 56} + 1)·10 = {(64 * 56 * 56 + 1) * 10:,}" in ex.parameters(lin)["en"]
    params, macs = rows[1].running_totals("4")
    assert f"{params:,}" in ex.running_totals(lin, params, macs)["en"]
