"""The arithmetic of one unit of a real network, with the real numbers.

Given a model, an input and one unit of one layer's output (channel, row,
column), :func:`unit_arithmetic` runs the model once with hooks and writes
out how that single number was computed:

* a convolution (any stride, padding, dilation, groups, padding mode): the
  input window (every input channel of the unit's group; padding taps are
  flagged and hold the padding value, 0 for zero padding), the kernel, the
  element-wise products, their sum, the bias and the output value;
* a pooling unit (max / average, also adaptive): the window and which value
  wins, or the sum and the divisor PyTorch uses;
* a fully connected (Linear) unit: the largest contributions input × weight
  and the rest summed;
* then the BatchNorm and activation layers (ReLU, ReLU6, LeakyReLU, Tanh,
  Sigmoid) that directly follow in execution, each as one step with its
  numbers (normalise with the running statistics, scale and shift, ReLU).

The unit may also be given on a following BatchNorm / activation layer or
on a block whose output is such a chain's output: the arithmetic then starts
at the convolution (pooling, linear) that feeds it. "Directly follows"
means: the next module to run takes, unchanged, the tensor the previous one
produced (same storage, shape and version counter); a residual addition or
any other operation in between ends the chain.

Every number is computed here in float64 from the module's parameters and
the captured input; ``captured`` holds what the network itself produced,
so a reader (and the tests) can see that the two agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from cnnviz.core.explain.text import ExplainError, Text, num
from cnnviz.core.messages import msg
from cnnviz.core.probe import eval_mode, first_tensor, forward, resolve_layers

#: How many of a fully connected unit's contributions are listed one by one.
TOP_CONTRIBUTIONS = 10

_ACTIVATIONS: dict[type[nn.Module], str] = {
    nn.ReLU: "relu", nn.ReLU6: "relu6", nn.LeakyReLU: "leaky_relu", nn.Tanh: "tanh", nn.Sigmoid: "sigmoid",
}
_BATCH_NORMS = (nn.BatchNorm1d, nn.BatchNorm2d)
_POOLS = (nn.MaxPool2d, nn.AvgPool2d, nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)
SUPPORTED = msg("Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d or Linear")


# --------------------------------------------------------------------------- results


def _no_array() -> np.ndarray:
    return np.zeros(0)


def _int(value: int) -> str:
    """A whole number with a true minus sign (input rows and columns left of the input are negative)."""
    return str(int(value)).replace("-", "−")


def _paren(value: float) -> str:
    """A number for the middle of a formula: negative ones in parentheses."""
    return f"({num(value)})" if value < 0 else num(value)


@dataclass(frozen=True)
class FollowStep:
    """A BatchNorm or activation that directly follows the layer, applied to the unit's value."""

    layer: str  # its key (``name`` or ``name#k``)
    kind: str  # "batchnorm" | "relu" | "relu6" | "leaky_relu" | "tanh" | "sigmoid"
    module_type: str
    before: float
    after: float  # computed here
    captured: float  # what the network produced at this unit
    mean: float | None = None  # BatchNorm: running mean, variance, eps, γ, β and (x − μ)/√(σ² + ε)
    var: float | None = None
    eps: float | None = None
    gamma: float | None = None
    beta: float | None = None
    normalized: float | None = None
    slope: float | None = None  # LeakyReLU's negative slope

    def formula(self) -> Text:
        """The step written out with its numbers."""
        b, a = num(self.before), num(self.after)
        if self.kind == "batchnorm":
            assert self.mean is not None and self.var is not None and self.eps is not None
            n = num(self.normalized or 0.0)
            norm = f"({b} − {_paren(self.mean)}) / √({num(self.var)} + {self.eps:g}) = {n}"
            affine = f"{_paren(self.gamma or 0.0)} · {_paren(self.normalized or 0.0)} + {_paren(self.beta or 0.0)} = {a}"
            return Text(f"BatchNorm {self.layer}: normalise with the running mean μ and variance σ², "
                        f"(x − μ) / √(σ² + ε) = {norm}; then scale by γ and shift by β: {affine}.",
                        f"BatchNorm {self.layer}：用运行均值 μ 和方差 σ² 归一化，(x − μ) / √(σ² + ε) = {norm}；"
                        f"再乘以 γ、加上 β：{affine}。")
        if self.kind == "relu":
            return Text(f"ReLU {self.layer}: max(0, {b}) = {a}" + (" (negative values become 0)."
                                                                   if self.before < 0 else "."),
                        f"ReLU {self.layer}：max(0, {b}) = {a}" + ("（负值变为 0）。" if self.before < 0 else "。"))
        if self.kind == "relu6":
            return Text(f"ReLU6 {self.layer}: min(max(0, {b}), 6) = {a}.",
                        f"ReLU6 {self.layer}：min(max(0, {b}), 6) = {a}。")
        if self.kind == "leaky_relu":
            s = num(self.slope or 0.0)
            return Text(f"LeakyReLU {self.layer}: {b} if positive, else {s}·{b}; = {a}.",
                        f"LeakyReLU {self.layer}：正数不变，负数乘以 {s}；{b} → {a}。")
        if self.kind == "tanh":
            return Text(f"Tanh {self.layer}: tanh({b}) = {a}.", f"Tanh {self.layer}：tanh({b}) = {a}。")
        return Text(f"Sigmoid {self.layer}: 1 / (1 + e^−{b}) = {a}.", f"Sigmoid {self.layer}：1 / (1 + e^−{b}) = {a}。")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        out: dict[str, Any] = {"layer": self.layer, "kind": self.kind, "type": self.module_type,
                               "before": self.before, "after": self.after, "captured": self.captured}
        for name in ("mean", "var", "eps", "gamma", "beta", "normalized", "slope"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True)
