"""Small pieces the Inspect widgets share: translation, fonts, an image view."""

from __future__ import annotations

import contextlib
from typing import Any

import numpy as np
import pyqtgraph as pg  # after PySide6, so pyqtgraph uses it
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cnnviz.core.session import TRAINED_LABEL

#: Headings and values are this much larger than the application font (which carries the zoom).
BIG_SCALE = 1.25
#: Picture titles inside pyqtgraph scenes, relative to the application font.
TITLE_SCALE = 1.0


def tr(text: str) -> str:
    """Translate an Inspect string."""
    return QCoreApplication.translate("Inspect", text)


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold section title."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * BIG_SCALE)
    label.setFont(font)
    return label


def scene_font_size(scale: float = TITLE_SCALE) -> str:
    """A pyqtgraph text size (``'13.20pt'``) relative to the application font, so it follows the zoom."""
    app = QApplication.instance()
    base = app.font().pointSizeF() if isinstance(app, QApplication) else 10.0
    return f"{max(6.0, base * scale):.2f}pt"


def weights_text(label: str) -> str:
    """core.weights' source label ('random (seed 0)', 'pretrained X', 'file x.pt', Train's) in the interface language."""
    kind, _, rest = label.partition(" ")
    if kind == "random" and rest.startswith("(seed ") and rest.endswith(")"):
        return tr("random weights (seed {0})").format(rest[6:-1])
    if kind == "pretrained" and rest:
        return tr("pretrained {0}").format(rest)
    if kind == "file" and rest:
        return tr("file {0}").format(rest)
    if kind == "weights" and rest.startswith("from "):  # carried by the model file (ONNX)
        return tr("weights from {0}").format(rest[5:])
    if label.startswith(TRAINED_LABEL):
        run = label[len(TRAINED_LABEL):].strip()
        if run.startswith("(") and run.endswith(")"):
            return tr("trained in the Train tab ({0})").format(run[1:-1])
        return tr("trained in the Train tab")
    return label


def explain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A word-wrapped, selectable explanation label."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ElidedLabel(QLabel):
    """One line of text that shortens itself with "…" instead of widening its column (full text in the tooltip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        """Show ``text`` (elided to the width; the whole text as tooltip)."""
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        """The whole text (not the elided one)."""
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M…") * 3), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(10, self.width()))
        super().setText(shown)


class ImageView(pg.GraphicsLayoutWidget):
    """One picture (a persistent row-major ImageItem) in a view with y pointing down.

    Emits ``sig_clicked(y, x)`` in image pixel coordinates and
    ``sig_hover(y, x)`` while the mouse moves over the view (-1, -1 outside).
    """

    sig_clicked = Signal(float, float)
    """The left button was clicked at image pixel (y, x)."""
    sig_hover = Signal(float, float)
    """The mouse is over image pixel (y, x); (-1, -1) when it left."""

    def __init__(self, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setBackground(None)
        self.ci.layout.setContentsMargins(0, 0, 0, 0)
        self._title_text = title
        if title:
            self.title = self.addLabel(title, row=0, col=0, size=scene_font_size(), color=self._text_colour())
        self.view: pg.ViewBox = self.addViewBox(row=1, col=0, lockAspect=True, invertY=True, enableMenu=False)
        self.view.setMouseEnabled(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self._shape: tuple[int, int] = (0, 0)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_move)

    def _text_colour(self) -> object:
        # the palette's text colour (pyqtgraph's default grey reads as "disabled" and fades on a projector)
        return self.palette().color(self.palette().ColorRole.WindowText)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        """A theme switch changed the palette: the title takes the new text colour."""
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "title"):
            self.title.setText(self.title.text, color=self._text_colour())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        """Fit the title to the new width."""
        super().resizeEvent(event)
        if hasattr(self, "title"):
            self._show_title(str(self.title.opts.get("size") or scene_font_size()))

    def _show_title(self, size: str) -> None:
        """The title at ``size``, its middle elided when it is wider than the view."""
        font = QFont(self.font())
        with contextlib.suppress(ValueError):
            font.setPointSizeF(float(size.removesuffix("pt")))
        room = max(24.0, self.width() - 12.0)
        text = QFontMetricsF(font).elidedText(self._title_text, Qt.TextElideMode.ElideMiddle, room)
        self.title.setText(text, size=size, color=self._text_colour())

    def set_title(self, text: str) -> None:
        """Change the title above the picture."""
        if text == self._title_text:
            return  # the same title (every webcam frame or stroke): laying out the label again costs ~1 ms
        self._title_text = text
        if hasattr(self, "title"):
            self._show_title(scene_font_size())

    def set_rgb(self, rgb: np.ndarray | None, *, autorange: bool = True) -> None:
        """Show a uint8 (H, W, 3|4) picture (None clears it); fit it when its size changed."""
        if rgb is None:
            self.image.clear()
            self._shape = (0, 0)
            return
        self.image.setImage(rgb, autoLevels=False, levels=None)  # uint8: shown as it is
        shape = rgb.shape[:2]
        if autorange and shape != self._shape:
            self.view.autoRange(padding=0.01)
        self._shape = shape

    def image_shape(self) -> tuple[int, int]:
        """(H, W) of the shown picture."""
        return self._shape

    def _to_image(self, scene_pos: object) -> tuple[float, float] | None:
        if self._shape == (0, 0) or not self.view.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.view.mapSceneToView(scene_pos)
        y, x = p.y(), p.x()
        if 0 <= y < self._shape[0] and 0 <= x < self._shape[1]:
            return y, x
        return None

    def _on_click(self, event: Any) -> None:  # pyqtgraph's MouseClickEvent (untyped)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self._to_image(event.scenePos())
        if hit is not None:
            self.sig_clicked.emit(*hit)

    def _on_move(self, pos: object) -> None:
        hit = self._to_image(pos)
        self.sig_hover.emit(*(hit if hit is not None else (-1.0, -1.0)))
