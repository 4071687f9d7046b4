"""Three columns that reflow: side by side when they fit, else a side column folds behind a button.

The centre column always stays. When the space is too narrow for all three
at their minimum widths (a small screen, or a large presentation zoom), the
left column folds first. Two checkable buttons (placed by the owner, typically
in the centre column's header) then work like a pair of tabs: one shows the
left column in place of the right one, the other the right in place of the left. The widget's minimum size is that of the
narrowest arrangement, so the columns never push the window past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QToolButton, QWidget

LEFT, RIGHT = "left", "right"


def min_width(widget: QWidget) -> int:
    """The narrowest a layout would make ``widget``."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


def arrangement(width: int, widths: tuple[int, int, int], handle: int, wanted: str | None) -> tuple[bool, bool]:
    """Which side columns to show (left, right) in ``width`` px, the centre being always shown.

    ``widths`` are the columns' minimum widths; ``wanted`` is the side the user
    asked for when not all fit (None: the right one if it fits, else the left
    if it fits, else neither).
    """
    left, centre, right = widths
    if left + centre + right + 2 * handle <= width:
        return True, True
    if wanted == LEFT:
        return True, False
    if wanted == RIGHT:
        return False, True
    if centre + right + handle <= width:
        return False, True
    return centre + left + handle <= width, False


class ReflowColumns(QWidget):
    """A splitter of three columns that folds a side column when they do not fit."""

    def __init__(self, left: QWidget, centre: QWidget, right: QWidget, sizes: tuple[int, int, int],
                 labels: tuple[tuple[str, str], tuple[str, str]], parent: QWidget | None = None) -> None:
        """``labels``: (text, tooltip) of the buttons that show the left and the right column when folded."""
        super().__init__(parent)
        self.columns = (left, centre, right)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        for i, (column, stretch) in enumerate(zip(self.columns, (0, 3, 2), strict=True)):
            self.splitter.addWidget(column)
            self.splitter.setStretchFactor(i, stretch)
        self.splitter.setSizes(list(sizes))
        self.left_button = self._button(*labels[0])
        self.right_button = self._button(*labels[1])
        self.left_button.toggled.connect(lambda on: self._ask(LEFT, on))
        self.right_button.toggled.connect(lambda on: self._ask(RIGHT, on))
        self._wanted: str | None = None
        self._arranging = False

    def _button(self, text: str, tip: str) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setCheckable(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep Space for play/pause
        b.hide()
        return b

    @property
    def folded(self) -> bool:
        """True while a side column is folded away."""
        return not (self.columns[0].isVisibleTo(self) and self.columns[2].isVisibleTo(self))

    def _ask(self, side: str, on: bool) -> None:
        if self._arranging:
            return
        self._wanted = side if on else (RIGHT if side == LEFT else LEFT)  # one side or the other
        self.reflow()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        heights = [c.minimumSizeHint().height() for c in self.columns]
        return QSize(min_width(self.columns[1]), max(heights))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return self.splitter.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self.reflow()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a column's minimum width changed (zoom, text)
            self.updateGeometry()
            self.reflow()
        return super().event(event)

    def reflow(self) -> None:
        """Choose the columns shown for the current width and give the splitter all the room."""
        if self._arranging:
            return
        self._arranging = True
        try:
            left, centre, right = self.columns
            widths = (min_width(left), min_width(centre), min_width(right))
            handle = self.splitter.handleWidth()
            show_left, show_right = arrangement(self.width(), widths, handle, self._wanted)
            all_fit = sum(widths) + 2 * handle <= self.width()
            left.setVisible(show_left)
            right.setVisible(show_right)
            for button, shown in ((self.left_button, show_left), (self.right_button, show_right)):
                button.setVisible(not all_fit)
                button.setChecked(shown)
            self.splitter.setGeometry(self.rect())
        finally:
            self._arranging = False
