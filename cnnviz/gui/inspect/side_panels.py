"""The Inspect tab's extra side panels: each feature adds one entry here, the tab lists whatever is here.

An entry is ``(key, title, widget)``; the key names it on the command line
(``cnnviz --screenshot ... --panel KEY``) and in lessons. Panels are built with
the shared state, the Inspect controller and the input panel (for overlays);
the model is reached only through ``state.model.exclusive()``.

A panel that runs work of its own, or has choices worth keeping in a lesson,
implements :class:`PanelHooks`; the tab asks it whether it is busy, shuts it
down with itself and keeps its choices in lessons under the panel's key,
through the helpers below.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget

from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState


@runtime_checkable
class PanelHooks(Protocol):
    """What the Inspect tab asks of a side panel that computes or remembers something."""

    def is_busy(self) -> bool:
        """Work in progress (screenshot mode waits)."""

    def shutdown(self) -> None:
        """Stop timers and jobs (the tab is going away)."""

    def lesson_state(self) -> dict[str, Any]:
        """The panel's choices, JSON-ready."""

    def apply_lesson_state(self, data: dict[str, Any]) -> list[str]:
        """Bring back :meth:`lesson_state`; returns messages about what could not be applied."""


def extra_side_panels(
    state: AppState, controller: InspectController, input_panel: Any = None
) -> list[tuple[str, str, QWidget]]:
    """The panels features add after Layer math, Kernels and Top-5."""
    from cnnviz.gui.inspect.atlas import AtlasPanel
    from cnnviz.gui.inspect.attribution import AttributionPanel

    return [
        ("attribution", tr("Why this class?"), AttributionPanel(state, controller)),
        ("atlas", tr("What it detects"), AtlasPanel(state, controller, input_panel)),
    ]


def hooked(panels: dict[str, QWidget]) -> dict[str, PanelHooks]:
    """The panels that implement :class:`PanelHooks`, by key."""
    return {k: w for k, w in panels.items() if isinstance(w, PanelHooks)}


def panels_busy(panels: dict[str, QWidget]) -> bool:
    """True while any hooked panel's own work runs."""
    return any(p.is_busy() for p in hooked(panels).values())


def shutdown_panels(panels: dict[str, QWidget]) -> None:
    """Shut every hooked panel down (the tab is going away)."""
    for p in hooked(panels).values():
        p.shutdown()


def panel_lesson_states(panels: dict[str, QWidget]) -> dict[str, Any]:
    """``{key: panel.lesson_state()}`` of every hooked panel."""
    return {key: p.lesson_state() for key, p in hooked(panels).items()}


def apply_panel_lesson_states(panels: dict[str, QWidget], lesson: dict[str, Any]) -> list[str]:
    """Give every hooked panel its part of ``lesson`` (missing keys: nothing changes); the problems."""
    problems: list[str] = []
    for key, p in hooked(panels).items():
        if key in lesson and lesson[key] is not None:
            problems.extend(p.apply_lesson_state(lesson[key]))
    return problems
