"""Layer arithmetic: output sizes, parameter counts, MACs, memory, and the
formulas written out with the numbers filled in.

Conventions (documented here once, shown in the GUI and the CLI):

* **Output size** of a convolution or pooling window along one axis::

      out = ⌊(W + 2P − D·(F − 1) − 1) / S⌋ + 1

  which for dilation D = 1 is the classic ``⌊(W − F + 2P) / S⌋ + 1``.
  Pools with ``ceil_mode`` round up instead, and PyTorch then drops a last
  window that would start inside the right padding.
* **Parameters** of a convolution: ``(F·F·C_in/groups + 1)·C_out`` (the ``+ 1``
  is the bias, absent when ``bias=False``); of a linear layer
  ``(C_in + 1)·C_out``; of a BatchNorm layer ``2·C`` (γ and β; the running mean
  and variance are buffers, not parameters).
* **MACs** (multiply-accumulates) count convolutions and matrix products,
  biases excluded: a convolution does ``C_in/groups · F_h · F_w`` MACs per
  output element, a linear layer ``C_in`` per output element, a matrix
  product ``(n×k)·(k×m)`` ``n·k·m``. Activations, normalisation, softmax,
  pooling and additions are not counted (they are cheap compared to these,
  and counting conventions for them differ between tools). The summary counts
  them from the operations a pass runs (:mod:`cnnviz.core.macs`), so
  attention and functional layers are included; :func:`module_macs` is the
  same rule for one conv / linear module, written out for explanations.
* **Memory** of an output is ``elements × bytes per element`` of the tensor the
  layer returns, batch of one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from torch import nn

MINUS = "−"


def pair(value: int | Sequence[int]) -> tuple[int, int]:
    """``3`` -> (3, 3); ``(3, 5)`` -> (3, 5)."""
    if isinstance(value, int):
        return (value, value)
    vals = tuple(int(v) for v in value)
    return (vals[0], vals[0]) if len(vals) == 1 else (vals[0], vals[1])


def window_output_size(
    n: int, kernel: int, stride: int, padding: int, dilation: int = 1, ceil_mode: bool = False
) -> int:
    """Output length of a sliding window along one axis (PyTorch's rule)."""
    span = n + 2 * padding - dilation * (kernel - 1) - 1
    if ceil_mode:
        out = -(-span // stride) + 1
        # PyTorch: the last window must start inside the input or left padding.
        if (out - 1) * stride >= n + padding:
            out -= 1
        return out
    return span // stride + 1


def _group(n: int) -> str:
    return f"{n:,}"


def size_formula_axis(
    n: int, kernel: int, stride: int, padding: int, dilation: int = 1, ceil_mode: bool = False
) -> str:
    """The output-size formula for one axis, numbers filled in.

    ``size_formula_axis(224, 11, 4, 2)`` -> ``'⌊(224 − 11 + 2·2) / 4⌋ + 1 = 55'``.
    """
    lo, hi = ("⌈", "⌉") if ceil_mode else ("⌊", "⌋")
    if dilation == 1:
        inner = f"{n} {MINUS} {kernel} + 2·{padding}"
    else:
        inner = f"{n} + 2·{padding} {MINUS} {dilation}·({kernel} {MINUS} 1) {MINUS} 1"
    out = window_output_size(n, kernel, stride, padding, dilation, ceil_mode)
    text = f"{lo}({inner}) / {stride}{hi} + 1 = {out}"
    if ceil_mode:
        span = n + 2 * padding - dilation * (kernel - 1) - 1
        if -(-span // stride) + 1 != out:
            text += " (the last window would start in the padding, so PyTorch drops it)"
    return text


def size_formula(
    in_hw: tuple[int, int],
    kernel: tuple[int, int],
    stride: tuple[int, int],
    padding: tuple[int, int],
    dilation: tuple[int, int] = (1, 1),
    ceil_mode: bool = False,
) -> str:
    """The formula for both axes: one line when they agree, ``H: …; W: …`` otherwise."""
    h = size_formula_axis(in_hw[0], kernel[0], stride[0], padding[0], dilation[0], ceil_mode)
    w = size_formula_axis(in_hw[1], kernel[1], stride[1], padding[1], dilation[1], ceil_mode)
    return h if h == w else f"H: {h}; W: {w}"


def does_tile(n: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> bool:
    """True when the windows cover the padded input exactly (nothing is floored away)."""
    return (n + 2 * padding - dilation * (kernel - 1) - 1) % stride == 0


def conv_params(kernel: tuple[int, int], c_in: int, c_out: int, groups: int = 1, bias: bool = True) -> int:
    """``(F_h·F_w·C_in/groups + 1)·C_out``; without the ``+ 1`` when ``bias`` is False."""
    return (kernel[0] * kernel[1] * (c_in // groups) + (1 if bias else 0)) * c_out


def conv_params_formula(
    kernel: tuple[int, int], c_in: int, c_out: int, groups: int = 1, bias: bool = True
) -> str:
    """The parameter formula written out, e.g. ``(11·11·3 + 1)·64 = 23,296``."""
    cin = f"{c_in // groups}" if groups == 1 else f"({c_in}/{groups})"
    body = f"{kernel[0]}·{kernel[1]}·{cin}"
    total = conv_params(kernel, c_in, c_out, groups, bias)
    inner = f"({body} + 1)" if bias else f"({body})"
    return f"{inner}·{c_out} = {_group(total)}"


def linear_params_formula(c_in: int, c_out: int, bias: bool = True) -> str:
    """``(C_in + 1)·C_out = N`` written out."""
    total = (c_in + (1 if bias else 0)) * c_out
    inner = f"({c_in} + 1)" if bias else f"{c_in}"
    return f"{inner}·{c_out} = {_group(total)}"


def transposed_output_size(
    n: int, kernel: int, stride: int, padding: int, dilation: int = 1, output_padding: int = 0
) -> int:
    """Output length of a transposed convolution along one axis (PyTorch's rule)."""
    return (n - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1


def transposed_size_formula_axis(
    n: int, kernel: int, stride: int, padding: int, dilation: int = 1, output_padding: int = 0
) -> str:
    """``(W − 1)·S − 2P + D·(F − 1) + output_padding + 1`` with the numbers filled in."""
    out = transposed_output_size(n, kernel, stride, padding, dilation, output_padding)
    extra = f" + {output_padding}" if output_padding else ""
    return f"({n} {MINUS} 1)·{stride} {MINUS} 2·{padding} + {dilation}·({kernel} {MINUS} 1){extra} + 1 = {out}"


def module_params_formula(module: nn.Module) -> str | None:
    """The parameter formula of a conv, linear or norm layer, else None."""
    if isinstance(module, nn.modules.conv._ConvTransposeNd) and module.weight.dim() == 4:
        # Transposed weights are (C_in, C_out/groups, kh, kw).
        c_in, cout_per_group, kh, kw = module.weight.shape
        c_out = cout_per_group * module.groups
        return conv_params_formula((kh, kw), c_out, c_in, module.groups, False) + (
            f" + {c_out} = {_group(kh * kw * cout_per_group * c_in + c_out)} (weights + one bias per output channel)"
            if module.bias is not None
            else ""
        )
    if isinstance(module, nn.modules.conv._ConvNd) and module.weight.dim() == 4:
        c_out, cin_per_group, kh, kw = module.weight.shape
        return conv_params_formula(
            (kh, kw), cin_per_group * module.groups, c_out, module.groups, module.bias is not None
        )
    if isinstance(module, nn.Linear):
        return linear_params_formula(module.in_features, module.out_features, module.bias is not None)
    if isinstance(module, nn.modules.batchnorm._BatchNorm | nn.GroupNorm | nn.LayerNorm):
        n = sum(p.numel() for p in module.parameters(recurse=False))
        if n == 0:
            return None
        c = n // 2
        return f"2·{c} = {_group(n)} (γ, β)"
    return None


def conv_macs(out_shape: Sequence[int], kernel: tuple[int, int], c_in: int, groups: int) -> int:
    """MACs of a convolution: output elements × (C_in/groups · F_h · F_w), biases excluded."""
    return math.prod(out_shape) * (c_in // groups) * kernel[0] * kernel[1]


def module_macs(module: nn.Module, input_shape: Sequence[int] | None, output_shape: Sequence[int] | None) -> int:
    """MACs of one call of ``module`` (shapes without the batch dimension); 0 if not conv/linear."""
    if output_shape is None:
        return 0
    if isinstance(module, nn.modules.conv._ConvNd):
        w = module.weight
        c_in = w.shape[1] * module.groups
        k = tuple(w.shape[2:])
        if isinstance(module, nn.modules.conv._ConvTransposeNd):
            # Each input element is spread over a kernel: in × C_out/groups × k.
            if input_shape is None:
                return 0
            return math.prod(input_shape) * (w.shape[1]) * math.prod(k)
        return math.prod(output_shape) * (c_in // module.groups) * math.prod(k)
    if isinstance(module, nn.Linear):
        return math.prod(output_shape) * module.in_features
    if isinstance(module, nn.Bilinear):
        return math.prod(output_shape) * module.in1_features * module.in2_features
    return 0


def format_bytes(n: int) -> str:
    """Human-readable bytes: ``1536`` -> ``'1.5 KiB'``."""
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


def format_count(n: int) -> str:
    """Compact counts: 23296 -> '23.3 K', 4_100_000 -> '4.1 M'."""
    for unit, scale in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if abs(n) >= scale:
            return f"{n / scale:.1f} {unit}"
    return str(n)
