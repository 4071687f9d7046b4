"""The text naming the unit under the mouse follows a layer switch made without moving the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

pytestmark = pytest.mark.gui


def _hover_grid(qtbot, grid, channel: int, y: int, x: int) -> None:
    """A real mouse move onto mosaic pixel (channel, y, x) of the grid."""
    oy, ox = grid.mosaic.tile_origin(channel)
    scene = grid.view.mapViewToScene(QPointF(ox + x + 0.5, oy + y + 0.5))
    pos = grid.canvas.mapFromScene(scene)
    qtbot.mouseMove(grid.canvas.viewport(), QPoint(pos.x(), pos.y()))
    qtbot.waitUntil(lambda: "channel" in grid.hover_label.text(), timeout=3000)


def _expected_grid_text(grid) -> str:
    """What the hover text must say: recomputed from the new layer's maps at the same scene point, or blank."""
    p = grid._pixel(grid._hover_pos)
    hit = grid.mosaic.unit_at(*p) if p is not None and grid.mosaic is not None else None
    if hit is None:
        return " "
    c, y, x = hit
    return f"channel {c} · row {y}, column {x} · value {float(grid.maps[c, y, x]):.4g}"


def test_grid_hover_text_follows_a_layer_switch(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    grid = tab.grid
    assert tab.state.layer == "C1"
    _hover_grid(qtbot, grid, 5, 20, 21)  # channel 5 of C1 (28×28): C3 (16 × 10×10) has no row 20
    before = grid.hover_label.text()
    value_c1 = float(tab.controller.forward.layers["C1"][0, 5, 20, 21])
    assert before.startswith(f"channel 5 · row 20, column 21 · value {value_c1:.4g}")
    tab.tree.view.setFocus()
    qtbot.keyClick(tab.tree.view, Qt.Key.Key_Down)  # the keyboard: C1 -> its ReLU/pool, mouse unmoved
    tab.act_next_conv.trigger()  # and on to C3
    assert tab.state.layer == "C3"
    after = grid.hover_label.text()
    assert "row 20, column 21" not in after  # C3's maps are 10×10: the old unit cannot be named any more
    expected = _expected_grid_text(grid)
    assert after == expected or after.startswith(expected + " — ")
    if after.strip():  # the value is C3's own, taken from the captured output
        c, y, x = grid.mosaic.unit_at(*grid._pixel(grid._hover_pos))
        assert f"value {float(tab.controller.forward.layers['C3'][0, c, y, x]):.4g}" in after


def _leave(grid) -> None:
    """The pointer leaves the tiles, as the window system says it (the offscreen platform synthesises a
    Leave for a move into another widget only sometimes, depending on where earlier tests left the pointer)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(grid.canvas.viewport(), QEvent(QEvent.Type.Leave))


def test_grid_hover_text_is_cleared_when_the_mouse_left(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    grid = tab.grid
    _hover_grid(qtbot, grid, 0, 3, 3)
    _leave(grid)  # the pointer went out of the tiles
    qtbot.waitUntil(lambda: grid.hover_label.text() == " ", timeout=3000)
    tab.state.set_layer("C3")
    assert grid.hover_label.text() == " "


def test_channel_view_value_follows_a_layer_switch(inspect_window, qtbot) -> None:
    tab = inspect_window.tab_widgets["inspect"]
    view = tab.channel_view
    assert tab.state.layer == "C1" and view.values.shape == (28, 28)
    view._on_hover(25.5, 26.5)  # what the picture's sig_hover says when the mouse is over pixel (25, 26)
    c1 = float(tab.controller.forward.layers["C1"][0, 0, 25, 26])
    assert view.value_label.text() == f"channel 0 · row 25, column 26 · value {c1:.4g}"
    tab.state.set_layer("C3")  # 10×10 maps: the hovered pixel is outside them now
    assert "row 25" not in view.value_label.text()
    assert view.value_label.text() == "Click a channel in the grid to open it here."
    view._on_hover(4.2, 7.9)
    tab.state.set_layer("C1")  # the same pixel in C1 channel 0: recomputed, not the C3 value
    c1 = float(tab.controller.forward.layers["C1"][0, 0, 4, 7])
    assert view.value_label.text() == f"channel 0 · row 4, column 7 · value {c1:.4g}"
