"""Top-5 predictions and the Grad-CAM of the selected layer."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from cnnviz.gui.inspect.common import ElidedLabel, ImageView, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState

TOP = 5


class PredictionsPanel(QWidget):
    """The model's top-5 classes (with a warning for random weights) and Grad-CAM over the input."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px; }")
        lay.addWidget(self.note)
        grid = QGridLayout()
        self.labels: list[QLabel] = []
        self.bars: list[QProgressBar] = []
        for i in range(TOP):
            label = ElidedLabel()
            bar = QProgressBar()
            bar.setMinimumWidth(bar.fontMetrics().horizontalAdvance("100.0%") + 16)
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            grid.addWidget(label, i, 0)
            grid.addWidget(bar, i, 1)
            self.labels.append(label)
            self.bars.append(bar)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        lay.addLayout(grid)
        self.cam_view = ImageView(title=tr("Grad-CAM"))
        self.cam_view.setToolTip(
            tr("Grad-CAM: the selected layer's channels weighted by how much they raise the top class; "
               "bright = where the layer found evidence for it.")
        )
        self.cam_overlay = pg.ImageItem(axisOrder="row-major")
        self.cam_overlay.setZValue(5)
        self.cam_view.view.addItem(self.cam_overlay)
        lay.addWidget(self.cam_view, 1)
        self.cam_label = QLabel()
        self.cam_label.setWordWrap(True)
        lay.addWidget(self.cam_label)
        self.cam: Any = None
        controller.forward_changed.connect(lambda _: self.redraw())
        state.language_changed.connect(lambda _: self.redraw())
        controller.cam_changed.connect(self._on_cam)
        state.image_changed.connect(lambda image: self.cam_view.set_rgb(image.display if image is not None else None))

    def redraw(self) -> None:
        """Show the current forward pass's top-5."""
        from cnnviz.core.explanations import random_weights_note
        from cnnviz.core.predict import nonfinite_note

        fwd, session = self.controller.forward, self.state.model
        current = fwd is not None and session is not None and fwd.session_id == session.session_id
        preds = fwd.predictions if current and fwd is not None else []
        broken = nonfinite_note(fwd.output) if current and fwd is not None else None
        if broken:
            self.note.setText("⚠ " + tr("The model's output is not a number everywhere (NaN or infinite), so no "
                                       "class probability can be shown. Its weights or input may be broken."))
            self.note.setToolTip(broken)
            self.note.show()
        elif session is not None and session.is_random:
            lang = self.state.language if self.state.language in ("en", "zh") else "en"
            self.note.setText("⚠ " + random_weights_note()[lang])
            self.note.show()
        else:
            self.note.hide()
        for i in range(TOP):
            if i < len(preds) and not broken:
                p = preds[i]
                self.labels[i].setText(f"{i + 1}. {p.label if p.named else tr('class {0}').format(p.index)}")
                self.bars[i].setValue(int(round(p.probability * 1000)))
                self.bars[i].setFormat(f"{p.probability:.1%}")
                self.labels[i].show()
                self.bars[i].show()
            else:
                self.labels[i].hide()
                self.bars[i].hide()

    def _on_cam(self, answer: Any) -> None:
        from cnnviz.core.attribution.cam import heat_rgba

        fwd = self.controller.forward
        self.cam = answer
        if answer is None or fwd is None or answer.image_id != fwd.image_id:
            self.cam_overlay.clear()
            self.cam_label.setText(tr("Grad-CAM needs a layer with a spatial output (a convolution or pooling layer)."))
            return
        self.cam_overlay.setImage(heat_rgba(answer.cam.heat, "inferno"), autoLevels=False, levels=None)  # uint8: shown as it is
        session = self.state.model
        names = session.class_names if session is not None else None
        c = answer.cam.class_index
        label = names[c] if names and c < len(names) else tr("class {0}").format(c)
        self.cam_label.setText(tr("Where {0} finds evidence for “{1}” (the top class).").format(answer.cam.layer, label))
