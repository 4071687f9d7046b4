"""Issue 4 benchmarks: activation-grid redraw, GUI responsiveness, first paint, memory walk.

Ratios are measured against a naive baseline in the same run; the only
absolute figure is the 60 Hz frame budget the issue asks for (reported).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

FRAME_MS = 1000 / 60


def _median(fn, repeats: int) -> float:
    fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# --------------------------------------------------------------------------- grid redraw


class _GridRig:
    """The real ActivationGrid fed two fake layers of one shape; ``step()`` is one layer change + one frame."""

    def __init__(self) -> None:
        import types

        from cnnviz.gui.inspect.activation_grid import ActivationGrid
        from cnnviz.gui.inspect.controller import InspectController
        from cnnviz.gui.state import AppState

        self.types = types
        self.state = AppState()
        self.controller = InspectController(self.state)
        self.controller.cam_enabled = False  # the grid alone is measured
        self.grid = ActivationGrid(self.state, self.controller)
        self.grid.resize(900, 640)  # about its size in a 1600×1000 window
        self.grid.show()
        _app().processEvents()
        self.state.model = types.SimpleNamespace(session_id=1)
        self._flip = False

    def load(self, shape: tuple[int, ...], rng: np.random.Generator) -> None:
        import torch

        layers = {k: torch.from_numpy(rng.standard_normal((1, *shape)).astype(np.float32)) for k in ("a", "b")}
        self.controller.forward = self.types.SimpleNamespace(session_id=1, layers=layers)
        self.step()

    def step(self) -> None:
        """Select the other layer (the grid redraws: mosaic, colours, stats, numbers, colour bar), then paint it."""
        self._flip = not self._flip
        self.state.set_layer("a" if self._flip else "b")
        self.grid.grab()  # a full paint of the widget, as a frame on screen needs


def bench_grid_redraw(quick: bool) -> list[dict]:
    """The activation grid's redraw on a layer change vs a matplotlib subplot grid of the same channels.

    Ours is the real widget: ``ActivationGrid`` redrawing for the new layer
    (mosaic, colouring into its reused RGBA buffer, statistics, channel
    numbers, colour bar) and then painted in full with ``QWidget.grab()``.
    The allocator is tuned as the app does at start (``core.memory``).
    """
    _app()
    from cnnviz.core.memory import tune_allocator

    tune_allocator()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pyqtgraph as pg
    from PySide6.QtGui import QImage, QPainter

    from cnnviz.core.render import mosaic

    rows = []
    rig = _GridRig()
    item = pg.ImageItem(axisOrder="row-major")
    rng = np.random.default_rng(0)
    for shape in ((64, 112, 112), (512, 7, 7)):
        maps = rng.standard_normal(shape).astype(np.float32)
        rig.load(shape, rng)
        buf: list = [None]
        target = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)

        def core(maps=maps, buf=buf) -> None:
            nonlocal target
            m = mosaic(maps, pad=1)
            buf[0] = m.to_rgba("viridis", out=buf[0])
            item.setImage(buf[0], autoLevels=False, levels=None)
            if target.height() != m.shape[0] or target.width() != m.shape[1]:
                target = QImage(m.shape[1], m.shape[0], QImage.Format.Format_ARGB32_Premultiplied)
            painter = QPainter(target)
            item.paint(painter)
            painter.end()

        n = shape[0]
        cols = int(np.ceil(np.sqrt(n)))
        # big enough that every channel is drawn at its own resolution, as ours is
        side = max(8.0, cols * shape[1] * 1.15 / 100)

        def naive(maps=maps, cols=cols, side=side, n=n) -> None:
            # a layer change changes the channel count and map size, so the grid is rebuilt
            fig, axes = plt.subplots(cols, cols, figsize=(side, side), dpi=100)
            for i, ax in enumerate(axes.flat):
                ax.axis("off")
                if i < n:
                    ax.imshow(maps[i], cmap="viridis")
            fig.canvas.draw()
            plt.close(fig)

        fig, axes = plt.subplots(cols, cols, figsize=(side, side), dpi=100)
        ims = [ax.imshow(maps[i], cmap="viridis") for i, ax in enumerate(axes.flat) if i < n]
        for ax in axes.flat:
            ax.axis("off")

        def persistent(maps=maps, fig=fig, ims=ims) -> None:
            for i, im in enumerate(ims):
                im.set_data(maps[i])
                im.autoscale()
            fig.canvas.draw()

        t_ours = _median(rig.step, 7 if quick else 25)
        t_core = _median(core, 7 if quick else 25)
        t_naive = _median(naive, 1 if quick else 3)
        t_persistent = _median(persistent, 1 if quick else 3)
        plt.close(fig)
        ratio = t_naive / t_ours
        label = "×".join(map(str, shape))
        rows.append(dict(name=f"grid redraw {label}: matplotlib / ours", value=round(ratio, 1), target=">= 50",
                         passed=ratio >= 50, unit="x",
                         details=f"ours (widget redraw + full paint) {t_ours * 1000:.2f} ms, matplotlib subplot grid "
                                 f"{t_naive * 1000:.0f} ms; core only (mosaic + RGBA + setImage + paint) "
                                 f"{t_core * 1000:.2f} ms = {t_naive / t_core:.0f}x; updating an existing "
                                 f"matplotlib grid with set_data: {t_persistent * 1000:.0f} ms"))
        rows.append(dict(name=f"grid redraw {label}: ours vs a 60 Hz frame", value=round(t_ours * 1000, 2),
                         target=f"<= {FRAME_MS:.1f} (reported)", passed=t_ours * 1000 <= FRAME_MS, unit="ms",
                         details="ActivationGrid redraw for a new layer + QWidget.grab() of the whole widget"))
    # every spatial layer of ResNet-50 against the frame budget
    from cnnviz.core.models import build_model
    from cnnviz.core.summary import summarize

    s = summarize(build_model("resnet50"), (3, 224, 224))
    shapes = sorted({tuple(r.output_shape) for r in s.layers if r.is_leaf and r.output_shape and len(r.output_shape) == 3})
    worst, worst_shape = 0.0, None
    for shape in shapes if not quick else shapes[:: max(1, len(shapes) // 4)]:
        rig.load(shape, rng)
        t = _median(rig.step, 5)
        if t > worst:
            worst, worst_shape = t, shape
    rows.append(dict(name="grid redraw, slowest ResNet-50 layer", value=round(worst * 1000, 2),
                     target=f"<= {FRAME_MS:.1f} (reported)", passed=worst * 1000 <= FRAME_MS, unit="ms",
                     details=f"{len(shapes)} distinct output shapes; slowest {'×'.join(map(str, worst_shape or ()))} "
                             "(widget redraw + full paint)"))
    rig.grid.close()
    return rows


# --------------------------------------------------------------------------- responsiveness


def bench_event_loop(quick: bool) -> dict:
    """Delay of a 10 ms timer while VGG-16 loads, is summarised and runs a forward pass in a worker."""
    app = _app()
    from PySide6.QtCore import QElapsedTimer, QTimer

    from cnnviz.core.session import ModelRequest
    from cnnviz.gui.inspect.jobs import job_load_model
    from cnnviz.gui.workers import run_in_thread

    name = "vgg11" if quick else "vgg16"
    delays: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        delays.append((now - last[0]) / 1e6 - 10.0)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.setTimerType(__import__("PySide6.QtCore", fromlist=["Qt"]).Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    timer.start()
    done = []
    job = run_in_thread(job_load_model, request=ModelRequest(name=name, weights="random", seed=0), device="cpu",
                        raw_image=None, image_source=None, image_id=1)
    failed: list[str] = []
    job.sig_failed.connect(lambda message, _details: failed.append(message))
    job.sig_done.connect(lambda: done.append(True))
    t0 = time.perf_counter()
    while not done and time.perf_counter() - t0 < 300:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    if failed or not done:
        raise RuntimeError(f"loading {name} did not finish: {failed[0] if failed else 'timed out'}")
    d = np.array(delays[1:]) if len(delays) > 1 else np.zeros(1)
    p99 = float(np.percentile(np.maximum(d, 0), 99))
    return dict(name=f"10 ms timer delay p99 while {name} loads + runs", value=round(p99, 1), target="< 50",
                passed=p99 < 50, unit="ms",
                details=f"{len(d)} ticks over {time.perf_counter() - t0:.1f} s; max {float(d.max()):.1f} ms")


_PAINT_SCRIPT = r"""
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from cnnviz.gui.app import MainWindow
app = QApplication([])
w = MainWindow()
w.show(); app.processEvents()
paint = time.perf_counter() - t0
assert "torch" not in sys.modules, "torch was imported before the first paint"
t1 = time.perf_counter()
import torch, torchvision  # noqa
print(paint, time.perf_counter() - t1)
"""


def bench_first_paint(quick: bool) -> dict:
    """Time to the window's first paint vs the time ``import torch, torchvision`` takes, in one process."""
    out = subprocess.run([sys.executable, "-c", _PAINT_SCRIPT], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True)
    paint, torch_import = (float(v) for v in out.stdout.split()[-2:])
    ratio = torch_import / paint
    return dict(name="torch import time / time to first paint", value=round(ratio, 2), target=">= 1",
                passed=ratio >= 1 and paint < paint + torch_import, unit="x",
                details=f"first paint {paint * 1000:.0f} ms with torch not yet imported; import torch+torchvision {torch_import * 1000:.0f} ms")


