"""2-D loss surfaces f(x, y) for the optimizer playground.

Each surface is registered by name with its parameters, the part of the plane
worth looking at, where its minima are and a default starting point. The
function is written with torch operations so that autograd gives the exact
gradient the real optimizers need, and it works element-wise, so the same
function evaluates a single point or a whole grid for the contour plot.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from cnnviz.core.errors import ConfigError

SurfaceFn = Callable[..., torch.Tensor]
"""``fn(x, y, **params) -> Tensor``, element-wise in ``x`` and ``y``."""


class UnknownSurfaceError(ConfigError):
    """No surface is registered under that name."""


class SurfaceParamError(ConfigError):
    """A surface parameter is unknown or out of range."""


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a surface (for example an eigenvalue or a rotation)."""

    name: str
    default: float
    minimum: float
    maximum: float
    help_en: str
    help_zh: str
    unit: str = ""


@dataclass(frozen=True)
class Landmark:
    """A special point drawn on the surface: a minimum or a saddle point."""

    x: float
    y: float
    kind: str  # "minimum" | "saddle"


@dataclass(frozen=True)
class Bounds:
    """The rectangle the plot shows: x in [xmin, xmax], y in [ymin, ymax]."""

    xmin: float
    xmax: float
    ymin: float
    ymax: float

    @property
    def width(self) -> float:
        """xmax - xmin."""
        return self.xmax - self.xmin

    @property
    def height(self) -> float:
        """ymax - ymin."""
        return self.ymax - self.ymin

    def contains(self, x: float, y: float) -> bool:
        """True if (x, y) lies inside the rectangle (edges included)."""
        return self.xmin <= x <= self.xmax and self.ymin <= y <= self.ymax

    def expanded(self, fraction: float) -> Bounds:
        """The rectangle grown by ``fraction`` of its size on every side."""
        dx, dy = self.width * fraction, self.height * fraction
        return Bounds(self.xmin - dx, self.xmax + dx, self.ymin - dy, self.ymax + dy)


@dataclass(frozen=True)
class SurfaceSpec:
    """Everything known about a registered surface, before choosing parameters."""

    name: str
    title_en: str
    title_zh: str
    formula: str
    description_en: str
    description_zh: str
    fn: SurfaceFn
    bounds: Bounds
    default_start: tuple[float, float]
    landmarks: Callable[[Mapping[str, float]], list[Landmark]]
    params: tuple[ParamSpec, ...] = ()
    min_value: float | None = 0.0  # None: unbounded below
    default_steps: int = 200
    suggested: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """Per optimizer name, hyperparameters that make a good race on this surface."""

    def param(self, name: str) -> ParamSpec:
        """The parameter called ``name`` (SurfaceParamError if there is none)."""
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise SurfaceParamError(
            f"Surface '{self.name}' has no parameter '{name}' (its parameters: {known})."
        )

    def resolve(self, params: Mapping[str, Any] | None = None) -> Surface:
        """A concrete :class:`Surface` with validated parameters (defaults filled in)."""
        values = {p.name: float(p.default) for p in self.params}
        for key, raw in (params or {}).items():
            spec = self.param(key)
            try:
                value = float(raw)
            except (TypeError, ValueError):
                raise SurfaceParamError(
                    f"Surface parameter {key} must be a number, got {raw!r}."
                ) from None
            if not (math.isfinite(value) and spec.minimum <= value <= spec.maximum):
                raise SurfaceParamError(
                    f"Surface parameter {key}={value:g} is out of range "
                    f"[{spec.minimum:g}, {spec.maximum:g}]."
                )
            values[key] = value
        return Surface(self, values)


