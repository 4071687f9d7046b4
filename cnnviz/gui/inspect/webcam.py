"""Live webcam input for the Inspect tab.

:class:`CameraProbe` looks for cameras on a worker (opening a camera can
take a while). :class:`WebcamLive` reads the chosen camera with a core
:class:`~cnnviz.core.camera.FrameGrabber` (its own thread, newest frame
only) and feeds frames to the model through the controller's normal image
path, with back-pressure: a frame goes to the model only when no forward
pass is pending, so at most one is ever queued and the frames that arrive
meanwhile are dropped (and counted). The activations follow the camera at
whatever rate the model allows; the status bar shows that rate.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cnnviz.core.camera import DEFAULT_MAX_INDEX, CameraInfo, FrameGrabber, list_cameras
from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.inspect.jobs import ImageInput
from cnnviz.gui.state import AppState
from cnnviz.gui.workers import Job, run_in_thread

#: How often the GUI thread looks for a new frame (ms); cheap: it compares a counter.
POLL_MS = 15
#: How often the status bar's rate is refreshed (s).
STATUS_EVERY = 0.5
#: The rate is measured over this many recent frames.
RATE_WINDOW = 30
#: How long stopping may wait for the camera thread to release the camera (s).
STOP_TIMEOUT = 1.5


def camera_label(info: CameraInfo) -> str:
    """'Camera 0: Integrated Webcam (1280×720)' in the interface language."""
    text = tr("Camera {0}").format(info.index)
    if info.name:
        text += f": {info.name}"
    if info.width and info.height:
        text += f" ({info.width}×{info.height})"
    return text


def job_list_cameras(*, progress: ProgressFn, cancel: CancelToken, max_index: int) -> list[CameraInfo]:
    """The cameras that open (core.camera.list_cameras), on a worker."""
    return list_cameras(max_index)


class CameraProbe(QObject):
    """Looks for cameras off the GUI thread; one search at a time."""

    sig_found = Signal(object)
    """A search ended: the list of ``CameraInfo`` found (maybe empty)."""

    def __init__(self, max_index: int = DEFAULT_MAX_INDEX, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_index = max_index
        self.cameras: list[CameraInfo] | None = None  # None until the first search ended
        self.last_search = float("-inf")
        self._job: Job | None = None

    @property
    def searching(self) -> bool:
        """True while a search runs."""
        return self._job is not None and not self._job.delivered

    def search(self) -> bool:
        """Start a search unless one runs; True if one started."""
        if self.searching:
            return False
        self.last_search = time.monotonic()
        job = run_in_thread(job_list_cameras, max_index=self.max_index)
        job.sig_finished.connect(self._on_found)
        job.sig_failed.connect(lambda _msg: self._on_found([]))
        self._job = job
        return True

    def _on_found(self, cameras: list[CameraInfo]) -> None:
        self.cameras = list(cameras)
        self.sig_found.emit(self.cameras)


class WebcamLive(QObject):
    """Feeds a camera's newest frame to the model, one forward pass at a time."""

    sig_running = Signal(bool)
    """Live mode started (True) or stopped (False)."""

    def __init__(self, state: AppState, controller: InspectController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.grabber: FrameGrabber | None = None
        self.index = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._reset_counts()
        controller.model_failed.connect(self._on_model_failed)

    def _reset_counts(self) -> None:
        self.submitted = 0  # frames sent to the model
        self.shown = 0  # frames whose activations were published
        self.dropped = 0  # frames read but never sent (the model was busy)
        self.in_flight = False
        self._last_seq = 0
        self._forward_at_submit: Any = None
        self._shown_times: deque[float] = deque(maxlen=RATE_WINDOW)
        self._status_at = 0.0

    @property
    def active(self) -> bool:
        """True while live mode is on."""
        return self.grabber is not None

    # ------------------------------------------------------------ start / stop
    def start(self, index: int) -> None:
        """Open camera ``index`` (on the grabber's thread) and start feeding its frames to the model."""
        if self.active:
            self.stop()
        self.index = index
        self._reset_counts()
        self.grabber = FrameGrabber(index)
        self.grabber.start()
        self._timer.start()
        self.state.show_status(tr("Opening camera {0}…").format(index), 0)
        self.sig_running.emit(True)

    def stop(self, message: str = "") -> bool:
        """Stop live mode and release the camera; the last image stays. True once the camera is released.

        ``message``: why it stopped, for the status bar ('' for a user's stop).
        """
        grabber, self.grabber = self.grabber, None
        if grabber is None:
            return True
        self._timer.stop()
        released = grabber.stop(STOP_TIMEOUT)
        seq, _ = grabber.latest()
        self.dropped += max(0, seq - self._last_seq)
        self.state.show_status(
            message or tr("Webcam stopped: {0} frames shown, {1} dropped while the model was busy.").format(
                self.shown, self.dropped),
            6000,
        )
        self.sig_running.emit(False)
        return released

    # ------------------------------------------------------------ the loop
    def _poll(self) -> None:
        grabber = self.grabber
        if grabber is None:
            return
        if grabber.error is not None:
            reason = str(grabber.error)
            self.stop(tr("Webcam stopped: the camera failed."))
            self.state.show_error(tr("Webcam stopped"), reason + "\n\n" + tr("The last image stays loaded."))
            return
        seq, frame = grabber.latest()
        if frame is not None and seq != self._last_seq and self._can_submit():
            self.dropped += seq - self._last_seq - 1
            self._last_seq = seq
            self._submit(frame)
        self._show_rate()

    def _can_submit(self) -> bool:
        """Back-pressure: only when no forward pass (ours or a model load) is pending."""
        return not self.in_flight and self.state.model is not None and not self.controller.pending("main")

    def _submit(self, frame: Any) -> None:
        self.in_flight = True
        self.submitted += 1
        self._forward_at_submit = self.controller.forward
        job = self.controller.load_image(
            ImageInput(array=frame, label=tr("camera {0}").format(self.index)),
            then=self._on_forward_done,
            show_progress=False,
            on_failed=self._on_forward_failed,
        )
        if job is None:  # no model yet
            self.in_flight = False

    def _on_forward_done(self) -> None:
        self.in_flight = False
        if self.controller.forward is not self._forward_at_submit:
            self.shown += 1
            self._shown_times.append(time.perf_counter())
        if self.active:
            self._poll()  # the next frame at once, not at the next tick

    def _on_forward_failed(self, _message: str) -> None:
        self.stop(tr("Webcam stopped: the model could not run on a camera frame."))

    def _on_model_failed(self, _message: str) -> None:
        if self.active:
            self.stop(tr("Webcam stopped: the model could not be loaded."))

    # ------------------------------------------------------------ rate
    def fps(self) -> float:
        """Frames shown per second over the recent frames (0 before two were shown)."""
        times = self._shown_times
        if len(times) < 2 or times[-1] <= times[0]:
            return 0.0
        return (len(times) - 1) / (times[-1] - times[0])

    def _show_rate(self) -> None:
        now = time.perf_counter()
        if self.shown == 0 or now - self._status_at < STATUS_EVERY:
            return
        self._status_at = now
        self.state.show_status(
            tr("Webcam live: {0:.1f} fps · {1} frames dropped while the model was busy").format(
                self.fps(), self.dropped),
            0,
        )
