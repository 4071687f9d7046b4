"""The main window: tabs, menus, status bar, settings, screenshot mode, classroom mode.

The window paints before torch is imported: ``run_app`` shows the frame,
imports torch on a worker thread, then builds the tabs (which use core, and so
torch) on the GUI thread once the import is done.

Tab contract
------------
Each tab lives in ``cnnviz.gui.<key>.tab`` and exposes
``create_tab(state: AppState, window: MainWindow) -> QWidget``. The tab widget
may also define:

``is_busy() -> bool``
    Work in progress; screenshot mode waits until every tab says False.
``save_settings(QSettings)`` / ``restore_settings(QSettings)``
    Remember the tab between runs. ``restore_settings`` is called right after
    ``create_tab``.
``shutdown()``
    The tab is going away (window closing, or tabs rebuilt): stop timers and
    threads within 2 s.
``lesson_state() -> dict`` / ``apply_lesson_state(state: dict) -> None``
    Everything a lecturer prepared in the tab, as JSON-serialisable data
    (numbers, strings, lists, dicts; no NaN). Lesson files (File → Save
    lesson…) store it; opening one hands it back to ``apply_lesson_state``,
    which must accept data from an older cnnviz (missing keys keep their
    current values, bad values are skipped) and must not need the network.
    It is called after ``create_tab`` and ``restore_settings``, possibly
    before timers the tab started in its constructor have fired.
``handover() -> object`` / ``take_over(live: object) -> None``
    Optional. Live state a rebuild must not lose but a lesson file cannot
    hold (Train's trainer, with its models and optimizers): ``handover`` is
    asked before a language switch tears the tab down, and the new tab gets
    it through ``take_over`` after ``apply_lesson_state``.
``is_running() -> bool``
    Long work that rebuilding the tabs would stop (training); the window
    asks before a language switch stops it.
``toolbar_actions() -> list[QAction | None]``
    The tab's buttons for the main toolbar (None: a separator). The toolbar
    shows only the current tab's actions and hides when it has none. The
    actions belong to the tab (and to its menus): their shortcuts do not
    depend on the toolbar.

Languages
---------
Every string goes through ``QCoreApplication.translate``; strings are read
when widgets are built. Switching the language (View → Language, ``--lang``,
remembered) installs the new translator and rebuilds the menus and every
tab: each tab's ``save_settings`` and ``lesson_state`` are captured, the tabs
are shut down and deleted, every connection to AppState's signals is dropped
(the tabs' lambdas would otherwise call dead widgets), and new tabs are built
and given their state back. Code outside the tabs that listens to AppState
must reconnect after ``sig_tabs_rebuilt``.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib
import os
import re
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from cnnviz import __version__
from cnnviz.gui import i18n, theme
from cnnviz.gui.state import AppState

TAB_KEYS: tuple[str, ...] = ("inspect", "train", "playground", "explain")
#: Smallest default font size: the app is projected in classrooms.
CLASSROOM_POINT_SIZE = 10.5
ZOOM_STEP = 1.15
#: Command-line options that only choose what the first start-up shows.
STARTUP_ONLY_OPTIONS = ("model", "weights", "image", "layer", "seed", "tab")
#: The application font size at zoom 1 (read once, before any zoom).
_base_point_size: float | None = None


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


def _tab_titles() -> dict[str, str]:
    return {
        "inspect": tr("Inspect"),
        "train": tr("Train"),
        "playground": tr("Playground"),
        "explain": tr("Explain"),
    }


SETTINGS_FORMAT = 1
"""Version of the settings file's layout; a file with a larger ``meta/format`` is from a newer cnnviz."""

_session_settings_path: str | None = None


def settings() -> QSettings:
    """The app's persistent settings (platform-native location).

    After :func:`check_settings_file` found a file from a newer cnnviz, this
    session's settings live in a temporary file instead, so that file is
    never overwritten.
    """
    if _session_settings_path is not None:
        return QSettings(_session_settings_path, QSettings.Format.IniFormat)
    return QSettings("cnnviz", "cnnviz")


