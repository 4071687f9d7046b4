"""The Inspect tab's extra side panels: each feature adds one entry here, the tab lists whatever is here.

An entry is ``(key, title, widget)``; the key names it on the command line
(``cnnviz --screenshot ... --panel KEY``) and in lessons. Panels are built with
the shared state, the Inspect controller and the input panel (for overlays);
the model is reached only through ``state.model.exclusive()``.

A panel that runs work of its own, or has choices worth keeping in a lesson,
implements :class:`PanelHooks`; the tab asks it through the helpers below.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState


@runtime_checkable
class PanelHooks(Protocol):
    """What the tab asks of a side panel that has work or lesson choices of its own."""

    def is_busy(self) -> bool: ...
    def shutdown(self) -> None: ...
    def lesson_state(self) -> dict[str, Any]: ...
    def apply_lesson_state(self, state: dict[str, Any], problems: list[str]) -> None: ...


def extra_side_panels(
    state: AppState, controller: InspectController, input_panel: Any = None
) -> list[tuple[str, str, QWidget]]:
    """The panels features add after Layer math, Kernels and Top-5."""
    from cnnviz.gui.inspect.atlas import AtlasPanel
    from cnnviz.gui.inspect.common import tr

    panels: list[tuple[str, str, QWidget]] = [
        ("atlas", tr("What it detects"), AtlasPanel(state, controller, input_panel)),
    ]
    return panels


def hooked(panels: dict[str, QWidget]) -> dict[str, PanelHooks]:
    """The panels that implement :class:`PanelHooks`, by key."""
    return {k: w for k, w in panels.items() if isinstance(w, PanelHooks)}


def any_busy(panels: dict[str, QWidget]) -> bool:
    """True while any panel's own work runs."""
    return any(p.is_busy() for p in hooked(panels).values())


def shutdown_all(panels: Iterable[QWidget] | dict[str, QWidget]) -> None:
    """Stop every panel's own work (the tab is going away)."""
    items = panels.values() if isinstance(panels, dict) else panels
    for p in items:
        if isinstance(p, PanelHooks):
            p.shutdown()
