"""Presenter view: a second window that shows one Inspect panel large (View → Presenter view, F10).

The lecturer works the controls in the main window on the laptop; the
presenter window, on the projector (full screen on the screen chosen in
it), shows the chosen panel as large as that screen allows and follows every
change, because it shows the *same* state and never runs a model of its own:

* pictures drawn in a pyqtgraph scene (the model input with its receptive
  field and Grad-CAM / effective-RF overlay, the selected channel, the
  kernels) are shown by a :class:`SceneMirror`, a second view of the very same
  scene, scaled to fit: literally the same picture;
* panels built from widgets (the activation grid, top-5 with Grad-CAM, the
  layer math) are built once more, large, and listen to the same state and
  controller through relays (:class:`StateRelay`, :class:`ControllerRelay`)
  owned by the presenter, so closing it leaves nothing connected behind.
  The activation grid follows the main grid's scale and order options and
  refits its tiles to the big window.

The window closes with the main window, and is rebuilt on a language switch
(the tabs it mirrors are rebuilt then).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.state import AppState

if TYPE_CHECKING:
    from cnnviz.gui.app import MainWindow
    from cnnviz.gui.inspect.controller import InspectController

#: Text in the presenter window is this much larger than in the main window.
FONT_SCALE = 1.6
#: The panels it can show, in the order of its menu.
PANELS = ("grid", "input", "channel", "top5", "math", "kernels")


def tr(text: str) -> str:
    """Translate a presenter-view string."""
    return QCoreApplication.translate("Presenter", text)


def panel_titles() -> dict[str, str]:
    """Each panel's name in the current language."""
    return {
        "grid": tr("Activation grid"),
        "input": tr("Model input with its overlay"),
        "channel": tr("Selected channel"),
        "top5": tr("Top-5 and Grad-CAM"),
        "math": tr("Layer math"),
        "kernels": tr("Kernels"),
    }


# ---------------------------------------------------------------- relays


class StateRelay(AppState):
    """An AppState that repeats another one: the same values, its signals re-emitted, its setters forwarded.

    Widgets built for the presenter listen to the relay; the relay's own
    connections to the real state are bound methods, which Qt drops when the
    relay is deleted with the presenter window.
    """

    def __init__(self, source: AppState, parent: QObject | None = None) -> None:
        super().__init__()
        if parent is not None:
            self.setParent(parent)
        self.source = source
        self._sync()
        source.model_changed.connect(self._on_model)
        source.image_changed.connect(self._on_image)
        source.layer_changed.connect(self._on_layer)
        source.device_changed.connect(self._on_device)
        source.language_changed.connect(self._on_language)
        source.zoom_changed.connect(self._on_zoom)
        source.theme_changed.connect(self._on_theme)
        source.status_info_changed.connect(self._on_status_info)

    def _sync(self) -> None:
        s = self.source
        self.model, self.image, self.layer, self.device = s.model, s.image, s.layer, s.device
        self.language, self.zoom, self.theme = s.language, s.zoom, s.theme

    def _on_model(self, model: object) -> None:
        self._sync()
        self.model_changed.emit(model)

    def _on_image(self, image: object) -> None:
        self._sync()
        self.image_changed.emit(image)

    def _on_layer(self, layer: str) -> None:
        self._sync()
        self.layer_changed.emit(layer)

    def _on_device(self, device: str) -> None:
        self._sync()
        self.device_changed.emit(device)

    def _on_language(self, language: str) -> None:
        self._sync()
        self.language_changed.emit(language)

    def _on_zoom(self, zoom: float) -> None:
        self._sync()
        self.zoom_changed.emit(zoom)

    def _on_theme(self, theme: str) -> None:
        self._sync()
        self.theme_changed.emit(theme)

    def _on_status_info(self) -> None:
        self._sync()
        self.status_info_changed.emit()

    # what a presenter widget asks for goes to the real state
    def set_layer(self, name: str) -> None:
        """Select a layer (in the real state)."""
        self.source.set_layer(name)

    def set_device(self, device: str) -> None:
        """Choose the device (in the real state)."""
        self.source.set_device(device)

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """A status message (the main window shows it)."""
        self.source.show_status(text, timeout_ms)

    def show_error(self, title: str, message: str, details: str = "") -> None:
        """An error (the main window shows it)."""
        self.source.show_error(title, message, details)


