"""The main window: tabs, menus, status bar, settings, screenshot mode.

The window paints before torch is imported: ``run_app`` shows the frame,
imports torch on a worker thread, then builds the tabs (which use core, and so
torch) on the GUI thread once the import is done.

Each tab lives in ``cnnviz.gui.<key>.tab`` and exposes
``create_tab(state: AppState, window: MainWindow) -> QWidget``. A tab widget may
also define ``is_busy() -> bool`` (screenshot mode waits for it),
``save_settings(QSettings)`` / ``restore_settings(QSettings)`` and
``shutdown()`` (called when the window closes).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import threading
import time
import traceback
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from cnnviz import __version__
from cnnviz.gui.state import AppState

TAB_KEYS: tuple[str, ...] = ("inspect", "train", "playground", "explain")
#: Smallest default font size: the app is projected in classrooms.
CLASSROOM_POINT_SIZE = 10.5


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


def settings() -> QSettings:
    """The app's persistent settings (platform-native location)."""
    return QSettings("cnnviz", "cnnviz")


class MainWindow(QMainWindow):
    """Tabs Inspect / Train / Playground / Explain with menus and a status bar."""

    sig_tabs_ready = Signal()
    """Every tab has been built (torch is imported by then)."""

    def __init__(self, state: AppState | None = None, options: argparse.Namespace | None = None) -> None:
        super().__init__()
        self.state = state or AppState()
        self.options = options or argparse.Namespace()
        self.tabs_ready = False
        self.tab_widgets: dict[str, QWidget] = {}
        self.setWindowTitle("cnnviz")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._loading = QLabel(tr("Loading PyTorch…"))
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self._loading, tr("Inspect"))
        self.toolbar = QToolBar(tr("Main toolbar"))
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self._build_menus()
        self.status_model = QLabel("")
        self.status_model.setToolTip(tr("Model · weights · device · memory in use"))
        self.statusBar().addPermanentWidget(self.status_model)
        self.state.status_message.connect(self._on_status)
        self.state.error.connect(self._on_error)
        self.state.open_tab.connect(self.show_tab)
        self.state.status_info_changed.connect(self.update_status_info)
        self.state.model_changed.connect(lambda _: self.update_status_info())
        self.state.device_changed.connect(lambda _: self.update_status_info())
        self._memory_timer = QTimer(self)
        self._memory_timer.setInterval(2000)
        self._memory_timer.timeout.connect(self.update_status_info)
        self._memory_timer.start()
        self._base_point_size = QApplication.font().pointSizeF()
        self._zoom = 1.0
        lang = getattr(self.options, "lang", None)
        if lang:
            self.state.set_language(lang)
        self.update_status_info()

    # ---------------------------------------------------------------- menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu(tr("&File"))
        self.menu_view = bar.addMenu(tr("&View"))
        self.menu_model = bar.addMenu(tr("&Model"))
        self.menu_help = bar.addMenu(tr("&Help"))

        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menu_file.addAction(quit_action)

        full = QAction(tr("&Full screen"), self)
        full.setShortcut(QKeySequence("F11"))
        full.setCheckable(True)
        full.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        self.menu_view.addAction(full)
        for text, keys, factor in (
            (tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, 1.15),
            (tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, 1 / 1.15),
        ):
            act = QAction(text, self)
            act.setShortcut(keys)
            act.triggered.connect(lambda _=False, f=factor: self.set_zoom(self._zoom * f))
            self.menu_view.addAction(act)
        reset = QAction(tr("&Reset zoom"), self)
        reset.setShortcut(QKeySequence("Ctrl+0"))
        reset.triggered.connect(lambda: self.set_zoom(1.0))
        self.menu_view.addAction(reset)
        self.menu_view.addSeparator()
        lang_menu = self.menu_view.addMenu(tr("&Language of explanations"))
        group = QActionGroup(self)
        for code, text in (("en", "English"), ("zh", "中文 (简体)")):
            act = QAction(text, self)
            act.setCheckable(True)
            act.setChecked(self.state.language == code)
            act.triggered.connect(lambda _=False, c=code: self.state.set_language(c))
            group.addAction(act)
            lang_menu.addAction(act)
        self.state.language_changed.connect(
            lambda code: [a.setChecked(a.text().startswith("中") == (code == "zh")) for a in group.actions()]
        )
        show_tb = self.toolbar.toggleViewAction()
        show_tb.setText(tr("Show &toolbar"))
        self.menu_view.addAction(show_tb)

        about = QAction(tr("&About cnnviz"), self)
        about.triggered.connect(self.show_about)
        self.menu_help.addAction(about)

    def set_zoom(self, zoom: float) -> None:
        """Scale every font in the window (classroom projectors)."""
        self._zoom = max(0.5, min(4.0, zoom))
        font = QFont(QApplication.font())
        font.setPointSizeF(max(6.0, self._base_point_size * self._zoom))
        QApplication.setFont(font)
        for w in self.findChildren(QWidget):
            w.setFont(font)
        self.state.show_status(tr("Zoom {0:.0f}%").format(self._zoom * 100), 2000)

    @property
    def zoom(self) -> float:
        """The current font zoom factor (1.0 = normal)."""
        return self._zoom

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
        titles = _tab_titles()
        self.tabs.removeTab(0)
        self._loading.deleteLater()
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
        self.tabs_ready = True
        self.sig_tabs_ready.emit()

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
        """Status bar: model · weights · device · memory in use."""
        session = self.state.model
        parts = []
        if session is not None:
            parts += [getattr(session, "name", "?"), getattr(session, "weights_label", "")]
        parts.append(self.state.device)
        parts.append(tr("memory {0}").format(_memory_text(self.state.device)))
        self.status_model.setText("  ·  ".join(p for p in parts if p) + "  ")

    def _on_status(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _on_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if getattr(self.options, "screenshot", None):
            print(f"cnnviz: {title}: {message}", file=sys.stderr)
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
    font = app.font()
    if font.pointSizeF() < CLASSROOM_POINT_SIZE:  # readable when projected
        font.setPointSizeF(CLASSROOM_POINT_SIZE)
        app.setFont(font)
    window = MainWindow(options=options)
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
        return 0
    window.sig_tabs_ready.connect(lambda: options.tab and window.show_tab(options.tab))
    return app.exec()


def main() -> int:
    """Entry point of the ``cnnviz-gui`` script: the window, no sub-commands."""
    from cnnviz.cli import main as cli_main

    return cli_main(sys.argv[1:])
