"""Feature visualisation: the picture that most excites the selected channel, unit or class, made live.

Run starts the optimisation in a worker; pictures arrive while it runs and
Cancel stops it at the next step (the last picture stays). The view says in
plain words that the picture is synthetic, and puts the target's value on it
next to its value on the best natural exemplar of the index (when one was
built for the layer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect.atlas.widgets import (
    NOTE_STYLE,
    ProgressLine,
    button_row,
    error_label,
    narrow_combo,
    show_message,
    wrapped,
)
from cnnviz.gui.inspect.common import ImageView, tr

if TYPE_CHECKING:
    from cnnviz.gui.inspect.atlas.panel import AtlasPanel

#: The picture's smallest and largest side on screen at zoom 1 (pixels).
PICTURE_MIN = 96
PICTURE_MAX = 360


class FeatVisSection(QWidget):
    """Target, preset, steps / size / learning rate / seed, Run / Cancel, the live picture and its numbers."""

    def __init__(self, panel: AtlasPanel) -> None:
        super().__init__()
        self.panel = panel
        self.atlas = panel.atlas
        self.state = panel.state
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.target_box = narrow_combo(
            [(tr("Channel (mean over space)"), "channel"), (tr("Clicked unit"), "unit"), (tr("Class logit"), "class")],
            tr("What to make larger: the selected channel's mean, the unit you clicked in the activation maps, "
               "or one class score of the model's output."),
        )
        self.class_spin = QSpinBox()
        self.class_spin.setRange(0, 0)
        self.class_spin.setToolTip(tr("The class whose score (logit) is maximised."))
        self.target_box.currentIndexChanged.connect(lambda _: self._update_target())
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_box, 1)
        target_row.addWidget(self.class_spin)
        lay.addLayout(target_row)

        self.preset_box = narrow_combo(
            [(tr("2017: Fourier image, transforms (Olah et al.)"), "2017"),
             (tr("2015: regularised pixels (Yosinski et al.)"), "2015")],
            tr("2017 (Olah, Mordvintsev, Schubert, Distill): a decorrelated Fourier-space image, random jitter, "
               "scale and rotation, Adam.\n2015 (Yosinski et al., Deep Visualization): gradient ascent on pixels "
               "with L2 decay, blur and clipping of small pixels."),
        )
        self.preset_box.currentIndexChanged.connect(lambda _: self._on_preset())
        lay.addWidget(self.preset_box)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.steps = QSpinBox()
        self.steps.setRange(1, 5000)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(8, 512)
        self.size_spin.setSuffix(" px")
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(3)
        self.lr.setRange(0.001, 10.0)
        self.lr.setSingleStep(0.01)
        self.seed = QSpinBox()
        self.seed.setRange(0, 99999)
        self.seed.setToolTip(tr("The same seed and settings give the same picture."))
        form.addRow(tr("Steps"), self.steps)
        form.addRow(tr("Size"), self.size_spin)
        form.addRow(tr("Learning rate"), self.lr)
        form.addRow(tr("Seed"), self.seed)
        self.run_button = QPushButton(tr("Run"))
        self.run_button.setToolTip(tr("Start from noise and change the picture step by step to raise the target; "
                                      "the picture updates as it goes."))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.atlas.cancel("featvis"))
        lay.addWidget(button_row(self.run_button, self.cancel_button))
        self.progress = ProgressLine()
        lay.addWidget(self.progress)
        self.message = error_label()
        lay.addWidget(self.message)
        self.note = wrapped(tr("Synthetic picture: made by optimisation to excite the target. It is not a photo "
                               "from any dataset."), NOTE_STYLE)
        lay.addWidget(self.note)
        self.view = SquareImageView(title=tr("Synthetic picture"))
        lay.addWidget(self.view)
        self.step_label = wrapped()
        self.result_label = wrapped()
        lay.addWidget(self.step_label)
        lay.addWidget(self.result_label)
        lay.addLayout(form)
        self._stopped_step = 0
        self._preset_defaults("2017")

        a = self.atlas
        a.featvis_step.connect(self._on_step)
        a.featvis_changed.connect(self._on_result)
        a.progress_changed.connect(self._on_progress)
        a.running_changed.connect(self._on_running)
        a.message.connect(self._on_message)
        self._update_target()

    def _on_progress(self, kind: str, fraction: float, text: str) -> None:
        if kind == "featvis":
            self.progress.set_progress(fraction, text)

    def _on_message(self, section: str, text: str) -> None:
        if section == "featvis":
            show_message(self.message, text)

    # ------------------------------------------------------------ settings
    def _preset_defaults(self, name: str) -> None:
        from cnnviz.core.atlas.featvis import preset

        p = preset(name)
        self.steps.setValue(p.steps)
        self.lr.setValue(p.lr)

    def _on_preset(self) -> None:
        self._preset_defaults(self.preset_box.currentData())

    def _update_target(self) -> None:
        self.class_spin.setVisible(self.target_box.currentData() == "class")

    def on_model(self, session: Any) -> None:
        """A new model: its input size and number of classes."""
        if session is None:
            return
        self.size_spin.setValue(int(session.pre.crop_size[0]))
        n = session.spec.num_classes or len(session.class_names or ())
        out = session.summary.layers[-1].output_shape if session.summary.layers else None
        if out and len(out) == 1:
            n = int(out[0])
        self.class_spin.setRange(0, max(0, n - 1))
        self.view.set_rgb(None)
        self.step_label.setText("")
        self.result_label.setText("")

    def settings_dict(self) -> dict[str, Any]:
        """The choices, JSON-ready (lessons)."""
        return {"target": self.target_box.currentData(), "class": self.class_spin.value(),
                "preset": self.preset_box.currentData(), "steps": self.steps.value(), "size": self.size_spin.value(),
                "lr": round(self.lr.value(), 6), "seed": self.seed.value()}

    def apply_settings(self, d: dict[str, Any], problems: list[str]) -> None:
        """Bring back :meth:`settings_dict` (unknown values are reported and skipped)."""
        for key, box in (("target", self.target_box), ("preset", self.preset_box)):
            if key in d:
                i = box.findData(d[key])
                if i >= 0:
                    box.setCurrentIndex(i)
                else:
                    problems.append(tr("Unknown feature visualisation {0} {1}.").format(key, d[key]))
        for key, spin in (("class", self.class_spin), ("steps", self.steps), ("size", self.size_spin),
                          ("seed", self.seed)):
            if key in d:
                if isinstance(d[key], int) and not isinstance(d[key], bool):
                    spin.setValue(d[key])
                else:
                    problems.append(tr("Unknown feature visualisation {0} {1}.").format(key, d[key]))
        if "lr" in d:
            if isinstance(d["lr"], int | float) and not isinstance(d["lr"], bool):
                self.lr.setValue(float(d["lr"]))
            else:
                problems.append(tr("Unknown feature visualisation {0} {1}.").format("lr", d["lr"]))

    # ------------------------------------------------------------ running
    def target(self) -> Any:
        """The core target for the current choice, or None (and a message)."""
        from cnnviz.core.atlas.featvis import FeatVisTarget

        kind, layer = self.target_box.currentData(), self.state.layer
        if kind == "class":
            return FeatVisTarget(class_index=self.class_spin.value())
        if not layer:
            return None
        if kind == "unit":
            unit = self.panel.inspect.unit
            if unit is None or unit.layer != layer:
                show_message(self.message, tr("Click a unit in the activation maps first."))
                return None
            return FeatVisTarget(layer, unit.channel, unit=(unit.y, unit.x))
        return FeatVisTarget(layer, self.panel.channel)

    def run(self) -> None:
        """Start the optimisation (the previous one is cancelled)."""
        from cnnviz.core.atlas.featvis import preset
        from cnnviz.core.errors import CnnvizError

        session = self.state.model
        if session is None:
            return
        show_message(self.message, "")
        try:
            target = self.target()
            if target is None:
                return
            size = self.size_spin.value()
            crop = tuple(int(v) for v in session.pre.crop_size)
            settings = preset(self.preset_box.currentData(), steps=self.steps.value(), lr=self.lr.value(),
                              seed=self.seed.value(), size=None if crop == (size, size) else (size, size))
        except CnnvizError as exc:
            show_message(self.message, error_text(exc))
            return
        self._target_text = describe_target(target, session)
        self.result_label.setText("")
        self.step_label.setText(tr("Starting from noise…"))
        self.atlas.visualize(target, settings)

    def _on_step(self, step: Any) -> None:
        if step.image is not None:
            self.view.set_rgb(step.image)
        self._stopped_step = step.step
        self.step_label.setText(tr("Step {0} of {1} · objective {2:.4g}").format(step.step, step.steps, step.objective))

    def _on_running(self, kind: str, running: bool) -> None:
        if kind != "featvis":
            return
        self.cancel_button.setEnabled(running)
        if not running and self.atlas.featvis is None and self._stopped_step:
            self.step_label.setText(tr("Stopped at step {0}: the picture so far.").format(self._stopped_step))

    def _on_result(self, answer: Any) -> None:
        if answer is None:
            self.view.set_rgb(None)
            self.step_label.setText("")
            self.result_label.setText("")
            self._stopped_step = 0
            return
        r = answer.result
        self.view.set_rgb(r.image)
        self.step_label.setText(tr("Done: {0} steps.").format(len(r.history)))
        self.result_label.setText(result_text(r, answer, getattr(self, "_target_text", r.target.describe())))

    def set_zoom(self, zoom: float) -> None:
        """The picture's size limits grow with the zoom."""
        self.view.zoom = zoom
        self.view.updateGeometry()


