"""Blocks report the totals of what they contain and how their paths combine (checked against the modules)."""

from __future__ import annotations

import pytest

from cnnviz.core import explanations as ex
from cnnviz.core.blocks import block_facts, running_totals
from cnnviz.core.models import build_model
from cnnviz.core.summary import summarize


def _numel(module) -> int:
    return sum(p.numel() for p in module.parameters())


@pytest.fixture(scope="module")
def googlenet():
    model = build_model("googlenet", seed=0)
    return model, summarize(model, (3, 224, 224), graph=True)


def test_a_conv_block_holds_its_conv_and_batchnorm(googlenet) -> None:
    model, summary = googlenet
    facts = block_facts(summary, "conv1")
    assert facts is not None and facts.type == "BasicConv2d"
    assert facts.params == _numel(model.conv1) == 9_536  # 7·7·3·64 + 2·64
    assert facts.macs == 7 * 7 * 3 * 64 * 112 * 112  # the convolution's MACs, by hand (118 M)
    assert facts.layers == 2 and facts.convolutions == 1
    assert facts.scale == (2.0, 2.0)
    assert running_totals(summary, "conv1") == (9_536, facts.macs)  # "up to and including conv1" includes it
    role = ex.block_role(facts)["en"]
    assert "no sliding window" not in role and "A convolution slides" not in role
    assert block_facts(summary, "conv1.conv") is None  # a leaf is not a block


def test_inception_concatenates_its_four_branches(googlenet) -> None:
    model, summary = googlenet
    facts = block_facts(summary, "inception3a")
    assert facts.combine == "concat"
    assert sorted(s[0] for s in facts.branches) == [32, 32, 64, 128]
    assert facts.params == _numel(model.inception3a)
    text = ex.block_role(facts)["en"]
    assert "64 + 128 + 32 + 32 = 256" in text and "concatenated" in text
    assert "拼接" in ex.block_role(facts)["zh"]
    params, _ = running_totals(summary, "inception3a")
    before = sum(_numel(m) for m in (model.conv1, model.conv2, model.conv3, model.inception3a))
    assert params == before  # its own 163,696 included


def test_residual_blocks_sum_and_stages_run_in_sequence() -> None:
    model = build_model("resnet18", seed=0)
    summary = summarize(model, (3, 224, 224), graph=True)
    block = block_facts(summary, "layer1.0")
    assert block.combine == "sum" and "residual" in ex.block_role(block)["en"]
    stage = block_facts(summary, "layer1")
    assert stage.combine == "sequence"
    assert stage.params == _numel(model.layer1)
    assert stage.macs == 4 * (3 * 3 * 64 * 64 * 56 * 56)  # four 3×3 convolutions 64→64 on 56×56, by hand
    down = block_facts(summary, "layer2.0")
    assert down.scale == (2.0, 2.0) and "stride 2" in ex.block_output_size(down)["en"]
    assert down.macs == (3 * 3 * 64 * 128 + 3 * 3 * 128 * 128 + 64 * 128) * 28 * 28  # two 3×3, one 1×1 shortcut
