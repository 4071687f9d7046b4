"""Notes drawn inside the Train plots (the sharpness notice, the sweep's Live note) stay readable on
the light and the dark theme: the sharpness notice was a fixed #555 grey, nearly invisible on dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)  # WCAG 2 contrast ratio


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_plot_notes_are_readable_on_the_theme(make_main_window, qtbot, theme):
    window = make_main_window(tabs=("train",))
    tab = window.tab_widgets["train"]
    window.set_theme("light" if theme == "dark" else "dark")  # a switch, not only the start-up colours
    window.set_theme(theme)
    qtbot.wait(20)
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    sharp = tab.views.sharpness
    assert "not tracked" in sharp.notice.textItem.toPlainText()
    live = tab.views.sweep.live
    for item in (sharp.notice, live.hint):
        color = item.textItem.defaultTextColor()
        assert _contrast(color, base) >= 4.5, (color.name(), base.name())
    window.set_theme("light")
