"""The window's tabs and toolbar: building, tearing down and asking every tab the same question.

Tabs are registered by key in :data:`TAB_KEYS`; each lives in
``cnnviz.gui.<key>.tab`` with ``create_tab(state, host)`` returning a
:class:`~cnnviz.gui.tab_contract.TabBase`. A tab that fails to import or
build is replaced by a :class:`BrokenTab` that says so (the reason goes to
the log), so one bug never takes the window down.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTabWidget, QToolBar, QVBoxLayout

from cnnviz.core.logs import log_exception
from cnnviz.gui.i18n import error_text
from cnnviz.gui.settings_file import settings
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost

if TYPE_CHECKING:
    from cnnviz.core.lesson_file import Attachments

TAB_KEYS: tuple[str, ...] = ("inspect", "train", "playground", "explain")


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


def tab_titles() -> dict[str, str]:
    """Each tab's title in the current language."""
    return {"inspect": tr("Inspect"), "train": tr("Train"), "playground": tr("Playground"), "explain": tr("Explain")}


class BrokenTab(TabBase):
    """Stands in for a tab that could not be built; the reason is in the log."""

    def __init__(self, state: AppState, host: TabHost | None, reason: str) -> None:
        super().__init__(state, host)
        label = QLabel(tr("This tab failed to start: {0}. Help → Show the log file has the details.").format(reason))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)


