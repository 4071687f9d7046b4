"""Weights: random (seeded), pretrained (torchvision's weights enums), or a file.

Files are read with ``torch.load(weights_only=True)``: a file that holds a
pickled whole model (which can run arbitrary code when loaded) is refused
unless the caller passes ``trust_pickle=True``. A state_dict for another
architecture is refused with the missing, unexpected and shape-mismatched keys
listed; ``strict=False`` loads what fits and reports the rest.

Pretrained files are cached where torch.hub caches them
(``torch.hub.get_dir()/checkpoints``), so files downloaded by torchvision are
reused and a user can put a file there by hand to work offline.
"""

from __future__ import annotations

import os
import pickle
import urllib.error
import urllib.request
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import Tensor, nn

from cnnviz.core.errors import (
    PickleRefusedError,
    WeightsError,
    WeightsMismatchError,
    WeightsUnavailableError,
)
from cnnviz.core.messages import join, msg
from cnnviz.core.models._api import ModelSpec, get_spec, rename_old_layers
from cnnviz.core.models.arguments import build_checked, check_reserved
from cnnviz.core.progress import ProgressFn, no_progress
from cnnviz.core.safe_io import check_regular_file, format_bytes, open_regular
from cnnviz.core.settings_io import atomic_path

MAX_LISTED = 6

#: The most a weights archive may hold once unpacked. ``torch.save`` stores
#: tensors uncompressed, and the largest torchvision weights (ViT-H/14) are
#: 2.5 GB; a file that declares more is refused before ``torch.load``.
MAX_WEIGHTS_BYTES = 16 * 2**30
#: An archive that unpacks to more than this many times its size (and to more
#: than :data:`BOMB_FLOOR` bytes) is a decompression bomb, not weights.
MAX_EXPANSION = 8
BOMB_FLOOR = 64 * 2**20


