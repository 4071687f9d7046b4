"""Live webcam input in the Inspect tab, driven through the real window.

The only fake is the camera (``core.camera.open_capture``, the boundary to
``cv2.VideoCapture``): it yields synthetic frames in OpenCV's BGR order.
Everything else (the grabber thread, the controller's image path, the
forward pass, the views) is the real code.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt

from cnnviz.core import camera
from cnnviz.core.images import prepare

pytestmark = pytest.mark.gui

H, W = 48, 64


def bgr_frame(k: int) -> np.ndarray:
    """Frame ``k``: a dark ramp with a bright square that moves with k; blue carries k."""
    f = np.zeros((H, W, 3), np.uint8)
    f[..., 1] = np.arange(W, dtype=np.uint8)[None, :] * 2
    f[..., 0] = k % 256
    x = (k * 5) % (W - 12)
    f[10:22, x:x + 12, :] = 250
    f[0, 0, 0] = k % 256  # the frame number, also where the square passes
    return f


def frame_number(rgb: np.ndarray) -> int:
    """The k of a frame after BGR -> RGB (blue is channel 2 in RGB)."""
    return int(rgb[0, 0, 2])


class Cameras(list):
    """Every FakeCapture made; ``plug({index: spec})`` says which indices have a camera."""

    def __init__(self) -> None:
        super().__init__()
        self.present: dict[int, dict] = {}

    def plug(self, present: dict[int, dict]) -> None:
        self.present = present

    def opened(self, index: int) -> list[FakeCapture]:
        """The captures of ``index`` that opened (probes and live use)."""
        return [c for c in self if c.index == index and c.opened]


class FakeCapture:
    """Stands in for ``cv2.VideoCapture``."""

    def __init__(self, index: int, log: Cameras) -> None:
        spec = log.present.get(index, {})
        self.index = index
        self.opened = index in log.present
        self.fail_after = spec.get("fail_after")
        self.delay = spec.get("delay", 0.005)
        self.reads = 0
        self.releases = 0
        self.thread = threading.current_thread()
        log.append(self)

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV naming)
        return self.opened and self.releases == 0

    def read(self):
        time.sleep(self.delay)
        if not self.isOpened() or (self.fail_after is not None and self.reads >= self.fail_after):
            return False, None
        self.reads += 1
        return True, bgr_frame(self.reads)

    def get(self, prop: int) -> float:
        import cv2

        return {cv2.CAP_PROP_FRAME_WIDTH: W, cv2.CAP_PROP_FRAME_HEIGHT: H}.get(prop, 0.0)

    def release(self) -> None:
        self.releases += 1


@pytest.fixture
def cams(monkeypatch) -> Cameras:
    log = Cameras()
    monkeypatch.setattr(camera, "open_capture", lambda i: FakeCapture(i, log))
    return log


def _window(make_main_window, qtbot, cams: Cameras, present: dict[int, dict], **kw):
    cams.plug(present)
    window = make_main_window(model="lenet5", seed=0, **kw)
    tab = window.tab_widgets["inspect"]
    panel = tab.input_panel
    qtbot.waitUntil(lambda: tab.controller.forward is not None and not tab.is_busy(), timeout=30000)
    qtbot.waitUntil(lambda: panel.probe.cameras is not None and not panel.probe.searching, timeout=10000)
    return window, tab, panel


def _click_webcam(qtbot, panel) -> None:
    button = panel.webcam_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _stop_and_settle(qtbot, tab, panel) -> None:
    if panel.live.active:
        _click_webcam(qtbot, panel)
    qtbot.waitUntil(lambda: not panel.live.in_flight and not tab.controller.pending("main"), timeout=10000)


def test_frames_flow_to_the_input_panel_and_the_activations_follow(make_main_window, qtbot, cams):
    window, tab, panel = _window(make_main_window, qtbot, cams, {0: {}})
    state = tab.state
    # the probe ran on a worker, never on the GUI thread
    assert cams and all(c.thread is not threading.main_thread() for c in cams)
    assert panel.webcam_button.isEnabled() and panel.webcam_action.isEnabled()
    assert "Camera 0" in panel.webcam_button.toolTip()
    forwards = []
    tab.controller.forward_changed.connect(forwards.append)
    _click_webcam(qtbot, panel)
    assert panel.live.active and panel.webcam_action.isChecked()
    qtbot.waitUntil(lambda: panel.live.shown >= 3, timeout=15000)
    assert "fps" in window.statusBar().currentMessage()
    _stop_and_settle(qtbot, tab, panel)
    assert not panel.webcam_action.isChecked()

    raw = tab.controller.raw_image.rgb
    k = frame_number(raw)
    assert k >= 1
    np.testing.assert_array_equal(raw, bgr_frame(k)[..., ::-1])  # BGR -> RGB, nothing else
    np.testing.assert_array_equal(panel.original.image.image, raw)  # the input panel shows it
    # the activations are those of this frame, computed here independently
    expected = prepare(raw, state.model.pre)
    np.testing.assert_array_equal(state.image.display, expected.display)
    with torch.no_grad():
        out0 = state.model.loaded.model.C1(expected.tensor)
    torch.testing.assert_close(tab.controller.forward.layers["C1"], out0)
    # and they followed the camera: several frames, several different activations
    assert len(forwards) >= 3
    assert not torch.equal(forwards[0].layers["C1"], forwards[-1].layers["C1"])


def test_back_pressure_keeps_one_forward_in_flight_and_counts_dropped_frames(make_main_window, qtbot, cams, monkeypatch):
    from cnnviz.gui.inspect import controller as controller_module

    real = controller_module.job_load_image
    lock = threading.Lock()
    calls = {"now": 0, "max": 0, "started": 0}

    def slow_forward(**kw):
        """The real job, made slower than the camera, counting how many run at once."""
        with lock:
            calls["now"] += 1
            calls["started"] += 1
            calls["max"] = max(calls["max"], calls["now"])
        try:
            time.sleep(0.04)
            return real(**kw)
        finally:
            with lock:
                calls["now"] -= 1

    window, tab, panel = _window(make_main_window, qtbot, cams, {0: {"delay": 0.003}})
    monkeypatch.setattr(controller_module, "job_load_image", slow_forward)
    live = panel.live
    _click_webcam(qtbot, panel)
    grabber = live.grabber
    qtbot.waitUntil(lambda: live.shown >= 6, timeout=15000)
    # the GUI stays responsive: a zero timer gets through while frames pour in
    ticks = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)
    _stop_and_settle(qtbot, tab, panel)

    assert calls["max"] == 1
    assert calls["started"] == live.submitted
    assert live.dropped > 0
    # every frame the camera gave was either sent to the model or dropped
    assert grabber.frames_read == live.submitted + live.dropped
    # nothing queued behind a running forward was cancelled: every frame sent was shown
    assert live.shown == live.submitted
    # each forward takes at least 40 ms, one at a time: the rate cannot beat 25 per second
    assert 0 < live.fps() <= 1 / 0.04 * 1.05
    assert cams.opened(0)[-1].releases == 1


def test_stop_releases_the_camera_on_toggle_tab_switch_and_close(make_main_window, qtbot, cams):
    window, tab, panel = _window(make_main_window, qtbot, cams, {0: {}}, tabs=("inspect", "explain"))
    _click_webcam(qtbot, panel)
    qtbot.waitUntil(lambda: panel.live.shown >= 1, timeout=15000)
    grabber = panel.live.grabber
    _click_webcam(qtbot, panel)  # toggle off
    assert not panel.live.active and not grabber.running and grabber.released
    assert cams.opened(0)[-1].releases == 1
    assert "Webcam stopped" in window.statusBar().currentMessage()

    _click_webcam(qtbot, panel)
    qtbot.waitUntil(lambda: panel.live.shown >= 1, timeout=15000)
    grabber = panel.live.grabber
    window.show_tab("explain")  # leaving the tab stops it
    assert not panel.live.active and grabber.released and not panel.webcam_action.isChecked()
    window.show_tab("inspect")

    panel.webcam_action.trigger()
    qtbot.waitUntil(lambda: panel.live.grabber is not None and panel.live.grabber.opened, timeout=5000)
    grabber = panel.live.grabber
    window.close()  # the window closing releases it too
    assert grabber.released and not grabber.running


def test_a_model_that_fails_to_load_stops_live_mode(make_main_window, qtbot, cams):
    window, tab, panel = _window(make_main_window, qtbot, cams, {0: {}})
    errors = []
    tab.state.error.connect(lambda title, msg: errors.append((title, msg)))
    _click_webcam(qtbot, panel)
    qtbot.waitUntil(lambda: panel.live.shown >= 1, timeout=15000)
    grabber = panel.live.grabber
    tab.controller.load_model("no_such_model")
    qtbot.waitUntil(lambda: not panel.live.active, timeout=10000)
    assert grabber.released and not panel.webcam_action.isChecked()
    assert errors and "no_such_model" in errors[0][0]
    assert tab.state.model.name == "lenet5"


def test_a_failing_read_stops_with_a_message_and_keeps_the_last_image(make_main_window, qtbot, cams):
    window, tab, panel = _window(make_main_window, qtbot, cams, {0: {"fail_after": 4, "delay": 0.02}})
    errors = []
    tab.state.error.connect(lambda title, msg: errors.append((title, msg)))
    _click_webcam(qtbot, panel)
    qtbot.waitUntil(lambda: not panel.live.active, timeout=15000)
    _stop_and_settle(qtbot, tab, panel)
    assert errors and errors[-1][0] == "Webcam stopped"
    assert "stopped delivering frames" in errors[-1][1] and "last image stays" in errors[-1][1]
    assert not panel.webcam_action.isChecked()
    assert cams.opened(0)[-1].releases == 1
    # the image is a camera frame (the last shown), with its activations
    raw = tab.controller.raw_image.rgb
    k = frame_number(raw)
    assert 1 <= k <= 4
    np.testing.assert_array_equal(raw, bgr_frame(k)[..., ::-1])
    assert tab.controller.forward.image_id == tab.controller._image_counter


def test_no_camera_disables_the_button_with_a_reason_and_a_new_search_finds_one(make_main_window, qtbot, cams):
    window, tab, panel = _window(make_main_window, qtbot, cams, {})
    assert not panel.webcam_button.isEnabled() and not panel.webcam_action.isEnabled()
    assert panel.webcam_button.isVisible()
    assert "No camera was found" in panel.webcam_button.toolTip()
    # two cameras plugged in: the next search enables the button and offers a choice
    cams.plug({0: {}, 2: {}})
    panel.start_camera_search()
    qtbot.waitUntil(lambda: panel.webcam_action.isEnabled(), timeout=10000)
    choices = [a for a in panel.camera_menu.actions() if a.isCheckable()]
    assert [a.data() for a in choices] == [0, 2]
    choices[1].trigger()
    assert panel.camera_index == 2 and "Camera 2" in panel.webcam_button.toolTip()
    _click_webcam(qtbot, panel)
    qtbot.waitUntil(lambda: panel.live.shown >= 1, timeout=15000)
    assert cams.opened(2)[-1].reads >= 1
    _stop_and_settle(qtbot, tab, panel)
    assert cams.opened(2)[-1].releases == 1


def test_turning_on_during_a_search_waits_until_the_search_let_go_of_the_camera(make_main_window, qtbot, cams):
    window, tab, panel = _window(make_main_window, qtbot, cams, {0: {}})
    probes_before = len(cams)
    panel.start_camera_search()
    assert panel.probe.searching
    panel.webcam_action.trigger()
    assert panel.webcam_action.isChecked() and not panel.live.active
    qtbot.waitUntil(lambda: panel.live.shown >= 1, timeout=15000)
    live = [c for c in cams if c.reads]
    assert len(live) == 1
    probes = cams[probes_before:cams.index(live[0])]
    assert probes and all(c.releases == 1 for c in probes)  # the search's captures came and went first
    _stop_and_settle(qtbot, tab, panel)
