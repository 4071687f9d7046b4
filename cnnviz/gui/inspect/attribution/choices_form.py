"""The attribution panel's choices: which methods, what to explain, the CAM layer, over the input or alone.

The form only shows and edits :class:`~.controller.AttributionController`'s choices;
the controller decides what to compute.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from cnnviz.gui.i18n import translate_message
from cnnviz.gui.inspect.attribution.controller import spatial_layers
from cnnviz.gui.inspect.common import tr

if TYPE_CHECKING:
    from cnnviz.gui.inspect.attribution.controller import AttributionController


def combo(min_chars: int = 8) -> QComboBox:
    """A combo box whose width does not follow its longest item (long layer or class names)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(min_chars)
    box.setMinimumWidth(40)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def output_classes(forward: Any, session: Any) -> int:
    """How many classes the model outputs (from the last forward pass), 0 when unknown."""
    out = getattr(forward, "output", None)
    if out is None or session is None or getattr(forward, "session_id", None) != session.session_id:
        return 0
    return int(out.shape[1]) if out.dim() == 2 else 0


class ChoicesForm(QWidget):
    """Methods ▾, Explain [target], the class search, CAM layer [layer], ☑ Over the input.

    A narrow panel wraps each label above its box. ``overlay_box`` is wired by the owner
    (the overlay is a drawing choice, not the controller's).
    """

    def __init__(self, controller: AttributionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.class_count = 0  # classes the model outputs: bounds a typed class number
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow panel: labels above their boxes
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.methods_button = self._build_methods_menu()
        self.target_box = combo(5)
        for text, kind in ((tr("Top class"), "top"), (tr("A class…"), "class"), (tr("Selected unit"), "unit")):
            self.target_box.addItem(text, kind)
        self.target_box.setToolTip(tr("What to explain: the class the model scores highest, a class you pick, "
                                      "or the unit you clicked in the activation maps"))
        self.target_box.activated.connect(lambda _: self.target_from_widgets())
        self.class_box = self._build_class_search()
        self.layer_box = combo(5)
        self.layer_box.setToolTip(tr("The layer the CAM methods explain from; by default the layer selected in "
                                     "the tree when its output is a map, else the last convolutional stage"))
        self.layer_box.activated.connect(lambda _: controller.set_layer_pin(self.layer_box.currentData()))
        self.overlay_box = QCheckBox(tr("Over the input"))
        self.overlay_box.setChecked(True)
        self.overlay_box.setToolTip(tr("Draw each map over the picture the model sees, or alone"))
        form.addRow(self.methods_button)
        form.addRow(tr("Explain"), self.target_box)
        form.addRow(self.class_box)
        form.addRow(tr("CAM layer"), self.layer_box)
        form.addRow(self.overlay_box)

    def _build_methods_menu(self) -> QToolButton:
        """A button whose menu has one check box per method, in sections by family."""
        from cnnviz.core.attribution import list_methods

        button = QToolButton()
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolTip(tr("Which attribution methods to show side by side"))
        menu = QMenu(button)
        self.method_boxes: dict[str, QCheckBox] = {}
        family_titles = {"cam": tr("Class activation maps (need a layer)"), "gradient": tr("Gradients of the input"),
                         "perturbation": tr("Perturbation")}
        family = None
        for info in list_methods():
            if info.family != family:
                family = info.family
                menu.addSection(family_titles.get(family, family))
            box = QCheckBox(translate_message(info.label))
            box.setToolTip(tr("{0}\nCost: {1}").format(info.paper, translate_message(info.cost)))
            box.toggled.connect(lambda _=False: self._methods_from_boxes())
            act = QWidgetAction(menu)
            holder = QWidget()
            hl = QHBoxLayout(holder)
            hl.setContentsMargins(8, 2, 8, 2)
            hl.addWidget(box)
            act.setDefaultWidget(holder)
            menu.addAction(act)
            self.method_boxes[info.name] = box
        button.setMenu(menu)
        return button

    def _build_class_search(self) -> QComboBox:
        """An editable class box that completes on any part of a class name."""
        box = combo(6)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = box.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("Search classes…"))
        completer = QCompleter(box.model(), box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        box.activated.connect(lambda _: self.target_from_widgets())
        completer.activated.connect(lambda _: self.target_from_widgets())
        return box

    # ------------------------------------------------------------ widgets → controller
    def _methods_from_boxes(self) -> None:
        chosen = [name for name, box in self.method_boxes.items() if box.isChecked()]
        self.controller.set_methods(chosen)

    def target_from_widgets(self) -> None:
        """Send the target box's kind and the class box's class to the controller."""
        kind = self.target_box.currentData() or "top"
        index = self._class_from_box()
        if kind == "class" and index is None:
            self.class_box.setFocus()
        self.controller.set_target(kind, index)

    def _class_from_box(self) -> int | None:
        text = self.class_box.currentText().strip()
        i = self.class_box.findText(text)
        if i >= 0:
            return int(self.class_box.itemData(i))
        head = text.split("·")[0].strip()
        return int(head) if head.isdigit() and int(head) < max(1, self.class_count) else None

    # ------------------------------------------------------------ controller → widgets
    def set_model(self, session: Any, class_names: Sequence[str] | None, class_count: int) -> None:
        """Another model: its classes and its spatial layers in the boxes (no signal fires)."""
        self.class_count = class_count
        self.class_box.blockSignals(True)
        self.class_box.clear()
        for i in range(class_count):
            self.class_box.addItem(f"{i} · {class_names[i]}" if class_names else str(i), i)
        self.class_box.setCurrentIndex(-1)
        self.class_box.blockSignals(False)
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.addItem(tr("Follow the selected layer"), "")
        for key in spatial_layers(session):
            self.layer_box.addItem(key, key)
        self.layer_box.blockSignals(False)

    def sync(self) -> None:
        """Show the controller's choices (after a lesson or a model switch)."""
        c = self.controller
        for name, box in self.method_boxes.items():
            box.blockSignals(True)
            box.setChecked(name in c.methods)
            box.blockSignals(False)
        self.methods_button.setText(tr("Methods ({0})").format(len(c.methods)))
        self.target_box.setCurrentIndex(max(0, self.target_box.findData(c.target_kind)))
        if c.class_index is not None:
            i = self.class_box.findData(c.class_index)
            if i >= 0:
                self.class_box.setCurrentIndex(i)
            else:
                self.class_box.setEditText(str(c.class_index))
        self.class_box.setVisible(c.target_kind == "class")
        i = self.layer_box.findData(c.layer_pin or "")
        if i < 0 and c.layer_pin:  # a lesson's layer this model may not have: shown, and the core says why
            self.layer_box.addItem(c.layer_pin, c.layer_pin)
            i = self.layer_box.count() - 1
        self.layer_box.setCurrentIndex(max(0, i))
