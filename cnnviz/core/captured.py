"""The captured layer outputs of one forward pass, some of them computed on first read.

Capturing every leaf of a network keeps every output alive, and each kept
tensor is memory the next layer cannot reuse. Most of that is unavoidable,
but one case is pure waste: in ``conv → BatchNorm → ReLU(inplace=True)`` the
ReLU overwrites the BatchNorm output, so keeping that output meant copying
it, although it is a cheap, deterministic function of the convolution output
that is kept anyway. :class:`BatchNormReplay` keeps that recipe instead and
:class:`CapturedLayers` runs it the first time the layer is read. The replay
calls the same kernel on the same tensor with the same statistics, so the
result is bit-identical to the output the layer produced (a test checks it
with ``torch.equal``).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.nn.modules import module as _module_mod

# Exact types only: a subclass may override forward with something else.
_REPLAYABLE = (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)


@dataclass(frozen=True)
class BatchNormReplay:
    """Recomputes an eval-mode BatchNorm output from its (kept, unmodified) input."""

    source: Tensor
    source_version: int
    stats: Tensor  # running_mean, running_var[, weight, bias] stacked: a snapshot
    affine: bool
    eps: float

    @property
    def device(self) -> torch.device:
        """Where the replayed tensor will live."""
        return self.source.device

    def __call__(self) -> Tensor:
        if self.source._version != self.source_version:
            raise RuntimeError(
                "A layer output of this capture was changed in place after the capture, so a BatchNorm "
                "output computed from it cannot be recovered; treat captured tensors as read-only "
                "(clone one to change it) and capture again."
            )
        weight = self.stats[2] if self.affine else None
        bias = self.stats[3] if self.affine else None
        with torch.no_grad():
            return F.batch_norm(self.source, self.stats[0], self.stats[1], weight, bias, False, 0.0, self.eps)


def batch_norm_replay(module: nn.Module, args: tuple[object, ...], output: Tensor) -> BatchNormReplay | None:
    """A replay of ``module``'s call if it is a plain eval-mode BatchNorm, else None.

    Only modules whose only forward hook is the probe's qualify (another hook
    could have changed the output), and only with running statistics, so the
    replay is exactly the forward the module ran.
    """
    # isinstance for the type checker; the exact-type test is the rule
    if not isinstance(module, _REPLAYABLE) or type(module) not in _REPLAYABLE or module.training or len(module._forward_hooks) != 1:
        return None
    if "forward" in module.__dict__ or _global_forward_hooks():  # something else shaped the output
        return None
    mean, var = module.running_mean, module.running_var
    if mean is None or var is None or not args or not isinstance(args[0], Tensor):
        return None
    if (module.weight is None) != (module.bias is None):  # a half-affine BatchNorm someone edited
        return None
    source = args[0].detach()
    if source.shape != output.shape or source.dtype != output.dtype or source.device != output.device:
        return None
    affine = module.weight is not None and module.bias is not None
    parts = [mean, var, module.weight, module.bias] if affine else [mean, var]
    if any(p.dtype != parts[0].dtype for p in parts):
        return None
    stats = torch.stack([p.detach() for p in parts])
    return BatchNormReplay(source, source._version, stats, affine, float(module.eps))


def _global_forward_hooks() -> bool:
    """True if hooks registered with ``register_module_forward_hook`` may change any module's output."""
    return bool(getattr(_module_mod, "_global_forward_hooks", None))


class CapturedLayers(MutableMapping[str, Tensor]):
    """Layer key → captured output, in capture order; replays run on first read and are kept."""

    def __init__(self) -> None:
        self._items: dict[str, Tensor | BatchNormReplay] = {}

    def __getitem__(self, key: str) -> Tensor:
        value = self._items[key]
        if isinstance(value, BatchNormReplay):
            value = value()
            self._items[key] = value  # also drops the replay's reference to its input
        return value

    def __setitem__(self, key: str, value: Tensor) -> None:
        self._items[key] = value

    def __delitem__(self, key: str) -> None:
        del self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"CapturedLayers({list(self._items)})"

    def defer(self, key: str, replay: BatchNormReplay) -> None:
        """Store ``key`` as a replay, computed when first read."""
        self._items[key] = replay

    def is_deferred(self, key: str) -> bool:
        """True while ``key`` has not been read yet and is kept as a replay."""
        return isinstance(self._items.get(key), BatchNormReplay)

    def deferred(self) -> dict[str, BatchNormReplay]:
        """The replays not read yet, by key."""
        return {k: v for k, v in self._items.items() if isinstance(v, BatchNormReplay)}

    def settle(self, model_input: Tensor) -> None:
        """Cut every tie to tensors outside this capture, once the forward pass is over.

        A kept output that shares memory with the caller's ``model_input``
        (an ``Identity`` or eval ``Dropout`` returns its input) is copied, and
        a replay whose input is not itself one of the kept outputs (the model
        input, a parameter, an intermediate nobody asked for) runs now. What
        is left replays only from captured tensors, which nobody writes to.
        """
        outside = model_input.untyped_storage().data_ptr()
        kept: set[int] = set()
        for key, value in self._items.items():
            if isinstance(value, BatchNormReplay):
                continue
            ptr = value.untyped_storage().data_ptr()
            if ptr == outside and value.numel():
                self._items[key] = value = value.clone()
                ptr = value.untyped_storage().data_ptr()
            kept.add(ptr)
        for key, value in list(self._items.items()):
            if isinstance(value, BatchNormReplay) and value.source.untyped_storage().data_ptr() not in kept:
                self[key]  # noqa: B018 (reading runs the replay)

    def run_replays(self, min_bytes: int = 0) -> list[str]:
        """Run now the replays whose output takes at least ``min_bytes``; their keys.

        A GUI calls this in its worker for the big ones, so reading a layer
        on the GUI thread never costs more than a small BatchNorm.
        """
        keys = [k for k, r in self.deferred().items() if _nbytes(r.source) >= min_bytes]
        for key in keys:
            self[key]  # noqa: B018 (reading runs the replay)
        return keys

    def nbytes(self) -> int:
        """Bytes every captured output takes once read (replays counted at their output size, not run)."""
        return sum(_nbytes(v.source if isinstance(v, BatchNormReplay) else v) for v in self._items.values())

    def deferred_nbytes(self) -> int:
        """Bytes the replays not read yet will take once read."""
        return sum(_nbytes(v.source) for v in self.deferred().values())

    def to(self, device: torch.device | str) -> CapturedLayers:
        """These layers on ``device``: ``self`` when they are all there already, else moved copies."""
        device = torch.device(device)
        if all(_same_device(v.device, device) for v in self._items.values()):
            return self
        moved = CapturedLayers()
        for key in self._items:
            moved[key] = self[key].to(device)
        return moved


def _nbytes(t: Tensor) -> int:
    return t.numel() * t.element_size()


def _same_device(a: torch.device, b: torch.device) -> bool:
    return a.type == b.type and (a.index == b.index or b.index is None and a.index in (None, 0))
