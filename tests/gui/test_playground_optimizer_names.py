"""In Chinese the Playground names each optimizer as the Train tab names its run: 动量, not "Momentum"."""

from __future__ import annotations

from dataclasses import replace

import pytest

pytestmark = pytest.mark.gui


def test_legend_and_cards_use_the_train_tabs_names_in_chinese(make_main_window, qtbot) -> None:
    window = make_main_window(tabs=("train", "playground"), lang="zh")
    assert window.state.language == "zh"
    train, play = window.tab_widgets["train"], window.tab_widgets["playground"]
    qtbot.waitUntil(lambda: not play.controller.is_computing() and bool(play.shown), timeout=30000)

    # the Train tab's opening lesson races one run per optimizer, each named after it
    train_names = {run.optimizer: run.name for run in train.runs_panel.runs}
    assert train_names["momentum"] == "动量" and train_names["sgd"] == "SGD"
    common = sorted(set(train_names) & set(play.shown))
    assert "momentum" in common and len(common) >= 4

    legend = play.loss_panel.legend.text()
    for name in common:
        assert play.loss_panel.titles[name] == train_names[name], name
        assert train_names[name] in legend, name
        card = play.racers.cards[name]
        assert card.enabled.text() == train_names[name], name
        assert f"<b>{train_names[name]}</b>" in card.enabled.toolTip(), name
    assert "Momentum" not in legend


def test_a_language_switch_renames_the_legend(make_main_window, qtbot) -> None:
    """The legend follows a language change of the same tab (the core texts do too)."""
    window = make_main_window(tabs=("playground",))
    play = window.tab_widgets["playground"]
    qtbot.waitUntil(lambda: not play.controller.is_computing() and "momentum" in play.shown, timeout=30000)
    assert play.loss_panel.titles["momentum"] == "Momentum"
    play.state.language = "zh"
    play.state.language_changed.emit("zh")
    assert play.loss_panel.titles["momentum"] == "动量"
    assert "动量" in play.loss_panel.legend.text()


def test_runs_added_by_hand_and_the_run_form_say_momentum_in_chinese(make_main_window) -> None:
    """A run added with "Add" and the run form's optimizer list name it as the lessons do."""
    window = make_main_window(tabs=("train",), lang="zh")
    panel = window.tab_widgets["train"].runs_panel
    box = panel.form.optimizer
    items = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert items["momentum"] == "动量" and items["adam"] == "Adam"
    panel.set_runs([run for run in panel.runs if run.optimizer not in ("adam", "momentum")])
    panel.add_run()  # Adam first, then momentum: the first optimizers not used yet
    panel.add_run()
    assert [r.name for r in panel.runs[-2:]] == ["Adam", "动量"]


def test_runs_saved_by_a_chinese_window_come_back_in_english(make_main_window, tmp_path) -> None:
    """The runs a Chinese window remembered (动量, a lesson's 学习率 names) are named in English by an English one;
    a name the user typed is kept."""
    from PySide6.QtCore import QSettings

    from cnnviz.gui.train.lesson_state import write_settings

    window = make_main_window(tabs=("train",))
    tab = window.tab_widgets["train"]
    preset = tab.lesson_bar.preset
    setup, zh_runs = preset.build("zh")
    _, en_runs = preset.build("en")
    assert [r.name for r in zh_runs] != [r.name for r in en_runs]
    hand = replace(zh_runs[0], name="my own run")
    s = QSettings(str(tmp_path / "saved.ini"), QSettings.Format.IniFormat)
    write_settings(s, setup, [*zh_runs, hand], preset, tab.plot_bar.options(), tab.setup_form.snapshots_every())
    tab.restore_settings(s)
    assert [r.name for r in tab.runs_panel.runs] == [*(r.name for r in en_runs), "my own run"]
