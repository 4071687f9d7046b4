"""The GUI-responsiveness probe the benchmarks share: how late a 10 ms QTimer fires while work runs."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def timer_delays(app: Any, seconds: float, while_: Callable[[], bool] = lambda: True) -> list[float]:
    """Lateness (ms) of each tick of a 10 ms QTimer for ``seconds`` or until ``while_()`` turns False."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    delays: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    timer = QTimer()
    timer.setInterval(10)

    def tick() -> None:
        now = clock.nsecsElapsed()
        delays.append(max(0.0, (now - last[0]) / 1e6 - 10.0))
        last[0] = now

    timer.timeout.connect(tick)
    timer.start()
    end = time.monotonic() + seconds
    while time.monotonic() < end and while_():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return delays[1:]


def p99(values: list[float]) -> float:
    """The 99th percentile (NaN for no values)."""
    import numpy as np

    return float(np.percentile(np.asarray(values), 99)) if values else float("nan")
