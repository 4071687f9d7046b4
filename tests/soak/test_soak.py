"""Soak: drive the real window for many cycles; memory stays flat and nothing is left behind.

One *cycle* does what a student does in a lesson, on every tab:

* Inspect: switch the model (LeNet-5, VGG-small, modern LeNet, ResNet-18 at
  its 224×224 input, in turn), switch the image (each bundled sample, and a
  generated picture opened as a file or pasted as PNG bytes; every third cycle
  the image is asked for while the model still loads), walk the layers (arrow
  keys in the layer tree for the small nets, every k-th layer through AppState
  for ResNet-18, plus next / previous convolution), click a unit (effective RF
  and Grad-CAM jobs).
* Playground: move the start point, toggle an optimizer, drag the lr slider or
  change the surface; play / pause from the keyboard.
* Explain: open the next topic and use it (model kernel, image patch, play /
  pause, the model's receptive-field stack, the current layer's parameters,
  the architecture timeline).
* Train, on some cycles: a short training run (64 images, two optimizers)
  started with the Start button; every other run is stopped half-way with Esc.

Counts come from the environment: ``CNNVIZ_SOAK_CYCLES`` (default 8) and
``CNNVIZ_SOAK_TRAIN_RUNS`` (default 2) give the short CI version; ``make soak``
runs 200 cycles and 20 runs. ``CNNVIZ_SOAK_REPORT`` names a JSON file for the
figures (cycles, runs, wall time, memory per cycle, slope, peak, what was left).

After every cycle the resident memory is read (psutil if installed, else
/proc/self/statm) once garbage is collected, deferred deletes are run and
glibc has returned its free pages, so that what is measured is memory still
referenced. The slope (MiB per cycle) is fitted after a warm-up: the first
20 % of the cycles, and at least one pass through every model. The number of
QObjects in the window's tree is followed the same way.

At the end: only the model on screen is still alive, no forward hook on it, no
job, no busy pool thread, no Python thread the soak started, no QTimer running
but the status bar's memory readout and Qt's own timer that clears a status
message (only the latter once the window is closed), no error shown, and no Qt
warning. The long run also bounds the memory and QObject slopes; the short one,
with too few points for a slope, bounds the growth over one model rotation.

Bugs the soak found are pinned by fast tests in ``test_soak_findings.py``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import math
import os
import sys
import threading
import time
import weakref
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMimeData,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

CYCLES = max(1, int(os.environ.get("CNNVIZ_SOAK_CYCLES", "8") or 8))
TRAIN_RUNS = max(0, int(os.environ.get("CNNVIZ_SOAK_TRAIN_RUNS", "2") or 0))
REPORT = os.environ.get("CNNVIZ_SOAK_REPORT") or ""

#: Small nets that keep a cycle fast; ResNet-18 brings the 224×224 input, 75 layers and
#: residual blocks. (NiN would add 0.6 s a cycle and nothing these do not cover.)
MODELS = ("lenet5", "vgg_small", "lenet5_modern", "resnet18")
TRAIN_MODELS = ("lenet5", "lenet5_modern")
#: At most this many layers are visited by AppState on a big model (every k-th).
WALK_STRIDE_TARGET = 16
#: Up to this many layers, the walk is arrow keys in the tree, every visible row.
KEY_WALK_MAX = 24
WARMUP_FRACTION = 0.2
#: The long run's bound. A leaked ResNet-18 session (45 MiB of weights, 34 MiB of
#: captured activations at 224×224) every fourth cycle is ~20 MiB/cycle; a leaked
#: 2 MB image or one widget tree a cycle is still above it.
MAX_SLOPE_MIB_PER_CYCLE = 0.5
#: The long run's bound on the growth of QObjects in the window's tree. Without a leak
#: the count wanders within ±10 (the Playground's parameter editors follow the surface)
#: and the fit gives |slope| < 0.05; one object leaked per cycle gives 1.
MAX_QOBJECT_SLOPE_PER_CYCLE = 0.5
#: Below this many fitted cycles the slope is noise (see the test's comment).
MIN_CYCLES_FOR_SLOPE = 40
#: The short run's bound on growth over the last model rotation (last cycle against the
#: cycle that ended on the same model one rotation earlier). Measured: about +20 MiB
#: when that earlier cycle still paid first-pass costs, 0 later; the job leak this
#: soak found (every model and its activations kept) grew +110 to +135 MiB a rotation.
MAX_SHORT_GROWTH_MIB = 100.0
#: Timers that may run with the window idle: its status bar's memory readout (periodic
#: by design) and Qt's own single-shot QStatusBar timer that clears a message shown
#: with a timeout ("resnet18 loaded · …", 6 s). After the window closed only the latter.
#: The window's status bar is an ElidingStatusBar (a QStatusBar): the timer is reported under its class.
STATUS_MESSAGE_TIMERS = {"QTimer(?) of QStatusBar", "QTimer(?) of ElidingStatusBar"}
ALLOWED_IDLE_TIMERS = {"_memory_timer", *STATUS_MESSAGE_TIMERS}
ALLOWED_CLOSED_TIMERS = STATUS_MESSAGE_TIMERS
#: Worst-case seconds a cycle / a training run may take on a slow, busy machine (pytest-timeout).
TIMEOUT_S = max(300, int(60 + 12 * CYCLES + 30 * TRAIN_RUNS))


# ---------------------------------------------------------------- memory
def _rss_reader() -> Any:
    """A function returning resident memory in MiB, or None where it cannot be read."""
    try:
        import psutil

        proc = psutil.Process()
        return lambda: proc.memory_info().rss / 2**20
    except ImportError:
        pass
    statm = Path("/proc/self/statm")
    if statm.is_file():
        page = os.sysconf("SC_PAGE_SIZE")
        return lambda: int(statm.read_text().split()[1]) * page / 2**20
    return None


def _malloc_trim() -> Any:
    """glibc's malloc_trim(0) (gives free heap pages back to the system), or a no-op."""
    if not sys.platform.startswith("linux"):
        return lambda: None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]
    return lambda: trim(0)


