"""The sample images shipped with cnnviz (self-made, CC0; see resources/samples/README.md)."""

from __future__ import annotations

from pathlib import Path

from cnnviz.core.errors import ImageError

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "samples"
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"}

#: The sample shown first: a scene with edges and colours for RGB nets, a digit
#: for one-channel nets such as LeNet.
DEFAULT_RGB_SAMPLE = "shapes.png"
DEFAULT_GRAY_SAMPLE = "digit7.png"


def list_samples() -> list[Path]:
    """Paths of the sample images, sorted by name."""
    if not SAMPLES_DIR.is_dir():
        return []
    return sorted(
        p for p in SAMPLES_DIR.iterdir() if p.is_file() and p.suffix.lower() in _IMAGE_SUFFIXES
    )


def sample_path(name: str) -> Path:
    """The sample called ``name`` (with or without its suffix)."""
    for path in list_samples():
        if name in (path.name, path.stem):
            return path
    names = ", ".join(p.name for p in list_samples()) or "none installed"
    raise ImageError(f"No sample image called {name!r}. Samples: {names}.")


def default_sample(input_channels: int = 3) -> Path:
    """The sample to show first for a model with ``input_channels`` input channels."""
    return sample_path(DEFAULT_GRAY_SAMPLE if input_channels == 1 else DEFAULT_RGB_SAMPLE)
