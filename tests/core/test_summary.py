"""Layer math checked against torchvision's published figures, torchinfo and hand-worked formulas."""

from __future__ import annotations

import json

import pytest
import torch
import torchinfo
import torchvision.models as tvm
from torch import nn

from cnnviz.core import geometry as geo
from cnnviz.core.models import build_model
from cnnviz.core.summary import summarize


@pytest.mark.parametrize("name", ["alexnet", "vgg11", "resnet18", "resnet50", "mobilenet_v2", "resnext50_32x4d"])
def test_totals_equal_torchvisions_published_params_and_ops(name: str) -> None:
    meta = tvm.get_model_weights(name).DEFAULT.meta
    s = summarize(build_model(name), (3, 224, 224))
    assert s.total_params == meta["num_params"]
    # torchvision's `_ops` is GMACs of conv + linear layers, rounded to 3 decimals.
    assert round(s.total_macs / 1e9, 3) == pytest.approx(meta["_ops"], abs=0.0011)


def test_params_of_first_calls_sum_to_the_total() -> None:
    model = build_model("googlenet")
    s = summarize(model, (3, 224, 224))
    assert sum(r.params for r in s.layers if r.call <= 1) == sum(p.numel() for p in model.parameters())
    # The auxiliary classifiers only run in training mode: listed, marked as not run.
    aux = s.layer("aux1.conv.conv")
    assert aux.call == 0 and aux.output_shape is None and aux.params == 128 * 512


def test_alexnet_first_layer_formulas_written_out() -> None:
    s = summarize(build_model("alexnet"), (3, 224, 224))
    conv1 = s.layer("features.0")
    assert conv1.formula == "⌊(224 − 11 + 2·2) / 4⌋ + 1 = 55"
    assert conv1.params_formula == "(11·11·3 + 1)·64 = 23,296"
    assert conv1.params == 23296 and conv1.output_shape == [64, 55, 55]
    assert conv1.params_trainable == 23296 and conv1.params_frozen == 0
    assert conv1.macs == 55 * 55 * 64 * 11 * 11 * 3  # hand-worked
    assert conv1.output_bytes == 64 * 55 * 55 * 4
    fc = s.layer("classifier.6")
    assert fc.params_formula == "(4096 + 1)·1000 = 4,097,000"
    assert fc.formula is None and fc.macs == 4096 * 1000


def test_shapes_and_params_agree_with_torchinfo() -> None:
    model = build_model("resnet18")
    ours = summarize(model, (3, 224, 224))
    theirs = torchinfo.summary(model, input_size=(1, 3, 224, 224), verbose=0, depth=10)
    t_rows = {(i.var_name, i.get_layer_name(False, False)): i for i in theirs.summary_list}
    leaf_params = {r.name: r.params for r in ours.layers if r.is_leaf and r.call == 1}
    conv_out = {r.name: r.output_shape for r in ours.layers if r.type == "Conv2d"}
    t_conv = [tuple(i.output_size[1:]) for i in theirs.summary_list if i.class_name == "Conv2d"]
    assert len(conv_out) == 20
    assert sorted(map(tuple, conv_out.values())) == sorted(t_conv)
    assert sum(leaf_params.values()) == theirs.total_params
    assert t_rows  # torchinfo produced rows


def test_grouped_and_dilated_convolutions() -> None:
    model = nn.Sequential(
        nn.Conv2d(8, 16, 3, padding=2, dilation=2, groups=4),
        nn.Conv2d(16, 16, (3, 5), stride=(2, 1), padding=(1, 2), bias=False),
        nn.MaxPool2d(3, stride=2, ceil_mode=True),
    )
    s = summarize(model, (8, 20, 20))
    g = s.layer("0")
    assert g.output_shape == [16, 20, 20]
    assert g.params == (3 * 3 * 2 + 1) * 16 == sum(p.numel() for p in model[0].parameters())
    assert g.params_formula == "(3·3·(8/4) + 1)·16 = 304"
    assert g.formula == "⌊(20 + 2·2 − 2·(3 − 1) − 1) / 1⌋ + 1 = 20"
    assert g.macs == 20 * 20 * 16 * (8 // 4) * 9
    r = s.layer("1")
    assert r.output_shape == [16, 10, 20]
    assert r.formula == "H: ⌊(20 − 3 + 2·1) / 2⌋ + 1 = 10; W: ⌊(20 − 5 + 2·2) / 1⌋ + 1 = 20"
    assert r.params_formula == "(3·5·16)·16 = 3,840"
    p = s.layer("2")
    assert p.output_shape == [16, 5, 10]
    assert p.formula.startswith("H: ⌈(10 − 3 + 2·0) / 2⌉ + 1 = 5")


@pytest.mark.parametrize(
    ("n", "k", "s", "p", "d", "ceil"),
    [(224, 11, 4, 2, 1, False), (7, 3, 2, 1, 1, True), (6, 3, 2, 1, 1, True), (5, 2, 2, 0, 1, True),
     (13, 3, 1, 1, 2, False), (31, 4, 3, 1, 1, True)],
)
def test_window_output_size_equals_pytorch(n: int, k: int, s: int, p: int, d: int, ceil: bool) -> None:
    pool = nn.MaxPool2d(k, stride=s, padding=p, dilation=d, ceil_mode=ceil)
    assert geo.window_output_size(n, k, s, p, d, ceil) == pool(torch.zeros(1, 1, n, n)).shape[-1]


def test_branching_graphs_list_every_module_in_execution_order() -> None:
    s = summarize(build_model("googlenet"), (3, 224, 224))
    keys = [r.key for r in s.layers]
    assert keys.index("inception3a.branch1") < keys.index("inception3a.branch4") < keys.index("inception3b")
    assert s.layer("inception3a").output_shape == [256, 28, 28]  # 64 + 128 + 32 + 32 channels
    r = summarize(build_model("resnet18"), (3, 224, 224))
    down = r.layer("layer2.0.downsample.0")
    assert down.formula == "⌊(56 − 1 + 2·0) / 2⌋ + 1 = 28"
    assert r.layer("layer1.0.relu#2").call == 2  # torchvision reuses one ReLU per block


def test_json_document_has_the_promised_fields() -> None:
    s = summarize(build_model("lenet5"), (1, 32, 32), name="lenet5")
    d = json.loads(s.to_json())
    assert {"model", "input_shape", "total_params", "trainable_params", "total_macs", "layers"} <= set(d)
    row = d["layers"][0]
    for key in ("name", "type", "depth", "input_shape", "output_shape", "params", "macs", "kernel_size",
                "stride", "padding", "dilation", "rf", "formula"):
        assert key in row
    assert row["rf"] == {"size": [5, 5], "jump": [1, 1], "start": [2, 2], "global": False, "uniform": True}
    flat = next(r for r in d["layers"] if r["type"] == "Flatten")
    assert flat["kernel_size"] is None and flat["rf"] is None and flat["formula"] is None


def test_frozen_parameters_are_counted_apart() -> None:
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Conv2d(4, 4, 3))
    for p in model[0].parameters():
        p.requires_grad_(False)
    s = summarize(model, (3, 8, 8))
    assert s.layer("0").params_frozen == 3 * 3 * 3 * 4 + 4
    assert s.layer("1").params_frozen == 0 and s.layer("1").params_trainable == 4 * 4 * 9 + 4
    assert s.trainable_params == 4 * 4 * 9 + 4


def test_table_markdown_and_csv_render() -> None:
    s = summarize(build_model("lenet5"), (1, 32, 32))
    assert "⌊(32 − 5 + 2·0) / 1⌋ + 1 = 28" in s.to_table()
    assert s.to_markdown().startswith("| Layer")
    assert s.to_csv().splitlines()[1].startswith("C1,C1,Conv2d")


def test_running_totals() -> None:
    s = summarize(build_model("lenet5"), (1, 32, 32))
    params, macs = s.running_totals("C3")
    assert params == 156 + 2416
    assert macs == 6 * 28 * 28 * 25 + 16 * 10 * 10 * 6 * 25
    with pytest.raises(KeyError):  # an unknown layer is an error, never the whole model's totals
        s.running_totals("C3x")


def test_transposed_convolution_formulas() -> None:
    up = nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)
    s = summarize(nn.Sequential(up), (8, 7, 7))
    row = s.layer("0")
    assert row.output_shape == [4, 14, 14]
    assert row.formula == "(7 − 1)·2 − 2·1 + 1·(3 − 1) + 1 + 1 = 14"
    assert row.params == sum(p.numel() for p in up.parameters()) == 3 * 3 * 4 * 8 + 4
    assert row.params_formula.endswith(f"= {3 * 3 * 4 * 8 + 4:,} (weights + one bias per output channel)")
    assert row.macs == 7 * 7 * 8 * 4 * 9  # every input element spreads over a kernel per output channel


class _DataDependent(nn.Module):
    """A forward that reads a value, which the meta device cannot do."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.conv(x)
        return y * 2 if float(y.mean()) >= 0 else y


def test_models_that_read_values_are_measured_on_the_real_device() -> None:
    s = summarize(_DataDependent(), (1, 8, 8))
    assert s.layer("conv").output_shape == [2, 6, 6]
    assert s.layer("conv").rf.size == (3, 3)
    assert len([r for r in s.layers if r.name == "conv"]) == 1  # the meta attempt left no rows behind


class _FunctionalBlock(nn.Module):
    """Weights as bare parameters, applied with F.conv2d and a matmul (no Conv2d / Linear module)."""

    def __init__(self) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.randn(6, 3, 3, 3))
        self.mix = nn.Parameter(torch.randn(10, 10))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = torch.nn.functional.conv2d(x, self.weight, padding=1)  # 6×10×10
        return y @ self.mix  # mixes the width: 6·10·10·10 MACs


class _FunctionalNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.block = _FunctionalBlock()
        self.head = nn.Parameter(torch.randn(4, 600))
        self.bias = nn.Parameter(torch.zeros(4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.linear(self.block(x).flatten(1), self.head, self.bias)


def test_functional_convolutions_and_matmuls_with_parameters_are_counted() -> None:
    s = summarize(_FunctionalNet(), (3, 10, 10))
    conv = 10 * 10 * 6 * 3 * 3 * 3  # output elements × C_in × kernel
    mix = 6 * 10 * 10 * 10
    head = 600 * 4  # biases excluded
    assert s.layer("block").macs == conv + mix  # charged to the module whose forward ran them
    assert s.own_macs == head  # the model's own forward
    assert s.total_macs == conv + mix + head
    assert s.to_dict()["own_macs"] == head


def test_attention_products_are_charged_to_the_attention_module() -> None:
    mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
    s = summarize(mha_wrapper(mha), (5, 8))
    tokens, e = 5, 8
    projections = 3 * tokens * e * e + tokens * e * e  # in_proj (q, k, v) + out_proj, via F.linear
    products = 2 * tokens * tokens * e  # q·kᵀ and attention·v over both heads
    assert s.layer("mha").macs == projections + products
    assert s.layer("mha.out_proj").call == 0  # the module never runs as a module …
    assert s.total_macs == projections + products  # … yet its work is counted


def mha_wrapper(mha: nn.Module) -> nn.Module:
    class Wrap(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.mha = mha

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.mha(x, x, x, need_weights=False)[0]

    return Wrap()
