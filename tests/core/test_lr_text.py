"""The learning-rate explanation's numbers: enough significant digits near 0 and ±1, right plurals."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from cnnviz.core.playground import analyze_lr
from cnnviz.core.playground.lr_bound import factor_text


@pytest.mark.parametrize(("value", "expected"), [
    (0.8, "0.800"), (0.82, "0.820"), (1.0, "1.000"), (0.0, "0.000"),
    (0.9997, "0.9997"), (0.99999999, "0.99999999"), (1.00002, "1.00002"), (0.0004, "0.0004"), (-0.99971, "-0.99971"),
])
def test_factor_text_never_rounds_to_zero_or_one(value: float, expected: str) -> None:
    assert factor_text(value) == expected
    assert float(factor_text(value)) == pytest.approx(value, rel=1e-3)
    if value not in (0.0, 1.0):
        assert float(factor_text(value)) not in (0.0, 1.0, -1.0)


def test_a_slow_direction_is_not_rounded_to_one() -> None:
    lr = 3e-4
    a = analyze_lr(np.diag([1.0, 10.0]), lr)
    rate = 1 - lr * 1.0  # the flat direction is the slowest: 0.9997
    steps = math.log(0.1) / math.log(rate)  # ln 0.1 / ln 0.9997 ≈ 7674
    assert f"shrinks to 0.9997 × its distance each step: about {round(steps):,} steps" in a.explanation.en
    assert "1.000" not in a.explanation.en
    assert f"大约每 {round(steps):,} 步缩小为十分之一" in a.explanation.zh


def test_one_step_is_singular_and_less_than_one_is_said_so() -> None:
    h = np.diag([1.0, 1.0])
    one = analyze_lr(h, 0.9)  # rate 0.1: exactly one step per 10×
    assert "about 1 step to get 10× closer" in one.explanation.en
    assert "1 steps" not in one.explanation.en and "大约一步就缩小为十分之一" in one.explanation.zh
    assert "reaches the minimum in one step" in one.explanation.en  # κ = 1, not "shrinks to 0.000"
    fast = analyze_lr(h, 0.995)  # rate 0.005: log 0.1 / log 0.005 ≈ 0.43 steps
    assert "10× closer in less than one step" in fast.explanation.en
    assert "不到一步" in fast.explanation.zh


def test_lr_next_to_the_bound_is_told_apart_from_it() -> None:
    a = analyze_lr(np.diag([1.0, 10.0]), 0.19999)
    numbers = re.search(r"lr = (\S+) < 2/λmax = (\S+):", a.explanation.en)
    assert numbers is not None, a.explanation.en
    assert numbers.group(1) != numbers.group(2)
    assert float(numbers.group(1)) == pytest.approx(0.19999) and float(numbers.group(2)) == pytest.approx(0.2)
    assert "1 − lr·λ2 = -0.9999," in a.explanation.en  # 1 − 0.19999·10, not "-1.000"
