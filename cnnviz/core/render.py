"""Arrays -> pictures: colormaps, activation mosaics, kernel images, statistics.

numpy only (no Qt, no matplotlib), so the GUI, the command line and tests
all draw the same pixels. Float images are ``(H, W)`` float32 in [0, 1] with
NaN where nothing is drawn (mosaic padding); colour images are ``(H, W, 3)``
uint8, row-major, ready for ``pyqtgraph.ImageItem.setImage``.
"""

from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import numpy as np

from cnnviz.core.errors import ConfigError

DEFAULT_COLORMAP = "viridis"
DEFAULT_DIVERGING = "coolwarm"
#: Colour of NaN pixels (mosaic padding) unless the caller picks another.
NAN_RGB = (128, 128, 128)
#: Padding between kernels: dark, because mid-grey means a zero weight there.
KERNEL_PAD_RGB = (30, 30, 30)

# --------------------------------------------------------------------------- colormaps


@dataclass(frozen=True)
class Colormap:
    """A named 256-entry lookup table and what kind of data it suits."""

    name: str
    lut: np.ndarray  # (256, 3) uint8, read-only
    kind: Literal["sequential", "diverging"]
    description: str = ""


_COLORMAPS: dict[str, Colormap] = {}


def register_colormap(
    name: str,
    colors: np.ndarray | Sequence[Sequence[float]],
    *,
    kind: Literal["sequential", "diverging"] = "sequential",
    description: str = "",
    replace: bool = False,
) -> Colormap:
    """Register a colormap under ``name``.

    ``colors``: an (N, 3) table of uint8 (0..255) or float (0..1) RGB control
    points, evenly spaced from the low end to the high end; N = 256 is used as
    it is, other N are linearly interpolated to 256 entries.
    """
    if name in _COLORMAPS and not replace:
        raise ValueError(f"colormap {name!r} registered twice")
    table = np.asarray(colors)
    if table.ndim != 2 or table.shape[1] != 3 or len(table) < 2:
        raise ValueError(
            f"colormap {name!r}: expected an (N, 3) table with N >= 2, got {table.shape}"
        )
    if table.dtype.kind == "f":
        table = table * 255.0
    table = table.astype(np.float64)
    if len(table) != 256:
        src = np.linspace(0.0, 1.0, len(table))
        dst = np.linspace(0.0, 1.0, 256)
        table = np.stack([np.interp(dst, src, table[:, c]) for c in range(3)], axis=1)
    lut = np.clip(np.rint(table), 0, 255).astype(np.uint8)
    lut.flags.writeable = False
    cmap = Colormap(name, lut, kind, description)
    _COLORMAPS[name] = cmap
    return cmap


def get_colormap(name: str = DEFAULT_COLORMAP) -> np.ndarray:
    """The (256, 3) uint8 lookup table registered under ``name`` (read-only)."""
    return colormap_info(name).lut