class UnitPatch:
    """The input around a unit: what it and its neighbouring outputs read (for an animation that slides).

    ``values`` are the input channels of the unit's group (pooling: its one channel) over the rows
    ``row0`` … and columns ``col0`` … (input coordinates; outside the input is padding, flagged in
    ``padding``); they cover outputs ``out_y0`` … ``out_y0 + out_h − 1`` and ``out_x0`` … likewise.
    """

    values: np.ndarray  # (C, Hp, Wp)
    padding: np.ndarray  # (Hp, Wp) bool
    row0: int
    col0: int
    out_y0: int
    out_x0: int
    out_h: int
    out_w: int
    divisors: np.ndarray | None = None  # (out_h, out_w): average pooling's divisor of each output


@dataclass(frozen=True)
class UnitArithmetic:
    """What every kind of unit has: where it is, its value and what follows it."""

    layer: str  # the key of the convolution / pooling / linear layer
    module_type: str
    channel: int
    y: int
    x: int
    output_shape: tuple[int, ...]  # the layer's output without the batch dimension
    value: float  # computed here, in float64
    captured: float  # what the network produced at this unit
    follow: tuple[FollowStep, ...] = ()
    clicked: str = ""  # the key the unit was asked for (the layer itself or one that follows it)

    kind = "unit"

    @property
    def final(self) -> float:
        """The value after the last following step (the layer's own value when none follows)."""
        return self.follow[-1].after if self.follow else self.value

    @property
    def position(self) -> str:
        """'channel c, row y, column x' (or 'output c' for a vector)."""
        return f"output {self.channel}" if len(self.output_shape) == 1 else \
            f"channel {self.channel}, row {self.y}, column {self.x}"

    def layer_explanation(self) -> list[Text]:
        """The layer's own computation in sentences (the following steps not included)."""
        return []

    def explanation(self) -> list[Text]:
        """The whole computation in sentences: the layer's, then one Text per following step."""
        return self.layer_explanation() + [step.formula() for step in self.follow]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: arrays become nested lists, padding is 0 in ``window`` and flagged in ``padding``."""
        return {"layer": self.layer, "type": self.module_type, "kind": self.kind, "channel": self.channel,
                "y": self.y, "x": self.x, "output_shape": list(self.output_shape), "value": self.value,
                "captured": self.captured, "follow": [s.to_dict() for s in self.follow],
                "final": self.final, "clicked": self.clicked or self.layer}


@dataclass(frozen=True)
class ConvUnit(UnitArithmetic):
    """One output of a 2-D convolution: Σ window · kernel + bias."""

    window: np.ndarray = field(default_factory=_no_array, repr=False)  # (C_in/groups, Fh, Fw), padding taps hold the pad value
    in_padding: np.ndarray = field(default_factory=_no_array, repr=False)  # (Fh, Fw) True where a tap is padding
    in_channels: tuple[int, ...] = ()  # input channel of each window channel
    rows: tuple[int, ...] = ()  # input row of each tap row (outside 0…H−1: padding)
    cols: tuple[int, ...] = ()
    kernel: np.ndarray = field(default_factory=_no_array, repr=False)  # (C_in/groups, Fh, Fw)
    products: np.ndarray = field(default_factory=_no_array, repr=False)
    sum: float = 0.0
    bias: float = 0.0
    stride: tuple[int, int] = (1, 1)
    padding: tuple[int, int, int, int] = (0, 0, 0, 0)  # top, bottom, left, right
    dilation: tuple[int, int] = (1, 1)
    groups: int = 1
    padding_mode: str = "zeros"
    in_shape: tuple[int, int, int] = (0, 0, 0)
    patch: UnitPatch | None = field(default=None, repr=False)  # the neighbourhood, when asked for

    kind = "conv"

    @property
    def channel_sums(self) -> np.ndarray:
        """Σ of the products per input channel of the window."""
        sums: np.ndarray = self.products.sum(axis=(1, 2))
        return sums

    def layer_explanation(self) -> list[Text]:
        """Where the window sits, how many products, the sum, the bias, the value."""
        cg, fh, fw = self.kernel.shape
        n = cg * fh * fw
        pads = int(self.in_padding.sum()) * cg
        group = ""
        group_zh = ""
        if self.groups > 1:
            group = (f" With groups = {self.groups}, filter {self.channel} sees only input channels "
                     f"{self.in_channels[0]}…{self.in_channels[-1]}.")
            group_zh = (f"groups = {self.groups}，所以滤波器 {self.channel} 只看输入通道 "
                        f"{self.in_channels[0]}…{self.in_channels[-1]}。")
        pad_en = f" {pads} of them read padding (0)." if pads and self.padding_mode == "zeros" else (
            f" {pads} of them read {self.padding_mode} padding." if pads else "")
        pad_zh = f"其中 {pads} 个读到填充（0）。" if pads and self.padding_mode == "zeros" else (
            f"其中 {pads} 个读到 {self.padding_mode} 填充。" if pads else "")
        d = self.dilation
        window = f"{fh}×{fw} window" + (f" (dilation {d[0]}×{d[1]})" if d != (1, 1) else "")
        window_zh = f"{fh}×{fw} 窗口" + (f"（膨胀 {d[0]}×{d[1]}）" if d != (1, 1) else "")
        lines = [
            Text(f"{self.layer} ({self.module_type}), {self.position}: the {window} starts at input row "
                 f"{_int(self.rows[0])}, column {_int(self.cols[0])} (stride {self.stride[0]}×{self.stride[1]}) and spans "
                 f"{cg} input channel(s).{group}",
                 f"{self.layer}（{self.module_type}），通道 {self.channel}、第 {self.y} 行、第 {self.x} 列：{window_zh}"
                 f"从输入第 {_int(self.rows[0])} 行、第 {_int(self.cols[0])} 列开始（步幅 {self.stride[0]}×{self.stride[1]}），"
                 f"覆盖 {cg} 个输入通道。{group_zh}"),
            Text(f"{cg}·{fh}·{fw} = {n} products input × weight.{pad_en} Their sum is {num(self.sum)}; "
                 f"plus the bias {num(self.bias)} gives {num(self.value)}.",
                 f"共 {cg}·{fh}·{fw} = {n} 个乘积（输入 × 权重）。{pad_zh}它们的和为 {num(self.sum)}，"
                 f"加上偏置 {num(self.bias)} 得到 {num(self.value)}。"),
        ]
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (see :meth:`UnitArithmetic.to_dict`)."""
        return {**super().to_dict(), "window": self.window.tolist(), "padding": self.in_padding.tolist(),
                "kernel": self.kernel.tolist(), "products": self.products.tolist(), "sum": self.sum,
                "bias": self.bias, "in_channels": list(self.in_channels), "rows": list(self.rows),
                "cols": list(self.cols), "stride": list(self.stride), "pad": list(self.padding),
                "dilation": list(self.dilation), "groups": self.groups, "padding_mode": self.padding_mode}


