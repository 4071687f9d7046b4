"""Load, validate and preprocess images for a model.

Reading (:func:`load_image`)
    PNG, JPEG, BMP, TIFF and WebP, from a path (any characters, the file is
    read as bytes and decoded with ``cv2.imdecode``) or from bytes. Every
    image comes back as 8-bit RGB, ``H×W×3``:

    * grayscale is replicated to three channels;
    * an alpha channel is composited on **white** (see :func:`_to_rgb8`);
    * 16-bit data is scaled to 8 bits from its effective bit depth
      (see :func:`_scale_16bit`);
    * the EXIF orientation tag is honoured, so a phone photo stands upright.

    Limits, checked on the header *before* any pixel is decoded:

    * :data:`MAX_PIXELS` (100 megapixels): larger images are refused, so a
      file whose header claims 50000×50000 costs nothing;
    * :data:`MAX_FILE_BYTES` (1 GiB): larger files are not read at all.

    Decisions about damaged or odd input:

    * a **truncated** file (JPEG without its end-of-image marker, PNG with
      missing data) is refused with a message saying so, rather than loaded
      half grey: a CNN would happily classify the grey half and teach the
      wrong thing;
    * a **tiny** image (down to 1×1) is accepted, because a small icon or a
      28×28 digit is a fair thing to try; below :data:`MIN_USEFUL_SIDE`
      pixels a note in :attr:`LoadedImage.notes` warns that the model will
      see an enlarged blur.

    Anything wrong raises :class:`~cnnviz.core.errors.ImageError` whose
    message names the file; no other exception type escapes.

Preprocessing (:func:`preprocess_for`, :func:`prepare`)
    The same steps as torchvision's ``ImageClassification`` preset (resize
    the shorter side, centre crop, scale to [0, 1], normalise), done with
    ``torchvision.transforms.v2.functional`` on a uint8 tensor, so the tensor
    matches ``weights.transforms()`` applied to a tensor exactly.
"""

from __future__ import annotations

import io
import os
import re
import struct
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from cnnviz.core.errors import ImageError, ModelError
from cnnviz.core.messages import message_of, msg

if TYPE_CHECKING:
    import torch

    from cnnviz.core.models.registry import ModelSpec

#: Largest image accepted, in pixels (width × height): 100 megapixels.
#: A decoded 100 MP RGB image takes 300 MB; beyond that a desktop tool
#: should ask the user to downscale rather than risk running out of memory.
MAX_PIXELS = 100_000_000

#: Largest file read at all, in bytes (1 GiB).
MAX_FILE_BYTES = 1 << 30

#: Images whose shorter side is below this many pixels load with a warning note.
MIN_USEFUL_SIDE = 8

#: Pillow's format names that we accept, mapped to the name we show.
SUPPORTED_FORMATS: dict[str, str] = {
    "PNG": "PNG",
    "JPEG": "JPEG",
    "MPO": "JPEG",  # multi-picture JPEG written by many phone cameras
    "BMP": "BMP",
    "DIB": "BMP",
    "TIFF": "TIFF",
    "WEBP": "WebP",
}

_SUPPORTED_TEXT = msg("PNG, JPEG, BMP, TIFF or WebP")

# ImageNet statistics used by torchvision's presets.
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
GRAY_MEAN = (0.5,)
GRAY_STD = (0.5,)

#: Inputs at least this big (shorter side) are treated as ImageNet-like:
#: resize the shorter side to crop·256/224, then centre-crop.
_IMAGENET_LIKE_SIDE = 64


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class LoadedImage:
    """An image as cnnviz holds it: 8-bit RGB plus where it came from."""

    rgb: np.ndarray  # uint8, H×W×3, C-contiguous
    path: Path | None
    original_mode: str  # e.g. "RGBA 8-bit", "grayscale 16-bit"
    format: str = ""  # "PNG", "JPEG", ...
    notes: tuple[str, ...] = field(default_factory=tuple)  # warnings for the user

    @property
    def width(self) -> int:
        """Width in pixels (after EXIF orientation)."""
        return int(self.rgb.shape[1])

    @property
    def height(self) -> int:
        """Height in pixels (after EXIF orientation)."""
        return int(self.rgb.shape[0])

    @property
    def name(self) -> str:
        """The file name, or a placeholder for an image that came as bytes."""
        return self.path.name if self.path is not None else "image data"


