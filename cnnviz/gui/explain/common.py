"""Small helpers shared by the Explain pages: translation, number format, colours, spin boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QScrollArea, QSpinBox, QWidget

CONTEXT = "Explain"

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
WINDOW = QColor("#E69F00")  # orange: the sliding window
OUTPUT = QColor("#0072B2")  # blue: the output cell being written
KERNEL = QColor("#009E73")  # green: the kernel
PADDING = QColor("#D9D9D9")
DROPPED = QColor("#D55E00")  # vermillion: never covered
INK = QColor("#1A1A1A")
LAYER_COLORS = [QColor(c) for c in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")]


def tr(text: str) -> str:
    """Translate an Explain-tab string."""
    return QCoreApplication.translate(CONTEXT, text)


def fmt(value: float) -> str:
    """A cell value for display: integers plain, others with two decimals; a true minus sign."""
    v = float(value)
    if v == float("-inf"):
        return "−∞"
    text = str(int(v)) if v.is_integer() else f"{v:.2f}"
    return "0" if text in ("-0", "-0.00") else text.replace("-", "−")


def spin(lo: int, hi: int, value: int, tip: str, parent: QWidget | None = None) -> QSpinBox:
    """An integer spin box with a tooltip that explains it."""
    box = QSpinBox(parent)
    box.setRange(lo, hi)
    box.setValue(value)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box


def big_label(text: str = "", scale: float = 1.35, bold: bool = False) -> QLabel:
    """A label with a larger font (projector-readable), word-wrapped, selectable."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse)
    return label


class ColumnScroll(QScrollArea):
    """A column that scrolls vertically when zoomed text needs more height, and is always as wide as it needs."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """The content's minimum width plus room for the scroll bar; any height."""
        inner = self.widget().minimumSizeHint().width() if self.widget() is not None else 0
        return QSize(inner + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(),
                     super().minimumSizeHint().height())
