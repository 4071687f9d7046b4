"""Device selection and the GPU out-of-memory fallback."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import torch

from cnnviz.core.errors import DeviceError
from cnnviz.core.messages import msg

T = TypeVar("T")


@dataclass(frozen=True)
class DeviceInfo:
    """One device the user can pick."""

    key: str  # "cpu", "cuda:0", "mps"
    label: str  # "CUDA:0 NVIDIA H100 (79 GB)"
    total_memory: int | None  # bytes, None for the CPU


def list_devices() -> list[DeviceInfo]:
    """The CPU and every usable GPU, with names and memory."""
    out = [DeviceInfo("cpu", "CPU", None)]
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            gb = props.total_memory / 1e9
            out.append(DeviceInfo(f"cuda:{i}", f"CUDA:{i} {props.name} ({gb:.0f} GB)", props.total_memory))
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        out.append(DeviceInfo("mps", "Apple GPU (MPS)", None))
    return out


def resolve_device(spec: str | None) -> torch.device:
    """``auto | cpu | cuda | cuda:N | mps`` -> a usable ``torch.device``.

    ``auto`` picks the first CUDA GPU, then MPS, then the CPU. Asking for a
    device that is not there raises a DeviceError that lists what is.
    """
    text = (spec or "auto").strip().lower()
    if text == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda:0")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        dev = torch.device(text)
    except RuntimeError:
        raise DeviceError(msg("Unknown device {device!r}; use auto, cpu, cuda, cuda:N or mps.", device=spec)) from None
    available = ", ".join(d.key for d in list_devices())
    if dev.type == "cuda":
        if not torch.cuda.is_available():
            raise DeviceError(msg("CUDA is not available on this machine (devices: {devices}).", devices=available))
        index = 0 if dev.index is None else dev.index
        if index >= torch.cuda.device_count():
            raise DeviceError(msg("There is no cuda:{index} (devices: {devices}).", index=index, devices=available))
        return torch.device("cuda", index)
    if dev.type == "mps":
        if not (getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()):
            raise DeviceError(
                msg("Apple MPS is not available on this machine (devices: {devices}).", devices=available)
            )
        return dev
    if dev.type == "cpu":
        return dev
    raise DeviceError(msg("Unsupported device {device!r} (devices: {devices}).", device=spec, devices=available))


def is_oom(exc: BaseException) -> bool:
    """True for a GPU (or MPS) out-of-memory error."""
    if isinstance(exc, torch.cuda.OutOfMemoryError):
        return True
    return isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower()


def free_gpu_memory() -> None:
    """Release cached GPU blocks after an out-of-memory error."""
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def with_cpu_fallback(
    fn: Callable[[torch.device], T],
    device: torch.device,
    on_fallback: Callable[[str], None] | None = None,
) -> tuple[T, torch.device]:
    """Run ``fn(device)``; on a GPU out-of-memory error, free memory and run ``fn(cpu)``.

    Returns the result and the device that produced it. ``on_fallback`` gets
    the message shown to the user (the CLI prints it; the GUI shows it in the
    status bar).
    """
    try:
        return fn(device), device
    except (torch.cuda.OutOfMemoryError, RuntimeError) as exc:
        if device.type == "cpu" or not is_oom(exc):
            raise
        free_gpu_memory()
        message = msg("{device} ran out of memory; computing on the CPU instead.", device=str(device))
        if on_fallback is not None:
            on_fallback(message)
        else:
            warnings.warn(message, stacklevel=2)
        return fn(torch.device("cpu")), torch.device("cpu")
