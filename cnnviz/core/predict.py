"""Top-k predictions with class names."""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass(frozen=True)
class Prediction:
    """One class and its softmax probability."""

    index: int
    label: str
    probability: float


def top_k(logits: Tensor, class_names: tuple[str, ...] | None, k: int = 5) -> list[Prediction]:
    """The ``k`` most probable classes of a [1, N] or [N] logit tensor."""
    flat = logits.detach().float().reshape(-1)
    probs = torch.softmax(flat, dim=0)
    k = min(k, probs.numel())
    values, indices = probs.topk(k)
    out = []
    for p, i in zip(values.tolist(), indices.tolist(), strict=True):
        label = class_names[i] if class_names and i < len(class_names) else f"class {i}"
        out.append(Prediction(index=int(i), label=label, probability=float(p)))
    return out
