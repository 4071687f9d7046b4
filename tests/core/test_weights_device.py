"""Weights loading (random / file / pretrained through the download boundary) and devices."""

from __future__ import annotations

import io
import os
import urllib.error
import urllib.request

import pytest
import torch
from torch import nn

from cnnviz.core import weights as W
from cnnviz.core.device import is_oom, list_devices, resolve_device, with_cpu_fallback
from cnnviz.core.errors import (
    DeviceError,
    PickleRefusedError,
    WeightsError,
    WeightsUnavailableError,
)
from cnnviz.core.models import build_model


def test_random_weights_follow_the_seed() -> None:
    a = W.load_model("lenet5", "random", seed=1).model.state_dict()
    b = W.load_model("lenet5", "random", seed=1).model.state_dict()
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_state_dict_file_round_trip(tmp_path) -> None:
    src = build_model("lenet5", seed=7)
    path = tmp_path / "lenet.pth"
    torch.save(src.state_dict(), path)
    loaded = W.load_model("lenet5", str(path), seed=0)
    assert loaded.report.complete and loaded.report.loaded == len(src.state_dict())
    assert all(torch.equal(v, loaded.model.state_dict()[k]) for k, v in src.state_dict().items())


def test_checkpoint_wrappers_and_dataparallel_prefixes(tmp_path) -> None:
    src = build_model("lenet5", seed=7)
    path = tmp_path / "ckpt.pt"
    torch.save({"epoch": 3, "state_dict": {f"module.{k}": v for k, v in src.state_dict().items()}}, path)
    sd = W.load_state_dict_file(path)
    assert set(sd) == set(src.state_dict())


def test_weights_for_another_model_are_refused_with_the_keys(tmp_path) -> None:
    path = tmp_path / "vgg.pth"
    torch.save(build_model("vgg_small").state_dict(), path)
    with pytest.raises(WeightsError) as err:
        W.load_model("lenet5", str(path))
    text = str(err.value)
    assert "missing" in text and "not in model" in text and "load only the tensors that fit" in text
    assert "--non-strict" not in text and "--non-strict" in err.value.cli_hint  # the flag only on the CLI


def test_shape_mismatch_listed_and_non_strict_loads_what_fits(tmp_path) -> None:
    other = build_model("lenet5", seed=3, num_classes=7)
    path = tmp_path / "seven.pth"
    torch.save(other.state_dict(), path)
    with pytest.raises(WeightsError, match=r"OUT\.weight file \[7, 84\] vs model \[10, 84\]"):
        W.load_model("lenet5", str(path))
    loaded = W.load_model("lenet5", str(path), strict=False)
    assert [k for k, _, _ in loaded.report.mismatched] == ["OUT.weight", "OUT.bias"]
    assert torch.equal(loaded.model.state_dict()["C1.weight"], other.state_dict()["C1.weight"])


def test_an_old_numbered_lenet5_state_dict_loads_into_the_named_layers(tmp_path) -> None:
    # Files saved before LeNet-5's layers had the paper's names: "0.weight" is now "C1.weight", ...
    src = build_model("lenet5", seed=7)
    new_to_old = {"C1": "0", "C3": "3", "C5": "6", "F6": "9", "OUT": "11"}
    old = {f"{new_to_old[k.split('.')[0]]}.{k.split('.', 1)[1]}": v for k, v in src.state_dict().items()}
    assert sorted(old) == sorted(f"{i}.{p}" for i in (0, 3, 6, 9, 11) for p in ("weight", "bias"))
    path = tmp_path / "old-lenet.pth"
    torch.save(old, path)
    loaded = W.load_model("lenet5", str(path), seed=0)  # strict: every key must find its layer
    assert loaded.report.complete and loaded.report.loaded == len(src.state_dict())
    assert all(torch.equal(v, loaded.model.state_dict()[k]) for k, v in src.state_dict().items())
    fresh = build_model("lenet5", seed=1)
    fresh.load_state_dict(dict(old))  # torch's own loader renames them too
    assert all(torch.equal(v, fresh.state_dict()[k]) for k, v in src.state_dict().items())