def load_image(source: str | os.PathLike[str] | bytes | bytearray | memoryview) -> LoadedImage:
    """Read an image file (or its bytes) into 8-bit RGB.

    Raises :class:`ImageError` with a message for a person, naming the file,
    for anything that is not a readable image within the limits documented
    in this module (:data:`MAX_PIXELS`, :data:`MAX_FILE_BYTES`).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        path = None
        label: str = msg("The image data")
        data = bytes(source)
    else:
        path = Path(os.fspath(source))
        label = f"'{path}'"
        data = _read_file(path, label)
    if not data:
        raise ImageError(msg("{label} is empty (0 bytes): it holds no image.", label=label))
    try:
        fmt, orientation, pil_mode = _probe(data, label, path)
        if fmt == "JPEG" and not _jpeg_is_complete(data):
            raise ImageError(msg(
                "{label} is a truncated JPEG: the file ends before the image data does "
                "(an interrupted download or copy?). Re-download or re-save it.",
                label=label,
            ))
        if fmt == "TIFF" and pil_mode in ("RGBA", "LA", "PA", "RGBa", "La"):
            array = _decode_with_pillow(data, label)
        else:
            array = _decode(data, label)
        rgb, mode, notes = _to_rgb8(array, label)
        mode = _mode_text(mode, pil_mode)
        rgb = _apply_orientation(rgb, orientation)
    except ImageError:
        raise
    except MemoryError as exc:
        raise ImageError(msg("{label} does not fit in memory once decoded.", label=label)) from exc
    except Exception as exc:  # a decoder tripped on malformed data
        raise ImageError(
            msg("{label} could not be read as an image: {reason}", label=label, reason=message_of(exc))
        ) from exc
    h, w = rgb.shape[:2]
    if min(h, w) < MIN_USEFUL_SIDE:
        notes.append(msg(
            "The image is very small ({width}×{height} px): the model will see it enlarged, "
            "with almost no detail.",
            width=w, height=h,
        ))
    return LoadedImage(
        rgb=np.ascontiguousarray(rgb),
        path=path,
        original_mode=mode,
        format=fmt,
        notes=tuple(notes),
    )


def _read_file(path: Path, label: str) -> bytes:
    """The file's bytes; FIFOs, devices and files over :data:`MAX_FILE_BYTES` are refused unread."""
    from cnnviz.core.safe_io import read_bytes

    return read_bytes(path, limit=MAX_FILE_BYTES, what="image file", error=ImageError)


def _looks_like_text(data: bytes) -> bool:
    head = data[:512]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # a multi-byte character cut at 512 bytes is still text
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


class ImageTooLargeError(ImageError):
    """An image has more pixels than :data:`MAX_PIXELS` (found from its header, before decoding)."""


def _too_large(label: str, pixels: int | None, width: int = 0, height: int = 0) -> ImageError:
    if width:
        size = msg("{width}×{height} = {pixels:,} pixels", width=width, height=height, pixels=pixels)
    elif pixels:
        size = msg("{pixels:,} pixels", pixels=pixels)
    else:
        size = msg("more pixels than allowed")
    return ImageTooLargeError(msg(
        "{label} is too large ({size}); cnnviz accepts images up to "
        "{limit:,} pixels ({megapixels} megapixels). Downscale it first.",
        label=label, size=size, limit=MAX_PIXELS, megapixels=MAX_PIXELS // 1_000_000,
    ))


