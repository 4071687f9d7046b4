"""Forward hooks that capture layer outputs in one pass.

Hooks are installed by :func:`probe_hooks` and removed in ``finally``, so an
exception in the model leaves no hook behind. Captured tensors never change
after the fact, although torchvision's in-place ReLUs and ResNet's
``out += identity`` write into the outputs of convolutions and BatchNorms:

- an output some later op writes into is copied (``clone``) before that
  write; the first capture of a model learns which outputs those are with a
  :class:`~torch.overrides.TorchFunctionMode` that watches writes, later
  captures of the same model and selection copy them straight away in the
  hook (no per-op Python overhead);
- an eval-mode BatchNorm's output is not kept at all but replayed from its
  input on first read (see :mod:`cnnviz.core.captured`): that saves a copy
  of every BatchNorm output of a ResNet;
- a version-counter check after the pass catches any write that slipped past
  both and redoes those layers with eager copies.

Keys are qualified names as in ``named_modules()``. A module called more than
once in one forward pass (torchvision's ResNet blocks reuse one ``relu``) gets
``name`` for its first call and ``name#2``, ``name#3`` … for later ones, the
same keys :func:`cnnviz.core.summary.summarize` gives its rows.
"""

from __future__ import annotations

import difflib
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.captured import CapturedLayers, batch_norm_replay
from cnnviz.core.errors import ModelError, ModelForwardError

Selection = str | Iterable[str] | None


def first_tensor(obj: object) -> Tensor | None:
    """The first tensor in a module's output (tensor, tuple, list, dict, namedtuple)."""
    if isinstance(obj, Tensor):
        return obj
    if isinstance(obj, list | tuple):
        for o in obj:
            t = first_tensor(o)
            if t is not None:
                return t
    if isinstance(obj, dict):
        for o in obj.values():
            t = first_tensor(o)
            if t is not None:
                return t
    return None


def call_key(name: str, call: int) -> str:
    """The capture key of the ``call``-th call (1-based) of module ``name``."""
    return name if call == 1 else f"{name}#{call}"


def resolve_layers(model: nn.Module, layers: Selection) -> set[str] | None:
    """Names to capture: None = nothing, 'all' = every module, 'leaves' = leaf modules.

    Unknown names raise a ModelError that suggests the closest real names.
    """
    if layers is None:
        return set()
    names = [n for n, _ in model.named_modules() if n]
    if isinstance(layers, str):
        if layers == "all":
            return set(names)
        if layers == "leaves":
            return {n for n, m in model.named_modules() if n and not any(True for _ in m.children())}
        layers = [p.strip() for p in layers.split(",") if p.strip()]
    wanted = {n.split("#")[0] for n in layers}
    unknown = sorted(wanted - set(names))
    if unknown:
        close = difflib.get_close_matches(unknown[0], names, n=4, cutoff=0.4)
        hint = f" Closest: {', '.join(close)}." if close else ""
        raise ModelError(f"Unknown layer {unknown[0]!r}.{hint} Run `cnnviz summary MODEL` to list layers.")
    return wanted


@dataclass
class ProbeResult:
    """Outputs of one forward pass: the model's output and the captured layers."""

    output: Tensor | None
    layers: CapturedLayers = field(default_factory=CapturedLayers)
    order: list[str] = field(default_factory=list)  # keys in execution order
    stale: list[str] = field(default_factory=list)  # written to after capture (internal)
    copied: list[str] = field(default_factory=list)  # copied before a write (internal)

    def get(self, key: str) -> Tensor | None:
        """The captured output under ``key`` (or None)."""
        return self.layers.get(key)


# F functions whose ``inplace`` flag is positional, and its index.
_POSITIONAL_INPLACE = {
    "relu": 1, "relu6": 1, "selu": 1, "hardswish": 1, "hardsigmoid": 1, "silu": 1, "mish": 1,
    "elu": 2, "celu": 2, "leaky_relu": 2, "hardtanh": 3, "threshold": 3, "rrelu": 4,
    "dropout": 3, "alpha_dropout": 3, "feature_alpha_dropout": 3,
    "dropout1d": 3, "dropout2d": 3, "dropout3d": 3,
}


def _mutated_tensor(func: object, args: tuple[object, ...], kwargs: dict[str, object]) -> Tensor | None:
    """The tensor an op is about to write into, or None for an out-of-place op."""
    name = getattr(func, "__name__", "")
    out = kwargs.get("out")
    if isinstance(out, Tensor):
        return out
    first = args[0] if args and isinstance(args[0], Tensor) else None
    if first is None:
        return None
    if name.endswith("_") and not name.startswith("__") or name.startswith("__i") or name == "__setitem__":
        return first
    if kwargs.get("inplace") is True:
        return first
    index = _POSITIONAL_INPLACE.get(name)
    if index is not None and len(args) > index and args[index] is True:
        return first
    return None


