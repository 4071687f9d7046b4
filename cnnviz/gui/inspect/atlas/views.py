"""Pictures of the "What it detects" panel: a grid of receptive-field crops with their values.

:class:`CropGrid` paints tiles (a crop, a caption under it) in as many
columns as fit, or a fixed number (3 for a top 9). A crop's padded part is
the core's grey checkerboard; the grid also outlines the real image part
with a dashed line, so a crop at the border reads as "partly outside the
image". Tiles grow with the panel's width and never shrink below a readable
size that follows the zoom; the widget asks for the height its rows need,
so the page around it scrolls.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Smallest tile side at zoom 1 (pixels).
MIN_TILE = 40
#: Largest tile side at zoom 1 (pixels): bigger looks blurry and wastes the panel.
MAX_TILE = 160
GAP = 4


@dataclass(frozen=True)
class Tile:
    """One cell: a crop (uint8 H×W×3, or None when its image cannot be read), a caption, a tooltip."""

    rgb: np.ndarray | None
    caption: str
    tooltip: str = ""
    key: int = -1  # what a click reports (a channel number)
    inside: tuple[int, int, int, int] | None = None  # real image part in crop pixels: top, left, bottom, right
    badge: str = ""  # drawn in the crop's corner (a channel number)


def rgb_qimage(rgb: np.ndarray) -> QImage:
    """A uint8 H×W×3 array as a QImage that owns its pixels."""
    a = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    h, w = a.shape[:2]
    return QImage(a.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class CropGrid(QWidget):
    """Tiles of crops with captions; emits ``sig_clicked(key)`` when one is clicked."""

    sig_clicked = Signal(int)
    """A tile was clicked: its key (a channel number)."""

    def __init__(self, columns: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.zoom = 1.0
        self.tiles: list[Tile] = []
        self._images: list[QImage | None] = []
        self.selected: int | None = None
        self.empty_text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------ content
    def set_tiles(self, tiles: list[Tile], empty_text: str = "") -> None:
        """Show ``tiles`` (an empty list shows ``empty_text``)."""
        self.tiles = list(tiles)
        self._images = [rgb_qimage(t.rgb) if t.rgb is not None and t.rgb.size else None for t in self.tiles]
        self.empty_text = empty_text
        self.updateGeometry()
        self.update()

    def set_selected(self, key: int | None) -> None:
        """Outline the tile with ``key`` (None: none)."""
        if key != self.selected:
            self.selected = key
            self.update()

    def set_zoom(self, zoom: float) -> None:
        """The smallest tile follows the zoom."""
        self.zoom = max(0.5, float(zoom))
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------ geometry
    def caption_height(self) -> int:
        """Room under each crop for its caption."""
        return self.fontMetrics().height() + 2

    def grid_geometry(self, width: int | None = None) -> tuple[int, int, int]:
        """(columns, rows, tile side) for ``width`` (default: the widget's)."""
        width = max(1, self.width() if width is None else width)
        n = max(1, len(self.tiles))
        lo, hi = round(MIN_TILE * self.zoom), round(MAX_TILE * self.zoom)
        # a fixed number of columns shrinks its tiles in a narrow panel; otherwise tiles stay readable
        cols = self.columns or max(1, min(n, (width + GAP) // (lo + GAP)))
        side = max(8, min((width - GAP * (cols - 1)) // cols, hi))
        rows = math.ceil(len(self.tiles) / cols) if self.tiles else 0
        return cols, rows, side

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        """Rows follow the width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        """The height the rows need at ``width``."""
        _, rows, side = self.grid_geometry(width)
        if not rows:
            return self.fontMetrics().lineSpacing() * 3
        return rows * (side + self.caption_height()) + GAP * (rows - 1)

    def tile_rect(self, i: int) -> QRect:
        """Where tile ``i``'s crop is drawn (without its caption)."""
        cols, _, side = self.grid_geometry()
        r, c = divmod(i, cols)
        return QRect(c * (side + GAP), r * (side + self.caption_height() + GAP), side, side)

    def tile_at(self, pos: QPoint) -> int | None:
        """Index of the tile under ``pos``, or None."""
        cols, _, side = self.grid_geometry()
        c, r = pos.x() // (side + GAP), pos.y() // (side + self.caption_height() + GAP)
        i = int(r * cols + c)
        if c < cols and 0 <= i < len(self.tiles):
            rect = self.tile_rect(i)
            if rect.adjusted(0, 0, 0, self.caption_height()).contains(pos):
                return i
        return None

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """Narrow: the grid adapts its columns (fixed-column grids shrink their tiles)."""
        return QSize(3 * 24, self.heightForWidth(3 * 24))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """A comfortable width for three tiles."""
        w = 3 * (round(MIN_TILE * self.zoom) + 24)
        return QSize(w, self.heightForWidth(w))

    def changeEvent(self, event: object) -> None:  # noqa: N802 (Qt naming)
        """A font change (zoom) changes the caption height."""
        from PySide6.QtCore import QEvent

        super().changeEvent(event)  # type: ignore[arg-type]
        if getattr(event, "type", lambda: None)() == QEvent.Type.FontChange:
            self.updateGeometry()

    # ------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        """Draw the visible tiles."""
        p = QPainter(self)
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        if not self.tiles:
            p.setPen(text)
            p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            p.end()
            return
        visible = event.rect()
        ch = self.caption_height()
        for i, tile in enumerate(self.tiles):
            rect = self.tile_rect(i)
            if not rect.adjusted(0, 0, 0, ch).intersects(visible):
                continue
            img = self._images[i]
            if img is None:
                p.fillRect(rect, QColor(60, 60, 60))
                p.setPen(QColor(200, 200, 200))
                p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "?")
            else:
                scale = min(rect.width() / img.width(), rect.height() / img.height())
                w, h = img.width() * scale, img.height() * scale
                target = QRectF(rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2, w, h)
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale < 1)
                p.drawImage(target, img)
                if tile.inside is not None:
                    top, left, bottom, right = tile.inside
                    pen = QPen(QColor(255, 200, 0), 1.5, Qt.PenStyle.DashLine)
                    p.setPen(pen)
                    p.drawRect(QRectF(target.x() + left * scale, target.y() + top * scale,
                                      (right - left) * scale, (bottom - top) * scale))
            if tile.badge:
                fm = self.fontMetrics()
                box = QRect(rect.x(), rect.y(), fm.horizontalAdvance(tile.badge) + 6, fm.height())
                p.fillRect(box, QColor(0, 0, 0, 170))
                p.setPen(QColor(255, 255, 255))
                p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), tile.badge)
            if tile.key == self.selected and tile.key >= 0:
                p.setPen(QPen(pal.color(pal.ColorRole.Highlight), 3))
                p.drawRect(rect.adjusted(1, 1, -2, -2))
            p.setPen(text)
            cap = QRect(rect.x(), rect.bottom() + 1, rect.width(), ch)
            caption = self.fontMetrics().elidedText(tile.caption, Qt.TextElideMode.ElideRight, rect.width())
            p.drawText(cap, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), caption)
        p.end()

    # ------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        """A left click on a tile reports its key."""
        if event.button() == Qt.MouseButton.LeftButton:
            i = self.tile_at(event.position().toPoint())
            if i is not None and self.tiles[i].key >= 0:
                self.sig_clicked.emit(self.tiles[i].key)
                return
        super().mousePressEvent(event)

    def event(self, e: object) -> bool:
        """Tooltips per tile."""
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QToolTip

        if getattr(e, "type", lambda: None)() == QEvent.Type.ToolTip:
            i = self.tile_at(e.pos())  # type: ignore[attr-defined]
            if i is not None and self.tiles[i].tooltip:
                QToolTip.showText(e.globalPos(), self.tiles[i].tooltip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(e)  # type: ignore[arg-type]


def signed_rgba(values: np.ndarray, max_alpha: int = 190) -> np.ndarray:
    """A signed map in [-1, 1] as uint8 RGBA: red for positive, blue for negative, opacity with |value|."""
    from cnnviz.core.render import apply_colormap

    v = np.clip(np.nan_to_num(np.asarray(values, np.float32)), -1.0, 1.0)
    rgba = np.empty((*v.shape, 4), np.uint8)
    rgba[..., :3] = apply_colormap((v + 1.0) / 2.0, "coolwarm")
    rgba[..., 3] = np.rint(np.sqrt(np.abs(v)) * max_alpha).astype(np.uint8)
    return rgba


def blend(rgb: np.ndarray, rgba: np.ndarray) -> np.ndarray:
    """``rgba`` laid over ``rgb`` (both H×W, uint8): what the input panel shows, as one picture."""
    a = rgba[..., 3:4].astype(np.float32) / 255.0
    out = rgb[..., :3].astype(np.float32) * (1 - a) + rgba[..., :3].astype(np.float32) * a
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)
