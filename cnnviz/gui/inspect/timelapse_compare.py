"""Compare… of the training time-lapse: two snapshots (or two runs at one step) side by side.

Each side shows the kernels of the selected convolution (or the first one), the
selected layer's activations for the current image and the top class, computed
in a worker on a view of the session with that snapshot's weights.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.inspect.common import ImageView, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.inspect.timelapse import step_text
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, run_in_thread


@dataclass(frozen=True)
class SideAnswer:
    """What one side of the comparison shows, for one run, step, layer and image."""

    run: str
    step: int
    kernel_layer: str | None
    kernels: np.ndarray | None  # uint8 RGB mosaic, or None (no convolution)
    weight: np.ndarray | None  # the kernels' weights (float32), as shown
    layer: str
    maps: np.ndarray | None  # uint8 RGB mosaic of the layer's output, or None
    top: tuple[int, float] | None  # (class index, probability)


def kernel_layer_for(session: Any, layer: str) -> str | None:
    """The layer whose kernels to compare: ``layer`` if it is a convolution, else the first convolution."""
    row = session.summary.layer(layer) if layer else None
    if row is not None and "Conv" in row.type:
        return row.key
    first = session.first_layer_of_type("Conv2d")
    return first.key if first is not None else None


def job_compare_side(*, progress: ProgressFn, cancel: CancelToken, session: Any, recorder: Any, run: str, step: int,
                     layer: str, tensor: Any, colormap: str) -> SideAnswer:
    """Kernels, activations and the top class of ``session``'s model with run ``run``'s weights at ``step``."""
    import torch

    from cnnviz.core.probe import capture
    from cnnviz.core.render import kernel_mosaic, mosaic
    from cnnviz.core.weights_view import session_with_weights
    from cnnviz.gui.inspect.activation_grid import layer_maps

    view = session_with_weights(session, recorder.load(run, step))
    kernel_key = kernel_layer_for(session, layer)
    weight = view.weight_of(kernel_key) if kernel_key else None
    cancel.check()
    with view.exclusive() as model:
        dev = next((p.device for p in model.parameters()), torch.device("cpu"))
        result = capture(model, tensor.to(dev), [layer.split("#")[0]] if layer else [])
        out = result.layers.get(layer) if layer else None
        logits = result.output.detach().float().cpu() if result.output is not None else None
        maps = layer_maps(out.detach().cpu()) if out is not None else None
    kernels = None
    if weight is not None and weight.ndim == 4:
        kernels = kernel_mosaic(weight, None if weight.shape[1] == 3 else 0).to_rgb()
    picture = mosaic(maps, scale="shared").to_rgb(colormap) if maps is not None and maps.size else None
    top = None
    if logits is not None and logits.dim() == 2:
        p = torch.softmax(logits[0], 0)
        top = (int(p.argmax()), float(p.max()))
    return SideAnswer(run, step, kernel_key, kernels, weight, layer, picture, top)


class _Side(QWidget):
    """One column of the comparison: which run and step, and what they show."""

    sig_changed = Signal()
    """The run or the step changed."""

    def __init__(self, recorder: Any, runs: list[str], run: str, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recorder = recorder
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        self.run_box = QComboBox()
        for name in runs:
            self.run_box.addItem(name, name)
        self.run_box.setCurrentIndex(max(0, runs.index(run)) if run in runs else 0)
        self.run_box.setToolTip(tr("The run (e.g. SGD or Adam) whose weights this side shows"))
        self.run_box.currentIndexChanged.connect(self._on_run)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setPageStep(1)
        self.label = QLabel()
        pick.addWidget(self.run_box)
        pick.addWidget(self.slider, 1)
        lay.addLayout(pick)
        lay.addWidget(self.label)
        self.kernels = ImageView(title=tr("Kernels"))
        self.maps = ImageView(title=tr("Activations"))
        self.top = QLabel()
        self.top.setWordWrap(True)
        lay.addWidget(self.kernels, 1)
        lay.addWidget(self.maps, 1)
        lay.addWidget(self.top)
        self.steps: list[int] = []
        self._on_run(keep=index)
        self.slider.valueChanged.connect(self._on_step)

    @property
    def run(self) -> str:
        """The run shown."""
        return str(self.run_box.currentData())

    @property
    def step(self) -> int:
        """The step shown."""
        return self.steps[self.slider.value()] if self.steps else 0

    def _on_run(self, _index: int = 0, keep: int | None = None) -> None:
        step = self.step if self.steps else None
        self.steps = list(self.recorder.steps(self.run))
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, len(self.steps) - 1))
        if keep is not None:
            self.slider.setValue(max(0, min(keep, len(self.steps) - 1)))
        elif step in self.steps:  # the same step of the other run (SGD vs Adam at one moment)
            self.slider.setValue(self.steps.index(step))
        self.slider.blockSignals(False)
        self._on_step()

    def _on_step(self, _value: int = 0) -> None:
        if self.steps:
            i = self.slider.value()
            self.label.setText(step_text(self.steps[i], i, len(self.steps), getattr(self.recorder, "every", None)))
        self.sig_changed.emit()

    def show_answer(self, answer: SideAnswer, names: Any) -> None:
        self.kernels.set_rgb(answer.kernels)
        self.kernels.set_title(tr("Kernels of {0}").format(answer.kernel_layer) if answer.kernel_layer
                               else tr("No convolution to show"))
        self.maps.set_rgb(answer.maps)
        self.maps.set_title(tr("Activations of {0}").format(answer.layer) if answer.layer else "")
        if answer.top is None:
            self.top.setText("")
        else:
            c, p = answer.top
            name = names[c] if names and c < len(names) else tr("class {0}").format(c)
            self.top.setText(tr("Top class: {0} ({1:.1%})").format(name, p))


class SnapshotCompare(QDialog):
    """Two snapshots side by side for the current image and layer (see the module docstring)."""

    def __init__(self, state: AppState, controller: InspectController, recorder: Any, run: str, steps: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Compare snapshots"))
        self.state = state
        self.controller = controller
        self.recorder = recorder
        self.answers: list[SideAnswer | None] = [None, None]
        self._jobs: list[Job | None] = [None, None]
        self._generation = [0, 0]
        runs = self._fitting_runs(run)
        self.sides = [_Side(recorder, runs, run, 0), _Side(recorder, runs, run, len(steps) - 1)]
        lay = QGridLayout(self)
        for i, side in enumerate(self.sides):
            lay.addWidget(side, 0, i)
            side.sig_changed.connect(lambda i=i: self._compute(i))
        self.resize(900, 640)
        # Qt never disconnects a lambda when its window goes: without this every closed window's
        # refresh kept running on a deleted widget. ``forget`` holds no reference to the window,
        # so it also runs from ``destroyed`` (deleted without closing: with the time-lapse bar).
        def refresh(*_: object) -> None:
            self.compute_all()

        sources: list[SignalInstance] = [state.layer_changed, controller.forward_changed, controller.colormap_changed]
        for signal in sources:
            signal.connect(refresh)

        def forget(*_: object) -> None:
            while sources:
                with contextlib.suppress(RuntimeError, TypeError):  # already gone (a rebuilt tab)
                    sources.pop().disconnect(refresh)

        self._forget = forget
        self.finished.connect(self._disconnect)  # Esc, or the window's close button
        self.destroyed.connect(forget)
        self.compute_all()

    def _disconnect(self, *_: object) -> None:
        """Stop following the Inspect tab and cancel the sides' work (Esc does not pass through closeEvent)."""
        self._forget()
        for job in self._jobs:
            if job is not None:
                job.cancel()

    def _fitting_runs(self, run: str) -> list[str]:
        """Runs whose weights fit this model (a run with other layers, e.g. with BatchNorm, is left out)."""
        from cnnviz.core.errors import CnnvizError
        from cnnviz.core.weights_view import check_fits

        session = self.state.model
        out = []
        for name in self.recorder.runs():
            steps = self.recorder.steps(name)
            if name != run and session is not None and steps:
                try:
                    with session.exclusive(timeout=2.0) as model:
                        check_fits(model, self.recorder.load(name, steps[0]))
                except CnnvizError:
                    continue
            out.append(name)
        return out or [run]

    def busy(self) -> bool:
        """True while a side is computing."""
        return any(j is not None and not j.delivered for j in self._jobs)

    def compute_all(self) -> None:
        """Compute both sides again (another layer, image or colormap)."""
        for i in range(2):
            self._compute(i)

    def _compute(self, i: int) -> None:
        session, image = self.state.model, self.state.image
        if session is None or image is None:
            return
        old = self._jobs[i]
        if old is not None:
            old.cancel()
        self._generation[i] += 1
        gen = self._generation[i]
        side = self.sides[i]
        job = run_in_thread(job_compare_side, session=session, recorder=self.recorder, run=side.run,
                            step=side.step, layer=self.state.layer, tensor=image.tensor,
                            colormap=self.controller.colormap)
        job.sig_finished.connect(lambda answer: self._on_answer(i, gen, answer))
        job.sig_failed.connect(lambda message, _d="": self._on_failed(i, gen, message))
        self._jobs[i] = job

    def _on_failed(self, i: int, gen: int, message: str) -> None:
        if gen == self._generation[i]:
            self.sides[i].top.setText(message)

    def _on_answer(self, i: int, gen: int, answer: SideAnswer) -> None:
        if gen != self._generation[i]:
            return
        self.answers[i] = answer
        session = self.state.model
        self.sides[i].show_answer(answer, session.class_names if session is not None else None)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Stop listening and cancel the sides' work."""
        self._disconnect()
        super().closeEvent(event)
