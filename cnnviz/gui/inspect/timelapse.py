"""The training time-lapse: scrub and play a run's weight snapshots in the Inspect tab.

A model trained in the app may come with the weights kept during its run
(``session.request.snapshots``, e.g. a core ``WeightRecorder``, and
``session.request.run``). Then a bar under the model row offers a slider over
those snapshots and Play. Moving to a snapshot loads its state_dict in a
worker and hands the controller a *view* of the session with those weights
(:func:`cnnviz.core.weights_view.session_with_weights`): every Inspect job
runs on it, so the activations, top-5, kernels, Grad-CAM and the selected
unit's effective receptive field all re-render at that snapshot, while the
session's own model keeps its weights (they are swapped in only while a job
holds ``session.exclusive()``).

Scrubbing has back-pressure like the webcam and the sketch pad: one snapshot
is loaded and shown at a time; the slider's newest position is shown next.
Play steps through the snapshots ("watch the first-layer filters form") as
fast as they are shown, at most :data:`PLAY_MS` apart. **Compare…** opens two
snapshots (or two runs at the same step) side by side: the kernels of the
selected convolution (or the first one), the selected layer's activations for
the current image, and the top class.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.icons import player_icon
from cnnviz.gui.inspect.common import ImageView, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, run_in_thread

#: Play shows the next snapshot at most this often (ms).
PLAY_MS = 350
#: When the model is busy with other work, look again this often (ms).
RETRY_MS = 20


def snapshot_source(session: Any) -> tuple[Any, str, list[int]] | None:
    """(recorder, run, steps) of the run a session was trained in, or None without snapshots."""
    request = getattr(session, "request", None)
    recorder = getattr(request, "snapshots", None)
    if request is None or recorder is None:
        return None
    try:
        runs = list(recorder.runs()) if hasattr(recorder, "runs") else []
        run = request.run or (runs[0] if runs else None)
        steps = [int(s) for s in recorder.steps(run)] if run is not None else []
    except Exception:  # noqa: BLE001 (a recorder that cannot answer: no time-lapse)
        return None
    return (recorder, str(run), steps) if steps else None


def step_text(step: int, index: int, count: int, every: Any) -> str:
    """'step 120 · 4 of 12', with the epoch when snapshots were taken every epoch, and 'initial weights' at 0."""
    where = tr("{0} of {1}").format(index + 1, count)
    if step == 0:
        return tr("initial weights · {0}").format(where)
    if every == "epoch":
        return tr("epoch {0} (step {1}) · {2}").format(index, step, where)
    return tr("step {0} · {1}").format(step, where)


def job_weights_view(*, progress: ProgressFn, cancel: CancelToken, session: Any, recorder: Any, run: str,
                     step: int, label: str) -> Any:
    """Load run ``run``'s snapshot at ``step`` and make a view of ``session`` with it (a worker job)."""
    from cnnviz.core.weights_view import session_with_weights

    state = recorder.load(run, step)
    cancel.check()
    return session_with_weights(session, state, label)


