"""Theme colours for the Playground's plots and coloured texts (light, dark or the system's).

The plots draw on the palette's Base colour with its Text colour, so they follow
View → Theme; colours that carry a meaning (an optimizer, a regime, an error) are
shifted just enough to stay readable on whichever background they land on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cnnviz.gui.theme import mix_colors

TEXT_CONTRAST = 4.5
"""WCAG AA contrast for text."""
LINE_CONTRAST = 3.0
"""WCAG contrast for lines and symbols."""


@dataclass(frozen=True)
class PlotColors:
    """The colours of a plot in the current theme."""

    background: QColor
    text: QColor
    axis: QColor
    quiet: QColor  # reference lines, the cursor
    dark: bool


def plot_colors(palette: QPalette | None = None) -> PlotColors:
    """Plot colours from ``palette`` (the application's by default)."""
    pal = _palette(palette)
    role = QPalette.ColorRole
    background, text = QColor(pal.color(role.Base)), QColor(pal.color(role.Text))
    return PlotColors(
        background=background,
        text=text,
        axis=mix_colors(text, background, 0.25),
        quiet=mix_colors(text, background, 0.45),
        dark=background.lightnessF() < 0.5,
    )


def _palette(palette: QPalette | None) -> QPalette:
    if palette is not None:
        return palette
    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


def luminance(c: QColor) -> float:
    """WCAG relative luminance of ``c``."""
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable_on(color: QColor, background: QColor, ratio: float = TEXT_CONTRAST) -> QColor:
    """``color``, lightened or darkened only as far as it takes to reach ``ratio`` on ``background``."""
    if contrast(color, background) >= ratio:
        return QColor(color)
    target = QColor("#ffffff") if background.lightnessF() < 0.5 else QColor("#000000")
    for step in range(1, 21):
        shifted = mix_colors(color, target, step / 20)
        if contrast(shifted, background) >= ratio:
            return shifted
    return target


def window_color(palette: QPalette | None = None) -> QColor:
    """The window's background colour (labels sit on it)."""
    return QColor(_palette(palette).color(QPalette.ColorRole.Window))


def with_alpha(color: QColor, alpha: float) -> QColor:
    """``color`` with opacity ``alpha`` (0 to 1)."""
    out = QColor(color)
    out.setAlphaF(alpha)
    return out


def css_rgba(color: QColor, alpha: float) -> str:
    """``color`` with opacity ``alpha`` for a style sheet."""
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {alpha:.2f})"


def style_plot(widget: pg.PlotWidget, colors: PlotColors) -> None:
    """Background, axes, axis labels and the title of ``widget`` in ``colors``."""
    widget.setBackground(colors.background)
    item = widget.getPlotItem()
    for side in ("left", "bottom", "right", "top"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen(colors.axis))
        axis.setTextPen(pg.mkPen(colors.text))
    title = item.titleLabel
    if title.text:
        title.setText(title.text, color=colors.text.name())
