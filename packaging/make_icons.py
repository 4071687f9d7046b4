"""Render the application icon's PNG sizes (and Windows/macOS icon files) from its SVG.

Run from the repository root after editing ``cnnviz/resources/icons/cnnviz.svg``::

    .venv/bin/python packaging/make_icons.py

Writes ``cnnviz/resources/icons/cnnviz-<N>.png`` for N in :data:`SIZES` (the
window icon and the Linux hicolor theme use them), plus
``packaging/icons/cnnviz.ico`` (Windows) and ``packaging/icons/cnnviz.icns``
(macOS) built from those PNGs with Pillow. Rendering uses QtSvg, which
PySide6-Essentials ships; it works headless (``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "cnnviz" / "resources" / "icons" / "cnnviz.svg"
PNG_DIR = SVG.parent
NATIVE_DIR = ROOT / "packaging" / "icons"
SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int, out: Path) -> None:
    """Render ``svg`` into a transparent ``size``×``size`` PNG at ``out``."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot parse {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def write_native_icons(pngs: dict[int, Path]) -> None:
    """A multi-size .ico for Windows and an .icns for macOS, from the rendered PNGs."""
    from PIL import Image

    NATIVE_DIR.mkdir(parents=True, exist_ok=True)
    largest = Image.open(pngs[max(pngs)]).convert("RGBA")
    largest.save(NATIVE_DIR / "cnnviz.ico", sizes=[(s, s) for s in sorted(pngs)])
    largest.save(NATIVE_DIR / "cnnviz.icns")


def main() -> int:
    """Render every size; print what was written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs: dict[int, Path] = {}
    for size in SIZES:
        out = PNG_DIR / f"cnnviz-{size}.png"
        render_png(SVG, size, out)
        pngs[size] = out
        print(f"wrote {out.relative_to(ROOT)}")
    write_native_icons(pngs)
    print(f"wrote {(NATIVE_DIR / 'cnnviz.ico').relative_to(ROOT)} and cnnviz.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
