"""Constructor arguments a user gives a model (``--model-arg``, a run's ``model.*`` switches).

A wrong value used to surface as torch's ``TypeError`` or ``RuntimeError``
from deep inside a layer's constructor (``empty(): argument 'size' must be
tuple of ints``), or, for a huge ``num_classes``, as gigabytes of weights
being initialised. :func:`check_arguments` catches these before the real
model is built:

1. names: an argument the builder does not take is refused, listing those
   it takes (``lenet5(num_classes: int = 10, in_channels: int = 1, ...)``);
2. types: a value that does not match the builder's annotation (a dict or a
   string for ``num_classes: int``) is refused naming both;
3. values: the model is built once on PyTorch's ``meta`` device, which
   checks every layer's arguments without allocating memory; a constructor
   that raises is reported naming the argument(s), and a model whose weights
   would not fit in free memory is refused with the figure.

:func:`build_checked` does all of that, then builds for real and reports any
remaining constructor error the same way. Custom models (``file.py:Class``)
build their own errors (:mod:`cnnviz.core.models.custom`) and are not built
twice here.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from torch import nn

from cnnviz.core.errors import CnnvizError, ModelError, shorten
from cnnviz.core.messages import msg
from cnnviz.core.models._api import ModelSpec, build_model, get_spec

#: What a constructor raises when an argument is wrong (MemoryError: a size far too large).
BUILD_ERRORS = (TypeError, ValueError, RuntimeError, OverflowError, MemoryError, ZeroDivisionError)

_SIMPLE = {int: msg("a whole number"), float: msg("a number"), bool: msg("true or false"), str: msg("text")}


def signature_text(builder: Callable[..., Any]) -> str:
    """``num_classes: int = 10, in_channels: int = 1``: what a builder takes, for messages."""
    try:
        sig = inspect.signature(builder)
    except (TypeError, ValueError):
        return msg("(unknown)")
    parts = []
    for p in sig.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name in ("weights", "progress"):
            continue
        text = p.name
        if p.annotation is not p.empty:
            text += f": {p.annotation if isinstance(p.annotation, str) else _type_name(p.annotation)}"
        if p.default is not p.empty:
            text += f" = {p.default!r}"
        parts.append(text)
    return ", ".join(parts)


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def _hints(builder: Callable[..., Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(builder)
    except Exception:  # forward references the builder's module cannot resolve
        return {}


def _accepts(value: Any, tp: Any) -> bool | None:
    """Whether ``value`` fits annotation ``tp``; None when the annotation is not a simple one."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        verdicts = [_accepts(value, arg) for arg in typing.get_args(tp)]
        if any(v is True for v in verdicts):
            return True
        return None if any(v is None for v in verdicts) else False
    if tp is type(None):
        return value is None
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is str:
        return isinstance(value, str)
    return None


