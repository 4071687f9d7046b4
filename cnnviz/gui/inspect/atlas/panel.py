"""The "What it detects" side panel of the Inspect tab (issue #15).

Three sections in a tool box, each about the selected layer and channel (the
channel of the unit clicked in the activation maps, or the one typed here):

* **Dataset exemplars** — the images of a set that excite the channel most
  (top 9 with values, receptive-field crops) and the layer's atlas;
* **Feature visualisation** — a synthetic picture made to excite it, live;
* **Projections to pixels** — deconvnet, guided backprop, gradient and
  occlusion of the current image, drawn on the input panel.

Nothing runs until the panel is shown or a button is pressed; every long
job runs in :class:`~.controller.AtlasController`'s own workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolBox, QVBoxLayout, QWidget

from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect.atlas.controller import AtlasController
from cnnviz.gui.inspect.atlas.exemplars_section import ExemplarsSection
from cnnviz.gui.inspect.atlas.featvis_section import FeatVisSection
from cnnviz.gui.inspect.atlas.jobs import SourceChoice
from cnnviz.gui.inspect.atlas.projections_section import ProjectionsSection
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState

SECTIONS = ("exemplars", "featvis", "projections")


class AtlasPanel(QWidget):
    """What does this channel detect: exemplars, feature visualisation, projections (see the module docstring)."""

    def __init__(self, state: AppState, inspect: InspectController, input_panel: Any = None,
                 cache: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.inspect = inspect
        self.input_panel = input_panel
        self.atlas = AtlasController(state, inspect, cache)
        self.channel = 0
        self._layers_of: tuple[int, dict[str, str]] | None = None
        self._dirty = True

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 0)
        self.layer_label = QLabel()
        self.layer_label.setWordWrap(True)
        self.layer_label.setMinimumWidth(20)
        self.channel_spin = QSpinBox()
        self.channel_spin.setToolTip(tr("The channel these views are about. Clicking a unit in the activation "
                                        "maps chooses its channel."))
        self.channel_spin.valueChanged.connect(self.set_channel)
        row.addWidget(self.layer_label, 1)
        row.addWidget(self.channel_spin)
        lay.addLayout(row)
        self.toolbox = QToolBox()
        self.exemplars = ExemplarsSection(self)
        self.featvis = FeatVisSection(self)
        self.projections = ProjectionsSection(self)
        self.toolbox.addItem(self.exemplars, tr("Dataset exemplars"))
        self.toolbox.addItem(self.featvis, tr("Feature visualisation"))
        self.toolbox.addItem(self.projections, tr("Projections to pixels"))
        self.toolbox.setItemToolTip(0, tr("The images of a dataset that excite the channel most (Zeiler & Fergus "
                                          "2014; the Deep Visualization Toolbox)."))
        self.toolbox.setItemToolTip(1, tr("A synthetic picture made by optimisation to excite the channel."))
        self.toolbox.setItemToolTip(2, tr("Which pixels of the current image drive the unit: deconvnet, guided "
                                          "backprop, gradient, occlusion."))
        lay.addWidget(self.toolbox, 1)

        state.model_changed.connect(self._on_model)
        state.layer_changed.connect(lambda _: self._on_layer())
        state.zoom_changed.connect(self._on_zoom)
        inspect.unit_changed.connect(self._on_unit)
        self._on_zoom(float(getattr(state, "zoom", 1.0) or 1.0))
        if state.model is not None:  # built after the model loaded (a rebuilt tab)
            self._on_model(state.model)
            self._on_layer()

    # ------------------------------------------------------------ what it is about
    def indexable_layers(self) -> dict[str, str]:
        """Layers with channels (C×H×W or one value per channel), key -> menu label, in model order."""
        session = self.state.model
        if session is None:
            return {}
        if self._layers_of is None or self._layers_of[0] != session.session_id:
            layers = {}
            for row in session.summary.layers:
                shape = row.output_shape
                if row.call and shape is not None and len(shape) in (1, 3):
                    layers[row.key] = f"{row.key}  ({row.type}, {'×'.join(str(v) for v in shape)})"
            self._layers_of = (session.session_id, layers)
        return self._layers_of[1]

    def channels(self) -> int:
        """Channels of the selected layer (0 when it has none)."""
        session, layer = self.state.model, self.state.layer
        row = session.layer(layer) if session is not None and layer else None
        shape = row.output_shape if row is not None else None
        return int(shape[0]) if shape and len(shape) in (1, 3) else 0

    def set_channel(self, channel: int) -> None:
        """Make the views about ``channel`` of the selected layer."""
        n = self.channels()
        channel = max(0, min(int(channel), max(n - 1, 0)))
        if self.channel_spin.value() != channel:
            self.channel_spin.blockSignals(True)
            self.channel_spin.setValue(channel)
            self.channel_spin.blockSignals(False)
        if channel != self.channel:
            self.channel = channel
            self.exemplars.refresh_views()

    def _on_unit(self, unit: Any) -> None:
        if unit is not None and unit.layer == self.state.layer:
            self.set_channel(unit.channel)

    def _on_layer(self) -> None:
        n = self.channels()
        layer = self.state.layer
        self.layer_label.setText(tr("Layer {0}, channel").format(layer) if layer else "")
        self.channel_spin.blockSignals(True)
        self.channel_spin.setRange(0, max(n - 1, 0))
        self.channel_spin.setEnabled(n > 0)
        self.channel_spin.blockSignals(False)
        unit = self.inspect.unit
        self.channel = -1  # so set_channel redraws
        self.set_channel(unit.channel if unit is not None and unit.layer == layer else self.channel_spin.value())
        self.exemplars.on_layer()
        self.refresh()

    def _on_model(self, session: Any) -> None:
        self._layers_of = None
        choice = self.exemplars.layer_choice
        if choice:
            known = self.indexable_layers()
            kept = [k for k in choice if k in known]
            self.exemplars.layer_choice = kept or None
        self.featvis.on_model(session)
        self.projections.on_model(session)
        self.refresh()

    def _on_zoom(self, zoom: float) -> None:
        self.exemplars.set_zoom(zoom)
        self.featvis.set_zoom(zoom)

    # ------------------------------------------------------------ when to work
    def refresh(self) -> None:
        """Look for the index of the chosen images and layers, when the panel is on screen."""
        if not self.isVisible():
            self._dirty = True
            self.exemplars.render_index()  # what is shown must never be another model's
            return
        self._dirty = False
        self.exemplars.look_up()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Shown: catch up with what changed while hidden."""
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # ------------------------------------------------------------ the side-panel hooks
    def is_busy(self) -> bool:
        """True while any of the panel's jobs runs (screenshot mode waits)."""
        return self.atlas.busy()

    def shutdown(self) -> None:
        """Cancel the panel's work and wait for it (the window is closing)."""
        self.atlas.shutdown()

    def lesson_state(self) -> dict[str, Any]:
        """The panel's choices, JSON-ready: image set, layers, view, feature visualisation, projections."""
        choice = self.exemplars.choice()
        return {
            "section": SECTIONS[self.toolbox.currentIndex()] if self.toolbox.currentIndex() >= 0 else SECTIONS[0],
            "dataset": choice.to_dict() if choice is not None else None,
            "layers": list(self.exemplars.layer_choice) if self.exemplars.layer_choice else None,
            "view": self.exemplars.view_box.currentData(),
            "sort": self.exemplars.sort_box.currentData(),
            "featvis": self.featvis.settings_dict(),
            "projection": self.projections.settings_dict(),
        }

    def apply_lesson_state(self, d: dict[str, Any]) -> list[str]:
        """Bring back :meth:`lesson_state` (missing keys keep what is shown); returns the problems."""
        problems: list[str] = []
        if not isinstance(d, dict):
            return [tr("The exemplar panel's lesson state is not an object; skipped.")]
        self._apply_choices(d, problems)
        return problems

    def _apply_choices(self, d: dict[str, Any], problems: list[str]) -> None:
        if d.get("section") in SECTIONS:
            self.toolbox.setCurrentIndex(SECTIONS.index(d["section"]))
        for key, box in (("view", self.exemplars.view_box), ("sort", self.exemplars.sort_box)):
            if key in d and box.findData(d[key]) >= 0:
                box.setCurrentIndex(box.findData(d[key]))
        if isinstance(d.get("featvis"), dict):
            self.featvis.apply_settings(d["featvis"], problems)
        if isinstance(d.get("projection"), dict):
            self.projections.apply_settings(d["projection"], problems)
        layers = d.get("layers")
        if layers is None or (isinstance(layers, list) and all(isinstance(k, str) for k in layers)):
            self.exemplars.layer_choice = list(layers) if layers else None
        if d.get("dataset") is not None:
            from cnnviz.core.errors import CnnvizError

            try:
                choice = SourceChoice.from_dict(d["dataset"])
            except CnnvizError as exc:
                problems.append(error_text(exc))
                return
            if choice.kind == "folder" and not Path(choice.name).is_dir():
                problems.append(tr("The exemplar image folder {0} was not found.").format(choice.name))
                return
            self.exemplars.set_choice(choice)
        else:
            self.refresh()