def _probe(data: bytes, label: str, path: Path | None) -> tuple[str, int, str]:
    """Format, EXIF orientation and Pillow's mode, from the header only.

    Also enforces :data:`MAX_PIXELS` before anything is decoded.
    """
    # Pillow warns about odd tags in damaged files and about "decompression
    # bombs" (our own limit applies); the user gets our message instead.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _probe_quietly(data, label, path)


def _probe_quietly(data: bytes, label: str, path: Path | None) -> tuple[str, int, str]:
    from PIL import Image, UnidentifiedImageError

    try:
        im = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_large(label, int(found.group(1)) if found else None) from exc
    except UnidentifiedImageError as exc:
        tiff = _tiff_header(data)
        if tiff is None:
            raise _not_an_image(data, label, path) from exc
        # A TIFF Pillow has no mode for (e.g. 3-channel float32): OpenCV decodes it.
        width, height, orientation = tiff
        if width <= 0 or height <= 0:
            raise ImageError(
                msg("{label} has no pixels ({width}×{height}).", label=label, width=width, height=height)
            ) from exc
        if width * height > MAX_PIXELS:
            raise _too_large(label, width * height, width, height) from exc
        return "TIFF", orientation, ""
    except Exception as exc:  # Pillow found a known format but its header is broken
        raise ImageError(msg(
            "{label} is damaged or truncated: its header could not be read ({reason}).",
            label=label, reason=message_of(exc),
        )) from exc
    with im:
        fmt = SUPPORTED_FORMATS.get(im.format or "")
        if fmt is None:
            raise ImageError(msg(
                "{label} is a {format} image; cnnviz reads {supported}. Convert it to PNG first.",
                label=label, format=im.format or msg("unknown"), supported=_SUPPORTED_TEXT,
            ))
        width, height = (int(v) for v in im.size)
        if width <= 0 or height <= 0:
            raise ImageError(
                msg("{label} has no pixels ({width}×{height}).", label=label, width=width, height=height)
            )
        if width * height > MAX_PIXELS:
            raise _too_large(label, width * height, width, height)
        try:
            orientation = int(im.getexif().get(0x0112, 1))
        except Exception:  # a broken EXIF block must not stop an otherwise good image
            orientation = 1
    return fmt, orientation, str(im.mode)


def _tiff_header(data: bytes) -> tuple[int, int, int] | None:
    """(width, height, EXIF-style orientation) from a classic TIFF's first directory, else None."""
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(data[:4])
    if order is None or len(data) < 8:
        return None
    try:
        (offset,) = struct.unpack(order + "I", data[4:8])
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        tags: dict[int, int] = {}
        for i in range(min(count, 4096)):
            entry = data[offset + 2 + 12 * i : offset + 14 + 12 * i]
            tag, kind, n = struct.unpack(order + "HHI", entry[:8])
            if n == 1 and kind in (3, 4):  # SHORT or LONG held in the entry itself
                fmt = "H" if kind == 3 else "I"
                (tags[tag],) = struct.unpack(order + fmt, entry[8 : 8 + struct.calcsize(fmt)])
    except (struct.error, ValueError):
        return None
    if 256 not in tags or 257 not in tags:  # ImageWidth, ImageLength
        return None
    return tags[256], tags[257], tags.get(274, 1)


def _not_an_image(data: bytes, label: str, path: Path | None) -> ImageError:
    suffix = path.suffix.lower() if path is not None else ""
    text = _looks_like_text(data)
    if suffix:
        what = (
            msg("it looks like a text file, although its name ends in {suffix}", suffix=suffix)
            if text
            else msg("its content is not image data, although its name ends in {suffix}", suffix=suffix)
        )
    else:
        what = msg("it looks like a text file") if text else msg("its content is not image data")
    return ImageError(msg(
        "{label} is not an image cnnviz can read ({supported}): {why}.",
        label=label, supported=_SUPPORTED_TEXT, why=what,
    ))


