"""Start-up, screenshot mode and exit: from ``cnnviz`` on the command line to a window, and back.

The window paints before torch is imported: :func:`run_app` shows the frame,
imports torch on a worker thread, then builds the tabs on the GUI thread. A
lesson named on the command line (``cnnviz lecture.cnnviz-lesson``, also what
a double-click on one runs) opens once the tabs are built.

``--screenshot PATH`` builds the window at exactly ``--size`` (default
1600×1000), optionally zoomed, themed, with a lesson and a panel chosen,
waits until every view has drawn, saves the picture and exits: 0 when all
went well, 1 when it had to report a problem (each printed on one line). It
asks nobody anything: every question (running a lesson's code, trusting a
pickled file) is answered No.

Exit never hangs: a worker stuck in a user's model that never returns is
left behind (the process ends anyway) once the window is closed.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from typing import NoReturn

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from cnnviz.gui.app import MainWindow

#: Smallest default font size: the app is projected in classrooms.
CLASSROOM_POINT_SIZE = 10.5
#: How long exit waits for background work before leaving it behind.
EXIT_GRACE_MS = 2000


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


def parse_size(text: str | None) -> tuple[int, int] | None:
    """``"1600x1000"`` -> (1600, 1000); None for no size."""
    if not text:
        return None
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        from cnnviz.core.errors import ConfigError

        raise ConfigError(f"--size must look like 1600x1000, got {text!r}") from None
    return w, h


def _import_torch_then(window: MainWindow) -> None:
    """Import torch on a thread; build the tabs on the GUI thread when done."""
    done = threading.Event()

    def work() -> None:
        import torch  # noqa: F401
        import torchvision  # noqa: F401

        done.set()

    threading.Thread(target=work, name="import-torch", daemon=True).start()
    timer = QTimer(window)
    timer.setInterval(20)

    def poll() -> None:
        if done.is_set():
            timer.stop()
            window.build_tabs()

    timer.timeout.connect(poll)
    timer.start()


def wait_until_drawn(window: MainWindow, timeout_s: float = 120.0) -> bool:
    """Process events until every tab has been idle for 0.3 s; False when ``timeout_s`` passed first."""
    app = QApplication.instance()
    assert app is not None  # the window exists, so the application does
    deadline = time.monotonic() + timeout_s
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        app.processEvents()
        if window.is_busy():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 0.3:
            app.processEvents()
            return True
        time.sleep(0.01)
    app.processEvents()
    return False


def take_screenshot(window: MainWindow, path: str, timeout_s: float = 120.0) -> None:
    """Wait until every view has drawn (reporting it if they never do), then save the window as a PNG."""
    if not wait_until_drawn(window, timeout_s):
        window.state.show_error(tr("Screenshot"), tr("The views were still busy after {0:g} s (a model that never "
                                                     "returns?); the picture shows them as they were.")
                                .format(timeout_s))
    QApplication.processEvents()
    from cnnviz.core.errors import CnnvizError

    if not window.grab().save(path, "PNG"):
        raise CnnvizError(f"Cannot write the screenshot to {path}")


def check_fits(window: MainWindow, size: tuple[int, int]) -> None:
    """Report (as an error) a window whose smallest size is larger than the size asked for."""
    hint = window.minimumSizeHint()
    need_w = max(hint.width(), window.minimumWidth(), window.width())
    need_h = max(hint.height(), window.minimumHeight(), window.height())
    if need_w > size[0] or need_h > size[1]:
        window.state.show_error(
            tr("Window size"),
            tr("The window needs at least {0}×{1} pixels here; {2}×{3} was asked for, so parts are cut off.")
            .format(need_w, need_h, size[0], size[1]),
        )


def _exit_now(code: int) -> NoReturn:
    """End the process with ``code`` once everything worth keeping is written.

    Python's own teardown of torch and Qt takes seconds (2.4 s measured with
    ResNet-18 loaded) and nothing in it matters to the user, so after the
    settings are synced and the log and streams flushed the process just ends.
    A worker stuck in a model that never returns cannot be joined either: it
    is left behind the same way.
    """
    import logging

    from cnnviz.gui import settings_file

    if not QThreadPool.globalInstance().waitForDone(EXIT_GRACE_MS):
        from cnnviz.core.logs import log

        log.warning("a background job did not stop within %d ms (a model that never returns?); exiting anyway",
                    EXIT_GRACE_MS)
    settings_file.settings().sync()
    settings_file.end_session()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _new_application() -> QApplication:
    QCoreApplication.setOrganizationName("cnnviz")
    QCoreApplication.setApplicationName("cnnviz")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # the GUI's application object
    from cnnviz.gui.qt_messages import quiet_offscreen_noise

    quiet_offscreen_noise()
    font = app.font()
    if font.pointSizeF() < CLASSROOM_POINT_SIZE:  # readable when projected
        font.setPointSizeF(CLASSROOM_POINT_SIZE)
        app.setFont(font)
    return app


def run_app(options: argparse.Namespace) -> NoReturn:
    """Start the Qt application with the given command-line options."""
    from cnnviz.core.logs import setup_logging
    from cnnviz.gui import platform_check, settings_file

    if platform_check.uses_xcb():
        missing = platform_check.missing_xcb_libraries()
        if missing:
            print(f"cnnviz: error: {platform_check.install_hint(missing)}", file=sys.stderr)
            sys.stderr.flush()
            os._exit(1)

    app = _new_application()
    setup_logging()
    screenshot = getattr(options, "screenshot", None)
    settings_problem = None if screenshot else settings_file.check_settings_file()
    window = MainWindow(options=options)
    if settings_problem:
        print(f"cnnviz: {settings_problem}", file=sys.stderr)
        QTimer.singleShot(0, lambda: window.state.show_status(settings_problem, 15000))
    size = parse_size(getattr(options, "size", None))
    if screenshot:
        size = size or (1600, 1000)
        window.resize(*size)
    else:
        window.restore_window()
        if size:
            window.resize(*size)
    window.show()
    app.processEvents()  # first paint, before torch is imported
    window.first_paint_time = time.perf_counter()
    _import_torch_then(window)
    lesson = getattr(options, "lesson", None)
    tab = getattr(options, "tab", None)

    def when_ready() -> None:
        if lesson:
            window.open_lesson_from(lesson)
        if tab:
            window.show_tab(tab)
        panel = getattr(options, "panel", None)
        if panel:
            inspect = window.tab_widgets.get("inspect")
            show_panel = getattr(inspect, "show_panel", None)
            if show_panel is not None:
                show_panel(panel)

    window.sig_tabs_ready.connect(when_ready)
    if screenshot:
        timeout = float(getattr(options, "screenshot_timeout", None) or 120.0)
        while not window.tabs_ready:
            app.processEvents()
            time.sleep(0.01)
        take_screenshot(window, screenshot, timeout)
        if size is not None:
            check_fits(window, size)
        window.close()
        _exit_now(1 if window.reported_errors else 0)
    _exit_now(app.exec())