def _session_settings_file() -> str:
    """A fresh temporary settings file for a session that must not touch the real one."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix="cnnviz-session-", suffix=".conf")
    os.close(fd)
    return tmp


def check_settings_file() -> str | None:
    """Check the settings file before use; a message for the user when it cannot be used.

    A damaged file (binary junk, undecodable text) is moved aside to
    ``<name>.bad-<time>`` and defaults are used; a file from a newer cnnviz is
    left untouched and this session keeps its settings in a temporary file.
    """
    global _session_settings_path
    _session_settings_path = None
    native = QSettings("cnnviz", "cnnviz")
    path = Path(native.fileName())
    if path.is_file():
        data = path.read_bytes()
        try:
            data.decode("utf-8")
            damaged = b"\0" in data or native.status() != QSettings.Status.NoError
        except UnicodeDecodeError:
            damaged = True
        if damaged:
            from cnnviz.core.settings_io import move_aside

            backup = move_aside(path)
            if backup is not None:
                return tr(
                    "The settings file was damaged. It was kept as {0}; cnnviz starts with default settings."
                ).format(backup)
            _session_settings_path = _session_settings_file()
            return tr(
                "The settings file {0} is damaged and could not be moved aside. It is left untouched; this "
                "session uses default settings."
            ).format(path)
        try:
            version = int(native.value("meta/format", 0) or 0)
        except (TypeError, ValueError):
            version = 0
        if version > SETTINGS_FORMAT:
            _session_settings_path = _session_settings_file()
            return tr(
                "The settings file {0} comes from a newer cnnviz. It is left untouched; this session uses "
                "default settings."
            ).format(path)
    native.setValue("meta/format", SETTINGS_FORMAT)
    return None


def _float_setting(s: QSettings, key: str, default: float) -> float:
    try:
        return float(s.value(key, default))
    except (TypeError, ValueError):
        return default


class MainWindow(QMainWindow):
    """Tabs Inspect / Train / Playground / Explain with menus and a status bar."""

    sig_tabs_ready = Signal()
    """Every tab has been built (torch is imported by then)."""
    sig_tabs_rebuilt = Signal()
    """The tabs were rebuilt (language switch); AppState listeners outside the tabs reconnect."""

    def __init__(self, state: AppState | None = None, options: argparse.Namespace | None = None) -> None:
        super().__init__()
        global _base_point_size
        app = QApplication.instance()
        self.state = state or AppState()
        self.options = options or argparse.Namespace()
        self.tabs_ready = False
        self.tab_widgets: dict[str, QWidget] = {}
        self.lesson_path: Path | None = None
        self._tab_keys: tuple[str, ...] | None = None
        self._old_menus: list[QMenu] = []
        self._apply_failures: list[str] = []
        self._toolbar_shown: list[QAction | None] = []  # the current tab's toolbar actions, as shown
        s = settings()
        screenshot = bool(getattr(self.options, "screenshot", None))

        # Language, theme and zoom come first: menus and tabs read them when built.
        cli_lang = getattr(self.options, "lang", None)
        self.language = i18n.normalize_language(cli_lang or s.value("ui/language") or i18n.system_language())
        if cli_lang and not screenshot:
            s.setValue("ui/language", self.language)
        if not i18n.set_language(app, self.language):
            self.language = i18n.DEFAULT_LANGUAGE
        self.state.set_language(self.language)
        self.theme = theme.normalize_theme(s.value("ui/theme", theme.DEFAULT_THEME))
        if isinstance(app, QApplication) and self.theme != theme.current_theme():
            theme.apply_theme(app, self.theme)
        self.state.set_theme(self.theme)
        if _base_point_size is None:
            _base_point_size = QApplication.font().pointSizeF()
        self._zoom = theme.clamp_zoom(_float_setting(s, "ui/zoom", 1.0))
        if isinstance(app, QApplication):
            theme.set_application_font_size(app, _base_point_size * self._zoom)
        self.state.set_zoom(self._zoom)

        self.setWindowTitle("cnnviz")
        self.reported_errors = 0  # errors shown so far (screenshot mode turns them into the exit status)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _i: (self.update_toolbar(), self.update_status_info()))
        self.setCentralWidget(self.tabs)
        self._loading: QLabel | None = QLabel(tr("Loading PyTorch…"))
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self._loading, tr("Inspect"))
        self.toolbar = QToolBar(tr("Main toolbar"))
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.build_menus()
        self.status_model = QLabel("")
        self.statusBar().addPermanentWidget(self.status_model)
        self._connect_state()
        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(2000)
        self._memory_timer.timeout.connect(self.update_status_info)
        self._memory_timer.start()
        self.update_status_info()

    def _connect_state(self) -> None:
        """The window's own AppState connections (made again after tabs are rebuilt)."""
        self.state.status_message.connect(self._on_status)
        self.state.error.connect(self._on_error)
        self.state.open_tab.connect(self.show_tab)
        self.state.status_info_changed.connect(self.update_status_info)
        self.state.model_changed.connect(self._on_model_or_device)
        self.state.device_changed.connect(self._on_model_or_device)

    def _on_model_or_device(self, _value: object) -> None:
        self.update_status_info()

    # ---------------------------------------------------------------- menus
    def build_menus(self) -> None:
        """(Re)create the menu bar in the current language; tabs add their actions after this."""
        bar = self.menuBar()
        for menu in self._old_menus:
            menu.deleteLater()
        bar.clear()
        self._clear_toolbar()
        self._toolbar_shown = []
        self.toolbar.setWindowTitle(tr("Main toolbar"))
        self.menu_file = bar.addMenu(tr("&File"))
        self.menu_view = bar.addMenu(tr("&View"))
        self.menu_model = bar.addMenu(tr("&Model"))
        self.menu_help = bar.addMenu(tr("&Help"))
        self._old_menus = [self.menu_file, self.menu_view, self.menu_model, self.menu_help]

        self.act_open_lesson = self._add(self.menu_file, tr("Open &lesson…"), self.open_lesson,
                                         "Ctrl+Shift+O", tr("Open a lesson file: every tab as it was saved"))
        self.act_save_lesson = self._add(self.menu_file, tr("&Save lesson"), self.save_lesson,
                                         QKeySequence.StandardKey.Save,
                                         tr("Save every tab's state to the current lesson file"))
        self.act_save_lesson_as = self._add(self.menu_file, tr("Save lesson &as…"), self.save_lesson_as,
                                            "Ctrl+Shift+S", tr("Save every tab's state to a new lesson file"))
        self.menu_file.addSeparator()
        self.act_quit = self._add(self.menu_file, tr("&Quit"), self.close)
        # Not every platform binds StandardKey.Quit (Windows has none): Ctrl+Q everywhere.
        self.act_quit.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])

        self.act_fullscreen = self._add(self.menu_view, tr("&Full screen"), None, "F11",
                                        tr("Fill the screen (for projectors); F11 again to leave"))
        self.act_fullscreen.setCheckable(True)
        self.act_fullscreen.setChecked(self.isFullScreen())
        self.act_fullscreen.toggled.connect(self._on_fullscreen)
        self.act_zoom_in = self._add(self.menu_view, tr("Zoom &in"), lambda: self.set_zoom(self._zoom * ZOOM_STEP),
                                     QKeySequence.StandardKey.ZoomIn, tr("Larger text and plots"))
        self.act_zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.act_zoom_out = self._add(self.menu_view, tr("Zoom &out"), lambda: self.set_zoom(self._zoom / ZOOM_STEP),
                                      QKeySequence.StandardKey.ZoomOut, tr("Smaller text and plots"))
        self.act_zoom_reset = self._add(self.menu_view, tr("&Reset zoom"), lambda: self.set_zoom(1.0), "Ctrl+0",
                                        tr("Back to 100 %"))
        self.menu_view.addSeparator()
        theme_menu = self.menu_view.addMenu(tr("&Theme"))
        theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in theme.theme_titles().items():
            act = QAction(text, theme_group)
            act.setCheckable(True)
            act.setChecked(name == self.theme)
            act.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            theme_menu.addAction(act)
            self.theme_actions[name] = act
        lang_menu = self.menu_view.addMenu(tr("&Language"))
        lang_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, text in i18n.LANGUAGES.items():
            act = QAction(text, lang_group)
            act.setCheckable(True)
            act.setChecked(code == self.language)
            # Queued: the switch deletes this very menu.
            act.triggered.connect(lambda _=False, c=code: QTimer.singleShot(0, lambda: self.set_language(c)))
            lang_menu.addAction(act)
            self.language_actions[code] = act
        self.menu_view.addSeparator()
        # Not toggleViewAction(): the toolbar also hides by itself on tabs without buttons.
        self.act_show_toolbar = self._add(self.menu_view, tr("Show &toolbar"), None,
                                          tip=tr("Buttons of the current tab under the menus"))
        self.act_show_toolbar.setCheckable(True)
        self.act_show_toolbar.setChecked(str(settings().value("ui/toolbar", "true")).lower() != "false")
        self.act_show_toolbar.toggled.connect(self._on_show_toolbar)

        self.act_shortcuts = self._add(self.menu_help, tr("&Keyboard shortcuts"), self.show_shortcuts, "F1",
                                       tr("Every keyboard shortcut, tab by tab"))
        self.act_about = self._add(self.menu_help, tr("&About cnnviz"), self.show_about)

    def _add(self, menu: QMenu, text: str, slot: Any, keys: Any = None, tip: str = "") -> QAction:
        act = QAction(text, self)
        if keys is not None:
            act.setShortcut(QKeySequence(keys))
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        if slot is not None:
            act.triggered.connect(lambda _=False: slot())
        menu.addAction(act)
        return act

    def _on_fullscreen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    # ---------------------------------------------------------------- presentation
    def set_zoom(self, zoom: float) -> None:
        """Scale every font in the window, including plot text (classroom projectors); remembered."""
        previous = self._zoom
        self._zoom = theme.clamp_zoom(zoom)
        app = QApplication.instance()
        theme.set_application_font_size(app, (_base_point_size or app.font().pointSizeF()) * self._zoom)
        self._rescale(previous)
        settings().setValue("ui/zoom", self._zoom)
        self.state.set_zoom(self._zoom)
        self.state.show_status(tr("Zoom {0:.0f}%").format(self._zoom * 100), 2000)

    def _rescale(self, previous: float) -> None:
        """Bring widgets with their own font size and plot text to the current zoom."""
        roots = [w for w in QApplication.topLevelWidgets() if w is self or self.isAncestorOf(w) or w.parent() is self]
        roots = roots or [self]
        theme.scale_widget_fonts(roots, self._zoom, previous)
        theme.style_plots(roots, self._zoom, previous)

    @property
    def zoom(self) -> float:
        """The current font zoom factor (1.0 = normal)."""
        return self._zoom

    def set_theme(self, name: str) -> None:
        """Apply a colour theme ('system', 'light' high-contrast, 'dark'); remembered."""
        app = QApplication.instance()
        self.theme = theme.apply_theme(app, name)
        for key, act in self.theme_actions.items():
            act.setChecked(key == self.theme)
        settings().setValue("ui/theme", self.theme)
        self._rescale(self._zoom)  # axis colours of plots drawn on the window's colour
        self.state.set_theme(self.theme)

    # ---------------------------------------------------------------- language
    def set_language(self, lang: str, *, states: dict[str, Any] | None = None, current: str | None = None) -> bool:
        """Switch every string to ``lang`` ('en' or 'zh') by rebuilding the menus and tabs; remembered.

        Each tab gets back what its ``lesson_state`` returned (or ``states``
        when given, for opening a lesson). Returns False if nothing changed
        (same language, the user kept a training run going, or no translation).
        """
        lang = i18n.normalize_language(lang)
        if lang == self.language and states is None:
            self._check_language_actions()
            return False
        if not self._confirm_rebuild():
            self._check_language_actions()
            return False
        captured = self.capture_tab_states()
        live = {} if states is not None else self._handovers()  # a lesson file replaces, a switch keeps
        current = current or self.current_tab_key()
        keep = captured if states is None else {**captured, **states}
        if self.tabs_ready:
            self._teardown_tabs()
        ok = i18n.set_language(QApplication.instance(), lang)
        if not ok:
            self.state.show_error(tr("Language"), tr("The translation for {0} is missing; the interface stays in English.")
                                  .format(i18n.LANGUAGES.get(lang, lang)))
        self.language = i18n.current_language()
        settings().setValue("ui/language", self.language)
        self.state.set_language(self.language)
        self.build_menus()
        self._loading_label_retranslate()
        self._apply_failures = []
        if self._loading is None:  # the tabs were built before: build them again
            self._create_tabs(rebuilt=True)
            self._apply_failures = self.apply_tab_states(keep)
            self._take_over(live)
            if current:
                self.show_tab(current)
        self.update_status_info()
        self.sig_tabs_rebuilt.emit()
        return ok

    def _handovers(self) -> dict[str, Any]:
        """Each tab's ``handover()`` (see the tab contract); a failing tab is skipped and reported."""
        out: dict[str, Any] = {}
        for key, widget in self.tab_widgets.items():
            getter = getattr(widget, "handover", None)
            if getter is not None:
                try:
                    out[key] = getter()
                except Exception:
                    traceback.print_exc()
        return out

    def _take_over(self, live: dict[str, Any]) -> None:
        for key, value in live.items():
            setter = getattr(self.tab_widgets.get(key), "take_over", None)
            if setter is not None:
                try:
                    setter(value)
                except Exception:  # the rebuilt tab still works without it
                    traceback.print_exc()

    def _check_language_actions(self) -> None:
        for code, act in self.language_actions.items():
            act.setChecked(code == self.language)

    def _loading_label_retranslate(self) -> None:
        if self._loading is not None:
            self._loading.setText(tr("Loading PyTorch…"))
            self.tabs.setTabText(0, tr("Inspect"))

    def _confirm_rebuild(self) -> bool:
        running = [k for k, w in self.tab_widgets.items() if bool(getattr(w, "is_running", lambda: False)())]
        if not running or getattr(self.options, "screenshot", None):
            return True
        titles = _tab_titles()
        answer = QMessageBox.question(
            self, tr("Switch language"),
            tr("Switching the language rebuilds every tab and stops the work running in: {0}. Switch now?")
            .format(", ".join(titles.get(k, k) for k in running)),
        )
        return answer == QMessageBox.StandardButton.Yes

    # ---------------------------------------------------------------- lessons
    def current_tab_key(self) -> str:
        """Key of the tab in front ('' before the tabs exist)."""
        current = self.tabs.currentWidget()
        for key, widget in self.tab_widgets.items():
            if widget is current:
                return key
        return ""

    def capture_tab_states(self) -> dict[str, Any]:
        """``lesson_state()`` of every tab that has one (a failing tab is skipped and reported)."""
        out: dict[str, Any] = {}
        for key, widget in self.tab_widgets.items():
            getter = getattr(widget, "lesson_state", None)
            if getter is None:
                continue
            try:
                value = getter()
            except Exception:  # one broken tab must not stop a lesson being saved
                traceback.print_exc()
                continue
            if isinstance(value, dict):
                out[key] = value
        return out

    def apply_tab_states(self, states: dict[str, Any]) -> list[str]:
        """Hand each tab its part of ``states``; returns the keys of tabs that failed to take it."""
        failed = []
        for key, value in states.items():
            widget = self.tab_widgets.get(key)
            setter = getattr(widget, "apply_lesson_state", None)
            if setter is None or not isinstance(value, dict):
                continue
            try:
                setter(value)
            except Exception:  # a damaged part must not take the other tabs down
                traceback.print_exc()
                failed.append(key)
        return failed

    def capture_lesson(self) -> Any:
        """The whole window as a :class:`~cnnviz.gui.lessons.Lesson`."""
        from cnnviz.gui.lessons import Lesson

        return Lesson(language=self.language, current_tab=self.current_tab_key(), tabs=self.capture_tab_states())

    def save_lesson(self) -> Path | None:
        """File → Save lesson: to the current lesson file, or ask for one."""
        if self.lesson_path is None:
            return self.save_lesson_as()
        return self.save_lesson_to(self.lesson_path)

    def save_lesson_as(self) -> Path | None:
        """File → Save lesson as…: ask for a file name, then save."""
        from cnnviz.gui.lessons import SUFFIX, with_suffix

        start = str(self.lesson_path or Path(str(settings().value("lessons/dir", "") or Path.home())) / "lesson")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save lesson"), start,
                                              tr("cnnviz lessons (*{0})").format(SUFFIX))
        if not path:
            return None
        return self.save_lesson_to(with_suffix(path))

    def save_lesson_to(self, path: str | Path) -> Path | None:
        """Save the whole window to ``path``; a readable message instead of an exception."""
        from cnnviz.gui.lessons import LessonError, save_lesson, with_suffix

        try:
            written = save_lesson(with_suffix(path), self.capture_lesson())
        except LessonError as exc:
            self.state.show_error(tr("Save lesson"), str(exc))
            return None
        self._set_lesson_path(written)
        self.state.show_status(tr("Lesson saved to {0}").format(written), 5000)
        return written

    def open_lesson(self) -> bool:
        """File → Open lesson…: ask for a lesson file, then open it."""
        from cnnviz.gui.lessons import SUFFIX

        start = str(self.lesson_path.parent if self.lesson_path else settings().value("lessons/dir", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, tr("Open lesson"), start,
                                              tr("cnnviz lessons (*{0});;All files (*)").format(SUFFIX))
        return bool(path) and self.open_lesson_from(path)

    def open_lesson_from(self, path: str | Path) -> bool:
        """Restore every tab from the lesson file ``path``; False (and a message) if it cannot be used."""
        from cnnviz.gui.lessons import LessonError, load_lesson

        try:
            lesson = load_lesson(path)
        except LessonError as exc:
            self.state.show_error(tr("Open lesson"), str(exc))
            return False
        if lesson.language != self.language:
            self.set_language(lesson.language, states=lesson.tabs, current=lesson.current_tab)
            if self.language != lesson.language:
                return False  # the user kept a run going, or the translation is missing (said already)
            failed = self._apply_failures
        else:
            failed = self.apply_tab_states(lesson.tabs)
            if lesson.current_tab:
                self.show_tab(lesson.current_tab)
        self._set_lesson_path(Path(path))
        if failed:
            titles = _tab_titles()
            self.state.show_error(tr("Open lesson"), tr("Some tabs could not take their part of the lesson: {0}.")
                                  .format(", ".join(titles.get(k, k) for k in failed)))
        else:
            self.state.show_status(tr("Lesson opened: {0}").format(Path(path).name), 5000)
        return True

    def _set_lesson_path(self, path: Path) -> None:
        self.lesson_path = path
        settings().setValue("lessons/dir", str(path.parent))
        self.setWindowTitle(f"{path.name} — cnnviz")

    # ---------------------------------------------------------------- help
    def show_shortcuts(self) -> QWidget:
        """Help → Keyboard shortcuts: the sheet of every shortcut (non-modal)."""
        from cnnviz.gui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> None:
        """Help → About: versions of cnnviz, torch, torchvision and Qt, and the device."""
        import PySide6
        import torch
        import torchvision

        device = "CUDA: " + torch.cuda.get_device_name(0) if torch.cuda.is_available() else "CPU"
        QMessageBox.about(
            self,
            tr("About cnnviz"),
            f"<h3>cnnviz {__version__}</h3>"
            + tr("See inside convolutional neural networks.")
            + f"<br><br>torch {torch.__version__}<br>torchvision {torchvision.__version__}"
            f"<br>PySide6 {PySide6.__version__}<br>{device}",
        )

    # ---------------------------------------------------------------- tabs
    def build_tabs(self, keys: tuple[str, ...] | None = None) -> None:
        """Import and create every tab, or only ``keys`` (torch is importable by now)."""
        self._tab_keys = keys
        if self._loading is not None:
            self.tabs.removeTab(0)
            self._loading.deleteLater()
            self._loading = None
        self._create_tabs(rebuilt=False)

    def _create_tabs(self, *, rebuilt: bool) -> None:
        titles = _tab_titles()
        keys = self._tab_keys
        for key in TAB_KEYS:
            if keys is not None and key not in keys:
                continue
            try:
                module = importlib.import_module(f"cnnviz.gui.{key}.tab")
            except ModuleNotFoundError as exc:
                if exc.name == f"cnnviz.gui.{key}" or exc.name == f"cnnviz.gui.{key}.tab":
                    continue  # feature not built into this version
                module = None
                traceback.print_exc()
            except Exception:  # a broken tab must not take the app down
                module = None
                traceback.print_exc()
            try:
                if module is None:
                    raise RuntimeError(f"cnnviz.gui.{key}.tab could not be imported")
                widget = module.create_tab(self.state, self)
            except Exception:  # a bug in one tab must not take the app down
                traceback.print_exc()
                widget = QLabel(tr("This tab failed to start; see the terminal for details."))
            self.tab_widgets[key] = widget
            self.tabs.addTab(widget, titles[key])
        s = settings()
        for widget in self.tab_widgets.values():
            if hasattr(widget, "restore_settings"):
                try:
                    widget.restore_settings(s)
                except Exception:
                    traceback.print_exc()
        self._rescale(self._zoom)  # record the new widgets' sizes at this zoom; plot axis colours
        self._toolbar_shown = []
        self.update_toolbar()
        self.tabs_ready = True
        if not rebuilt:
            self.sig_tabs_ready.emit()

    def _on_show_toolbar(self, on: bool) -> None:
        settings().setValue("ui/toolbar", on)
        self.update_toolbar()

    def _clear_toolbar(self) -> None:
        """Empty the toolbar; separators it created are deleted (``clear()`` alone leaks them)."""
        for act in self.toolbar.actions():
            if act.isSeparator() and act.parent() is self.toolbar:
                act.deleteLater()
        self.toolbar.clear()

    def update_toolbar(self) -> None:
        """Show the current tab's toolbar actions (see the tab contract); hide the bar when there are none."""
        if not hasattr(self, "toolbar"):
            return  # the first tab (the loading label) comes before the toolbar
        widget = self.tabs.currentWidget()
        actions: list[QAction | None] = []
        getter = getattr(widget, "toolbar_actions", None) if widget is not None else None
        if getter is not None:
            try:
                actions = list(getter())
            except Exception:  # a broken tab must not take the window down
                traceback.print_exc()
        if actions == self._toolbar_shown:
            self._show_toolbar_if_wanted()
            return
        self._clear_toolbar()
        for act in actions:
            if act is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(act)
        self._toolbar_shown = actions
        self._tidy_toolbar()
        self._show_toolbar_if_wanted()

    def _show_toolbar_if_wanted(self) -> None:
        wanted = self.act_show_toolbar.isChecked() if hasattr(self, "act_show_toolbar") else True
        self.toolbar.setVisible(wanted and any(a is not None for a in self._toolbar_shown))

    def _tidy_toolbar(self) -> None:
        """Toolbar buttons without the menu's Chinese-style mnemonic: '打开图像(&O)…' shows as '打开图像'."""
        for act in self.toolbar.actions():
            if "(&" in act.text():
                act.setIconText(re.sub(r"\s*\(&\w\)", "", act.text()).replace("&", "").rstrip("…").strip())

    def _teardown_tabs(self) -> None:
        """Save, shut down and delete every tab; drop every AppState connection but the window's."""
        from cnnviz.gui.workers import cancel_all_and_wait

        self.tabs_ready = False
        screenshot = getattr(self.options, "screenshot", None)
        s = settings()
        for widget in self.tab_widgets.values():
            for hook in (() if screenshot else ("save_settings",)) + ("shutdown",):
                if hasattr(widget, hook):
                    try:
                        getattr(widget, hook)(*((s,) if hook == "save_settings" else ()))
                    except Exception:
                        traceback.print_exc()
        cancel_all_and_wait(2000)
        QApplication.processEvents()  # deliver the jobs' last signals while their tabs still exist
        self.tabs.clear()
        for widget in self.tab_widgets.values():
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.tab_widgets = {}
        self.state.disconnect_listeners()
        self._connect_state()
        # Start-up choices from the command line have served; the new tabs restore what the user has now.
        self.options = copy.copy(self.options)
        for name in STARTUP_ONLY_OPTIONS:
            if hasattr(self.options, name):
                setattr(self.options, name, None)

    def show_tab(self, key: str) -> None:
        """Bring the tab ``key`` to the front."""
        widget = self.tab_widgets.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def is_busy(self) -> bool:
        """True until tabs are built and none reports work in progress."""
        if not self.tabs_ready:
            return True
        return any(
            bool(getattr(w, "is_busy", lambda: False)()) for w in self.tab_widgets.values()
        )

    # ---------------------------------------------------------------- status
    def update_status_info(self) -> None:
        """Status bar: what the current tab works on (model · weights · device) and memory in use.

        A tab with a ``status_parts()`` method describes itself (Train: the
        model it trains, on which data and device); otherwise the Inspect
        model is shown.
        """
        if not hasattr(self, "status_model"):  # tabs being added while the window is built
            return
        current = self.tabs.currentWidget()
        own = getattr(current, "status_parts", None)
        device = self.state.device
        if callable(own):
            parts, device = own()
        else:
            parts = []
            session = self.state.model
            if session is not None:
                from cnnviz.gui.inspect.common import weights_text

                parts += [getattr(session, "name", "?"), weights_text(str(getattr(session, "weights_label", "")))]
            parts.append(self.state.device)
        parts = [*parts, tr("memory {0}").format(_memory_text(device))]
        self.status_model.setText("  ·  ".join(p for p in parts if p) + "  ")
        self.status_model.setToolTip(tr("What this tab works on · memory in use"))

    def _on_status(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _on_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if getattr(self.options, "screenshot", None):
            self.reported_errors += 1  # the screenshot is still taken, but the exit status says so
            print(f"cnnviz: {title}: {' '.join(message.split())}", file=sys.stderr)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        box.setObjectName("cnnviz-error")
        box.open()

    # ---------------------------------------------------------------- life cycle
    def restore_window(self) -> None:
        """Restore geometry, toolbar state and the last tab from the last run."""
        s = settings()
        geo = s.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 900)
        win_state = s.value("window/state")
        if win_state is not None:
            self.restoreState(win_state)
            self._show_toolbar_if_wanted()  # the tab decides, not the remembered visibility
        last_tab = s.value("window/tab")
        if last_tab and not getattr(self.options, "tab", None):
            self.sig_tabs_ready.connect(lambda: self.show_tab(str(last_tab)))

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        s = settings()
        if not getattr(self.options, "screenshot", None):
            s.setValue("window/geometry", self.saveGeometry())
            s.setValue("window/state", self.saveState())
            current = self.tabs.currentWidget()
            for key, widget in self.tab_widgets.items():
                if widget is current:
                    s.setValue("window/tab", key)
        self._memory_timer.stop()
        for widget in self.tab_widgets.values() if not getattr(self.options, "screenshot", None) else ():
            for hook in ("save_settings",):
                if hasattr(widget, hook):
                    try:
                        getattr(widget, hook)(s)
                    except Exception:
                        traceback.print_exc()
        for widget in self.tab_widgets.values():
            if hasattr(widget, "shutdown"):
                try:
                    widget.shutdown()
                except Exception:
                    traceback.print_exc()
        from cnnviz.gui.workers import cancel_all_and_wait

        cancel_all_and_wait(2000)
        app = QApplication.instance()
        if app is not None:  # the application outlives this window (tests): a later one starts clean
            if _base_point_size is not None and self._zoom != 1.0:
                theme.set_application_font_size(app, _base_point_size)
            if i18n.current_language() != i18n.DEFAULT_LANGUAGE:
                i18n.set_language(app, i18n.DEFAULT_LANGUAGE)
            if theme.current_theme() != theme.DEFAULT_THEME:
                theme.apply_theme(app, theme.DEFAULT_THEME)
        super().closeEvent(event)


def _memory_text(device: str) -> str:
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


def _import_torch_then(callback_window: MainWindow) -> None:
    """Import torch on a thread; build the tabs on the GUI thread when done."""
    done = threading.Event()

    def work() -> None:
        import torch  # noqa: F401
        import torchvision  # noqa: F401

        done.set()

    threading.Thread(target=work, name="import-torch", daemon=True).start()
    timer = QTimer(callback_window)
    timer.setInterval(20)

    def poll() -> None:
        if done.is_set():
            timer.stop()
            callback_window.build_tabs()

    timer.timeout.connect(poll)
    timer.start()


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


def _parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        from cnnviz.core.errors import ConfigError

        raise ConfigError(f"--size must look like 1600x1000, got {text!r}") from None
    return w, h


def take_screenshot(window: MainWindow, path: str, timeout_s: float = 120.0) -> None:
    """Wait until every view has drawn, then save the window as a PNG."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout_s
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        app.processEvents()
        if window.is_busy():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 0.3:
            break
        time.sleep(0.01)
    app.processEvents()
    pixmap = window.grab()
    from cnnviz.core.errors import CnnvizError

    if not pixmap.save(path, "PNG"):
        raise CnnvizError(f"Cannot write the screenshot to {path}")


def run_app(options: argparse.Namespace) -> int:
    """Start the Qt application with the given command-line options."""
    QCoreApplication.setOrganizationName("cnnviz")
    QCoreApplication.setApplicationName("cnnviz")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from cnnviz.gui.qt_messages import quiet_offscreen_noise

    quiet_offscreen_noise()
    font = app.font()
    if font.pointSizeF() < CLASSROOM_POINT_SIZE:  # readable when projected
        font.setPointSizeF(CLASSROOM_POINT_SIZE)
        app.setFont(font)
    settings_problem = None if getattr(options, "screenshot", None) else check_settings_file()
    window = MainWindow(options=options)
    if settings_problem:
        print(f"cnnviz: {settings_problem}", file=sys.stderr)
        QTimer.singleShot(0, lambda: window.state.show_status(settings_problem, 15000))
    size = _parse_size(getattr(options, "size", None))
    if getattr(options, "screenshot", None):
        window.resize(*(size or (1600, 1000)))
    else:
        window.restore_window()
        if size:
            window.resize(*size)
    window.show()
    app.processEvents()  # first paint, before torch is imported
    window.first_paint_time = time.perf_counter()
    _import_torch_then(window)
    if getattr(options, "screenshot", None):
        while not window.tabs_ready:
            app.processEvents()
            time.sleep(0.01)
        if options.tab:
            window.show_tab(options.tab)
        take_screenshot(window, options.screenshot)
        window.close()
        return 1 if window.reported_errors else 0
    window.sig_tabs_ready.connect(lambda: options.tab and window.show_tab(options.tab))
    return app.exec()


def main() -> int:
    """Entry point of the ``cnnviz-gui`` script: the window, no sub-commands."""
    from cnnviz.cli import main as cli_main

    return cli_main(sys.argv[1:])