def _jpeg_is_complete(data: bytes) -> bool:
    """True when the main JPEG image has an end-of-image marker after its scan.

    Walks the marker segments up to the first top-level start-of-scan (so an
    EXIF thumbnail's own end marker inside APP1 does not count), then looks
    for FF D9 in the rest. Entropy-coded data never contains FF D9 (an FF byte
    there is stuffed as FF 00), so finding it means the scan data is complete.
    """
    pos = 2  # after SOI (FF D8)
    n = len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF:
            return False
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:
            return True
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if marker == 0xDA:  # start of scan: the entropy-coded data follows
            return data.find(b"\xff\xd9", pos + 2 + length) >= 0
        pos += 2 + length
    return False


def _decode(data: bytes, label: str) -> np.ndarray:
    import cv2

    # OpenCV logs decoder trouble to stderr; the user gets our message instead.
    previous = cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
    try:
        array = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    except cv2.error:
        array = None
    finally:
        cv2.utils.logging.setLogLevel(previous)
    if array is None or array.size == 0:
        raise ImageError(msg(
            "{label} could not be decoded: the file is damaged or truncated "
            "(an interrupted download or copy?).",
            label=label,
        ))
    if array.shape[0] * array.shape[1] > MAX_PIXELS:  # the header lied
        raise _too_large(label, array.shape[0] * array.shape[1], array.shape[1], array.shape[0])
    return array


def _decode_with_pillow(data: bytes, label: str) -> np.ndarray:
    """8-bit TIFF with alpha, as BGRA: OpenCV's TIFF reader scrambles unassociated alpha."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # before open: Pillow warns while opening
            with Image.open(io.BytesIO(data)) as im:
                gray = im.mode in ("LA", "La")
                rgba = np.asarray(im.convert("LA" if gray else "RGBA"))
    except Exception as exc:
        raise ImageError(msg(
            "{label} could not be decoded: the file is damaged or truncated ({reason}).",
            label=label, reason=message_of(exc),
        )) from exc
    return rgba if gray else np.ascontiguousarray(rgba[:, :, [2, 1, 0, 3]])


_KINDS = {1: "grayscale", 2: "grayscale+alpha", 3: "RGB", 4: "RGBA"}


def _scale_16bit(values: np.ndarray) -> tuple[np.ndarray, int]:
    """16-bit integers -> float32 in [0, 1], and the bit depth used.

    Full-range 16-bit data is divided by 65535 (what every viewer does). Data
    that only uses the low 12 bits or fewer is typical of 10- or 12-bit
    sensors and scientific cameras stored in 16-bit containers; divided by
    65535 it would look black, so it is scaled from its effective depth
    (e.g. 0..4095 for 12-bit) instead, never below 8 bits.
    """
    top = int(values.max()) if values.size else 0
    bits = 16 if top > 4095 else max(8, top.bit_length())
    return values.astype(np.float32) / float((1 << bits) - 1), bits


def _to_rgb8(array: np.ndarray, label: str) -> tuple[np.ndarray, str, list[str]]:
    """cv2's decoded array (gray / BGR / BGRA, any depth) -> RGB uint8, mode text, notes."""
    notes: list[str] = []
    if array.ndim == 2:
        array = array[:, :, None]
    if array.ndim != 3 or array.shape[2] not in _KINDS:
        raise ImageError(
            msg("{label} has an unsupported channel layout {shape}.", label=label, shape=array.shape)
        )
    channels = array.shape[2]
    kind = _KINDS[channels]
    dtype = array.dtype
    if dtype == np.uint8:
        depth = "8-bit"
        if channels in (1, 3):  # the common case stays in integers: exact and fast
            rgb = np.repeat(array, 3, axis=2) if channels == 1 else array[:, :, ::-1]
            return np.ascontiguousarray(rgb), f"{kind} {depth}", notes
        values = array.astype(np.float32) / 255.0
    elif dtype == np.uint16:
        values, bits = _scale_16bit(array)
        depth = "16-bit"
        if bits != 16:
            notes.append(msg(
                "The 16-bit data only uses {bits} bits; it was scaled from 0–{top}.",
                bits=bits, top=(1 << bits) - 1,
            ))
    elif np.issubdtype(dtype, np.floating):
        depth = f"{dtype.itemsize * 8}-bit float"
        values = np.nan_to_num(array.astype(np.float32), nan=0.0, posinf=1.0, neginf=0.0)
        lo, hi = float(values.min()), float(values.max())
        if lo < 0.0 or hi > 1.0:
            values = (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)
            notes.append(
                msg("Floating-point values from {low:g} to {high:g} were stretched to 0–255.", low=lo, high=hi)
            )
    else:  # signed or 32-bit integers: stretch what is there
        depth = f"{dtype.itemsize * 8}-bit integer"
        values = array.astype(np.float64)
        lo, hi = float(values.min()), float(values.max())
        values = ((values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)).astype(
            np.float32
        )
        notes.append(msg("Integer values from {low:g} to {high:g} were stretched to 0–255.", low=lo, high=hi))
    if channels in (2, 4):
        # Transparent pixels are composited on white: it is what image viewers
        # and web pages show for logos and icons, and the colour stored under
        # alpha = 0 is arbitrary (often black), so using it would invent edges.
        alpha = values[:, :, -1:]
        values = values[:, :, :-1] * alpha + (1.0 - alpha)
        if float(alpha.min()) < 1.0:
            notes.append(msg("Transparent areas were filled with white."))
    # grayscale -> 3 channels; cv2's BGR -> RGB
    values = np.repeat(values, 3, axis=2) if values.shape[2] == 1 else values[:, :, ::-1]
    rgb = np.clip(np.rint(values * 255.0), 0, 255).astype(np.uint8)
    return rgb, f"{kind} {depth}", notes


