"""The Convolution and Pooling pages: settings, the animated canvas, the live formula."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.explain import (
    ConvAnimation,
    PoolAnimation,
    count_conv,
    example_input,
    example_kernel,
    example_pool_input,
    resize_grid,
)
from cnnviz.gui import theme
from cnnviz.gui.explain.common import big_label, fmt, spin, tr
from cnnviz.gui.explain.player import SPEEDS, PlayerBar, StepClock
from cnnviz.gui.explain.sliding_canvas import SlidingCanvas
from cnnviz.gui.explain.sources import conv_weights, first_conv, image_patch
from cnnviz.gui.explain.topics import ExplainPage
from cnnviz.gui.flow_layout import flow_widget
from cnnviz.gui.i18n import error_text
from cnnviz.gui.state import AppState


class SlidingPage(ExplainPage):
    """Convolution (``mode='conv'``) or pooling (``mode='pool'``), step by step."""

    input_grid: np.ndarray  # the input numbers, (channels, rows, columns)

    def __init__(self, state: AppState, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.mode = mode
        self.conv = mode == "conv"
        # pooling needs varied numbers (0…9) to show anything: with 0…3 most windows held a 3
        self.example = example_input if self.conv else example_pool_input
        self._building = True
        self.clock = StepClock(self)
        self.canvas = SlidingCanvas()
        self.player = PlayerBar(self.clock)
        self.clock.step_changed.connect(self.canvas.set_step)
        self.canvas.jump_requested.connect(self.clock.jump_to)
        self.canvas.value_edited.connect(self._on_edit)
        self.canvas.set_zoom(state.zoom)
        state.zoom_changed.connect(self.canvas.set_zoom)

        # settings
        self.sp_h = spin(1, 12, 5 if self.conv else 6, "")
        self.sp_w = spin(1, 12, 5 if self.conv else 6, "")
        self.sp_c = spin(1, 4, 1 if self.conv else 1, "")
        self.sp_cout = spin(1, 4, 1, "")
        self.sp_f = spin(1, 11, 3 if self.conv else 2, "")
        self.sp_s = spin(1, 6, 1 if self.conv else 2, "")
        self.sp_p = spin(0, 5, 1 if self.conv else 0, "")
        self.sp_d = spin(1, 4, 1, "")
        self.cb_mode = QComboBox()
        self.cb_mode.addItem(tr("max"), "max")
        self.cb_mode.addItem(tr("avg"), "avg")
        self.ck_pad = QCheckBox()
        self.ck_pad.setChecked(True)
        self.sp_bias = QDoubleSpinBox()
        self.sp_bias.setRange(-99, 99)
        self.sp_bias.setDecimals(2)
        self.sp_bias.setSingleStep(0.5)
        self.sp_bias.setKeyboardTracking(False)
        self.btn_random = QPushButton()
        self.btn_image = QPushButton()
        self.btn_model = QPushButton()
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self._labels: dict[str, QLabel] = {}
        items = [("H", self.sp_h), ("W", self.sp_w), ("C", self.sp_c)]
        if self.conv:
            items += [("C_out", self.sp_cout)]
        items += [("F", self.sp_f), ("S", self.sp_s), ("P", self.sp_p), ("D", self.sp_d)]
        for col, (key, box) in enumerate(items):
            lab = QLabel(key)
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._labels[key] = lab
            grid.addWidget(lab, 0, col)
            grid.addWidget(box, 1, col)
            box.valueChanged.connect(self._settings_changed)
        col = len(items)
        if self.conv:
            self._labels["b"] = QLabel()
            grid.addWidget(self._labels["b"], 0, col)
            grid.addWidget(self.sp_bias, 1, col)
            self.sp_bias.valueChanged.connect(self._bias_changed)
        else:
            self._labels["mode"] = QLabel()
            grid.addWidget(self._labels["mode"], 0, col)
            grid.addWidget(self.cb_mode, 1, col)
            grid.addWidget(self.ck_pad, 1, col + 1)
            self.cb_mode.currentIndexChanged.connect(self._settings_changed)
            self.ck_pad.toggled.connect(self._settings_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_random)
        buttons.addWidget(self.btn_image)
        if self.conv:
            buttons.addWidget(self.btn_model)
        buttons.addStretch(1)
        self.btn_random.clicked.connect(self.new_numbers)
        self.btn_image.clicked.connect(self.take_image_patch)
        self.btn_model.clicked.connect(self.take_model_kernel)
        # The settings and the buttons wrap onto two lines when the page is narrow (a 1280-pixel
        # projector at 150 % zoom), instead of forcing the window wider than the screen.
        settings_box, buttons_box = QWidget(), QWidget()
        grid.setContentsMargins(0, 0, 0, 0)
        buttons.setContentsMargins(0, 0, 0, 0)
        settings_box.setLayout(grid)
        buttons_box.setLayout(buttons)
        top = flow_widget(settings_box, buttons_box, spacing=20)

        # the formula panel
        self.formula = big_label("", 1.3)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.formula)
        scroll.setMinimumWidth(300)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.canvas, 1)
        lv.addWidget(self.player)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scroll)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([1100, 380])
        lay = QVBoxLayout(self)
        lay.addWidget(top)
        lay.addWidget(split, 1)

        c, h, w = self.sp_c.value(), self.sp_h.value(), self.sp_w.value()
        self.input_grid = self.example(c, h, w)
        self.weight = example_kernel(self.sp_cout.value(), c, self.sp_f.value())
        self.bias = np.zeros(self.sp_cout.value())
        self._building = False
        self.retranslate()
        self.update_sources()
        self.rebuild()
        # Open on a step part-way through the second row, so the first picture already teaches.
        self.clock.set_index(min(len(self.canvas.anim or ()) - 1, self.canvas.anim.out_hw[1] + 1)
                             if self.canvas.anim is not None else -1)

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        """(Re)apply translated labels, tooltips and explanations."""
        tips = {
            "H": tr("Input height (rows)"),
            "W": tr("Input width (columns)"),
            "C": tr("Input channels: a kernel always spans all of them"),
            "C_out": tr("Number of filters = output channels"),
            "F": tr("Kernel (window) size F×F"),
            "S": tr("Stride S: how far the window moves each step"),
            "P": tr("Padding P: rings of zeros around the input"),
            "D": tr("Dilation D: spacing between the kernel's taps (1 = touching)"),
        }
        for key, text in tips.items():
            if key in self._labels:
                self._labels[key].setToolTip(text)
        for key, box in (("H", self.sp_h), ("W", self.sp_w), ("C", self.sp_c), ("C_out", self.sp_cout),
                         ("F", self.sp_f), ("S", self.sp_s), ("P", self.sp_p), ("D", self.sp_d)):
            box.setToolTip(tips[key])
        if self.conv:
            self._labels["b"].setText(tr("bias b"))
            self.sp_bias.setToolTip(tr("Bias of the filter being shown, added after the sum"))
        else:
            self._labels["mode"].setText(tr("Pooling"))
            self.cb_mode.setToolTip(tr("Max pooling keeps the largest value; average pooling the mean"))
            self.ck_pad.setText(tr("count padding"))
            self.ck_pad.setToolTip(tr("Average pooling: divide by F·F (PyTorch's default) or only by the real pixels"))
        self.btn_random.setText(tr("New numbers"))
        self.btn_random.setToolTip(tr("Fill the input (0…3) and the kernel (−1, 0, 1) with new small integers")
                                   if self.conv else tr("Fill the input with new small integers (0…9)"))
        self.btn_image.setText(tr("From image"))
        self.btn_model.setText(tr("From model kernel"))
        self.player.retranslate()
        self.update_sources()
        self._update_formula()

    def update_sources(self) -> None:
        """Enable 'From image' / 'From model kernel' when the state has them, with a tooltip why not."""
        has_image = self.state.image is not None
        self.btn_image.setEnabled(has_image)
        self.btn_image.setToolTip(
            tr("Use a patch from the centre of the current image (the numbers the model sees)") if has_image
            else tr("Open an image in the Inspect tab first"))
        conv = first_conv(self.state.model)
        self.btn_model.setEnabled(conv is not None)
        self.btn_model.setToolTip(
            tr("Use the kernel of the model's first convolution ({0})").format(conv.key) if conv is not None
            else tr("Load a model with a convolution in the Inspect tab first"))

    # ------------------------------------------------------------ numbers
    def _settings_changed(self) -> None:
        if self._building:
            return
        c, h, w, f, cout = self.sp_c.value(), self.sp_h.value(), self.sp_w.value(), self.sp_f.value(), self.sp_cout.value()
        self.input_grid = resize_grid(self.input_grid, (c, h, w), self.example(c, h, w))
        if self.conv:
            self.weight = resize_grid(self.weight, (cout, c, f, f), example_kernel(cout, c, f))
            self.bias = resize_grid(self.bias[None, None], (1, 1, cout), np.zeros((1, 1, cout)))[0, 0]
        self.rebuild(keep_step=True)

    def _bias_changed(self, value: float) -> None:
        if self._building:
            return
        step = self.canvas.step
        self.bias[step.channel if step else 0] = value
        self.rebuild(keep_step=True)

    def _on_edit(self, kind: str, index: tuple, value: float) -> None:
        if kind == "input":
            self.input_grid[index] = value
        elif kind == "kernel":
            self.weight[index] = value
        self.rebuild(keep_step=True)

    def new_numbers(self) -> None:
        """New small integers for the input and the kernel."""
        seed = int(np.random.default_rng().integers(1 << 30))
        c, h, w = self.input_grid.shape
        self.input_grid = self.example(c, h, w, seed)
        if self.conv:
            c_out, c_in, f = self.weight.shape[:3]
            self.weight = example_kernel(c_out, c_in, f, seed + 1)
        self.rebuild(keep_step=True)

    def take_image_patch(self) -> None:
        """The centre patch of the current image (values rounded to 2 decimals)."""
        try:
            patch = image_patch(self.state.image, self.input_grid.shape)
        except CnnvizError as exc:
            self.state.show_status(error_text(exc), 5000)
            return
        self.input_grid = patch
        self.state.show_status(tr("Input: the {0}×{1} patch at the image centre, as the model sees it (rounded)")
                               .format(patch.shape[1], patch.shape[2]), 5000)
        self.rebuild(keep_step=True)

    def take_model_kernel(self) -> None:
        """Kernel, stride, padding and dilation of the current model's first convolution."""
        session = self.state.model
        found = first_conv(session)
        if session is None or found is None:
            self.update_sources()
            return
        try:
            w, b = conv_weights(session, found)
        except CnnvizError as exc:
            self.state.show_status(error_text(exc), 5000)
            return
        name = found.key
        k = min(int(w.shape[2]), self.sp_f.maximum())
        c = min(int(w.shape[1]), self.sp_c.maximum())
        cout = min(int(w.shape[0]), self.sp_cout.value())
        self._building = True
        self.sp_f.setValue(k)
        self.sp_c.setValue(c)
        self.sp_cout.setValue(cout)
        self.sp_s.setValue(min(int((found.stride or [1])[0]), self.sp_s.maximum()))
        pad = found.padding[0] if isinstance(found.padding, list) and found.padding else 0
        self.sp_p.setValue(min(int(pad), self.sp_p.maximum()))
        self.sp_d.setValue(min(int((found.dilation or [1])[0]), self.sp_d.maximum()))
        span = self.sp_d.value() * (k - 1) + 1
        self.sp_h.setValue(max(self.sp_h.value(), min(12, span + 2)))
        self.sp_w.setValue(max(self.sp_w.value(), min(12, span + 2)))
        self._building = False
        c, h, wd = self.sp_c.value(), self.sp_h.value(), self.sp_w.value()
        self.input_grid = resize_grid(self.input_grid, (c, h, wd), example_input(c, h, wd))
        self.weight = np.round(w[:cout, :c, :k, :k], 2)
        self.bias = np.round(b[:cout], 2) if b is not None else np.zeros(cout)
        self.state.show_status(tr("Kernel: the first {0} filter(s) of {1}, rounded to 2 decimals").format(cout, name),
                               5000)
        self.rebuild(keep_step=True)

    def animation(self) -> ConvAnimation | PoolAnimation:
        """Build the core model for the current numbers (raises ExplainError)."""
        s, p, d = self.sp_s.value(), self.sp_p.value(), self.sp_d.value()
        if self.conv:
            return ConvAnimation(self.input_grid, self.weight, self.bias, stride=s, padding=p, dilation=d)
        mode = self.cb_mode.currentData()
        return PoolAnimation(self.input_grid, self.sp_f.value(), mode=mode, stride=s, padding=p,
                             dilation=d if mode == "max" else 1, count_include_pad=self.ck_pad.isChecked())

    def rebuild(self, keep_step: bool = False) -> None:
        """Recompute the animation and redraw everything that depends on it."""
        if not self.conv:
            self.sp_d.setEnabled(self.cb_mode.currentData() == "max")
            self.ck_pad.setEnabled(self.cb_mode.currentData() == "avg")
        index = self.clock.index if keep_step else -1
        try:
            anim = self.animation()
        except CnnvizError as exc:
            self.canvas.set_animation(None, error_text(exc))
            self.clock.reset(0)
            self._error = error_text(exc)
            self._update_formula()
            return
        self._error = ""
        self.canvas.set_animation(anim)
        self.clock.reset(len(anim), index)
        self._update_formula()

    # ------------------------------------------------------------ formula
    def _update_formula(self) -> None:
        if self._building or not hasattr(self, "_error"):
            return
        lang = getattr(self.state, "language", "en")
        if self._error:
            self.formula.setText(f"<p style='color:{theme.css(theme.semantic_color('error'))}'>{self._error}</p>")
            return
        anim = self.canvas.anim
        assert anim is not None
        eh, ew = anim.sizes
        parts = [f"<h3>{tr('Output size')}</h3>",
                 f"<p>H<sub>out</sub> = {eh.formula}<br>W<sub>out</sub> = {ew.formula}</p>",
                 f"<p>{tr('Output')}: {anim.out_channels} × {eh.out} × {ew.out}</p>"]
        ok = eh.tiles and ew.tiles and not eh.skipped and not ew.skipped
        texts = [eh.explanation.get(lang)] if ok and eh.n == ew.n \
            else [f"<b>H:</b> {eh.explanation.get(lang)}", f"<b>W:</b> {ew.explanation.get(lang)}"]
        # Colours from the palette at draw time (redrawn on a theme switch): a fixed dark grey vanishes on dark.
        style = "" if ok else f" style='color:{theme.css(theme.semantic_color('warning'))}'"
        parts += [f"<p{style}>{t}</p>" for t in texts]
        if self.conv:
            c_out, c, f, _ = self.weight.shape
            pc = count_conv(f, c, c_out)
            parts.append(f"<h3>{tr('Each output')}</h3><p>"
                         + tr("Σ of C·F·F = {0}·{1}·{1} = {2} products, plus the filter's bias.").format(c, f, c * f * f)
                         + f"</p><p>{tr('Parameters')}: {pc.formula}</p>")
        else:
            assert isinstance(anim, PoolAnimation)
            parts.append("<p>" + (tr("Max pooling keeps the largest value in each window: no weights to learn.")
                                  if anim.mode == "max" else
                                  tr("Average pooling takes the mean of each window: no weights to learn.")) + "</p>")
        parts.append(
            "<p style='font-size:small'>"
            + tr("Orange: the window. Grey: padding. Red hatching: never read. Blue: the output cell being written.")
            + "</p>")
        self.formula.setText("".join(parts))
        step = self.canvas.step
        if self.conv and step is not None:
            self._building = True
            self.sp_bias.setValue(float(self.bias[step.channel]))
            self._building = False

    # ------------------------------------------------------------ keys and lessons
    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if self.clock.handle_key(event.key()):
            event.accept()
        else:
            super().keyPressEvent(event)

    def lesson_state(self) -> dict[str, Any]:
        """Every setting and number of this page (JSON-serialisable)."""
        return {
            "h": self.sp_h.value(), "w": self.sp_w.value(), "c": self.sp_c.value(), "c_out": self.sp_cout.value(),
            "f": self.sp_f.value(), "s": self.sp_s.value(), "p": self.sp_p.value(), "d": self.sp_d.value(),
            "pool_mode": self.cb_mode.currentData(), "count_include_pad": self.ck_pad.isChecked(),
            "input": self.input_grid.tolist(), "weight": self.weight.tolist(), "bias": self.bias.tolist(),
            "step": self.clock.index, "speed": self.player.slider.value(),
        }

    def apply_lesson_state(self, d: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state` (unknown or missing keys keep their current values)."""
        self._building = True
        try:
            for key, box in (("h", self.sp_h), ("w", self.sp_w), ("c", self.sp_c), ("c_out", self.sp_cout),
                             ("f", self.sp_f), ("s", self.sp_s), ("p", self.sp_p), ("d", self.sp_d)):
                if key in d:
                    box.setValue(int(d[key]))
            if d.get("pool_mode") in ("max", "avg"):
                self.cb_mode.setCurrentIndex(self.cb_mode.findData(d["pool_mode"]))
            if "count_include_pad" in d:
                self.ck_pad.setChecked(bool(d["count_include_pad"]))
            c, h, w = self.sp_c.value(), self.sp_h.value(), self.sp_w.value()
            f, cout = self.sp_f.value(), self.sp_cout.value()
            if "input" in d:
                self.input_grid = resize_grid(np.asarray(d["input"], dtype=float), (c, h, w), self.example(c, h, w))
            if "weight" in d:
                self.weight = resize_grid(np.asarray(d["weight"], dtype=float), (cout, c, f, f),
                                          example_kernel(cout, c, f))
            if "bias" in d:
                self.bias = resize_grid(np.asarray(d["bias"], dtype=float)[None, None], (1, 1, cout),
                                        np.zeros((1, 1, cout)))[0, 0]
            if "speed" in d:
                self.player.set_speed_index(int(d["speed"]))
        finally:
            self._building = False
        self.clock.pause()
        self.clock.index = int(d.get("step", -1))
        self.rebuild(keep_step=True)

    def shutdown(self) -> None:
        """Stop the animation timer."""
        self.clock.pause()

    def deactivated(self) -> None:
        """Another page is shown: the animation stops where it is."""
        self.clock.pause()

    def focus_widget(self) -> QWidget:
        """The canvas takes the keyboard (Space, arrows)."""
        return self.canvas


__all__ = ["SlidingPage", "SPEEDS", "fmt"]
