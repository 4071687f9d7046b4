"""The CAM family: class activation maps of a convolutional layer, and heat-map overlays.

:func:`grad_cam` is the Inspect tab's Grad-CAM (Selvaraju et al., ICCV 2017)
with its :class:`CamResult`. For a layer with activations ``A`` (K channels,
h×w) and a class score ``y_c``, Grad-CAM weighs each channel by the mean of
its gradient, ``α_k = mean_ij ∂y_c/∂A_k(i, j)``, and keeps the positive part
of the weighted sum, ``ReLU(Σ_k α_k A_k)``. The map is upsampled (bilinear)
to the input size and scaled so its maximum is 1. Its activations come from
:func:`cnnviz.core.probe.capture` (cloned at the hook, so an in-place ReLU
after a convolution does not change them); its gradients come from a tensor
hook registered on the same call's output, which PyTorch keeps pointed at
the pre-in-place value.

The registered methods (``gradcam``, ``gradcampp``, ``hirescam``,
``xgradcam``, ``layercam``, ``scorecam``, ``eigencam``) share one forward
pass and one backward pass to the layer (:mod:`.passes`). Conventions, the
same as pytorch-grad-cam's and torch-cam's so the maps agree with theirs:

- the score is the class *logit* (before softmax), as in the papers;
- every map is ReLU'd at the layer's resolution, then upsampled bilinearly
  with ``align_corners=False`` (cv2.resize's INTER_LINEAR) to the input;
- :meth:`AttributionMap.normalized` min-max scales with the layer map's
  min and max, which equals pytorch-grad-cam's normalise-then-resize;
- the layer's *true* output is used even where a later in-place op
  overwrites it (see :mod:`.layers`); a note then gives how far the
  libraries' map, computed from the overwritten values, would differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from cnnviz.core.attribution.layers import check_spatial
from cnnviz.core.attribution.passes import check_finite
from cnnviz.core.attribution.registry import (
    AttributionMap,
    MethodContext,
    MethodInfo,
    OptionInfo,
    register_method,
)
from cnnviz.core.attribution.targets import scoring
from cnnviz.core.errors import ModelError
from cnnviz.core.messages import msg
from cnnviz.core.probe import capture, eval_mode, first_tensor, forward
from cnnviz.core.render import DEFAULT_COLORMAP, apply_colormap


@dataclass(frozen=True)
class CamResult:
    """A Grad-CAM map for one layer and one class."""

    layer: str
    class_index: int
    score: float  # the class score (logit) the gradients were taken of
    heat: np.ndarray  # float32 (H, W) in [0, 1] at the input resolution
    layer_map: np.ndarray  # float32 (h, w): ReLU(Σ α_k A_k) before upsampling and scaling
    weights: np.ndarray  # float32 (K,): α_k, one per channel


def _split_key(key: str) -> tuple[str, int]:
    name, _, call = key.partition("#")
    return name, int(call) if call else 1


def grad_cam(model: nn.Module, x: Tensor, layer: str, class_index: int | None = None) -> CamResult:
    """Grad-CAM of ``layer`` (a summary key, ``name`` or ``name#k``) for one image.

    ``x`` is a [1, C, H, W] input; ``class_index`` None takes the top class.
    Raises :class:`ModelError` when the layer has no spatial output or does
    not influence the class score (e.g. an auxiliary head).
    """
    name, call = _split_key(layer)
    modules = dict(model.named_modules())
    if name not in modules:
        raise ModelError(f"Unknown layer {layer!r}.")
    grads: list[Tensor] = []
    seen = 0

    def hook(module: nn.Module, args: tuple[object, ...], output: object) -> None:
        nonlocal seen
        seen += 1
        t = first_tensor(output)
        if seen == call and t is not None and t.requires_grad:
            t.register_hook(lambda g: grads.append(g.detach().clone()))

    handle = modules[name].register_forward_hook(hook)
    try:
        inp = x.detach().clone().requires_grad_(True)
        result = capture(model, inp, [layer], grad=True)
    finally:
        handle.remove()
    act = result.get(layer)
    logits = result.output
    if act is None:
        raise ModelError(f"Layer {layer!r} did not run in this forward pass.")
    if act.dim() != 4:
        raise ModelError(
            f"Layer {layer!r} has no spatial output ({list(act.shape[1:])}); "
            "Grad-CAM needs a convolution or pooling layer."
        )
    if logits is None or logits.dim() != 2:
        raise ModelError("Grad-CAM needs a model that outputs class scores [1, N].")
    c = int(logits[0].argmax()) if class_index is None else int(class_index)
    score = logits[0, c]
    torch.autograd.grad(score, inp, allow_unused=True)
    if not grads:
        raise ModelError(f"The class score does not depend on layer {layer!r}.")
    g = grads[-1][0].float()
    a = act.detach()[0].float()
    alpha = g.mean(dim=(1, 2))
    layer_map = torch.relu((alpha[:, None, None] * a).sum(0))
    up = F.interpolate(layer_map[None, None], size=tuple(x.shape[-2:]), mode="bilinear", align_corners=False)[0, 0]
    peak = float(up.max())
    heat = (up / peak if peak > 0 else up).clamp_(0, 1)
    return CamResult(
        layer=layer,
        class_index=c,
        score=float(score.detach()),
        heat=heat.cpu().numpy().astype(np.float32),
        layer_map=layer_map.cpu().numpy().astype(np.float32),
        weights=alpha.cpu().numpy().astype(np.float32),
    )


def heat_rgba(heat: np.ndarray, colormap: str = DEFAULT_COLORMAP, max_alpha: int = 190) -> np.ndarray:
    """A [0, 1] heat map as uint8 RGBA (H, W, 4) whose opacity grows with the heat.

    Laid over an image it shows where the heat is without hiding the image
    where there is none.
    """
    h = np.clip(np.nan_to_num(np.asarray(heat, dtype=np.float32)), 0.0, 1.0)
    rgba = np.empty((*h.shape, 4), dtype=np.uint8)
    rgba[..., :3] = apply_colormap(h, colormap)
    rgba[..., 3] = np.rint(np.sqrt(h) * max_alpha).astype(np.uint8)
    return rgba


# --------------------------------------------------------------------------- the registered CAM family

GRADIENT_CAMS = ("gradcam", "gradcampp", "hirescam", "xgradcam", "layercam")


def cam_layer_map(method: str, activation: Tensor, gradient: Tensor) -> tuple[Tensor, Tensor | None]:
    """ReLU'd map (h, w) of a gradient CAM from A and ∂y/∂A, both (K, h, w), and its channel weights.

    - ``gradcam`` (Selvaraju et al. 2017): ``w_k = mean_ij g_k(i, j)``.
    - ``gradcampp`` (Chattopadhay et al. 2018, eq. 19 with the exponential
      score, whose factor exp(S) is the same for every channel and drops out
      after normalisation): ``α_k(i, j) = g² / (2 g² + Σ_ab A_k(a, b) · g³)``
      (0 where g = 0), ``w_k = Σ_ij α_k(i, j) · ReLU(g_k(i, j))``; ε = 1e-6
      in the denominator as in pytorch-grad-cam. (torch-cam sums
      ``A · g³`` inside the spatial sum instead; we follow the paper.)
    - ``hirescam`` (Draelos & Carin 2020): ``Σ_k g_k ⊙ A_k`` (no averaging).
    - ``xgradcam`` (Fu et al. 2020): ``w_k = Σ_ij g_k(i, j) · A_k(i, j) / (Σ_ab A_k(a, b) + ε)``, ε = 1e-7.
    - ``layercam`` (Jiang et al. 2021): ``Σ_k ReLU(g_k) ⊙ A_k``.

    Each is ReLU'd. HiResCAM and LayerCAM have no channel weights (None).
    """
    a, g = activation.float(), gradient.float()
    weights: Tensor | None
    if method == "gradcam":
        weights = g.mean(dim=(1, 2))
    elif method == "gradcampp":
        g2 = g * g
        g3 = g2 * g
        sum_a = a.sum(dim=(1, 2))[:, None, None]
        alpha = torch.where(g != 0, g2 / (2 * g2 + sum_a * g3 + 1e-6), torch.zeros_like(g))
        weights = (alpha * torch.relu(g)).sum(dim=(1, 2))
    elif method == "xgradcam":
        sum_a = a.sum(dim=(1, 2))[:, None, None]
        weights = (g * a / (sum_a + 1e-7)).sum(dim=(1, 2))
    elif method == "hirescam":
        return torch.relu((g * a).sum(0)), None
    elif method == "layercam":
        return torch.relu((torch.relu(g) * a).sum(0)), None
    else:
        raise ValueError(f"not a gradient CAM: {method!r}")
    return torch.relu((weights[:, None, None] * a).sum(0)), weights


def eigen_cam_layer_map(activation: Tensor) -> Tensor:
    """Eigen-CAM (Muhammad & Yeasin, IJCNN 2020): the activations projected on their first principal component.

    The (h·w, K) matrix of activations is centred per channel (as
    pytorch-grad-cam does: without it the first component is mostly the
    mean), its first right singular vector ``v`` gives the projection
    ``A·v`` per position, ReLU'd. The sign of a singular vector is arbitrary
    (pytorch-grad-cam keeps whatever LAPACK returns, so its map can come out
    as the complement); here it is chosen so that the projection correlates
    positively with the summed activation, i.e. points at where the layer fires.
    """
    a = activation.double()
    k, h, w = a.shape
    m = a.reshape(k, h * w).T
    m = m - m.mean(dim=0, keepdim=True)
    _, _, vh = torch.linalg.svd(m, full_matrices=False)
    proj = m @ vh[0]
    total = a.reshape(k, h * w).sum(0)
    if float((proj * (total - total.mean())).sum()) < 0:
        proj = -proj
    return torch.relu(proj.reshape(h, w)).float()


def upsample_map(layer_map: Tensor, size: tuple[int, int]) -> Tensor:
    """(h, w) -> (H, W) by bilinear interpolation with ``align_corners=False`` (cv2's INTER_LINEAR)."""
    if tuple(layer_map.shape[-2:]) == tuple(size):
        return layer_map.clone()
    return F.interpolate(layer_map[None, None].float(), size=size, mode="bilinear", align_corners=False)[0, 0]


def _minmax(t: Tensor) -> Tensor:
    lo, hi = t.min(), t.max()
    return (t - lo) / (hi - lo) if float(hi - lo) > 0 else torch.zeros_like(t)


def library_difference(ours: Tensor, theirs: Tensor, size: tuple[int, int]) -> float:
    """Max |difference| of two layer maps after each is min-max normalised and upsampled to ``size``."""
    return float((upsample_map(_minmax(ours), size) - upsample_map(_minmax(theirs), size)).abs().max())


def _overwrite_note(ctx: MethodContext, layer: str, theirs: Tensor | None, ours: Tensor) -> tuple[list[str], dict[str, Any]]:
    shared = ctx.shared
    assert shared is not None
    if layer in shared.unprotected:
        return [f"Layer {layer!r} is overwritten in place later in the forward pass and returns no plain "
                "tensor, so the map uses the overwritten values."], {}
    if layer not in shared.overwritten:
        return [], {}
    if theirs is None:
        return [f"Layer {layer!r} is overwritten in place later in the forward pass (for example by an "
                "in-place ReLU); cnnviz uses the layer's true output, libraries that read the overwritten "
                "tensor (pytorch-grad-cam, torch-cam) do not."], {}
    diff = library_difference(ours, theirs, (int(ctx.x.shape[-2]), int(ctx.x.shape[-1])))
    if diff < 0.005:  # HiResCAM, LayerCAM: ∂y/∂A is 0 wherever the ReLU changed A, so the maps agree
        return [], {"library_difference": diff}
    return [f"Layer {layer!r} is overwritten in place later in the forward pass (for example by an in-place "
            "ReLU). cnnviz uses the layer's true output; libraries that read the overwritten tensor "
            f"(pytorch-grad-cam, torch-cam) would show a map that differs by up to {diff:.2f} after "
            "normalisation."], {"library_difference": diff}


def _cam_map(ctx: MethodContext, layer_map: Tensor, notes: list[str], extras: dict[str, Any], *,
             forward_passes: int, backward_passes: int, weights: Tensor | None = None) -> AttributionMap:
    check_finite(layer_map, "the map")
    up = upsample_map(layer_map, (int(ctx.x.shape[-2]), int(ctx.x.shape[-1])))
    if weights is not None:
        extras = {**extras, "channel_weights": weights.detach().cpu().numpy().astype(np.float32)}
    return AttributionMap(
        method=ctx.method,
        map=up.cpu().numpy().astype(np.float32),
        target=ctx.resolved,
        layer=ctx.layer,
        signed=False,
        layer_map=layer_map.detach().cpu().numpy().astype(np.float32),
        notes=tuple(notes),
        extras=extras,
        forward_passes=forward_passes,
        backward_passes=backward_passes,
    )


def _layer_activation(ctx: MethodContext) -> Tensor:
    assert ctx.shared is not None and ctx.layer is not None
    act = ctx.shared.activations[ctx.layer]
    check_spatial(ctx.layer, act[None])
    return act


_PAPERS = {
    "gradcam": "Selvaraju, Cogswell, Das, Vedantam, Parikh, Batra. Grad-CAM: Visual Explanations from Deep "
               "Networks via Gradient-based Localization. ICCV 2017.",
    "gradcampp": "Chattopadhay, Sarkar, Howlader, Balasubramanian. Grad-CAM++: Generalized Gradient-Based Visual "
                 "Explanations for Deep Convolutional Networks. WACV 2018.",
    "hirescam": "Draelos, Carin. Use HiResCAM instead of Grad-CAM for faithful explanations of convolutional "
                "neural networks. arXiv:2011.08891, 2020.",
    "xgradcam": "Fu, Hu, Dong, Hou, Wang, Chen. Axiom-based Grad-CAM: Towards Accurate Visualization and "
                "Explanation of CNNs. BMVC 2020.",
    "layercam": "Jiang, Zhang, Hou, Cheng, Wei. LayerCAM: Exploring Hierarchical Class Activation Maps for "
                "Localization. IEEE TIP 2021.",
    "scorecam": "Wang, Wang, Du, Yang, Zhang, Ding, Mardziel, Hu. Score-CAM: Score-Weighted Visual Explanations "
                "for Convolutional Neural Networks. CVPR Workshops 2020.",
    "eigencam": "Muhammad, Yeasin. Eigen-CAM: Class Activation Map using Principal Components. IJCNN 2020.",
}
_LABELS = {"gradcam": "Grad-CAM", "gradcampp": "Grad-CAM++", "hirescam": "HiResCAM", "xgradcam": "XGrad-CAM",
           "layercam": "LayerCAM", "scorecam": "Score-CAM", "eigencam": "Eigen-CAM"}


def _register_gradient_cam(name: str) -> None:
    info = MethodInfo(
        name=name, label=_LABELS[name], family="cam", paper=_PAPERS[name], needs_layer=True, signed=False,
        cost=msg("1 forward + 1 backward to the layer (shared by the whole CAM family)"),
        shared=frozenset({"layer", "layer_grad"}),
    )

    @register_method(info, weight=lambda opts, shape: 0.1)
    def run(ctx: MethodContext) -> AttributionMap:
        assert ctx.shared is not None and ctx.layer is not None
        act = _layer_activation(ctx)
        grad = ctx.shared.layer_grads[ctx.layer]
        layer_map, weights = cam_layer_map(name, act, grad)
        over = ctx.shared.overwritten.get(ctx.layer)
        theirs = cam_layer_map(name, over, grad)[0] if over is not None else None
        notes, extras = _overwrite_note(ctx, ctx.layer, theirs, layer_map)
        return _cam_map(ctx, layer_map, notes, extras, forward_passes=1, backward_passes=1, weights=weights)


for _name in GRADIENT_CAMS:
    _register_gradient_cam(_name)


@register_method(MethodInfo(
    name="eigencam", label=_LABELS["eigencam"], family="cam", paper=_PAPERS["eigencam"], needs_layer=True,
    signed=False, cost=msg("1 forward pass (no gradient; the map does not depend on the target)"),
    shared=frozenset({"layer"}),
), weight=lambda opts, shape: 0.1)
def _run_eigencam(ctx: MethodContext) -> AttributionMap:
    assert ctx.shared is not None and ctx.layer is not None
    act = _layer_activation(ctx)
    layer_map = eigen_cam_layer_map(act)
    over = ctx.shared.overwritten.get(ctx.layer)
    theirs = eigen_cam_layer_map(over) if over is not None else None
    notes, extras = _overwrite_note(ctx, ctx.layer, theirs, layer_map)
    notes.append("Eigen-CAM does not depend on the target: it shows the layer's dominant pattern.")
    return _cam_map(ctx, layer_map, notes, extras, forward_passes=1, backward_passes=0)


@register_method(MethodInfo(
    name="scorecam", label=_LABELS["scorecam"], family="cam", paper=_PAPERS["scorecam"], needs_layer=True,
    signed=False, cost=msg("1 forward pass per channel of the layer (batched)"),
    options=(
        OptionInfo("batch_size", 32, "masked images per forward pass", minimum=1),
        OptionInfo("weighting", "channel_softmax",
                   "channel_softmax: softmax over channels of the target's logit (the paper's Algorithm 1, "
                   "pytorch-grad-cam, torch-cam); probability: the target's softmax probability per "
                   "masked image (the authors' code)", choices=("channel_softmax", "probability")),
    ),
    shared=frozenset({"layer"}),
), weight=lambda opts, shape: 64 / 3.0)  # about one forward per channel; the count is known only later
def _run_scorecam(ctx: MethodContext) -> AttributionMap:
    assert ctx.shared is not None and ctx.layer is not None
    act = _layer_activation(ctx)
    weights, forwards = score_cam_weights(ctx, act)
    layer_map = torch.relu((weights[:, None, None] * act.float()).sum(0))
    notes, extras = _overwrite_note(ctx, ctx.layer, None, layer_map)
    return _cam_map(ctx, layer_map, notes, extras, forward_passes=1 + forwards, backward_passes=0,
                    weights=weights)


def score_cam_weights(ctx: MethodContext, activation: Tensor) -> tuple[Tensor, int]:
    """Score-CAM's channel weights and the number of masked images it ran.

    Each channel, upsampled (bilinear) and min-max scaled to [0, 1], masks
    the input (``x ⊙ M_k``); the masked images run in batches. With
    ``weighting="channel_softmax"`` the weights are the softmax over
    channels of the target's logit on each masked image (the baseline's
    logit of the paper cancels in the softmax); with ``"probability"`` they
    are the target's softmax probability on each. A unit target uses its
    activation. A constant channel gives an all-zero mask, as in the libraries.
    """
    opts = ctx.options
    k = activation.shape[0]
    size = tuple(ctx.x.shape[-2:])
    bs = int(opts.get("batch_size", 32))
    kind = "logit" if opts.get("weighting", "channel_softmax") == "channel_softmax" else "probability"
    x = ctx.x.detach()
    scores: list[Tensor] = []
    class_index = ctx.resolved.class_index
    with eval_mode(ctx.model), scoring(ctx.model, ctx.target, class_index) as scorer, torch.inference_mode():
        for start in range(0, k, bs):
            ctx.check()
            chunk = activation[start:start + bs].float()
            up = F.interpolate(chunk[None], size=size, mode="bilinear", align_corners=False)[0]
            lo = up.flatten(1).min(1).values[:, None, None]
            hi = up.flatten(1).max(1).values[:, None, None]
            span = hi - lo
            masks = torch.where(span > 0, (up - lo) / torch.where(span > 0, span, torch.ones_like(span)),
                                torch.zeros_like(up))
            batch = x * masks[:, None].to(x.dtype)
            out = forward(ctx.model, batch)
            scores.append(scorer.scores(out, kind).detach().float())  # type: ignore[arg-type]
            ctx.progress(min(1.0, (start + bs) / k), f"Score-CAM: {min(k, start + bs)}/{k} masks")
    s = torch.cat(scores)
    check_finite(s, "the scores of the masked images")
    weights = torch.softmax(s, dim=0) if kind == "logit" else s
    return weights, k