@dataclass(frozen=True)
class Surface:
    """A surface with its parameters fixed: call it like ``f(x, y)``."""

    spec: SurfaceSpec
    params: Mapping[str, float]

    @property
    def name(self) -> str:
        """The registered name."""
        return self.spec.name

    @property
    def bounds(self) -> Bounds:
        """The rectangle the plot shows."""
        return self.spec.bounds

    def __call__(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return self.spec.fn(x, y, **self.params)

    def value(self, x: float, y: float) -> float:
        """f(x, y) at one point, as a Python float (float64 arithmetic)."""
        t = torch.tensor([x, y], dtype=torch.float64)
        return float(self(t[0], t[1]))

    def gradient(self, x: float, y: float) -> tuple[float, float]:
        """(∂f/∂x, ∂f/∂y) at one point by autograd (float64)."""
        p = torch.tensor([x, y], dtype=torch.float64, requires_grad=True)
        (g,) = torch.autograd.grad(self(p[0], p[1]), p)
        return float(g[0]), float(g[1])

    def hessian(self, x: float, y: float) -> np.ndarray:
        """The 2×2 Hessian at one point by autograd (float64)."""
        p = torch.tensor([x, y], dtype=torch.float64)
        h: torch.Tensor = torch.autograd.functional.hessian(lambda q: self(q[0], q[1]), p)
        return h.numpy().copy()

    def landmarks(self) -> list[Landmark]:
        """Minima (and saddle points) to mark on the plot."""
        return self.spec.landmarks(self.params)

    def minima(self) -> list[Landmark]:
        """Only the minima."""
        return [m for m in self.landmarks() if m.kind == "minimum"]

    def grid(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """f on the grid ``ys × xs`` as a float64 array of shape (len(ys), len(xs))."""
        gx = torch.as_tensor(np.asarray(xs, dtype=np.float64))
        gy = torch.as_tensor(np.asarray(ys, dtype=np.float64))
        yy, xx = torch.meshgrid(gy, gx, indexing="ij")
        with torch.no_grad():
            return self(xx, yy).numpy().astype(np.float64, copy=False)


_SURFACES: dict[str, SurfaceSpec] = {}


def register_surface(**meta: Any) -> Callable[[SurfaceFn], SurfaceFn]:
    """Decorator: register ``fn(x, y, **params)`` under ``meta['name']`` with its metadata."""

    def wrap(fn: SurfaceFn) -> SurfaceFn:
        name = meta["name"]
        if name in _SURFACES:
            raise ValueError(f"surface {name!r} registered twice")
        _SURFACES[name] = SurfaceSpec(fn=fn, **meta)
        return fn

    return wrap


def list_surfaces() -> list[str]:
    """Registered surface names, in registration order (the GUI's menu order)."""
    return list(_SURFACES)


def get_surface_spec(name: str) -> SurfaceSpec:
    """The spec of surface ``name`` (UnknownSurfaceError with suggestions if unknown)."""
    try:
        return _SURFACES[name]
    except KeyError:
        close = difflib.get_close_matches(name, list(_SURFACES), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UnknownSurfaceError(
            f"Unknown surface '{name}'. Known: {', '.join(_SURFACES)}.{hint}"
        ) from None


def get_surface(name: str, params: Mapping[str, Any] | None = None) -> Surface:
    """Surface ``name`` with ``params`` (defaults for the rest), validated."""
    return get_surface_spec(name).resolve(params)


# --------------------------------------------------------------------------- surfaces


def quadratic_hessian(lambda1: float, lambda2: float, angle: float) -> np.ndarray:
    """H = R diag(λ1, λ2) Rᵀ, R the rotation by ``angle`` degrees (float64 2×2)."""
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    r = np.array([[c, -s], [s, c]])
    h: np.ndarray = r @ np.diag([lambda1, lambda2]) @ r.T
    return h


def _quadratic(x: torch.Tensor, y: torch.Tensor, *, lambda1: float, lambda2: float, angle: float) -> torch.Tensor:
    # Python floats: a numpy scalar times a tensor would turn the result into an ndarray.
    h: list[list[float]] = quadratic_hessian(lambda1, lambda2, angle).tolist()
    return 0.5 * (h[0][0] * x * x + 2.0 * h[0][1] * x * y + h[1][1] * y * y)


register_surface(
    name="quadratic",
    title_en="Quadratic bowl ½xᵀHx",
    title_zh="二次碗 ½xᵀHx",
    formula="½ xᵀHx,  H = R(θ) diag(λ1, λ2) R(θ)ᵀ",
    description_en=(
        "A bowl whose curvature is λ1 along one axis and λ2 along the other, turned by θ. "
        "The ratio λmax/λmin (the condition number) makes it a round bowl or a narrow ravine. "
        "Gradient descent converges here exactly when 0 < lr < 2/λmax."
    ),
    description_zh=(
        "一个碗：沿一个轴的曲率为 λ1，沿另一个轴为 λ2，并旋转 θ 度。"
        "比值 λmax/λmin（条件数）决定它是圆碗还是狭长的沟谷。"
        "在这里梯度下降恰好在 0 < lr < 2/λmax 时收敛。"
    ),
    bounds=Bounds(-3.0, 3.0, -3.0, 3.0),
    default_start=(-2.5, 2.0),
    landmarks=lambda p: [Landmark(0.0, 0.0, "minimum")],
    params=(
        ParamSpec("lambda1", 1.0, 0.01, 100.0, "Curvature (eigenvalue of H) along the first axis.",
                  "沿第一个轴的曲率（H 的特征值）。"),
        ParamSpec("lambda2", 10.0, 0.01, 100.0, "Curvature (eigenvalue of H) along the second axis.",
                  "沿第二个轴的曲率（H 的特征值）。"),
        ParamSpec("angle", 30.0, -90.0, 90.0, "Rotation of the bowl's axes, in degrees.",
                  "碗的主轴旋转角度（度）。", unit="°"),
    ),
    default_steps=150,
    suggested={
        "sgd": {"lr": 0.18},
        "momentum": {"lr": 0.03},
        "nesterov": {"lr": 0.03},
        "adagrad": {"lr": 0.8},
        "rmsprop": {"lr": 0.03},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.15},
        "adamw": {"lr": 0.15},
    },
)(_quadratic)


@register_surface(
    name="rosenbrock",
    title_en="Rosenbrock's banana",
    title_zh="Rosenbrock 香蕉函数",
    formula="(a − x)² + b (y − x²)²",
    description_en=(
        "A curved, flat-bottomed valley. Finding the valley is easy; following its bend to "
        "the minimum at (a, a²) is slow for plain gradient descent."
    ),
    description_zh="一条弯曲、谷底平坦的山谷。找到山谷很容易；沿着弯道走到最小值 (a, a²) 对普通梯度下降却很慢。",
    bounds=Bounds(-2.0, 2.0, -1.0, 3.0),
    default_start=(-1.5, 2.0),
    landmarks=lambda p: [Landmark(p["a"], p["a"] ** 2, "minimum")],
    params=(
        ParamSpec("a", 1.0, -1.5, 1.5, "The minimum sits at (a, a²).", "最小值位于 (a, a²)。"),
        ParamSpec("b", 100.0, 1.0, 500.0, "Steepness of the valley walls.", "谷壁的陡峭程度。"),
    ),
    default_steps=800,
    suggested={
        "sgd": {"lr": 0.001},
        "momentum": {"lr": 0.001},
        "nesterov": {"lr": 0.001},
        "adagrad": {"lr": 2.0},
        "rmsprop": {"lr": 0.01},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.05},
        "adamw": {"lr": 0.05},
    },
)
def _rosenbrock(x: torch.Tensor, y: torch.Tensor, *, a: float, b: float) -> torch.Tensor:
    return (a - x) ** 2 + b * (y - x * x) ** 2


_HIMMELBLAU_MINIMA = (
    (3.0, 2.0),
    (-2.805118086952745, 3.131312518250573),
    (-3.779310253377747, -3.283185991286170),
    (3.584428340330492, -1.848126526964404),
)


@register_surface(
    name="himmelblau",
    title_en="Himmelblau (four minima)",
    title_zh="Himmelblau（四个最小值）",
    formula="(x² + y − 11)² + (x + y² − 7)²",
    description_en=(
        "Four equally deep minima. Which one an optimizer reaches depends on where it starts "
        "and on how it moves: momentum can carry it past the nearest basin."
    ),
    description_zh="四个同样深的最小值。优化器到达哪一个取决于起点和它的运动方式：动量可能把它带过最近的盆地。",
    bounds=Bounds(-5.0, 5.0, -5.0, 5.0),
    default_start=(-0.3, -0.9),
    landmarks=lambda p: [Landmark(x, y, "minimum") for x, y in _HIMMELBLAU_MINIMA],
    default_steps=300,
    suggested={
        "sgd": {"lr": 0.01},
        "momentum": {"lr": 0.002},
        "nesterov": {"lr": 0.002},
        "adagrad": {"lr": 1.0},
        "rmsprop": {"lr": 0.05},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.1},
        "adamw": {"lr": 0.1},
    },
)
def _himmelblau(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2


@register_surface(
    name="beale",
    title_en="Beale",
    title_zh="Beale 函数",
    formula="(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
    description_en=(
        "Flat plateaus and very steep corners around a narrow valley to the minimum at (3, 0.5): "
        "the gradient's size changes by orders of magnitude, which adaptive methods handle better."
    ),
    description_zh="平坦的高原和极陡的角落，中间一条狭窄的山谷通向最小值 (3, 0.5)：梯度大小相差几个数量级，自适应方法更能应对。",
    bounds=Bounds(-4.5, 4.5, -4.5, 4.5),
    default_start=(0.7, 1.4),
    landmarks=lambda p: [Landmark(3.0, 0.5, "minimum")],
    default_steps=500,
    suggested={
        "sgd": {"lr": 0.003},
        "momentum": {"lr": 0.0005},
        "nesterov": {"lr": 0.0005},
        "adagrad": {"lr": 0.5},
        "rmsprop": {"lr": 0.01},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.05},
        "adamw": {"lr": 0.05},
    },
)
def _beale(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return (
        (1.5 - x + x * y) ** 2
        + (2.25 - x + x * y * y) ** 2
        + (2.625 - x + x * y * y * y) ** 2
    )


@register_surface(
    name="rastrigin",
    title_en="Rastrigin (many local minima)",
    title_zh="Rastrigin（大量局部最小值）",
    formula="2A + x² − A cos 2πx + y² − A cos 2πy",
    description_en=(
        "A bowl covered in bumps: every integer point is a local minimum. Gradient methods "
        "stop in the first dip they meet; only the one at (0, 0) is global."
    ),
    description_zh="布满凸起的碗：每个整数点都是局部最小值。梯度方法会停在遇到的第一个凹陷；只有 (0, 0) 是全局最小值。",
    bounds=Bounds(-5.12, 5.12, -5.12, 5.12),
    default_start=(3.3, 4.2),
    landmarks=lambda p: [Landmark(0.0, 0.0, "minimum")],
    params=(
        ParamSpec("A", 10.0, 0.0, 50.0, "Height of the bumps (0 gives a plain bowl).",
                  "凸起的高度（0 时为普通的碗）。"),
    ),
    default_steps=300,
    suggested={
        "sgd": {"lr": 0.002},
        "momentum": {"lr": 0.004},
        "nesterov": {"lr": 0.003},
        "adagrad": {"lr": 1.0},
        "rmsprop": {"lr": 0.2},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.3},
        "adamw": {"lr": 0.3},
    },
)
def _rastrigin(x: torch.Tensor, y: torch.Tensor, *, A: float) -> torch.Tensor:  # noqa: N803
    two_pi = 2.0 * math.pi
    return 2.0 * A + x * x - A * torch.cos(two_pi * x) + y * y - A * torch.cos(two_pi * y)