class _CopyOnWrite(TorchFunctionMode):
    """Clones a captured tensor just before an op writes into it.

    Cloning every captured output up front costs a full copy of every
    activation; most of them are never written to again. torchvision's
    in-place ReLU and ResNet's ``out += identity`` are the writes that happen,
    and this mode sees both (as ``F.relu(..., inplace=True)`` and ``__iadd__``).
    A write into the input a BatchNorm replay needs runs the replay first.
    """

    def __init__(self, result: ProbeResult) -> None:
        super().__init__()
        self.result = result
        self.by_storage: dict[int, list[str]] = {}
        self.copied: set[str] = set()  # keys cloned because something wrote into them

    def watch(self, key: str, tensor: Tensor) -> None:
        """Remember that ``key`` holds (or replays from) a reference to ``tensor``'s storage."""
        self.by_storage.setdefault(tensor.untyped_storage().data_ptr(), []).append(key)

    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = kwargs or {}
        if self.by_storage:
            target = _mutated_tensor(func, args, kwargs)
            if target is not None:
                keys = self.by_storage.pop(target.untyped_storage().data_ptr(), None)
                layers = self.result.layers
                for key in keys or ():
                    if layers.is_deferred(key):
                        layers[key]  # noqa: B018 (reading runs the replay while its input is intact)
                    else:
                        layers[key] = layers[key].clone()
                    self.copied.add(key)
        return func(*args, **kwargs)


@contextmanager
def probe_hooks(
    model: nn.Module,
    names: set[str],
    *,
    grad: bool = False,
    copy_keys: frozenset[str] | None = None,
) -> Iterator[ProbeResult]:
    """Install capture hooks on the modules in ``names``; remove them on exit.

    With ``grad``, outputs are cloned (the clone stays on the autograd graph).
    Without it, eval-mode BatchNorm outputs are kept as replays and the rest
    by reference. ``copy_keys`` None means "not known yet": a copy-on-write
    mode watches the pass and copies a kept output just before anything
    writes into it (``result.copied`` then lists them). Otherwise the keys in
    ``copy_keys`` are copied in the hook and no mode runs. Either way, a
    version-counter check afterwards lists in ``result.stale`` any kept
    output that still changed.
    """
    result = ProbeResult(output=None)
    calls: dict[str, int] = {}
    handles = []
    watching = copy_keys is None
    cow = _CopyOnWrite(result)
    sources: dict[str, Tensor] = {}  # key -> the tensor whose version must not change
    versions: dict[str, int] = {}

    def make_hook(name: str) -> Callable[[nn.Module, tuple[object, ...], object], None]:
        def hook(module: nn.Module, args: tuple[object, ...], output: object) -> None:
            n = calls.get(name, 0) + 1
            calls[name] = n
            t = first_tensor(output)
            if t is None:
                return
            key = call_key(name, n)
            result.order.append(key)
            if grad:
                result.layers[key] = t.clone()
                return
            if not watching and key in copy_keys:  # type: ignore[operator]
                result.layers[key] = t.detach().clone()
                return
            replay = batch_norm_replay(module, args, t)
            if replay is not None:
                result.layers.defer(key, replay)
                sources[key], versions[key] = replay.source, replay.source_version
                if watching:
                    cow.watch(key, replay.source)
            else:
                ref = t.detach()
                result.layers[key] = ref
                sources[key], versions[key] = ref, ref._version
                if watching:
                    cow.watch(key, ref)

        return hook

    try:
        for name, module in model.named_modules():
            if name in names:
                handles.append(module.register_forward_hook(make_hook(name)))
        if grad:
            yield result
        elif watching:
            with cow:
                yield result
        else:
            yield result
        if not grad:
            result.copied = sorted(cow.copied)
            result.stale = [
                k for k, src in sources.items() if k not in cow.copied and src._version != versions[k]
            ]
    finally:
        for h in handles:
            h.remove()


