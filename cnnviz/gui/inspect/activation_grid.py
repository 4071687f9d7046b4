"""Every channel of the selected layer as ONE image, with a colour bar and numbers.

The picture is ``core.render.mosaic(...).to_rgba(colormap, out=buffer)``
written into one reused RGBA buffer and fed to a single persistent
``ImageItem`` without levels (uint8 RGBA goes to Qt as it is); clicks map back
to (channel, y, x) with the mosaic's own geometry. A colormap change only
recolours the mosaic.

The mosaic fills the space it has: its number of columns is the one that
makes the tiles largest in the panel's shape (``core.render.columns_to_fill``),
recomputed when the panel is resized, and while "Fit" is on the view shows the
whole mosaic. Tiles never shrink below a readable size (:data:`MIN_TILE_PX`,
growing with the zoom): past it the view shows the first tiles at that size and
the rest is reached by dragging or scrolling. Zooming with the wheel turns
"Fit" off; pressing it fits again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.session import UnitSelection
from cnnviz.gui.inspect.colorbar import ColorBar
from cnnviz.gui.inspect.common import BIG_SCALE, ElidedLabel, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.inspect.tile_labels import TileLabels
from cnnviz.gui.state import AppState

if TYPE_CHECKING:
    from cnnviz.core.render import Mosaic

#: Channel numbers are drawn only when there are at most this many tiles (and the tiles are wide enough).
MAX_NUMBERS = 512
#: Channel numbers' size at zoom 1 (points); they grow with the zoom.
TILE_NUMBER_PT = 8.5
#: The smallest a tile is drawn, in screen pixels at zoom 1 (past it the view scrolls).
MIN_TILE_PX = 14
#: The random-weights note sits beside the grid's controls only with room for this many characters.
NOTE_MIN_CHARS = 24


def layer_maps(tensor: Any) -> np.ndarray | None:
    """A captured output [1, ...] as (N, H, W) float32 maps; vectors become N tiles of 1×1."""
    if tensor is None:
        return None
    t = tensor.detach()
    if t.dim() >= 1 and t.shape[0] == 1:
        t = t[0]
    a = t.float().numpy()
    if a.ndim == 3:
        return a
    if a.ndim == 1:
        return a.reshape(-1, 1, 1)
    if a.ndim == 2:  # (tokens, features) and the like: one tile
        return a[None]
    return a.reshape(a.shape[0], a.shape[1], -1) if a.ndim > 3 else None


def stats_explanation() -> str:
    """What the grid's statistics line means (its tooltip, under the whole line)."""
    return tr("zeros: share of values that are exactly 0 (after a ReLU: units that did not fire).\n"
              "dead channels: channels that are 0 everywhere for this image.")


