"""The sketch pad: draw an input with the mouse, a pen or a finger and watch the network respond.

Where it lives: **Draw** is an image source like Open image, Paste and
Webcam, so it is where a lecturer looks for "where does the picture come
from": in the main toolbar right after Open image and Paste image, in the
File menu after Live webcam (Ctrl+Shift+D), and as a toggle directly under
the Original picture it replaces. (The input panel's own row of source
buttons is full at 1280 px: one more button there folds a side column away
on a projector.) Turning it on swaps the *Original* picture for the pad, in
the same place and size, while *Model input* beside it keeps showing what
the network sees with its receptive-field and Grad-CAM overlays, and the
channel, the activation grid and the top-5 follow every stroke. A separate
panel or window would put the drawing far from the views it drives (the
presenter view can show them large). Loading any other image (a file, a
sample, the camera, a lesson) turns the pad off and brings the Original back.

The pad is a grid of the model's *input pixels* (32×32 for LeNet-5), drawn
upscaled with a faint grid when cells are big enough, so students see the
resolution the network works at. Ink is white on black for one-channel and
dark-background data (digits, MNIST, the built-in Shapes) and black on white
for colour models; a button inverts it. What is drawn is exactly what the
model is given (:func:`cnnviz.core.sketch.pad_image`).

Every mouse move of a stroke re-runs the model through the controller's
normal image path, with back-pressure like the webcam: a drawing goes to the
model only when no forward pass is pending, the moves that arrive meanwhile
are merged into the next one, and the last stroke is always run once the
model is free. Small nets follow the pen at frame rate; big ones stay
responsive and show the newest drawing they could finish.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from cnnviz.core.sketch import Sketch, ink_is_white, pad_image
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.inspect.jobs import ImageInput
from cnnviz.gui.inspect.sketch_canvas import SketchCanvas, default_brush
from cnnviz.gui.state import AppState

#: When the model is busy with another job, look again this often (ms).
RETRY_MS = 15


def _tool(text: str, tip: str, checkable: bool = False) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    b.setCheckable(checkable)
    b.setAutoRaise(True)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


class SketchPad(QWidget):
    """The canvas with its tools: stroke width, eraser, undo, redo, clear and invert."""

    sig_changed = Signal()
    """The drawing or the way it is shown changed: the model should see it again."""

    def __init__(self, sketch: Sketch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sketch = sketch
        self.canvas = SketchCanvas(sketch)
        self.canvas.setToolTip(tr("Draw with the mouse, a pen or a finger; the right button erases. "
                                  "Each square is one pixel of the model's input."))
        # the tools go under the canvas, or beside it when that leaves a bigger square to draw on
        self.outer = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(1)
        self.outer.addWidget(self.canvas, 1)
        self.tools_widget = QWidget()
        # a grid: one row under the canvas, two rows when the pad is too narrow for one, one column beside it
        tools = self.tools = QGridLayout(self.tools_widget)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(1)
        self._tool_columns = 0
        self.brush_box = QSpinBox()
        self.brush_box.setSuffix(tr(" px"))
        self.brush_box.setMinimumWidth(self.brush_box.fontMetrics().horizontalAdvance("88" + tr(" px")) + 22)
        self.brush_box.setToolTip(tr("Stroke width, in pixels of the model's input"))
        self.brush_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.brush_box.valueChanged.connect(self._on_brush)
        self.eraser_button = _tool("⌫", tr("Eraser: strokes paint the background (the right button always erases)"),
                                   checkable=True)
        self.eraser_button.toggled.connect(self._on_eraser)
        self.undo_button = _tool("↶", tr("Undo the last stroke (Ctrl+Z)"))
        self.redo_button = _tool("↷", tr("Redo (Ctrl+Shift+Z)"))
        self.clear_button = _tool("✕", tr("Clear the pad"))
        self.invert_button = _tool("◐", tr("Swap ink and background (white on black ↔ black on white)"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.clear_button.clicked.connect(self.clear)
        self.invert_button.clicked.connect(self.invert)
        self._arrange_tools(len(self._tool_widgets()))
        self.outer.addWidget(self.tools_widget)
        self.act_undo = self._shortcut(tr("Undo stroke"), self.undo, [QKeySequence("Ctrl+Z")])
        self.act_redo = self._shortcut(tr("Redo stroke"), self.redo,
                                       [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.canvas.sig_changed.connect(self._changed)
        self.inverted = False  # the user swapped ink and background
        self.set_input_size(*sketch.shape)

    def _tool_widgets(self) -> list[QWidget]:
        return [self.brush_box, self.eraser_button, self.undo_button, self.redo_button, self.clear_button,
                self.invert_button]

    def _arrange_tools(self, columns: int) -> None:
        """Lay the tools out in ``columns`` columns (row by row), with the room left over after them."""
        if columns == self._tool_columns:
            return
        self._tool_columns = columns
        widgets = self._tool_widgets()
        for w in widgets:
            self.tools.removeWidget(w)
        for i, w in enumerate(widgets):
            self.tools.addWidget(w, i // columns, i % columns)
        for c in range(len(widgets) + 1):
            self.tools.setColumnStretch(c, 1 if c == columns else 0)
        rows = -(-len(widgets) // columns)
        for r in range(len(widgets) + 1):
            self.tools.setRowStretch(r, 1 if r == rows else 0)

    def tools_beside(self) -> bool:
        """True when the tools are in a column beside the canvas (a wide pad), False when in a row under it."""
        return self.outer.direction() == QBoxLayout.Direction.RightToLeft

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Put the tools where they leave the larger square to draw on."""
        super().resizeEvent(event)
        hints = [w.sizeHint() for w in self._tool_widgets()]
        spacing = self.tools.spacing()
        row_h = max(h.height() for h in hints)
        row_w = sum(h.width() for h in hints) + spacing * (len(hints) - 1)
        col_w = max(h.width() for h in hints)
        col_h = sum(h.height() for h in hints) + spacing * (len(hints) - 1)
        w, h = self.width(), self.height()
        one_row = w >= row_w
        below = min(w, h - (row_h if one_row else 2 * row_h + spacing))
        beside = min(w - col_w, h) if h >= col_h else -1
        side = beside > below
        if side != self.tools_beside():
            self.outer.setDirection(QBoxLayout.Direction.RightToLeft if side else QBoxLayout.Direction.TopToBottom)
        half = -(-len(hints) // 2)
        self._arrange_tools(1 if side else len(hints) if one_row else half)

    def _shortcut(self, text: str, slot: Callable[[], object], keys: list[QKeySequence]) -> QAction:
        act = QAction(text, self)
        act.setShortcuts(keys)
        # the whole window while the pad is shown (a shortcut on a hidden widget never fires)
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _=False: slot())
        self.addAction(act)
        return act

    def set_input_size(self, height: int, width: int) -> None:
        """Take the model's input size (the drawing is resampled) and a matching stroke width."""
        fresh = self.sketch.shape != (height, width) or self.brush_box.value() < 1
        self.sketch.resize(height, width)
        self.brush_box.blockSignals(True)
        self.brush_box.setRange(1, max(2, height // 2))
        if fresh:
            self.brush_box.setValue(default_brush(height))
        self.brush_box.blockSignals(False)
        self.canvas.brush = float(self.brush_box.value())
        self._refresh()

    def set_ink_white(self, white: bool) -> None:
        """Draw white on black (True) or black on white, before the user's own inversion."""
        self.canvas.ink_white = bool(white) != self.inverted
        self.canvas.update()

    def _on_brush(self, value: int) -> None:
        self.canvas.brush = float(value)
        self.canvas.update()

    def _on_eraser(self, on: bool) -> None:
        self.canvas.erasing = on
        self.canvas.update()

    def _changed(self) -> None:
        self._refresh()
        self.sig_changed.emit()

    def _refresh(self) -> None:
        self.undo_button.setEnabled(self.sketch.can_undo)
        self.redo_button.setEnabled(self.sketch.can_redo)
        self.clear_button.setEnabled(not self.sketch.blank)
        self.canvas.update()

    def undo(self) -> bool:
        """Undo the last stroke or clear (Ctrl+Z)."""
        done = self.sketch.undo()
        if done:
            self._changed()
        return done

    def redo(self) -> bool:
        """Redo what was undone (Ctrl+Shift+Z)."""
        done = self.sketch.redo()
        if done:
            self._changed()
        return done

    def clear(self) -> bool:
        """Erase the whole pad (undoable)."""
        done = self.sketch.clear()
        if done:
            self._changed()
        return done

    def invert(self) -> None:
        """Swap ink and background colours."""
        self.inverted = not self.inverted
        self.canvas.ink_white = not self.canvas.ink_white
        self._changed()


class SketchFeeder(QObject):
    """Runs the newest drawing through the model, one forward pass at a time (back-pressure)."""

    def __init__(self, state: AppState, controller: InspectController, make_input: Callable[[], ImageInput | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.make_input = make_input
        self.submitted = 0  # drawings sent to the model
        self.merged = 0  # changes that never ran on their own (a newer drawing replaced them)
        self.dirty = False  # the drawing changed since the last one sent
        self.in_flight = False
        self.last_input: ImageInput | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.pump)

    def changed(self) -> None:
        """The drawing changed: run it now if the model is free, else as soon as it is."""
        if self.dirty:
            self.merged += 1
        self.dirty = True
        self.pump()

    def can_submit(self) -> bool:
        """Only when no forward pass (ours, a model load, another image) is pending."""
        return not self.in_flight and self.state.model is not None and not self.controller.pending("main")

    def pump(self) -> None:
        """Send the newest drawing if one waits and the model is free."""
        if not self.dirty:
            return
        if not self.can_submit():
            if not self.in_flight:  # someone else's job: look again shortly
                self._retry.start()
            return
        source = self.make_input()
        if source is None:
            return
        self.dirty = False
        self.in_flight = True
        self.submitted += 1
        self.last_input = source
        job = self.controller.load_image(source, then=self._on_done, show_progress=False)
        if job is None:
            self.in_flight = False

    def _on_done(self) -> None:
        self.in_flight = False
        self.pump()

    def stop(self) -> None:
        """Forget a waiting drawing (the pad was turned off)."""
        self.dirty = False
        self._retry.stop()


@dataclass(frozen=True)
class DrawingHandover:
    """An active sketch pad's drawing (with its undo history) and ink, for a rebuilt tab (a language switch)."""

    sketch: Sketch
    inverted: bool
    dark_background: bool | None
    brush: int


class SketchPadSource(QObject):
    """The Draw toggle, the pad in place of the Original picture, and the feeding of the model."""

    sig_active = Signal(bool)
    """The pad was shown (True) or put away (False)."""

    def __init__(self, state: AppState, controller: InspectController, original: QWidget,
                 before_start: Callable[[], object] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.original = original
        self.before_start = before_start
        self.dark_background: bool | None = None  # what the model's training pictures show, when known
        shape = state.model.input_shape[1:] if state.model is not None else (32, 32)
        self.sketch = Sketch(*shape)
        self.pad = SketchPad(self.sketch)
        self.pad.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(original)
        self.stack.addWidget(self.pad)
        self.feeder = SketchFeeder(state, controller, self.make_input, self)
        self.action = QAction(tr("&Draw the input (sketch pad)"), self)
        self.action.setIconText(tr("Draw"))
        self.action.setCheckable(True)
        tip = tr("Draw the input yourself: the pad replaces the Original picture and the network responds to "
                 "every stroke.")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.toggled.connect(self.set_active)
        self.button = QToolButton()
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pad.sig_changed.connect(self._on_drawn)
        state.model_changed.connect(self._on_model)
        state.image_changed.connect(self._on_image)
        self._on_model(state.model)

    @property
    def active(self) -> bool:
        """True while the pad is shown (and drives the model)."""
        return self.action.isChecked()

    def set_active(self, on: bool) -> None:
        """Show the pad in place of the Original picture (and run the drawing), or put it away."""
        if self.action.isChecked() != on:
            self.action.setChecked(on)  # comes back here through toggled
            return
        if on:
            if not self.stack.isVisible():  # turned on from the menu or toolbar on another tab
                self.state.open_tab.emit("inspect")
            if self.before_start is not None:
                self.before_start()
            self.stack.setCurrentWidget(self.pad)
            self.pad.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
            self.feeder.changed()
        else:
            self.feeder.stop()
            self.stack.setCurrentWidget(self.original)
        self.sig_active.emit(on)

    def set_dark_background(self, dark: bool | None) -> None:
        """What the model's training pictures look like (dark background: white ink), when known."""
        self.dark_background = dark
        self._update_ink()

    def make_input(self) -> ImageInput | None:
        """The drawing as the model's input, or None without a model."""
        session = self.state.model
        if session is None:
            return None
        rgb = pad_image(self.sketch.pixels, self.pad.canvas.ink_white, session.pre)
        return ImageInput(array=rgb, label=tr("drawing"))

    def handover(self) -> DrawingHandover | None:
        """The drawing while the pad is the input, else None (what :meth:`take_over` takes)."""
        if not self.active:
            return None
        return DrawingHandover(self.sketch, self.pad.inverted, self.dark_background, self.pad.brush_box.value())

    def take_over(self, drawing: DrawingHandover) -> None:
        """Show the previous pad's drawing (a rebuilt tab) and make it the input again."""
        self.sketch = self.pad.sketch = self.pad.canvas.sketch = drawing.sketch
        self.pad.inverted = drawing.inverted
        self.dark_background = drawing.dark_background
        session = self.state.model
        if session is not None:
            self.pad.set_input_size(*session.input_shape[1:])
        self.pad.brush_box.setValue(drawing.brush)
        self._update_ink()
        self.pad._refresh()
        self.set_active(True)

    def _update_ink(self) -> None:
        session = self.state.model
        channels = session.input_shape[0] if session is not None else 1
        self.pad.set_ink_white(ink_is_white(channels, self.dark_background))

    def _on_drawn(self) -> None:
        if self.active:
            self.feeder.changed()

    def _on_model(self, session: Any) -> None:
        if session is None:
            return
        _, h, w = session.input_shape
        self.dark_background = None  # a new model: until its data says otherwise
        self.pad.set_input_size(h, w)
        self._update_ink()
        if self.active:
            self.feeder.changed()  # the drawing at the new input size

    def _on_image(self, _prepared: Any) -> None:
        """Another source took over (a file, a sample, the camera, a lesson): put the pad away."""
        source = self.controller.image_source
        if self.active and source is not None and source is not self.feeder.last_input:
            self.set_active(False)
