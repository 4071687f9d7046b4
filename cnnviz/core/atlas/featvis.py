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

A target that is silent on the starting picture (every ReLU on its path
closed) has no gradient and would never move. On such a step, and only
then, the step is redone with Lucid's "redirected" ReLU gradient, which lets
inputs rise where the ordinary ReLU gradient is zero (``redirect_relu``);
forward values, and so every reported activation, are the ordinary ones.

Everything random comes from one generator seeded with ``seed``, so the same
settings give the same picture on the CPU (GPUs may differ in the last bits).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Literal

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.errors import ConfigError, ModelError
from cnnviz.core.images import Preprocess
from cnnviz.core.messages import msg
from cnnviz.core.probe import eval_mode, first_tensor, forward
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
                raise ConfigError(msg("A class target takes no layer, channel or unit."))
            if self.class_index < 0:
                raise ConfigError(msg("Class index must be 0 or more; got {index}.", index=self.class_index))
            return
        if self.layer is None or self.channel is None:
            raise ConfigError(msg("Choose a layer and a channel (or a class) to visualise."))
        if self.channel < 0:
            raise ConfigError(msg("Channel must be 0 or more; got {channel}.", channel=self.channel))
        if self.unit is not None and min(self.unit) < 0:
            raise ConfigError(msg("Unit position must be 0 or more; got {unit}.", unit=self.unit))

    @property
    def kind(self) -> Literal["channel", "unit", "class"]:
        """Which of the three targets this is."""
        if self.class_index is not None:
            return "class"
        return "unit" if self.unit is not None else "channel"

    def describe(self) -> str:
        """A short label, e.g. ``features.3 channel 5`` or ``class 7``."""
        if self.kind == "class":
            return msg("class {index}", index=self.class_index)
        if self.unit is not None:
            return msg(
                "{layer} channel {channel} at ({y}, {x})",
                layer=self.layer, channel=self.channel, y=self.unit[0], x=self.unit[1],
            )
        return msg("{layer} channel {channel}", layer=self.layer, channel=self.channel)


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
    redirect_relu: bool = True  # on steps with no gradient at all, let a silent target start moving
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
            raise ConfigError(msg("Preset must be 2015 or 2017, not {preset!r}.", preset=self.preset))
        if not 1 <= self.steps <= 100_000:
            raise ConfigError(msg("Steps must be 1 to 100000; got {steps}.", steps=self.steps))
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ConfigError(msg("Learning rate must be a positive number; got {lr}.", lr=self.lr))
        if self.size is not None and (min(self.size) < 8 or max(self.size) > 2048):
            raise ConfigError(msg("Image size must be 8 to 2048 pixels; got {size}.", size=self.size))
        for name in ("norm_pct", "contrib_pct"):
            if not 0 <= getattr(self, name) < 100:
                raise ConfigError(msg(
                    "{name} must be a percentage in [0, 100); got {value}.", name=name, value=getattr(self, name)
                ))
        if not 0 <= self.decay < 1:
            raise ConfigError(msg("decay must be in [0, 1); got {decay}.", decay=self.decay))


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
        raise ConfigError(msg("Preset must be 2015 or 2017, not {preset!r}.", preset=name))
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

    Where the ordinary ReLU gradient of an image is all zero, this passes the
    incoming gradient through except where it would push an already negative
    input further down. Forward values are the ordinary ReLU's.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor) -> Tensor:
        ctx.save_for_backward(x)
        return x.clamp_min(0)

    @staticmethod
    def backward(ctx: Any, grad: Tensor) -> Tensor:
        (x,) = ctx.saved_tensors
        negative = x < 0
        relu_grad = grad.masked_fill(negative, 0)
        if relu_grad.dim() == 0:
            return relu_grad if bool(relu_grad != 0) else grad.masked_fill(negative & (grad > 0), 0)
        passes = relu_grad.reshape(relu_grad.shape[0], -1).ne(0).any(dim=1)
        # the loss is minimised: a positive gradient pushes the input down
        redirected = grad.masked_fill(negative & (grad > 0), 0)
        return torch.where(passes.view(-1, *([1] * (relu_grad.dim() - 1))), relu_grad, redirected)


