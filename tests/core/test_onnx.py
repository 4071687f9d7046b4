"""ONNX files as models: exported here by torch.onnx, loaded back through onnx2torch.

Independent references: the torch model the file was exported from (logits,
parameter counts, the summary of the original), and files crafted with
``onnx.helper`` for the refusals.
"""

from __future__ import annotations

import os
import warnings

import numpy as np
import pytest
import torch
import torchvision
from torch import nn

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnx2torch")

from onnx import TensorProto, helper  # noqa: E402

from cnnviz.core.attribution.cam import grad_cam  # noqa: E402
from cnnviz.core.errors import ModelError, WeightsError  # noqa: E402
from cnnviz.core.models import build_model, get_spec  # noqa: E402
from cnnviz.core.models import onnx as onnx_source  # noqa: E402
from cnnviz.core.probe import capture, hook_count  # noqa: E402
from cnnviz.core.summary import summarize  # noqa: E402
from cnnviz.core.weights import load_model  # noqa: E402


class SmallNet(nn.Module):
    """Conv / BN / ReLU / pool / linear, freshly initialised (equal BN tensors, as exporters see them)."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 16, 3, stride=2, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(16)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.bn1(self.conv1(x)))
        x = torch.relu(self.bn2(self.conv2(x)))
        return self.fc(torch.flatten(self.pool(x), 1))


class ChannelsLast(nn.Module):
    """SmallNet fed N, H, W, C (as TensorFlow exports are)."""

    def __init__(self, inner: nn.Module) -> None:
        super().__init__()
        self.inner = inner

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.inner(x.permute(0, 3, 1, 2))


def _export(model: nn.Module, x: torch.Tensor, path, **kw) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model.eval(), (x,), str(path), dynamo=False, do_constant_folding=False, **kw)
    return str(path)


def _randomise_norm_stats(model: nn.Module) -> nn.Module:
    g = torch.Generator().manual_seed(1)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(torch.rand(m.weight.shape, generator=g) + 0.5)
                m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.1)
                m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) + 0.5)
    return model.eval()


def _layer_shapes(model: nn.Module, shape) -> list[tuple[str, list[int]]]:
    s = summarize(model, shape)
    return [(r.type, r.output_shape) for r in s.layers if r.type in ("Conv2d", "BatchNorm2d", "Linear")]


def test_resnet18_round_trip_logits_params_and_layer_shapes(tmp_path) -> None:
    torch.manual_seed(0)
    ref = _randomise_norm_stats(torchvision.models.resnet18())
    x = torch.randn(2, 3, 112, 112)
    path = _export(ref, x[:1], tmp_path / "resnet18.onnx")
    spec = get_spec(path)
    assert spec.source == "onnx" and spec.input_shape == (3, 112, 112) and spec.num_classes == 1000
    assert spec.details["layout"] == "nchw" and spec.details["channel_order"] == "rgb"
    model = build_model(path).eval()
    with torch.no_grad():
        assert torch.allclose(model(x[:1]), ref(x[:1]), atol=1e-4)
    assert sum(p.numel() for p in model.parameters()) == sum(p.numel() for p in ref.parameters())
    assert _layer_shapes(model, (3, 112, 112)) == _layer_shapes(ref, (3, 112, 112))
    s = summarize(model, (3, 112, 112))
    conv1 = next(r for r in s.layers if r.type == "Conv2d")
    assert conv1.formula == "⌊(112 − 7 + 2·3) / 2⌋ + 1 = 56" and conv1.rf is not None
    assert s.total_macs == summarize(ref, (3, 112, 112)).total_macs


def test_small_net_with_shared_initializers_runs_every_view(tmp_path) -> None:
    torch.manual_seed(0)
    ref = SmallNet().eval()  # fresh BatchNorms: the exporter stores equal tensors once (Identity nodes)
    x = torch.randn(1, 3, 32, 32)
    path = _export(ref, x, tmp_path / "small.onnx")
    assert any(n.op_type == "Identity" for n in onnx.load(path).graph.node)
    model = build_model(path).eval()
    with torch.no_grad():
        assert torch.allclose(model(x), ref(x), atol=1e-4)
    assert sum(p.numel() for p in model.parameters()) == sum(p.numel() for p in ref.parameters())
    assert _layer_shapes(model, (3, 32, 32)) == _layer_shapes(ref, (3, 32, 32))
    # Activations: every leaf captured, hooks gone afterwards.
    result = capture(model, x, "leaves")
    conv = next(n for n, m in model.named_modules() if isinstance(m, nn.Conv2d))
    assert result.get(conv).shape == (1, 8, 32, 32) and hook_count(model) == 0
    # Kernels are the original ones.
    kernels = [m.weight for m in model.modules() if isinstance(m, nn.Conv2d)]
    assert torch.equal(kernels[0], ref.conv1.weight.detach())
    # Grad-CAM equals the original's on the same layer.
    second = [n for n, m in model.named_modules() if isinstance(m, nn.Conv2d)][1]
    ours = grad_cam(model, x, second, class_index=2)
    theirs = grad_cam(ref, x, "conv2", class_index=2)
    assert np.allclose(ours.layer_map, theirs.layer_map, atol=1e-4)


def test_weights_come_with_the_file(tmp_path) -> None:
    path = _export(SmallNet(), torch.randn(1, 3, 32, 32), tmp_path / "small.onnx")
    loaded = load_model(path)
    assert loaded.report.source == "weights from small.onnx" and loaded.report.complete
    with pytest.raises(WeightsError, match="brings its own weights"):
        load_model(path, "pretrained")


def test_channels_last_input_is_read_from_the_file_and_fed_channels_first(tmp_path) -> None:
    torch.manual_seed(0)
    inner = SmallNet().eval()
    x = torch.randn(1, 3, 24, 40)
    path = _export(ChannelsLast(inner), x.permute(0, 2, 3, 1), tmp_path / "nhwc.onnx")
    spec = get_spec(path)
    assert spec.input_shape == (3, 24, 40) and spec.details["layout"] == "nhwc"
    model = build_model(path).eval()
    with torch.no_grad():
        assert torch.allclose(model(x), inner(x), atol=1e-4)
    # The user overrides what the file says.
    bgr = load_model(path, model_kwargs={"channel_order": "bgr", "input_shape": "3,48,80"})
    assert bgr.spec.input_shape == (3, 48, 80) and bgr.spec.details["channel_order"] == "bgr"
    with torch.no_grad():
        assert torch.allclose(bgr.model(x), inner(x.flip(1)), atol=1e-4)


@pytest.mark.slow
def test_dynamo_exports_are_folded_and_lowered_to_a_known_opset(tmp_path) -> None:
    torch.manual_seed(0)
    ref = SmallNet().eval()
    x = torch.randn(1, 3, 32, 32)
    path = str(tmp_path / "dyn.onnx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(ref, (x,), path, dynamo=True, optimize=False, verbose=False)
    model = build_model(path).eval()
    with torch.no_grad():
        assert torch.allclose(model(x), ref(x), atol=1e-4)


def _graph_with(nodes, inputs, outputs, initializers=(), opset=17):
    graph = helper.make_graph(nodes, "g", inputs, outputs, initializer=list(initializers))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset), helper.make_opsetid("com.example", 1)])


def test_unsupported_operators_are_named_in_one_line(tmp_path) -> None:
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 8, 8])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, 8, 8])
    nodes = [
        helper.make_node("Relu", ["x"], ["a"]),
        helper.make_node("Frobnicate", ["a"], ["b"], domain="com.example"),
        helper.make_node("Wibble", ["b"], ["y"], domain="com.example"),
    ]
    path = tmp_path / "odd.onnx"
    onnx.save(_graph_with(nodes, [x], [y]), str(path))
    with pytest.raises(ModelError) as err:
        build_model(str(path))
    text = err.value.one_line()
    assert "com.example.Frobnicate (opset 1)" in text and "com.example.Wibble (opset 1)" in text
    assert "Relu" not in text and "\n" not in str(err.value)


def test_untrusted_files_are_refused(tmp_path) -> None:
    with pytest.raises(ModelError, match="not found"):
        get_spec(str(tmp_path / "missing.onnx"))
    folder = tmp_path / "folder.onnx"
    folder.mkdir()
    with pytest.raises(ModelError, match="folder"):
        get_spec(str(folder))
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.onnx"
        os.mkfifo(fifo)
        with pytest.raises(ModelError, match="not a regular file"):
            get_spec(str(fifo))  # must not block waiting for a writer
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"\xff\x00 certainly not protobuf" * 10)
    with pytest.raises(ModelError, match="not an ONNX model|no ONNX graph"):
        get_spec(str(junk))
    empty = tmp_path / "empty.onnx"
    empty.write_bytes(b"")
    with pytest.raises(ModelError, match="empty"):
        get_spec(str(empty))


def test_oversized_files_are_refused(tmp_path, monkeypatch) -> None:
    path = _export(SmallNet(), torch.randn(1, 3, 16, 16), tmp_path / "small.onnx")
    monkeypatch.setattr(onnx_source, "MAX_ONNX_BYTES", os.path.getsize(path) - 1)
    onnx_source._spec_cached.cache_clear()
    with pytest.raises(ModelError, match="reads at most"):
        get_spec(path)


def _model_with_external_weight(location: str):
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 4, 4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3, 4, 4])
    w = helper.make_tensor("w", TensorProto.FLOAT, [1], [2.0])
    w.ClearField("float_data")
    w.data_location = TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", "4")):
        entry = w.external_data.add()
        entry.key, entry.value = key, value
    return _graph_with([helper.make_node("Mul", ["x", "w"], ["y"])], [x], [y], [w])


@pytest.mark.parametrize("location", ["../outside.bin", "/etc/passwd", "sub/../../outside.bin", "link.bin"])
def test_external_data_outside_the_models_folder_is_refused(tmp_path, location) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    outside = tmp_path / "outside.bin"
    outside.write_bytes(np.float32(2.0).tobytes())
    (folder / "link.bin").symlink_to(outside)
    path = folder / "m.onnx"
    path.write_bytes(_model_with_external_weight(location).SerializeToString())
    with pytest.raises(ModelError, match="refused"):
        get_spec(str(path))


def test_external_data_inside_the_folder_is_read(tmp_path) -> None:
    (tmp_path / "w.bin").write_bytes(np.float32(3.0).tobytes())
    path = tmp_path / "m.onnx"
    path.write_bytes(_model_with_external_weight("w.bin").SerializeToString())
    model = onnx_source.read_onnx(path)
    assert onnx.numpy_helper.to_array(model.graph.initializer[0]).tolist() == [3.0]
