"""A real unit and its neighbours as a sliding-window animation (the toy convolution page's model).

:func:`unit_animation` turns the neighbourhood a :class:`~cnnviz.core.explain.unit_arithmetic.ConvUnit`
or :class:`~cnnviz.core.explain.unit_arithmetic.PoolUnit` kept (its ``patch``) into a
:class:`~cnnviz.core.explain.sliding.ConvAnimation` / ``PoolAnimation`` whose every step is the real
layer's output there: padding comes from the real layer (flagged cells of the patch, not a ring the
animation adds) and, when a convolution reads more input channels than can be drawn, the channels
left out add their products to each step, so the numbers written into the output are still the layer's.
Only numpy runs here (the unit was computed by :mod:`.unit_arithmetic`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from cnnviz.core.explain.sliding import ConvAnimation, PoolAnimation, Step
from cnnviz.core.explain.unit_arithmetic import ConvUnit, PoolUnit, UnitPatch

#: Input channels drawn one by one at most; the others are summed (see :func:`shown_channels`).
MAX_SHOWN_CHANNELS = 3


def shown_channels(unit: ConvUnit, limit: int = MAX_SHOWN_CHANNELS) -> tuple[int, ...]:
    """Window channels to draw (indices into ``unit.window``): all when few, else the ``limit`` that
    contribute most to this unit (largest |Σ products|), in channel order."""
    n = unit.window.shape[0]
    if n <= limit:
        return tuple(range(n))
    order = np.argsort(-np.abs(unit.channel_sums), kind="stable")[:limit]
    return tuple(sorted(int(i) for i in order))


class PatchConvAnimation(ConvAnimation):
    """A convolution over a patch of the real input: padding baked in, the hidden channels summed."""

    def __init__(self, patch: UnitPatch, kernel: np.ndarray, bias: float, stride: int, dilation: int,
                 shown: Sequence[int]) -> None:
        shown = list(shown)
        super().__init__(patch.values[shown], kernel[shown][None], np.array([bias]), stride=stride, padding=0,
                         dilation=dilation)
        self.patch = patch
        self.shown = tuple(shown)
        self.pad_mask = patch.padding.copy()  # the real layer's padding, inside the patch
        hidden = [c for c in range(patch.values.shape[0]) if c not in shown]
        self.hidden_channels = len(hidden)
        self.hidden = np.zeros(self.out_hw)
        if hidden:
            for oy, ox in np.ndindex(*self.out_hw):
                _, _, ix = self._taps(oy, ox)
                self.hidden[oy, ox] = float((patch.values[hidden][(slice(None), *ix)] * kernel[hidden]).sum())

    def _step(self, index: int, ch: int, oy: int, ox: int) -> Step:
        step = super()._step(index, ch, oy, ox)
        return replace(step, value=step.value + float(self.hidden[oy, ox]))


class PatchPoolAnimation(PoolAnimation):
    """Pooling over a patch of the real input: padding baked in (−∞ for max), PyTorch's divisors."""

    def __init__(self, patch: UnitPatch, kernel: int, mode: str, stride: int, dilation: int) -> None:
        values = np.where(patch.padding, -np.inf if mode == "max" else 0.0, patch.values[0])[None]
        super().__init__(values, kernel, mode=mode, stride=stride, padding=0, dilation=dilation)
        self.patch = patch
        self.pad_mask = patch.padding.copy()

    def _step(self, index: int, ch: int, oy: int, ox: int) -> Step:
        step = super()._step(index, ch, oy, ox)
        if self.mode == "avg" and self.patch.divisors is not None:
            total = float(np.where(step.in_padding, 0.0, step.window[0]).sum())
            step = replace(step, value=total / float(self.patch.divisors[oy, ox]))
        return step


def unit_animation(unit: ConvUnit | PoolUnit, shown: Sequence[int] | None = None,
                   ) -> PatchConvAnimation | PatchPoolAnimation | None:
    """The animation of ``unit`` and its neighbours, or None when it cannot be drawn as one.

    Needs the unit's ``patch`` (``unit_arithmetic(..., context=1)``), a square window with the same
    stride and dilation along both axes, and evenly spaced windows (not adaptive pooling).
    """
    patch = unit.patch
    if patch is None or unit.stride[0] != unit.stride[1] or unit.dilation[0] != unit.dilation[1]:
        return None
    kh, kw = unit.window.shape[1:]
    if kh != kw:
        return None
    if isinstance(unit, ConvUnit):
        # every output channel of the layer would need its own kernel: animate this unit's filter only
        kernel = unit.kernel
        return PatchConvAnimation(patch, kernel, unit.bias, unit.stride[0], unit.dilation[0],
                                  shown_channels(unit) if shown is None else shown)
    return PatchPoolAnimation(patch, kh, unit.mode, unit.stride[0], unit.dilation[0])


def unit_step(anim: PatchConvAnimation | PatchPoolAnimation, unit: ConvUnit | PoolUnit) -> int:
    """The animation step that computes ``unit`` itself."""
    return anim.index_of(0, unit.y - anim.patch.out_y0, unit.x - anim.patch.out_x0)
