"""Follow every tensor of a forward pass and the receptive field of its units.

:class:`RFTracker` is a :class:`~torch.overrides.TorchFunctionMode`: it sees
functional calls (``F.conv2d``, ``torch.cat``, ``+``, ``x.view``) as well as
module calls, so it works on any model. Each tracked tensor holds a record:

* the usual layout — the field of its grid (a
  :class:`~cnnviz.core.receptive.ReceptiveField`) and the two tensor axes
  that hold the grid (``H, W`` last, or elsewhere after a permute);
* any other layout (tokens, windows moved into the batch) — the field of the
  grid *positions* plus :class:`~cnnviz.core.rf_layout.Boxes`: for each
  element, the positions it is at (``local``) and the positions it depends
  on (``reach``). Whenever the boxes line up with two axes again the record
  returns to the usual layout, with the field widened to what ``reach``
  covers (a window-attention output sees its window).

Rules, by operation:

* windows (convolution, pooling, adaptive pooling, padding): the analytic
  recurrence of Araujo et al. (Distill 2019); adaptive pooling whose output
  does not divide its input, and any window over a non-uniform field,
  produce exact per-unit tables;
* layout moves (reshape / view / flatten, permute / transpose / movedim,
  slicing, chunk / split / unbind, cat / stack, roll, flip, expand): the
  same move applied to the position boxes, so the field is kept;
* position mixers (softmax, attention (``scaled_dot_product_attention``,
  ``multi_head_attention_forward``, ``matmul`` / ``bmm`` / ``einsum`` of two
  activations), ``linear`` over a positional axis, reductions, layer / group
  / instance normalisation over positional axes): ``reach`` grows over the
  mixed axes; when it covers the whole grid the unit *sees everything*
  (``sees_all``), and the field reported is the local one;
* element-wise operations: the union of the fields of inputs on the same
  grid (ResNet's additions, DenseNet's concatenations); an input from
  another grid whose units see the whole image (squeeze-and-excitation's
  ``1×1`` scale) makes the output see everything.

Attention masks (Swin's shifted windows add ``-100`` to the logits of pairs
across the wrap) are values, invisible here; by the gradient-support
definition such a unit still depends on the masked pixels (with weight
``e⁻¹⁰⁰``), which is what the boxes report.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor
from torch.overrides import TorchFunctionMode
from torch.utils.weak import WeakIdKeyDictionary

from cnnviz.core import rf_layout as lay
from cnnviz.core.receptive import ReceptiveField
from cnnviz.core.rf_layout import Boxes


@dataclass(frozen=True)
class Record:
    """What the tracker knows about one tensor."""

    rf: ReceptiveField  # field of each grid unit (per tensor index in the usual layout)
    grid: tuple[int, int]  # grid height and width
    axes: tuple[int, int] | None = None  # usual layout: the tensor axes of the grid
    local: Boxes | None = None  # any other layout: positions each element is at …
    reach: Boxes | None = None  # … and positions it depends on

    def boxes(self, ndim: int) -> tuple[Boxes, Boxes]:
        """``(local, reach)``, made from the grid axes in the usual layout."""
        if self.local is not None and self.reach is not None:
            return self.local, self.reach
        b = Boxes.grid(ndim, self.axes or (ndim - 2, ndim - 1), self.grid)
        return b, b


# ---------------------------------------------------------------- small helpers


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


def _pair_float(v: Any) -> tuple[float, float]:
    if isinstance(v, int | float):
        return (float(v), float(v))
    vals = [float(x) for x in v]
    return (vals[0], vals[0]) if len(vals) == 1 else (vals[-2], vals[-1])


def _dims(value: Any, ndim: int) -> tuple[int, ...]:
    if value is None:
        return tuple(range(ndim))
    if isinstance(value, int):
        return (value % ndim,)
    return tuple(int(v) % ndim for v in value)


def _broadcastable(small: Sequence[int], big: Sequence[int]) -> bool:
    if len(small) > len(big):
        return False
    return all(s in (1, b) for s, b in zip(reversed(small), reversed(big), strict=False))


# ---------------------------------------------------------------- window rules (usual layout)


# A window's (kernel, stride, padding, dilation), each as (height, width).
_Geometry = tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]


def _conv_geometry(args: Sequence[Any], kwargs: dict[str, Any]) -> _Geometry | None:
    weight = _arg(args, kwargs, 1, "weight", None)
    if weight is None or weight.dim() != 4:
        return None
    k = (int(weight.shape[2]), int(weight.shape[3]))
    stride = _pair(_arg(args, kwargs, 3, "stride", 1))
    dilation = _pair(_arg(args, kwargs, 5, "dilation", 1))
    padding = _arg(args, kwargs, 4, "padding", 0)
    if isinstance(padding, str):
        padding = (0, 0) if padding == "valid" else tuple(d * (kk - 1) // 2 for d, kk in zip(dilation, k, strict=True))
    return k, stride, _pair(padding), dilation


def _pool_geometry(func: Any, args: Sequence[Any], kwargs: dict[str, Any]) -> _Geometry:
    k = _pair(_arg(args, kwargs, 1, "kernel_size", 1))
    stride = _arg(args, kwargs, 2, "stride", None)
    stride = k if stride is None or stride == [] or stride == () else _pair(stride)
    padding = _pair(_arg(args, kwargs, 3, "padding", 0))
    name = getattr(func, "__name__", "")
    dilation = _pair(_arg(args, kwargs, 4, "dilation", 1)) if "max" in name else (1, 1)
    return k, stride, padding, dilation


def _range_spans(spans: np.ndarray, lo_idx: np.ndarray, hi_idx: np.ndarray) -> np.ndarray:
    """For each ``[lo_idx[i], hi_idx[i]]``: the lowest first pixel and highest last pixel in that range."""
    lo_idx = np.clip(lo_idx, 0, len(spans) - 1)
    hi_idx = np.clip(np.maximum(hi_idx, lo_idx), 0, len(spans) - 1)
    if (np.diff(spans[:, 0]) >= 0).all() and (np.diff(spans[:, 1]) >= 0).all():
        return np.stack([spans[lo_idx, 0], spans[hi_idx, 1]], axis=1)
    # Not monotone (a cyclic shift moved units around): take the range's extremes.
    return np.array([[spans[a:b + 1, 0].min(), spans[a:b + 1, 1].max()] for a, b in zip(lo_idx, hi_idx, strict=True)])


def _window_spans(spans: np.ndarray, n_out: int, k: int, s: int, p: int, d: int) -> np.ndarray:
    """Per-unit spans after a window: first and last real input unit under each window."""
    n_in = len(spans)
    first = np.arange(n_out) * s - p  # input index of each window's first tap (may be padding)
    m0 = np.where(first < 0, (-first + d - 1) // d, 0)  # first tap on a real unit
    m1 = np.minimum(k - 1, (n_in - 1 - first) // d)  # last tap on a real unit
    return _range_spans(spans, first + m0 * d, first + np.maximum(m1, m0) * d)


def _adaptive_spans(spans: np.ndarray, n_out: int) -> np.ndarray:
    n_in = len(spans)
    i = np.arange(n_out)
    starts = (i * n_in) // n_out
    ends = -((-(i + 1) * n_in) // n_out) - 1
    return _range_spans(spans, starts, ends)


def _window_rule(rf: ReceptiveField, in_hw: tuple[int, int], out_hw: tuple[int, int], geometry: _Geometry) -> ReceptiveField:
    k, s, p, d = geometry
    new = rf.window(k, s, p, d).with_bounds_for(out_hw, rf)
    if rf.uniform:
        return new
    ys = _window_spans(rf.spans(in_hw[0], 0), out_hw[0], k[0], s[0], p[0], d[0])
    xs = _window_spans(rf.spans(in_hw[1], 1), out_hw[1], k[1], s[1], p[1], d[1])
    return ReceptiveField.from_spans(ys, xs, sees_all=rf.sees_all, aligned=rf.aligned)


def _adaptive_rule(rf: ReceptiveField, in_hw: tuple[int, int], out_hw: tuple[int, int]) -> ReceptiveField:
    # Window i spans [floor(i·n/o), ceil((i+1)·n/o)): a plain window when o
    # divides n; otherwise windows start at irregular offsets and some are
    # wider, so each unit gets its exact span.
    if rf.uniform and all(n % o == 0 for n, o in zip(in_hw, out_hw, strict=True)):
        k = (in_hw[0] // out_hw[0], in_hw[1] // out_hw[1])
        return rf.window(k, k, (0, 0)).with_bounds_for(out_hw, rf)
    ys = _adaptive_spans(rf.spans(in_hw[0], 0), out_hw[0])
    xs = _adaptive_spans(rf.spans(in_hw[1], 1), out_hw[1])
    return ReceptiveField.from_spans(ys, xs, sees_all=rf.sees_all, aligned=rf.aligned)


_CONV = {F.conv2d}
_POOL = {F.max_pool2d, F.avg_pool2d, F.lp_pool2d}
for _fn in ("conv2d", "max_pool2d", "avg_pool2d"):
    if hasattr(torch, _fn):
        (_CONV if _fn == "conv2d" else _POOL).add(getattr(torch, _fn))
for _fn in ("max_pool2d_with_indices", "_max_pool2d"):
    if hasattr(F, _fn):
        _POOL.add(getattr(F, _fn))
_ADAPTIVE = {F.adaptive_avg_pool2d, F.adaptive_max_pool2d}
for _fn in ("adaptive_max_pool2d_with_indices", "_adaptive_max_pool2d"):
    if hasattr(F, _fn):
        _ADAPTIVE.add(getattr(F, _fn))


# ---------------------------------------------------------------- the tracker

_REDUCTIONS = {"sum", "mean", "amax", "amin", "max", "min", "logsumexp", "prod", "std", "var", "norm",
               "nansum", "nanmean", "std_mean", "var_mean", "median", "nanmedian"}
_SOFTMAX = {"softmax", "log_softmax", "softmin", "_softmax", "_log_softmax", "normalize"}
_MATMUL = {"matmul", "__matmul__", "bmm", "mm"}
_RESHAPE = {"reshape", "view", "flatten", "unflatten", "view_as", "reshape_as", "squeeze", "unsqueeze",
            "ravel", "_unsafe_view", "squeeze_", "unsqueeze_"}
_SPLIT = {"chunk", "split", "tensor_split", "unbind", "split_with_sizes"}


class RFTracker(TorchFunctionMode):
    """Follows every tensor produced during a forward pass and its receptive field.

    Use as a context manager around the forward pass; :meth:`field_of` then
    gives the field of any tensor produced (None when it holds no image
    position, e.g. a class score), and :meth:`axes_of` the tensor axes of its
    grid (None when positions are spread over tokens or windows).
    """

    def __init__(self, inputs: Sequence[Tensor], observer: Callable[..., None] | None = None) -> None:
        super().__init__()
        self.observer = observer  # called as observer(func, args, kwargs, result) after every call
        # torch's WeakIdKeyDictionary is an untyped MutableMapping; this is what it holds.
        self._records: MutableMapping[Tensor, Record] = WeakIdKeyDictionary()
        self.image_hw: tuple[int, int] = (1, 1)
        for t in inputs:
            hw = (int(t.shape[-2]), int(t.shape[-1]))
            self.image_hw = hw
            self._records[t] = Record(ReceptiveField.identity(hw), hw, (t.dim() - 2, t.dim() - 1))

    # ------------------------------------------------------------ reading

    def record_of(self, tensor: Tensor) -> Record | None:
        """The raw record of ``tensor`` (None: not derived from the input)."""
        return self._records.get(tensor)

    def field_of(self, tensor: Tensor) -> ReceptiveField | None:
        """The field of ``tensor``'s units (None without a position on the image).

        In the usual layout, unit ``(y, x)`` is the tensor index along
        :meth:`axes_of`; otherwise the field is given per grid position.
        """
        rec = self._records.get(tensor)
        if rec is None or tensor.dim() < 3:
            return None
        if rec.axes is not None:
            return rec.rf
        std = self._to_usual(rec, tuple(tensor.shape))
        if std.axes is not None:
            return std.rf
        return self._field_by_position(rec, tensor.dim())

    def axes_of(self, tensor: Tensor) -> tuple[int, int] | None:
        """The tensor axes of the grid (with batch), or None when positions are spread out."""
        rec = self._records.get(tensor)
        if rec is None or tensor.dim() < 3:
            return None
        if rec.axes is None:
            rec = self._to_usual(rec, tuple(tensor.shape))
        return rec.axes

    # ------------------------------------------------------------ the mode

    def __torch_function__(self, func: Any, types: Any, args: Sequence[Any] = (), kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        result = func(*args, **kwargs)
        # Most calls (dim, size, shape: torch.Size is a tuple subclass) return no tensor: leave at once.
        if isinstance(result, Tensor) or (type(result) in (tuple, list) and result):
            # Our own reads of shapes must not go through the modes again.
            with torch._C.DisableTorchFunction():
                # Tracking must never break the user's forward pass.
                with contextlib.suppress(Exception):
                    self._record(func, args, kwargs, result)
                if self.observer is not None:
                    self.observer(func, args, kwargs, result)
        return result

    def _set(self, t: Tensor, rec: Record | None) -> None:
        if rec is None or t.dim() < 2:
            return
        if rec.axes is None and t.dim() >= 3:
            rec = self._to_usual(rec, tuple(t.shape))
        self._records[t] = rec

    def _record(self, func: Any, args: Sequence[Any], kwargs: dict[str, Any], result: Any) -> None:
        outs = [t for t in _flat_tensors(result) if t.dim() >= 2]
        if not outs:
            return
        name = getattr(func, "__name__", "")
        first = args[0] if args and isinstance(args[0], Tensor) else kwargs.get("input")
        if func is F.pad:
            self._pad(args, kwargs, first, outs[0])
        elif name in ("interpolate", "upsample", "upsample_nearest", "upsample_bilinear"):
            self._interpolate(args, kwargs, first, outs[0])
        elif func in _CONV or func in _POOL or func in _ADAPTIVE:
            self._window(func, args, kwargs, first, outs)
        elif name in _RESHAPE or name in ("permute", "transpose", "swapaxes", "swapdims", "t", "movedim",
                                          "moveaxis", "roll", "flip", "__getitem__", "narrow", "select",
                                          "expand", "expand_as", "broadcast_to", "repeat") or name in _SPLIT:
            self._move(name, args, kwargs, first, outs)
        elif name in ("cat", "concat", "concatenate", "stack"):
            self._concat(name, args, kwargs, outs[0])
        elif name in _SOFTMAX and isinstance(first, Tensor):
            self._mix(first, outs[0], _dims(_arg(args, kwargs, 1, "dim", -1), first.dim()), reduce_local=False)
        elif name in _REDUCTIONS and (len(args) > 1 or "dim" in kwargs):
            self._reduce(first, outs[0], args, kwargs)
        elif name == "linear":
            self._linear(args, kwargs, outs[0])
        elif name in _MATMUL or name in ("baddbmm", "addmm", "addbmm"):
            a, b = (args[1], args[2]) if name in ("baddbmm", "addmm", "addbmm") else (args[0], args[1])
            self._matmul(a, b, outs[0])
        elif name == "einsum":
            self._einsum(args, outs[0])
        elif name == "scaled_dot_product_attention":
            self._attention(args[0], args[1], args[2], outs[0], seq_dim=-2)
        elif name == "multi_head_attention_forward":
            self._attention(args[0], args[1], args[2], outs[0], seq_dim=0)
        elif name in ("layer_norm", "group_norm", "instance_norm"):
            self._norm(name, args, kwargs, first, outs[0])
        elif name == "batch_norm" and isinstance(first, Tensor) and bool(_arg(args, kwargs, 5, "training", False)):
            self._mix(first, outs[0], tuple(d for d in range(first.dim()) if d != 1), reduce_local=False)
        else:
            self._elementwise(args, kwargs, outs)

    # ------------------------------------------------------------ windows

    def _window(self, func: Any, args: Sequence[Any], kwargs: dict[str, Any], inp: Any, outs: list[Tensor]) -> None:
        if not isinstance(inp, Tensor) or inp.dim() < 3:
            return
        rec = self._usual(inp)
        if rec is None or rec.axes != (inp.dim() - 2, inp.dim() - 1):
            return
        in_hw = (int(inp.shape[-2]), int(inp.shape[-1]))
        for t in outs:
            if t.dim() != inp.dim():
                continue
            out_hw = (int(t.shape[-2]), int(t.shape[-1]))
            if func in _ADAPTIVE:
                new = _adaptive_rule(rec.rf, in_hw, out_hw)
            elif func in _CONV:
                geometry = _conv_geometry(args, kwargs)
                if geometry is None:
                    return
                new = _window_rule(rec.rf, in_hw, out_hw, geometry)
            else:
                new = _window_rule(rec.rf, in_hw, out_hw, _pool_geometry(func, args, kwargs))
            self._records[t] = Record(new, out_hw, (t.dim() - 2, t.dim() - 1))

    def _pad(self, args: Sequence[Any], kwargs: dict[str, Any], inp: Any, out: Tensor) -> None:
        """``F.pad``: pairs of (before, after) from the last axis backwards; padded units see nothing."""
        if not isinstance(inp, Tensor):
            return
        rec = self._usual(inp)
        if rec is None or out.dim() != inp.dim():
            return
        pad = [int(p) for p in _arg(args, kwargs, 1, "pad", ())]
        before = {inp.dim() - 1 - i // 2: pad[i] for i in range(0, len(pad), 2)}
        after = {inp.dim() - 1 - i // 2: pad[i + 1] for i in range(0, len(pad) - 1, 2)}
        if rec.axes is not None:
            top, left = before.get(rec.axes[0], 0), before.get(rec.axes[1], 0)
            grid = (int(out.shape[rec.axes[0]]), int(out.shape[rec.axes[1]]))
            if grid == rec.grid:
                new = rec.rf
            elif rec.rf.uniform:
                new = rec.rf.shift((top, left))
            else:  # padded units see nothing; give them their nearest real neighbour's span
                ys = rec.rf.spans(rec.grid[0], 0)[np.clip(np.arange(grid[0]) - top, 0, rec.grid[0] - 1)]
                xs = rec.rf.spans(rec.grid[1], 1)[np.clip(np.arange(grid[1]) - left, 0, rec.grid[1] - 1)]
                new = ReceptiveField.from_spans(ys, xs, sees_all=rec.rf.sees_all, aligned=rec.rf.aligned)
            self._records[out] = Record(new, grid, rec.axes)
            return
        local, reach = rec.boxes(inp.dim())
        moved = [d for d in before if before[d] or after.get(d, 0)]
        if all(a.shape[d] == 1 for d in moved for a in local.arrays + reach.arrays):
            self._set(out, rec)  # padding only along axes without positions (channels)

    def _interpolate(self, args: Sequence[Any], kwargs: dict[str, Any], inp: Any, out: Tensor) -> None:
        """Resampling: each output unit sees the input units its interpolation reads."""
        if not isinstance(inp, Tensor) or inp.dim() != 4 or out.dim() != 4:
            return
        rec = self._usual(inp)
        if rec is None or rec.axes != (2, 3):
            return
        mode = str(_arg(args, kwargs, 3, "mode", "nearest"))
        align = bool(_arg(args, kwargs, 4, "align_corners", None))
        factor = _arg(args, kwargs, 2, "scale_factor", None)
        recompute = bool(_arg(args, kwargs, 5, "recompute_scale_factor", None))
        in_hw, out_hw = (int(inp.shape[2]), int(inp.shape[3])), (int(out.shape[2]), int(out.shape[3]))
        if mode == "area":
            self._records[out] = Record(_adaptive_rule(rec.rf, in_hw, out_hw), out_hw, (2, 3))
            return
        factors: list[float | None] = [None, None] if factor is None or recompute else list(_pair_float(factor))
        spans = []
        for ax in range(2):
            n_in, n_out = in_hw[ax], out_hw[ax]
            f = factors[ax]
            scale = 1.0 / f if f else n_in / n_out
            y = np.arange(n_out, dtype=np.float64)
            if mode == "nearest":
                lo = hi = np.floor(y * scale)
            elif mode == "nearest-exact":
                lo = hi = np.floor((y + 0.5) * scale)
            else:  # linear, bilinear, bicubic, trilinear
                src = y * (n_in - 1) / (n_out - 1) if align and n_out > 1 else np.maximum((y + 0.5) * scale - 0.5, 0)
                lo = np.floor(src)
                exact = src == lo  # on an input sample: its neighbours get weight 0
                hi = np.where(exact, lo, lo + 1)
                if mode == "bicubic":
                    lo, hi = np.where(exact, lo, lo - 1), np.where(exact, hi, hi + 1)
                if bool(_arg(args, kwargs, 6, "antialias", False)) and scale > 1:
                    lo, hi = np.floor(src - scale), np.ceil(src + scale)
            lo = np.clip(lo, 0, n_in - 1).astype(np.int64)
            hi = np.clip(hi, 0, n_in - 1).astype(np.int64)
            spans.append(_range_spans(rec.rf.spans(n_in, ax), lo, hi))
        new = ReceptiveField.from_spans(spans[0], spans[1], sees_all=rec.rf.sees_all, aligned=rec.rf.aligned)
        self._records[out] = Record(new, out_hw, (2, 3))

    def _usual(self, t: Tensor) -> Record | None:
        """The record of a window operation's (N, C, H, W) input in the usual layout, if it can be."""
        rec = self._records.get(t)
        if rec is None or rec.axes is not None:
            return rec
        shape = tuple(t.shape)
        std = self._to_usual(rec, shape, assume_last=True)
        if std.axes is None and rec.local is not None and rec.reach is not None and t.dim() == 4:
            # Positions also spread over the channels (space-to-depth, pixel_unshuffle):
            # the window sees all channels of a pixel, so take their union.
            widened = replace(rec, local=rec.local.widen((1,)), reach=rec.reach.widen((1,)))
            std = self._to_usual(widened, shape, assume_last=True)
        return std

    # ------------------------------------------------------------ layout moves

    def _move(self, name: str, args: Sequence[Any], kwargs: dict[str, Any], inp: Any, outs: list[Tensor]) -> None:
        if not isinstance(inp, Tensor):
            return
        rec = self._records.get(inp)
        if rec is None:
            return
        in_shape = tuple(int(s) for s in inp.shape)
        if rec.axes is not None and name in ("expand", "expand_as", "broadcast_to", "repeat") and inp.dim() == outs[0].dim():
            if tuple(outs[0].shape[a] for a in rec.axes) == rec.grid:
                self._set(outs[0], rec)
            return
        if rec.axes is not None and name in ("permute", "transpose", "swapaxes", "swapdims", "movedim", "moveaxis"):
            # A pure permutation of the usual layout: follow the two axes (also for 1×1 maps,
            # whose position boxes cannot tell which axes they are on).
            fn = self._move_fn(name, args, kwargs, in_shape, tuple(outs[0].shape))
            order = _permutation(fn, inp.dim())  # type: ignore[arg-type]
            where = (order.index(rec.axes[0]), order.index(rec.axes[1]))
            self._records[outs[0]] = Record(rec.rf, rec.grid, where)
            return
        local, reach = rec.boxes(inp.dim())
        if name in _SPLIT:
            dim = int(_arg(args, kwargs, 2 if name != "unbind" else 1, "dim", 0)) % inp.dim()
            offset = 0
            for t in [o for o in _flat_tensors(outs) if o.dim() >= inp.dim() - 1]:
                size = 1 if name == "unbind" else int(t.shape[dim])

                def cut(a: np.ndarray, o: int = offset, n: int = size) -> np.ndarray:
                    a = lay.expand_dims(a, in_shape, [dim])
                    part = a[(slice(None),) * dim + (slice(o, o + n),)]
                    return part.squeeze(dim) if name == "unbind" else part

                self._set(t, replace(rec, axes=None, local=local.apply(cut), reach=reach.apply(cut)))
                offset += size
            return
        out = outs[0]
        fn = self._move_fn(name, args, kwargs, in_shape, tuple(int(s) for s in out.shape))
        if fn is None:
            return
        self._set(out, replace(rec, axes=None, local=local.apply(fn), reach=reach.apply(fn)))

    @staticmethod
    def _move_fn(name: str, args: Sequence[Any], kwargs: dict[str, Any], in_shape: tuple[int, ...],
                 out_shape: tuple[int, ...]) -> Callable[[np.ndarray], np.ndarray] | None:
        nd = len(in_shape)
        if name in _RESHAPE:
            return lambda a: lay.reshape(a, in_shape, out_shape)
        if name == "permute":
            dims = args[1:] if len(args) > 1 else kwargs.get("dims", ())
            if len(dims) == 1 and isinstance(dims[0], list | tuple):
                dims = dims[0]
            order = [int(d) % nd for d in dims]
            return lambda a: a.transpose(order)
        if name in ("transpose", "swapaxes", "swapdims"):
            d0 = int(_arg(args, kwargs, 1, "dim0", 0))
            d1 = int(_arg(args, kwargs, 2, "dim1", 1))
            return lambda a: np.swapaxes(a, d0 % nd, d1 % nd)
        if name == "t":
            return lambda a: a.T if a.ndim == 2 else a
        if name in ("movedim", "moveaxis"):
            src, dst = _arg(args, kwargs, 1, "source", 0), _arg(args, kwargs, 2, "destination", 0)
            return lambda a: np.moveaxis(a, src, dst)
        if name == "roll":
            shifts = _arg(args, kwargs, 1, "shifts", 0)
            dims = _arg(args, kwargs, 2, "dims", None)
            if dims is None:
                return None
            shifts = [shifts] if isinstance(shifts, int) else list(shifts)
            dims = [dims] if isinstance(dims, int) else list(dims)
            return lambda a: np.roll(lay.expand_dims(a, in_shape, dims), shifts, [d % nd for d in dims])
        if name == "flip":
            dims = _dims(_arg(args, kwargs, 1, "dims", ()), nd)
            return lambda a: np.flip(lay.expand_dims(a, in_shape, dims), dims)
        if name in ("expand", "expand_as", "broadcast_to", "repeat"):
            extra = len(out_shape) - nd
            if name == "repeat":
                return lambda a: np.tile(a.reshape((1,) * extra + a.shape),
                                         [1 if s == 1 else r for s, r in zip((1,) * extra + a.shape, _repeats(args), strict=False)])
            return lambda a: a.reshape((1,) * extra + a.shape)
        if name == "narrow":
            dim, start, length = (int(_arg(args, kwargs, i, k, 0)) for i, k in ((1, "dim"), (2, "start"), (3, "length")))
            return lambda a: lay.expand_dims(a, in_shape, [dim])[(slice(None),) * (dim % nd) + (slice(start, start + length),)]
        if name == "select":
            dim, index = int(_arg(args, kwargs, 1, "dim", 0)), int(_arg(args, kwargs, 2, "index", 0))
            return lambda a: np.take(lay.expand_dims(a, in_shape, [dim]), index, axis=dim % nd)
        if name == "__getitem__":
            index = _numpy_index(args[1] if len(args) > 1 else None)
            if index is None:
                return None
            return lambda a: np.asarray(np.broadcast_to(a, in_shape)[index])
        return None

    def _concat(self, name: str, args: Sequence[Any], kwargs: dict[str, Any], out: Tensor) -> None:
        tensors = list(_arg(args, kwargs, 0, "tensors", []))
        dim = int(_arg(args, kwargs, 1, "dim", 0))
        recs = [self._records.get(t) for t in tensors]
        if not any(r is not None for r in recs):
            return
        # The map of one grid: every tracked input must be on the same grid.
        tracked = [r for r in recs if r is not None]
        base = tracked[0]
        if any(r.grid != base.grid for r in tracked):
            self._elementwise(args, kwargs, [out])
            return
        if name != "stack" and base.axes is not None and all(r.axes == base.axes for r in tracked) and \
                all(t.dim() == out.dim() for t in tensors) and dim % out.dim() not in base.axes and \
                all(r is not None for r in recs):
            rf = tracked[0].rf
            for other in tracked[1:]:
                rf = rf.union(other.rf)
            self._records[out] = Record(rf, base.grid, base.axes)
            return
        shapes, locals_, reaches = [], [], []
        for t, r in zip(tensors, recs, strict=True):
            shape = tuple(int(s) for s in t.shape)
            if r is None:
                local = reach = Boxes.empty(t.dim())
            else:
                local, reach = r.boxes(t.dim())
            if name == "stack":
                at = dim % (t.dim() + 1)
                local = local.apply(functools.partial(np.expand_dims, axis=at))
                reach = reach.apply(functools.partial(np.expand_dims, axis=at))
                shape = shape[:at] + (1,) + shape[at:]
            shapes.append(shape)
            locals_.append(local)
            reaches.append(reach)

        def cat(boxes: list[Boxes]) -> Boxes:
            return Boxes(*(lay.compress(lay.concatenate([b.arrays[i] for b in boxes], shapes, dim)) for i in range(4)))

        rf = tracked[0].rf
        for r in tracked[1:]:
            rf = rf.union(r.rf)
        self._set(out, Record(rf, base.grid, None, cat(locals_), cat(reaches)))

    # ------------------------------------------------------------ mixing

    def _mix(self, inp: Any, out: Tensor, dims: Sequence[int], *, reduce_local: bool) -> None:
        """``out`` (same rank as ``inp``) depends on everything along ``dims`` of ``inp``."""
        if not isinstance(inp, Tensor):
            return
        rec = self._records.get(inp)
        if rec is None:
            return
        if rec.axes is not None and not (set(dims) & set(rec.axes)):
            if out.dim() == inp.dim():
                self._records[out] = rec  # channels only (a LayerNorm over C): nothing moves
            return
        local, reach = rec.boxes(inp.dim())
        reach = reach.widen(dims)
        if reduce_local:
            local = local.widen(dims)
        self._set(out, replace(rec, axes=None, local=local, reach=reach))

    def _reduce(self, inp: Any, out: Tensor, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        if not isinstance(inp, Tensor):
            return
        rec = self._records.get(inp)
        if rec is None:
            return
        dims = _dims(_arg(args, kwargs, 1, "dim", None), inp.dim())
        keep = bool(_arg(args, kwargs, 2, "keepdim", False))
        local, reach = rec.boxes(inp.dim())
        local, reach = local.widen(dims), reach.widen(dims)
        if not keep:
            local = local.apply(lambda a: a.squeeze(tuple(dims)) if a.ndim == inp.dim() else a)
            reach = reach.apply(lambda a: a.squeeze(tuple(dims)) if a.ndim == inp.dim() else a)
        self._set(out, replace(rec, axes=None, local=local, reach=reach))

    def _norm(self, name: str, args: Sequence[Any], kwargs: dict[str, Any], inp: Any, out: Tensor) -> None:
        if not isinstance(inp, Tensor):
            return
        if name == "layer_norm":
            shape = _arg(args, kwargs, 1, "normalized_shape", ())
            n = 1 if isinstance(shape, int) else len(shape)
            dims = tuple(range(inp.dim() - n, inp.dim()))
        elif name == "group_norm":
            dims = tuple(range(1, inp.dim()))
        else:
            dims = tuple(range(2, inp.dim()))
        self._mix(inp, out, dims, reduce_local=False)

    def _linear(self, args: Sequence[Any], kwargs: dict[str, Any], out: Tensor) -> None:
        inp = _arg(args, kwargs, 0, "input", None)
        weight = _arg(args, kwargs, 1, "weight", None)
        if isinstance(weight, Tensor) and self._records.get(weight) is not None:
            self._matmul(inp, weight.t() if weight.dim() == 2 else weight, out)
            return
        if not isinstance(inp, Tensor):
            return
        rec = self._records.get(inp)
        if rec is None:
            return
        if rec.axes is not None and inp.dim() - 1 not in rec.axes:
            self._records[out] = rec
            return
        self._mix(inp, out, (inp.dim() - 1,), reduce_local=True)

    def _matmul(self, a: Any, b: Any, out: Tensor) -> None:
        ra = self._records.get(a) if isinstance(a, Tensor) else None
        rb = self._records.get(b) if isinstance(b, Tensor) else None
        if ra is None and rb is None or out.dim() < 2:
            return
        if ra is not None and rb is not None and ra.grid != rb.grid:
            return
        if min(t.dim() for t in (a, b) if isinstance(t, Tensor)) < 2:
            return
        parts_local, parts_reach = [], []
        rf = None
        if ra is not None:
            la, ea = ra.boxes(a.dim())
            parts_local.append(la.widen((-1,)))
            parts_reach.append(ea.widen((-1,)))
            rf = ra.rf
        if rb is not None:
            lb, eb = rb.boxes(b.dim())
            if ra is None:
                parts_local.append(lb.widen((-2,)))
            parts_reach.append(eb.widen((-2,)))
            rf = rb.rf if rf is None else rf.union(rb.rf)
        local = parts_local[0]
        reach = parts_reach[0]
        for extra in parts_reach[1:]:
            reach = reach.union(extra)
        base = ra or rb
        self._set(out, Record(rf, base.grid, None, local.with_ndim(out.dim()), reach.with_ndim(out.dim())))  # type: ignore[arg-type, union-attr]

    def _einsum(self, args: Sequence[Any], out: Tensor) -> None:
        equation = args[0] if args and isinstance(args[0], str) else None
        operands = list(args[1:])
        if len(operands) == 1 and isinstance(operands[0], list | tuple):
            operands = list(operands[0])
        if equation is None or "..." in equation or "->" not in equation:
            return
        lhs, rhs = equation.replace(" ", "").split("->")
        terms = lhs.split(",")
        if len(terms) != len(operands):
            return
        local = reach = None
        rf = grid = None
        for term, t in zip(terms, operands, strict=True):
            rec = self._records.get(t) if isinstance(t, Tensor) else None
            if rec is None:
                continue
            if grid is not None and rec.grid != grid:
                return
            lo, re = rec.boxes(t.dim())
            gone = [i for i, c in enumerate(term) if c not in rhs]
            lo, re = lo.widen(gone), re.widen(gone)

            def to_out(a: np.ndarray, term: str = term) -> np.ndarray:
                kept = [c for c in term if c in rhs]
                a = a.reshape([a.shape[i] for i, c in enumerate(term) if c in rhs])
                order = sorted(range(len(kept)), key=lambda i: rhs.index(kept[i]))
                a = a.transpose(order)
                shape = [a.shape[[kept[i] for i in order].index(c)] if c in kept else 1 for c in rhs]
                return a.reshape(shape)

            lo, re = lo.apply(to_out), re.apply(to_out)
            local = lo if local is None else local
            reach = re if reach is None else reach.union(re)
            rf = rec.rf if rf is None else rf.union(rec.rf)
            grid = rec.grid
        if local is None or reach is None or rf is None or grid is None:
            return
        self._set(out, Record(rf, grid, None, local, reach))

    def _attention(self, q: Any, k: Any, v: Any, out: Tensor, *, seq_dim: int) -> None:
        recs = [self._records.get(t) if isinstance(t, Tensor) else None for t in (q, k, v)]
        tracked = [r for r in recs if r is not None]
        if not tracked or any(r.grid != tracked[0].grid for r in tracked):
            return
        reach = local = None
        rf = tracked[0].rf
        for other in tracked[1:]:
            rf = rf.union(other.rf)
        for i, (t, r) in enumerate(zip((q, k, v), recs, strict=True)):
            if r is None:
                continue
            lo, re = r.boxes(t.dim())
            if i == 0:
                local = lo.widen((-1,))
                re = re.widen((-1,))
            else:
                re = re.widen((seq_dim, -1))
            reach = re if reach is None else reach.union(re)
        if local is None:
            local = Boxes.empty(out.dim())
        assert reach is not None  # `tracked` is not empty, so one of q, k, v set it
        self._set(out, Record(rf, tracked[0].grid, None, local.with_ndim(out.dim()), reach.with_ndim(out.dim())))

    # ------------------------------------------------------------ element-wise

    def _elementwise(self, args: Sequence[Any], kwargs: dict[str, Any], outs: list[Tensor]) -> None:
        inputs = _flat_tensors(args)
        if kwargs:
            inputs += _flat_tensors(list(kwargs.values()))
        tracked = [(t, self._records[t]) for t in inputs if t in self._records]
        if not tracked:
            return
        for out in outs:
            shape = tuple(int(s) for s in out.shape)
            same = [(t, r) for t, r in tracked if _broadcastable(tuple(t.shape), shape)]
            if not same:
                continue
            main = max(same, key=lambda tr: tr[1].grid[0] * tr[1].grid[1])[1]
            on_grid = [(t, r) for t, r in same if r.grid == main.grid]
            others = [r for t, r in same if r.grid != main.grid]
            sees_all = any(self._covers(r, t) for t, r in same if r.grid != main.grid) or any(
                r.rf.sees_all for r in others
            )
            # The common case (ResNet's +, ReLU, BatchNorm): same layout, same axes.
            if all(r.axes is not None and r.axes == on_grid[0][1].axes and t.dim() == out.dim() for t, r in on_grid):
                rf = on_grid[0][1].rf
                for _, r in on_grid[1:]:
                    rf = rf.union(r.rf)
                if sees_all and not rf.sees_all:
                    rf = replace(rf, sees_all=True)
                self._records[out] = Record(rf, main.grid, on_grid[0][1].axes)
                continue
            # on_grid holds `main` at least: start from its first entry.
            first_t, first = on_grid[0]
            local, reach = first.boxes(first_t.dim())
            rf = first.rf
            for t, r in on_grid[1:]:
                lo, re = r.boxes(t.dim())
                local = local.union(lo)
                reach = reach.union(re)
                rf = rf.union(r.rf)
            if sees_all and not rf.sees_all:
                rf = replace(rf, sees_all=True)
            self._set(out, Record(rf, main.grid, None, local.with_ndim(out.dim()), reach.with_ndim(out.dim())))

    def _covers(self, rec: Record, t: Tensor) -> bool:
        """True when every unit of ``t`` sees the whole image (a global pool's output)."""
        if rec.rf.sees_all:
            return True
        _, reach = rec.boxes(t.dim())
        return self._pixel_covers(rec, reach)

    def _pixel_covers(self, rec: Record, reach: Boxes) -> bool:
        h, w = self.image_hw
        ylo, yhi, xlo, xhi = reach.arrays
        if (ylo > yhi).any() or (xlo > xhi).any():
            return False
        shape_y = np.broadcast_shapes(ylo.shape, yhi.shape)
        shape_x = np.broadcast_shapes(xlo.shape, xhi.shape)
        ys = _range_spans(rec.rf.spans(rec.grid[0], 0), np.broadcast_to(ylo, shape_y).ravel(),
                          np.broadcast_to(yhi, shape_y).ravel())
        xs = _range_spans(rec.rf.spans(rec.grid[1], 1), np.broadcast_to(xlo, shape_x).ravel(),
                          np.broadcast_to(xhi, shape_x).ravel())
        return bool((ys[:, 0] <= 0).all() and (ys[:, 1] >= h - 1).all()
                    and (xs[:, 0] <= 0).all() and (xs[:, 1] >= w - 1).all())

    # ------------------------------------------------------------ back to the usual layout

    def _to_usual(self, rec: Record, shape: tuple[int, ...], *, assume_last: bool = False) -> Record:
        """``rec`` in the usual layout when its boxes line up with two axes, else ``rec``.

        An axis along which no box varies is only placed on the last two
        tensor axes when those have size 1 (a ``C×1×1`` map), or when the caller
        knows they are the grid (``assume_last``: a convolution's input).
        """
        if rec.axes is not None or rec.local is None or rec.reach is None or len(shape) < 3:
            return rec
        sees_all = rec.rf.sees_all or (rec.reach.covers(rec.grid) and not rec.local.covers(rec.grid))
        boxes = rec.local if sees_all else rec.reach
        if boxes.empty_anywhere():
            return rec
        nd = len(shape)
        ydims = {d for a in (boxes.ylo, boxes.yhi) for d in range(a.ndim) if a.shape[d] > 1}
        xdims = {d for a in (boxes.xlo, boxes.xhi) for d in range(a.ndim) if a.shape[d] > 1}
        if len(ydims) > 1 or len(xdims) > 1:
            return rec
        ydim = next(iter(ydims)) if ydims else nd - 2
        xdim = next(iter(xdims)) if xdims else nd - 1
        if ydim == xdim or ydim == 0 or xdim == 0 or boxes.ylo.ndim != nd:
            return rec
        if not assume_last and ((not ydims and shape[ydim] != 1) or (not xdims and shape[xdim] != 1)):
            return rec  # nothing says which axes hold the grid
        ny, nx = shape[ydim], shape[xdim]

        def along(a: np.ndarray, d: int, n: int) -> np.ndarray:
            return np.broadcast_to(a.reshape(-1) if a.size > 1 else a.reshape(1), (n,)).astype(np.int64)

        ylo, yhi = along(boxes.ylo, ydim, ny), along(boxes.yhi, ydim, ny)
        xlo, xhi = along(boxes.xlo, xdim, nx), along(boxes.xhi, xdim, nx)
        rf = _field_from_positions(rec.rf, rec.grid, (ylo, yhi), (xlo, xhi), sees_all)
        return Record(rf, (ny, nx), (ydim, xdim))

    def _field_by_position(self, rec: Record, ndim: int) -> ReceptiveField:
        """The field per grid position when positions are spread over several axes (tokens, windows)."""
        assert rec.local is not None and rec.reach is not None
        sees_all = rec.rf.sees_all or (rec.reach.covers(rec.grid) and not rec.local.covers(rec.grid))
        if sees_all:
            return replace(rec.rf, sees_all=True)
        shape = np.broadcast_shapes(*(a.shape for a in rec.local.arrays + rec.reach.arrays))
        pos_y = np.broadcast_to(rec.local.ylo, shape).reshape(-1)
        own_y = np.broadcast_to(rec.local.yhi, shape).reshape(-1) == pos_y
        pos_x = np.broadcast_to(rec.local.xlo, shape).reshape(-1)
        own_x = np.broadcast_to(rec.local.xhi, shape).reshape(-1) == pos_x
        keep = own_y & own_x & (pos_y >= 0) & (pos_y < rec.grid[0]) & (pos_x >= 0) & (pos_x < rec.grid[1])
        ylo = np.broadcast_to(rec.reach.ylo, shape).reshape(-1)[keep]
        yhi = np.broadcast_to(rec.reach.yhi, shape).reshape(-1)[keep]
        xlo = np.broadcast_to(rec.reach.xlo, shape).reshape(-1)[keep]
        xhi = np.broadcast_to(rec.reach.xhi, shape).reshape(-1)[keep]
        py, px = pos_y[keep], pos_x[keep]
        if not len(py):
            return rec.rf
        table = []
        for pos, lo, hi, n in ((py, ylo, yhi, rec.grid[0]), (px, xlo, xhi, rec.grid[1])):
            t_lo = np.arange(n, dtype=np.int64)
            t_hi = np.arange(n, dtype=np.int64)
            np.minimum.at(t_lo, pos, np.clip(lo, 0, n - 1))
            np.maximum.at(t_hi, pos, np.clip(hi, 0, n - 1))
            table.append((t_lo, t_hi))
        return _field_from_positions(rec.rf, rec.grid, table[0], table[1], False)


def _permutation(fn: Callable[[np.ndarray], np.ndarray], ndim: int) -> list[int]:
    """Which input axis lands at each output position under the axis permutation ``fn``.

    ``fn`` is applied to an array whose strides number its axes (1, 2, 3, …),
    so the output's strides read back the order.
    """
    probe = np.lib.stride_tricks.as_strided(np.zeros(1), shape=(1,) * ndim, strides=tuple(8 * (i + 1) for i in range(ndim)))
    return [s // 8 - 1 for s in fn(probe).strides]


def _repeats(args: Sequence[Any]) -> list[int]:
    sizes = args[1:]
    if len(sizes) == 1 and isinstance(sizes[0], list | tuple | torch.Size):
        sizes = sizes[0]
    return [int(s) for s in sizes]


def _numpy_index(index: Any) -> Any:
    """A torch basic index as a numpy one (None when it holds tensors or lists)."""
    items = index if isinstance(index, tuple) else (index,)
    out = []
    for item in items:
        if isinstance(item, bool) or not (item is None or item is Ellipsis or isinstance(item, int | slice)):
            return None
        out.append(item)
    return tuple(out)


def _field_from_positions(
    grid_rf: ReceptiveField,
    grid: tuple[int, int],
    ys: tuple[np.ndarray, np.ndarray],
    xs: tuple[np.ndarray, np.ndarray],
    sees_all: bool,
) -> ReceptiveField:
    """The field of units that each depend on a range of grid positions.

    ``ys = (lo, hi)``: for unit ``i`` along the height, the first and last
    grid row it depends on (likewise ``xs``). When the ranges advance by one
    step and the grid's field is uniform, the result is the analytic field
    of a window over the grid; otherwise exact per-unit tables.
    """
    (ylo, yhi), (xlo, xhi) = ys, xs
    if (len(ylo) == grid[0] and len(xlo) == grid[1] and (ylo == yhi).all() and (xlo == xhi).all()
            and (ylo == np.arange(grid[0])).all() and (xlo == np.arange(grid[1])).all()):
        return replace(grid_rf, sees_all=True) if sees_all and not grid_rf.sees_all else grid_rf
    if grid_rf.uniform:
        steps = []
        for lo, hi, n in ((ylo, yhi, grid[0]), (xlo, xhi, grid[1])):
            width = hi - lo
            step = int(lo[1] - lo[0]) if len(lo) > 1 else n
            regular = (width == width[0]).all() and step > 0 and (
                len(lo) < 2 or (np.diff(lo) == step).all()
            )
            steps.append((regular, int(lo[0]), int(width[0]), step))
        if all(s[0] for s in steps):
            k = (steps[0][2] + 1, steps[1][2] + 1)
            stride = (steps[0][3], steps[1][3])
            shifted = replace(grid_rf, start=(grid_rf.start[0] + steps[0][1] * grid_rf.jump[0],
                                              grid_rf.start[1] + steps[1][1] * grid_rf.jump[1]))
            new = shifted.window(k, stride, (0, 0)).with_bounds_for((len(ylo), len(xlo)), grid_rf)
            return replace(new, sees_all=sees_all or grid_rf.sees_all)
    return ReceptiveField.from_spans(
        _range_spans(grid_rf.spans(grid[0], 0), ylo, yhi),
        _range_spans(grid_rf.spans(grid[1], 1), xlo, xhi),
        sees_all=sees_all or grid_rf.sees_all,
        aligned=grid_rf.aligned,
    )


__all__ = ["RFTracker", "Record", "math"]
