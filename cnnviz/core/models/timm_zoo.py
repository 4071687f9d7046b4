"""timm's CNN classifiers as ``timm:NAME`` (optional extra ``cnnviz[timm]``).

The list comes from timm's registry (``timm.list_models`` over the modules
that hold convolutional classifiers, :data:`CNN_MODULES`), and the metadata
from timm's own ``pretrained_cfg``: default input size, class count,
normalisation, and the paper (``paper_name`` / ``paper_ids`` when timm sets
them, else the matching paper cited in the model module's docstring).
Nothing is built to list it.

Any other timm model can still be opened by name (``timm:vit_base_patch16_224``,
or with a pretrained tag, ``timm:resnet18.a1_in1k``); it is just not listed.

Pretrained weights go through timm's own download and cache (the Hugging
Face hub cache, or torch.hub's for URL weights). A file already in the cache
is loaded without touching the network; without network (or with
``HF_HUB_OFFLINE=1``) the error says what to download and where to put it,
like cnnviz's message for torchvision weights. Random weights never need the
network.
"""

from __future__ import annotations

import functools
import os
import re
import socket
import sys
from typing import Any

from cnnviz.core.errors import ModelError, UnknownModelError, WeightsUnavailableError
from cnnviz.core.messages import message_of, msg
from cnnviz.core.models._api import ModelSpec, register_source

PREFIX = "timm:"
INSTALL_HINT = msg("timm models need the optional extra: pip install cnnviz[timm]")

#: timm model modules whose classifiers are convolutional networks (no
#: attention-first designs); their models are listed as ``timm:NAME``.
CNN_MODULES: tuple[str, ...] = (
    "convmixer", "convnext", "cspnet", "densenet", "dla", "dpn", "efficientnet", "fasternet",
    "ghostnet", "hardcorenas", "hgnet", "hrnet", "inception_next", "inception_resnet_v2",
    "inception_v3", "inception_v4", "mambaout", "mobilenetv3", "nasnet", "nfnet", "pnasnet",
    "rdnet", "regnet", "repghost", "repvit", "res2net", "resnest", "resnet", "resnetv2",
    "rexnet", "selecsls", "senet", "sknet", "starnet", "tresnet", "vgg", "vovnet", "xception",
    "xception_aligned", "byobnet",
)


def is_timm_name(name: str) -> bool:
    """True for ``timm:NAME``."""
    return name.strip().lower().startswith(PREFIX) and len(name.strip()) > len(PREFIX)


def _timm() -> Any:
    try:
        import timm
    except ImportError:
        raise ModelError(INSTALL_HINT) from None
    return timm


def timm_available() -> bool:
    """Whether timm can be imported (the ``cnnviz[timm]`` extra is installed)."""
    import importlib.util

    return importlib.util.find_spec("timm") is not None


# ---------------------------------------------------------------- metadata

_PAPER = re.compile(r"`([^`]+)`\s*-\s*(https?://\S+)")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _paper(arch: str, module: str, cfg: Any) -> str:
    """The paper timm names for ``arch``: its pretrained_cfg, else its module's docstring."""
    name = getattr(cfg, "paper_name", None)
    ids = getattr(cfg, "paper_ids", None)
    if name or ids:
        return " ".join(str(v) for v in (name, f"({ids})" if name and ids else ids) if v)
    doc = getattr(sys.modules.get(f"timm.models.{module}"), "__doc__", None) or ""
    papers = _PAPER.findall(doc)
    if not papers:
        return msg("See timm's documentation (timm.models.{module}).", module=module)
    squashed = _squash(arch.removeprefix("tf_").removeprefix("timm_"))

    def score(paper: tuple[str, str]) -> int:
        # The longest title word the model name starts with; a word followed by
        # a version ("ConvNeXt V2") counts only with its version.
        words = [_squash(w) for w in re.split(r"[\s:,]+", paper[0])]
        best = 0
        for i, word in enumerate(words):
            if len(word) <= 2:
                continue
            if i + 1 < len(words) and re.fullmatch(r"v\d+", words[i + 1]):
                word += words[i + 1]
            if squashed.startswith(word):
                best = max(best, len(word))
        return best

    title, url = max(papers, key=score)  # max keeps the first on ties (the module's main paper)
    return f"{title}. {url}"


