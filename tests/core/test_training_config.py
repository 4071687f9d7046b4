"""Hyperparameters are validated before step one; run specs parse as documented."""

from __future__ import annotations

import pytest
import torch

from cnnviz.core.errors import ConfigError
from cnnviz.core.training import (
    RunConfig,
    TrainSetup,
    get_optimizer,
    list_optimizers,
    parse_run_spec,
)
from cnnviz.core.training.presets import get_preset, list_presets


@pytest.mark.parametrize(
    ("optimizer", "hparams", "fragment"),
    [
        ("sgd", {"lr": -0.1}, "lr = -0.1"),
        ("adam", {"lr": 0.0}, "lr = 0"),
        ("adam", {"beta1": 1.0}, "beta1 = 1"),
        ("adamw", {"beta2": -0.01}, "beta2"),
        ("momentum", {"momentum": 1.5}, "momentum"),
        ("rmsprop", {"eps": 0.0}, "eps"),
        ("sgd", {"weight_decay": -1e-4}, "weight_decay"),
        ("adam", {"lr": float("nan")}, "finite"),
        ("adam", {"lr": "fast"}, "finite"),
        ("adam", {"betas": (0.9, 1.2)}, "beta2"),
    ],
)
def test_invalid_hyperparameters_are_refused(optimizer: str, hparams: dict, fragment: str) -> None:
    with pytest.raises(ConfigError, match="outside|finite|must") as info:
        RunConfig("r", optimizer, hparams).validated()
    assert fragment in str(info.value)


def test_unknown_names_suggest_the_closest() -> None:
    with pytest.raises(ConfigError, match="Did you mean momentum"):
        get_optimizer("momentm")
    with pytest.raises(ConfigError, match="Did you mean beta1"):
        get_optimizer("adam").validate({"beta_1": 0.9})


def test_every_registered_optimizer_builds_its_torch_class_with_its_values() -> None:
    expected = {"sgd": torch.optim.SGD, "momentum": torch.optim.SGD, "nesterov": torch.optim.SGD,
                "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop,
                "adadelta": torch.optim.Adadelta, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}
    assert [s.name for s in list_optimizers()] == list(expected)
    p = [torch.nn.Parameter(torch.zeros(2))]
    for spec in list_optimizers():
        opt = spec.build(p, {"lr": 0.123})
        assert type(opt) is expected[spec.name]
        assert opt.param_groups[0]["lr"] == 0.123
    assert get_optimizer("nesterov").build(p, {}).defaults["nesterov"] is True
    adam = get_optimizer("adam").build(p, {"beta1": 0.5, "beta2": 0.9})
    assert adam.defaults["betas"] == (0.5, 0.9)


def test_run_spec_parsing() -> None:
    run = parse_run_spec("adam:lr=1e-3,beta2=0.99,bs=32,schedule=cosine,min_lr_ratio=0.1,model.dropout=0.5")
    assert run.optimizer == "adam" and run.hparams["lr"] == 1e-3 and run.hparams["beta2"] == 0.99
    assert run.batch_size == 32 and run.schedule == "cosine" and run.schedule_params == {"min_lr_ratio": 0.1}
    assert run.model_kwargs == {"dropout": 0.5}
    assert parse_run_spec("adam:betas=(0.8,0.9)").hparams["beta1"] == 0.8
    assert parse_run_spec("sgd:lr=0.05,name=plain").name == "plain"
    with pytest.raises(ConfigError, match="lr = -1"):
        parse_run_spec("sgd:lr=-1")
    with pytest.raises(ConfigError, match="key=value"):
        parse_run_spec("sgd:0.1")
    with pytest.raises(ConfigError, match="schedule"):
        parse_run_spec("sgd:schedule=wavy")


def test_setup_validation() -> None:
    with pytest.raises(ConfigError, match="epochs"):
        TrainSetup(epochs=0).validated()
    with pytest.raises(ConfigError, match="batch size"):
        TrainSetup(batch_size=-4).validated()
    with pytest.raises(ConfigError, match="batch size"):
        RunConfig("r", "sgd", batch_size=0).validated()


SINGLE_RUN_LESSONS = {"digits"}  # train one model, then use it (draw digits at it)


def test_every_preset_is_valid_and_compares_at_least_two_runs() -> None:
    names = [p.name for p in list_presets()]
    assert names[:6] == ["optimizers", "learning_rate", "batch_size", "weight_decay", "batch_norm", "dropout"]
    assert "digits" in names
    for preset in list_presets():
        setup, runs = preset.build()
        setup.validated()
        assert len(runs) >= (1 if preset.name in SINGLE_RUN_LESSONS else 2)
        assert len({r.name for r in runs}) == len(runs)
        for r in runs:
            r.validated()
    _, runs = get_preset("batch_norm").build()
    assert [r.model_kwargs["batch_norm"] for r in runs] == [False, True]


def test_lessons_shown_in_chinese_name_their_runs_in_chinese() -> None:
    for preset in list_presets():
        _, en = preset.build()
        _, zh = preset.build("zh")
        assert [r.optimizer for r in zh] == [r.optimizer for r in en]  # the same runs
        assert len({r.name for r in zh}) == len(zh)
        for a, b in zip(en, zh, strict=True):
            assert b.name == a.name or any("\u4e00" <= c <= "\u9fff" for c in b.name), (a.name, b.name)
    _, zh = get_preset("learning_rate").build("zh")
    assert [r.name for r in zh] == ["lr=1e-3（过小）", "lr=0.05（合适）", "lr=1.5（过大）"]
    _, zh = get_preset("weight_decay").build("zh")
    assert [r.name for r in zh] == ["无衰减", "衰减 2", "衰减 20（过大）"]
