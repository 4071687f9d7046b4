"""Projections to pixel space of the selected unit or channel, drawn on the input panel.

Deconvnet (Zeiler & Fergus 2014), guided backprop (Springenberg et al. 2015)
and the plain gradient (saliency) come from one shared forward pass; the
input panel lists them as overlays ("Overlay: deconvnet", …) next to the
effective receptive field and Grad-CAM. Occlusion sensitivity (ZF 2014 §4.2)
slides a grey square over the image and maps how much the class probability
(or the unit's activation) drops. Maps belong to one model and one image:
another image clears them, and while one of them is the input panel's
overlay the cheap three are made again for the new image or unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtWidgets import QFileDialog, QFormLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from cnnviz.gui.inspect.atlas.jobs import PROJECTIONS
from cnnviz.gui.inspect.atlas.views import blend, signed_rgba
from cnnviz.gui.inspect.atlas.widgets import (
    ProgressLine,
    button_row,
    error_label,
    narrow_combo,
    show_message,
    wrapped,
)
from cnnviz.gui.inspect.common import heading, tr

if TYPE_CHECKING:
    from cnnviz.gui.inspect.atlas.panel import AtlasPanel

#: Input-panel overlay keys of the projections, and of occlusion.
OVERLAY_KEYS = {m: f"projection:{m}" for m in PROJECTIONS}
OCCLUSION_KEY = "occlusion"


def method_labels() -> dict[str, str]:
    """The methods' names in the interface language."""
    return {"deconvnet": tr("Deconvnet"), "guidedbackprop": tr("Guided backprop"), "saliency": tr("Gradient"),
            "occlusion": tr("Occlusion")}


