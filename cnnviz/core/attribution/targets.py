"""What an attribution explains: the top class, a chosen class, or one unit of a layer.

A :class:`Target` is what the user picked. :func:`scoring` turns it into
numbers during forward passes: the class logit (or its softmax probability),
or the unit's activation read by a forward hook on its layer. The first pass
a scorer sees must be the unperturbed input: it fixes "the top class" once, so
every perturbed batch afterwards is scored for that same class.

A unit is ``(layer, channel, y, x)``; without ``y, x`` it is the channel's
mean over space (what a channel "detects" as a whole). A unit's activation
is copied in the hook, so an in-place op after its layer does not change it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

import torch
from torch import Tensor, nn

from cnnviz.core.attribution.errors import NonFiniteError, TargetError
from cnnviz.core.messages import msg
from cnnviz.core.probe import first_tensor, resolve_layers

ScoreKind = Literal["logit", "probability"]


@dataclass(frozen=True)
class Target:
    """The thing to explain. Build one with :meth:`top`, :meth:`of_class` or :meth:`unit`."""

    kind: Literal["top", "class", "unit"] = "top"
    class_index: int | None = None
    layer: str | None = None
    channel: int | None = None
    y: int | None = None
    x: int | None = None

    @staticmethod
    def top() -> Target:
        """The class the model scores highest on the image."""
        return Target("top")

    @staticmethod
    def of_class(index: int) -> Target:
        """Class ``index`` of the model's output."""
        return Target("class", class_index=int(index))

    @staticmethod
    def unit(layer: str, channel: int, y: int | None = None, x: int | None = None) -> Target:
        """Channel ``channel`` of ``layer`` at ``(y, x)``, or its spatial mean when ``y, x`` are None."""
        if (y is None) != (x is None):
            raise TargetError(msg("A unit needs both y and x, or neither (the channel's mean)."))
        return Target("unit", layer=layer, channel=int(channel), y=None if y is None else int(y),
                      x=None if x is None else int(x))

    def describe(self) -> str:
        """A short plain-English label."""
        if self.kind == "top":
            return msg("top class")
        if self.kind == "class":
            return msg("class {index}", index=self.class_index)
        if self.y is not None:
            return msg(
                "{layer} channel {channel} at ({y}, {x})", layer=self.layer, channel=self.channel, y=self.y, x=self.x
            )
        return msg("{layer} channel {channel}", layer=self.layer, channel=self.channel)


def as_target(value: Target | int | str | None) -> Target:
    """``None`` / ``"top"`` -> top class, an int -> that class, a Target as it is."""
    if value is None:
        return Target.top()
    if isinstance(value, Target):
        return value
    if isinstance(value, bool):
        raise TargetError(msg("Not a target: {value!r}.", value=value))
    if isinstance(value, int):
        return Target.of_class(value)
    if isinstance(value, str):
        return parse_target(value)
    raise TargetError(msg("Not a target: {value!r}.", value=value))


def parse_target(text: str, class_names: Sequence[str] | None = None) -> Target:
    """``top``, a class index, a class name, or ``unit:LAYER:CHANNEL[:Y:X]`` (the CLI's ``--target``)."""
    t = text.strip()
    if t.lower() == "top":
        return Target.top()
    if t.lower().startswith("unit:"):
        parts = t[5:].split(":")
        try:
            if len(parts) == 4:
                return Target.unit(parts[0], int(parts[1]), int(parts[2]), int(parts[3]))
            if len(parts) == 2:
                return Target.unit(parts[0], int(parts[1]))
        except ValueError:
            pass
        raise TargetError(msg("Expected unit:LAYER:CHANNEL or unit:LAYER:CHANNEL:Y:X, got {text!r}.", text=text))
    try:
        return Target.of_class(int(t))
    except ValueError:
        pass
    if class_names:
        lowered = [n.lower() for n in class_names]
        if t.lower() in lowered:
            return Target.of_class(lowered.index(t.lower()))
    raise TargetError(
        msg("Unknown target {text!r}: give 'top', a class index or a class name of this model.", text=text)
    )


@dataclass(frozen=True)
class ResolvedTarget:
    """A target fixed on the unperturbed input: which class, and its score there."""

    target: Target
    class_index: int | None  # the class explained (None for a unit)
    score: float  # the logit of that class, or the unit's activation
    probability: float | None  # softmax probability of the class (None for a unit)

    @property
    def is_unit(self) -> bool:
        """True when a unit, not a class, is explained."""
        return self.target.kind == "unit"

    def describe(self, class_names: Sequence[str] | None = None) -> str:
        """A short label such as ``class 3 (cat)`` or ``layer4 channel 7``."""
        if self.class_index is None:
            return self.target.describe()
        if class_names and 0 <= self.class_index < len(class_names):
            return msg("class {index} ({name})", index=self.class_index, name=class_names[self.class_index])
        return msg("class {index}", index=self.class_index)


