"""The Playground tab: real torch optimizers race on 2-D loss surfaces.

Left: the surface and its parameters, the start point, and one card per
optimizer. Centre: the filled contour plot with the animated paths and the
play / pause / step controls. Right: loss versus step, and the panel that
shows why gradient descent needs lr < 2/λmax.

Trajectories are computed by :mod:`cnnviz.core.playground` in a worker and
cached per optimizer and settings, so moving one learning rate recomputes one
path; the race clock only moves an index over precomputed arrays.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.playground import (
    RacerConfig,
    Surface,
    SurfaceGrid,
    Trajectory,
    analyze_surface,
    compute_grid,
    get_optimizer_spec,
    get_surface,
    get_surface_spec,
    list_optimizers,
    list_surfaces,
    run_trajectory,
    suggested_hyperparams,
)
from cnnviz.core.playground.trajectories import MAX_STEPS
from cnnviz.core.progress import CancelToken, ProgressFn
from cnnviz.gui.playground.animation import SPEEDS, RaceClock
from cnnviz.gui.playground.loss_view import LossView
from cnnviz.gui.playground.lr_panel import LrBoundPanel
from cnnviz.gui.playground.palette import optimizer_color
from cnnviz.gui.playground.qt_util import (
    FitWidthScrollArea,
    keep_brackets,
    no_wrap,
    signals_blocked,
    wrap_outside_brackets,
)
from cnnviz.gui.playground.racer_panel import OptimizerPanel
from cnnviz.gui.playground.surface_view import SurfaceView
from cnnviz.gui.playground.transport import TransportBar
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost
from cnnviz.gui.workers import Job, run_in_thread

DEFAULT_SURFACE = "quadratic"
DEFAULT_ON = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
SETTINGS_KEY = "playground/state"
DEBOUNCE_MS = 60
VIEW_MIN_WIDTH, VIEW_MIN_HEIGHT = 300, 260  # px: the surface stays legible however small the window


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


def param_label(name: str) -> str:
    """A surface parameter's label: λ for lambda, words ('angle') translated, letters ('a', 'A') as they are."""
    return tr(name).replace("lambda", "λ") if len(name) > 1 else name


def _compute(
    *,
    progress: ProgressFn,
    cancel: CancelToken,
    surface: Surface,
    racers: list[tuple[tuple, RacerConfig]],
    start: tuple[float, float],
    steps: int,
    want_grid: bool,
    connected: threading.Event,
) -> tuple[SurfaceGrid | None, dict[tuple, Trajectory]]:
    """Worker: the contour grid (if asked) and the trajectories not yet cached."""
    # run_in_thread starts at once; a result emitted before the GUI thread has
    # connected its slots would be lost, so wait until it has.
    connected.wait(5.0)
    grid = compute_grid(surface) if want_grid else None
    out: dict[tuple, Trajectory] = {}
    for i, (key, racer) in enumerate(racers):
        progress(i / max(1, len(racers)), racer.display_label)
        out[key] = run_trajectory(surface, racer, start, steps, cancel=cancel)
    return grid, out


