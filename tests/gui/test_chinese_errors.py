"""In the Chinese interface the errors a user meets most are Chinese too, with their values filled in.

Each error is triggered for real (a damaged image file, weights of another model, a
pretrained download without network at the download boundary) and the text the window
shows is checked: the translated template with the message's own values, no English left.
"""

from __future__ import annotations

import re
import urllib.error

import pytest
import torch
from test_i18n import untranslated_words  # tests/gui is on the path (rootdir-less test modules)

from cnnviz.core.models import build_model
from cnnviz.gui.inspect.jobs import ImageInput

pytestmark = pytest.mark.gui

HAN = re.compile(r"[\u4e00-\u9fff]")


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=60000)


def _zh_window(make_main_window, qtbot, model: str):
    window = make_main_window(tabs=("inspect",), lang="zh", model=model, seed=0)
    assert window.language == "zh"
    tab = window.tab_widgets["inspect"]
    _idle(qtbot, tab)
    errors: list[tuple[str, str]] = []
    window.state.error.connect(lambda title, message: errors.append((title, message)))
    return window, tab, errors


def _chinese(text: str, data: tuple[str, ...] = ()) -> None:
    assert HAN.search(text), text
    assert not untranslated_words(text, phrases=data), (text, untranslated_words(text, phrases=data))


def test_a_damaged_image_is_reported_in_chinese(make_main_window, qtbot, tmp_path) -> None:
    window, tab, errors = _zh_window(make_main_window, qtbot, "lenet5")
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)  # a PNG signature and no image behind it
    tab.controller.load_image(ImageInput(path=str(bad), label=bad.name))
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    title, message = errors[0]
    assert "photo.png" in title + message  # the values are kept
    _chinese(title, ("photo.png",))
    _chinese(message, (str(bad), "photo.png"))
    shown = message.replace(str(bad), "")
    assert "could not" not in shown and "damaged" not in shown and "not image data" not in shown


def test_weights_of_another_model_are_explained_in_chinese(make_main_window, qtbot, tmp_path) -> None:
    window, tab, errors = _zh_window(make_main_window, qtbot, "lenet5")
    other = build_model("lenet5", seed=5).state_dict()
    other["C1.weight"] = torch.zeros(3, 1, 5, 5)  # another architecture's first layer
    path = tmp_path / "other.pt"
    torch.save(other, path)
    asked: list[str] = []
    tab.controller.ask_load_what_fits = lambda message: (asked.append(message), False)[1]
    tab.controller.load_model("lenet5", str(path))
    qtbot.waitUntil(lambda: bool(asked) or bool(errors), timeout=30000)
    _idle(qtbot, tab)
    assert asked, errors
    assert "C1.weight" in asked[0]  # the key is named
    _chinese(asked[0], ("C1.weight",))
    assert "do not fit" not in asked[0]


def test_an_offline_pretrained_download_is_explained_in_chinese(make_main_window, qtbot, monkeypatch) -> None:
    from cnnviz.core import weights as W

    def no_network(url, dst, progress):  # the network boundary: what urlopen raises without a connection
        raise urllib.error.URLError("no route to host")

    monkeypatch.setattr(W, "_download", no_network)
    window, tab, errors = _zh_window(make_main_window, qtbot, "alexnet")
    tab.controller.load_model("alexnet", "pretrained")
    qtbot.waitUntil(lambda: bool(errors), timeout=60000)
    _idle(qtbot, tab)
    title, message = errors[0]
    assert "alexnet" in message and "no route to host" in message  # name and reason kept
    assert "Cannot download" not in message
    # the address and the cache path are data (longest first, so a path's tail never goes before it)
    places = sorted(re.findall(r"(?:https?:/)?(?:/[^\s/，。）]+)+", message), key=len, reverse=True)
    assert any(p.startswith("https://") for p in places) and any("checkpoints" in p for p in places)
    data = (*places, "no route to host", "alexnet")
    _chinese(message.split("\n\n")[0], data)
