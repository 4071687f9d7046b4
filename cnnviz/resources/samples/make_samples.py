"""Draw cnnviz's sample images (self-made, CC0). Run: python make_samples.py [OUT_DIR].

Each picture is drawn with numpy and OpenCV from a fixed recipe, so running
this again gives the same pixels. The pictures are chosen to make feature
maps easy to read: edges at several orientations, colour blobs, repeating
texture, and a 32×32 digit for LeNet.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

AA = cv2.LINE_AA


def _rgb(bgr_image: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(bgr_image[:, :, ::-1])


def concentric_circles(size: int = 256) -> np.ndarray:
    """Rings of changing colour: edges at every orientation at once."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    c = (size - 1) / 2.0
    r = np.hypot(yy - c, xx - c)
    rings = (np.sin(r / 6.0) > 0).astype(np.float32)
    angle = np.arctan2(yy - c, xx - c)
    red = 0.5 + 0.5 * np.cos(angle)
    blue = 0.5 + 0.5 * np.sin(angle)
    rgb = np.stack([rings * red, rings * 0.8 + 0.1, (1 - rings) * blue], axis=-1)
    return np.rint(rgb * 255).astype(np.uint8)


def checkerboard(size: int = 256, square: int = 32) -> np.ndarray:
    """Black and white squares: only horizontal and vertical edges, and corners."""
    yy, xx = np.mgrid[0:size, 0:size]
    board = ((yy // square + xx // square) % 2 == 0).astype(np.uint8) * 255
    return np.repeat(board[:, :, None], 3, axis=2)


def geometric_scene(width: int = 320, height: int = 240) -> np.ndarray:
    """A sky-to-grass gradient with coloured shapes and edges at several angles."""
    t = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    sky = np.array([235, 200, 150], np.float32)  # BGR
    ground = np.array([90, 160, 90], np.float32)
    img = np.broadcast_to(sky * (1 - t) + ground * t, (height, width, 3)).copy()
    img = np.rint(img).astype(np.uint8)
    cv2.circle(img, (250, 60), 34, (40, 200, 250), -1, AA)  # sun
    cv2.rectangle(img, (30, 110), (120, 200), (60, 60, 200), -1, AA)  # red house
    roof = np.array([[20, 112], [75, 62], [130, 112]], np.int32)
    cv2.fillPoly(img, [roof], (40, 40, 120), AA)
    cv2.rectangle(img, (62, 150), (88, 200), (30, 80, 140), -1, AA)  # door
    box = cv2.boxPoints(((215, 170), (70, 40), 30.0)).astype(np.int32)
    cv2.fillPoly(img, [box], (200, 90, 40), AA)  # tilted blue box
    cv2.ellipse(img, (160, 205), (40, 14), -15, 0, 360, (180, 60, 180), -1, AA)
    for i, angle in enumerate(range(0, 180, 30)):  # a star of lines: six orientations
        a = np.deg2rad(angle)
        dx, dy = 28 * np.cos(a), 28 * np.sin(a)
        cv2.line(
            img,
            (int(170 - dx), int(60 - dy)),
            (int(170 + dx), int(60 + dy)),
            (30 + 30 * i, 30, 200 - 25 * i),
            2,
            AA,
        )
    return _rgb(img)


def stripes(size: int = 256) -> np.ndarray:
    """A colour gradient under stripes at 0°, 45°, 90° and 135°, one per quadrant."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    half = size // 2
    angle = np.where(yy < half, np.where(xx < half, 0.0, 45.0), np.where(xx < half, 90.0, 135.0))
    a = np.deg2rad(angle)
    phase = (xx * np.cos(a) + yy * np.sin(a)) / 10.0
    band = 0.35 + 0.65 * (np.sin(phase * 2 * np.pi) > 0)
    rgb = np.stack([xx / (size - 1), 0.3 + 0.4 * yy / (size - 1), 1.0 - xx / (size - 1)], -1)
    return np.rint(rgb * band[:, :, None] * 255).astype(np.uint8)


def digit_seven(size: int = 32) -> np.ndarray:
    """A hand-drawn-looking white '7' on black, like an MNIST digit on LeNet's 32×32."""
    scale = 8  # draw large, then shrink: soft anti-aliased strokes like a pen scan
    big = np.zeros((size * scale, size * scale), np.uint8)
    top = np.array([[8, 8], [11, 7.4], [17, 7.2], [23.5, 7.6]]) * scale
    stem = np.array([[23.5, 7.6], [21, 13], [18, 19], [16, 25.5]]) * scale
    bar = np.array([[13, 16.5], [21.5, 16]]) * scale
    for stroke in (top, stem, bar):
        cv2.polylines(big, [stroke.astype(np.int32)], False, 255, int(2.6 * scale), AA)
    small = cv2.resize(big, (size, size), interpolation=cv2.INTER_AREA)
    return np.repeat(small[:, :, None], 3, axis=2)


def smiley(size: int = 224) -> np.ndarray:
    """A yellow smiley on light blue: round shapes and a curved mouth."""
    img = np.full((size, size, 3), (245, 225, 200), np.uint8)  # BGR light blue
    c = size // 2
    cv2.circle(img, (c, c), int(size * 0.4), (40, 210, 250), -1, AA)
    cv2.circle(img, (c, c), int(size * 0.4), (20, 60, 90), 3, AA)
    for ex in (c - size // 7, c + size // 7):
        cv2.ellipse(
            img, (ex, c - size // 9), (size // 24, size // 14), 0, 0, 360, (30, 30, 30), -1, AA
        )
    cv2.ellipse(img, (c, c + size // 20), (size // 4, size // 6), 0, 20, 160, (30, 30, 30), 4, AA)
    return _rgb(img)


#: file name -> recipe
SAMPLES: dict[str, Callable[[], np.ndarray]] = {
    "circles.png": concentric_circles,
    "checkerboard.png": checkerboard,
    "shapes.png": geometric_scene,
    "stripes.png": stripes,
    "digit7.png": digit_seven,
    "smiley.png": smiley,
}


def write_png(path: Path, rgb: np.ndarray) -> None:
    """Save RGB as PNG (grayscale when all channels agree), any path characters."""
    img = (
        rgb[:, :, 0]
        if np.array_equal(rgb[:, :, 0], rgb[:, :, 1]) and np.array_equal(rgb[:, :, 0], rgb[:, :, 2])
        else rgb[:, :, ::-1]
    )
    ok, buf = cv2.imencode(".png", img, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    if not ok:
        raise RuntimeError(f"could not encode {path}")
    path.write_bytes(buf.tobytes())


def make_all(out_dir: Path) -> list[Path]:
    """Write every sample into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, recipe in SAMPLES.items():
        path = out_dir / name
        write_png(path, recipe())
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for p in make_all(target):
        print(p, p.stat().st_size, "bytes")
