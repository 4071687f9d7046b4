"""One :class:`LayerInfo` per module call, in execution order.

``summarize(model, input_shape)`` runs one forward pass (eval mode, no
gradients) with hooks on every module and a receptive-field tracker, and
returns a :class:`ModelSummary`. The GUI's layer tree and math panel and the
CLI's ``cnnviz summary`` all print these same dataclasses, so they cannot
disagree. See :mod:`cnnviz.core.geometry` for the formulas and conventions.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, ParamSpec, TypeVar

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode

from cnnviz.core import geometry as geo
from cnnviz.core.errors import ConfigError, ModelForwardError
from cnnviz.core.graph_trace import GraphRecorder, GraphTrace
from cnnviz.core.macs import MacCounter
from cnnviz.core.probe import call_key, eval_mode, first_tensor, forward
from cnnviz.core.receptive import ReceptiveField
from cnnviz.core.rf_tracking import RFTracker

WINDOW_TYPES = (nn.modules.conv._ConvNd, nn.modules.pooling._MaxPoolNd, nn.modules.pooling._AvgPoolNd)


@dataclass
class LayerInfo:
    """The numbers of one call of one module."""

    name: str  # qualified name as in named_modules()
    key: str  # unique: name, or name#2 for a second call
    type: str
    depth: int
    is_leaf: bool
    input_shape: list[int] | None  # without the batch dimension
    output_shape: list[int] | None
    kernel_size: list[int] | None = None
    stride: list[int] | None = None
    padding: list[int] | str | None = None
    dilation: list[int] | None = None
    groups: int | None = None
    ceil_mode: bool | None = None
    output_padding: list[int] | None = None  # transposed convolutions only
    params: int = 0  # parameters owned by this module itself (not its children)
    params_trainable: int = 0
    params_frozen: int = 0
    params_recursive: int = 0  # this module and everything inside it
    # Multiply-accumulates of the counted operations (conv, linear, matmul,
    # attention; see cnnviz.core.macs) run while this call was the innermost
    # module call: its own work, not its children's.
    macs: int = 0
    output_bytes: int = 0
    formula: str | None = None
    params_formula: str | None = None
    rf: ReceptiveField | None = None
    # The output axes (without batch) that hold the field's grid; None when
    # positions are spread over tokens or windows (the field is then given
    # per grid position) or when there is no field.
    rf_axes: list[int] | None = None
    call: int = 1  # 1 for the first call, 2… for later ones, 0: not run in this pass

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (``rf`` as ``{size, jump, start}`` or null)."""
        d = asdict(self)
        d["rf"] = self.rf.as_dict() if self.rf is not None else None
        return d


