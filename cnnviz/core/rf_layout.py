"""Where each element of a tensor sits on the image grid: position boxes that follow reshapes.

A feature map in the usual layout keeps its grid on two axes (``N, C, H, W``,
or ``N, H, W, C`` around a channels-last LayerNorm). Vision transformers,
Swin and MaxViT move pixels elsewhere: into tokens (``N, H·W, C``), into the
batch (window partitions), across channels (channel shuffle). A
:class:`Boxes` keeps, for every element, the rectangle of *grid positions*
it depends on, as four integer numpy arrays broadcastable to the tensor
(``ylo, yhi, xlo, xhi``; constant axes are stored with size 1, so a
``64×56×56`` map costs two ``56``-element arrays). Reshapes, permutes,
slices, concatenations and rolls are applied to the arrays exactly as the
tensor op applies them to the tensor; operations that mix positions
(attention, softmax over tokens, reductions) take the min / max along the
mixed axes. An element that depends on no position (a class token before
the first attention) holds the empty box ``lo = EMPTY_LO, hi = EMPTY_HI``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

EMPTY_LO = np.int64(1 << 40)
EMPTY_HI = np.int64(-1)


@dataclass(frozen=True)
class Boxes:
    """Per-element rectangles of grid positions, as broadcastable int64 arrays."""

    ylo: np.ndarray
    yhi: np.ndarray
    xlo: np.ndarray
    xhi: np.ndarray

    @property
    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(ylo, yhi, xlo, xhi)``."""
        return (self.ylo, self.yhi, self.xlo, self.xhi)

    @classmethod
    def grid(cls, ndim: int, axes: tuple[int, int], hw: tuple[int, int]) -> Boxes:
        """Every element at its own position: ``y`` along ``axes[0]``, ``x`` along ``axes[1]``."""
        ys = np.arange(hw[0], dtype=np.int64).reshape([hw[0] if d == axes[0] else 1 for d in range(ndim)])
        xs = np.arange(hw[1], dtype=np.int64).reshape([hw[1] if d == axes[1] else 1 for d in range(ndim)])
        return cls(ys, ys, xs, xs)

    @classmethod
    def empty(cls, ndim: int) -> Boxes:
        """Elements that depend on no position."""
        lo = np.full([1] * ndim, EMPTY_LO, dtype=np.int64)
        hi = np.full([1] * ndim, EMPTY_HI, dtype=np.int64)
        return cls(lo, hi, lo, hi)

    def apply(self, fn: Callable[[np.ndarray], np.ndarray]) -> Boxes:
        """The same array operation on all four arrays (each computed once if shared)."""
        done: dict[int, np.ndarray] = {}

        def one(a: np.ndarray) -> np.ndarray:
            if id(a) not in done:
                done[id(a)] = compress(fn(a))
            return done[id(a)]

        return Boxes(one(self.ylo), one(self.yhi), one(self.xlo), one(self.xhi))

    def widen(self, dims: Sequence[int]) -> Boxes:
        """Every element depends on everything along ``dims`` (min / max kept with size 1 there)."""
        dims = tuple(sorted({d % self.ylo.ndim for d in dims}))
        if not dims:
            return self
        return Boxes(
            _reduce(self.ylo, dims, np.min), _reduce(self.yhi, dims, np.max),
            _reduce(self.xlo, dims, np.min), _reduce(self.xhi, dims, np.max),
        )

    def union(self, other: Boxes) -> Boxes:
        """Element-wise union with broadcasting (the result has the larger rank)."""
        nd = max(self.ylo.ndim, other.ylo.ndim)
        a, b = self.with_ndim(nd), other.with_ndim(nd)
        return Boxes(
            compress(np.minimum(a.ylo, b.ylo)), compress(np.maximum(a.yhi, b.yhi)),
            compress(np.minimum(a.xlo, b.xlo)), compress(np.maximum(a.xhi, b.xhi)),
        )

    def with_ndim(self, ndim: int) -> Boxes:
        """Leading size-1 axes added (torch broadcasting aligns shapes on the right)."""
        extra = ndim - self.ylo.ndim
        if extra <= 0:
            return self
        return self.apply(lambda a: a.reshape((1,) * extra + a.shape))

    def covers(self, hw: tuple[int, int]) -> bool:
        """True when every element (with a position) depends on the whole grid."""
        ylo, yhi, xlo, xhi = self.arrays
        has = np.broadcast_to(ylo <= yhi, np.broadcast_shapes(ylo.shape, yhi.shape))
        if not has.any():
            return False
        full = (ylo <= 0) & (yhi >= hw[0] - 1) & (xlo <= 0) & (xhi >= hw[1] - 1)
        shape = np.broadcast_shapes(full.shape, has.shape)
        return bool(np.broadcast_to(full, shape)[np.broadcast_to(has, shape)].all())

    def empty_anywhere(self) -> bool:
        """True when some element depends on no position."""
        return bool((self.ylo > self.yhi).any() or (self.xlo > self.xhi).any())


