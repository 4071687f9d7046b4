"""ONNX classifiers: ``path/to/model.onnx`` becomes a torch module (optional extra ``cnnviz[onnx]``).

The file is converted with onnx2torch into a ``torch.fx.GraphModule`` whose
modules are ordinary ``nn.Conv2d`` / ``nn.BatchNorm2d`` / ``nn.Linear`` where
ONNX has them, so every view (summary, activations, kernels, Grad-CAM) works
on it as on a torchvision model. The weights come with the file.

Reading the file is reading untrusted input. ONNX holds no code, and cnnviz
executes nothing from it; still, the reader refuses what is not a regular
file, files over :data:`MAX_ONNX_BYTES`, and external-data locations that
leave the model's folder (absolute paths, ``..``, links pointing outside) or
add up to more than :data:`MAX_EXTERNAL_BYTES`.

What the file says about its input is used as the default: the shape of its
first input (batch and symbolic sizes aside), channels first or last
(NCHW / NHWC, from which axis has 1 or 3 entries), and the Windows ML image
metadata (``Image.BitmapPixelFormat`` Bgr8 / Rgb8,
``Image.NominalPixelRange``). Constructor arguments override them:
``input_shape=(C, H, W)``, ``layout="nchw"|"nhwc"``, ``channel_order="rgb"|"bgr"``
(``--model-arg layout=nhwc`` on the command line).

Files from newer exporters use operator versions onnx2torch does not know
yet (``ReduceMean`` 18); such files are converted down to opset 17 with
ONNX's own version converter first. What still cannot be converted is named
in one line.
"""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from torch import Tensor, nn

from cnnviz.core.errors import ModelError
from cnnviz.core.messages import message_of, msg
from cnnviz.core.models._api import ModelSpec, register_source

#: Largest ONNX file read (protobuf itself stops at 2 GiB).
MAX_ONNX_BYTES = 2 << 30
#: Largest total of external-data files one model may pull in.
MAX_EXTERNAL_BYTES = 32 << 30
#: Opset that files are converted down to when onnx2torch lacks a newer operator version.
FALLBACK_OPSET = 17

INSTALL_HINT = msg("Opening ONNX files needs the optional extra: pip install cnnviz[onnx]")

_PIXEL_RANGES = {  # Windows ML's Image.NominalPixelRange -> (mean, std) on 0..1 pixels
    "NominalRange_0_255": ((0.0, 0.0, 0.0), (1 / 255, 1 / 255, 1 / 255)),
    "Normalized_0_1": ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0)),
    "Normalized_1_1": ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
}


def is_onnx_name(name: str) -> bool:
    """True for a path ending in ``.onnx``."""
    return name.strip().lower().endswith(".onnx")


def _require_onnx() -> tuple[Any, Any]:
    try:
        import onnx
        import onnx2torch
    except ImportError:
        raise ModelError(INSTALL_HINT) from None
    return onnx, onnx2torch


# ---------------------------------------------------------------- reading