def colormap_info(name: str) -> Colormap:
    """The :class:`Colormap` registered under ``name``; unknown names suggest close ones."""
    try:
        return _COLORMAPS[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(_COLORMAPS), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise ConfigError(
            f"Unknown colormap {name!r}. Available: {', '.join(_COLORMAPS)}.{hint}"
        ) from None


def list_colormaps(kind: Literal["sequential", "diverging"] | None = None) -> list[str]:
    """Registered colormap names (default first), optionally only one kind."""
    return [n for n, c in _COLORMAPS.items() if kind is None or c.kind == kind]


#: LUT index of pixels where nothing is drawn (padding, unused tiles, non-finite values).
NAN_CODE = 256

_PACKED: dict[tuple[str, tuple[int, int, int]], tuple[Colormap, np.ndarray]] = {}


def packed_colormap(name: str = DEFAULT_COLORMAP, nan_rgb: tuple[int, int, int] = NAN_RGB) -> np.ndarray:
    """The colormap as 257 opaque RGBA pixels packed in uint32 (entry ``NAN_CODE`` is ``nan_rgb``).

    Viewed as bytes each entry is R, G, B, 255 whatever the machine's byte
    order, so ``packed.take(codes).view(np.uint8)`` is an RGBA image.
    """
    cmap = colormap_info(name)
    key = (name, (int(nan_rgb[0]), int(nan_rgb[1]), int(nan_rgb[2])))
    hit = _PACKED.get(key)
    if hit is not None and hit[0] is cmap:
        return hit[1]
    table = np.empty((NAN_CODE + 1, 4), np.uint8)
    table[:NAN_CODE, :3] = cmap.lut
    table[NAN_CODE, :3] = key[1]
    table[:, 3] = 255
    packed = table.view(np.uint32).ravel()
    packed.flags.writeable = False
    _PACKED[key] = (cmap, packed)
    return packed


def _codes(array01: np.ndarray) -> np.ndarray:
    """LUT indices ``floor(clip(v, 0, 1)·255 + 0.5)`` as uint16, ``NAN_CODE`` for NaN."""
    scaled: np.ndarray = np.multiply(array01, np.float32(255.0), dtype=np.float32)
    np.clip(scaled, 0.0, 255.0, out=scaled)  # NaN stays NaN
    scaled += np.float32(0.5)  # truncation below then rounds half up
    nan = np.isnan(scaled)
    if nan.any():
        scaled[nan] = NAN_CODE
    return scaled.astype(np.uint16)


def apply_colormap(
    array01: np.ndarray,
    name: str = DEFAULT_COLORMAP,
    nan_rgb: tuple[int, int, int] = NAN_RGB,
) -> np.ndarray:
    """Values in [0, 1] (clipped) -> uint8 (..., 3) colours; NaN -> ``nan_rgb``.

    Value v picks LUT entry ``floor(v·255 + 0.5)``.
    """
    a = np.asarray(array01)
    rgba = packed_colormap(name, nan_rgb).take(_codes(a), mode="clip")
    return np.ascontiguousarray(rgba.view(np.uint8).reshape(*a.shape, 4)[..., :3])


# --------------------------------------------------------------------------- mosaics

Scale = Literal["shared", "per_channel", "symmetric"]


def _tile_view(out: np.ndarray, grid: tuple[int, int], cell: tuple[int, int], pad: int) -> np.ndarray:
    """A writable (rows, cols, H, W, ...) view of the tiles inside a mosaic-sized ``out``.

    Every tile lies inside ``out`` (only the trailing padding is cut off), so
    the view never reaches outside the buffer and tiles never overlap.
    """
    (rows, cols), (h, w) = grid, cell
    s0, s1 = out.strides[:2]
    return np.lib.stride_tricks.as_strided(
        out,
        shape=(rows, cols, h, w, *out.shape[2:]),
        strides=(s0 * (h + pad), s1 * (w + pad), s0, s1, *out.strides[2:]),
        writeable=True,
    )


def _scatter(view: np.ndarray, stack: np.ndarray, cols: int) -> None:
    """Copy tiles ``stack`` (N, H, W, ...) row-major into a :func:`_tile_view`."""
    full, rest = divmod(len(stack), cols)
    if full:
        view[:full] = stack[: full * cols].reshape(full, cols, *stack.shape[1:])
    if rest:
        view[full, :rest] = stack[full * cols :]


def _mosaic_shape(grid: tuple[int, int], cell: tuple[int, int], pad: int) -> tuple[int, int]:
    return grid[0] * (cell[0] + pad) - pad, grid[1] * (cell[1] + pad) - pad


@dataclass(frozen=True)
class Mosaic:
    """Channels tiled in a grid, plus the geometry to map clicks back to channels.

    ``image`` is float32 (rows·(H+pad)−pad, cols·(W+pad)−pad) in [0, 1] with
    NaN in the padding and in unused tiles, or uint8 RGB of that size for
    mosaics that are already coloured (kernels). Tile ``t`` (row-major) shows
    channel ``channels[t]``. The float image and the LUT ``codes`` are built
    on first use from ``tiles``, so colouring never goes through a float
    image of the whole mosaic.
    """

    grid: tuple[int, int]  # (rows, cols)
    cell_size: tuple[int, int]  # (H, W) of one tile, padding excluded
    pad: int
    channels: np.ndarray  # int64 channel index shown by each tile
    levels: tuple[float, float]  # (vmin, vmax) mapped to 0 and 1 (overall for per-channel)
    channel_levels: np.ndarray  # (len(channels), 2) vmin, vmax used for each tile
    tiles: np.ndarray | None = field(default=None, repr=False, compare=False)  # (N, H, W) float32 in [0, 1]
    rgb: np.ndarray | None = field(default=None, repr=False, compare=False)  # an already coloured mosaic
    finite: bool = field(default=False, repr=False, compare=False)  # True: ``tiles`` has no NaN

    @property
    def shape(self) -> tuple[int, int]:
        """(height, width) of the whole mosaic in pixels."""
        return _mosaic_shape(self.grid, self.cell_size, self.pad)

    @cached_property
    def image(self) -> np.ndarray:
        """The float mosaic in [0, 1] with NaN where nothing is drawn (or the RGB one)."""
        if self.rgb is not None:
            return self.rgb
        assert self.tiles is not None  # a mosaic holds either rgb or tiles
        out = np.full(self.shape, np.nan, np.float32)
        _scatter(_tile_view(out, self.grid, self.cell_size, self.pad), self.tiles, self.grid[1])
        return out

    @cached_property
    def codes(self) -> np.ndarray:
        """(height, width) uint16 colormap indices, ``NAN_CODE`` where nothing is drawn."""
        if self.rgb is not None:
            raise ValueError("this mosaic is already coloured")
        assert self.tiles is not None  # a mosaic holds either rgb or tiles
        out = np.full(self.shape, NAN_CODE, np.uint16)
        view = _tile_view(out, self.grid, self.cell_size, self.pad)
        if self.finite:
            # tiles are already clipped to [0, 1] and hold no NaN: scale, round
            # half up and let the copy into the mosaic truncate to uint16
            scaled = np.multiply(self.tiles, np.float32(255.0), dtype=np.float32)
            scaled += np.float32(0.5)
            _scatter(view, scaled, self.grid[1])
        else:
            _scatter(view, _codes(self.tiles), self.grid[1])
        return out

    def tile_origin(self, channel: int) -> tuple[int, int]:
        """Top-left pixel (y, x) of the tile showing ``channel``."""
        hits = np.flatnonzero(self.channels == channel)
        if hits.size == 0:
            raise IndexError(f"channel {channel} is not in this mosaic")
        row, col = divmod(int(hits[0]), self.grid[1])
        h, w = self.cell_size
        return row * (h + self.pad), col * (w + self.pad)

    def index_at(self, y: float, x: float) -> int | None:
        """The channel under pixel (y, x), or None on padding, empty tiles or outside."""
        if y < 0 or x < 0:
            return None
        h, w = self.cell_size
        row, dy = divmod(int(y), h + self.pad)
        col, dx = divmod(int(x), w + self.pad)
        if dy >= h or dx >= w or row >= self.grid[0] or col >= self.grid[1]:
            return None
        tile = row * self.grid[1] + col
        return int(self.channels[tile]) if tile < len(self.channels) else None

    def unit_at(self, y: float, x: float) -> tuple[int, int, int] | None:
        """(channel, row, column) of the activation under pixel (y, x), or None."""
        channel = self.index_at(y, x)
        if channel is None:
            return None
        h, w = self.cell_size
        return channel, int(y) % (h + self.pad), int(x) % (w + self.pad)

    def to_rgba(
        self,
        colormap: str = DEFAULT_COLORMAP,
        nan_rgb: tuple[int, int, int] = NAN_RGB,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """The mosaic coloured with ``colormap`` as opaque uint8 H×W×4 (RGBA).

        Pass the previous result as ``out`` to reuse its memory when the size
        matches (a GUI redrawing at frame rate); a new array otherwise.
        """
        h, w = self.shape
        if out is None or out.shape != (h, w, 4) or out.dtype != np.uint8 or not out.flags.c_contiguous:
            out = np.empty((h, w, 4), np.uint8)
        if self.rgb is not None:
            out[..., :3] = self.rgb
            out[..., 3] = 255
            return out
        np.take(packed_colormap(colormap, nan_rgb), self.codes, out=out.view(np.uint32).reshape(h, w), mode="clip")
        return out

    def to_rgb(
        self, colormap: str = DEFAULT_COLORMAP, nan_rgb: tuple[int, int, int] = NAN_RGB
    ) -> np.ndarray:
        """The mosaic coloured with ``colormap`` (uint8 H×W×3); coloured mosaics as they are."""
        if self.rgb is not None:
            return self.rgb
        return np.ascontiguousarray(self.to_rgba(colormap, nan_rgb)[..., :3])


def _as_stack(maps: np.ndarray) -> np.ndarray:
    a = np.asarray(maps)
    if a.ndim == 4 and a.shape[0] == 1:  # a batch of one
        a = a[0]
    if a.ndim == 2:
        a = a[None]
    if a.ndim != 3:
        raise ValueError(f"expected maps shaped (N, H, W), got {a.shape}")
    return a


def grid_shape(n: int, cell_h: int, cell_w: int, columns: int | None = None) -> tuple[int, int]:
    """(rows, cols) for ``n`` tiles; by default the grid is about as wide as tall."""
    if n <= 0:
        raise ValueError("nothing to tile")
    if columns is None:
        columns = math.ceil(math.sqrt(n * cell_h / max(cell_w, 1)))
    columns = max(1, min(int(columns), n))
    return math.ceil(n / columns), columns


def columns_to_fill(n: int, cell_h: int, cell_w: int, pad: int, area_h: float, area_w: float) -> int:
    """The number of columns that shows ``n`` tiles of ``cell_h``×``cell_w`` (plus ``pad``) largest in an area.

    Every column count from 1 to ``n`` is tried; the winner has the largest
    scale ``min(area_w / width, area_h / height)`` (fewer columns on a tie).
    """
    if n <= 0 or area_h <= 0 or area_w <= 0:
        return grid_shape(max(n, 1), cell_h, cell_w)[1]
    best, best_scale = 1, -1.0
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        width = cols * cell_w + (cols - 1) * pad
        height = rows * cell_h + (rows - 1) * pad
        scale = min(area_w / width, area_h / height)
        if scale > best_scale * (1 + 1e-9):
            best, best_scale = cols, scale
    return best


def tile(
    stack: np.ndarray, columns: int | None = None, pad: int = 1, fill: float | int = np.nan
) -> tuple[np.ndarray, tuple[int, int]]:
    """Tile (N, H, W) or (N, H, W, C) into one image, row-major, ``fill`` in gaps.

    Vectorised: the output is filled once and every tile is copied once
    through a strided view; no per-tile loop.
    """
    if pad < 0:
        raise ValueError("pad must be >= 0")
    n, h, w = stack.shape[:3]
    grid = grid_shape(n, h, w, columns)
    image = np.full((*_mosaic_shape(grid, (h, w), pad), *stack.shape[3:]), fill, dtype=stack.dtype)
    _scatter(_tile_view(image, grid, (h, w), pad), stack, grid[1])
    return image, grid


def mosaic(
    maps: np.ndarray,
    columns: int | None = None,
    pad: int = 1,
    scale: Scale = "shared",
    order: Sequence[int] | np.ndarray | None = None,
    levels: tuple[float, float] | None = None,
) -> Mosaic:
    """Tile feature maps (N, H, W) into one float image in [0, 1].

    ``scale``: ``'shared'`` maps the min..max of all shown channels to 0..1,
    so channels can be compared; ``'per_channel'`` stretches each channel on
    its own (a constant channel shows as 0); ``'symmetric'`` maps
    −max|x|..+max|x| to 0..1 so zero sits in the middle (for a diverging
    colormap). ``levels`` overrides all three with fixed (vmin, vmax).
    ``order``: channel indices to show, in tile order (a subset is allowed).
    Non-finite activations are ignored for the levels and drawn as NaN.
    """
    if pad < 0:
        raise ValueError("pad must be >= 0")
    stack = _as_stack(maps)
    channels = np.arange(len(stack)) if order is None else np.asarray(order, dtype=np.int64).ravel()
    if channels.size == 0:
        raise ValueError("no channel to show")
    if channels.min() < 0 or channels.max() >= len(stack):
        raise IndexError(f"order has channel indices outside 0..{len(stack) - 1}")
    identity = len(channels) == len(stack) and bool((channels == np.arange(len(stack))).all())
    data = stack if identity else stack[channels]
    data = data.astype(np.float32, copy=False)
    # min and max propagate NaN and are ±inf when any value is: two fast passes
    # that also give the shared levels, instead of a boolean copy of the layer
    vmin_all, vmax_all = float(data.min()), float(data.max())
    all_finite = math.isfinite(vmin_all) and math.isfinite(vmax_all)
    if not all_finite:
        finite = np.isfinite(data)
        data = np.where(finite, data, np.float32(np.nan))
    if levels is not None:
        lo = np.full(len(channels), float(levels[0]), np.float32)
        hi = np.full(len(channels), float(levels[1]), np.float32)
    elif scale == "per_channel":
        reduce_min, reduce_max = (np.min, np.max) if all_finite else (np.nanmin, np.nanmax)
        with warnings.catch_warnings():  # all-NaN channels: nan_to_num below
            warnings.simplefilter("ignore", RuntimeWarning)
            lo = reduce_min(data, axis=(1, 2))
            hi = reduce_max(data, axis=(1, 2))
        lo, hi = np.nan_to_num(lo), np.nan_to_num(hi)
    elif scale in ("shared", "symmetric"):
        if all_finite:
            vmin, vmax = vmin_all, vmax_all
        elif finite.any():
            vmin, vmax = float(np.nanmin(data)), float(np.nanmax(data))
        else:
            vmin = vmax = 0.0
        if scale == "symmetric":
            vmax = max(abs(vmin), abs(vmax))
            vmin = -vmax
        lo = np.full(len(channels), vmin, np.float32)
        hi = np.full(len(channels), vmax, np.float32)
    else:
        raise ValueError(f"scale must be 'shared', 'per_channel' or 'symmetric', not {scale!r}")
    span = hi - lo
    inv = np.divide(1.0, span, out=np.zeros_like(span), where=span > 0).astype(np.float32)
    normed = np.subtract(data, lo[:, None, None], dtype=np.float32)  # the one full-size temporary
    normed *= inv[:, None, None]
    np.clip(normed, 0.0, 1.0, out=normed)
    if scale == "symmetric" and levels is None:
        # a flat zero map sits at the middle of a diverging colormap, not its end
        normed[span == 0] = 0.5
    h, w = int(stack.shape[1]), int(stack.shape[2])
    return Mosaic(
        grid=grid_shape(len(channels), h, w, columns),
        cell_size=(h, w),
        pad=int(pad),
        channels=channels,
        levels=(float(lo.min()), float(hi.max())),
        channel_levels=np.stack([lo, hi], axis=1).astype(np.float64),
        tiles=normed,
        # no NaN in the tiles: finite data, and levels whose span did not overflow float32
        finite=all_finite and bool(np.isfinite(lo).all() and np.isfinite(hi).all() and np.isfinite(span).all()),
    )


def channel_order(
    maps: np.ndarray, key: Literal["index", "mean", "max"] = "index", descending: bool = True
) -> np.ndarray:
    """Channel indices sorted by ``key`` (largest first unless ``descending=False``).

    Ties keep channel order (stable sort), so the result is deterministic.
    """
    stack = _as_stack(maps)
    n = len(stack)
    if key == "index":
        return np.arange(n)
    flat = stack.reshape(n, -1)
    if key == "mean":
        values = flat.mean(axis=1, dtype=np.float64)  # float64 accumulator, no float64 copy
    elif key == "max":
        values = flat.max(axis=1).astype(np.float64)
    else:
        raise ValueError(f"key must be 'index', 'mean' or 'max', not {key!r}")
    return np.argsort(-values if descending else values, kind="stable")


def layer_stats(maps: np.ndarray, *, std: bool = True) -> dict[str, float | int]:
    """Summary numbers of a layer's activations (N, H, W).

    ``zero_fraction`` is the share of values exactly 0 (after a ReLU: units
    that did not fire); ``dead_fraction`` / ``dead_channels`` count channels
    that are zero everywhere for this input. ``std`` (the costliest number,
    a second pass in float64) is left out when ``std`` is False.
    """
    stack = _as_stack(maps)
    flat = stack.reshape(len(stack), -1)
    lo, hi = flat.min(axis=1), flat.max(axis=1)  # per channel: cheap, and they give the dead ones
    dead = (lo == 0) & (hi == 0)  # NaN compares unequal, so a NaN channel is not dead
    out: dict[str, float | int] = {
        "channels": int(len(stack)),
        "min": float(lo.min()),
        "max": float(hi.max()),
        "mean": float(flat.mean(dtype=np.float64)),  # float64 accumulators, no float64 copy
        "zero_fraction": 1.0 - float(np.count_nonzero(flat)) / flat.size,
        "dead_channels": int(dead.sum()),
        "dead_fraction": float(dead.mean()),
    }
    if std:
        out["std"] = float(flat.std(dtype=np.float64))
    return out


# --------------------------------------------------------------------------- kernels


def _check_weight(weight: np.ndarray) -> np.ndarray:
    w = np.asarray(weight, dtype=np.float32)
    if w.ndim != 4:
        raise ValueError(f"expected a convolution weight (C_out, C_in, kh, kw), got {w.shape}")
    return w


def _symmetric01(w: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    """w / max|w| over ``axes`` mapped from [-1, 1] to [0, 1]; zero -> 0.5."""
    m = np.abs(w).max(axis=axes, keepdims=True)
    scaled: np.ndarray = np.divide(w, m, out=np.zeros_like(w), where=m > 0)
    return 0.5 + 0.5 * scaled


def kernel_rgb(weight: np.ndarray) -> np.ndarray:
    """First-layer kernels of an RGB net as small colour images (C_out, kh, kw, 3) uint8.

    Each kernel is scaled by its own max |w| so 0 is mid-grey (128) and the
    strongest weight reaches 0 or 255: the colour shows which input colours
    and edges the filter responds to.
    """
    w = _check_weight(weight)
    if w.shape[1] != 3:
        raise ValueError(f"RGB kernels need 3 input channels, this layer has {w.shape[1]}")
    v = _symmetric01(w, axes=(1, 2, 3))
    return np.rint(v.transpose(0, 2, 3, 1) * 255.0).astype(np.uint8)


def kernel_page(weight: np.ndarray, in_channel: int) -> np.ndarray:
    """The weights of every filter for one input channel, (C_out, kh, kw) float32."""
    w = _check_weight(weight)
    if not 0 <= in_channel < w.shape[1]:
        raise IndexError(f"input channel {in_channel} outside 0..{w.shape[1] - 1}")
    return np.ascontiguousarray(w[:, in_channel])


def kernel_images(
    weight: np.ndarray,
    in_channel: int | None = None,
    *,
    colormap: str = DEFAULT_DIVERGING,
    per_kernel: bool = True,
) -> np.ndarray:
    """Each filter as a small uint8 RGB image, (C_out, kh, kw, 3).

    With ``in_channel=None`` and 3 input channels: the colour kernels of
    :func:`kernel_rgb`. Otherwise one *page*: the slice for ``in_channel``
    (default 0) through a diverging colormap, symmetric around 0, each
    kernel scaled by its own max |w| (``per_kernel``) or the page's.
    """
    w = _check_weight(weight)
    if in_channel is None and w.shape[1] == 3:
        return kernel_rgb(w)
    page = kernel_page(w, 0 if in_channel is None else in_channel)
    v = _symmetric01(page, axes=(1, 2) if per_kernel else (0, 1, 2))
    return apply_colormap(v, colormap)


def kernel_mosaic(
    weight: np.ndarray,
    in_channel: int | None = None,
    *,
    columns: int | None = None,
    pad: int = 1,
    colormap: str = DEFAULT_DIVERGING,
    per_kernel: bool = True,
    pad_rgb: tuple[int, int, int] = KERNEL_PAD_RGB,
) -> Mosaic:
    """All filters of one page (see :func:`kernel_images`) tiled into one RGB image."""
    w = _check_weight(weight)
    images = kernel_images(w, in_channel, colormap=colormap, per_kernel=per_kernel)
    image, grid = tile(images, columns, pad, 0)
    if pad:
        filled, _ = tile(np.ones(images.shape[:3], bool), columns, pad, False)
        image[~filled] = pad_rgb
    m = float(np.abs(w).max()) if w.size else 0.0
    per = np.abs(w).reshape(len(w), -1).max(axis=1) if w.size else np.zeros(len(w))
    return Mosaic(
        rgb=image,
        grid=grid,
        cell_size=(int(w.shape[2]), int(w.shape[3])),
        pad=int(pad),
        channels=np.arange(len(w)),
        levels=(-m, m),
        channel_levels=np.stack([-per, per], axis=1).astype(np.float64),
    )


def weight_histogram(
    weight: np.ndarray, bins: int | Sequence[float] = 50
) -> tuple[np.ndarray, np.ndarray]:
    """Histogram of all finite weights: (counts, edges) as ``np.histogram`` gives them."""
    w = np.asarray(weight, dtype=np.float64).ravel()
    w = w[np.isfinite(w)]
    return np.histogram(w, bins=bins)


# --------------------------------------------------------------------------- colormap data

# The perceptually uniform maps of van der Walt & Smith (matplotlib 2.0,
# released under CC0) and cividis (Nuñez, Anderton, Renslow 2018, "Optimizing
# colormaps with consideration for color vision deficiency", PLOS ONE), as
# their published 256-entry tables rounded to 8 bits: 256 RGB triples in hex.
# tests/core/test_render.py checks every entry against matplotlib's copy.
_TABLES_256: dict[str, str] = {
    "viridis": (
        "44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467"
        "48166848176948186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677"
        "482878482979472a7a472c7a472d7b472e7c472f7d46307e46327e46337f463480453581453781453882"
        "443983443a83443b84433d84433e85423f854240864241864142874144874045884046883f47883f4889"
        "3e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b3b528b3a538b3a548c39558c39568c38588c"
        "38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d33638d32648e32658e31668e"
        "31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e2c728e2c738e"
        "2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e"
        "26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d"
        "218f8d21908d21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a"
        "1e9c891e9d891f9e891f9f881fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a884"
        "23a98324aa8325ab8225ac8226ad8127ad8128ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b"
        "32b67a34b67935b77937b87838b9773aba763bbb753dbc743fbc7340bd7242be7144bf7046c06f48c16e"
        "4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc8635ec96260ca6063cb5f65cb5e"
        "67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d84d44b86d549"
        "89d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32"
        "addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11c"
        "d2e21bd5e21ad8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61e"
        "f6e620f8e621fbe723fde725"
    ),
    "magma": (
        "00000401000501010601010802010902020b02020d03030f03031204041405041606051806051a07061c"
        "08071e0907200a08220b09240c09260d0a290e0b2b100b2d110c2f120d31130d34140e36150e38160f3b"
        "180f3d19103f1a10421c10441d11471e114920114b21114e22115024125325125527125829115a2a115c"
        "2c115f2d11612f116331116533106734106936106b38106c390f6e3b0f703d0f713f0f72400f74420f75"
        "440f764510774710784910784a10794c117a4e117b4f127b51127c52137c54137d56147d57157e59157e"
        "5a167e5c167f5d177f5f187f601880621980641a80651a80671b80681c816a1c816b1d816d1d816e1e81"
        "701f81721f817320817521817621817822817922827b23827c23827e2482802582812581832681842681"
        "8627818827818928818b29818c29818e2a81902a81912b81932b80942c80962c80982d80992d809b2e7f"
        "9c2e7f9e2f7fa02f7fa1307ea3307ea5317ea6317da8327daa337dab337cad347cae347bb0357bb2357b"
        "b3367ab5367ab73779b83779ba3878bc3978bd3977bf3a77c03a76c23b75c43c75c53c74c73d73c83e73"
        "ca3e72cc3f71cd4071cf4070d0416fd2426fd3436ed5446dd6456cd8456cd9466bdb476adc4869de4968"
        "df4a68e04c67e24d66e34e65e44f64e55064e75263e85362e95462ea5661eb5760ec5860ed5a5fee5b5e"
        "ef5d5ef05f5ef1605df2625df2645cf3655cf4675cf4695cf56b5cf66c5cf66e5cf7705cf7725cf8745c"
        "f8765cf9785df9795df97b5dfa7d5efa7f5efa815ffb835ffb8560fb8761fc8961fc8a62fc8c63fc8e64"
        "fc9065fd9266fd9467fd9668fd9869fd9a6afd9b6bfe9d6cfe9f6dfea16efea36ffea571fea772fea973"
        "feaa74feac76feae77feb078feb27afeb47bfeb67cfeb77efeb97ffebb81febd82febf84fec185fec287"
        "fec488fec68afec88cfeca8dfecc8ffecd90fecf92fed194fed395fed597fed799fed89afdda9cfddc9e"
        "fddea0fde0a1fde2a3fde3a5fde5a7fde7a9fde9aafdebacfcecaefceeb0fcf0b2fcf2b4fcf4b6fcf6b8"
        "fcf7b9fcf9bbfcfbbdfcfdbf"
    ),
    "inferno": (
        "00000401000501010601010802010a02020c02020e03021004031204031405041706041907051b08051d"
        "09061f0a07220b07240c08260d08290e092b10092d110a30120a32140b34150b37160b39180c3c190c3e"
        "1b0c411c0c431e0c451f0c48210c4a230c4c240c4f260c51280b53290b552b0b572d0b592f0a5b310a5c"
        "320a5e340a5f3609613809623909633b09643d09653e0966400a67420a68440a68450a69470b6a490b6a"
        "4a0c6b4c0c6b4d0d6c4f0d6c510e6c520e6d540f6d550f6d57106e59106e5a116e5c126e5d126e5f136e"
        "61136e62146e64156e65156e67166e69166e6a176e6c186e6d186e6f196e71196e721a6e741a6e751b6e"
        "771c6d781c6d7a1d6d7c1d6d7d1e6d7f1e6c801f6c82206c84206b85216b87216b88226a8a226a8c2369"
        "8d23698f24699025689225689326679526679727669827669a28659b29649d29649f2a63a02a63a22b62"
        "a32c61a52c60a62d60a82e5fa92e5eab2f5ead305dae305cb0315bb1325ab3325ab43359b63458b73557"
        "b93556ba3655bc3754bd3853bf3952c03a51c13a50c33b4fc43c4ec63d4dc73e4cc83f4bca404acb4149"
        "cc4248ce4347cf4446d04545d24644d34743d44842d54a41d74b3fd84c3ed94d3dda4e3cdb503bdd513a"
        "de5238df5337e05536e15635e25734e35933e45a31e55c30e65d2fe75e2ee8602de9612bea632aeb6429"
        "eb6628ec6726ed6925ee6a24ef6c23ef6e21f06f20f1711ff1731df2741cf3761bf37819f47918f57b17"
        "f57d15f67e14f68013f78212f78410f8850ff8870ef8890cf98b0bf98c0af98e09fa9008fa9207fa9407"
        "fb9606fb9706fb9906fb9b06fb9d07fc9f07fca108fca309fca50afca60cfca80dfcaa0ffcac11fcae12"
        "fcb014fcb216fcb418fbb61afbb81dfbba1ffbbc21fbbe23fac026fac228fac42afac62df9c72ff9c932"
        "f9cb35f8cd37f8cf3af7d13df7d340f6d543f6d746f5d949f5db4cf4dd4ff4df53f4e156f3e35af3e55d"
        "f2e661f2e865f2ea69f1ec6df1ed71f1ef75f1f179f2f27df2f482f3f586f3f68af4f88ef5f992f6fa96"
        "f8fb9af9fc9dfafda1fcffa4"
    ),
    "cividis": (
        "00224e00234f00245100255300255400265600275800285900285b00295d002a5f002a61002b62002c64"
        "002c66002d68002e6a002e6c002f6d00306f0030700031700031710132710533710833700c34700f3570"
        "12357014367016377018376f1a386f1c396f1e3a6f203a6f213b6e233c6e243c6e263d6e273e6e293f6e"
        "2a3f6d2b406d2d416d2e416d2f426d31436d32436d33446d34456c35456c36466c38476c39486c3a486c"
        "3b496c3c4a6c3d4a6c3e4b6c3f4c6c404c6c414d6c424e6c434e6c444f6c45506c46516c47516c48526c"
        "49536c4a536c4b546c4c556c4d556c4e566c4f576c50576c51586d52596d535a6d545a6d555b6d555c6d"
        "565c6d575d6d585e6d595e6e5a5f6e5b606e5c616e5d616e5e626e5e636f5f636f60646f61656f62656f"
        "636670646770656870656870666970676a71686a71696b716a6c716b6d726c6d726c6e726d6f726e6f73"
        "6f70737071737172747272747273747374757474757575757676767777767777777878777979777a7a78"
        "7b7a787c7b787d7c787e7c787e7d787f7e78807f78817f78828079838179848279858279868379878478"
        "8885788985788a86788b87788c88788d88788e89788f8a78908b78918b78928c78928d78938e78948e77"
        "958f779690779791779892779992779a93769b94769c95769d95769e96769f9775a09875a19975a29975"
        "a39a74a49b74a59c74a69c74a79d73a89e73a99f73aaa073aba072aca172ada272aea371afa471b0a571"
        "b1a570b3a670b4a76fb5a86fb6a96fb7a96eb8aa6eb9ab6dbaac6dbbad6dbcae6cbdae6cbeaf6bbfb06b"
        "c0b16ac1b26ac2b369c3b369c4b468c5b568c6b667c7b767c8b866c9b965cbb965ccba64cdbb63cebc63"
        "cfbd62d0be62d1bf61d2c060d3c05fd4c15fd5c25ed6c35dd7c45cd9c55cdac65bdbc75adcc859ddc858"
        "dec958dfca57e0cb56e1cc55e2cd54e4ce53e5cf52e6d051e7d150e8d24fe9d34eead34cebd44bedd54a"
        "eed649efd748f0d846f1d945f2da44f3db42f5dc41f6dd3ff7de3ef8df3cf9e03afbe138fce236fde334"
        "fee434fee535fee636fee838"
    ),
}

# Moreland's "Diverging Color Maps for Scientific Visualization" (2009) smooth
# cool-warm map: his 33 published control points, linearly interpolated.
_COOLWARM_33 = (
    "3b4cc0445acc4d68d75775e16282ea6c8ef1779af782a5fb8db0fe98b9ffa3c2ffaec9fdb8d0f9c2d5f4"
    "ccd9eed5dbe6dddddde5d8d1ecd3c5f1ccb9f5c4adf7bba0f7b194f7a687f49a7bf18d6fec7f63e57058"
    "de604dd55042cb3e38c0282fb40426"
)


def _register_builtins() -> None:
    def table(hexes: str) -> np.ndarray:
        return np.frombuffer(bytes.fromhex(hexes), dtype=np.uint8).reshape(-1, 3)

    notes = {
        "viridis": "Perceptually uniform, blue to yellow; the default.",
        "magma": "Perceptually uniform, black to light yellow through purple.",
        "inferno": "Perceptually uniform, black to yellow through red.",
        "cividis": "Perceptually uniform and readable with colour-vision deficiency.",
    }
    for name, hexes in _TABLES_256.items():
        register_colormap(name, table(hexes), description=notes[name])
    register_colormap(
        "gray",
        np.repeat(np.arange(256, dtype=np.uint8)[:, None], 3, axis=1),
        description="Black to white.",
    )
    register_colormap(
        "coolwarm",
        table(_COOLWARM_33),
        kind="diverging",
        description="Blue below zero, grey at zero, red above: for signed values such as weights.",
    )


_register_builtins()
