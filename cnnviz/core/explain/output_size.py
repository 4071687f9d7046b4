"""The output-size formula with the numbers filled in, and what flooring drops.

``⌊(W + 2P − D·(F − 1) − 1) / S⌋ + 1`` (for D = 1: ``⌊(W − F + 2P) / S⌋ + 1``).
When the numerator is not divisible by S the last window does not reach the
end of the padded input; the rows (columns) after it are never covered. With
dilation, rows can also fall in the holes of every window. Both are listed, in
padded and in input coordinates, instead of being silently floored.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnnviz.core import geometry as geo
from cnnviz.core.explain.text import ExplainError, Text, num


@dataclass(frozen=True)
class SizeExplanation:
    """One axis of a sliding window: the formula, its result and what it leaves out."""

    axis: str  # "H" or "W"
    n: int
    kernel: int
    stride: int
    padding: int
    dilation: int
    out: int
    formula: str  # e.g. '⌊(7 − 3 + 2·0) / 2⌋ + 1 = 3'
    numerator: int  # W + 2P − D·(F − 1) − 1
    remainder: int  # numerator mod S: padded rows after the last window
    tiles: bool
    floored_away: tuple[int, ...]  # padded indices after the last window
    skipped: tuple[int, ...]  # padded indices inside the span but in no window's taps
    explanation: Text

    @property
    def padded(self) -> int:
        """Length of the padded input, W + 2P."""
        return self.n + 2 * self.padding

    def never_read(self) -> tuple[int, ...]:
        """Every padded index that no window reads (floored away or skipped)."""
        return tuple(sorted(set(self.floored_away) | set(self.skipped)))

    def to_input(self, padded_index: int) -> int | None:
        """Input index of a padded index, or None if it is padding."""
        i = padded_index - self.padding
        return i if 0 <= i < self.n else None


def _describe(indices: tuple[int, ...], padding: int, n: int, rows: bool) -> tuple[str, str]:
    """'rows 6–7 = input rows 5–6' in en and zh (padded coordinates first)."""
    if not indices:
        return "", ""
    real = [i - padding for i in indices if 0 <= i - padding < n]
    pads = len(indices) - len(real)
    unit_en = "row" if rows else "column"
    unit_zh = "行" if rows else "列"

    def span(v: list[int]) -> str:
        if len(v) > 1 and v[-1] - v[0] == len(v) - 1:
            return f"{v[0]}–{v[-1]}"
        return ", ".join(map(str, v))

    en = f"{unit_en}{'s' if len(indices) > 1 else ''} {span(list(indices))}"
    zh = f"第 {span(list(indices))} {unit_zh}"
    if real:
        en += f" = input {unit_en}{'s' if len(real) > 1 else ''} {span(real)}"
        zh += f"，即原输入第 {span(real)} {unit_zh}"
    if pads:
        en += f", plus {pads} of padding" if real else ", padding"
        zh += f"，另有 {pads} {unit_zh}填充" if real else "，是填充"
    return en, zh


def explain_axis(
    n: int, kernel: int, stride: int, padding: int, dilation: int = 1, axis: str = "W"
) -> SizeExplanation:
    """The output size along one axis, written out, with what is not covered."""
    for name, value, low in (("size", n, 1), ("F", kernel, 1), ("S", stride, 1), ("P", padding, 0), ("D", dilation, 1)):
        if value < low:
            raise ExplainError(f"{name} must be at least {low}, got {value}.")
    span = dilation * (kernel - 1) + 1
    padded = n + 2 * padding
    if span > padded:
        raise ExplainError(
            f"The window spans D·(F − 1) + 1 = {span} pixels but the padded input has only "
            f"W + 2P = {n} + 2·{padding} = {padded}: no window fits. Make F or D smaller, or P larger."
        )
    out = geo.window_output_size(n, kernel, stride, padding, dilation)
    numerator = padded - span
    remainder = numerator % stride
    last_end = (out - 1) * stride + span  # first padded index after the last window
    floored = tuple(range(last_end, padded))
    read = {o * stride + dilation * t for o in range(out) for t in range(kernel)}
    skipped = tuple(i for i in range(last_end) if i not in read)
    rows = axis.upper() == "H"
    formula = geo.size_formula_axis(n, kernel, stride, padding, dilation)
    letter = "H" if rows else "W"
    if dilation == 1:
        num_en = f"({letter} − F + 2P) = {n} − {kernel} + 2·{padding} = {numerator}"
    else:
        num_en = (f"({letter} + 2P − D·(F − 1) − 1) = {n} + 2·{padding} − {dilation}·({kernel} − 1) − 1"
                  f" = {numerator}")
    if remainder == 0:
        text = Text(
            f"{num_en} is divisible by S = {stride}: {numerator} / {stride} = {numerator // stride}, "
            f"so {out} windows tile the padded input exactly.",
            f"{num_en} 能被 S = {stride} 整除：{numerator} / {stride} = {numerator // stride}，"
            f"{out} 个窗口正好铺满填充后的输入。",
        )
    else:
        where_en, where_zh = _describe(floored, padding, n, rows)
        unit = "row" if rows else "column"
        last = f"The last {unit}" if remainder == 1 else f"The last {remainder} {unit}s"
        text = Text(
            f"{num_en} is not divisible by S = {stride}: {numerator} / {stride} = {num(numerator / stride)} "
            f"is floored to {numerator // stride}, so only {out} windows fit. {last} of the padded input "
            f"({where_en}) {'is' if remainder == 1 else 'are'} never covered: that information is dropped.",
            f"{num_en} 不能被 S = {stride} 整除：{numerator} / {stride} = {num(numerator / stride)}，"
            f"向下取整为 {numerator // stride}，只放得下 {out} 个窗口。填充后输入的最后 {remainder} "
            f"{'行' if rows else '列'}（{where_zh}）从未被覆盖，这部分信息被丢弃。",
        )
    if skipped:
        where_en, where_zh = _describe(skipped, padding, n, rows)
        if dilation == 1:
            text = text + Text(
                f"The stride S = {stride} is larger than the window F = {kernel}, so padded {where_en} lie "
                "between two windows and are never read.",
                f"步幅 S = {stride} 大于窗口 F = {kernel}，填充后输入的{where_zh}落在两个窗口之间，从未被读取。",
            )
        else:
            text = text + Text(
                f"With dilation D = {dilation} and stride S = {stride}, padded {where_en} fall between the "
                "taps of every window and are never read.",
                f"由于空洞 D = {dilation} 和步幅 S = {stride}，填充后输入的{where_zh}落在每个窗口的空隙里，从未被读取。",
            )
    return SizeExplanation(
        axis=axis.upper(), n=n, kernel=kernel, stride=stride, padding=padding, dilation=dilation,
        out=out, formula=formula, numerator=numerator, remainder=remainder, tiles=remainder == 0,
        floored_away=floored, skipped=skipped, explanation=text,
    )


def explain_output_size(
    hw: tuple[int, int], kernel: int, stride: int, padding: int, dilation: int = 1
) -> tuple[SizeExplanation, SizeExplanation]:
    """Both axes (H, W) of a square window on an H×W input."""
    return (
        explain_axis(hw[0], kernel, stride, padding, dilation, "H"),
        explain_axis(hw[1], kernel, stride, padding, dilation, "W"),
    )
