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

import contextlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode
from torch.utils.weak import WeakIdKeyDictionary

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
        return ReceptiveField(size, jump, start, self.aligned, self.bounds)  # type: ignore[arg-type]

    def shift(self, before: tuple[int, int]) -> ReceptiveField:
        """The field after explicit padding of ``before`` pixels (top, left)."""
        start = tuple(st - b * j for st, b, j in zip(self.start, before, self.jump, strict=True))
        return ReceptiveField(self.size, self.jump, start, self.aligned, self.bounds)  # type: ignore[arg-type]

    def union(self, other: ReceptiveField) -> ReceptiveField:
        """The field of a unit that sees both paths (merge of branches)."""
        if self == other:
            return self
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
        return ReceptiveField(tuple(size), tuple(jump), tuple(start), aligned, bounds)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, list[float | int]]:
        """``{"size": [h, w], "jump": [h, w], "start": [h, w]}`` with integral values as ints."""

        def clean(v: tuple[float, float]) -> list[float | int]:
            return [int(x) if float(x).is_integer() else float(x) for x in v]

        return {"size": clean(self.size), "jump": clean(self.jump), "start": clean(self.start)}

    def rect(self, y: int, x: int, input_hw: tuple[int, int]) -> RFRect:
        """The input rectangle of unit (y, x), and the part of it the unit really sees.

        ``clipped`` is cut to the image and to :attr:`bounds`: pixels a window
        reaches only through padding at some inner layer are not seen.
        """
        cy = self.start[0] + y * self.jump[0]
        cx = self.start[1] + x * self.jump[1]
        y0 = cy - (self.size[0] - 1) / 2
        x0 = cx - (self.size[1] - 1) / 2
        y1 = cy + (self.size[0] - 1) / 2
        x1 = cx + (self.size[1] - 1) / 2
        h, w = input_hw
        (by0, by1), (bx0, bx1) = self.bounds or ((0.0, h - 1.0), (0.0, w - 1.0))
        return RFRect(
            y0=y0, x0=x0, y1=y1, x1=x1,
            clipped=(max(y0, 0.0, by0), max(x0, 0.0, bx0), min(y1, h - 1.0, by1), min(x1, w - 1.0, bx1)),
            input_hw=(h, w),
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


# ---------------------------------------------------------------- tracking


def _spatial(t: Any) -> tuple[int, int] | None:
    if isinstance(t, Tensor) and t.dim() >= 3:
        return (int(t.shape[-2]), int(t.shape[-1]))
    return None


def _flat_tensors(obj: Any) -> list[Tensor]:
    if isinstance(obj, Tensor):
        return [obj]
    if isinstance(obj, list | tuple):
        out: list[Tensor] = []
        for o in obj:
            out += _flat_tensors(o)
        return out
    if isinstance(obj, dict):
        out = []
        for o in obj.values():
            out += _flat_tensors(o)
        return out
    return []


def _arg(args: Sequence[Any], kwargs: dict[str, Any], index: int, name: str, default: Any) -> Any:
    if name in kwargs:
        return kwargs[name]
    if len(args) > index:
        return args[index]
    return default


def _conv_rule(func: Callable[..., Any], args: Sequence[Any], kwargs: dict[str, Any], rf: ReceptiveField, inp: Tensor) -> ReceptiveField | None:
    weight = _arg(args, kwargs, 1, "weight", None)
    if weight is None or weight.dim() != 4:
        return None
    k = (int(weight.shape[2]), int(weight.shape[3]))
    stride = _pair(_arg(args, kwargs, 3, "stride", 1))
    dilation = _pair(_arg(args, kwargs, 5, "dilation", 1))
    padding = _arg(args, kwargs, 4, "padding", 0)
    if isinstance(padding, str):
        padding = (0, 0) if padding == "valid" else tuple(d * (kk - 1) // 2 for d, kk in zip(dilation, k, strict=True))
    return rf.window(k, stride, _pair(padding), dilation)


def _pool_rule(func: Callable[..., Any], args: Sequence[Any], kwargs: dict[str, Any], rf: ReceptiveField, inp: Tensor) -> ReceptiveField | None:
    k = _pair(_arg(args, kwargs, 1, "kernel_size", 1))
    stride = _arg(args, kwargs, 2, "stride", None)
    stride = k if stride is None or stride == [] or stride == () else _pair(stride)
    padding = _pair(_arg(args, kwargs, 3, "padding", 0))
    name = getattr(func, "__name__", "")
    dilation = _pair(_arg(args, kwargs, 4, "dilation", 1)) if "max" in name else (1, 1)
    return rf.window(k, stride, padding, dilation)


def _adaptive_rule(func: Callable[..., Any], args: Sequence[Any], kwargs: dict[str, Any], rf: ReceptiveField, inp: Tensor) -> ReceptiveField | None:
    out = _arg(args, kwargs, 1, "output_size", None)
    in_hw = _spatial(inp)
    if in_hw is None or out is None:
        return None
    out_hw = tuple(n if o is None else int(o) for o, n in zip(_pair_none(out), in_hw, strict=True))
    # Adaptive pooling window i spans [floor(i·n/o), ceil((i+1)·n/o)): exact
    # as a plain window when o divides n; otherwise windows vary by one pixel
    # and we report the widest.
    k = tuple(math.ceil(n / o) if n % o else n // o for n, o in zip(in_hw, out_hw, strict=True))
    s = tuple(max(1, n // o) for n, o in zip(in_hw, out_hw, strict=True))
    return rf.window(k, s, (0, 0))  # type: ignore[arg-type]


def _pad_rule(func: Callable[..., Any], args: Sequence[Any], kwargs: dict[str, Any], rf: ReceptiveField, inp: Tensor) -> ReceptiveField | None:
    pad = _arg(args, kwargs, 1, "pad", ())
    pad = list(pad) + [0] * (4 - len(pad))
    return rf.shift((int(pad[2]), int(pad[0])))


def _pair(v: Any) -> tuple[int, int]:
    if isinstance(v, int):
        return (v, v)
    vals = list(v)
    return (int(vals[0]), int(vals[0])) if len(vals) == 1 else (int(vals[-2]), int(vals[-1]))


def _pair_none(v: Any) -> tuple[int | None, int | None]:
    if isinstance(v, int):
        return (v, v)
    vals = list(v)
    return (vals[0], vals[0]) if len(vals) == 1 else (vals[-2], vals[-1])


_WINDOW_RULES: dict[Any, Callable[..., ReceptiveField | None]] = {
    F.conv2d: _conv_rule,
    F.max_pool2d: _pool_rule,
    F.avg_pool2d: _pool_rule,
    F.lp_pool2d: _pool_rule,
    F.adaptive_avg_pool2d: _adaptive_rule,
    F.adaptive_max_pool2d: _adaptive_rule,
    F.pad: _pad_rule,
}
# F.max_pool2d is a dispatcher; the mode sees the functions it dispatches to.
for _fn in ("max_pool2d_with_indices", "_max_pool2d"):
    if hasattr(F, _fn):
        _WINDOW_RULES[getattr(F, _fn)] = _pool_rule
for _fn in ("adaptive_max_pool2d_with_indices", "_adaptive_max_pool2d"):
    if hasattr(F, _fn):
        _WINDOW_RULES[getattr(F, _fn)] = _adaptive_rule
for _fn in ("conv2d", "max_pool2d", "avg_pool2d"):
    if hasattr(torch, _fn):
        _WINDOW_RULES[getattr(torch, _fn)] = _conv_rule if _fn == "conv2d" else _pool_rule


class RFTracker(TorchFunctionMode):
    """Follows every tensor produced during a forward pass and its receptive field.

    Use as a context manager around the forward pass; :meth:`field_of` then
    gives the field of any tensor produced (None when it has no spatial
    layout, e.g. after ``flatten``). Each record also keeps which two axes of
    the tensor are the spatial ones, so channels-last detours (ConvNeXt's
    ``permute`` around LayerNorm) keep their fields.
    """

    def __init__(self, inputs: Sequence[Tensor]) -> None:
        super().__init__()
        self._fields: WeakIdKeyDictionary = WeakIdKeyDictionary()
        for t in inputs:
            hw = (int(t.shape[-2]), int(t.shape[-1]))
            self._fields[t] = (ReceptiveField.identity(hw), (t.dim() - 2, t.dim() - 1))

    def field_of(self, tensor: Tensor) -> ReceptiveField | None:
        """The field recorded for ``tensor`` if its spatial axes are the last two, else None."""
        rec = self._fields.get(tensor)
        if rec is None or rec[1] != (tensor.dim() - 2, tensor.dim() - 1):
            return None
        return rec[0]

    def __torch_function__(self, func: Any, types: Any, args: Sequence[Any] = (), kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        result = func(*args, **kwargs)
        # Most calls (dim, size, shape) return no tensor: leave at once.
        if isinstance(result, Tensor) or (isinstance(result, tuple | list) and result):
            # Tracking must never break the user's forward pass.
            with contextlib.suppress(Exception):
                self._record(func, args, kwargs, result)
        return result

    def _record(self, func: Any, args: Sequence[Any], kwargs: dict[str, Any], result: Any) -> None:
        outs = [t for t in _flat_tensors(result) if t.dim() >= 3]
        if not outs:
            return
        rule = _WINDOW_RULES.get(func)
        if rule is not None:
            inp = args[0] if args else kwargs.get("input")
            rf = self.field_of(inp) if isinstance(inp, Tensor) else None
            if rf is None:
                return
            new = rule(func, args, kwargs, rf, inp)
            if new is not None:
                for t in outs:
                    out_hw = (int(t.shape[-2]), int(t.shape[-1]))
                    self._fields[t] = (new.with_bounds_for(out_hw, rf), (t.dim() - 2, t.dim() - 1))
            return
        name = getattr(func, "__name__", "")
        inputs = _flat_tensors(args)
        if kwargs:
            inputs += _flat_tensors(list(kwargs.values()))
        if name == "permute" and inputs:
            rec = self._fields.get(inputs[0])
            dims = args[1:] if len(args) > 1 else kwargs.get("dims", ())
            if len(dims) == 1 and isinstance(dims[0], list | tuple):
                dims = dims[0]
            if rec is not None and dims:
                dims = [d % inputs[0].dim() for d in dims]
                axes = tuple(sorted(dims.index(a) for a in rec[1]))
                for t in outs:
                    self._fields[t] = (rec[0], axes)
            return
        # Any other op: a unit of the output sees what the units at the same
        # spatial position in every input with the same spatial layout see.
        for out in outs:
            merged: ReceptiveField | None = None
            axes_out: tuple[int, int] | None = None
            for t in inputs:
                rec = self._fields.get(t)
                if rec is None or t.dim() != out.dim():
                    continue
                rf, axes = rec
                if all(t.shape[a] == out.shape[a] for a in axes):
                    merged = rf if merged is None else merged.union(rf)
                    axes_out = axes
            if merged is not None and axes_out is not None:
                self._fields[out] = (merged, axes_out)


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