def _class_names(cfg: Any, num_classes: int) -> tuple[str, ...] | None:
    names = getattr(cfg, "label_descriptions", None) or getattr(cfg, "label_names", None)
    if names and len(names) == num_classes:
        return tuple(str(n) for n in names)
    if num_classes == 1000:
        from cnnviz.core.models._imagenet import imagenet_categories

        return imagenet_categories()
    return None


def _has_weights(cfg: Any) -> bool:
    return bool(getattr(cfg, "hf_hub_id", None) or getattr(cfg, "url", None) or getattr(cfg, "file", None))


def _make_spec(full: str) -> ModelSpec:
    """The spec of a timm model name, optionally with a pretrained tag (``resnet18.a1_in1k``)."""
    timm = _timm()
    from timm.models import get_pretrained_cfg
    from timm.models._registry import _model_to_module, split_model_name_tag

    arch, tag = split_model_name_tag(full)
    if not timm.models.is_model(arch):
        import difflib

        close = difflib.get_close_matches(arch, timm.list_models(), n=4, cutoff=0.6)
        if close:
            raise UnknownModelError(msg(
                "timm has no model {name!r}. Did you mean: {close}?",
                name=arch, close=", ".join(PREFIX + c for c in close),
            ))
        raise UnknownModelError(msg("timm has no model {name!r}.", name=arch))
    cfg = get_pretrained_cfg(full if tag else arch)
    if cfg is None:
        raise UnknownModelError(msg("timm has no pretrained tag {name!r}.", name=full))
    module = _model_to_module.get(arch, "")
    c, h, w = (int(v) for v in cfg.input_size)
    num_classes = int(cfg.num_classes or 1000)
    return ModelSpec(
        name=PREFIX + full,
        builder=functools.partial(_build, full),
        family=module or "timm",
        year=None,
        paper=_paper(arch, module, cfg),
        input_shape=(c, h, w),
        num_classes=num_classes,
        description_en=f"timm's {full} ({module}).",
        description_zh=f"timm 中的 {full}（{module}）。",
        source="timm",
        class_names=_class_names(cfg, num_classes),
        has_pretrained=_has_weights(cfg),
        mean=tuple(float(v) for v in cfg.mean) if cfg.mean else None,
        std=tuple(float(v) for v in cfg.std) if cfg.std else None,
        pretrained_loader=functools.partial(_pretrained, full),
        details={
            "architecture": arch,
            "pretrained_tag": cfg.tag,
            "module": module,
            "interpolation": cfg.interpolation,
            "crop_pct": cfg.crop_pct,
            "license": cfg.license,
            "hf_hub_id": cfg.hf_hub_id,
        },
    )


@functools.cache
def timm_specs() -> dict[str, ModelSpec]:
    """``timm:NAME`` -> spec for every CNN classifier timm registers (empty without timm)."""
    if not timm_available():
        return {}
    timm = _timm()
    present = set(timm.list_modules())
    names = timm.list_models(module=[m for m in CNN_MODULES if m in present])
    specs = {}
    for arch in names:
        try:
            spec = _make_spec(arch)
        except ModelError:  # a registry entry without a usable config: leave it out of the list
            continue
        specs[spec.name] = spec
    return specs


def timm_spec(name: str) -> ModelSpec:
    """The spec of ``timm:NAME`` (listed or not)."""
    full = name.strip()[len(PREFIX):]
    listed = timm_specs().get(PREFIX + full)
    return listed if listed is not None else _make_spec(full)


# ---------------------------------------------------------------- building and weights