# --------------------------------------------------------------------------- memory walk


def bench_memory_walk(quick: bool) -> dict:
    """Resident memory while the activation grid walks every layer of ResNet-152 (one image captured)."""
    _app()
    from cnnviz.core.progress import CancelToken
    from cnnviz.core.session import ModelRequest
    from cnnviz.gui.inspect.activation_grid import ActivationGrid
    from cnnviz.gui.inspect.controller import InspectController
    from cnnviz.gui.inspect.jobs import job_load_model
    from cnnviz.gui.state import AppState

    name = "resnet50" if quick else "resnet152"
    session, raw, prepared, fwd = job_load_model(
        progress=lambda *a: None, cancel=CancelToken(), request=ModelRequest(name=name, weights="random", seed=0),
        device="cpu", raw_image=None, image_source=None, image_id=1)
    # BatchNorm outputs are replayed when first shown, so walking the layers
    # legitimately adds them; they are part of this image's captured tensors.
    replayed, captured = fwd.layers.deferred_nbytes(), fwd.layers.nbytes()
    state = AppState()
    controller = InspectController(state)
    controller.cam_enabled = False  # the grid's memory alone is measured
    grid = ActivationGrid(state, controller)  # noqa: F841 (kept alive: it redraws on every layer change)
    controller.publish(session, raw, prepared, fwd)
    keys = [r.key for r in session.summary.layers if r.call]
    for k in keys[:20]:  # warm-up: allocator pools, pyqtgraph caches
        state.set_layer(k)
    before = _rss()
    peak_growth = 0
    for k in keys:
        state.set_layer(k)
        peak_growth = max(peak_growth, _rss() - before)
    growth = _rss() - before
    limit = max(64 << 20, captured // 10)
    beyond = growth - replayed
    peak_beyond = peak_growth - replayed
    return dict(name=f"memory growth walking {len(keys)} layers of {name}, beyond its captured tensors",
                value=round(beyond / 2**20, 1),
                target=f"<= {limit / 2**20:.0f} (10% of captured, min 64 MiB)", passed=peak_beyond <= limit, unit="MiB",
                details=f"captured tensors {captured / 2**20:.0f} MiB, of which {replayed / 2**20:.0f} MiB are "
                f"BatchNorm outputs computed when first shown; total growth {growth / 2**20:.1f} MiB, "
                f"peak {peak_growth / 2**20:.1f} MiB")


def run(quick: bool = False) -> list[dict]:
    """All Inspect benchmarks as rows."""
    rows = bench_grid_redraw(quick)
    rows.append(bench_first_paint(quick))
    rows.append(bench_event_loop(quick))
    rows.append(bench_memory_walk(quick))
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        mark = "ok  " if row["passed"] else "FAIL"
        print(f"{mark} {row['name']}: {row['value']} {row['unit']} (target {row['target']}) — {row['details']}")