def test_random_bytes_and_empty_files_are_refused(tmp_path) -> None:
    junk = tmp_path / "junk.pth"
    junk.write_bytes(os.urandom(4096))
    with pytest.raises(WeightsError, match="not a"):
        W.load_state_dict_file(junk)
    empty = tmp_path / "empty.pth"
    empty.write_bytes(b"")
    with pytest.raises(WeightsError, match="empty"):
        W.load_state_dict_file(empty)
    with pytest.raises(WeightsError, match="not found"):
        W.load_state_dict_file(tmp_path / "nope.pth")
    with pytest.raises(WeightsError, match="folder"):
        W.load_state_dict_file(tmp_path)


def test_pickled_whole_model_needs_trust(tmp_path) -> None:
    path = tmp_path / "whole.pt"
    torch.save(build_model("lenet5", seed=2), path)
    with pytest.raises(PickleRefusedError, match="would run code") as err:
        W.load_model("lenet5", str(path))
    assert "--trust-pickle" in err.value.cli_hint and "--trust-pickle" not in str(err.value)
    loaded = W.load_model("lenet5", str(path), trust_pickle=True)
    assert loaded.report.complete


class _FakeResponse(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.headers = {"Content-Length": str(len(data))}

    def __enter__(self) -> _FakeResponse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def test_pretrained_download_goes_through_the_boundary_and_is_cached(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))
    published = build_model("resnet18", seed=11)
    buf = io.BytesIO()
    torch.save(published.state_dict(), buf)
    calls: list[str] = []

    def fake_urlopen(url: str, timeout: float = 0) -> _FakeResponse:
        calls.append(url)
        return _FakeResponse(buf.getvalue())

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    progress: list[float] = []
    loaded = W.load_model("resnet18", "pretrained", progress=lambda f, m="": progress.append(f))
    assert calls and calls[0].startswith("https://") and calls[0].endswith(".pth")
    assert loaded.weights_enum is not None and loaded.report.complete
    assert torch.equal(loaded.model.fc.weight, published.fc.weight)
    assert progress[-1] == 1.0
    cached = W.hub_checkpoint_dir() / calls[0].rsplit("/", 1)[-1]
    assert cached.exists()
    W.load_model("resnet18", "pretrained")
    assert len(calls) == 1, "a cached file is not downloaded again"


def test_offline_pretrained_names_where_to_put_the_file(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))

    def offline(url: str, timeout: float = 0) -> None:
        raise urllib.error.URLError("Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(WeightsUnavailableError) as err:
        W.load_model("alexnet", "pretrained")
    assert str(tmp_path / "hub" / "checkpoints") in str(err.value)
    checkpoints = tmp_path / "hub" / "checkpoints"
    assert not checkpoints.exists() or not list(checkpoints.iterdir()), "no half-written file left"


def test_our_classics_have_no_pretrained_weights() -> None:
    with pytest.raises(WeightsUnavailableError, match="no pretrained weights for lenet5"):
        W.load_model("lenet5", "pretrained")


def test_device_resolution() -> None:
    assert resolve_device("cpu").type == "cpu"
    assert resolve_device("auto").type in ("cpu", "cuda", "mps")
    assert list_devices()[0].key == "cpu"
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="not available"):
            resolve_device("cuda")
    with pytest.raises(DeviceError, match="Unknown device"):
        resolve_device("tpu:9")


def test_gpu_out_of_memory_falls_back_to_cpu() -> None:
    seen: list[str] = []

    def work(device: torch.device) -> str:
        if device.type == "cuda":
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return device.type

    messages: list[str] = []
    result, used = with_cpu_fallback(lambda d: (seen.append(d.type), work(d))[1], torch.device("cuda"), messages.append)
    assert result == "cpu" and used.type == "cpu" and seen == ["cuda", "cpu"]
    assert "out of memory" in messages[0]
    assert is_oom(RuntimeError("CUDA error: out of memory"))
    with pytest.raises(ValueError):
        with_cpu_fallback(lambda d: (_ for _ in ()).throw(ValueError("bug")), torch.device("cuda"))


def test_module_layers_are_plain_modules() -> None:
    assert isinstance(build_model("nin"), nn.Module)
