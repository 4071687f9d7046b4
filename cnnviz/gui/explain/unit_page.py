"""The Unit arithmetic page: one unit of the loaded network, computed with its real numbers.

Inspect sends a clicked unit (``AppState.open_unit_arithmetic``); the page runs
:func:`cnnviz.core.explain.unit_arithmetic.unit_arithmetic` in a worker inside the
session's exclusive access and shows the unit the way the toy Convolution page
shows its grids: the input window (padding greyed), the kernel, the products,
the sum, the bias and the output, sliding over the unit's neighbours and
stopping on the unit itself; then the BatchNorm and activation steps that
follow. A fully connected unit shows its largest contributions in a table.
The canvas is :mod:`.unit_canvas`; the formula column and the table's rows are :mod:`.unit_texts`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.session import UnitSelection
from cnnviz.gui.explain.common import ColumnScroll, big_label, spin, tr
from cnnviz.gui.explain.player import PlayerBar, StepClock
from cnnviz.gui.explain.topics import ExplainPage
from cnnviz.gui.explain.unit_canvas import UnitCanvas
from cnnviz.gui.explain.unit_texts import fill_contributions, formula_html, position_text
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, run_in_thread

#: Layer types the page lists (others can still be asked for from Inspect: core says why not).
EXPLAINABLE = ("Conv2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Linear",
               "BatchNorm2d", "BatchNorm1d", "ReLU", "ReLU6", "LeakyReLU", "Tanh", "Sigmoid")


def compute_unit(progress: Any, cancel: Any, session: Any, image: Any, selection: UnitSelection) -> tuple:
    """Worker body: the unit's arithmetic on the session's model and image (tagged with what it was for)."""
    from cnnviz.core.explain.unit_arithmetic import unit_arithmetic

    with session.exclusive() as model:
        first = next(iter(model.parameters()), None)
        x = image.tensor.to(first.device if first is not None else "cpu")
        cancel.check()
        result = unit_arithmetic(model, x, selection.layer, selection.channel, selection.y, selection.x, context=1)
    return session.session_id, id(image), selection, result


#: Input channels drawn by default (the rest are summed); fewer channels, larger numbers.
DEFAULT_DRAWN = 2


class UnitPage(ExplainPage):
    """Pick (or receive from Inspect) a unit; see its arithmetic, animated, with the real numbers."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.selection: UnitSelection | None = None
        self.result: Any = None
        self.anim: Any = None
        self.job: Job | None = None
        self._for: tuple | None = None  # (session id, image id, selection) of the result shown
        self._stale = False

        self.lab_layer, self.lab_channel = QLabel(), QLabel()
        self.cb_layer = QComboBox()
        self.cb_layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cb_layer.setMinimumContentsLength(10)
        self.sp_c, self.sp_y, self.sp_x = spin(0, 0, 0, ""), spin(0, 0, 0, ""), spin(0, 0, 0, "")
        self.btn_show = QPushButton()
        self.btn_show.clicked.connect(self.compute_from_controls)
        self.lab_drawn = QLabel()
        self.sp_drawn = spin(1, 4, DEFAULT_DRAWN, "")
        self.sp_drawn.valueChanged.connect(lambda _v: self._show_result())
        self.cb_layer.currentIndexChanged.connect(self._layer_picked)
        top = QHBoxLayout()
        top.addWidget(self.lab_layer)
        top.addWidget(self.cb_layer, 1)
        top.addWidget(self.lab_channel)
        top.addWidget(self.sp_c)
        top.addWidget(QLabel("y"))
        top.addWidget(self.sp_y)
        top.addWidget(QLabel("x"))
        top.addWidget(self.sp_x)
        top.addWidget(self.btn_show)
        top.addSpacing(12)
        top.addWidget(self.lab_drawn)
        top.addWidget(self.sp_drawn)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.clock = StepClock(self)
        self.canvas = UnitCanvas()
        self.canvas.set_zoom(state.zoom)
        state.zoom_changed.connect(self.canvas.set_zoom)
        self.player = PlayerBar(self.clock)
        self.clock.step_changed.connect(self._on_step)
        self.canvas.jump_requested.connect(self.clock.jump_to)
        animated = QWidget()
        av = QVBoxLayout(animated)
        av.setContentsMargins(0, 0, 0, 0)
        av.addWidget(self.canvas, 1)
        av.addWidget(self.player)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = big_label("", 1.2)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.views = QStackedWidget()
        for w in (self.message, animated, self.table):
            self.views.addWidget(w)
        self.formula = big_label("", 1.2)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.formula.setMinimumWidth(260)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.views)
        split.addWidget(ColumnScroll(self.formula))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 400])
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)
        state.open_unit_arithmetic.connect(self.open_unit)
        self.retranslate()
        self.update_sources()

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        """(Re)apply translated labels and the core explanation in the current language."""
        self.lab_layer.setText(tr("Layer"))
        self.lab_channel.setText(tr("Channel"))
        self.cb_layer.setToolTip(tr("A convolution, pooling or fully connected layer, or a BatchNorm / activation "
                                    "right after one"))
        self.sp_c.setToolTip(tr("Output channel (or output number of a fully connected layer)"))
        self.sp_y.setToolTip(tr("Row of the unit in the layer's output"))
        self.sp_x.setToolTip(tr("Column of the unit in the layer's output"))
        self.btn_show.setText(tr("Show"))
        self.lab_drawn.setText(tr("Channels drawn"))
        self.sp_drawn.setToolTip(tr("How many input channels of the window are drawn (those adding most to the "
                                    "unit); the others are summed"))
        self.btn_show.setToolTip(tr("Compute this unit from the loaded model and image"))
        self.table.setHorizontalHeaderLabels([tr("Input"), tr("Value"), tr("Weight"), tr("Value × weight")])
        self.player.retranslate()
        self.canvas.language = getattr(self.state, "language", "en")
        self._show_texts()

    def _show_texts(self) -> None:
        if self.result is None:
            if not self.status.text():
                self.status.setText(tr("Click a unit in Inspect's activation maps and press “How is it "
                                       "computed?”, or pick one here."))
            self.message.setText(self._empty_text())
            self.formula.setText("")
            return
        self.formula.setText(self._formula_html())
        self.canvas.update()

    def _empty_text(self) -> str:
        if self.state.model is None or self.state.image is None:
            return tr("Load a model and an image in the Inspect tab; then any unit of it can be opened here.")
        return tr("Pick a layer and a unit, then press Show.")

    # ------------------------------------------------------------ sources and controls
    def update_sources(self) -> None:
        """A new model or image: list its layers; the unit shown is recomputed when the page is visible."""
        session = self.state.model
        keep = self.cb_layer.currentData()
        self.cb_layer.blockSignals(True)
        self.cb_layer.clear()
        if session is not None:
            for row in session.summary.layers:
                if row.type in EXPLAINABLE and row.call and row.output_shape:
                    self.cb_layer.addItem(f"{row.key}  ({row.type})", row.key)
        found = self.cb_layer.findData(self.selection.layer if self.selection else keep)
        self.cb_layer.setCurrentIndex(max(0, found))
        self.cb_layer.blockSignals(False)
        self._layer_picked()
        if self.selection is not None and self.selection.layer and found < 0 and session is not None:
            self._add_layer(self.selection.layer)
        ready = session is not None and self.state.image is not None
        self.btn_show.setEnabled(ready)
        if self.result is not None and self._for is not None and self._key() != self._for[:2]:
            self._stale = True
            if self.isVisible():
                self.compute()
        if self.result is None:
            self.message.setText(self._empty_text())

    def _key(self) -> tuple:
        session = self.state.model
        return (session.session_id if session is not None else None, id(self.state.image))

    def _add_layer(self, key: str) -> None:
        if self.cb_layer.findData(key) < 0:
            self.cb_layer.addItem(key, key)
        self.cb_layer.setCurrentIndex(self.cb_layer.findData(key))

    def _layer_picked(self, *_args: object) -> None:
        """Spin-box ranges from the picked layer's output shape."""
        session, key = self.state.model, self.cb_layer.currentData()
        row = session.layer(key) if session is not None and key else None
        shape = list(row.output_shape or []) if row is not None else []
        c, h, w = (shape + [1, 1, 1])[:3] if len(shape) != 1 else (shape[0], 1, 1)
        for box, n in ((self.sp_c, c), (self.sp_y, h), (self.sp_x, w)):
            box.setRange(0, max(0, int(n) - 1))

    def compute_from_controls(self) -> None:
        """Show the unit the layer box and spin boxes name."""
        key = self.cb_layer.currentData()
        if key:
            self.selection = UnitSelection(str(key), self.sp_c.value(), self.sp_y.value(), self.sp_x.value())
            self.compute()

    def open_unit(self, selection: UnitSelection) -> None:
        """Inspect asks for ``selection``: show this page, in front, and compute the unit."""
        self.selection = selection
        self._add_layer(selection.layer)
        self._layer_picked()
        for box, v in ((self.sp_c, selection.channel), (self.sp_y, selection.y), (self.sp_x, selection.x)):
            box.setValue(int(v))
        self.show_requested.emit()
        self.state.open_tab.emit("explain")
        self.compute()

    def compute(self) -> None:
        """Compute the selected unit in a worker (the GUI thread never runs the model)."""
        session, image, sel = self.state.model, self.state.image, self.selection
        if session is None or image is None or sel is None:
            self.message.setText(self._empty_text())
            self.views.setCurrentWidget(self.message)
            return
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.status.setText(tr("Computing {0}, channel {1}, row {2}, column {3}…").format(
            sel.layer, sel.channel, sel.y, sel.x))
        self.btn_show.setEnabled(False)
        job = run_in_thread(compute_unit, session=session, image=image, selection=sel)
        job.sig_finished.connect(self._done)
        job.sig_failed.connect(self._failed)
        job.sig_done.connect(lambda: self.btn_show.setEnabled(self.state.model is not None))
        self.job = job

    def _done(self, answer: tuple) -> None:
        session_id, image_id, selection, result = answer
        if (session_id, image_id) != self._key() or selection != self.selection:
            return  # the model, image or unit changed meanwhile; a newer job is on its way

        if result.kind == "conv" and (self.result is None or self.result.layer != result.layer):
            # a 7×7 kernel and its products need the room: one channel, large enough to read
            self.sp_drawn.blockSignals(True)
            self.sp_drawn.setValue(1 if max(result.kernel.shape[1:]) >= 5 else DEFAULT_DRAWN)
            self.sp_drawn.blockSignals(False)
        self.result, self._for, self._stale = result, (session_id, image_id, selection), False
        self.canvas.language = getattr(self.state, "language", "en")
        self.status.setText(tr("{0} ({1}) · {2}: computed from the loaded model and image.").format(
            result.layer, result.module_type, position_text(result)))
        self._show_result()

    def _show_result(self) -> None:
        """Draw the result: the sliding grids (or the contributions table, or why neither)."""
        from cnnviz.core.explain.unit_animation import shown_channels, unit_animation, unit_step

        result = self.result
        if result is None:
            return
        if result.kind == "linear":
            fill_contributions(self.table, result)
            self.anim = None
            self.clock.reset(0)
            self.views.setCurrentWidget(self.table)
        else:
            drawn = shown_channels(result, self.sp_drawn.value()) if result.kind == "conv" else None
            self.sp_drawn.setEnabled(result.kind == "conv")
            self.anim = unit_animation(result, drawn)
            if self.anim is None:
                self.message.setText(tr("This window is not square (or not evenly spaced), so it is not drawn "
                                        "as a sliding grid; the numbers are on the right."))
                self.views.setCurrentWidget(self.message)
                self.clock.reset(0)
            else:
                self.canvas.set_unit(result, self.anim)
                self.clock.pause()
                self.clock.reset(len(self.anim) + len(result.follow), unit_step(self.anim, result))
                self.views.setCurrentIndex(1)
        self._show_texts()

    def _failed(self, message: str, _details: str = "") -> None:
        self.result, self.anim, self._for = None, None, None
        self.status.setText(message)
        self.message.setText(message)
        self.views.setCurrentWidget(self.message)
        self.formula.setText("")

    # ------------------------------------------------------------ the animation and the formula
    def _on_step(self, index: int) -> None:
        n = len(self.anim) if self.anim is not None else 0
        if self.anim is not None and self.result is not None and index >= n:
            from cnnviz.core.explain.unit_animation import unit_step

            self.canvas.follow_index = index - n
            self.canvas.set_step(unit_step(self.anim, self.result))  # back on the unit itself
        else:
            self.canvas.follow_index = -1
            self.canvas.set_step(index)
        if self.result is not None:
            self.formula.setText(self._formula_html())

    def _formula_html(self) -> str:
        return formula_html(self.result, self.anim, self.canvas.follow_index, getattr(self.state, "language", "en"))

    # ------------------------------------------------------------ page hooks
    def activated(self) -> None:
        """Shown: recompute when the model or image changed since."""
        if self._stale and self.selection is not None:
            self.compute()

    def deactivated(self) -> None:
        """Hidden: the animation stops."""
        self.clock.pause()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if self.clock.handle_key(event.key()):
            event.accept()
        else:
            super().keyPressEvent(event)

    def focus_widget(self) -> QWidget:
        """The canvas takes the keyboard (Space, arrows)."""
        return self.canvas

    def lesson_state(self) -> dict[str, Any]:
        """The unit shown (it is recomputed from the lesson's model and image)."""
        s = self.selection
        return {} if s is None else {"layer": s.layer, "channel": s.channel, "y": s.y, "x": s.x,
                                     "step": self.clock.index}

    def apply_lesson_state(self, d: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state`; computed when a model and image are loaded."""
        if isinstance(d.get("layer"), str):
            self.selection = UnitSelection(d["layer"], int(d.get("channel", 0)), int(d.get("y", 0)),
                                           int(d.get("x", 0)))
            self._stale = True
            if self.state.model is not None:
                self._add_layer(self.selection.layer)

    def is_busy(self) -> bool:
        """True while a unit is being computed."""
        return self.job is not None and self.job.running

    def shutdown(self) -> None:
        """Stop the animation and cancel the computation."""
        self.clock.pause()
        if self.job is not None:
            self.job.cancel()