def _build(full: str, **kwargs: Any) -> Any:
    timm = _timm()
    kwargs.pop("pretrained", None)  # weights come from cnnviz's weights choice
    try:
        return timm.create_model(full, pretrained=False, **kwargs)
    except TypeError as exc:
        raise ModelError(msg("Building timm:{name} failed: {reason}", name=full, reason=message_of(exc))) from None


def _hub_cache_dir() -> str:
    import huggingface_hub.constants as hf

    return os.environ.get("HF_HUB_CACHE") or hf.HF_HUB_CACHE


def _offline() -> bool:
    flag = os.environ.get("HF_HUB_OFFLINE", "")
    if flag.upper() in ("1", "ON", "YES", "TRUE"):
        return True
    try:
        socket.getaddrinfo("huggingface.co", 443)
    except OSError:
        return True
    return False


def _cached_file(cfg: Any) -> str | None:
    """A weights file for ``cfg`` already in the Hugging Face or torch.hub cache, or None."""
    hub_id = getattr(cfg, "hf_hub_id", None)
    if hub_id:
        from huggingface_hub import try_to_load_from_cache

        names = [n for n in (getattr(cfg, "hf_hub_filename", None), "model.safetensors", "pytorch_model.bin") if n]
        for filename in names:
            found = try_to_load_from_cache(hub_id, filename, cache_dir=_hub_cache_dir())
            if isinstance(found, str) and os.path.isfile(found):
                return found
    url = getattr(cfg, "url", None)
    if url:
        from cnnviz.core.weights import hub_checkpoint_dir

        path = hub_checkpoint_dir() / url.rsplit("/", 1)[-1]
        if path.is_file():
            return str(path)
    return None


def _where_to_put(cfg: Any) -> str:
    hub_id = getattr(cfg, "hf_hub_id", None)
    if hub_id:
        return msg(
            "Download https://huggingface.co/{hub_id} on a connected machine "
            "(`huggingface-cli download {hub_id}`) and copy it into {folder}.",
            hub_id=hub_id, folder=_hub_cache_dir(),
        )
    from cnnviz.core.weights import hub_checkpoint_dir

    url = cfg.url
    return msg(
        "Download {url} on a connected machine and put it at {path}.",
        url=url, path=str(hub_checkpoint_dir() / url.rsplit("/", 1)[-1]),
    )


def _pretrained(full: str, progress: Any = None) -> tuple[dict[str, Any], str]:
    """timm's pretrained weights for ``full``: from the cache, else downloaded by timm."""
    timm = _timm()
    from timm.models import get_pretrained_cfg

    cfg = get_pretrained_cfg(full)
    label = msg("pretrained {tag} (timm)", tag=cfg.tag) if cfg is not None and cfg.tag else msg("pretrained (timm)")
    if cfg is None or not _has_weights(cfg):
        raise WeightsUnavailableError(
            msg("timm has no pretrained weights for timm:{name}; use random weights.", name=full)
        )
    if progress is not None:
        progress(0.0, f"Looking for timm:{full}'s weights")
    cached = _cached_file(cfg)
    if cached is not None:
        model = timm.create_model(full, pretrained=True, pretrained_cfg_overlay={"file": cached})
        return model.state_dict(), label
    if _offline():
        raise WeightsUnavailableError(msg(
            "Cannot download the pretrained weights for timm:{name} (no network). {where}",
            name=full, where=_where_to_put(cfg),
        ))
    try:
        model = timm.create_model(full, pretrained=True)
    except Exception as exc:  # network and hub errors come in many types
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WeightsUnavailableError(msg(
            "Cannot download the pretrained weights for timm:{name} ({reason}). {where}",
            name=full, reason=reason[:160], where=_where_to_put(cfg),
        )) from None
    return model.state_dict(), label


register_source("timm", specs=timm_specs, claims=is_timm_name, resolve=timm_spec, order=20)
