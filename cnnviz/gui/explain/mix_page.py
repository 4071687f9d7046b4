"""The 1×1 convolution page: channels mixed at one pixel (the NiN idea)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.explain import ChannelMix, example_input, example_kernel, resize_grid
from cnnviz.gui.explain.common import (
    INK,
    KERNEL,
    OUTPUT,
    WINDOW,
    CellTexts,
    big_label,
    cell_font,
    fmt,
    spin,
    tr,
)
from cnnviz.gui.explain.topics import ExplainPage
from cnnviz.gui.i18n import error_text
from cnnviz.gui.state import AppState


class MixCanvas(QWidget):
    """Input channels with one pixel picked, W · x + b = out drawn as grids, and the output maps."""

    input_grid: np.ndarray  # the input numbers, (channels, rows, columns)

    pixel_picked = Signal(int, int)
    """The user clicked pixel (y, x) of an input channel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input_grid = np.zeros((1, 1, 1))
        self.weight = np.zeros((1, 1))
        self.bias = np.zeros(1)
        self.pixel = (0, 0)
        self.mix: ChannelMix | None = None
        self.maps: np.ndarray | None = None  # (C_out, H, W): the mix at every pixel
        self._pixel_rects: list[tuple[QRectF, tuple[int, int]]] = []
        self.zoom = 1.0
        self.cell_texts = CellTexts()  # what the last paint wrote in cells (tests check nothing is clipped)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 320)

    def set_data(self, x: np.ndarray, weight: np.ndarray, bias: np.ndarray, pixel: tuple[int, int]) -> None:
        """Show the 1×1 convolution of ``x`` (C_in, H, W) with ``weight`` (C_out, C_in) at ``pixel``."""
        self.input_grid, self.weight, self.bias, self.pixel = x, weight, bias, pixel
        self.mix = ChannelMix.at(x, weight, bias, *pixel)
        h, w = x.shape[1:]
        self.maps = np.stack(
            [[ChannelMix.at(x, weight, bias, yy, xx).output for xx in range(w)] for yy in range(h)]
        ).transpose(2, 0, 1)
        self.update()

    def set_zoom(self, zoom: float) -> None:
        """The presentation zoom: cells may grow this much larger (fonts already follow the application's)."""
        self.zoom = max(0.25, float(zoom))
        self.update()

    def _font(self, s: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(8, int(s * 0.34)))
        f.setBold(bold)
        return f

    def _cells(self, p: QPainter, origin: QPointF, s: float, values: np.ndarray, color: QColor,
               highlight: tuple[int, int] | None = None, hits: bool = False) -> None:
        p.setFont(cell_font(self.font(), s, [fmt(v) for v in values.ravel()]))
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                rect = QRectF(origin.x() + c * s, origin.y() + r * s, s, s)
                on = highlight == (r, c)
                p.fillRect(rect, QColor(color.red(), color.green(), color.blue(), 120 if on else 30))
                p.setPen(QPen(color.darker(130) if on else QColor("#9A9A9A"), 3 if on else 1))
                p.drawRect(rect)
                p.setPen(INK)
                self.cell_texts.draw(p, rect, fmt(values[r, c]))
                if hits:
                    self._pixel_rects.append((rect, (r, c)))

    def _label(self, p: QPainter, rect: QRectF, text: str, color: QColor = INK, align=Qt.AlignmentFlag.AlignLeft) -> None:
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        p.setPen(color)
        p.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        self._pixel_rects = []
        self.cell_texts = CellTexts()
        if self.mix is None or self.maps is None:
            p.end()
            return
        cin, h, w = self.input_grid.shape
        cout = self.weight.shape[0]
        m, th = 14.0, max(22.0, self.fontMetrics().height() * 1.5)
        width, height = self.width() - 2 * m, self.height() - 2 * m
        # three bands: inputs, the product, outputs
        cap = 70.0 * self.zoom
        s_in = min(cap, (width - (cin - 1) * 14) / (cin * w), (height * 0.34 - th) / h)
        y = m
        for c in range(cin):
            x0 = m + c * (w * s_in + 14)
            self._label(p, QRectF(x0, y, w * s_in + 10, th), tr("Input ch {0}").format(c))
            self._cells(p, QPointF(x0, y + th), s_in, self.input_grid[c], WINDOW, self.pixel, hits=True)
        y += th + h * s_in + 14
        # W (C_out × C_in) · x (C_in) + b = out
        cols = cin + 1 + 1 + 1 + 3.5  # W, x, b, out, and room for the signs
        s = min(cap, width / cols, (height * 0.36 - th) / max(cout, cin))
        x0 = m
        self._label(p, QRectF(x0, y, cin * s + 20, th), tr("weights W ({0}×{1})").format(cout, cin), KERNEL)
        self._cells(p, QPointF(x0, y + th), s, self.weight, KERNEL)
        x0 += cin * s + 0.25 * s
        sign = self._font(s * 1.4, bold=True)
        mid = y + th + max(cout, cin) * s / 2

        def op(text: str) -> None:
            nonlocal x0
            p.setFont(sign)
            p.setPen(INK)
            p.drawText(QRectF(x0, mid - s / 2, s, s), Qt.AlignmentFlag.AlignCenter, text)
            x0 += s

        op("·")
        self._label(p, QRectF(x0, y, 3 * s, th), "x", WINDOW)
        self._cells(p, QPointF(x0, y + th), s, self.mix.pixel[:, None], WINDOW)
        x0 += s
        op("+")
        self._label(p, QRectF(x0, y, 2 * s, th), "b", KERNEL)
        self._cells(p, QPointF(x0, y + th), s, self.bias[:, None], KERNEL)
        x0 += s
        op("=")
        self._label(p, QRectF(x0, y, 3 * s, th), "out", OUTPUT)
        self._cells(p, QPointF(x0, y + th), s, self.mix.output[:, None], OUTPUT)
        y += th + max(cout, cin) * s + 14
        # the output maps: same H×W, C_out channels
        s_out = min(cap, (width - (cout - 1) * 14) / (cout * w), (self.height() - m - y - th) / h)
        for o in range(cout):
            x0 = m + o * (w * s_out + 14)
            self._label(p, QRectF(x0, y, w * s_out + 10, th), tr("Output ch {0}").format(o), OUTPUT)
            self._cells(p, QPointF(x0, y + th), s_out, self.maps[o], OUTPUT, self.pixel)
        p.end()

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        self.setFocus()
        for rect, (r, c) in self._pixel_rects:
            if rect.contains(event.position()):
                self.pixel_picked.emit(r, c)
                return


