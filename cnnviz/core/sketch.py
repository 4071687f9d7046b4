"""A drawing made on the sketch pad, as data: ink on a grid of the model's input pixels.

:class:`Sketch` holds ``pixels``, float32 ``(H, W)`` ink coverage in [0, 1]
(0: background, 1: ink), at the model's input size. Strokes are round-capped
lines whose edge is anti-aliased over one pixel; a stroke is the *union* of
its segments (each pixel keeps the largest coverage any segment gave it), so
a slow stroke with many mouse events looks like a fast one. Every stroke and
every clear can be undone and redone.

:func:`pad_image` turns the drawing into the RGB picture that, after the
model's own preprocessing (:func:`cnnviz.core.images.prepare`), is exactly
the drawing: the pad shows what the model sees, pixel for pixel.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from cnnviz.core.images import Preprocess

#: Undo steps kept (each is one copy of the pixels: 32×32 is 4 KB, 224×224 is 200 KB).
MAX_UNDO = 60


def segment_coverage(shape: tuple[int, int], p0: tuple[float, float], p1: tuple[float, float],
                     radius: float) -> tuple[tuple[slice, slice], np.ndarray] | None:
    """How much a round-capped line from ``p0`` to ``p1`` (``(y, x)`` in pixels) covers each pixel.

    Pixel ``(i, j)`` is the square ``[i, i+1) × [j, j+1)``; its coverage is
    ``clip(radius + 0.5 − d, 0, 1)`` with ``d`` the distance from its centre to
    the segment. Returns the bounding box (a pair of slices) and the float32
    coverage inside it, or None when the line misses the grid.
    """
    h, w = shape
    r = max(0.0, float(radius))
    reach = r + 0.5
    (y0, x0), (y1, x1) = (float(p0[0]), float(p0[1])), (float(p1[0]), float(p1[1]))
    top, bottom = max(0, math.floor(min(y0, y1) - reach)), min(h, math.ceil(max(y0, y1) + reach))
    left, right = max(0, math.floor(min(x0, x1) - reach)), min(w, math.ceil(max(x0, x1) + reach))
    if top >= bottom or left >= right:
        return None
    cy = np.arange(top, bottom, dtype=np.float32)[:, None] + np.float32(0.5)
    cx = np.arange(left, right, dtype=np.float32)[None, :] + np.float32(0.5)
    dy, dx = y1 - y0, x1 - x0
    length2 = dy * dy + dx * dx
    t: np.ndarray | float = 0.0  # where along the segment each pixel centre is nearest (0: p0)
    if length2 > 0:
        t = np.clip(((cy - y0) * dy + (cx - x0) * dx) / np.float32(length2), 0.0, 1.0)
    ny, nx = cy - (y0 + t * dy), cx - (x0 + t * dx)
    cover = np.clip(np.float32(reach) - np.sqrt(ny * ny + nx * nx), 0.0, 1.0).astype(np.float32)
    return (slice(top, bottom), slice(left, right)), cover


class Sketch:
    """A drawing with strokes, an eraser, clear, undo and redo (see the module docstring)."""

    def __init__(self, height: int, width: int, *, max_undo: int = MAX_UNDO) -> None:
        if height < 1 or width < 1:
            raise ValueError(f"a sketch needs a positive size, got {height}×{width}")
        self.pixels = np.zeros((int(height), int(width)), np.float32)
        self.max_undo = max_undo
        self._undo: list[np.ndarray] = []
        self._redo: list[np.ndarray] = []
        self._base: np.ndarray | None = None  # the pixels before the stroke in progress
        self._cover: np.ndarray | None = None  # the stroke's coverage so far
        self._ink = 1.0
        self._last: tuple[float, float] | None = None

    # ------------------------------------------------------------ reading
    @property
    def shape(self) -> tuple[int, int]:
        """(height, width) in model pixels."""
        return self.pixels.shape[0], self.pixels.shape[1]

    @property
    def drawing(self) -> bool:
        """True between :meth:`begin` and :meth:`end`."""
        return self._base is not None

    @property
    def can_undo(self) -> bool:
        """True when a stroke or clear can be undone."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when an undone step can be done again."""
        return bool(self._redo)

    @property
    def blank(self) -> bool:
        """True when nothing is drawn."""
        return not bool(self.pixels.any())

    # ------------------------------------------------------------ strokes
    def _remember(self) -> None:
        self._undo.append(self.pixels.copy())
        del self._undo[: max(0, len(self._undo) - self.max_undo)]
        self._redo.clear()

    def begin(self, y: float, x: float, radius: float, *, erase: bool = False) -> None:
        """Start a stroke at pixel coordinates ``(y, x)`` (a dot until it moves); ``erase`` paints background."""
        if self.drawing:
            self.end()
        self._remember()
        self._base = self.pixels.copy()
        self._cover = np.zeros_like(self.pixels)
        self._ink = 0.0 if erase else 1.0
        self._last = (float(y), float(x))
        self._stamp(self._last, self._last, radius)

    def extend(self, y: float, x: float, radius: float) -> bool:
        """Continue the stroke to ``(y, x)``; False (nothing drawn) when no stroke is in progress."""
        if self._last is None:
            return False
        point = (float(y), float(x))
        self._stamp(self._last, point, radius)
        self._last = point
        return True

    def end(self) -> None:
        """Finish the stroke in progress (nothing happens without one)."""
        self._base = self._cover = None
        self._last = None

    def _stamp(self, p0: tuple[float, float], p1: tuple[float, float], radius: float) -> None:
        assert self._base is not None and self._cover is not None
        hit = segment_coverage(self.shape, p0, p1, radius)
        if hit is None:
            return
        box, cover = hit
        np.maximum(self._cover[box], cover, out=self._cover[box])
        base = self._base[box]
        # the stroke's union moves each pixel from where it was before the stroke toward the ink
        self.pixels[box] = base + (np.float32(self._ink) - base) * self._cover[box]

    # ------------------------------------------------------------ history
    def clear(self) -> bool:
        """Erase everything (undoable); False when it was already blank."""
        self.end()
        if self.blank:
            return False
        self._remember()
        self.pixels[:] = 0.0
        return True

    def undo(self) -> bool:
        """Go back one stroke or clear; False when there is nothing to undo."""
        self.end()
        if not self._undo:
            return False
        self._redo.append(self.pixels)
        self.pixels = self._undo.pop()
        return True

    def redo(self) -> bool:
        """Do the last undone step again; False when there is nothing to redo."""
        self.end()
        if not self._redo:
            return False
        self._undo.append(self.pixels)
        self.pixels = self._redo.pop()
        return True

    def resize(self, height: int, width: int) -> None:
        """Take a new input size (another model): the drawing is resampled, the history is dropped."""
        if (height, width) == self.shape:
            return
        self.end()
        self.pixels = resample(self.pixels, int(height), int(width))
        self._undo.clear()
        self._redo.clear()


