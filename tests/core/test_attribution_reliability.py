"""Clear errors, no hook or mode left behind, no memory growth, cancel and progress, shared passes."""

from __future__ import annotations

import gc
import warnings

import numpy as np
import pytest
import torch
from attribution_nets import image, plain_net, split_net
from torch import nn

from cnnviz.core.attribution import (
    LayerNotSpatialError,
    NoConvLayerError,
    NonFiniteError,
    Target,
    TargetError,
    UnknownMethodError,
    compute,
    compute_many,
    list_methods,
    method_info,
)
from cnnviz.core.errors import CnnvizError
from cnnviz.core.probe import hook_count
from cnnviz.core.progress import Cancelled, CancelToken

ALL = [m.name for m in list_methods()]
CAMS = [m.name for m in list_methods() if m.needs_layer]
NON_CAMS = [m for m in ALL if m not in CAMS]
FAST = {"ig": {"steps": 3}, "smoothgrad": {"samples": 2}, "occlusion": {"window": 4, "stride": 4}}
GRADIENT_USERS = ["gradcam", "gradcampp", "hirescam", "xgradcam", "layercam", "saliency", "gradxinput",
                  "guidedbackprop", "deconvnet", "smoothgrad", "ig"]


def _clean(model: nn.Module) -> None:
    assert hook_count(model) == 0
    assert torch._C._len_torch_function_stack() == 0  # the ReLU-rule mode is gone too


def _one_line(exc: BaseException) -> None:
    assert isinstance(exc, CnnvizError) and "\n" not in str(exc) and str(exc)


def test_registry_names_and_metadata() -> None:
    assert ALL == ["gradcam", "gradcampp", "hirescam", "xgradcam", "layercam", "eigencam", "scorecam", "saliency",
                   "gradxinput", "guidedbackprop", "deconvnet", "smoothgrad", "ig", "occlusion"]
    for info in list_methods():
        assert info.label and info.paper and info.cost and info.family in ("cam", "gradient", "perturbation")
        assert info.needs_layer == (info.family == "cam")
        assert any(year in info.paper for year in ("2014", "2015", "2016", "2017", "2018", "2020", "2021"))
    assert method_info("ig").defaults()["baseline"] == "zeros"
    with pytest.raises(UnknownMethodError, match="Did you mean gradcam"):
        method_info("gradcma")
    with pytest.raises(UnknownMethodError, match="unknown option 'stepz'"):
        compute("ig", plain_net(), image(), stepz=3)
    with pytest.raises(UnknownMethodError, match="must be one of"):
        compute("ig", plain_net(), image(), baseline="grey")
    with pytest.raises(UnknownMethodError, match=">= 1"):
        compute("smoothgrad", plain_net(), image(), samples=0)


@pytest.mark.parametrize("method", CAMS)
def test_cam_methods_refuse_models_without_convolutions(method: str) -> None:
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 5), nn.ReLU(), nn.Linear(5, 3)).eval()
    with pytest.raises(NoConvLayerError, match="no convolutional layer") as info:
        compute(method, mlp, image())
    _one_line(info.value)
    _clean(mlp)


@pytest.mark.parametrize("method", CAMS)
@pytest.mark.parametrize("layer", ["6", "5"])  # the linear layer; the flattened map
def test_cam_methods_refuse_layers_without_a_map(method: str, layer: str) -> None:
    model = plain_net()
    with pytest.raises(LayerNotSpatialError, match="no spatial output") as info:
        compute(method, model, image(), layer=layer)
    _one_line(info.value)
    _clean(model)


@pytest.mark.parametrize("method", ALL)
def test_every_method_refuses_a_class_out_of_range(method: str) -> None:
    model = plain_net(classes=4)
    with pytest.raises(TargetError, match="Class 4 is out of range: the model has 4 classes") as info:
        compute(method, model, image(), 4, **FAST.get(method, {}))
    _one_line(info.value)
    with pytest.raises(TargetError, match="out of range"):
        compute(method, model, image(), Target.unit("3", 9), **FAST.get(method, {}))
    _clean(model)


@pytest.mark.parametrize("method", ALL)
def test_every_method_refuses_nan_outputs(method: str) -> None:
    model = plain_net()
    with torch.no_grad():
        model[6].weight[0, 0] = float("nan")
    with pytest.raises(NonFiniteError, match="NaN or infinite") as info:
        compute(method, model, image(), 1, **FAST.get(method, {}))
    _one_line(info.value)
    _clean(model)


class _NanGrad(nn.Module):
    """The identity forward, NaN backward: ``x + 0·sqrt(x − x)`` (0 · ∞ in the derivative)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + 0 * torch.sqrt(x - x)


@pytest.mark.parametrize("method", GRADIENT_USERS)
def test_gradient_methods_refuse_nan_gradients(method: str) -> None:
    torch.manual_seed(0)
    model = nn.Sequential(_NanGrad(), nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), _NanGrad(), nn.Flatten(),
                          nn.Linear(4 * 8 * 8, 2)).eval()
    x = image()
    with torch.no_grad():
        assert torch.isfinite(model(x)).all()
    with pytest.raises(NonFiniteError, match="gradients") as info:
        compute(method, model, x, 0, layer="2", **FAST.get(method, {}))
    _one_line(info.value)
    _clean(model)


class _Bomb(nn.Module):
    """Raises on its ``after``-th call: an exception in the middle of a method's passes."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after, self.calls = after, 0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        if self.calls >= self.after:
            raise RuntimeError("boom")
        return x


