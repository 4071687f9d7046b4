"""Compatibility name for :mod:`cnnviz.core.models._api` (the registry).

Importing it, like importing anything under :mod:`cnnviz.core.models`,
first runs the package ``__init__``, which registers every model source.
"""

from cnnviz.core.models._api import (
    ModelSource,
    ModelSpec,
    build_model,
    get_spec,
    list_models,
    model_names,
    register_model,
    register_source,
    sources,
)

__all__ = [
    "ModelSource",
    "ModelSpec",
    "build_model",
    "get_spec",
    "list_models",
    "model_names",
    "register_model",
    "register_source",
    "sources",
]
