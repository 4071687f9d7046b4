"""Receptive-field crops of exemplar units, the padded part marked, and the pictures made of them.

The crop of unit (y, x) of a layer is its analytic receptive field
(:meth:`cnnviz.core.receptive.ReceptiveField.rect`) in the model-input
picture: ``box = [top, left, bottom, right]`` in input pixels, bottom and
right exclusive, **before clipping**. Near the border the box reaches past
the image, into what the network saw as zero padding; a :class:`Crop` keeps
the whole box, fills the part outside the image with a grey checkerboard
(:data:`CHECKER_RGB`), and says which pixels are real (``inside``) and how
much is padding. A unit whose layer has no spatial layout (a fully connected
layer) sees the whole input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cnnviz.core.receptive import ReceptiveField

#: The two greys of the checkerboard that stands for padding, and its square size.
CHECKER_RGB = ((150, 150, 150), (105, 105, 105))
CHECKER_SIZE = 4
#: Gap colour between tiles of a mosaic.
GAP_RGB = (24, 24, 24)

Box = tuple[int, int, int, int]


def unit_box(rf: ReceptiveField | None, y: int, x: int, input_hw: tuple[int, int]) -> Box:
    """``[top, left, bottom, right]`` (bottom / right exclusive) of unit (y, x), before clipping."""
    if rf is None:
        return (0, 0, int(input_hw[0]), int(input_hw[1]))
    r = rf.rect(int(y), int(x), (int(input_hw[0]), int(input_hw[1])))
    return (int(round(r.y0)), int(round(r.x0)), int(round(r.y1)) + 1, int(round(r.x1)) + 1)


def clip_box(box: Box, input_hw: tuple[int, int]) -> Box:
    """The part of ``box`` inside an ``input_hw`` image (may be empty: bottom <= top)."""
    top, left, bottom, right = box
    h, w = input_hw
    return (max(top, 0), max(left, 0), min(bottom, h), min(right, w))


@dataclass(frozen=True)
class Crop:
    """A unit's receptive field cut from the picture the model saw."""

    rgb: np.ndarray  # uint8 (bottom - top, right - left, 3): image inside, checkerboard outside
    inside: np.ndarray  # bool, same height and width: True on real image pixels
    box: Box  # [top, left, bottom, right), before clipping
    clipped: Box  # the box cut to the image

    @property
    def padded(self) -> bool:
        """True when part of the field lies outside the image."""
        return self.box != self.clipped

    @property
    def padded_fraction(self) -> float:
        """Share of the field outside the image."""
        total = self.inside.size
        return 0.0 if total == 0 else 1.0 - float(self.inside.sum()) / total


def _checker(top: int, left: int, h: int, w: int) -> np.ndarray:
    """Checkerboard anchored to input coordinates (so neighbouring crops line up)."""
    ys = (np.arange(top, top + h) // CHECKER_SIZE)[:, None]
    xs = (np.arange(left, left + w) // CHECKER_SIZE)[None, :]
    light = ((ys + xs) % 2 == 0)
    out = np.empty((h, w, 3), np.uint8)
    out[light] = CHECKER_RGB[0]
    out[~light] = CHECKER_RGB[1]
    return out


def crop_box(view: np.ndarray, box: Box) -> Crop:
    """Cut ``box`` out of ``view`` (uint8 H×W×3), padding outside the image with the checkerboard."""
    h_img, w_img = view.shape[:2]
    top, left, bottom, right = box
    h, w = max(bottom - top, 0), max(right - left, 0)
    clipped = clip_box(box, (h_img, w_img))
    ct, cl, cb, cr = clipped
    inside = np.zeros((h, w), bool)
    if cb > ct and cr > cl:
        inside[ct - top : cb - top, cl - left : cr - left] = True
    if inside.all():
        rgb = np.ascontiguousarray(view[top:bottom, left:right])
    else:
        rgb = _checker(top, left, h, w)
        if cb > ct and cr > cl:
            rgb[ct - top : cb - top, cl - left : cr - left] = view[ct:cb, cl:cr]
    return Crop(rgb=rgb, inside=inside, box=tuple(box), clipped=clipped)  # type: ignore[arg-type]


def thumbnail(rgb: np.ndarray, size: int) -> np.ndarray:
    """``rgb`` fitted into a ``size``×``size`` square, aspect kept (area averaging down, pixels kept up)."""
    import cv2

    h, w = rgb.shape[:2]
    if h == 0 or w == 0:
        return np.full((size, size, 3), GAP_RGB, np.uint8)
    scale = size / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    if (nh, nw) == (h, w):
        small = rgb
    else:
        small = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_NEAREST)
    if (nh, nw) == (size, size):
        return np.ascontiguousarray(small)
    out = np.full((size, size, 3), GAP_RGB, np.uint8)
    oy, ox = (size - nh) // 2, (size - nw) // 2
    out[oy : oy + nh, ox : ox + nw] = small
    return out


def cell_size_for(box: Box, lo: int = 16, hi: int = 64) -> int:
    """A tile size for crops of this box: its own size, kept between ``lo`` and ``hi`` pixels."""
    return int(min(max(max(box[2] - box[0], box[3] - box[1]), lo), hi))


def grid(tiles: Sequence[np.ndarray | None], cell: int, columns: int | None = None, pad: int = 2) -> np.ndarray:
    """Tiles (uint8 RGB; None = an empty cell) fitted to ``cell`` px and laid out row-major."""
    from cnnviz.core.render import tile

    stack = np.stack(
        [np.full((cell, cell, 3), GAP_RGB, np.uint8) if t is None else thumbnail(t, cell) for t in tiles]
    )
    image, _ = tile(stack, columns=columns, pad=pad, fill=GAP_RGB[0])  # GAP_RGB is a grey
    return image
