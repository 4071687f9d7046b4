"""How the probe keeps captures intact cheaply: BatchNorm replays, learned copy plans, the safety net."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from cnnviz.core import probe
from cnnviz.core.captured import CapturedLayers
from cnnviz.core.models import build_model
from cnnviz.core.probe import capture


def _randomise_batchnorms(model: nn.Module) -> nn.Module:
    """Non-trivial running statistics, so a BatchNorm is not close to the identity."""
    gen = torch.Generator().manual_seed(1)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=gen))
            m.running_var.copy_(torch.rand(m.num_features, generator=gen) + 0.5)
            m.weight.data.copy_(torch.randn(m.num_features, generator=gen))
            m.bias.data.copy_(torch.randn(m.num_features, generator=gen))
    return model.eval()


def _eager_clones(model: nn.Module, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every leaf output cloned the moment it is produced: the obvious, slow way."""
    outs: dict[str, torch.Tensor] = {}
    calls: dict[str, int] = {}

    def make(name: str):
        def hook(module: nn.Module, args: tuple, out: torch.Tensor) -> None:
            calls[name] = calls.get(name, 0) + 1
            outs[name if calls[name] == 1 else f"{name}#{calls[name]}"] = out.clone()

        return hook

    leaves = [(n, m) for n, m in model.named_modules() if n and not any(True for _ in m.children())]
    handles = [m.register_forward_hook(make(n)) for n, m in leaves]
    try:
        with torch.no_grad():
            model(x)
    finally:
        for h in handles:
            h.remove()
    return outs


def test_every_resnet_leaf_equals_an_eager_clone_bit_for_bit() -> None:
    model = _randomise_batchnorms(build_model("resnet18"))
    x = torch.randn(1, 3, 64, 64)
    expected = _eager_clones(model, x)
    for attempt in range(2):  # the first capture learns the copy plan, the second uses it
        res = capture(model, x, "leaves")
        assert list(res.layers) == list(expected)
        if attempt == 1:
            assert res.layers.is_deferred("bn1") and res.layers.is_deferred("layer4.1.bn2")
        for key, want in expected.items():
            assert torch.equal(res.layers[key], want), key
        assert not res.layers.deferred(), "reading every layer ran every replay"


def test_a_replay_uses_the_statistics_of_capture_time() -> None:
    model = _randomise_batchnorms(build_model("resnet18"))
    x = torch.randn(1, 3, 32, 32)
    want = _eager_clones(model, x)["bn1"]
    res = capture(model, x, ["bn1"])
    assert res.layers.is_deferred("bn1")
    with torch.no_grad():  # the user loads other weights before looking at the layer
        model.bn1.weight.mul_(3)
        model.bn1.running_mean.add_(1)
    assert torch.equal(res.layers["bn1"], want)


def test_writing_into_a_capture_before_reading_a_replay_is_refused() -> None:
    model = _randomise_batchnorms(build_model("resnet18"))
    res = capture(model, torch.randn(1, 3, 32, 32), ["conv1", "bn1"])
    res.layers["conv1"].zero_()
    with pytest.raises(RuntimeError, match="read-only"):
        res.layers["bn1"]


def test_a_batchnorm_with_another_forward_hook_is_kept_as_it_came_out() -> None:
    model = _randomise_batchnorms(build_model("resnet18"))
    x = torch.randn(1, 3, 32, 32)
    with torch.no_grad():
        plain_bn = model.bn1(model.conv1(x))
    handle = model.bn1.register_forward_hook(lambda m, a, out: out * 2)
    try:
        res = capture(model, x, ["bn1"])
        assert not res.layers.is_deferred("bn1")
        assert torch.equal(res.layers["bn1"], plain_bn * 2)
    finally:
        handle.remove()


def _count_mode_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen = [0]
    original = probe._CopyOnWrite.__torch_function__

    def counting(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        seen[0] += 1
        return original(self, func, types, args, kwargs)

    monkeypatch.setattr(probe._CopyOnWrite, "__torch_function__", counting)
    return seen


def test_the_second_capture_copies_from_the_learned_plan_without_watching_ops(monkeypatch) -> None:
    seen = _count_mode_calls(monkeypatch)
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(inplace=True), nn.Conv2d(4, 2, 1)).eval()
    x = torch.randn(1, 3, 12, 12)
    with torch.no_grad():
        conv = model[0](x)
    first = capture(model, x, "all")
    watched = seen[0]
    assert watched > 0 and first.copied == ["0"]
    second = capture(model, x, "all")
    assert seen[0] == watched, "no op went through the copy-on-write mode"
    for res in (first, second):
        assert torch.equal(res.layers["0"], conv), "the in-place ReLU did not reach the capture"
        assert (res.layers["0"] < 0).any()
        assert torch.equal(res.layers["1"], conv.clamp_min(0))


class _WritesWhenArmed(nn.Module):
    """Adds 1 in place to its input, but only once armed: a plan learned earlier misses it."""

    def __init__(self) -> None:
        super().__init__()
        self.armed = False

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.add_(1) if self.armed else x + 1


def test_a_write_the_plan_did_not_foresee_is_caught_and_redone(monkeypatch) -> None:
    model = nn.Sequential(nn.Conv2d(3, 4, 3), _WritesWhenArmed()).eval()
    x = torch.randn(1, 3, 8, 8)
    with torch.no_grad():
        conv = model[0](x)
    capture(model, x, "all")  # learns: nothing needs copying
    model[1].armed = True
    calls = []
    real = probe._capture_cloned
    monkeypatch.setattr(probe, "_capture_cloned", lambda *a: calls.append(a) or real(*a))
    res = capture(model, x, "all")
    assert calls, "the version check sent the layer to the eager second pass"
    assert torch.equal(res.layers["0"], conv)
    assert torch.equal(res.layers["1"], conv + 1)
    calls.clear()
    again = capture(model, x, "all")
    assert not calls, "the plan now copies it in the hook"
    assert torch.equal(again.layers["0"], conv)


def test_layers_on_their_device_move_without_running_replays() -> None:
    model = _randomise_batchnorms(build_model("resnet18"))
    res = capture(model, torch.randn(1, 3, 32, 32), ["conv1", "bn1"])
    layers = res.layers
    assert isinstance(layers, CapturedLayers)
    assert layers.to("cpu") is layers and layers.is_deferred("bn1")
    assert layers.nbytes() == 2 * 64 * 16 * 16 * 4
    assert layers.deferred_nbytes() == 64 * 16 * 16 * 4
    moved = layers.to("meta")  # another device: everything is read (replays run) and moved
    assert moved is not layers and moved["bn1"].device.type == "meta"
    assert moved["bn1"].shape == layers["bn1"].shape and not layers.deferred()