class ProjectionsSection(QWidget):
    """Target and method, Show on the input / Save PNG, and occlusion with square size and stride."""

    def __init__(self, panel: AtlasPanel) -> None:
        super().__init__()
        self.panel = panel
        self.atlas = panel.atlas
        self.state = panel.state
        self.input_panel = panel.input_panel
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.target_box = narrow_combo(
            [(tr("Clicked unit"), "unit"), (tr("Channel (mean over space)"), "channel"), (tr("Top class"), "top")],
            tr("What to explain: the unit you clicked in the activation maps, the selected channel as a whole, "
               "or the model's top class."),
        )
        self.target_box.currentIndexChanged.connect(lambda _: self._target_changed())
        lay.addWidget(self.target_box)
        labels = method_labels()
        self.method_box = narrow_combo(
            [(tr("Deconvnet (Zeiler & Fergus 2014)"), "deconvnet"),
             (tr("Guided backprop (Springenberg et al. 2015)"), "guidedbackprop"),
             (tr("Gradient (saliency, Simonyan et al. 2014)"), "saliency")],
            tr("Deconvnet: the signal sent back through the layers with ReLUs on the way back.\n"
               "Guided backprop: only where both the input and the gradient are positive.\n"
               "Gradient: how much each pixel changes the target."),
        )
        self.method_box.currentIndexChanged.connect(lambda _: self._method_changed())
        lay.addWidget(self.method_box)
        self.show_button = QPushButton(tr("Show on input"))
        self.show_button.setToolTip(tr("Compute the three projections of the target on the current image and "
                                       "draw the chosen one over the model input."))
        self.show_button.clicked.connect(self.show_projection)
        self.save_button = QPushButton(tr("Save PNG…"))
        self.save_button.setToolTip(tr("Save the model input with the overlay shown now as a PNG picture."))
        self.save_button.clicked.connect(lambda: self.save_png())
        lay.addWidget(button_row(self.show_button, self.save_button))
        self.what_label = wrapped()
        lay.addWidget(self.what_label)

        title = heading(labels["occlusion"])
        title.setMinimumWidth(40)
        lay.addWidget(title)
        lay.addWidget(wrapped(tr("A grey square slides over the image; the map shows how much the class "
                                 "probability (or the unit's activation) drops where it covers.")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.window_spin = QSpinBox()
        self.window_spin.setRange(1, 1024)
        self.window_spin.setSuffix(" px")
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 1024)
        self.stride_spin.setSuffix(" px")
        self.window_spin.setToolTip(tr("Side of the grey square."))
        self.stride_spin.setToolTip(tr("Step between two positions of the square (at most its side)."))
        self.window_spin.valueChanged.connect(lambda v: self.stride_spin.setMaximum(max(1, v)))
        form.addRow(tr("Square"), self.window_spin)
        form.addRow(tr("Stride"), self.stride_spin)
        lay.addLayout(form)
        self.occlude_button = QPushButton(tr("Run occlusion"))
        self.occlude_button.clicked.connect(self.occlude)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.atlas.cancel("occlusion"))
        lay.addWidget(button_row(self.occlude_button, self.cancel_button))
        self.progress = ProgressLine()
        lay.addWidget(self.progress)
        self.occlusion_label = wrapped()
        lay.addWidget(self.occlusion_label)
        self.message = error_label()
        lay.addWidget(self.message)
        lay.addStretch(1)

        a = self.atlas
        a.projections_changed.connect(self._on_projections)
        a.occlusion_changed.connect(self._on_occlusion)
        a.progress_changed.connect(self._on_progress)
        a.running_changed.connect(self._on_running)
        a.message.connect(self._on_message)
        panel.inspect.unit_changed.connect(lambda _: self._unit_changed())
        panel.inspect.forward_changed.connect(lambda _: self._image_changed())
        # a new image re-announces its layer after forward_changed: the target is complete only then
        self.state.layer_changed.connect(lambda _: self._image_changed())
        if self.input_panel is not None:
            for m in PROJECTIONS:
                self.input_panel.add_overlay(OVERLAY_KEYS[m], tr("Overlay: {0}").format(labels[m].lower()),
                                             lambda m=m: self.overlay_rgba(m))
            self.input_panel.add_overlay(OCCLUSION_KEY, tr("Overlay: occlusion"),
                                         lambda: self.overlay_rgba("occlusion"))
            self.input_panel.overlay_box.currentIndexChanged.connect(lambda _: self._overlay_chosen())

    def _on_progress(self, kind: str, fraction: float, text: str) -> None:
        if kind == "occlusion":
            self.progress.set_progress(fraction, text)

    def _on_running(self, kind: str, running: bool) -> None:
        if kind == "occlusion":
            self.cancel_button.setEnabled(running)

    def _on_message(self, section: str, text: str) -> None:
        if section == "projections":
            show_message(self.message, text)

    # ------------------------------------------------------------ settings
    def on_model(self, session: Any) -> None:
        """A new model: occlusion defaults from its input size (a quarter of the shorter side)."""
        from cnnviz.core.attribution.occlusion import default_geometry

        if session is None:
            return
        h, w = (int(v) for v in session.pre.crop_size)
        window, stride = default_geometry(h, w, {})
        self.window_spin.setMaximum(min(h, w))
        self.window_spin.setValue(window)
        self.stride_spin.setValue(min(stride, window))
        self.occlusion_label.setText("")

    def settings_dict(self) -> dict[str, Any]:
        """The choices, JSON-ready (lessons)."""
        return {"target": self.target_box.currentData(), "method": self.method_box.currentData(),
                "window": self.window_spin.value(), "stride": self.stride_spin.value()}

    def apply_settings(self, d: dict[str, Any], problems: list[str]) -> None:
        """Bring back :meth:`settings_dict`."""
        for key, box in (("target", self.target_box), ("method", self.method_box)):
            if key in d:
                i = box.findData(d[key])
                if i >= 0:
                    box.setCurrentIndex(i)
                else:
                    problems.append(tr("Unknown projection {0} {1}.").format(key, d[key]))
        for key, spin in (("window", self.window_spin), ("stride", self.stride_spin)):
            if isinstance(d.get(key), int):
                spin.setValue(d[key])

    # ------------------------------------------------------------ target
    def target(self, quiet: bool = False) -> Any:
        """The core attribution target for the current choice, or None (and a message unless ``quiet``)."""
        from cnnviz.core.attribution import Target

        kind, layer = self.target_box.currentData(), self.state.layer
        if kind == "top":
            return Target.top()
        if not layer:
            return None
        if kind == "unit":
            unit = self.panel.inspect.unit
            if unit is None or unit.layer != layer:
                if not quiet:
                    show_message(self.message, tr("Click a unit in the activation maps first."))
                return None
            return Target.unit(layer, unit.channel, unit.y, unit.x)
        return Target.unit(layer, self.panel.channel)

    def describe(self, target: Any) -> str:
        """The target in words."""
        if target.kind == "top":
            return tr("the top class")
        if target.kind == "class":
            return tr("class {0}").format(target.class_index)
        if target.y is None:
            return tr("channel {0} of {1} (its mean)").format(target.channel, target.layer)
        return tr("unit (row {0}, column {1}) of channel {2} of {3}").format(target.y, target.x, target.channel,
                                                                           target.layer)

    # ------------------------------------------------------------ projections
    def show_projection(self) -> None:
        """Compute the projections of the target on the current image and draw the chosen one."""
        show_message(self.message, "")
        target = self.target()
        if target is None:
            return
        self._want_overlay = True
        self.what_label.setText(tr("Computing…"))
        self.atlas.project(target)

    def _on_projections(self, answer: Any) -> None:
        if answer is None:
            self.what_label.setText("")
        else:
            self.what_label.setText(tr("Shown on the model input: {0} of {1}.").format(
                method_labels()[self.method_box.currentData()], self.describe(answer.target)))
            if getattr(self, "_want_overlay", False) and self.input_panel is not None:
                self._want_overlay = False
                self._set_input_overlay(OVERLAY_KEYS[self.method_box.currentData()])
        self._refresh_input()

    def _method_changed(self) -> None:
        if self.input_panel is not None and self.input_panel.overlay_box.currentData() in OVERLAY_KEYS.values():
            self._set_input_overlay(OVERLAY_KEYS[self.method_box.currentData()])
        if self.atlas.projections is not None:
            self._on_projections(self.atlas.projections)

    def _target_changed(self) -> None:
        self._recompute_if_shown()

    def _unit_changed(self) -> None:
        if self.target_box.currentData() in ("unit", "channel"):
            self._recompute_if_shown()

    def _image_changed(self) -> None:
        self._recompute_if_shown()

    def _recompute_if_shown(self) -> None:
        """While a projection is the input's overlay, keep it for the image and target on screen."""
        if self.input_panel is None or self.input_panel.overlay_box.currentData() not in OVERLAY_KEYS.values():
            return
        target = self.target(quiet=True)
        current = self.atlas.projections
        if target is None:
            return
        if current is None or current.target != target or not self.atlas.projection_current(current):
            self.atlas.project(target)

    def _overlay_chosen(self) -> None:
        """A projection chosen on the input panel is a request: compute it if it is missing."""
        key = self.input_panel.overlay_box.currentData() if self.input_panel is not None else None
        for m, k in OVERLAY_KEYS.items():
            if key == k and self.method_box.currentData() != m:
                self.method_box.blockSignals(True)
                self.method_box.setCurrentIndex(self.method_box.findData(m))
                self.method_box.blockSignals(False)
        if key in OVERLAY_KEYS.values():
            if self.target(quiet=True) is None and self.state.model is not None:
                self.state.show_status(tr("Projections: click a unit in the activation maps first."), 5000)
            self._recompute_if_shown()

    def _set_input_overlay(self, key: str) -> None:
        box = self.input_panel.overlay_box
        i = box.findData(key)
        if i >= 0 and box.currentIndex() != i:
            box.setCurrentIndex(i)  # draws it

    def _refresh_input(self) -> None:
        if self.input_panel is not None:
            self.input_panel.refresh_overlay()

    def overlay_rgba(self, method: str) -> np.ndarray | None:
        """What the input panel draws for ``method`` now (uint8 RGBA), or None when nothing is current."""
        from cnnviz.core.attribution.cam import heat_rgba

        answer = self.atlas.occlusion if method == "occlusion" else self.atlas.projections
        if answer is None or not self.atlas.projection_current(answer) or method not in answer.maps:
            return None
        m = answer.maps[method]
        if method == "occlusion":
            return signed_rgba(m.normalized())
        return heat_rgba(m.heat(), "inferno")

    def save_png(self, path: str | None = None) -> str | None:
        """Save the model input with the overlay shown now (asks where unless ``path``)."""
        import cv2

        image = self.state.image
        key = self.input_panel.overlay_box.currentData() if self.input_panel is not None else None
        method = next((m for m, k in OVERLAY_KEYS.items() if k == key), "occlusion" if key == OCCLUSION_KEY else None)
        rgba = self.overlay_rgba(method) if method else None
        if image is None or rgba is None:
            show_message(self.message, tr("Show a projection or run occlusion first."))
            return None
        if path is None:
            name = f"{method}-{self.state.layer or 'model'}.png".replace("#", "-")
            path, _ = QFileDialog.getSaveFileName(self, tr("Save projection"), name, tr("PNG image (*.png)"))
            if not path:
                return None
        picture = blend(image.display, rgba)
        ok, data = cv2.imencode(".png", np.ascontiguousarray(picture[..., ::-1]))
        try:
            if not ok:
                raise OSError("encoding failed")
            with open(path, "wb") as f:
                f.write(data.tobytes())
        except OSError as exc:
            show_message(self.message, tr("Could not save {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.state.show_status(tr("Saved {0}").format(path), 5000)
        return path

    # ------------------------------------------------------------ occlusion
    def occlude(self) -> None:
        """Run occlusion sensitivity with the chosen square and stride."""
        show_message(self.message, "")
        target = self.target()
        if target is None:
            return
        stride = min(self.stride_spin.value(), self.window_spin.value())
        self.occlusion_label.setText("")
        self._occluded_target = target
        self.atlas.occlude(target, self.window_spin.value(), stride)

    def _on_occlusion(self, answer: Any) -> None:
        if answer is None:
            self.occlusion_label.setText("")
            self._refresh_input()
            return
        m = answer.maps["occlusion"]
        what = tr("probability") if m.extras.get("score_kind") == "probability" else tr("activation")
        self.occlusion_label.setText(
            tr("Occlusion of {0}: {1} squares of {2} px every {3} px; red: the {4} drops when covered, "
               "blue: it rises. Before: {5:.4g}.").format(
                self.describe(answer.target), m.extras.get("positions", 0), m.extras.get("window", 0),
                m.extras.get("stride", 0), what, m.extras.get("base_score", float("nan"))))
        if self.input_panel is not None:
            self._set_input_overlay(OCCLUSION_KEY)
        self._refresh_input()
