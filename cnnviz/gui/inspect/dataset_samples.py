"""The Samples menu's validation pictures of the dataset a model was trained on (a model trained in the app).

When the session's request names a dataset (the Train tab sends it), its
validation pictures are read in a worker (:mod:`cnnviz.core.training.validation_samples`)
and added under the shipped samples, a few per class, each labelled with the
class name the model uses (``session.class_names``). Choosing one runs it
like any other image. The entries go away when another model is loaded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox

from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.jobs import ImageInput
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, run_in_thread

#: Validation pictures offered per class.
PER_CLASS = 2


def job_validation_samples(*, progress: ProgressFn, cancel: CancelToken, name: str, path: str | None,
                           image_size: int) -> Any:
    """core.training.validation_samples on a worker."""
    from cnnviz.core.training.validation_samples import validation_samples

    return validation_samples(name, path=path, image_size=image_size, per_class=PER_CLASS, progress=progress,
                              cancel=cancel)


class DatasetSamplesMenu(QObject):
    """Adds a trained model's validation pictures to the Samples box (see the module docstring)."""

    sig_loaded = Signal(object)
    """Validation pictures were added (a core ``ValidationSamples``), or removed (None)."""

    def __init__(self, state: AppState, combo: QComboBox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.combo = combo
        self.first_added = -1  # index of the first item this object added (-1: none)
        self.samples: Any = None  # the core ValidationSamples shown
        self._job: Job | None = None
        self._for_session: int | None = None
        state.model_changed.connect(self._on_model)
        self._on_model(state.model)

    def busy(self) -> bool:
        """True while the pictures are being read."""
        return self._job is not None and not self._job.delivered

    def _on_model(self, session: Any) -> None:
        request = getattr(session, "request", None) if session is not None else None
        if session is not None and session.session_id == self._for_session:
            return  # the same session announced again (a rebuilt tab)
        self._remove()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._for_session = session.session_id if session is not None else None
        if request is None or not request.dataset:
            return
        job = run_in_thread(job_validation_samples, name=request.dataset, path=request.dataset_path,
                            image_size=int(session.input_shape[1]))
        sid = session.session_id
        job.sig_finished.connect(lambda result: self._on_loaded(sid, result))
        job.sig_failed.connect(lambda message, _details="": self._on_failed(sid, message))
        self._job = job

    def _on_failed(self, session_id: int, message: str) -> None:
        if session_id == self._for_session:
            self.state.show_status(tr("No validation images to offer: {0}").format(message), 8000)

    def _on_loaded(self, session_id: int, result: Any) -> None:
        session = self.state.model
        if session is None or session.session_id != session_id or session_id != self._for_session:
            return
        self._remove()
        names = session.class_names
        combo = self.combo
        self.first_added = combo.count()
        combo.insertSeparator(combo.count())
        combo.addItem(tr("Validation images of {0}:").format(self._dataset_label(result)), None)
        model = combo.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(combo.count() - 1)
            if item is not None:
                item.setEnabled(False)  # a heading
        for s in result.samples:
            name = names[s.class_index] if names and s.class_index < len(names) else s.class_name
            text = tr("{0} (validation image {1})").format(name, s.index)
            combo.addItem("  " + text, ImageInput(array=s.rgb, label=f"{result.dataset}: {text}"))
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the list shows whole names; the box stays narrow
        self.samples = result
        self.sig_loaded.emit(result)

    def first_input(self) -> ImageInput | None:
        """The first validation image offered (the first class's first picture), or None."""
        if self.first_added < 0:
            return None
        for i in range(self.first_added, self.combo.count()):
            data = self.combo.itemData(i)
            if isinstance(data, ImageInput):
                return data
        return None

    def _dataset_label(self, result: Any) -> str:
        from cnnviz.core.training.datasets import get_dataset_info

        info = get_dataset_info(result.dataset)
        return info.label_zh if self.state.language == "zh" and info.label_zh else info.label

    def _remove(self) -> None:
        if self.first_added < 0:
            return
        while self.combo.count() > self.first_added:
            self.combo.removeItem(self.combo.count() - 1)
        self.first_added = -1
        self.samples = None
        self.sig_loaded.emit(None)
