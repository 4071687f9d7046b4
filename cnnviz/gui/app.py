"""The main window: tabs, menus, toolbar and status bar, put together.

Each responsibility lives in its own module and the window holds one of each:
the tabs and toolbar (:mod:`.tab_set`), lessons (:mod:`.lesson_keeper`),
zoom / theme / language (:mod:`.presentation`), the menus (:mod:`.menus`),
the status text (:mod:`.status_bar`), the settings file
(:mod:`.settings_file`) and start-up, screenshots and exit (:mod:`.startup`).
Tabs see the window as a :class:`~cnnviz.gui.tab_contract.TabHost` and the
window sees them as :class:`~cnnviz.gui.tab_contract.Tab`.

The window paints before torch is imported: :func:`cnnviz.gui.startup.run_app`
shows the frame, imports torch on a worker thread, then builds the tabs.
"""

from __future__ import annotations

import argparse
import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from cnnviz import __version__
from cnnviz.core.lesson_file import Attachments
from cnnviz.gui.lesson_keeper import LessonKeeper
from cnnviz.gui.menus import build_menus
from cnnviz.gui.presentation import Presentation
from cnnviz.gui.settings_file import settings
from cnnviz.gui.state import AppState
from cnnviz.gui.status_bar import StatusInfo
from cnnviz.gui.tab_contract import TabBase
from cnnviz.gui.tab_set import TabSet

