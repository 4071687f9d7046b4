"""The Inspect tab's extra side panels: each feature adds one entry here, the tab lists whatever is here.

An entry is ``(key, title, widget)``; the key names it on the command line
(``cnnviz --screenshot ... --panel KEY``) and in lessons. Panels are built with
the shared state and the Inspect controller (the model is reached only through
``state.model.exclusive()``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState


def extra_side_panels(state: AppState, controller: InspectController) -> list[tuple[str, str, QWidget]]:
    """The panels features add after Layer math, Kernels and Top-5."""
    panels: list[tuple[str, str, QWidget]] = []
    return panels