class PlaygroundTab(TabBase):
    """Optimizers racing on a 2-D surface, with the learning-rate-bound lesson beside them."""

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__(state, host)
        self.surface: Surface = get_surface(DEFAULT_SURFACE)
        self.start: tuple[float, float] = self.surface.spec.default_start
        self.steps: int = self.surface.spec.default_steps
        self.grid: SurfaceGrid | None = None
        self._grid_key: tuple | None = None
        self._cache: dict[tuple, Trajectory] = {}
        self._shown: dict[str, Trajectory] = {}
        self._job: Job | None = None
        self._generation = 0
        self._restart_pending = True
        self._autoplay = True
        self._was_playing = False
        self._pending_step: int | None = None  # a lesson's step, shown once its race is computed
        self.colors = {name: optimizer_color(name, i) for i, name in enumerate(list_optimizers())}
        self.clock = RaceClock(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_job)
        self._build()
        self.lr_panel.set_language(state.language)  # the tab may be built after a language switch
        self._follow_zoom(getattr(state, "zoom", 1.0))
        self._connect()
        self._load_surface(DEFAULT_SURFACE, params=None)
        for name in list_optimizers():
            self.racers.set_enabled(name, name in DEFAULT_ON)
        self._schedule(restart=True)

    # ================================================================== layout
    def _build(self) -> None:
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(4, 4, 4, 4)
        left_lay.addWidget(self._build_surface_box())
        opt_box = QGroupBox(tr("Optimizers (torch.optim)"))
        opt_lay = QVBoxLayout(opt_box)
        opt_lay.setContentsMargins(4, 4, 4, 4)
        self.racers = OptimizerPanel([get_optimizer_spec(n) for n in list_optimizers()], self.colors)
        opt_lay.addWidget(self.racers)
        self.suggest = QPushButton(tr("Suggested learning rates"))
        self.suggest.setToolTip(tr(
            "Put back the learning rates tuned for this surface (torch's defaults are made for "
            "neural networks and barely move on a 2-D bowl)."
        ))
        opt_lay.addWidget(self.suggest)
        left_lay.addWidget(opt_box)
        left_lay.addStretch(1)
        # as wide as the cards need (more when zoomed), as short as the window: the rest scrolls
        self.left_scroll = FitWidthScrollArea(left)

        centre = QWidget()
        c_lay = QVBoxLayout(centre)
        c_lay.setContentsMargins(0, 0, 0, 0)
        self.surface_title = QLabel()
        self.surface_title.setWordWrap(True)
        c_lay.addWidget(self.surface_title)
        self.view = SurfaceView()
        self.view.setMinimumSize(VIEW_MIN_WIDTH, VIEW_MIN_HEIGHT)
        c_lay.addWidget(self.view, 1)
        c_lay.addLayout(self._build_transport())

        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        self.loss_view = LossView()
        self.loss_view.setMinimumHeight(160)
        right.addWidget(self.loss_view)
        self.lr_panel = LrBoundPanel()
        self.lr_scroll = FitWidthScrollArea(self.lr_panel)  # a short window scrolls the lesson
        right.addWidget(self.lr_scroll)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([280, 570])
        self.right_splitter = right

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([330, 640, 560])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)

    def _build_surface_box(self) -> QGroupBox:
        box = QGroupBox(tr("Surface"))
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 6, 6, 6)
        self.surface_combo = QComboBox()
        for name in list_surfaces():
            self.surface_combo.addItem(tr(get_surface_spec(name).title_en), name)
        self.surface_combo.setToolTip(tr("The loss surface f(x, y) the optimizers descend."))
        lay.addWidget(self.surface_combo)
        self.description = QLabel()
        self.description.setWordWrap(True)
        lay.addWidget(self.description)
        self.params_box = QWidget()
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.params_box)
        self.param_boxes: dict[str, QDoubleSpinBox] = {}

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        start_row = QHBoxLayout()
        self.start_x = self._coord_box()
        self.start_y = self._coord_box()
        start_row.addWidget(QLabel("x"))
        start_row.addWidget(self.start_x)
        start_row.addWidget(QLabel("y"))
        start_row.addWidget(self.start_y)
        start_label = QLabel(tr("Start"))
        start_label.setToolTip(tr("Where every optimizer starts. Click on the surface to move it."))
        form.addRow(start_label, start_row)
        self.steps_box = QSpinBox()
        self.steps_box.setRange(1, MAX_STEPS)
        self.steps_box.setSingleStep(50)
        self.steps_box.setKeyboardTracking(False)
        self.steps_box.setToolTip(tr("How many optimizer steps each racer takes."))
        form.addRow(tr("Steps"), self.steps_box)
        lay.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setVisible(False)
        lay.addWidget(self.error_label)
        return box

    def _coord_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(3)
        box.setSingleStep(0.1)
        box.setKeyboardTracking(False)
        box.setToolTip(tr("Start point coordinate; or click on the surface."))
        return box

    def _build_transport(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        row = QHBoxLayout()
        row2 = QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(row2)
        style = self.style()
        icon = QStyle.StandardPixmap

        def button(pixmap: QStyle.StandardPixmap | None, text: str, tip: str) -> QToolButton:
            # tool buttons, not push buttons: no 80 px floor each, and they can drop their words
            b = QToolButton()
            if pixmap is not None:
                b.setIcon(style.standardIcon(pixmap))
            b.setText(text)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep Space for play/pause
            return b

        self.btn_restart = button(icon.SP_MediaSkipBackward, tr("Restart"), tr("Back to step 0 and play (Home)"))
        self.btn_back = button(icon.SP_MediaSeekBackward, tr("Back"), tr("One step back (Left arrow)"))
        self.btn_play = button(None, "", tr("Play or pause the race (Space)"))
        self.btn_step = button(icon.SP_MediaSeekForward, tr("Step"), tr("One step forward (Right arrow)"))
        self.btn_end = button(icon.SP_MediaSkipForward, tr("End"), tr("Jump to the last step (End)"))
        others = [self.btn_restart, self.btn_back, self.btn_step, self.btn_end]
        self.transport = TransportBar([self.btn_restart, self.btn_back, self.btn_play, self.btn_step, self.btn_end],
                                      compactable=others)
        row.addWidget(self.transport, 1)
        self.speed_combo = QComboBox()
        for s in SPEEDS:
            self.speed_combo.addItem(tr("{0:g} steps/frame").format(s) if s != 1 else tr("1 step/frame"), s)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.setToolTip(tr("Animation speed: optimizer steps per displayed frame (+ / −)"))
        self.speed_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row2.addWidget(self.speed_combo)
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setToolTip(tr("Drag to any step of the race"))
        self.scrub.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row2.addWidget(self.scrub, 1)
        self.step_label = QLabel()
        self.step_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        row2.addWidget(self.step_label)
        return rows

    # ================================================================== wiring
    def _connect(self) -> None:
        self.surface_combo.currentIndexChanged.connect(self._on_surface_combo)
        self.start_x.valueChanged.connect(self._on_start_edited)
        self.start_y.valueChanged.connect(self._on_start_edited)
        self.steps_box.valueChanged.connect(self._on_steps)
        self.racers.sig_changed.connect(self._on_racer_changed)
        self.suggest.clicked.connect(self.apply_suggested)
        self.view.sig_start_clicked.connect(self.set_start)
        self.lr_panel.sig_lr_changed.connect(self._on_lr_slider)
        self.clock.sig_step_changed.connect(self._show_step)
        self.clock.sig_playing_changed.connect(self._on_playing)
        self.btn_play.clicked.connect(self.clock.toggle)
        self.btn_step.clicked.connect(lambda: self.clock.step_by(1))
        self.btn_back.clicked.connect(lambda: self.clock.step_by(-1))
        self.btn_restart.clicked.connect(self.restart)
        self.btn_end.clicked.connect(lambda: (self.clock.pause(), self.clock.seek(self.clock.last_step)))
        self.speed_combo.currentIndexChanged.connect(lambda _i: self.clock.set_speed(self.speed_combo.currentData()))
        self.scrub.valueChanged.connect(self._on_scrub)
        self.state.language_changed.connect(self._on_language)
        if hasattr(self.state, "zoom_changed"):
            self.state.zoom_changed.connect(self._follow_zoom)
        self._on_playing(False)

        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Space", self.clock.toggle),
            ("Right", lambda: self.clock.step_by(1)),
            ("Left", lambda: self.clock.step_by(-1)),
            ("Home", self.restart),
            ("End", lambda: (self.clock.pause(), self.clock.seek(self.clock.last_step))),
            ("+", lambda: self._change_speed(1)),
            ("=", lambda: self._change_speed(1)),
            ("-", lambda: self._change_speed(-1)),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            # Only while this tab is on screen, so other tabs may use the same keys.
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.setEnabled(False)
            sc.activated.connect(slot)
            self.shortcuts.append(sc)

    # ================================================================== surface
    def _on_surface_combo(self, _index: int) -> None:
        self._load_surface(self.surface_combo.currentData(), params=None)
        self._schedule(restart=True)

    def _load_surface(self, name: str, params: dict[str, float] | None) -> None:
        """Make ``name`` current: parameter editors, default start and steps, suggested lrs."""
        spec = get_surface_spec(name)
        self.surface = spec.resolve(params)
        with signals_blocked(self.surface_combo):
            self.surface_combo.setCurrentIndex(list_surfaces().index(name))
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_boxes = {}
        for p in spec.params:
            box = QDoubleSpinBox()
            box.setDecimals(3 if p.maximum - p.minimum < 1000 else 1)
            box.setRange(p.minimum, p.maximum)
            box.setSingleStep(max(0.01, (p.maximum - p.minimum) / 100))
            if p.unit:
                box.setSuffix(p.unit)
            box.setValue(self.surface.params[p.name])
            box.setKeyboardTracking(False)
            box.setToolTip(tr(p.help_en) + f"<br>{tr('range')}: [{p.minimum:g}, {p.maximum:g}]")
            box.valueChanged.connect(self._on_param_edited)
            label = QLabel(param_label(p.name))
            label.setToolTip(box.toolTip())
            self.params_form.addRow(label, box)
            self.param_boxes[p.name] = box
        self.params_box.setVisible(bool(spec.params))
        b = spec.bounds
        for box, (low, high) in ((self.start_x, (b.xmin, b.xmax)), (self.start_y, (b.ymin, b.ymax))):
            with signals_blocked(box):
                box.setRange(low, high)
        self._set_start_boxes(*spec.default_start)
        self.start = spec.default_start
        with signals_blocked(self.steps_box):
            self.steps_box.setValue(spec.default_steps)
        self.steps = spec.default_steps
        self._apply_suggested_lrs()
        self._update_texts()
        self._update_analysis()

    def _update_texts(self) -> None:
        spec = self.surface.spec
        zh = self.state.language == "zh"
        self.description.setText(spec.description_zh if zh else tr(spec.description_en))
        title = spec.title_zh if zh else tr(spec.title_en)
        self.surface_title.setText(
            f"<span style='font-size:large'><b>{title}</b></span> &nbsp; "
            f"<span style='font-family:serif'>{no_wrap('f(x, y) =')} {wrap_outside_brackets(spec.formula)}</span>"
            f"<br><span style='font-size:small'>{tr('Click the surface to start from there. ★ = minimum, □ = start, ✕ = diverged.')}</span>"
        )
        self.state.status_info_changed.emit()

    def _on_param_edited(self, _value: float) -> None:
        params = {k: b.value() for k, b in self.param_boxes.items()}
        try:
            self.surface = self.surface.spec.resolve(params)
        except CnnvizError as exc:
            self._show_inline_error(str(exc))
            return
        self._update_analysis()
        self._schedule(restart=True)

    def _set_start_boxes(self, x: float, y: float) -> None:
        for box, v in ((self.start_x, x), (self.start_y, y)):
            with signals_blocked(box):
                box.setValue(v)

    def set_start(self, x: float, y: float) -> None:
        """Start every optimizer from (x, y) and replay the race."""
        self.start = (float(x), float(y))
        self._set_start_boxes(x, y)
        self.view.set_start(x, y)
        self._schedule(restart=True)

    def _on_start_edited(self, _v: float) -> None:
        self.set_start(self.start_x.value(), self.start_y.value())

    def _on_steps(self, value: int) -> None:
        self.steps = int(value)
        self._schedule(restart=False)

    # ================================================================== optimizers
    def _apply_suggested_lrs(self) -> None:
        for name in list_optimizers():
            self.racers.set_hyperparams(name, suggested_hyperparams(self.surface, name))

    def apply_suggested(self) -> None:
        """Reset every optimizer's hyperparameters to this surface's suggestion."""
        self._apply_suggested_lrs()
        self._update_analysis()
        self._schedule(restart=True)

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the surface and how many optimizers race on it (on the CPU)."""
        spec = self.surface.spec
        title = spec.title_zh if self.state.language == "zh" else tr(spec.title_en)
        return [title, tr("{0} optimizers").format(len(self.racers.enabled_names()))], "cpu"

    def _on_racer_changed(self, name: str) -> None:
        self.state.status_info_changed.emit()
        if name == "sgd":
            self._update_analysis()
        self._schedule(restart=False)

    def _on_lr_slider(self, lr: float) -> None:
        self.racers.set_hyperparams("sgd", {"lr": lr})
        if "sgd" not in self.racers.enabled_names():
            self.racers.set_enabled("sgd", True)
        self._update_analysis()
        self._schedule(restart=False)

    def _update_analysis(self) -> None:
        lr = self.racers.hyperparams("sgd")["lr"]
        try:
            self.lr_panel.set_analysis(analyze_surface(self.surface, lr))
        except (CnnvizError, ValueError, RuntimeError) as exc:  # a degenerate Hessian
            self._show_inline_error(str(exc))

    def _change_speed(self, delta: int) -> None:
        i = min(max(0, self.speed_combo.currentIndex() + delta), self.speed_combo.count() - 1)
        self.speed_combo.setCurrentIndex(i)

    # ================================================================== computing
    def _key(self, name: str, hyper: dict[str, float]) -> tuple:
        return (self.surface.name, tuple(sorted(self.surface.params.items())), self.start, self.steps,
                name, tuple(sorted(hyper.items())))

    def _schedule(self, *, restart: bool) -> None:
        self._restart_pending = self._restart_pending or restart
        self._debounce.start()

    def _start_job(self) -> None:
        if self._job is not None and self._job.running:
            self._job.cancel()
        self._generation += 1
        generation = self._generation
        grid_key = (self.surface.name, tuple(sorted(self.surface.params.items())))
        want_grid = grid_key != self._grid_key
        todo = []
        for name in self.racers.enabled_names():
            hyper = self.racers.hyperparams(name)
            key = self._key(name, hyper)
            if key not in self._cache:
                todo.append((key, RacerConfig(name, hyper)))
        if not todo and not want_grid:
            self._show_race()
            return
        connected = threading.Event()
        self._job = run_in_thread(
            _compute, surface=self.surface, racers=todo, start=self.start, steps=self.steps,
            want_grid=want_grid, connected=connected,
        )
        self._job.sig_finished.connect(lambda result: self._on_computed(generation, grid_key, result))
        self._job.sig_failed.connect(lambda msg: self._on_failed(generation, msg))
        connected.set()

    def _on_computed(self, generation: int, grid_key: tuple, result: tuple) -> None:
        if generation != self._generation:
            return  # a newer request superseded this one
        grid, trajectories = result
        if grid is not None:
            self.grid = grid
            self._grid_key = grid_key
            self.view.set_grid(grid, self.surface.landmarks())
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache.update(trajectories)
        self._show_inline_error("")
        self._show_race()

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._show_inline_error(message)
            self.state.show_error(tr("Playground"), message)

    def _show_inline_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _show_race(self) -> None:
        shown: dict[str, Trajectory] = {}
        for name in self.racers.enabled_names():
            t = self._cache.get(self._key(name, self.racers.hyperparams(name)))
            if t is not None:
                shown[name] = t
        self._shown = shown
        labels = {n: get_optimizer_spec(n).title for n in shown}
        self.view.set_start(*self.start)
        self.view.set_trajectories(shown, self.colors)
        self.loss_view.set_trajectories(shown, self.colors, labels,
                                        log_scale=self.surface.spec.min_value is not None, steps=self.steps)
        last = max((t.last_step for t in shown.values()), default=0)
        last = max(last, self.steps)
        self.clock.set_last_step(last)
        with signals_blocked(self.scrub):
            self.scrub.setRange(0, last)
        restart = self._restart_pending
        self._restart_pending = False
        if restart:
            self.clock.pause()
            self.clock.seek(0)
        pending, self._pending_step = self._pending_step, None
        if pending is not None and pending > 0:  # a lesson: stand still at its step
            self.clock.pause()
            self.clock.seek(min(pending, last))
            restart = False
        self._show_step(self.clock.step)
        if restart and self._autoplay and self.isVisible():
            self.clock.play()

    # ================================================================== animation
    def restart(self) -> None:
        """Back to step 0 and play."""
        self.clock.pause()
        self.clock.seek(0)
        self.clock.play()

    def _on_scrub(self, value: int) -> None:
        self.clock.pause()
        self.clock.seek(value)

    def _on_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.btn_play.setIcon(self.style().standardIcon(icon))
        self.btn_play.setText(tr("Pause") if playing else tr("Play"))
        self.transport.updateGeometry()
        self.transport.refit()  # "Pause" may be wider than "Play"

    def _show_step(self, step: int) -> None:
        self.view.show_step(step)
        self.loss_view.show_step(step)
        with signals_blocked(self.scrub):
            self.scrub.setValue(step)
        self.step_label.setText(tr("step {0} / {1}").format(step, self.clock.last_step))
        for name, card in self.racers.cards.items():
            t = self._shown.get(name)
            if t is None:
                card.set_status("", False)
            elif t.diverged_at is not None and step >= t.diverged_at:
                card.set_status(tr("✕ diverged at step {0}").format(t.diverged_at), True)
            else:
                k = min(step, t.last_step)
                x, y = t.xy[k]
                text = tr("loss {0:.3g} at ({1:.3f}, {2:.3f})").format(t.loss[k], x, y)
                card.set_status(keep_brackets(text), False)  # a wrap never splits the point

    # ================================================================== life cycle
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        for sc in self.shortcuts:
            sc.setEnabled(True)
        if self._was_playing or (self._autoplay and self.clock.step == 0 and self._shown):
            self.clock.play()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        for sc in self.shortcuts:
            sc.setEnabled(False)
        self._was_playing = self.clock.playing
        self.clock.pause()
        super().hideEvent(event)

    def is_busy(self) -> bool:
        """True while trajectories are computed or the race is still playing."""
        return self._debounce.isActive() or (self._job is not None and self._job.running) or self.clock.playing

    def _follow_zoom(self, zoom: float) -> None:
        """Presentation zoom: the loss plot's text follows; the columns follow their content's minimum widths."""
        self.loss_view.set_zoom(zoom)
        self._fit_step_label()
        self.lr_panel.refit()  # the plot titles grew or shrank with the zoom

    def _fit_step_label(self) -> None:
        """Room for the longest step text, so the slider does not jump as the numbers grow."""
        widest = tr("step {0} / {1}").format(MAX_STEPS, MAX_STEPS)
        self.step_label.setMinimumWidth(self.step_label.fontMetrics().horizontalAdvance(widest) + 4)

    def _on_language(self, lang: str) -> None:
        self.lr_panel.set_language(lang)
        self._update_texts()

    def lesson_state(self, attachments: Attachments | None = None) -> dict[str, Any]:
        """Surface and its parameters, start, steps, speed, every optimizer, the lr slider and the step shown."""
        return {
            "version": 1,
            "surface": self.surface.name,
            "params": dict(self.surface.params),
            "start": list(self.start),
            "steps": self.steps,
            "speed": self.clock.speed,
            "optimizers": {n: {"on": n in self.racers.enabled_names(), "hyper": self.racers.hyperparams(n)}
                           for n in list_optimizers()},
            "lr": self.racers.hyperparams("sgd")["lr"],
            "step": int(self.clock.step),
        }

    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments | None = None) -> None:
        """Restore :meth:`lesson_state`; missing keys keep the surface's defaults, bad values are skipped."""
        self._apply_state(state, with_step=True)

    def _apply_state(self, doc: dict[str, Any], *, with_step: bool) -> None:
        name = doc.get("surface", self.surface.name)
        if name not in list_surfaces():
            return
        params = doc.get("params")
        try:
            self._load_surface(str(name), params=params if isinstance(params, dict) else None)
        except (CnnvizError, TypeError, ValueError):
            self._load_surface(str(name), params=None)
        try:
            start = tuple(float(v) for v in doc.get("start", self.start))
            if len(start) == 2 and self.surface.bounds.contains(*start):
                self.start = (start[0], start[1])
                self._set_start_boxes(*self.start)
        except (TypeError, ValueError):
            pass
        try:
            steps = int(doc.get("steps", self.steps))
            if 1 <= steps <= MAX_STEPS:
                self.steps = steps
                with signals_blocked(self.steps_box):
                    self.steps_box.setValue(steps)
        except (TypeError, ValueError):
            pass
        try:
            speed = float(doc.get("speed", self.clock.speed))
            if speed in SPEEDS:
                self.speed_combo.setCurrentIndex(SPEEDS.index(speed))
        except (TypeError, ValueError):
            pass
        optimizers = doc.get("optimizers", {})
        for opt, entry in (optimizers.items() if isinstance(optimizers, dict) else ()):
            if opt not in self.racers.cards or not isinstance(entry, dict):
                continue
            try:
                hyper = get_optimizer_spec(opt).validate(entry.get("hyper", {}))
            except (CnnvizError, TypeError, ValueError):
                continue
            self.racers.set_hyperparams(opt, hyper)
            self.racers.set_enabled(opt, bool(entry.get("on", False)))
        if "lr" in doc:
            try:
                lr = get_optimizer_spec("sgd").validate({"lr": doc["lr"]})["lr"]
                self.racers.set_hyperparams("sgd", {"lr": lr})
            except (CnnvizError, TypeError, ValueError, KeyError):
                pass
        if with_step:
            try:
                self._pending_step = max(0, int(doc.get("step", 0)))
            except (TypeError, ValueError):
                self._pending_step = None
        self._update_analysis()
        self._schedule(restart=True)

    def save_settings(self, s: QSettings) -> None:
        """Remember surface, parameters, start, steps, speed and every optimizer's settings."""
        doc = self.lesson_state()
        doc.pop("step", None)
        s.setValue(SETTINGS_KEY, json.dumps(doc))

    def restore_settings(self, s: QSettings) -> None:
        """Bring back what save_settings stored (anything invalid falls back to defaults)."""
        raw = s.value(SETTINGS_KEY)
        if not raw:
            return
        try:
            doc = json.loads(str(raw))
        except ValueError:
            return  # stale or hand-edited settings: keep the defaults
        if isinstance(doc, dict):
            self._apply_state(doc, with_step=False)

    def shutdown(self) -> None:
        """Stop the clock, pending recomputes and the worker (window closing)."""
        self.clock.pause()
        self._debounce.stop()
        self._autoplay = False
        if self._job is not None:
            self._job.cancel()


def create_tab(state: AppState, host: TabHost) -> TabBase:
    """The Playground tab widget."""
    return PlaygroundTab(state, host)