class TimelapseBar(QWidget):
    """Slider, Play and Compare over a run's snapshots (hidden for models without any)."""

    sig_shown = Signal(int)
    """The snapshot at this slider index is now what Inspect shows."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.recorder: Any = None
        self.run = ""
        self.steps: list[int] = []
        self.shown_index: int | None = None  # the snapshot Inspect shows (None: the model's own weights)
        self.wanted: int | None = None  # a slider position waiting to be shown
        self.in_flight = False
        self._job: Job | None = None
        self._session_id: int | None = None
        self.compare: SnapshotCompare | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 2)
        self.title = QLabel(tr("Training time-lapse:"))
        self.title.setToolTip(tr("The weights kept while this model trained. Move the slider (or press Play) and "
                                 "the activations, top-5, kernels, Grad-CAM and receptive field show that moment: "
                                 "watch the first-layer filters form."))
        self.play_button = QToolButton()
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(tr("Play the snapshots in order (the Kernels panel shows the filters forming)"))
        self.play_button.toggled.connect(self._on_play)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(80)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self.scrub_to)
        self.step_label = QLabel()
        self.step_label.setMinimumWidth(self.step_label.fontMetrics().horizontalAdvance("epoch 00 (step 0000)"))
        self.compare_button = QToolButton()
        self.compare_button.setText(tr("Compare…"))
        self.compare_button.setToolTip(tr("Two snapshots (or two runs) side by side: kernels, activations and the "
                                          "top class, e.g. the initial weights against the trained ones"))
        self.compare_button.clicked.connect(self.open_compare)
        for w in (self.title, self.play_button):
            lay.addWidget(w)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.step_label)
        lay.addWidget(self.compare_button)
        self._set_play_text(False)
        self._play = QTimer(self)
        self._play.setInterval(PLAY_MS)
        self._play.timeout.connect(self._tick)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._pump)
        state.model_changed.connect(self._on_model)
        controller.weights_view_changed.connect(self._on_view)
        self.hide()
        self._on_model(state.model)

    # ------------------------------------------------------------ model
    def _on_model(self, session: Any) -> None:
        if session is not None and session.session_id == self._session_id:
            return
        self._session_id = session.session_id if session is not None else None
        self.play_button.setChecked(False)
        self.wanted, self.shown_index = None, None
        if self._job is not None:
            self._job.cancel()
        found = snapshot_source(session) if session is not None else None
        if found is None:
            self.recorder, self.run, self.steps = None, "", []
            self.hide()
            if self.compare is not None:
                self.compare.close()
            return
        self.recorder, self.run, self.steps = found
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self.steps) - 1)
        self.slider.setValue(len(self.steps) - 1)  # the trained weights: the run's last snapshot
        self.slider.blockSignals(False)
        self._show_label(len(self.steps) - 1, own=True)
        self.show()

    def _show_label(self, index: int, own: bool = False) -> None:
        text = step_text(self.steps[index], index, len(self.steps), getattr(self.recorder, "every", None))
        self.step_label.setText(tr("trained weights · {0} snapshots").format(len(self.steps)) if own else text)

    def _on_view(self, view: Any) -> None:
        if view is None and self.recorder is not None:
            self.shown_index = None
            self._show_label(self.slider.value(), own=True)

    # ------------------------------------------------------------ scrubbing
    def busy(self) -> bool:
        """True while a snapshot is being loaded or shown, or one waits."""
        return self.in_flight or self.wanted is not None

    def scrub_to(self, index: int) -> None:
        """Show the snapshot at slider ``index`` (the newest request wins; one is shown at a time)."""
        if not self.steps:
            return
        index = max(0, min(int(index), len(self.steps) - 1))
        if self.slider.value() != index:
            self.slider.setValue(index)  # comes back here
            return
        self.wanted = index
        self._show_label(index)
        self._pump()

    def _pump(self) -> None:
        if self.wanted is None or self.in_flight:
            return
        session = self.state.model
        if session is None or self.recorder is None:
            self.wanted = None
            return
        if self.controller.pending("main"):  # another image or model is on its way: look again shortly
            self._retry.start()
            return
        index, self.wanted = self.wanted, None
        self.in_flight = True
        step = self.steps[index]
        job = run_in_thread(job_weights_view, session=session, recorder=self.recorder, run=self.run, step=step,
                            label=tr("step {0}").format(step))
        sid = session.session_id
        job.sig_finished.connect(lambda view: self._on_loaded(sid, index, view))
        job.sig_failed.connect(lambda message, _d="": self._on_failed(message))
        job.sig_cancelled.connect(self._done)
        self._job = job

    def _on_loaded(self, session_id: int, index: int, view: Any) -> None:
        session = self.state.model
        if session is None or session.session_id != session_id:
            self._done()
            return
        job = self.controller.show_weights(view, then=lambda: self._shown(index))
        if job is None:
            self._done()

    def _shown(self, index: int) -> None:
        self.shown_index = index
        self.sig_shown.emit(index)
        self._done()

    def _on_failed(self, message: str) -> None:
        self.play_button.setChecked(False)
        self.state.show_error(tr("Training time-lapse"), message)
        self._done()

    def _done(self) -> None:
        self.in_flight = False
        self._pump()

    # ------------------------------------------------------------ play
    def _set_play_text(self, playing: bool) -> None:
        """A drawn ▶ / ⏸ in the button's text colour (the pause glyph is missing from common fonts)."""
        color = self.play_button.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
        side = max(12, round(self.fontMetrics().height() * 1.1))
        self.play_button.setIcon(player_icon("pause" if playing else "play", color, side,
                                             self.devicePixelRatioF()))
        self.play_button.setIconSize(QSize(side, side))
        self.play_button.setAccessibleName(tr("Pause") if playing else tr("Play"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        """Repaint the play symbol for a new theme or zoom."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._set_play_text(self.play_button.isChecked())
        super().changeEvent(event)

    def _on_play(self, on: bool) -> None:
        self._set_play_text(on)
        if on:
            if self.slider.value() >= self.slider.maximum():
                self.scrub_to(0)  # from the start
            self._play.start()
        else:
            self._play.stop()

    def _tick(self) -> None:
        if self.busy():
            return  # the previous snapshot is still on its way: never skip one while playing
        if self.slider.value() >= self.slider.maximum():
            self.play_button.setChecked(False)
            return
        self.scrub_to(self.slider.value() + 1)

    def shutdown(self) -> None:
        """Stop playing and drop what waits (the tab is going away)."""
        self._play.stop()
        self._retry.stop()
        self.wanted = None
        if self._job is not None:
            self._job.cancel()
        if self.compare is not None:
            self.compare.close()

    # ------------------------------------------------------------ compare
    def open_compare(self) -> SnapshotCompare | None:
        """Open (or raise) the side-by-side view of two snapshots."""
        if self.recorder is None:
            return None
        if self.compare is None:
            self.compare = SnapshotCompare(self.state, self.controller, self.recorder, self.run, self.steps, self)
            self.compare.destroyed.connect(lambda *_: setattr(self, "compare", None))
        self.compare.show()
        self.compare.raise_()
        return self.compare


# ---------------------------------------------------------------- compare


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
