"""Fixtures that build the real main window and tear it down cleanly."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator

import pytest

WINDOW_OPTIONS = dict(
    screenshot=None, model=None, weights=None, image=None, layer=None, device="cpu",
    tab=None, size=None, lang=None, seed=None, zoom=None, theme=None, panel=None, lesson=None, screenshot_timeout=None,
)


def _options(**overrides: object) -> argparse.Namespace:
    return argparse.Namespace(**{**WINDOW_OPTIONS, **overrides})


@pytest.fixture
def make_main_window(qtbot) -> Iterator[Callable[..., object]]:
    """A factory ``make_main_window(tabs=("inspect",), **options)`` for the real window.

    Settings start empty; at teardown every window is closed, and the test
    fails if a worker is still running or a job is left behind.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    from cnnviz.gui.app import make_window, settings
    from cnnviz.gui.workers import active_jobs, cancel_all_and_wait

    settings().clear()
    windows = []

    def factory(tabs: tuple[str, ...] | None = ("inspect",), **overrides: object):
        # The last test's windows were closed and deleteLater()'d by pytest-qt, but no event loop ran
        # since: delete them now, so the new window's application font (set while it is built) is not
        # sent to a half torn-down window of another test (a rare crash inside QApplication.setFont).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window = make_window(_options(**overrides), tabs=tabs)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()
    assert cancel_all_and_wait(2000), "a worker was still running 2 s after the window closed"
    qtbot.wait(10)  # deliver the last sig_done
    assert not active_jobs()
    settings().clear()


@pytest.fixture
def inspect_window(make_main_window, qtbot):
    """The window with only the Inspect tab, LeNet-5 (random weights) and the digit sample loaded."""
    window = make_main_window(model="lenet5", seed=0)
    tab = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)
    return window


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> list[str]:
    """Modal questions answer No in tests (as in a headless run) instead of waiting forever; their texts are kept.

    A test that wants another answer patches ``QMessageBox.question`` itself.
    """
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(str(text))
        return QMessageBox.StandardButton.No

    def exec_(box) -> int:
        asked.append(box.text())
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked
