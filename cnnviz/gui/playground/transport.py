"""The race's transport buttons: with their words when there is room, icons only when the
column is narrow (a projector at 150 % zoom), so the row never forces the window wider."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget


class TransportBar(QWidget):
    """A row of tool buttons; ``compactable`` ones drop their text when the row is too narrow for it.

    The tooltips keep the words (and the keyboard shortcuts) in icon-only mode.
    """

    def __init__(self, buttons: list[QToolButton], compactable: list[QToolButton],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self.compactable = compactable
        self._probe = QToolButton()  # measures a button's width in either style without touching it
        self._probe.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for b in buttons:
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            lay.addWidget(b)
        lay.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _width(self, b: QToolButton, style: Qt.ToolButtonStyle) -> int:
        p = self._probe
        p.setFont(b.font())
        p.setIcon(b.icon())
        p.setIconSize(b.iconSize())
        p.setText(b.text())
        p.setToolButtonStyle(style)
        return p.sizeHint().width()

    def row_width(self, compact: bool) -> int:
        """The row's width with the compactable buttons as icons only (``compact``) or with words."""
        layout = self.layout()
        spacing = max(0, layout.spacing() if layout is not None else 0) * (len(self.buttons) - 1)
        total = 0
        for b in self.buttons:
            icon_only = compact and b in self.compactable
            style = Qt.ToolButtonStyle.ToolButtonIconOnly if icon_only else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            total += self._width(b, style)
        return total + spacing

    @property
    def compact(self) -> bool:
        """True while the compactable buttons show icons only."""
        return any(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly for b in self.compactable)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self.row_width(compact=True), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self.row_width(compact=False), super().sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the words may no longer fit, or fit again
            self.updateGeometry()
            self.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._fit(event.size().width())

    def refit(self) -> None:
        """Choose words or icons again (the text or the font changed)."""
        self._fit(self.width())

    def _fit(self, width: int) -> None:
        style = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon if width >= self.row_width(compact=False)
                 else Qt.ToolButtonStyle.ToolButtonIconOnly)
        for b in self.compactable:
            if b.toolButtonStyle() != style:
                b.setToolButtonStyle(style)
