"""Adding an optimizer, a model or an Explain page is one registration: every table a feature reads is complete."""

from __future__ import annotations

import re

from cnnviz.core.optimizers import list_optimizers
from cnnviz.core.playground.surfaces import get_surface_spec, list_surfaces


def test_every_optimizer_carries_everything_the_tabs_show() -> None:
    specs = list_optimizers()
    assert len(specs) == 8
    colours = [s.color for s in specs]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours), colours
    assert len(set(colours)) == len(colours)  # each optimizer its own colour
    for spec in specs:
        assert spec.description("en") and spec.description("zh") and spec.description("zh") != spec.description("en")
        assert "(0, 0)" not in spec.description("en")  # one text for networks and the plane
        assert spec.hparam("lr").default > 0  # the learning rate a network run starts from
        for h in spec.hparams:
            assert h.help_en and h.help_zh, (spec.name, h.name)
    assert {s.name for s in specs if s.races_by_default} == {"sgd", "momentum", "nesterov", "adagrad", "rmsprop",
                                                             "adam"}


def test_every_surface_suggests_a_learning_rate_for_every_optimizer() -> None:
    names = {s.name for s in list_optimizers()}
    for surface in list_surfaces():
        spec = get_surface_spec(surface)
        assert set(spec.suggested) == names, (surface, names ^ set(spec.suggested))
        assert all(v.get("lr", 0) > 0 for v in spec.suggested.values())


def test_trainable_and_timeline_models_come_from_their_registration() -> None:
    from cnnviz.core.models._api import get_spec, timeline_models, trainable_models

    assert [s.name for s in trainable_models()] == ["lenet5", "lenet5_modern", "vgg_small", "resnet18_classifier"]
    on = timeline_models()
    assert [s.timeline.label for s in on] == ["LeNet-5", "AlexNet", "ZFNet", "VGG-16", "NiN", "GoogLeNet",
                                             "ResNet-18", "ResNet-50", "ResNet-152"]
    assert all(s.timeline.introduced_en and s.timeline.introduced_zh for s in on)
    assert get_spec("resnet18").timeline is not None and not get_spec("resnet34").timeline
