"""Step-by-step models of a convolution, a pooling layer and a 1×1 convolution.

Each model holds small arrays of numbers (float64, channels first) and can
list, for every output element, the window it reads in the padded input, the
element-wise products and their sum. The GUI animates these steps; tests check
that the assembled output equals ``torch.nn.functional.conv2d`` /
``max_pool2d`` / ``avg_pool2d`` on the same numbers. No torch is needed here.

Steps are ordered output channel first, then row by row, left to right (the
order the notes describe: "from left to right, top to bottom").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from cnnviz.core.explain.output_size import SizeExplanation, explain_output_size
from cnnviz.core.explain.text import ExplainError, Text
from cnnviz.core.messages import msg

MAX_CELLS = 64  # per axis: enough to teach, small enough to draw every number


@dataclass(frozen=True)
class Window:
    """Kernel F, stride S, padding P, dilation D (square, as the notes teach)."""

    kernel: int = 3
    stride: int = 1
    padding: int = 0
    dilation: int = 1

    def taps(self, out_index: int) -> tuple[int, ...]:
        """Padded coordinates read by output index ``out_index`` along one axis."""
        start = out_index * self.stride
        return tuple(start + self.dilation * t for t in range(self.kernel))


@dataclass(frozen=True)
class Step:
    """One output element: where the window is, what it multiplies, what it adds up to."""

    index: int  # position in the step sequence
    channel: int  # output channel (convolution) or channel (pooling)
    out_y: int
    out_x: int
    rows: tuple[int, ...]  # padded row of each tap
    cols: tuple[int, ...]  # padded column of each tap
    window: np.ndarray  # (C, F, F) padded-input values under the taps (pool: (1, F, F))
    weights: np.ndarray | None  # (C, F, F) for a convolution, None for pooling
    products: np.ndarray | None  # window · weights, None for pooling
    bias: float
    value: float  # what lands in the output cell
    in_padding: np.ndarray = field(repr=False)  # (F, F) True where a tap is padding
    pick: tuple[int, int] | None = None  # max pooling: the (row, col) tap that won

    @property
    def channel_sums(self) -> np.ndarray:
        """Sum of the products per input channel (convolution only)."""
        assert self.products is not None
        sums: np.ndarray = self.products.sum(axis=(1, 2))
        return sums


def _check_grid(x: np.ndarray, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim != 3:
        raise ExplainError(msg("{name} must be channels × height × width, got shape {shape}.", name=name, shape=arr.shape))
    if min(arr.shape) < 1 or max(arr.shape[1:]) > MAX_CELLS:
        raise ExplainError(msg(
            "{name} must be between 1 and {most} cells per side, got {shape}.", name=name, most=MAX_CELLS, shape=arr.shape[1:]
        ))
    return arr


class _Sliding(Sequence[Step]):
    """Common part of convolution and pooling: padding, output size, indexing."""

    def __init__(self, x: np.ndarray, window: Window, pad_value: float) -> None:
        self.x = _check_grid(x, msg("The input"))
        self.window = window
        c, h, w = self.x.shape
        self.sizes: tuple[SizeExplanation, SizeExplanation] = explain_output_size(
            (h, w), window.kernel, window.stride, window.padding, window.dilation
        )
        p = window.padding
        self.padded = np.full((c, h + 2 * p, w + 2 * p), pad_value, dtype=np.float64)
        self.padded[:, p : p + h, p : p + w] = self.x
        self.pad_mask = np.ones((h + 2 * p, w + 2 * p), dtype=bool)
        self.pad_mask[p : p + h, p : p + w] = False

    @property
    def out_hw(self) -> tuple[int, int]:
        """Output height and width."""
        return (self.sizes[0].out, self.sizes[1].out)

    @property
    def out_channels(self) -> int:
        raise NotImplementedError

    def __len__(self) -> int:
        return self.out_channels * self.out_hw[0] * self.out_hw[1]

    def position(self, index: int) -> tuple[int, int, int]:
        """(channel, out_y, out_x) of step ``index``."""
        if not 0 <= index < len(self):
            raise IndexError(index)
        h, w = self.out_hw
        return index // (h * w), (index // w) % h, index % w

    def index_of(self, channel: int, out_y: int, out_x: int) -> int:
        """The step index that fills output cell (channel, out_y, out_x)."""
        h, w = self.out_hw
        return channel * h * w + out_y * w + out_x

    def _taps(self, oy: int, ox: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[np.ndarray, np.ndarray]]:
        rows, cols = self.window.taps(oy), self.window.taps(ox)
        row_index, col_index = np.ix_(rows, cols)
        return rows, cols, (row_index, col_index)

    def __getitem__(self, index: int) -> Step:  # type: ignore[override]
        if index < 0:
            index += len(self)
        return self._step(index, *self.position(index))

    def _step(self, index: int, ch: int, oy: int, ox: int) -> Step:
        raise NotImplementedError

    def steps(self) -> Iterator[Step]:
        """Every step in order."""
        for i in range(len(self)):
            yield self[i]

    def output(self) -> np.ndarray:
        """The full output (C_out, H_out, W_out) assembled from the steps."""
        h, w = self.out_hw
        out = np.zeros((self.out_channels, h, w), dtype=np.float64)
        for s in self.steps():
            out[s.channel, s.out_y, s.out_x] = s.value
        return out


class ConvAnimation(_Sliding):
    """A 2-D convolution (cross-correlation, as in PyTorch) on small arrays.

    ``x`` is (C, H, W), ``weight`` is (C_out, C, F, F) and ``bias`` (C_out,) or
    None. The output equals ``F.conv2d(x, weight, bias, S, P, D)``.
    """

    def __init__(
        self, x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None, *, stride: int = 1,
        padding: int = 0, dilation: int = 1,
    ) -> None:
        w = np.asarray(weight, dtype=np.float64)
        if w.ndim != 4 or w.shape[2] != w.shape[3]:
            raise ExplainError(msg("The kernel must be C_out × C × F × F, got shape {shape}.", shape=w.shape))
        super().__init__(x, Window(int(w.shape[2]), stride, padding, dilation), pad_value=0.0)
        if w.shape[1] != self.x.shape[0]:
            raise ExplainError(msg(
                "The kernel has {kernel} channels but the input has {input}: a kernel always spans every input channel.",
                kernel=w.shape[1], input=self.x.shape[0],
            ))
        self.weight = w
        self.bias = np.zeros(w.shape[0]) if bias is None else np.asarray(bias, dtype=np.float64).reshape(-1)
        if self.bias.shape[0] != w.shape[0]:
            raise ExplainError(
                msg("Need one bias per filter ({filters}), got {biases}.", filters=w.shape[0], biases=self.bias.shape[0])
            )

    @property
    def out_channels(self) -> int:
        """Number of filters, C_out."""
        return int(self.weight.shape[0])

    def _step(self, index: int, ch: int, oy: int, ox: int) -> Step:
        rows, cols, ix = self._taps(oy, ox)
        window = self.padded[(slice(None), *ix)]
        products = window * self.weight[ch]
        bias = float(self.bias[ch])
        return Step(
            index=index, channel=ch, out_y=oy, out_x=ox, rows=rows, cols=cols, window=window,
            weights=self.weight[ch], products=products, bias=bias, value=float(products.sum() + bias),
            in_padding=self.pad_mask[ix],
        )


class PoolAnimation(_Sliding):
    """Max or average pooling on small arrays, one channel at a time.

    Equals ``F.max_pool2d(x, F, S, P, D)`` or ``F.avg_pool2d(x, F, S, P,
    count_include_pad=…)`` (average pooling has no dilation in PyTorch).
    """

    def __init__(
        self, x: np.ndarray, kernel: int, *, mode: str = "max", stride: int | None = None, padding: int = 0,
        dilation: int = 1, count_include_pad: bool = True,
    ) -> None:
        if mode not in ("max", "avg"):
            raise ExplainError(msg("Pooling is 'max' or 'avg', not {mode!r}.", mode=mode))
        if mode == "avg" and dilation != 1:
            raise ExplainError(msg("Average pooling has no dilation (D must be 1)."))
        if 2 * padding > kernel:
            raise ExplainError(msg(
                "Padding P = {padding} is more than half the window F = {kernel}: some windows would see "
                "only padding. PyTorch requires P ≤ F / 2 for pooling.",
                padding=padding, kernel=kernel,
            ))
        self.mode = mode
        self.count_include_pad = count_include_pad
        pad_value = -np.inf if mode == "max" else 0.0
        super().__init__(x, Window(kernel, kernel if stride is None else stride, padding, dilation), pad_value)

    @property
    def out_channels(self) -> int:
        """Pooling keeps the channels."""
        return int(self.x.shape[0])

    def _step(self, index: int, ch: int, oy: int, ox: int) -> Step:
        rows, cols, ix = self._taps(oy, ox)
        window = self.padded[ch][ix]
        pad = self.pad_mask[ix]
        pick = None
        if self.mode == "max":
            flat = int(np.argmax(window))
            pick = divmod(flat, window.shape[1])
            value = float(window.flat[flat])
        else:
            count = window.size if self.count_include_pad else int((~pad).sum())
            value = float(window.sum() / count)
        return Step(
            index=index, channel=ch, out_y=oy, out_x=ox, rows=rows, cols=cols, window=window[None],
            weights=None, products=None, bias=0.0, value=value, in_padding=pad, pick=pick,
        )


@dataclass(frozen=True)
class ChannelMix:
    """A 1×1 convolution at one pixel: the C_in values there, mixed into C_out outputs.

    ``out[o] = Σ_c weight[o, c] · pixel[c] + bias[o]`` — a small fully
    connected layer applied at every pixel (the NiN idea), which changes the
    number of channels and leaves the height and width alone.
    """

    pixel: np.ndarray  # (C_in,)
    weight: np.ndarray  # (C_out, C_in)
    bias: np.ndarray  # (C_out,)

    @classmethod
    def at(cls, x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None, y: int, x_: int) -> ChannelMix:
        """The mix at pixel (y, x_) of ``x`` (C_in, H, W); ``weight`` (C_out, C_in[, 1, 1])."""
        arr = _check_grid(x, msg("The input"))
        w = np.asarray(weight, dtype=np.float64).reshape(np.shape(weight)[0], -1)
        if w.shape[1] != arr.shape[0]:
            raise ExplainError(msg(
                "The 1×1 kernel has {kernel} input channels, the input {input}.", kernel=w.shape[1], input=arr.shape[0]
            ))
        if not (0 <= y < arr.shape[1] and 0 <= x_ < arr.shape[2]):
            raise ExplainError(msg(
                "Pixel ({y}, {x}) is outside the {height}×{width} input.", y=y, x=x_, height=arr.shape[1], width=arr.shape[2]
            ))
        b = np.zeros(w.shape[0]) if bias is None else np.asarray(bias, dtype=np.float64).reshape(-1)
        return cls(pixel=arr[:, y, x_].copy(), weight=w, bias=b)

    @property
    def products(self) -> np.ndarray:
        """(C_out, C_in): weight[o, c] · pixel[c]."""
        products: np.ndarray = self.weight * self.pixel[None, :]
        return products

    @property
    def output(self) -> np.ndarray:
        """(C_out,): the mixed values at this pixel."""
        mixed: np.ndarray = self.products.sum(axis=1) + self.bias
        return mixed

    def params(self) -> int:
        """Parameters of the 1×1 layer: (1·1·C_in + 1)·C_out."""
        return (int(self.weight.shape[1]) + 1) * int(self.weight.shape[0])

    def explanation(self) -> Text:
        """What a 1×1 convolution does, with this layer's numbers."""
        cout, cin = self.weight.shape
        n = self.params()
        return Text(
            f"A 1×1 convolution looks at one pixel at a time and mixes its C_in = {cin} channel values into "
            f"C_out = {cout} new ones: out[o] = Σ_c w[o, c]·x[c] + b[o]. It is a small fully connected layer "
            f"shared by every pixel, so height and width stay the same while the channels go {cin} → {cout}, "
            f"with (1·1·{cin} + 1)·{cout} = {n} parameters. NiN follows each convolution with 1×1 convolutions "
            f"(and a ReLU) to add non-linearity; GoogLeNet and ResNet's bottlenecks use them to cut channels "
            f"before the expensive 3×3 and 5×5 convolutions.",
            f"1×1 卷积每次只看一个像素，把该像素的 C_in = {cin} 个通道值混合成 C_out = {cout} 个新值："
            f"out[o] = Σ_c w[o, c]·x[c] + b[o]。它相当于一个所有像素共享的小全连接层，所以高和宽不变，"
            f"通道数从 {cin} 变为 {cout}，参数量为 (1·1·{cin} + 1)·{cout} = {n}。NiN 在每个卷积后接 1×1 卷积"
            f"（加 ReLU）来增加非线性；GoogLeNet 和 ResNet 的瓶颈结构用它在昂贵的 3×3、5×5 卷积之前降维。",
        )


