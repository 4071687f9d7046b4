"""Models cnnviz can build: the registry (:mod:`._api`) and the sources that fill it.

Importing this package registers, cheaply (no zoo is imported until a name
is looked up or the list is read):

* our classic nets (:mod:`.classic`, one ``@register_model`` each);
* torchvision's classifiers (:mod:`.torchvision_zoo`);
* timm's CNN classifiers as ``timm:NAME`` when timm is installed (:mod:`.timm_zoo`);
* ONNX files, ``path/to/model.onnx`` (:mod:`.onnx`, needs ``cnnviz[onnx]``);
* a user's own module, ``file.py:Class`` or ``package.module:factory`` (:mod:`.custom`).
"""

from cnnviz.core.models import classic, onnx, timm_zoo, torchvision_zoo  # noqa: F401  (register)
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


def _is_custom(name: str) -> bool:
    from cnnviz.core.models.custom import is_custom_spec

    return is_custom_spec(name)


def _custom(name: str) -> ModelSpec:
    from cnnviz.core.models.custom import custom_spec

    return custom_spec(name)


# Asked last: ``timm:NAME`` and ``C:\\model.onnx`` also contain a colon.
register_source("custom", claims=_is_custom, resolve=_custom, order=1000)

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