@dataclass(frozen=True)
class PoolUnit(UnitArithmetic):
    """One output of a pooling layer: the window's maximum, or its sum over the divisor."""

    mode: str = "max"  # "max" | "avg"
    window: np.ndarray = field(default_factory=_no_array, repr=False)  # (1, kh, kw) of input channel ``channel``; padding 0
    in_padding: np.ndarray = field(default_factory=_no_array, repr=False)  # (kh, kw) True where a tap is padding
    rows: tuple[int, ...] = ()
    cols: tuple[int, ...] = ()
    pick: tuple[int, int] | None = None  # max: (row, col) in the window of the value that wins
    sum: float = 0.0  # avg: the sum of the real taps (padding adds 0)
    divisor: int = 1  # avg: what PyTorch divides by
    adaptive: bool = False
    stride: tuple[int, int] = (1, 1)  # (0, 0) for adaptive pooling, whose windows are not evenly spaced
    dilation: tuple[int, int] = (1, 1)
    patch: UnitPatch | None = field(default=None, repr=False)  # the neighbourhood, when asked for (not adaptive)

    kind = "pool"

    def layer_explanation(self) -> list[Text]:
        """The window and its maximum or mean."""
        kh, kw = self.window.shape[1:]
        where = Text(f"{self.layer} ({self.module_type}), {self.position}: the {kh}×{kw} window at input rows "
                     f"{_int(self.rows[0])}…{_int(self.rows[-1])}, columns {_int(self.cols[0])}…{_int(self.cols[-1])} of channel "
                     f"{self.channel}." + (" Adaptive pooling picks each window so they cover the input evenly."
                                           if self.adaptive else ""),
                     f"{self.layer}（{self.module_type}），通道 {self.channel}、第 {self.y} 行、第 {self.x} 列："
                     f"{kh}×{kw} 窗口覆盖通道 {self.channel} 的输入第 {_int(self.rows[0])}…{_int(self.rows[-1])} 行、"
                     f"第 {_int(self.cols[0])}…{_int(self.cols[-1])} 列。" + ("自适应池化按输入大小均匀划分窗口。"
                                                             if self.adaptive else ""))
        if self.mode == "max":
            assert self.pick is not None
            r, c = self.pick
            what = Text(f"Max pooling keeps the largest value, {num(self.value)}, at input row {_int(self.rows[r])}, "
                        f"column {_int(self.cols[c])}" + (" (padding never wins)." if self.in_padding.any() else "."),
                        f"最大池化保留最大值 {num(self.value)}，位于输入第 {_int(self.rows[r])} 行、第 {_int(self.cols[c])} 列"
                        + ("（填充永远不会胜出）。" if self.in_padding.any() else "。"))
        else:
            what = Text(f"Average pooling: the sum {num(self.sum)} divided by {self.divisor} is {num(self.value)}.",
                        f"平均池化：和 {num(self.sum)} 除以 {self.divisor} 等于 {num(self.value)}。")
        return [where, what]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (see :meth:`UnitArithmetic.to_dict`)."""
        out = {**super().to_dict(), "mode": self.mode, "window": self.window.tolist(),
               "padding": self.in_padding.tolist(), "rows": list(self.rows), "cols": list(self.cols)}
        if self.mode == "max":
            out["pick"] = list(self.pick or ())
        else:
            out.update(sum=self.sum, divisor=self.divisor)
        return out


@dataclass(frozen=True)
class Contribution:
    """One input × weight term of a fully connected unit."""

    index: int
    input: float
    weight: float

    @property
    def product(self) -> float:
        """input · weight."""
        return self.input * self.weight


@dataclass(frozen=True)
class LinearUnit(UnitArithmetic):
    """One output of a fully connected layer: Σ input · weight + bias, the largest terms listed."""

    inputs: np.ndarray = field(default_factory=_no_array, repr=False)  # (in_features,)
    weights: np.ndarray = field(default_factory=_no_array, repr=False)  # (in_features,): row ``channel`` of the weight
    top: tuple[Contribution, ...] = ()  # largest |input · weight| first
    rest: float = 0.0  # the sum of every other term
    rest_count: int = 0
    sum: float = 0.0
    bias: float = 0.0

    kind = "linear"

    def layer_explanation(self) -> list[Text]:
        """The largest contributions, the rest, the sum, the bias."""
        n = int(self.inputs.shape[0])
        return [
            Text(f"{self.layer} (Linear), output {self.channel}: every one of the {n} inputs is multiplied by its "
                 f"weight and the {n} products are added. The {len(self.top)} largest (by size) are listed; the "
                 f"other {self.rest_count} add up to {num(self.rest)}.",
                 f"{self.layer}（Linear），输出 {self.channel}：{n} 个输入各乘以自己的权重，再把 {n} 个乘积相加。"
                 f"下面列出绝对值最大的 {len(self.top)} 个；其余 {self.rest_count} 个之和为 {num(self.rest)}。"),
            Text(f"Sum {num(self.sum)} + bias {num(self.bias)} = {num(self.value)}.",
                 f"和 {num(self.sum)} + 偏置 {num(self.bias)} = {num(self.value)}。"),
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (see :meth:`UnitArithmetic.to_dict`)."""
        return {**super().to_dict(), "top": [{"index": t.index, "input": t.input, "weight": t.weight,
                                              "product": t.product} for t in self.top],
                "rest": self.rest, "rest_count": self.rest_count, "sum": self.sum, "bias": self.bias}


