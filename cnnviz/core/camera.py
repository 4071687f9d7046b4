"""Cameras: find them, read RGB frames, and keep the newest frame on a thread.

OpenCV's ``cv2.VideoCapture`` is the only boundary to the hardware; it is
opened through :func:`open_capture`, which tests replace with a fake. On
Linux the opencv-python-headless wheels read cameras through V4L2, where
index ``i`` is ``/dev/video<i>``: a missing node is answered without asking
OpenCV (no delay and no warnings on machines without a camera).

:class:`FrameGrabber` reads on its own thread and keeps only the newest
frame, so a consumer slower than the camera (a forward pass) always gets a
fresh frame and the frames it missed are simply dropped.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from cnnviz.core.errors import ImageError

#: How many indices :func:`list_cameras` tries by default.
DEFAULT_MAX_INDEX = 4


class CameraError(ImageError):
    """A camera could not be opened, or stopped delivering frames."""


class Capture(Protocol):
    """The part of ``cv2.VideoCapture`` cnnviz uses."""

    def isOpened(self) -> bool: ...  # noqa: N802 (OpenCV naming)

    def read(self) -> tuple[bool, Any]: ...

    def release(self) -> None: ...

    def get(self, prop: int) -> float: ...


@dataclass(frozen=True)
class CameraInfo:
    """A camera that opened: its index, a name when the system gives one, and its frame size."""

    index: int
    name: str = ""
    width: int = 0
    height: int = 0


class _ClosedCapture:
    """What :func:`open_capture` returns for a device node that does not exist."""

    def isOpened(self) -> bool:  # noqa: N802 (OpenCV naming)
        return False

    def read(self) -> tuple[bool, Any]:
        return False, None

    def release(self) -> None:
        pass

    def get(self, prop: int) -> float:
        return 0.0


def _linux_node(index: int) -> Path | None:
    """``/dev/video<index>`` on Linux, None elsewhere."""
    return Path(f"/dev/video{index}") if sys.platform.startswith("linux") else None


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """Silence OpenCV's warnings while probing (a failed open prints several lines)."""
    try:
        import cv2

        logging = cv2.utils.logging
        old = logging.getLogLevel()
        logging.setLogLevel(logging.LOG_LEVEL_ERROR)
    except (ImportError, AttributeError):
        yield
        return
    try:
        yield
    finally:
        logging.setLogLevel(old)


def open_capture(index: int) -> Capture:
    """Open camera ``index`` with OpenCV (the one hardware boundary; tests replace it)."""
    node = _linux_node(index)
    if node is not None and not node.exists():
        return _ClosedCapture()
    import cv2

    with _quiet_opencv():
        return cv2.VideoCapture(index)


