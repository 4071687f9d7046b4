"""The Inspect tab: pick a network, drop in a picture, walk through its layers.

Layout::

    model · weights · device                                   [progress] [cancel]
    ┌ layer tree ┬ original | what the model sees | channel ┬ math / kernels / top-5 ┐
    │            ├ activation grid (one image) + colour bar  │                        │
    └────────────┴───────────────────────────────────────────┴────────────────────────┘

Widgets only read :class:`AppState` and react to its signals; requests for
work go to the :class:`InspectController`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from cnnviz.core.lesson_file import Attachments
from cnnviz.core.session import ModelRequest
from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect import lesson
from cnnviz.gui.inspect.activation_grid import ActivationGrid
from cnnviz.gui.inspect.channel_view import ChannelView
from cnnviz.gui.inspect.common import tr, weights_text
from cnnviz.gui.inspect.controller import InspectController, InspectHandover
from cnnviz.gui.inspect.export import (
    ask_save,
    guarded_save,
    layer_arrays,
    save_npz,
    save_text,
    save_widget_png,
)
from cnnviz.gui.inspect.input_panel import InputPanel
from cnnviz.gui.inspect.jobs import ImageInput
from cnnviz.gui.inspect.kernels_view import KernelsView
from cnnviz.gui.inspect.layer_tree import LayerTree
from cnnviz.gui.inspect.math_panel import MathPanel
from cnnviz.gui.inspect.model_panel import ModelPanel
from cnnviz.gui.inspect.network_map import NetworkMapPanel, left_column
from cnnviz.gui.inspect.predictions_panel import PredictionsPanel
from cnnviz.gui.inspect.side_panels import extra_side_panels, panels_busy, shutdown_panels
from cnnviz.gui.inspect.timelapse import TimelapseBar
from cnnviz.gui.reflow import ReflowColumns
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost

DEFAULT_MODEL = "resnet18"
#: The layer tree's width at zoom 1 (pixels); it grows with the zoom.
TREE_WIDTH = 410
#: How much of the zoom the tree's width follows (its shapes and counts columns are short).
TREE_GROWTH = 0.6
#: The centre (pictures and activations) keeps at least this width when the tree grows.
CENTER_MIN_WIDTH = 360
#: The centre column's first split: the pictures above, the activation grid below.
CENTER_SIZES = (380, 520)
#: From this zoom on the activation grid has priority over the pictures above it (:meth:`InspectTab.give_grid_room`).
BIG_ZOOM = 1.5
#: The share of the centre column the grid gets at a big zoom (when the pictures' minimum leaves it).
GRID_SHARE = 0.6


def tree_width(width_at_1: int, zoom: float) -> int:
    """The layer tree's width at ``zoom``: it grows slower than the text (its names column takes the growth)."""
    return round(width_at_1 * (1.0 + TREE_GROWTH * max(0.0, zoom - 1.0)))


