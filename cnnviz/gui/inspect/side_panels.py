"""The Inspect tab's extra side panels: each feature adds one entry here, the tab lists whatever is here.

An entry is ``(key, title, widget)``; the key names it on the command line
(``cnnviz --screenshot ... --panel KEY``) and in lessons. Panels are built with
the shared state and the Inspect controller (the model is reached only through
``state.model.exclusive()``).

A panel that runs its own work or keeps choices implements :class:`PanelHooks`;
the tab then asks it whether it is busy, shuts it down with itself, and keeps
its choices in lessons under the panel's key.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def extra_side_panels(state: AppState, controller: InspectController) -> list[tuple[str, str, QWidget]]:
    """The panels features add after Layer math, Kernels and Top-5."""
    from cnnviz.gui.inspect.attribution import AttributionPanel

    panels: list[tuple[str, str, QWidget]] = [
        ("attribution", tr("Why this class?"), AttributionPanel(state, controller)),
    ]
    return panels


def hooked(widgets: Iterable[tuple[str, QWidget]]) -> list[tuple[str, PanelHooks]]:
    """The ``(key, panel)`` pairs whose panel implements :class:`PanelHooks`."""
    return [(key, w) for key, w in widgets if isinstance(w, PanelHooks)]


def panels_busy(widgets: Iterable[tuple[str, QWidget]]) -> bool:
    """True while any hooked panel is busy."""
    return any(p.is_busy() for _, p in hooked(widgets))


def shutdown_panels(widgets: Iterable[tuple[str, QWidget]]) -> None:
    """Shut every hooked panel down."""
    for _, p in hooked(widgets):
        p.shutdown()


def panel_lesson_states(widgets: Iterable[tuple[str, QWidget]]) -> dict[str, Any]:
    """``{key: panel.lesson_state()}`` of every hooked panel."""
    return {key: p.lesson_state() for key, p in hooked(widgets)}


def apply_panel_lesson_states(widgets: Iterable[tuple[str, QWidget]], lesson: dict[str, Any]) -> list[str]:
    """Give every hooked panel its part of ``lesson`` (missing keys: nothing changes); the problems."""
    problems: list[str] = []
    for key, p in hooked(widgets):
        if key in lesson and lesson[key] is not None:
            problems.extend(p.apply_lesson_state(lesson[key]))
    return problems
