"""Parameter counting, written out: ``(F·F·C_in + 1)·C_out``, and the notes' exercise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from torch import nn

from cnnviz.core import geometry as geo
from cnnviz.core.explain.text import ExplainError, Text

if TYPE_CHECKING:
    from cnnviz.core.summary import LayerInfo


@dataclass(frozen=True)
class ParamCount:
    """The parameters of one convolution, counted the way a person would."""

    kernel: int
    c_in: int
    c_out: int
    groups: int
    bias: bool
    weights: int
    biases: int
    total: int
    formula: str  # '(3·3·3 + 1)·2 = 56'
    lines: tuple[Text, ...]  # the worked steps

    def module(self) -> nn.Conv2d:
        """A real ``nn.Conv2d`` with these settings (to check against ``sum(p.numel())``)."""
        return nn.Conv2d(self.c_in, self.c_out, self.kernel, groups=self.groups, bias=self.bias)

    def real_total(self) -> int:
        """``sum(p.numel())`` of :meth:`module`: the count PyTorch itself reports."""
        return sum(p.numel() for p in self.module().parameters())

    def code(self) -> str:
        """The ``nn.Conv2d(...)`` call that builds this layer."""
        extra = f", groups={self.groups}" if self.groups != 1 else ""
        extra += "" if self.bias else ", bias=False"
        return f"nn.Conv2d({self.c_in}, {self.c_out}, kernel_size={self.kernel}{extra})"


def count_conv(kernel: int, c_in: int, c_out: int, bias: bool = True, groups: int = 1) -> ParamCount:
    """Weights, biases and total of a F×F convolution, with each step written out."""
    if min(kernel, c_in, c_out, groups) < 1:
        raise ExplainError("F, C_in, C_out and groups must all be at least 1.")
    if c_in % groups or c_out % groups:
        raise ExplainError(f"groups = {groups} must divide C_in = {c_in} and C_out = {c_out}.")
    cin_g = c_in // groups
    per_filter = kernel * kernel * cin_g
    weights = per_filter * c_out
    biases = c_out if bias else 0
    total = weights + biases
    cin_txt = f"{c_in}" if groups == 1 else f"{c_in}/{groups}"
    lines = [
        Text(f"One filter spans all {cin_g} input channel{'s' if cin_g > 1 else ''}{' of its group' if groups > 1 else ''}: "
             f"F·F·C_in = {kernel}·{kernel}·{cin_txt} = {per_filter} weights.",
             f"每个卷积核覆盖{'其组内' if groups > 1 else '全部'} {cin_g} 个输入通道："
             f"F·F·C_in = {kernel}·{kernel}·{cin_txt} = {per_filter} 个权重。"),
    ]
    if bias:
        lines.append(Text(f"Plus one bias per filter: {per_filter} + 1 = {per_filter + 1}.",
                          f"每个卷积核再加一个偏置：{per_filter} + 1 = {per_filter + 1}。"))
    each = per_filter + (1 if bias else 0)
    lines.append(Text(f"C_out = {c_out} filters: {each}·{c_out} = {total:,} parameters "
                      f"({weights:,} weights + {biases:,} biases).",
                      f"共 C_out = {c_out} 个卷积核：{each}·{c_out} = {total:,} 个参数"
                      f"（{weights:,} 个权重 + {biases:,} 个偏置）。"))
    return ParamCount(
        kernel=kernel, c_in=c_in, c_out=c_out, groups=groups, bias=bias, weights=weights, biases=biases,
        total=total, formula=geo.conv_params_formula((kernel, kernel), c_in, c_out, groups, bias), lines=tuple(lines),
    )


def count_layer(info: LayerInfo) -> ParamCount:
    """The worked count of a square 2-D convolution described by a summary row."""
    if info.type != "Conv2d" or not info.kernel_size or not info.input_shape or not info.output_shape:
        raise ExplainError(f"Parameter counting is worked for Conv2d layers, not {info.type}.")
    k, c_in, c_out, groups = info.kernel_size[0], info.input_shape[0], info.output_shape[0], info.groups or 1
    weights = k * k * (c_in // groups) * c_out
    return count_conv(k, c_in, c_out, info.params > weights, groups)


def count_module(module: nn.Module) -> ParamCount:
    """The worked count of a real square ``nn.Conv2d``."""
    if not isinstance(module, nn.Conv2d):
        raise ExplainError(f"Parameter counting is worked for Conv2d layers, not {type(module).__name__}.")
    k = module.kernel_size[0]
    return count_conv(k, module.in_channels, module.out_channels, module.bias is not None, module.groups)


@dataclass(frozen=True)
class NotesExercise:
    """The notes' exercise: a 3×3 kernel, 2 filters, 3 channels -> (3·3 + 1)·2·3 = 60."""

    question: Text
    notes_formula: str
    notes_total: int
    notes_weights: int
    notes_biases: int
    matching: ParamCount  # the real layer the notes' count describes
    matching_code: str
    standard: ParamCount  # the usual reading: 2 filters of 3×3×3
    standard_code: str
    explanation: Text