def example_input(channels: int, h: int, w: int, seed: int = 0) -> np.ndarray:
    """Small integers 0…3, like the textbook grids (reproducible per seed)."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 4, size=(channels, h, w)).astype(np.float64)


def example_pool_input(channels: int, h: int, w: int, seed: int = 3) -> np.ndarray:
    """Integers 0…9 for pooling: windows hold different values, so max and mean differ and outputs vary.

    (0…3 made most 2×2 windows contain a 3, and max pooling gave all 3s.)
    The default seed gives six different maxima in the 6×6, 2×2 / stride 2 opening example.
    """
    rng = np.random.default_rng(seed)
    return rng.integers(0, 10, size=(channels, h, w)).astype(np.float64)


def example_kernel(out_channels: int, channels: int, f: int, seed: int = 1) -> np.ndarray:
    """Small integers −1…1 (edge-detector-like), reproducible per seed."""
    rng = np.random.default_rng(seed)
    return rng.integers(-1, 2, size=(out_channels, channels, f, f)).astype(np.float64)


def resize_grid(old: np.ndarray, shape: tuple[int, ...], fill: np.ndarray) -> np.ndarray:
    """``fill`` (already of ``shape``) with the overlapping part of ``old`` kept.

    Changing a spinbox keeps the numbers a lecturer typed wherever they still fit.
    """
    out = np.array(fill, dtype=np.float64, copy=True)
    if old.ndim != out.ndim:
        return out
    common = tuple(slice(0, min(a, b)) for a, b in zip(old.shape, out.shape, strict=True))
    out[common] = old[common]
    return out