def _read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of an ONNX file of at most ``limit`` bytes (a regular file: no FIFOs, devices or folders)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ModelError(msg("ONNX file not found: {path}", path=str(path))) from None
    except IsADirectoryError:
        raise ModelError(msg("{path} is a folder, not an ONNX file.", path=str(path))) from None
    except OSError as exc:
        raise ModelError(
            msg("Cannot open {path}: {reason}", path=str(path), reason=exc.strerror or message_of(exc))
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ModelError(msg("{path} is a folder, not an ONNX file.", path=str(path)))
        if not stat.S_ISREG(info.st_mode):
            raise ModelError(
                msg("{path} is not a regular file; cnnviz reads models only from regular files.", path=str(path))
            )
        if info.st_size > limit:
            raise ModelError(msg(
                "{name} is {size:.1f} GiB; cnnviz reads at most {limit:.0f} GiB.",
                name=path.name, size=info.st_size / 2**30, limit=limit / 2**30,
            ))
        if info.st_size == 0:
            raise ModelError(msg("{name} is empty (0 bytes).", name=path.name))
        chunks, left = [], info.st_size
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _tensors_with_external_data(model: Any) -> list[Any]:
    """Every TensorProto in the model (initializers, Constant attributes, subgraphs) stored outside it."""
    onnx, _ = _require_onnx()
    found: list[Any] = []

    def visit_graph(graph: Any) -> None:
        for t in graph.initializer:
            visit_tensor(t)
        for sp in graph.sparse_initializer:
            visit_tensor(sp.values)
            visit_tensor(sp.indices)
        for node in graph.node:
            for attr in node.attribute:
                if attr.HasField("t"):
                    visit_tensor(attr.t)
                for t in attr.tensors:
                    visit_tensor(t)
                if attr.HasField("g"):
                    visit_graph(attr.g)
                for g in attr.graphs:
                    visit_graph(g)

    def visit_tensor(t: Any) -> None:
        if t.HasField("data_location") and t.data_location == onnx.TensorProto.EXTERNAL:
            found.append(t)

    visit_graph(model.graph)
    for fn in model.functions:
        for node in fn.node:
            for attr in node.attribute:
                if attr.HasField("t"):
                    visit_tensor(attr.t)
    return found


def _check_external_data(model: Any, folder: Path) -> None:
    """Refuse external-data locations outside ``folder``, non-regular files and oversized totals."""
    root = folder.resolve()
    total = 0
    seen: set[Path] = set()
    for tensor in _tensors_with_external_data(model):
        entries = {e.key: e.value for e in tensor.external_data}
        location = entries.get("location", "")
        rel = Path(location)
        if not location or rel.is_absolute() or rel.drive or ".." in rel.parts:
            raise ModelError(msg(
                "The model's external data {location!r} is not a file inside the model's folder; refused.",
                location=location,
            ))
        target = (root / rel).resolve()
        if not target.is_relative_to(root):
            raise ModelError(msg(
                "The model's external data {location!r} points outside the model's folder; refused.",
                location=location,
            ))
        if target in seen:
            continue
        seen.add(target)
        try:
            info = target.stat()
        except OSError:
            raise ModelError(msg(
                "The model's external data file {location!r} is missing next to the model.", location=location
            )) from None
        if not stat.S_ISREG(info.st_mode):
            raise ModelError(msg(
                "The model's external data {location!r} is not a regular file; refused.", location=location
            ))
        total += info.st_size
        if total > MAX_EXTERNAL_BYTES:
            raise ModelError(msg(
                "The model's external data exceed {limit:.0f} GiB; refused.", limit=MAX_EXTERNAL_BYTES / 2**30
            ))


def read_onnx(path: str | os.PathLike[str]) -> Any:
    """The ``onnx.ModelProto`` in ``path``, external data included, after the checks above."""
    onnx, _ = _require_onnx()
    p = Path(path).expanduser()
    data = _read_bounded(p, MAX_ONNX_BYTES)
    try:
        model = onnx.load_model_from_string(data)
    except Exception:  # protobuf's DecodeError and friends: not an ONNX file
        raise ModelError(msg("{name} is not an ONNX model (it could not be parsed).", name=p.name)) from None
    if not model.HasField("graph") or not model.graph.node:
        raise ModelError(msg("{name} holds no ONNX graph.", name=p.name))
    if _tensors_with_external_data(model):
        _check_external_data(model, p.parent)
        from onnx.external_data_helper import load_external_data_for_model

        try:
            load_external_data_for_model(model, str(p.parent.resolve()))
        except Exception as exc:
            raise ModelError(msg(
                "Reading the external data of {name} failed: {reason}", name=p.name, reason=message_of(exc)
            )) from None
    return model


# ---------------------------------------------------------------- what the file says about its input


@dataclass(frozen=True)
class OnnxInput:
    """The first input of an ONNX graph, as cnnviz feeds it."""

    name: str
    shape: tuple[int, int, int]  # (C, H, W), what cnnviz feeds (channels first)
    layout: str  # "nchw" | "nhwc": what the graph itself expects
    channel_order: str  # "rgb" | "bgr"
    symbolic: tuple[str, ...]  # axes the file leaves open (their size here is a default)
    mean: tuple[float, ...] | None
    std: tuple[float, ...] | None


def _dims(value_info: Any) -> list[int | str]:
    dims: list[int | str] = []
    for d in value_info.type.tensor_type.shape.dim:
        if d.HasField("dim_value") and d.dim_value > 0:
            dims.append(int(d.dim_value))
        else:
            dims.append(d.dim_param or "?")
    return dims


def graph_input(model: Any) -> OnnxInput:
    """The image input: the first graph input that is not an initializer."""
    inits = {t.name for t in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in inits]
    if not inputs:
        raise ModelError(msg("The ONNX graph has no input."))
    first = inputs[0]
    dims = _dims(first)
    if len(dims) != 4:
        raise ModelError(msg(
            "The ONNX model's input {input!r} has {count} axes {dims}; "
            "cnnviz opens image classifiers with a 4-axis input (N, C, H, W or N, H, W, C).",
            input=first.name, count=len(dims), dims=dims,
        ))
    layout = "nchw"
    if dims[1] not in (1, 3) and dims[3] in (1, 3):
        layout = "nhwc"
    c, h, w = (dims[1], dims[2], dims[3]) if layout == "nchw" else (dims[3], dims[1], dims[2])
    symbolic = tuple(axis for axis, v in zip("CHW", (c, h, w), strict=True) if not isinstance(v, int))
    shape = (c if isinstance(c, int) else 3, h if isinstance(h, int) else 224, w if isinstance(w, int) else 224)
    meta = {p.key: p.value for p in model.metadata_props}
    order = "bgr" if meta.get("Image.BitmapPixelFormat", "").lower().startswith("bgr") else "rgb"
    mean: tuple[float, ...] | None
    std: tuple[float, ...] | None
    mean, std = _PIXEL_RANGES.get(meta.get("Image.NominalPixelRange", ""), (None, None))
    if mean is not None and std is not None and shape[0] == 1:
        mean, std = mean[:1], std[:1]
    return OnnxInput(first.name, shape, layout, order, symbolic, mean, std)


def _num_outputs(model: Any) -> int:
    dims = _dims(model.graph.output[0]) if model.graph.output else []
    last = dims[-1] if dims else None
    return int(last) if isinstance(last, int) else 0


# ---------------------------------------------------------------- conversion


def _alias_identity_initializers(model: Any) -> None:
    """Replace ``Identity(initializer)`` nodes by copies of the initializer.

    PyTorch's TorchScript exporter stores equal tensors once (all BatchNorm
    scales of a freshly built net are ones) and reaches the others through
    Identity nodes; onnx2torch expects parameters as initializers.
    """
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    outputs = {o.name for o in graph.output}
    keep = []
    for node in graph.node:
        if (
            node.op_type == "Identity"
            and node.domain in ("", "ai.onnx")
            and node.input[0] in inits
            and node.output[0] not in outputs
        ):
            copy = graph.initializer.add()
            copy.CopyFrom(inits[node.input[0]])
            copy.name = node.output[0]
            inits[copy.name] = copy
            continue
        keep.append(node)
    if len(keep) != len(graph.node):
        del graph.node[:]
        graph.node.extend(keep)


def _reshape_allowzero_off(model: Any) -> None:
    """``Reshape(allowzero=1)`` with a constant shape free of zeros is plain Reshape (onnx2torch lacks the flag)."""
    from onnx import numpy_helper

    consts = {t.name: t for t in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].HasField("t"):
            consts[node.output[0]] = node.attribute[0].t
    for node in model.graph.node:
        if node.op_type != "Reshape" or len(node.input) < 2 or node.input[1] not in consts:
            continue
        for attr in node.attribute:
            if attr.name == "allowzero" and attr.i == 1 and (numpy_helper.to_array(consts[node.input[1]]) != 0).all():
                attr.i = 0


def unsupported_operators(model: Any) -> list[str]:
    """``op_type (opset N)`` for every node onnx2torch has no converter for."""
    from onnx2torch.node_converters.registry import get_converter

    versions = {(o.domain or ""): o.version for o in model.opset_import}
    missing: dict[str, None] = {}
    for node in model.graph.node:
        domain = node.domain or ""
        if domain == "ai.onnx":
            domain = ""
        version = versions.get(domain, versions.get("", 1))
        try:
            get_converter(operation_type=node.op_type, version=version, domain=domain)
        except NotImplementedError:
            label = f"{domain + '.' if domain else ''}{node.op_type} (opset {version})"
            missing[label] = None
    return list(missing)


def _fold_constants(model: Any) -> Any:
    """Shape arithmetic folded into constants (onnxscript's folder; BatchNorm layers stay).

    Exporters without their optimiser leave ``Shape`` / ``Constant`` /
    ``CastLike`` chains that onnx2torch cannot convert and ONNX's version
    converter cannot lower. Without onnxscript the model is returned as is.
    """
    try:
        from onnxscript import ir, optimizer
    except ImportError:
        return model
    try:
        graph = ir.serde.deserialize_model(model)
        optimizer.fold_constants(graph)
        optimizer.remove_unused_nodes(graph)
        folded = ir.serde.serialize_model(graph)
    except Exception:  # the folder is a best effort; the original is still valid
        return model
    _alias_identity_initializers(folded)
    _reshape_allowzero_off(folded)
    return folded


def _opset(model: Any) -> int:
    return max((o.version for o in model.opset_import if (o.domain or "") in ("", "ai.onnx")), default=0)


def prepare_for_conversion(model: Any, name: str) -> Any:
    """The model with the fixes above applied; ModelError naming every unsupported operator."""
    onnx, _ = _require_onnx()
    _alias_identity_initializers(model)
    _reshape_allowzero_off(model)
    missing = unsupported_operators(model)
    if missing:
        model = _fold_constants(model)
        missing = unsupported_operators(model)
    if missing and _opset(model) > FALLBACK_OPSET:
        try:
            lowered = onnx.version_converter.convert_version(model, FALLBACK_OPSET)
        except Exception:
            lowered = None
        if lowered is not None:
            _alias_identity_initializers(lowered)
            _reshape_allowzero_off(lowered)
            still = unsupported_operators(lowered)
            if not still:
                return lowered
            missing = still
    if missing:
        raise ModelError(msg(
            "{name} uses ONNX operators cnnviz cannot convert to PyTorch: {operators}.",
            name=name, operators=", ".join(missing),
        ))
    return model


class OnnxClassifier(nn.Module):
    """A converted ONNX graph fed channels-first RGB, as every cnnviz view feeds models.

    ``layout="nhwc"`` permutes to channels-last and ``channel_order="bgr"``
    flips the channels before the graph; a graph with several outputs
    returns its first (the logits).
    """

    def __init__(self, graph: nn.Module, layout: str = "nchw", channel_order: str = "rgb") -> None:
        super().__init__()
        self.graph = graph
        self.layout = layout
        self.channel_order = channel_order

    def forward(self, x: Tensor) -> Tensor:
        """Logits of the converted graph."""
        if self.channel_order == "bgr":
            x = x.flip(1)
        if self.layout == "nhwc":
            x = x.permute(0, 2, 3, 1)
        out = self.graph(x)
        while isinstance(out, list | tuple):
            out = out[0]
        return cast(Tensor, out)  # the graph's first output; onnx2torch is untyped


def _check_choice(key: str, value: Any, allowed: tuple[str, ...]) -> str:
    text = str(value).lower()
    if text not in allowed:
        raise ModelError(
            msg("{key} must be one of {allowed}, got {value!r}.", key=key, allowed=", ".join(allowed), value=value)
        )
    return text


def _build_onnx(
    path: str,
    *,
    input_shape: Any = None,  # read by the spec (_refine), not needed to build
    layout: str | None = None,
    channel_order: str | None = None,
) -> nn.Module:
    _, onnx2torch = _require_onnx()
    model = read_onnx(path)
    info = graph_input(model)
    name = Path(path).name
    model = prepare_for_conversion(model, name)
    graph: nn.Module
    try:
        graph = onnx2torch.convert(model)
    except Exception as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(msg("Converting {name} to PyTorch failed: {reason}", name=name, reason=text[:200])) from None
    lay = _check_choice("layout", layout or info.layout, ("nchw", "nhwc"))
    order = _check_choice("channel_order", channel_order or info.channel_order, ("rgb", "bgr"))
    several = len(model.graph.output) > 1
    if lay == "nchw" and order == "rgb" and not several:
        return graph
    return OnnxClassifier(graph, lay, order)


def _refine(spec: ModelSpec, kwargs: dict[str, Any]) -> ModelSpec:
    """The spec after ``input_shape`` / ``layout`` / ``channel_order`` overrides."""
    details = dict(spec.details)
    shape = spec.input_shape
    if kwargs.get("input_shape") is not None:
        raw = kwargs["input_shape"]
        if isinstance(raw, str):
            raw = [p for p in raw.replace("x", ",").split(",") if p]
        try:
            shape = tuple(int(v) for v in raw)  # type: ignore[assignment]
        except (TypeError, ValueError):
            raise ModelError(msg("input_shape must be C,H,W, got {value!r}", value=kwargs["input_shape"])) from None
        if len(shape) != 3 or min(shape) <= 0:
            raise ModelError(
                msg("input_shape must be three positive integers C,H,W, got {value!r}", value=kwargs["input_shape"])
            )
    for key, allowed in (("layout", ("nchw", "nhwc")), ("channel_order", ("rgb", "bgr"))):
        if kwargs.get(key) is not None:
            details[key] = _check_choice(key, kwargs[key], allowed)
    return replace(spec, input_shape=shape, details=details)


@functools.lru_cache(maxsize=16)
def _spec_cached(resolved: str, mtime_ns: int, size: int) -> ModelSpec:
    model = read_onnx(resolved)
    info = graph_input(model)
    name = Path(resolved).name
    classes = _num_outputs(model)
    class_names = None
    if classes == 1000:
        from cnnviz.core.models._imagenet import imagenet_categories

        class_names = imagenet_categories()
    producer = " ".join(v for v in (model.producer_name, model.producer_version) if v)
    doc = (model.doc_string or model.graph.doc_string or "").strip()
    return ModelSpec(
        name=resolved,
        builder=functools.partial(_build_onnx, resolved),
        family="onnx",
        year=None,
        paper="",
        input_shape=info.shape,
        num_classes=classes,
        description_en=(doc.splitlines()[0] if doc else f"ONNX model {name}" + (f" ({producer})" if producer else "")),
        description_zh=f"ONNX 模型 {name}",
        source="onnx",
        class_names=class_names,
        mean=info.mean,
        std=info.std,
        bundled_weights=True,
        kwargs_refiner=_refine,
        details={
            "file": resolved,
            "opset": _opset(model),
            "producer": producer,
            "input_name": info.name,
            "layout": info.layout,
            "channel_order": info.channel_order,
            "symbolic_axes": list(info.symbolic),
            "class_names": "ImageNet-1k (assumed from 1000 outputs)" if class_names else None,
        },
    )


def onnx_spec(name: str) -> ModelSpec:
    """The spec of an ONNX file: input shape, layout and channel order read from it."""
    _require_onnx()
    p = Path(name.strip()).expanduser()
    try:
        info = p.stat()
    except FileNotFoundError:
        raise ModelError(msg("ONNX file not found: {path}", path=str(p))) from None
    except OSError as exc:
        raise ModelError(
            msg("Cannot open {path}: {reason}", path=str(p), reason=exc.strerror or message_of(exc))
        ) from None
    resolved = str(p.resolve())
    spec = _spec_cached(resolved, info.st_mtime_ns, info.st_size)
    return replace(spec, name=str(p)) if str(p) != resolved else spec


register_source("onnx", claims=is_onnx_name, resolve=onnx_spec, order=10)
