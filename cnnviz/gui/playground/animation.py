"""The race clock: which step is on screen, play / pause / single step / speed.

A precise QTimer ticks at the display's frame rate; each tick advances the
shown step by ``speed`` steps (fractions accumulate, so 0.25 means one step
every four frames). The trajectories are precomputed, so a tick only moves an
index and redraws.
"""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QObject, Qt, QTimer, Signal

SPEEDS: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0)
"""Steps advanced per frame that the speed control offers."""


class RaceClock(QObject):
    """Owns the current step and the frame timer."""

    sig_step_changed = Signal(int)
    """The step shown changed (0 = the start point)."""
    sig_playing_changed = Signal(bool)
    """Playback started (True) or stopped (False)."""

    def __init__(self, parent: QObject | None = None, frame_ms: int = 16) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(frame_ms)
        self._timer.timeout.connect(self._tick)
        self._step = 0
        self._last = 0
        self._speed = 1.0
        self._carry = 0.0
        self.frame_times: deque[float] = deque(maxlen=4096)
        """perf_counter() of recent ticks (the benchmark reads the intervals)."""

    # ------------------------------------------------------------------ state
    @property
    def step(self) -> int:
        """The step on screen."""
        return self._step

    @property
    def last_step(self) -> int:
        """The last step any trajectory has."""
        return self._last

    @property
    def playing(self) -> bool:
        """True while the timer runs."""
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        """Steps advanced per frame."""
        return self._speed

    @property
    def frame_ms(self) -> int:
        """The timer's target interval."""
        return self._timer.interval()

    def set_speed(self, speed: float) -> None:
        """Steps per frame (clamped to (0, 1000])."""
        self._speed = min(1000.0, max(1e-3, float(speed)))

    def set_last_step(self, last: int) -> None:
        """A new race was loaded: clamp the current step into [0, last]."""
        self._last = max(0, int(last))
        if self._step > self._last:
            self.seek(self._last)

    # ------------------------------------------------------------------ control
    def seek(self, step: int) -> None:
        """Show ``step`` (clamped); stops at the end."""
        step = min(max(0, int(step)), self._last)
        if step != self._step:
            self._step = step
            self.sig_step_changed.emit(step)

    def play(self) -> None:
        """Start playing (from the start if already at the end)."""
        if self.playing:
            return
        if self._step >= self._last:
            self.seek(0)
        self._carry = 0.0
        self.frame_times.clear()
        self._timer.start()
        self.sig_playing_changed.emit(True)

    def pause(self) -> None:
        """Stop playing; the current step stays on screen."""
        if self.playing:
            self._timer.stop()
            self.sig_playing_changed.emit(False)

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def step_by(self, delta: int) -> None:
        """Pause and move ``delta`` steps (single stepping)."""
        self.pause()
        self.seek(self._step + delta)

    def _tick(self) -> None:
        self.frame_times.append(time.perf_counter())
        self._carry += self._speed
        advance = int(self._carry)
        self._carry -= advance
        if advance:
            self.seek(self._step + advance)
        if self._step >= self._last:
            self.pause()
