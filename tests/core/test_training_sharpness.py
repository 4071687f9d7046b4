"""Sharpness: Lanczos on Hessian-vector products against the dense Hessian, and the stability edges."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call

from cnnviz.core.training.sharpness import (
    SharpnessTracker,
    preconditioner,
    stability_threshold,
    top_hessian_eigenvalue,
)


def _tiny_net(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Conv2d(1, 2, 3), nn.Tanh(), nn.Flatten(), nn.Linear(2 * 4 * 4, 6), nn.Tanh(),
                         nn.Linear(6, 4))


def _data(seed: int = 1, n: int = 40):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, 1, 6, 6, generator=g), torch.randint(0, 4, (n,), generator=g)


def _dense_hessian(model: nn.Module, x, y) -> torch.Tensor:
    """The full Hessian in float64 with torch.autograd.functional.hessian (independent of the estimator)."""
    model = model.double()
    names = [n for n, _ in model.named_parameters()]
    shapes = [p.shape for _, p in model.named_parameters()]
    flat0 = torch.cat([p.detach().reshape(-1) for p in model.parameters()])

    def loss(flat):
        params, offset = {}, 0
        for name, shape in zip(names, shapes, strict=True):
            n = math.prod(shape)
            params[name] = flat[offset : offset + n].view(shape)
            offset += n
        return F.cross_entropy(functional_call(model, params, (x.double(),)), y)

    h = torch.autograd.functional.hessian(loss, flat0, vectorize=True)
    model.float()
    return h


def test_estimate_equals_top_eigenvalue_of_the_dense_hessian() -> None:
    model = _tiny_net()
    x, y = _data()
    count = sum(p.numel() for p in model.parameters())
    assert count <= 2000
    # Train a little so the Hessian is not the one of a random start only.
    opt = torch.optim.SGD(model.parameters(), lr=0.5)
    for _ in range(30):
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
    dense = torch.linalg.eigvalsh(_dense_hessian(model, x, y))
    est = top_hessian_eigenvalue(model, x, y, max_iter=60, tol=1e-4)
    assert est.converged and est.message == ""
    assert est.value == pytest.approx(float(dense[-1]), rel=1e-3)
    # Warm-started from its own vector, a second estimate converges in very few products.
    again = top_hessian_eigenvalue(model, x, y, v0=est.vector, max_iter=60, tol=1e-4)
    assert again.iterations <= 3 and again.value == pytest.approx(float(dense[-1]), rel=1e-3)


def test_adam_preconditioned_sharpness_equals_dense_and_matches_torchs_step() -> None:
    model = _tiny_net(2)
    x, y = _data(3)
    lr, b1, b2, eps = 0.01, 0.9, 0.99, 1e-8
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=(b1, b2), eps=eps)
    for _ in range(5):
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
    params = list(model.parameters())
    # Independent: torch's next Adam step equals −η·P⁻¹m with P = (1 − β1ᵗ)(sqrt(v̂) + ε) (Cohen et al. 2022).
    before = [p.detach().clone() for p in params]
    opt.zero_grad()
    F.cross_entropy(model(x), y).backward()
    opt.step()
    t = 6
    for p, old in zip(params, before, strict=True):
        st = opt.state[p]
        p_hand = (1 - b1**t) * ((st["exp_avg_sq"] / (1 - b2**t)).sqrt() + eps)
        torch.testing.assert_close(p.detach() - old, -lr * st["exp_avg"] / p_hand, rtol=1e-4, atol=1e-9)
    cond = preconditioner(opt, params)
    assert cond is not None
    threshold, adaptive = stability_threshold(opt, "adam")
    assert adaptive and threshold == pytest.approx(38 / lr)
    p_flat = torch.cat([c.reshape(-1) for c in cond]).double()
    d = torch.diag(p_flat.rsqrt())
    dense = torch.linalg.eigvalsh(d @ _dense_hessian(model, x, y) @ d)
    est = top_hessian_eigenvalue(model, x, y, precondition=cond, max_iter=80, tol=1e-4)
    assert est.preconditioned and est.value == pytest.approx(float(dense[-1]), rel=1e-3)


def _quadratic_stable(step_fn, lam: float, steps: int = 800) -> bool:
    x = torch.tensor([1.0], requires_grad=True)
    opt = step_fn([x])
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * lam * x**2).sum().backward()
        opt.step()
    return abs(x.item()) < 1.0


@pytest.mark.parametrize("name, make", [
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    ("momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.5, dampening=0.3)),
    ("nesterov", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True)),
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1, weight_decay=0.5)),
])
def test_sgd_family_thresholds_are_where_torch_stops_converging(name, make) -> None:
    threshold, adaptive = stability_threshold(make([torch.zeros(1, requires_grad=True)]), name)
    assert not adaptive
    assert _quadratic_stable(make, 0.95 * threshold)
    assert not _quadratic_stable(make, 1.05 * threshold)


def test_adam_threshold_is_where_frozen_preconditioner_momentum_stops_converging() -> None:
    """Adam with P frozen is EMA momentum on P⁻¹H: stable iff λ(P⁻¹H) < (2 + 2β1)/(η(1 − β1))."""
    lr, b1 = 0.01, 0.9
    threshold, _ = stability_threshold(torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=lr,
                                                        betas=(b1, 0.999)))
    assert threshold == pytest.approx((2 + 2 * b1) / (lr * (1 - b1)))

    def stable(curvature: float) -> bool:  # curvature of P⁻¹H, written out by hand
        x, m = 1.0, 0.0
        for _ in range(4000):
            m = b1 * m + (1 - b1) * curvature * x
            x -= lr * m
        return abs(x) < 1.0

    assert stable(0.98 * threshold) and not stable(1.02 * threshold)


def test_nan_weights_give_a_nan_estimate_with_a_message() -> None:
    model = _tiny_net()
    with torch.no_grad():
        model[0].weight[0, 0, 0, 0] = float("nan")
    est = top_hessian_eigenvalue(model, *_data())
    assert math.isnan(est.value) and "NaN" in est.message
    # Through the tracker (what the engine uses), with a threshold still reported.
    tracker = SharpnessTracker(every=1, probe=_data())
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    est = tracker.estimate("run", model, opt, "sgd")
    assert math.isnan(est.value) and est.threshold == pytest.approx(20.0) and est.message


def test_trainer_adds_sharpness_columns_on_the_estimated_steps(tmp_path) -> None:
    from cnnviz.core.models import build_model
    from cnnviz.core.training import RunConfig, Trainer, TrainSetup, load_dataset
    from cnnviz.core.training.metrics import CSV_COLUMNS, read_metrics_csv

    bundle = load_dataset("shapes", seed=3, train_limit=64, val_limit=16)
    setup = TrainSetup(model="lenet5", epochs=1, batch_size=16, init_seed=5, data_seed=3, train_limit=64,
                       val_limit=16, sharpness_every=2, sharpness_probe=16)
    runs = [RunConfig("sgd", "sgd", {"lr": 0.05}), RunConfig("adam", "adam", {"lr": 1e-3})]
    trainer = Trainer(setup, runs, data=bundle, out_dir=tmp_path)
    trainer.run()
    rows = read_metrics_csv(str(tmp_path / "metrics.csv"))
    header = (tmp_path / "metrics.csv").read_text().splitlines()[0].split(",")
    assert header == [*CSV_COLUMNS, "sharpness", "sharpness_threshold"]
    train = {(r["run"], r["step"]): r for r in rows if r["split"] == "train"}
    assert sorted(s for (run, s), r in train.items() if r["sharpness"] is not None and run == "sgd") == [2, 4]
    assert all(r["sharpness"] is None for r in rows if r["split"] == "val")
    assert train[("sgd", 2)]["sharpness_threshold"] == pytest.approx(2 / 0.05)
    assert train[("adam", 4)]["sharpness_threshold"] == pytest.approx(38 / 1e-3)
    # Independent: the weights after step 2 from a plain torch loop, the probe = first 16 training images.
    x_all = (bundle.train.images.float() / 255 - bundle.train.mean[0]) / bundle.train.std[0]
    model = build_model("lenet5", seed=5, num_classes=10, in_channels=1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    perm = torch.randperm(64, generator=torch.Generator().manual_seed(3))
    for k in range(2):
        idx = perm[k * 16 : (k + 1) * 16]
        opt.zero_grad()
        F.cross_entropy(model(x_all[idx]), bundle.train.labels[idx]).backward()
        opt.step()
    by_hand = top_hessian_eigenvalue(model, x_all[:16], bundle.train.labels[:16], max_iter=60, tol=1e-5)
    assert train[("sgd", 2)]["sharpness"] == pytest.approx(by_hand.value, rel=2e-3)
    # Tracking does not change training: the same runs without it give the same losses.
    plain = Trainer(TrainSetup(**{**setup.to_dict(), "sharpness_every": None}), runs, data=bundle)
    plain.run()
    for name in ("sgd", "adam"):
        assert plain.log.snapshot(name).train["loss"].tolist() == trainer.log.snapshot(name).train["loss"].tolist()


@pytest.mark.slow  # 150 full-batch steps with 15 estimates
def test_edge_of_stability_lesson_rises_to_and_hovers_at_2_over_lr() -> None:
    from dataclasses import replace

    import numpy as np

    from cnnviz.core.training import Trainer, get_preset

    setup, runs = get_preset("edge_of_stability").build()
    assert setup.batch_size == setup.train_limit == setup.sharpness_probe  # full batch, exact sharpness
    run = runs[0]
    trainer = Trainer(replace(setup, sharpness_every=10), [run])  # the lesson's run, half its estimates
    assert trainer.run() == {run.name: "finished"}
    sharp = trainer.log.snapshot(run.name).sharpness
    edge = 2 / run.hparams["lr"]
    assert np.allclose(sharp["threshold"], edge)
    values = sharp["sharpness"]
    assert values[0] < 0.3 * edge  # it starts flat ...
    assert values.max() >= edge  # ... sharpens up to the edge ...
    last_third = values[len(values) * 2 // 3 :]
    assert abs(np.median(last_third) / edge - 1) <= 0.2  # ... and hovers there
