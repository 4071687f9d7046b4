"""Process-wide memory tuning for repeated captures.

Capturing every layer keeps a hundred megabytes or more of activations alive
at once. With glibc's defaults, freeing them returns the pages to the
operating system (heap trimming), so the next capture — the user clicking the
next layer or image — pays a page fault for every fresh page again, which
costs as much as the convolutions. Raising the trim and mmap thresholds keeps
freed activation memory in the process for reuse. The app and the CLI call
:func:`tune_allocator` once at start; it is a no-op off glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_done = False


def tune_allocator(trim_threshold: int = 1 << 30, mmap_threshold: int = 32 << 20) -> bool:
    """Keep freed heap memory for reuse (glibc); True if the settings were applied."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl or another libc without mallopt
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    ok = bool(mallopt(_M_TRIM_THRESHOLD, trim_threshold)) and bool(mallopt(_M_MMAP_THRESHOLD, mmap_threshold))
    _done = ok
    return ok
