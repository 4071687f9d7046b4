"""The application icon, from the PNG sizes rendered by ``packaging/make_icons.py``.

The PNGs (and the SVG they come from) live in ``cnnviz/resources/icons``; they
are package data, so they are found the same way from a source checkout, a
``pip install`` and a PyInstaller bundle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICON_SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256)


def icon_paths() -> dict[int, Path]:
    """The rendered PNG files that exist, by size, smallest first."""
    paths = {s: ICON_DIR / f"cnnviz-{s}.png" for s in ICON_SIZES}
    return {s: p for s, p in paths.items() if p.is_file()}


def app_icon() -> QIcon:
    """The cnnviz icon with every rendered size (falls back to the SVG, then to no icon).

    Needs a ``QGuiApplication`` to exist, like any ``QIcon``.
    """
    icon = QIcon()
    for size, path in icon_paths().items():
        icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        svg = ICON_DIR / "cnnviz.svg"
        if svg.is_file():
            icon = QIcon(str(svg))  # needs Qt's SVG icon engine plugin
    return icon


#: The player's symbols, each a list of shapes on a 16×16 grid: ("tri", (x0, x1), pointing right?) or ("bar", x, w).
_SYMBOLS: dict[str, list[tuple]] = {
    "reset": [("bar", 2.5, 2.0), ("tri", (4.5, 13.5), False)],
    "back": [("tri", (1.0, 8.0), False), ("tri", (8.0, 15.0), False)],
    "play": [("tri", (3.5, 13.5), True)],
    "pause": [("bar", 3.5, 3.0), ("bar", 9.5, 3.0)],
    "step": [("tri", (1.0, 8.0), True), ("tri", (8.0, 15.0), True)],
    "end": [("tri", (2.5, 11.5), True), ("bar", 11.5, 2.0)],
}


def player_icon(kind: str, color: QColor, side: int, ratio: float = 1.0) -> QIcon:
    """A media symbol drawn in ``color`` (the palette's button text), ``side`` px square, for any theme."""
    pixmap = QPixmap(max(1, round(side * ratio)), max(1, round(side * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(side / 16.0, side / 16.0)
    path = QPainterPath()
    for shape in _SYMBOLS[kind]:
        if shape[0] == "bar":
            path.addRect(shape[1], 3.0, shape[2], 10.0)
        else:
            (x0, x1), right = shape[1], shape[2]
            tip, base = (x1, x0) if right else (x0, x1)
            path.addPolygon(QPolygonF([QPointF(base, 3.0), QPointF(tip, 8.0), QPointF(base, 13.0)]))
            path.closeSubpath()
    p.fillPath(path, color)
    p.end()
    return QIcon(pixmap)