# Per model, selection and input shape / dtype / device: the keys a previous
# capture found written into after they were captured (learned by the
# copy-on-write mode).
# The key: (selected layer names, input shape, dtype, device type).
_PlanKey = tuple[frozenset[str], tuple[int, ...], torch.dtype, str]
_COPY_PLANS: weakref.WeakKeyDictionary[nn.Module, dict[_PlanKey, frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)
_PLANS_PER_MODEL = 8
_plans_lock = threading.Lock()


def hook_count(model: nn.Module) -> int:
    """Forward / pre-forward hooks currently installed on any module (tests use it)."""
    return sum(
        len(m._forward_hooks) + len(m._forward_pre_hooks) + len(m._backward_hooks)
        for m in model.modules()
    )


@contextmanager
def eval_mode(model: nn.Module) -> Iterator[None]:
    """Put every module in eval mode and restore each one's flag afterwards."""
    flags = {m: m.training for m in model.modules()}
    model.eval()
    try:
        yield
    finally:
        for m, f in flags.items():
            m.training = f


_FORWARD_ERRORS = (RuntimeError, ValueError, TypeError, IndexError, AssertionError, NotImplementedError)


def forward(model: nn.Module, x: Tensor, call: Callable[[], object] | None = None) -> object:
    """``model(x)`` (or ``call()``) with a readable error naming the failing layer and its input shape.

    The fast path runs the model with no extra hooks; only when it fails is
    the pass repeated with hooks that find the layer that failed.
    """
    run = call if call is not None else (lambda: model(x))
    try:
        return run()
    except torch.cuda.OutOfMemoryError:
        raise
    except _FORWARD_ERRORS as exc:
        where, shape = _locate_failure(model, run, x)
        mod = dict(model.named_modules()).get(where)
        kind = type(mod).__name__ if mod is not None else "forward"
        got = f" on an input of shape {list(shape)}" if shape else ""
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelForwardError(f"The model failed in layer {where!r} ({kind}){got}: {first}") from exc


def _locate_failure(
    model: nn.Module, run: Callable[[], object], x: Tensor
) -> tuple[str, tuple[int, ...] | None]:
    """Re-run a failing pass with hooks; the innermost module still open when it fails is the culprit."""
    stack: list[tuple[str, tuple[int, ...] | None]] = []
    handles = []

    def pre(name: str) -> Callable[[nn.Module, tuple[object, ...]], None]:
        def hook(module: nn.Module, args: tuple[object, ...]) -> None:
            t = first_tensor(args)
            stack.append((name, None if t is None else tuple(t.shape)))

        return hook

    def post(module: nn.Module, args: tuple[object, ...], out: object) -> None:
        if stack:
            stack.pop()

    for name, m in model.named_modules():
        if name:
            handles.append(m.register_forward_pre_hook(pre(name)))
            handles.append(m.register_forward_hook(post))
    try:
        run()
    except Exception:  # the failure we are locating
        pass
    finally:
        for h in handles:
            h.remove()
    return stack[-1] if stack else ("(model forward)", tuple(x.shape))


def capture(
    model: nn.Module,
    x: Tensor,
    layers: Selection = "all",
    *,
    grad: bool = False,
) -> ProbeResult:
    """One forward pass in eval mode capturing the outputs of ``layers``.

    ``layers`` is 'all', 'leaves', a comma-separated string or an iterable of
    qualified names; only those tensors are kept. Runs under ``no_grad``
    unless ``grad`` is True (Grad-CAM and effective receptive fields need it).
    """
    names = resolve_layers(model, layers) or set()
    # Which outputs get written into may depend on the input's shape (a model may branch on it).
    selection = (frozenset(names), tuple(x.shape), x.dtype, x.device.type)
    with _plans_lock:
        plans = _COPY_PLANS.setdefault(model, {})
        plan = None if grad else plans.get(selection)
    with eval_mode(model), probe_hooks(model, names, grad=grad, copy_keys=plan) as result:
        ctx = torch.enable_grad() if grad else torch.no_grad()
        with ctx:
            out = forward(model, x)
        t = first_tensor(out)
        result.output = t if grad or t is None else t.detach()
    if not grad:
        learned = (plan or frozenset()) | frozenset(result.copied) | frozenset(result.stale)
        with _plans_lock:
            if len(plans) >= _PLANS_PER_MODEL and selection not in plans:
                plans.clear()
            plans[selection] = learned
    if result.stale:
        # A write nothing above foresaw (the copy-on-write mode sees every op;
        # this is for writes it cannot see, or that a learned plan did not
        # expect): redo those layers with eager copies in a second pass, which
        # assumes the model gives the same outputs twice. The plan copies them
        # in the hook from now on.
        again = _capture_cloned(model, x, {k.split("#")[0] for k in result.stale})
        for key in result.stale:
            result.layers[key] = again[key]
        result.stale = []
    if not grad:
        result.layers.settle(x)
    return result


def _capture_cloned(model: nn.Module, x: Tensor, names: set[str]) -> CapturedLayers:
    with eval_mode(model), probe_hooks(model, names, grad=True) as result, torch.no_grad():
        forward(model, x)
    return result.layers
