"""The Train tab's exports: metrics CSV (kept up to date while training), the plots as PNG, the weights."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from cnnviz.core.errors import CnnvizError
from cnnviz.core.training.metrics import write_metrics_csv
from cnnviz.gui.i18n import error_text

if TYPE_CHECKING:
    from cnnviz.gui.train.tab import TrainTab


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


def export_csv(tab: TrainTab, path: str | None = None) -> str | None:
    """Write the metrics as CSV now (and keep it updated while training); the path, or None."""
    log = tab.controller.log
    if log is None:
        return None
    if not path:
        path, _ = QFileDialog.getSaveFileName(tab, tr("Export metrics"), "metrics.csv", "CSV (*.csv)")
    if not path:
        return None
    try:
        write_metrics_csv(log, path)
    except OSError as exc:
        tab.state.show_error(tr("Cannot write the CSV"), error_text(exc))
        return None
    trainer = tab.controller.trainer
    if tab.controller.is_running() and trainer is not None:
        trainer.add_csv_export(path)
    tab.state.show_status(tr("Metrics written to {0}").format(path))
    return path


def export_png(tab: TrainTab, path: str | None = None) -> str | None:
    """Save the view in front (the curves, sharpness, landscape or sweep) as a PNG image."""
    if not path:
        path, _ = QFileDialog.getSaveFileName(tab, tr("Save plot"), "training.png", "PNG (*.png)")
    if not path:
        return None
    if not tab.views.currentWidget().grab().save(path, "PNG"):
        tab.state.show_error(tr("Cannot save the plot"), tr("Cannot write {0}").format(path))
        return None
    tab.state.show_status(tr("Plot saved to {0}").format(path))
    return path


def export_weights(tab: TrainTab, folder: str | None = None) -> list[str]:
    """Save each run's weights as ``<run>.pt`` state_dict files in a folder; the paths written."""
    trainer = tab.controller.trainer
    if trainer is None:
        return []
    if not folder:
        folder = QFileDialog.getExistingDirectory(tab, tr("Folder for the weights"))
    if not folder:
        return []
    try:
        paths = trainer.save_state_dicts(folder)
    except (OSError, CnnvizError) as exc:
        tab.state.show_error(tr("Cannot save the weights"), error_text(exc))
        return []
    tab.state.show_status(tr("{0} state_dict files written to {1}").format(len(paths), folder))
    return [str(p) for p in paths]
