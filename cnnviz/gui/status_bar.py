"""The status bar's permanent text: what the tab in front works on, and the memory in use."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from cnnviz.gui.app import MainWindow


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


def memory_text(device: str) -> str:
    """Resident memory of this process, plus GPU memory allocated when a GPU is in use."""
    text = "?"
    try:
        with open("/proc/self/statm") as f:
            rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        text = f"{rss / 2**30:.2f} GiB" if rss >= 2**30 else f"{rss / 2**20:.0f} MiB"
    except (OSError, ValueError, IndexError, AttributeError):
        try:
            import resource

            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak = peak if sys.platform == "darwin" else peak * 1024
            text = f"≤ {peak / 2**20:.0f} MiB"
        except (ImportError, OSError):
            pass
    if device.startswith("cuda") and "torch" in sys.modules:
        torch = sys.modules["torch"]
        with contextlib.suppress(Exception):  # status text only
            text += f" + GPU {torch.cuda.memory_allocated(device) / 2**20:.0f} MiB"
    return text


class StatusInfo:
    """Keeps the window's permanent status text up to date (every 2 s and on every change)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.label = QLabel("")
        self.label.setToolTip(tr("What this tab works on · memory in use"))
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(window)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.update)
        self.timer.start()

    def update(self) -> None:
        """Status bar: the current tab's ``status_parts()`` and memory in use."""
        tab = self.window.tabset.current()
        parts, device = tab.status_parts() if tab is not None else ([], self.window.state.device)
        parts = [*parts, tr("memory {0}").format(memory_text(device))]
        self.label.setText("  ·  ".join(p for p in parts if p) + "  ")
        self.label.setToolTip(tr("What this tab works on · memory in use"))