# --------------------------------------------------------------------------- tracing


@dataclass
class _Call:
    key: str
    module: nn.Module
    linked: bool  # takes, unchanged, the tensor the previous leaf produced
    out_shape: tuple[int, ...] | None = None
    before: float | None = None  # the unit's value in its input / output (same shape as the unit's layer only)
    after: float | None = None


@dataclass
class _Trace:
    calls: list[_Call] = field(default_factory=list)
    main_input: Tensor | None = None
    main_shape: tuple[int, ...] | None = None
    block_end: dict[str, str] = field(default_factory=dict)  # block key -> key of the leaf that made its output


def _same(a: Tensor | None, b: Tensor | None, version: int) -> bool:
    return bool(a is not None and b is not None and a.shape == b.shape and a.stride() == b.stride()
                and a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()
                and a.storage_offset() == b.storage_offset() and a._version == version)


def _value_at(t: Tensor, unit: tuple[int, int, int]) -> float | None:
    """The unit's value in ``t`` ([1, C, H, W] or [1, F]), or None when it has no such unit."""
    c, y, x = unit
    shape = tuple(t.shape)
    if len(shape) == 4 and 0 <= c < shape[1] and 0 <= y < shape[2] and 0 <= x < shape[3]:
        return float(t[0, c, y, x])
    if len(shape) == 2 and 0 <= c < shape[1] and y == x == 0:
        return float(t[0, c])
    return None


