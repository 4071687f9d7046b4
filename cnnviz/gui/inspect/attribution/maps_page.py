"""The attribution panel's Maps page: the comparison grid of tiles with its colour scales, or one map enlarged.

The page draws what the panel gives it (:meth:`MapsPage.show_maps`, :meth:`MapsPage.show_enlarged`);
the panel decides which map is enlarged and when.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from cnnviz.gui.i18n import translate_message
from cnnviz.gui.inspect.attribution.tiles import (
    SIGNED_COLORMAP,
    UNSIGNED_COLORMAP,
    Swatch,
    Tile,
    TileGrid,
    render_map,
)
from cnnviz.gui.inspect.common import ImageView, explain_label, tr


class CurrentStack(QStackedWidget):
    """A stack as tall as its current page (not its tallest one)."""

    def sizeHint(self):  # noqa: N802, ANN201 (Qt naming)
        """The current page's size hint."""
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802, ANN201 (Qt naming)
        """The current page's minimum."""
        w = self.currentWidget()
        return w.minimumSizeHint() if w is not None else super().minimumSizeHint()


def map_tile(name: str, amap: Any, flagged: bool, display: Any, overlay: bool) -> Tile:
    """The grid's tile for method ``name``: its map coloured (over ``display`` when ``overlay``), title and tooltip."""
    from cnnviz.core.attribution import method_info

    info = method_info(name)
    title = translate_message(info.label) + (" ±" if amap.signed else "") + (" ⚠" if flagged else "")
    tip = [translate_message(info.label), info.paper, tr("Cost: {0}").format(translate_message(info.cost))]
    if flagged:
        tip.append(tr("Sanity check: does not explain the model."))
    tip.extend(amap.notes)
    return Tile(name, title, render_map(amap.normalized(), amap.signed, display, overlay), "\n".join(tip))


class MapsPage(QWidget):
    """Equal tiles (a click on one emits ``grid.sig_clicked``) with the colour scales, or one map large.

    ``grid_box`` (the tiles and their colour scales) is what "Export grid" saves.
    ``sig_back`` fires when the enlarged map or its back button is clicked.
    """

    sig_back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.maps_stack = CurrentStack()
        self.grid_box = QWidget()
        gl = QVBoxLayout(self.grid_box)
        gl.setContentsMargins(0, 0, 0, 0)
        self.grid = TileGrid()
        gl.addWidget(self.grid)
        self.legend_unsigned = Swatch(UNSIGNED_COLORMAP, tr("0 → 1: share of the map's strongest value"))
        self.legend_signed = Swatch(SIGNED_COLORMAP, tr("±: −1 → +1, against → for the target"))
        gl.addWidget(self.legend_unsigned)
        gl.addWidget(self.legend_signed)
        self.maps_stack.addWidget(self.grid_box)
        big = QWidget()
        bl = QVBoxLayout(big)
        bl.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(tr("← All maps"))
        self.back_button.clicked.connect(lambda: self.sig_back.emit())
        bl.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.big_view = ImageView(title="")
        self.big_view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.big_view.sig_clicked.connect(lambda _y, _x: self.sig_back.emit())
        bl.addWidget(self.big_view)
        self.big_notes = explain_label()
        bl.addWidget(self.big_notes)
        self.maps_stack.addWidget(big)
        lay.addWidget(self.maps_stack)
        self.notes = explain_label()
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.notes)

    def show_maps(self, shown: dict[str, Any], flagged: list[str], display: Any, overlay: bool) -> None:
        """One tile per map in ``shown`` (method -> AttributionMap), and the colour scales they need."""
        self.grid.set_tiles([map_tile(name, amap, name in flagged, display, overlay)
                             for name, amap in shown.items()])
        self.legend_signed.setVisible(any(a.signed for a in shown.values()))
        self.legend_unsigned.setVisible(any(not a.signed for a in shown.values()))

    def show_notes(self, html: str) -> None:
        """The notes under the maps (rich text); hidden when empty."""
        self.notes.setText(html)
        self.notes.setVisible(bool(html))

    def show_grid(self) -> None:
        """Back to the grid of tiles."""
        self.maps_stack.setCurrentIndex(0)
        self.maps_stack.updateGeometry()

    def show_enlarged(self, title: str, rgb: Any, notes: str, width: int) -> None:
        """One map large (``width`` pixels square) with its notes."""
        self.big_view.set_title(title)
        self.big_view.set_rgb(rgb)
        self.big_notes.setText(notes)
        self.fit_big_view(width)
        self.maps_stack.setCurrentIndex(1)
        self.maps_stack.updateGeometry()

    def fit_big_view(self, width: int) -> None:
        """The enlarged map square at ``width`` pixels, with room for its title."""
        self.big_view.setFixedHeight(max(64, width + self.fontMetrics().height() + 8))

    def set_zoom(self, zoom: float) -> None:
        """Tiles and colour scales follow the text zoom."""
        self.grid.set_zoom(zoom)
        for legend in (self.legend_unsigned, self.legend_signed):
            legend.refresh()
