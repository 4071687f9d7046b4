"""The one optimizer registry: real torch.optim classes, checked hyperparameters, parsing, help."""

from __future__ import annotations

import inspect
import math
import re

import pytest
import torch

from cnnviz.core import optimizers as registry
from cnnviz.core.errors import ConfigError
from cnnviz.core.optimizers import (
    HyperparameterError,
    UnknownOptimizerError,
    get_optimizer,
    list_optimizers,
    make_optimizer,
    parse_optimizer_spec,
    split_spec,
)

# What each name must build, with non-default values for every hyperparameter and the
# constructor arguments torch must then hold, written out by hand.
CASES = {
    "sgd": (torch.optim.SGD, {"lr": 0.2, "weight_decay": 0.3},
            {"lr": 0.2, "weight_decay": 0.3, "momentum": 0, "nesterov": False}),
    "momentum": (torch.optim.SGD, {"lr": 0.2, "momentum": 0.7, "dampening": 0.1, "weight_decay": 0.3},
                 {"lr": 0.2, "momentum": 0.7, "dampening": 0.1, "weight_decay": 0.3, "nesterov": False}),
    "nesterov": (torch.optim.SGD, {"lr": 0.2, "momentum": 0.7, "weight_decay": 0.3},
                 {"lr": 0.2, "momentum": 0.7, "dampening": 0, "weight_decay": 0.3, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad,
                {"lr": 0.2, "lr_decay": 0.5, "initial_accumulator_value": 0.25, "eps": 1e-5, "weight_decay": 0.3},
                {"lr": 0.2, "lr_decay": 0.5, "initial_accumulator_value": 0.25, "eps": 1e-5, "weight_decay": 0.3}),
    "rmsprop": (torch.optim.RMSprop, {"lr": 0.2, "alpha": 0.8, "eps": 1e-5, "momentum": 0.5, "weight_decay": 0.3},
                {"lr": 0.2, "alpha": 0.8, "eps": 1e-5, "momentum": 0.5, "weight_decay": 0.3}),
    "adadelta": (torch.optim.Adadelta, {"lr": 2.0, "rho": 0.8, "eps": 1e-5, "weight_decay": 0.3},
                 {"lr": 2.0, "rho": 0.8, "eps": 1e-5, "weight_decay": 0.3}),
    "adam": (torch.optim.Adam, {"lr": 0.2, "beta1": 0.5, "beta2": 0.9, "eps": 1e-5, "weight_decay": 0.3},
             {"lr": 0.2, "betas": (0.5, 0.9), "eps": 1e-5, "weight_decay": 0.3}),
    "adamw": (torch.optim.AdamW, {"lr": 0.2, "beta1": 0.5, "beta2": 0.9, "eps": 1e-5, "weight_decay": 0.3},
              {"lr": 0.2, "betas": (0.5, 0.9), "eps": 1e-5, "weight_decay": 0.3}),
}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _param() -> list[torch.nn.Parameter]:
    return [torch.nn.Parameter(torch.zeros(3))]


def test_the_registry_holds_the_eight_optimizers_in_order() -> None:
    assert [s.name for s in list_optimizers()] == list(CASES)
    assert registry.optimizer_names() == list(CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_every_optimizer_builds_its_torch_class_with_the_given_values(name: str) -> None:
    cls, values, expected = CASES[name]
    spec = get_optimizer(name)
    assert spec.torch_class is cls
    assert sorted(values) == sorted(h.name for h in spec.hparams)  # the table covers every hyperparameter
    opt = spec.build(_param(), values)
    assert type(opt) is cls
    for key, value in expected.items():
        assert opt.defaults[key] == value, key
        assert opt.param_groups[0][key] == value, key


@pytest.mark.parametrize("name", list(CASES))
def test_defaults_are_torchs_own_except_momentum(name: str) -> None:
    """Independent of our table: the torch constructor's signature."""
    spec = get_optimizer(name)
    signature = inspect.signature(spec.torch_class).parameters
    for h in spec.hparams:
        if name in ("momentum", "nesterov") and h.name == "momentum":
            assert h.default == 0.9  # the point of these two entries
            continue
        if h.name in ("beta1", "beta2"):
            torch_default = signature["betas"].default[0 if h.name == "beta1" else 1]
        else:
            torch_default = signature[h.name].default
        assert h.default == torch_default, (name, h.name)
        assert h.contains(h.default), (name, h.name)
    built = spec.build(_param())  # no values: every default
    assert built.defaults["lr"] == spec.hparam("lr").default


def test_betas_are_accepted_as_torch_spells_them() -> None:
    adam = get_optimizer("adam")
    assert adam.build(_param(), {"betas": (0.8, 0.95)}).defaults["betas"] == (0.8, 0.95)
    assert adam.validate({"betas": [0.8, 0.95], "beta2": 0.5})["beta2"] == 0.5  # the explicit one wins
    with pytest.raises(HyperparameterError, match="betas must be two numbers"):
        adam.validate({"betas": (0.9,)})
    with pytest.raises(HyperparameterError, match="beta1"):
        get_optimizer("sgd").validate({"betas": (0.9, 0.99)})


@pytest.mark.parametrize("name", list(CASES))
def test_every_range_refuses_values_beyond_its_ends(name: str) -> None:
    spec = get_optimizer(name)
    for h in spec.hparams:
        below = h.low - max(1e-3, abs(h.low) * 1e-3)
        with pytest.raises(HyperparameterError, match=re.escape(h.name)):
            spec.validate({h.name: below})
        if h.low_inclusive:
            assert spec.validate({h.name: h.low})[h.name] == h.low
        else:
            with pytest.raises(HyperparameterError, match=re.escape(f"{h.name} = {h.low:g} is outside")):
                spec.validate({h.name: h.low})
        if math.isinf(h.high):
            assert spec.validate({h.name: 1e9})[h.name] == 1e9
            continue
        with pytest.raises(HyperparameterError, match=re.escape(h.name)):
            spec.validate({h.name: h.high + max(1e-3, h.high * 1e-3)})
        if h.high_inclusive:
            assert spec.validate({h.name: h.high})[h.name] == h.high
        else:
            with pytest.raises(HyperparameterError, match=re.escape(h.range_text())):
                spec.validate({h.name: h.high})


def test_specific_ranges_match_what_torch_and_the_lessons_need() -> None:
    assert get_optimizer("adam").hparam("beta1").range_text() == "[0, 1)"
    assert get_optimizer("sgd").hparam("lr").range_text() == "(0, ∞)"
    assert get_optimizer("nesterov").hparam("momentum").range_text() == "(0, 1)"  # torch: Nesterov needs > 0
    assert get_optimizer("adadelta").hparam("rho").range_text() == "[0, 1]"
    assert get_optimizer("adamw").validate({"weight_decay": 20.0})["weight_decay"] == 20.0  # the weight-decay lesson
    with pytest.raises(HyperparameterError, match="momentum = 0 is outside"):
        get_optimizer("nesterov").build(_param(), {"momentum": 0.0})


def test_non_numbers_are_refused_and_every_problem_is_in_one_message() -> None:
    adam = get_optimizer("adam")
    for bad in (float("nan"), float("inf"), "fast", True, None):
        with pytest.raises(HyperparameterError, match="must be a finite number"):
            adam.validate({"lr": bad})
    with pytest.raises(HyperparameterError) as info:
        adam.validate({"lr": -1.0, "beta2": 1.5, "beta_1": 0.9})
    message = str(info.value)
    assert "lr = -1 is outside (0, ∞)" in message
    assert "beta2 = 1.5 is outside [0, 1)" in message
    assert "no hyperparameter 'beta_1'" in message and "Did you mean beta1" in message
    assert isinstance(info.value, ConfigError)
    assert adam.validate({"lr": 1}) == {**adam.defaults(), "lr": 1.0}  # ints are numbers too


def test_name_lookup_is_forgiving_and_suggests_close_names() -> None:
    assert get_optimizer(" Adam ").name == "adam"
    assert get_optimizer("SGD-momentum").name == "momentum"
    assert get_optimizer("nag").name == "nesterov"
    assert get_optimizer("rms-prop").name == "rmsprop"
    with pytest.raises(UnknownOptimizerError, match="Did you mean momentum"):
        get_optimizer("momentm")
    with pytest.raises(UnknownOptimizerError, match=r"Unknown optimizer 'lion'\. Known: sgd, momentum") as info:
        get_optimizer("lion")
    assert "Did you mean" not in str(info.value)


def test_spec_strings_parse_to_the_given_values() -> None:
    assert parse_optimizer_spec("adam") == ("adam", {})
    assert parse_optimizer_spec(" Adam:lr=0.1, beta2=0.99 ") == ("adam", {"lr": 0.1, "beta2": 0.99})
    assert parse_optimizer_spec("adamw:betas=(0.8, 0.9),lr=1e-2") == (
        "adamw", {"lr": 0.01, "beta1": 0.8, "beta2": 0.9})
    assert split_spec("sgd:lr=0.1:name=x", what="run") == ("sgd", [("lr", "0.1"), ("name", "x")])
    with pytest.raises(HyperparameterError, match="key=value in optimizer spec 'adam:0.1'"):
        parse_optimizer_spec("adam:0.1")
    with pytest.raises(HyperparameterError, match="key=value"):
        parse_optimizer_spec("adam:=0.1")
    with pytest.raises(HyperparameterError, match="lr must be a number, got 'fast'"):
        parse_optimizer_spec("adam:lr=fast")
    with pytest.raises(HyperparameterError, match=r"lr = 0 is outside \(0, ∞\)"):
        parse_optimizer_spec("sgd:lr=0")
    with pytest.raises(UnknownOptimizerError, match="Did you mean adam"):
        parse_optimizer_spec("adma:lr=0.1")


def test_make_optimizer_builds_by_name() -> None:
    opt = make_optimizer("rmsprop", _param(), {"alpha": 0.9})
    assert isinstance(opt, torch.optim.RMSprop) and opt.defaults["alpha"] == 0.9


@pytest.mark.parametrize("name", list(CASES))
def test_help_and_descriptions_exist_in_english_and_chinese(name: str) -> None:
    spec = get_optimizer(name)
    assert spec.label and spec.description_en and CJK.search(spec.description_zh)
    for h in spec.hparams:
        assert h.help_en and not CJK.search(h.help_en), h.name
        assert CJK.search(h.help_zh), h.name


def test_with_hparam_adapts_a_copy_and_keeps_defaults_in_range() -> None:
    sgd = get_optimizer("sgd")
    fast = sgd.with_hparam("lr", default=0.05)
    assert fast.defaults()["lr"] == 0.05 and sgd.defaults()["lr"] == 1e-3
    assert fast.build(_param()).defaults["lr"] == 0.05
    capped = sgd.with_hparam("lr", high=10.0, high_inclusive=True)
    with pytest.raises(HyperparameterError, match=r"lr = 11 is outside \(0, 10\]"):
        capped.validate({"lr": 11.0})
    with pytest.raises(ValueError, match="outside"):
        sgd.with_hparam("lr", default=-1.0)
    with pytest.raises(HyperparameterError, match="no hyperparameter 'beta1'"):
        sgd.with_hparam("beta1", default=0.5)


def test_the_train_and_playground_views_share_the_registry() -> None:
    """Same optimizers, hyperparameters and help; only the documented differences."""
    from cnnviz.core import playground
    from cnnviz.core.training import optimizers as training

    assert playground.list_optimizers() == registry.optimizer_names()
    assert [s.name for s in training.list_optimizers()] == registry.optimizer_names()
    for shared in list_optimizers():
        train = training.get_optimizer(shared.name)
        play = playground.get_optimizer_spec(shared.name)
        for view in (train, play):
            assert view.torch_class is shared.torch_class and view.description_zh == shared.description_zh
            assert [(h.name, h.help_en, h.help_zh) for h in view.hparams] == [
                (h.name, h.help_en, h.help_zh) for h in shared.hparams]
        assert train.defaults() == {**shared.defaults(), "lr": training.NETWORK_LR[shared.name]}
        assert play.defaults() == shared.defaults()
        assert play.hyperparam("lr").range_text() == "(0, 1000]"
        # the playground GUI's attribute names read the same values
        assert play.title == play.label and play.hyperparams == play.hparams
        h = play.hyperparam("lr")
        assert (h.minimum, h.maximum, h.min_inclusive, h.max_inclusive) == (0.0, 1000.0, False, True)
    with pytest.raises(HyperparameterError, match=r"lr=2000 is out of range: \(0, 1000\]"):
        playground.make_optimizer("sgd", _param(), {"lr": 2000.0})
    assert training.get_optimizer("sgd").build(_param(), {"lr": 2000.0}).defaults["lr"] == 2000.0
