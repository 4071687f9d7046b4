"""Model registry and the classic nets. See :mod:`cnnviz.core.models.registry`."""

from cnnviz.core.models.registry import (
    ModelSpec,
    build_model,
    get_spec,
    list_models,
    model_names,
    register_model,
)

__all__ = ["ModelSpec", "build_model", "get_spec", "list_models", "model_names", "register_model"]
