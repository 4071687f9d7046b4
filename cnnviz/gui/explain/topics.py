"""The Explain tab's topics: one registration each, and the base class every page derives from.

Adding a page is writing an :class:`ExplainPage` subclass and one line in
:data:`TOPICS` (key, title, how to build it); the sidebar, lessons, settings,
the status bar and shutdown pick it up from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from cnnviz.gui.explain.common import tr
from cnnviz.gui.state import AppState


class ExplainPage(QWidget):
    """One Explain page; every hook has a default that does nothing."""

    show_requested = Signal()
    """The page asks to be brought to the front (e.g. another tab sent it something to show)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state

    def activated(self) -> None:
        """The page was brought to the front."""

    def deactivated(self) -> None:
        """Another page was brought to the front (stop animations)."""

    def update_sources(self) -> None:
        """The loaded model or image changed (enable "from the model" / "from the image")."""

    def retranslate(self) -> None:
        """Re-read translated strings and core explanations (language or theme changed)."""

    def lesson_state(self) -> dict[str, Any]:
        """The page's settings and numbers (JSON-ready)."""
        return {}

    def apply_lesson_state(self, state: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state` (bad values skipped)."""

    def is_busy(self) -> bool:
        """Work in progress."""
        return False

    def shutdown(self) -> None:
        """Stop timers and workers."""

    def focus_widget(self) -> QWidget:
        """What gets the keyboard when the page is shown."""
        return self


@dataclass(frozen=True)
class Topic:
    """One entry of the sidebar."""

    key: str
    title: Callable[[], str]  # translated when called (the language can change)
    build: Callable[[AppState], ExplainPage]


def _topics() -> tuple[Topic, ...]:
    from cnnviz.gui.explain.mix_page import MixPage
    from cnnviz.gui.explain.params_page import ParamsPage
    from cnnviz.gui.explain.rf_page import RFPage
    from cnnviz.gui.explain.sliding_page import SlidingPage
    from cnnviz.gui.explain.timeline_page import TimelinePage
    from cnnviz.gui.explain.unit_page import UnitPage

    return (
        Topic("conv", lambda: tr("Convolution"), lambda s: SlidingPage(s, "conv")),
        Topic("pool", lambda: tr("Pooling"), lambda s: SlidingPage(s, "pool")),
        Topic("mix", lambda: tr("1×1 convolution"), MixPage),
        Topic("rf", lambda: tr("Receptive field growth"), RFPage),
        Topic("params", lambda: tr("Parameter counting"), ParamsPage),
        Topic("timeline", lambda: tr("Architecture timeline"), TimelinePage),
        Topic("unit", lambda: tr("Unit arithmetic"), UnitPage),
    )


def topics() -> tuple[Topic, ...]:
    """Every topic, in sidebar order."""
    return _topics()


def topic_keys() -> tuple[str, ...]:
    """The keys of every topic, in sidebar order."""
    return tuple(t.key for t in topics())