def _expected_text(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        texts = [_expected_text(a) for a in typing.get_args(tp)]
        out = texts[0]
        for text in texts[1:]:
            out = msg("{first} or {second}", first=out, second=text)
        return out
    if tp is type(None):
        return "None"
    return _SIMPLE.get(tp, _type_name(tp))


def _value_text(value: Any) -> str:
    return shorten(repr(value), 60)


#: Names cnnviz passes to a model's construction itself: never a constructor argument from a user or a file.
RESERVED_ARGUMENTS = ("seed",)


def check_reserved(kwargs: Mapping[str, Any], error: type[CnnvizError] = ModelError) -> None:
    """``error`` when ``kwargs`` (from a user, a lesson or a settings file) holds a name cnnviz sets itself."""
    for key in RESERVED_ARGUMENTS:
        if key in kwargs:
            raise error(msg(
                "{argument!r} is not a model argument: the random weights' seed is set on its own "
                "(--seed on the command line, the seed box in the window).",
                argument=key,
            ))


def check_names_and_types(spec: ModelSpec, kwargs: Mapping[str, Any]) -> None:
    """ModelError for an argument ``spec``'s builder does not take, or of the wrong type."""
    check_reserved(kwargs)
    try:
        params = inspect.signature(spec.builder).parameters
    except (TypeError, ValueError):
        return
    open_ended = any(p.kind is p.VAR_KEYWORD for p in params.values())
    hints = _hints(spec.builder)
    for key, value in kwargs.items():
        if key not in params:
            if open_ended:
                continue
            raise ModelError(msg(
                "{model} has no argument {argument!r}. It takes: {takes}.",
                model=spec.name, argument=shorten(key, 60), takes=signature_text(spec.builder),
            ))
        tp = hints.get(key)
        if tp is not None and _accepts(value, tp) is False:
            raise ModelError(msg(
                "{model}'s argument {argument} must be {expected}, got {type} {value}.",
                model=spec.name, argument=key, expected=_expected_text(tp),
                type=type(value).__name__, value=_value_text(value),
            ))


def build_error(spec: ModelSpec, kwargs: Mapping[str, Any], exc: BaseException) -> ModelError:
    """A ModelError naming the argument(s) that made ``spec``'s constructor raise ``exc``."""
    text = str(exc).strip()
    first = shorten(text.splitlines()[0] if text else type(exc).__name__, 200)
    if isinstance(exc, MemoryError):
        first = msg("the model would not fit in memory")
    given = dict(kwargs)
    blamed = {k: v for k, v in given.items() if repr(v) in text or str(v) in text} if len(given) > 1 else given
    args = ", ".join(f"{k}={_value_text(v)}" for k, v in (blamed or given).items())
    what = msg("with {arguments}", arguments=args) if args else msg("with these arguments")
    takes = signature_text(spec.builder)
    if takes:
        return ModelError(msg(
            "{model} cannot be built {what}: {reason}. It takes: {takes}.",
            model=spec.name, what=what, reason=first, takes=takes,
        ))
    return ModelError(msg("{model} cannot be built {what}: {reason}.", model=spec.name, what=what, reason=first))


def _meta_build(spec: ModelSpec, kw: dict[str, Any]) -> nn.Module | None:
    """``spec`` built on the meta device (no memory), or None if it cannot be built there.

    A RuntimeError on meta (``negative dimension -3``) is confirmed by a real
    build, which fails just as early when an argument is wrong; a model that
    merely cannot live on meta (regnet's init copies data) is left to the real build.
    """
    import torch

    try:
        with torch.random.fork_rng(devices=[]), torch.device("meta"):
            model = spec.builder(**kw)
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        raise
    except RuntimeError:
        with torch.random.fork_rng(devices=[]):
            spec.builder(**kw)  # raises the real error, or builds: then meta was the problem
        return None
    except Exception:  # not every constructor runs on meta: the real build decides
        return None
    return model if isinstance(model, nn.Module) else None


def check_arguments(name: str | ModelSpec, kwargs: Mapping[str, Any]) -> None:
    """Refuse (ModelError) arguments that would make building model ``name`` fail or flood memory.

    Nothing real is allocated; see the module docstring for the three checks.
    """
    from cnnviz.core.footprint import available_memory
    from cnnviz.core.safe_io import format_bytes

    spec = name if isinstance(name, ModelSpec) else get_spec(name)
    if not kwargs or spec.source == "custom":
        return
    check_names_and_types(spec, kwargs)
    kw = {**spec.build_kwargs, **kwargs}
    try:
        model = _meta_build(spec, kw)
    except BUILD_ERRORS as exc:
        raise build_error(spec, kwargs, exc) from None
    if model is None:
        return
    tensors = [*model.parameters(), *model.buffers()]
    count = sum(t.numel() for t in tensors)
    nbytes = sum(t.numel() * t.element_size() for t in tensors)
    free = available_memory()
    if free is not None and nbytes > free:
        args = ", ".join(f"{k}={_value_text(v)}" for k, v in kwargs.items())
        raise ModelError(msg(
            "{model} with {arguments} would have {count:,} parameters ({size}); this computer has {free} free.",
            model=spec.name, arguments=args, count=count, size=format_bytes(nbytes), free=format_bytes(free),
        ))


def build_checked(name: str, seed: int | None = 0, **kwargs: Any) -> nn.Module:
    """:func:`~cnnviz.core.models.registry.build_model` after :func:`check_arguments`;
    constructor errors become a ModelError naming the argument."""
    spec = get_spec(name)
    check_arguments(spec, kwargs)
    try:
        return build_model(name, seed=seed, **kwargs)
    except ModelError:
        raise
    except BUILD_ERRORS as exc:
        raise build_error(spec, kwargs, exc) from None
