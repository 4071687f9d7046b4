"""Grad-CAM (Selvaraju et al., ICCV 2017) and heat-map overlays.

For a layer with activations ``A`` (K channels, h×w) and a class score
``y_c``, Grad-CAM weighs each channel by the mean of its gradient,
``α_k = mean_ij ∂y_c/∂A_k(i, j)``, and keeps the positive part of the
weighted sum, ``ReLU(Σ_k α_k A_k)``. The map is upsampled (bilinear) to the
input size and scaled so its maximum is 1.

Activations come from :func:`cnnviz.core.probe.capture` (cloned at the hook,
so an in-place ReLU after a convolution does not change them); gradients come
from a tensor hook registered on the same call's output, which PyTorch keeps
pointed at the pre-in-place value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from cnnviz.core.errors import ModelError
from cnnviz.core.probe import capture, first_tensor
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

    def hook(module: nn.Module, args: tuple, output: object) -> None:
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