@contextmanager
def _tracing(model: nn.Module, main: str | None, unit: tuple[int, int, int] | None,
             blocks: set[str]) -> Iterator[_Trace]:
    """Hooks on every leaf (and on ``blocks``): the order, who feeds whom, the unit's values; removed in finally."""
    trace = _Trace()
    calls: dict[str, int] = {}
    last: dict[str, Any] = {"out": None, "version": -1}
    handles = []

    def key_of(name: str) -> str:
        n = calls.get(name, 0) + 1
        calls[name] = n
        return name if n == 1 else f"{name}#{n}"

    def pre(name: str) -> Callable[[nn.Module, tuple[object, ...]], None]:
        def hook(module: nn.Module, args: tuple[object, ...]) -> None:
            t = first_tensor(args)
            key = key_of(name)
            call = _Call(key, module, linked=_same(t, last["out"], last["version"]))
            trace.calls.append(call)
            if key == main and t is not None:
                trace.main_input = t.detach().to("cpu", torch.float64, copy=True)
            if (unit is not None and t is not None and trace.main_shape is not None
                    and tuple(t.shape) == trace.main_shape):
                call.before = _value_at(t, unit)
        return hook

    def post(name: str) -> Callable[[nn.Module, tuple[object, ...], object], None]:
        def hook(module: nn.Module, args: tuple[object, ...], output: object) -> None:
            t = first_tensor(output)
            call = next(c for c in reversed(trace.calls) if c.module is module)
            if t is None:
                last["out"], last["version"] = None, -1
                return
            call.out_shape = tuple(t.shape)
            if call.key == main:
                trace.main_shape = tuple(t.shape)
            if unit is not None and trace.main_shape is not None and tuple(t.shape) == trace.main_shape:
                call.after = _value_at(t, unit)
            last["out"], last["version"] = t, t._version
        return hook

    def block_post(name: str) -> Callable[[nn.Module, tuple[object, ...], object], None]:
        def hook(module: nn.Module, args: tuple[object, ...], output: object) -> None:
            t = first_tensor(output)
            n = calls.get("\0" + name, 0) + 1
            calls["\0" + name] = n
            key = name if n == 1 else f"{name}#{n}"
            if t is not None and trace.calls and _same(t, last["out"], last["version"]):
                trace.block_end[key] = trace.calls[-1].key
        return hook

    try:
        for name, module in model.named_modules():
            if not name:
                continue
            if not any(True for _ in module.children()):
                handles.append(module.register_forward_pre_hook(pre(name)))
                handles.append(module.register_forward_hook(post(name)))
            elif name in blocks:
                handles.append(module.register_forward_hook(block_post(name)))
        yield trace
    finally:
        for h in handles:
            h.remove()
        last.clear()


def _run(model: nn.Module, x: Tensor, main: str | None, unit: tuple[int, int, int] | None,
         blocks: set[str]) -> _Trace:
    with eval_mode(model), _tracing(model, main, unit, blocks) as trace, torch.no_grad():
        forward(model, x)
    return trace


def _is_main(module: nn.Module) -> bool:
    return isinstance(module, (nn.Conv2d, nn.Linear, *_POOLS))


def _is_follower(module: nn.Module) -> bool:
    return isinstance(module, _BATCH_NORMS) or type(module) in _ACTIVATIONS


# --------------------------------------------------------------------------- the public function


def unit_arithmetic(
    model: nn.Module, x: Tensor, layer: str, channel: int, y: int = 0, x_: int = 0, *,
    top: int = TOP_CONTRIBUTIONS, context: int = 0,
) -> ConvUnit | PoolUnit | LinearUnit:
    """How unit (``channel``, ``y``, ``x_``) of ``layer``'s output is computed, for input ``x`` [1, C, H, W].

    ``layer`` is a key as Inspect and the probe name them (``name`` or
    ``name#k`` for the k-th call). ``context`` > 0 also keeps, for a
    convolution or pooling unit, the input its neighbours up to ``context``
    outputs away read (``patch``, for an animation). Raises :class:`ExplainError` (or the
    probe's ModelError for an unknown name) when the unit cannot be explained.
    """
    name = layer.split("#")[0]
    resolve_layers(model, name)  # unknown names: a ModelError with the closest real ones
    module = dict(model.named_modules())[name]
    if x.dim() != 4 or x.shape[0] != 1:
        raise ExplainError(
            msg("Explain one image at a time: the input must be [1, C, H, W], not {shape}.", shape=list(x.shape))
        )
    unit = (int(channel), int(y), int(x_))
    main = layer if _is_main(module) else _find_main(model, x, layer, module)
    trace = _run(model, x, main, unit, set())
    calls = {c.key: c for c in trace.calls}
    if main not in calls or trace.main_input is None or trace.main_shape is None:
        raise ExplainError(msg("{layer} did not run on this input, so none of its units can be explained.", layer=main))
    _check_unit(main, trace.main_shape, unit)
    call = calls[main]
    common = dict(layer=main, module_type=type(call.module).__name__, channel=unit[0], y=unit[1], x=unit[2],
                  output_shape=trace.main_shape[1:], captured=float(call.after or 0.0), clicked=layer)
    m = call.module
    result: ConvUnit | PoolUnit | LinearUnit
    if isinstance(m, nn.Conv2d):
        result = _conv(m, trace.main_input[0], unit, common, context)
    elif isinstance(m, nn.Linear):
        result = _linear(m, trace.main_input, unit, common, top)
    else:
        result = _pool(m, trace.main_input[0], unit, common, context)
    follow = _follow_steps(trace, main, unit[0], result.value, until=layer if layer != main else None)
    return replace(result, follow=tuple(follow))


