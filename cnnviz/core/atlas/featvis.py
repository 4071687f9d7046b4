"""Feature visualisation: the image that most excites a channel, a unit or a class, by optimisation.

Starting from noise, the input image is changed step by step in the direction
that increases the target (gradient ascent). Left alone this finds
high-frequency patterns no natural image has; the two recipes below are the
classic ways of keeping the picture interpretable. The picture is synthetic:
it shows what the unit responds to, not an image from any dataset.

Preset ``2015`` — Yosinski, Clune, Nguyen, Fuchs, Lipson, "Understanding
Neural Networks Through Deep Visualization", ICML Deep Learning Workshop
2015, §3. Gradient ascent in pixel space, each step followed by the paper's
four regularisers: L2 decay ``x ← (1 − decay)·x`` (towards the mean image,
which is 0 after normalisation), a Gaussian blur of width ``blur_sigma``
every ``blur_every`` steps, clipping of pixels with a small norm (the
``norm_pct`` percent of pixels with the smallest norm over colours are set
to 0) and of pixels with a small contribution (``|x ⊙ ∂a/∂x|`` summed over
colours, the ``contrib_pct`` percent smallest set to 0). Here each step is
the gradient divided by its mean absolute value times ``lr``, so one
learning rate suits any model's scale, and pixels stay in the valid range.

Preset ``2017`` — Olah, Mordvintsev, Schubert, "Feature Visualization",
Distill 2017 (and its Lucid library's defaults). The image is parameterised
in a decorrelated space: Fourier coefficients scaled by ``1/frequency``
(``decay_power`` 1) so every frequency learns at the same speed, and colours
through the square root of ImageNet's colour correlation matrix, then a
sigmoid. Each step looks at a randomly transformed copy (jitter, scale,
rotation; "transformation robustness"), composed here into one affine warp
that keeps the model's input size (the area brought in from outside is
filled with grey 0.5, Lucid's padding). Optimised with Adam.

Everything random comes from one generator seeded with ``seed``, so the same
settings give the same picture on the CPU (GPUs may differ in the last bits).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.errors import ConfigError, ModelError
from cnnviz.core.images import Preprocess
from cnnviz.core.probe import call_key, eval_mode, first_tensor, forward
from cnnviz.core.progress import CancelToken

PresetName = Literal["2015", "2017"]

#: Square root of ImageNet's colour correlation matrix (Lucid's ``color_correlation_svd_sqrt``).
COLOR_CORRELATION_SQRT = np.array(
    [[0.26, 0.09, 0.02], [0.27, 0.00, -0.05], [0.27, -0.09, 0.03]], dtype=np.float32
)


@dataclass(frozen=True)
class FeatVisTarget:
    """What to maximise: a channel's mean over space, one unit, or a class logit.

    ``layer`` is a capture key (``name`` or ``name#k``); for a class, leave it
    None and set ``class_index`` (the model's output is used).
    """

    layer: str | None = None
    channel: int | None = None
    unit: tuple[int, int] | None = None  # (y, x) in the layer's output
    class_index: int | None = None

    def __post_init__(self) -> None:
        if self.class_index is not None:
            if self.layer is not None or self.channel is not None or self.unit is not None:
                raise ConfigError("A class target takes no layer, channel or unit.")
            if self.class_index < 0:
                raise ConfigError(f"Class index must be 0 or more; got {self.class_index}.")
            return
        if self.layer is None or self.channel is None:
            raise ConfigError("Choose a layer and a channel (or a class) to visualise.")
        if self.channel < 0:
            raise ConfigError(f"Channel must be 0 or more; got {self.channel}.")
        if self.unit is not None and min(self.unit) < 0:
            raise ConfigError(f"Unit position must be 0 or more; got {self.unit}.")

    @property
    def kind(self) -> Literal["channel", "unit", "class"]:
        """Which of the three targets this is."""
        if self.class_index is not None:
            return "class"
        return "unit" if self.unit is not None else "channel"

    def describe(self) -> str:
        """A short label, e.g. ``features.3 channel 5`` or ``class 7``."""
        if self.kind == "class":
            return f"class {self.class_index}"
        where = f" at ({self.unit[0]}, {self.unit[1]})" if self.unit is not None else ""
        return f"{self.layer} channel {self.channel}{where}"


@dataclass(frozen=True)
class FeatVisSettings:
    """Every knob of a run; make one with :func:`preset` and change fields with ``replace``."""

    preset: PresetName = "2017"
    steps: int = 256
    lr: float = 0.05
    seed: int = 0
    size: tuple[int, int] | None = None  # (height, width); None = the model's input size
    init_std: float = 0.01  # 2017: spectrum init; 2015: noise in [0, 1] pixel units ×10
    preview_every: int = 4  # the step callback gets a picture every N steps (and at the end)
    redirect_relu: bool = True  # let a silent target start moving (see _RedirectedReLU)
    # 2015 regularisers
    decay: float = 0.0
    blur_every: int = 0
    blur_sigma: float = 0.0
    norm_pct: float = 0.0
    contrib_pct: float = 0.0
    # 2017 parameterisation and transforms
    decay_power: float = 1.0
    decorrelate: bool = True
    jitter: int = 0  # pixels of random translation, each way
    scales: tuple[float, ...] = (1.0,)
    angles: tuple[float, ...] = (0.0,)  # degrees

    def validate(self) -> None:
        """Raise ConfigError for values a run cannot use."""
        if self.preset not in ("2015", "2017"):
            raise ConfigError(f"Preset must be 2015 or 2017, not {self.preset!r}.")
        if not 1 <= self.steps <= 100_000:
            raise ConfigError(f"Steps must be 1 to 100000; got {self.steps}.")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ConfigError(f"Learning rate must be a positive number; got {self.lr}.")
        if self.size is not None and (min(self.size) < 8 or max(self.size) > 2048):
            raise ConfigError(f"Image size must be 8 to 2048 pixels; got {self.size}.")
        for name in ("norm_pct", "contrib_pct"):
            if not 0 <= getattr(self, name) < 100:
                raise ConfigError(f"{name} must be a percentage in [0, 100); got {getattr(self, name)}.")
        if not 0 <= self.decay < 1:
            raise ConfigError(f"decay must be in [0, 1); got {self.decay}.")


_PRESETS: dict[str, FeatVisSettings] = {
    # Yosinski et al. 2015: all four regularisers, mild values from the ranges of the paper's search.
    "2015": FeatVisSettings(
        preset="2015", steps=200, lr=0.1, init_std=0.1, decay=0.01, blur_every=4, blur_sigma=0.5,
        norm_pct=10.0, contrib_pct=10.0,
    ),
    # Olah et al. 2017 / Lucid defaults: Fourier + decorrelated colour, Adam 0.05, jitter / scale / rotate.
    "2017": FeatVisSettings(
        preset="2017", steps=256, lr=0.05, init_std=0.01, decay_power=1.0, decorrelate=True, jitter=8,
        scales=tuple(1 + (i - 5) / 50 for i in range(11)), angles=tuple(float(a) for a in range(-10, 11)),
    ),
}


def preset(name: str = "2017", **changes: Any) -> FeatVisSettings:
    """The settings of preset ``2015`` or ``2017`` with ``changes`` applied (steps, lr, seed, size, …)."""
    base = _PRESETS.get(str(name))
    if base is None:
        raise ConfigError(f"Preset must be 2015 or 2017, not {name!r}.")
    settings = replace(base, **{k: v for k, v in changes.items() if v is not None})
    settings.validate()
    return settings


@dataclass(frozen=True)
class FeatVisStep:
    """Reported after each step: the objective on the transformed copy, and now and then the picture."""

    step: int  # 1-based
    steps: int
    objective: float
    image: np.ndarray | None  # uint8 H×W×3 every ``preview_every`` steps, else None


@dataclass(frozen=True)
class FeatVisResult:
    """The synthetic picture and what the target does on it."""

    image: np.ndarray  # uint8 H×W×3 (grayscale models: gray on three channels)
    input: Tensor  # float32 [1, C, H, W]: the picture normalised as the model is fed
    activation: float  # the target on ``input``: channel mean, unit value or logit
    channel_mean: float | None  # the channel's mean over space on ``input`` (None for a class)
    channel_max: float | None  # the channel's largest unit on ``input`` (None for a class)
    target: FeatVisTarget
    settings: FeatVisSettings
    history: list[float] = field(default_factory=list)  # objective per step (transformed copies)
    stopped_early: bool = False  # cancelled before the last step


class _StopForward(Exception):
    """Raised by the target hook: the rest of the network is not needed."""


class _RedirectedReLU(torch.autograd.Function):
    """ReLU whose gradient, when nothing gets through, still lets inputs rise (Lucid's ``redirected_relu_grad``).

    A target that is silent on the starting picture has zero gradient through
    every ReLU and would never move. Where the ordinary ReLU gradient of an
    image is all zero, this passes the incoming gradient through except where
    it would push an already negative input further down. Forward values are
    the ordinary ReLU's.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor) -> Tensor:
        ctx.save_for_backward(x)
        return x.clamp_min(0)

    @staticmethod
    def backward(ctx: Any, grad: Tensor) -> Tensor:
        (x,) = ctx.saved_tensors
        relu_grad = torch.where(x < 0, torch.zeros_like(grad), grad)
        # the loss is minimised: a positive gradient pushes the input down
        redirected = torch.where((x < 0) & (grad > 0), torch.zeros_like(grad), grad)
        magnitude = relu_grad.reshape(relu_grad.shape[0], -1).norm(dim=1) if relu_grad.dim() else relu_grad.abs()
        passes = (magnitude > 0).view(-1, *([1] * (relu_grad.dim() - 1))) if relu_grad.dim() else magnitude > 0
        return torch.where(passes, relu_grad, redirected)


class _RedirectReLUs(TorchFunctionMode):
    """Routes every ReLU of a forward pass through :class:`_RedirectedReLU` (values unchanged)."""

    FUNCS = {F.relu, torch.relu, Tensor.relu, F.relu_, torch.relu_, Tensor.relu_}

    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = kwargs or {}
        if func in self.FUNCS and args and isinstance(args[0], Tensor) and args[0].requires_grad:
            return _RedirectedReLU.apply(args[0])
        return func(*args, **kwargs)


@contextmanager
def _target_hook(model: nn.Module, target: FeatVisTarget, out: dict[str, Tensor]):
    """Put the target layer's output (kept on the autograd graph) in ``out['t']``, then stop the pass."""
    if target.kind == "class":
        yield
        return
    assert target.layer is not None
    name, _, call = target.layer.partition("#")
    wanted = int(call) if call else 1
    module = dict(model.named_modules()).get(name)
    if module is None or not name:
        import difflib

        names = [n for n, _ in model.named_modules() if n]
        close = difflib.get_close_matches(name, names, n=4, cutoff=0.4)
        hint = f" Closest: {', '.join(close)}." if close else ""
        raise ModelError(f"Unknown layer {target.layer!r}.{hint} Run `cnnviz summary MODEL` to list layers.")
    calls = {"n": 0}

    def hook(mod: nn.Module, args: tuple, output: object) -> None:
        calls["n"] += 1
        if call_key(name, calls["n"]) != call_key(name, wanted):
            return
        t = first_tensor(output)
        if t is not None:
            out["t"] = t
            raise _StopForward

    handle = module.register_forward_hook(hook)
    try:
        yield
    finally:
        handle.remove()


def _objective(t: Tensor, target: FeatVisTarget) -> Tensor:
    """The scalar to maximise from the target layer's output (batch of 1)."""
    if target.kind == "class":
        idx = target.class_index
        if t.dim() != 2 or idx >= t.shape[1]:  # type: ignore[operator]
            raise ConfigError(f"The model has {t.shape[-1]} outputs; class {idx} does not exist.")
        return t[0, idx]  # type: ignore[index]
    c = target.channel
    if t.dim() < 2 or c >= t.shape[1]:  # type: ignore[operator]
        raise ConfigError(f"Layer {target.layer!r} has {t.shape[1] if t.dim() >= 2 else 0} channels; "
                          f"channel {c} does not exist.")
    ch = t[0, c]  # type: ignore[index]
    if target.unit is None:
        return ch.mean()
    if ch.dim() != 2 or not (target.unit[0] < ch.shape[0] and target.unit[1] < ch.shape[1]):
        raise ConfigError(f"Layer {target.layer!r} is {tuple(ch.shape)} per channel; unit {target.unit} is outside.")
    return ch[target.unit[0], target.unit[1]]


def _layer_output(model: nn.Module, x: Tensor, target: FeatVisTarget) -> Tensor:
    """The target layer's output (or the model's output for a class) for input ``x``."""
    held: dict[str, Tensor] = {}
    with _target_hook(model, target, held):
        try:
            out = forward(model, x)
        except _StopForward:
            return held["t"]
    if target.kind != "class":
        raise ModelError(f"Layer {target.layer!r} did not run in the model's forward pass.")
    t = first_tensor(out)
    if t is None:
        raise ModelError("The model returned no tensor.")
    return t


def target_activation(model: nn.Module, x: Tensor, target: FeatVisTarget) -> float:
    """The target's value on input ``x`` ([1, C, H, W], normalised), in eval mode, no gradient.

    Use it on a natural exemplar's input to compare with :attr:`FeatVisResult.activation`.
    """
    with eval_mode(model), torch.no_grad():
        return float(_objective(_layer_output(model, x, target), target))


# --------------------------------------------------------------------------- image parameterisations


def _normalizer(pre: Preprocess, device: torch.device) -> tuple[Tensor, Tensor]:
    mean = torch.tensor(pre.mean, dtype=torch.float32, device=device).view(1, -1, 1, 1)
    std = torch.tensor(pre.std, dtype=torch.float32, device=device).view(1, -1, 1, 1)
    return mean, std


class _Fourier(nn.Module):
    """Olah et al. 2017: an image from scaled Fourier coefficients, decorrelated colours, sigmoid."""

    def __init__(self, channels: int, h: int, w: int, settings: FeatVisSettings, gen: torch.Generator,
                 device: torch.device) -> None:
        super().__init__()
        fy = np.fft.fftfreq(h)[:, None]
        fx = np.fft.rfftfreq(w)[None, :]
        freqs = np.sqrt(fy * fy + fx * fx)
        scale = 1.0 / np.maximum(freqs, 1.0 / max(h, w)) ** settings.decay_power
        self.register_buffer("scale", torch.tensor(scale, dtype=torch.float32, device=device))
        init = torch.randn((2, channels, h, w // 2 + 1), generator=gen) * settings.init_std
        self.spectrum = nn.Parameter(init.to(device))
        self.hw = (h, w)
        colour = COLOR_CORRELATION_SQRT / np.max(np.linalg.norm(COLOR_CORRELATION_SQRT, axis=0))
        self.decorrelate = settings.decorrelate and channels == 3
        self.register_buffer("colour", torch.tensor(colour, dtype=torch.float32, device=device))

    def forward(self) -> Tensor:
        """The image in [0, 1], ``(1, C, H, W)``."""
        spec = torch.complex(self.spectrum[0], self.spectrum[1]) * self.scale
        img = torch.fft.irfft2(spec, s=self.hw, norm="ortho")  # (C, H, W)
        if self.decorrelate:
            img = torch.einsum("ij,jhw->ihw", self.colour, img)
        return torch.sigmoid(img)[None]


def _random_warp(img01: Tensor, settings: FeatVisSettings, gen: torch.Generator) -> Tensor:
    """One random jitter + scale + rotation of ``img01`` (``(1, C, H, W)`` in [0, 1]), same size, grey fill."""
    _, _, h, w = img01.shape
    s = settings.scales[int(torch.randint(len(settings.scales), (1,), generator=gen))]
    a = math.radians(settings.angles[int(torch.randint(len(settings.angles), (1,), generator=gen))])
    j = settings.jitter
    ty, tx = (torch.randint(-j, j + 1, (2,), generator=gen).tolist() if j > 0 else (0, 0))
    if s == 1.0 and a == 0.0 and tx == 0 and ty == 0:
        return img01
    # Output pixel p samples input at A·p + t (normalised coordinates): zoom by s, rotate by a.
    cos, sin = math.cos(a) / s, math.sin(a) / s
    theta = torch.tensor(
        [[cos * 1.0, -sin * h / w, 2.0 * tx / w], [sin * w / h, cos * 1.0, 2.0 * ty / h]],
        dtype=img01.dtype, device=img01.device,
    )[None]
    grid = F.affine_grid(theta, list(img01.shape), align_corners=False)
    return F.grid_sample(img01 - 0.5, grid, mode="bilinear", padding_mode="zeros", align_corners=False) + 0.5


def _gaussian_blur(x: Tensor, sigma: float) -> Tensor:
    """Separable Gaussian blur, reflect padding, radius 3σ."""
    radius = max(1, int(math.ceil(3 * sigma)))
    t = torch.arange(-radius, radius + 1, dtype=x.dtype, device=x.device)
    k = torch.exp(-0.5 * (t / sigma) ** 2)
    k = k / k.sum()
    c = x.shape[1]
    x = F.pad(x, (radius, radius, radius, radius), mode="reflect")
    x = F.conv2d(x, k.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
    return F.conv2d(x, k.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)


def _clip_small(x: Tensor, score: Tensor, pct: float) -> Tensor:
    """Set to 0 the pixels whose ``score`` (``(1, 1, H, W)``) is in the lowest ``pct`` percent."""
    if pct <= 0:
        return x
    flat = score.flatten()
    k = max(1, int(flat.numel() * pct / 100.0))
    threshold = flat.kthvalue(k).values
    return x * (score > threshold).to(x.dtype)


def _to_uint8(img01: Tensor) -> np.ndarray:
    a = img01.detach()[0].clamp(0, 1).mul(255).round().to(torch.uint8).permute(1, 2, 0).cpu().numpy()
    return np.ascontiguousarray(np.repeat(a, 3, axis=2) if a.shape[2] == 1 else a)


# --------------------------------------------------------------------------- the run


def visualize(
    model: nn.Module,
    target: FeatVisTarget,
    *,
    preprocess: Preprocess,
    settings: FeatVisSettings | None = None,
    on_step: Callable[[FeatVisStep], None] | None = None,
    cancel: CancelToken | None = None,
) -> FeatVisResult:
    """Optimise a picture that maximises ``target`` (see the module docstring for the recipes).

    ``preprocess`` gives the channels, normalisation and (unless
    ``settings.size``) the picture size. ``on_step`` is called after every
    step; ``cancel`` stops at the next step and the picture so far is
    returned (``stopped_early``). The model runs on its own device in eval
    mode; only the picture gets gradients (the model's ``.grad`` are untouched).
    """
    settings = settings or preset("2017")
    settings.validate()
    device = next((t.device for t in [*model.parameters(), *model.buffers()]), torch.device("cpu"))
    channels = int(preprocess.channels)
    h, w = settings.size or tuple(int(v) for v in preprocess.crop_size)
    mean, std = _normalizer(preprocess, device)
    gen = torch.Generator().manual_seed(int(settings.seed))
    history: list[float] = []
    stopped = False

    def objective_of(img01: Tensor) -> Tensor:
        return _objective(_layer_output(model, (img01 - mean) / std, target), target)

    redirect = _RedirectReLUs() if settings.redirect_relu else nullcontext()
    with eval_mode(model), torch.enable_grad(), redirect:
        if settings.preset == "2017":
            param = _Fourier(channels, h, w, settings, gen, device)
            opt = torch.optim.Adam([param.spectrum], lr=settings.lr)
            picture: Callable[[], Tensor] = param
            for step in range(1, settings.steps + 1):
                if cancel is not None and cancel.cancelled:
                    stopped = True
                    break
                opt.zero_grad(set_to_none=True)
                img = param()
                obj = objective_of(_random_warp(img, settings, gen))
                (-obj).backward(inputs=[param.spectrum])
                opt.step()
                history.append(float(obj.detach()))
                _report(on_step, step, settings, history[-1], img)
        else:
            lo, hi = (0 - mean) / std, (1 - mean) / std
            noise = torch.randn((1, channels, h, w), generator=gen).to(device)
            x = ((0.5 + settings.init_std * noise - mean) / std).clamp(lo, hi)
            for step in range(1, settings.steps + 1):
                if cancel is not None and cancel.cancelled:
                    stopped = True
                    break
                x.requires_grad_(True)
                obj = _objective(_layer_output(model, x, target), target)
                (down,) = torch.autograd.grad(-obj, [x])  # a loss to minimise, as _RedirectedReLU expects
                grad = -down
                with torch.no_grad():
                    x = _step_2015(x.detach(), grad, settings, step, lo, hi)
                history.append(float(obj.detach()))
                _report(on_step, step, settings, history[-1], lambda x=x: x * std + mean)
            final_x = x.detach()

            def picture() -> Tensor:
                return final_x * std + mean

    with torch.no_grad():
        image = _to_uint8(picture())
    # Measure on exactly what a saved PNG holds: the 8-bit picture, normalised.
    x_final = torch.from_numpy(image).permute(2, 0, 1)[None].float().div(255.0).to(device)
    if channels == 1:
        x_final = x_final[:, :1]
    x_final = (x_final - mean) / std
    with eval_mode(model), torch.no_grad():
        out = _layer_output(model, x_final, target)
        activation = float(_objective(out, target))
        channel = None if target.kind == "class" else out[0, target.channel].float()  # type: ignore[index]
    return FeatVisResult(
        image, x_final.cpu(), activation,
        None if channel is None else float(channel.mean()), None if channel is None else float(channel.max()),
        target, settings, history, stopped,
    )


def _report(on_step: Callable[[FeatVisStep], None] | None, step: int, settings: FeatVisSettings,
            objective: float, img01: Tensor | Callable[[], Tensor]) -> None:
    if on_step is None:
        return
    show = step % max(1, settings.preview_every) == 0 or step == settings.steps
    image = None
    if show:
        with torch.no_grad():
            image = _to_uint8(img01() if callable(img01) else img01)
    on_step(FeatVisStep(step, settings.steps, objective, image))


def _step_2015(x: Tensor, grad: Tensor, s: FeatVisSettings, step: int, lo: Tensor, hi: Tensor) -> Tensor:
    """One update of Yosinski et al. 2015: ascend, then decay, blur, clip small norm / contribution."""
    scale = grad.abs().mean()
    if float(scale) > 0:
        x = x + s.lr * grad / scale
    if s.decay > 0:
        x = x * (1.0 - s.decay)
    if s.blur_every > 0 and s.blur_sigma > 0 and step % s.blur_every == 0:
        x = _gaussian_blur(x, s.blur_sigma)
    if s.norm_pct > 0:
        x = _clip_small(x, x.norm(dim=1, keepdim=True), s.norm_pct)
    if s.contrib_pct > 0:
        x = _clip_small(x, (x * grad).abs().sum(dim=1, keepdim=True), s.contrib_pct)
    return torch.maximum(torch.minimum(x, hi), lo)

