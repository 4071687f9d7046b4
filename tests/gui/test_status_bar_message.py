"""A long status-bar message ends in "…" before the permanent text instead of running into it."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.gui

LONG = "这是一条很长的状态消息，" * 30 + "and its English end"


def _ink_columns(bar) -> np.ndarray:
    """The x of every column where the message changes the status bar's pixels."""
    def pixels():
        img = bar.grab().toImage().convertToFormat(bar.grab().toImage().Format.Format_RGB888)
        arr = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
        return arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3).copy()

    with_message = pixels()
    bar.clearMessage()
    without = pixels()
    return np.flatnonzero(np.any(with_message != without, axis=(0, 2)))


@pytest.mark.parametrize("width", [1280, 900])
def test_a_long_message_stops_before_the_permanent_text(make_main_window, qtbot, width) -> None:
    window = make_main_window(tabs=())
    window.resize(width, 800)
    window.status_model.setText("lenet5  ·  随机权重（种子 0）  ·  cpu  ·  内存 512 MiB  ")
    window.state.show_status(LONG, 0)
    qtbot.wait(20)
    bar = window.statusBar()
    label = window.status_model
    assert label.isVisible() and bar.currentMessage() == LONG
    assert bar.toolTip() == LONG  # the whole message, for the part that is cut
    ink = _ink_columns(bar)
    assert ink.size, "the message was not drawn"
    # the message's ink (seen in the pixels) ends with a gap before the permanent label's rectangle
    gap = 3
    assert ink.max() + gap < label.geometry().left(), (ink.max(), label.geometry())
    assert bar.toolTip() == ""  # cleared with the message


def test_a_short_message_is_shown_whole(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=())
    window.resize(1280, 800)
    window.state.show_status("lenet5 loaded", 0)
    qtbot.wait(20)
    bar = window.statusBar()
    assert bar.shown_message() == "lenet5 loaded"
    ink = _ink_columns(bar)
    width = bar.fontMetrics().horizontalAdvance("lenet5 loaded")
    assert ink.max() - ink.min() <= width and ink.max() - ink.min() >= width * 0.8
