"""How the receptive field of one output unit grows, layer by layer.

Uses :class:`cnnviz.core.receptive.ReceptiveField` (the same analytic code as
the Inspect tab and ``cnnviz summary``): per layer with kernel k, stride s,
padding p and dilation d, ``r ← r + d·(k − 1)·j``, ``j ← j·s``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from torch import nn

from cnnviz.core import geometry as geo
from cnnviz.core.explain.text import ExplainError, Text, num
from cnnviz.core.receptive import ReceptiveField

KINDS = ("conv", "maxpool", "avgpool")
_TYPE_TO_KIND = {"Conv2d": "conv", "MaxPool2d": "maxpool", "AvgPool2d": "avgpool"}


if TYPE_CHECKING:
    from cnnviz.core.summary import ModelSummary


@dataclass(frozen=True)
class LayerSpec:
    """One window layer of a stack: kind ('conv', 'maxpool', 'avgpool'), k, s, p, d."""

    kind: str = "conv"
    k: int = 3
    s: int = 1
    p: int = 0
    d: int = 1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ExplainError(f"Layer kind must be one of {', '.join(KINDS)}, not {self.kind!r}.")
        if self.k < 1 or self.s < 1 or self.p < 0 or self.d < 1:
            raise ExplainError(f"Need k ≥ 1, s ≥ 1, p ≥ 0, d ≥ 1; got k={self.k}, s={self.s}, p={self.p}, d={self.d}.")
        if self.kind == "avgpool" and self.d != 1:
            raise ExplainError("Average pooling has no dilation (d must be 1).")

    @classmethod
    def from_tuple(cls, value: Sequence[Any]) -> LayerSpec:
        """``("conv", 3, 1, 1, 1)`` -> LayerSpec (missing s, p, d default to 1, 0, 1)."""
        kind, k, *rest = value
        s, p, d = (list(rest) + [1, 0, 1][len(rest):])[:3]
        return cls(str(kind), int(k), int(s), int(p), int(d))

    def as_tuple(self) -> tuple[str, int, int, int, int]:
        """(kind, k, s, p, d), JSON-friendly."""
        return (self.kind, self.k, self.s, self.p, self.d)

    def label(self) -> str:
        """'conv 3×3 /1 p1' style short label."""
        extra = f" p{self.p}" if self.p else ""
        extra += f" d{self.d}" if self.d != 1 else ""
        return f"{self.kind} {self.k}×{self.k} /{self.s}{extra}"

    def module(self, channels: int = 1) -> nn.Module:
        """The equivalent torch layer (for checks against :func:`summarize`)."""
        if self.kind == "conv":
            return nn.Conv2d(channels, channels, self.k, self.s, self.p, self.d)
        if self.kind == "maxpool":
            return nn.MaxPool2d(self.k, self.s, self.p, self.d)
        return nn.AvgPool2d(self.k, self.s, self.p)


@dataclass(frozen=True)
class RFRow:
    """The field after one layer (row 0 is the input itself)."""

    index: int
    layer: LayerSpec | None  # None for the input row
    name: str  # the model's layer name, or '' for a built stack
    rf: ReceptiveField
    size: float
    jump: float
    start: float
    out_size: int | None  # spatial size of this map when an input size is known
    formula: str  # 'r = 3 + (3 − 1)·1 = 5'


def _row(index: int, layer: LayerSpec | None, rf: ReceptiveField, prev: ReceptiveField | None, name: str,
         out_size: int | None) -> RFRow:
    if layer is None or prev is None:
        formula = "r = 1"
    else:
        d = f"{layer.d}·" if layer.d != 1 else ""
        formula = (f"r = {num(prev.size[0])} + {d}({layer.k} − 1)·{num(prev.jump[0])} = {num(rf.size[0])};  "
                   f"j = {num(prev.jump[0])}·{layer.s} = {num(rf.jump[0])}")
    return RFRow(index, layer, name, rf, rf.size[0], rf.jump[0], rf.start[0], out_size, formula)


def rf_growth(layers: Sequence[LayerSpec] | Sequence[Sequence[Any]], input_size: int | None = None) -> list[RFRow]:
    """Receptive field after each layer of a stack; row 0 is the input (r = 1, j = 1).

    With ``input_size`` the map sizes are tracked too and a layer whose window
    does not fit raises :class:`ExplainError`.
    """
    specs = [lay if isinstance(lay, LayerSpec) else LayerSpec.from_tuple(lay) for lay in layers]
    hw = None if input_size is None else (input_size, input_size)
    rf = ReceptiveField.identity(hw)
    rows = [_row(0, None, rf, None, "", input_size)]
    size = input_size
    for i, lay in enumerate(specs, start=1):
        prev = rf
        rf = rf.window((lay.k, lay.k), (lay.s, lay.s), (lay.p, lay.p), (lay.d, lay.d))
        if size is not None:
            new = geo.window_output_size(size, lay.k, lay.s, lay.p, lay.d)
            if new < 1:
                raise ExplainError(f"Layer {i} ({lay.label()}) does not fit its {size}×{size} input.")
            rf = rf.with_bounds_for((new, new), prev)
            size = new
        rows.append(_row(i, lay, rf, prev, "", size))
    return rows


def stack_module(layers: list[LayerSpec], channels: int = 1) -> nn.Sequential:
    """An ``nn.Sequential`` with the same window layers (ReLU between convolutions)."""
    mods: list[nn.Module] = []
    for lay in layers:
        mods.append(lay.module(channels))
        if lay.kind == "conv":
            mods.append(nn.ReLU())
    return nn.Sequential(*mods)


def rf_growth_from_model(model: nn.Module, input_shape: tuple[int, int, int], n: int) -> list[RFRow]:
    """The first ``n`` window layers (conv / pool) of a real model, in execution order.

    Fields come straight from :func:`cnnviz.core.summary.summarize`, so branches
    (ResNet shortcuts, Inception) are accounted for as in the Inspect tab.
    """
    from cnnviz.core.summary import summarize

    return rf_growth_from_summary(summarize(model, input_shape), n)


def rf_growth_from_summary(summary: ModelSummary, n: int) -> list[RFRow]:
    """The first ``n`` window layers (conv / pool) of a summarised model, in execution order."""
    input_shape = tuple(summary.input_shape)
    rf0 = ReceptiveField.identity((input_shape[-2], input_shape[-1]))
    rows = [_row(0, None, rf0, None, "input", input_shape[-1])]
    prev = rf0
    for info in summary.layers:
        if len(rows) > n:
            break
        kind = _TYPE_TO_KIND.get(info.type)
        if kind is None or info.call < 1 or info.rf is None or isinstance(info.padding, str):
            continue
        assert info.kernel_size is not None and info.stride is not None and info.padding is not None  # a window layer's row has them
        spec = LayerSpec(kind, info.kernel_size[0], info.stride[0], info.padding[0],
                         (info.dilation or [1])[0] if kind != "avgpool" else 1)
        out = info.output_shape[-1] if info.output_shape else None
        row = _row(len(rows), spec, info.rf, prev, info.key, out)
        rows.append(row)
        prev = info.rf
    return rows


@dataclass(frozen=True)
class StackComparison:
    """The notes' example: three stacked 3×3 convolutions against one 7×7."""

    channels: int
    stacked_rf: int
    single_rf: int
    stacked_weights: int  # 3·(3·3·C·C) = 27C²
    single_weights: int  # 7·7·C·C = 49C²
    stacked_formula: str
    single_formula: str
    explanation: Text


