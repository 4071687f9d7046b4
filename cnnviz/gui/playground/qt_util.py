"""Small Qt helpers for the playground."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


@contextmanager
def signals_blocked(obj: QObject) -> Iterator[None]:
    """Block ``obj``'s signals inside the ``with`` block.

    Not ``with signals_blocked(obj)``: in PySide6 6.12 its ``__exit__`` drops a
    reference to ``None`` each time, and after a few thousand animation frames
    the interpreter aborts with "none_dealloc".
    """
    was = obj.blockSignals(True)
    try:
        yield
    finally:
        obj.blockSignals(was)


class FitWidthScrollArea(QScrollArea):
    """A vertical scroll area as narrow as its content allows and no narrower.

    Its minimum width follows the content's (fonts grow with the window's
    zoom), so the content never needs a horizontal scroll bar, while its
    height may shrink to anything: the rest scrolls.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        base = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return base
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(content.minimumSizeHint().width() + bar + 2 * self.frameWidth(), base.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's minimum width may have changed: tell our layout
        return super().eventFilter(watched, event)
