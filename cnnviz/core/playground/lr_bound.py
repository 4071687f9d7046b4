"""Why the learning rate has a ceiling: gradient descent on a quadratic.

On f(x) = ½ xᵀHx the gradient is Hx, so one step of gradient descent is
x ← (I − lr·H) x. In H's eigenbasis the coordinates decouple:
c_i ← (1 − lr·λ_i) c_i, hence c_i(k) = (1 − lr·λ_i)^k c_i(0). Each direction
converges iff |1 − lr·λ_i| < 1, i.e. 0 < lr < 2/λ_i; all do iff lr < 2/λmax.
A factor in (0, 1) shrinks monotonically, one in (−1, 0) flips sign every
step (oscillates) while shrinking, and |factor| > 1 grows without bound.

For a non-quadratic surface the same analysis applies near a minimum, using
the Hessian there (the surface's local quadratic model).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from cnnviz.core.playground.surfaces import Surface, quadratic_hessian

_TOL = 1e-9


class Regime(StrEnum):
    """What gradient descent does along one eigendirection (or overall)."""

    ONE_STEP = "one_step"
    MONOTONE = "monotone"
    OSCILLATING = "oscillating"
    BOUNDARY = "boundary"
    STALLED = "stalled"
    DIVERGES = "diverges"
    ESCAPES = "escapes"

    @property
    def converges(self) -> bool:
        """True for the regimes in which the error goes to zero."""
        return self in (Regime.ONE_STEP, Regime.MONOTONE, Regime.OSCILLATING)

    @property
    def en(self) -> str:
        """The regime in English words."""
        return _REGIME_WORDS[self][0]

    @property
    def zh(self) -> str:
        """The regime in Chinese words."""
        return _REGIME_WORDS[self][1]


_REGIME_WORDS: dict[Regime, tuple[str, str]] = {
    Regime.ONE_STEP: ("converges in one step", "一步收敛"),
    Regime.MONOTONE: ("converges monotonically", "单调收敛"),
    Regime.OSCILLATING: ("oscillates but converges", "振荡但收敛"),
    Regime.BOUNDARY: ("oscillates forever (exactly on the bound)", "永远振荡（恰好在界上）"),
    Regime.STALLED: ("does not move (flat direction)", "不动（平坦方向）"),
    Regime.DIVERGES: ("diverges", "发散"),
    Regime.ESCAPES: ("slides away (negative curvature)", "滑走（负曲率）"),
}

_DIRECTION_WORDS: dict[Regime, tuple[str, str]] = {
    Regime.ONE_STEP: ("it lands on the minimum in one step", "一步就落在最小值上"),
    Regime.MONOTONE: ("it creeps towards the minimum from one side", "从一侧逐渐逼近最小值"),
    Regime.OSCILLATING: ("it jumps across the minimum, each time a little closer",
                         "每步跳过最小值，但一次比一次更近"),
    Regime.BOUNDARY: ("it jumps back and forth forever at the same distance",
                      "以相同的距离永远来回跳动"),
    Regime.STALLED: ("it does not move: the surface is flat that way", "不动：这个方向是平的"),
    Regime.DIVERGES: ("it jumps across the minimum, each time farther away",
                      "每步跳过最小值，而且一次比一次更远"),
    Regime.ESCAPES: ("it slides away: the curvature is negative", "向外滑走：曲率为负"),
}


def direction_regime(factor: float) -> Regime:
    """The regime of one eigendirection from its factor 1 − lr·λ."""
    if abs(factor) < _TOL:
        return Regime.ONE_STEP
    if abs(factor - 1.0) < _TOL:
        return Regime.STALLED
    if abs(factor + 1.0) < _TOL:
        return Regime.BOUNDARY
    if factor > 1.0:
        return Regime.ESCAPES
    if factor < -1.0:
        return Regime.DIVERGES
    return Regime.MONOTONE if factor > 0 else Regime.OSCILLATING


def overall_regime(factors: Sequence[float]) -> Regime:
    """The regime of the whole path: the worst of its directions."""
    regimes = [direction_regime(f) for f in factors]
    growing = [(abs(f), r) for f, r in zip(factors, regimes, strict=True)
               if r in (Regime.DIVERGES, Regime.ESCAPES)]
    if growing:
        return max(growing, key=lambda t: t[0])[1]
    for r in (Regime.BOUNDARY, Regime.STALLED, Regime.OSCILLATING, Regime.MONOTONE):
        if r in regimes:
            return r
    return Regime.ONE_STEP


@dataclass(frozen=True)
class Explanation:
    """The same explanation in English and Chinese."""

    en: str
    zh: str


@dataclass(frozen=True)
class LrAnalysis:
    """Gradient descent with learning rate ``lr`` on the quadratic with Hessian ``hessian``."""

    hessian: np.ndarray  # (2, 2)
    eigenvalues: np.ndarray  # (2,), ascending
    eigenvectors: np.ndarray  # (2, 2), column i belongs to eigenvalue i
    lr: float
    factors: np.ndarray  # 1 − lr·λ_i
    regimes: tuple[Regime, Regime]
    regime: Regime
    condition_number: float | None  # λmax/λmin; None unless both are positive
    lr_bound: float | None  # 2/λmax; None if λmax <= 0 (no lr converges)
    lr_optimal: float | None  # 2/(λmin + λmax), the lr with the smallest worst factor
    lr_oscillation: float | None  # 1/λmax: above it the steepest direction starts to oscillate
    center: tuple[float, float]  # the minimum (or stationary point) the model is about
    exact: bool  # True for the quadratic surface; False for a local model
    explanation: Explanation

    @property
    def abs_factors(self) -> np.ndarray:
        """|1 − lr·λ_i|: how much each step shrinks (<1) or grows (>1) that direction."""
        out: np.ndarray = np.abs(self.factors)
        return out

    @property
    def rate(self) -> float:
        """The largest |1 − lr·λ_i|: the pace of the slowest direction."""
        return float(self.abs_factors.max())


def analyze_lr(
    hessian: np.ndarray,
    lr: float,
    *,
    center: tuple[float, float] = (0.0, 0.0),
    exact: bool = True,
) -> LrAnalysis:
    """Eigenvalues, bound 2/λmax, per-direction factors and the regime for ``lr``."""
    h = np.asarray(hessian, dtype=np.float64)
    h = 0.5 * (h + h.T)
    lam, vec = np.linalg.eigh(h)
    lr = float(lr)
    factors = 1.0 - lr * lam
    regimes = (direction_regime(float(factors[0])), direction_regime(float(factors[1])))
    regime = overall_regime([float(f) for f in factors])
    lmin, lmax = float(lam[0]), float(lam[1])
    cond = lmax / lmin if lmin > 0 else None
    bound = 2.0 / lmax if lmax > 0 else None
    optimal = 2.0 / (lmin + lmax) if lmin > 0 else None
    return LrAnalysis(
        hessian=h,
        eigenvalues=lam,
        eigenvectors=vec,
        lr=lr,
        factors=factors,
        regimes=regimes,
        regime=regime,
        condition_number=cond,
        lr_bound=bound,
        lr_optimal=optimal,
        lr_oscillation=1.0 / lmax if lmax > 0 else None,
        center=(float(center[0]), float(center[1])),
        exact=exact,
        explanation=_explain(lam, factors, regimes, regime, lr, bound, cond, optimal, exact),
    )


def analyze_surface(surface: Surface, lr: float) -> LrAnalysis:
    """The analysis for ``surface``: exact for the quadratic, else at its first landmark."""
    if surface.name == "quadratic":
        p = surface.params
        h = quadratic_hessian(p["lambda1"], p["lambda2"], p["angle"])
        return analyze_lr(h, lr, exact=True)
    marks = surface.landmarks()
    cx, cy = (marks[0].x, marks[0].y) if marks else (0.0, 0.0)
    return analyze_lr(surface.hessian(cx, cy), lr, center=(cx, cy), exact=False)


def gd_closed_form(analysis: LrAnalysis, start: Sequence[float], steps: int) -> np.ndarray:
    """x_k = center + V diag((1 − lr·λ)^k) Vᵀ (x_0 − center) for k = 0..steps, shape (steps+1, 2)."""
    path: np.ndarray = eigen_path(analysis, start, steps) @ analysis.eigenvectors.T + np.asarray(analysis.center)
    return path


def eigen_path(analysis: LrAnalysis, start: Sequence[float], steps: int) -> np.ndarray:
    """Eigen-coordinates c_i(k) = (1 − lr·λ_i)^k c_i(0) for k = 0..steps, shape (steps+1, 2)."""
    c0 = analysis.eigenvectors.T @ (np.asarray(start, dtype=np.float64) - np.asarray(analysis.center))
    k = np.arange(steps + 1, dtype=np.float64)[:, None]
    with np.errstate(over="ignore", invalid="ignore"):
        coords: np.ndarray = np.power(analysis.factors[None, :], k) * c0[None, :]
    return coords


def factor_powers(analysis: LrAnalysis, steps: int) -> np.ndarray:
    """(1 − lr·λ_i)^k for k = 0..steps, shape (steps+1, 2): the error left along each direction."""
    k = np.arange(steps + 1, dtype=np.float64)[:, None]
    with np.errstate(over="ignore", invalid="ignore"):
        powers: np.ndarray = np.power(analysis.factors[None, :], k)
    return powers


def lr_sweep(analysis: LrAnalysis, lrs: np.ndarray) -> np.ndarray:
    """|1 − lr·λ_i| for every lr in ``lrs``: shape (len(lrs), 2) (for the factor-vs-lr plot)."""
    factors: np.ndarray = np.abs(1.0 - np.asarray(lrs, dtype=np.float64)[:, None] * analysis.eigenvalues[None, :])
    return factors


def factor_text(value: float, *, decimals: int = 3, signed: bool = False) -> str:
    """``value`` with at least ``decimals`` decimals and enough more that it never reads as 0 or ±1
    when it is not (0.99971 is "0.99971", not "1.000"; 0.8 stays "0.800")."""
    if not math.isfinite(value):
        return f"{value:+}" if signed else f"{value}"
    a = abs(value)
    gap = min(abs(a - 1.0), a)
    places = decimals if gap == 0 else min(12, max(decimals, math.floor(-math.log10(gap)) + 2))
    text = f"{value:+.{places}f}" if signed else f"{value:.{places}f}"
    if places > decimals:  # the extra places are only for the significant digits
        text = text.rstrip("0")
        whole, _, frac = text.partition(".")
        text = f"{whole}.{frac.ljust(decimals, '0')}"
    return text


def _distinct(a: float, b: float) -> tuple[str, str]:
    """``a`` and ``b`` with 4 significant digits, or as many more as it takes to tell them apart."""
    for digits in range(4, 13):
        ta, tb = f"{a:.{digits}g}", f"{b:.{digits}g}"
        if ta != tb or a == b:
            return ta, tb
    return f"{a!r}", f"{b!r}"


def _speed_sentences(rate: float) -> tuple[str, str]:
    """How fast the slowest direction closes in, in words (right plural, natural Chinese)."""
    r = factor_text(rate)
    steps10 = math.log(0.1) / math.log(rate)
    n = round(steps10)
    if n == 0:
        return (f"The slowest direction shrinks to {r} × its distance each step: 10× closer in less than one step.",
                f"最慢的方向每步把距离缩小到 {r} 倍：不到一步就缩小为十分之一。")
    steps_en, steps_zh = ("1 step", "大约一步就") if n == 1 else (f"{n:,} steps", f"大约每 {n:,} 步")
    return (f"The slowest direction shrinks to {r} × its distance each step: "
            f"about {steps_en} to get 10× closer.",
            f"最慢的方向每步把距离缩小到 {r} 倍：{steps_zh}缩小为十分之一。")


def _explain(
    lam: np.ndarray,
    factors: np.ndarray,
    regimes: tuple[Regime, Regime],
    regime: Regime,
    lr: float,
    bound: float | None,
    cond: float | None,
    optimal: float | None,
    exact: bool,
) -> Explanation:
    en: list[str] = []
    zh: list[str] = []
    if not exact:
        en.append("Near the marked point the surface looks like a quadratic with this Hessian.")
        zh.append("在标记点附近，曲面近似于以此为 Hessian 的二次函数。")
    for i, (lv, f, r) in enumerate(zip(lam, factors, regimes, strict=True), start=1):
        words_en, words_zh = _DIRECTION_WORDS[r]
        en.append(
            f"Direction {i} (λ{i} = {lv:.4g}): each step multiplies the distance by "
            f"1 − lr·λ{i} = {factor_text(f, signed=True)}, so {words_en}."
        )
        zh.append(f"方向 {i}（λ{i} = {lv:.4g}）：每步把距离乘以 1 − lr·λ{i} = {factor_text(f, signed=True)}，"
                  f"所以{words_zh}。")
    if bound is not None:
        rel = "<" if lr < bound * (1 - _TOL) else (">" if lr > bound * (1 + _TOL) else "=")
        lr_text, bound_text = _distinct(lr, bound)
        en.append(f"lr = {lr_text} {rel} 2/λmax = {bound_text}: gradient descent {regime.en}.")
        zh.append(f"lr = {lr_text} {rel} 2/λmax = {bound_text}：梯度下降{regime.zh}。")
    else:
        en.append(f"No learning rate converges here: no direction curves upwards. Gradient descent {regime.en}.")
        zh.append(f"这里没有能收敛的学习率：没有向上弯曲的方向。梯度下降{regime.zh}。")
    rate = float(np.abs(factors).max())
    if regime.converges and 0 < rate < 1:
        speed_en, speed_zh = _speed_sentences(rate)
        en.append(speed_en)
        zh.append(speed_zh)
    if cond is not None and optimal is not None:
        best = (cond - 1.0) / (cond + 1.0)
        if best < _TOL:  # a round bowl: the best lr lands on the minimum at once
            en.append(f"Condition number κ = {cond:.3g}: the best lr, 2/(λmin+λmax) = {optimal:.4g}, "
                      "reaches the minimum in one step.")
            zh.append(f"条件数 κ = {cond:.3g}：最佳学习率 2/(λmin+λmax) = {optimal:.4g} 一步就到达最小值。")
        else:
            en.append(
                f"Condition number κ = λmax/λmin = {cond:.3g}. Even the best lr, 2/(λmin+λmax) = {optimal:.4g}, "
                f"only shrinks the error to (κ−1)/(κ+1) = {factor_text(best)} × itself each step."
            )
            zh.append(
                f"条件数 κ = λmax/λmin = {cond:.3g}。即使最佳学习率 2/(λmin+λmax) = {optimal:.4g}，"
                f"每步也只能把误差缩小到 (κ−1)/(κ+1) = {factor_text(best)} 倍。"
            )
    return Explanation(" ".join(en), "".join(zh))