@dataclass
class ModelSummary:
    """Every layer of a model for one input shape, with totals."""

    model: str
    input_shape: list[int]
    layers: list[LayerInfo]
    total_params: int
    trainable_params: int
    total_macs: int
    output_bytes: int
    param_bytes: int
    input_rf: ReceptiveField = field(default_factory=ReceptiveField.identity)
    own_macs: int = 0  # MACs of the model's own forward, outside every submodule (included in total_macs)
    graph: GraphTrace | None = field(default=None, repr=False)  # the data flow, with ``summarize(graph=True)``

    def layer(self, key: str) -> LayerInfo:
        """The row with ``key`` (a qualified name, or name#k)."""
        for row in self.layers:
            if row.key == key:
                return row
        raise KeyError(key)

    def running_totals(self, key: str) -> tuple[int, int]:
        """(parameters, MACs) of every leaf call up to and including ``key``."""
        params = macs = 0
        seen: set[str] = set()
        for row in self.layers:
            if (row.is_leaf or row.params) and row.name not in seen:
                params += row.params
                seen.add(row.name)
            macs += row.macs  # each row's own work, so no call is counted twice
            if row.key == key:
                return params, macs
        raise KeyError(f"no layer {key!r} in the summary of {self.model}")  # not the whole model's totals

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``cnnviz summary --format json``."""
        return {
            "model": self.model,
            "input_shape": self.input_shape,
            "total_params": self.total_params,
            "trainable_params": self.trainable_params,
            "total_macs": self.total_macs,
            "own_macs": self.own_macs,
            "output_bytes": self.output_bytes,
            "param_bytes": self.param_bytes,
            "layers": [row.to_dict() for row in self.layers],
        }

    def to_json(self) -> str:
        """One JSON document."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    TABLE_COLUMNS = ("name", "type", "output_shape", "params", "macs", "rf", "formula")

    def _rows(self) -> list[list[str]]:
        out = []
        for r in self.layers:
            rf = "" if r.rf is None else f"{_num(r.rf.size[0])}×{_num(r.rf.size[1])} /{_num(r.rf.jump[0])}"
            out.append(
                [
                    "  " * (r.depth - 1) + r.key,
                    r.type,
                    "×".join(map(str, r.output_shape)) if r.output_shape else "",
                    f"{r.params:,}" if r.params else "",
                    f"{r.macs:,}" if r.macs else "",
                    rf,
                    r.formula or "",
                ]
            )
        return out

    def to_table(self) -> str:
        """A fixed-width text table for terminals."""
        header = ["Layer", "Type", "Output", "Params", "MACs", "RF size/jump", "Output size"]
        rows = self._rows()
        widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
        widths[-1] = len(header[-1])  # formulas are long: do not pad the last column

        def line(cells: list[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        sep = "-" * (sum(widths) + 2 * (len(widths) - 1) + 20)
        body = [line(header), sep] + [line(r) for r in rows] + [sep]
        body.append(f"Input: {'×'.join(map(str, self.input_shape))}   Total params: {self.total_params:,}"
                    f"   Trainable: {self.trainable_params:,}   MACs: {self.total_macs:,}")
        if self.own_macs:
            body.append(f"Of the MACs, {self.own_macs:,} run in the model's own forward (outside its submodules).")
        body.append(f"Parameter memory: {geo.format_bytes(self.param_bytes)}   "
                    f"Output memory (all layers): {geo.format_bytes(self.output_bytes)}")
        return "\n".join(body)

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table."""
        header = ["Layer", "Type", "Output", "Params", "MACs", "RF size/jump", "Output size"]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for r in self._rows():
            r[0] = r[0].strip()
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
        lines.append("")
        lines.append(f"Total params: {self.total_params:,} · Trainable: {self.trainable_params:,} · MACs: {self.total_macs:,}")
        return "\n".join(lines)

    def to_csv(self) -> str:
        """CSV with one row per layer call and every LayerInfo field."""
        buf = io.StringIO()
        fields = ["key", "name", "type", "depth", "input_shape", "output_shape", "kernel_size", "stride",
                  "padding", "dilation", "groups", "params", "params_trainable", "params_frozen",
                  "macs", "output_bytes", "rf_size", "rf_jump", "rf_start", "rf_global", "rf_uniform",
                  "formula", "params_formula"]
        w = csv.writer(buf)
        w.writerow(fields)
        for r in self.layers:
            d = r.to_dict()
            rf = d.pop("rf") or {}
            d["rf_size"], d["rf_jump"], d["rf_start"] = rf.get("size"), rf.get("jump"), rf.get("start")
            d["rf_global"], d["rf_uniform"] = rf.get("global"), rf.get("uniform")
            w.writerow(["" if d[f] is None else ("x".join(map(str, d[f])) if isinstance(d[f], list) else d[f]) for f in fields])
        return buf.getvalue()


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _shape(t: Tensor | None) -> list[int] | None:
    return None if t is None else [int(s) for s in t.shape[1:]]


def _window_fields(module: nn.Module) -> dict[str, Any]:
    if isinstance(module, nn.modules.conv._ConvTransposeNd):
        return {
            "kernel_size": list(module.kernel_size),
            "stride": list(module.stride),
            "padding": list(module.padding),
            "dilation": list(module.dilation),
            "groups": int(module.groups),
            "output_padding": list(module.output_padding),
        }
    if isinstance(module, nn.modules.conv._ConvNd):
        pad = module.padding if isinstance(module.padding, str) else list(module.padding)
        return {
            "kernel_size": list(module.kernel_size),
            "stride": list(module.stride),
            "padding": pad,
            "dilation": list(module.dilation),
            "groups": int(module.groups),
        }
    if isinstance(module, nn.modules.pooling._MaxPoolNd | nn.modules.pooling._AvgPoolNd):
        nd = 2 if "2d" in type(module).__name__ else (1 if "1d" in type(module).__name__ else 3)

        def listify(v: Any) -> list[int]:
            return [int(v)] * nd if isinstance(v, int) else [int(x) for x in v]

        return {
            "kernel_size": listify(module.kernel_size),
            "stride": listify(module.stride if module.stride is not None else module.kernel_size),
            "padding": listify(module.padding),
            "dilation": listify(getattr(module, "dilation", 1)),
            "ceil_mode": bool(module.ceil_mode),
        }
    return {}


def _formula(row: LayerInfo) -> str | None:
    if row.kernel_size is None or len(row.kernel_size) != 2 or row.input_shape is None:
        return None
    if len(row.input_shape) < 2:
        return None
    in_hw = (row.input_shape[-2], row.input_shape[-1])
    if row.output_padding is not None:  # transposed convolution
        stride, padding, output_padding = row.stride, row.padding, row.output_padding
        assert stride is not None and isinstance(padding, list)  # _window_fields records both for it
        axes = [
            geo.transposed_size_formula_axis(
                in_hw[i], row.kernel_size[i], stride[i], padding[i],
                (row.dilation or [1, 1])[i], output_padding[i],
            )
            for i in range(2)
        ]
        return axes[0] if axes[0] == axes[1] else f"H: {axes[0]}; W: {axes[1]}"
    if isinstance(row.padding, str):
        out = row.output_shape[-1] if row.output_shape else "?"
        return f"padding='{row.padding}' keeps the size: {out}" if row.padding == "same" else None
    return geo.size_formula(
        in_hw,
        tuple(row.kernel_size),  # type: ignore[arg-type]
        tuple(row.stride),  # type: ignore[arg-type]
        tuple(row.padding),  # type: ignore[arg-type]
        tuple(row.dilation or (1, 1)),  # type: ignore[arg-type]
        bool(row.ceil_mode),
    )


class _FastMeta(TorchFunctionMode):
    """Skips PyTorch's Python meta kernels for ops whose output has the input's shape.

    On the meta device, batch norm, ReLU and additions run as decompositions
    in Python, which costs more than the real arithmetic of a small net; their
    output shape is the input's, so the answer is known without running them.
    Entered *outside* :class:`RFTracker` so the tracker still sees every call.
    """

    SAME_SHAPE = {F.batch_norm, F.relu, F.relu6, F.hardtanh, F.silu, F.hardswish, F.dropout, torch.relu}
    INPLACE = {torch.relu_, F.relu_, Tensor.relu_, Tensor.add_, Tensor.__iadd__}
    BINARY = {Tensor.add, Tensor.__add__, torch.add}

    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = kwargs or {}
        first = args[0] if args else None
        if isinstance(first, Tensor) and first.is_meta:
            if func in self.INPLACE or (func in self.SAME_SHAPE and kwargs.get("inplace")):
                if func not in (Tensor.add_, Tensor.__iadd__) or _same_shape(first, args[1]):
                    return first
            elif func in self.SAME_SHAPE or func in self.BINARY and len(args) > 1 and _same_shape(first, args[1]) and not kwargs:
                return torch.empty_like(first)
        return func(*args, **kwargs)


def _same_shape(a: Tensor, b: object) -> bool:
    return isinstance(b, Tensor) and a.shape == b.shape and a.dtype == b.dtype


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _outside_modes(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a hook with torch-function modes off: its own reads of shapes and sizes are not the model's ops."""

    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with torch._C.DisableTorchFunction():
            return fn(*args, **kwargs)

    return wrapped


def _meta_tensors(model: nn.Module) -> dict[str, Tensor]:
    """A meta tensor of the same shape for every parameter and buffer (made outside the tracking modes)."""
    # requires_grad is kept: the row's trainable / frozen counts read it.
    return {
        name: torch.empty_like(t, device="meta").requires_grad_(t.requires_grad)
        for name, t in [*model.named_parameters(remove_duplicate=False), *model.named_buffers(remove_duplicate=False)]
    }


def _meta_call(model: nn.Module, x: Tensor, swapped: dict[str, Tensor]) -> object:
    """``model(x)`` with every parameter and buffer replaced by its meta twin."""
    from torch.func import functional_call

    return functional_call(model, swapped, (x,), strict=False)


def summarize(
    model: nn.Module,
    input_shape: tuple[int, ...] | list[int],
    *,
    name: str = "model",
    device: torch.device | str = "cpu",
    dtype: torch.dtype = torch.float32,
    graph: bool = False,
) -> ModelSummary:
    """Run one forward pass on zeros of ``input_shape`` (C, H, W) and describe every module call.

    ``graph=True`` also records the data flow of the same pass
    (:class:`~cnnviz.core.graph_trace.GraphTrace`, in ``summary.graph``) for
    the network map (:mod:`cnnviz.core.graph`).
    """
    shape = tuple(int(s) for s in input_shape)
    if len(shape) < 1 or min(shape) <= 0:
        raise ConfigError(f"Input shape must be positive, got {list(shape)}")
    modules = dict(model.named_modules())
    depth_of = {n: (0 if n == "" else n.count(".") + 1) for n in modules}
    leaves = {n for n, m in modules.items() if not any(True for _ in m.children())}
    rows: list[LayerInfo] = []
    open_rows: list[LayerInfo] = []
    calls: dict[str, int] = {}
    # Shapes, parameters, MACs and receptive fields do not depend on values:
    # run on PyTorch's "meta" device (no memory, no arithmetic), with the
    # model's parameters and buffers swapped for meta tensors of the same
    # shape. A model that cannot run on meta is measured on the real device.
    use_meta = True
    x = torch.zeros((1, *shape), device="meta", dtype=dtype)
    recorder = GraphRecorder([x]) if graph else None
    tracker = RFTracker([x], recorder.observe if recorder is not None else None)
    handles = []
    own_work = [0]  # MACs of the model's own forward (no submodule open)

    def charge(n: int) -> None:
        if open_rows:
            open_rows[-1].macs += n
        else:
            own_work[0] += n


    def pre(nm: str, mod: nn.Module) -> Callable[[nn.Module, tuple[object, ...]], None]:
        @_outside_modes
        def hook(module: nn.Module, args: tuple[object, ...]) -> None:
            n = calls.get(nm, 0) + 1
            calls[nm] = n
            own = list(module.parameters(recurse=False))
            trainable = sum(p.numel() for p in own if p.requires_grad)
            total = sum(p.numel() for p in own)
            row = LayerInfo(
                name=nm,
                key=call_key(nm, n),
                type=type(module).__name__,
                depth=depth_of[nm],
                is_leaf=nm in leaves,
                input_shape=_shape(first_tensor(args)),
                output_shape=None,
                params=total,
                params_trainable=trainable,
                params_frozen=total - trainable,
                params_recursive=sum(p.numel() for p in module.parameters()),
                call=n,
                **_window_fields(module),
            )
            rows.append(row)
            open_rows.append(row)
            if recorder is not None:
                recorder.enter(row.key, row.type, row.is_leaf, args)

        return hook

    def post(nm: str) -> Callable[[nn.Module, tuple[object, ...], object], None]:
        @_outside_modes
        def hook(module: nn.Module, args: tuple[object, ...], output: object) -> None:
            row = open_rows.pop()
            if recorder is not None:
                recorder.leave(row.key, output)
            t = first_tensor(output)
            row.output_shape = _shape(t)
            if t is not None:
                row.output_bytes = t.numel() * t.element_size()
                if t.dim() >= 3:
                    row.rf = tracker.field_of(t)
                    axes = tracker.axes_of(t) if row.rf is not None else None
                    row.rf_axes = [axes[0] - 1, axes[1] - 1] if axes is not None else None
            row.formula = _formula(row)
            row.params_formula = geo.module_params_formula(module)

        return hook

    try:
        for nm, mod in modules.items():
            if nm == "":
                continue
            handles.append(mod.register_forward_pre_hook(pre(nm, mod)))
            handles.append(mod.register_forward_hook(post(nm)))
        with eval_mode(model), torch.no_grad():
            try:
                swapped = _meta_tensors(model)
                with _FastMeta(), tracker, MacCounter(charge):
                    output = forward(model, x, call=lambda: _meta_call(model, x, swapped))
            except ModelForwardError:
                use_meta = False
            if not use_meta:  # retry for real; its error (if any) is the one to report
                rows.clear()
                open_rows.clear()
                own_work[0] = 0
                calls.clear()
                x = torch.zeros((1, *shape), device=device, dtype=dtype)
                recorder = GraphRecorder([x]) if graph else None
                tracker = RFTracker([x], recorder.observe if recorder is not None else None)
                with tracker, MacCounter(charge):
                    output = forward(model, x)
    finally:
        for h in handles:
            h.remove()
    # Modules the forward pass never called (GoogLeNet's auxiliary classifiers
    # in eval mode) are still part of the model: list them, marked call=0.
    for nm, mod in modules.items():
        if nm and nm not in calls:
            own = list(mod.parameters(recurse=False))
            total_own = sum(p.numel() for p in own)
            trainable_own = sum(p.numel() for p in own if p.requires_grad)
            rows.append(
                LayerInfo(
                    name=nm, key=nm, type=type(mod).__name__, depth=depth_of[nm], is_leaf=nm in leaves,
                    input_shape=None, output_shape=None, params=total_own,
                    params_trainable=trainable_own, params_frozen=total_own - trainable_own,
                    params_recursive=sum(p.numel() for p in mod.parameters()), call=0,
                    params_formula=geo.module_params_formula(mod), **_window_fields(mod),
                )
            )
    params = list(model.parameters())
    total = sum(p.numel() for p in params)
    trainable = sum(p.numel() for p in params if p.requires_grad)
    return ModelSummary(
        model=name,
        input_shape=list(shape),
        layers=rows,
        total_params=total,
        trainable_params=trainable,
        total_macs=sum(r.macs for r in rows) + own_work[0],
        own_macs=own_work[0],
        output_bytes=sum(r.output_bytes for r in rows if r.is_leaf),
        param_bytes=sum(p.numel() * p.element_size() for p in params),
        graph=recorder.finish(output) if recorder is not None else None,
    )


def rf_for_input_shape(summary: ModelSummary, key: str) -> ReceptiveField | None:
    """The analytic receptive field of a row (None when it has no spatial output)."""
    return summary.layer(key).rf


__all__ = ["LayerInfo", "ModelSummary", "summarize", "rf_for_input_shape", "math"]
