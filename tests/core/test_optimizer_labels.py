"""An optimizer has one name per language: the registry's and the lessons' run names agree."""

from cnnviz.core.optimizers import get_optimizer, list_optimizers
from cnnviz.core.training.presets import list_presets


def test_lesson_runs_named_after_an_optimizer_use_its_registered_names():
    checked = 0
    for preset in list_presets():
        (_, english), (_, chinese) = preset.build("en"), preset.build("zh")
        for en_run, zh_run in zip(english, chinese, strict=True):
            spec = get_optimizer(en_run.optimizer)
            if en_run.name != spec.label:
                continue  # a run named for its setting ("lr=0.05 (good)"), not for its optimizer
            assert zh_run.name == spec.display_label("zh"), (preset.name, en_run.name)
            checked += 1
    assert checked >= 8  # the optimizer race names every optimizer


def test_momentum_is_chinese_and_the_others_keep_their_latin_names():
    labels = {s.name: s.display_label("zh") for s in list_optimizers()}
    assert labels["momentum"] == "动量"
    for name in ("sgd", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw"):
        assert labels[name] == get_optimizer(name).label == get_optimizer(name).display_label("en")
