"""An optimizer's display name in the interface language, as the Train tab names its runs.

The Train tab shows a lesson's runs under the names core gives them in the
interface language (:meth:`cnnviz.core.training.presets.Preset.build`): in
Chinese "Momentum" becomes 动量 while SGD, Adam… keep their Latin names. The
Playground names its racers through :func:`optimizer_label`, so an optimizer has
one name in both tabs; there is no Qt translation of these names to keep in step.
"""

from __future__ import annotations

from functools import cache


def optimizer_label(name: str, language: str) -> str:
    """Registered optimizer ``name``'s label (e.g. "Momentum") in ``language`` ('en' or 'zh')."""
    from cnnviz.core.optimizers import get_optimizer

    label = get_optimizer(name).label
    return label if language == "en" else run_names(language).get(label, label)


@cache
def run_names(language: str) -> dict[str, str]:
    """Every lesson run's English name -> the name the lessons give it in ``language``."""
    from cnnviz.core.training.presets import list_presets

    out: dict[str, str] = {}
    for preset in list_presets():
        (_, english), (_, local) = preset.build("en"), preset.build(language)
        out.update((a.name, b.name) for a, b in zip(english, local, strict=True))
    return out