class SquareImageView(ImageView):
    """An image view as tall as it is wide (plus its title), between two sizes that follow the zoom."""

    def __init__(self, title: str = "") -> None:
        super().__init__(title=title)
        self.zoom = 1.0
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        """Square."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        """The width plus the title, kept between the zoomed minimum and maximum."""
        title = round(self.fontMetrics().height() * 1.6)
        return int(max(PICTURE_MIN * self.zoom, min(width, PICTURE_MAX * self.zoom))) + title

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """A medium square."""
        side = round(PICTURE_MIN * 1.5 * self.zoom)
        return QSize(side, self.heightForWidth(side))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """The smallest readable square."""
        side = round(PICTURE_MIN * self.zoom)
        return QSize(side, self.heightForWidth(side))


def describe_target(target: Any, session: Any) -> str:
    """The target in words, in the interface language."""
    if target.kind == "class":
        names = session.class_names
        c = target.class_index
        name = f" ({names[c]})" if names and c < len(names) else ""
        return tr("the score of class {0}{1}").format(c, name)
    if target.kind == "unit":
        return tr("unit (row {0}, column {1}) of channel {2} of {3}").format(
            target.unit[0], target.unit[1], target.channel, target.layer)
    return tr("the mean of channel {0} of {1}").format(target.channel, target.layer)


def result_text(r: Any, answer: Any, target_text: str) -> str:
    """The target on the synthetic picture, next to the best natural exemplar's."""
    lines = [tr("On this picture, {0} is {1:.4g}.").format(target_text, r.activation)]
    if r.target.kind == "channel" and r.channel_max is not None:
        lines.append(tr("Its strongest unit: {0:.4g}.").format(r.channel_max))
    if answer.natural is not None:
        lines.append(tr("On the best natural exemplar ({0}): {1:.4g}.").format(answer.natural_label, answer.natural))
    elif r.target.kind != "class":
        lines.append(tr("Build a dataset index of this layer to compare with the best natural image."))
    return " ".join(lines)
