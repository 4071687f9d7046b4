"""A first start opens a window that fits the screen it is on (a 1280×800 projector included)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from cnnviz.gui.app import FIRST_SIZE, FRAME_ALLOWANCE, first_size

FW, FH = FRAME_ALLOWANCE

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("screen", "expected"), [
    ((1280, 800), (1280 - FW, 800 - FH)),  # a projector: the free area less the frame, never more
    ((1366, 728), (1366 - FW, 728 - FH)),  # a laptop with a task bar
    ((1920, 1040), FIRST_SIZE),  # room to spare: the usual size
])
def test_first_size_never_exceeds_the_screen(qapp, screen, expected) -> None:
    size = first_size(QSize(*screen))
    assert (size.width(), size.height()) == expected