class MixPage(ExplainPage):
    """Settings, the canvas and the explanation of a 1×1 convolution."""

    input_grid: np.ndarray  # the input numbers, (channels, rows, columns)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.sp_cin = spin(1, 6, 3, "")
        self.sp_cout = spin(1, 4, 2, "")
        self.sp_size = spin(2, 6, 4, "")
        self.btn_new = QPushButton()
        self.lab_cin, self.lab_cout, self.lab_size = QLabel("C_in"), QLabel("C_out"), QLabel()
        top = QHBoxLayout()
        for lab, box in ((self.lab_cin, self.sp_cin), (self.lab_cout, self.sp_cout), (self.lab_size, self.sp_size)):
            top.addWidget(lab)
            top.addWidget(box)
            box.valueChanged.connect(self._resize)
            top.addSpacing(10)
        top.addWidget(self.btn_new)
        top.addStretch(1)
        self.btn_new.clicked.connect(self._new_numbers)
        self.canvas = MixCanvas()
        self.canvas.pixel_picked.connect(self.set_pixel)
        self.canvas.set_zoom(state.zoom)
        state.zoom_changed.connect(self.canvas.set_zoom)
        self.text = big_label("", 1.3)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setMinimumWidth(300)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.canvas)
        split.addWidget(self.text)
        split.setSizes([1000, 380])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.input_grid = example_input(3, 4, 4, seed=5)
        self.weight = example_kernel(2, 3, 1, seed=6)[:, :, 0, 0]
        self.bias = np.zeros(2)
        self.pixel = (1, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """(Re)apply translated strings and the core explanation."""
        self.lab_size.setText(tr("Size"))
        self.sp_cin.setToolTip(tr("Channels going in"))
        self.sp_cout.setToolTip(tr("Channels coming out (number of 1×1 filters)"))
        self.sp_size.setToolTip(tr("Height and width of the input (they do not change)"))
        self.btn_new.setText(tr("New numbers"))
        self.canvas.setToolTip(tr("Click a pixel of an input channel (or use the arrow keys) to mix its channels"))
        self.refresh()

    def _resize(self) -> None:
        cin, cout, n = self.sp_cin.value(), self.sp_cout.value(), self.sp_size.value()
        self.input_grid = resize_grid(self.input_grid, (cin, n, n), example_input(cin, n, n, seed=5))
        self.weight = resize_grid(self.weight[None], (1, cout, cin), example_kernel(cout, cin, 1, seed=6)[None, :, :, 0, 0])[0]
        self.bias = resize_grid(self.bias[None, None], (1, 1, cout), np.zeros((1, 1, cout)))[0, 0]
        self.pixel = (min(self.pixel[0], n - 1), min(self.pixel[1], n - 1))
        self.refresh()

    def _new_numbers(self) -> None:
        seed = int(np.random.default_rng().integers(1 << 30))
        cin, n, _ = self.input_grid.shape
        cout = self.weight.shape[0]
        self.input_grid = example_input(cin, n, n, seed)
        self.weight = example_kernel(cout, cin, 1, seed + 1)[:, :, 0, 0]
        self.refresh()

    def set_pixel(self, y: int, x: int) -> None:
        """Mix the channels at pixel (y, x)."""
        n = self.input_grid.shape[1]
        self.pixel = (max(0, min(n - 1, y)), max(0, min(n - 1, x)))
        self.refresh()

    def refresh(self) -> None:
        """Recompute through core and redraw."""
        try:
            self.canvas.set_data(self.input_grid, self.weight, self.bias, self.pixel)
        except CnnvizError as exc:
            self.text.setText(error_text(exc))
            return
        mix = self.canvas.mix
        assert mix is not None
        lang = getattr(self.state, "language", "en")
        lines = []
        for o in range(mix.weight.shape[0]):
            terms = " + ".join(f"{fmt(w)}·{fmt(v)}" for w, v in zip(mix.weight[o], mix.pixel, strict=True))
            lines.append(f"out[{o}] = {terms} + {fmt(mix.bias[o])} = <b>{fmt(mix.output[o])}</b>")
        self.text.setText(
            f"<h3>{tr('Pixel ({0}, {1})').format(*self.pixel)}</h3><p>" + "<br>".join(lines) + "</p>"
            f"<p>{mix.explanation().get(lang)}</p>")

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        dy, dx = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1),
                  Qt.Key.Key_Right: (0, 1)}.get(event.key(), (0, 0))
        if (dy, dx) == (0, 0):
            super().keyPressEvent(event)
            return
        self.set_pixel(self.pixel[0] + dy, self.pixel[1] + dx)
        event.accept()

    def focus_widget(self) -> QWidget:
        """The canvas takes the keyboard."""
        return self.canvas

    def lesson_state(self) -> dict[str, Any]:
        """Settings and numbers of this page (JSON-serialisable)."""
        return {"input": self.input_grid.tolist(), "weight": self.weight.tolist(), "bias": self.bias.tolist(),
                "pixel": list(self.pixel)}

    def apply_lesson_state(self, d: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state`."""
        x = np.asarray(d.get("input", self.input_grid), dtype=float)
        w = np.asarray(d.get("weight", self.weight), dtype=float)
        b = np.asarray(d.get("bias", self.bias), dtype=float)
        if x.ndim != 3 or w.ndim != 2 or w.shape[1] != x.shape[0] or b.shape != (w.shape[0],):
            return
        for box, v in ((self.sp_cin, x.shape[0]), (self.sp_cout, w.shape[0]), (self.sp_size, x.shape[1])):
            box.blockSignals(True)
            box.setValue(int(v))
            box.blockSignals(False)
        self.input_grid, self.weight, self.bias = x, w, b
        px = d.get("pixel", [0, 0])
        self.set_pixel(int(px[0]), int(px[1]))
