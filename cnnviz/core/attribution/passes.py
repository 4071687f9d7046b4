"""The one forward pass and the backward passes that most methods share.

One forward pass with the chosen layer tapped (see :mod:`.layers`) serves
every CAM method; its backward passes give the layer's gradient (Grad-CAM,
Grad-CAM++, HiResCAM, XGrad-CAM, LayerCAM) and the input's gradient
(saliency, gradient × input) at once. Guided backpropagation and the
deconvnet differ from the plain gradient only in how a ReLU passes the
gradient back, so the forward pass runs ReLUs as :class:`_RuledReLU`, whose
backward rule is read when the backward pass runs: the same graph is walked
backward once per rule (``retain_graph``), with no second forward pass.

ReLUs are found by a :class:`~torch.overrides.TorchFunctionMode` that sees
``nn.ReLU``, ``F.relu``, ``torch.relu`` and their in-place forms, so
functional ReLUs (DenseNet's last one) are covered too; captum's
GuidedBackprop and Deconvolution hook ``nn.ReLU`` modules only, so on models
built from ``nn.ReLU`` modules the two agree exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.overrides import TorchFunctionMode

from cnnviz.core.attribution.errors import (
    AttributionError,
    LayerError,
    NonFiniteError,
    NonFiniteLayerError,
)
from cnnviz.core.attribution.layers import Tap, tap_layers
from cnnviz.core.attribution.targets import ResolvedTarget, Target, scoring
from cnnviz.core.probe import eval_mode, forward

Rule = Literal["plain", "guided", "deconv"]
RULES: tuple[Rule, ...] = ("plain", "guided", "deconv")


class _RuleBox:
    """The backward rule every :class:`_RuledReLU` of a pass reads when its backward runs."""

    def __init__(self) -> None:
        self.rule: Rule = "plain"


class _RuledReLU(torch.autograd.Function):
    """ReLU whose backward follows ``box.rule``.

    plain: ``g · 1[out > 0]`` (the gradient); guided (Springenberg et al.
    2015): ``max(g, 0) · 1[out > 0]``; deconv (Zeiler & Fergus 2014):
    ``max(g, 0)``, whatever the forward input was.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor, box: _RuleBox, inplace: bool) -> Tensor:
        if inplace:
            out = x.clamp_(min=0)
            ctx.mark_dirty(x)
        else:
            out = x.clamp(min=0)
        ctx.save_for_backward(out)
        ctx.box = box
        return out

    @staticmethod
    def backward(ctx: Any, grad: Tensor) -> tuple[Tensor, None, None]:
        (out,) = ctx.saved_tensors
        rule = ctx.box.rule
        if rule == "deconv":
            return grad.clamp(min=0), None, None
        if rule == "guided":
            return grad.clamp(min=0) * (out > 0), None, None
        return grad * (out > 0), None, None


_OUT_OF_PLACE = {F.relu, torch.relu, Tensor.relu}
_IN_PLACE = {torch.relu_, Tensor.relu_}


class _RuleMode(TorchFunctionMode):
    """Runs every ReLU of the forward pass as a :class:`_RuledReLU`."""

    def __init__(self, box: _RuleBox) -> None:
        super().__init__()
        self.box = box
        self.relus = 0

    def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        kwargs = kwargs or {}
        if func in _OUT_OF_PLACE or func in _IN_PLACE:
            x = args[0] if args else kwargs.get("input")
            if isinstance(x, Tensor) and x.requires_grad and torch.is_grad_enabled():
                inplace = func in _IN_PLACE
                if func is F.relu:
                    inplace = bool(kwargs.get("inplace", args[1] if len(args) > 1 else False))
                self.relus += 1
                return _RuledReLU.apply(x, self.box, inplace)
        return func(*args, **kwargs)


@contextmanager
def relu_rules() -> Iterator[_RuleMode]:
    """Run ReLUs with a switchable backward rule (``mode.box.rule``) until the block ends."""
    mode = _RuleMode(_RuleBox())
    with mode:
        yield mode


_OTHER_ACTIVATIONS = (nn.ReLU6, nn.LeakyReLU, nn.ELU, nn.SELU, nn.CELU, nn.GELU, nn.SiLU, nn.Mish,
                      nn.Hardswish, nn.Hardtanh, nn.Softplus, nn.PReLU, nn.RReLU, nn.Tanh, nn.Sigmoid)


def other_activations_note(model: nn.Module) -> str | None:
    """A note when the model has activations guided backprop / deconvnet leave as plain gradients."""
    kinds = sorted({type(m).__name__ for m in model.modules() if isinstance(m, _OTHER_ACTIVATIONS)})
    if not kinds:
        return None
    return (f"Only ReLUs are modified; this model's other activations ({', '.join(kinds)}) pass the "
            "plain gradient, as in captum.")