#: Command-line options that only choose what the first start-up shows.
STARTUP_ONLY_OPTIONS = ("model", "weights", "image", "layer", "seed", "tab", "lesson")


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Tabs Inspect / Train / Playground / Explain with menus, a toolbar and a status bar."""

    sig_tabs_ready = Signal()
    """Every tab has been built (torch is imported by then)."""
    sig_tabs_rebuilt = Signal()
    """The tabs were rebuilt (language switch); AppState listeners outside the tabs reconnect."""

    menu_file: QMenu
    menu_view: QMenu
    menu_model: QMenu
    menu_help: QMenu
    theme_actions: dict[str, QAction]
    language_actions: dict[str, QAction]
    # made by menus.build_menus
    act_shortcuts: QAction
    act_log: QAction
    act_about: QAction
    act_open_lesson: QAction
    act_save_lesson: QAction
    act_save_lesson_as: QAction
    act_quit: QAction
    act_fullscreen: QAction
    act_presenter: QAction
    act_zoom_in: QAction
    act_zoom_out: QAction
    act_zoom_reset: QAction
    act_show_toolbar: QAction
    first_paint_time: float  # set by startup.run_app after the first paint

    def __init__(self, state: AppState | None = None, options: argparse.Namespace | None = None) -> None:
        super().__init__()
        self.state = state or AppState()
        self.options = options or argparse.Namespace()
        self.tabs_ready = False
        self.reported_errors = 0  # errors shown so far (screenshot mode turns them into the exit status)
        self.last_apply_failures: dict[str, str] = {}
        # Language, theme and zoom come first: menus and tabs read them when built.
        self.presentation = Presentation(self)
        self.setWindowTitle("cnnviz")
        self.toolbar = QToolBar(tr("Main toolbar"))
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.tabset = TabSet(self.state, self, self.toolbar)
        self.setCentralWidget(self.tabset.widget)
        self._loading: QLabel | None = QLabel(tr("Loading PyTorch…"))
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabset.widget.addTab(self._loading, tr("Inspect"))
        self.lessons = LessonKeeper(self)
        self._menus = build_menus(self)
        self.status = StatusInfo(self)

        def on_tab_changed(_index: int) -> None:
            self.tabset.update_toolbar()
            self.status.update()

        self.tabset.widget.currentChanged.connect(on_tab_changed)
        self._connect_state()
        self.status.update()

    def _connect_state(self) -> None:
        """The window's own AppState connections (made again after tabs are rebuilt)."""
        self.state.status_message.connect(self._on_status)
        self.state.error.connect(self._on_error)
        self.state.open_tab.connect(self.show_tab)
        self.state.status_info_changed.connect(self.status.update)
        self.state.model_changed.connect(lambda _m: self.status.update())
        self.state.device_changed.connect(lambda _d: self.status.update())

    # ---------------------------------------------------------------- tabs
    @property
    def tab_widgets(self) -> dict[str, TabBase]:
        """The tabs by key."""
        return self.tabset.tabs

    @property
    def tabs(self) -> Any:
        """The QTabWidget holding the tabs."""
        return self.tabset.widget

    @property
    def status_model(self) -> QLabel:
        """The permanent status text (what the tab in front works on · memory)."""
        return self.status.label

    def build_tabs(self, keys: tuple[str, ...] | None = None) -> None:
        """Import and create every tab, or only ``keys`` (torch is importable by now)."""
        self.tabset.keys = keys
        if self._loading is not None:
            self.tabset.widget.removeTab(0)
            self._loading.deleteLater()
            self._loading = None
        self.tabset.create()
        self.presentation.rescale(self.zoom)  # record the new widgets' sizes at this zoom; plot axis colours
        self.tabs_ready = True
        self.sig_tabs_ready.emit()

    def show_tab(self, key: str) -> None:
        """Bring the tab ``key`` to the front."""
        self.tabset.show(key)

    def current_tab_key(self) -> str:
        """Key of the tab in front ('' before the tabs exist)."""
        return self.tabset.current_key()

    def is_busy(self) -> bool:
        """True until tabs are built and while any reports work in progress."""
        return not self.tabs_ready or self.tabset.busy()

    def capture_tab_states(self) -> dict[str, Any]:
        """Every tab's lesson state (a failing tab is left out and logged)."""
        return self.tabset.capture_states(Attachments())[0]

    # ---------------------------------------------------------------- presentation
    @property
    def zoom(self) -> float:
        """The current zoom factor (1.0 = normal)."""
        return self.presentation.zoom

    @property
    def theme(self) -> str:
        """The colour theme in use."""
        return self.presentation.theme

    @property
    def language(self) -> str:
        """The interface language in use ('en' or 'zh')."""
        return self.presentation.language

    def set_zoom(self, zoom: float) -> None:
        """Scale text, pictures and plots (View → Zoom); remembered."""
        self.presentation.set_zoom(zoom)

    def set_theme(self, name: str) -> None:
        """Apply a colour theme (View → Theme); remembered."""
        self.presentation.set_theme(name)

    def set_full_screen(self, on: bool) -> None:
        """F11: fill the screen, or leave full screen."""
        self.showFullScreen() if on else self.showNormal()

    def toggle_presenter(self, panel: str | None = None) -> QWidget | None:
        """View → Presenter view (F10): a second window showing one Inspect panel large; again closes it."""
        from cnnviz.gui.presenter import toggle_presenter

        return toggle_presenter(self, panel)

    def set_language(self, lang: str) -> bool:
        """View → Language: switch every string by rebuilding the menus and tabs (see :mod:`.presentation`)."""
        return self.switch_language(lang)

    def switch_language(self, lang: str, *, states: dict[str, Any] | None = None, current: str | None = None,
                        attachments: Attachments | None = None) -> bool:
        """Rebuild menus and tabs in ``lang``; tabs get ``states`` (a lesson) or what they had.

        Returns False when nothing changed (same language, the user kept work
        running, or the translation is missing).
        """
        from cnnviz.gui import i18n

        lang = i18n.normalize_language(lang)
        if lang == self.language and states is None:
            self.presentation.check_language_actions()
            return False
        if states is None and not self.presentation.confirm_stop(
                self.tabset.running(),
                tr("Switching the language rebuilds every tab and stops the work running in: {0}. Switch now?")):
            self.presentation.check_language_actions()
            return False
        attachments = attachments if attachments is not None else Attachments()
        captured, _failed = self.tabset.capture_states(attachments)
        live = {} if states is not None else self.tabset.each(lambda t: t.handover(), what="handover")
        current = current or self.current_tab_key()
        keep = captured if states is None else {**captured, **states}
        if self.tabs_ready:
            self._teardown_tabs()
        ok = self.presentation.install_language(lang)
        self._menus = build_menus(self)
        if self._loading is not None:
            self._loading.setText(tr("Loading PyTorch…"))
            self.tabset.widget.setTabText(0, tr("Inspect"))
        self.last_apply_failures = {}
        if self._loading is None:  # the tabs were built before: build them again
            self.tabset.create()
            self.presentation.rescale(self.zoom)
            self.tabs_ready = True
            self.last_apply_failures = self.tabset.apply_states(keep, attachments)
            for key, value in live.items():
                tab = self.tabset.tabs.get(key)
                if tab is not None and value is not None:

                    def take_over(t: TabBase, live: object = value) -> None:
                        t.take_over(live)

                    self.tabset.each(take_over, [key], "take_over")
            if current:
                self.show_tab(current)
        self.status.update()
        self.sig_tabs_rebuilt.emit()
        return ok

    def _teardown_tabs(self) -> None:
        """Save, shut down and delete every tab; drop every AppState connection but the window's."""
        self.tabs_ready = False
        self.tabset.teardown(save=not getattr(self.options, "screenshot", None))
        self.state.disconnect_listeners()
        self._connect_state()
        # Start-up choices from the command line have served; the new tabs restore what the user has now.
        self.options = copy.copy(self.options)
        for name in STARTUP_ONLY_OPTIONS:
            if hasattr(self.options, name):
                setattr(self.options, name, None)

    # ---------------------------------------------------------------- lessons
    def save_lesson(self) -> Path | None:
        """File → Save lesson."""
        return self.lessons.save()

    def save_lesson_as(self) -> Path | None:
        """File → Save lesson as…"""
        return self.lessons.save_as()

    def save_lesson_to(self, path: str | Path) -> Path | None:
        """Save the whole window to ``path`` (None and a message when it cannot be saved)."""
        return self.lessons.save_to(path)

    def open_lesson(self) -> bool:
        """File → Open lesson…"""
        return self.lessons.open_dialog()

    def open_lesson_from(self, path: str | Path) -> bool:
        """Restore every tab from the lesson file ``path``; False (and a message) if it was not opened."""
        return self.lessons.open(path)

    @property
    def lesson_path(self) -> Path | None:
        """The lesson file opened or saved last."""
        return self.lessons.path

    # ---------------------------------------------------------------- messages
    def _on_status(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _on_error(self, title: str, message: str, details: str = "") -> None:
        self.statusBar().showMessage(" ".join(message.split()), 10000)
        if getattr(self.options, "screenshot", None):
            import sys

            self.reported_errors += 1  # the screenshot is still taken, but the exit status says so
            print(f"cnnviz: {title}: {' '.join(message.split())}", file=sys.stderr)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setObjectName("cnnviz-error")
        if details:
            box.setDetailedText(details)  # adds the "Show Details…" button
        box.open()

    # ---------------------------------------------------------------- help
    def show_shortcuts(self) -> QWidget:
        """Help → Keyboard shortcuts: the sheet of every shortcut (non-modal)."""
        from cnnviz.gui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_log(self) -> None:
        """Help → Show the log file: where it is (the details of unexpected errors)."""
        from cnnviz.core.logs import log_path

        path = log_path()
        exists = tr("It holds the details of unexpected errors.") if path.exists() else tr("Nothing was logged yet.")
        QMessageBox.information(self, tr("Log file"), f"{path}\n\n{exists}")

    def show_about(self) -> None:
        """Help → About: versions of cnnviz, torch, torchvision and Qt, and the device."""
        import PySide6
        import torch
        import torchvision

        device = "CUDA: " + torch.cuda.get_device_name(0) if torch.cuda.is_available() else "CPU"
        QMessageBox.about(
            self, tr("About cnnviz"),
            f"<h3>cnnviz {__version__}</h3>" + tr("See inside convolutional neural networks.")
            + f"<br><br>torch {torch.__version__}<br>torchvision {torchvision.__version__}"
            f"<br>PySide6 {PySide6.__version__}<br>{device}",
        )

    # ---------------------------------------------------------------- life cycle
    def restore_window(self) -> None:
        """Restore geometry, toolbar state and the last tab from the last run."""
        s = settings()
        geo = s.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)  # Qt moves and shrinks it onto the screen it finds now
        else:
            free = self.screen().availableGeometry()
            size = first_size(free.size())
            self.resize(size)
            if size.width() < FIRST_SIZE[0] or size.height() < FIRST_SIZE[1]:  # a small screen: use all of it
                self.move(free.topLeft())
        win_state = s.value("window/state")
        if win_state is not None:
            self.restoreState(win_state)
            self.tabset.update_toolbar()  # the tab decides, not the remembered visibility
        last_tab = s.value("window/tab")
        if last_tab and not getattr(self.options, "tab", None):
            self.sig_tabs_ready.connect(lambda: self.show_tab(str(last_tab)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        from cnnviz.gui.workers import cancel_all_and_wait

        screenshot = getattr(self.options, "screenshot", None)
        if not screenshot:
            s = settings()
            s.setValue("window/geometry", self.saveGeometry())
            s.setValue("window/state", self.saveState())
            if self.current_tab_key():
                s.setValue("window/tab", self.current_tab_key())
            self.tabset.save_settings()
        self.status.timer.stop()
        self.tabset.each(lambda t: t.shutdown(), what="shutting down")
        cancel_all_and_wait(2000)
        self.presentation.restore_defaults()
        super().closeEvent(event)


#: The window's size on a first start, where the screen has room for it.
FIRST_SIZE = (1400, 900)


#: Room left for the window manager's frame and title bar (resize() sets the size inside them).
FRAME_ALLOWANCE = (16, 48)


def first_size(available: QSize) -> QSize:
    """The first start's window size: FIRST_SIZE, or the screen's free area less a frame where that is smaller."""
    return QSize(min(FIRST_SIZE[0], available.width() - FRAME_ALLOWANCE[0]),
                 min(FIRST_SIZE[1], available.height() - FRAME_ALLOWANCE[1]))


def make_window(
    options: argparse.Namespace | None = None,
    *,
    build_now: bool = True,
    tabs: tuple[str, ...] | None = None,
) -> MainWindow:
    """Create the main window (tests use this); ``build_now`` builds the tabs at once.

    ``tabs`` limits which tabs are built (all of them by default).
    """
    window = MainWindow(options=options)
    if build_now:
        window.build_tabs(tabs)
    return window