def _reduce(a: np.ndarray, dims: tuple[int, ...], fn: Callable[..., np.ndarray]) -> np.ndarray:
    live = tuple(d for d in dims if a.shape[d] > 1)
    return compress(fn(a, axis=live, keepdims=True)) if live else a


def compress(a: np.ndarray) -> np.ndarray:
    """``a`` with every axis along which it is constant cut to size 1."""
    a = np.asarray(a)
    for d in range(a.ndim):
        if a.shape[d] <= 1:
            continue
        if a.strides[d] == 0:
            a = a[(slice(None),) * d + (slice(0, 1),)]
            continue
        first = a[(slice(None),) * d + (slice(0, 1),)]
        if (a == first).all():
            a = first
    return a


def reshape(a: np.ndarray, in_shape: Sequence[int], out_shape: Sequence[int]) -> np.ndarray:
    """``tensor.reshape(out_shape)`` applied to a compressed array broadcastable to ``in_shape``.

    Axes are matched in groups whose sizes multiply to the same number (as
    any reshape does); a group along which the array is constant stays of
    size 1, the others are expanded and reshaped, so the array stays small.
    """
    in_shape, out_shape = list(in_shape), list(out_shape)
    a = a.reshape((1,) * (len(in_shape) - a.ndim) + a.shape)
    groups = _groups(in_shape, out_shape)
    if groups is None:
        return np.broadcast_to(a, in_shape).reshape(out_shape)
    target_in, target_out = [], []
    for ins, outs in groups:
        varying = any(a.shape[d] > 1 for d in ins)
        target_in += [in_shape[d] if varying else 1 for d in ins]
        target_out += [out_shape[d] if varying else 1 for d in outs]
    return np.broadcast_to(a, target_in).reshape(target_out)


def _groups(in_shape: list[int], out_shape: list[int]) -> list[tuple[list[int], list[int]]] | None:
    """Consecutive axis groups of equal product; size-1 axes join the group before them."""
    if math.prod(in_shape) != math.prod(out_shape) or math.prod(in_shape) == 0:
        return None
    groups: list[tuple[list[int], list[int]]] = []
    i = j = 0
    while i < len(in_shape) or j < len(out_shape):
        ins, outs = [], []
        pi = pj = 1
        # Take at least one non-trivial axis from each side, then grow the smaller product.
        while i < len(in_shape) and in_shape[i] == 1 and (j >= len(out_shape) or out_shape[j] != 1):
            ins.append(i)
            i += 1
        while j < len(out_shape) and out_shape[j] == 1 and (i >= len(in_shape) or in_shape[i] != 1):
            outs.append(j)
            j += 1
        if i < len(in_shape):
            ins.append(i)
            pi *= in_shape[i]
            i += 1
        if j < len(out_shape):
            outs.append(j)
            pj *= out_shape[j]
            j += 1
        while pi != pj:
            if pi < pj and i < len(in_shape):
                pi *= in_shape[i]
                ins.append(i)
                i += 1
            elif pj < pi and j < len(out_shape):
                pj *= out_shape[j]
                outs.append(j)
                j += 1
            else:
                return None
        groups.append((ins, outs))
    return groups


def expand_dims(a: np.ndarray, shape: Sequence[int], dims: Sequence[int]) -> np.ndarray:
    """``a`` broadcast to ``shape`` along ``dims`` only (a view)."""
    target = [shape[d] if d in {x % len(shape) for x in dims} else a.shape[d] for d in range(len(shape))]
    return np.broadcast_to(a, target)


def concatenate(arrays: Sequence[np.ndarray], shapes: Sequence[Sequence[int]], dim: int) -> np.ndarray:
    """``torch.cat`` of arrays broadcastable to ``shapes`` along ``dim``."""
    nd = len(shapes[0])
    dim %= nd
    target: list[int | None] = []
    for d in range(nd):
        if d == dim:
            target.append(None)
        elif all(a.shape[d] == 1 for a in arrays):
            target.append(1)
        else:
            target.append(int(shapes[0][d]))
    parts = []
    for a, s in zip(arrays, shapes, strict=True):
        parts.append(np.broadcast_to(a, [int(s[d]) if t is None else t for d, t in enumerate(target)]))
    return np.concatenate(parts, axis=dim)
