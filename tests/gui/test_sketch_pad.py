"""The sketch pad drives the real window: strokes re-run the model, undo/redo, back-pressure, and it fits 1280×800."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

pytestmark = pytest.mark.gui


def stroke(canvas, points, button=None) -> None:
    """Press at the first point, move through the others, release: real mouse events to the canvas.

    ``points`` are (y, x) in the model's pixels.
    """
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    button = button or Qt.MouseButton.LeftButton
    left, top, cell = canvas.cell_rect()
    pos = [QPointF(left + (x + 0.5) * cell, top + (y + 0.5) * cell) for y, x in points]

    def send(kind, p, buttons):
        QApplication.sendEvent(canvas, QMouseEvent(kind, p, canvas.mapToGlobal(p), button, buttons,
                                                   Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, pos[0], button)
    for p in pos[1:]:
        send(QEvent.Type.MouseMove, p, button)
    send(QEvent.Type.MouseButtonRelease, pos[-1], Qt.MouseButton.NoButton)


def _idle(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.is_busy() and not tab.input_panel.sketch.feeder.in_flight
                    and not tab.input_panel.sketch.feeder.dirty, timeout=30000)


def _expected_display(pixels: np.ndarray, ink_white: bool) -> np.ndarray:
    grey = np.rint((pixels if ink_white else 1 - pixels) * 255).astype(np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


def test_strokes_run_the_model_and_every_view_follows_undo_and_redo(inspect_window, qtbot):
    tab = inspect_window.tab_widgets["inspect"]
    panel = tab.input_panel
    source = panel.sketch
    panel.sketch.button.click()
    assert source.active and source.pad.isVisible() and not panel.original.isVisible()
    assert source.pad.canvas.ink_white  # LeNet-5: white strokes on black, like MNIST
    _idle(qtbot, tab)
    stroke(source.pad.canvas, [(6, 6), (6, 24), (10, 22), (18, 16), (27, 12)])
    _idle(qtbot, tab)
    drawn = source.sketch.pixels.copy()
    assert drawn.max() == 1.0 and drawn.mean() > 0.05
    image = tab.state.image
    # what the model saw is the drawing, pixel for pixel (±1 grey level)
    assert np.abs(image.display.astype(int) - _expected_display(drawn, True).astype(int)).max() <= 1
    # the activation grid shows conv1 of that input, computed here by hand with the layer's weights
    tab.state.set_layer("C1")
    qtbot.waitUntil(lambda: tab.grid.maps is not None and tab.grid.maps.shape == (6, 28, 28))
    session = tab.state.model
    with session.exclusive() as model:
        conv = dict(model.named_modules())["C1"]
        weight, bias = conv.weight.detach().clone(), conv.bias.detach().clone()
        logits = model(image.tensor).detach()
    x = (torch.from_numpy(drawn)[None, None] - 0.5) / 0.5  # LeNet-5's normalisation, mean 0.5, std 0.5
    np.testing.assert_allclose(tab.grid.maps, F.conv2d(x, weight, bias)[0].numpy(), atol=2e-2)
    np.testing.assert_allclose(tab.channel_view.values, tab.grid.maps[0], atol=1e-6)
    top = torch.softmax(logits[0], 0).max().item()
    assert tab.predictions.bars[0].value() == round(top * 1000)
    # Ctrl+Z takes the stroke back: the model sees a blank pad; Ctrl+Shift+Z brings it again
    from PySide6.QtCore import Qt

    qtbot.keyClick(source.pad.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _idle(qtbot, tab)
    assert source.sketch.blank and tab.state.image.display.max() == 0
    qtbot.keyClick(source.pad.canvas, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _idle(qtbot, tab)
    assert np.array_equal(source.sketch.pixels, drawn)
    assert np.abs(tab.state.image.display.astype(int) - _expected_display(drawn, True).astype(int)).max() <= 1
    # the eraser and clear: what the model sees follows
    source.pad.eraser_button.click()
    stroke(source.pad.canvas, [(6, 0), (6, 31)])
    source.pad.eraser_button.click()
    _idle(qtbot, tab)
    assert source.sketch.pixels[6].max() == 0 and tab.state.image.display[6].max() == 0
    source.pad.clear_button.click()
    _idle(qtbot, tab)
    assert tab.state.image.display.max() == 0
    # another source (a shipped sample) puts the pad away and brings the Original back
    panel.samples.activated.emit(1)
    qtbot.waitUntil(lambda: not source.active and panel.original.isVisible(), timeout=10000)
    _idle(qtbot, tab)


def test_many_strokes_on_resnet18_keep_one_job_in_flight_and_show_the_last(make_main_window, qtbot):
    window = make_main_window(model="resnet18", seed=0)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=60000)
    source = tab.input_panel.sketch
    source.set_active(True)
    _idle(qtbot, tab)
    assert not source.pad.canvas.ink_white  # a colour model: black ink on white paper
    controller = tab.controller
    calls: list[bool] = []
    real = controller.load_image

    def counting(*args, **kwargs):
        calls.append(controller.pending("main"))  # was another forward pass still pending?
        return real(*args, **kwargs)

    controller.load_image = counting
    moves = 0
    for k in range(12):  # twelve strokes, as fast as events come, while ResNet-18 runs
        y = 20 + 15 * k
        stroke(source.pad.canvas, [(y, 20), (y, 60), (y, 100), (y, 140), (y, 200)])
        moves += 5
        qtbot.wait(1)
    _idle(qtbot, tab)
    assert calls and not any(calls)  # never a second job while one was pending
    assert len(calls) < moves / 2  # most moves were merged into the next drawing
    shown = tab.state.image.display
    assert np.abs(shown.astype(int) - _expected_display(source.sketch.pixels, False).astype(int)).max() <= 1
    assert tab.controller.forward.image_id == max(tab.controller._image_counter, 1)


def test_the_pad_fits_a_1280x800_projector(inspect_window, qtbot):
    window = inspect_window
    window.resize(1280, 800)
    tab = window.tab_widgets["inspect"]
    tab.show_panel("draw")
    qtbot.wait(100)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, hint
    assert window.width() <= 1280
    for widget in (tab.tree, tab.side, tab.grid, tab.input_panel.sketch.pad, tab.input_panel.sketch.button):
        assert widget.isVisible(), widget
    pad = tab.input_panel.sketch.pad
    assert pad.canvas.cell_rect()[2] * 32 >= 100  # the drawing area stays big enough to draw on
    for b in (pad.undo_button, pad.redo_button, pad.clear_button, pad.eraser_button, pad.invert_button):
        assert b.isVisible() and b.width() > 10
    # no tool is drawn over another (a row wider than the pad used to squeeze the width box under the eraser)
    tools = pad._tool_widgets()
    rects = [w.geometry() for w in tools]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:]), rects
    assert all(w.width() >= w.minimumSizeHint().width() for w in tools), [(w, w.width()) for w in tools]
    _idle(qtbot, tab)
