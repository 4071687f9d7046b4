"""Layer math for a block shows the totals of what it contains, in both languages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_a_residual_block_shows_its_parameters_macs_and_shortcut(make_main_window, qtbot) -> None:
    window = make_main_window(model="resnet18", seed=0)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    tab.state.set_layer("layer1.0")
    text = tab.math.plain_text()
    with tab.state.model.exclusive() as model:
        params = sum(p.numel() for p in model.layer1[0].parameters())
    macs = 2 * (3 * 3 * 64 * 64 * 56 * 56)  # its two 3×3 convolutions, by hand
    assert f"{params:,}" in text and f"{macs:,}" in text
    assert "0 MACs" not in text and "shortcut" in text
    window.set_language("zh")
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=60000)
    tab.state.set_layer("layer1.0")
    assert "残差" in tab.math.plain_text()
