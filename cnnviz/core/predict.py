"""Top-k predictions with class names."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass(frozen=True)
class Prediction:
    """One class and its softmax probability (NaN when the model's output is not finite)."""

    index: int
    label: str
    probability: float
    named: bool = True  # False when the label is only "class N" (no class names known)


def top_k(logits: Tensor, class_names: tuple[str, ...] | None, k: int = 5) -> list[Prediction]:
    """The ``k`` most probable classes of a [1, N] or [N] logit tensor.

    With NaN or infinite logits no probability is meaningful: the classes
    come in index order with probability NaN (see :func:`nonfinite_note`).
    """
    flat = logits.detach().float().reshape(-1)
    k = min(k, flat.numel())
    if not bool(torch.isfinite(flat).all()):
        indices, values = list(range(k)), [math.nan] * k
    else:
        top = torch.softmax(flat, dim=0).topk(k)
        values, indices = top.values.tolist(), top.indices.tolist()
    out = []
    for p, i in zip(values, indices, strict=True):
        named = bool(class_names) and i < len(class_names or ())
        label = class_names[i] if class_names and named else f"class {i}"
        out.append(Prediction(index=int(i), label=label, probability=float(p), named=named))
    return out


def nonfinite_note(logits: Tensor | None) -> str | None:
    """A sentence when the model's output holds NaN or infinite values (None when all are finite)."""
    if logits is None:
        return None
    flat = logits.detach().float().reshape(-1)
    nan = int(torch.isnan(flat).sum())
    inf = int(torch.isinf(flat).sum())
    if not nan and not inf:
        return None
    parts = [f"{nan} NaN" if nan else "", f"{inf} infinite" if inf else ""]
    return (f"The model's output is not a number everywhere ({' and '.join(p for p in parts if p)} of "
            f"{flat.numel()} values), so no class probability can be computed. Its weights or input may be broken.")