def _build_tab(key: str, state: AppState, host: TabHost) -> TabBase | None:
    """The tab ``key``; None when this version has no such feature; BrokenTab when it fails."""
    try:
        module = importlib.import_module(f"cnnviz.gui.{key}.tab")
    except ModuleNotFoundError as exc:
        if exc.name in (f"cnnviz.gui.{key}", f"cnnviz.gui.{key}.tab"):
            return None  # feature not built into this version
        log_exception(f"importing the {key} tab failed", exc)
        return BrokenTab(state, host, f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a broken tab must not take the app down
        log_exception(f"importing the {key} tab failed", exc)
        return BrokenTab(state, host, f"{type(exc).__name__}: {exc}")
    try:
        tab = module.create_tab(state, host)
    except Exception as exc:  # a bug in one tab must not take the app down
        log_exception(f"building the {key} tab failed", exc)
        return BrokenTab(state, host, f"{type(exc).__name__}: {exc}")
    if not isinstance(tab, TabBase):
        return BrokenTab(state, host, f"cnnviz.gui.{key}.tab built a {type(tab).__name__}, not a tab")
    return tab


class TabSet:
    """The tab widget, the tabs by key, and the toolbar showing the current tab's actions."""

    def __init__(self, state: AppState, host: TabHost, toolbar: QToolBar) -> None:
        self.state = state
        self.host = host
        self.widget = QTabWidget()
        self.widget.setDocumentMode(True)
        self.toolbar = toolbar
        self.tabs: dict[str, TabBase] = {}
        self.keys: tuple[str, ...] | None = None  # which tabs to build (None: all)
        self._shown: list[QAction | None] = []
        self._toolbar_wanted = str(settings().value("ui/toolbar", "true")).lower() != "false"

    # ------------------------------------------------------------ building
    def create(self) -> None:
        """Build every registered tab (or those in :attr:`keys`) and restore their settings."""
        titles = tab_titles()
        s = settings()
        for key in TAB_KEYS:
            if self.keys is not None and key not in self.keys:
                continue
            tab = _build_tab(key, self.state, self.host)
            if tab is None:
                continue
            self.tabs[key] = tab
            self.widget.addTab(tab, titles[key])
            self.each(lambda t: t.restore_settings(s), [key], "restoring settings")
        self._shown = []
        self.update_toolbar()

    def teardown(self, *, save: bool) -> None:
        """Save (when ``save``), shut down and delete every tab."""
        from PySide6.QtWidgets import QApplication

        from cnnviz.gui.workers import cancel_all_and_wait

        if save:
            self.save_settings()
        self.each(lambda t: t.shutdown(), what="shutting down")
        cancel_all_and_wait(2000)
        QApplication.processEvents()  # deliver the jobs' last signals while their tabs still exist
        self.widget.clear()
        for tab in self.tabs.values():
            tab.hide()
            tab.setParent(None)
            tab.deleteLater()
        self.tabs = {}

    def save_settings(self) -> None:
        """Every tab's :meth:`~TabBase.save_settings`."""
        s: QSettings = settings()
        self.each(lambda t: t.save_settings(s), what="saving settings")

    # ------------------------------------------------------------ asking every tab
    def each(self, fn: Callable[[TabBase], Any], keys: list[str] | None = None, what: str = "") -> dict[str, Any]:
        """``fn(tab)`` for every tab (or ``keys``); a tab that raises is logged and left out of the result."""
        out: dict[str, Any] = {}
        for key in keys if keys is not None else list(self.tabs):
            tab = self.tabs.get(key)
            if tab is None:
                continue
            try:
                out[key] = fn(tab)
            except Exception as exc:  # one broken tab must not stop the others
                log_exception(f"{what or 'a tab hook'} failed in the {key} tab", exc)
        return out

    def capture_states(self, attachments: Attachments) -> tuple[dict[str, Any], dict[str, str]]:
        """Every tab's lesson state, and the keys of tabs that failed with the reason."""
        states: dict[str, Any] = {}
        failed: dict[str, str] = {}
        for key, tab in self.tabs.items():
            try:
                value = tab.lesson_state(attachments)
            except Exception as exc:
                log_exception(f"saving the lesson state of the {key} tab failed", exc)
                failed[key] = f"{type(exc).__name__}: {exc}"
                continue
            if isinstance(value, dict):
                states[key] = value
        return states, failed

    def apply_states(self, states: dict[str, Any], attachments: Attachments) -> dict[str, str]:
        """Hand each tab its part of ``states``; returns the tabs that could not take it, with the reason."""
        from cnnviz.core.errors import CnnvizError

        failed: dict[str, str] = {}
        for key, value in states.items():
            tab = self.tabs.get(key)
            if tab is None or not isinstance(value, dict):
                continue
            try:
                tab.apply_lesson_state(value, attachments)
            except CnnvizError as exc:  # a damaged part: the others still open
                failed[key] = error_text(exc)
            except Exception as exc:
                failed[key] = f"{type(exc).__name__}: {exc}"
                log_exception(f"applying the lesson state of the {key} tab failed", exc)
        return failed

    def running(self) -> list[str]:
        """Keys of the tabs with long work a rebuild or a lesson would stop."""
        return [k for k, v in self.each(lambda t: t.is_running(), what="is_running").items() if v]

    def busy(self) -> bool:
        """True while any tab reports work in progress."""
        return any(self.each(lambda t: t.is_busy(), what="is_busy").values())

    # ------------------------------------------------------------ navigation
    def show(self, key: str) -> None:
        """Bring the tab ``key`` to the front."""
        tab = self.tabs.get(key)
        if tab is not None:
            self.widget.setCurrentWidget(tab)

    def current_key(self) -> str:
        """Key of the tab in front ('' before the tabs exist)."""
        current = self.widget.currentWidget()
        return next((k for k, t in self.tabs.items() if t is current), "")

    def current(self) -> TabBase | None:
        """The tab in front."""
        return self.tabs.get(self.current_key())

    # ------------------------------------------------------------ toolbar
    def set_toolbar_wanted(self, on: bool) -> None:
        """View → Show toolbar (remembered)."""
        self._toolbar_wanted = on
        settings().setValue("ui/toolbar", on)
        self.update_toolbar()

    def clear_toolbar(self) -> None:
        """Empty the toolbar; separators it created are deleted (``clear()`` alone leaks them)."""
        for act in self.toolbar.actions():
            if act.isSeparator() and act.parent() is self.toolbar:
                act.deleteLater()
        self.toolbar.clear()
        self._shown = []

    def update_toolbar(self) -> None:
        """Show the current tab's toolbar actions; hide the bar when there are none."""
        tab = self.current()
        actions: list[QAction | None] = []
        if tab is not None:
            actions = list(self.each(lambda t: t.toolbar_actions(), [self.current_key()], "toolbar").get(
                self.current_key(), []))
        if actions != self._shown:
            self.clear_toolbar()
            for act in actions:
                if act is None:
                    self.toolbar.addSeparator()
                else:
                    self.toolbar.addAction(act)
            self._shown = actions
            for act in self.toolbar.actions():  # '打开图像(&O)…' shows as '打开图像' on a button
                if "(&" in act.text():
                    act.setIconText(re.sub(r"\s*\(&\w\)", "", act.text()).replace("&", "").rstrip("…").strip())
        self.toolbar.setVisible(self._toolbar_wanted and any(a is not None for a in self._shown))
