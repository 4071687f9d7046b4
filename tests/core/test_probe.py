"""The activation probe: copies, scoping of hooks, selection and readable failures."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from cnnviz.core.errors import ModelError, ModelForwardError
from cnnviz.core.models import build_model
from cnnviz.core.probe import capture, hook_count


def test_captured_bn_output_is_not_overwritten_by_inplace_relu() -> None:
    model = build_model("resnet18")
    x = torch.randn(1, 3, 64, 64)
    res = capture(model, x, ["bn1", "relu"])
    # Independent: run the stem by hand.
    with torch.no_grad():
        model.eval()
        bn = model.bn1(model.conv1(x))
    assert torch.allclose(res.layers["bn1"], bn, atol=1e-6)
    assert (res.layers["bn1"] < 0).any(), "a BN output has negatives; a clobbered one would not"
    assert torch.allclose(res.layers["relu"], bn.clamp_min(0), atol=1e-6)


def test_residual_addition_does_not_change_captured_bn2() -> None:
    model = build_model("resnet18").eval()
    x = torch.randn(1, 3, 64, 64)
    res = capture(model, x, ["layer1.0.bn2", "layer1.0.relu#2", "maxpool"])
    block = model.layer1[0]
    with torch.no_grad():
        h = res.layers["maxpool"]
        expected = block.bn2(block.conv2(block.relu(block.bn1(block.conv1(h)))))
    assert torch.allclose(res.layers["layer1.0.bn2"], expected, atol=1e-5)
    assert torch.allclose(res.layers["layer1.0.relu#2"], (expected + h).clamp_min(0), atol=1e-5)


def test_only_selected_layers_are_kept() -> None:
    model = build_model("resnet18")
    res = capture(model, torch.randn(1, 3, 64, 64), "layer2.0.conv1")
    assert list(res.layers) == ["layer2.0.conv1"]
    assert res.output is not None and res.output.shape == (1, 1000)
    leaves = capture(model, torch.randn(1, 3, 64, 64), "leaves")
    assert "layer1" not in leaves.layers and "layer1.0.conv1" in leaves.layers


def test_hooks_are_removed_even_when_the_model_fails() -> None:
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.Flatten(), nn.Linear(10, 2))
    before = hook_count(model)
    with pytest.raises(ModelForwardError) as err:
        capture(model, torch.randn(1, 3, 16, 16), "all")
    assert hook_count(model) == before == 0
    msg = str(err.value)
    assert "'2'" in msg and "Linear" in msg and "[1, 1568]" in msg


def test_training_flags_are_restored_and_capture_runs_in_eval() -> None:
    model = nn.Sequential(nn.Dropout(0.9), nn.Identity())
    model.train()
    x = torch.ones(1, 100)
    res = capture(model, x, ["0"])
    assert torch.equal(res.layers["0"], x), "dropout is off in eval mode"
    assert model.training and model[0].training


def test_no_grad_by_default_and_gradients_when_asked() -> None:
    model = build_model("lenet5")
    x = torch.randn(1, 1, 32, 32, requires_grad=True)
    assert not capture(model, x, ["C1"]).layers["C1"].requires_grad
    out = capture(model, x, ["C1"], grad=True).layers["C1"]
    assert out.requires_grad
    out.sum().backward()
    assert x.grad is not None and x.grad.abs().sum() > 0


def test_unknown_layer_names_suggest_real_ones() -> None:
    with pytest.raises(ModelError, match="layer1.0.conv1"):
        capture(build_model("resnet18"), torch.randn(1, 3, 32, 32), ["layer1.0.conv"])