class ActivationGrid(QWidget):
    """The mosaic of the selected layer's channels with scaling, sorting and statistics."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.mosaic: Mosaic | None = None
        self.maps: np.ndarray | None = None
        self._rgba: np.ndarray | None = None  # reused between redraws of the same size
        self._fitted: tuple[int, int] | None = None  # mosaic size the view was last fitted to
        self._bar_colormap = ""
        self.stats: dict[str, Any] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * BIG_SCALE)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long layer name wraps instead of widening the whole column
        self.title.setMinimumWidth(120)
        from cnnviz.core.render import colormap_info, list_colormaps

        self.cmap_box = QComboBox()
        for name in list_colormaps():
            self.cmap_box.addItem(name, name)
            # core has English only: the .ts carries the Chinese (tools/update_translations.py adds them)
            self.cmap_box.setItemData(self.cmap_box.count() - 1, tr(colormap_info(name).description), 3)
        self.cmap_box.setToolTip(tr("Colormap. viridis and cividis stay readable with colour-vision deficiency."))
        self.scale_box = QComboBox()
        self.scale_box.addItem(tr("Shared scale"), "shared")
        self.scale_box.addItem(tr("Per-channel scale"), "per_channel")
        self.scale_box.addItem(tr("Symmetric ±"), "symmetric")
        self.scale_box.setToolTip(
            tr("Shared: one colour scale for all channels, so they can be compared.\n"
               "Per-channel: each channel stretched to its own min…max (shows weak channels' shape).\n"
               "Symmetric: zero in the middle (use with coolwarm for signed values).")
        )
        self.sort_box = QComboBox()
        self.sort_box.addItem(tr("Channel order"), "index")
        self.sort_box.addItem(tr("Sort by mean"), "mean")
        self.sort_box.addItem(tr("Sort by max"), "max")
        self.sort_box.setToolTip(tr("Order the tiles by channel number, or strongest first."))
        self.fit_button = QToolButton()
        self.fit_button.setText(tr("Fit"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.setToolTip(tr("Show every channel as large as the panel allows (tiles never get too small "
                                      "to read: then drag to see the rest). Scroll the wheel over the tiles to zoom."))
        # The title and the random-weights note go beside the controls where they fit (the tiles keep the
        # height), else each on a line of its own: neither widens the centre column (see _pack_head).
        self.head_bar = bar
        lay.addWidget(self.title)
        bar.addStretch(1)
        for w in self.controls():
            bar.addWidget(w)
        lay.addLayout(bar)
        self.random_note = ElidedLabel()  # one line: the whole note in its tooltip
        self.random_note.setObjectName("random-weights-note")
        self.random_note.hide()
        lay.addWidget(self.random_note)
        self.title_beside = False  # the title is on the controls' row
        self.note_beside = False  # the random-weights note is on the controls' row

        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground(None)
        self.view = self.canvas.addViewBox(row=0, col=0, lockAspect=True, invertY=True, enableMenu=False)
        self.view.setMouseEnabled(x=True, y=True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.marker = pg.QtWidgets.QGraphicsRectItem()
        pen = pg.mkPen((255, 60, 60), width=2)
        pen.setCosmetic(True)
        self.marker.setPen(pen)
        self.marker.setZValue(10)
        self.marker.hide()
        self.view.addItem(self.marker)
        self.numbers = TileLabels(TILE_NUMBER_PT * float(state.zoom or 1.0))
        self.view.addItem(self.numbers)
        state.zoom_changed.connect(lambda z: self.numbers.set_point_size(TILE_NUMBER_PT * z))
        self.colorbar = ColorBar()
        self.colorbar.setToolTip(tr("Colour scale of the tiles. With per-channel scaling each tile has its own."))
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.canvas, 1)
        body.addWidget(self.colorbar)
        lay.addLayout(body, 1)
        # one line (a big zoom or a narrow column elides it): the tiles keep the height
        self.stats_label = ElidedLabel()
        # The unit under the pointer is named on the statistics' line (they come back when it leaves):
        # a line of its own stood empty but while hovering, and the tiles need the height more.
        self.hover_label = ElidedLabel(" ")
        self.readout = QStackedWidget()
        self.readout.addWidget(self.stats_label)
        self.readout.addWidget(self.hover_label)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens the column
        lay.addWidget(self.readout)
        self._hover_pos: Any = None  # the scene position last hovered, so a new layer's text is recomputed

        self._relayout = QTimer(self)  # a resize re-tiles once the user stops dragging
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(80)
        self._relayout.timeout.connect(self._on_resized)
        self._columns = 0
        self.fit_button.toggled.connect(lambda on: self.fit() if on else None)
        self.view.sigRangeChangedManually.connect(lambda *_: self.fit_button.setChecked(False))
        self.cmap_box.currentIndexChanged.connect(lambda _: controller.set_colormap(self.cmap_box.currentData()))
        self.scale_box.currentIndexChanged.connect(lambda _: self.redraw())
        self.sort_box.currentIndexChanged.connect(lambda _: self.redraw())
        controller.colormap_changed.connect(self._on_colormap)
        state.layer_changed.connect(lambda _: self.redraw())
        state.model_changed.connect(lambda _: self._show_random_note())
        state.language_changed.connect(lambda _: self._show_random_note())
        controller.forward_changed.connect(lambda _: self.redraw())
        controller.unit_changed.connect(lambda _: self._draw_marker())
        self.canvas.scene().sigMouseClicked.connect(self._on_click)
        self.canvas.scene().sigMouseMoved.connect(self._on_move)
        self.canvas.viewport().installEventFilter(self)

    def _show_random_note(self) -> None:
        """Say next to the maps that an untrained network's activations are not learned features."""
        from cnnviz.core.explanations import random_activations_note

        session = self.state.model
        if session is None or not session.is_random:
            self.random_note.hide()
            return
        lang = self.state.language if self.state.language in ("en", "zh") else "en"
        self.random_note.setText("⚠ " + random_activations_note()[lang])
        self.random_note.show()
        self._pack_head()

    def controls(self) -> list[QWidget]:
        """The colormap, scale and order boxes and Fit (in the row above the tiles)."""
        return [self.cmap_box, self.scale_box, self.sort_box, self.fit_button]

    def _pack_head(self) -> None:
        """Put the title, then the note, on the controls' row when they fit there, else each on its own line.

        The title goes there only when its whole text fits on one line beside the controls; the note
        (elided, whole in its tooltip) when it keeps :data:`NOTE_MIN_CHARS` characters.
        """
        bar, lay = self.head_bar, self.layout()
        if not isinstance(lay, QVBoxLayout):
            return
        spacing = max(0, bar.spacing())
        controls = sum(w.sizeHint().width() + spacing for w in self.controls() if not w.isHidden())
        width = self.width()
        text = self.title.text()
        title_w = self.title.fontMetrics().horizontalAdvance(text) + 2 * self.title.margin() + 4 if text else 0
        title_beside = bool(text) and title_w + spacing + controls <= width
        room = width - controls - (title_w + spacing if title_beside else 0)
        note_beside = room >= self.random_note.fontMetrics().averageCharWidth() * NOTE_MIN_CHARS
        if (title_beside, note_beside) == (self.title_beside, self.note_beside):
            return
        for w in (self.title, self.random_note):
            (bar if bar.indexOf(w) >= 0 else lay).removeWidget(w)
        self.title_beside, self.note_beside = title_beside, note_beside
        # Beside the controls the title is one line; its minimum stays small, so the column can still be
        # narrowed (the next resize puts it back on its own line, wrapped where it must be).
        self.title.setWordWrap(not title_beside)
        self.title.setMinimumWidth(1 if title_beside else 120)
        at = 0
        if title_beside:
            bar.insertWidget(at, self.title)
            at += 1
        else:
            lay.insertWidget(0, self.title)
        if note_beside:
            bar.insertWidget(at, self.random_note, 100)  # the room the controls leave (the stretch gets none)
        else:
            lay.insertWidget(lay.indexOf(self.title) + 2 if not title_beside else 1, self.random_note)
        self._relayout.start()  # the tiles got (or gave) a line: re-tile

    # ------------------------------------------------------------ options
    def set_options(self, scale: str | None = None, sort: str | None = None) -> None:
        """Choose the scaling ('shared', 'per_channel', 'symmetric') and order ('index', 'mean', 'max')."""
        if scale is not None and self.scale_box.findData(scale) >= 0:
            self.scale_box.setCurrentIndex(self.scale_box.findData(scale))
        if sort is not None and self.sort_box.findData(sort) >= 0:
            self.sort_box.setCurrentIndex(self.sort_box.findData(sort))

    def _on_colormap(self, name: str) -> None:
        i = self.cmap_box.findData(name)
        if i >= 0 and i != self.cmap_box.currentIndex():
            self.cmap_box.setCurrentIndex(i)
        if self.mosaic is not None:
            self._paint(self.mosaic)
            self._draw_colorbar(self.mosaic)

    # ------------------------------------------------------------ drawing
    def current_maps(self) -> np.ndarray | None:
        """The selected layer's output for the current image as (N, H, W), if it belongs to the current model."""
        fwd, session = self.controller.forward, self.state.model
        if fwd is None or session is None or fwd.session_id != session.session_id:
            return None
        return layer_maps(fwd.layers.get(self.state.layer))

    def redraw(self) -> None:
        """Rebuild the mosaic for the current layer and options."""
        from cnnviz.core.render import channel_order, layer_stats, mosaic

        maps = self.current_maps()
        self.maps = maps
        layer = self.state.layer
        if maps is None or maps.size == 0:
            self.mosaic = None
            self._fitted = None
            self.image.clear()
            self.colorbar.set_range(0.0, 1.0)
            self.numbers.set_labels([], pg.QtCore.QRectF(), 0)
            self.title.setText(tr("{0}: no output captured").format(layer) if layer else "")
            self._pack_head()
            self.stats_label.setText("")
            self.marker.hide()
            self._show_hover()
            return
        order = channel_order(maps, self.sort_box.currentData())
        pad = 0 if maps.shape[1] == 1 and maps.shape[2] == 1 else max(1, maps.shape[1] // 16)
        self._columns = self._best_columns(len(order), maps.shape[1], maps.shape[2], pad)
        m = mosaic(maps, columns=self._columns, pad=pad, scale=self.scale_box.currentData(), order=order)
        self.mosaic = m
        self._paint(m)
        if self._fitted != m.shape or self.fit_button.isChecked():
            self._fitted = m.shape
            self.fit()
        self._draw_colorbar(m)
        self._draw_numbers(m)
        self._draw_marker()
        n, h, w = maps.shape
        self.title.setText(tr("Activations of {0}: {1} channels of {2}×{3}").format(layer, n, h, w))
        self._pack_head()
        s = layer_stats(maps, std=False)  # the std is not shown here
        self.stats = s
        text = tr("min {0:.3g} · max {1:.3g} · mean {2:.3g} · zeros {3:.1%} · dead channels {4} of {5}").format(
            s["min"], s["max"], s["mean"], s["zero_fraction"], s["dead_channels"], s["channels"]
        )
        self.stats_label.setText(text)
        self.stats_label.setToolTip(text + "\n\n" + stats_explanation())
        self._show_hover()  # the mouse did not move, but the unit under it is another one now

    def _area(self) -> tuple[float, float]:
        """(height, width) in pixels the mosaic can use."""
        rect = self.view.sceneBoundingRect()
        return max(1.0, rect.height()), max(1.0, rect.width())

    def _best_columns(self, n: int, h: int, w: int, pad: int) -> int:
        from cnnviz.core.render import columns_to_fill

        area_h, area_w = self._area()
        return columns_to_fill(n, h, w, pad, area_h, area_w)

    def fit(self) -> None:
        """Show the whole mosaic as large as the panel allows, or its first tiles at the readable minimum."""
        m = self.mosaic
        if m is None:
            return
        area_h, area_w = self._area()
        h, w = m.shape
        scale = min(area_w / w, area_h / h)
        smallest = MIN_TILE_PX * float(getattr(self.state, "zoom", 1.0) or 1.0)
        if scale * m.cell_size[1] >= smallest or m.cell_size[1] == 0:
            # the image alone: the channel numbers still span the previous (larger) mosaic here,
            # which made the view keep the old size when the next layer was smaller
            self.view.autoRange(padding=0.01, items=[self.image])
        else:  # too many tiles to read at once: the first ones at a readable size, the rest by dragging
            s = smallest / m.cell_size[1]
            self.view.setRange(pg.QtCore.QRectF(0, 0, area_w / s, area_h / s), padding=0)
        self.fit_button.blockSignals(True)
        self.fit_button.setChecked(True)
        self.fit_button.blockSignals(False)

    def tile_screen_size(self) -> float:
        """How wide one tile is drawn on screen now, in pixels."""
        m = self.mosaic
        if m is None:
            return 0.0
        (x0, x1), _ = self.view.viewRange()
        return self.view.sceneBoundingRect().width() / max(1e-9, x1 - x0) * m.cell_size[1]

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Re-tile for the new shape once resizing pauses (the title and note move to where they fit)."""
        super().resizeEvent(event)
        self._pack_head()
        self._relayout.start()

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """A zoom (font change): the title and note find their rows again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "head_bar"):
            QTimer.singleShot(0, self._pack_head)  # once the controls have their new sizes

    def _on_resized(self) -> None:
        if self.maps is None or self.mosaic is None:
            return
        m = self.mosaic
        if self._best_columns(len(m.channels), *m.cell_size, m.pad) != self._columns:
            self.redraw()
        elif self.fit_button.isChecked():
            self.fit()

    def _paint(self, m: Any) -> None:
        self._rgba = m.to_rgba(self.controller.colormap, out=self._rgba)
        # levels=None: uint8 RGBA needs no scaling, so pyqtgraph hands it to Qt unchanged
        self.image.setImage(self._rgba, autoLevels=False, levels=None)

    def _draw_colorbar(self, m: Any) -> None:
        from cnnviz.core.render import get_colormap

        if self._bar_colormap != self.controller.colormap:
            self._bar_colormap = self.controller.colormap
            self.colorbar.set_colormap(get_colormap(self.controller.colormap))
        if self.scale_box.currentData() == "per_channel":
            self.colorbar.set_range(0.0, 1.0, tr("each channel: its min … max"), ends=(tr("min"), tr("max")))
        else:
            lo, hi = m.levels
            self.colorbar.set_range(lo, hi, tr("activation"))

    def _draw_numbers(self, m: Any) -> None:
        if len(m.channels) > MAX_NUMBERS:
            self.numbers.set_labels([], pg.QtCore.QRectF(), 0)
            return
        cols, (ch, cw) = m.grid[1], m.cell_size
        labels = [
            (str(c), float((t % cols) * (cw + m.pad)), float((t // cols) * (ch + m.pad)))
            for t, c in enumerate(m.channels.tolist())
        ]
        h, w = m.shape
        self.numbers.set_labels(labels, pg.QtCore.QRectF(0, 0, w, h), m.cell_size[1])

    def _draw_marker(self) -> None:
        unit, m = self.controller.unit, self.mosaic
        if unit is None or m is None or unit.layer != self.state.layer or unit.channel not in m.channels:
            self.marker.hide()
            return
        oy, ox = m.tile_origin(unit.channel)
        self.marker.setRect(pg.QtCore.QRectF(ox + unit.x, oy + unit.y, 1, 1))
        self.marker.show()

    # ------------------------------------------------------------ mouse
    def _pixel(self, scene_pos: Any) -> tuple[float, float] | None:
        if self.mosaic is None or not self.view.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.view.mapSceneToView(scene_pos)
        return p.y(), p.x()

    def click_pixel(self, y: float, x: float) -> UnitSelection | None:
        """Select the unit under mosaic pixel (y, x) (what a click does); returns it."""
        if self.mosaic is None:
            return None
        hit = self.mosaic.unit_at(y, x)
        if hit is None:
            return None
        unit = UnitSelection(self.state.layer, *hit)
        self.controller.set_unit(unit)
        return unit

    def _on_click(self, event: Any) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        p = self._pixel(event.scenePos())
        if p is not None:
            self.click_pixel(*p)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt naming)
        """The mouse left the tiles: forget where it was (a later layer switch names no unit)."""
        if event.type() == QEvent.Type.Leave and watched is self.canvas.viewport():
            self._hover_pos = None
            self._set_hover(" ")
        return super().eventFilter(watched, event)

    def _on_move(self, pos: Any) -> None:
        self._hover_pos = pos
        self._show_hover()

    def _show_hover(self) -> None:
        """Name the unit under the mouse in the current layer (blank when none is under it)."""
        pos = self._hover_pos
        p = self._pixel(pos) if pos is not None else None
        hit = self.mosaic.unit_at(*p) if p is not None and self.mosaic is not None else None
        if hit is None or self.maps is None:
            self._set_hover(" ")
            return
        c, y, x = hit
        self._set_hover(
            tr("channel {0} · row {1}, column {2} · value {3:.4g} — click to see its receptive field").format(
                c, y, x, float(self.maps[c, y, x])
            )
        )

    def _set_hover(self, text: str) -> None:
        """Name the unit under the pointer in place of the statistics (" ": the statistics again)."""
        self.hover_label.setText(text)
        self.readout.setCurrentWidget(self.hover_label if text.strip() else self.stats_label)
