"""Qt's own log messages: drop the offscreen platform's known noise, pass the rest on.

With ``QT_QPA_PLATFORM=offscreen`` (CI, ``--screenshot`` on a server) Qt
prints a warning whenever the app uses a window-system call that plugin does
not implement: ``propagateSizeHints()`` when a top-level window's size limits
change, ``raise()`` and keyboard / mouse grabs when a popup opens. Desktop
platforms (xcb, wayland, windows, cocoa) implement them and print nothing, so
these lines describe the set-up, not the app; anything else still reaches
stderr.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support grabbing the mouse",
)


def quiet_offscreen_noise() -> bool:
    """On the offscreen platform, drop :data:`OFFSCREEN_NOISE` from Qt's log; True if installed.

    Call it after the QApplication exists (the platform is known only then).
    """
    if QGuiApplication.platformName() != "offscreen":
        return False
    previous = None

    def handler(mode: QtMsgType, context: object, message: str) -> None:
        if message.strip() in OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    return True
