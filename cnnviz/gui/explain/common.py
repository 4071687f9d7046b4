"""Small helpers shared by the Explain pages: translation, number format, colours, spin boxes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QResizeEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QSpinBox, QWidget

CONTEXT = "Explain"

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
WINDOW = QColor("#E69F00")  # orange: the sliding window
OUTPUT = QColor("#0072B2")  # blue: the output cell being written
KERNEL = QColor("#009E73")  # green: the kernel
PADDING = QColor("#D9D9D9")
DROPPED = QColor("#D55E00")  # vermillion: never covered
INK = QColor("#1A1A1A")
LAYER_COLORS = [QColor(c) for c in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")]


#: Numbers in cells are at least this many times the body text (which carries the zoom), where they fit.
CELL_TEXT_SCALE = 1.15
#: The smallest pixel size a cell number is drawn at (fitting a long number into a small cell).
MIN_CELL_TEXT_PX = 6
#: Free pixels left and right of the widest number in a cell.
CELL_TEXT_MARGIN = 3.0


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


def cell_font(base: QFont, cell: float, texts: Iterable[str], bold: bool = False) -> QFont:
    """The font for the numbers of one grid of ``cell``-px cells: readable, growing with the zoom, never clipped.

    At least the body text size (``base``, the widget's font, carries the
    zoom) and larger in large cells; then shrunk until the widest of
    ``texts`` fits inside a cell with a small margin.
    """
    body_px = QFontInfo(base).pixelSize()
    px = min(max(cell * 0.34, body_px * CELL_TEXT_SCALE), cell * 0.62)
    font = QFont(base)
    font.setBold(bold)
    font.setPixelSize(max(MIN_CELL_TEXT_PX, int(px)))
    widest = max((QFontMetricsF(font).horizontalAdvance(t) for t in texts), default=0.0)
    room = cell - 2 * CELL_TEXT_MARGIN
    size = font.pixelSize()
    if widest > room > 0:
        size = max(MIN_CELL_TEXT_PX, int(size * room / widest))
        font.setPixelSize(size)
        while size > MIN_CELL_TEXT_PX and max(QFontMetricsF(font).horizontalAdvance(t) for t in texts) > room:
            size -= 1
            font.setPixelSize(size)
    return font


class CellTexts(list):
    """The numbers a canvas drew in its last paint, with their cells and fonts (tests read them)."""

    def draw(self, painter: QPainter, rect: QRectF, text: str) -> None:
        """Draw ``text`` centred in ``rect`` with the painter's font, and remember it."""
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        self.append((QRectF(rect), text, QFont(painter.font())))


def fmt_real(value: float) -> str:
    """A measured value (an activation, a weight): three significant digits, a true minus sign."""
    v = float(value)
    if v in (float("inf"), float("-inf")):
        return "∞" if v > 0 else "−∞"
    if v == 0:
        return "0"
    text = f"{v:.3g}" if abs(v) >= 1e-3 else f"{v:.1e}"
    return text.replace("-", "−")


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
        content = self.widget()
        inner = content.minimumSizeHint().width() if content is not None else 0
        return QSize(inner + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(),
                     super().minimumSizeHint().height())


class ElidingGroupBox(QGroupBox):
    """A group box whose long title ends in "…" when the box is narrow (the full title is its tooltip).

    A plain QGroupBox is never narrower than its title, which at 200 % zoom set the Explain tab's width.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_title = ""

    def setTitle(self, title: str) -> None:  # noqa: N802 (Qt naming)
        """Keep the full title; show as much of it as the width allows."""
        self._full_title = title
        self._elide()

    def full_title(self) -> str:
        """The title as set (the box may show it shortened)."""
        return self._full_title

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """As narrow as the contents allow, whatever the title's length."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None:
            return hint
        return QSize(layout.totalMinimumSize().width(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(0, self.width() - 4 * self.fontMetrics().averageCharWidth())
        shown = self.fontMetrics().elidedText(self._full_title, Qt.TextElideMode.ElideRight, room)
        super().setTitle(shown)
        self.setToolTip(self._full_title if shown != self._full_title else "")
