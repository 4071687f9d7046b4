"""Small widgets the panel's sections share, all happy in a narrow column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: A combo box shows at least this many characters and may be narrower than its longest item.
COMBO_CHARS = 4
ERROR_STYLE = "QLabel { color: #b00020; }"
NOTE_STYLE = "QLabel { background: #fff3cd; color: #664d03; padding: 4px; border-radius: 4px; }"


def narrow_combo(items: list[tuple[str, Any]], tip: str = "") -> QComboBox:
    """A combo box that fits a narrow panel (long items are elided, the popup shows them whole)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(COMBO_CHARS)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    for text, data in items:
        box.addItem(text, data)
    if tip:
        box.setToolTip(tip)
    return box


def wrapped(text: str = "", style: str = "") -> QLabel:
    """A word-wrapped, selectable label."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(40)  # wraps to the panel's width instead of asking for its longest word
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def error_label() -> QLabel:
    """Where a section says what went wrong (hidden while empty)."""
    label = wrapped(style=ERROR_STYLE)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``, or hide it when empty."""
    label.setText(text)
    label.setVisible(bool(text))


class ButtonRow(QWidget):
    """Buttons side by side sharing the width, stacked one per line when the width cannot hold their text."""

    GAP = 4

    def __init__(self, *buttons: QWidget) -> None:
        super().__init__()
        self.buttons = list(buttons)
        for b in self.buttons:
            b.setParent(self)
        # Preferred, not Fixed: a fixed height would cap it at one line even when the buttons stack
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _needed(self) -> int:
        return sum(b.sizeHint().width() for b in self.buttons) + self.GAP * (len(self.buttons) - 1)

    def _line(self) -> int:
        return max(b.sizeHint().height() for b in self.buttons)

    def stacked(self, width: int | None = None) -> bool:
        """True when the buttons go one per line at ``width`` (default: the current width)."""
        return (self.width() if width is None else width) < self._needed()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        """Stacking depends on the width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        """One line, or one per button."""
        n = len(self.buttons) if self.stacked(width) else 1
        return n * self._line() + (n - 1) * self.GAP

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """All buttons on one line."""
        return QSize(self._needed(), self._line())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """As narrow as the widest button."""
        return QSize(max(b.sizeHint().width() for b in self.buttons), self._line())

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        """Place the buttons for the new width."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place()

    def _place(self) -> None:
        w, line, n = self.width(), self._line(), len(self.buttons)
        if self.stacked():
            for i, b in enumerate(self.buttons):
                b.setGeometry(0, i * (line + self.GAP), w, line)
            return
        extra = (w - self._needed()) / n  # each button gets its text's width and a share of the rest
        x = 0.0
        for b in self.buttons:
            width = b.sizeHint().width() + extra
            b.setGeometry(round(x), 0, round(x + width) - round(x), line)
            x += width + self.GAP

    def event(self, e: object) -> bool:
        """A font change (zoom) changes the buttons' text widths."""
        from PySide6.QtCore import QEvent

        if getattr(e, "type", lambda: None)() in (QEvent.Type.FontChange, QEvent.Type.LayoutRequest):
            self.updateGeometry()  # the buttons' text widths changed: maybe one line, maybe stacked
            self._place()
        return super().event(e)  # type: ignore[arg-type]


def button_row(*buttons: QWidget) -> ButtonRow:
    """Buttons side by side (stacked when the panel is too narrow for their text)."""
    return ButtonRow(*buttons)


class ProgressLine(QWidget):
    """A progress bar with a wrapped text under it; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height())
        self.text = wrapped()
        lay.addWidget(self.bar)
        lay.addWidget(self.text)
        self.hide()

    def set_progress(self, fraction: float, text: str) -> None:
        """Show ``fraction`` and ``text``; a negative fraction hides the line."""
        if fraction < 0:
            self.hide()
            return
        self.bar.setValue(int(round(max(0.0, min(1.0, fraction)) * 1000)))
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.show()


class ElidedToolButton(QToolButton):
    """A tool button whose text is cut with "…" to its width (the whole text is its tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str, tip: str = "") -> None:
        """Show ``text`` (elided when too long)."""
        self._full = text
        self.setToolTip(tip or text)
        self._elide()

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def _elide(self) -> None:
        room = max(20, self.width() - 4 * self.fontMetrics().averageCharWidth())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        """Elide again for the new width."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._elide()

    def changeEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        """A font change (zoom) elides again."""
        from PySide6.QtCore import QEvent

        super().changeEvent(event)  # type: ignore[arg-type]
        if getattr(event, "type", lambda: None)() == QEvent.Type.FontChange:
            self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """Narrow: the text is elided instead."""
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """No wider than a short text: the layout gives it the row."""
        return QSize(80, super().sizeHint().height())