@dataclass
class LoadReport:
    """What happened when weights were applied to a model."""

    source: str  # "random (seed 0)", "pretrained IMAGENET1K_V1", "file: path"
    loaded: int = 0
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    mismatched: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every tensor of the model came from the weights."""
        return not (self.missing or self.unexpected or self.mismatched)

    def describe(self) -> str:
        """One paragraph for a person."""
        loaded = msg("{source}: {count} tensors loaded", source=self.source, count=self.loaded)
        return join([loaded, *self.problems()], "; ")

    def problems(self) -> list[str]:
        """What did not fit (missing, unexpected, mismatched tensors), one message each."""
        parts: list[str] = []
        if self.missing:
            parts.append(msg("missing in file: {keys}", keys=_listing(self.missing)))
        if self.unexpected:
            parts.append(msg("not in model: {keys}", keys=_listing(self.unexpected)))
        if self.mismatched:
            shapes = [
                msg("{key} file {file_shape} vs model {model_shape}", key=k, file_shape=list(a), model_shape=list(b))
                for k, a, b in self.mismatched
            ]
            parts.append(msg("shape mismatch: {keys}", keys=_listing(shapes)))
        return parts


def _listing(items: Sequence[str]) -> str:
    shown = join(items[:MAX_LISTED])
    if len(items) <= MAX_LISTED:
        return shown
    return msg("{items} … and {count} more", items=shown, count=len(items) - MAX_LISTED)


@dataclass
class LoadedModel:
    """A built model with its spec, weights report and (for pretrained) weights enum."""

    name: str
    model: nn.Module
    spec: ModelSpec
    report: LoadReport
    weights_enum: Any = None  # torchvision WeightsEnum member when pretrained
    kwargs: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- files


def _extract_state_dict(obj: Any, path: Path) -> dict[str, Tensor]:
    if isinstance(obj, nn.Module):
        return obj.state_dict()
    if isinstance(obj, Mapping):
        for key in ("state_dict", "model_state_dict", "model"):
            inner = obj.get(key)
            if isinstance(inner, Mapping) and inner and all(isinstance(v, Tensor) for v in inner.values()):
                obj = inner
                break
            if isinstance(inner, nn.Module):
                return inner.state_dict()
        tensors = {str(k): v for k, v in obj.items() if isinstance(v, Tensor)}
        if tensors:
            if all(k.startswith("module.") for k in tensors):  # saved from DataParallel
                tensors = {k[len("module."):]: v for k, v in tensors.items()}
            return tensors
    raise WeightsError(
        msg("{path} holds {type}, not a state_dict (a dict of tensors).", path=str(path), type=type(obj).__name__)
    )


def load_state_dict_file(path: str | os.PathLike[str], *, trust_pickle: bool = False) -> dict[str, Tensor]:
    """Read a state_dict from ``path`` safely (see the module docstring)."""
    p = Path(path).expanduser()
    st = check_regular_file(p, what="weights file", error=WeightsError)
    if st.st_size == 0:
        raise WeightsError(msg("{path} is empty (0 bytes).", path=str(p)))
    try:
        with open_regular(p, what="weights file", error=WeightsError) as fh:
            _check_archive_sizes(fh, p, st.st_size)
            obj = torch.load(fh, map_location="cpu", weights_only=not trust_pickle)
    except WeightsError:
        raise
    except pickle.UnpicklingError as exc:
        text = str(exc)
        if "Unsupported global" in text or "GLOBAL " in text:
            raise PickleRefusedError(msg(
                "{name} contains a pickled Python object (such as a whole model), not just weights. "
                "Loading it would run code from the file.",
                name=p.name,
            )).with_cli_hint("If you trust the file, add --trust-pickle.") from None
        raise WeightsError(
            msg("{name} is not a PyTorch weights file (it could not be unpickled).", name=p.name)
        ) from None
    except Exception as exc:
        # Damaged files make the unpickler and the zip reader raise almost anything
        # (RuntimeError, EOFError, IndexError, KeyError, struct.error, ...): all mean
        # "not a readable weights file", never a bug in cnnviz.
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WeightsError(
            msg("{name} is not a readable PyTorch weights file ({reason}).", name=p.name, reason=first[:160])
        ) from None
    return _extract_state_dict(obj, p)


def state_dict_from_bytes(data: bytes, name: str = "weights") -> dict[str, Tensor]:
    """A state_dict from a file's bytes (e.g. a lesson attachment), read with ``weights_only=True`` only."""
    import io

    buffer = io.BytesIO(data)
    _check_archive_sizes(buffer, Path(name), len(data))
    try:
        obj = torch.load(buffer, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:
        raise WeightsError(
            msg("{name} holds pickled Python objects, not just weights; it is never loaded.", name=name)
        ) from None
    except Exception as exc:  # damaged bytes make the readers raise almost anything
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WeightsError(
            msg("{name} is not a readable PyTorch weights file ({reason}).", name=name, reason=first[:160])
        ) from None
    return _extract_state_dict(obj, Path(name))


def _check_archive_sizes(fh: Any, p: Path, size: int) -> None:
    """Refuse a zip archive whose records declare more than the limits allow (before unpacking).

    The declared sizes are what the reader allocates, so bounding them bounds
    the memory ``torch.load`` can take. Legacy (non-zip) files are left to torch.
    """
    try:
        if not zipfile.is_zipfile(fh):
            return
        fh.seek(0)
        with zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # torch.load words the damage
    finally:
        fh.seek(0)
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_WEIGHTS_BYTES:
        raise WeightsError(msg(
            "{name} declares {size} of data; cnnviz loads weights files of up to {limit}.",
            name=p.name, size=format_bytes(unpacked), limit=format_bytes(MAX_WEIGHTS_BYTES),
        ))
    if unpacked > BOMB_FLOOR and unpacked > MAX_EXPANSION * size:
        raise WeightsError(msg(
            "{name} would expand from {size} to {unpacked} when "
            "unpacked: it is not a weights file saved by PyTorch (whose tensors are stored "
            "uncompressed) and was not loaded.",
            name=p.name, size=format_bytes(size), unpacked=format_bytes(unpacked),
        ))
    from cnnviz.core.footprint import available_memory

    free = available_memory()
    if free is not None and unpacked > free:
        raise WeightsError(msg(
            "{name} holds {size} of tensors; this computer has {free} free.",
            name=p.name, size=format_bytes(unpacked), free=format_bytes(free),
        ))


def apply_state_dict(
    model: nn.Module, state_dict: Mapping[str, Tensor], *, source: str, strict: bool = True
) -> LoadReport:
    """Copy ``state_dict`` into ``model``; refuse (strict) or report what does not fit."""
    own = model.state_dict()
    state_dict = dict(state_dict)
    rename_old_layers(model, state_dict)  # a file saved before the model's layers were renamed
    report = LoadReport(source=source)
    report.missing = [k for k in own if k not in state_dict]
    report.unexpected = [k for k in state_dict if k not in own]
    report.mismatched = [
        (k, tuple(v.shape), tuple(own[k].shape))
        for k, v in state_dict.items()
        if k in own and tuple(v.shape) != tuple(own[k].shape)
    ]
    if strict and not report.complete:
        raise WeightsMismatchError(msg(
            "These weights do not fit this model ({problems}). "
            "Pick the matching model, or load only the tensors that fit.",
            problems=join(report.problems(), "; "),
        )).with_cli_hint("Add --non-strict to load what fits.")
    fitting = {
        k: _plain_tensor(k, v, own[k])
        for k, v in state_dict.items()
        if k in own and tuple(v.shape) == tuple(own[k].shape)
    }
    try:
        model.load_state_dict(fitting, strict=False)
    except (RuntimeError, NotImplementedError, TypeError) as exc:
        first = str(exc).strip().splitlines()[-1].strip() if str(exc).strip() else type(exc).__name__
        raise WeightsError(
            msg("These weights could not be copied into the model ({reason}).", reason=first[:200])
        ) from None
    report.loaded = len(fitting)
    return report


def _plain_tensor(key: str, value: Tensor, own: Tensor) -> Tensor:
    """``value`` as a dense tensor with data, or WeightsError when it cannot stand in for ``own``."""
    if value.is_meta:
        raise WeightsError(msg("{key} in the file holds no data (a 'meta' tensor saved without values).", key=key))
    if value.is_quantized:
        value = value.dequantize()
    if value.layout != torch.strided:  # sparse COO / CSR / ...: the values are all there
        value = value.to_dense()
    if value.is_complex() and not own.is_complex():
        raise WeightsError(msg("{key} in the file holds complex numbers; the model's tensor is real.", key=key))
    return value


# ---------------------------------------------------------------- pretrained


def hub_checkpoint_dir() -> Path:
    """Where pretrained files are cached (torch.hub's folder, shared with torchvision)."""
    return Path(torch.hub.get_dir()) / "checkpoints"


def _download(url: str, dst: Path, progress: ProgressFn) -> None:
    """Stream ``url`` to ``dst`` through a temporary file (the network boundary)."""
    with atomic_path(dst) as tmp, urllib.request.urlopen(url, timeout=30) as response, open(tmp, "wb") as out:
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        while True:
            chunk = response.read(1 << 20)
            if not chunk:
                break
            out.write(chunk)
            done += len(chunk)
            progress(done / total if total else 0.0, f"Downloading {dst.name}: {done / 1e6:.0f} MB")


def pretrained_state_dict(spec: ModelSpec, progress: ProgressFn = no_progress) -> tuple[dict[str, Tensor], Any]:
    """The default pretrained weights of a model, downloaded once and cached.

    Returns ``(state_dict, enum)`` for torchvision (its weights enum member)
    and ``(state_dict, label)`` for a spec with its own ``pretrained_loader``.
    """
    if spec.pretrained_loader is not None and spec.has_pretrained:
        # Another zoo's own download and cache (timm); the enum slot stays None.
        state_dict, label = spec.pretrained_loader(progress)
        progress(1.0, f"Loading {label}")
        return state_dict, label
    if not spec.has_pretrained:
        raise WeightsUnavailableError(msg(
            "There are no pretrained weights for {name}. Train it in the Train tab "
            "(or `cnnviz train`) and load the saved file, or use random weights.",
            name=spec.name,
        ))
    import torchvision.models as tvm

    enum = tvm.get_model_weights(spec.name).DEFAULT
    filename = enum.url.rsplit("/", 1)[-1]
    dst = hub_checkpoint_dir() / filename
    if not dst.exists():
        try:
            _download(enum.url, dst, progress)
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            raise WeightsUnavailableError(msg(
                "Cannot download the pretrained weights for {name} ({reason}). "
                "Download {url} on a connected machine and put it at {path}.",
                name=spec.name, reason=str(reason), url=enum.url, path=str(dst),
            )) from None
    progress(1.0, f"Loading {filename}")
    return load_state_dict_file(dst), enum


# ---------------------------------------------------------------- all together


def load_model(
    name: str,
    weights: str = "random",
    *,
    seed: int = 0,
    model_kwargs: dict[str, Any] | None = None,
    trust_pickle: bool = False,
    strict: bool = True,
    progress: ProgressFn = no_progress,
    state_dict: Mapping[str, Tensor] | None = None,
    state_label: str = msg("trained in cnnviz"),
) -> LoadedModel:
    """Build ``name`` and give it weights: ``random``, ``pretrained`` or a file path.

    ``state_dict`` (weights already in memory, e.g. a model just trained in the
    Train tab) takes precedence over ``weights``; ``state_label`` names it.
    """
    kwargs = dict(model_kwargs or {})
    check_reserved(kwargs)  # before the call below, where a "seed" here would clash with the seed argument
    spec = get_spec(name).for_kwargs(kwargs)
    choice = (weights or "random").strip()
    progress(0.0, f"Building {spec.name}")
    build_kwargs = dict(kwargs)
    if choice == "pretrained" and spec.name in ("googlenet", "inception_v3"):
        # torchvision's pretrained Inception nets expect this input re-scaling.
        build_kwargs["transform_input"] = True
    model = build_checked(name, seed=seed, **build_kwargs)
    enum = None
    if state_dict is not None:
        report = apply_state_dict(model, state_dict, source=state_label, strict=strict)
    elif choice == "random" and spec.bundled_weights:
        report = LoadReport(source=msg("weights from {name}", name=Path(spec.name).name), loaded=len(model.state_dict()))
    elif choice == "random":
        report = LoadReport(source=msg("random (seed {seed})", seed=seed), loaded=len(model.state_dict()))
    elif choice == "pretrained" and spec.bundled_weights:
        raise WeightsError(
            msg("{name} brings its own weights; use the default weights choice.", name=Path(spec.name).name)
        )
    elif choice == "pretrained":
        if kwargs:
            raise WeightsError(
                msg("Pretrained weights need the model's default arguments (they were made for that shape).")
            ).with_cli_hint("Drop --model-arg.")
        sd, enum = pretrained_state_dict(spec, progress)
        label = enum if isinstance(enum, str) else msg("pretrained {name}", name=enum.name)
        enum = None if isinstance(enum, str) else enum
        report = apply_state_dict(model, sd, source=label, strict=strict)
    else:
        sd = load_state_dict_file(choice, trust_pickle=trust_pickle)
        report = apply_state_dict(model, sd, source=msg("file {name}", name=Path(choice).name), strict=strict)
    model.eval()
    progress(1.0, "Model ready")
    return LoadedModel(name=spec.name, model=model, spec=spec, report=report, weights_enum=enum, kwargs=kwargs)