@register_surface(
    name="saddle",
    title_en="Saddle x² − y²",
    title_zh="鞍面 x² − y²",
    formula="x² − y²",
    description_en=(
        "Downhill in y, uphill in x, with a flat point at (0, 0) that is not a minimum. "
        "Starting almost on the ridge, plain gradient descent lingers near the saddle before "
        "escaping; the loss has no lower bound, so every path eventually leaves the plot."
    ),
    description_zh="沿 y 下坡、沿 x 上坡，(0, 0) 处梯度为零却不是最小值。从几乎位于山脊上的点出发，普通梯度下降会在鞍点附近徘徊后才逃离；损失无下界，所以每条路径最终都会离开画面。",
    bounds=Bounds(-2.0, 2.0, -2.0, 2.0),
    default_start=(-1.8, 0.001),
    landmarks=lambda p: [Landmark(0.0, 0.0, "saddle")],
    min_value=None,
    default_steps=200,
    suggested={
        "sgd": {"lr": 0.05},
        "momentum": {"lr": 0.01},
        "nesterov": {"lr": 0.01},
        "adagrad": {"lr": 0.3},
        "rmsprop": {"lr": 0.02},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.05},
        "adamw": {"lr": 0.05},
    },
)
def _saddle(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return x * x - y * y


@register_surface(
    name="valley",
    title_en="Narrow winding valley",
    title_zh="狭窄弯曲的山谷",
    formula="0.1 x² + s (y − 0.5 sin 2x)²",
    description_en=(
        "Gentle along the valley floor, steep across it (curvatures about 0.2 and 2s). "
        "Plain gradient descent bounces between the walls; momentum and adaptive steps follow the floor."
    ),
    description_zh="沿谷底平缓，横穿山谷陡峭（曲率约为 0.2 与 2s）。普通梯度下降在两壁之间来回弹跳；动量和自适应步长则沿谷底前进。",
    bounds=Bounds(-4.0, 4.0, -2.0, 2.0),
    default_start=(-3.7, 1.5),
    landmarks=lambda p: [Landmark(0.0, 0.0, "minimum")],
    params=(
        ParamSpec("steepness", 10.0, 0.5, 100.0, "s: how steep the valley walls are.",
                  "s：谷壁的陡峭程度。"),
    ),
    default_steps=300,
    suggested={
        "sgd": {"lr": 0.045},
        "momentum": {"lr": 0.005},
        "nesterov": {"lr": 0.005},
        "adagrad": {"lr": 0.8},
        "rmsprop": {"lr": 0.03},
        "adadelta": {"lr": 10.0},
        "adam": {"lr": 0.1},
        "adamw": {"lr": 0.1},
    },
)
def _valley(x: torch.Tensor, y: torch.Tensor, *, steepness: float) -> torch.Tensor:
    return 0.1 * x * x + steepness * (y - 0.5 * torch.sin(2.0 * x)) ** 2