def _find_main(model: nn.Module, x: Tensor, layer: str, module: nn.Module) -> str:
    """The convolution / pooling / linear call whose chain of BatchNorms and activations produced ``layer``."""
    if not _is_follower(module) and not any(True for _ in module.children()):
        raise ExplainError(msg(
            "{layer} is a {type}: pick a {supported} layer, or a BatchNorm or activation right after one.",
            layer=layer, type=type(module).__name__, supported=SUPPORTED,
        ))
    block = layer if any(True for _ in module.children()) else None
    trace = _run(model, x, None, None, {layer.split("#")[0]} if block else set())
    leaf = trace.block_end.get(layer) if block else layer
    keys = [c.key for c in trace.calls]
    if leaf is None or leaf not in keys:
        if block:
            raise ExplainError(msg(
                "The block {layer} did not run, or its output is not the output of one layer "
                "inside it; pick a {supported} layer.",
                layer=layer, supported=SUPPORTED,
            ))
        raise ExplainError(msg(
            "The layer {layer} did not run, or its output is not the output of one layer "
            "inside it; pick a {supported} layer.",
            layer=layer, supported=SUPPORTED,
        ))
    i = keys.index(leaf)
    while i >= 0 and not _is_main(trace.calls[i].module):
        if not _is_follower(trace.calls[i].module) or not trace.calls[i].linked:
            raise ExplainError(msg(
                "{layer} is not computed from a {supported} layer right before it (only "
                "BatchNorm and activations may come in between); pick that layer instead.",
                layer=layer, supported=SUPPORTED,
            ))
        i -= 1
    if i < 0:
        raise ExplainError(msg("No {supported} layer runs right before {layer}.", supported=SUPPORTED, layer=layer))
    return trace.calls[i].key


def _check_unit(layer: str, shape: tuple[int, ...], unit: tuple[int, int, int]) -> None:
    c, y, x = unit
    if len(shape) == 4:
        _, ch, h, w = shape
        if not (0 <= c < ch and 0 <= y < h and 0 <= x < w):
            raise ExplainError(msg(
                "{layer}'s output is {channels}×{height}×{width}: channel 0…{last_channel}, y 0…{last_y} and "
                "x 0…{last_x}, not channel {channel}, y {y}, x {x}.",
                layer=layer, channels=ch, height=h, width=w, last_channel=ch - 1, last_y=h - 1, last_x=w - 1,
                channel=c, y=y, x=x,
            ))
    elif len(shape) == 2:
        if not (0 <= c < shape[1]) or y or x:
            raise ExplainError(msg(
                "{layer} has {outputs} outputs (0…{last}, y = x = 0), not channel {channel}, y {y}, x {x}.",
                layer=layer, outputs=shape[1], last=shape[1] - 1, channel=c, y=y, x=x,
            ))
    else:
        raise ExplainError(
            msg("Only outputs shaped [N, C, H, W] or [N, F] can be explained, not {shape}.", shape=list(shape))
        )


def _follow_steps(trace: _Trace, main: str, channel: int, value: float, until: str | None) -> list[FollowStep]:
    """The BatchNorms and activations that directly follow ``main``, applied to the computed ``value``."""
    keys = [c.key for c in trace.calls]
    steps: list[FollowStep] = []
    for call in trace.calls[keys.index(main) + 1:]:
        if not (call.linked and _is_follower(call.module) and call.after is not None):
            break
        step = _follow(call, channel, value)
        steps.append(step)
        value = step.after
        if call.key == until:
            break
    return steps


def _follow(call: _Call, channel: int, before: float) -> FollowStep:
    m = call.module
    captured = float(call.after)  # type: ignore[arg-type]
    if isinstance(m, _BATCH_NORMS):
        return _batch_norm(call, channel, before, captured)
    kind = _ACTIVATIONS[type(m)]
    slope = None
    if kind == "relu":
        after = max(0.0, before)
    elif kind == "relu6":
        after = min(max(0.0, before), 6.0)
    elif kind == "leaky_relu":
        slope = float(getattr(m, "negative_slope", 0.01))
        after = before if before >= 0 else slope * before
    elif kind == "tanh":
        after = math.tanh(before)
    else:
        after = 1.0 / (1.0 + math.exp(-before)) if before > -700 else 0.0
    return FollowStep(call.key, kind, type(m).__name__, before, after, captured, slope=slope)


