"""A user's own ``nn.Module``: ``path/to/file.py:ClassName`` or ``package.module:factory``.

The object named after the colon is called with the constructor kwargs the
user gives (``build_model(spec, **kwargs)``) and must return an ``nn.Module``.
If it has an ``input_shape`` attribute (C, H, W) cnnviz uses it as the
default input; otherwise 3×224×224.

Importing the file or module runs its code, so nothing is imported unless
:mod:`cnnviz.core.trust` says the spec was approved (typed by the user, or a
Yes to a question naming it); the standard library is refused outright. A
``module:factory`` must be an ``nn.Module`` class or a function annotated to
return one, checked before it is called with the user's arguments.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

from torch import nn

from cnnviz.core import trust
from cnnviz.core.errors import ModelError, shorten
from cnnviz.core.messages import message_of, msg
from cnnviz.core.models.registry import ModelSpec


def is_custom_spec(name: str) -> bool:
    """True for ``file.py:Name`` and ``package.module:name`` specs."""
    return trust.names_code(name)


def _load_attr(spec: str) -> Any:
    request = trust.code_request(spec)
    trust.check_not_standard_library(request)
    if not trust.is_approved(request):
        raise trust.UntrustedCodeError(request)
    target, _, attr = spec.rpartition(":")
    if request.kind == "file":
        path = Path(target).expanduser()
        if not path.is_file():
            raise ModelError(msg("Model file not found: {path}", path=str(path)))
        # A stable module name per file so re-loading the same file reuses it.
        mod_name = "cnnviz_user_" + hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
        module_spec = importlib.util.spec_from_file_location(mod_name, path)
        if module_spec is None or module_spec.loader is None:
            raise ModelError(msg("Cannot import {path} as Python.", path=str(path)))
        module = importlib.util.module_from_spec(module_spec)
        sys.modules[mod_name] = module
        try:
            module_spec.loader.exec_module(module)
        except Exception as exc:  # the user's code: report, do not crash
            del sys.modules[mod_name]
            raise ModelError(msg(
                "Importing {path} failed: {type}: {reason}", path=str(path), type=type(exc).__name__, reason=message_of(exc)
            )) from exc
    else:
        try:
            module = importlib.import_module(target)
        except Exception as exc:
            raise ModelError(msg(
                "Cannot import module {module!r}: {type}: {reason}",
                module=target, type=type(exc).__name__, reason=message_of(exc),
            )) from exc
    if not hasattr(module, attr):
        public = [n for n in dir(module) if not n.startswith("_")]
        raise ModelError(msg(
            "{target} has no {attr!r}. It defines: {names}", target=shorten(target), attr=attr, names=", ".join(public[:12])
        ))
    factory = getattr(module, attr)
    if request.kind == "module":
        _check_model_factory(spec, factory)
    return factory


def _check_model_factory(spec: str, factory: Any) -> None:
    """Refuse a module's object unless it is an nn.Module class or a function annotated to return one.

    Checked before the object is called with the user's arguments: an
    arbitrary installed function (``shutil:rmtree``) must never be called.
    """
    if isinstance(factory, type):
        if issubclass(factory, nn.Module):
            return
        raise trust.RefusedFactoryError(msg(
            "{spec} is the class {name}, not a torch.nn.Module.", spec=shorten(spec), name=factory.__name__
        ))
    if not callable(factory):
        raise trust.RefusedFactoryError(
            msg("{spec} is not callable, so it cannot build a model.", spec=shorten(spec))
        )
    import typing

    try:
        returned = typing.get_type_hints(factory).get("return")
    except Exception:  # unresolvable annotations: treated as none
        returned = None
    if isinstance(returned, type) and issubclass(returned, nn.Module):
        return
    raise trust.RefusedFactoryError(msg(
        "{spec} is not declared to return a torch.nn.Module, so cnnviz will not call it. "
        "Name an nn.Module class, or annotate the factory's return type (-> nn.Module).",
        spec=shorten(spec),
    ))


def _build_custom(spec: str, **kwargs: Any) -> nn.Module:
    factory = _load_attr(spec)
    try:
        model = factory(**kwargs)
    except Exception as exc:
        raise ModelError(msg(
            "Building {spec} failed: {type}: {reason}", spec=shorten(spec), type=type(exc).__name__, reason=message_of(exc)
        )) from exc
    if not isinstance(model, nn.Module):
        raise ModelError(msg(
            "{spec} returned {type}, not a torch.nn.Module.", spec=shorten(spec), type=type(model).__name__
        ))
    return model


@functools.lru_cache(maxsize=64)
def custom_spec(spec: str) -> ModelSpec:
    """A :class:`ModelSpec` for a user's model; imports it to read ``input_shape``."""
    factory = _load_attr(spec)
    shape = tuple(getattr(factory, "input_shape", (3, 224, 224)))
    if len(shape) != 3:
        raise ModelError(msg("{spec}.input_shape must be (C, H, W), got {shape}", spec=spec, shape=shape))
    return ModelSpec(
        name=spec,
        builder=functools.partial(_build_custom, spec),
        family="custom",
        year=None,
        paper="",
        input_shape=(int(shape[0]), int(shape[1]), int(shape[2])),
        num_classes=int(getattr(factory, "num_classes", 0) or 0),
        description_en=(factory.__doc__ or "A user-provided model.").strip().splitlines()[0],
        description_zh="用户提供的模型。",
        source="custom",
    )
