"""The Sweep page: optimizers × a log-spaced learning-rate grid × seeds, trained in worker processes.

The shared setup (model, data, epochs, batch, training images) comes from
the tab's setup form; seeds start at its weights seed. Runs execute in a
local process pool or on Ray (an optional extra, with the cluster's address),
so the GUI stays responsive; their rows stream into live curves, and the
results (table, heat map, tuned curves with their spread, ranking) grow as
runs end. Stop ends every process; what ended is kept and can be saved.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.optimizers import list_optimizers
from cnnviz.core.training.sweeps import SweepSpec, SweepStatus, lr_label, parse_lr_grid
from cnnviz.gui.flow_layout import flow_widget
from cnnviz.gui.i18n import current_language, error_text
from cnnviz.gui.optimizer_labels import optimizer_label
from cnnviz.gui.train.sweep_controller import SweepController
from cnnviz.gui.train.sweep_live import SweepLive
from cnnviz.gui.train.sweep_results import RankingView, SweepHeatmap, SweepTable, TunedBands

DEFAULT_OPTIMIZERS = ("sgd", "momentum", "adam")
DEFAULT_GRID = "1e-4:1:7"


def tr(text: str) -> str:
    """Translate a sweep string."""
    return QCoreApplication.translate("TrainSweep", text)


def ray_installed() -> bool:
    """True when the optional Ray extra can be imported."""
    return importlib.util.find_spec("ray") is not None


class SweepPanel(QWidget):
    """The sweep form, its progress, and the results views."""

    sig_state_changed = Signal()
    """A sweep started or ended (the tab's own buttons wait while one runs)."""

    def __init__(self, setup_source: Callable[[], TrainSetup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup_source = setup_source
        self.training = False  # a training runs: no sweep now (they would share the cores)
        self._ended_seen = -1
        self._sweep_line = ""  # the sweep's last progress line (a save adds to it, not replaces it)
        self.controller = SweepController(self)
        self._build_form()
        self.live = SweepLive()
        self.table = SweepTable()
        self.heatmap = SweepHeatmap()
        self.tuned = TunedBands()
        self.ranking = RankingView()
        self.results = QTabWidget()
        self.results.setDocumentMode(True)
        for widget, title in ((self.live, tr("Live")), (self.table, tr("Table")), (self.heatmap, tr("Heat map")),
                              (self.tuned, tr("Tuned")), (self.ranking, tr("Ranking"))):
            self.results.addTab(widget, title)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(flow_widget(self.optimizer_button, QLabel(tr("Learning rates")), self.grid, self.grid_info,
                                  QLabel(tr("Seeds")), self.seeds, self.executor, self.workers, self.address,
                                  self.start_button, self.stop_button, self.save_button))
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.results, 1)
        c = self.controller
        c.sig_rows.connect(self.live.add_rows)
        c.sig_status.connect(self._on_status)
        c.sig_ended.connect(self._on_ended)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.save_button.clicked.connect(lambda: self.save())
        self.grid.textChanged.connect(self._grid_changed)
        self.executor.currentIndexChanged.connect(self._executor_changed)
        self._grid_changed()
        self._executor_changed()
        self.update_buttons()

    def _build_form(self) -> None:
        self.optimizer_button = QToolButton()
        self.optimizer_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.optimizer_button)
        self.optimizer_actions: dict[str, QAction] = {}
        for spec in list_optimizers():
            act = QAction(optimizer_label(spec.name, current_language()), menu)  # 动量 in Chinese, as the runs
            act.setCheckable(True)
            act.setChecked(spec.name in DEFAULT_OPTIMIZERS)
            act.toggled.connect(lambda _on: self._optimizers_changed())
            menu.addAction(act)
            self.optimizer_actions[spec.name] = act
        self.optimizer_button.setMenu(menu)
        self._fit_optimizer_button()
        self.optimizer_button.installEventFilter(self)
        self.grid = QLineEdit(DEFAULT_GRID)
        self.grid.setMinimumWidth(110)
        self.grid.setToolTip(tr("LOW:HIGH:COUNT for COUNT rates log-spaced from LOW to HIGH (1e-4:1:7), or a "
                                "list (0.01, 0.03, 0.1)."))
        self.grid_info = QLabel("")
        self.seeds = QSpinBox()
        self.seeds.setRange(1, 20)
        self.seeds.setValue(2)
        self.seeds.setToolTip(tr("Each run is repeated with this many seeds (initial weights and batch order "
                                 "together, starting at the setup's weights seed): the spread shows what luck does."))
        self.executor = QComboBox()
        self.executor.addItem(tr("local processes"), "local")
        self.executor.addItem(tr("Ray cluster"), "ray")
        self.executor.setToolTip(tr("Where the runs train: worker processes on this computer, or Ray (on this "
                                    "computer, or a cluster at the address given)."))
        self.workers = QSpinBox()
        self.workers.setRange(1, max(1, os.cpu_count() or 1))
        self.workers.setValue(min(2, self.workers.maximum()))
        self.workers.setPrefix(tr("workers "))
        self.workers.setToolTip(tr("Runs at the same time; each pins its own share of the cores."))
        self.address = QLineEdit()
        self.address.setPlaceholderText(tr("Ray address (empty: this computer)"))
        self.address.setToolTip(tr("ray://host:10001 or auto; every node needs cnnviz, torch and the data."))
        self.start_button = QPushButton(tr("Start sweep"))
        self.start_button.setToolTip(tr("Train every optimizer at every learning rate with every seed."))
        self.stop_button = QPushButton(tr("Stop sweep"))
        self.stop_button.setToolTip(tr("End every run's process now; the runs that ended are kept."))
        self.save_button = QPushButton(tr("Save results…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.status = QLabel(tr("Choose optimizers, learning rates and seeds; the setup on the left is shared."))
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    # ------------------------------------------------------------ form
    def optimizers(self) -> list[str]:
        """The optimizers ticked."""
        return [name for name, act in self.optimizer_actions.items() if act.isChecked()]

    def set_optimizers(self, names: list[str]) -> None:
        """Tick exactly ``names``."""
        for name, act in self.optimizer_actions.items():
            act.setChecked(name in names)

    def _optimizers_text(self, names: list[str]) -> str:
        labels = [self.optimizer_actions[n].text().replace("&", "") for n in names]  # SGD, Adam: what the menu says
        return tr("Optimizers: {0}").format(", ".join(labels) if labels else "–")

    def _fit_optimizer_button(self) -> None:
        """A fixed width that fits the default choice (in the current font), so ticking never moves the form."""
        button = self.optimizer_button
        default = self._optimizers_text([n for n in DEFAULT_OPTIMIZERS if n in self.optimizer_actions])
        button.setMinimumWidth(0)
        button.setMaximumWidth(16777215)
        button.setText(default)
        # what the button draws besides its text (margins, the menu arrow); the text's width rounded up.
        # An instant-popup tool button draws its arrow over the text's end: half a line more keeps them apart.
        metrics = QFontMetricsF(button.font())
        width = button.sizeHint().width() + math.ceil(metrics.height() / 2)
        self._optimizer_chrome = width - math.ceil(metrics.horizontalAdvance(default))
        button.setFixedWidth(width)
        self._optimizers_changed()

    def _optimizers_changed(self) -> None:
        """The button names the ticked optimizers (its end elided past its fixed width; all of them in its tooltip)."""
        button = self.optimizer_button
        full = self._optimizers_text(self.optimizers())
        room = button.width() - self._optimizer_chrome
        button.setText(QFontMetricsF(button.font()).elidedText(full, Qt.TextElideMode.ElideRight, room))
        button.setToolTip(full + "\n" + tr("The optimizers to compare, each tuned over the learning-rate grid."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """The optimizer button got a new font (zoom): its fixed width is measured again."""
        if watched is self.optimizer_button and event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._fit_optimizer_button)  # once the button itself took the font
        return super().eventFilter(watched, event)

    def _grid_changed(self) -> None:
        try:
            rates = parse_lr_grid(self.grid.text())
        except CnnvizError as exc:
            self.grid_info.setText("✕")
            self.grid_info.setToolTip(error_text(exc))
            return
        self.grid_info.setText(tr("{0} rates").format(len(rates)))
        self.grid_info.setToolTip(", ".join(lr_label(r) for r in rates))

    def _executor_changed(self) -> None:
        self.address.setVisible(self.executor.currentData() == "ray")

    def spec(self) -> SweepSpec:
        """The sweep the form describes (ConfigError naming a bad value)."""
        setup = self.setup_source()
        return SweepSpec.grid(setup, self.optimizers(), self.grid.text(), seeds=self.seeds.value(),
                              first_seed=setup.init_seed).validated()

    # ------------------------------------------------------------ running
    def is_running(self) -> bool:
        """True while a sweep's runs are out."""
        return self.controller.is_running()

    def start(self) -> None:
        """Start the sweep the form describes (the reason on the status line if it cannot)."""
        if self.is_running():
            return
        kind = self.executor.currentData()
        if kind == "ray" and not ray_installed():
            self.status.setText(tr("Ray is not installed: pip install 'cnnviz[ray]', or choose local processes."))
            return
        try:
            spec = self.spec()
            self.controller.start(spec, kind, self.workers.value(), self.address.text().strip() or None)
        except CnnvizError as exc:
            self.status.setText(tr("Cannot start the sweep: {0}").format(exc))
            return
        self.live.start(spec.lrs)
        self.show_summary(self.controller.summary())
        total = len(spec.jobs())
        self.status.setText(tr("Starting {0} runs in worker processes…").format(total))
        self.progress.setValue(0)
        self.update_buttons()
        self.sig_state_changed.emit()

    def stop(self) -> None:
        """End every run's process; the runs that ended stay in the results."""
        if self.controller.stop():
            self.status.setText(tr("Stopping every run…"))
            self.update_buttons()

    def save(self, folder: str | None = None) -> list[str]:
        """Copy the results so far into ``folder`` (asked for when not given); the files written."""
        if not self.controller.has_results():
            return []
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, tr("Folder for the sweep's results"))
        if not folder:
            return []
        try:
            paths = self.controller.save(folder)
        except OSError as exc:
            self.status.setText(tr("Cannot save the results: {0}").format(exc))
            return []
        # the sweep's own line stays: what was saved is what it says
        self.status.setText(" · ".join(t for t in (self._sweep_line, tr("Results written to {0}").format(folder)) if t))
        return [str(p) for p in paths]

    def _on_status(self, status: SweepStatus) -> None:
        # the share that trained to its end: stopped runs do not fill the bar
        self.progress.setValue(int(1000 * status.completed / max(1, status.total)))
        if self.controller.is_running() and not self.controller.is_stopping():
            self._sweep_line = self.status_text(status)
            self.status.setText(self._sweep_line)
        if status.ended != self._ended_seen:
            self._ended_seen = status.ended
            self.show_summary(self.controller.summary())
        if self.save_button.isEnabled() != self.controller.has_results():
            self.update_buttons()

    def _on_ended(self, summary: dict[str, Any]) -> None:
        self.show_summary(summary)
        status = self.controller.status()
        self.live.finish(stopped=status is not None and status.stopped > 0)
        if status is not None:
            self._sweep_line = self.status_text(status)
            self.status.setText(self._sweep_line)
        self.update_buttons()
        self.sig_state_changed.emit()

    @staticmethod
    def status_text(status: SweepStatus) -> str:
        """``3 of 12 runs finished · 2 training · 1 diverged`` in the interface language.

        Once the sweep is over: ``Sweep over: 11 of 12 runs finished · 1 diverged``, or after Stop
        ``Stopped: 3 of 12 runs finished · 9 stopped``. "Finished" counts only the runs that trained to
        their end without diverging or failing.
        """
        counts = ((status.running, tr("{0} training")), (status.diverged, tr("{0} diverged")),
                  (status.failed, tr("{0} failed")), (status.stopped, tr("{0} stopped")))
        parts = [tr("{0} of {1} runs finished").format(status.finished, status.total)]
        parts += [text.format(count) for count, text in counts if count]
        if not status.done:
            return " · ".join(parts)
        if status.stopped:
            return tr("Stopped: {0}").format(" · ".join(parts))
        return tr("Sweep over: {0}").format(" · ".join(parts))

    def show_summary(self, summary: dict[str, Any]) -> None:
        """Refresh the table, heat map, tuned curves and ranking."""
        for view in (self.table, self.heatmap, self.tuned, self.ranking):
            view.show_summary(summary)

    def set_training(self, training: bool) -> None:
        """A training of the tab runs (or ended): no sweep starts meanwhile."""
        if training != self.training:
            self.training = training
            self.update_buttons()

    def update_buttons(self) -> None:
        """Enable what can be done now."""
        running = self.is_running()
        self.start_button.setEnabled(not running and not self.training)
        self.stop_button.setEnabled(running)
        can_save = self.controller.has_results()
        self.save_button.setEnabled(can_save)
        self.save_button.setToolTip(
            tr("Copy the metrics CSV (with lr and seed columns) and the summary JSON into a folder.") if can_save
            else tr("Nothing to save yet: the results are written as the runs report their first metrics."))
        for w in (self.optimizer_button, self.grid, self.seeds, self.executor, self.workers, self.address):
            w.setEnabled(not running)

    def shutdown(self) -> None:
        """End the sweep's processes (at most ~2 s)."""
        self.controller.shutdown()

