"""Look at a session's model with other weights (a training snapshot) without changing it.

:func:`swapped_weights` puts a state_dict's tensors into a module for the
length of a ``with`` block and puts the module's own back in ``finally``:
the parameters stay the same objects (hooks, copies and optimizers that
hold them are unaffected), only their data is exchanged, so nothing is
copied on the CPU.

:func:`session_with_weights` gives a :class:`~cnnviz.core.session.ModelSession`
that shares the original's model, lock, summary and id, and whose
``exclusive()`` swaps the other weights in while it is held. Anything written
against a session (the Inspect jobs: forward pass, kernels, Grad-CAM,
effective receptive field) then shows the snapshot, and the original
session's model is never left changed: every other user waits for the same
lock and finds the module's own weights.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from cnnviz.core.errors import ConfigError
from cnnviz.core.session import ModelSession

if TYPE_CHECKING:
    from torch import Tensor, nn


def check_fits(model: nn.Module, state: Mapping[str, Tensor]) -> None:
    """Raise ConfigError unless ``state`` holds every parameter of ``model``, each of its shape."""
    from cnnviz.core.models._api import with_current_names

    _check_fits(model, with_current_names(model, state))  # a snapshot saved before the layers were renamed


def _check_fits(model: nn.Module, state: Mapping[str, Tensor]) -> None:
    own = dict(model.state_dict(keep_vars=True))
    unknown = [k for k in state if k not in own]
    missing = [k for k, _ in model.named_parameters() if k not in state]
    wrong = [k for k, v in state.items() if k in own and tuple(v.shape) != tuple(own[k].shape)]
    if unknown or missing or wrong:
        parts = []
        if wrong:
            parts.append(f"{len(wrong)} tensors have another shape (first: {wrong[0]})")
        if missing:
            parts.append(f"{len(missing)} of the model's parameters are missing (first: {missing[0]})")
        if unknown:
            parts.append(f"{len(unknown)} tensors are not in the model (first: {unknown[0]})")
        raise ConfigError("These weights do not fit the model: " + "; ".join(parts) + ".")


@contextlib.contextmanager
def swapped_weights(model: nn.Module, state: Mapping[str, Tensor]) -> Iterator[nn.Module]:
    """Hold ``state``'s tensors in ``model`` for the block; the module's own come back afterwards.

    The caller must hold the model alone (``session.exclusive()``). Tensors
    are moved to each parameter's device and dtype; ``state`` itself is never
    written to. An empty ``state`` changes nothing.
    """
    if not state:
        yield model
        return
    import torch

    from cnnviz.core.models._api import with_current_names

    state = with_current_names(model, state)
    _check_fits(model, state)
    params = dict(model.named_parameters())
    saved_params: dict[str, torch.Tensor] = {}
    saved_buffers: list[tuple[nn.Module, str, torch.Tensor | None]] = []
    try:
        with torch.no_grad():
            for key, value in state.items():
                if key in params:
                    p = params[key]
                    saved_params[key] = p.data
                    p.data = value.detach().to(device=p.device, dtype=p.dtype)
                else:  # a buffer (BatchNorm's running statistics)
                    owner_name, _, name = key.rpartition(".")
                    owner = model.get_submodule(owner_name) if owner_name else model
                    old = owner._buffers.get(name)
                    saved_buffers.append((owner, name, old))
                    new = value.detach()
                    if old is not None:
                        new = new.to(device=old.device, dtype=old.dtype)
                    owner._buffers[name] = new
        yield model
    finally:
        for key, data in saved_params.items():
            params[key].data = data
        for owner, name, old in reversed(saved_buffers):
            owner._buffers[name] = old


@dataclass(eq=False)
class SessionWithWeights(ModelSession):
    """A view of a session whose ``exclusive()`` shows other weights (see the module docstring)."""

    view_state: Mapping[str, Tensor] | None = None
    view_label: str = ""  # what the weights are, e.g. "step 120"

    @contextlib.contextmanager
    def exclusive(self, timeout: float | None = None) -> Iterator[nn.Module]:
        """Hold the shared model alone, with the view's weights in it, for the block."""
        with ModelSession.exclusive(self, timeout) as model, swapped_weights(model, self.view_state or {}):
            yield model


def session_with_weights(session: ModelSession, state: Mapping[str, Tensor], label: str = "",
                         timeout: float | None = None) -> SessionWithWeights:
    """A view of ``session`` with ``state``'s weights (ConfigError at once if they do not fit its model)."""
    base = {f.name: getattr(session, f.name) for f in fields(ModelSession)}
    with session.exclusive(timeout) as model:
        check_fits(model, state)
    return SessionWithWeights(**base, view_state=state, view_label=label)
