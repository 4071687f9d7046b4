"""The Train tab: same network, same start, same batches: how do the optimizers converge?

Assembles the parts: left, the lesson, the shared setup (:mod:`.setup_form`),
the run list (:mod:`.runs_panel`) and the Start / Pause / Stop buttons
(:mod:`.controls`, always on screen); right, the plot toolbar and the views:
live curves (:mod:`.plots`), sharpness (:mod:`.sharpness_view`), the loss
landscape (:mod:`.landscape_view`) and learning-rate sweeps
(:mod:`.sweep_panel`). Training itself belongs to :class:`.controller.TrainController`;
lesson and settings data to :mod:`.lesson_state`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QVBoxLayout,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.training.config import RunConfig, TrainSetup, unique_names
from cnnviz.core.training.metrics import FINAL_STATES
from cnnviz.core.training.optimizers import list_optimizers
from cnnviz.core.training.presets import get_preset
from cnnviz.gui.i18n import error_text
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost
from cnnviz.gui.train import exports, lesson_io
from cnnviz.gui.train.controller import TrainController
from cnnviz.gui.train.controls import PlotBar, RunControls
from cnnviz.gui.train.layout import columns, setup_column, view_column
from cnnviz.gui.train.lesson_bar import LessonBar
from cnnviz.gui.train.plot_axes import plot_ink, style_plots
from cnnviz.gui.train.plot_series import restyle_series
from cnnviz.gui.train.plots import PALETTE
from cnnviz.gui.train.runs_panel import RunsPanel
from cnnviz.gui.train.setup_form import TRAIN_MODELS, SetupForm, builder_takes
from cnnviz.gui.train.views import CURVES, SHARPNESS, TrainViews

DEFAULT_PRESET = "optimizers"
DEFAULT_RUNS = ("SGD", "Momentum", "Nesterov", "Adagrad", "RMSProp", "Adam")  # every run the lesson text names

__all__ = ["TRAIN_MODELS", "TrainTab", "create_tab"]


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


class TrainTab(TabBase):
    """Compare optimizers with live loss curves."""

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__(state, host)
        self.setObjectName("train-tab")
        self.controller = TrainController(self)
        self.timer = self.controller.timer
        self._build_ui()
        self._wire()
        self.apply_preset(DEFAULT_PRESET, only=DEFAULT_RUNS)
        if self.screenshot_mode and getattr(self.options, "tab", None) == "train":
            QTimer.singleShot(0, self._screenshot_demo)

    @property
    def trainer(self) -> Any:
        """The current (or last) Trainer, None before training and after a lesson was opened."""
        return self.controller.trainer

    # ------------------------------------------------------------ building
    def _build_ui(self) -> None:
        language = self.state.language
        self.lesson_bar = LessonBar(language)
        self.setup_form = SetupForm(language)
        self.runs_panel = RunsPanel(language=language)
        self.controls = RunControls()
        self.plot_bar = PlotBar()
        c = self.controller
        self.views = TrainViews(language, lambda: (c.trainer if c.has_weights else None, c.snapshots),
                                self.setup_from_controls)
        self.plots = self.views.plots
        # the parts' widgets under the tab's own names (tests, soak and benchmarks use them)
        form, ctl, bar, les = self.setup_form, self.controls, self.plot_bar, self.lesson_bar
        self.model = form.model
        self.dataset = form.dataset
        self.folder = form.folder
        self.folder_row = form.folder_row
        self.epochs = form.epochs
        self.batch = form.batch
        self.train_limit = form.train_limit
        self.init_seed = form.init_seed
        self.data_seed = form.data_seed
        self.device = form.device
        self.start_button = ctl.start_button
        self.pause_button = ctl.pause_button
        self.stop_button = ctl.stop_button
        self.continue_button = ctl.continue_button
        self.progress = ctl.progress
        self.status = ctl.status
        self.smoothing = bar.smoothing
        self.smoothing_label = bar.smoothing_label
        self.x_axis = bar.x_axis
        self.log_y = bar.log_y
        self.export_csv_button = bar.export_csv_button
        self.export_png_button = bar.export_png_button
        self.export_weights_button = bar.export_weights_button
        self.inspect_button = bar.inspect_button
        self.lesson_button = les.lesson_button
        self.lesson_title = les.lesson_title
        self.lesson_text = les.lesson_text
        left, self.setup_scroll = setup_column(self.lesson_bar, self.setup_form, self.runs_panel, self.controls)
        self.splitter = columns(left, view_column(self.plot_bar, self.views))
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.splitter)
        self.update_buttons()
        style_plots(self)  # the theme's colours (legends are added after the plots are made)

    def _follow_theme(self) -> None:
        """Plots, run colours and messages take the theme's colours."""
        self.runs_panel.refresh_colors()
        style_plots(self)
        ink = plot_ink()
        self.plots.placeholder.setColor(ink.text)
        self.views.sharpness.restyle()
        self.views.sweep.live.hint.setColor(ink.text)
        for series in self.plots.series.values():
            restyle_series(series, ink.background)

    def _wire(self) -> None:
        c = self.controller
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.continue_button.clicked.connect(self.continue_training)
        c.sig_tick.connect(self.refresh)
        c.sig_progress.connect(self._on_progress)
        c.sig_failed.connect(lambda message: self.state.show_error(tr("Training failed"), message))
        c.sig_ended.connect(self._on_ended)
        c.sig_launched.connect(self._on_launched)
        bar = self.plot_bar
        bar.x_axis.currentIndexChanged.connect(lambda _i: self.plots.set_x_axis(bar.x_axis.currentData()))
        bar.smoothing.valueChanged.connect(lambda v: self.plots.set_smoothing(v / 100))
        bar.log_y.toggled.connect(self.plots.set_log_y)
        bar.clip_diverged.toggled.connect(self.plots.set_clip_diverged)
        bar.export_csv_button.clicked.connect(lambda: self.export_csv())
        bar.export_png_button.clicked.connect(lambda: self.export_png())
        bar.export_weights_button.clicked.connect(lambda: self.export_weights())
        bar.inspect_button.clicked.connect(self.open_in_inspect)
        self.state.open_run_in_inspect.connect(self._open_run_in_inspect)
        form = self.setup_form
        form.sig_epochs_changed.connect(lambda _v: self.update_buttons())
        for box in (form.batch, form.train_limit, form.init_seed, form.data_seed, form.sharpness_every):
            box.valueChanged.connect(lambda _v: self.update_buttons())  # Continue: still the setup that trained?
        form.folder.textChanged.connect(lambda _t: self.update_buttons())
        form.sig_changed.connect(self.update_buttons)
        form.sig_changed.connect(self.state.status_info_changed.emit)
        form.sig_model_changed.connect(self._model_changed)
        self.runs_panel.sig_runs_changed.connect(self._runs_changed)
        self.runs_panel.form.sig_validity.connect(lambda _ok: self.update_buttons())
        self.runs_panel.sig_visibility_changed.connect(self.views.set_run_visible)
        self.views.sharpness.sig_open_playground.connect(lambda: self.state.open_tab.emit("playground"))
        self.views.sweep.sig_state_changed.connect(self.update_buttons)
        self.views.currentChanged.connect(lambda _i: self.plot_bar.set_curve_options_visible(
            self.views.current_page() == CURVES))
        self.plots.sig_visibility_changed.connect(self.runs_panel.set_checked)
        self.state.language_changed.connect(self._language_changed)
        self.state.theme_changed.connect(lambda _t: self._follow_theme())
        self.lesson_bar.sig_chosen.connect(self.apply_preset)
        self._shortcuts()
        self._model_changed(form.model.currentData())

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("Ctrl+Return", self.start), ("Ctrl+Enter", self.start), ("Ctrl+P", self.toggle_pause),
                           ("Esc", self.stop), ("Ctrl+N", self.runs_panel.add_run),
                           ("Ctrl+D", self.runs_panel.duplicate_run), ("Ctrl+L", self.log_y.toggle),
                           ("Ctrl+Shift+Return", self.continue_training),
                           ("Ctrl+Shift+Enter", self.continue_training)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(ctx)
            sc.activated.connect(slot)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.runs_panel.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.runs_panel.remove_run)

    # ------------------------------------------------------------ setup and lessons
    def setup_from_controls(self) -> TrainSetup:
        """The shared setup the controls describe (validated)."""
        return self.setup_form.setup()

    def set_setup(self, setup: TrainSetup) -> None:
        """Show ``setup`` in the controls."""
        self.setup_form.set_setup(setup)

    def apply_preset(self, name: str, only: tuple[str, ...] | None = None) -> None:
        """Load a lesson: its setup, its runs and its explanation."""
        if self.is_running():
            self.state.show_status(tr("Stop the training before loading a lesson."), 4000)
            return
        preset = get_preset(name)
        setup, english = preset.build()
        _, runs = preset.build(self.state.language)  # the same runs, named in the interface language
        if only and any(r.name in only for r in english):  # ``only`` uses the English names
            runs = [r for r, en in zip(runs, english, strict=True) if en.name in only]
        self.lesson_bar.set_preset(preset)
        self.set_setup(setup)
        self.runs_panel.set_runs(runs)
        self.end_session()  # the last lesson's runs: Continue must not train them on under this one
        self.set_x_axis(preset.x_axis)
        if setup.sharpness_every:  # the edge-of-stability lesson is about this plot
            self.views.show_page(SHARPNESS)

    def set_x_axis(self, axis: str) -> None:
        """Count the plots' x axis in ``step``, ``epoch`` or ``samples``."""
        self.plot_bar.set_x_axis(axis)

    def _language_changed(self, language: str) -> None:
        """Lesson text in the new language, and its runs renamed too while nothing has trained yet."""
        self.rename_runs(language)
        self.lesson_bar.set_language(language)

    def rename_runs(self, language: str) -> None:
        """Name the runs in ``language`` where their name is a lesson's or an optimizer's (动量 ↔ Momentum).

        Runs that have curves (trained here, or a lesson's restored session) keep their names:
        renaming them would clear the plots. A name the user typed is kept too.
        """
        if self.trainer is not None or self.controller.session is not None or self.is_running():
            return
        by_name: dict[str, str] = {}
        for spec in list_optimizers():  # a run added with "Add" is named after its optimizer
            by_name.update({spec.display_label(other): spec.display_label(language) for other in ("en", "zh")})
        p = self.lesson_bar.preset
        if p is not None:
            (_, en), (_, zh) = p.build("en"), p.build("zh")
            target = zh if language == "zh" else en
            by_name.update({r.name: t.name for names in (en, zh) for r, t in zip(names, target, strict=True)})
        runs = self.runs_panel.runs
        renamed = [replace(r, name=by_name.get(r.name, r.name)) for r in runs]
        if [r.name for r in renamed] != [r.name for r in runs] and len({r.name for r in renamed}) == len(renamed):
            self.runs_panel.set_runs(renamed, colors=self.runs_panel.colors)

    def _model_changed(self, model: str) -> None:
        self.runs_panel.form.set_model_switches(builder_takes(model, "batch_norm"), builder_takes(model, "dropout"))

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the model every run trains, its data and device (and that device)."""
        return self.setup_form.status_parts()

    def _runs_changed(self) -> None:
        if not self.controller.is_running():
            if self._session_runs_differ():
                self.end_session()  # Continue would train the old runs, whose curves are now gone
            self.show_runs(self.runs_panel.runs)
        self.update_buttons()

    def _session_runs_differ(self) -> bool:
        """True when the run list no longer describes the runs of the trained (or restored) session."""
        s = self.controller.session
        if s is None:
            return False
        try:
            runs = unique_names([r.validated() for r in self.runs_panel.runs])
        except CnnvizError:
            return True
        return runs != list(s.runs)

    def end_session(self) -> None:
        """Forget the trained (or restored) session: Continue, the exports and Inspect no longer use it."""
        if self.is_running():
            return
        self.controller.restore(None)
        self.runs_panel.set_statuses({})
        self.status.setText("")
        self.progress.setValue(0)
        self.update_buttons()

    # ------------------------------------------------------------ training
    def is_running(self) -> bool:
        """True while training (until its end has been shown) or a sweep runs."""
        return self.controller.is_running() or self.views.sweep.is_running()

    def is_busy(self) -> bool:
        """Screenshot mode waits while training runs."""
        return self.is_running() or self.views.is_busy()

    def start(self) -> None:
        """Train every run from the same initial weights, in a worker thread."""
        if self.is_running():
            return
        if not self.runs_panel.is_valid():
            self.status.setText(tr("Fix the run settings marked in red first."))
            return
        try:
            trainer = self.controller.start(self.setup_from_controls(), list(self.runs_panel.runs),
                                            self.setup_form.snapshots_every())
        except CnnvizError as exc:
            self.state.show_error(tr("Cannot start training"), error_text(exc))
            return
        self.show_runs(trainer.configs)
        self.runs_panel.set_statuses({})
        self.progress.setValue(0)

    def show_runs(self, runs: list[RunConfig]) -> None:
        """Empty plot series for ``runs`` in their table colours."""
        colors = dict(zip([r.name for r in self.runs_panel.runs], self.runs_panel.colors, strict=True))
        self.views.set_runs([(r.name, colors.get(r.name, PALETTE[i % len(PALETTE)])) for i, r in enumerate(runs)])
        for r in runs:
            self.views.set_run_visible(r.name, self.runs_panel.visible(r.name))

    def can_continue(self) -> bool:
        """True when the last (or restored) training has runs that can train on to the set epochs."""
        return self._continue_blocker()[0] == ""

    def _continue_blocker(self) -> tuple[str, int]:
        """The controller's reason (see :meth:`.TrainController.continue_blocker`), or ``changed``
        when the setup shown is no longer the one the runs trained with (Continue would train on
        with the old one)."""
        code, done = self.controller.continue_blocker(self.epochs.value())
        if code in ("", "done", "all_stopped") and self._setup_differs_from_trained():
            return ("changed", 0)
        return code, done

    def _setup_differs_from_trained(self) -> bool:
        """True when the controls describe another setup than the session's (its epochs and device aside)."""
        s = self.controller.session
        if s is None:
            return False
        try:
            now = self.setup_from_controls()
        except CnnvizError:
            return True
        return replace(now, epochs=s.setup.epochs, device=s.setup.device) != s.setup

    def continue_reason(self) -> str:
        """Why Continue is disabled now and what to do about it ('' when it can train on)."""
        if self.views.sweep.is_running():
            return tr("A sweep is running: Continue waits until it ends or is stopped.")
        code, done = self._continue_blocker()
        return {
            "": "",
            "changed": tr("The setup changed since these runs trained: set it back, or press Start to train "
                          "again."),
            "running": tr("Training is running: Continue trains on after it stopped or ended."),
            "untrained": tr("Nothing to continue yet: press Start to train the runs first."),
            "no_weights": tr("This lesson was saved without the runs' weights: press Start to train again."),
            "all_stopped": tr("Every run diverged or failed: press Start to train again from the start."),
            "done": (tr("The 1 epoch is done: raise Epochs above 1 to continue training.") if done == 1 else
                     tr("All {0} epochs are done: raise Epochs above {0} to continue training.").format(done)),
        }[code]

    def continue_training(self) -> None:
        """Train the last (or restored) runs on from where they ended, up to the epochs set now."""
        if self.is_running():
            return
        if not self.can_continue():
            self.status.setText(self.continue_reason())
            return
        try:
            self.controller.continue_training(self.epochs.value(), self.device.currentData())
        except CnnvizError as exc:
            self.state.show_error(tr("Cannot continue training"), error_text(exc))

    def toggle_pause(self) -> None:
        """Pause every run, or resume them."""
        if not self.is_running():
            return
        paused = self.controller.toggle_pause()
        self.status.setText(tr("Paused: press Ctrl+P or Resume to continue.") if paused else tr("Resumed."))
        self.refresh()
        self.update_buttons()

    def stop(self) -> None:
        """Stop every run after its current step (returns at once; the worker ends within a step), or the sweep."""
        if self.controller.stop():
            self.status.setText(tr("Stopping…"))
        else:
            self.views.sweep.stop()

    def refresh(self) -> None:
        """Timer tick: copy new metrics into the plots and the run table (bounded cost)."""
        log = self.controller.log
        if log is None:
            return
        self.views.pull(log)
        self.runs_panel.set_statuses(self.controller.statuses())
        self.update_buttons()

    def _on_launched(self) -> None:
        self.status.setText(tr("Preparing data and models…"))
        self.update_buttons()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if not self.controller.paused:
            self.status.setText(message)

    def _on_ended(self) -> None:
        """The worker ended: show the final state."""
        self.refresh()
        self.runs_panel.set_locked(False)
        if self.trainer is not None:
            self._show_outcome()
        self.update_buttons()

    def _show_outcome(self) -> None:
        """Status line and progress bar for a trainer whose work is over."""
        t = self.trainer
        counts: dict[str, int] = {}
        for status, _ in t.log.statuses().values():
            counts[status] = counts.get(status, 0) + 1
        text = ", ".join(tr("{count} {status}").format(count=n, status=tr(s))
                         for s, n in counts.items() if s in FINAL_STATES)
        self.status.setText(tr("Done: {0}.").format(text) if text else tr("Stopped."))
        self.progress.setValue(int(t.fraction_done() * 1000))

    def handover(self) -> dict[str, Any]:
        """What a rebuilt Train tab needs besides its lesson state: the trainer (models, optimizers)."""
        return {"trainer": self.trainer, "snapshots": self.controller.recorder}

    def take_over(self, live: Any) -> None:
        """Adopt the previous tab's trainer (a language switch): its runs can be saved, opened in
        Inspect and continued as before. Without one, a lesson's runs are renamed in the new language."""
        t = live.get("trainer") if isinstance(live, dict) else None
        if t is None or not self.controller.adopt(t, live.get("snapshots")):
            self._language_changed(self.state.language)
            return
        self.views.pull(t.log, full=True)
        self.runs_panel.set_statuses(t.log.statuses())
        self._show_outcome()
        self.update_buttons()

    def update_buttons(self) -> None:
        """Enable what can be done now (a sweep and a training never run at once: they share the cores)."""
        training, running = self.controller.is_running(), self.is_running()
        self.runs_panel.set_locked(training)
        self.start_button.setEnabled(not running and self.runs_panel.is_valid())
        can_continue = not running and self.can_continue()
        self.continue_button.setEnabled(can_continue)
        self.continue_button.setToolTip(self.controls.continue_tip if can_continue else self.continue_reason())
        self.pause_button.setEnabled(training)
        self.pause_button.setText(tr("Resume") if self.controller.paused else tr("Pause"))
        self.stop_button.setEnabled(training)
        has = self.controller.has_weights or self.controller.can_rebuild_weights  # a reopened lesson's runs too
        for b in (self.export_weights_button, self.inspect_button):
            b.setEnabled(has)
        self.export_csv_button.setEnabled(self.controller.log is not None)  # also while training: kept up to date
        self.setup_form.set_running(running)
        self.views.set_training(training)
        self.lesson_button.setEnabled(not running)

    # ------------------------------------------------------------ exports
    def export_csv(self, path: str | None = None) -> str | None:
        """Write the metrics as CSV now (and keep it updated while training)."""
        return exports.export_csv(self, path)

    def export_png(self, path: str | None = None) -> str | None:
        """Save the plots as a PNG image."""
        return exports.export_png(self, path)

    def export_weights(self, folder: str | None = None) -> list[str]:
        """Save each run's weights as ``<run>.pt`` state_dict files in a folder (the paths written).

        For a reopened lesson the weights are first rebuilt from its checkpoint in a worker;
        the files are written after that (and nothing is returned here).
        """
        if self.trainer is None and self._rebuild_then(lambda: exports.export_weights(self, folder)):
            return []
        return exports.export_weights(self, folder)

    def open_in_inspect(self) -> None:
        """Send the selected run's trained model, its classes, data and snapshots to the Inspect tab."""
        name = self.runs_panel.selected_name()
        if self.trainer is None and name is not None and self._rebuild_then(self.open_in_inspect):
            return  # a reopened lesson: its weights come back from the checkpoint first
        if self.trainer is None or name is None or name not in [c.name for c in self.trainer.configs]:
            self.state.show_status(tr("Select a trained run first."), 4000)
            return
        try:
            request = self.controller.model_request(name)
        except CnnvizError as exc:
            self.state.show_error(tr("Cannot open in Inspect"), error_text(exc))
            return
        self.state.open_in_inspect.emit(request)
        self.state.open_tab.emit("inspect")

    def _open_run_in_inspect(self, run: str) -> None:
        """Inspect asks for run ``run`` with its time-lapse: select it, then what Open in Inspect does."""
        names = [r.name for r in self.runs_panel.runs]
        if run not in names:  # renamed, removed or another lesson: never open whichever run is selected
            self.state.show_status(tr("The Train tab has no run {0} now.").format(run), 6000)
            return
        self.runs_panel.table.selectRow(names.index(run))
        self.open_in_inspect()

    def _rebuild_then(self, action: Callable[[], object]) -> bool:
        """Rebuild a reopened lesson's trained models from its checkpoint, then run ``action``; False if it cannot."""
        if not self.controller.can_rebuild_weights:
            return False

        def failed(message: str) -> None:
            self.state.show_error(tr("Cannot rebuild the trained weights"), message)
            self.update_buttons()

        def done() -> None:
            self.state.show_status(tr("Trained weights rebuilt from the lesson."), 4000)
            self.update_buttons()
            action()

        job = self.controller.rebuild_trainer(done, failed)
        if job is None:
            return False
        self.state.show_status(tr("Rebuilding the trained weights from the lesson…"))
        for b in (self.export_weights_button, self.inspect_button):
            b.setEnabled(False)
        return True

    # ------------------------------------------------------------ lessons and settings
    def lesson_state(self, attachments: Attachments | None = None) -> dict[str, Any]:
        """Everything a lesson file needs to bring this tab back (see :func:`.lesson_io.capture`)."""
        return lesson_io.capture(self, attachments)

    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments | None = None) -> None:
        """Bring back what :meth:`lesson_state` saved, without training (see :func:`.lesson_io.apply`).

        Raises ConfigError, leaving the tab as it was, if ``state`` cannot be read.
        """
        lesson_io.apply(self, state, attachments)

    def save_settings(self, s: QSettings) -> None:
        """Remember the setup, the runs and the plot options (settings only: never curves or weights)."""
        lesson_io.save_settings(self, s)

    def restore_settings(self, s: QSettings) -> None:
        """Restore what :meth:`save_settings` stored (ignores anything unreadable)."""
        lesson_io.restore_settings(self, s)

    # ------------------------------------------------------------ life cycle
    def _screenshot_demo(self) -> None:
        """In screenshot mode the tab trains its default lesson briefly so the picture shows curves."""
        self.train_limit.setValue(640)
        self.epochs.setValue(2)
        self.start()

    def shutdown(self) -> None:
        """Window closing: stop the worker and wait for it (at most 2 s)."""
        self.views.shutdown()
        self.controller.shutdown()


def create_tab(state: AppState, host: TabHost) -> TabBase:
    """The Train tab (see the module docstring)."""
    return TrainTab(state, host)

