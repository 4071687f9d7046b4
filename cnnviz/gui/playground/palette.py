"""Colours of the playground: one per optimizer, and the surface's colour map.

The surface is drawn in pale, low-contrast tones so that the saturated
optimizer colours stand out on it (a projector washes colours out).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

REGIME_KINDS: dict[str, str | None] = {
    "one_step": "ok",
    "monotone": "ok",
    "oscillating": "warning",
    "boundary": "warning",
    "stalled": None,  # the ordinary text colour
    "diverges": "error",
    "escapes": "error",
}
"""The :func:`cnnviz.gui.theme.semantic_color` kind each gradient-descent regime is named in."""
DIRECTION_COLORS = ("#1f77b4", "#d62728")
"""The two eigendirections of the learning-rate lesson (shifted to stay readable on dark themes)."""

# Low loss (valley floors) pale cream, high loss (walls) steel blue.
SURFACE_STOPS = np.array([0.0, 0.35, 0.7, 1.0])
SURFACE_COLORS = np.array(
    [[252, 250, 242], [214, 230, 232], [150, 184, 208], [92, 124, 160]], dtype=np.ubyte
)
CONTOUR_COLOR = (50, 70, 95, 120)


def optimizer_color(name: str) -> QColor:
    """The registered colour of optimizer ``name`` (core/optimizers.py: one registration holds it)."""
    from cnnviz.core.optimizers import get_optimizer

    return QColor(get_optimizer(name).color)
