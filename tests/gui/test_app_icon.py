"""The application icon: every size is there, and the PNGs match their SVG."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from cnnviz.gui.icons import ICON_DIR, ICON_SIZES, app_icon, icon_paths

ROOT = Path(__file__).resolve().parents[2]


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    ptr = image.constBits()
    arr = np.frombuffer(ptr, np.uint8, count=image.sizeInBytes())
    return arr.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


def test_icon_has_every_size(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    available = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert available == {(s, s) for s in ICON_SIZES}
    for size in ICON_SIZES:
        image = QImage(str(icon_paths()[size]))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()  # rounded corners stay transparent
        assert image.pixelColor(0, 0).alpha() == 0


@pytest.mark.parametrize("size", [16, 48, 256])
def test_pngs_are_rendered_from_the_current_svg(qapp, tmp_path: Path, size: int) -> None:
    """Fails when the SVG was edited without re-running packaging/make_icons.py."""
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    fresh = tmp_path / f"{size}.png"
    make_icons.render_png(ICON_DIR / "cnnviz.svg", size, fresh)
    committed = _pixels(QImage(str(ICON_DIR / f"cnnviz-{size}.png")))
    rendered = _pixels(QImage(str(fresh)))
    # small tolerance: anti-aliasing may differ by a level or two between Qt versions
    assert np.abs(committed - rendered).mean() < 1.0
