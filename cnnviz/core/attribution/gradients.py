"""The gradient family: maps from the gradient of the target with respect to the input.

Conventions (each method's docstring cites its paper):

- the score is the class *logit* (as captum's ``target=`` on a model that
  returns logits), or a unit's activation;
- ``channels`` holds the per-channel attribution (C, H, W) exactly as
  captum returns it; ``map`` reduces it to (H, W): the maximum over channels
  of the absolute value for saliency-like maps (Simonyan et al. 2014, §3.1:
  ``M_ij = max_c |w_h(i,j,c)|``; also used for SmoothGrad, guided backprop
  and the deconvnet), the *sum* over channels for gradient × input and
  Integrated Gradients (signed, so the map still sums to the attribution
  total that completeness speaks of);
- batched methods (SmoothGrad, Integrated Gradients) push ``batch_size``
  images per forward/backward pass and check ``cancel`` between batches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from torch import Tensor

from cnnviz.core.attribution.image_ops import default_blur_sigma, gaussian_blur
from cnnviz.core.attribution.passes import check_finite, other_activations_note
from cnnviz.core.attribution.registry import (
    AttributionMap,
    MethodContext,
    MethodInfo,
    OptionInfo,
    register_method,
)
from cnnviz.core.attribution.targets import scoring
from cnnviz.core.errors import ConfigError
from cnnviz.core.messages import msg
from cnnviz.core.probe import eval_mode, forward


def _np(t: Tensor) -> np.ndarray:
    return t.detach().float().cpu().numpy().astype(np.float32)


def _gradient_map(ctx: MethodContext, channels: Tensor, *, signed: bool, notes: list[str] | None = None,
                  extras: dict[str, Any] | None = None, forward_passes: int, backward_passes: int,
                  reduce: str = "maxabs") -> AttributionMap:
    m = channels.abs().amax(0) if reduce == "maxabs" else channels.sum(0)
    check_finite(m, "the map")
    return AttributionMap(
        method=ctx.method, map=_np(m), target=ctx.resolved, layer=None, signed=signed,
        channels=_np(channels), notes=tuple(notes or ()), extras=extras or {},
        forward_passes=forward_passes, backward_passes=backward_passes,
    )


# --------------------------------------------------------------------------- shared-pass methods

_SIMONYAN = ("Simonyan, Vedaldi, Zisserman. Deep Inside Convolutional Networks: Visualising Image "
             "Classification Models and Saliency Maps. ICLR Workshop 2014.")


@register_method(MethodInfo(
    name="saliency", label=msg("Saliency"), family="gradient", paper=_SIMONYAN, needs_layer=False, signed=False,
    cost=msg("1 forward + 1 backward (shared)"), shared=frozenset({"input:plain"}),
), weight=lambda opts, shape: 0.1)
def _run_saliency(ctx: MethodContext) -> AttributionMap:
    """Saliency (Simonyan et al. 2014): ``max_c |∂y/∂x_c|``; ``channels`` is the raw gradient."""
    assert ctx.shared is not None
    g = ctx.shared.input_grads["plain"]
    m = g.abs().amax(0)
    check_finite(m, "the map")
    return AttributionMap(method=ctx.method, map=_np(m), target=ctx.resolved, signed=False, channels=_np(g),
                          forward_passes=1, backward_passes=1)


@register_method(MethodInfo(
    name="gradxinput", label=msg("Gradient × input"), family="gradient",
    paper="Shrikumar, Greenside, Shcherbina, Kundaje. Not Just a Black Box: Learning Important Features "
          "Through Propagating Activation Differences. arXiv:1605.01713, 2016.",
    needs_layer=False, signed=True, cost=msg("1 forward + 1 backward (shared)"), shared=frozenset({"input:plain"}),
), weight=lambda opts, shape: 0.1)
def _run_gradxinput(ctx: MethodContext) -> AttributionMap:
    """Gradient × input: ``x ⊙ ∂y/∂x`` per channel (captum's InputXGradient), summed over channels."""
    assert ctx.shared is not None
    attr = ctx.shared.input_grads["plain"] * ctx.x.detach()[0].to(ctx.shared.input_grads["plain"].dtype)
    return _gradient_map(ctx, attr, signed=True, forward_passes=1, backward_passes=1, reduce="sum")


def _relu_notes(ctx: MethodContext) -> list[str]:
    assert ctx.shared is not None
    notes = []
    if ctx.shared.relus == 0:
        notes.append("The model has no ReLU on the way to the target, so this map is the plain gradient.")
    other = other_activations_note(ctx.model)
    if other:
        notes.append(other)
    return notes


@register_method(MethodInfo(
    name="guidedbackprop", label=msg("Guided backprop"), family="gradient",
    paper="Springenberg, Dosovitskiy, Brox, Riedmiller. Striving for Simplicity: The All Convolutional Net. "
          "ICLR Workshop 2015.",
    needs_layer=False, signed=False, cost=msg("1 backward (shares the forward pass)"),
    shared=frozenset({"input:guided"}),
), weight=lambda opts, shape: 0.1)
def _run_guided(ctx: MethodContext) -> AttributionMap:
    """Guided backpropagation (Springenberg et al. 2015): at every ReLU the gradient passes only where
    both the forward input and the incoming gradient are positive, ``R_l = 1[f_l > 0] · 1[R_{l+1} > 0] · R_{l+1}``."""
    assert ctx.shared is not None
    return _gradient_map(ctx, ctx.shared.input_grads["guided"], signed=False, notes=_relu_notes(ctx),
                         forward_passes=1, backward_passes=1)


@register_method(MethodInfo(
    name="deconvnet", label=msg("Deconvnet"), family="gradient",
    paper="Zeiler, Fergus. Visualizing and Understanding Convolutional Networks. ECCV 2014.",
    needs_layer=False, signed=False, cost=msg("1 backward (shares the forward pass)"),
    shared=frozenset({"input:deconv"}),
), weight=lambda opts, shape: 0.1)
def _run_deconvnet(ctx: MethodContext) -> AttributionMap:
    """Deconvnet projection (Zeiler & Fergus 2014, §2.1): the signal goes back through transposed
    filters, max-pooling switches, and a ReLU applied to the *backward* signal,
    ``R_l = ReLU(R_{l+1})``, whatever the forward input was. Transposed filters and switches are
    exactly what the gradient does; only the ReLU rule differs."""
    assert ctx.shared is not None
    return _gradient_map(ctx, ctx.shared.input_grads["deconv"], signed=False, notes=_relu_notes(ctx),
                         forward_passes=1, backward_passes=1)


# --------------------------------------------------------------------------- batched methods


def batched_input_gradients(
    ctx: MethodContext,
    make_batch: Callable[[int, int], Tensor],
    n: int,
    batch_size: int,
    consume: Callable[[int, Tensor], None],
    label: str,
) -> None:
    """Input gradients of the target for ``n`` images, built ``batch_size`` at a time.

    ``make_batch(start, stop)`` returns images ``start:stop`` [b, C, H, W];
    ``consume(start, grads)`` receives their gradients. Checks ``cancel``
    between batches and reports progress.
    """
    with eval_mode(ctx.model), scoring(ctx.model, ctx.target, ctx.resolved.class_index) as scorer:
        for start in range(0, n, batch_size):
            ctx.check()
            stop = min(n, start + batch_size)
            with torch.enable_grad():
                xb = make_batch(start, stop).detach().requires_grad_(True)
                s = scorer.scores(forward(ctx.model, xb))
                check_finite(s.detach(), "the target's score")
                (g,) = torch.autograd.grad(s.sum(), xb)
            check_finite(g, "the gradients at the input")
            consume(start, g.detach())
            del xb, s, g
            ctx.progress(stop / n, f"{label}: {stop}/{n}")


def _noise(shape: tuple[int, ...], seed: int, like: Tensor) -> Tensor:
    gen = torch.Generator().manual_seed(int(seed))
    return torch.randn(shape, generator=gen, dtype=torch.float32).to(device=like.device, dtype=like.dtype)


@register_method(MethodInfo(
    name="smoothgrad", label="SmoothGrad", family="gradient",
    paper="Smilkov, Thorat, Kim, Viégas, Wattenberg. SmoothGrad: removing noise by adding noise. "
          "ICML Workshop 2017.",
    needs_layer=False, signed=False, cost=msg("one forward + backward per sample (batched)"),
    options=(
        OptionInfo("samples", 8, "noisy copies averaged", minimum=1, maximum=10000),
        OptionInfo("noise_level", 0.15, "noise σ as a fraction of the input's range (paper: 10–20 %)",
                   minimum=0.0, maximum=10.0),
        OptionInfo("batch_size", 16, "images per forward/backward pass", minimum=1),
        OptionInfo("seed", 0, "seed of the noise (same seed, same map)", minimum=0),
    ),
), weight=lambda opts, shape: float(opts["samples"]))
def _run_smoothgrad(ctx: MethodContext) -> AttributionMap:
    """SmoothGrad (Smilkov et al. 2017) of the saliency map.

    ``n`` copies ``x + ε_i``, ``ε_i ~ N(0, σ²)`` with ``σ = noise_level · (max x − min x)``;
    ``channels`` is the mean of ``|∂y/∂x|`` over them (captum's NoiseTunnel on
    Saliency, nt_type="smoothgrad") and ``map`` its maximum over channels.
    The noise is drawn on the CPU from ``torch.Generator().manual_seed(seed)``
    as one [n, C, H, W] tensor, so a map is reproducible.
    """
    o = ctx.options
    x = ctx.x.detach()
    n, bs = int(o["samples"]), int(o["batch_size"])
    sigma = float(o["noise_level"]) * float(x.max() - x.min())
    noise = _noise((n, *x.shape[1:]), o["seed"], x) * sigma
    total = torch.zeros_like(x[0])

    def consume(start: int, g: Tensor) -> None:
        total.add_(g.abs().sum(0))

    batched_input_gradients(ctx, lambda a, b: x + noise[a:b], n, bs, consume, "SmoothGrad")
    mean_abs = total / n
    return _gradient_map(ctx, mean_abs, signed=False, forward_passes=n, backward_passes=n,
                         extras={"sigma": sigma, "samples": n})


def ig_alphas(steps: int, method: str) -> tuple[np.ndarray, np.ndarray]:
    """Points α in [0, 1] and their weights for the path integral.

    ``gausslegendre``: Gauss–Legendre nodes and weights mapped from [-1, 1]
    to [0, 1] (captum's default, same numbers); ``riemann_middle``: the
    midpoints ``(i + ½)/steps``, weight ``1/steps`` (captum's, same);
    ``riemann_trapezoid``: the textbook trapezoid rule on ``steps`` evenly
    spaced points from 0 to 1, spacing ``1/(steps − 1)``. (captum's
    "riemann_trapezoid" weighs its points by ``1/steps``, so its weights sum
    to ``1 − 1/steps`` and its attributions come out that much too small.)
    """
    if method == "gausslegendre":
        nodes, weights = np.polynomial.legendre.leggauss(steps)
        return 0.5 * (1 + nodes), 0.5 * weights
    if method == "riemann_middle":
        return (np.arange(steps) + 0.5) / steps, np.full(steps, 1.0 / steps)
    if method == "riemann_trapezoid":
        if steps < 2:
            raise ConfigError("ig: the trapezoid rule needs at least 2 steps.")
        alphas = np.linspace(0.0, 1.0, steps)
        weights = np.full(steps, 1.0 / (steps - 1))
        weights[[0, -1]] /= 2
        return alphas, weights
    raise ConfigError(f"ig: unknown method {method!r}")


def ig_baseline(x: Tensor, kind: str, *, sigma: float = 0.0, seed: int = 0,
                mean: tuple[float, ...] = (), std: tuple[float, ...] = ()) -> Tensor:
    """The baseline image x' for Integrated Gradients, same shape as ``x``.

    ``zeros``: all zeros in the model's (normalised) input space, the
    dataset's mean colour for an ImageNet-normalised model (captum's
    default); ``black``: pixel value 0 normalised, ``(0 − mean) / std`` per
    channel (with no mean/std given the input is taken as unnormalised, so
    black is zeros); ``blur``: ``x`` blurred by a Gaussian of ``sigma`` px
    (0: max(H, W)/20), as in Sturmfels, Lundberg & Lee, Distill 2020;
    ``uniform``: uniform noise between the input's min and max, seeded.
    """
    if kind == "zeros":
        return torch.zeros_like(x)
    if kind == "black":
        c = x.shape[1]
        m = torch.tensor(mean or (0.0,) * c, dtype=x.dtype, device=x.device)
        s = torch.tensor(std or (1.0,) * c, dtype=x.dtype, device=x.device)
        if m.numel() != c or s.numel() != c or bool((s == 0).any()):
            raise ConfigError(f"ig: input_mean and input_std need {c} values each (std not 0).")
        return ((0 - m) / s).view(1, c, 1, 1).expand_as(x).clone()
    if kind == "blur":
        return gaussian_blur(x, sigma if sigma > 0 else default_blur_sigma(x))
    if kind == "uniform":
        gen = torch.Generator().manual_seed(int(seed))
        u = torch.rand(tuple(x.shape), generator=gen, dtype=torch.float32).to(device=x.device, dtype=x.dtype)
        lo, hi = x.min(), x.max()
        return lo + u * (hi - lo)
    raise ConfigError(f"ig: unknown baseline {kind!r}")


@register_method(MethodInfo(
    name="ig", label=msg("Integrated Gradients"), family="gradient",
    paper="Sundararajan, Taly, Yan. Axiomatic Attribution for Deep Networks. ICML 2017.",
    needs_layer=False, signed=True, cost=msg("one forward + backward per step (batched), plus one forward of the baseline"),
    options=(
        OptionInfo("steps", 10, "points on the path from the baseline to the image (Gauss–Legendre is exact "
                   "for polynomials of degree < 2·steps)", minimum=1, maximum=10000),
        OptionInfo("baseline", "zeros", "zeros (normalised space) | black | blur | uniform",
                   choices=("zeros", "black", "blur", "uniform")),
        OptionInfo("integration", "gausslegendre", "quadrature rule (captum's 'method')",
                   choices=("gausslegendre", "riemann_middle", "riemann_trapezoid")),
        OptionInfo("batch_size", 16, "images per forward/backward pass", minimum=1),
        OptionInfo("blur_sigma", 0.0, "blur baseline's σ in pixels (0: max(H, W)/20)", minimum=0.0),
        OptionInfo("seed", 0, "seed of the uniform baseline", minimum=0),
        OptionInfo("input_mean", (), "per-channel mean the input was normalised with (for 'black')"),
        OptionInfo("input_std", (), "per-channel std the input was normalised with (for 'black')"),
    ),
), weight=lambda opts, shape: float(opts["steps"]) + 0.3)
def _run_ig(ctx: MethodContext) -> AttributionMap:
    """Integrated Gradients (Sundararajan et al. 2017).

    ``attr = (x − x') ⊙ ∫₀¹ ∂y/∂x (x' + α (x − x')) dα``, the integral by
    ``steps``-point quadrature (``integration`` is captum's ``method``, ``steps`` its ``n_steps``). By
    completeness ``Σ attr = y(x) − y(x')``; the map reports
    ``completeness_error = |Σ attr − (y(x) − y(x'))|`` (and relative to
    ``|y(x) − y(x')|``), which shrinks as ``steps`` grows.
    """
    o = ctx.options
    x = ctx.x.detach()
    baseline = ig_baseline(x, o["baseline"], sigma=float(o["blur_sigma"]), seed=int(o["seed"]),
                           mean=tuple(o["input_mean"]), std=tuple(o["input_std"]))
    alphas, weights = ig_alphas(int(o["steps"]), o["integration"])
    a = torch.tensor(alphas, dtype=x.dtype, device=x.device)
    w = torch.tensor(weights, dtype=torch.float64, device=x.device)
    diff = x - baseline
    total = torch.zeros(x.shape[1:], dtype=torch.float64, device=x.device)

    def consume(start: int, g: Tensor) -> None:
        ws = w[start:start + len(g)].view(-1, 1, 1, 1)
        total.add_((g.double() * ws).sum(0))

    n = len(alphas)
    batched_input_gradients(ctx, lambda s, e: baseline + a[s:e].view(-1, 1, 1, 1) * diff,
                            n, int(o["batch_size"]), consume, "Integrated Gradients")
    attr = (diff[0].double() * total).float()
    with eval_mode(ctx.model), scoring(ctx.model, ctx.target, ctx.resolved.class_index) as scorer, \
            torch.no_grad():
        ends = scorer.scores(forward(ctx.model, torch.cat([x, baseline])))
    check_finite(ends, "the target's score on the baseline")
    expected = float(ends[0]) - float(ends[1])
    delta = float(attr.double().sum()) - expected
    rel = abs(delta) / abs(expected) if expected != 0 else float("inf") if delta else 0.0
    notes = [f"Attributions sum to {expected + delta:.4g}; f(x) − f(baseline) = {expected:.4g}; "
             f"completeness error {abs(delta):.3g}."]
    if rel > 0.05:
        notes.append("The completeness error is above 5 %: raise 'steps' for a more exact integral.")
    extras = {"completeness_error": abs(delta), "completeness_relative": rel, "delta": delta,
              "score_input": float(ends[0]), "score_baseline": float(ends[1]), "baseline": o["baseline"],
              "steps": n}
    return _gradient_map(ctx, attr, signed=True, notes=notes, extras=extras, forward_passes=n + 2,
                         backward_passes=n, reduce="sum")
