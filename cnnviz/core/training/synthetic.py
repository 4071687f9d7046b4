"""The built-in ``shapes`` dataset: noisy 32×32 grayscale glyphs, made on the fly.

Ten classes of simple shapes (ring, disk, square, ...) are drawn with random
position, size, rotation, stroke width and contrast, then buried in Gaussian
noise and a random gradient. Everything comes from one seed, so the same seed
gives the same images on every machine, and no download is ever needed.

The classes are chosen so that a LeNet-5 separates them well after a few
epochs with Adam, while pairs such as disk / filled square or plus / cross
need fine features, which is what makes optimizers visibly differ.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

SHAPE_CLASSES: tuple[str, ...] = (
    "ring",
    "disk",
    "square",
    "filled square",
    "triangle",
    "plus",
    "cross",
    "bars",
    "corner",
    "arc",
)

SIZE = 32


def _soft(distance: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Anti-aliased inside mask: 1 inside (distance < 0), 0 outside, 1-px ramp."""
    mask: npt.NDArray[np.float32] = np.clip(0.5 - distance, 0.0, 1.0)
    return mask


def _glyph(
    cls: int, u: npt.NDArray[np.float32], v: npt.NDArray[np.float32], r: npt.NDArray[np.float32],
    t: npt.NDArray[np.float32],
) -> npt.NDArray[np.float32]:
    """Signed-distance-like field of class ``cls`` in pixels (negative inside).

    ``u``, ``v`` are pixel offsets from the centre in the glyph's rotated
    frame, ``r`` its radius and ``t`` its half stroke width (broadcastable).
    """
    rho: npt.NDArray[np.float32] = np.hypot(u, v)
    box: npt.NDArray[np.float32] = np.maximum(np.abs(u), np.abs(v))
    field: npt.NDArray[np.float32]  # numpy's stubs lose the dtype (even the array type) on the way
    if cls == 0:  # ring
        field = np.abs(rho - r) - t
    elif cls == 1:  # disk
        field = rho - r
    elif cls == 2:  # square outline
        field = np.abs(box - 0.85 * r) - t
    elif cls == 3:  # filled square
        field = box - 0.85 * r
    elif cls == 4:  # triangle outline (apex up; image rows grow downwards)
        v = -v
        edges = np.maximum(np.maximum(-v - 0.5 * r, 0.866 * u + 0.5 * v - 0.5 * r), -0.866 * u + 0.5 * v - 0.5 * r)
        field = np.abs(edges) - t
    elif cls == 5:  # plus
        field = np.minimum(np.maximum(np.abs(u) - t, np.abs(v) - r), np.maximum(np.abs(v) - t, np.abs(u) - r))
    elif cls == 6:  # diagonal cross
        a, b = (u + v) * 0.7071, (u - v) * 0.7071
        field = np.minimum(np.maximum(np.abs(a) - t, np.abs(b) - r), np.maximum(np.abs(b) - t, np.abs(a) - r))
    elif cls == 7:  # two horizontal bars
        field = np.maximum(np.abs(np.abs(v) - 0.45 * r) - t, np.abs(u) - r)
    elif cls == 8:  # corner "L"
        vertical = np.maximum(np.abs(u + 0.6 * r) - t, np.abs(v) - r)
        horizontal = np.maximum(np.abs(v - 0.6 * r - t) - t, np.abs(u) - r)
        field = np.minimum(vertical, horizontal)
    elif cls == 9:  # arc "C" (ring open on the right)
        ring = np.abs(rho - r) - t
        field = np.where(u > 0.35 * r, np.maximum(ring, 0.45 * r - np.abs(v)), ring)
    else:
        raise ValueError(cls)
    return field


def make_shapes(n: int, seed: int, noise: float = 0.15) -> tuple[np.ndarray, np.ndarray]:
    """``n`` noisy glyph images and their labels, deterministic in ``seed``.

    Returns ``(images, labels)``: uint8 ``(n, 1, 32, 32)`` and int64 ``(n,)``,
    classes balanced (label ``i % 10`` before a seeded shuffle).
    """
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n) % len(SHAPE_CLASSES)).astype(np.int64)
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32) + 0.5
    cx = rng.uniform(11.0, 21.0, n).astype(np.float32)[:, None, None]
    cy = rng.uniform(11.0, 21.0, n).astype(np.float32)[:, None, None]
    radius = rng.uniform(5.0, 9.5, n).astype(np.float32)[:, None, None]
    half_width = rng.uniform(0.8, 1.8, n).astype(np.float32)[:, None, None]
    angle = rng.uniform(-0.3, 0.3, n).astype(np.float32)[:, None, None]
    contrast = rng.uniform(0.45, 1.0, n).astype(np.float32)[:, None, None]
    dx, dy = xx[None] - cx, yy[None] - cy
    cos, sin = np.cos(angle), np.sin(angle)
    u, v = cos * dx + sin * dy, -sin * dx + cos * dy
    images = np.empty((n, SIZE, SIZE), dtype=np.float32)
    for cls in range(len(SHAPE_CLASSES)):
        m = labels == cls
        if m.any():
            images[m] = _soft(_glyph(cls, u[m], v[m], radius[m], half_width[m]))
    gradient = rng.uniform(-0.15, 0.15, (n, 2)).astype(np.float32)
    background = 0.25 + gradient[:, :1, None] * (xx[None] / SIZE - 0.5) + gradient[:, 1:, None] * (yy[None] / SIZE - 0.5)
    images = background + contrast * images * 0.7 + rng.normal(0.0, noise, images.shape).astype(np.float32) * 0.4
    out = np.clip(images * 255.0, 0, 255).astype(np.uint8)[:, None]
    return out, labels