class _RedirectReLUs(TorchFunctionMode):
    """Routes every ReLU of a forward pass through :class:`_RedirectedReLU` (values unchanged)."""

    FUNCS = {F.relu, torch.relu, Tensor.relu, F.relu_, torch.relu_, Tensor.relu_}

    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = kwargs or {}
        if func in self.FUNCS and args and isinstance(args[0], Tensor) and args[0].requires_grad:
            return _RedirectedReLU.apply(args[0])
        return func(*args, **kwargs)


def _objective(t: Tensor, target: FeatVisTarget) -> Tensor:
    """The scalar to maximise from the target layer's output (batch of 1)."""
    if target.class_index is not None:  # kind "class"
        idx = target.class_index
        if t.dim() != 2 or idx >= t.shape[1]:
            raise ConfigError(
                msg("The model has {outputs} outputs; class {index} does not exist.", outputs=t.shape[-1], index=idx)
            )
        return t[0, idx]
    c = target.channel
    assert c is not None  # FeatVisTarget checks: without a class, a channel is given
    if t.dim() < 2 or c >= t.shape[1]:
        raise ConfigError(msg(
            "Layer {layer!r} has {channels} channels; channel {channel} does not exist.",
            layer=target.layer, channels=t.shape[1] if t.dim() >= 2 else 0, channel=c,
        ))
    ch = t[0, c]
    if target.unit is None:
        return ch.mean()
    if ch.dim() != 2 or not (target.unit[0] < ch.shape[0] and target.unit[1] < ch.shape[1]):
        raise ConfigError(msg(
            "Layer {layer!r} is {shape} per channel; unit {unit} is outside.",
            layer=target.layer, shape=tuple(ch.shape), unit=target.unit,
        ))
    return ch[target.unit[0], target.unit[1]]


class _TargetProbe:
    """A scoped hook on the target layer: keeps its output (on the autograd graph) and stops the pass there."""

    def __init__(self, model: nn.Module, target: FeatVisTarget) -> None:
        self.model = model
        self.target = target
        self.module: nn.Module | None = None
        self.name, self.call = "", 1
        self.held: Tensor | None = None
        self.calls = 0
        if target.kind == "class":
            return
        assert target.layer is not None
        name, _, call = target.layer.partition("#")
        self.name, self.call = name, int(call) if call.isdigit() else 1
        self.module = dict(model.named_modules()).get(name) if name else None
        if self.module is None or (call and not call.isdigit()):
            import difflib

            names = [n for n, _ in model.named_modules() if n]
            close = difflib.get_close_matches(name, names, n=4, cutoff=0.4)
            if close:
                raise ModelError(msg(
                    "Unknown layer {layer!r}. Closest: {close}. Run `cnnviz summary MODEL` to list layers.",
                    layer=target.layer, close=", ".join(close),
                ))
            raise ModelError(
                msg("Unknown layer {layer!r}. Run `cnnviz summary MODEL` to list layers.", layer=target.layer)
            )

    def _hook(self, module: nn.Module, args: tuple[object, ...], output: object) -> None:
        self.calls += 1
        if self.calls != self.call:
            return
        t = first_tensor(output)
        if t is not None:
            self.held = t
            raise _StopForward

    @contextmanager
    def installed(self) -> Iterator[_TargetProbe]:
        """Install the hook (nothing for a class target); removed on exit whatever happens."""
        handle = self.module.register_forward_hook(self._hook) if self.module is not None else None
        try:
            yield self
        finally:
            if handle is not None:
                handle.remove()

    def output(self, x: Tensor) -> Tensor:
        """The target layer's output for ``x`` (the model's output for a class); hook must be installed."""
        self.held, self.calls = None, 0
        try:
            out = forward(self.model, x)
        except _StopForward:
            return self.held  # type: ignore[return-value]
        if self.target.kind != "class":
            raise ModelError(msg("Layer {layer!r} did not run in the model's forward pass.", layer=self.target.layer))
        t = first_tensor(out)
        if t is None:
            raise ModelError(msg("The model returned no tensor."))
        return t

    def objective(self, x: Tensor) -> Tensor:
        """The scalar to maximise for input ``x``."""
        return _objective(self.output(x), self.target)


