"""A vertical colour bar with ticks: one cheap QWidget instead of a plot with an axis.

Redrawing the activation grid on every layer change must fit a frame; a
pyqtgraph axis regenerates its ticks in Python on every range change, while
this widget paints a cached gradient and a handful of labels.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_WIDTH = 16


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi]; [] for an empty range."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return []
    raw = (hi - lo) / max(1, target - 1)
    base = 10 ** math.floor(math.log10(raw))
    step = next(m * base for m in (1, 2, 5, 10) if m * base >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    ticks = []
    v = first
    while v <= hi + step * 1e-9:
        ticks.append(0.0 if abs(v) < step * 1e-9 else v)
        v += step
    return ticks


def _label(v: float) -> str:
    return f"{v:.3g}".replace("-", "−")


class ColorBar(QWidget):
    """The colormap from ``lo`` (bottom) to ``hi`` (top), ticks on the right, a title beside them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._lo, self._hi = 0.0, 1.0
        self._title = ""
        self._ends: tuple[str, str] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        fm = QFontMetrics(self.font())
        return QSize(BAR_WIDTH + 12 + fm.horizontalAdvance("−0.0000") + fm.height() + 8, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self.sizeHint().width(), 80)

    def set_colormap(self, lut: np.ndarray) -> None:
        """Show the (256, 3) uint8 lookup table ``lut`` (entry 255 at the top)."""
        rgb = np.ascontiguousarray(np.asarray(lut, np.uint8)[::-1].reshape(256, 1, 3))
        image = QImage(rgb.data, 1, 256, 3, QImage.Format.Format_RGB888)
        self._pixmap = QPixmap.fromImage(image.copy())
        self.update()

    def set_range(self, lo: float, hi: float, title: str = "", ends: tuple[str, str] | None = None) -> None:
        """Value range of the bar and its title; ``ends`` labels the two ends instead of ticks."""
        self._lo, self._hi, self._title, self._ends = float(lo), float(hi), title, ends
        self.update()

    def ticks(self) -> list[tuple[float, str]]:
        """(value, label) of each tick drawn now."""
        if self._ends is not None:
            return [(self._lo, self._ends[0]), (self._hi, self._ends[1])]
        return [(v, _label(v)) for v in nice_ticks(self._lo, self._hi)]

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        if self._pixmap is None:
            return
        p = QPainter(self)
        fm = QFontMetrics(self.font())
        half = fm.height() / 2
        top, bottom = half + 2, self.height() - half - 2
        bar = QRectF(2, top, BAR_WIDTH, max(1.0, bottom - top))
        p.drawPixmap(bar, self._pixmap, QRectF(0, 0, 1, 256))
        pen = self.palette().color(QPalette.ColorRole.WindowText)
        p.setPen(pen)
        p.drawRect(bar)
        span = self._hi - self._lo
        x_text = bar.right() + 6
        for v, text in self.ticks():
            f = 0.5 if span <= 0 else (v - self._lo) / span
            y = bar.bottom() - f * bar.height()
            p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 4, y))
            p.drawText(QRectF(x_text, y - half, self.width() - x_text, 2 * half), Qt.AlignmentFlag.AlignVCenter, text)
        if self._title:
            p.save()
            p.translate(self.width() - 2, self.height() / 2)
            p.rotate(-90)
            w = self.height()
            p.drawText(QRectF(-w / 2, -fm.height(), w, fm.height()), Qt.AlignmentFlag.AlignCenter, self._title)
            p.restore()
        p.end()
