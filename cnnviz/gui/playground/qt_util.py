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


NBSP, WORD_JOINER = "\u00a0", "\u2060"


def no_wrap(text: str) -> str:
    """``text`` kept on one line inside a word-wrapped label.

    Spaces become non-breaking and word joiners (U+2060, invisible) flank
    every other non-alphanumeric character, since Unicode line breaking also
    allows breaks around |, /, + and the like.
    """
    out = []
    for ch in text:
        out.append(ch if ch.isalnum() else WORD_JOINER + (NBSP if ch == " " else ch) + WORD_JOINER)
    return "".join(out).strip(WORD_JOINER)


def visible_text(text: str) -> str:
    """What :func:`no_wrap` text reads as (ordinary spaces, no joiners)."""
    return text.replace(WORD_JOINER, "").replace(NBSP, " ")


def wrap_outside_brackets(formula: str) -> str:
    """``formula`` that a word-wrapped label may break only beside a top-level + − = or after a comma.

    "(1.5 − x + xy)² + (2.25 − x + xy²)²" may break around the middle "+", never
    inside a bracket or between factors ("½ xᵀHx"), so no line starts half-way through a term.
    """
    out, depth = [], 0
    for k, ch in enumerate(formula):
        depth += (ch in "([{") - (ch in ")]}")
        if ch == " ":
            before = formula[:k].rstrip()[-1:]
            after = formula[k + 1:].lstrip()[:1]
            breakable = depth == 0 and (before in (",", "+", "−", "-", "=") or after in ("+", "−", "-", "="))
            out.append(ch if breakable else NBSP)
        else:
            out.append(ch)
    return "".join(out)


def keep_brackets(text: str) -> str:
    """``text`` whose bracketed parts ("(-0.000, 1.250)") a word-wrapped label never splits."""
    out, depth = [], 0
    for ch in text:
        depth += (ch in "([{") - (ch in ")]}")
        out.append(NBSP if ch == " " and depth > 0 else ch)
    return "".join(out)
