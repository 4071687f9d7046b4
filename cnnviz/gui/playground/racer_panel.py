"""The list of optimizers: each a colour, an on/off switch, its learning rate and
(behind a toggle) its other hyperparameters, plus a live status line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.playground import HyperParam, OptimizerSpec, Trajectory
from cnnviz.gui import theme
from cnnviz.gui.i18n import current_language
from cnnviz.gui.optimizer_labels import optimizer_label
from cnnviz.gui.playground.plot_style import readable_on, window_color
from cnnviz.gui.playground.qt_util import keep_brackets, signals_blocked


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class NumberBox(QDoubleSpinBox):
    """A spin box that shows numbers compactly (0.001, 1e-08) and steps adaptively."""

    def __init__(self, hp: HyperParam, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hp = hp
        self.setDecimals(12)
        low = hp.minimum if hp.min_inclusive else max(hp.minimum, 0.0) + (1e-12 if hp.log_scale else 1e-6)
        high = hp.maximum if hp.max_inclusive else hp.maximum - 1e-6
        self.setRange(low, high)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)  # recompute when typing is finished, not per digit
        self.setAccelerated(True)
        self.setMinimumWidth(86)
        help_text = hp.help_zh if current_language() == "zh" and hp.help_zh else hp.help_en
        self.setToolTip(f"<b>{hp.name}</b>: {help_text}<br>{tr('valid range')}: {hp.range_text()}")

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt naming)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt naming)
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):  # noqa: ANN201 (Qt signature)
        from PySide6.QtGui import QValidator

        stripped = text.strip()
        if stripped in ("", "-", ".", "e", "1e", "1e-"):
            return QValidator.State.Intermediate, text, pos
        try:
            v = float(stripped.replace(",", "."))
        except ValueError:
            # "1e-" and similar partial exponents while typing
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos


class OptimizerCard(QFrame):
    """One optimizer: switch, colour, lr, details and status."""

    sig_changed = Signal(str)
    """Its switch or a hyperparameter changed (the optimizer's name)."""

    def __init__(self, spec: OptimizerSpec, color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.color = QColor(color)
        self.setObjectName("optimizerCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#optimizerCard {{ border-left: 6px solid {color.name()}; border-radius: 3px; }}"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 6, 4)
        outer.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(6)
        language = current_language()
        self.label = optimizer_label(spec.name, language)  # the name the Train tab gives it
        self.enabled = QCheckBox(self.label)
        self.enabled.setToolTip(
            f"<b>{self.label}</b> (torch.optim.{spec.torch_class.__name__})<br>{spec.description(language)}"
        )
        head.addWidget(self.enabled, 1)
        head.addWidget(QLabel("lr"))
        self.boxes: dict[str, NumberBox] = {}
        lr_box = NumberBox(spec.hyperparam("lr"))
        self.boxes["lr"] = lr_box
        head.addWidget(lr_box)
        self.more = QToolButton()
        self.more.setText("⋯")
        self.more.setCheckable(True)
        self.more.setAutoRaise(True)
        self.more.setToolTip(tr("Show the other hyperparameters of this optimizer"))
        head.addWidget(self.more)
        outer.addLayout(head)

        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(18, 0, 0, 2)
        form.setVerticalSpacing(2)
        for hp in spec.hyperparams:
            if hp.name == "lr":
                continue
            box = NumberBox(hp)
            self.boxes[hp.name] = box
            label = QLabel(hp.name)
            label.setToolTip(box.toolTip())
            form.addRow(label, box)
        self.details.setVisible(False)
        outer.addWidget(self.details)
        self.more.toggled.connect(self.details.setVisible)

        self.status = QLabel("")
        self.status.setWordWrap(True)  # two lines rather than clipped when zoomed for a projector
        self._diverged_style = False
        self.status.setToolTip(tr("Loss at the step on screen, or the step at which the path diverged"))
        outer.addWidget(self.status)
        self.apply_colors()

        self.enabled.toggled.connect(lambda _on: self.sig_changed.emit(self.spec.name))
        for box in self.boxes.values():
            box.valueChanged.connect(lambda _v: self.sig_changed.emit(self.spec.name))

    def hyperparams(self) -> dict[str, float]:
        """The values in the editors."""
        return {name: box.value() for name, box in self.boxes.items()}

    def set_hyperparams(self, values: dict[str, float]) -> None:
        """Put ``values`` in the editors without emitting sig_changed."""
        for name, value in values.items():
            box = self.boxes.get(name)
            if box is not None:
                with signals_blocked(box):
                    box.setValue(float(value))

    def set_enabled_silently(self, on: bool) -> None:
        """Switch the optimizer on or off without emitting sig_changed."""
        with signals_blocked(self.enabled):
            self.enabled.setChecked(on)

    def apply_colors(self) -> None:
        """Follow the theme: the name in its optimizer's colour, shifted until readable on the window."""
        name = readable_on(self.color.darker(115), window_color())
        self.enabled.setStyleSheet(f"QCheckBox {{ font-weight: bold; color: {name.name()}; }}")
        self._style_status()

    def set_status(self, text: str, diverged: bool) -> None:
        """The status line (in the error colour when diverged)."""
        self.status.setText(text)
        if diverged != self._diverged_style:  # restyling re-polishes the widget: only on change
            self._diverged_style = diverged
            self._style_status()

    def _style_status(self) -> None:
        error = theme.semantic_color("error").name()
        self.status.setStyleSheet(f"color: {error}; font-weight: bold;" if self._diverged_style else "")


class OptimizerPanel(QWidget):
    """A card per registered optimizer."""

    sig_changed = Signal(str)
    """An optimizer was switched or edited (its name)."""

    def __init__(self, specs: list[OptimizerSpec], colors: dict[str, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.cards: dict[str, OptimizerCard] = {}
        for spec in specs:
            card = OptimizerCard(spec, colors[spec.name])
            card.sig_changed.connect(self.sig_changed)
            self.cards[spec.name] = card
            lay.addWidget(card)
        lay.addStretch(1)

    def enabled_names(self) -> list[str]:
        """Names of the optimizers switched on, in panel order."""
        return [n for n, c in self.cards.items() if c.enabled.isChecked()]

    def hyperparams(self, name: str) -> dict[str, float]:
        """The values in ``name``'s editors."""
        return self.cards[name].hyperparams()

    def set_hyperparams(self, name: str, values: dict[str, float]) -> None:
        """Set ``name``'s editors without emitting sig_changed."""
        self.cards[name].set_hyperparams(values)

    def set_enabled(self, name: str, on: bool) -> None:
        """Switch ``name`` on or off without emitting sig_changed."""
        self.cards[name].set_enabled_silently(on)

    def apply_colors(self) -> None:
        """Follow the theme."""
        for card in self.cards.values():
            card.apply_colors()

    def show_step(self, step: int, shown: dict[str, Trajectory]) -> None:
        """Each card's status at ``step`` of the race ``shown``: its loss and point, or where it diverged."""
        for name, card in self.cards.items():
            t = shown.get(name)
            if t is None:
                card.set_status("", False)
            elif t.diverged_at is not None and step >= t.diverged_at:
                card.set_status(tr("✕ diverged at step {0}").format(t.diverged_at), True)
            else:
                k = min(step, t.last_step)
                x, y = t.xy[k]
                text = tr("loss {0:.3g} at ({1:.3f}, {2:.3f})").format(t.loss[k], x, y)
                card.set_status(keep_brackets(text), False)  # a wrap never splits the point
