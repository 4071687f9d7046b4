"""The Playground tab: real torch optimizers race on 2-D loss surfaces (widget assembly and wiring).

Left (:mod:`.setup_panel`): the surface and its parameters, the start point,
and one card per optimizer. Centre (:mod:`.race_column`): the filled contour
plot with the animated paths and the play / pause / step controls. Right: loss
versus step (:mod:`.loss_view`) and the panel that shows why gradient descent
needs lr < 2/λmax (:mod:`.lr_panel`). The columns reflow (:mod:`.reflow`) when
the window is narrow or zoomed. What is raced, computed and played belongs to
the :class:`~cnnviz.gui.playground.controller.PlaygroundController`; what a
lesson and the settings file keep, to :mod:`.lesson`.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDoubleSpinBox, QSplitter, QVBoxLayout

from cnnviz.core.errors import CnnvizError
from cnnviz.core.lesson_file import Attachments
from cnnviz.core.playground import (
    Surface,
    SurfaceGrid,
    Trajectory,
    analyze_surface,
    get_optimizer_spec,
    get_surface_spec,
    list_optimizers,
    suggested_hyperparams,
)
from cnnviz.gui.i18n import error_text
from cnnviz.gui.optimizer_labels import optimizer_label
from cnnviz.gui.playground.animation import SPEEDS
from cnnviz.gui.playground.controller import (
    DEFAULT_SURFACE,
    PENDING_PARAMETERS,
    PENDING_SURFACE,
    PlaygroundController,
    Race,
)
from cnnviz.gui.playground.lesson import PlaygroundChoices, read_choices
from cnnviz.gui.playground.loss_view import LossPanel
from cnnviz.gui.playground.lr_panel import LrBoundPanel
from cnnviz.gui.playground.palette import optimizer_color
from cnnviz.gui.playground.plot_style import plot_colors
from cnnviz.gui.playground.qt_util import FitWidthScrollArea
from cnnviz.gui.playground.race_column import RaceColumn
from cnnviz.gui.playground.setup_panel import SettingsColumn
from cnnviz.gui.reflow import ReflowColumns
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost

SETTINGS_KEY = "playground/state"


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class PlaygroundTab(TabBase):
    """Optimizers racing on a 2-D surface, with the learning-rate-bound lesson beside them."""

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__(state, host)
        self.colors = {name: optimizer_color(name) for name in list_optimizers()}
        self.controller = PlaygroundController(self._racer_configs, parent=self)
        self.clock = self.controller.clock
        self._build()
        self.lr_panel.set_language(state.language)  # the tab may be built after a language switch
        self._connect()
        self._follow_theme()
        self._follow_zoom(state.zoom)
        self._load_surface(DEFAULT_SURFACE, params=None)
        for name in list_optimizers():
            self.racers.set_enabled(name, get_optimizer_spec(name).races_by_default)
        self.controller.schedule(restart=True)

    # ================================================================== layout
    def _build(self) -> None:
        self.settings_column = SettingsColumn(self.colors)
        box = self.settings_column.surface_box
        self.racers, self.suggest = self.settings_column.racers, self.settings_column.suggest
        self.surface_combo = box.combo
        self.start_x, self.start_y, self.steps_box = box.start_x, box.start_y, box.steps_box
        # as wide as the cards need (more when zoomed), as short as the window: the rest scrolls
        self.left_scroll = FitWidthScrollArea(self.settings_column)

        self.race_column = centre = RaceColumn()
        self.view, self.surface_title, self.transport = centre.view, centre.title, centre.transport
        self.btn_restart, self.btn_back, self.btn_play = centre.btn_restart, centre.btn_back, centre.btn_play
        self.btn_step, self.btn_end = centre.btn_step, centre.btn_end
        self.speed_combo, self.scrub, self.step_label = centre.speed_combo, centre.scrub, centre.step_label

        self.right_splitter = right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        self.loss_panel = LossPanel()
        self.loss_view = self.loss_panel.plot
        right.addWidget(self.loss_panel)
        self.lr_panel = LrBoundPanel()
        self.lr_scroll = FitWidthScrollArea(self.lr_panel)  # a short window scrolls the lesson
        right.addWidget(self.lr_scroll)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setSizes([280, 570])

        self.reflow = ReflowColumns(
            self.left_scroll, centre, right, sizes=(330, 640, 560),
            labels=((tr("Settings"), tr("Show the surface and optimizer settings")),
                    (tr("Loss and lr bound"), tr("Show the loss curves and the learning-rate lesson"))),
        )
        self.splitter = self.reflow.splitter
        centre.add_fold_buttons(self.reflow.left_button, self.reflow.right_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.reflow)

    def _connect(self) -> None:
        box, c, clock = self.settings_column.surface_box, self.controller, self.clock
        box.surface_chosen.connect(lambda name: self._load_surface(name, params=None))
        box.params_edited.connect(self._on_params_edited)
        box.start_edited.connect(self.set_start)
        box.steps_edited.connect(c.set_steps)
        self.racers.sig_changed.connect(self._on_racer_changed)
        self.suggest.clicked.connect(self.apply_suggested)
        self.view.sig_start_clicked.connect(self.set_start)
        self.lr_panel.sig_lr_changed.connect(self._on_lr_slider)
        c.surface_changed.connect(self._on_surface_changed)
        c.grid_changed.connect(self._on_grid)
        c.race_changed.connect(self._on_race)
        c.pending_changed.connect(self._on_pending)
        c.failed.connect(self._on_failed)
        clock.sig_step_changed.connect(self.show_step)
        clock.sig_playing_changed.connect(self.race_column.set_playing)
        self.btn_play.clicked.connect(clock.toggle)
        self.btn_step.clicked.connect(lambda: clock.step_by(1))
        self.btn_back.clicked.connect(lambda: clock.step_by(-1))
        self.btn_restart.clicked.connect(c.restart)
        self.btn_end.clicked.connect(c.jump_to_end)
        self.speed_combo.currentIndexChanged.connect(lambda _i: clock.set_speed(self.speed_combo.currentData()))
        self.scrub.valueChanged.connect(self._on_scrub)
        self.state.language_changed.connect(self._on_language)
        self.state.zoom_changed.connect(self._follow_zoom)
        self.state.theme_changed.connect(lambda _name: self._follow_theme())
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Space", clock.toggle),
            ("Right", lambda: clock.step_by(1)),
            ("Left", lambda: clock.step_by(-1)),
            ("Home", c.restart),
            ("End", c.jump_to_end),
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

    # ================================================================== what the controller holds
    @property
    def surface(self) -> Surface:
        """The surface raced on."""
        return self.controller.surface

    @property
    def start(self) -> tuple[float, float]:
        """Where every optimizer starts."""
        return self.controller.start

    @property
    def steps(self) -> int:
        """How many steps each optimizer takes."""
        return self.controller.steps

    @property
    def grid(self) -> SurfaceGrid | None:
        """The contour grid of the surface on screen."""
        return self.controller.grid

    @property
    def shown(self) -> dict[str, Trajectory]:
        """The trajectories on screen, by optimizer."""
        return self.controller.shown

    @property
    def param_boxes(self) -> dict[str, QDoubleSpinBox]:
        """The current surface's parameter editors, by name."""
        return self.settings_column.surface_box.param_boxes

    def is_settled(self) -> bool:
        """Nothing is being computed and the race stands where it should (tests and lessons wait for it)."""
        return self.controller.is_settled()

    def _racer_configs(self) -> dict[str, dict[str, float]]:
        return {name: self.racers.hyperparams(name) for name in self.racers.enabled_names()}

    # ================================================================== user edits
    def _load_surface(self, name: str, params: dict[str, float] | None) -> None:
        """Make ``name`` current: parameter editors, default start and steps, suggested lrs."""
        surface = get_surface_spec(name).resolve(params)
        self.settings_column.surface_box.show_surface(surface, self.state.language)
        self._apply_suggested_lrs(surface)
        self.controller.set_surface(surface)
        self._update_analysis()

    def _on_params_edited(self, params: dict[str, float]) -> None:
        try:
            surface = self.surface.spec.resolve(params)
        except CnnvizError as exc:
            self._show_inline_error(error_text(exc))
            return
        self.controller.set_surface(surface, start=self.start, steps=self.steps)
        self._update_analysis()

    def set_start(self, x: float, y: float) -> None:
        """Start every optimizer from (x, y) and replay the race."""
        self.settings_column.surface_box.show_start(x, y)
        self.view.set_start(x, y)
        self.controller.set_start(x, y)

    def _apply_suggested_lrs(self, surface: Surface) -> None:
        for name in list_optimizers():
            self.racers.set_hyperparams(name, suggested_hyperparams(surface, name))

    def apply_suggested(self) -> None:
        """Reset every optimizer's hyperparameters to this surface's suggestion."""
        self._apply_suggested_lrs(self.surface)
        self._update_analysis()
        self.controller.schedule(restart=True)

    def _on_racer_changed(self, name: str) -> None:
        self.state.status_info_changed.emit()
        if name == "sgd":
            self._update_analysis()
        self.controller.schedule(restart=False)

    def _on_lr_slider(self, lr: float) -> None:
        self.racers.set_hyperparams("sgd", {"lr": lr})
        if "sgd" not in self.racers.enabled_names():
            self.racers.set_enabled("sgd", True)
        self._update_analysis()
        self.controller.schedule(restart=False)

    def _update_analysis(self) -> None:
        lr = self.racers.hyperparams("sgd")["lr"]
        try:
            self.lr_panel.set_analysis(analyze_surface(self.surface, lr))
        except (CnnvizError, ValueError, RuntimeError) as exc:  # a degenerate Hessian
            self._show_inline_error(error_text(exc))

    def _on_scrub(self, value: int) -> None:
        self.clock.pause()
        self.clock.seek(value)

    def _change_speed(self, delta: int) -> None:
        i = min(max(0, self.speed_combo.currentIndex() + delta), self.speed_combo.count() - 1)
        self.speed_combo.setCurrentIndex(i)

    # ================================================================== what the controller says
    def _on_surface_changed(self, surface: Surface) -> None:
        self.settings_column.surface_box.show_start(*self.start)
        self.settings_column.surface_box.show_steps(self.steps)
        self.view.set_start(*self.start)
        self.race_column.show_title(surface, self.state.language)
        self.state.status_info_changed.emit()

    def _on_pending(self, what: str) -> None:
        self.view.set_pending(what)
        if what in (PENDING_SURFACE, PENDING_PARAMETERS):
            self.loss_panel.clear_race()
            self.racers.show_step(0, {})  # no status: the old race was on another picture

    def _on_grid(self, grid: SurfaceGrid) -> None:
        self.view.set_grid(grid, self.surface.landmarks())

    def _on_race(self, race: Race) -> None:
        self._show_inline_error("")
        titles = {n: optimizer_label(n, self.state.language) for n in race.trajectories}
        self.view.set_start(*race.start)
        self.view.set_trajectories(race.trajectories, self.colors)
        self.loss_panel.set_race(race.trajectories, self.colors, titles, log_scale=race.log_scale, steps=race.steps)
        self.show_step(self.clock.step)

    def _on_failed(self, message: str) -> None:
        self._show_inline_error(message)
        self.state.show_error(tr("Playground"), message)

    def _show_inline_error(self, message: str) -> None:
        self.settings_column.surface_box.show_error(message)

    def show_step(self, step: int) -> None:
        """Draw the race at ``step``: paths, loss curves, slider, read-out and each card's status."""
        self.view.show_step(step)
        self.loss_view.show_step(step)
        self.race_column.show_step(step, self.clock.last_step)
        self.racers.show_step(step, self.shown)

    def restart(self) -> None:
        """Back to step 0 and play."""
        self.controller.restart()

    # ================================================================== presentation
    def _follow_zoom(self, zoom: float) -> None:
        """Presentation zoom: markers, lines, plot heights and the surface's minimum size follow it."""
        self.view.set_zoom(zoom)
        self.loss_panel.set_zoom(zoom)
        self.lr_panel.set_zoom(zoom)  # also re-measures the plot titles, which grew or shrank
        self.race_column.fit_step_label()

    def _follow_theme(self) -> None:
        """Plots and coloured texts take the theme's colours."""
        colors = plot_colors()
        self.view.apply_colors(colors)
        self.loss_panel.apply_colors(colors)
        self.lr_panel.apply_colors(colors)
        self.settings_column.apply_colors()

    def _on_language(self, lang: str) -> None:
        self.lr_panel.set_language(lang)
        self.settings_column.surface_box.show_description(self.surface, lang)
        self.race_column.show_title(self.surface, lang)
        self.loss_panel.set_titles({n: optimizer_label(n, lang) for n in self.loss_panel.titles})
        self.state.status_info_changed.emit()

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the surface and how many optimizers race on it (on the CPU)."""
        spec = self.surface.spec
        title = spec.title_zh if self.state.language == "zh" else spec.title_en
        return [title, tr("{0} optimizers").format(len(self.racers.enabled_names()))], "cpu"

    # ================================================================== life cycle
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        for sc in self.shortcuts:
            sc.setEnabled(True)
        self.controller.set_on_screen(True)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        for sc in self.shortcuts:
            sc.setEnabled(False)
        self.controller.set_on_screen(False)
        super().hideEvent(event)

    def is_busy(self) -> bool:
        """True while trajectories are computed or the race is still playing."""
        return self.controller.is_computing() or self.clock.playing

    def shutdown(self) -> None:
        """Stop the clock, pending recomputes and the workers (window closing)."""
        self.controller.shutdown()

    # ================================================================== lessons and settings
    def choices(self) -> PlaygroundChoices:
        """The choices on screen."""
        return PlaygroundChoices(
            surface=self.surface, start=self.start, steps=self.steps, speed=self.clock.speed,
            optimizers={n: (n in self.racers.enabled_names(), self.racers.hyperparams(n)) for n in list_optimizers()},
            step=int(self.clock.step),
        )

    def lesson_state(self, attachments: Attachments | None = None) -> dict[str, Any]:
        """Surface and its parameters, start, steps, speed, every optimizer, the lr slider and the step shown."""
        return self.choices().lesson()

    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments | None = None) -> None:
        """Restore :meth:`lesson_state`; missing keys keep the surface's defaults, bad values are skipped."""
        self._apply(state, with_step=True)

    def save_settings(self, s: QSettings) -> None:
        """Remember the choices (surface, parameters, start, steps, speed, optimizers), never a step or a race."""
        s.setValue(SETTINGS_KEY, json.dumps(self.choices().settings()))

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
            self._apply(doc, with_step=False)

    def _apply(self, doc: dict[str, Any], *, with_step: bool) -> None:
        got = read_choices(doc, self.choices(), with_step=with_step)
        if got is None:
            return  # a surface this version does not know
        self.settings_column.surface_box.show_surface(got.surface, self.state.language)
        for name, (on, hyper) in got.optimizers.items():
            self.racers.set_hyperparams(name, hyper)
            self.racers.set_enabled(name, on)
        if got.speed in SPEEDS:
            self.speed_combo.setCurrentIndex(SPEEDS.index(got.speed))
        self.controller.hold_at(got.step if with_step else None)
        self.controller.set_surface(got.surface, start=got.start, steps=got.steps)
        self._update_analysis()


def create_tab(state: AppState, host: TabHost) -> TabBase:
    """The Playground tab widget."""
    return PlaygroundTab(state, host)
