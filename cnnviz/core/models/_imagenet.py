"""ImageNet-1k class names, for models from other zoos that predict its 1000 classes."""

from __future__ import annotations

import functools


@functools.cache
def imagenet_categories() -> tuple[str, ...]:
    """The 1000 ImageNet-1k class names in index order (torchvision's list)."""
    import torchvision.models as tvm

    return tuple(tvm.ResNet18_Weights.DEFAULT.meta["categories"])
