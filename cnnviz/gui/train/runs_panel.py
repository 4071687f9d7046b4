"""The run list: add, remove, duplicate runs, show and hide them, their states; the selected run's form below."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.training.config import RunConfig
from cnnviz.core.training.metrics import DIVERGED, FAILED, FINISHED, RUNNING, STOPPED
from cnnviz.core.training.optimizers import get_optimizer
from cnnviz.gui import theme
from cnnviz.gui.i18n import current_language
from cnnviz.gui.train.plots import PALETTE
from cnnviz.gui.train.run_form import RunForm

#: How each run status is coloured (theme.semantic_color picks the shade for light or dark backgrounds).
STATUS_KINDS = {DIVERGED: "error", FAILED: "error", FINISHED: "ok", STOPPED: "stopped", RUNNING: "info",
                "paused": "warning"}


def tr(text: str) -> str:
    """Translate a run-panel string."""
    return QCoreApplication.translate("TrainRuns", text)


def _status_text(status: str) -> str:
    """A run state in the interface language (``paused`` is the tab's word for a held running run)."""
    if status == "paused":
        return tr("paused")
    return tr(status) if status else ""


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


class RunsPanel(QWidget):
    """The table of runs with add / duplicate / remove, and the form of the selected run."""

    sig_runs_changed = Signal()
    """Runs were added, removed or edited."""
    sig_visibility_changed = Signal(str, bool)
    """A run's show checkbox changed (run name, visible)."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.runs: list[RunConfig] = []
        self.colors: list[str] = []
        self.statuses: dict[str, tuple[str, str]] = {}
        self.locked = False
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Run"), tr("Settings"), tr("Status")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(tr("Tick a run to show it in the plots; select it to edit it below."))
        self.add_button = QPushButton(tr("Add"))
        self.add_button.setToolTip(tr("Add a run with another optimizer (Ctrl+N)."))
        self.dup_button = QPushButton(tr("Duplicate"))
        self.dup_button.setToolTip(tr("Copy the selected run, then change one hyperparameter (Ctrl+D)."))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr("Remove the selected run (Delete)."))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.dup_button, self.remove_button):
            buttons.addWidget(b)
        self.form = RunForm(language=language)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        box.addWidget(self.form)

        self.add_button.clicked.connect(self.add_run)
        self.dup_button.clicked.connect(self.duplicate_run)
        self.remove_button.clicked.connect(self.remove_run)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(self._item_changed)
        self.form.sig_changed.connect(self._form_changed)

    # ------------------------------------------------------------ list operations
    def set_runs(self, runs: list[RunConfig], colors: list[str] | None = None) -> None:
        """Replace every run (a preset or restored settings), in ``colors`` if given (one per run)."""
        self.runs = [r.validated() for r in runs]
        if colors is not None and len(colors) == len(self.runs):
            self.colors = list(colors)
        else:
            self.colors = [PALETTE[i % len(PALETTE)] for i in range(len(self.runs))]
        self.statuses = {}
        self._refill(select=0)
        self.sig_runs_changed.emit()

    def _next_color(self) -> str:
        used = set(self.colors)
        return next((c for c in PALETTE if c not in used), PALETTE[len(self.colors) % len(PALETTE)])

    def _unique(self, name: str) -> str:
        names = {r.name for r in self.runs}
        if name not in names:
            return name
        k = 2
        while f"{name} ({k})" in names:
            k += 1
        return f"{name} ({k})"

    def add_run(self) -> None:
        """Append a run with an optimizer not used yet (Adam, then the others)."""
        if self.locked:
            return
        used = {r.optimizer for r in self.runs}
        order = ["adam", "momentum", "sgd", "rmsprop", "nesterov", "adamw", "adagrad", "adadelta"]
        name = next((o for o in order if o not in used), "adam")
        spec = get_optimizer(name)
        label = spec.display_label(current_language())  # named as the lessons name their runs (动量 in Chinese)
        self.runs.append(RunConfig(self._unique(label), spec.name, spec.defaults()).validated())
        self.colors.append(self._next_color())
        self._refill(select=len(self.runs) - 1)
        self.sig_runs_changed.emit()

    def duplicate_run(self) -> None:
        """Copy the selected run (named “… copy”) and select it, ready to change one value."""
        row = self.selected_row()
        if self.locked or row is None:
            return
        source = self.runs[row]
        copy = replace(source, name=self._unique(source.name + " " + tr("copy")),
                       hparams=dict(source.hparams), model_kwargs=dict(source.model_kwargs))
        self.runs.insert(row + 1, copy)
        self.colors.insert(row + 1, self._next_color())
        self._refill(select=row + 1)
        self.sig_runs_changed.emit()
        self.form.hparam_edits.get("lr", self.form.name).setFocus()

    def remove_run(self) -> None:
        """Remove the selected run (at least one stays)."""
        row = self.selected_row()
        if self.locked or row is None or len(self.runs) <= 1:
            return
        del self.runs[row]
        del self.colors[row]
        self._refill(select=min(row, len(self.runs) - 1))
        self.sig_runs_changed.emit()

    def selected_row(self) -> int | None:
        """The selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_name(self) -> str | None:
        """The selected run's name, or None."""
        row = self.selected_row()
        return self.runs[row].name if row is not None and row < len(self.runs) else None

    def set_locked(self, locked: bool) -> None:
        """While training: no add / remove / edit (the runs' configs are fixed)."""
        self.locked = locked
        for w in (self.add_button, self.dup_button, self.remove_button, self.form):
            w.setEnabled(not locked)

    def is_valid(self) -> bool:
        """True when the form holds no refused value and names are unique."""
        return self.form.valid and len({r.name for r in self.runs}) == len(self.runs)

    def visible(self, name: str) -> bool:
        """Whether run ``name`` is ticked."""
        for row, run in enumerate(self.runs):
            if run.name == name:
                item = self.table.item(row, 0)
                return item is None or item.checkState() == Qt.CheckState.Checked
        return True

    # ------------------------------------------------------------ table
    def _refill(self, select: int | None = None) -> None:
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self.runs))
            for row, (run, color) in enumerate(zip(self.runs, self.colors, strict=True)):
                name = QTableWidgetItem(_swatch(color), run.name)
                name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, QTableWidgetItem(run.summary()))
                self.table.setItem(row, 2, QTableWidgetItem(""))
                self._show_status(row)
        finally:
            self.table.blockSignals(False)
        if select is not None and self.runs:
            self.table.selectRow(select)
            self._selection_changed()

    def _show_status(self, row: int) -> None:
        status, message = self.statuses.get(self.runs[row].name, ("", ""))
        item = self.table.item(row, 2)
        if item is None:
            return
        item.setText(_status_text(status))
        kind = STATUS_KINDS.get(status)
        if kind is None:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)  # the palette's text colour
        else:
            item.setForeground(theme.semantic_color(kind))
        item.setToolTip(message)

    def set_statuses(self, statuses: dict[str, tuple[str, str]]) -> None:
        """Show each run's status (diverged / failed in red, with the reason as tooltip)."""
        if statuses == self.statuses:
            return
        self.statuses = dict(statuses)
        self.table.blockSignals(True)
        try:
            for row in range(len(self.runs)):
                self._show_status(row)
        finally:
            self.table.blockSignals(False)

    def refresh_colors(self) -> None:
        """Re-colour statuses and the form's error text for the current theme."""
        self.form.refresh_colors()
        self.table.blockSignals(True)
        try:
            for row in range(len(self.runs)):
                self._show_status(row)
        finally:
            self.table.blockSignals(False)

    def set_checked(self, name: str, visible: bool) -> None:
        """Tick or untick run ``name`` (from the plot legend)."""
        for row, run in enumerate(self.runs):
            item = self.table.item(row, 0)
            if run.name == name and item is not None:
                state = Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and item.row() < len(self.runs):
            self.sig_visibility_changed.emit(self.runs[item.row()].name,
                                             item.checkState() == Qt.CheckState.Checked)

    def _selection_changed(self) -> None:
        row = self.selected_row()
        if row is not None and row < len(self.runs):
            self.form.load(self.runs[row])

    def _form_changed(self, config: RunConfig) -> None:
        row = self.selected_row()
        if row is None or self.locked:
            return
        others = {r.name for i, r in enumerate(self.runs) if i != row}
        if config.name in others:
            self.form._show_error(tr("Another run is already called “{0}”.").format(config.name))
            return
        self.runs[row] = config
        self.table.blockSignals(True)
        try:
            name_item, summary_item = self.table.item(row, 0), self.table.item(row, 1)
            assert name_item is not None and summary_item is not None
            name_item.setText(config.name)
            summary_item.setText(config.summary())
        finally:
            self.table.blockSignals(False)
        self.sig_runs_changed.emit()

