"""Receptive fields: analytic (size, jump, start) and effective (gradients).

Analytic fields follow Araujo, Norris & Sim, "Computing Receptive Fields of
Convolutional Neural Networks" (Distill, 2019). Per axis, a feature map has

* ``size`` r — how many input pixels one unit sees,
* ``jump`` j — the distance in input pixels between two neighbouring units,
* ``start`` — the input coordinate of the *centre* of unit 0's field (pixel
  centres at 0, 1, …; negative values lie in the padding).

A window layer with kernel k, stride s, padding p, dilation d maps
``(r, j, start)`` to ``(r + d·(k − 1)·j, j·s, start + (d·(k − 1)/2 − p)·j)``.
Where paths merge (ResNet additions, Inception concatenations) the field of a
unit is the union of the fields of every path, as in the paper's treatment of
multi-path networks; when paths have different jumps the union is taken for
unit 0 and the larger jump is kept (``aligned=False`` then says so).

The tracker sees functional calls (``F.conv2d``, ``F.max_pool2d``, ``torch.cat``,
``+``) through a :class:`~torch.overrides.TorchFunctionMode`, so it works on
any model, including additions that are not modules.

The effective receptive field (Luo et al., "Understanding the Effective
Receptive Field in Deep Convolutional Neural Networks", NeurIPS 2016) is the
gradient of one output unit with respect to the input.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from cnnviz.core.errors import ModelError


@dataclass(frozen=True)
class ReceptiveField:
    """Analytic receptive field of a feature map, per axis (h, w)."""

    size: tuple[float, float]
    jump: tuple[float, float]
    start: tuple[float, float]
    aligned: bool = True
    # Per axis, the first and last input pixel that ANY unit of this map
    # really sees. Windows that hang over padding at an inner layer reach
    # past these in the analytic formula but see nothing there; None: no limit.
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None
    # The unit also depends on every input pixel through a path that mixes
    # all positions (squeeze-and-excitation's global pooling, attention over
    # all tokens, normalisation over the image). ``size``/``jump``/``start``
    # (and ``units``) are then the *local* field: the path through the unit's
    # own position. In the JSON: ``"global": true``.
    sees_all: bool = False
    # Exact per-unit rectangles where units do not share one window geometry
    # (adaptive pooling whose output size does not divide its input, windowed
    # attention): per axis, per unit index, the first and last input pixel it
    # sees (already clipped to the image). None: uniform, use size/jump/start.
    # ``size`` then holds the widest unit and ``jump``/``start`` the average step
    # and unit 0's centre.
    units: tuple[tuple[tuple[float, float], ...], tuple[tuple[float, float], ...]] | None = None

    @property
    def uniform(self) -> bool:
        """True when every unit has the same window (size, jump, start describe all)."""
        return self.units is None

    @classmethod
    def identity(cls, input_hw: tuple[int, int] | None = None) -> ReceptiveField:
        """The input itself: every unit sees one pixel."""
        bounds = None if input_hw is None else ((0.0, input_hw[0] - 1.0), (0.0, input_hw[1] - 1.0))
        return cls(size=(1.0, 1.0), jump=(1.0, 1.0), start=(0.0, 0.0), bounds=bounds)

    def with_bounds_for(self, out_hw: tuple[int, int], previous: ReceptiveField) -> ReceptiveField:
        """Narrow ``bounds`` to what the ``out_hw`` units of this map really see.

        A unit sees the union of the existing units under its window, so the
        lowest pixel any unit sees is max(analytic low edge of unit 0, the
        previous map's low bound), and likewise at the high end.
        """
        if previous.bounds is None:
            return self
        new = []
        for ax in range(2):
            half = (self.size[ax] - 1) / 2
            lo = max(self.start[ax] - half, previous.bounds[ax][0])
            hi = min(self.start[ax] + (out_hw[ax] - 1) * self.jump[ax] + half, previous.bounds[ax][1])
            new.append((lo, hi))
        return replace(self, bounds=(new[0], new[1]))

    def window(
        self,
        kernel: tuple[int, int],
        stride: tuple[int, int],
        padding: tuple[int, int],
        dilation: tuple[int, int] = (1, 1),
    ) -> ReceptiveField:
        """The field after a window layer (conv or pool)."""
        size = tuple(r + d * (k - 1) * j for r, k, d, j in zip(self.size, kernel, dilation, self.jump, strict=True))
        jump = tuple(j * s for j, s in zip(self.jump, stride, strict=True))
        start = tuple(
            st + (d * (k - 1) / 2 - p) * j
            for st, k, p, d, j in zip(self.start, kernel, padding, dilation, self.jump, strict=True)
        )
        return ReceptiveField(size, jump, start, self.aligned, self.bounds, self.sees_all)  # type: ignore[arg-type]

    def shift(self, before: tuple[int, int]) -> ReceptiveField:
        """The field after explicit padding of ``before`` pixels (top, left)."""
        start = tuple(st - b * j for st, b, j in zip(self.start, before, self.jump, strict=True))
        return replace(self, start=start, units=None)  # type: ignore[arg-type]

    def union(self, other: ReceptiveField) -> ReceptiveField:
        """The field of a unit that sees both paths (merge of branches)."""
        if self == other:
            return self
        if not (self.uniform and other.uniform):
            return _union_units(self, other)
        size, jump, start = [], [], []
        aligned = self.aligned and other.aligned and self.jump == other.jump
        for ax in range(2):
            lo = min(self.start[ax] - (self.size[ax] - 1) / 2, other.start[ax] - (other.size[ax] - 1) / 2)
            hi = max(self.start[ax] + (self.size[ax] - 1) / 2, other.start[ax] + (other.size[ax] - 1) / 2)
            size.append(hi - lo + 1)
            start.append((lo + hi) / 2)
            jump.append(max(self.jump[ax], other.jump[ax]))
        bounds = None
        if self.bounds is not None and other.bounds is not None:
            bounds = tuple(
                (min(a[0], b[0]), max(a[1], b[1])) for a, b in zip(self.bounds, other.bounds, strict=True)
            )
        return ReceptiveField(
            tuple(size), tuple(jump), tuple(start), aligned, bounds, self.sees_all or other.sees_all  # type: ignore[arg-type]
        )

    def as_dict(self) -> dict[str, Any]:
        """``{"size", "jump", "start": [h, w], "global": bool, "uniform": bool}``, integral values as ints.

        ``global``: the unit also sees every input pixel (see :attr:`sees_all`);
        ``uniform`` false: units differ (see :attr:`units`), ``size`` is the widest.
        """

        def clean(v: tuple[float, float]) -> list[float | int]:
            return [int(x) if float(x).is_integer() else float(x) for x in v]

        return {
            "size": clean(self.size),
            "jump": clean(self.jump),
            "start": clean(self.start),
            "global": self.sees_all,
            "uniform": self.uniform,
        }

    def spans(self, n: int, axis: int) -> np.ndarray:
        """``(n, 2)`` float array: the first and last input pixel unit ``i`` sees along ``axis``.

        Exact tables where the field is not uniform; otherwise the analytic
        window cut to :attr:`bounds` (the pixels some unit really sees).
        """
        if self.units is not None and len(self.units[axis]) == n:
            return np.asarray(self.units[axis], dtype=np.float64).reshape(n, 2)
        centres = self.start[axis] + np.arange(n, dtype=np.float64) * self.jump[axis]
        half = (self.size[axis] - 1) / 2
        lo, hi = centres - half, centres + half
        if self.bounds is not None:
            lo = np.maximum(lo, self.bounds[axis][0])
            hi = np.minimum(hi, self.bounds[axis][1])
        return np.stack([lo, np.maximum(hi, lo)], axis=1)

    @classmethod
    def from_spans(
        cls,
        ys: np.ndarray,
        xs: np.ndarray,
        *,
        sees_all: bool = False,
        aligned: bool = True,
    ) -> ReceptiveField:
        """A non-uniform field from per-unit ``(n, 2)`` pixel spans of each axis."""
        size, jump, start, bounds = [], [], [], []
        for spans in (ys, xs):
            widths = spans[:, 1] - spans[:, 0] + 1
            centres = (spans[:, 0] + spans[:, 1]) / 2
            size.append(float(widths.max()))
            jump.append(float((centres[-1] - centres[0]) / (len(spans) - 1)) if len(spans) > 1 else 1.0)
            start.append(float(centres[0]))
            bounds.append((float(spans[:, 0].min()), float(spans[:, 1].max())))
        units = tuple(tuple((float(a), float(b)) for a, b in spans) for spans in (ys, xs))
        return cls(
            size=(size[0], size[1]), jump=(jump[0], jump[1]), start=(start[0], start[1]), aligned=aligned,
            bounds=(bounds[0], bounds[1]), sees_all=sees_all, units=units,  # type: ignore[arg-type]
        )

    def rect(self, y: int, x: int, input_hw: tuple[int, int]) -> RFRect:
        """The input rectangle of unit (y, x), and the part of it the unit really sees.

        ``clipped`` is cut to the image and to :attr:`bounds`: pixels a window
        reaches only through padding at some inner layer are not seen.
        """
        h, w = input_hw
        if self.units is not None:
            (y0, y1), (x0, x1) = self.units[0][y], self.units[1][x]
            return RFRect(y0=y0, x0=x0, y1=y1, x1=x1, clipped=(y0, x0, y1, x1), input_hw=(h, w))
        cy = self.start[0] + y * self.jump[0]
        cx = self.start[1] + x * self.jump[1]
        y0 = cy - (self.size[0] - 1) / 2
        x0 = cx - (self.size[1] - 1) / 2
        y1 = cy + (self.size[0] - 1) / 2
        x1 = cx + (self.size[1] - 1) / 2
        (by0, by1), (bx0, bx1) = self.bounds or ((0.0, h - 1.0), (0.0, w - 1.0))
        return RFRect(
            y0=y0, x0=x0, y1=y1, x1=x1,
            clipped=(max(y0, 0.0, by0), max(x0, 0.0, bx0), min(y1, h - 1.0, by1), min(x1, w - 1.0, bx1)),
            input_hw=(h, w),
        )


def _union_units(a: ReceptiveField, b: ReceptiveField) -> ReceptiveField:
    """Union of two fields of the same map where at least one is not uniform (per-unit min / max)."""
    n = [len(a.units[ax]) if a.units is not None else len(b.units[ax]) for ax in range(2)]  # type: ignore[index]
    ys = [a.spans(n[0], 0), b.spans(n[0], 0)]
    xs = [a.spans(n[1], 1), b.spans(n[1], 1)]

    def merge(pair: list[np.ndarray]) -> np.ndarray:
        return np.stack([np.minimum(pair[0][:, 0], pair[1][:, 0]), np.maximum(pair[0][:, 1], pair[1][:, 1])], axis=1)

    return ReceptiveField.from_spans(
        merge(ys), merge(xs), sees_all=a.sees_all or b.sees_all, aligned=a.aligned and b.aligned
    )


@dataclass(frozen=True)
class RFRect:
    """An inclusive rectangle of input pixel indices, and its part inside the image.

    ``y0, x0, y1, x1`` may lie outside the image (the padded part);
    ``clipped`` is the same rectangle cut to the image.
    """

    y0: float
    x0: float
    y1: float
    x1: float
    clipped: tuple[float, float, float, float]
    input_hw: tuple[int, int]

    @property
    def height(self) -> float:
        """Rows covered, padding included."""
        return self.y1 - self.y0 + 1

    @property
    def width(self) -> float:
        """Columns covered, padding included."""
        return self.x1 - self.x0 + 1

    @property
    def padded_fraction(self) -> float:
        """Share of the rectangle the unit does not see (padding, or never reached)."""
        cy0, cx0, cy1, cx1 = self.clipped
        inside = max(0.0, cy1 - cy0 + 1) * max(0.0, cx1 - cx0 + 1)
        return 1.0 - inside / (self.height * self.width)


# ---------------------------------------------------------------- effective RF


def effective_rf(
    model: nn.Module,
    x: Tensor,
    layer: str,
    unit: tuple[int, int],
    channel: int | None = None,
) -> np.ndarray:
    """Gradient magnitude of one output unit of ``layer`` w.r.t. the input.

    Returns a float32 (H, W) map, |∂y/∂x| summed over input channels and scaled
    so its maximum is 1 (all zeros if the gradient vanishes). ``channel``
    picks one channel of the layer's output; None sums all channels (Luo et
    al. use one channel; the sum is the field of the spatial position).
    """
    from cnnviz.core.probe import capture

    inp = x.detach().clone().requires_grad_(True)
    out = capture(model, inp, [layer], grad=True).get(layer)
    if out is None:
        raise ModelError(f"Layer {layer!r} produced no output in this forward pass.")
    if out.dim() < 3:
        raise ModelError(f"Layer {layer!r} has no spatial output ({tuple(out.shape)}); pick a convolution or pooling layer.")
    y, xx = unit
    h, w = out.shape[-2:]
    if not (0 <= y < h and 0 <= xx < w):
        raise ModelError(f"Unit ({y}, {xx}) is outside {layer}'s {h}×{w} map.")
    target = out[0, :, y, xx] if channel is None else out[0, channel, y, xx]
    grad, = torch.autograd.grad(target.sum(), inp, allow_unused=True)
    if grad is None:
        return np.zeros(tuple(x.shape[-2:]), dtype=np.float32)
    g = grad[0].abs().sum(0).float().cpu().numpy()
    peak = float(g.max())
    return (g / peak if peak > 0 else g).astype(np.float32)
