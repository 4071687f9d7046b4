"""Maps as pictures: colouring (over the input or alone) and a grid of equal tiles that reflows with the width.

Every map is drawn on the same scale: unsigned maps from 0 (dark) to their
own peak = 1 (bright, ``inferno``); signed maps (gradient × input,
Integrated Gradients, occlusion) from −1 (blue, against the class) to +1
(red, for it) by their largest absolute value (``coolwarm``), as
:meth:`~cnnviz.core.attribution.AttributionMap.normalized` gives them. Over
the input, a pixel's opacity grows with its strength so the picture shows
through where the map is weak.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cnnviz.gui.inspect.common import ImageView

UNSIGNED_COLORMAP = "inferno"
SIGNED_COLORMAP = "coolwarm"
#: A tile is at least this wide at zoom 1 (it grows with the zoom; more room gives more columns).
MIN_TILE = 88
MAX_ALPHA = 200
#: The frame of a marked tile (the best layer); readable on light and dark themes.
MARK_COLOUR = "#e0a100"


def colour_map(normalized: np.ndarray, signed: bool) -> np.ndarray:
    """A normalised map ([0, 1], or [-1, 1] when ``signed``) as uint8 RGB (H, W, 3)."""
    from cnnviz.core.render import apply_colormap

    n = np.nan_to_num(np.asarray(normalized, np.float32))
    if signed:
        return apply_colormap(np.clip((n + 1.0) * 0.5, 0.0, 1.0), SIGNED_COLORMAP)
    return apply_colormap(np.clip(n, 0.0, 1.0), UNSIGNED_COLORMAP)


def render_map(normalized: np.ndarray, signed: bool, display: np.ndarray | None, overlay: bool) -> np.ndarray:
    """The map as uint8 RGB (H, W, 3): alone, or laid over ``display`` (the model input, same H×W)."""
    rgb = colour_map(normalized, signed)
    if not overlay or display is None or display.shape[:2] != rgb.shape[:2]:
        return rgb
    strength = np.clip(np.abs(np.nan_to_num(np.asarray(normalized, np.float32))), 0.0, 1.0)
    alpha = (np.sqrt(strength) * (MAX_ALPHA / 255.0))[..., None]
    base = display[..., :3].astype(np.float32)
    return np.clip(base * (1.0 - alpha) + rgb.astype(np.float32) * alpha + 0.5, 0, 255).astype(np.uint8)


def legend_pixmap(colormap: str, width: int, height: int) -> QPixmap:
    """A horizontal gradient of ``colormap``, ``width`` × ``height`` pixels."""
    from cnnviz.core.render import apply_colormap

    row = apply_colormap(np.linspace(0.0, 1.0, max(2, width), dtype=np.float32)[None, :], colormap)
    rgb = np.ascontiguousarray(np.repeat(row, max(1, height), axis=0))
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.shape[1] * 3, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image.copy())


@dataclass(frozen=True)
class Tile:
    """One picture of a grid."""

    key: str
    title: str
    rgb: np.ndarray  # uint8 (H, W, 3)
    tooltip: str = ""
    marked: bool = False  # drawn with a frame (the best layer, a flagged method)


class TileView(QWidget):
    """One tile: a title that wraps onto two lines above a square picture; click the picture to open it."""

    sig_clicked = Signal()
    """The picture was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.view = ImageView()
        self.view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.view.sig_clicked.connect(lambda _y, _x: self.sig_clicked.emit())
        lay.addWidget(self.title)
        lay.addWidget(self.view, 1)

    def title_height(self) -> int:
        """Room for two lines of title."""
        return 2 * self.title.fontMetrics().lineSpacing() + 2

    def set_content(self, tile: Tile) -> None:
        """Show ``tile``'s title, picture, tooltip and mark."""
        self.title.setText(tile.title)
        self.title.setFixedHeight(self.title_height())
        self.view.set_rgb(tile.rgb)
        self.setToolTip(tile.tooltip)
        self.view.setStyleSheet(f"border: 3px solid {MARK_COLOUR};" if tile.marked else "border: none;")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        """Keep the whole picture in view at the new size."""
        super().resizeEvent(event)
        if self.view.image_shape() != (0, 0):
            self.view.view.autoRange(padding=0.01)


