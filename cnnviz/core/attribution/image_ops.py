"""Small tensor operations the methods and metrics share: Gaussian blur, baselines."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor


def gaussian_blur(x: Tensor, sigma: float) -> Tensor:
    """``x`` [N, C, H, W] blurred by a separable Gaussian of ``sigma`` pixels (edges replicated).

    The kernel reaches 3σ each side (truncated at the image size), as
    scipy's and OpenCV's defaults roughly do; sigma <= 0 returns a copy.
    """
    if sigma <= 0:
        return x.clone()
    h, w = x.shape[-2:]
    radius = max(1, min(int(math.ceil(3 * sigma)), max(h, w)))
    t = torch.arange(-radius, radius + 1, dtype=torch.float64)
    k = torch.exp(-0.5 * (t / sigma) ** 2)
    k = (k / k.sum()).to(x.dtype).to(x.device)
    c = x.shape[1]
    y = F.pad(x, (radius, radius, 0, 0), mode="replicate")
    y = F.conv2d(y, k.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
    y = F.pad(y, (0, 0, radius, radius), mode="replicate")
    return F.conv2d(y, k.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)


def default_blur_sigma(x: Tensor) -> float:
    """A blur that removes detail but keeps the layout: max(H, W) / 20 pixels (11 px at 224)."""
    return max(x.shape[-2:]) / 20.0
