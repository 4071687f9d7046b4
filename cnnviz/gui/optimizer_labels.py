"""An optimizer's display name in the interface language, the same in every tab.

The name comes from the optimizer registry (:meth:`OptimizerSpec.display_label`):
in Chinese "Momentum" is 动量 while SGD, Adam… keep their Latin names, as the
Train tab's lessons name their runs. There is no Qt translation of these names
to keep in step.
"""

from __future__ import annotations


def optimizer_label(name: str, language: str) -> str:
    """Registered optimizer ``name``'s label (e.g. "Momentum", 动量) in ``language`` ('en' or 'zh')."""
    from cnnviz.core.optimizers import get_optimizer

    return get_optimizer(name).display_label(language)
