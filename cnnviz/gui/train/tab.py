"""The Train tab: same network, same start, same batches: how do the optimizers converge?

Left: the shared setup (model, data, epochs, seeds), lessons, the run list
and its form, start / pause / stop. Right: live plots. Training runs in a
worker thread through the same :class:`~cnnviz.core.training.engine.Trainer`
as ``cnnviz train``; a 10 Hz timer copies what the engine logged into the
plots, so the GUI thread never waits on torch.
"""

from __future__ import annotations

import base64
import inspect
import json
import time
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError, ConfigError
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.models._api import trainable_models
from cnnviz.core.session import ModelRequest, trained_label
from cnnviz.core.training.config import RunConfig, TrainSetup
from cnnviz.core.training.datasets import DatasetBundle, list_datasets
from cnnviz.core.training.engine import Trainer
from cnnviz.core.training.metrics import (
    DIVERGED,
    FAILED,
    FINAL_STATES,
    MetricsLog,
    write_metrics_csv,
)
from cnnviz.core.training.presets import Preset, get_preset, list_presets
from cnnviz.gui.i18n import error_text
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost
from cnnviz.gui.train.plots import PALETTE, X_AXES, TrainPlots
from cnnviz.gui.train.runs_panel import RunsPanel
from cnnviz.gui.workers import Job, run_in_thread

DEFAULT_PRESET = "optimizers"
DEFAULT_RUNS = ("SGD", "Momentum", "Nesterov", "Adagrad", "RMSProp", "Adam")  # every run the lesson text names
#: The models the Train tab offers: those registered with ``trainable=True`` (see core.models).
TRAIN_MODELS = tuple(spec.name for spec in trainable_models())
LESSON_FORMAT = 1
#: Lessons carry each run's weights and optimizer state (so training can continue) up to this size;
#: bigger models (ResNet-18: ~130 MB a run) keep only their curves and settings.
MAX_CHECKPOINT_BYTES = 24 * 2**20
#: A lesson with more runs than this is refused (the run table and the plots are made for a handful).
MAX_RUNS = 32


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


def _preset_title(preset: Preset, language: str) -> str:
    """The lesson's title in the interface language."""
    return preset.title_zh or preset.title if language == "zh" else preset.title


def _checkpoint_bytes(ref: object, attachments: Attachments | None) -> bytes | None:
    """A lesson's training checkpoint: an attachment (format 2) or base64 text (format 1)."""
    if not ref:
        return None
    item = attachments.get(ref, "checkpoint") if attachments is not None else None
    if item is not None:
        return item.data
    if isinstance(ref, str) and len(ref) != 64:
        return base64.b64decode(ref, validate=True)
    raise ConfigError("its training checkpoint is missing from the file")


def _builder_takes(model: str, name: str) -> bool:
    from cnnviz.core.models import get_spec

    try:
        return name in inspect.signature(get_spec(model).builder).parameters
    except Exception:
        return False


def _train_job(progress: Any, cancel: Any, trainer: Trainer) -> dict[str, str]:
    """Runs on the worker thread."""
    return trainer.run(progress=progress, cancel=cancel)


@dataclass
class _Session:
    """What was trained: enough to show its curves and to continue it later."""

    setup: TrainSetup
    runs: list[RunConfig]
    log: MetricsLog
    checkpoint: bytes | None = None  # None: not saved (too big) or not taken yet
    data: DatasetBundle | None = None  # kept so that continuing needs no reload

    def epochs_done(self) -> dict[str, int]:
        """Completed epochs per run (from the validation records)."""
        out = {}
        for r in self.runs:
            epochs = self.log.snapshot(r.name).val["epoch"]
            out[r.name] = int(epochs.max()) if epochs.size else 0
        return out


