"""The model registry and our classic nets, checked against the papers' tables."""

from __future__ import annotations

import textwrap

import pytest
import torch
import torchvision.models as tvm
from torch import nn

from cnnviz.core import trust
from cnnviz.core.errors import ModelError, UnknownModelError
from cnnviz.core.models import build_model, get_spec, list_models, model_names

CLASSICS = ["lenet5", "lenet5_modern", "zfnet", "nin", "vgg_small", "resnet18_classifier"]


def test_every_torchvision_classifier_is_listed() -> None:
    assert set(tvm.list_models(module=tvm)) <= set(model_names())


@pytest.mark.parametrize("name", CLASSICS)
def test_classics_run_on_their_default_input(name: str) -> None:
    spec = get_spec(name)
    model = build_model(name).eval()
    with torch.no_grad():
        out = model(torch.randn(1, *spec.input_shape))
    assert out.shape == (1, spec.num_classes)
    assert spec.paper and spec.year and spec.description_en and spec.description_zh
    assert spec.family and spec.introduced
    assert "arXiv" in spec.paper or "Proc." in spec.paper or "CVPR" in spec.paper
    doc = spec.builder.__doc__ or ""
    assert "table" in doc.lower(), "builders cite the paper's layer table"


def test_metadata_of_torchvision_models_comes_from_their_weights() -> None:
    spec = get_spec("resnet50")
    w = tvm.ResNet50_Weights.DEFAULT
    assert spec.top1 == w.meta["_metrics"]["ImageNet-1K"]["acc@1"]
    assert spec.class_names == tuple(w.meta["categories"])
    assert spec.input_shape == (3, 224, 224)
    assert get_spec("inception_v3").input_shape == (3, 299, 299)
    assert spec.year == 2015 and "Residual" in spec.paper


def test_lenet5_matches_the_paper_table() -> None:
    model = build_model("lenet5")
    convs_and_fcs = [m for m in model.modules() if isinstance(m, nn.Conv2d | nn.Linear)]
    counts = [sum(p.numel() for p in m.parameters()) for m in convs_and_fcs]
    # C1 156, C3 2,416 (full connection table), C5 48,120, F6 10,164, OUT 850.
    assert counts == [156, 2416, 48120, 10164, 850]
    assert any(isinstance(m, nn.Tanh) for m in model.modules())
    assert any(isinstance(m, nn.AvgPool2d) for m in model.modules())
    modern = build_model("lenet5_modern")
    assert any(isinstance(m, nn.ReLU) for m in modern.modules())
    assert any(isinstance(m, nn.MaxPool2d) for m in modern.modules())


def test_zfnet_sizes_match_the_paper_table() -> None:
    model = build_model("zfnet").eval()
    sizes = []
    x = torch.zeros(1, 3, 224, 224)
    with torch.no_grad():
        for layer in model.features:
            x = layer(x)
            if isinstance(layer, nn.Conv2d | nn.MaxPool2d):
                sizes.append(x.shape[-1])
    assert sizes == [110, 55, 26, 13, 13, 13, 13, 6]
    first = model.features[0]
    assert first.kernel_size == (7, 7) and first.stride == (2, 2)


def test_nin_has_no_fully_connected_layer() -> None:
    model = build_model("nin", num_classes=10)
    assert not any(isinstance(m, nn.Linear) for m in model.modules())
    assert sum(isinstance(m, nn.Conv2d) and m.kernel_size == (1, 1) for m in model.modules()) == 8
    assert any(isinstance(m, nn.AdaptiveAvgPool2d) for m in model.modules())


def test_resnet18_classifier_takes_any_number_of_classes() -> None:
    model = build_model("resnet18_classifier", num_classes=11).eval()
    assert model(torch.zeros(1, 3, 64, 64)).shape == (1, 11)
    # Same layer shapes as torchvision's resnet18 apart from the head.
    ours = {k: v.shape for k, v in model.state_dict().items() if not k.startswith("fc")}
    theirs = {k: v.shape for k, v in tvm.resnet18().state_dict().items() if not k.startswith("fc")}
    assert ours == theirs


def test_random_weights_are_reproducible_by_seed() -> None:
    a = build_model("lenet5", seed=3).state_dict()
    b = build_model("lenet5", seed=3).state_dict()
    c = build_model("lenet5", seed=4).state_dict()
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert not all(torch.equal(a[k], c[k]) for k in a)


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(UnknownModelError, match="resnet50"):
        get_spec("resnt50")
    assert get_spec("ResNet-18").name == "resnet18"


def test_listing_by_family() -> None:
    assert {s.name for s in list_models(family="lenet")} == {"lenet5", "lenet5_modern"}


def test_user_model_from_a_file(tmp_path) -> None:
    f = tmp_path / "my_net.py"
    f.write_text(
        textwrap.dedent(
            """
            from torch import nn

            class Net(nn.Module):
                '''A tiny user net.'''
                input_shape = (1, 16, 16)

                def __init__(self, num_classes=3):
                    super().__init__()
                    self.conv = nn.Conv2d(1, 4, 3)
                    self.fc = nn.Linear(4 * 14 * 14, num_classes)

                def forward(self, x):
                    return self.fc(self.conv(x).flatten(1))

            def not_a_model():
                return 42
            """
        )
    )
    for name in ("Net", "not_a_model", "Nope"):
        trust.approve_typed(f"{f}:{name}")  # the user's own file, as typed on the command line
    trust.approve_typed(f"{tmp_path / 'missing.py'}:Net")
    spec = get_spec(f"{f}:Net")
    assert spec.input_shape == (1, 16, 16) and spec.source == "custom"
    model = build_model(f"{f}:Net", num_classes=5)
    assert model(torch.zeros(1, 1, 16, 16)).shape == (1, 5)
    with pytest.raises(ModelError, match="not a torch.nn.Module"):
        build_model(f"{f}:not_a_model")
    with pytest.raises(ModelError, match="has no 'Nope'"):
        get_spec(f"{f}:Nope")
    with pytest.raises(ModelError, match="not found"):
        get_spec(f"{tmp_path / 'missing.py'}:Net")


def test_user_model_from_a_module() -> None:
    trust.approve_typed("torchvision.models:resnet18")
    model = build_model("torchvision.models:resnet18", num_classes=7)
    assert model.fc.out_features == 7


def test_the_registry_module_imports_no_model_module() -> None:
    # torchvision's _api pattern: the registry knows nothing of the models; the
    # package __init__ imports the sources, which register themselves.
    import ast
    import inspect

    from cnnviz.core.models import _api

    tree = ast.parse(inspect.getsource(_api))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m.startswith("cnnviz.core.models")}
    assert {s.name for s in _api.sources()} >= {"torchvision", "onnx", "custom", "timm"}
    # Names with colons go to the right source: timm before the custom file.py:Class rule.
    order = [s.name for s in _api.sources()]
    assert order.index("timm") < order.index("custom") and order.index("onnx") < order.index("custom")
