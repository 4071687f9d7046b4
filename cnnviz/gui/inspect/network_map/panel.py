"""The Map tab: the network map of the loaded model, its fold / colour controls and export.

The map is drawn when the tab is first shown for a model (nothing is traced
for a model nobody looks at), in a worker: the trace of ResNet-152 and the
layout of a 1,000-node graph never block the window. Folding changes lay out
the kept trace again, also in a worker; a colour change only repaints.

Clicking a box selects its layer everywhere (``state.set_layer``); the
selected layer, wherever it was chosen, is highlighted and scrolled into
view. A double click opens a folded ×N run (or folds the run a box belongs
to again).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.graph import GraphNode, NetworkGraph
from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.inspect.network_map.jobs import MapOptions, MapResult, job_map
from cnnviz.gui.inspect.network_map.view import MapView
from cnnviz.gui.state import AppState


def color_choices() -> list[tuple[str | None, str]]:
    """(core ``color_by`` or None for "by kind", the combo's text)."""
    return [
        (None, tr("Colour: kind of layer")),
        ("params", tr("Colour: parameters")),
        ("macs", tr("Colour: MACs")),
        ("memory", tr("Colour: output memory")),
        ("rf", tr("Colour: receptive field")),
    ]


class NetworkMapPanel(QWidget):
    """The network map with its controls (see the module docstring)."""

    map_ready = Signal()
    """A map was drawn for the current model and options."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.options = MapOptions()
        self.color_by: str | None = None
        self.result: MapResult | None = None
        self._full: tuple[int, NetworkGraph] | None = None  # (session id, its unfolded graph)
        self._runs: dict[str, list[str]] = {}  # opened ×N node key -> the blocks of its run
        self._clicked: str | None = None  # the node last clicked (merges share their module's layer)
        self._fitted_for: int | None = None  # the session the view was last fitted to
        self._dirty = True

        self.fold_box = QCheckBox(tr("Fold repeats ×N"))
        self.fold_box.setChecked(self.options.repeats)
        self.fold_box.setToolTip(tr("Draw runs of blocks with the same structure (ResNet's bottlenecks …) as one box "
                                    "×N. Double-click a ×N box to open it, a box inside it to fold it again."))
        self.absorb_box = QCheckBox(tr("Norm + activation in conv"))
        self.absorb_box.setChecked(self.options.absorb)
        self.absorb_box.setToolTip(tr("Draw BatchNorm and activation layers inside the convolution before them "
                                      "(conv + BN + ReLU as one box)."))
        self.color_box = QComboBox()
        for key, text in color_choices():
            self.color_box.addItem(text, key)
        self.color_box.setToolTip(tr("Colour the boxes by kind, or by a figure of each layer on a log scale "
                                     "(dark: small, yellow: large; grey: none)."))
        self.color_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.color_box.setMinimumContentsLength(8)
        self.color_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.fit_button = QToolButton()
        self.fit_button.setText(tr("Fit"))
        self.fit_button.setToolTip(tr("Fit the map to the width (0). Ctrl+wheel or +/− zooms, dragging pans."))
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export"))
        self.export_button.setToolTip(tr("Save the map as it is drawn (folding and colours) as SVG or PNG."))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(tr("Map as SVG…"), lambda: self.export_dialog("svg"))
        menu.addAction(tr("Map as PNG…"), lambda: self.export_dialog("png"))
        self.export_button.setMenu(menu)
        self.view = MapView(tooltip=self.tooltip_for)
        self.view.setToolTip(tr("Click a box to select its layer · double-click ×N to open it · ↑/↓ walk · "
                                "Ctrl+wheel zoom · drag to pan"))
        self.note = QLabel()
        self.note.setWordWrap(True)

        row1 = QHBoxLayout()
        row1.setContentsMargins(0, 0, 0, 0)
        row1.addWidget(self.fold_box)
        row1.addWidget(self.absorb_box)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.setContentsMargins(0, 0, 0, 0)
        row2.addWidget(self.color_box, 1)
        row2.addWidget(self.fit_button)
        row2.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row1)
        lay.addLayout(row2)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.note)

        self.fold_box.toggled.connect(lambda on: self.set_options(repeats=on))
        self.absorb_box.toggled.connect(lambda on: self.set_options(absorb=on))
        self.color_box.currentIndexChanged.connect(lambda _i: self._set_color(self.color_box.currentData()))
        self.fit_button.clicked.connect(self.view.fit_width)
        self.view.node_clicked.connect(self._on_click)
        self.view.node_double_clicked.connect(self.toggle_fold)
        self.view.step.connect(self._on_step)
        state.model_changed.connect(self._on_model)
        state.layer_changed.connect(lambda key: self._highlight(key, scroll=True))
        state.zoom_changed.connect(self._on_zoom)
        state.theme_changed.connect(lambda _t: self._redraw())
        self.view.app_zoom = float(getattr(state, "zoom", 1.0) or 1.0)
        self._set_note(tr("The map is drawn when a model is loaded."))

    # ------------------------------------------------------------ building
    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._dirty:
            self.request()

    def _on_model(self, _session: object) -> None:
        self.controller.cancel("map")  # a map of the previous model is of no use
        self.result = None
        self._full = None
        self._runs.clear()
        self._clicked = None
        self.options = self.options.with_expanded(())
        self.view.clear_map()
        self._dirty = True
        if self.isVisible():
            self.request()

    def request(self) -> None:
        """Trace (once per model), fold and lay out the map in a worker; it is drawn when ready."""
        session = self.state.model
        if session is None:
            self._dirty = True
            return
        self._dirty = False
        full = self._full[1] if self._full is not None and self._full[0] == session.session_id else None
        self._set_note(tr("Drawing the map of {0}…").format(session.name))

        def done(result: MapResult) -> None:
            if self.state.model is None or self.state.model.session_id != result.session_id:
                return
            self._full = (result.session_id, result.full)
            self._show(result)

        def failed(message: str, _details: str = "") -> None:
            self._set_note(tr("Could not draw the map: {0}").format(message))

        self.controller._start("map", job_map, done, failed, session=session, full=full, options=self.options)

    def set_options(self, *, repeats: bool | None = None, absorb: bool | None = None) -> None:
        """Fold runs ×N (``repeats``), draw norm / activation inside their conv (``absorb``); lays out again."""
        new = MapOptions(
            self.options.repeats if repeats is None else repeats,
            self.options.absorb if absorb is None else absorb,
            self.options.expanded,
        )
        for box, on in ((self.fold_box, new.repeats), (self.absorb_box, new.absorb)):
            if box.isChecked() != on:
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)
        if new != self.options:
            self.options = new
            self._relayout()

    def _relayout(self) -> None:
        if self.isVisible():
            self.request()
        else:
            self._dirty = True

    def _show(self, result: MapResult) -> None:
        self.result = result
        scale, center = self.view.scale_factor(), self.view.mapToScene(self.view.viewport().rect().center())
        self._draw()
        if self._fitted_for != result.session_id:
            self._fitted_for = result.session_id
            self.view.fit_width()
        else:
            self.view.set_scale(scale)
            self.view.centerOn(center)
        self._highlight(self.state.layer, scroll=True)
        g = result.graph
        hint = tr("{0} boxes · {1} arrows (of {2} layers and merges). Click a box to select its layer.").format(
            len(g.nodes), len(g.edges), len(result.full.nodes))
        if any(n.kind == "repeat" for n in g.nodes):
            hint += " " + tr("Double-click a ×N box to open it.")
        self._set_note(hint)
        self.map_ready.emit()

    def _draw(self) -> None:
        from cnnviz.core.graph_render import node_colors

        result = self.result
        if result is None:
            return
        self.view.show_map(result.graph, result.layout, node_colors(result.graph, self.color_by))

    def _redraw(self) -> None:
        if self.result is not None:
            self._draw()
            self._highlight(self.state.layer, scroll=False)

    def _set_color(self, color_by: str | None) -> None:
        from cnnviz.core.graph_render import node_colors

        self.color_by = color_by
        if self.result is None:
            return
        self.view.recolor(node_colors(self.result.graph, color_by))

    def set_color_by(self, color_by: str | None) -> None:
        """Colour by ``params``, ``macs``, ``memory``, ``rf`` or kind (None)."""
        i = self.color_box.findData(color_by)
        if i >= 0:
            self.color_box.setCurrentIndex(i)

    def _on_zoom(self, zoom: float) -> None:
        old, self.view.app_zoom = self.view.app_zoom, float(zoom)
        if old > 0:
            self.view.set_scale(self.view.scale_factor() * float(zoom) / old)

    def _set_note(self, text: str) -> None:
        self.note.setText(text)

    # ------------------------------------------------------------ navigation
    def node_for_layer(self, key: str) -> GraphNode | None:
        """The drawn node that shows summary row ``key`` (the clicked one when it shows that layer)."""
        if self.result is None or not key:
            return None
        g = self.result.graph
        if self._clicked is not None:
            try:
                clicked = g.node(self._clicked)
            except KeyError:
                clicked = None
            if clicked is not None and clicked.layer == key:
                return clicked
        return g.node_for_layer(key)

    def _highlight(self, key: str, *, scroll: bool) -> None:
        node = self.node_for_layer(key)
        self.view.set_selected(node.key if node is not None else None, scroll=scroll)

    def _on_click(self, node_key: str) -> None:
        if self.result is None:
            return
        node = self.result.graph.node(node_key)
        self._clicked = node_key
        if node.layer:
            self.state.set_layer(node.layer)
        self._highlight(self.state.layer, scroll=False)

    def _on_step(self, direction: int) -> None:
        if self.result is None:
            return
        nodes = [n for n in self.result.graph.nodes if n.layer]
        if not nodes:
            return
        keys = [n.key for n in nodes]
        current = self.view.selected
        i = keys.index(current) if current in keys else (-1 if direction > 0 else len(keys))
        j = min(max(i + direction, 0), len(keys) - 1)
        self._on_click(keys[j])

    def toggle_fold(self, node_key: str) -> None:
        """Open the ×N run ``node_key``, or fold again the opened run a box belongs to (else: select it)."""
        if self.result is None:
            return
        node = self.result.graph.node(node_key)
        if node.kind == "repeat":
            self._runs[node.key] = list(node.blocks)
            self.options = self.options.with_expanded({*self.options.expanded, node.key})
            self._relayout()
            return
        for run, blocks in self._runs.items():
            if run in self.options.expanded and any(p in blocks for p in node.parents):
                self.options = self.options.with_expanded(self.options.expanded - {run})
                self._clicked = run
                self._relayout()
                return
        self._on_click(node_key)

    # ------------------------------------------------------------ text
    def tooltip_for(self, node: GraphNode) -> str:
        """A box's hover text: what it is and its figures."""
        from cnnviz.core.geometry import format_bytes, format_count
        from cnnviz.core.graph_layout import shape_text

        shape = shape_text(node.output_shape) or "–"
        if node.kind == "input":
            return tr("The input image, {0}").format(shape)
        if node.kind == "output":
            return tr("The model's output, {0}").format(shape)
        if node.kind == "merge":
            return tr("{0}: combines its inputs ({1}) in {2}; output {3}").format(
                node.key, node.type, node.layer or tr("the model"), shape)
        lines = [f"{node.key} · {node.type}"]
        if node.kind == "repeat":
            lines = [tr("{0} blocks {1} with the same structure, folded ×{0} (double-click to open)").format(
                node.count, node.name)]
        if node.absorbed:
            lines.append(tr("with {0} inside").format(" + ".join(node.absorbed)))
        lines.append(tr("Output {0}").format(shape))
        lines.append(tr("{0} parameters · {1} MACs · output {2}").format(
            format_count(node.params), format_count(node.macs), format_bytes(node.memory)))
        if node.rf_size is not None:
            rf = tr("Receptive field {0} px").format(f"{node.rf_size:g}")
            if node.rf_global:
                rf += " · " + tr("also sees the whole image")
            lines.append(rf)
        return "\n".join(lines)

    # ------------------------------------------------------------ export
    def export_dialog(self, fmt: str) -> Path | None:
        """Ask for a file name and save the map as ``fmt`` ('svg' or 'png')."""
        if self.result is None:
            self.state.show_status(tr("The map is not drawn yet."), 4000)
            return None
        session = self.state.model
        name = session.name if session is not None else "model"
        default = f"{Path(name).stem.replace(':', '-')}-map.{fmt}"
        filt = tr("SVG image (*.svg)") if fmt == "svg" else tr("PNG image (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the map"), default, filt)
        if not path:
            return None
        return self.export(path, fmt)

    def export(self, path: str | Path, fmt: str | None = None) -> Path | None:
        """Write the map as drawn (folding, colours) to ``path`` as SVG or PNG (from the suffix by default)."""
        from cnnviz.core.errors import CnnvizError
        from cnnviz.core.graph_render import to_png, to_svg, write_png
        from cnnviz.core.settings_io import atomic_path

        result = self.result
        if result is None:
            return None
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".") or "svg").lower()
        try:
            with atomic_path(path) as tmp:
                if fmt == "png":
                    write_png(tmp, to_png(result.graph, result.layout, color_by=self.color_by))
                else:
                    Path(tmp).write_text(to_svg(result.graph, result.layout, color_by=self.color_by),
                                         encoding="utf-8")
        except (CnnvizError, OSError) as exc:
            self.state.show_error(tr("Export failed"), error_text(exc))
            return None
        self.state.show_status(tr("Saved {0}").format(path), 5000)
        return path


def left_column(tree: QWidget, map_panel: NetworkMapPanel) -> QTabWidget:
    """Inspect's left column: the layer tree and the network map as two tabs, Layers first."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(tree, tr("Layers"))
    tabs.addTab(map_panel, tr("Map"))
    tabs.setTabToolTip(1, tr("The network as a graph: branches, merges, shapes on the arrows; click a box to "
                             "select its layer"))
    tabs.setMinimumWidth(0)
    return tabs


__all__ = ["NetworkMapPanel", "color_choices", "left_column"]