class TrainTab(TabBase):
    """Compare optimizers with live loss curves."""

    REFRESH_MS = 100

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__(state, host)
        self.setObjectName("train-tab")
        self.trainer: Trainer | None = None
        self.job: Job | None = None
        self._preset: Preset | None = None
        self._session: _Session | None = None  # restored from a lesson, or the last finished training
        self._done_seen = True  # the current job's end was handled by _on_done
        self._last_tick_cost = 0.0
        self._build_ui()
        self._wire()
        self.apply_preset(DEFAULT_PRESET, only=DEFAULT_RUNS)
        if self.screenshot_mode and getattr(self.options, "tab", None) == "train":
            QTimer.singleShot(0, self._screenshot_demo)

    # ------------------------------------------------------------ building
    def _build_ui(self) -> None:
        # Setup
        self.model = QComboBox()
        for name in TRAIN_MODELS:
            self.model.addItem(name, name)
        self.model.setToolTip(tr("The network every run trains (built once from the init seed)."))
        zh = self.state.language == "zh"
        self.dataset = QComboBox()
        for info in list_datasets():
            self.dataset.addItem(info.label_zh or info.label if zh else info.label, info.name)
            self.dataset.setItemData(self.dataset.count() - 1, info.description_zh if zh else info.description_en,
                                     Qt.ItemDataRole.ToolTipRole)
        self.dataset.setToolTip(tr("The images to learn. Shapes is built in and needs no download."))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(tr("image folder (one sub-folder per class)"))
        self.folder_button = QPushButton(tr("Browse…"))
        self.folder_row = QWidget()
        fr = QHBoxLayout(self.folder_row)
        fr.setContentsMargins(0, 0, 0, 0)
        fr.addWidget(self.folder, 1)
        fr.addWidget(self.folder_button)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1000)
        self.epochs.setToolTip(tr("Passes over the training set, for every run."))
        self.batch = QSpinBox()
        self.batch.setRange(1, 65536)
        self.batch.setToolTip(tr("Images per step for runs that do not set their own batch size."))
        self.train_limit = QSpinBox()
        self.train_limit.setRange(0, 10_000_000)
        self.train_limit.setSingleStep(100)
        self.train_limit.setSpecialValueText(tr("all"))
        self.train_limit.setToolTip(tr("Use only the first N training images (small sets overfit: see the "
                                       "dropout lesson). 0 uses all."))
        self.init_seed = QSpinBox()
        self.init_seed.setRange(0, 2**31 - 1)
        self.init_seed.setToolTip(tr("Seed of the initial weights: every run starts from these same weights."))
        self.data_seed = QSpinBox()
        self.data_seed.setRange(0, 2**31 - 1)
        self.data_seed.setToolTip(tr("Seed of the data and of the batch order: every run sees the same batches."))
        self.device = QComboBox()
        self.device.addItem(tr("CPU"), "cpu")
        try:
            import torch

            if torch.cuda.is_available():
                self.device.addItem(f"CUDA ({torch.cuda.get_device_name(0)})", "cuda")
        except Exception:
            pass
        self.device.setToolTip(tr("Where the runs train."))
        seeds = QHBoxLayout()
        seeds.addWidget(QLabel(tr("weights")))
        seeds.addWidget(self.init_seed, 1)
        seeds.addWidget(QLabel(tr("data")))
        seeds.addWidget(self.data_seed, 1)
        eb = QHBoxLayout()
        eb.addWidget(self.epochs, 1)
        eb.addWidget(QLabel(tr("batch")))
        eb.addWidget(self.batch, 1)
        setup_form = QFormLayout()
        setup_form.addRow(tr("Model"), self.model)
        setup_form.addRow(tr("Data"), self.dataset)
        setup_form.addRow("", self.folder_row)
        setup_form.addRow(tr("Epochs"), eb)
        setup_form.addRow(tr("Train images"), self.train_limit)
        setup_form.addRow(tr("Seeds"), seeds)
        setup_form.addRow(tr("Device"), self.device)
        setup_group = QGroupBox(tr("Setup shared by every run"))
        setup_group.setLayout(setup_form)

        # Lessons
        self.lesson_button = QToolButton()
        self.lesson_button.setText(tr("Lessons"))
        self.lesson_button.setToolTip(tr("Ready-made comparisons from the notes."))
        self.lesson_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.lesson_button)
        for preset in list_presets():
            act = QAction(_preset_title(preset, self.state.language), menu)
            act.setToolTip(preset.lesson_zh if zh else preset.lesson_en)
            act.triggered.connect(lambda _=False, n=preset.name: self.apply_preset(n))
            menu.addAction(act)
        self.lesson_button.setMenu(menu)
        self.lesson_title = QLabel("")
        self.lesson_title.setStyleSheet("font-weight: bold;")
        self.lesson_text = QLabel("")
        self.lesson_text.setObjectName("lesson-text")
        self.lesson_text.setWordWrap(True)  # in the palette's text colour: a fixed grey fades on the dark theme
        lesson_row = QHBoxLayout()
        lesson_row.addWidget(self.lesson_button)
        lesson_row.addWidget(self.lesson_title, 1)

        # Runs
        self.runs_panel = RunsPanel(language=self.state.language)
        runs_group = QGroupBox(tr("Runs"))
        rl = QVBoxLayout(runs_group)
        rl.addWidget(self.runs_panel)

        # Controls
        self.start_button = QPushButton(tr("Start"))
        self.start_button.setToolTip(tr("Train every run from the same initial weights (Ctrl+Enter)."))
        self.pause_button = QPushButton(tr("Pause"))
        self.pause_button.setToolTip(tr("Pause or resume every run (Ctrl+P)."))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop every run; what was logged stays (Esc)."))
        self.continue_button = QPushButton(tr("Continue"))
        self.continue_button.setToolTip(tr("Train the stopped runs on from where they ended, up to the number "
                                           "of epochs set above; the curves go on (Ctrl+Shift+Enter)."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.status = QLabel(tr("Ready."))
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        for b in (self.start_button, self.continue_button, self.pause_button, self.stop_button):
            controls.addWidget(b)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addLayout(lesson_row)
        ll.addWidget(self.lesson_text)
        ll.addWidget(setup_group)
        ll.addWidget(runs_group, 1)
        ll.addLayout(controls)
        ll.addWidget(self.progress)
        ll.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(max(420, left.minimumSizeHint().width() + 24))

        # Plot toolbar
        self.smoothing = QSlider(Qt.Orientation.Horizontal)
        self.smoothing.setRange(0, 99)
        self.smoothing.setValue(90)
        self.smoothing.setFixedWidth(140)
        self.smoothing.setToolTip(tr("Weight of the exponential moving average drawn over the faint raw loss."))
        self.smoothing_label = QLabel("0.90")
        self.x_axis = QComboBox()
        for key, label in zip(X_AXES, (tr("step"), tr("epoch"), tr("images seen")), strict=True):
            self.x_axis.addItem(label, key)
        self.x_axis.setToolTip(tr("Count the x axis in optimizer steps, epochs or training images seen. Runs "
                                  "with different batch sizes take different numbers of steps per epoch: "
                                  "compare them per epoch or per image."))
        self.log_y = QCheckBox(tr("Log y"))
        self.log_y.setToolTip(tr("Logarithmic loss axes (Ctrl+L): small differences late in training show."))
        self.export_csv_button = QPushButton(tr("Export CSV…"))
        self.export_csv_button.setToolTip(tr("Save every run's metrics as a long-form CSV (kept up to date "
                                             "while training)."))
        self.export_png_button = QPushButton(tr("Save plot…"))
        self.export_png_button.setToolTip(tr("Save the plots as a PNG image."))
        self.export_weights_button = QPushButton(tr("Save weights…"))
        self.export_weights_button.setToolTip(tr("Save each run's trained weights as a state_dict file (.pt)."))
        self.inspect_button = QPushButton(tr("Open in Inspect"))
        self.inspect_button.setToolTip(tr("Look inside the selected run's trained network in the Inspect tab."))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Smoothing")))
        bar.addWidget(self.smoothing)
        bar.addWidget(self.smoothing_label)
        bar.addSpacing(12)
        bar.addWidget(QLabel(tr("X axis")))
        bar.addWidget(self.x_axis)
        bar.addSpacing(12)
        bar.addWidget(self.log_y)
        bar.addStretch(1)
        # Exports on a second row so the tab fits a 1280-pixel projector.
        exports = QHBoxLayout()
        exports.addStretch(1)
        for b in (self.export_csv_button, self.export_png_button, self.export_weights_button, self.inspect_button):
            exports.addWidget(b)
        self.plots = TrainPlots()
        right = QWidget()
        rl2 = QVBoxLayout(right)
        rl2.setContentsMargins(4, 4, 4, 4)
        rl2.addLayout(bar)
        rl2.addLayout(exports)
        rl2.addWidget(self.plots, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 1100])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.splitter)

        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self._update_buttons()

    def _wire(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.continue_button.clicked.connect(self.continue_training)
        self.x_axis.currentIndexChanged.connect(lambda _i: self.plots.set_x_axis(self.x_axis.currentData()))
        self.epochs.valueChanged.connect(lambda _v: self._update_buttons())
        self.timer.timeout.connect(self.refresh)
        self.smoothing.valueChanged.connect(self._smoothing_changed)
        self.log_y.toggled.connect(self.plots.set_log_y)
        self.export_csv_button.clicked.connect(self.export_csv)
        self.export_png_button.clicked.connect(self.export_png)
        self.export_weights_button.clicked.connect(self.export_weights)
        self.inspect_button.clicked.connect(self.open_in_inspect)
        self.dataset.currentIndexChanged.connect(self._dataset_changed)
        self.model.currentIndexChanged.connect(self._model_changed)
        self.device.currentIndexChanged.connect(lambda _i: self.state.status_info_changed.emit())
        self.folder_button.clicked.connect(self._browse_folder)
        self.runs_panel.sig_runs_changed.connect(self._runs_changed)
        self.runs_panel.form.sig_validity.connect(lambda _ok: self._update_buttons())
        self.runs_panel.sig_visibility_changed.connect(self.plots.set_run_visible)
        self.plots.sig_visibility_changed.connect(self.runs_panel.set_checked)
        self.state.language_changed.connect(self._language_changed)
        self.state.theme_changed.connect(lambda _t: self.runs_panel.refresh_colors())
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
        self._dataset_changed()
        self._model_changed()

    # ------------------------------------------------------------ setup
    def setup_from_controls(self) -> TrainSetup:
        """The shared setup the controls describe (validated)."""
        return TrainSetup(
            model=self.model.currentData(), dataset=self.dataset.currentData(),
            dataset_path=self.folder.text().strip() or None, epochs=self.epochs.value(),
            batch_size=self.batch.value(), train_limit=self.train_limit.value() or None,
            init_seed=self.init_seed.value(), data_seed=self.data_seed.value(),
            device=self.device.currentData(),
        ).validated()

    def set_setup(self, setup: TrainSetup) -> None:
        """Show ``setup`` in the controls."""
        i = self.model.findData(setup.model)
        if i < 0:
            self.model.addItem(setup.model, setup.model)
            i = self.model.count() - 1
        self.model.setCurrentIndex(i)
        self.dataset.setCurrentIndex(max(0, self.dataset.findData(setup.dataset)))
        self.folder.setText(setup.dataset_path or "")
        self.epochs.setValue(setup.epochs)
        self.batch.setValue(setup.batch_size)
        self.train_limit.setValue(setup.train_limit or 0)
        self.init_seed.setValue(setup.init_seed)
        self.data_seed.setValue(setup.data_seed)

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
        self._preset = preset
        self.set_setup(setup)
        self.runs_panel.set_runs(runs)
        self._show_lesson()
        self.set_x_axis(preset.x_axis)

    def set_x_axis(self, axis: str) -> None:
        """Count the plots' x axis in ``step``, ``epoch`` or ``samples``."""
        i = self.x_axis.findData(axis)
        if i >= 0:
            self.x_axis.setCurrentIndex(i)

    def _language_changed(self, language: str) -> None:
        """Lesson text in the new language, and its runs renamed too while nothing has trained yet."""
        p = self._preset
        if p is not None and self.trainer is None and not self.is_running():
            (_, en), (_, zh) = p.build("en"), p.build("zh")
            target = zh if language == "zh" else en
            by_name = {r.name: t.name for names in (en, zh) for r, t in zip(names, target, strict=True)}
            runs = self.runs_panel.runs
            renamed = [replace(r, name=by_name.get(r.name, r.name)) for r in runs]
            if [r.name for r in renamed] != [r.name for r in runs] and len({r.name for r in renamed}) == len(renamed):
                self.runs_panel.set_runs(renamed, colors=self.runs_panel.colors)
        self._show_lesson()

    def _show_lesson(self) -> None:
        p = self._preset
        if p is None:
            self.lesson_title.setText("")
            self.lesson_text.setText("")
            return
        self.lesson_title.setText(_preset_title(p, self.state.language))
        self.lesson_text.setText(p.lesson_zh if self.state.language == "zh" else p.lesson_en)

    def _dataset_changed(self) -> None:
        self.folder_row.setVisible(self.dataset.currentData() == "folder")
        self.state.status_info_changed.emit()

    def _model_changed(self) -> None:
        model = self.model.currentData()
        self.runs_panel.form.set_model_switches(_builder_takes(model, "batch_norm"), _builder_takes(model, "dropout"))
        self.state.status_info_changed.emit()

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the model every run trains, its data and device (and that device)."""
        device = str(self.device.currentData() or "cpu")
        return [self.model.currentText(), self.dataset.currentText(), device], device

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Image folder (one sub-folder per class)"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)

    def _runs_changed(self) -> None:
        if not self.is_running():
            self.plots.set_runs(list(zip([r.name for r in self.runs_panel.runs], self.runs_panel.colors,
                                         strict=True)))
            for r in self.runs_panel.runs:
                self.plots.set_run_visible(r.name, self.runs_panel.visible(r.name))
        self._update_buttons()

    def _smoothing_changed(self, value: int) -> None:
        self.smoothing_label.setText(f"{value / 100:.2f}")
        self.plots.set_smoothing(value / 100)

    # ------------------------------------------------------------ training
    def is_running(self) -> bool:
        """True while a training job is alive, until its end has been shown (plots, statuses)."""
        return self.job is not None and (self.job.running or not self._done_seen)

    def is_busy(self) -> bool:
        """Screenshot mode waits while training runs."""
        return self.is_running()

    def start(self) -> None:
        """Train every run from the same initial weights, in a worker thread."""
        if self.is_running():
            return
        if not self.runs_panel.is_valid():
            self.status.setText(tr("Fix the run settings marked in red first."))
            return
        try:
            setup = self.setup_from_controls()
            trainer = Trainer(setup, list(self.runs_panel.runs))
        except CnnvizError as exc:
            self.state.show_error(tr("Cannot start training"), error_text(exc))
            return
        self._session = None
        self._show_runs(trainer.configs)
        self.runs_panel.set_statuses({})
        self.progress.setValue(0)
        self._launch(trainer)

    def _show_runs(self, runs: list[RunConfig]) -> None:
        """Empty plot series for ``runs`` in their table colours."""
        colors = dict(zip([r.name for r in self.runs_panel.runs], self.runs_panel.colors, strict=True))
        self.plots.set_runs([(r.name, colors.get(r.name, PALETTE[i % len(PALETTE)])) for i, r in enumerate(runs)])
        for r in runs:
            self.plots.set_run_visible(r.name, self.runs_panel.visible(r.name))

    def can_continue(self) -> bool:
        """True when the last (or restored) training has runs that can train on to the set epochs."""
        s = self._session
        if self.is_running() or s is None or s.checkpoint is None and self.trainer is None:
            return False
        statuses = s.log.statuses()
        done = s.epochs_done()
        return any(statuses.get(r.name, ("", ""))[0] not in (DIVERGED, FAILED) and done[r.name] < self.epochs.value()
                   for r in s.runs)

    def continue_training(self) -> None:
        """Train the last (or restored) runs on from where they ended, up to the epochs set now."""
        if self.is_running():
            return
        s = self._session
        if not self.can_continue() or s is None:
            self.status.setText(tr("Nothing to continue: raise Epochs above what the runs have done, or press "
                                   "Start to train again from the start."))
            return
        try:
            checkpoint = s.checkpoint
            if self.trainer is not None and self.trainer._prepared:
                checkpoint = self.trainer.checkpoint()
                s.data = self.trainer.data
            setup = replace(s.setup, epochs=self.epochs.value(), device=self.device.currentData())
            trainer = Trainer(setup, s.runs, log=s.log, data=s.data, resume_from=checkpoint)
        except CnnvizError as exc:
            self.state.show_error(tr("Cannot continue training"), error_text(exc))
            return
        self._launch(trainer)

    def _launch(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self._done_seen = False
        self.runs_panel.set_locked(True)
        self.status.setText(tr("Preparing data and models…"))
        self.job = run_in_thread(_train_job, trainer=trainer)
        self.job.sig_progress.connect(self._on_progress)
        self.job.sig_failed.connect(self._on_failed)
        self.job.sig_done.connect(self._on_done)
        self.timer.start()
        self._update_buttons()

    def toggle_pause(self) -> None:
        """Pause every run, or resume them."""
        if not self.is_running() or self.trainer is None:
            return
        if self.trainer.paused:
            self.trainer.resume()
            self.status.setText(tr("Resumed."))
        else:
            self.trainer.pause()
            self.status.setText(tr("Paused: press Ctrl+P or Resume to continue."))
        self._update_buttons()

    def stop(self) -> None:
        """Stop every run after its current step (returns at once; the worker ends within a step)."""
        if self.trainer is not None and self.is_running():
            self.trainer.stop()
            if self.job is not None:
                self.job.cancel()
            self.status.setText(tr("Stopping…"))

    def refresh(self) -> None:
        """Timer tick: copy new metrics into the plots and the run table (bounded cost)."""
        t = self.trainer
        if t is None:
            return
        if self.job is not None and not self.job.running and not self._done_seen:
            self._on_done()  # the worker ended and its signal has not come (yet)
            return
        t0 = time.perf_counter()
        if self.plots.pull(t.log):
            self.plots.redraw()
        self.runs_panel.set_statuses(t.log.statuses())
        self._last_tick_cost = time.perf_counter() - t0

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        if self.trainer is not None and not self.trainer.paused:
            self.status.setText(message)

    def _on_failed(self, message: str) -> None:
        self.state.show_error(tr("Training failed"), message)

    def _on_done(self) -> None:
        """The worker ended: show the final state (safe to call twice; ignores an older job's signal)."""
        if self._done_seen or (self.job is not None and self.job.running):
            return
        self._done_seen = True
        self.timer.stop()
        self.refresh()
        self.runs_panel.set_locked(False)
        t = self.trainer
        if t is not None and t._prepared:
            self._session = _Session(t.setup, list(t.configs), t.log, data=t.data)
        if t is not None:
            self._show_outcome(t)
        self._update_buttons()

    def _show_outcome(self, t: Trainer) -> None:
        """Status line and progress bar for a trainer whose work is over."""
        counts: dict[str, int] = {}
        for status, _ in t.log.statuses().values():
            counts[status] = counts.get(status, 0) + 1
        text = ", ".join(tr("{count} {status}").format(count=n, status=tr(s))
                         for s, n in counts.items() if s in FINAL_STATES)
        self.status.setText(tr("Done: {0}.").format(text) if text else tr("Stopped."))
        self.progress.setValue(int(t.fraction_done() * 1000))

    def handover(self) -> dict[str, Any]:
        """What a rebuilt Train tab needs besides its lesson state: the trainer (models, optimizers)."""
        return {"trainer": self.trainer}

    def take_over(self, live: Any) -> None:
        """Adopt the previous tab's trainer (a language switch): its runs can be saved, opened in
        Inspect and continued as before. Without one, a lesson's runs are renamed in the new language."""
        t = live.get("trainer") if isinstance(live, dict) else None
        if t is None or not t._prepared or self.is_running():
            self._language_changed(self.state.language)
            return
        self.trainer = t
        self._session = _Session(t.setup, list(t.configs), t.log, data=t.data)
        self._done_seen = True
        self.plots.pull(t.log)
        self.plots.redraw(full=True)
        self.runs_panel.set_statuses(t.log.statuses())
        self._show_outcome(t)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.start_button.setEnabled(not running and self.runs_panel.is_valid())
        self.continue_button.setEnabled(self.can_continue())
        self.pause_button.setEnabled(running)
        self.pause_button.setText(tr("Resume") if running and self.trainer and self.trainer.paused else tr("Pause"))
        self.stop_button.setEnabled(running)
        has = self.trainer is not None and self.trainer._prepared
        for b in (self.export_weights_button, self.inspect_button):
            b.setEnabled(bool(has))
        self.export_csv_button.setEnabled(bool(has) or self._session is not None)
        for w in (self.model, self.dataset, self.folder_row, self.epochs, self.batch, self.train_limit,
                  self.init_seed, self.data_seed, self.device, self.lesson_button):
            w.setEnabled(not running)

    # ------------------------------------------------------------ exports
    def export_csv(self, path: str | None = None) -> str | None:
        """Write the metrics as CSV now (and keep it updated while training)."""
        log = self.trainer.log if self.trainer is not None else self._session.log if self._session else None
        if log is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export metrics"), "metrics.csv", "CSV (*.csv)")
        if not path:
            return None
        try:
            write_metrics_csv(log, path)
        except OSError as exc:
            self.state.show_error(tr("Cannot write the CSV"), error_text(exc))
            return None
        if self.is_running() and self.trainer is not None:
            self.trainer.add_csv_export(path)
        self.state.show_status(tr("Metrics written to {0}").format(path))
        return path

    def export_png(self, path: str | None = None) -> str | None:
        """Save the plots as a PNG image."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save plot"), "training.png", "PNG (*.png)")
        if not path:
            return None
        if not self.plots.grab().save(path, "PNG"):
            self.state.show_error(tr("Cannot save the plot"), tr("Cannot write {0}").format(path))
            return None
        self.state.show_status(tr("Plot saved to {0}").format(path))
        return path

    def export_weights(self, folder: str | None = None) -> list[str]:
        """Save each run's weights as ``<run>.pt`` state_dict files in a folder."""
        if self.trainer is None:
            return []
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, tr("Folder for the weights"))
        if not folder:
            return []
        try:
            paths = self.trainer.save_state_dicts(folder)
        except (OSError, CnnvizError) as exc:
            self.state.show_error(tr("Cannot save the weights"), error_text(exc))
            return []
        self.state.show_status(tr("{0} state_dict files written to {1}").format(len(paths), folder))
        return [str(p) for p in paths]

    def open_in_inspect(self) -> None:
        """Send the selected run's trained model to the Inspect tab."""
        t = self.trainer
        name = self.runs_panel.selected_name()
        if t is None or name is None or name not in t.runs:
            self.state.show_status(tr("Select a trained run first."), 4000)
            return
        try:
            sd = t.state_dict(name)
        except CnnvizError as exc:
            self.state.show_error(tr("Cannot open in Inspect"), error_text(exc))
            return
        classes = t.data.class_names if t.data is not None else None
        self.state.open_in_inspect.emit(ModelRequest(
            name=t.setup.model, model_kwargs=t.model_kwargs(name), state_dict=sd, state_label=trained_label(name),
            class_names=tuple(classes) if classes else None,
        ))
        self.state.open_tab.emit("inspect")

    # ------------------------------------------------------------ lessons
    def lesson_state(self, attachments: Attachments | None = None) -> dict[str, Any]:
        """Everything a lesson file needs to bring this tab back (JSON-serialisable).

        The shared setup and the runs as the controls show them, the plot options,
        and the last training session: its setup, runs and every recorded metric
        (so the curves come back), plus each run's weights and optimizer state as
        an attachment when they are small enough (so training can continue). While
        training runs, the session is saved without weights.
        """
        try:
            setup = self.setup_from_controls().to_dict()
        except CnnvizError:
            setup = (self.trainer.setup if self.trainer else TrainSetup()).to_dict()
        state: dict[str, Any] = {
            "format": LESSON_FORMAT,
            "preset": self._preset.name if self._preset else "",
            "setup": setup,
            "runs": [r.to_dict() for r in self.runs_panel.runs],
            "colors": list(self.runs_panel.colors),
            "hidden": [r.name for r in self.runs_panel.runs if not self.runs_panel.visible(r.name)],
            "plots": {"smoothing": self.smoothing.value(), "log_y": self.log_y.isChecked(),
                      "x_axis": self.x_axis.currentData()},
            "session": None,
        }
        session = self._session
        if self.trainer is not None and self.trainer._prepared and (session is None or session.log is not self.trainer.log):
            session = _Session(self.trainer.setup, list(self.trainer.configs), self.trainer.log)
        if session is not None:
            checkpoint = session.checkpoint
            if self.trainer is not None and self.trainer.log is session.log and self.trainer._prepared:
                checkpoint = None if self.is_running() else self.trainer.checkpoint()
            if checkpoint is not None and len(checkpoint) > MAX_CHECKPOINT_BYTES:
                checkpoint = None
            ref = None
            if checkpoint and attachments is not None:
                ref = attachments.add(checkpoint, "training checkpoint.pt", "checkpoint")
            state["session"] = {
                "setup": session.setup.to_dict(),
                "runs": [r.to_dict() for r in session.runs],
                "metrics": session.log.to_dict(),
                "checkpoint": ref,
            }
        return state

    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments | None = None) -> None:
        """Bring back what :meth:`lesson_state` saved: settings, runs and curves, without training.

        A running training is stopped first. Start then trains again from the
        start; Continue trains the restored runs on (when their weights were saved).
        Raises ConfigError, leaving the tab as it was, if ``state`` cannot be read.
        """
        try:
            if int(state.get("format", LESSON_FORMAT)) > LESSON_FORMAT:
                raise ConfigError("it was saved by a newer cnnviz")
            setup = TrainSetup(**state["setup"]).validated()
            if len(state["runs"]) > MAX_RUNS:
                raise ConfigError(f"it has {len(state['runs'])} runs; a lesson holds at most {MAX_RUNS}")
            runs = [RunConfig.from_dict(d).validated() for d in state["runs"]]
            preset = get_preset(state["preset"]) if state.get("preset") else None
            colors = [str(c) for c in state.get("colors", [])]
            plots = dict(state.get("plots", {}))
            session = None
            raw = state.get("session")
            if raw:
                checkpoint = _checkpoint_bytes(raw.get("checkpoint"), attachments)
                session = _Session(TrainSetup(**raw["setup"]).validated(),
                                   [RunConfig.from_dict(d).validated() for d in raw["runs"]],
                                   MetricsLog.from_dict(raw["metrics"]), checkpoint)
                missing = {r.name for r in session.runs} - set(session.log.run_names)
                if missing:
                    raise ConfigError(f"no metrics for {', '.join(sorted(missing))}")
        except ConfigError as exc:
            raise ConfigError(tr("The Train part of this lesson cannot be read: {0}").format(exc)) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(tr("The Train part of this lesson cannot be read ({0}).").format(exc)) from None
        if self.is_running():
            self.shutdown()
        self._preset = preset
        self.set_setup(setup)
        self.runs_panel.set_runs(runs, colors)
        self._show_lesson()
        self.smoothing.setValue(int(plots.get("smoothing", self.smoothing.value())))
        self.log_y.setChecked(bool(plots.get("log_y", False)))
        self.set_x_axis(str(plots.get("x_axis", "step")))
        self.trainer = None
        self._session = session
        if session is not None:
            self._show_runs(session.runs)
            self.plots.pull(session.log)
            self.plots.redraw(full=True)
            self.runs_panel.set_statuses(session.log.statuses())
            done = session.epochs_done()
            self.progress.setValue(int(1000 * min(1.0, sum(done.values()) / max(1, len(done) * session.setup.epochs))))
            self.status.setText(tr("Lesson opened: the curves are as they were saved. Start trains again from the "
                                   "start; Continue trains on.") if session.checkpoint else
                                tr("Lesson opened: the curves are as they were saved. Start trains again."))
        else:
            self._show_runs(runs)
            self.progress.setValue(0)
            self.status.setText(tr("Lesson opened."))
        for name in state.get("hidden", []):
            self.runs_panel.set_checked(str(name), False)
            self.plots.set_run_visible(str(name), False)
        self._update_buttons()

    # ------------------------------------------------------------ life cycle
    def _screenshot_demo(self) -> None:
        """In screenshot mode the tab trains its default lesson so the picture shows curves."""
        self.train_limit.setValue(3000)
        self.start()

    def shutdown(self) -> None:
        """Window closing: stop the worker and wait for it (at most 2 s)."""
        self.timer.stop()
        if self.trainer is not None:
            self.trainer.stop()
        if self.job is not None:
            self.job.cancel()
            deadline = time.monotonic() + 2.0
            while self.job.running and time.monotonic() < deadline:
                time.sleep(0.01)
            if not self.job.running:
                self._on_done()  # now, not when the event loop next runs: the tab is idle on return

    def save_settings(self, s: QSettings) -> None:
        """Remember the setup, the runs and the plot options."""
        try:
            setup = self.setup_from_controls()
        except CnnvizError:
            return
        s.setValue("train/setup", json.dumps(setup.to_dict()))
        s.setValue("train/runs", json.dumps([r.to_dict() for r in self.runs_panel.runs]))
        s.setValue("train/preset", self._preset.name if self._preset else "")
        s.setValue("train/smoothing", self.smoothing.value())
        s.setValue("train/log_y", self.log_y.isChecked())
        s.setValue("train/x_axis", self.x_axis.currentData())
        s.setValue("train/splitter", self.splitter.saveState())

    def restore_settings(self, s: QSettings) -> None:
        """Restore what :meth:`save_settings` stored (ignores anything unreadable)."""
        try:
            raw_setup, raw_runs = s.value("train/setup"), s.value("train/runs")
            if raw_setup and raw_runs:
                setup = TrainSetup(**json.loads(str(raw_setup))).validated()
                runs = [RunConfig.from_dict(d) for d in json.loads(str(raw_runs))]
                preset = str(s.value("train/preset") or "")
                self._preset = get_preset(preset) if preset else None
                self.set_setup(setup)
                self.runs_panel.set_runs(runs)
                self._show_lesson()
            self.smoothing.setValue(int(s.value("train/smoothing", 90)))  # type: ignore[call-overload]  # QSettings.value() is typed object
            self.log_y.setChecked(str(s.value("train/log_y", "false")).lower() == "true")
            self.set_x_axis(str(s.value("train/x_axis", "step")))
            state = s.value("train/splitter")
            if state is not None:
                self.splitter.restoreState(state)
        except (CnnvizError, TypeError, ValueError, KeyError):
            pass


def create_tab(state: AppState, host: TabHost) -> TabBase:
    """The Train tab (see the module docstring)."""
    return TrainTab(state, host)