def fit_slope(cycles: list[int], values: list[float], phases: list[int] | None = None) -> float:
    """Least-squares slope of ``values`` against ``cycles`` (per cycle).

    With ``phases`` the fit has one intercept per phase (here: which model the
    cycle ended on), so the slope compares each model with itself: ResNet-18
    cycles sit higher than LeNet cycles, and a plain line through that
    saw-tooth would tilt with where the run happens to stop.
    """
    x = np.asarray(cycles, dtype=np.float64)
    y = np.asarray(values, dtype=np.float64)
    if phases is not None and min(np.unique(phases, return_counts=True)[1]) < 2:
        phases = None  # a phase seen once has its own intercept: no slope left to fit
    if x.size < 2:
        return 0.0
    if phases is None:
        design = np.column_stack([x, np.ones_like(x)])
    else:
        levels = sorted(set(phases))
        design = np.column_stack([x] + [np.asarray(phases) == p for p in levels]).astype(np.float64)
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    return float(coef[0])


# ---------------------------------------------------------------- the report
@dataclass
class SoakReport:
    """What the soak measured (written as JSON when CNNVIZ_SOAK_REPORT is set)."""

    cycles: int
    train_runs: int
    train_runs_stopped: int = 0
    models: tuple[str, ...] = MODELS
    memory_source: str = ""
    wall_s: float = 0.0
    warmup_cycles: int = 0
    rss_mib: list[float] = field(default_factory=list)
    qobjects: list[int] = field(default_factory=list)
    slope_meaningful: bool = False  # enough cycles after the warm-up for the slopes to be more than noise
    slope_mib_per_cycle: float = 0.0
    slope_plain_mib_per_cycle: float = 0.0
    rotation_growth_mib: float = 0.0
    growth_after_warmup_mib: float | None = None
    peak_rss_mib: float = 0.0
    qobject_slope_per_cycle: float = 0.0
    models_alive_at_end: int = 0
    hooks_left: int = 0
    jobs_left: int = 0
    pool_threads_busy: int = 0
    threads_left: list[str] = field(default_factory=list)
    threads_at_end: list[str] = field(default_factory=list)
    timers_active_idle: list[str] = field(default_factory=list)
    timers_active_after_close: list[str] = field(default_factory=list)
    qt_warnings: list[str] = field(default_factory=list)
    errors_shown: list[str] = field(default_factory=list)
    failed_in_cycle: int | None = None

    def summary(self) -> str:
        """One paragraph for the terminal."""
        return (
            f"soak: {self.cycles} cycles, {self.train_runs} training runs ({self.train_runs_stopped} stopped "
            f"half-way) in {self.wall_s:.1f} s; RSS slope {self.slope_mib_per_cycle:+.3f} MiB/cycle"
            f"{'' if self.slope_meaningful else ' (too few cycles: noise)'} "
            f"(plain fit {self.slope_plain_mib_per_cycle:+.3f}) after {self.warmup_cycles} warm-up cycles, "
            f"growth over the last model rotation {self.rotation_growth_mib:+.1f} MiB, first to last "
            f"post-warm-up rotation {self.growth_after_warmup_mib if self.growth_after_warmup_mib is not None else '-'}"
            f" MiB, peak {self.peak_rss_mib:.0f} MiB ({self.memory_source}); "
            f"QObjects {self.qobjects[-1] if self.qobjects else 0} (slope {self.qobject_slope_per_cycle:+.2f}/cycle); "
            f"models alive {self.models_alive_at_end}, hooks {self.hooks_left}, jobs {self.jobs_left}, "
            f"threads left {self.threads_left}, timers {self.timers_active_idle} / after close "
            f"{self.timers_active_after_close}; Qt warnings {len(self.qt_warnings)}"
        )


