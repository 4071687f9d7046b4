"""QPainter view of a sliding window: padded input, kernel, products, output.

Draws what a :class:`~cnnviz.core.explain.sliding.ConvAnimation` or
:class:`~cnnviz.core.explain.sliding.PoolAnimation` computed; it never does
arithmetic of its own. Cells are as large as the widget allows, so the numbers
stay readable on a projector. Double-click an input or kernel cell to type a
value; click an output cell to jump to the step that writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

from cnnviz.core.explain.sliding import ConvAnimation, PoolAnimation, Step
from cnnviz.gui.explain.common import (
    DROPPED,
    INK,
    KERNEL,
    OUTPUT,
    PADDING,
    WINDOW,
    CellTexts,
    cell_font,
    fmt,
    tr,
)

MAX_CELL = 84.0  # px at zoom 1; cells grow with the zoom
TERMS_WRITTEN_OUT = 12  # up to this many products the sum is written term by term


@dataclass
class _Hit:
    rect: QRectF
    kind: str  # "input" | "kernel" | "output"
    index: tuple[int, ...]


class SlidingCanvas(QWidget):
    """Paints one step of a convolution or pooling animation."""

    value_edited = Signal(str, object, float)
    """A cell was edited: kind ('input' or 'kernel'), index tuple, new value."""
    jump_requested = Signal(int)
    """The user clicked an output cell: show the step that writes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anim: ConvAnimation | PoolAnimation | None = None
        self.output: np.ndarray | None = None
        self.index = -1
        self.message = ""
        self._hits: list[_Hit] = []
        self._editor: QLineEdit | None = None
        self.zoom = 1.0
        self.number = fmt  # how a value is written in a cell and the equation
        self.cell_texts = CellTexts()  # what the last paint wrote in cells (tests check nothing is clipped)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 320)
        self.setMouseTracking(True)
        self.setToolTip(tr("Double-click an input or kernel cell to type a value; click an output cell to jump to it."))

    # ------------------------------------------------------------ data
    def set_animation(self, anim: ConvAnimation | PoolAnimation | None, message: str = "") -> None:
        """Show ``anim`` (None with a ``message`` when the settings cannot be computed)."""
        self.anim = anim
        self.output = None if anim is None else anim.output()
        self.message = message
        self.index = min(self.index, len(anim) - 1) if anim is not None else -1
        self.update()

    def set_zoom(self, zoom: float) -> None:
        """The presentation zoom: cells may grow this much larger (fonts already follow the application's)."""
        self.zoom = max(0.25, float(zoom))
        self.update()

    def set_step(self, index: int) -> None:
        """Show step ``index`` (−1: the window has not started)."""
        self.index = index
        self.update()

    @property
    def step(self) -> Step | None:
        """The step shown now, or None."""
        if self.anim is None or self.index < 0:
            return None
        return self.anim[self.index]

    def output_text(self, channel: int, y: int, x: int) -> str | None:
        """The number shown in output cell (channel, y, x), or None while it is still empty."""
        if self.anim is None or self.output is None:
            return None
        if self.anim.index_of(channel, y, x) > self.index:
            return None
        return self.number(self.output[channel, y, x])

    # Titles and places: a subclass showing part of a real layer names them its own way.
    def input_title(self, c: int) -> str:
        """Title above input channel ``c``."""
        anim = self.anim
        assert anim is not None
        return tr("Input ch {0}  ({1}×{2}, P = {3})").format(c, anim.x.shape[1], anim.x.shape[2], anim.window.padding)

    def output_title(self, o: int) -> str:
        """Title above output channel ``o``."""
        assert self.anim is not None
        ho, wo = self.anim.out_hw
        return tr("Output {0}: {1}×{2}").format(o, ho, wo)

    def input_share(self) -> float:
        """The fraction of the width the input grids get (the outputs get the rest)."""
        return 0.68 if isinstance(self.anim, ConvAnimation) else 0.62

    def where(self, s: Step) -> str:
        """The output cell step ``s`` writes, in words."""
        return tr("output[{0}] row {1}, col {2}").format(s.channel, s.out_y, s.out_x)

    def equation_lines(self) -> list[str]:
        """The computation of the current step, as shown under the grids."""
        s = self.step
        if s is None or self.anim is None:
            if self.anim is None:
                return []
            return [tr("Press Space to play, → to step: the window slides left to right, top to bottom.")]
        where = self.where(s)
        if isinstance(self.anim, ConvAnimation):
            assert s.products is not None and s.weights is not None
            prods = s.products.ravel()
            if prods.size <= TERMS_WRITTEN_OUT:
                terms = " + ".join(
                    f"{self.number(a)}·{self.number(b)}" if b >= 0 else f"{self.number(a)}·({self.number(b)})"
                    for a, b in zip(s.window.ravel(), s.weights.ravel(), strict=True)
                )
                first = f"Σ x·w = {terms}"
            else:
                parts = ", ".join(f"Σ ch{c} = {self.number(v)}" for c, v in enumerate(s.channel_sums))
                first = tr("{0} products, summed per channel: {1}").format(prods.size, parts)
            second = f"Σ = {self.number(prods.sum())}  + b = {self.number(s.bias)}  →  {self.number(s.value)}   ({where})"
            return [first, second]
        vals = [self.number(v) for v, pad in zip(s.window.ravel(), s.in_padding.ravel(), strict=True)]
        if self.anim.mode == "max":
            return [f"max({', '.join(vals)}) = {self.number(s.value)}   ({where})",
                    tr("Padding counts as −∞ for max pooling, so it never wins.") if s.in_padding.any() else ""]
        n = s.window.size if self.anim.count_include_pad else int((~s.in_padding).sum())
        total = float(np.sum(np.where(s.in_padding, 0.0, s.window)))
        return [f"({' + '.join(vals)}) / {n} = {self.number(total)} / {n} = {self.number(s.value)}   ({where})",
                tr("Padding counts as 0 and is included in the divisor.") if s.in_padding.any()
                and self.anim.count_include_pad else ""]

    # ------------------------------------------------------------ painting
    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt naming)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        self._hits = []
        self.cell_texts = CellTexts()
        if self.anim is None:
            p.setPen(QColor("#A00000"))
            f = QFont(self.font())
            f.setPointSizeF(f.pointSizeF() * 1.4)
            p.setFont(f)
            p.drawText(QRectF(self.rect()).adjusted(30, 30, -30, -30),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            p.end()
            return
        self._paint(p)
        p.end()

    def _paint(self, p: QPainter) -> None:
        anim = self.anim
        assert anim is not None and self.output is not None
        conv = isinstance(anim, ConvAnimation)
        c_in = anim.x.shape[0]
        hp, wp = anim.padded.shape[1:]
        k = anim.window.kernel
        ho, wo = anim.out_hw
        c_out = anim.out_channels
        margin = 14.0
        title_h = max(22.0, self.fontMetrics().height() * 1.5)
        width = self.width() - 2 * margin
        left_w = width * self.input_share()
        eq_font = self._equation_font(width)  # under the grids; narrower if the outputs reach down there
        eq_h = self._equation_height(eq_font, width)
        height = self.height() - 2 * margin - eq_h
        right_w = width - left_w - 20
        col_cells = max(wp, 2 * k + 1) if conv else wp
        rows_cells = hp + (k if conv else 0)
        s = min(
            MAX_CELL * self.zoom,
            (left_w - (c_in - 1) * 16) / (c_in * col_cells),
            (height - (2 if conv else 1) * title_h - 12) / rows_cells,
        )
        so = min(MAX_CELL * self.zoom, right_w / wo, (height - c_out * title_h - (c_out - 1) * 10) / (c_out * ho))
        s, so = max(s, 8.0), max(so, 8.0)
        step = self.step
        never_r = set(anim.sizes[0].never_read())
        never_c = set(anim.sizes[1].never_read())
        # input channels
        x0 = margin
        for c in range(c_in):
            col_w = col_cells * s
            top = margin
            self._title(p, QRectF(x0, top, max(col_w, wp * s), title_h),
                        self.input_title(c))
            gy = top + title_h
            active = step is not None and (conv or step.channel == c)
            self._grid_input(p, QPointF(x0, gy), s, c, never_r, never_c, step if active else None)
            if conv:
                assert isinstance(anim, ConvAnimation)
                ky = gy + hp * s + title_h
                self._title(p, QRectF(x0, ky - title_h, k * s + 6, title_h), tr("Kernel w"), KERNEL)
                w = anim.weight[step.channel if step else 0, c]
                self._grid_values(p, QPointF(x0, ky), s, w, "kernel",
                                  lambda yy, xx, c=c: (step.channel if step else 0, c, yy, xx), border=KERNEL)
                if step is not None:
                    assert step.products is not None  # a convolution step has its products
                    px = x0 + (k + 1) * s
                    self._title(p, QRectF(px, ky - title_h, k * s + 40, title_h), tr("x·w"), WINDOW)
                    self._grid_values(p, QPointF(px, ky), s, step.products[c], None, None, border=WINDOW)
            x0 += max(col_w, wp * s) + 16
        # outputs
        ox = margin + left_w + 20
        oy = margin
        for o in range(c_out):
            label = self.output_title(o)
            self._title(p, QRectF(ox, oy, right_w, title_h), label, OUTPUT)
            self._grid_output(p, QPointF(ox, oy + title_h), so, o, step)
            oy += title_h + ho * so + 10
        # the equation, right under the grids
        bottom = margin + title_h + hp * s + ((title_h + k * s) if conv else 0) + 12
        eq_top = min(bottom, self.height() - margin - eq_h)
        eq_w = width if eq_top >= oy else left_w
        self._equation(p, QRectF(margin, eq_top, eq_w, eq_h), eq_font if eq_w == width else self._equation_font(eq_w))

    def _title(self, p: QPainter, rect: QRectF, text: str, color: QColor = INK) -> None:
        p.setPen(color)
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _cell_font(self, s: float, texts: list[str]) -> QFont:
        return cell_font(self.font(), s, texts)

    def _equation_font(self, width: float) -> QFont:
        """1.45 × the text size, smaller when the longest line would not fit in ``width`` (down to 7 pt)."""
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 1.45)
        widest = max((QFontMetricsF(f).horizontalAdvance(ln) for ln in self.equation_lines() if ln), default=1.0)
        if widest > width:
            f.setPointSizeF(max(7.0, f.pointSizeF() * 0.97 * width / widest))  # 0.97: rounding of the size
        return f

    def _equation_height(self, font: QFont, width: float) -> float:
        """Height of the equation lines (wrapped when even 7 pt is too wide), at least two lines."""
        metrics = QFontMetricsF(font)
        text = "\n".join(ln for ln in self.equation_lines() if ln) or " "
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        box = metrics.boundingRect(QRectF(0, 0, max(1.0, width), 1e6), flags, text)
        return max(box.height(), 2 * metrics.lineSpacing()) + 8

    def _grid_input(self, p: QPainter, origin: QPointF, s: float, c: int, never_r: set[int], never_c: set[int],
                    step: Step | None) -> None:
        anim = self.anim
        assert anim is not None
        pad = anim.window.padding
        hp, wp = anim.padded.shape[1:]
        taps = set()
        if step is not None:
            taps = {(r, cc) for r in step.rows for cc in step.cols}
        p.setFont(self._cell_font(s, [self.number(v) for v in anim.padded[c].ravel()]))
        for r in range(hp):
            for cc in range(wp):
                rect = QRectF(origin.x() + cc * s, origin.y() + r * s, s, s)
                in_pad = bool(anim.pad_mask[r, cc])
                fill = PADDING if in_pad else QColor("white")
                p.fillRect(rect, fill)
                if r in never_r or cc in never_c:
                    p.fillRect(rect, QBrush(QColor(DROPPED.red(), DROPPED.green(), DROPPED.blue(), 150),
                                            Qt.BrushStyle.BDiagPattern))
                if (r, cc) in taps:
                    p.fillRect(rect, QColor(WINDOW.red(), WINDOW.green(), WINDOW.blue(), 110))
                p.setPen(QPen(QColor("#9A9A9A"), 1))
                p.drawRect(rect)
                v = anim.padded[c, r, cc]
                text = self.number(v)  # padding shows 0, or −∞ for max pooling
                p.setPen(QColor("#777777") if in_pad else INK)
                self.cell_texts.draw(p, rect, text)
                if not in_pad:
                    self._hits.append(_Hit(rect, "input", (c, r - pad, cc - pad)))
        if step is not None:
            p.setPen(QPen(WINDOW.darker(130), 3))
            for (r, cc) in taps:
                p.drawRect(QRectF(origin.x() + cc * s, origin.y() + r * s, s, s).adjusted(1.5, 1.5, -1.5, -1.5))
            if step.pick is not None:
                r, cc = step.rows[step.pick[0]], step.cols[step.pick[1]]
                p.setPen(QPen(OUTPUT, 4))
                p.drawEllipse(QRectF(origin.x() + cc * s, origin.y() + r * s, s, s).adjusted(4, 4, -4, -4))
        # the real input inside the padding
        if pad:
            p.setPen(QPen(INK, 2))
            p.drawRect(QRectF(origin.x() + pad * s, origin.y() + pad * s, (wp - 2 * pad) * s, (hp - 2 * pad) * s))

    def _grid_values(self, p: QPainter, origin: QPointF, s: float, values: np.ndarray, kind: str | None,
                     index_of, border: QColor) -> None:
        p.setFont(self._cell_font(s, [self.number(v) for v in values.ravel()]))
        for r in range(values.shape[0]):
            for c in range(values.shape[1]):
                rect = QRectF(origin.x() + c * s, origin.y() + r * s, s, s)
                p.fillRect(rect, QColor(border.red(), border.green(), border.blue(), 35))
                p.setPen(QPen(border, 1.5))
                p.drawRect(rect)
                p.setPen(INK)
                self.cell_texts.draw(p, rect, self.number(values[r, c]))
                if kind is not None:
                    self._hits.append(_Hit(rect, kind, index_of(r, c)))

    def _grid_output(self, p: QPainter, origin: QPointF, s: float, o: int, step: Step | None) -> None:
        anim = self.anim
        assert anim is not None
        ho, wo = anim.out_hw
        p.setFont(self._cell_font(s, [self.number(v) for v in self.output[o].ravel()] if self.output is not None else []))
        for y in range(ho):
            for x in range(wo):
                rect = QRectF(origin.x() + x * s, origin.y() + y * s, s, s)
                text = self.output_text(o, y, x)
                current = step is not None and (step.channel, step.out_y, step.out_x) == (o, y, x)
                fill = QColor(OUTPUT.red(), OUTPUT.green(), OUTPUT.blue(), 70) if current else (
                    QColor("white") if text is not None else QColor("#F2F2F2"))
                p.fillRect(rect, fill)
                p.setPen(QPen(OUTPUT if current else QColor("#9A9A9A"), 3 if current else 1))
                p.drawRect(rect)
                if text is not None:
                    p.setPen(INK)
                    self.cell_texts.draw(p, rect, text)
                self._hits.append(_Hit(rect, "output", (o, y, x)))

    def _equation(self, p: QPainter, rect: QRectF, font: QFont) -> None:
        lines = [ln for ln in self.equation_lines() if ln]
        p.setFont(font)
        p.setPen(INK)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        p.drawText(rect, flags, "\n".join(lines))

    # ------------------------------------------------------------ interaction
    def _hit(self, pos: QPointF) -> _Hit | None:
        for h in self._hits:
            if h.rect.contains(pos):
                return h
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        hit = self._hit(event.position())
        if hit is not None and hit.kind == "output" and self.anim is not None:
            self.jump_requested.emit(self.anim.index_of(*hit.index))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(event.position())
        if hit is None or hit.kind == "output" or self.anim is None:
            return
        if hit.kind == "kernel" and not isinstance(self.anim, ConvAnimation):
            return
        if hit.kind == "input":
            value = self.anim.x[hit.index]
        else:
            assert isinstance(self.anim, ConvAnimation)  # a kernel cell (checked above)
            value = self.anim.weight[hit.index]
        self.edit_cell(hit, float(value))

    def edit_cell(self, hit: _Hit, value: float) -> None:
        """Open an inline editor over ``hit``'s cell."""
        if self._editor is not None:
            self._editor.deleteLater()
        editor = QLineEdit(fmt(value).replace("−", "-"), self)
        editor.setGeometry(hit.rect.toRect().adjusted(2, 2, -2, -2))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.selectAll()
        editor.show()
        editor.setFocus()

        def commit() -> None:
            text = editor.text().replace("−", "-").replace(",", ".").strip()
            editor.deleteLater()
            self._editor = None
            self.setFocus()
            try:
                new = float(text)
            except ValueError:
                return
            if np.isfinite(new):
                self.value_edited.emit(hit.kind, hit.index, new)

        editor.editingFinished.connect(commit)
        self._editor = editor
