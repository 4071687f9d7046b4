"""Receptive fields through tokens, windows and global paths, checked against torch.autograd.

The independent check: a float64 copy of a small real network (random
weights, GELU / SiLU, so no gradient is exactly zero by accident),
backpropagated from one unit; the rectangle of input pixels with a non-zero
gradient is what the unit depends on. Attention masks (Swin's shifted
windows) only scale some weights by e⁻¹⁰⁰, which float64 still carries, so
the gradient sees those pixels as the tracker does.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from torch import nn
from torchvision.models.efficientnet import efficientnet_b0
from torchvision.models.maxvit import MaxVit
from torchvision.models.swin_transformer import SwinTransformer
from torchvision.models.vision_transformer import VisionTransformer
from torchvision.ops.misc import SqueezeExcitation

from cnnviz.core.summary import summarize


class _Stop(Exception):
    pass


def _support(model: nn.Module, shape: tuple[int, ...], layer: str, select) -> tuple[int, int, int, int]:
    """Bounding box of the input pixels whose gradient is non-zero for ``select(output)``."""
    m = copy.deepcopy(model).double().eval()
    torch.manual_seed(0)
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(torch.randn_like(p) * 0.2 + 0.01)
    x = torch.randn(1, *shape, dtype=torch.float64, requires_grad=True)
    captured = {}

    def hook(mod, args, out):
        captured["y"] = out
        raise _Stop

    handle = dict(m.named_modules())[layer].register_forward_hook(hook)
    try:
        m(x)
    except _Stop:
        pass
    finally:
        handle.remove()
    (g,) = torch.autograd.grad(select(captured["y"][0]).sum(), x)
    nz = np.argwhere(g[0].abs().sum(0).numpy() > 0)
    (y0, x0), (y1, x1) = nz.min(0), nz.max(0)
    return int(y0), int(x0), int(y1), int(x1)


def _unit(axes: list[int], y: int, x: int):
    """Selects every channel of unit (y, x) of an output whose grid lies on ``axes``."""

    def select(out: torch.Tensor) -> torch.Tensor:
        return out.select(axes[1], x).select(axes[0], y)

    return select


def _tiny_swin() -> nn.Module:
    torch.manual_seed(0)
    return SwinTransformer(patch_size=[4, 4], embed_dim=8, depths=[2, 2], num_heads=[1, 1],
                           window_size=[4, 4], stochastic_depth_prob=0.0, num_classes=3)


@pytest.mark.parametrize("layer", ["features.1.0", "features.1.1", "features.3.1"])
def test_swin_windows_and_shifted_windows_equal_gradient_support(layer: str) -> None:
    model = _tiny_swin()
    shape = (3, 64, 64)
    row = summarize(model, shape).layer(layer)
    assert row.rf is not None and row.rf_axes == [0, 1]  # channels last: H, W, C
    assert not row.rf.uniform  # windows: units in one window share one field
    h, w = row.output_shape[0], row.output_shape[1]
    for unit in [(0, 0), (h // 2, w // 2 - 1), (h - 1, 1), (h - 1, w - 1)]:
        expected = tuple(int(round(v)) for v in row.rf.rect(*unit, input_hw=shape[-2:]).clipped)
        assert _support(model, shape, layer, _unit(row.rf_axes, *unit)) == expected, (layer, unit)


def test_swin_layers_are_never_null_and_the_last_stage_sees_everything() -> None:
    s = summarize(_tiny_swin(), (3, 64, 64))
    spatial = [r for r in s.layers if r.call and r.output_shape and len(r.output_shape) == 3]
    assert spatial and all(r.rf is not None for r in spatial)
    # Stage 2 is 8×8 tokens with 4×4 windows: the first block's field is its window.
    assert not s.layer("features.3.0.attn").rf.sees_all


def test_maxvit_block_and_grid_attention_are_tracked() -> None:
    torch.manual_seed(0)
    model = MaxVit(input_size=(64, 64), stem_channels=8, partition_size=4, block_channels=[8, 16],
                   block_layers=[1, 1], head_dim=4, stochastic_depth_prob=0.0, num_classes=3)
    s = summarize(model, (3, 64, 64))
    spatial = [r for r in s.layers if r.call and r.output_shape and len(r.output_shape) >= 2 and r.key != "classifier.5"]
    nulls = [r.key for r in spatial if r.rf is None and len(r.output_shape) >= 2]
    assert not nulls
    # Window partitions put positions in the batch and the tokens: no grid axes there.
    part = s.layer("blocks.0.layers.0.layers.window_attention.partition_op")
    assert part.rf_axes is None and part.output_shape == [16, 16, 8]
    back = s.layer("blocks.0.layers.0.layers.window_attention")
    assert back.rf_axes == [1, 2]


def test_squeeze_excitation_sees_everything_and_keeps_its_local_field() -> None:
    model = efficientnet_b0()
    shape = (3, 64, 64)
    s = summarize(model, shape)
    row = s.layer("features.2")
    assert row.rf.sees_all and s.to_dict()["layers"][s.layers.index(row)]["rf"]["global"] is True
    assert not s.layer("features.0").rf.sees_all  # before the first SE block
    h, w = row.output_shape[-2:]
    unit = (h // 2, w // 2)
    # Through the SE scale the unit depends on every pixel …
    assert _support(model, shape, "features.2", _unit([1, 2], *unit)) == (0, 0, shape[1] - 1, shape[2] - 1)
    # … and the local field is what is left when the SE scale is a constant.
    local = copy.deepcopy(model)
    for mod in list(local.modules()):
        for child_name, child in list(mod.named_children()):
            if isinstance(child, SqueezeExcitation):
                setattr(mod, child_name, nn.Identity())
    expected = tuple(int(round(v)) for v in row.rf.rect(*unit, input_hw=shape[-2:]).clipped)
    assert _support(local, shape, "features.2", _unit([1, 2], *unit)) == expected
    assert not summarize(local, shape).layer("features.2").rf.sees_all


def test_vit_tokens_keep_the_patch_field_and_see_everything_after_attention() -> None:
    torch.manual_seed(0)
    model = VisionTransformer(image_size=32, patch_size=8, num_layers=2, num_heads=1, hidden_dim=8,
                              mlp_dim=8, num_classes=3)
    shape = (3, 32, 32)
    s = summarize(model, shape)
    patches = s.layer("conv_proj").rf
    assert patches.size == (8, 8) and not patches.sees_all
    before = s.layer("encoder.dropout")  # tokens + class token + position embedding, no attention yet
    after = s.layer("encoder.layers.encoder_layer_0")
    assert before.rf_axes is None and after.rf_axes is None  # positions are spread over tokens
    assert not before.rf.sees_all and before.rf.size == (8, 8)
    assert after.rf.sees_all and after.rf.size == (8, 8)  # local: the token's own patch
    token = 1 + 2 * 4 + 3  # grid position (2, 3); token 0 is the class token

    def pick(out: torch.Tensor) -> torch.Tensor:
        return out[token]

    assert _support(model, shape, "encoder.dropout", pick) == (16, 24, 23, 31)
    assert _support(model, shape, "encoder.layers.encoder_layer_0", pick) == (0, 0, 31, 31)


class _Resampling(nn.Module):
    """conv → upsample (mode) → conv, and a TResNet-style space-to-depth → conv."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.up = nn.Upsample(scale_factor=2, mode=mode)
        self.after = nn.Conv2d(4, 4, 3, padding=1)
        self.s2d_conv = nn.Conv2d(4 * 16, 4, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.after(self.up(self.conv(x)))
        n, c, h, w = y.shape
        z = y.view(n, c, h // 4, 4, w // 4, 4).permute(0, 3, 5, 1, 2, 4).reshape(n, c * 16, h // 4, w // 4)
        return self.s2d_conv(z)


@pytest.mark.parametrize("mode", ["nearest", "bilinear"])
def test_upsampling_and_space_to_depth_equal_gradient_support(mode: str) -> None:
    model = _Resampling(mode)
    shape = (3, 12, 12)
    s = summarize(model, shape)
    for layer in ("up", "after", "s2d_conv"):
        row = s.layer(layer)
        assert row.rf is not None and row.rf_axes == [1, 2], layer
        h, w = row.output_shape[-2:]
        for unit in [(0, 0), (h // 2, w // 2 - 1), (h - 1, w - 1), (1, 2)]:
            expected = tuple(int(round(v)) for v in row.rf.rect(*unit, input_hw=shape[-2:]).clipped)
            assert _support(model, shape, layer, _unit([1, 2], *unit)) == expected, (layer, unit)
    assert not s.layer("up").rf.uniform  # nearest ×2: unit pairs share one field
