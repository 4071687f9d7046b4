"""The Unit arithmetic page's canvas: the sliding grids with the real channel numbers and positions.

It draws a core ``ConvUnit`` / ``PoolUnit`` through its neighbourhood animation
(:func:`cnnviz.core.explain.unit_animation.unit_animation`), then the steps that
follow the layer (BatchNorm, activation) one by one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from cnnviz.gui.explain.common import fmt_real, tr
from cnnviz.gui.explain.sliding_canvas import SlidingCanvas


class UnitCanvas(SlidingCanvas):
    """The sliding canvas, naming real channels and positions, then showing the steps after the layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit: Any = None
        self.follow_index = -1  # which following step (BatchNorm, ReLU…) is shown; −1: the layer's own
        self.language = "en"
        self.number = fmt_real
        self.setToolTip(tr("Click an output cell to see how that neighbour is computed."))

    def set_unit(self, unit: Any, anim: Any) -> None:
        """Show ``unit`` (core ConvUnit / PoolUnit) through its neighbourhood animation ``anim``."""
        self.unit = unit
        self.follow_index = -1
        self.set_animation(anim)

    def _channel(self, c: int) -> int:
        u, anim = self.unit, self.anim
        if u is None or anim is None:
            return c
        if u.kind != "conv":
            return int(u.channel)
        shown = getattr(anim, "shown", None)
        return int(u.in_channels[shown[c] if shown else c])

    def input_title(self, c: int) -> str:
        """The real input channel (its rows and columns are in the tooltip and the text)."""
        if self.unit is None or self.anim is None:
            return super().input_title(c)
        return tr("Input ch {0}").format(self._channel(c))

    def output_title(self, o: int) -> str:
        """The layer's output channel."""
        if self.unit is None or self.anim is None:
            return super().output_title(o)
        return tr("Output ch {0}").format(self.unit.channel)

    def input_share(self) -> float:
        """Inputs and outputs share the width by how many cells each draws (a 3×3 output needs little)."""
        anim = self.anim
        if self.unit is None or anim is None:
            return super().input_share()
        k = anim.window.kernel
        cols = anim.padded.shape[2]
        per_channel = max(cols, 2 * k + 1) if self.unit.kind == "conv" else cols
        inputs = anim.x.shape[0] * (per_channel + 0.4)
        share = min(0.85, max(0.5, inputs / (inputs + anim.out_hw[1] + 1)))
        # leave the output column room for its title
        bold = QFont(self.font())
        bold.setBold(True)
        title = QFontMetricsF(bold).horizontalAdvance(self.output_title(0)) + 40
        return max(0.4, min(share, 1 - title / max(1.0, self.width())))

    def output_text(self, channel: int, y: int, x: int) -> str | None:
        """Every neighbour is filled once the steps after the layer are shown."""
        if self.follow_index >= 0 and self.output is not None:
            return self.number(self.output[channel, y, x])
        return super().output_text(channel, y, x)

    def where(self, s: Any) -> str:
        """The real output position the step writes."""
        anim: Any = self.anim
        if self.unit is None or anim is None:
            return super().where(s)
        p = anim.patch
        return tr("output[{0}] row {1}, col {2}").format(self.unit.channel, p.out_y0 + s.out_y, p.out_x0 + s.out_x)

    def equation_lines(self) -> list[str]:
        """The step's arithmetic with real channel numbers (and the channels not drawn), or a following step."""
        u, s = self.unit, self.step
        anim: Any = self.anim  # a PatchConvAnimation / PatchPoolAnimation here
        if u is None or anim is None:
            return super().equation_lines()
        if self.follow_index >= 0:
            step = u.follow[self.follow_index]
            return [step.formula().get(self.language), tr("Press → for the next step, ← to go back.")]
        lines = super().equation_lines()
        if s is None:
            return lines
        n = self.number
        if u.kind == "conv":
            assert s.products is not None  # a convolution step has its products
            if s.products.size > 12 or len(anim.shown) < u.window.shape[0]:
                parts = ", ".join(f"Σ ch{self._channel(c)} = {n(v)}" for c, v in enumerate(s.channel_sums))
                lines[0] = tr("{0} products, summed per channel: {1}").format(s.products.size, parts)
            if anim.hidden_channels:
                hidden = float(anim.hidden[s.out_y, s.out_x])
                lines[1] = (f"Σ = {n(s.products.sum())} + " + (f"({n(hidden)}) " if hidden < 0 else f"{n(hidden)} ")
                            + tr("(the other {0} channel(s))").format(anim.hidden_channels)
                            + f"  + b = {n(s.bias)}  →  {n(s.value)}   ({self.where(s)})")
        elif u.mode == "avg" and anim.patch.divisors is not None:
            vals = [n(v) for v, pad in zip(s.window.ravel(), s.in_padding.ravel(), strict=True) if not pad]
            d = int(anim.patch.divisors[s.out_y, s.out_x])
            total = float(np.where(s.in_padding, 0.0, s.window[0]).sum())
            lines = [f"({' + '.join(vals)}) / {d} = {n(total)} / {d} = {n(s.value)}   ({self.where(s)})",
                     tr("Padding is left out; PyTorch divides this window by {0}.").format(d)
                     if s.in_padding.any() else ""]
        return lines

    def mouseDoubleClickEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        """The numbers are the network's: nothing to type here."""
