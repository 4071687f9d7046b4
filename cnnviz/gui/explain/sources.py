"""Numbers from the rest of the app: an image patch, a real layer's kernel (defensive)."""

from __future__ import annotations

from typing import Any

import numpy as np

from cnnviz.core.explain import ExplainError


def first_conv(session: Any) -> tuple[str, Any] | None:
    """(name, layer) of the first ``nn.Conv2d`` of ``session.model``, or None.

    ``session`` may be None, an Inspect session (with a ``.model``), or a bare
    ``nn.Module``; anything else gives None.
    """
    from torch import nn

    model = session if isinstance(session, nn.Module) else getattr(session, "model", None)
    if not isinstance(model, nn.Module):
        return None
    for name, module in model.named_modules():
        if isinstance(module, nn.Conv2d) and module.weight.dim() == 4:
            return name, module
    return None


def image_patch(image: Any, shape: tuple[int, int, int]) -> np.ndarray:
    """The (C, H, W) patch at the centre of a PreparedImage's tensor, rounded to 2 decimals.

    Channels repeat when the image has fewer than asked for.
    """
    tensor = getattr(image, "tensor", None)
    if tensor is None:
        raise ExplainError("No image is open.")
    arr = tensor.detach().float().cpu().numpy()[0]
    c, h, w = shape
    if arr.shape[1] < h or arr.shape[2] < w:
        raise ExplainError(f"The image ({arr.shape[1]}×{arr.shape[2]}) is smaller than the {h}×{w} grid.")
    y0, x0 = (arr.shape[1] - h) // 2, (arr.shape[2] - w) // 2
    chans = [arr[i % arr.shape[0], y0 : y0 + h, x0 : x0 + w] for i in range(c)]
    return np.round(np.stack(chans).astype(np.float64), 2)
