"""The contract between the main window and its tabs, as types the type checker sees.

The window depends on :class:`Tab` (a Protocol) and builds each tab through
its package's ``create_tab(state, host)``; every tab derives from
:class:`TabBase`, whose hooks do nothing until a tab overrides them. A tab
sees the window only as a :class:`TabHost`: the start-up options, the menus
it may add actions to, and a way to bring a tab to the front.

Hooks (all optional to override):

``is_busy()``
    Work in progress; screenshot mode waits until every tab says False.
``is_running()``
    Long work that rebuilding the tabs or opening a lesson would stop
    (training); the window asks the user before it does.
``save_settings(s)`` / ``restore_settings(s)``
    Remember the tab's *settings* between runs (choices, not payloads: a
    lesson's curves or images never go into the settings file).
    ``restore_settings`` is called right after the tab is built.
``lesson_state(attachments)`` / ``apply_lesson_state(state, attachments)``
    Everything a lecturer prepared, as JSON-ready data (no NaN); images and
    weights go into ``attachments`` and the state keeps their reference.
    ``apply_lesson_state`` must accept older or damaged data (missing keys
    keep their values, bad values are skipped or raise ``CnnvizError`` with
    the reason) and must not need the network.
``handover()`` / ``take_over(live)``
    Live state a rebuild (language switch) must not lose but a lesson file
    cannot hold (Train's trainer, Inspect's activations).
``shutdown()``
    The tab is going away: stop timers and workers within 2 s.
``toolbar_actions()``
    The tab's buttons for the main toolbar (None: a separator).
``status_parts()``
    What the status bar says while the tab is in front, and the device it uses.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from cnnviz.gui.state import AppState

if TYPE_CHECKING:
    from cnnviz.core.lesson_file import Attachments


class TabHost(Protocol):
    """What a tab may use of the window."""

    options: argparse.Namespace
    menu_file: QMenu
    menu_model: QMenu

    def show_tab(self, key: str) -> None:
        """Bring the tab ``key`` to the front."""


@runtime_checkable
class Tab(Protocol):
    """What the window asks of a tab (see the module docstring)."""

    def is_busy(self) -> bool: ...
    def is_running(self) -> bool: ...
    def save_settings(self, s: QSettings) -> None: ...
    def restore_settings(self, s: QSettings) -> None: ...
    def lesson_state(self, attachments: Attachments) -> dict[str, Any]: ...
    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments) -> None: ...
    def handover(self) -> object | None: ...
    def take_over(self, live: object) -> None: ...
    def shutdown(self) -> None: ...
    def toolbar_actions(self) -> list[QAction | None]: ...
    def status_parts(self) -> tuple[list[str], str]: ...


class TabBase(QWidget):
    """Base class of every tab: the contract's hooks with defaults that do nothing."""

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__()
        self.state = state
        self.host = host
        self.options: argparse.Namespace = host.options if host is not None else argparse.Namespace()

    @property
    def screenshot_mode(self) -> bool:
        """True when the window only builds itself for a picture (``--screenshot``): ask nobody anything."""
        return bool(getattr(self.options, "screenshot", None))

    def is_busy(self) -> bool:
        """Work in progress (screenshot mode waits)."""
        return False

    def is_running(self) -> bool:
        """Long work a rebuild would stop."""
        return False

    def save_settings(self, s: QSettings) -> None:
        """Remember the tab's settings."""

    def restore_settings(self, s: QSettings) -> None:
        """Restore what :meth:`save_settings` wrote."""

    def lesson_state(self, attachments: Attachments) -> dict[str, Any]:
        """The tab's part of a lesson (JSON-ready)."""
        return {}

    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments) -> None:
        """Bring back what :meth:`lesson_state` returned."""

    def handover(self) -> object | None:
        """Live state for the tab that replaces this one."""
        return None

    def take_over(self, live: object) -> None:
        """Adopt what the previous tab handed over."""

    def shutdown(self) -> None:
        """Stop timers and workers (the tab is going away)."""

    def toolbar_actions(self) -> list[QAction | None]:
        """Buttons for the main toolbar while this tab is in front."""
        return []

    def status_parts(self) -> tuple[list[str], str]:
        """Status-bar parts and the device this tab computes on."""
        return [], self.state.device

    def show_tab(self, key: str) -> None:
        """Bring the tab ``key`` to the front (through the host)."""
        if self.host is not None:
            self.host.show_tab(key)


def is_tab(widget: QWidget) -> bool:
    """True for a widget that keeps the contract (a placeholder for a broken tab does not)."""
    return isinstance(widget, TabBase) and isinstance(widget, Tab)