def three_3x3_vs_7x7(channels: int = 64) -> StackComparison:
    """RF and weight count (biases left out, as in the notes) of 3 × conv3×3 vs conv7×7, C → C channels."""
    c = int(channels)
    stacked = rf_growth([LayerSpec("conv", 3)] * 3)[-1]
    single = rf_growth([LayerSpec("conv", 7)])[-1]
    sw = 3 * 3 * 3 * c * c
    ow = 7 * 7 * c * c
    ratio = sw / ow
    return StackComparison(
        channels=c,
        stacked_rf=int(stacked.size),
        single_rf=int(single.size),
        stacked_weights=sw,
        single_weights=ow,
        stacked_formula=f"3·(3·3·C·C) = 27C² = 27·{c}² = {sw:,}",
        single_formula=f"7·7·C·C = 49C² = 49·{c}² = {ow:,}",
        explanation=Text(
            f"Three stacked 3×3 convolutions see {int(stacked.size)}×{int(stacked.size)} input pixels, "
            f"the same as one 7×7 ({int(single.size)}×{int(single.size)}), with 27C² instead of 49C² weights "
            f"({ratio:.0%}, {ow - sw:,} fewer for C = {c}), and with three non-linearities instead of one.",
            f"三个堆叠的 3×3 卷积看到 {int(stacked.size)}×{int(stacked.size)} 的输入区域，和一个 7×7 卷积"
            f"（{int(single.size)}×{int(single.size)}）相同，但权重只有 27C² 而不是 49C²"
            f"（约 {ratio:.0%}，C = {c} 时少 {ow - sw:,} 个），还多了两次非线性激活。",
        ),
    )