class TargetScorer:
    """Reads the target's score out of forward passes (use through :func:`scoring`)."""

    def __init__(self, target: Target, class_index: int | None) -> None:
        self.target = target
        self.class_index = class_index if target.kind != "unit" else None
        if target.kind == "class" and class_index is None:
            self.class_index = target.class_index
        self._unit: Tensor | None = None
        self._calls = 0
        self._call_wanted = 1
        self.resolved: ResolvedTarget | None = None

    # ------------------------------------------------------------------ hooks (units)

    def _reset(self, module: nn.Module, args: tuple[object, ...]) -> None:
        self._calls = 0
        self._unit = None

    def _unit_hook(self, module: nn.Module, args: tuple[object, ...], output: object) -> None:
        self._calls += 1
        if self._calls != self._call_wanted:
            return
        t = first_tensor(output)
        if t is None:
            return
        tg = self.target
        shape = list(t.shape[1:])
        if t.dim() < 2 or not 0 <= int(tg.channel) < t.shape[1]:  # type: ignore[arg-type]
            raise TargetError(msg(
                "Channel {channel} is out of range for layer {layer!r} (output {shape}).",
                channel=tg.channel, layer=tg.layer, shape=shape,
            ))
        if tg.y is None:
            v = t[:, tg.channel]
            self._unit = v.flatten(1).mean(1) if v.dim() > 1 else v.clone()
            return
        if t.dim() != 4:
            raise TargetError(
                msg("Layer {layer!r} has no spatial output ({shape}); give only a channel.", layer=tg.layer, shape=shape)
            )
        h, w = t.shape[-2:]
        if not (0 <= tg.y < h and 0 <= tg.x < w):  # type: ignore[operator]
            raise TargetError(msg(
                "Position ({y}, {x}) is outside layer {layer!r}'s {height}×{width} map.",
                y=tg.y, x=tg.x, layer=tg.layer, height=h, width=w,
            ))
        # copied now: an in-place op after the layer must not change it
        self._unit = t[:, tg.channel, tg.y, tg.x].clone()

    # ------------------------------------------------------------------ scores

    def scores(self, output: object, kind: ScoreKind = "logit") -> Tensor:
        """The target's score for every image of the batch that produced ``output``: [N].

        Class targets: the logit (``kind="logit"``) or softmax probability of
        the class; unit targets: the unit's activation whatever ``kind`` says.
        The first call fixes the top class and the resolved target.
        """
        if self.target.kind == "unit":
            if self._unit is None:
                raise TargetError(msg("Layer {layer!r} did not run in this forward pass.", layer=self.target.layer))
            s = self._unit
            self._unit = None
            if self.resolved is None:
                _check_finite(s[:1], msg("The target unit's activation"))
                self.resolved = ResolvedTarget(self.target, None, float(s[0].detach()), None)
            return s
        logits = first_tensor(output)
        if logits is None or logits.dim() != 2:
            got = msg("nothing") if logits is None else str(list(logits.shape))
            raise TargetError(msg(
                "Explaining a class needs a model that outputs class scores [N, classes]; this one gives {got}. "
                "Pick a unit of a layer as the target instead.",
                got=got,
            ))
        if self.resolved is None:
            _check_finite(logits[:1], msg("The model's output"))
        n_classes = logits.shape[1]
        if self.class_index is None:
            self.class_index = int(logits[0].detach().argmax())
        c = self.class_index
        if not 0 <= c < n_classes:
            raise TargetError(msg(
                "Class {index} is out of range: the model has {count} classes (0 to {last}).",
                index=c, count=n_classes, last=n_classes - 1,
            ))
        if self.resolved is None:
            first = logits[0].detach().float()
            self.resolved = ResolvedTarget(
                self.target, c, float(first[c]), float(torch.softmax(first, 0)[c])
            )
        if kind == "probability":
            return torch.softmax(logits.float(), dim=1)[:, c]
        return logits[:, c]


def _check_finite(t: Tensor, what: str) -> None:
    """NonFiniteError unless ``t`` is finite; ``what`` names it, capitalised (it starts the sentence)."""
    if not bool(torch.isfinite(t.detach()).all()):
        raise NonFiniteError(msg(
            "{what} holds NaN or infinite values on this image, so no attribution "
            "can be computed (check the weights and the input).",
            what=what,
        ))


@contextmanager
def scoring(model: nn.Module, target: Target, class_index: int | None = None) -> Iterator[TargetScorer]:
    """A :class:`TargetScorer` for ``target``; a unit's layer is hooked until the block ends.

    ``class_index`` fixes the class of a "top" target in advance (the one an
    earlier pass on the same image found), so every method explains the same class.
    """
    scorer = TargetScorer(target, class_index)
    handles = []
    try:
        if target.kind == "unit":
            name, _, call = (target.layer or "").partition("#")
            resolve_layers(model, [name])  # unknown names: a message with the closest ones
            scorer._call_wanted = int(call) if call else 1
            module = dict(model.named_modules())[name]
            handles.append(model.register_forward_pre_hook(scorer._reset))
            handles.append(module.register_forward_hook(scorer._unit_hook))
        yield scorer
    finally:
        for h in handles:
            h.remove()
