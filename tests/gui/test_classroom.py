"""Presentation mode: zoom of every font (plots included), themes, and the shortcuts sheet."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _axis(plot_widget, side: str):
    return plot_widget.getPlotItem().getAxis(side)


def test_zoom_scales_every_font_and_comes_back_exactly(make_main_window, qtbot):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import presentation as app_module

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

    from cnnviz.gui import presentation as app_module
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
    from cnnviz.gui import presentation as app_module

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
    assert ("Inspect", "Network map: zoom in / out", "+ / −") in rows  # keys MapView.keyPressEvent handles

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


def _contrast(a, b) -> float:
    """WCAG 2 contrast ratio of two QColors."""

    def lum(c) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_helper_matches_known_ratios():
    from PySide6.QtGui import QColor

    assert _contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert _contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)  # WCAG's grey example
    assert _contrast(QColor("#666666"), QColor("#1f2124")) < 3  # the old fixed grey on the dark theme


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_colours_stay_readable_on_each_theme(make_main_window, name):
    """Quiet and meaningful text colours keep WCAG AA contrast (4.5:1) on the theme's background."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import theme

    window = make_main_window(tabs=())
    window.set_theme(name)
    pal = QApplication.palette()
    r = QPalette.ColorRole
    assert theme.is_dark() == (name == "dark")
    assert _contrast(theme.secondary_text_color(), pal.color(r.Window)) >= 4.5
    assert _contrast(theme.secondary_text_color(on_base=True), pal.color(r.Base)) >= 4.5
    # quieter than the main text, so it still reads as secondary
    assert _contrast(theme.secondary_text_color(), pal.color(r.Window)) < _contrast(pal.color(r.WindowText),
                                                                                   pal.color(r.Window))
    for kind in ("error", "warning", "ok", "info", "stopped"):
        for role in (r.Window, r.Base):
            assert _contrast(theme.semantic_color(kind), pal.color(role)) >= 4.5, (kind, role)
    window.set_theme("system")