def _mode_text(decoded: str, pil_mode: str) -> str:
    """Name the stored pixel format: decoders expand grayscale+alpha and palettes."""
    kind, _, depth = decoded.partition(" ")
    if pil_mode == "1":
        return "black-and-white 1-bit"
    if pil_mode in ("LA", "La"):
        kind = "grayscale+alpha"
    elif pil_mode in ("P", "PA"):
        kind = "palette+alpha" if kind.endswith("A") else "palette"
    return f"{kind} {depth}"


def _apply_orientation(rgb: np.ndarray, orientation: int) -> np.ndarray:
    """Turn a decoded image upright according to its EXIF orientation (1..8)."""
    if orientation == 2:
        out = rgb[:, ::-1]
    elif orientation == 3:
        out = rgb[::-1, ::-1]
    elif orientation == 4:
        out = rgb[::-1]
    elif orientation == 5:
        out = rgb.transpose(1, 0, 2)
    elif orientation == 6:
        out = np.rot90(rgb, k=-1)  # 90° clockwise
    elif orientation == 7:
        out = rgb.transpose(1, 0, 2)[::-1, ::-1]
    elif orientation == 8:
        out = np.rot90(rgb, k=1)  # 90° counter-clockwise
    else:
        return rgb
    return np.ascontiguousarray(out)


# --------------------------------------------------------------------------- preprocessing


@dataclass(frozen=True)
class Preprocess:
    """How an image becomes a model's input tensor.

    With ``resize_size`` set, the shorter side is resized to it (aspect kept)
    and the centre ``crop_size`` is cut out, as torchvision's presets do.
    With ``resize_size=None`` the whole image is resized straight to
    ``crop_size`` (aspect not kept), which suits small inputs such as 32×32.
    """

    resize_size: int | None
    crop_size: tuple[int, int]  # (height, width)
    mean: tuple[float, ...] = IMAGENET_MEAN
    std: tuple[float, ...] = IMAGENET_STD
    channels: int = 3
    interpolation: str = "bilinear"  # a torchvision InterpolationMode value
    antialias: bool = True

    def describe(self) -> str:
        """One line saying what is done, for a tooltip or the CLI."""
        h, w = self.crop_size
        if self.resize_size is None:
            size = f"resize to {w}×{h}"
        else:
            size = f"resize shorter side to {self.resize_size}, centre-crop {w}×{h}"
        gray = ", convert to grayscale" if self.channels == 1 else ""
        mean = ", ".join(f"{m:g}" for m in self.mean)
        std = ", ".join(f"{s:g}" for s in self.std)
        return f"{size} ({self.interpolation}){gray}, scale to [0, 1], normalise mean ({mean}) std ({std})"


