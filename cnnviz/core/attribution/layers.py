"""Which layers a CAM can use, and reading a layer's true output with its gradient.

**The true output.** DenseNet's ``features`` ends in a BatchNorm whose output
the model's ``forward`` then passes through ``F.relu(..., inplace=True)``.
A hook that keeps a reference to that output (pytorch-grad-cam and torch-cam
do, on the CPU) ends up holding the ReLU's result, while the gradient a
tensor hook receives is the one of the BatchNorm output. :func:`tap_layers`
hands the rest of the network a *copy* of the layer's output instead, so the
layer's own tensor is never written to: its values and its gradient
(``torch.autograd.grad(score, tap.output)``) both belong to the true output,
and the copy's version counter tells whether something overwrote it
(:attr:`Tap.overwritten`), so the CAM code can say how much the libraries'
map would differ.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import torch
from torch import Tensor, nn

from cnnviz.core.attribution.errors import LayerNotSpatialError, NoConvLayerError
from cnnviz.core.probe import call_key, eval_mode, first_tensor, forward, resolve_layers


def split_key(key: str) -> tuple[str, int]:
    """``"name#3"`` -> ("name", 3); ``"name"`` -> ("name", 1)."""
    name, _, call = key.partition("#")
    return name, int(call) if call else 1


def is_conv(module: nn.Module) -> bool:
    """True for torch's convolution modules (and subclasses such as timm's padded convs)."""
    return isinstance(module, nn.modules.conv._ConvNd)


def require_conv(model: nn.Module) -> None:
    """Raise :class:`NoConvLayerError` unless ``model`` has a convolution."""
    if not any(is_conv(m) for m in model.modules()):
        raise NoConvLayerError(
            "This model has no convolutional layer, so CAM methods do not apply; "
            "use a gradient method (saliency, integrated gradients) or occlusion instead."
        )


def check_spatial(key: str, activation: Tensor) -> None:
    """Raise :class:`LayerNotSpatialError` unless ``activation`` is [N, C, H, W] with H·W > 1."""
    if activation.dim() != 4 or activation.shape[-1] * activation.shape[-2] <= 1:
        raise LayerNotSpatialError(
            f"Layer {key!r} has no spatial output ({list(activation.shape[1:])}); "
            "CAM methods need a layer whose output is a map, such as a convolution or pooling layer."
        )


@dataclass(frozen=True)
class LayerOutput:
    """One call of one module in a forward pass: its key, type and output shape."""

    key: str
    module_type: str
    shape: tuple[int, ...]  # without the batch dimension
    is_conv: bool

    @property
    def spatial(self) -> bool:
        """True when the output is a map with more than one position."""
        return len(self.shape) == 3 and self.shape[1] * self.shape[2] > 1


def layer_outputs(model: nn.Module, x: Tensor) -> list[LayerOutput]:
    """Every module call of one no-grad forward pass, in the order the calls finished."""
    rows: list[LayerOutput] = []
    calls: dict[str, int] = {}
    handles = []

    def make(name: str, module: nn.Module) -> Callable[[nn.Module, tuple[object, ...], object], None]:
        def hook(mod: nn.Module, args: tuple[object, ...], output: object) -> None:
            calls[name] = calls.get(name, 0) + 1
            t = first_tensor(output)
            shape = tuple(t.shape[1:]) if t is not None else ()
            rows.append(LayerOutput(call_key(name, calls[name]), type(mod).__name__, shape, is_conv(mod)))

        return hook

    try:
        for name, module in model.named_modules():
            if name:
                handles.append(module.register_forward_hook(make(name, module)))
        with eval_mode(model), torch.no_grad():
            forward(model, x)
    finally:
        for h in handles:
            h.remove()
    return rows


def conv_layers(model: nn.Module, x: Tensor) -> list[str]:
    """Keys of every convolution call with a spatial output, in execution order (for the layer sweep)."""
    require_conv(model)
    return [r.key for r in layer_outputs(model, x) if r.is_conv and r.spatial]


# per model: (input shape, module count) -> layer key
_DEFAULT_LAYERS: weakref.WeakKeyDictionary[nn.Module, dict[tuple[tuple[int, ...], int], str]] = (
    weakref.WeakKeyDictionary()
)
_default_lock = threading.Lock()  # GUI workers may ask for different models at once


def default_layer(model: nn.Module, x: Tensor) -> str:
    """The layer CAM methods use unless told otherwise: the last convolutional stage.

    That is the outermost module holding the last convolution whose output is
    still a spatial map: ``layer4`` for a ResNet, ``features`` for VGG,
    AlexNet and DenseNet, the convolution itself when the model is one flat
    ``Sequential`` (the libraries' usual choice: pytorch-grad-cam's
    ``model.layer4[-1]`` and ``model.features[-1]`` give the same tensors).
    Cached per model and input shape.
    """
    require_conv(model)
    cache_key = (tuple(x.shape), sum(1 for _ in model.modules()))
    with _default_lock:
        cached = _DEFAULT_LAYERS.get(model, {}).get(cache_key)
    if cached is not None:
        return cached
    rows = layer_outputs(model, x)
    convs = [r for r in rows if r.is_conv and r.spatial]
    if not convs:
        raise NoConvLayerError("No convolution of this model gives a spatial map on this input.")
    last = split_key(convs[-1].key)[0]
    last_call = {split_key(r.key)[0]: r for r in rows}  # the last call of each module
    best = convs[-1].key
    parts = last.split(".")
    for depth in range(1, len(parts)):  # outermost ancestor first
        ancestor = ".".join(parts[:depth])
        row = last_call.get(ancestor)
        if row is not None and row.spatial:
            best = row.key
            break
    with _default_lock:
        _DEFAULT_LAYERS.setdefault(model, {})[cache_key] = best
    return best


@dataclass
class Tap:
    """What :func:`tap_layers` saw of one layer call."""

    key: str
    output: Tensor | None = None  # the layer's true output, never written to (on the graph)
    passed_on: Tensor | None = None  # what the rest of the model received
    version: int = 0  # passed_on's version counter right after the layer ran

    @property
    def overwritten(self) -> bool:
        """True when a later in-place op wrote into the layer's output."""
        return self.passed_on is not None and self.passed_on._version != self.version

    def overwritten_values(self) -> Tensor | None:
        """The values that the in-place op left (what the libraries read), or None."""
        return self.passed_on.detach() if self.overwritten and self.passed_on is not None else None


