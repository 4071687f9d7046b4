"""Every listed model at its listed default input: published operation counts, fields, defaults.

For each torchvision classifier the summary's MACs are compared with
torchvision's published ``_ops`` (weights metadata, GMACs rounded to three
decimals) and its parameters with ``num_params``; every row whose output
depends on the input (an independent check: ``requires_grad`` of the module
outputs in an autograd pass on the meta device) and has a spatial or token
layout must have a receptive field. Our classics are summarised at their
defaults too.

Models are built with their big tensors on the meta device (no memory, no
weight initialisation), which is what makes the whole zoo affordable. The
default run takes a sample that covers every kind (plain CNNs, SE blocks,
channel shuffles, concatenations, ViT, Swin v1 / v2, MaxViT, and vit_h_14,
whose listed default once did not build); ``CNNVIZ_FULL_ZOO=1`` runs all of them.
"""

from __future__ import annotations

import math
import os

import pytest
import torch
import torchvision.models as tvm
from torch import nn
from torch.func import functional_call
from torch.overrides import TorchFunctionMode

from cnnviz.core.models import get_spec, list_models
from cnnviz.core.probe import call_key, first_tensor
from cnnviz.core.summary import summarize

ATTENTION_FAMILIES = ("vit", "swin", "swin_v2", "maxvit")
SAMPLE = [
    "alexnet", "resnet18", "densenet121", "googlenet", "inception_v3", "mobilenet_v3_small",
    "shufflenet_v2_x0_5", "efficientnet_b0", "regnet_y_400mf", "convnext_tiny", "squeezenet1_0",
    "vit_b_32", "vit_h_14", "swin_t", "swin_v2_t", "maxvit_t",
]
FULL = os.environ.get("CNNVIZ_FULL_ZOO") == "1"
TORCHVISION = sorted(tvm.list_models(module=tvm)) if FULL else SAMPLE


class _BigTensorsOnMeta(TorchFunctionMode):
    """Factory calls of 4096+ elements without a device go to the meta device.

    Unlike ``torch.device("meta")`` this leaves the small tensors some
    builders compute with (RegNet's widths, ``.tolist()``) real.
    """

    FACTORIES = {torch.empty, torch.zeros, torch.ones, torch.randn, torch.rand, torch.full}

    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = dict(kwargs or {})
        if func in self.FACTORIES and kwargs.get("device") is None:
            size = args[0] if len(args) == 1 and isinstance(args[0], tuple | list | torch.Size) else args
            if func is torch.full:
                size = args[0]
            try:
                n = math.prod(int(s) for s in size)
            except (TypeError, ValueError):
                n = 0
            if n >= 4096:
                kwargs["device"] = "meta"
        return func(*args, **kwargs)


def _build_light(name: str) -> nn.Module:
    spec = get_spec(name)
    with _BigTensorsOnMeta():
        return spec.builder(**spec.build_kwargs).eval()


def _input_dependent(model: nn.Module, shape: tuple[int, ...]) -> dict[str, bool]:
    """Call key -> whether that call's output depends on the input (autograd on meta tensors)."""
    swapped = {n: torch.empty_like(t, device="meta") for n, t in
               [*model.named_parameters(remove_duplicate=False), *model.named_buffers(remove_duplicate=False)]}
    calls: dict[str, int] = {}
    found: dict[str, bool] = {}
    handles = []

    def hook_for(name: str):
        def hook(module, args, out):
            calls[name] = calls.get(name, 0) + 1
            t = first_tensor(out)
            found[call_key(name, calls[name])] = t is not None and t.requires_grad

        return hook

    try:
        for name, module in model.named_modules():
            if name:
                handles.append(module.register_forward_hook(hook_for(name)))
        x = torch.zeros((1, *shape), device="meta", requires_grad=True)
        with torch.enable_grad():
            functional_call(model, swapped, (x,), strict=False)
    finally:
        for h in handles:
            h.remove()
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", TORCHVISION)
def test_torchvision_classifier_at_its_default_input(name: str) -> None:
    spec = get_spec(name)
    meta = tvm.get_model_weights(name).DEFAULT.meta
    model = _build_light(name)
    s = summarize(model, spec.input_shape)  # the listed default builds and runs
    ran = sum(r.params for r in s.layers if r.call == 1)  # GoogLeNet's published count leaves out its aux heads
    assert meta["num_params"] in (s.total_params, ran)
    gmacs = s.total_macs / 1e9
    tolerance = 0.05 if spec.family in ATTENTION_FAMILIES else 0.01
    # Published figures are rounded to 3 decimals: tiny nets get that rounding as slack.
    assert abs(gmacs - meta["_ops"]) <= max(tolerance * meta["_ops"], 0.0005), (gmacs, meta["_ops"])
    depends = _input_dependent(model, spec.input_shape)
    missing = [
        r.key for r in s.layers
        if r.call >= 1 and depends.get(r.key) and r.output_shape and len(r.output_shape) >= 2 and r.rf is None
    ]
    assert not missing, missing[:5]


@pytest.mark.parametrize("spec", [s for s in list_models() if s.source == "cnnviz"], ids=lambda s: s.name)
def test_our_classics_at_their_default_input(spec) -> None:
    s = summarize(_build_light(spec.name), spec.input_shape)
    assert s.layers[-1].output_shape == [spec.num_classes]
    assert all(r.rf is not None for r in s.layers if r.call and r.output_shape and len(r.output_shape) == 3)