def _device_name(index: int) -> str:
    """The name the system gives camera ``index`` ('' when unknown)."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        return Path(f"/sys/class/video4linux/video{index}/name").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _frame_size(cap: Capture) -> tuple[int, int]:
    import cv2

    try:
        return int(cap.get(cv2.CAP_PROP_FRAME_WIDTH) or 0), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)
    except Exception:  # noqa: BLE001 (a driver that cannot say: the size is unknown)
        return 0, 0


def list_cameras(max_index: int = DEFAULT_MAX_INDEX) -> list[CameraInfo]:
    """The cameras among indices ``0 … max_index - 1`` that open (each is closed again at once)."""
    found = []
    for index in range(max_index):
        cap = open_capture(index)
        try:
            if cap.isOpened():
                width, height = _frame_size(cap)
                found.append(CameraInfo(index, _device_name(index), width, height))
        finally:
            with _quiet_opencv():
                cap.release()
    return found


def to_rgb(frame: Any) -> np.ndarray:
    """An OpenCV frame (BGR, BGRA or grey; uint8 or uint16) as a contiguous uint8 (H, W, 3) RGB array."""
    a = np.asarray(frame)
    if a.dtype == np.uint16:
        a = (a >> 8).astype(np.uint8)
    elif a.dtype != np.uint8:
        a = np.clip(a, 0, 255).astype(np.uint8)
    if a.ndim == 2:
        return np.ascontiguousarray(np.repeat(a[:, :, None], 3, axis=2))
    if a.ndim == 3 and a.shape[2] == 1:
        return np.ascontiguousarray(np.repeat(a, 3, axis=2))
    if a.ndim == 3 and a.shape[2] in (3, 4):
        return np.ascontiguousarray(a[:, :, 2::-1])  # B, G, R (, A) -> R, G, B
    raise CameraError(f"The camera delivered a frame of unexpected shape {a.shape}.")


class Camera:
    """One open camera: :meth:`read` returns RGB uint8 frames; :meth:`close` releases it.

    Raises :class:`CameraError` when the camera cannot be opened or a frame
    cannot be read. Usable as a context manager.
    """

    def __init__(self, index: int = 0) -> None:
        self.index = index
        self._cap: Capture | None = open_capture(index)
        if not self._cap.isOpened():
            self.close()
            raise CameraError(
                f"Camera {index} could not be opened. It may be unplugged, in use by another program, "
                "or not allowed for this user."
            )

    @property
    def is_open(self) -> bool:
        """True until :meth:`close`."""
        return self._cap is not None

    def info(self) -> CameraInfo:
        """This camera's index, name and frame size."""
        width, height = _frame_size(self._cap) if self._cap is not None else (0, 0)
        return CameraInfo(self.index, _device_name(self.index), width, height)

    def read(self) -> np.ndarray:
        """The next frame as RGB uint8 (H, W, 3)."""
        if self._cap is None:
            raise CameraError(f"Camera {self.index} is closed.")
        ok, frame = self._cap.read()
        if not ok or frame is None or np.asarray(frame).size == 0:
            raise CameraError(
                f"Camera {self.index} stopped delivering frames. It may have been unplugged or taken by another program."
            )
        return to_rgb(frame)

    def close(self) -> None:
        """Release the camera (safe to call twice)."""
        cap, self._cap = self._cap, None
        if cap is not None:
            cap.release()

    def __enter__(self) -> Camera:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FrameGrabber:
    """Reads camera ``index`` on its own thread and keeps only the newest frame.

    :meth:`latest` returns ``(sequence, frame)``; the sequence counts frames
    read, so a consumer sees how many it skipped. A failure to open or read
    ends the thread and is kept in :attr:`error`. The camera is opened and
    released on the reading thread; :meth:`stop` waits for that.
    ``max_fps`` spaces the reads of a source that never blocks.
    """

    def __init__(self, index: int = 0, *, max_fps: float = 60.0,
                 camera_factory: Callable[[int], Camera] = Camera) -> None:
        self.index = index
        self.min_interval = 1.0 / max_fps if max_fps > 0 else 0.0
        self._factory = camera_factory
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._frame: np.ndarray | None = None
        self._sequence = 0
        self.error: CameraError | None = None
        self.opened = False
        self.released = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Open the camera and start reading (on the grabber's thread)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name=f"cnnviz-camera-{self.index}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            camera = self._factory(self.index)
        except CameraError as exc:
            self.error = exc
            self.released = True
            return
        self.opened = True
        try:
            while not self._stop.is_set():
                t0 = time.perf_counter()
                frame = camera.read()
                with self._lock:
                    self._frame = frame
                    self._sequence += 1
                rest = self.min_interval - (time.perf_counter() - t0)
                if rest > 0:
                    self._stop.wait(rest)
        except CameraError as exc:
            self.error = exc
        except Exception as exc:  # noqa: BLE001 (a driver crash: say it like a read failure)
            self.error = CameraError(f"Camera {self.index} failed: {exc}")
        finally:
            camera.close()
            self.released = True

    @property
    def running(self) -> bool:
        """True while the reading thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def frames_read(self) -> int:
        """How many frames were read so far."""
        with self._lock:
            return self._sequence

    def latest(self) -> tuple[int, np.ndarray | None]:
        """``(sequence, frame)`` of the newest frame; ``(0, None)`` before the first."""
        with self._lock:
            return self._sequence, self._frame

    def stop(self, timeout: float = 1.5) -> bool:
        """Stop reading and release the camera; True if that happened within ``timeout`` seconds."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        return not self.running
