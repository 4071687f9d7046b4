"""The application icon, from the PNG sizes rendered by ``packaging/make_icons.py``.

The PNGs (and the SVG they come from) live in ``cnnviz/resources/icons``; they
are package data, so they are found the same way from a source checkout, a
``pip install`` and a PyInstaller bundle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

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
