"""Cameras: probing, BGR -> RGB frames, errors, and the newest-frame grabber.

The only fake is the OpenCV capture (``camera.open_capture``, the hardware
boundary); everything around it is the real code.
"""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
import pytest

from cnnviz.core import camera
from cnnviz.core.camera import Camera, CameraError, CameraInfo, FrameGrabber, list_cameras, to_rgb
from cnnviz.core.errors import CnnvizError, ImageError

H, W = 12, 16


def bgr_frame(k: int) -> np.ndarray:
    """Frame ``k`` as a camera delivers it: blue = k, green = row, red = column."""
    f = np.zeros((H, W, 3), np.uint8)
    f[..., 0] = k % 256
    f[..., 1] = np.arange(H, dtype=np.uint8)[:, None] * 10
    f[..., 2] = np.arange(W, dtype=np.uint8)[None, :] * 7
    return f


class FakeCapture:
    """Stands in for ``cv2.VideoCapture``: synthetic frames, a count of releases, failures on demand."""

    instances: list[FakeCapture] = []

    def __init__(self, index: int, *, opened: bool = True, fail_after: int | None = None,
                 delay: float = 0.0, frame: np.ndarray | None = None) -> None:
        self.index, self.opened, self.fail_after, self.delay = index, opened, fail_after, delay
        self.frame = frame
        self.reads = 0
        self.releases = 0
        self.reader_threads: set[str] = set()
        FakeCapture.instances.append(self)

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV naming)
        return self.opened and self.releases == 0

    def read(self):
        self.reader_threads.add(threading.current_thread().name)
        if self.delay:
            time.sleep(self.delay)
        if not self.isOpened() or (self.fail_after is not None and self.reads >= self.fail_after):
            return False, None
        self.reads += 1
        return True, (self.frame if self.frame is not None else bgr_frame(self.reads))

    def get(self, prop: int) -> float:
        import cv2

        return {cv2.CAP_PROP_FRAME_WIDTH: W, cv2.CAP_PROP_FRAME_HEIGHT: H}.get(prop, 0.0)

    def release(self) -> None:
        self.releases += 1


@pytest.fixture
def fake(monkeypatch):
    """Install fakes: ``fake({index: kwargs})`` makes those indices open (others do not)."""
    FakeCapture.instances = []

    def install(cams: dict[int, dict] | None = None) -> None:
        cams = {0: {}} if cams is None else cams
        monkeypatch.setattr(
            camera, "open_capture",
            lambda i: FakeCapture(i, **cams[i]) if i in cams else FakeCapture(i, opened=False),
        )

    return install


def test_list_cameras_reports_the_ones_that_open_and_releases_every_probe(fake):
    fake({1: {}, 3: {}})
    found = list_cameras(max_index=4)
    assert [c.index for c in found] == [1, 3]
    assert all((c.width, c.height) == (W, H) for c in found)
    # four probes, each released once, opened or not
    assert sorted(c.index for c in FakeCapture.instances) == [0, 1, 2, 3]
    assert all(c.releases == 1 for c in FakeCapture.instances)
    assert list_cameras(max_index=1) == []


def test_camera_reads_rgb_frames_and_close_releases_once(fake):
    fake()
    with Camera(0) as cam:
        assert cam.is_open
        rgb = cam.read()
        assert rgb.dtype == np.uint8 and rgb.shape == (H, W, 3) and rgb.flags.c_contiguous
        # hand-worked: red is the column ramp, green the row ramp, blue the frame number (1)
        assert rgb[5, 3].tolist() == [3 * 7, 5 * 10, 1]
        np.testing.assert_array_equal(cam.read(), bgr_frame(2)[..., ::-1])
        assert cam.info() == CameraInfo(0, camera._device_name(0), W, H)
    cap = FakeCapture.instances[0]
    assert cap.releases == 1 and not cam.is_open
    cam.close()
    assert cap.releases == 1


def test_camera_that_cannot_open_raises_a_readable_error_and_releases(fake):
    fake({})
    with pytest.raises(CameraError, match="Camera 2 could not be opened") as info:
        Camera(2)
    assert isinstance(info.value, ImageError) and isinstance(info.value, CnnvizError)
    assert FakeCapture.instances[0].releases == 1


