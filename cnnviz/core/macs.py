"""Multiply-accumulates counted from the operations a forward pass really runs.

Counting modules (``nn.Conv2d``, ``nn.Linear``) misses every product that is
not a module call: attention's matrix products, the projections that
``F.multi_head_attention_forward`` runs with its module's weights, and a
user's ``F.conv2d`` / ``F.linear`` with ``nn.Parameter`` weights. A
:class:`~torch.utils._python_dispatch.TorchDispatchMode` sees the ATen
operations all of these end in, whatever Python called them:

* ``convolution`` — ``out elements · C_in/groups · kernel elements``; a
  transposed convolution spreads each *input* element over
  ``C_out/groups · kernel elements``;
* ``mm`` / ``addmm`` / ``mv`` / ``addmv`` / ``bmm`` / ``baddbmm`` / ``dot`` —
  the product of the three sizes (``linear``, ``matmul`` and ``einsum``
  all end here);
* the fused ``scaled_dot_product_attention`` kernels —
  ``L·S·(E + E_v)`` per batch and head (the two products inside);
* ``_trilinear`` (``nn.Bilinear``) — ``out elements · in1 · in2``.

Biases, activations, normalisation, softmax, pooling and additions are not
counted (the convention of :mod:`cnnviz.core.geometry`, and of
torchvision's published ``_ops``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import torch
from torch import Tensor
from torch.utils._python_dispatch import TorchDispatchMode

aten = torch.ops.aten


def _numel(shape: Any) -> int:
    return math.prod(int(s) for s in shape)


def _conv(args: tuple[Any, ...], out: Any) -> int:
    inp, weight = args[0], args[1]
    transposed = bool(args[6]) if len(args) > 6 else False
    kernel = _numel(weight.shape[2:])
    if transposed:  # weight (C_in, C_out/groups, k...)
        return int(inp.numel()) * int(weight.shape[1]) * kernel
    return int(out.numel()) * int(weight.shape[1]) * kernel  # weight (C_out, C_in/groups, k...)


def _mm(a: Tensor, b: Tensor) -> int:
    return int(a.shape[0]) * int(a.shape[1]) * int(b.shape[-1])


def _bmm(a: Tensor, b: Tensor) -> int:
    return int(a.shape[0]) * int(a.shape[1]) * int(a.shape[2]) * int(b.shape[2])


def _sdpa(args: tuple[Any, ...], out: Any) -> int:
    q, k, v = args[0], args[1], args[2]
    lead = _numel(q.shape[:-2])
    return lead * int(q.shape[-2]) * int(k.shape[-2]) * (int(q.shape[-1]) + int(v.shape[-1]))


_RULES: dict[Any, Callable[[tuple[Any, ...], Any], int]] = {
    aten.convolution.default: _conv,
    aten.mm.default: lambda a, o: _mm(a[0], a[1]),
    aten.addmm.default: lambda a, o: _mm(a[1], a[2]),
    aten.mv.default: lambda a, o: int(a[0].shape[0]) * int(a[0].shape[1]),
    aten.addmv.default: lambda a, o: int(a[1].shape[0]) * int(a[1].shape[1]),
    aten.dot.default: lambda a, o: int(a[0].shape[0]),
    aten.bmm.default: lambda a, o: _bmm(a[0], a[1]),
    aten.baddbmm.default: lambda a, o: _bmm(a[1], a[2]),
    aten._trilinear.default: lambda a, o: o.numel() * int(a[1].shape[-2]) * int(a[1].shape[-1]),
}
for _name in (
    "_scaled_dot_product_flash_attention_for_cpu",
    "_scaled_dot_product_flash_attention",
    "_scaled_dot_product_efficient_attention",
    "_scaled_dot_product_cudnn_attention",
    "_scaled_dot_product_fused_attention_overrideable",
):
    _packet = getattr(aten, _name, None)
    if _packet is not None:
        _RULES[_packet.default] = _sdpa


def op_macs(func: Any, args: tuple[Any, ...], out: Any) -> int:
    """MACs of one ATen call (0 for operations the convention does not count)."""
    rule = _RULES.get(func)
    return rule(args, out) if rule is not None else 0


class MacCounter(TorchDispatchMode):
    """Adds the MACs of every counted operation to ``charge(n)``.

    ``charge`` decides where they go (the summary charges the innermost
    module call open at that moment). Use as a context manager around the
    forward pass.
    """

    def __init__(self, charge: Callable[[int], None]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # torch's TorchDispatchMode.__init__ is unannotated
        self.charge = charge

    def __torch_dispatch__(self, func: Any, types: Any, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> Any:
        out = func(*args, **(kwargs or {}))
        rule = _RULES.get(func)
        if rule is not None:
            n = rule(args, out)
            if n:
                self.charge(n)
        return out
