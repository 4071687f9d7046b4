"""The Train tab's setup form: what every run shares (model, data, epochs, seeds, device) and what to watch.

Besides the :class:`~cnnviz.core.training.config.TrainSetup` fields, the
form holds two things to keep while training: the sharpness estimate every K
steps (``TrainSetup.sharpness_every``) and the weight snapshots (every epoch,
every N steps or off) that Inspect replays and the landscape view projects.
"""

from __future__ import annotations

import inspect
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from cnnviz.core.models._api import trainable_models
from cnnviz.core.training.config import TrainSetup
from cnnviz.core.training.datasets import list_datasets

#: The models the Train tab offers: those registered with ``trainable=True`` (see core.models).
TRAIN_MODELS = tuple(spec.name for spec in trainable_models())


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


def builder_takes(model: str, name: str) -> bool:
    """True when the model's builder has a parameter ``name`` (``batch_norm``, ``dropout``)."""
    from cnnviz.core.models import get_spec

    try:
        return name in inspect.signature(get_spec(model).builder).parameters
    except Exception:
        return False


def _row(*widgets: QWidget | str) -> QHBoxLayout:
    box = QHBoxLayout()
    for w in widgets:
        if isinstance(w, str):
            box.addWidget(QLabel(w))
        else:
            box.addWidget(w, 1)
    return box


class SetupForm(QGroupBox):
    """The shared setup of every run, and the snapshot and sharpness choices."""

    sig_changed = Signal()
    """Model, data or device changed (the status bar names them)."""
    sig_model_changed = Signal(str)
    """Another model was chosen (its switches: BatchNorm, dropout)."""
    sig_epochs_changed = Signal(int)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(tr("Setup shared by every run"), parent)
        self._kept = TrainSetup()
        self._build_data(language == "zh")
        self._build_numbers()
        self._build_watch()
        form = QFormLayout(self)
        form.addRow(tr("Model"), self.model)
        form.addRow(tr("Data"), self.dataset)
        form.addRow("", self.folder_row)
        form.addRow(tr("Epochs"), _row(self.epochs, tr("batch"), self.batch))
        form.addRow(tr("Train images"), self.train_limit)
        form.addRow(tr("Seeds"), _row(tr("weights"), self.init_seed, tr("data"), self.data_seed))
        form.addRow(tr("Device"), self.device)
        form.addRow(QLabel(tr("Keep weights")), _row(self.snapshots, self.snapshot_steps))
        form.addRow(tr("Sharpness"), self.sharpness_every)
        self.dataset.currentIndexChanged.connect(self._dataset_changed)
        self.model.currentIndexChanged.connect(lambda _i: self.sig_model_changed.emit(self.model.currentData()))
        self.model.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        self.device.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        self.epochs.valueChanged.connect(self.sig_epochs_changed)
        self.folder_button.clicked.connect(self._browse_folder)
        self.snapshots.currentIndexChanged.connect(self._snapshots_changed)
        self._dataset_changed()
        self._snapshots_changed()

    def _build_data(self, zh: bool) -> None:
        self.model = QComboBox()
        for name in TRAIN_MODELS:
            self.model.addItem(name, name)
        self.model.setToolTip(tr("The network every run trains (built once from the init seed)."))
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

    def _build_numbers(self) -> None:
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

    def _build_watch(self) -> None:
        self.snapshots = QComboBox()
        self.snapshots.addItem(QCoreApplication.translate("TrainWatch", "every epoch"), "epoch")
        self.snapshots.addItem(QCoreApplication.translate("TrainWatch", "every N steps"), "steps")
        self.snapshots.addItem(QCoreApplication.translate("TrainWatch", "off"), "off")
        self.snapshots.setToolTip(QCoreApplication.translate(
            "TrainWatch", "Keep each run's weights at these points while training: Inspect replays them (watch "
                          "the filters form) and the Landscape view draws each run's path. Small models keep "
                          "them in memory, large ones on disk."))
        self.snapshot_steps = QSpinBox()
        self.snapshot_steps.setRange(1, 1_000_000)
        self.snapshot_steps.setValue(20)
        self.snapshot_steps.setPrefix("N = ")
        self.snapshot_steps.setToolTip(QCoreApplication.translate("TrainWatch", "Steps between two snapshots."))
        self.sharpness_every = QSpinBox()
        self.sharpness_every.setRange(0, 100_000)
        self.sharpness_every.setSpecialValueText(QCoreApplication.translate("TrainWatch", "off"))
        self.sharpness_every.setPrefix(QCoreApplication.translate("TrainWatch", "every "))
        self.sharpness_every.setSuffix(QCoreApplication.translate("TrainWatch", " steps"))
        self.sharpness_every.setToolTip(QCoreApplication.translate(
            "TrainWatch", "Estimate the sharpness (the largest curvature of the training loss) every K steps and "
                          "plot it next to each optimizer's stability edge (2/lr for gradient descent). Each "
                          "estimate costs a few dozen gradient passes on a probe batch."))

    # ------------------------------------------------------------ values
    def setup(self) -> TrainSetup:
        """The shared setup the controls describe (validated; ConfigError naming a bad value).

        What the form does not show (validation images, divergence factor, probe
        size; image size and model options while data and model stay) comes from
        the setup shown last, so a lesson's setup trains as it was written.
        """
        kept = self._kept
        model, dataset = self.model.currentData(), self.dataset.currentData()
        return replace(
            kept, model=model, dataset=dataset,
            model_kwargs=dict(kept.model_kwargs) if model == kept.model else {},
            image_size=kept.image_size if dataset == kept.dataset else None,
            dataset_path=self.folder.text().strip() or None, epochs=self.epochs.value(),
            batch_size=self.batch.value(), train_limit=self.train_limit.value() or None,
            init_seed=self.init_seed.value(), data_seed=self.data_seed.value(),
            device=self.device.currentData(), sharpness_every=self.sharpness_every.value() or None,
        ).validated()

    def set_setup(self, setup: TrainSetup) -> None:
        """Show ``setup`` in the controls (and keep what they cannot show)."""
        self._kept = replace(setup)
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
        self.sharpness_every.setValue(setup.sharpness_every or 0)

    def snapshots_every(self) -> int | str | None:
        """Snapshots of the weights: ``"epoch"``, every N steps (an int), or None (off)."""
        kind = self.snapshots.currentData()
        return None if kind == "off" else "epoch" if kind == "epoch" else self.snapshot_steps.value()

    def set_snapshots_every(self, every: int | str | None) -> None:
        """Show a snapshot choice (see :meth:`snapshots_every`)."""
        if isinstance(every, int):
            self.snapshot_steps.setValue(every)
        self.snapshots.setCurrentIndex(self.snapshots.findData(
            "off" if not every else "epoch" if every == "epoch" else "steps"))

    def set_running(self, running: bool) -> None:
        """Lock the setup while training runs."""
        for w in (self.model, self.dataset, self.folder_row, self.epochs, self.batch, self.train_limit,
                  self.init_seed, self.data_seed, self.device, self.snapshots, self.snapshot_steps,
                  self.sharpness_every):
            w.setEnabled(not running)

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the model every run trains, its data and device (and that device)."""
        device = str(self.device.currentData() or "cpu")
        return [self.model.currentText(), self.dataset.currentText(), device], device

    def _dataset_changed(self) -> None:
        self.folder_row.setVisible(self.dataset.currentData() == "folder")
        self.sig_changed.emit()

    def _snapshots_changed(self) -> None:
        self.snapshot_steps.setVisible(self.snapshots.currentData() == "steps")

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Image folder (one sub-folder per class)"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)