@contextmanager
def tap_layers(model: nn.Module, keys: Sequence[str]) -> Iterator[dict[str, Tap]]:
    """Forward hooks that keep the true output of each layer call in ``keys``; removed on exit.

    For a module that returns a tensor, the hook returns a copy to the rest
    of the model (see the module docstring). A module returning a tuple or
    dict is tapped by reference (its first tensor).
    """
    resolve_layers(model, [split_key(k)[0] for k in keys])
    wanted: dict[str, dict[int, Tap]] = {}
    taps: dict[str, Tap] = {}
    for key in keys:
        name, call = split_key(key)
        tap = taps.setdefault(call_key(name, call), Tap(call_key(name, call)))
        wanted.setdefault(name, {})[call] = tap
    calls: dict[str, int] = {}
    handles = []

    def reset(module: nn.Module, args: tuple[object, ...]) -> None:
        calls.clear()

    def make(name: str) -> Callable[[nn.Module, tuple[object, ...], object], object]:
        def hook(module: nn.Module, args: tuple[object, ...], output: object) -> object:
            n = calls.get(name, 0) + 1
            calls[name] = n
            tap = wanted[name].get(n)
            if tap is None:
                return None
            if isinstance(output, Tensor):
                passed = output.clone()
                tap.output, tap.passed_on, tap.version = output, passed, passed._version
                return passed
            t = first_tensor(output)
            if t is not None:
                tap.output, tap.passed_on, tap.version = t, t, t._version
            return None

        return hook

    try:
        handles.append(model.register_forward_pre_hook(reset))
        modules = dict(model.named_modules())
        for name in wanted:
            handles.append(modules[name].register_forward_hook(make(name)))
        yield taps
    finally:
        for h in handles:
            h.remove()
