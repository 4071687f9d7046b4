"""Small models, images and files shared by the atlas tests (no network, all made here)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import torch
from torch import nn

from cnnviz.core.images import Preprocess

#: ImageNet normalisation at 32×32, resize straight to the crop (what small models use).
PRE32 = Preprocess(None, (32, 32))


def tiny_net(seed: int = 0) -> nn.Sequential:
    """conv → ReLU(inplace) → pool → conv → BatchNorm (random statistics) → ReLU(inplace).

    The in-place ReLUs write into the outputs of the second conv's BatchNorm:
    an index must keep the value the BatchNorm produced, not the ReLU's.
    """
    torch.manual_seed(seed)
    net = nn.Sequential(
        nn.Conv2d(3, 6, 3, padding=1),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
        nn.Conv2d(6, 8, 3, padding=1),
        nn.BatchNorm2d(8),
        nn.ReLU(inplace=True),
    )
    with torch.no_grad():
        bn = net[4]
        bn.running_mean.uniform_(-0.5, 0.5)
        bn.running_var.uniform_(0.5, 2.0)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.2, 0.2)
    return net.eval()


def write_png(path: Path, rgb: np.ndarray) -> None:
    """An RGB (or 2-D grayscale) uint8 array as a PNG file."""
    import cv2

    arr = rgb if rgb.ndim == 2 else rgb[:, :, ::-1]
    ok, data = cv2.imencode(".png", arr)
    assert ok
    path.write_bytes(data.tobytes())


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height`` RGB pixels, with a tiny (wrong) body."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")


def random_images(n: int, seed: int = 0, size: int = 32) -> np.ndarray:
    """``n`` smooth random RGB pictures (uint8, N×H×W×3)."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, (n, size // 4, size // 4, 3)).astype(np.float32)
    big = np.repeat(np.repeat(small, 4, axis=1), 4, axis=2)
    return np.clip(big + rng.normal(0, 12, big.shape), 0, 255).astype(np.uint8)
