"""Presentation mode: zoom of every font (plots included), themes, and the shortcuts sheet."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _axis(plot_widget, side: str):
    return plot_widget.getPlotItem().getAxis(side)


def test_zoom_scales_every_font_and_comes_back_exactly(make_main_window, qtbot):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import app as app_module

    window = make_main_window(tabs=("playground", "explain"))
    base = app_module._base_point_size
    sidebar = window.tab_widgets["explain"].sidebar  # a widget with its own, larger font
    own = sidebar.font().pointSizeF()
    loss_plot = window.tab_widgets["playground"].loss_view
    label_item = _axis(loss_plot, "bottom").label
    label_pt = label_item.font().pointSizeF()
    title = window.tab_widgets["playground"].lr_panel.findChildren(pg.PlotWidget)[0].getPlotItem().titleLabel
    title_pt = title.item.font().pointSizeF()
    title_size = float(title.opts["size"][:-2])  # pyqtgraph titles carry a size in their HTML
    zooms = []
    window.state.zoom_changed.connect(zooms.append)

    window.set_zoom(1.5)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
    assert sidebar.font().pointSizeF() == pytest.approx(own * 1.5)  # keeps its proportion
    assert label_item.font().pointSizeF() == pytest.approx(label_pt * 1.5)  # pyqtgraph axis label
    assert title.item.font().pointSizeF() == pytest.approx(title_pt * 1.5)  # pyqtgraph plot title
    assert float(title.opts["size"][:-2]) == pytest.approx(title_size * 1.5, abs=0.01)
    assert zooms == [1.5] and window.state.zoom == 1.5

    # Many steps in and out, then Ctrl+0: every size is back where it started (no drift).
    for _ in range(3):
        window.act_zoom_in.trigger()
    for _ in range(5):
        window.act_zoom_out.trigger()
    window.act_zoom_reset.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert sidebar.font().pointSizeF() == pytest.approx(own)
    assert label_item.font().pointSizeF() == pytest.approx(label_pt)
    assert float(title.opts["size"][:-2]) == pytest.approx(title_size, abs=0.01)
    window.set_zoom(100)
    assert window.zoom == 4.0  # clamped

    from cnnviz.gui.app import settings

    assert float(settings().value("ui/zoom")) == 4.0


def test_zoom_is_remembered_and_applies_to_tabs_built_later(make_main_window):
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import app as app_module
    from cnnviz.gui.app import settings

    settings().setValue("ui/zoom", 1.3)
    window = make_main_window(tabs=("explain",))
    base = app_module._base_point_size
    assert window.zoom == pytest.approx(1.3)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.3)
    sidebar = window.tab_widgets["explain"].sidebar
    assert sidebar.font().pointSizeF() == pytest.approx(base * 1.3 * 1.25)  # built from the zoomed font
    window.set_zoom(1.0)
    assert sidebar.font().pointSizeF() == pytest.approx(base * 1.25)


def test_zoom_after_a_theme_switch_reaches_styled_widgets(make_main_window):
    """Widgets under a style sheet stop following the application font once the style changed."""
    from cnnviz.gui import app as app_module

    window = make_main_window(tabs=("playground",))
    card = window.tab_widgets["playground"].racers.cards["sgd"]  # has a style sheet
    window.set_theme("dark")
    window.set_zoom(1.5)
    assert card.status.font().pointSizeF() == pytest.approx(app_module._base_point_size * 1.5)
    assert card.enabled.font().pointSizeF() == pytest.approx(app_module._base_point_size * 1.5)
    window.set_theme("system")


def test_themes_change_the_palette_and_are_remembered(make_main_window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui.app import settings

    window = make_main_window(tabs=())
    role = QPalette.ColorRole
    original = QApplication.palette().color(role.Window)
    original_style = QApplication.style().name()

    window.theme_actions["dark"].trigger()
    pal = QApplication.palette()
    assert pal.color(role.Window).lightnessF() < 0.2 and pal.color(role.WindowText).lightnessF() > 0.8
    assert settings().value("ui/theme") == "dark" and window.state.theme == "dark"
    assert window.theme_actions["dark"].isChecked()

    window.set_theme("light")
    pal = QApplication.palette()
    assert pal.color(role.Window).name() == "#ffffff" and pal.color(role.WindowText).name() == "#000000"
    assert QApplication.style().name() == "fusion"

    window.set_theme("system")
    assert QApplication.palette().color(role.Window) == original
    assert QApplication.style().name() == original_style
    window.set_theme("no-such-theme")
    assert window.theme == "system"


def test_plot_axes_on_the_window_colour_follow_the_theme(make_main_window):
    import pyqtgraph as pg
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window = make_main_window(tabs=())
    plot = pg.PlotWidget()
    plot.setBackground(None)  # drawn on the window's colour, like the Inspect tab's plots
    window.setCentralWidget(plot)
    window.set_theme("dark")
    ink = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert _axis(plot, "left").textPen().color() == ink
    window.set_theme("light")
    assert _axis(plot, "left").textPen().color().name() == "#000000"
    window.set_theme("system")


def test_shortcuts_sheet_lists_menus_and_widget_keys(make_main_window, qtbot):
    from PySide6.QtGui import QAction, QKeySequence

    from cnnviz.gui.shortcuts import keys_text

    window = make_main_window(tabs=("playground",))
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    keys = {k for _, _, k in rows}
    # Every menu action with a shortcut is on the sheet, with the same keys.
    for menu in (window.menu_file, window.menu_view, window.menu_help):
        for act in menu.actions():
            if act.shortcuts():
                assert keys_text(*act.shortcuts()) in keys, act.text()
    for expected in ("F11", "Ctrl+Q", "Ctrl+S", "Ctrl+Shift+O", "F1", "Ctrl+0", "Space", "Home", "Ctrl+Return", "Esc",
                     "Alt+Down / Alt+Up", "Ctrl+K"):
        assert keys_text(expected) in keys or expected in keys, expected
    assert ("Playground", "Faster / slower animation", "+ / −") in rows

    dialog.filter.setText("training")
    assert rows != dialog.rows() and all("train" in (s + d).lower() for s, d, _ in dialog.rows())

    # No two window-wide actions share a key (Qt would call it ambiguous and run neither).
    seen: dict[str, str] = {}
    dialog.close()
    for act in window.findChildren(QAction):
        owner = act.parent()
        if act.shortcutContext().name not in ("WindowShortcut", "ApplicationShortcut") or (
                hasattr(owner, "window") and owner.window() is not window):
            continue
        for seq in act.shortcuts():
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} is both {seen[text]!r} and {act.text()!r}"
            seen[text] = act.text()
    assert window.act_save_lesson.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.act_open_lesson.shortcut() == QKeySequence("Ctrl+Shift+O")


def test_shortcuts_sheet_in_chinese(make_main_window, qtbot):
    window = make_main_window(tabs=(), lang="zh")
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "键盘快捷键"
    sections = {s for s, _, _ in dialog.rows()}
    assert {"文件", "视图", "帮助", "试验场", "训练"} <= sections
    from cnnviz.gui.shortcuts import keys_text

    assert ("试验场", "播放或暂停竞赛", keys_text("Space")) in dialog.rows()
