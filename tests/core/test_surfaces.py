"""The playground core against independent computations: raw torch.optim loops,
closed forms of gradient descent on a quadratic, hand derivatives and finite differences."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from cnnviz.core.errors import CnnvizError, ConfigError
from cnnviz.core.playground import (
    Bounds,
    HyperparameterError,
    RacerConfig,
    Regime,
    SurfaceParamError,
    UnknownOptimizerError,
    UnknownSurfaceError,
    analyze_lr,
    analyze_surface,
    compute_grid,
    eigen_path,
    gd_closed_form,
    get_optimizer_spec,
    get_surface,
    list_optimizers,
    list_surfaces,
    make_optimizer,
    parse_optimizer_spec,
    quadratic_hessian,
    run_race,
    run_trajectory,
    suggested_hyperparams,
    unique_labels,
)
from cnnviz.core.progress import Cancelled, CancelToken

# ----------------------------------------------------------------------------- surfaces

# Gradients worked out by hand, independent of the registry's torch code.
HAND_GRADIENTS = {
    "rosenbrock": lambda x, y: (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
    "himmelblau": lambda x, y: (
        4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
        2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
    ),
    "rastrigin": lambda x, y: (
        2 * x + 10 * 2 * math.pi * math.sin(2 * math.pi * x),
        2 * y + 10 * 2 * math.pi * math.sin(2 * math.pi * y),
    ),
    "saddle": lambda x, y: (2 * x, -2 * y),
    "valley": lambda x, y: (
        0.2 * x + 2 * 10 * (y - 0.5 * math.sin(2 * x)) * (-math.cos(2 * x)),
        2 * 10 * (y - 0.5 * math.sin(2 * x)),
    ),
}


@pytest.mark.parametrize("name", sorted(HAND_GRADIENTS))
def test_gradient_matches_hand_derivative(name: str) -> None:
    s = get_surface(name)
    for x, y in [(-1.3, 0.7), (0.4, -2.1), (2.2, 1.9)]:
        assert s.gradient(x, y) == pytest.approx(HAND_GRADIENTS[name](x, y), rel=1e-10, abs=1e-10)


@pytest.mark.parametrize("name", ["quadratic", "beale", "rosenbrock", "himmelblau", "rastrigin", "valley"])
def test_gradient_matches_central_differences(name: str) -> None:
    s = get_surface(name)
    h = 1e-6
    for x, y in [(-0.9, 0.3), (0.6, -1.2), (1.7, 0.8)]:
        fd = ((s.value(x + h, y) - s.value(x - h, y)) / (2 * h), (s.value(x, y + h) - s.value(x, y - h)) / (2 * h))
        assert s.gradient(x, y) == pytest.approx(fd, rel=1e-5, abs=1e-5)


def test_quadratic_is_half_xT_H_x_with_the_requested_eigenvalues() -> None:
    s = get_surface("quadratic", {"lambda1": 2.0, "lambda2": 7.0, "angle": 25.0})
    t = math.radians(25.0)
    v1 = np.array([math.cos(t), math.sin(t)])  # eigenvector of lambda1 by construction
    h = quadratic_hessian(2.0, 7.0, 25.0)
    assert h @ v1 == pytest.approx(2.0 * v1)
    assert np.linalg.eigvalsh(h) == pytest.approx([2.0, 7.0])
    x = np.array([0.3, -1.1])
    assert s.value(*x) == pytest.approx(0.5 * x @ h @ x)
    assert s.hessian(0.4, 0.2) == pytest.approx(h)


@pytest.mark.parametrize("name", ["quadratic", "rosenbrock", "himmelblau", "beale", "rastrigin", "valley"])
def test_marked_minima_are_zero_loss_stationary_points(name: str) -> None:
    s = get_surface(name)
    assert s.minima()
    for m in s.minima():
        assert s.value(m.x, m.y) == pytest.approx(0.0, abs=1e-10)
        assert s.gradient(m.x, m.y) == pytest.approx((0.0, 0.0), abs=1e-6)
        assert np.linalg.eigvalsh(s.hessian(m.x, m.y)).min() > 0
        assert s.bounds.contains(m.x, m.y)


def test_saddle_is_marked_as_a_saddle_not_a_minimum() -> None:
    s = get_surface("saddle")
    assert s.minima() == []
    (mark,) = s.landmarks()
    assert (mark.x, mark.y, mark.kind) == (0.0, 0.0, "saddle")
    assert sorted(np.linalg.eigvalsh(s.hessian(0, 0))) == pytest.approx([-2.0, 2.0])


def test_surface_parameters_are_validated() -> None:
    assert get_surface("rosenbrock", {"a": 0.5}).minima()[0].y == pytest.approx(0.25)
    with pytest.raises(SurfaceParamError, match="out of range"):
        get_surface("quadratic", {"lambda1": 0})
    with pytest.raises(SurfaceParamError, match="no parameter"):
        get_surface("beale", {"a": 1})
    with pytest.raises(SurfaceParamError, match="number"):
        get_surface("quadratic", {"angle": "steep"})
    with pytest.raises(UnknownSurfaceError, match="Did you mean: rosenbrock"):
        get_surface("rosenbrok")


def test_grid_has_log_spaced_levels_and_row_major_layout() -> None:
    s = get_surface("rosenbrock")
    g = compute_grid(s, resolution=64, n_levels=10)
    assert g.z.shape == (len(g.ys), len(g.xs)) and g.z.dtype == np.float32
    # row i, column j is f(xs[j], ys[i])
    assert g.z[5, 40] == pytest.approx(s.value(g.xs[40], g.ys[5]), rel=1e-5)
    heights = g.levels - g.z_floor
    ratios = heights[1:] / heights[:-1]
    assert np.all(np.diff(g.levels) > 0)
    assert ratios == pytest.approx(np.full_like(ratios, ratios[0]))
    assert g.shade_levels == pytest.approx(g.to_shade(g.levels))
    assert g.shade_range[0] <= g.shade_levels.min() and g.shade_levels.max() <= g.shade_range[1]


def test_grid_of_a_surface_without_lower_bound_is_finite() -> None:
    g = compute_grid(get_surface("saddle"), resolution=32)
    assert np.isfinite(g.shade).all() and np.isfinite(g.levels).all()


# ----------------------------------------------------------------------------- optimizers

RAW_TORCH = {
    "sgd": lambda p, h: torch.optim.SGD([p], lr=h["lr"]),
    "momentum": lambda p, h: torch.optim.SGD([p], lr=h["lr"], momentum=0.9),
    "nesterov": lambda p, h: torch.optim.SGD([p], lr=h["lr"], momentum=0.9, nesterov=True),
    "adagrad": lambda p, h: torch.optim.Adagrad([p], lr=h["lr"]),
    "rmsprop": lambda p, h: torch.optim.RMSprop([p], lr=h["lr"]),
    "adadelta": lambda p, h: torch.optim.Adadelta([p], lr=h["lr"]),
    "adam": lambda p, h: torch.optim.Adam([p], lr=h["lr"]),
    "adamw": lambda p, h: torch.optim.AdamW([p], lr=h["lr"]),
}


def _raw_loop(make, f, start, steps):
    """The textbook torch loop, written here independently of cnnviz."""
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = make(p)
    points, losses = [], []
    for _ in range(steps):
        opt.zero_grad()
        loss = f(p[0], p[1])
        points.append(p.detach().clone().numpy())
        losses.append(loss.item())
        loss.backward()
        opt.step()
    points.append(p.detach().clone().numpy())
    losses.append(f(p[0], p[1]).item())
    return np.array(points), np.array(losses)


def test_every_registered_optimizer_is_covered_by_the_raw_loop_check() -> None:
    assert set(list_optimizers()) == set(RAW_TORCH)


@pytest.mark.parametrize("name", sorted(RAW_TORCH))
def test_trajectory_equals_a_raw_torch_optim_loop(name: str) -> None:
    def rosen(x, y):
        return (1 - x) ** 2 + 100 * (y - x * x) ** 2

    surface = get_surface("rosenbrock")
    lr = {"sgd": 1e-3, "momentum": 5e-4, "nesterov": 5e-4, "adagrad": 0.5, "rmsprop": 0.01,
          "adadelta": 5.0, "adam": 0.05, "adamw": 0.05}[name]
    traj = run_trajectory(surface, RacerConfig(name, {"lr": lr}), (-1.2, 1.0), 60)
    xy, loss = _raw_loop(lambda p: RAW_TORCH[name](p, {"lr": lr}), rosen, [-1.2, 1.0], 60)
    assert not traj.diverged
    assert traj.xy.shape == (61, 2)
    np.testing.assert_allclose(traj.xy, xy, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(traj.loss, loss, rtol=1e-12, atol=1e-12)
    assert traj.xy[0].tolist() == [-1.2, 1.0]


def test_hyperparameters_reach_the_torch_optimizer() -> None:
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    opt = make_optimizer("adam", [p], {"lr": 0.3, "beta1": 0.5, "beta2": 0.9, "eps": 1e-4, "weight_decay": 0.1})
    g = opt.param_groups[0]
    assert isinstance(opt, torch.optim.Adam)
    assert (g["lr"], g["betas"], g["eps"], g["weight_decay"]) == (0.3, (0.5, 0.9), 1e-4, 0.1)
    nest = make_optimizer("nesterov", [p], {"lr": 0.1})
    assert nest.param_groups[0]["nesterov"] is True and nest.param_groups[0]["momentum"] == 0.9
    assert isinstance(make_optimizer("adamw", [p]), torch.optim.AdamW)
    assert make_optimizer("adamw", [p]).param_groups[0]["weight_decay"] == 0.01


def test_hyperparameters_are_validated() -> None:
    with pytest.raises(HyperparameterError, match=r"lr=0 is out of range: \(0, 1000\]"):
        parse_optimizer_spec("sgd:lr=0")
    with pytest.raises(HyperparameterError, match=r"momentum=1 is out of range"):
        parse_optimizer_spec("momentum:momentum=1")
    with pytest.raises(HyperparameterError, match="no hyperparameter 'beta1'"):
        parse_optimizer_spec("sgd:beta1=0.9")
    with pytest.raises(HyperparameterError, match="number"):
        parse_optimizer_spec("adam:lr=fast")
    with pytest.raises(HyperparameterError, match="key=value"):
        parse_optimizer_spec("adam:0.1")
    with pytest.raises(UnknownOptimizerError, match="Did you mean: adam"):
        parse_optimizer_spec("adma")
    assert parse_optimizer_spec(" Adam:lr=0.1, beta2=0.99 ") == ("adam", {"lr": 0.1, "beta2": 0.99})
    for name in list_optimizers():
        spec = get_optimizer_spec(name)
        assert spec.validate({}) == spec.defaults()  # every default is inside its own range


def test_suggested_hyperparams_layer_user_values_over_surface_suggestions() -> None:
    s = get_surface("rosenbrock")
    assert suggested_hyperparams(s, "adam")["lr"] == s.spec.suggested["adam"]["lr"]
    got = suggested_hyperparams(s, "adam", {"lr": 0.2})
    assert got["lr"] == 0.2 and got["beta1"] == 0.9


def test_unique_labels() -> None:
    assert unique_labels([("sgd", {}), ("adam", {})]) == ["sgd", "adam"]
    assert unique_labels([("sgd", {"lr": 0.1}), ("sgd", {"lr": 0.2}), ("sgd", {"lr": 0.2})]) == [
        "sgd:lr=0.1", "sgd:lr=0.2", "sgd:lr=0.2#2"]


# ----------------------------------------------------------------------------- GD on a quadratic


@pytest.mark.parametrize("lr", [0.05, 0.15, 0.19])
def test_gd_on_the_quadratic_equals_the_closed_form_per_eigendirection(lr: float) -> None:
    l1, l2, angle = 1.5, 10.0, 35.0
    s = get_surface("quadratic", {"lambda1": l1, "lambda2": l2, "angle": angle})
    start = np.array([-2.0, 1.5])
    traj = run_trajectory(s, RacerConfig("sgd", {"lr": lr}), start, 40)
    t = math.radians(angle)
    v1, v2 = np.array([math.cos(t), math.sin(t)]), np.array([-math.sin(t), math.cos(t)])
    k = np.arange(41)
    c1 = (1 - lr * l1) ** k * (start @ v1)  # x_k = (1 - lr λ)^k x_0 in each eigendirection
    c2 = (1 - lr * l2) ** k * (start @ v2)
    np.testing.assert_allclose(traj.xy @ v1, c1, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(traj.xy @ v2, c2, rtol=1e-9, atol=1e-12)
    a = analyze_surface(s, lr)
    np.testing.assert_allclose(gd_closed_form(a, start, 40), traj.xy, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(np.abs(eigen_path(a, start, 40)), np.abs(np.stack([c1, c2], 1)), rtol=1e-9, atol=1e-12)


def test_lr_just_below_the_bound_converges_and_just_above_diverges() -> None:
    s = get_surface("quadratic", {"lambda1": 1.0, "lambda2": 10.0, "angle": 30.0})
    bound = 2 / 10.0
    below = run_trajectory(s, RacerConfig("sgd", {"lr": bound * 0.99}), (-2.5, 2.0), 3000)
    above = run_trajectory(s, RacerConfig("sgd", {"lr": bound * 1.01}), (-2.5, 2.0), 3000)
    assert not below.diverged and below.loss[-1] < 1e-20 * below.loss[0]
    assert above.diverged and above.status() == "diverged"
    # it left the escape box: the plot (±3) grown by half its size on each side (±6)
    assert np.abs(above.xy[-1]).max() > 6.0 and np.abs(above.xy[:-1]).max() <= 6.0
    assert above.status(0) == "ok"


def test_analysis_names_the_regime_on_each_side_of_the_bound() -> None:
    h = quadratic_hessian(1.0, 10.0, 30.0)
    cases = {0.05: Regime.MONOTONE, 0.1: Regime.MONOTONE, 0.15: Regime.OSCILLATING, 0.199: Regime.OSCILLATING,
             0.2: Regime.BOUNDARY, 0.201: Regime.DIVERGES, 0.5: Regime.DIVERGES}
    for lr, regime in cases.items():
        a = analyze_lr(h, lr)
        assert a.regime is regime, lr
        assert a.abs_factors == pytest.approx(np.abs(1 - lr * np.array([1.0, 10.0])))
    a = analyze_lr(h, 0.15)
    assert a.lr_bound == pytest.approx(0.2)
    assert a.condition_number == pytest.approx(10.0)
    assert a.lr_optimal == pytest.approx(2 / 11)
    assert a.regimes == (Regime.MONOTONE, Regime.OSCILLATING)
    assert "oscillates but converges" in a.explanation.en and "振荡但收敛" in a.explanation.zh
    assert "0.15 < 2/λmax = 0.2" in a.explanation.en
    assert analyze_lr(h, 0.1).regimes[1] is Regime.ONE_STEP
    assert Regime.DIVERGES.en == "diverges" and Regime.MONOTONE.en == "converges monotonically"


def test_local_analysis_at_a_minimum_and_at_a_saddle() -> None:
    a = analyze_surface(get_surface("rosenbrock"), 1e-3)
    # Hessian of Rosenbrock at (1, 1): [[802, -400], [-400, 200]]
    assert a.hessian == pytest.approx(np.array([[802.0, -400.0], [-400.0, 200.0]]))
    assert not a.exact and a.center == (1.0, 1.0)
    saddle = analyze_surface(get_surface("saddle"), 0.1)
    assert saddle.regime is Regime.ESCAPES and saddle.condition_number is None


# ----------------------------------------------------------------------------- divergence, race, errors


def test_non_finite_is_diverged_even_inside_the_box() -> None:
    s = get_surface("quadratic", {"lambda1": 1.0, "lambda2": 100.0, "angle": 0.0})
    huge = Bounds(-math.inf, math.inf, -math.inf, math.inf)
    t = run_trajectory(s, RacerConfig("sgd", {"lr": 900.0}), (1.0, 1.0), 500, escape=huge)
    assert t.diverged and t.diverged_at == t.last_step
    assert not np.isfinite(t.loss[-1]) or not np.isfinite(t.xy[-1]).all()
    assert np.isfinite(t.finite_xy()).all() and len(t.finite_xy()) >= t.last_step


def test_race_reports_progress_and_can_be_cancelled() -> None:
    s = get_surface("himmelblau")
    seen: list[float] = []
    out = run_race(s, [RacerConfig("sgd", {"lr": 0.01}), RacerConfig("adam", {"lr": 0.1})], (0, 0), 20,
                   progress=lambda f, m="": seen.append(f))
    assert [t.label for t in out] == ["sgd", "adam"] and seen[-1] == 1.0
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        run_race(s, [RacerConfig("sgd")], (0, 0), 20, cancel=token)


def test_bad_steps_and_start_are_user_errors() -> None:
    s = get_surface("quadratic")
    with pytest.raises(ConfigError):
        run_trajectory(s, RacerConfig("sgd"), (0, 0), -1)
    with pytest.raises(CnnvizError):
        run_trajectory(s, RacerConfig("sgd"), (math.nan, 0), 5)


def test_every_surface_has_a_visible_default_race() -> None:
    """Defaults must make a race: the start is inside the plot and nothing is NaN at step 0."""
    for name in list_surfaces():
        s = get_surface(name)
        assert s.bounds.contains(*s.spec.default_start)
        assert math.isfinite(s.value(*s.spec.default_start))
        for opt in s.spec.suggested:
            get_optimizer_spec(opt).validate(s.spec.suggested[opt])
