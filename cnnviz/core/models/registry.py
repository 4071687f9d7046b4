"""The model registry: name -> builder plus metadata.

Our own classic nets register themselves with :func:`register_model`;
torchvision's classification models are listed through torchvision's own
registry (``torchvision.models.list_models``) so a new torchvision release adds
models with no change here. A user's own ``nn.Module`` is reached with a
``path/to/file.py:ClassName`` or ``package.module:factory`` spec
(see :mod:`cnnviz.core.models.custom`).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from torch import nn

from cnnviz.core.errors import UnknownModelError


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
    source: str = "cnnviz"  # "cnnviz" | "torchvision" | "custom"
    class_names: tuple[str, ...] | None = None
    has_pretrained: bool = False
    top1: float | None = None  # ImageNet top-1 accuracy of the default weights, in %
    introduced: str = ""  # what the architecture introduced (for the timeline)
    build_kwargs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly view of the metadata (no builder)."""
        return {
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


_OWN: dict[str, ModelSpec] = {}


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
) -> Callable[[Callable[..., nn.Module]], Callable[..., nn.Module]]:
    """Decorator that registers a model builder under ``name`` with its metadata."""

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
        )
        return builder

    return wrap


def _all_specs() -> dict[str, ModelSpec]:
    # Imported here so that registering our classics and listing torchvision
    # happen once, on first use, not at import of this module.
    from cnnviz.core.models import classic  # noqa: F401  (registers on import)
    from cnnviz.core.models.torchvision_zoo import torchvision_specs

    specs = dict(torchvision_specs())
    specs.update(_OWN)  # ours win on a name clash (there is none today)
    return specs


def list_models(family: str | None = None) -> list[ModelSpec]:
    """Every registered model, sorted by family then name."""
    specs = _all_specs().values()
    if family is not None:
        specs = [s for s in specs if s.family == family]
    return sorted(specs, key=lambda s: (s.family, s.name))


def model_names() -> list[str]:
    """The names of every registered model."""
    return sorted(_all_specs())


def get_spec(name: str) -> ModelSpec:
    """The spec registered under ``name``; unknown names suggest the closest ones.

    A ``file.py:Class`` or ``module:factory`` spec returns a custom spec.
    """
    from cnnviz.core.models.custom import custom_spec, is_custom_spec

    if is_custom_spec(name):
        return custom_spec(name)
    specs = _all_specs()
    key = name.strip()
    if key in specs:
        return specs[key]
    def squash(text: str) -> str:
        return text.lower().replace("-", "").replace("_", "")

    lowered = {squash(k): k for k in specs}
    norm = squash(key)
    if norm in lowered:
        return specs[lowered[norm]]
    close = difflib.get_close_matches(norm, list(lowered), n=4, cutoff=0.6)
    hint = (
        f" Did you mean: {', '.join(lowered[c] for c in close)}?"
        if close
        else " Run `cnnviz models` to list them."
    )
    raise UnknownModelError(f"Unknown model {name!r}.{hint}")


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
