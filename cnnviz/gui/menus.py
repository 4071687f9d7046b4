"""The menu bar: File, View, Model and Help, rebuilt in the current language; tabs add their actions after.

The actions live on the window (``window.act_*``) so tests and tabs reach
them; every slot is one of the window's public methods.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from cnnviz.gui import i18n, theme
from cnnviz.gui.settings_file import settings

if TYPE_CHECKING:
    from cnnviz.gui.app import MainWindow

#: Each zoom step multiplies the font size by this.
ZOOM_STEP = 1.15


def tr(text: str) -> str:
    """Translate a main-window string."""
    return QCoreApplication.translate("MainWindow", text)


def add_action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], Any] | None, keys: Any = None,
               tip: str = "") -> QAction:
    """An action in ``menu`` owned by ``window``, with its shortcut and tip."""
    act = QAction(text, window)
    if keys is not None:
        act.setShortcut(QKeySequence(keys))
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    if slot is not None:
        act.triggered.connect(lambda _=False: slot())
    menu.addAction(act)
    return act


def build_menus(window: MainWindow) -> list[QMenu]:
    """(Re)create the menu bar of ``window`` in the current language; returns the top-level menus."""
    bar = window.menuBar()
    bar.clear()
    window.menu_file = bar.addMenu(tr("&File"))
    window.menu_view = bar.addMenu(tr("&View"))
    window.menu_model = bar.addMenu(tr("&Model"))
    window.menu_help = bar.addMenu(tr("&Help"))
    _file_menu(window)
    _view_menu(window)
    window.act_shortcuts = add_action(window, window.menu_help, tr("&Keyboard shortcuts"), window.show_shortcuts,
                                      "F1", tr("Every keyboard shortcut, tab by tab"))
    window.act_log = add_action(window, window.menu_help, tr("Show the &log file"), window.show_log,
                                tip=tr("Where cnnviz writes the details of unexpected errors"))
    window.act_about = add_action(window, window.menu_help, tr("&About cnnviz"), window.show_about)
    return [window.menu_file, window.menu_view, window.menu_model, window.menu_help]


def _file_menu(window: MainWindow) -> None:
    menu = window.menu_file
    window.act_open_lesson = add_action(window, menu, tr("Open &lesson…"), window.open_lesson, "Ctrl+Shift+O",
                                        tr("Open a lesson file: every tab as it was saved"))
    window.act_save_lesson = add_action(window, menu, tr("&Save lesson"), window.save_lesson,
                                        QKeySequence.StandardKey.Save,
                                        tr("Save every tab's state to the current lesson file"))
    window.act_save_lesson_as = add_action(window, menu, tr("Save lesson &as…"), window.save_lesson_as,
                                           "Ctrl+Shift+S", tr("Save every tab's state to a new lesson file"))
    menu.addSeparator()
    window.act_quit = add_action(window, menu, tr("&Quit"), window.close)
    # Not every platform binds StandardKey.Quit (Windows has none): Ctrl+Q everywhere.
    window.act_quit.setShortcuts([QKeySequence("Ctrl+Q")])


def _view_menu(window: MainWindow) -> None:
    menu = window.menu_view
    window.act_fullscreen = add_action(window, menu, tr("&Full screen"), None, "F11",
                                       tr("Fill the screen (for projectors); F11 again to leave"))
    window.act_fullscreen.setCheckable(True)
    window.act_fullscreen.setChecked(window.isFullScreen())
    window.act_fullscreen.toggled.connect(window.set_full_screen)
    window.act_presenter = add_action(window, menu, tr("&Presenter view"), window.toggle_presenter, "F10",
                                      tr("A second window (or screen) that shows one Inspect panel large; F10 "
                                         "again closes it"))
    window.act_zoom_in = add_action(window, menu, tr("Zoom &in"), lambda: window.set_zoom(window.zoom * ZOOM_STEP),
                                    QKeySequence.StandardKey.ZoomIn, tr("Larger text, pictures and plots"))
    window.act_zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
    window.act_zoom_out = add_action(window, menu, tr("Zoom &out"), lambda: window.set_zoom(window.zoom / ZOOM_STEP),
                                     QKeySequence.StandardKey.ZoomOut, tr("Smaller text, pictures and plots"))
    window.act_zoom_reset = add_action(window, menu, tr("&Reset zoom"), lambda: window.set_zoom(1.0), "Ctrl+0",
                                       tr("Back to 100 %"))
    menu.addSeparator()
    theme_menu = menu.addMenu(tr("&Theme"))
    group = QActionGroup(window)
    window.theme_actions = {}
    for name, text in theme.theme_titles().items():
        act = QAction(text, group)
        act.setCheckable(True)
        act.setChecked(name == window.theme)
        act.triggered.connect(lambda _=False, n=name: window.set_theme(n))
        theme_menu.addAction(act)
        window.theme_actions[name] = act
    lang_menu = menu.addMenu(tr("&Language"))
    group = QActionGroup(window)
    window.language_actions = {}
    for code, text in i18n.LANGUAGES.items():
        act = QAction(text, group)
        act.setCheckable(True)
        act.setChecked(code == window.language)
        # Queued: the switch deletes this very menu.
        act.triggered.connect(lambda _=False, c=code: QTimer.singleShot(0, lambda: window.set_language(c)))
        lang_menu.addAction(act)
        window.language_actions[code] = act
    menu.addSeparator()
    # Not toggleViewAction(): the toolbar also hides by itself on tabs without buttons.
    window.act_show_toolbar = add_action(window, menu, tr("Show &toolbar"), None,
                                         tip=tr("Buttons of the current tab under the menus"))
    window.act_show_toolbar.setCheckable(True)
    window.act_show_toolbar.setChecked(str(settings().value("ui/toolbar", "true")).lower() != "false")
    window.act_show_toolbar.toggled.connect(window.tabset.set_toolbar_wanted)