def _batch_norm(call: _Call, channel: int, before: float, captured: float) -> FollowStep:
    m = call.module
    assert isinstance(m, _BATCH_NORMS)
    if m.running_mean is None or m.running_var is None:
        raise ExplainError(msg(
            "{layer} keeps no running statistics (it normalises with each batch's own), "
            "so one unit's value cannot be written out alone.",
            layer=call.key,
        ))
    mean, var = float(m.running_mean[channel]), float(m.running_var[channel])
    gamma = float(m.weight.detach()[channel]) if m.weight is not None else 1.0
    beta = float(m.bias.detach()[channel]) if m.bias is not None else 0.0
    normalized = (before - mean) / math.sqrt(var + m.eps)
    return FollowStep(call.key, "batchnorm", type(m).__name__, before, gamma * normalized + beta, captured,
                      mean=mean, var=var, eps=float(m.eps), gamma=gamma, beta=beta, normalized=normalized)


# --------------------------------------------------------------------------- the three kinds


def _read(planes: np.ndarray, rows: Sequence[int], cols: Sequence[int], mode: str = "zeros",
          ) -> tuple[np.ndarray, np.ndarray]:
    """Values of ``planes`` (C, H, W) at every (row, col), and where that is padding (outside the input).

    Padding reads 0, or for PyTorch's reflect / replicate / circular padding the input value it copies.
    """
    _, h, w = planes.shape
    rr, cc = np.asarray(rows, dtype=int)[:, None], np.asarray(cols, dtype=int)[None, :]
    pad = (rr < 0) | (rr >= h) | (cc < 0) | (cc >= w)
    if mode == "zeros":
        values = planes[:, np.clip(rr, 0, h - 1), np.clip(cc, 0, w - 1)] * ~pad
    else:
        src_r = np.array([_pad_source(int(r), h, mode) for r in rows])[:, None]
        src_c = np.array([_pad_source(int(c), w, mode) for c in cols])[None, :]
        values = planes[:, src_r, src_c]
    return values.astype(np.float64), np.broadcast_to(pad, (len(rows), len(cols))).copy()


def _around(o: int, n: int, context: int) -> tuple[int, int]:
    """First and last output index within ``context`` of ``o`` (inside 0 … n − 1)."""
    return max(0, o - context), min(n - 1, o + context)


def _conv(m: nn.Conv2d, inp: Tensor, unit: tuple[int, int, int], common: dict[str, Any],
          context: int) -> ConvUnit:
    c, oy, ox = unit
    c_in, h, w = (int(v) for v in inp.shape)
    weight = m.weight.detach().to("cpu", torch.float64)
    fh, fw = int(weight.shape[2]), int(weight.shape[3])
    sh, sw = (int(v) for v in m.stride)
    dh, dw = (int(v) for v in m.dilation)
    if isinstance(m.padding, str):
        if m.padding == "same":
            th, tw = dh * (fh - 1), dw * (fw - 1)
            top, left = th // 2, tw // 2
            pads = (top, th - top, left, tw - left)
        else:
            pads = (0, 0, 0, 0)
    else:
        ph, pw = (int(v) for v in m.padding)
        pads = (ph, ph, pw, pw)
    groups = int(m.groups)
    per_group_out = int(weight.shape[0]) // groups
    cg = int(weight.shape[1])
    g = c // per_group_out
    channels = tuple(range(g * cg, (g + 1) * cg))
    rows = tuple(oy * sh - pads[0] + dh * i for i in range(fh))
    cols = tuple(ox * sw - pads[2] + dw * j for j in range(fw))
    planes = inp[g * cg:(g + 1) * cg].numpy()
    mode = m.padding_mode
    window, pad_mask = _read(planes, rows, cols, mode)
    kernel = weight[c].numpy().copy()
    products = window * kernel
    total = float(products.sum())
    bias = float(m.bias.detach()[c]) if m.bias is not None else 0.0
    patch = None
    if context > 0:
        (y0, y1), (x0, x1) = _around(oy, common["output_shape"][1], context), _around(ox, common["output_shape"][2], context)
        r0, c0 = y0 * sh - pads[0], x0 * sw - pads[2]
        prow = range(r0, y1 * sh - pads[0] + dh * (fh - 1) + 1)
        pcol = range(c0, x1 * sw - pads[2] + dw * (fw - 1) + 1)
        values, mask = _read(planes, prow, pcol, mode)
        patch = UnitPatch(values, mask, r0, c0, y0, x0, y1 - y0 + 1, x1 - x0 + 1)
    return ConvUnit(**common, value=total + bias, window=window, in_padding=pad_mask, in_channels=channels,
                    rows=rows, cols=cols, kernel=kernel, products=products, sum=total, bias=bias,
                    stride=(sh, sw), padding=pads, dilation=(dh, dw), groups=groups, padding_mode=mode,
                    in_shape=(c_in, h, w), patch=patch)


def _pad_source(i: int, n: int, mode: str) -> int:
    """The input index a padding tap at ``i`` copies for PyTorch's reflect / replicate / circular padding."""
    if mode == "replicate":
        return min(max(i, 0), n - 1)
    if mode == "circular":
        return i % n
    # reflect: mirror without repeating the edge
    period = 2 * (n - 1) if n > 1 else 1
    i = abs(i) % period if n > 1 else 0
    return period - i if i >= n else i


