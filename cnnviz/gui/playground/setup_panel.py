"""The Playground's left column: the surface, its parameters, the start point, the steps, and the optimizers.

The widgets only report what the user edited (signals); the tab decides what
follows. ``show_*`` methods put values in the editors without emitting.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.playground import (
    Surface,
    get_optimizer_spec,
    get_surface_spec,
    list_optimizers,
    list_surfaces,
)
from cnnviz.core.playground.trajectories import MAX_STEPS
from cnnviz.gui import theme
from cnnviz.gui.i18n import current_language
from cnnviz.gui.playground.qt_util import signals_blocked
from cnnviz.gui.playground.racer_panel import OptimizerPanel


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


def param_label(name: str) -> str:
    """A surface parameter's label: λ for lambda, words ('angle') translated, letters ('a', 'A') as they are."""
    return tr(name).replace("lambda", "λ") if len(name) > 1 else name


class SurfaceBox(QGroupBox):
    """Choose a surface and edit its parameters, the start point and the number of steps."""

    surface_chosen = Signal(str)
    """The user chose another surface (its name)."""
    params_edited = Signal(dict)
    """The user edited a parameter (every parameter's value, by name)."""
    start_edited = Signal(float, float)
    """The user typed a start point."""
    steps_edited = Signal(int)
    """The user changed the number of steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Surface"), parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.combo = QComboBox()
        for name in list_surfaces():
            spec = get_surface_spec(name)
            self.combo.addItem(spec.title_zh if current_language() == "zh" and spec.title_zh else spec.title_en, name)
        self.combo.setToolTip(tr("The loss surface f(x, y) the optimizers descend."))
        lay.addWidget(self.combo)
        self.description = QLabel()
        self.description.setWordWrap(True)
        lay.addWidget(self.description)
        self.params_box = QWidget()
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.params_box)
        self.param_boxes: dict[str, QDoubleSpinBox] = {}
        lay.addLayout(self._build_start_and_steps())
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        lay.addWidget(self.error_label)
        self.apply_colors()
        self.combo.currentIndexChanged.connect(lambda _i: self.surface_chosen.emit(self.combo.currentData()))
        for box in (self.start_x, self.start_y):
            box.valueChanged.connect(lambda _v: self.start_edited.emit(self.start_x.value(), self.start_y.value()))
        self.steps_box.valueChanged.connect(self.steps_edited)

    def _build_start_and_steps(self) -> QFormLayout:
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
        return form

    def _coord_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(3)
        box.setSingleStep(0.1)
        box.setKeyboardTracking(False)
        box.setToolTip(tr("Start point coordinate; or click on the surface."))
        return box

    def apply_colors(self) -> None:
        """Follow the theme (the error text)."""
        self.error_label.setStyleSheet(f"color: {theme.semantic_color('error').name()};")

    # ------------------------------------------------------------ showing values
    def show_surface(self, surface: Surface, language: str) -> None:
        """Select ``surface``, rebuild its parameter editors and the start boxes' ranges."""
        spec = surface.spec
        with signals_blocked(self.combo):
            self.combo.setCurrentIndex(list_surfaces().index(surface.name))
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
            box.setValue(surface.params[p.name])
            box.setKeyboardTracking(False)
            help_text = p.help_zh if current_language() == "zh" and p.help_zh else p.help_en
            box.setToolTip(help_text + f"<br>{tr('range')}: [{p.minimum:g}, {p.maximum:g}]")
            box.valueChanged.connect(lambda _v: self.params_edited.emit(self.params()))
            label = QLabel(param_label(p.name))
            label.setToolTip(box.toolTip())
            self.params_form.addRow(label, box)
            self.param_boxes[p.name] = box
        self.params_box.setVisible(bool(spec.params))
        b = spec.bounds
        for box, (low, high) in ((self.start_x, (b.xmin, b.xmax)), (self.start_y, (b.ymin, b.ymax))):
            with signals_blocked(box):
                box.setRange(low, high)
        self.show_description(surface, language)

    def show_description(self, surface: Surface, language: str) -> None:
        """The surface's description in ``language``."""
        spec = surface.spec
        self.description.setText(spec.description_zh if language == "zh" else spec.description_en)

    def params(self) -> dict[str, float]:
        """The parameters in the editors."""
        return {k: b.value() for k, b in self.param_boxes.items()}

    def show_start(self, x: float, y: float) -> None:
        """Put (x, y) in the start boxes."""
        for box, v in ((self.start_x, x), (self.start_y, y)):
            with signals_blocked(box):
                box.setValue(v)

    def show_steps(self, steps: int) -> None:
        """Put ``steps`` in the steps box."""
        with signals_blocked(self.steps_box):
            self.steps_box.setValue(steps)

    def show_error(self, message: str) -> None:
        """A one-line problem under the editors ('' hides it)."""
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class SettingsColumn(QWidget):
    """The surface box above one card per optimizer and the 'Suggested learning rates' button."""

    def __init__(self, colors: dict[str, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.surface_box = SurfaceBox()
        lay.addWidget(self.surface_box)
        opt_box = QGroupBox(tr("Optimizers (torch.optim)"))
        opt_lay = QVBoxLayout(opt_box)
        opt_lay.setContentsMargins(4, 4, 4, 4)
        self.racers = OptimizerPanel([get_optimizer_spec(n) for n in list_optimizers()], colors)
        opt_lay.addWidget(self.racers)
        self.suggest = QPushButton(tr("Suggested learning rates"))
        self.suggest.setToolTip(tr(
            "Put back the learning rates tuned for this surface (torch's defaults are made for "
            "neural networks and barely move on a 2-D bowl)."
        ))
        opt_lay.addWidget(self.suggest)
        lay.addWidget(opt_box)
        lay.addStretch(1)

    def apply_colors(self) -> None:
        """Follow the theme."""
        self.surface_box.apply_colors()
        self.racers.apply_colors()