def preprocess_for(spec: ModelSpec | str, weights: Any = None) -> Preprocess:
    """The preprocessing a model expects.

    ``weights``: a torchvision weights enum member; its ``transforms``
    (``functools.partial(ImageClassification, crop_size=..., ...)``) is read,
    with ImageClassification's defaults for keywords it does not set. With no
    weights, a torchvision model uses its default weights' transforms (so
    random and pretrained weights see the same crop); any other model is
    described by its ``input_shape`` (C, H, W): ImageNet mean/std for three
    channels, 0.5/0.5 for one; shorter-side resize to crop·256/224 then centre
    crop for inputs of 64 px and more, a straight resize for small ones.
    """
    if isinstance(spec, str):
        from cnnviz.core.models import get_spec

        spec = get_spec(spec)
    channels, height, width = (int(v) for v in spec.input_shape)
    if channels not in (1, 3):
        raise ModelError(msg(
            "Model {name!r} expects {channels} input channels; cnnviz can feed "
            "images only to models with 1 (grayscale) or 3 (RGB) input channels.",
            name=spec.name, channels=channels,
        ))
    if weights is None and spec.source == "torchvision":
        weights = _default_torchvision_weights(spec.name)
    if weights is not None:
        pre = _from_weights(weights, channels)
        if pre is not None:
            return pre
    mean: tuple[float, ...]
    std: tuple[float, ...]
    mean, std = (IMAGENET_MEAN, IMAGENET_STD) if channels == 3 else (GRAY_MEAN, GRAY_STD)
    if spec.mean is not None and spec.std is not None and len(spec.mean) == channels:
        mean, std = spec.mean, spec.std  # the model's own (timm's pretrained_cfg, ONNX metadata)
    if channels == 3 and min(height, width) >= _IMAGENET_LIKE_SIDE:
        resize: int | None = int(round(max(height, width) * 256 / 224))
    else:
        resize = None
    return Preprocess(resize, (height, width), mean, std, channels)


def _default_torchvision_weights(name: str) -> Any:
    try:
        import torchvision.models as tvm

        return tvm.get_model_weights(name).DEFAULT
    except Exception:  # a model without weights enum
        return None


def _from_weights(weights: Any, channels: int) -> Preprocess | None:
    import inspect

    transforms = getattr(weights, "transforms", None)
    func = getattr(transforms, "func", None)
    if func is None:
        return None
    params: Mapping[str, inspect.Parameter]
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        params = {}
    kw: dict[str, Any] = {
        k: p.default for k, p in params.items() if p.default is not inspect.Parameter.empty
    }
    kw.update(getattr(transforms, "keywords", {}) or {})
    if "crop_size" not in kw:
        return None
    crop = _pair(kw["crop_size"])
    resize = kw.get("resize_size", 256)
    if isinstance(resize, list | tuple):
        resize = resize[0]
    interpolation = kw.get("interpolation", "bilinear")
    interpolation = str(getattr(interpolation, "value", interpolation))
    mean = tuple(float(v) for v in kw.get("mean", IMAGENET_MEAN))
    std = tuple(float(v) for v in kw.get("std", IMAGENET_STD))
    antialias = kw.get("antialias", True)
    return Preprocess(
        int(resize) if resize is not None else None,
        crop,
        mean,
        std,
        channels,
        interpolation,
        True if antialias is None else bool(antialias),
    )


