"""The model registry: names -> :class:`ModelSpec` (builder plus metadata).

Follows torchvision's ``models/_api.py``: this module holds the registry and
the functions that read it and imports no model module. Models arrive in two
ways, both wired up in :mod:`cnnviz.core.models` (the package ``__init__``):

* :func:`register_model` — a decorator on one builder (our classic nets);
* :func:`register_source` — a provider of many specs at once, listed lazily
  on first use (torchvision's zoo, timm's zoo) and/or resolving names it
  *claims* without listing them (``file.onnx``, ``file.py:Class``,
  ``timm:NAME``).

Adding a model is one decorated function; adding a zoo is one
``register_source`` call.
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from torch import nn

from cnnviz.core.errors import UnknownModelError
from cnnviz.core.messages import msg


@dataclass(frozen=True)
class TimelineInfo:
    """A model's place on the architecture timeline: its name in the notes and what it introduced."""

    label: str  # as the notes and papers call it ("VGG-16")
    introduced_en: str
    introduced_zh: str
    order: int  # position in the notes' story (ties in year keep this order)


@dataclass(frozen=True)
class ModelSpec:
    """Everything cnnviz knows about a model before building it."""

    name: str
    builder: Callable[..., nn.Module]
    family: str
    year: int | None
    paper: str
    input_shape: tuple[int, int, int]
    num_classes: int
    description_en: str
    description_zh: str
    source: str = "cnnviz"  # "cnnviz" | "torchvision" | "timm" | "onnx" | "custom"
    class_names: tuple[str, ...] | None = None
    has_pretrained: bool = False
    top1: float | None = None  # ImageNet top-1 accuracy of the default weights, in %
    introduced: str = ""  # what the architecture introduced (for the timeline)
    build_kwargs: dict[str, Any] = field(default_factory=dict)
    # Normalisation the model expects when it is not torchvision's (timm's
    # pretrained_cfg, an ONNX file's metadata); None: cnnviz's default.
    mean: tuple[float, ...] | None = None
    std: tuple[float, ...] | None = None
    # The weights travel with the model (an ONNX file): "random" means "as built".
    bundled_weights: bool = False
    # Pretrained weights from somewhere other than torchvision's enums:
    # ``loader(progress) -> (state_dict, label)``; raises WeightsUnavailableError offline.
    pretrained_loader: Callable[..., tuple[dict[str, Any], str]] | None = None
    # The spec after the user's constructor arguments (``--model-arg``), for
    # sources whose metadata depends on them (an ONNX file's input shape).
    kwargs_refiner: Callable[[ModelSpec, dict[str, Any]], ModelSpec] | None = None
    details: dict[str, Any] = field(default_factory=dict)  # source-specific, JSON-ready
    trainable: bool = False  # offered in the Train tab (small enough to train on a laptop)
    timeline: TimelineInfo | None = None  # on the Explain tab's architecture timeline

    def for_kwargs(self, kwargs: Mapping[str, Any]) -> ModelSpec:
        """The spec that describes the model built with ``kwargs`` (usually ``self``)."""
        if self.kwargs_refiner is None or not kwargs:
            return self
        return self.kwargs_refiner(self, dict(kwargs))

    def with_input_shape(self, shape: tuple[int, int, int]) -> ModelSpec:
        """A copy with another default input shape."""
        return replace(self, input_shape=(int(shape[0]), int(shape[1]), int(shape[2])))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view of the metadata (no builder)."""
        d: dict[str, Any] = {
            "name": self.name,
            "family": self.family,
            "year": self.year,
            "paper": self.paper,
            "input_shape": list(self.input_shape),
            "num_classes": self.num_classes,
            "source": self.source,
            "has_pretrained": self.has_pretrained,
            "top1": self.top1,
            "introduced": self.introduced,
            "description_en": self.description_en,
            "description_zh": self.description_zh,
        }
        if self.details:
            d["details"] = dict(self.details)
        return d


@dataclass(frozen=True)
class ModelSource:
    """A provider of specs: a zoo that lists models, or a kind of name it resolves.

    ``specs`` returns the listed models (called once, on first use; may be
    empty when an optional library is missing). ``claims(name)`` says that
    ``name`` belongs to this source although it is not listed (a file path,
    ``timm:NAME``); ``resolve(name)`` then returns its spec.
    """

    name: str
    specs: Callable[[], Mapping[str, ModelSpec]] | None = None
    claims: Callable[[str], bool] | None = None
    resolve: Callable[[str], ModelSpec] | None = None
    order: int = 100  # claims are asked in this order (lower first)


_OWN: dict[str, ModelSpec] = {}
_SOURCES: dict[str, ModelSource] = {}
_LISTED: dict[str, dict[str, ModelSpec]] = {}  # source name -> its specs, filled on first use
_LOCK = threading.Lock()


def register_model(
    name: str,
    *,
    family: str,
    year: int | None,
    paper: str,
    input_shape: tuple[int, int, int],
    num_classes: int,
    description_en: str,
    description_zh: str,
    introduced: str = "",
    class_names: tuple[str, ...] | None = None,
    trainable: bool = False,
    timeline: TimelineInfo | None = None,
) -> Callable[[Callable[..., nn.Module]], Callable[..., nn.Module]]:
    """Decorator that registers a model builder under ``name`` with its metadata.

    ``trainable`` offers it in the Train tab; ``timeline`` puts it on the
    Explain tab's architecture timeline.
    """

    def wrap(builder: Callable[..., nn.Module]) -> Callable[..., nn.Module]:
        if name in _OWN:
            raise ValueError(f"model {name!r} registered twice")
        _OWN[name] = ModelSpec(
            name=name,
            builder=builder,
            family=family,
            year=year,
            paper=paper,
            input_shape=input_shape,
            num_classes=num_classes,
            description_en=description_en,
            description_zh=description_zh,
            introduced=introduced,
            class_names=class_names,
            trainable=trainable,
            timeline=timeline,
        )
        return builder

    return wrap


def register_source(
    name: str,
    *,
    specs: Callable[[], Mapping[str, ModelSpec]] | None = None,
    claims: Callable[[str], bool] | None = None,
    resolve: Callable[[str], ModelSpec] | None = None,
    order: int = 100,
) -> None:
    """Register a provider of models (see :class:`ModelSource`). Re-registering replaces it."""
    if (claims is None) != (resolve is None):
        raise ValueError("claims and resolve go together")
    with _LOCK:
        _SOURCES[name] = ModelSource(name, specs, claims, resolve, order)
        _LISTED.pop(name, None)


def sources() -> list[ModelSource]:
    """Every registered source, in the order their claims are asked."""
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.name))


def _listed(source: ModelSource) -> dict[str, ModelSpec]:
    with _LOCK:
        cached = _LISTED.get(source.name)
    if cached is not None:
        return cached
    found = dict(source.specs()) if source.specs is not None else {}
    with _LOCK:
        _LISTED[source.name] = found
    return found


def _all_specs() -> dict[str, ModelSpec]:
    specs: dict[str, ModelSpec] = {}
    for source in sources():
        specs.update(_listed(source))
    specs.update(_OWN)  # ours win on a name clash (there is none today)
    return specs


def list_models(family: str | None = None, source: str | None = None) -> list[ModelSpec]:
    """Every listed model, sorted by family then name (optionally one family / source)."""
    if source is None:
        specs = list(_all_specs().values())
    else:  # only that source is listed (timm's listing imports timm: not for the others)
        own = [s for s in _OWN.values() if s.source == source]
        listed = [spec for src in sources() if src.name == source for spec in _listed(src).values()
                  if spec.name not in _OWN]
        specs = [*own, *[s for s in listed if s.source == source]]
    if family is not None:
        specs = [s for s in specs if s.family == family]
    return sorted(specs, key=lambda s: (s.family, s.name))


def _curated_specs() -> list[ModelSpec]:
    """cnnviz's own models and torchvision's: the ones that carry curated flags (timm's 620 are not read)."""
    listed = {name: spec for source in sources() if source.name == "torchvision" for name, spec in
              _listed(source).items()}
    return [*_OWN.values(), *(spec for name, spec in listed.items() if name not in _OWN)]


def trainable_models() -> list[ModelSpec]:
    """The models the Train tab offers (registered with ``trainable=True``), in registration order."""
    return [s for s in _curated_specs() if s.trainable]


def timeline_models() -> list[ModelSpec]:
    """The models on the architecture timeline, in the notes' order."""
    on = [s for s in _curated_specs() if s.timeline is not None]
    return sorted(on, key=lambda s: s.timeline.order if s.timeline is not None else 0)


def model_names() -> list[str]:
    """The names of every listed model."""
    return sorted(_all_specs())


def get_spec(name: str) -> ModelSpec:
    """The spec of ``name``; unknown names suggest the closest ones.

    Names a source claims (``model.onnx``, ``file.py:Class``,
    ``package.module:factory``, ``timm:NAME``) are resolved by that source.
    """
    key = name.strip()
    for source in sources():
        if source.claims is not None and source.resolve is not None and source.claims(key):
            return source.resolve(key)
    if key in _OWN:
        return _OWN[key]
    for source in sources():  # in order: a plain torchvision name never imports timm
        found = _listed(source).get(key)
        if found is not None:
            return found
    specs = _all_specs()

    def squash(text: str) -> str:
        return text.lower().replace("-", "").replace("_", "")

    lowered = {squash(k): k for k in specs}
    norm = squash(key)
    if norm in lowered:
        return specs[lowered[norm]]
    close = difflib.get_close_matches(norm, list(lowered), n=4, cutoff=0.6)
    if close:
        raise UnknownModelError(msg(
            "Unknown model {name!r}. Did you mean: {names}?",
            name=name, names=", ".join(lowered[c] for c in close),
        ))
    raise UnknownModelError(msg("Unknown model {name!r}. Run `cnnviz models` to list them.", name=name))


def build_model(name: str, seed: int | None = 0, **kwargs: Any) -> nn.Module:
    """Build the model registered under ``name`` with random weights.

    ``seed`` seeds torch's generator before construction so that the random
    initial weights are reproducible (None leaves the generator alone).
    Extra ``kwargs`` go to the builder (e.g. ``num_classes``).
    """
    import torch

    spec = get_spec(name)
    kw = {**spec.build_kwargs, **kwargs}
    if seed is None:
        return spec.builder(**kw)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = spec.builder(**kw)
    return model


#: A model's attribute naming the layers it renamed: ``{old top-level name: new name}``.
OLD_LAYER_NAMES = "cnnviz_old_layer_names"


def rename_old_layers(module: nn.Module, state_dict: dict[str, Any], prefix: str = "", *_: Any) -> None:
    """Rename, in place, the keys of ``state_dict`` a model saved before its layers were renamed.

    ``module`` declares the renames in its ``OLD_LAYER_NAMES`` attribute (LeNet-5's
    ``0.weight`` is now ``C1.weight``). The signature is torch's load-state-dict
    pre-hook, so ``module.load_state_dict`` applies it too.
    """
    renames: dict[str, str] = getattr(module, OLD_LAYER_NAMES, None) or {}
    if not renames:
        return
    for key in list(state_dict):
        if not key.startswith(prefix):
            continue
        head, _dot, rest = key[len(prefix):].partition(".")
        if head in renames and rest and f"{prefix}{renames[head]}.{rest}" not in state_dict:
            state_dict[f"{prefix}{renames[head]}.{rest}"] = state_dict.pop(key)


def with_current_names(module: nn.Module, state: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``state`` with the keys of layers ``module`` renamed since it was saved (see rename_old_layers).

    For every reader that compares a state dict's keys itself (snapshots, trajectories)
    instead of going through ``load_state_dict``.
    """
    out = dict(state)
    rename_old_layers(module, out)
    return out


def current_layer_name(module: nn.Module, key: str) -> str:
    """A layer key saved before ``module``'s layers were renamed, as it is called now (``"3"`` → ``"C3"``).

    A call suffix stays (``"3#2"`` → ``"C3#2"``); a key that was never renamed comes back as it is.
    """
    renames: dict[str, str] = getattr(module, OLD_LAYER_NAMES, None) or {}
    head, sep, rest = key.partition(".")
    base, hash_, call = head.partition("#")
    if base not in renames:
        return key
    return renames[base] + hash_ + call + sep + rest


__all__ = [
    "OLD_LAYER_NAMES",
    "current_layer_name",
    "with_current_names",
    "ModelSource",
    "ModelSpec",
    "build_model",
    "get_spec",
    "list_models",
    "model_names",
    "register_model",
    "register_source",
    "rename_old_layers",
    "sources",
]