def _layer_output(model: nn.Module, x: Tensor, target: FeatVisTarget) -> Tensor:
    """The target layer's output (or the model's output for a class) for input ``x``."""
    probe = _TargetProbe(model, target)
    with probe.installed():
        return probe.output(x)


def target_activation(model: nn.Module, x: Tensor, target: FeatVisTarget) -> float:
    """The target's value on input ``x`` ([1, C, H, W], normalised), in eval mode, no gradient.

    Use it on a natural exemplar's input to compare with :attr:`FeatVisResult.activation`.
    """
    with eval_mode(model), torch.no_grad():
        return float(_objective(_layer_output(model, x, target), target))


def exemplar_activation(model: nn.Module, source: Any, image_id: str, target: FeatVisTarget,
                        preprocess: Preprocess) -> float:
    """The target on a natural image of a source (e.g. the best exemplar), to show next to a result.

    ``source`` is an :class:`~cnnviz.core.atlas.sources.ImageSource`; the
    image is prepared as the exemplar index prepared it.
    """
    from cnnviz.core.atlas.inputs import source_input

    device = next((t.device for t in [*model.parameters(), *model.buffers()]), torch.device("cpu"))
    return target_activation(model, source_input(source, image_id, preprocess).to(device), target)


# --------------------------------------------------------------------------- image parameterisations


def _normalizer(pre: Preprocess, device: torch.device) -> tuple[Tensor, Tensor]:
    mean = torch.tensor(pre.mean, dtype=torch.float32, device=device).view(1, -1, 1, 1)
    std = torch.tensor(pre.std, dtype=torch.float32, device=device).view(1, -1, 1, 1)
    return mean, std


