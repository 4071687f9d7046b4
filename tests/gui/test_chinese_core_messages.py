"""Errors and notes of lessons, settings, models, training, the atlas and attribution read in Chinese.

Each message is produced for real by the core function a user reaches (a file of
another kind, a bad argument, a wrong setting), then shown through the compiled
``cnnviz_zh_CN.qm`` as the window shows it: the Chinese template with the message's
own values, no English word left. The command line's English text is checked too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import numpy as np
import pytest
from test_i18n import untranslated_words  # tests/gui is on the path (rootdir-less test modules)

from cnnviz.core.atlas.featvis import preset
from cnnviz.core.attribution.targets import parse_target
from cnnviz.core.errors import CnnvizError
from cnnviz.core.explain.sliding import PoolAnimation
from cnnviz.core.models.arguments import check_arguments
from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.sweeps import parse_lr_grid
from cnnviz.gui.i18n import error_text, set_language, translate_message

pytestmark = pytest.mark.gui

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp):
    assert set_language(qapp, "zh")
    yield
    set_language(qapp, "en")


def _raised(call: Callable[[], object]) -> CnnvizError:
    with pytest.raises(CnnvizError) as info:
        call()
    return info.value


def _check(text: str, values: tuple[str, ...], code: tuple[str, ...] = ()) -> None:
    """Chinese ``text`` that keeps ``values``; ``code`` (syntax, type names) may stay as it is."""
    assert HAN.search(text), text
    for value in values:
        assert value in text, (value, text)
    data = values + code
    assert not untranslated_words(text, phrases=data), (text, untranslated_words(text, phrases=data))


def test_a_foreign_lesson_is_refused_in_chinese_and_english(chinese, tmp_path) -> None:
    from cnnviz.core.lesson_file import ForeignFileError, LessonDocument, read_lesson, write_lesson

    other = tmp_path / "notes.cnnviz-lesson"
    other.write_text(json.dumps({"kind": "shopping-list", "version": 1, "data": {}}), encoding="utf-8")
    error = _raised(lambda: read_lesson(other))
    assert isinstance(error, ForeignFileError)
    assert str(error) == "notes.cnnviz-lesson is a “shopping-list” file, not a cnnviz lesson. The file was not changed."
    _check(error_text(error), ("notes.cnnviz-lesson", "shopping-list"))

    refused = _raised(lambda: write_lesson(other, LessonDocument()))
    # the first sentence of the reading error, quoted (what the old text-splitting gave)
    assert str(refused) == f"{other} was not overwritten: notes.cnnviz-lesson is a “shopping-list” file, not a cnnviz lesson."
    _check(error_text(refused), (str(other), "notes.cnnviz-lesson", "shopping-list"))
    assert json.loads(other.read_text(encoding="utf-8"))["kind"] == "shopping-list"  # untouched


def test_a_lesson_from_a_newer_cnnviz_names_both_versions(chinese, tmp_path) -> None:
    from cnnviz.core.lesson_file import LESSON_VERSION, read_lesson

    newer = tmp_path / "future.cnnviz-lesson"
    newer.write_text(json.dumps({"kind": "cnnviz-lesson", "version": 99, "data": {}}), encoding="utf-8")
    error = _raised(lambda: read_lesson(newer))
    assert str(error) == (
        f"future.cnnviz-lesson was saved by a newer cnnviz (lesson format 99; this one reads up to "
        f"{LESSON_VERSION}). Update cnnviz to open it. The file was not changed."
    )
    _check(error_text(error), ("future.cnnviz-lesson", "99", str(LESSON_VERSION)))


def test_a_damaged_settings_file_is_reported_in_chinese(chinese, tmp_path) -> None:
    from cnnviz.core.settings_io import read_versioned_json

    path = tmp_path / "settings.json"
    path.write_text("[1, 2]", encoding="utf-8")
    data, message = read_versioned_json(path, "cnnviz-settings", 1)
    assert data is None and message is not None
    backup = next(tmp_path.glob("settings.json.bad-*")).name
    assert str(message) == f"{path} is damaged: it holds a JSON list, not an object. It was kept as {backup}. Defaults are used."
    _check(translate_message(message), (str(path), backup), code=("JSON list",))


@pytest.mark.parametrize(
    ("make", "english", "values", "code"),
    [
        (lambda: check_arguments("lenet5", {"bogus": 1}),
         "lenet5 has no argument 'bogus'.", ("lenet5", "'bogus'"),
         ("num_classes: int = 10, in_channels: int = 1, modern: bool = False",)),
        (lambda: TrainSetup(epochs=0).validated(),
         "epochs must be a whole number ≥ 1, got 0.", (), ()),
        (lambda: parse_lr_grid("fast"),
         "A learning-rate grid is LOW:HIGH:COUNT (e.g. 1e-4:1:7) or a list (0.01,0.1), got 'fast'.", ("'fast'",), ("LOW:HIGH:COUNT",)),
        (lambda: preset("2016"),
         "Preset must be 2015 or 2017, not '2016'.", ("'2016'",), ()),
        (lambda: parse_target("unit:conv1"),
         "Expected unit:LAYER:CHANNEL or unit:LAYER:CHANNEL:Y:X, got 'unit:conv1'.", ("'unit:conv1'",),
         ("unit:LAYER:CHANNEL:Y:X", "unit:LAYER:CHANNEL")),
        (lambda: PoolAnimation(np.zeros((1, 4, 4)), 2, mode="min"),
         "Pooling is 'max' or 'avg', not 'min'.", ("'min'",), ("'max'", "'avg'")),
    ],
    ids=["model-argument", "train-setting", "lr-grid", "featvis-preset", "attribution-target", "pooling"],
)
def test_setting_errors_read_in_chinese(chinese, make, english, values, code) -> None:
    error = _raised(make)
    assert str(error).startswith(english), str(error)
    _check(error_text(error), values, code)
