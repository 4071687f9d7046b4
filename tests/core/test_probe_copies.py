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
    res = capture(model, x, ["conv1", "bn1"])
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


def test_batchnorms_shaped_by_something_else_are_not_replayed() -> None:
    x = torch.randn(1, 3, 8, 8)
    half = nn.BatchNorm2d(4)  # weight kept, bias removed by hand
    half.weight.data.fill_(3.0)
    half.bias = None
    wrapped = nn.BatchNorm2d(4)
    plain_forward = wrapped.forward
    wrapped.forward = lambda t: plain_forward(t) * 2  # an instance-level override
    for bn in (half, wrapped):
        model = nn.Sequential(nn.Conv2d(3, 4, 3), bn)
        assert torch.equal(capture(model, x, "all").layers["1"], _eager_clones(model.eval(), x)["1"])
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4))
    handle = nn.modules.module.register_module_forward_hook(
        lambda m, a, o: o * 2 if isinstance(m, nn.BatchNorm2d) else None
    )
    try:
        assert torch.equal(capture(model, x, "all").layers["1"], _eager_clones(model.eval(), x)["1"])
    finally:
        handle.remove()


class _NoisyResidual(nn.Module):
    """``x += conv(bn(x))`` after a random layer: the BatchNorm's input is written in the same pass."""

    def __init__(self) -> None:
        super().__init__()
        self.stem, self.noise = nn.Conv2d(3, 4, 3), nn.Dropout(0.0)
        self.bn, self.conv = nn.BatchNorm2d(4), nn.Conv2d(4, 4, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x) + torch.randn(1, 4, 6, 6)
        x = self.noise(x)
        x += self.conv(self.bn(x))
        return x


def test_a_write_into_a_replays_input_runs_it_in_the_same_pass(monkeypatch) -> None:
    model = _randomise_batchnorms(_NoisyResidual())
    passes: list[int] = []
    model.register_forward_pre_hook(lambda *a: passes.append(1))
    redo: list[object] = []
    monkeypatch.setattr(probe, "_capture_cloned", lambda *a: redo.append(a))
    for _ in range(2):  # watched by the mode, then copied from the plan
        passes.clear()
        res = capture(model, torch.randn(1, 3, 8, 8), ["stem", "noise", "bn"])
        with torch.no_grad():
            assert torch.equal(res.layers["bn"], model.bn(res.layers["noise"]))
        assert len(passes) == 1 and not redo, "one pass: a random model gives one consistent capture"


def test_nothing_captured_depends_on_the_callers_tensors_afterwards() -> None:
    import numpy as np

    model = _randomise_batchnorms(nn.Sequential(nn.BatchNorm2d(3), nn.Identity(), nn.Conv2d(3, 4, 3)))
    frame = np.random.default_rng(0).random((1, 3, 8, 8)).astype(np.float32)
    x = torch.from_numpy(frame)  # a webcam frame buffer the next frame is decoded into
    want = _eager_clones(model, x)
    res = capture(model, x, "all")
    frame[:] = 0
    x.mul_(2)
    assert torch.equal(res.layers["0"], want["0"]) and torch.equal(res.layers["1"], want["1"])

    class PositionalNorm(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.pos, self.bn = nn.Parameter(torch.randn(1, 4, 5)), nn.BatchNorm1d(4)

        def forward(self, t: torch.Tensor) -> torch.Tensor:
            return t + self.bn(self.pos)

    net = PositionalNorm().eval()
    res = capture(net, torch.randn(2, 4, 5), "all")
    with torch.no_grad():
        want_bn = net.bn(net.pos).clone()
        net.pos.add_(0.1)  # an optimizer step before the user looks
    assert torch.equal(res.layers["bn"], want_bn)


class _ClampOddWidths(nn.Module):
    """Writes into its input through ``.data`` (no version bump), only for odd widths."""

    def forward(self, t: torch.Tensor) -> torch.Tensor:
        if t.shape[-1] % 2:
            t.data.clamp_(min=0)
        return t


def test_a_plan_learned_on_one_input_shape_is_not_used_for_another() -> None:
    model = nn.Sequential(nn.Conv2d(3, 4, 3), _ClampOddWidths(), nn.Conv2d(4, 4, 1)).eval()
    capture(model, torch.randn(1, 3, 10, 10), "all")  # even width: nothing is written
    x = torch.randn(1, 3, 11, 11)
    want = _eager_clones(model, x)["0"]
    res = capture(model, x, "all")
    assert torch.equal(res.layers["0"], want) and (res.layers["0"] < 0).any()


def test_big_replays_can_run_ahead_of_reading() -> None:
    model = _randomise_batchnorms(build_model("resnet18"))
    res = capture(model, torch.randn(1, 3, 64, 64), "leaves")
    layers = res.layers
    big = 64 * 32 * 32 * 4  # bn1: 64 channels of 32×32
    ran = layers.run_replays(min_bytes=big)
    assert ran == ["bn1"] and not layers.is_deferred("bn1") and layers.is_deferred("layer1.0.bn1")
    assert layers.run_replays() and not layers.deferred()
