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

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.icons import player_icon
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, run_in_thread

if TYPE_CHECKING:
    from cnnviz.gui.inspect.timelapse_compare import SnapshotCompare

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
        self.compare: SnapshotCompare | None = None  # Compare… (timelapse_compare)
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
        # a reopened lesson: its snapshots come back through the Train tab (which rebuilds the run first)
        self.replay_run = ""  # the run offered by the hint ('' when the hint is not shown)
        self.replay_hint = QLabel(tr("This model was trained with a time-lapse; the Train tab brings it back."))
        self.replay_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # elides, never widens
        self.replay_button = QToolButton()
        self.replay_button.setText(tr("Load time-lapse"))
        self.replay_button.setToolTip(tr("Open this run from the Train tab again (what its Open in Inspect does), "
                                         "with the weights kept while it trained"))
        self.replay_button.clicked.connect(lambda: self.state.open_run_in_inspect.emit(self.replay_run))
        for w in (self.title, self.play_button):
            lay.addWidget(w)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.step_label)
        lay.addWidget(self.compare_button)
        lay.addWidget(self.replay_hint, 1)
        lay.addWidget(self.replay_button)
        self._show_replay(False)
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
        self._show_replay(False)
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

    def offer_replay(self, run: str) -> None:
        """Say where the time-lapse would be that the Train tab can bring back for run ``run``, with a button.

        For the model shown now (a reopened lesson's trained run); another model takes the hint away.
        """
        if self.recorder is not None or not run:
            return  # the time-lapse is here already
        self.replay_run = run
        self._show_replay(True)
        self.show()

    def _show_replay(self, on: bool) -> None:
        """The hint and its button instead of the slider and the player (or the other way round)."""
        if not on:
            self.replay_run = ""
        for w in (self.play_button, self.slider, self.step_label, self.compare_button):
            w.setVisible(not on)
        self.replay_hint.setVisible(on)
        self.replay_button.setVisible(on)

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
            from cnnviz.gui.inspect.timelapse_compare import SnapshotCompare

            self.compare = SnapshotCompare(self.state, self.controller, self.recorder, self.run, self.steps, self)
            self.compare.destroyed.connect(lambda *_: setattr(self, "compare", None))
        self.compare.show()
        self.compare.raise_()
        return self.compare