@pytest.mark.parametrize("method", ALL)
@pytest.mark.parametrize("after", [1, 2])
def test_no_hook_or_mode_is_left_after_success_or_failure(method: str, after: int) -> None:
    net = plain_net()
    model = nn.Sequential(_Bomb(after), *net).eval()
    opts = {**FAST.get(method, {}), **({"batch_size": 1} if method in ("ig", "smoothgrad", "occlusion", "scorecam") else {})}
    target = Target.unit("4", 1) if method != "eigencam" else None
    if after == 1 or method in ("ig", "smoothgrad", "occlusion", "scorecam"):  # fails in a later pass
        with pytest.raises(CnnvizError, match="boom"):
            compute(method, model, image(), target, layer="4", **opts)
    else:  # one pass: it runs
        compute(method, model, image(), target, layer="4", **opts)
    _clean(model)
    compute(method, net, image(), Target.unit("3", 1), layer="3", **FAST.get(method, {}))
    _clean(net)


def test_five_hundred_maps_leave_no_tensor_behind() -> None:
    model = split_net(seed=1)
    x = image()
    cycle = ["gradcam", "gradcampp", "scorecam", "eigencam", "saliency", "guidedbackprop", "deconvnet", "ig",
             "smoothgrad", "occlusion"]

    def live_tensors() -> int:
        gc.collect()
        with warnings.catch_warnings():  # isinstance() wakes a deprecated torch.distributed alias
            warnings.simplefilter("ignore")
            return sum(1 for o in gc.get_objects() if isinstance(o, torch.Tensor))

    for m in cycle:  # warm caches (the default layer, captum-free lazy imports)
        compute(m, model, x, **FAST.get(m, {}))
    before = live_tensors()
    for i in range(500):
        m = cycle[i % len(cycle)]
        amap = compute(m, model, x, layer="features", **FAST.get(m, {}))
    del amap
    after = live_tensors()
    assert after - before <= 2, (before, after)  # a leak of one graph or map per call would add hundreds
    _clean(model)
    assert all(p.grad is None for p in model.parameters())


def test_cancel_stops_batched_work_and_cleans_up() -> None:
    model = plain_net()
    for method, opts in [("occlusion", {"window": 2, "stride": 1, "batch_size": 1}), ("ig", {"batch_size": 1}),
                         ("smoothgrad", {"batch_size": 1}), ("scorecam", {"batch_size": 1})]:
        token = CancelToken()
        calls = []

        def progress(fraction: float, message: str = "", token: CancelToken = token, calls: list = calls) -> None:
            calls.append(fraction)
            if len(calls) == 2:
                token.cancel()

        with pytest.raises(Cancelled):
            compute(method, model, image(), 0, layer="3", progress=progress, cancel=token, **opts)
        _clean(model)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        compute("gradcam", model, image(), cancel=token)


def test_progress_rises_to_one() -> None:
    seen: list[float] = []
    compute_many(ALL, split_net(), image(), options=FAST, progress=lambda f, m="": seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == pytest.approx(1.0)
    assert all(b >= a - 1e-9 for a, b in zip(seen, seen[1:], strict=False))


def test_maps_of_a_set_equal_maps_alone_and_share_one_pass() -> None:
    model = split_net(seed=2)
    x = image(seed=3)
    together = compute_many(ALL, model, x, options=FAST)
    c = together.target.class_index
    for name in ALL:
        alone = compute(name, model, x, c, **FAST.get(name, {}))
        np.testing.assert_allclose(together.maps[name].map, alone.map, rtol=1e-5, atol=1e-9, err_msg=name)
        assert together.maps[name].target.class_index == c
    shared = [n for n in ALL if n not in ("scorecam", "smoothgrad", "ig", "occlusion")]
    one = compute_many(shared, model, x)
    assert one.forward_passes == 1 and one.backward_passes == 3  # plain, guided, deconv
    assert compute_many(["gradcam", "gradcampp", "hirescam"], model, x).backward_passes == 1


def test_non_strict_sets_collect_errors_and_keep_the_rest() -> None:
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 3)).eval()
    result = compute_many(["gradcam", "saliency", "occlusion"], mlp, image(), strict=False, options=FAST)
    assert set(result.maps) == {"saliency", "occlusion"}
    assert isinstance(result.errors["gradcam"], NoConvLayerError)
    model = plain_net()
    result = compute_many(["gradcam", "saliency"], model, image(), layer="6", strict=False)
    assert isinstance(result.errors["gradcam"], LayerNotSpatialError) and "saliency" in result.maps
    _clean(model)


def test_model_state_is_left_as_it_was() -> None:
    model = split_net()
    model.train()
    model.head.eval()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    compute_many(ALL, model, image(), options=FAST)
    assert model.training and not model.head.training and model.features.training
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert all(p.grad is None for p in model.parameters())


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(CnnvizError, match=r"\[1, C, H, W\]"):
        compute("saliency", plain_net(), torch.randn(2, 3, 8, 8))
    with pytest.raises(CnnvizError, match="floating-point"):
        compute("saliency", plain_net(), torch.zeros(1, 3, 8, 8, dtype=torch.long))
    with pytest.raises(CnnvizError, match="Unknown layer"):
        compute("gradcam", plain_net(), image(), layer="nope")
    with pytest.raises(TargetError, match="class scores"):
        compute("saliency", nn.Sequential(nn.Conv2d(3, 2, 3)).eval(), image())
