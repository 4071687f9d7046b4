"""The run form: edits one run's optimizer, hyperparameters, batch size, schedule and model switches.

A refused value (a learning rate of −0.5, β1 = 1) is named right under the
form and the run keeps its last valid values.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import ConfigError
from cnnviz.core.training.config import RunConfig
from cnnviz.core.training.optimizers import get_optimizer, list_optimizers
from cnnviz.core.training.schedules import get_schedule, list_schedules
from cnnviz.gui import theme
from cnnviz.gui.i18n import error_text


def tr(text: str) -> str:
    """Translate a run-panel string."""
    return QCoreApplication.translate("TrainRuns", text)


def _fmt(value: float) -> str:
    return f"{value:g}"


class RunForm(QWidget):
    """Edits one RunConfig; shows why a value is refused right under the form."""

    sig_changed = Signal(object)
    """A valid RunConfig after an edit."""
    sig_validity = Signal(bool)
    """The form holds valid values (True) or a refused one (False)."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.language = language
        self._loading = False
        self.valid = True
        self._build_fields(language)
        self._lay_out()
        self.name.textEdited.connect(self._edited)
        self.optimizer.currentIndexChanged.connect(self._optimizer_changed)
        self.batch.valueChanged.connect(self._edited)
        self.schedule.currentIndexChanged.connect(self._edited)
        self.batch_norm.toggled.connect(self._edited)
        self.dropout.valueChanged.connect(self._edited)
        self._config = RunConfig("run")
        self.set_model_switches(False, False)
        self.refresh_colors()

    def _build_fields(self, language: str) -> None:
        self.name = QLineEdit()
        self.name.setToolTip(tr("The run's name in the legend and in the CSV."))
        self.optimizer = QComboBox()
        for spec in list_optimizers():
            self.optimizer.addItem(spec.display_label(language), spec.name)  # 动量 in Chinese, as the lessons
            # the registry's own text: the Playground shows the very same sentence
            self.optimizer.setItemData(self.optimizer.count() - 1, spec.description(language),
                                       Qt.ItemDataRole.ToolTipRole)
        self.optimizer.setToolTip(tr("The update rule this run uses."))
        self.batch = QSpinBox()
        self.batch.setRange(0, 65536)
        self.batch.setSpecialValueText(tr("same as setup"))
        self.batch.setToolTip(tr("This run's batch size (0: the batch size of the setup)."))
        self.schedule = QComboBox()
        zh = language == "zh"
        for schedule in list_schedules():
            self.schedule.addItem(schedule.label_zh or schedule.label if zh else schedule.label, schedule.name)
            self.schedule.setItemData(self.schedule.count() - 1,
                                      schedule.description_zh or schedule.description_en if zh
                                      else schedule.description_en,
                                      Qt.ItemDataRole.ToolTipRole)
        self.schedule.setToolTip(tr("How the learning rate changes during training."))
        self.batch_norm = QCheckBox(tr("BatchNorm"))
        self.batch_norm.setToolTip(tr("Add BatchNorm after every convolution (models that offer it)."))
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.9)
        self.dropout.setSingleStep(0.1)
        self.dropout.setToolTip(tr("Dropout probability before each linear layer (models that offer it)."))
        self.hparam_edits: dict[str, QLineEdit] = {}
        self.hparam_box = QFormLayout()
        self.hparam_box.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel("")
        self.error.setObjectName("run-form-error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Optimizer"), self.optimizer)
        form.addRow(self.hparam_box)
        form.addRow(tr("Batch size"), self.batch)
        form.addRow(tr("LR schedule"), self.schedule)
        switches = QHBoxLayout()
        switches.addWidget(self.batch_norm)
        switches.addWidget(QLabel(tr("Dropout")))
        switches.addWidget(self.dropout)
        switches.addStretch(1)
        self.switch_row = QWidget()
        self.switch_row.setLayout(switches)
        switches.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.switch_row)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addWidget(self.error)

    def refresh_colors(self) -> None:
        """Colour the error text for the current theme (call again after a theme switch)."""
        self.error.setStyleSheet(f"color: {theme.css(theme.semantic_color('error'))};")

    def set_model_switches(self, batch_norm: bool, dropout: bool) -> None:
        """Show the BatchNorm / dropout switches only for models that take them."""
        self.batch_norm.setVisible(batch_norm)
        self.dropout.setVisible(dropout)
        self.switch_row.setVisible(batch_norm or dropout)
        self._has_bn, self._has_dropout = batch_norm, dropout

    def _rebuild_hparams(self, optimizer: str, values: dict[str, float]) -> None:
        while self.hparam_box.rowCount():
            self.hparam_box.removeRow(0)
        self.hparam_edits = {}
        spec = get_optimizer(optimizer)
        for h in spec.hparams:
            edit = QLineEdit(_fmt(values.get(h.name, h.default)))
            edit.setObjectName(f"hparam-{h.name}")
            help_text = h.help_zh or h.help_en if self.language == "zh" else h.help_en
            edit.setToolTip(f"{help_text}\n" + tr("Allowed: {0}").format(h.range_text()))
            edit.textEdited.connect(self._edited)
            self.hparam_edits[h.name] = edit
            self.hparam_box.addRow(h.name, edit)

    def load(self, config: RunConfig) -> None:
        """Show ``config`` in the form."""
        self._loading = True
        try:
            self._config = config
            self.name.setText(config.name)
            self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(get_optimizer(config.optimizer).name)))
            self._rebuild_hparams(config.optimizer, config.hparams)
            self.batch.setValue(config.batch_size or 0)
            self.schedule.setCurrentIndex(max(0, self.schedule.findData(get_schedule(config.schedule).name)))
            self.batch_norm.setChecked(bool(config.model_kwargs.get("batch_norm", False)))
            self.dropout.setValue(float(config.model_kwargs.get("dropout", 0.0)))
        finally:
            self._loading = False
        self._show_error("")

    def _optimizer_changed(self) -> None:
        if self._loading:
            return
        name = self.optimizer.currentData()
        lr = self._config.hparams.get("lr")
        keep: dict[str, float] = {"lr": lr} if lr is not None else {}
        defaults = get_optimizer(name).defaults()
        self._rebuild_hparams(name, {**defaults, **keep})
        self._edited()

    def current(self) -> RunConfig:
        """The form's values as a validated RunConfig (ConfigError naming the bad field)."""
        hparams: dict[str, float] = {}
        problems = []
        for key, edit in self.hparam_edits.items():
            text = edit.text().strip()
            try:
                value = float(text)
            except ValueError:
                problems.append(tr("{0}: “{1}” is not a number.").format(key, text))
                continue
            hparams[key] = value
        if problems:
            raise ConfigError(" ".join(problems))
        kwargs = dict(self._config.model_kwargs)
        if self._has_bn:
            kwargs["batch_norm"] = self.batch_norm.isChecked()
        if self._has_dropout:
            kwargs["dropout"] = round(self.dropout.value(), 3)
        config = RunConfig(
            name=self.name.text().strip(), optimizer=self.optimizer.currentData(), hparams=hparams,
            batch_size=self.batch.value() or None, schedule=self.schedule.currentData(),
            schedule_params=dict(self._config.schedule_params) if self.schedule.currentData() == self._config.schedule
            else {}, model_kwargs=kwargs,
        )
        return config.validated()

    def _edited(self, *args: object) -> None:
        if self._loading:
            return
        try:
            config = self.current()
        except ConfigError as exc:
            self._show_error(error_text(exc))
            return
        self._show_error("")
        self._config = config
        self.sig_changed.emit(config)

    def _show_error(self, message: str) -> None:
        self.valid = not message
        self.error.setText(message)
        self.error.setVisible(bool(message))
        for key, edit in self.hparam_edits.items():
            bad = bool(message) and (f"{key} =" in message or message.startswith(f"{key}:")
                                     or f" {key}:" in message or f"{key} must" in message)
            edit.setStyleSheet("border: 1px solid #c62828;" if bad else "")
        self.name.setStyleSheet("border: 1px solid #c62828;" if "name" in message else "")
        self.sig_validity.emit(self.valid)
