"""How much memory a forward pass will take, found before any real memory is spent.

:func:`estimate_forward` runs the model once on PyTorch's ``meta`` device:
every operation computes its output's shape and dtype but allocates nothing,
so a ``3×27000×27000`` input that would need 8.6 GB of activations (or a
channel mismatch that would only surface after allocating them) costs
milliseconds. The model itself is not copied: its parameters and buffers are
replaced by meta tensors of the same shape for the duration of the call
(``torch.func.functional_call``).

:func:`check_fits` compares an estimate with the memory the computer has
free and raises :class:`~cnnviz.core.errors.OutOfMemoryError` with both
figures when it does not fit.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cnnviz.core.errors import ModelForwardError, OutOfMemoryError
from cnnviz.core.messages import msg
from cnnviz.core.safe_io import format_bytes

if TYPE_CHECKING:
    import torch
    from torch import nn


@dataclass(frozen=True)
class Footprint:
    """What one forward pass holds: input, every module's output, parameters and buffers."""

    input_bytes: int
    activation_bytes: int  # the sum of every module's output: an upper bound of the peak
    parameter_bytes: int

    @property
    def total(self) -> int:
        """Input + activations + parameters, in bytes."""
        return self.input_bytes + self.activation_bytes + self.parameter_bytes


class MetaUnsupported(Exception):
    """The model cannot run on the meta device (it reads values, or makes tensors elsewhere)."""


def available_memory() -> int | None:
    """Bytes of RAM the operating system can give this process now, or None if unknown."""
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except Exception:  # psutil is optional
        pass
    with contextlib.suppress(OSError, ValueError), open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    with contextlib.suppress(AttributeError, ValueError, OSError):
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    return None


def device_free_memory(device: torch.device | str) -> int | None:
    """Free bytes on ``device`` (RAM for the CPU), or None if unknown."""
    import torch

    dev = torch.device(device)
    if dev.type == "cuda":
        with contextlib.suppress(Exception):
            free, _ = torch.cuda.mem_get_info(dev)
            return int(free)
        return None
    return available_memory()


def tensor_bytes(shape: tuple[int, ...] | list[int], element_size: int = 4) -> int:
    """Bytes of a tensor of ``shape`` (Python integers: no overflow)."""
    n = element_size
    for side in shape:
        n *= int(side)
    return n


def _output_bytes(value: Any) -> int:
    import torch

    if isinstance(value, torch.Tensor):
        return value.numel() * value.element_size()
    if isinstance(value, list | tuple):
        return sum(_output_bytes(v) for v in value)
    if isinstance(value, dict):
        return sum(_output_bytes(v) for v in value.values())
    return 0


def estimate_forward(model: nn.Module, input_shape: tuple[int, ...], batch: int = 1) -> Footprint:
    """The memory of one forward pass of ``model`` on a ``(batch, *input_shape)`` float32 input.

    Nothing is allocated. A shape error (a channel mismatch, an input too
    small for the layers) raises :class:`ModelForwardError` with the model's
    own message; a model that cannot run on ``meta`` at all raises
    :class:`MetaUnsupported` (the caller then knows nothing and decides).
    """
    import torch
    from torch.func import functional_call

    meta_state = {
        name: torch.empty_like(t, device="meta")
        for name, t in [*model.named_parameters(), *model.named_buffers()]
    }
    parameter_bytes = sum(t.numel() * t.element_size() for t in meta_state.values())
    x = torch.empty((batch, *input_shape), dtype=torch.float32, device="meta")
    total = [0]
    entered: list[tuple[str, Any, Any]] = []  # (name, module, first input) of the last call

    def hook(_module: Any, _inputs: Any, output: Any) -> None:
        total[0] += _output_bytes(output)

    def pre(name: str) -> Any:
        def record(module: Any, inputs: Any) -> None:
            entered.append((name, module, inputs[0] if inputs else None))

        return record

    handles = [m.register_forward_hook(hook) for m in model.modules()]
    handles += [m.register_forward_pre_hook(pre(n)) for n, m in model.named_modules() if n]
    was_training = model.training
    try:
        model.eval()
        with torch.no_grad():
            functional_call(model, meta_state, (x,), strict=False)
    except (NotImplementedError, TypeError) as exc:
        raise MetaUnsupported(str(exc)) from exc
    except RuntimeError as exc:
        text = str(exc)
        lowered = text.lower()
        if "meta" in lowered or "device" in lowered or "item()" in lowered or "data-dependent" in lowered:
            raise MetaUnsupported(text) from exc
        raise ModelForwardError(_shape_error(text, input_shape, entered)) from None
    except Exception as exc:  # anything else a model's own code trips on
        raise MetaUnsupported(str(exc)) from exc
    finally:
        for h in handles:
            h.remove()
        model.train(was_training)
    input_bytes = x.numel() * x.element_size()
    return Footprint(input_bytes, total[0], parameter_bytes)


def _shape_error(text: str, input_shape: tuple[int, ...], entered: list[tuple[str, Any, Any]]) -> str:
    """The meta device's terse message, told like the real pass would: which layer, what it expected."""
    import torch

    first = text.strip().splitlines()[0] if text.strip() else msg("a shape error")
    shape = "×".join(str(v) for v in input_shape)
    if not entered:
        return msg("The model cannot take a {shape} input: {reason}", shape=shape, reason=first)
    name, module, arg = entered[-1]
    got = list(arg.shape) if isinstance(arg, torch.Tensor) else None
    expected = getattr(module, "in_channels", None) or getattr(module, "in_features", None)
    detail = first
    if isinstance(module, torch.nn.modules.conv._ConvNd) and got and len(got) > 1 and got[1] != expected:
        detail = (
            msg("it expects {expected} input channel, got {got}", expected=expected, got=got[1])
            if expected == 1
            else msg("it expects {expected} input channels, got {got}", expected=expected, got=got[1])
        )
    elif isinstance(module, torch.nn.Linear) and got and got[-1] != expected:
        detail = msg("it expects {expected} input features, got {got}", expected=expected, got=got[-1])
    return msg(
        "The model cannot take a {shape} input: layer '{layer}' ({type}) received shape {got}: {reason}.",
        shape=shape, layer=name, type=type(module).__name__, got=got, reason=detail,
    )


def check_fits(needed: int, what: str, device: torch.device | str = "cpu") -> None:
    """OutOfMemoryError naming both figures when ``needed`` bytes exceed what ``device`` has free."""
    free = device_free_memory(device)
    if free is not None and needed > free:
        if str(device) == "cpu":
            raise OutOfMemoryError(msg(
                "{what} needs about {needed}; this computer has {free} free.",
                what=what, needed=format_bytes(needed), free=format_bytes(free),
            ))
        raise OutOfMemoryError(msg(
            "{what} needs about {needed}; {device} has {free} free.",
            what=what, needed=format_bytes(needed), device=str(device), free=format_bytes(free),
        ))
