"""A push button that may shrink to its text when a row is tight (the style's ~80 px is only its preferred width)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


class CompactButton(QPushButton):
    """A QPushButton whose minimum width is its text plus a little padding, following the font (zoom)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # QPushButton's Minimum never goes below the hint
        self.setSizePolicy(policy)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        fm = self.fontMetrics()
        return QSize(min(hint.width(), fm.horizontalAdvance(self.text().replace("&", "")) + 2 * fm.averageCharWidth()),
                     hint.height())
