"""The Train tab's two columns: setup on the left (scrolling, its buttons pinned below), views on the right.

Neither column forces the window wider than the screen: the setup column
scrolls (both ways) above Start / Pause / Stop, which stay in view, and
the toolbars wrap (:mod:`.flow_layout`), so the tab fits a 1280×800
projector at 100 % and a 1920×1080 screen at 200 % zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget


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


def columns(left: QWidget, right: QWidget) -> QSplitter:
    """Left and right side by side; the right one takes the extra width."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([460, 1100])
    return splitter