def test_failed_read_raises_and_closed_camera_refuses(fake):
    fake({0: {"fail_after": 1}})
    cam = Camera(0)
    cam.read()
    with pytest.raises(CameraError, match="stopped delivering frames"):
        cam.read()
    cam.close()
    with pytest.raises(CameraError, match="closed"):
        cam.read()


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (np.array([[7, 9]], np.uint8), [[[7, 7, 7], [9, 9, 9]]]),  # grey
        (np.array([[[1, 2, 3, 255]]], np.uint8), [[[3, 2, 1]]]),  # BGRA: alpha dropped
        (np.array([[[256, 512, 65535]]], np.uint16), [[[255, 2, 1]]]),  # 16 bit: the high byte
        (np.array([[[4], [5]]], np.uint8), [[[4, 4, 4], [5, 5, 5]]]),  # one channel
    ],
)
def test_to_rgb_handles_other_frame_layouts(frame, expected):
    out = to_rgb(frame)
    assert out.dtype == np.uint8
    assert out.tolist() == expected


def test_to_rgb_rejects_an_odd_frame():
    with pytest.raises(CameraError, match="unexpected shape"):
        to_rgb(np.zeros((2, 2, 5), np.uint8))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="V4L2 device nodes are Linux only")
def test_open_capture_skips_opencv_for_a_missing_device_node(monkeypatch):
    import cv2

    index = 97
    assert not camera._linux_node(index).exists()
    monkeypatch.setattr(cv2, "VideoCapture", lambda *a: pytest.fail("OpenCV was asked for a missing node"))
    cap = camera.open_capture(index)
    assert not cap.isOpened() and cap.read() == (False, None)


def _wait(cond, timeout=5.0):
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.005)


def test_grabber_keeps_the_newest_frame_on_its_own_thread_and_stop_releases(fake):
    fake({0: {"delay": 0.002}})
    grabber = FrameGrabber(0, max_fps=0)
    grabber.start()
    _wait(lambda: grabber.frames_read >= 5)
    seq, frame = grabber.latest()
    assert seq >= 5
    # the sequence numbers the frames the fake delivered: frame `seq` has blue == seq
    assert int(frame[0, 0, 2]) == seq % 256
    assert grabber.stop(timeout=2.0)
    cap = FakeCapture.instances[0]
    assert cap.releases == 1 and grabber.released and grabber.error is None
    assert cap.reader_threads == {f"cnnviz-camera-{0}"}  # never read on the caller's thread
    n = grabber.frames_read
    time.sleep(0.02)
    assert grabber.frames_read == n  # nothing read after stop


def test_grabber_spaces_reads_of_a_source_that_never_blocks(fake):
    fake()
    grabber = FrameGrabber(0, max_fps=50)
    t0 = time.perf_counter()
    grabber.start()
    _wait(lambda: grabber.frames_read >= 4)
    elapsed = time.perf_counter() - t0
    assert grabber.stop()
    # 4 reads at most 50 per second take at least three intervals of 20 ms
    assert elapsed >= 3 * 0.02 * 0.9


def test_grabber_read_failure_is_kept_and_the_camera_released(fake):
    fake({0: {"fail_after": 3}})
    grabber = FrameGrabber(0, max_fps=0)
    grabber.start()
    _wait(lambda: not grabber.running)
    assert isinstance(grabber.error, CameraError) and "stopped delivering" in str(grabber.error)
    assert grabber.frames_read == 3 and grabber.released
    assert FakeCapture.instances[0].releases == 1
    seq, frame = grabber.latest()
    np.testing.assert_array_equal(frame, bgr_frame(3)[..., ::-1])  # the last good frame stays


def test_grabber_open_failure_is_kept(fake):
    fake({})
    grabber = FrameGrabber(1)
    grabber.start()
    _wait(lambda: not grabber.running)
    assert isinstance(grabber.error, CameraError) and not grabber.opened
    assert grabber.latest() == (0, None)
    assert grabber.stop()
