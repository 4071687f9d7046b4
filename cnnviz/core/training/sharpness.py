"""Sharpness: the top eigenvalue of the training loss's Hessian, next to the optimizer's stability edge.

Gradient descent with step size η on a quadratic of curvature λ converges
only if λ < 2/η. Cohen et al. (2021, "Gradient Descent on Neural Networks
Typically Occurs at the Edge of Stability", ICLR) found that full-batch GD on
a real network first *sharpens* (the top Hessian eigenvalue λ_max rises) until
λ_max reaches 2/η, then hovers there while the loss keeps falling, unevenly.
Each optimizer has its own edge (Cohen et al. 2022, "Adaptive Gradient
Methods at the Edge of Stability", arXiv:2207.14484, Table 2):

==================  ============================================  ==========================
optimizer (torch)   what is compared                              threshold
==================  ============================================  ==========================
SGD                 λ_max(H)                                      2/η
heavy-ball momentum λ_max(H)                                      (2 + 2β)/(η(1 − dampening))
Nesterov            λ_max(H)                                      (2 + 2β)/(η(1 + 2β))
RMSProp             λ_max(P⁻¹H),  P = sqrt(v) + ε                 (2 + 2μ)/η  (μ its momentum)
Adagrad             λ_max(P⁻¹H),  P = sqrt(Σg²) + ε               2/η_t
Adam / AdamW        λ_max(P⁻¹H),  P = (1 − β1ᵗ)(sqrt(v̂_t) + ε)    (2 + 2β1)/(η(1 − β1)) = 38/η at β1 = 0.9
==================  ============================================  ==========================

Each threshold is where the optimizer, run with its preconditioner frozen on
the quadratic ½ xᵀHx, stops converging (tests check them on torch's own
optimizers). For Adam, torch's step is η·m̂/(sqrt(v̂)+ε) = η·P⁻¹m with m an
exponential average of gradients: momentum with (1 − β1) damping, hence the
extra 1/(1 − β1). P⁻¹H has the eigenvalues of the symmetric P^-½ H P^-½,
which is what is iterated here. With coupled weight decay (SGD family) the
step sees H + wd·I, so the SGD thresholds are lowered by wd; Adam's ignores it.

The estimate is Lanczos with full reorthogonalisation on Hessian-vector
products (double backpropagation through one retained graph of the probe
batch), warm-started from the previous top eigenvector, stopping when the
Ritz residual is below ``tol`` × the eigenvalue. A NaN / inf anywhere gives a
NaN estimate with a message, never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]

DEFAULT_EVERY = 100  # steps between estimates: tracking stays under +50 % of training time (benchmark)
DEFAULT_PROBE = 128  # images in the fixed probe batch
DEFAULT_ITERATIONS = 20  # Lanczos steps at most (each one Hessian-vector product)
TRACKING_TOL = 1e-2  # Ritz residual / eigenvalue when tracking: the eigenvalue itself is then good to ~1e-4


@dataclass
class SharpnessEstimate:
    """One estimate: the top eigenvalue, the optimizer's threshold, and how it went."""

    value: float  # λ_max of H (or of P⁻¹H when preconditioned); NaN if it could not be computed
    threshold: float  # the optimizer's stability threshold at this point (NaN if unknown)
    preconditioned: bool = False
    iterations: int = 0  # Hessian-vector products used
    converged: bool = False
    message: str = ""  # why the value is NaN ('' when it is a number)
    vector: torch.Tensor | None = None  # the top eigenvector (flat), to warm-start the next estimate

    @property
    def ratio(self) -> float:
        """value / threshold: 1 at the edge of stability."""
        return self.value / self.threshold if self.threshold and math.isfinite(self.threshold) else math.nan


# ---------------------------------------------------------------- thresholds and preconditioners