def _avg_divisor(m: nn.Module, oy: int, ox: int, h: int, w: int) -> int:
    """What PyTorch's average pooling divides output (oy, ox) by: the window clipped to the padded input
    (count_include_pad) or to the input alone, unless divisor_override says otherwise."""
    kh, kw = _pair(m.kernel_size)
    sh, sw = _pair(m.stride if m.stride is not None else m.kernel_size)
    ph, pw = _pair(m.padding)
    hs, ws = oy * sh - ph, ox * sw - pw
    he, we = min(hs + kh, h + ph), min(ws + kw, w + pw)
    size = (he - hs) * (we - ws)
    real = (min(he, h) - max(hs, 0)) * (min(we, w) - max(ws, 0))
    override = getattr(m, "divisor_override", None)
    return int(override) if override else (size if m.count_include_pad else real)


def _pool(m: nn.Module, inp: Tensor, unit: tuple[int, int, int], common: dict[str, Any],
          context: int) -> PoolUnit:
    c, oy, ox = unit
    _, h, w = (int(v) for v in inp.shape)
    planes = inp[c:c + 1].numpy()
    out_h, out_w = common["output_shape"][1:]
    adaptive = isinstance(m, nn.AdaptiveAvgPool2d | nn.AdaptiveMaxPool2d)
    mode = "max" if isinstance(m, nn.MaxPool2d | nn.AdaptiveMaxPool2d) else "avg"
    patch = None
    if adaptive:
        r0, r1 = (oy * h) // out_h, -((-(oy + 1) * h) // out_h)
        c0, c1 = (ox * w) // out_w, -((-(ox + 1) * w) // out_w)
        rows, cols = tuple(range(r0, r1)), tuple(range(c0, c1))
        divisor = len(rows) * len(cols)
    else:
        kh, kw = _pair(m.kernel_size)
        sh, sw = _pair(m.stride if m.stride is not None else m.kernel_size)
        ph, pw = _pair(m.padding)
        dh, dw = _pair(getattr(m, "dilation", 1))
        rows = tuple(oy * sh - ph + dh * i for i in range(kh))
        cols = tuple(ox * sw - pw + dw * j for j in range(kw))
        divisor = _avg_divisor(m, oy, ox, h, w) if mode == "avg" else 1
        if context > 0:
            (y0, y1), (x0, x1) = _around(oy, out_h, context), _around(ox, out_w, context)
            pr0, pc0 = y0 * sh - ph, x0 * sw - pw
            values, mask = _read(planes, range(pr0, y1 * sh - ph + dh * (kh - 1) + 1),
                                 range(pc0, x1 * sw - pw + dw * (kw - 1) + 1))
            divisors = None if mode == "max" else np.array(
                [[_avg_divisor(m, yy, xx, h, w) for xx in range(x0, x1 + 1)] for yy in range(y0, y1 + 1)])
            patch = UnitPatch(values, mask, pr0, pc0, y0, x0, y1 - y0 + 1, x1 - x0 + 1, divisors)
    window, pad_mask = _read(planes, rows, cols)
    pick = None
    total = float(window.sum())
    if mode == "max":
        masked = np.where(pad_mask, -np.inf, window[0])
        flat = int(np.argmax(masked))
        pick = divmod(flat, masked.shape[1])
        value = float(masked.flat[flat])
    else:
        value = total / divisor
    return PoolUnit(**common, value=value, mode=mode, window=window, in_padding=pad_mask, rows=rows, cols=cols,
                    pick=pick, sum=total, divisor=divisor, adaptive=adaptive, patch=patch,
                    stride=(sh, sw) if not adaptive else (0, 0), dilation=(dh, dw) if not adaptive else (1, 1))


def _pair(v: Any) -> tuple[int, int]:
    if isinstance(v, tuple | list):
        return int(v[0]), int(v[1] if len(v) > 1 else v[0])
    return int(v), int(v)


def _linear(m: nn.Linear, inp: Tensor, unit: tuple[int, int, int], common: dict[str, Any],
            top: int) -> LinearUnit:
    if inp.dim() != 2:
        raise ExplainError(msg(
            "{layer} gets an input shaped {shape}; only [1, features] inputs of a Linear layer can be explained.",
            layer=common["layer"], shape=list(inp.shape),
        ))
    c = unit[0]
    inputs = inp[0].numpy().copy()
    weights = m.weight.detach().to("cpu", torch.float64)[c].numpy().copy()
    products = inputs * weights
    order = np.argsort(-np.abs(products), kind="stable")
    k = max(0, min(int(top), len(order)))
    picked = order[:k]
    rest = float(products[order[k:]].sum()) if k < len(order) else 0.0
    total = float(products.sum())
    bias = float(m.bias.detach()[c]) if m.bias is not None else 0.0
    return LinearUnit(**common, value=total + bias, inputs=inputs, weights=weights,
                      top=tuple(Contribution(int(i), float(inputs[i]), float(weights[i])) for i in picked),
                      rest=rest, rest_count=len(order) - k, sum=total, bias=bias)