def _pair(value: Any) -> tuple[int, int]:
    if isinstance(value, list | tuple):
        return (int(value[0]), int(value[-1]))
    return (int(value), int(value))


@dataclass(frozen=True)
class PreparedImage:
    """An image ready for a model, with what a person needs to see it."""

    original: np.ndarray  # uint8 H×W×3, the loaded image
    tensor: torch.Tensor  # float32 [1, C, h, w]: exactly what the model is fed
    display: np.ndarray  # uint8 h×w×3: the tensor denormalised (grayscale replicated)
    pre: Preprocess
    crop_box: tuple[float, float, float, float]  # (x0, y0, x1, y1) in original pixels


def prepare(image: LoadedImage | np.ndarray, pre: Preprocess) -> PreparedImage:
    """Resize, crop and normalise ``image`` as ``pre`` says.

    Uses ``torchvision.transforms.v2.functional`` on the uint8 tensor, so the
    result equals ``weights.transforms()`` applied to the same tensor.
    ``crop_box`` is the region of the original image that the model sees
    (it reaches outside the image only if the crop is larger than the resized
    image, where torchvision pads with zeros).
    """
    import torch
    import torchvision.transforms.v2.functional as F

    rgb = image.rgb if isinstance(image, LoadedImage) else np.asarray(image)
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected a uint8 H×W×3 image, got {rgb.dtype} {rgb.shape}")
    height, width = rgb.shape[:2]
    x = torch.from_numpy(np.ascontiguousarray(rgb)).permute(2, 0, 1).contiguous()
    crop_h, crop_w = pre.crop_size
    interpolation = F.InterpolationMode(pre.interpolation)
    if pre.resize_size is None:
        x = F.resize(x, [crop_h, crop_w], interpolation=interpolation, antialias=pre.antialias)
        crop_box = (0.0, 0.0, float(width), float(height))
    else:
        x = F.resize(x, [pre.resize_size], interpolation=interpolation, antialias=pre.antialias)
        new_h, new_w = x.shape[-2:]
        top = _crop_anchor(new_h, crop_h)
        left = _crop_anchor(new_w, crop_w)
        x = F.center_crop(x, [crop_h, crop_w])
        sx, sy = width / new_w, height / new_h
        crop_box = (left * sx, top * sy, (left + crop_w) * sx, (top + crop_h) * sy)
    x = F.to_dtype(x, torch.float32, scale=True)
    if pre.channels == 1:
        x = F.rgb_to_grayscale(x, num_output_channels=1)
    x = F.normalize(x, mean=list(pre.mean), std=list(pre.std))
    tensor = x.unsqueeze(0).contiguous()
    return PreparedImage(
        original=rgb,
        tensor=tensor,
        display=denormalize(tensor, pre),
        pre=pre,
        crop_box=crop_box,
    )


def _crop_anchor(size: int, crop: int) -> int:
    """Where torchvision's centre crop starts (negative: it pads first)."""
    if size >= crop:
        return int(round((size - crop) / 2.0))
    return -((crop - size) // 2)


def denormalize(tensor: torch.Tensor, pre: Preprocess) -> np.ndarray:
    """A normalised [1, C, H, W] or [C, H, W] tensor -> uint8 H×W×3 for display."""
    import torch

    t = tensor.detach().to("cpu", torch.float32)
    if t.ndim == 4:
        t = t[0]
    mean = torch.tensor(pre.mean, dtype=torch.float32).view(-1, 1, 1)
    std = torch.tensor(pre.std, dtype=torch.float32).view(-1, 1, 1)
    img = (t * std + mean).clamp_(0.0, 1.0).mul_(255.0).round_().to(torch.uint8)
    arr = img.permute(1, 2, 0).numpy()
    if arr.shape[2] == 1:
        arr = np.repeat(arr, 3, axis=2)
    return np.ascontiguousarray(arr)
