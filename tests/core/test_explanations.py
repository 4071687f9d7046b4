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


# --------------------------------------------------------------------------- the words follow the layer's settings


@pytest.fixture(scope="module")
def settings_net():
    model = nn.Sequential(
        nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False),  # 0: ResNet's stem, no bias
        nn.BatchNorm2d(64),  # 1
        nn.ReLU(),  # 2
        nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True),  # 3
        nn.Conv2d(64, 64, 3, padding=2, dilation=2, groups=64),  # 4: depthwise, dilated
        nn.Conv2d(64, 32, 3, padding="same"),  # 5
        nn.Conv2d(32, 8, 3, padding="valid", groups=2),  # 6: grouped
        nn.BatchNorm2d(8, affine=False),  # 7
        nn.Flatten(),  # 8
        nn.Linear(8 * 15 * 15, 10, bias=False),  # 9
        nn.Linear(10, 4),  # 10
        nn.LayerNorm(4),  # 11
    )
    s = summarize(model, (3, 64, 64))
    return model, {r.key: r for r in s.layers}


def test_every_row_of_the_settings_net_has_both_languages(settings_net) -> None:
    _, by_key = settings_net
    for info in by_key.values():
        for fn in (ex.layer_role, ex.output_size, ex.parameters, ex.macs, ex.memory, ex.receptive_field):
            _both(fn(info))


def test_bias_words_follow_the_module(settings_net) -> None:
    model, by_key = settings_net
    modules = dict(model.named_modules())
    checked = 0
    for key, info in by_key.items():
        module = modules[info.name]
        if not isinstance(module, nn.Conv2d | nn.Linear):
            continue
        real_bias = module.bias is not None  # the truth, from the module itself
        text = ex.parameters(info)
        assert ex.has_bias(info) is real_bias, key
        assert ("plus one bias" in text["en"]) is real_bias, key
        assert ("no bias" in text["en"]) is (not real_bias), key
        assert ("没有偏置" in text["zh"]) is (not real_bias), key
        assert "偏置" in text["zh"]
        assert info.params == sum(p.numel() for p in module.parameters())
        checked += 1
    assert checked == 6  # four convolutions, two linear layers


def test_resnet_convolutions_say_no_bias() -> None:
    from cnnviz.core.models import build_model

    model = build_model("resnet18")
    s = summarize(model, (3, 64, 64))
    modules = dict(model.named_modules())
    convs = [r for r in s.layers if r.type == "Conv2d"]
    assert len(convs) == 20
    for r in convs:
        assert modules[r.name].bias is None
        en = ex.parameters(r)["en"]
        assert "no bias" in en and "plus one bias" not in en and "+ 1" not in en
    conv1 = s.layer("layer1.0.conv1")
    # 3·3·64 = 576 weights per filter, 64 filters: 36,864
    assert "3·3·64 = 576 weights" in ex.parameters(conv1)["en"] and "= 36,864" in ex.parameters(conv1)["en"]
    assert "plus one bias" in ex.parameters(s.layer("fc"))["en"]


def test_stem_without_bias_counts_147_weights_per_filter(settings_net) -> None:
    conv = settings_net[1]["0"]
    # 7·7·3 = 147 weights, 64 filters, no bias: 9,408
    for lang, word in (("en", "7·7·3 = 147 weights"), ("zh", "7·7·3 = 147 个权重")):
        text = ex.parameters(conv)[lang]
        assert "(7·7·3)·64 = 9,408" in text and word in text


def test_groups_and_depthwise(settings_net) -> None:
    _, by_key = settings_net
    dw = ex.parameters(by_key["4"])
    # depthwise: each filter sees 64/64 = 1 channel: 3·3·1 = 9 weights + 1 bias, 64 filters = 640
    assert "depthwise" in dw["en"] and "groups = 64" in dw["en"] and "3·3·1 = 9 weights" in dw["en"]
    assert "= 640" in dw["en"] and "逐通道" in dw["zh"]
    grouped = ex.parameters(by_key["6"])
    # 32 input channels in 2 groups: 16 per filter, 3·3·16 = 144 weights
    assert "grouped" in grouped["en"] and "32/2 = 16" in grouped["en"] and "3·3·16 = 144 weights" in grouped["en"]
    assert "分组" in grouped["zh"]
    assert "groups" not in ex.parameters(by_key["5"])["en"]


def test_dilation_ceil_mode_and_string_padding(settings_net) -> None:
    _, by_key = settings_net
    pool = ex.output_size(by_key["3"])
    # ⌈(32 − 3 + 2·1) / 2⌉ + 1 = ⌈15.5⌉ + 1 = 17
    assert "rounded UP" in pool["en"] and "⌈(32 − 3 + 2·1) / 2⌉ + 1 = 17" in pool["en"] and "向上取整" in pool["zh"]
    assert "window size F = 3" in pool["en"] and "卷积核" not in pool["zh"]
    assert "rounded down" in ex.output_size(by_key["0"])["en"]
    dil = ex.output_size(by_key["4"])
    # dilation 2 spreads 3 taps over 2·(3 − 1) + 1 = 5 pixels; ⌊(17 + 4 − 4 − 1) / 1⌋ + 1 = 17
    assert "D = 2" in dil["en"] and "= 5 pixels" in dil["en"] and "(W − F + 2P)" not in dil["en"]
    assert "膨胀 D = 2" in dil["zh"]
    same = ex.output_size(by_key["5"])
    assert "padding='same'" in same["en"] and "64×17×17 → 32×17×17" in same["en"] and "(W − F + 2P)" not in same["en"]
    valid = ex.output_size(by_key["6"])
    # 'valid' is P = 0: ⌊(17 − 3 + 2·0) / 1⌋ + 1 = 15
    assert "⌊(17 − 3 + 2·0) / 1⌋ + 1 = 15" in valid["en"] and "no padding" in valid["en"]


def test_batchnorm_linear_without_bias_and_layernorm(settings_net) -> None:
    _, by_key = settings_net
    bn = ex.parameters(by_key["1"])
    assert bn["en"].startswith("2·64 = 128 parameters") and "γ" in bn["en"] and "not counted" in bn["en"]
    assert "γ and β)" not in bn["zh"]  # the English note of the formula is not pasted into Chinese
    bn_plain = ex.parameters(by_key["7"])
    assert bn_plain["en"].startswith("No parameters: affine=False")
    lin = ex.parameters(by_key["9"])
    # 1800 inputs × 10 outputs, no bias
    assert "1800·10 = 18,000" in lin["en"] and "no bias" in lin["en"] and "plus one bias" not in lin["en"]
    assert "(10 + 1)·4 = 44" in ex.parameters(by_key["10"])["en"]
    ln = ex.parameters(by_key["11"])
    assert "each normalised feature" in ln["en"] and "running" not in ln["en"]