def _write_report(report: SoakReport) -> None:
    """Write ``report`` as JSON to CNNVIZ_SOAK_REPORT, if set."""
    if REPORT:
        Path(REPORT).parent.mkdir(parents=True, exist_ok=True)
        Path(REPORT).write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")


# ---------------------------------------------------------------- driving the window
def _flush_deletes() -> None:
    """Run pending deleteLater()s now (they would otherwise wait for the next loop turn)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _results_delivered() -> bool:
    """True when every job's result has reached the GUI thread.

    ``Job.running`` (and so ``active_jobs()`` and the tabs' ``is_busy()``) turns
    False on the worker thread, before the job's queued sig_finished is
    delivered; a job leaves ``workers._ACTIVE`` (and sets ``Job.delivered``) only
    when its sig_done is delivered, after its result slots ran. Waiting on
    ``is_busy()`` alone lets the next action race the previous result (see
    test_soak_findings.py).
    """
    from cnnviz.gui import workers

    return not workers._ACTIVE


def _generated_image(seed: int) -> np.ndarray:
    """A new picture every time: smooth colour gradients plus a few bright squares."""
    rng = np.random.default_rng(seed)
    h, w = int(rng.integers(40, 160)), int(rng.integers(40, 160))
    yy, xx = np.mgrid[0:h, 0:w]
    img = np.stack([(xx * 255 // max(1, w - 1)), (yy * 255 // max(1, h - 1)), np.full((h, w), 128)], axis=-1)
    for _ in range(3):
        y0, x0 = int(rng.integers(0, h - 8)), int(rng.integers(0, w - 8))
        img[y0:y0 + 8, x0:x0 + 8] = rng.integers(0, 256, 3)
    return img.astype(np.uint8)


def _png_bytes(rgb: np.ndarray) -> bytes:
    h, w, _ = rgb.shape
    image = QImage(np.ascontiguousarray(rgb).data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(dev, "PNG")
    dev.close()
    return bytes(buf.data())


class Driver:
    """Drives the window as a user would, with checks that each action did what it says."""

    def __init__(self, window: Any, qtbot: Any, tmp_path: Path) -> None:
        from cnnviz.core.samples import list_samples

        self.window = window
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.inspect = window.tab_widgets["inspect"]
        self.train = window.tab_widgets["train"]
        self.playground = window.tab_widgets["playground"]
        self.explain = window.tab_widgets["explain"]
        self.state = window.state
        self.samples = list_samples()
        assert self.samples, "the bundled sample images are missing"
        self.models_seen: list[weakref.ref] = []
        self.state.model_changed.connect(self._track_model)
        self.errors: list[tuple[str, str]] = []
        self.state.error.connect(lambda title, message: self.errors.append((title, message)))
        self.runs_done = 0
        self.runs_stopped = 0

    # ------------------------------------------------------------ waiting
    def inspect_idle(self) -> bool:
        return not self.inspect.is_busy() and _results_delivered()

    def playground_idle(self) -> bool:
        pg = self.playground
        return not pg.controller.is_computing() and _results_delivered()

    def explain_idle(self) -> bool:
        ex = self.explain
        return not ex.is_busy() and _results_delivered()

    def all_idle(self) -> bool:
        return (self.inspect_idle() and self.playground_idle() and self.explain_idle()
                and not self.train.is_running() and _results_delivered())

    def wait(self, condition: Any, timeout_s: float = 60.0) -> None:
        self.qtbot.waitUntil(condition, timeout=int(timeout_s * 1000))

    def _track_model(self, session: Any) -> None:
        model = session.loaded.model if session is not None else None
        if model is not None and not any(r() is model for r in self.models_seen):
            self.models_seen.append(weakref.ref(model))

    def live_models(self) -> list[Any]:
        return [m for m in (r() for r in self.models_seen) if m is not None]

    # ------------------------------------------------------------ Inspect
    def switch_model_and_image(self, cycle: int) -> None:
        """Load this cycle's model and image; every third cycle ask for the image while the model loads."""
        name = MODELS[cycle % len(MODELS)]
        self.window.show_tab("inspect")
        controller = self.inspect.controller
        race = cycle % 3 == 2
        # The picture is made before the model is asked for: in a race cycle the image
        # request then follows the model request at once, as a second click would.
        request_image, expect = self._prepare_image(cycle)
        panel = self.inspect.model_panel
        if cycle % 2 == 0:  # the model combo box
            index = next(i for i in range(panel.model_box.count())
                         if panel.model_box.itemData(i, Qt.ItemDataRole.UserRole) == name)
            panel.model_box.setCurrentIndex(index)
            panel.model_box.activated.emit(index)  # what choosing it with the mouse sends
        else:  # typed into the search field, then Enter
            panel.search.clear()
            self.qtbot.keyClicks(panel.search, name)
            self.qtbot.keyClick(panel.search, Qt.Key.Key_Return)
        # asked for (Job.running cannot tell: on a busy machine the load may be over already)
        assert (controller._model_request is not None and controller._model_request.name == name) or self.state.model.name == name
        if not race:
            self.wait(self.inspect_idle)
            assert self.state.model.name == name
        request_image()
        self.wait(self.inspect_idle)
        session, fwd = self.state.model, self.inspect.controller.forward
        assert session.name == name, f"cycle {cycle}: {session.name} shown, {name} asked for"
        assert fwd.session_id == session.session_id
        raw = self.inspect.controller.raw_image
        if expect is not None:
            assert raw.path is not None and Path(raw.path) == expect, (cycle, raw.path, expect, race, self.errors)
        else:
            assert raw.path is None  # the pasted picture

    def _prepare_image(self, cycle: int) -> tuple[Any, Path | None]:
        """Image ``cycle`` of: every sample, then a generated one (a file, or pasted PNG bytes).

        Returns the action that asks for it and the file it comes from (None: pasted).
        """
        panel = self.inspect.input_panel
        k = cycle % (len(self.samples) + 1)
        if k < len(self.samples):
            index = panel.samples.findData(str(self.samples[k]))
            assert index > 0
            # what choosing it in the combo box sends
            return (lambda: panel.samples.activated.emit(index)), self.samples[k]
        png = _png_bytes(_generated_image(cycle))
        if (cycle // (len(self.samples) + 1)) % 2 == 0:
            path = self.tmp_path / "generated.png"
            path.write_bytes(png)
            return (lambda: panel.open_path(str(path))), path
        mime = QMimeData()
        mime.setData("image/png", QByteArray(png))

        def paste() -> None:
            assert panel.load_mime(mime)

        return paste, None

    def walk_layers(self, cycle: int) -> None:
        """Arrow keys through every visible layer of a small net; every k-th layer of a big one."""
        tab, state = self.inspect, self.state
        keys = tab.tree.keys()
        assert keys
        view = tab.tree.view
        if len(keys) <= KEY_WALK_MAX:
            state.set_layer(keys[0])
            view.setFocus()
            visited = [state.layer]
            for _ in range(len(keys) - 1):
                self.qtbot.keyClick(view, Qt.Key.Key_Down)
                if state.layer == visited[-1]:
                    break  # the last visible row
                visited.append(state.layer)
            order = [keys.index(k) for k in visited]
            assert order == sorted(order) and len(set(order)) == len(order), visited
        else:
            stride = math.ceil(len(keys) / WALK_STRIDE_TARGET)
            for key in keys[cycle % stride::stride]:
                state.set_layer(key)
                assert view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) in (key, None)
                QApplication.processEvents()
        tab.act_prev_conv.trigger()
        tab.act_next_conv.trigger()
        tab.act_prev_conv.trigger()
        layer = state.layer
        assert "Conv" in state.model.summary.layer(layer).type
        out = tab.controller.forward.layers[layer]
        # the grid shows the captured output of this layer, not something re-derived
        np.testing.assert_array_equal(tab.grid.maps, out[0].numpy())
        tab.grid.click_pixel(out.shape[-2] // 2, out.shape[-1] // 2)  # effective RF job (+ Grad-CAM)
        assert tab.controller.unit is not None and tab.controller.unit.layer == layer
        self.wait(self.inspect_idle)

    # ------------------------------------------------------------ Playground
    def use_playground(self, cycle: int) -> None:
        pg = self.playground
        self.window.show_tab("playground")
        self.wait(self.playground_idle)
        action = cycle % 4
        if action == 0:
            b = pg.surface.spec.bounds
            f = ((cycle * 0.37) % 1.0) * 0.8 + 0.1
            pg.set_start(b.xmin + f * (b.xmax - b.xmin), b.ymax - f * (b.ymax - b.ymin))
        elif action == 1:
            names = list(pg.racers.cards)
            name = names[cycle % len(names)]
            pg.racers.set_enabled(name, name not in pg.racers.enabled_names())
        elif action == 2:
            slider = pg.lr_panel.slider
            slider.setValue(slider.minimum() + (cycle * 97) % (slider.maximum() - slider.minimum() + 1))
        else:
            combo = pg.surface_combo
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        self.wait(self.playground_idle)
        pg.setFocus()
        self.qtbot.keyClick(pg, Qt.Key.Key_Space)  # play / pause
        self.qtbot.keyClick(pg, Qt.Key.Key_End)
        assert pg.clock.step == pg.clock.last_step and not pg.clock.playing

    # ------------------------------------------------------------ Explain
    def use_explain(self, cycle: int) -> None:
        from cnnviz.gui.explain.tab import TOPICS

        ex = self.explain
        self.window.show_tab("explain")
        topic = TOPICS[cycle % len(TOPICS)]
        ex.show_topic(topic)
        page = ex.pages[topic]
        if topic in ("conv", "pool"):
            if page.btn_model.isEnabled():
                page.btn_model.click()
            if page.btn_image.isEnabled():
                page.btn_image.click()
            page.clock.play()
            self.qtbot.wait(5)
            self.qtbot.keyClick(page.canvas, Qt.Key.Key_Right)  # steps and pauses
            assert not page.clock.playing
            self.qtbot.keyClick(page.canvas, Qt.Key.Key_End)
        elif topic == "mix":
            page.set_pixel(cycle % 3, (cycle // 3) % 3)
        elif topic == "rf":
            page.take_model_layers()
            self.wait(self.explain_idle)
            # the page shows the loaded model's own fields, as the core's summary measured them
            session = self.state.model
            windows = [r for r in session.summary.layers
                       if r.type in ("Conv2d", "MaxPool2d", "AvgPool2d") and r.call and r.rf is not None
                       and not isinstance(r.padding, str)]
            shown = page.model_rows[1:]
            assert shown and [r.name for r in shown] == [w.key for w in windows[: len(shown)]]
            assert [r.size for r in shown] == [w.rf.size[0] for w in windows[: len(shown)]]
        elif topic == "params":
            page.take_current_layer()
        elif topic == "timeline":
            self.wait(lambda: bool(page.rows) and self.explain_idle(), timeout_s=120)
        self.wait(self.explain_idle)

    # ------------------------------------------------------------ Train
    def training_run(self, index: int, *, stop_half_way: bool) -> None:
        """One short run with two optimizers, from the Start button; Esc half-way when asked."""
        from cnnviz.core.training.config import RunConfig

        tab = self.train
        self.window.show_tab("train")
        tab.model.setCurrentIndex(tab.model.findData(TRAIN_MODELS[index % len(TRAIN_MODELS)]))
        tab.dataset.setCurrentIndex(tab.dataset.findData("shapes"))
        tab.train_limit.setValue(64)
        tab.batch.setValue(32)
        tab.epochs.setValue(12 if stop_half_way else 1)
        tab.runs_panel.set_runs([RunConfig("SGD", "sgd", {"lr": 0.05}), RunConfig("Adam", "adam", {"lr": 1e-3})])
        self.qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
        assert tab.is_running()
        if stop_half_way:
            self.wait(lambda: tab.trainer is not None and tab.trainer.fraction_done() >= 0.5 or not tab.is_running())
            assert tab.is_running(), "the run ended before it could be stopped half-way"
            self.qtbot.keyClick(tab.start_button, Qt.Key.Key_Escape)
        self.wait(lambda: not tab.is_running(), timeout_s=120)
        statuses = {s for s, _ in tab.trainer.log.statuses().values()}
        assert statuses == ({"stopped"} if stop_half_way else {"finished"}), statuses
        # the plots hold exactly what the engine logged
        assert tab.plots.point_count() == sum(tab.trainer.log.train_count(n) for n in ("SGD", "Adam"))
        self.runs_done += 1
        self.runs_stopped += int(stop_half_way)

    # ------------------------------------------------------------ one cycle
    def cycle(self, i: int, runs_now: list[int]) -> None:
        self.switch_model_and_image(i)
        self.walk_layers(i)
        self.use_playground(i)
        self.use_explain(i)
        for run in runs_now:
            self.training_run(run, stop_half_way=run % 2 == 1)
        self.window.show_tab("inspect")  # hides the Playground: its race clock pauses
        self.wait(self.all_idle)


def _run_schedule(cycles: int, runs: int) -> dict[int, list[int]]:
    """Which training runs start in which cycle: spread evenly, several per cycle if runs > cycles."""
    plan: dict[int, list[int]] = {}
    for j in range(runs):
        plan.setdefault(min(cycles - 1, j * cycles // runs), []).append(j)
    return plan


def _global_hook_count() -> int:
    """Hooks registered for every module at once (torch.nn.modules.module.register_module_*_hook)."""
    from torch.nn.modules import module

    return sum(len(getattr(module, name, {})) for name in (
        "_global_forward_hooks", "_global_forward_pre_hooks", "_global_backward_hooks",
        "_global_backward_pre_hooks"))


def _timer_name(owner_names: dict[int, str], timer: QTimer) -> str:
    parent = timer.parent()
    return owner_names.get(id(timer)) or f"QTimer({timer.objectName() or '?'}) of {type(parent).__name__}"


def _known_timers(driver: Driver) -> dict[str, QTimer]:
    """The app's own timers by name, including those outside the window's object tree."""
    w = driver.window
    timers = {
        "_memory_timer": w.status.timer,
        "inspect.controller._cam_timer": driver.inspect.controller._cam_timer,
        "train.timer": driver.train.timer,
        "playground.controller.debounce": driver.playground.controller.debounce,
        "playground.clock._timer": driver.playground.clock._timer,
    }
    for key, page in driver.explain.pages.items():
        clock = getattr(page, "clock", None)
        if clock is not None:
            timers[f"explain.{key}.clock._timer"] = clock._timer
    return timers


def _active_timers(driver: Driver) -> list[str]:
    """Names of running QTimers: the app's known ones plus any QTimer in the window's tree."""
    known = _known_timers(driver)
    names = {id(t): n for n, t in known.items()}
    found = {id(t): t for t in driver.window.findChildren(QTimer)}
    found.update({id(t): t for t in known.values()})
    return sorted(_timer_name(names, t) for t in found.values() if t.isActive())


def test_fit_slope_compares_each_model_with_itself() -> None:
    """A saw-tooth (one level per model) plus a known drift: the per-model fit finds the drift."""
    cycles = list(range(10, 47))  # ends part-way through a rotation, as a soak may
    phases = [c % 4 for c in cycles]
    level = {0: 900.0, 1: 940.0, 2: 925.0, 3: 1030.0}
    values = [level[p] + 0.25 * c for c, p in zip(cycles, phases, strict=True)]
    assert fit_slope(cycles, values, phases) == pytest.approx(0.25, abs=1e-9)
    assert abs(fit_slope(cycles, values) - 0.25) > 0.05  # a plain line tilts with the saw-tooth
    flat = [level[p] for p in phases]
    assert fit_slope(cycles, flat, phases) == pytest.approx(0.0, abs=1e-9)
    # one point per model leaves no slope to fit per model: the plain fit is used
    assert fit_slope([0, 1, 2, 3], [1.0, 2.0, 3.0, 4.0], [0, 1, 2, 3]) == pytest.approx(1.0)


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.timeout(TIMEOUT_S)
def test_soak(soak_window, qtbot, qt_messages, tmp_path) -> None:
    from cnnviz.core.probe import hook_count
    from cnnviz.gui.workers import active_jobs

    read_rss = _rss_reader()
    if read_rss is None:
        pytest.skip("no way to read resident memory here (no psutil, no /proc/self/statm)")
    trim = _malloc_trim()
    threads_before = {t.ident for t in threading.enumerate()}
    t0 = time.perf_counter()
    window = soak_window
    driver = Driver(window, qtbot, tmp_path)
    driver.wait(lambda: driver.inspect.controller.forward is not None and driver.inspect_idle())
    report = SoakReport(cycles=CYCLES, train_runs=TRAIN_RUNS,
                        memory_source="psutil" if "psutil" in sys.modules else "/proc/self/statm")
    plan = _run_schedule(CYCLES, TRAIN_RUNS)
    phases: list[int] = []
    for i in range(CYCLES):
        try:
            driver.cycle(i, plan.get(i, []))
        except BaseException:
            report.failed_in_cycle = i
            report.errors_shown = [f"{title}: {message}" for title, message in driver.errors]
            report.qt_warnings = [str(m) for m in qt_messages]
            report.wall_s = round(time.perf_counter() - t0, 1)
            _write_report(report)  # what was measured up to the failure
            raise
        gc.collect()
        _flush_deletes()
        gc.collect()
        trim()
        report.rss_mib.append(round(read_rss(), 2))
        report.qobjects.append(len(window.findChildren(object)))
        phases.append(i % len(MODELS))
    report.train_runs_stopped = driver.runs_stopped
    assert driver.runs_done == TRAIN_RUNS

    # ---- memory: the fit starts after the warm-up (first passes fill torch's and
    # pyqtgraph's caches and the allocator's arenas): the first 20 % of the cycles,
    # and at least one pass through every model where the run is long enough.
    period = len(MODELS)
    warm = min(CYCLES - 2, max(math.ceil(WARMUP_FRACTION * CYCLES), period)) if CYCLES > 2 else 0
    report.warmup_cycles = warm
    report.slope_meaningful = CYCLES - warm >= MIN_CYCLES_FOR_SLOPE
    xs = list(range(warm, CYCLES))
    rss = report.rss_mib[warm:]
    report.slope_mib_per_cycle = round(fit_slope(xs, rss, phases[warm:]), 4)
    report.slope_plain_mib_per_cycle = round(fit_slope(xs, rss), 4)
    report.qobject_slope_per_cycle = round(fit_slope(xs, report.qobjects[warm:], phases[warm:]), 3)
    back = min(period, CYCLES - 1)
    report.rotation_growth_mib = round(report.rss_mib[-1] - report.rss_mib[-1 - back], 2)
    if CYCLES - warm >= 2 * period:
        first, last = report.rss_mib[warm:warm + period], report.rss_mib[-period:]
        report.growth_after_warmup_mib = round(float(np.mean(last) - np.mean(first)), 2)
    report.peak_rss_mib = max(report.rss_mib)

    # ---- what is left behind, with the window idle
    state = driver.state
    models = driver.live_models()
    report.models_alive_at_end = len(models)
    report.hooks_left = sum(hook_count(m) for m in models) + _global_hook_count()
    report.timers_active_idle = _active_timers(driver)
    window.close()
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "a worker was still running 5 s after the window closed"
    qtbot.wait(20)  # deliver the last sig_done
    _flush_deletes()
    report.jobs_left = len(active_jobs())
    report.pool_threads_busy = pool.activeThreadCount()
    report.timers_active_after_close = _active_timers(driver)
    report.threads_left = sorted(
        f"{t.name} ({type(t).__name__}, daemon={t.daemon})"
        for t in threading.enumerate() if t.ident not in threads_before and t.is_alive()
    )
    report.threads_at_end = sorted(t.name for t in threading.enumerate() if t.is_alive())
    report.qt_warnings = [str(m) for m in qt_messages]
    report.errors_shown = [f"{title}: {message}" for title, message in driver.errors]
    report.wall_s = round(time.perf_counter() - t0, 1)
    print("\n" + report.summary())
    _write_report(report)

    assert state.model is not None and hook_count(state.model.loaded.model) == 0
    assert report.hooks_left == 0, "a hook survived on a live model (or a global module hook)"
    # Only the model on screen may be alive: one more means a switch leaked a model
    # (and, through its session, the activations and images of its forward pass).
    assert report.models_alive_at_end == 1, f"{report.models_alive_at_end} models are still referenced"
    assert report.errors_shown == [], "the soak's actions should never show an error"
    assert report.jobs_left == 0 and report.pool_threads_busy == 0
    assert report.threads_left == [], "threads started during the soak are still alive"
    # With the window idle only the status bar's periodic memory readout may tick:
    # no race clock (the Playground is hidden), no conv animation (paused), no
    # training refresh (no run), no pending Grad-CAM or recompute debounce.
    assert "_memory_timer" in report.timers_active_idle  # the check sees the window's timers
    assert set(report.timers_active_idle) <= ALLOWED_IDLE_TIMERS, report.timers_active_idle
    assert set(report.timers_active_after_close) <= ALLOWED_CLOSED_TIMERS, report.timers_active_after_close
    assert report.qt_warnings == [], "\n".join(report.qt_warnings)
    if report.slope_meaningful:
        assert report.slope_mib_per_cycle < MAX_SLOPE_MIB_PER_CYCLE, report.summary()
        assert report.qobject_slope_per_cycle < MAX_QOBJECT_SLOPE_PER_CYCLE, (
            "QObjects pile up in the window: " + report.summary())
    else:
        # A handful of cycles gives a handful of points, each some MiB from what the
        # allocator happens to keep, and each model appears once or twice after the
        # warm-up: a slope would be noise. Only a gross leak (tens of MiB a rotation,
        # e.g. every forward pass's activations kept) is caught by memory here; the
        # models-alive check above catches a leaked model exactly.
        assert report.rotation_growth_mib < MAX_SHORT_GROWTH_MIB, report.summary()