def check_finite(t: Tensor, what: str, error: type[NonFiniteError] = NonFiniteError) -> None:
    """Raise ``error`` naming ``what`` if ``t`` holds NaN or inf."""
    if not bool(torch.isfinite(t).all()):
        raise error(
            f"Found NaN or infinite values in {what}, so this map cannot be computed "
            "(check the weights and the input)."
        )


@dataclass
class SharedPass:
    """What one forward pass and its backward passes produced (all detached, batch element 0)."""

    resolved: ResolvedTarget
    activations: dict[str, Tensor] = field(default_factory=dict)  # key -> [K, h, w], the true output
    layer_grads: dict[str, Tensor] = field(default_factory=dict)  # key -> [K, h, w]
    overwritten: dict[str, Tensor] = field(default_factory=dict)  # key -> values a later in-place op left
    unprotected: set[str] = field(default_factory=set)  # keys whose true output could not be kept
    input_grads: dict[str, Tensor] = field(default_factory=dict)  # rule -> [C, H, W]
    relus: int = 0  # ReLUs the rule mode ran (0 when it was off)
    forward_passes: int = 0
    backward_passes: int = 0


def shared_pass(
    model: nn.Module,
    x: Tensor,
    target: Target,
    class_index: int | None = None,
    *,
    layers: Sequence[str] = (),
    layer_grads: bool = False,
    input_rules: Sequence[Rule] = (),
    missing_ok: bool = False,
) -> SharedPass:
    """One forward pass, then one backward pass per needed gradient rule.

    ``layers``: keys whose true output to keep (and, with ``layer_grads``,
    whose gradient to take, on the plain rule). ``input_rules``: the rules
    for which to take the input's gradient. Hooks and the ReLU mode are
    removed when it returns, also after an error; the graph is released.
    ``missing_ok``: a layer the target does not depend on is left out of
    ``layer_grads`` instead of raising :class:`LayerError`.
    """
    rules = [r for r in RULES if r in input_rules or (r == "plain" and layer_grads and layers)]
    need_grad = bool(rules)
    with ExitStack() as stack:
        stack.enter_context(eval_mode(model))
        scorer = stack.enter_context(scoring(model, target, class_index))
        taps: dict[str, Tap] = stack.enter_context(tap_layers(model, layers)) if layers else {}
        mode = stack.enter_context(relu_rules()) if set(rules) - {"plain"} else None
        stack.enter_context(torch.enable_grad() if need_grad else torch.no_grad())
        inp = x.detach().clone().requires_grad_(bool(input_rules))
        out = forward(model, inp)
        score = scorer.scores(out)
        result = SharedPass(resolved=scorer.resolved, forward_passes=1)  # type: ignore[arg-type]
        check_finite(score.detach(), "the target's score")
        for key, tap in taps.items():
            if tap.output is None:
                raise LayerError(f"Layer {key!r} did not run in this forward pass.")
            result.activations[key] = act = tap.output.detach()[0]
            check_finite(act, f"the activations of layer {key!r}", NonFiniteLayerError)
            over = tap.overwritten_values()
            if over is not None:
                if tap.passed_on is tap.output:
                    result.unprotected.add(key)
                else:
                    result.overwritten[key] = over[0]
        if need_grad:
            if not score.requires_grad:
                raise AttributionError("The target's score does not depend on the input in this model.")
            total = score.sum()
            for i, rule in enumerate(rules):
                if mode is not None:
                    mode.box.rule = rule
                wrt: list[Tensor] = []
                keys = list(taps) if rule == "plain" and layer_grads else []
                wrt += [taps[k].output for k in keys]  # type: ignore[misc]
                if rule in input_rules:
                    wrt.append(inp)
                grads = torch.autograd.grad(total, wrt, retain_graph=i < len(rules) - 1, allow_unused=True)
                result.backward_passes += 1
                for key, g in zip(keys, grads, strict=False):
                    if g is None:
                        if missing_ok:
                            continue
                        raise LayerError(f"The target does not depend on layer {key!r}.")
                    result.layer_grads[key] = g = g.detach()[0]
                    check_finite(g, f"the gradients at layer {key!r}", NonFiniteLayerError)
                if rule in input_rules:
                    g = grads[-1]
                    if g is None:
                        raise AttributionError("The target's score does not depend on the input.")
                    result.input_grads[rule] = g = g.detach()[0]
                    check_finite(g, "the gradients at the input")
        if mode is not None:
            result.relus = mode.relus
    return result
