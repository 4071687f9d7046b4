"""Model constructor arguments checked before the real build; forward memory found on the meta device."""

from __future__ import annotations

import inspect
import resource

import pytest
import torch
from torch import nn

from cnnviz.core.errors import ModelError, ModelForwardError
from cnnviz.core.footprint import MetaUnsupported, estimate_forward
from cnnviz.core.models import build_model
from cnnviz.core.models.arguments import build_checked, check_arguments
from cnnviz.core.models.classic import lenet5
from cnnviz.core.weights import load_model


def lenet_signature_names() -> list[str]:
    return list(inspect.signature(lenet5).parameters)


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ({"a": 1}, r"num_classes must be a whole number, got dict \{'a': 1\}"),
        ("ten", r"num_classes must be a whole number, got str 'ten'"),
        (2.5, r"num_classes must be a whole number, got float 2\.5"),
        (-3, r"lenet5 cannot be built with num_classes=-3: .*negative dimension -3"),
        (10**30, r"lenet5 cannot be built with num_classes=1000000000000000000000000000000"),
    ],
)
def test_wrong_values_name_the_argument_and_what_the_model_takes(value, pattern) -> None:
    with pytest.raises(ModelError, match=pattern) as info:
        load_model("lenet5", model_kwargs={"num_classes": value})
    if "cannot be built" in pattern:
        assert all(name in str(info.value) for name in lenet_signature_names())


def test_an_argument_the_model_does_not_take_lists_those_it_does() -> None:
    with pytest.raises(ModelError, match=r"lenet5 has no argument 'num_class'\. It takes: ") as info:
        check_arguments("lenet5", {"num_class": 5})
    assert all(name in str(info.value) for name in lenet_signature_names())


def test_a_huge_model_is_refused_with_its_true_parameter_count() -> None:
    # lenet5's parameters grow linearly with num_classes: a + b·n, measured on two small builds.
    p1 = sum(p.numel() for p in build_model("lenet5", num_classes=1).parameters())
    p2 = sum(p.numel() for p in build_model("lenet5", num_classes=2).parameters())
    n = 10**11
    expected = p1 + (p2 - p1) * (n - 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ModelError, match=f"would have {expected:,} parameters"):
        build_checked("lenet5", num_classes=n)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 500_000  # the weights (34 TB) were never allocated


def test_constructor_value_errors_are_reported() -> None:
    with pytest.raises(ModelError, match=r"vgg_small cannot be built with dropout=2\.0: dropout probability"):
        build_checked("vgg_small", dropout=2.0)
    with pytest.raises(ModelError, match=r"resnet18 cannot be built with num_classes=-1"):
        build_checked("resnet18", num_classes=-1)


def test_checked_builds_equal_plain_builds_and_leave_the_generator_alone() -> None:
    a = build_checked("vgg_small", seed=3, num_classes=5, batch_norm=True)
    b = build_model("vgg_small", seed=3, num_classes=5, batch_norm=True)
    for (ka, va), (kb, vb) in zip(a.state_dict().items(), b.state_dict().items(), strict=True):
        assert ka == kb and torch.equal(va, vb)
    torch.manual_seed(11)
    c = build_checked("lenet5", seed=None, num_classes=4)
    torch.manual_seed(11)
    d = build_model("lenet5", seed=None, num_classes=4)  # the meta build drew no random numbers
    assert all(torch.equal(x, y) for x, y in zip(c.parameters(), d.parameters(), strict=True))


# --------------------------------------------------------------------------- footprint


def test_meta_estimate_equals_the_real_outputs() -> None:
    model = build_model("lenet5").eval()
    real = []
    handles = [m.register_forward_hook(lambda _m, _i, o: real.append(o.numel() * o.element_size()))
               for m in model.modules()]
    try:
        with torch.no_grad():
            model(torch.zeros(1, 1, 32, 32))
    finally:
        for h in handles:
            h.remove()
    fp = estimate_forward(model, (1, 32, 32))
    assert fp.activation_bytes == sum(real)
    assert fp.input_bytes == 32 * 32 * 4
    assert fp.parameter_bytes == sum(t.numel() * 4 for t in model.state_dict().values())
    assert not model._forward_hooks and not model._forward_pre_hooks
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in model.modules())


def test_a_channel_mismatch_on_a_huge_input_fails_without_allocating() -> None:
    model = build_model("lenet5")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ModelForwardError, match=r"layer 'C1' \(Conv2d\).*expects 1 input channel, got 3"):
        estimate_forward(model, (3, 27000, 27000))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 500_000  # KiB; real: 8.6 GB


class ReadsValues(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.sum() > 0:  # data-dependent: impossible on meta
            return x
        return -x


def test_a_model_that_reads_values_is_unsupported_on_meta() -> None:
    with pytest.raises(MetaUnsupported):
        estimate_forward(ReadsValues(), (3, 8, 8))


def test_a_seed_among_the_model_arguments_is_refused_with_a_message_not_a_type_error():
    """"seed" is the loader's own argument: from a user or a file it once crashed the call with a TypeError."""
    from cnnviz.core.errors import ConfigError, ModelError
    from cnnviz.core.training.config import RunConfig, TrainSetup
    from cnnviz.core.weights import load_model

    with pytest.raises(ModelError, match="'seed' is not a model argument"):
        load_model("lenet5", model_kwargs={"seed": 0})
    with pytest.raises(ConfigError, match="'seed' is not a model argument"):
        TrainSetup(model_kwargs={"seed": 1}).validated()
    with pytest.raises(ConfigError, match="'seed' is not a model argument"):
        RunConfig("a", model_kwargs={"seed": 1}).validated()
    assert load_model("lenet5", model_kwargs={"num_classes": 3}, seed=4).model is not None
