"""Before Qt starts on Linux/X11: name the system libraries its window needs, with the line that installs them.

Qt's own message when one is missing names only ``xcb-cursor0`` (whichever it
probes first), even when the missing ones are others, so a first start on a
fresh desktop fails with advice that does not help. This checks each library
Qt's xcb platform loads and prints one line listing the missing ones with the
apt and dnf commands.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable

#: Library (as ``find_library`` names it) -> (Debian/Ubuntu package, Fedora package).
#: The ones Qt 6's xcb platform links to (``ldd libQt6XcbQpa.so.6``), beyond libxcb and libX11 themselves.
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "xcb-cursor": ("libxcb-cursor0", "xcb-util-cursor"),
    "xcb-icccm": ("libxcb-icccm4", "xcb-util-wm"),
    "xcb-keysyms": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "xcb-image": ("libxcb-image0", "xcb-util-image"),
    "xcb-util": ("libxcb-util1", "xcb-util"),
    "xcb-render": ("libxcb-render0", "libxcb"),
    "xcb-render-util": ("libxcb-render-util0", "xcb-util-renderutil"),
    "xcb-randr": ("libxcb-randr0", "libxcb"),
    "xcb-shape": ("libxcb-shape0", "libxcb"),
    "xcb-shm": ("libxcb-shm0", "libxcb"),
    "xcb-sync": ("libxcb-sync1", "libxcb"),
    "xcb-xfixes": ("libxcb-xfixes0", "libxcb"),
    "xcb-xkb": ("libxcb-xkb1", "libxcb"),
    "xkbcommon-x11": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}


def uses_xcb(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """True when Qt will open its window through X11 (Linux, a DISPLAY, no Wayland, no other platform asked)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_xcb_libraries(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """The libraries of :data:`XCB_LIBRARIES` that cannot be found."""
    return [name for name in XCB_LIBRARIES if not find(name)]


def install_hint(missing: list[str]) -> str:
    """One line for a person: what is missing and the command that installs it."""
    debian = sorted({XCB_LIBRARIES[m][0] for m in missing})
    fedora = sorted({XCB_LIBRARIES[m][1] for m in missing})
    return (f"the window needs system libraries that are missing: {', '.join(debian)}. Install them with "
            f"'sudo apt-get install {' '.join(debian)}' (Debian, Ubuntu) or 'sudo dnf install {' '.join(fedora)}' "
            "(Fedora), then start cnnviz again.")