class InspectTab(TabBase):
    """The Inspect tab widget (see the module docstring)."""

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__(state, host)
        self.controller = InspectController(state, self)
        self._started = False
        self._remembered: dict[str, Any] = {}

        state.open_in_inspect.connect(self.open_from_other_tab)
        self.model_panel = ModelPanel(state, self.controller)
        self.tree = LayerTree(state)
        self.input_panel = InputPanel(state, self.controller)
        self.channel_view = ChannelView(state, self.controller)
        self.grid = ActivationGrid(state, self.controller)
        self.math = MathPanel(state)
        self.kernels = KernelsView(state, self.controller)
        self.predictions = PredictionsPanel(state, self.controller)
        self.network_map = NetworkMapPanel(state, self.controller)
        self.left = left_column(self.tree, self.network_map)  # Layers | Map
        self.timelapse = TimelapseBar(state, self.controller)  # shown for a model trained with snapshots

        self.side = QTabWidget()
        self.side_keys: list[str] = []
        self.side_panels: dict[str, QWidget] = {}  # key -> widget of every side panel
        for key, title, widget in [
            ("math", tr("Layer math"), self.math),
            ("kernels", tr("Kernels"), self.kernels),
            ("top5", tr("Top-5 · Grad-CAM"), self.predictions),
            *extra_side_panels(state, self.controller, self.input_panel),
        ]:
            self.side.addTab(widget, title)
            self.side_keys.append(key)
            self.side_panels[key] = widget
        self.top_split = QSplitter(Qt.Orientation.Horizontal)
        self.top_split.addWidget(self.input_panel)
        self.top_split.addWidget(self.channel_view)
        self.top_split.setSizes([540, 280])
        self.channel_view.setMinimumWidth(200)
        self.center_split = QSplitter(Qt.Orientation.Vertical)
        self.center_split.addWidget(self.top_split)
        self.center_split.addWidget(self.grid)
        self.center_split.setSizes(list(CENTER_SIZES))
        # at 1600 px the tree shows all four columns; zoomed text needs a wider tree to keep the names
        self._zoom = float(getattr(state, "zoom", 1.0) or 1.0)
        self._shown_once = False
        # Too narrow for all three (a projector, a big zoom): a side column folds behind a button.
        self.reflow = ReflowColumns(
            self.left, self.center_split, self.side, sizes=(tree_width(TREE_WIDTH, self._zoom), 770, 420),
            labels=((tr("Layers"), tr("Show the layer tree (the side panel folds away)")),
                    (tr("Panels"), tr("Show the side panels: layer math, kernels, top-5 … (the layer tree folds "
                                      "away)"))),
        )
        self.main_split = self.reflow.splitter
        self.main_split.setStretchFactor(1, 1)
        self.model_panel.add_fold_buttons(self.reflow.left_button, self.reflow.right_button)
        for split in (self.top_split, self.center_split, self.main_split):
            split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(self.model_panel)
        lay.addWidget(self.timelapse)
        lay.addWidget(self.reflow, 1)
        self._make_actions()
        state.zoom_changed.connect(self._on_zoom)
        QTimer.singleShot(0, self.start)

    def show_panel(self, key: str) -> None:
        """Bring the side panel ``key`` to the front ('math', 'kernels', 'top5', ..., or 'map' on the left)."""
        if key == "map":
            self.left.setCurrentWidget(self.network_map)
            if not self.left.isVisibleTo(self.reflow):  # folded away (a narrow window, a big zoom): bring it back
                self.reflow.left_button.setChecked(True)
        elif key in self.side_keys:
            self.side.setCurrentIndex(self.side_keys.index(key))
        elif key == "draw":  # the sketch pad, in place of the Original picture
            self.input_panel.sketch.set_active(True)
        else:
            self.state.show_error(tr("Panel"), tr("There is no panel called {0}; the panels are: {1}.")
                                  .format(key, ", ".join([*self.side_keys, "map", "draw"])))

    def _on_zoom(self, zoom: float) -> None:
        """Widen (or narrow) the layer tree with the text, taking the room from the centre."""
        old, self._zoom = self._zoom, float(zoom)
        QTimer.singleShot(0, self.give_grid_room)  # once the zoomed widgets have their new minimum sizes
        sizes = self.main_split.sizes()
        if len(sizes) != 3 or not sum(sizes):
            return
        tree = round(sizes[0] * tree_width(1000, zoom) / tree_width(1000, old))
        tree = max(min(tree, sum(sizes) - sizes[2] - CENTER_MIN_WIDTH), min(tree, sizes[0]))
        self.main_split.setSizes([tree, sum(sizes) - tree - sizes[2], sizes[2]])

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """The first time the tab is shown at a big zoom, the grid gets its room."""
        super().showEvent(event)
        if not self._shown_once and self._zoom >= BIG_ZOOM:
            self._shown_once = True
            QTimer.singleShot(0, self.give_grid_room)

    def give_grid_room(self) -> None:
        """Share the centre column: at a big zoom the grid gets :data:`GRID_SHARE` (the pictures keep their minimum).

        Zoomed text and pictures grow the top part; the tiles were left one thin row. Back
        under :data:`BIG_ZOOM`, the column is shared as at the start.
        """
        sizes = self.center_split.sizes()
        total = sum(sizes)
        if len(sizes) != 2 or not total:
            return
        share = GRID_SHARE if self._zoom >= BIG_ZOOM else CENTER_SIZES[1] / sum(CENTER_SIZES)
        top = max(self.top_split.minimumSizeHint().height(), round(total * (1 - share)))
        self.center_split.setSizes([top, total - top])

    # ------------------------------------------------------------ actions
    def _action(self, text: str, slot: Any, keys: Any = None, tip: str = "", *, window_wide: bool = False) -> QAction:
        """An action of this tab; ``window_wide``: its key works on every tab and brings this one to the front."""
        act = QAction(text, self)
        if keys is not None:
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        if window_wide:
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

            def to_front_then_slot(_checked: bool = False) -> None:
                self._to_front()
                slot()

            act.triggered.connect(to_front_then_slot)
        else:
            act.triggered.connect(lambda _=False: slot())
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        self.act_open = self._action(tr("&Open image…"), self.input_panel.open_dialog, QKeySequence.StandardKey.Open,
                                     tr("Open an image file for the Inspect tab"), window_wide=True)
        self.act_paste = self._action(tr("&Paste image"), self.input_panel.paste, "Ctrl+Shift+V",
                                      tr("Use the image on the clipboard"), window_wide=True)
        self.act_webcam = self.input_panel.webcam_action
        self.act_webcam.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.act_webcam.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.act_webcam)
        self.act_draw = self.input_panel.sketch.action  # the sketch pad (checkable)
        self.act_draw.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.act_draw.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.act_draw)
        self.act_export_png = self._action(tr("Export view as &PNG…"), self.export_png, "Ctrl+E",
                                           tr("Save the Inspect tab as it looks now"), window_wide=True)
        self.act_export_npz = self._action(tr("Export layer &activations (.npz)…"), self.export_npz)
        self.act_export_csv = self._action(tr("Export summary as &CSV…"), lambda: self.export_summary("csv"))
        self.act_export_md = self._action(tr("Export summary as &Markdown…"), lambda: self.export_summary("md"))
        self.act_next_conv = self._action(tr("&Next convolution"), lambda: self.tree.step_conv(+1), "Alt+Down",
                                          tr("Jump to the next convolution (Alt+↓)"))
        self.act_prev_conv = self._action(tr("&Previous convolution"), lambda: self.tree.step_conv(-1), "Alt+Up",
                                          tr("Jump to the previous convolution (Alt+↑)"))
        self.act_reload = self._action(tr("&Reload model"), self.reload, "F5")
        self.act_cancel = self._action(tr("&Cancel loading"), lambda: self.controller.cancel("main"), "Esc")
        self.act_open_model = self._action(
            tr("&Open model file…"), self.model_panel.open_model_file, None,
            tr("Open an ONNX model (.onnx) or a Python file (.py) with an nn.Module class"), window_wide=True)
        self.act_search = self._action(tr("Find &model…"), self.model_panel.search.setFocus, "Ctrl+K",
                                       window_wide=True)
        host = self.host
        if host is None:
            return
        first = host.menu_file.actions()[0] if host.menu_file.actions() else None
        for act in (self.act_open, self.act_paste, self.act_webcam, self.act_draw, None, self.act_export_png,
                    self.act_export_npz, self.act_export_csv, self.act_export_md, None):
            if act is None:
                host.menu_file.insertSeparator(first) if first else host.menu_file.addSeparator()
            elif first is not None:
                host.menu_file.insertAction(first, act)
            else:  # what insertAction(None, act) does
                host.menu_file.addAction(act)
        for act in (self.act_open_model, self.act_search, self.act_reload, self.act_cancel, None, self.act_next_conv,
                    self.act_prev_conv):
            host.menu_model.addSeparator() if act is None else host.menu_model.addAction(act)

    def _to_front(self) -> None:
        """Show this tab (an action of it was triggered from another tab, or from a menu)."""
        if not self.isVisible():
            self.show_tab("inspect")

    def toolbar_actions(self) -> list[QAction | None]:
        """The main toolbar's buttons while this tab is current (the window's tab contract)."""
        return [self.act_open, self.act_paste, self.act_draw, None, self.act_prev_conv, self.act_next_conv, None, self.act_export_png]

    # ------------------------------------------------------------ start-up
    def start(self) -> None:
        """Load the first model and image: command line first, then remembered settings, then defaults."""
        if self._started:
            return
        self._started = True
        opts, mem = self.options, self._remembered
        screenshot = bool(getattr(opts, "screenshot", None))
        if screenshot:
            mem = {}
        device = getattr(opts, "device", None) or mem.get("device") or "cpu"
        try:
            from cnnviz.core.device import resolve_device

            self.state.set_device(str(resolve_device(device)))
        except Exception as exc:  # noqa: BLE001 (a CnnvizError: say it, keep the CPU)
            self.state.show_error(tr("Device"), error_text(exc))
        if mem.get("colormap"):
            self.controller.set_colormap(mem["colormap"])
        if mem.get("scale") or mem.get("sort"):
            self.grid.set_options(mem.get("scale"), mem.get("sort"))
        name = getattr(opts, "model", None) or mem.get("model") or DEFAULT_MODEL
        weights = getattr(opts, "weights", None) or (mem.get("weights") if name == mem.get("model") else None) or "random"
        seed = getattr(opts, "seed", None)
        seed = int(seed) if seed is not None else 0
        layer = getattr(opts, "layer", None) or (mem.get("layer") if name == mem.get("model") else None)
        image_path = getattr(opts, "image", None) or mem.get("image")
        if image_path and not getattr(opts, "image", None) and not Path(image_path).is_file():
            image_path = None  # a remembered file that was moved: fall back to the sample
        if mem.get("camera"):
            with contextlib.suppress(ValueError):
                self.input_panel.camera_index = int(mem["camera"])
        if not screenshot:
            self.input_panel.start_camera_search()
        if self.state.model is not None:
            # The tabs were rebuilt (a language switch): the model and image live on in AppState and
            # the activations came with take_over(). Loading the model again from its name would
            # replace weights sent from the Train tab with random ones.
            return
        self.controller.load_model(name, weights, seed=seed, layer=layer)
        if image_path:
            self._after_first_model(lambda: self.controller.load_image(ImageInput(path=image_path, label=Path(image_path).name)))

    def _after_first_model(self, fn: Any) -> None:
        def once(_: object) -> None:
            self.state.model_changed.disconnect(once)
            fn()

        self.state.model_changed.connect(once)

    def reload(self) -> None:
        """Load the current model again (e.g. after a weights file changed on disk)."""
        s = self.state.model
        if s is not None:
            self.controller.load_model(s.name, s.weights, seed=s.seed, model_kwargs=s.kwargs)

    # ------------------------------------------------------------ export
    def export_png(self, path: str | None = None) -> Path | None:
        """Save the Inspect tab as it looks now."""
        name = self.state.model.name if self.state.model else "cnnviz"
        path = path or ask_save(self, tr("Export view"), f"{name}-{self.state.layer or 'view'}.png", tr("PNG image (*.png)"))
        if not path:
            return None
        return guarded_save(self.state, lambda: save_widget_png(self, path))

    def export_npz(self, path: str | None = None) -> Path | None:
        """Save the selected layer's activations (plus the input) as .npz."""
        fwd, image, layer = self.controller.forward, self.state.image, self.state.layer
        if fwd is None or image is None or not layer:
            return None
        path = path or ask_save(self, tr("Export activations"), f"{layer.replace('#', '-')}.npz", tr("NumPy arrays (*.npz)"))
        if not path:
            return None
        return guarded_save(self.state, lambda: save_npz(path, layer_arrays(fwd, layer, image)))

    def export_summary(self, fmt: str, path: str | None = None) -> Path | None:
        """Save the model summary as CSV or Markdown."""
        s = self.state.model
        if s is None:
            return None
        ext, filt = (("csv", tr("CSV (*.csv)")) if fmt == "csv" else ("md", tr("Markdown (*.md)")))
        path = path or ask_save(self, tr("Export summary"), f"{s.name}-summary.{ext}", filt)
        if not path:
            return None
        text = s.summary.to_csv() if fmt == "csv" else s.summary.to_markdown()
        return guarded_save(self.state, lambda: save_text(path, text))

    # ------------------------------------------------------------ tab contract
    def open_from_other_tab(self, request: ModelRequest) -> None:
        """Open a model another tab sent: the Train tab's trained weights, or a timeline entry."""
        self.controller.load(request)

    def handover(self) -> InspectHandover:
        """The activations, unit and image (a drawing too) a rebuilt tab shows without loading again (tab contract)."""
        from dataclasses import replace

        return replace(self.controller.handover(), drawing=self.input_panel.sketch.handover(),
                       timelapse_index=self.timelapse.shown_index)

    def take_over(self, live: object) -> None:
        """Adopt what :meth:`handover` gave (tab contract)."""
        if isinstance(live, InspectHandover):
            self.controller.take_over(live)
            if live.drawing is not None:
                self.input_panel.sketch.take_over(live.drawing)
            if live.timelapse_index is not None and live.timelapse_index < len(self.timelapse.steps):
                self.timelapse.scrub_to(live.timelapse_index)  # the activations shown are that snapshot's

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the model, where its weights come from, and the device."""
        session = self.state.model
        parts = [session.name, weights_text(session.weights_label)] if session is not None else []
        return [*parts, self.state.device], self.state.device

    def is_busy(self) -> bool:
        """True until the first model is shown and while any work runs (side panels' work included)."""
        return (not self._started or self.controller.busy() or panels_busy(self.side_panels)
                or self.input_panel.dataset_samples.busy()  # a trained model's first validation image follows
                or (self.state.model is None and self.controller.running("main")))

    def save_settings(self, s: QSettings) -> None:
        """Remember the model, weights, image, layer, device, view options and splitters."""
        session = self.state.model
        if session is not None:
            s.setValue("inspect/model", session.name)
            s.setValue("inspect/weights", session.weights)
        src = self.controller.image_source
        s.setValue("inspect/image", src.path if src is not None and src.path else "")
        s.setValue("inspect/layer", self.state.layer)
        s.setValue("inspect/device", self.state.device)
        s.setValue("inspect/camera", self.input_panel.camera_index)
        s.setValue("inspect/colormap", self.controller.colormap)
        s.setValue("inspect/scale", self.grid.scale_box.currentData())
        s.setValue("inspect/sort", self.grid.sort_box.currentData())
        s.setValue("inspect/side_tab", self.side.currentIndex())
        s.setValue("inspect/left_tab", self.left.currentIndex())  # Layers or Map
        for key, split in (("main", self.main_split), ("center", self.center_split), ("top", self.top_split)):
            s.setValue(f"inspect/split_{key}", split.saveState())

    def restore_settings(self, s: QSettings) -> None:
        """Read what save_settings wrote (applied when the tab starts)."""
        for key in ("model", "weights", "image", "layer", "device", "colormap", "scale", "sort", "camera"):
            v = s.value(f"inspect/{key}")
            if v:
                self._remembered[key] = str(v)
        if getattr(self.options, "screenshot", None):
            return
        for key, split in (("main", self.main_split), ("center", self.center_split), ("top", self.top_split)):
            v = s.value(f"inspect/split_{key}")
            if v is not None:
                split.restoreState(v)
        with contextlib.suppress(TypeError, ValueError):
            self.side.setCurrentIndex(int(s.value("inspect/side_tab", 0)))  # type: ignore[call-overload]  # QSettings.value() is typed object
        with contextlib.suppress(TypeError, ValueError):
            self.left.setCurrentIndex(int(s.value("inspect/left_tab", 0)))  # type: ignore[call-overload]

    # ------------------------------------------------------------ lesson contract
    def lesson_state(self, attachments: Attachments | None = None) -> dict[str, Any]:
        """Everything this tab shows, as a JSON-serialisable dict (see :mod:`.lesson`)."""
        return lesson.lesson_state(self, attachments if attachments is not None else Attachments())

    def apply_lesson_state(self, state: dict[str, Any], attachments: Attachments | None = None) -> None:
        """Restore a :meth:`lesson_state` dict through the normal workers; problems become messages."""
        lesson.apply_lesson_state(self, state, attachments if attachments is not None else Attachments())

    def shutdown(self) -> None:
        """Stop the webcam (releasing the camera) and cancel every job (the window is closing)."""
        self.input_panel.stop_webcam()
        self.timelapse.shutdown()
        shutdown_panels(self.side_panels)
        self.controller.shutdown()


def create_tab(state: AppState, host: TabHost) -> TabBase:
    """Build the Inspect tab (the tab contract of :mod:`cnnviz.gui.app`)."""
    return InspectTab(state, host)