def stability_threshold(optimizer: torch.optim.Optimizer, name: str = "") -> tuple[float, bool]:
    """(threshold, preconditioned) for ``optimizer``'s current hyperparameters (first param group).

    ``name`` is the cnnviz registry name when known (``momentum``, ``nesterov``
    ...); otherwise it is inferred from the torch class. NaN for an optimizer
    without a known edge (AdaDelta).
    """
    group = optimizer.param_groups[0]
    lr = float(group["lr"])
    wd = float(group.get("weight_decay", 0.0) or 0.0)
    if lr <= 0:
        return math.nan, False
    if isinstance(optimizer, torch.optim.SGD):
        beta = float(group.get("momentum", 0.0) or 0.0)
        if beta == 0:
            return 2.0 / lr - wd, False
        if group.get("nesterov") or name == "nesterov":
            return (2 + 2 * beta) / (lr * (1 + 2 * beta)) - wd, False
        damp = float(group.get("dampening", 0.0) or 0.0)
        return (2 + 2 * beta) / (lr * (1 - damp)) - wd, False
    if isinstance(optimizer, torch.optim.Adam | torch.optim.AdamW):
        beta1 = float(group["betas"][0])
        return (2 + 2 * beta1) / (lr * (1 - beta1)), True
    if isinstance(optimizer, torch.optim.RMSprop):
        mu = float(group.get("momentum", 0.0) or 0.0)
        return (2 + 2 * mu) / lr, True
    if isinstance(optimizer, torch.optim.Adagrad):
        state = optimizer.state.get(group["params"][0], {})
        step = float(state.get("step", 1)) if state else 1.0
        clr = lr / (1 + max(step - 1, 0) * float(group.get("lr_decay", 0.0)))
        return 2.0 / clr, True
    return math.nan, False


def preconditioner(optimizer: torch.optim.Optimizer, params: Sequence[torch.Tensor]) -> list[torch.Tensor] | None:
    """The diagonal P of an adaptive optimizer for ``params`` (see the module table), or None.

    None for the SGD family (no preconditioner) and before an adaptive
    optimizer's first step (its state is empty: nothing to compare yet).
    """
    group = optimizer.param_groups[0]
    out: list[torch.Tensor] = []
    for p in params:
        state = optimizer.state.get(p)
        if not state:
            return None
        eps = float(group.get("eps", 1e-8))
        if isinstance(optimizer, torch.optim.Adam | torch.optim.AdamW):
            beta1, beta2 = (float(b) for b in group["betas"])
            t = float(state["step"])
            v_hat = state["exp_avg_sq"] / (1 - beta2**t)
            out.append((1 - beta1**t) * (v_hat.sqrt() + eps))
        elif isinstance(optimizer, torch.optim.RMSprop):
            out.append(state["square_avg"].sqrt() + eps)
        elif isinstance(optimizer, torch.optim.Adagrad):
            out.append(state["sum"].sqrt() + eps)
        else:
            return None
    return out


# ---------------------------------------------------------------- Hessian-vector products and Lanczos


class HessianOperator:
    """v ↦ D·H·D·v for the loss of ``model`` on ``(x, y)`` (D = P^-½, or the identity).

    The forward pass and the gradient graph are built once and reused for every
    product (``retain_graph``). The model's buffers (BatchNorm statistics) and
    the random generators are left as they were, so tracking does not change
    the training it watches.
    """

    def __init__(self, model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss_fn: LossFn = F.cross_entropy,
                 precondition: list[torch.Tensor] | None = None) -> None:
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.size = sum(p.numel() for p in self.params)
        buffers = {k: b.detach().clone() for k, b in model.named_buffers()}
        devices = [x.device] if x.device.type == "cuda" else []
        with torch.random.fork_rng(devices=devices), torch.enable_grad():
            self.loss = loss_fn(model(x), y)
            self.grads = torch.autograd.grad(self.loss, self.params, create_graph=True)
        with torch.no_grad():
            for k, b in model.named_buffers():
                b.copy_(buffers[k])
        self.scale = None
        if precondition is not None:
            self.scale = torch.cat([(1.0 / q.detach().double().sqrt()).reshape(-1) for q in precondition]).to(
                self.grads[0].dtype)

    def __call__(self, v: torch.Tensor) -> torch.Tensor:
        """The product with a flat vector ``v`` (same dtype / device as the parameters)."""
        if self.scale is not None:
            v = v * self.scale
        pieces = []
        offset = 0
        for p in self.params:
            pieces.append(v[offset : offset + p.numel()].view_as(p))
            offset += p.numel()
        hv = torch.autograd.grad(self.grads, self.params, grad_outputs=pieces, retain_graph=True, allow_unused=True)
        flat = torch.cat([(h if h is not None else torch.zeros_like(p)).reshape(-1)
                          for h, p in zip(hv, self.params, strict=True)])
        return flat * self.scale if self.scale is not None else flat


