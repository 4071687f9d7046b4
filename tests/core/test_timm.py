"""timm's zoo as ``timm:NAME``: metadata from timm's pretrained_cfg, counts from timm's own models.

Nothing here downloads: the pretrained path is exercised offline
(``HF_HUB_OFFLINE=1``) and from a Hugging Face cache built in a temporary folder.
"""

from __future__ import annotations

import pytest
import torch

timm = pytest.importorskip("timm")

from cnnviz.core.errors import UnknownModelError, WeightsUnavailableError  # noqa: E402
from cnnviz.core.models import build_model, get_spec, list_models  # noqa: E402
from cnnviz.core.probe import capture, hook_count  # noqa: E402
from cnnviz.core.summary import summarize  # noqa: E402
from cnnviz.core.weights import load_model  # noqa: E402

# A ResNet variant, an EfficientNet and a ConvNeXt, each among the smallest of its kind.
SAMPLE = ["resnet10t", "efficientnet_b0", "convnext_atto"]


def test_cnn_classifiers_are_listed_with_timms_metadata() -> None:
    listed = {s.name: s for s in list_models(source="timm")}
    assert {f"timm:{n}" for n in SAMPLE} <= set(listed)
    assert "timm:vit_base_patch16_224" not in listed  # transformers are not CNNs
    for name in SAMPLE:
        spec = listed[f"timm:{name}"]
        cfg = timm.models.get_pretrained_cfg(name)
        assert spec.input_shape == tuple(cfg.input_size)
        assert spec.num_classes == cfg.num_classes
        assert spec.mean == tuple(cfg.mean) and spec.std == tuple(cfg.std)
        assert spec.has_pretrained and spec.details["hf_hub_id"] == cfg.hf_hub_id
    assert listed["timm:resnet10t"].input_shape == (3, 176, 176)  # not the usual 224: read, not assumed
    assert listed["timm:efficientnet_b0"].family == "efficientnet"
    assert "1905.11946" in listed["timm:efficientnet_b0"].paper  # EfficientNet, not EfficientNetV2
    assert "2201.03545" in listed["timm:convnext_atto"].paper  # A ConvNet for the 2020s


def test_unlisted_timm_models_and_tags_resolve_by_name() -> None:
    spec = get_spec("timm:resnet18.a1_in1k")
    assert spec.details["pretrained_tag"] == "a1_in1k" and spec.source == "timm"
    with pytest.raises(UnknownModelError, match="timm:resnet18"):
        get_spec("timm:resnt18")


@pytest.mark.parametrize("name", SAMPLE)
def test_sample_builds_summarises_and_probes(name: str) -> None:
    model = build_model(f"timm:{name}").eval()
    theirs = timm.create_model(name, pretrained=False)
    assert sum(p.numel() for p in model.parameters()) == sum(p.numel() for p in theirs.parameters())
    s = summarize(model, (3, 64, 64))
    assert s.total_params == sum(p.numel() for p in theirs.parameters())
    assert sum(r.params for r in s.layers if r.call <= 1) == s.total_params
    x = torch.randn(1, 3, 64, 64)
    result = capture(model, x, "leaves")
    with torch.no_grad():
        assert torch.allclose(result.output, model(x), atol=1e-5)
    keys = [r.key for r in s.layers if r.is_leaf and r.call >= 1]
    assert all(result.get(k) is not None for k in keys)
    assert hook_count(model) == 0


def test_timm_resnet50_macs_equal_torchvisions_published_ops() -> None:
    import torchvision.models as tvm

    s = summarize(build_model("timm:resnet50"), (3, 224, 224))
    assert round(s.total_macs / 1e9, 3) == pytest.approx(tvm.ResNet50_Weights.DEFAULT.meta["_ops"], abs=0.0011)


def test_pretrained_offline_says_what_to_download(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", "/nonexistent-cache-for-cnnviz-tests")
    with pytest.raises(WeightsUnavailableError) as err:
        load_model("timm:resnet10t", "pretrained")
    text = str(err.value)
    assert "Cannot download the pretrained weights for timm:resnet10t" in text
    assert "huggingface.co/timm/resnet10t.c3_in1k" in text


def test_pretrained_from_the_hub_cache_loads_without_network(monkeypatch, tmp_path) -> None:
    from safetensors.torch import save_file

    cfg = timm.models.get_pretrained_cfg("resnet10t")
    torch.manual_seed(3)
    source = timm.create_model("resnet10t")
    revision = "0" * 40
    repo = tmp_path / ("models--" + cfg.hf_hub_id.replace("/", "--"))
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(revision)
    snapshot = repo / "snapshots" / revision
    snapshot.mkdir(parents=True)
    save_file({k: v.contiguous() for k, v in source.state_dict().items()}, str(snapshot / "model.safetensors"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    loaded = load_model("timm:resnet10t", "pretrained")
    assert loaded.report.complete and "timm" in loaded.report.source
    assert torch.equal(loaded.model.conv1[0].weight, source.conv1[0].weight)


def test_images_are_normalised_as_timm_says() -> None:
    from cnnviz.core.images import preprocess_for

    pre = preprocess_for(get_spec("timm:inception_v3"))
    cfg = timm.models.get_pretrained_cfg("inception_v3")
    assert pre.mean == tuple(cfg.mean) == (0.5, 0.5, 0.5) and pre.crop_size == tuple(cfg.input_size[1:])