class TileGrid(QWidget):
    """Equal tiles in as many columns as the width allows at the current zoom; click one to open it.

    Tiles are kept and updated (``ImageView.set_rgb``) rather than rebuilt
    when only their pictures change.
    """

    sig_clicked = Signal(str)
    """A tile was clicked (its key)."""

    def __init__(self, parent: QWidget | None = None, min_tile: int = MIN_TILE) -> None:
        super().__init__(parent)
        self.min_tile = min_tile
        self.zoom = 1.0
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.views: dict[str, TileView] = {}
        self.tiles: list[Tile] = []
        self._columns = 0
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # as tall as its rows

    def set_tiles(self, tiles: list[Tile]) -> None:
        """Show ``tiles`` (in order); views of keys seen before are reused."""
        keys = [t.key for t in tiles]
        for key in list(self.views):
            if key not in keys:
                view = self.views.pop(key)
                self._layout.removeWidget(view)
                view.deleteLater()
        for tile in tiles:
            if tile.key not in self.views:
                fresh = TileView()
                fresh.sig_clicked.connect(lambda key=tile.key: self.sig_clicked.emit(key))
                self.views[tile.key] = fresh
            self.views[tile.key].set_content(tile)
        self.tiles = list(tiles)
        self._columns = 0  # force a re-layout
        self._relayout()

    def set_zoom(self, zoom: float) -> None:
        """Tiles grow with the presentation zoom."""
        self.zoom = max(0.5, float(zoom))
        self._columns = 0
        self._relayout()

    def columns_for(self, width: int) -> int:
        """How many tiles fit side by side in ``width`` pixels."""
        spacing = self._layout.spacing()
        return max(1, (max(1, width) + spacing) // (round(self.min_tile * self.zoom) + spacing))

    def tile_side(self) -> int:
        """The width (and picture height) of one tile now."""
        cols = max(1, self._columns)
        return max(16, (self.width() - self._layout.spacing() * (cols - 1)) // cols)

    def _relayout(self) -> None:
        cols = min(self.columns_for(self.width()), max(1, len(self.tiles)))
        if cols != self._columns:
            self._columns = cols
            for view in self.views.values():
                self._layout.removeWidget(view)
            for i, tile in enumerate(self.tiles):
                self._layout.addWidget(self.views[tile.key], i // cols, i % cols)
            for c in range(max(self._layout.columnCount(), cols)):
                self._layout.setColumnStretch(c, 1 if c < cols else 0)
        side = self.tile_side()
        height = side
        for view in self.views.values():
            view.title.setFixedHeight(view.title_height())
            height = side + view.title_height() + 1
            if view.height() != height or view.minimumHeight() != height:
                view.setFixedHeight(height)
        rows = (len(self.tiles) + cols - 1) // cols
        self.setMinimumHeight(rows * height + max(0, rows - 1) * self._layout.spacing())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        """Reflow the tiles for the new width."""
        super().resizeEvent(event)
        self._relayout()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """As wide as two tiles; as tall as the rows need."""
        return QSize(2 * round(self.min_tile * self.zoom), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """Narrow: one small tile (the grid never widens the window)."""
        return QSize(48, self.minimumHeight())


class Swatch(QWidget):
    """A small gradient with a caption after it (the colour scale of a grid); it follows the zoom."""

    def __init__(self, colormap: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colormap = colormap
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.bar = QLabel()
        self.bar.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.bar, 0, 0)
        lay.addWidget(self.label, 0, 1)
        lay.setColumnStretch(1, 1)
        self.refresh()

    def refresh(self) -> None:
        """Size the gradient to the current font (after a zoom)."""
        h = max(8, self.fontMetrics().height() - 4)
        self.bar.setPixmap(legend_pixmap(self.colormap, 5 * h, h))
