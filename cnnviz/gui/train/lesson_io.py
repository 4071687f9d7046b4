"""How the Train tab writes its part of a lesson and its settings, and reads them back into its widgets.

The data and its checks live in :mod:`.lesson_state`; these functions move
it between that data and the tab's parts (setup form, run list, plot
toolbar, controller).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings

from cnnviz.core.errors import CnnvizError
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.training.config import TrainSetup
from cnnviz.gui.train.lesson_state import (
    LESSON_FORMAT,
    read_lesson_state,
    read_settings,
    session_state,
    write_settings,
)

if TYPE_CHECKING:
    from cnnviz.gui.train.tab import TrainTab


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


def capture(tab: TrainTab, attachments: Attachments | None = None) -> dict[str, Any]:
    """Everything a lesson file needs to bring the tab back (JSON-serialisable).

    The shared setup and the runs as the controls show them, the plot options,
    the snapshot choice, and the last training session: its setup, runs and
    every recorded metric (so the curves come back), plus each run's weights and
    optimizer state and the weight snapshots as attachments when they are small
    enough (so training can continue and Inspect can replay it). While training
    runs, the session is saved without weights.
    """
    try:
        setup = tab.setup_from_controls().to_dict()
    except CnnvizError:
        setup = (tab.trainer.setup if tab.trainer else TrainSetup()).to_dict()
    every = tab.setup_form.snapshots_every()
    runs = tab.runs_panel
    state: dict[str, Any] = {
        "format": LESSON_FORMAT,
        "preset": tab.lesson_bar.preset.name if tab.lesson_bar.preset else "",
        "setup": setup,
        "runs": [r.to_dict() for r in runs.runs],
        "colors": list(runs.colors),
        "hidden": [r.name for r in runs.runs if not runs.visible(r.name)],
        "plots": tab.plot_bar.options(),
        "snapshots_every": every if every else "off",
        "session": None,
    }
    session, checkpoint = tab.controller.lesson_session()
    if session is not None:
        state["session"] = session_state(session, checkpoint, attachments)
    return state


def apply(tab: TrainTab, state: dict[str, Any], attachments: Attachments | None = None) -> None:
    """Bring back what :func:`capture` saved: settings, runs and curves, without training.

    A running training is stopped first. Start then trains again from the
    start; Continue trains the restored runs on (when their weights were saved).
    Raises ConfigError, leaving the tab as it was, if ``state`` cannot be read.
    """
    parts = read_lesson_state(state, attachments)
    tab.controller.restore(parts.session)
    tab.lesson_bar.set_preset(parts.preset)
    tab.set_setup(parts.setup)
    tab.setup_form.set_snapshots_every(parts.snapshots_every)
    tab.runs_panel.set_runs(parts.runs, parts.colors)
    tab.controller.restore(parts.session)  # again: runs differing from the session's ended it just now
    _apply_plot_options(tab, parts.plots)
    session = parts.session
    tab.show_runs(session.runs if session is not None else parts.runs)
    if session is not None:
        tab.views.pull(session.log, full=True)
        tab.runs_panel.set_statuses(session.log.statuses())
        done = session.epochs_done()
        tab.progress.setValue(int(1000 * min(1.0, sum(done.values()) / max(1, len(done) * session.setup.epochs))))
        tab.update_buttons()
        opened = tr("Lesson opened: the curves are as they were saved. Start trains again.")
        if not session.checkpoint:
            tab.status.setText(opened)
        elif tab.can_continue():
            tab.status.setText(tr("Lesson opened: the curves are as they were saved. Start trains again from the "
                                  "start; Continue trains on."))
        else:  # Continue is disabled: say why, and what to do (raise Epochs, most often)
            tab.status.setText(opened + " " + tab.continue_reason())
    else:
        tab.progress.setValue(0)
        tab.status.setText(tr("Lesson opened."))
    for name in parts.hidden:
        tab.runs_panel.set_checked(name, False)
        tab.views.set_run_visible(name, False)
    tab.update_buttons()


def _apply_plot_options(tab: TrainTab, plots: dict[str, Any]) -> None:
    bar = tab.plot_bar
    bar.smoothing.setValue(int(plots.get("smoothing", bar.smoothing.value())))
    bar.log_y.setChecked(bool(plots.get("log_y", False)))
    bar.set_x_axis(str(plots.get("x_axis", "step")))


def save_settings(tab: TrainTab, s: QSettings) -> None:
    """Remember the setup, the runs, the plot options and the snapshot choice (never curves or weights)."""
    try:
        setup = tab.setup_from_controls()
    except CnnvizError:
        return
    write_settings(s, setup, tab.runs_panel.runs, tab.lesson_bar.preset, tab.plot_bar.options(),
                   tab.setup_form.snapshots_every())
    s.setValue("train/splitter", tab.splitter.saveState())


def restore_settings(tab: TrainTab, s: QSettings) -> None:
    """Restore what :func:`save_settings` stored (ignores anything unreadable)."""
    saved = read_settings(s)
    if saved.setup is not None and saved.runs is not None:
        tab.lesson_bar.set_preset(saved.preset)
        tab.set_setup(saved.setup)
        with contextlib.suppress(CnnvizError):
            tab.runs_panel.set_runs(saved.runs)
        tab.rename_runs(tab.state.language)  # saved by a window in another language: 动量 ↔ Momentum
    tab.setup_form.set_snapshots_every(saved.snapshots_every)
    if saved.plots:
        _apply_plot_options(tab, saved.plots)
    splitter = s.value("train/splitter")
    if splitter is not None:
        tab.splitter.restoreState(splitter)
