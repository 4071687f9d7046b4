"""Work around a reference-count bug of PySide6 6.12.0 on CPython < 3.12.

With that build every call of a Qt method that returns ``void`` (``update()``,
``setPos()``, ...) drops one reference to ``None`` and some drop one to
``True`` / ``False``, so after some tens of thousands of calls (a few seconds
of live plotting) CPython aborts with ``Fatal Python error: none_dealloc``.
CPython 3.12+ makes these singletons immortal (PEP 683), which is what this
emulates: their counts get a headroom of 2**40 references.

This is process-wide; the app should call :func:`pin_singletons` once at
start-up (the Train tab calls it too, so that its tests and screenshots are
safe on their own). It does nothing on CPython 3.12+.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40


def pin_singletons() -> None:
    """Give None, True, False, Ellipsis and NotImplemented a huge reference count (idempotent)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return  # immortal already, or a debug / other build whose object layout we do not assume
    import ctypes

    for obj in (None, True, False, Ellipsis, NotImplemented):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if count.value < _HEADROOM:
            count.value += _HEADROOM
