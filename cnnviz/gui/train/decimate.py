"""Cut a long series down to what a plot can show: clip to the view, then min/max per bin.

Drawing 100k points per run costs Qt far more than drawing the ~2 points per
pixel a screen can show. Keeping each bin's minimum and maximum keeps every
spike visible (a diverging run's jump is never averaged away).
"""

from __future__ import annotations

import numpy as np


def decimate_minmax(x: np.ndarray, y: np.ndarray, x_range: tuple[float, float] | None,
                    max_bins: int = 1500) -> tuple[np.ndarray, np.ndarray]:
    """At most ``2·max_bins`` points of ``(x, y)`` (x ascending) covering ``x_range``.

    One point either side of the range is kept so the line reaches the edges.
    """
    n = x.size
    if n == 0:
        return x, y
    lo, hi = 0, n
    if x_range is not None:
        lo = max(0, int(np.searchsorted(x, x_range[0], side="left")) - 1)
        hi = min(n, int(np.searchsorted(x, x_range[1], side="right")) + 1)
    xs, ys = x[lo:hi], y[lo:hi]
    count = xs.size
    if count <= 2 * max_bins:
        return xs, ys
    per_bin = int(np.ceil(count / max_bins))
    bins = count // per_bin
    body = bins * per_bin
    yb = ys[:body].reshape(bins, per_bin)
    xb = xs[:body].reshape(bins, per_bin)
    out_x = np.empty(2 * bins + (count - body > 0), dtype=np.float64)
    out_y = np.empty_like(out_x)
    out_x[0 : 2 * bins : 2] = xb[:, 0]
    out_x[1 : 2 * bins : 2] = xb[:, -1]
    out_y[0 : 2 * bins : 2] = yb.min(axis=1)
    out_y[1 : 2 * bins : 2] = yb.max(axis=1)
    if count - body > 0:
        out_x[-1] = xs[-1]
        out_y[-1] = ys[-1]
    return out_x, out_y