class ControllerRelay(QObject):
    """The Inspect controller's signals re-emitted; everything else is read from the controller itself."""

    model_failed = Signal(str)
    """See InspectController."""
    model_loading = Signal(object)
    """See InspectController."""
    forward_changed = Signal(object)
    """See InspectController."""
    unit_changed = Signal(object)
    """See InspectController."""
    erf_changed = Signal(object)
    """See InspectController."""
    cam_changed = Signal(object)
    """See InspectController."""
    progress_changed = Signal(float, str)
    """See InspectController."""
    colormap_changed = Signal(str)
    """See InspectController."""
    weights_view_changed = Signal(object)
    """See InspectController."""

    def __init__(self, source: InspectController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        for name in ("model_failed", "model_loading", "forward_changed", "unit_changed", "erf_changed",
                     "cam_changed", "progress_changed", "colormap_changed", "weights_view_changed"):
            getattr(source, name).connect(getattr(self, name))  # signal to signal: dropped with the relay

    def __getattr__(self, name: str) -> Any:
        # only called for what the relay lacks: forward, unit, colormap, set_unit, pending, ...
        return getattr(self.__dict__.get("source"), name)


# ---------------------------------------------------------------- mirrors


class SceneMirror(QGraphicsView):
    """A second, non-interactive view of another view's scene, scaled to fit: the same picture, live."""

    def __init__(self, source: QGraphicsView, parent: QWidget | None = None) -> None:
        super().__init__(source.scene(), parent)
        self.source = source
        self.setInteractive(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # model pixels stay sharp squares
        self.viewport().setAutoFillBackground(False)  # the window's colour behind, as in the main view
        self.setStyleSheet("QGraphicsView { background: transparent; }")
        self._fitted: QRectF | None = None
        scene = source.scene()
        if scene is not None:
            scene.changed.connect(self._on_changed)

    def shown_rect(self) -> QRectF:
        """The part of the scene the main window's view shows now."""
        return self.source.mapToScene(self.source.viewport().rect()).boundingRect()

    def _on_changed(self, _regions: object = None) -> None:
        rect = self.shown_rect()
        if rect != self._fitted:
            self.fit()

    def fit(self) -> None:
        """Scale the main view's visible part to this view."""
        rect = self.shown_rect()
        if rect.width() > 0 and rect.height() > 0:
            self._fitted = rect
            self.setSceneRect(rect)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self.fit()


class _GridOptionsFollower(QObject):
    """Gives the presenter's grid the main grid's scale and order (a child of the presenter's grid)."""

    def __init__(self, grid: Any, main: Any) -> None:
        super().__init__(grid)
        self.grid, self.main = grid, main

    def follow(self, _index: int = 0) -> None:
        self.grid.set_options(self.main.scale_box.currentData(), self.main.sort_box.currentData())


class PictureMirror(QWidget):
    """The picture of a view that redraws itself with ``sig_drawn`` (the kernels), and its text, drawn large."""

    def __init__(self, source: Any, parent: QWidget | None = None) -> None:
        from cnnviz.gui.inspect.common import ImageView

        super().__init__(parent)
        self.source = source
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.view = ImageView()
        lay.addWidget(self.text)
        lay.addWidget(self.view, 1)
        source.sig_drawn.connect(self.sync)  # a bound method: dropped when this mirror goes
        self.sync()

    def sync(self) -> None:
        """Copy the source's picture and text."""
        image = self.source.view.image.image
        self.view.set_rgb(image if image is not None and self.source.weight is not None else None)
        self.text.setText(self.source.info.text())


def _build_panel(key: str, inspect: Any, state: StateRelay, controller: ControllerRelay) -> QWidget:
    """The presenter's widget for panel ``key`` of the Inspect tab ``inspect``."""
    if key == "input":
        return SceneMirror(inspect.input_panel.seen)
    if key == "channel":
        return SceneMirror(inspect.channel_view.view)
    if key == "kernels":  # drawn even while the main window shows another side panel
        return PictureMirror(inspect.kernels)
    ctl = cast("InspectController", controller)
    if key == "top5":
        from cnnviz.gui.inspect.predictions_panel import PredictionsPanel

        panel = PredictionsPanel(state, ctl)
        panel.redraw()
        panel.cam_view.set_rgb(state.image.display if state.image is not None else None)
        panel._on_cam(inspect.predictions.cam)
        return panel
    if key == "math":
        from cnnviz.gui.inspect.math_panel import MathPanel

        math = MathPanel(state)
        math.redraw()
        return math
    from cnnviz.gui.inspect.activation_grid import ActivationGrid

    grid = ActivationGrid(state, ctl)
    main = inspect.grid
    for box in (grid.cmap_box, grid.scale_box, grid.sort_box, grid.fit_button):
        box.hide()  # the lecturer works these in the main window

    follower = _GridOptionsFollower(grid, main)
    for box in (main.scale_box, main.sort_box):
        box.currentIndexChanged.connect(follower.follow)  # a bound method: dropped when the grid goes
    follower.follow()
    grid._show_random_note()
    grid.redraw()
    return grid


class PresenterWindow(QWidget):
    """The second window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the lecturer keeps working in the main one
        self.setObjectName("presenter-view")
        self.main_window = window
        self.key = "grid"
        self.panel: QWidget | None = None
        self.state_relay: StateRelay | None = None
        self.controller_relay: ControllerRelay | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 6)
        top = QHBoxLayout()
        self.choice_label = QLabel()
        self.panel_box = QComboBox()
        self.panel_box.activated.connect(lambda i: self.set_panel(str(self.panel_box.itemData(i))))
        self.screen_label = QLabel()
        self.screen_box = QComboBox()
        self.full_button = QToolButton()
        self.full_button.setCheckable(True)
        self.full_button.toggled.connect(self.set_full_screen)
        for w in (self.choice_label, self.panel_box, self.screen_label, self.screen_box, self.full_button):
            top.addWidget(w)
        top.addStretch(1)
        self.controls = QWidget()
        self.controls.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.controls)
        self.body = QVBoxLayout()
        lay.addLayout(self.body, 1)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * FONT_SCALE)
        self.setFont(big)
        # F10 closes it from here too: on a single projector it covers the main window
        for keys, slot in ((QKeySequence("F11"), lambda: self.full_button.toggle()),
                           (QKeySequence("Esc"), lambda: self.full_button.setChecked(False)),
                           (QKeySequence("F10"), self.close)):
            QShortcut(keys, self).activated.connect(slot)
        window.installEventFilter(self)
        window.sig_tabs_rebuilt.connect(self.rebuild)
        self.rebuild()
        self.resize(1024, 720)

    # ------------------------------------------------------------ building
    def _texts(self) -> None:
        self.setWindowTitle(tr("cnnviz · Presenter view"))
        self.choice_label.setText(tr("Show:"))
        self.screen_label.setText(tr("Screen:"))
        self.full_button.setText(tr("Full screen"))
        self.full_button.setToolTip(tr("Fill the chosen screen (F11; Esc leaves). Keep working in the main window: "
                                       "this one follows every change."))
        self.panel_box.blockSignals(True)
        self.panel_box.clear()
        for key, title in panel_titles().items():
            self.panel_box.addItem(title, key)
        self.panel_box.setCurrentIndex(PANELS.index(self.key))
        self.panel_box.blockSignals(False)
        self.screen_box.clear()
        main_screen = self.main_window.screen()
        for i, screen in enumerate(QGuiApplication.screens()):
            g = screen.geometry()
            self.screen_box.addItem(tr("{0}: {1} ({2}×{3})").format(i + 1, screen.name(), g.width(), g.height()),
                                    screen.name())
        others = [i for i, s in enumerate(QGuiApplication.screens()) if s is not main_screen]
        self.screen_box.setCurrentIndex(others[0] if others else 0)  # the projector, when there is one

    def rebuild(self) -> None:
        """Build the controls and the panel again (new tabs after a language switch, or first use)."""
        self._texts()
        self.set_panel(self.key)

    def _inspect(self) -> Any:
        return self.main_window.tab_widgets.get("inspect")

    def set_panel(self, key: str) -> None:
        """Show panel ``key`` (one of :data:`PANELS`) large."""
        if key not in PANELS:
            raise ValueError(f"no presenter panel called {key!r}")
        self.key = key
        self.panel_box.setCurrentIndex(PANELS.index(key))
        old, self.panel = self.panel, None
        old_relays = (self.state_relay, self.controller_relay)
        inspect = self._inspect()
        if inspect is None or not hasattr(inspect, "controller"):
            widget: QWidget = QLabel(tr("The Inspect tab is not open, so there is nothing to present."))
        else:
            self.state_relay = StateRelay(self.main_window.state, self)
            self.controller_relay = ControllerRelay(inspect.controller, self)
            widget = _build_panel(key, inspect, self.state_relay, self.controller_relay)
        self.panel = widget
        self.body.addWidget(widget, 1)
        if old is not None:
            old.hide()
            self.body.removeWidget(old)
            old.deleteLater()
        for relay in old_relays:
            if relay is not None:
                relay.deleteLater()  # with it go its listeners' connections

    # ------------------------------------------------------------ screens
    def chosen_screen(self) -> Any:
        """The QScreen picked in the Screen box."""
        name = self.screen_box.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == name), QGuiApplication.primaryScreen())

    def set_full_screen(self, on: bool) -> None:
        """Fill the chosen screen, or go back to a window."""
        if self.full_button.isChecked() != on:
            self.full_button.setChecked(on)
            return
        self.controls.setVisible(not on)
        if on:
            screen = self.chosen_screen()
            handle = self.windowHandle()
            if handle is not None and screen is not None:
                handle.setScreen(screen)
            if screen is not None:
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.showNormal()

    # ------------------------------------------------------------ life cycle
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """The main window closing closes this one too."""
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self.close()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        self.main_window.removeEventFilter(self)
        with contextlib.suppress(RuntimeError, TypeError):  # the window is going away first
            self.main_window.sig_tabs_rebuilt.disconnect(self.rebuild)
        super().closeEvent(event)


def presenter_of(window: MainWindow) -> PresenterWindow | None:
    """The presenter window of ``window`` if one is open."""
    found = [w for w in window.findChildren(PresenterWindow) if w.isVisible()]
    return found[0] if found else None


def toggle_presenter(window: MainWindow, key: str | None = None,
                     show: Callable[[QWidget], None] | None = None) -> PresenterWindow | None:
    """View → Presenter view (F10): open it (showing panel ``key``), or close it when it is open."""
    current = presenter_of(window)
    if current is not None and key is None:
        current.close()
        return None
    presenter = current or PresenterWindow(window)
    if key is not None:
        presenter.set_panel(key)
    (show or (lambda w: w.show()))(presenter)
    return presenter