def lanczos_top(matvec: Callable[[torch.Tensor], torch.Tensor], v0: torch.Tensor, *,
                max_iter: int = DEFAULT_ITERATIONS, tol: float = 1e-3) -> tuple[float, torch.Tensor, int, bool]:
    """The largest (algebraic) eigenvalue of a symmetric operator and its vector.

    Returns (eigenvalue, unit eigenvector, products used, converged). Stops when
    the Ritz residual ‖Av − θv‖ = β_j·|e_jᵀs| is at most ``tol``·|θ|, or when the
    Krylov space is exhausted. NaN eigenvalue if a product is not finite.
    """
    n = v0.numel()
    q = v0 / torch.linalg.vector_norm(v0)
    basis = [q]
    alphas: list[float] = []
    betas: list[float] = []
    theta, ritz = math.nan, torch.zeros(1, dtype=torch.float64)
    for j in range(min(max_iter, n)):
        w = matvec(basis[-1])
        if not bool(torch.isfinite(w).all()):
            return math.nan, basis[0], j + 1, False
        alpha = float(torch.dot(w.double(), basis[-1].double()))
        alphas.append(alpha)
        # Full reorthogonalisation (twice is enough, Parlett's rule): keeps the basis orthonormal.
        stack = torch.stack(basis)
        for _ in range(2):
            w = w - stack.T @ (stack @ w)
        beta = float(torch.linalg.vector_norm(w.double()))
        t = torch.diag(torch.tensor(alphas, dtype=torch.float64))
        if betas:
            off = torch.tensor(betas, dtype=torch.float64)
            t += torch.diag(off, 1) + torch.diag(off, -1)
        evals, evecs = torch.linalg.eigh(t)
        theta, ritz = float(evals[-1]), evecs[:, -1]
        residual = beta * abs(float(ritz[-1]))
        if residual <= tol * max(abs(theta), 1e-30) or beta <= 1e-12 * max(abs(theta), 1.0):
            return theta, _ritz_vector(basis, ritz), j + 1, True
        betas.append(beta)
        basis.append(w / beta)
    return theta, _ritz_vector(basis[: len(alphas)], ritz), len(alphas), False


def _ritz_vector(basis: list[torch.Tensor], coefficients: torch.Tensor) -> torch.Tensor:
    stack = torch.stack(basis)
    v = coefficients.to(stack.dtype).to(stack.device) @ stack
    unit: torch.Tensor = v / torch.linalg.vector_norm(v)
    return unit


