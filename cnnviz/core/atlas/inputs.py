"""Images -> model input tensors in batches, exactly as :func:`cnnviz.core.images.prepare` does one.

``prepare`` works on one image and also makes its display picture; for an
index over thousands of images that costs as much as a small model's forward
pass. :func:`batch_inputs` runs the same torchvision operations on a stack of
same-sized images at once (images of other sizes go through ``prepare`` one
by one), so the stored activation is still the one ``cnnviz activations``
gives that image.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import torch

from cnnviz.core.images import Preprocess, prepare

if TYPE_CHECKING:
    from cnnviz.core.atlas.sources import ImageSource


def _stack_inputs(batch: torch.Tensor, pre: Preprocess) -> torch.Tensor:
    """uint8 ``(B, 3, H, W)`` -> float32 ``(B, C, h, w)``: the steps of ``prepare`` on a batch."""
    import torchvision.transforms.v2.functional as F

    x = F.to_dtype(_resized(batch, pre), torch.float32, scale=True)
    if pre.channels == 1:
        x = F.rgb_to_grayscale(x, num_output_channels=1)
    normalized: torch.Tensor = F.normalize(x, mean=list(pre.mean), std=list(pre.std))
    return normalized.contiguous()


def batch_inputs(images: Sequence[np.ndarray], pre: Preprocess) -> torch.Tensor:
    """Model inputs ``(N, C, h, w)`` for uint8 RGB images, in order (equal to ``prepare(...).tensor``)."""
    if not images:
        c = pre.channels
        return torch.zeros((0, c, *pre.crop_size), dtype=torch.float32)
    out: list[torch.Tensor | None] = [None] * len(images)
    by_shape: dict[tuple[int, ...], list[int]] = {}
    for i, rgb in enumerate(images):
        by_shape.setdefault(tuple(rgb.shape), []).append(i)
    for where in by_shape.values():
        if len(where) == 1:
            out[where[0]] = prepare(images[where[0]], pre).tensor[0]
            continue
        stack = torch.from_numpy(np.stack([images[i] for i in where])).permute(0, 3, 1, 2).contiguous()
        done = _stack_inputs(stack, pre)
        for j, i in enumerate(where):
            out[i] = done[j]
    return torch.stack(out)  # type: ignore[arg-type]


def _resized(batch: torch.Tensor, pre: Preprocess) -> torch.Tensor:
    """uint8 ``(B, 3, H, W)`` resized and cropped as ``prepare`` does, still uint8."""
    import torchvision.transforms.v2.functional as F

    interpolation = F.InterpolationMode(pre.interpolation)
    crop_h, crop_w = pre.crop_size
    out: torch.Tensor  # torchvision is untyped
    if pre.resize_size is None:
        out = F.resize(batch, [crop_h, crop_w], interpolation=interpolation, antialias=pre.antialias)
    else:
        x = F.resize(batch, [pre.resize_size], interpolation=interpolation, antialias=pre.antialias)
        out = F.center_crop(x, [crop_h, crop_w])
    return out


def model_view(rgb: np.ndarray, pre: Preprocess) -> np.ndarray:
    """What the model sees of ``rgb``: uint8 ``h×w×3`` after resizing and cropping.

    The model's input is exactly this picture scaled to [0, 1] and
    normalised (grayscale models: its luminance, shown on three channels).
    """
    import torchvision.transforms.v2.functional as F

    x = _resized(torch.from_numpy(np.ascontiguousarray(rgb)).permute(2, 0, 1)[None], pre)[0]
    if pre.channels == 1:
        gray = F.rgb_to_grayscale(x.float() / 255.0, num_output_channels=1)
        x = (gray * 255.0).round_().clamp_(0, 255).to(torch.uint8).expand(3, -1, -1)
    return np.ascontiguousarray(x.permute(1, 2, 0).numpy())


def source_input(source: ImageSource, image_id: str, pre: Preprocess) -> torch.Tensor:
    """The model input ``[1, C, h, w]`` of one image of a source (e.g. a natural exemplar's)."""
    return batch_inputs([source.read(image_id).rgb], pre)
