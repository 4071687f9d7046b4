"""The whole window (all four tabs) fits a 1280×800 projector at 150 % zoom, in English and in Chinese.

Before, the Explain tab's Convolution settings row set the window's minimum width to 1361 px (every tab,
since a tab widget is as wide as its widest page) and Inspect's model row grew to 1450 px while a model
loaded; both rows now wrap.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

PROJECTOR = (1280, 800)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_tab_fits_1280x800_at_150_percent(make_main_window, qtbot, monkeypatch, lang):
    from cnnviz.gui import presentation, startup

    # the font the command line starts with (tests otherwise get Qt's smaller default)
    monkeypatch.setattr(presentation, "_base_point_size", startup.CLASSROOM_POINT_SIZE)
    window = make_main_window(tabs=None, model="lenet5", seed=0, zoom=1.5, lang=lang)
    window.resize(*PROJECTOR)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    assert set(window.tab_widgets) == {"inspect", "train", "playground", "explain"}
    for key in window.tab_widgets:
        window.show_tab(key)
        qtbot.wait(20)
        hint = window.minimumSizeHint()
        assert hint.width() <= PROJECTOR[0] and hint.height() <= PROJECTOR[1], (key, lang, hint)
    # while a model loads, the progress bar and Cancel button join the model row
    window.show_tab("inspect")
    inspect.controller.progress_changed.emit(0.5, "Loading resnet18 weights…")
    qtbot.wait(20)
    assert inspect.model_panel.progress.isVisible()
    hint = window.minimumSizeHint()
    assert hint.width() <= PROJECTOR[0] and hint.height() <= PROJECTOR[1], ("loading", lang, hint)
    inspect.controller.progress_changed.emit(-1.0, "")
