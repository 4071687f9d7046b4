"""Fixtures of the soak test: the whole real window, and a recorder of Qt warnings."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

# Noise of the offscreen platform every test uses, not of the app (see the module's docstring).
from cnnviz.gui.qt_messages import OFFSCREEN_NOISE

_REPORTED = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


@dataclass(frozen=True)
class QtMessage:
    """One Qt warning, critical or fatal message, with where Qt says it came from."""

    kind: str
    text: str
    where: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}" + (f" ({self.where})" if self.where else "")


@pytest.fixture
def qt_messages() -> Iterator[list[QtMessage]]:
    """Every Qt warning / critical / fatal message while the test runs (offscreen noise aside).

    The handler chains to the one installed before it (pytest-qt's), so
    pytest-qt still sees and prints every message.
    """
    recorded: list[QtMessage] = []
    previous = None
    ignored = OFFSCREEN_NOISE if QGuiApplication.platformName() == "offscreen" else ()

    def handler(mode: QtMsgType, context: object, message: str) -> None:
        if mode in _REPORTED and message.strip() not in ignored:
            file, line = getattr(context, "file", None), getattr(context, "line", 0)
            where = f"{file}:{line}" if file else ""
            recorded.append(QtMessage(mode.name, message, where))
            if mode == QtMsgType.QtFatalMsg:  # Qt aborts after this: say it while we can
                print(f"Qt fatal: {message}", file=sys.stderr, flush=True)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield recorded
    finally:
        qInstallMessageHandler(previous)


def _options() -> argparse.Namespace:
    return argparse.Namespace(
        screenshot=None, model="lenet5", weights=None, image=None, layer=None, device="cpu",
        tab="inspect", size=None, lang="en", seed=0,
    )


@pytest.fixture
def soak_window(qtbot, qt_messages: list[QtMessage]) -> Iterator[object]:
    """The real main window with every tab, LeNet-5 first; settings start (and end) empty.

    Built after the Qt message recorder is installed, so warnings printed while
    the tabs are built count too. The test closes the window itself (it checks
    what closing leaves behind); closing again here is harmless.
    """
    from cnnviz.gui.app import make_window, settings
    from cnnviz.gui.workers import cancel_all_and_wait

    settings().clear()
    window = make_window(_options(), tabs=None)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.close()
        cancel_all_and_wait(2000)
        qtbot.wait(10)
        settings().clear()
