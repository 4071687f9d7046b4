"""A surface sampled on a grid, with log-spaced contour levels, for the GUI to draw.

Loss surfaces span many orders of magnitude (Rosenbrock: 0 at the minimum,
thousands at the corners), so both the colours and the contour levels are
spaced on a log scale of the height above the grid's lowest value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cnnviz.core.playground.surfaces import Bounds, Surface


@dataclass(frozen=True)
class SurfaceGrid:
    """f sampled on a regular grid plus what the contour plot needs."""

    bounds: Bounds
    xs: np.ndarray  # (W,) float64
    ys: np.ndarray  # (H,) float64
    z: np.ndarray  # (H, W) float32, row i is y = ys[i]
    shade: np.ndarray  # (H, W) float32: log10(z − z_min + offset), the colour scale
    levels: np.ndarray  # contour heights in loss units, ascending
    shade_levels: np.ndarray  # the same levels on the ``shade`` scale
    shade_range: tuple[float, float]  # (min, max) of ``shade`` for the colour map
    z_floor: float  # the grid's lowest value
    offset: float  # added before the log so the floor is finite

    def to_shade(self, z: np.ndarray | float) -> np.ndarray:
        """Loss values on the colour scale (same transform as ``shade``)."""
        height = np.maximum(np.asarray(z, dtype=np.float64) - self.z_floor, 0.0)
        return np.log10(height + self.offset)


def compute_grid(surface: Surface, resolution: int = 240, n_levels: int = 14) -> SurfaceGrid:
    """Sample ``surface`` on ``resolution`` points per side of its bounds; log-spaced levels."""
    b = surface.bounds
    aspect = b.height / b.width
    nx = int(resolution)
    ny = max(16, int(round(resolution * aspect)))
    xs = np.linspace(b.xmin, b.xmax, nx)
    ys = np.linspace(b.ymin, b.ymax, ny)
    z = surface.grid(xs, ys)
    finite = np.isfinite(z)
    z = np.where(finite, z, np.nanmax(np.where(finite, z, -np.inf)))
    z0 = float(z.min())
    span = float(z.max()) - z0
    if span <= 0:
        span = 1.0
    # Heights below offset look the same colour; relative to the span keeps every surface readable.
    offset = span * 1e-4
    shade = np.log10(z - z0 + offset)
    # Levels from just above the floor to just below the top, equally spaced in log height.
    low = max(float(np.quantile(z - z0, 0.002)), offset * 10)
    heights = np.geomspace(low, span * 0.9, n_levels)
    return SurfaceGrid(
        bounds=b,
        xs=xs,
        ys=ys,
        z=z.astype(np.float32),
        shade=shade.astype(np.float32),
        levels=z0 + heights,
        shade_levels=np.log10(heights + offset),
        shade_range=(float(shade.min()), float(shade.max())),
        z_floor=z0,
        offset=offset,
    )
