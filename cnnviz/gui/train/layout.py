"""The Train tab's two columns: setup on the left (scrolling, its buttons pinned below), views on the right.

Neither column forces the window wider than the screen: the setup column
scrolls (both ways) above Start / Pause / Stop, which stay in view, and
the toolbars wrap (:mod:`.flow_layout`), so the tab fits a 1280×800
projector at 100 % and a 1920×1080 screen at 200 % zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


def setup_column(lesson_bar: QWidget, setup_form: QWidget, runs_panel: QWidget,
                 controls: QWidget) -> tuple[QWidget, QScrollArea]:
    """The left column and its scroll area: lesson, setup and runs scroll; ``controls`` stay under them."""
    runs_group = QGroupBox(tr("Runs"))
    QVBoxLayout(runs_group).addWidget(runs_panel)
    inner = QWidget()
    box = QVBoxLayout(inner)
    box.addWidget(lesson_bar)
    box.addWidget(setup_form)
    box.addWidget(runs_group, 1)
    scroll = QScrollArea()
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    left = QWidget()
    lv = QVBoxLayout(left)
    lv.setContentsMargins(0, 0, 4, 0)
    lv.addWidget(scroll, 1)
    lv.addWidget(controls)  # under the scroll, never below the fold
    return left, scroll


def view_column(toolbar: QWidget, views: QWidget) -> QWidget:
    """The right column: the plot toolbar over the views."""
    right = QWidget()
    box = QVBoxLayout(right)
    box.setContentsMargins(4, 4, 4, 4)
    box.addWidget(toolbar)
    box.addWidget(views, 1)
    return right


class Columns(QSplitter):
    """Left and right side by side; the left keeps its preferred width (at most 40 %) until the user drags."""

    def __init__(self, left: QWidget, right: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.user_sized = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, *_: object) -> None:
        self.user_sized = True

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:  # noqa: N802 (Qt naming)
        self.user_sized = super().restoreState(state)
        return self.user_sized

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if not self.user_sized and self.count() == 2:
            width = self.width() - self.handleWidth()
            left = self.widget(0)
            assert left is not None
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)  # the setup's vertical one
            wanted = max(left.minimumSizeHint().width(), min(left.sizeHint().width() + bar, int(0.4 * width)))
            self.blockSignals(True)
            self.setSizes([wanted, max(0, width - wanted)])
            self.blockSignals(False)


def columns(left: QWidget, right: QWidget) -> Columns:
    """Left and right side by side; the right one takes the extra width."""
    return Columns(left, right)
