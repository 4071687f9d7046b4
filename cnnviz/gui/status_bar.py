"""The status bar: its messages (elided before the permanent text) and the permanent text itself.

The permanent text says what the tab in front works on and the memory in use.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QWidget

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


class ElidingStatusBar(QStatusBar):
    """A status bar whose message ends in "…" before the permanent widgets instead of running into them.

    The whole message is the status bar's tooltip while it is shown (a long
    Chinese message, a small window or a big zoom cut it short).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(self.setToolTip)  # the full text; "" when the message is cleared

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:  # noqa: N802 (Qt naming)
        """Add a widget on the right (remembered: the message stops before it)."""
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch or 0)

    def insertPermanentWidget(self, index: int, widget: QWidget, stretch: int | None = 0) -> int:  # noqa: N802
        """Insert a widget on the right (remembered: the message stops before it)."""
        self._permanent.append(widget)
        return super().insertPermanentWidget(index, widget, stretch or 0)

    def removeWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt naming)
        """Remove a widget (a permanent one is forgotten)."""
        if widget in self._permanent:
            self._permanent.remove(widget)
        super().removeWidget(widget)

    def message_rect(self) -> QRect:
        """Where the message may be drawn: from the left edge to a gap before the first visible permanent widget."""
        gap = self.fontMetrics().averageCharWidth()
        left, right = 6, self.width() - 12  # the margins QStatusBar leaves (the size grip on the right)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for w in self._permanent:
            if w.isVisible():
                if rtl:
                    left = max(left, w.x() + w.width() + gap)
                else:
                    right = min(right, w.x() - gap)
        return QRect(left, 0, max(0, right - left), self.height())

    def shown_message(self) -> str:
        """The message as drawn: elided to :meth:`message_rect`."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        """What QStatusBar paints, with the message elided (its own drawing only clips it)."""
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, p, self)
        for w in self._permanent:  # a message hides the normal widgets; the permanent ones keep their frame
            if w.isVisible():
                frame = QStyleOption()
                frame.rect = w.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, p, w)
        p.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        p.drawText(self.message_rect(), int(flags), self.shown_message())
        p.end()


class StatusInfo:
    """Keeps the window's permanent status text up to date (every 2 s and on every change)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        window.setStatusBar(ElidingStatusBar(window))
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