def top_hessian_eigenvalue(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, *, loss_fn: LossFn = F.cross_entropy,
    precondition: list[torch.Tensor] | None = None, v0: torch.Tensor | None = None,
    max_iter: int = DEFAULT_ITERATIONS, tol: float = 1e-3, seed: int = 0,
) -> SharpnessEstimate:
    """λ_max of the Hessian of ``loss_fn(model(x), y)`` (of P^-½HP^-½ with ``precondition``).

    ``v0`` warm-starts Lanczos (the previous estimate's ``vector``); without it
    the start is a seeded Gaussian vector. Threshold is left NaN: see
    :func:`stability_threshold`.
    """
    try:
        op = HessianOperator(model, x, y, loss_fn, precondition)
    except RuntimeError as exc:  # e.g. a model with no differentiable parameters
        return SharpnessEstimate(math.nan, math.nan, precondition is not None, message=f"Hessian failed: {exc}")
    if not bool(torch.isfinite(op.loss)):
        return SharpnessEstimate(math.nan, math.nan, precondition is not None,
                                 message=f"The loss on the probe batch is {_number(float(op.loss.detach()))}: "
                                         "no sharpness.")
    device, dtype = op.grads[0].device, op.grads[0].dtype
    if v0 is None or v0.numel() != op.size or not bool(torch.isfinite(v0).all()) or float(v0.norm()) == 0:
        g = torch.Generator().manual_seed(seed)
        v0 = torch.randn(op.size, generator=g, dtype=torch.float32)
    value, vector, used, converged = lanczos_top(op, v0.to(device, dtype), max_iter=max_iter, tol=tol)
    message = "" if math.isfinite(value) else "The Hessian-vector product became NaN / inf: no sharpness."
    return SharpnessEstimate(value, math.nan, precondition is not None, used, converged, message,
                             vector.detach() if math.isfinite(value) else None)


def _number(value: float) -> str:
    return "NaN" if math.isnan(value) else f"{value:g}"


# ---------------------------------------------------------------- tracking inside the engine


class SharpnessTracker:
    """Every ``every`` steps of each run, estimate its sharpness on a fixed probe batch.

    Attach with ``trainer.add_step_hook(tracker)`` (the engine does it when
    ``TrainSetup.sharpness_every`` is set): each estimate goes to the trainer's
    log (:meth:`MetricsLog.add_sharpness`), so the metrics CSV carries
    ``sharpness`` and ``sharpness_threshold`` on the train row of each step where
    it was estimated (the weights after that step). ``latest`` keeps each run's
    last :class:`SharpnessEstimate` (with its message when NaN).
    """

    def __init__(self, every: int = DEFAULT_EVERY, probe: tuple[torch.Tensor, torch.Tensor] | None = None,
                 probe_size: int = DEFAULT_PROBE, max_iter: int = DEFAULT_ITERATIONS,
                 tol: float = TRACKING_TOL) -> None:
        if every < 1:
            raise ValueError("every must be ≥ 1")
        self.every = every
        self.probe = probe
        self.probe_size = probe_size
        self.max_iter = max_iter
        self.tol = tol
        self.latest: dict[str, SharpnessEstimate] = {}
        self._vectors: dict[str, torch.Tensor] = {}

    def __call__(self, ctx: Any) -> None:  # ctx: engine.StepContext
        """The engine's step hook: estimate on every ``every``-th step and add it to the trainer's log."""
        if ctx.step == 0 or ctx.step % self.every:
            return
        if self.probe is None:
            self.probe = ctx.trainer.probe_batch(self.probe_size)
        est = self.estimate(ctx.run, ctx.model, ctx.optimizer, ctx.optimizer_name)
        ctx.trainer.log.add_sharpness(ctx.run, ctx.step, est.value, est.threshold, est.message)

    def estimate(self, run: str, model: nn.Module, optimizer: torch.optim.Optimizer,
                 optimizer_name: str = "") -> SharpnessEstimate:
        """Estimate run ``run``'s sharpness now (warm-started from its previous one)."""
        assert self.probe is not None
        threshold, adaptive = stability_threshold(optimizer, optimizer_name)
        params = [p for p in model.parameters() if p.requires_grad]
        precondition = preconditioner(optimizer, params) if adaptive else None
        if adaptive and precondition is None:
            est = SharpnessEstimate(math.nan, threshold, True, message="No preconditioner before the first step.")
        else:
            x, y = self.probe
            est = top_hessian_eigenvalue(model, x, y, precondition=precondition, v0=self._vectors.get(run),
                                         max_iter=self.max_iter, tol=self.tol)
            est.threshold = threshold
        if est.vector is not None:
            self._vectors[run] = est.vector
            est.vector = None  # kept once, here
        self.latest[run] = est
        return est
