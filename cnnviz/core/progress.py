"""Progress reporting and cancellation for long core work (no Qt here).

Core functions that take a while accept ``progress`` (a callable taking a
fraction in [0, 1] and a short message) and ``cancel`` (a
:class:`CancelToken`). GUI workers pass ones wired to signals; the CLI passes
a text progress bar or nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from cnnviz.core.errors import CnnvizError

ProgressFn = Callable[[float, str], None]


def no_progress(fraction: float, message: str = "") -> None:
    """A progress callback that ignores everything."""


class Cancelled(CnnvizError):
    """The user cancelled the work."""

    exit_code = 130


class CancelToken:
    """A thread-safe flag that long work checks between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was asked for."""
        if self._event.is_set():
            raise Cancelled("Cancelled.")