class _Fourier(nn.Module):
    """Olah et al. 2017: an image from scaled Fourier coefficients, decorrelated colours, sigmoid."""

    def __init__(self, channels: int, h: int, w: int, settings: FeatVisSettings, rng: np.random.Generator,
                 device: torch.device) -> None:
        super().__init__()
        fy = np.fft.fftfreq(h)[:, None]
        fx = np.fft.rfftfreq(w)[None, :]
        freqs = np.sqrt(fy * fy + fx * fx)
        scale = 1.0 / np.maximum(freqs, 1.0 / max(h, w)) ** settings.decay_power
        # (H, W//2+1, 1): scales the real and imaginary parts alike, without a complex multiply
        self.scale = torch.tensor(scale, dtype=torch.float32, device=device)[..., None]
        init = rng.standard_normal((channels, h, w // 2 + 1, 2)).astype(np.float32) * settings.init_std
        self.spectrum = nn.Parameter(torch.from_numpy(init).to(device))  # (C, H, W//2+1, real/imaginary)
        self.hw = (h, w)
        colour = COLOR_CORRELATION_SQRT / np.max(np.linalg.norm(COLOR_CORRELATION_SQRT, axis=0))
        self.decorrelate = settings.decorrelate and channels == 3
        self.colour = torch.tensor(colour, dtype=torch.float32, device=device)

    def forward(self) -> Tensor:
        """The image in [0, 1], ``(1, C, H, W)``."""
        spec = torch.view_as_complex(self.spectrum * self.scale)
        img = torch.fft.irfft2(spec, s=self.hw, norm="ortho")  # (C, H, W)
        if self.decorrelate:
            img = (self.colour @ img.reshape(3, -1)).reshape(img.shape)
        return torch.sigmoid(img)[None]


class _Adam:
    """Adam (Kingma & Ba 2015) for one tensor, with torch's defaults; the optimiser class's Python
    bookkeeping costs as much as a small model's step."""

    def __init__(self, param: Tensor, lr: float, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8) -> None:
        self.param, self.lr, self.betas, self.eps = param, lr, betas, eps
        self.m = torch.zeros_like(param)
        self.v = torch.zeros_like(param)
        self.t = 0

    @torch.no_grad()
    def step(self, grad: Tensor) -> None:
        """One update with ``grad`` (the gradient of the loss to minimise)."""
        b1, b2 = self.betas
        self.t += 1
        self.m.lerp_(grad, 1 - b1)
        self.v.mul_(b2).addcmul_(grad, grad, value=1 - b2)
        denom = (self.v / (1 - b2**self.t)).sqrt_().add_(self.eps)
        self.param.addcdiv_(self.m, denom, value=-self.lr / (1 - b1**self.t))


Warp = tuple[float, float, int, int]  # scale, angle (radians), shift y, shift x (pixels)


def _draw_warp(settings: FeatVisSettings, rng: np.random.Generator) -> Warp:
    """One random scale, rotation and jitter from the settings' lists."""
    s = settings.scales[int(rng.integers(len(settings.scales)))]
    a = math.radians(settings.angles[int(rng.integers(len(settings.angles)))])
    j = settings.jitter
    ty, tx = (int(v) for v in rng.integers(-j, j + 1, 2)) if j > 0 else (0, 0)
    return float(s), a, ty, tx


_BASE_GRIDS: dict[tuple[int, int, str, torch.dtype], Tensor] = {}


def _base_grid(h: int, w: int, device: torch.device, dtype: torch.dtype) -> Tensor:
    """Pixel centres in normalised coordinates, ``(H·W, 3)`` rows of (x, y, 1) (``align_corners=False``)."""
    key = (h, w, str(device), dtype)
    grid = _BASE_GRIDS.get(key)
    if grid is None:
        ys = (torch.arange(h, dtype=dtype, device=device) * 2 + 1) / h - 1
        xs = (torch.arange(w, dtype=dtype, device=device) * 2 + 1) / w - 1
        gy, gx = torch.meshgrid(ys, xs, indexing="ij")
        grid = torch.stack([gx.flatten(), gy.flatten(), torch.ones(h * w, dtype=dtype, device=device)], dim=1)
        if len(_BASE_GRIDS) > 32:
            _BASE_GRIDS.clear()
        _BASE_GRIDS[key] = grid
    return grid


def _apply_warp(img01: Tensor, warp: Warp) -> Tensor:
    """``img01`` (``(1, C, H, W)`` in [0, 1]) zoomed, rotated and shifted; same size, grey 0.5 outside."""
    s, a, ty, tx = warp
    if s == 1.0 and a == 0.0 and tx == 0 and ty == 0:
        return img01
    _, _, h, w = img01.shape
    # Output pixel p samples input at A·p + t (normalised coordinates): zoom by s, rotate by a.
    cos, sin = math.cos(a) / s, math.sin(a) / s
    theta = torch.tensor(
        [[cos, sin * w / h], [-sin * h / w, cos], [2.0 * tx / w, 2.0 * ty / h]], dtype=img01.dtype,
    ).to(img01.device, non_blocking=True)  # (3, 2): grid rows (x, y, 1) @ theta = sampled (x, y)
    grid = (_base_grid(h, w, img01.device, img01.dtype) @ theta).view(1, h, w, 2)
    return F.grid_sample(img01 - 0.5, grid, mode="bilinear", padding_mode="zeros", align_corners=False) + 0.5


def _random_warp(img01: Tensor, settings: FeatVisSettings, rng: np.random.Generator) -> Tensor:
    """One random jitter + scale + rotation of ``img01``, same size, grey fill."""
    return _apply_warp(img01, _draw_warp(settings, rng))


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
    """Set to 0 (in place) the pixels whose ``score`` (``(1, 1, H, W)``) is in the lowest ``pct`` percent."""
    if pct <= 0:
        return x
    k = max(1, int(score.numel() * pct / 100.0))
    threshold = score.flatten().kthvalue(k).values
    return x.masked_fill_(score <= threshold, 0.0)


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
    rng = np.random.default_rng(int(settings.seed))
    history: list[float] = []
    stopped = False

    probe = _TargetProbe(model, target)

    minus_one = torch.tensor(-1.0, device=device)  # d(-objective)/d(objective): a loss to minimise
    inv_std, shift = 1.0 / std, -mean / std

    def ascend(loss_of: Callable[[], Tensor], inputs: list[Tensor]) -> tuple[Tensor, list[Tensor]]:
        """Objective and the gradients of ``-objective``; redone through redirected ReLUs if all are zero."""
        obj = loss_of()
        grads = list(torch.autograd.grad(obj, inputs, grad_outputs=minus_one))
        if settings.redirect_relu and not any(bool(g.any()) for g in grads):
            with _RedirectReLUs():
                obj = loss_of()
                grads = list(torch.autograd.grad(obj, inputs, grad_outputs=minus_one))
        return obj, grads

    with eval_mode(model), torch.enable_grad(), probe.installed():
        if settings.preset == "2017":
            param = _Fourier(channels, h, w, settings, rng, device)
            opt = _Adam(param.spectrum, settings.lr)
            picture: Callable[[], Tensor] = param
            for step in range(1, settings.steps + 1):
                if cancel is not None and cancel.cancelled:
                    stopped = True
                    break
                warp = _draw_warp(settings, rng)
                obj, (grad,) = ascend(partial(_warped_objective, probe, param, warp, shift, inv_std),
                                      [param.spectrum])
                opt.step(grad)
                history.append(float(obj.detach()))
                _report(on_step, step, settings, history[-1], param)
        else:
            lo, hi = (0 - mean) / std, (1 - mean) / std
            noise = torch.from_numpy(rng.standard_normal((1, channels, h, w)).astype(np.float32)).to(device)
            x = ((0.5 + settings.init_std * noise - mean) / std).clamp(lo, hi)
            for step in range(1, settings.steps + 1):
                if cancel is not None and cancel.cancelled:
                    stopped = True
                    break
                x.requires_grad_(True)
                obj, (down,) = ascend(partial(probe.objective, x), [x])
                with torch.no_grad():
                    x = _step_2015(x.detach(), -down, settings, step, lo, hi)
                history.append(float(obj.detach()))
                _report(on_step, step, settings, history[-1], partial(torch.addcmul, mean, x, std))
            final_x = x.detach()

            def picture() -> Tensor:
                return final_x * std + mean

    with torch.no_grad():
        image = _to_uint8(picture())
    # Measure on what the saved PNG gives when the Inspect tab or `cnnviz activations` reads it back.
    from cnnviz.core.atlas.inputs import batch_inputs

    as_file = replace(preprocess, resize_size=None, crop_size=(h, w))
    x_final = batch_inputs([image], as_file).to(device)
    with eval_mode(model), torch.no_grad(), probe.installed():
        out = probe.output(x_final)
        activation = float(_objective(out, target))
        channel = None if target.kind == "class" else out[0, target.channel].float()
    return FeatVisResult(
        image, x_final.cpu(), activation,
        None if channel is None else float(channel.mean()), None if channel is None else float(channel.max()),
        target, settings, history, stopped,
    )


def _warped_objective(probe: _TargetProbe, param: _Fourier, warp: Warp, shift: Tensor, inv_std: Tensor) -> Tensor:
    return probe.objective(torch.addcmul(shift, _apply_warp(param(), warp), inv_std))  # normalised


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
    x = torch.add(x, grad, alpha=s.lr * grad.numel() / (float(grad.norm(p=1)) + 1e-20)).mul_(1.0 - s.decay)
    if s.blur_every > 0 and s.blur_sigma > 0 and step % s.blur_every == 0:
        x = _gaussian_blur(x, s.blur_sigma)
    if s.norm_pct > 0:
        x = _clip_small(x, torch.linalg.vector_norm(x, dim=1, keepdim=True), s.norm_pct)
    if s.contrib_pct > 0:
        x = _clip_small(x, (x * grad).abs_().sum(dim=1, keepdim=True), s.contrib_pct)
    return x.clamp_(lo, hi)
