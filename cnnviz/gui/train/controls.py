"""The Train tab's buttons: Start / Continue / Pause / Stop with progress, and the plot toolbar.

Both wrap (:mod:`.flow_layout`) instead of widening the window, so the main
actions stay on screen on a 1280-pixel projector and at 200 % zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.flow_layout import flow_widget
from cnnviz.gui.train.plots import X_AXES


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


class RunControls(QWidget):
    """Start, Continue, Pause and Stop, a thin progress bar and one status line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_button = QPushButton(tr("Start"))
        self.start_button.setToolTip(tr("Train every run from the same initial weights (Ctrl+Enter)."))
        self.pause_button = QPushButton(tr("Pause"))
        self.pause_button.setToolTip(tr("Pause or resume every run (Ctrl+P)."))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop every run; what was logged stays (Esc)."))
        self.continue_button = QPushButton(tr("Continue"))
        self.continue_tip = tr("Train the stopped runs on from where they ended, up to the number "
                               "of epochs set above; the curves go on (Ctrl+Shift+Enter).")
        self.continue_button.setToolTip(self.continue_tip)  # the tab says instead why, when it is disabled
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.status = QLabel(tr("Ready."))
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(flow_widget(self.start_button, self.continue_button, self.pause_button, self.stop_button))
        box.addWidget(self.progress)
        box.addWidget(self.status)


class PlotBar(QWidget):
    """Smoothing, x axis, log y, diverged-run clipping, and the exports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.clip_diverged = QCheckBox(QCoreApplication.translate("TrainPlots", "Scale to stable runs"))
        self.clip_diverged.setChecked(True)
        self.clip_diverged.setToolTip(QCoreApplication.translate(
            "TrainPlots", "Fit the loss axes to the runs that did not diverge, so one exploding run does not "
                          "flatten the others (the diverged run is marked ✕ where it leaves the view)."))
        self.export_csv_button = QPushButton(tr("Export CSV…"))
        self.export_csv_button.setToolTip(tr("Save every run's metrics as a long-form CSV (kept up to date "
                                             "while training)."))
        self.export_png_button = QPushButton(tr("Save plot…"))
        self.export_png_button.setToolTip(tr("Save the plots as a PNG image."))
        self.export_weights_button = QPushButton(tr("Save weights…"))
        self.export_weights_button.setToolTip(tr("Save each run's trained weights as a state_dict file (.pt)."))
        self.inspect_button = QPushButton(tr("Open in Inspect"))
        self.inspect_button.setToolTip(tr("Look inside the selected run's trained network in the Inspect tab."))
        smoothing = flow_widget(QLabel(tr("Smoothing")), self.smoothing, self.smoothing_label, spacing=4)
        x_axis = flow_widget(QLabel(tr("X axis")), self.x_axis, spacing=4)
        self.curve_options = (smoothing, x_axis, self.log_y, self.clip_diverged)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.row = flow_widget(*self.curve_options, self.export_csv_button, self.export_png_button,
                               self.export_weights_button, self.inspect_button, spacing=10)
        box.addWidget(self.row)
        self.smoothing.valueChanged.connect(lambda v: self.smoothing_label.setText(f"{v / 100:.2f}"))

    def set_curve_options_visible(self, visible: bool) -> None:
        """Show the options of the curves (smoothing, x axis, log y, scaling) only where they apply."""
        for w in self.curve_options:
            w.setVisible(visible)
        self.row.updateGeometry()
        layout = self.row.layout()
        if layout is not None:
            layout.invalidate()

    def set_x_axis(self, axis: str) -> None:
        """Choose ``step``, ``epoch`` or ``samples`` (no-op for an unknown one)."""
        i = self.x_axis.findData(axis)
        if i >= 0:
            self.x_axis.setCurrentIndex(i)

    def options(self) -> dict[str, object]:
        """The plot options a lesson keeps."""
        return {"smoothing": self.smoothing.value(), "log_y": self.log_y.isChecked(),
                "x_axis": self.x_axis.currentData()}