def test_rich_text_follows_the_theme_and_the_zoom(make_main_window, qtbot):
    """Layer math, the Explain formula and the Train lesson use palette colours and relative sizes."""
    import re

    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from cnnviz.gui import theme

    window = make_main_window(tabs=("inspect", "train", "explain"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    window.set_theme("dark")
    html = inspect.math.text.toHtml()
    assert not re.search(r"font-size:\s*\d+(\.\d+)?pt", inspect.math.text.document().toHtml().split("<body", 1)[1]
                         .replace(f"font-size:{QApplication.font().pointSizeF():g}pt", "")), "absolute size in the HTML"
    quiet = theme.secondary_text_color(on_base=True).name()
    assert quiet in html.lower() and "#666" not in html
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert _contrast(QColor(quiet), base) >= 4.5

    conv = window.tab_widgets["explain"].pages["conv"]
    text = conv.formula.text()
    assert "#1A1A1A" not in text and "#1a1a1a" not in text  # dark ink on a dark window
    lesson = window.tab_widgets["train"].lesson_text
    assert "color" not in lesson.styleSheet()  # the palette's text colour
    window.set_theme("light")
    assert theme.secondary_text_color(on_base=True).name() in inspect.math.text.toHtml().lower()  # redrawn
    window.set_theme("system")


def test_toolbar_shows_the_current_tabs_actions_only(make_main_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_main_window(tabs=("inspect", "train", "explain"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: not inspect.is_busy(), timeout=30000)
    window.show_tab("inspect")
    shown = window.toolbar.actions()
    for act in (inspect.act_open, inspect.act_paste, inspect.act_prev_conv, inspect.act_next_conv,
                inspect.act_export_png):
        assert act in shown
    assert window.toolbar.isVisible()
    for key in ("train", "explain"):
        window.show_tab(key)
        assert not window.toolbar.isVisible(), key  # no Inspect buttons on other tabs
        assert inspect.act_open not in window.toolbar.actions()
    # The actions stay in their menus, so their keys keep working from every tab...
    assert inspect.act_open in window.menu_file.actions() and inspect.act_search in window.menu_model.actions()
    for act in (inspect.act_open, inspect.act_paste, inspect.act_export_png, inspect.act_search):
        assert act.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    # ... and bring the Inspect tab to the front; layer walking stays the Inspect tab's own key.
    assert inspect.act_next_conv.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    inspect.act_search.trigger()
    assert window.current_tab_key() == "inspect" and window.toolbar.isVisible()
    # The user can hide the toolbar; the choice is remembered and holds on every tab.
    window.act_show_toolbar.setChecked(False)
    assert not window.toolbar.isVisible()
    window.show_tab("train")
    window.show_tab("inspect")
    assert not window.toolbar.isVisible()
    from cnnviz.gui.app import settings

    assert str(settings().value("ui/toolbar")).lower() == "false"
    window.act_show_toolbar.setChecked(True)
    assert window.toolbar.isVisible()


def test_layer_tree_tooltip_names_the_keys_that_work(make_main_window, qtbot):
    from PySide6.QtGui import QKeySequence

    window = make_main_window(tabs=("inspect",), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    tip = inspect.tree.view.toolTip()
    assert "PgUp" not in tip and "Alt+↑" in tip and "Alt+↓" in tip
    assert inspect.act_prev_conv.shortcut() == QKeySequence("Alt+Up")
    assert inspect.act_next_conv.shortcut() == QKeySequence("Alt+Down")


def test_zoom_widens_the_layer_tree(make_main_window, qtbot):
    window = make_main_window(tabs=("inspect",), model="lenet5", seed=0)
    window.resize(1600, 1000)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: not inspect.is_busy(), timeout=30000)
    qtbot.wait(20)
    before = inspect.main_split.sizes()
    window.set_zoom(1.5)
    after = inspect.main_split.sizes()
    assert after[0] > before[0] and after[2] == before[2] and sum(after) == sum(before)
    window.set_zoom(1.0)
    assert abs(inspect.main_split.sizes()[0] - before[0]) <= 2


def test_the_status_bar_describes_the_tab_in_front(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("inspect", "train", "playground"), model="lenet5", seed=0)
    inspect = window.tab_widgets["inspect"]
    qtbot.waitUntil(lambda: inspect.controller.forward is not None and not inspect.is_busy(), timeout=30000)
    assert "lenet5" in window.status_model.text()
    train = window.tab_widgets["train"]
    train.model.setCurrentIndex(train.model.findData("vgg_small"))
    window.show_tab("train")
    text = window.status_model.text()
    assert "vgg_small" in text and train.dataset.currentText() in text and "lenet5" not in text
    assert "  cpu  " in text  # spelled as on the other tabs
    train.model.setCurrentIndex(train.model.findData("lenet5"))
    assert "lenet5" in window.status_model.text(), "a change on the tab in front updates the bar"
    window.show_tab("playground")
    play = window.tab_widgets["playground"]
    text = window.status_model.text()
    assert play.surface.spec.title_en in text and f"{len(play.racers.enabled_names())} optimizers" in text
    window.show_tab("inspect")
    assert "lenet5" in window.status_model.text() and "optimizers" not in window.status_model.text()
    assert "  cpu  " in window.status_model.text()


def test_only_the_offscreen_platforms_known_noise_is_dropped(qapp) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from cnnviz.gui.qt_messages import OFFSCREEN_NOISE, quiet_offscreen_noise

    seen: list[str] = []
    previous = qInstallMessageHandler(lambda mode, context, message: seen.append(message))
    try:
        assert quiet_offscreen_noise()  # the tests run on the offscreen platform
        for noise in OFFSCREEN_NOISE:
            qWarning(noise)
        qWarning("QPainter::begin: Paint device returned engine == 0")
    finally:
        qInstallMessageHandler(previous)
    assert seen == ["QPainter::begin: Paint device returned engine == 0"]