def resample(pixels: np.ndarray, height: int, width: int) -> np.ndarray:
    """``pixels`` (H, W) resized to ``height × width`` by area-weighted averaging / bilinear growth."""
    import torch
    import torch.nn.functional as F

    t = torch.from_numpy(np.ascontiguousarray(pixels, np.float32))[None, None]
    mode = "area" if height <= pixels.shape[0] and width <= pixels.shape[1] else "bilinear"
    kw = {} if mode == "area" else {"align_corners": False}
    out = F.interpolate(t, size=(height, width), mode=mode, **kw)[0, 0].clamp_(0.0, 1.0)
    return out.numpy().astype(np.float32, copy=False)


def to_rgb(pixels: np.ndarray, ink_white: bool) -> np.ndarray:
    """The drawing as uint8 (H, W, 3): white ink on black (``ink_white``) or black ink on white."""
    v = pixels if ink_white else 1.0 - pixels
    grey = np.rint(np.clip(v, 0.0, 1.0) * 255.0).astype(np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


def pad_image(pixels: np.ndarray, ink_white: bool, pre: Preprocess) -> np.ndarray:
    """The RGB picture that ``pre`` turns into exactly ``pixels`` (drawn at ``pre.crop_size``).

    Small inputs are resized straight to the crop, so the drawing is given
    as it is. For ``resize → centre crop`` models (ImageNet's 256 → 224) the
    drawing is placed where the crop will cut, on a background canvas whose
    shorter side already has the resize size, so neither step changes it.
    """
    rgb = to_rgb(pixels, ink_white)
    h, w = pixels.shape
    size = pre.resize_size
    if size is None or h != w or size < h:
        return rgb
    canvas = np.full((size, size, 3), 0 if ink_white else 255, np.uint8)
    top = int(round((size - h) / 2.0))
    left = int(round((size - w) / 2.0))
    canvas[top : top + h, left : left + w] = rgb
    return canvas


def background_is_dark(images: np.ndarray) -> bool:
    """True when pictures (uint8 ``(N, C, H, W)``) show their subject on a dark background.

    The background is read on the border of every picture (where the subject
    rarely is): white ink on black for MNIST-like data, black on white else.
    """
    a = np.asarray(images)
    if a.ndim != 4 or a.shape[0] == 0:
        raise ValueError(f"expected (N, C, H, W) pictures, got shape {a.shape}")
    border = np.concatenate([a[:, :, 0, :].ravel(), a[:, :, -1, :].ravel(), a[:, :, :, 0].ravel(),
                             a[:, :, :, -1].ravel()])
    scale = 255.0 if a.dtype == np.uint8 else 1.0
    return float(np.median(border)) < 0.5 * scale


def ink_is_white(channels: int, dark_background: bool | None = None) -> bool:
    """Whether to draw white ink on black for a model with ``channels`` input channels.

    ``dark_background``: what the model's training pictures show (see
    :func:`background_is_dark`), when known. Without it, one-channel models
    (LeNet-5 and the MNIST family) get white on black, colour models black
    on white, like a drawing on paper.
    """
    return bool(dark_background) if dark_background is not None else channels == 1
