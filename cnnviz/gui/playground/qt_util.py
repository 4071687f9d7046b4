"""Small Qt helpers for the playground."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject


@contextmanager
def signals_blocked(obj: QObject) -> Iterator[None]:
    """Block ``obj``'s signals inside the ``with`` block.

    Not ``with signals_blocked(obj)``: in PySide6 6.12 its ``__exit__`` drops a
    reference to ``None`` each time, and after a few thousand animation frames
    the interpreter aborts with "none_dealloc".
    """
    was = obj.blockSignals(True)
    try:
        yield
    finally:
        obj.blockSignals(was)