def notes_exercise() -> NotesExercise:
    """The 60-parameter exercise, and which real layer it counts.

    The notes write ``(3·3 + 1)·2·3 = 60`` (weights 3·3·2·3 = 54, biases
    1·2·3 = 6): every (filter, channel) pair gets its own 3×3 kernel *and its
    own bias*. That is exactly a grouped convolution with 2 filters per
    channel, ``nn.Conv2d(3, 6, 3, groups=3)``: (3·3·1 + 1)·6 = 60. A standard
    ``nn.Conv2d(3, 2, 3)`` has the same 54 weights but one bias per filter:
    (3·3·3 + 1)·2 = 56.
    """
    matching = count_conv(3, 3, 6, bias=True, groups=3)
    standard = count_conv(3, 3, 2, bias=True)
    return NotesExercise(
        question=Text(
            "Exercise from the notes: a convolution layer with a 3×3 kernel, 2 filters and 3 input channels. "
            "How many parameters (weights + biases) does it have?",
            "笔记中的练习：一个卷积层，卷积核大小 3×3，2 个卷积核，输入 3 个通道。"
            "一共有多少个参数（权重 + 偏置）？",
        ),
        notes_formula="(3·3 + 1)·2·3 = 60",
        notes_total=(3 * 3 + 1) * 2 * 3,
        notes_weights=3 * 3 * 2 * 3,
        notes_biases=1 * 2 * 3,
        matching=matching,
        matching_code="nn.Conv2d(3, 6, kernel_size=3, groups=3)",
        standard=standard,
        standard_code="nn.Conv2d(3, 2, kernel_size=3)",
        explanation=Text(
            "The notes count (3·3 + 1)·2·3 = 60: weights 3·3·2·3 = 54 and biases 1·2·3 = 6, one 3×3 kernel "
            "and one bias for each of the 2 filters on each of the 3 channels. That is the layer "
            "nn.Conv2d(3, 6, 3, groups=3): 6 single-channel filters, (3·3·1 + 1)·6 = 60. "
            "In the formula (F·F·C_in + 1)·C_out the channels sit inside the bracket: a standard "
            "nn.Conv2d(3, 2, 3) has the same 54 weights but one bias per filter, (3·3·3 + 1)·2 = 56.",
            "笔记的算法是 (3·3 + 1)·2·3 = 60：权重 3·3·2·3 = 54，偏置 1·2·3 = 6，即 3 个通道上各有 2 个"
            "卷积核，每个都有自己的 3×3 权重和一个偏置。这正是 nn.Conv2d(3, 6, 3, groups=3)："
            "6 个单通道卷积核，(3·3·1 + 1)·6 = 60。而按公式 (F·F·C_in + 1)·C_out，通道数写在括号里："
            "普通的 nn.Conv2d(3, 2, 3) 权重同为 54 个，但每个卷积核只有一个偏置，(3·3·3 + 1)·2 = 56。",
        ),
    )
