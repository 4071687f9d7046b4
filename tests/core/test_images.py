"""Image loading and preprocessing: values checked against Pillow and torchvision."""

from __future__ import annotations

import dataclasses
import io
import struct
import tracemalloc
import zlib
from pathlib import Path
from unittest import mock

import cv2
import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps

from cnnviz.core import images
from cnnviz.core.errors import ImageError, ModelError
from cnnviz.core.images import (
    MAX_PIXELS,
    LoadedImage,
    Preprocess,
    load_image,
    prepare,
    preprocess_for,
)
from cnnviz.core.models import get_spec

RNG = np.random.default_rng(1234)
RGB = RNG.integers(0, 256, (24, 36, 3), dtype=np.uint8)


def encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def fake_png(width: int, height: int) -> bytes:
    """A valid-looking PNG whose header claims width×height, with a few bytes of data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + png_chunk(b"IEND", b"")
    )


def smooth_photo(h: int = 375, w: int = 500) -> np.ndarray:
    """A photo-like RGB image: smooth structure plus mild noise."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    base = np.stack(
        [128 + 100 * np.sin(xx / 23.0), 128 + 90 * np.cos(yy / 17.0), (xx + 2 * yy) % 256], -1
    )
    noise = np.random.default_rng(7).normal(0, 12, base.shape)
    return np.clip(base + noise, 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("fmt", "suffix", "kw"),
    [
        ("PNG", ".png", {}),
        ("BMP", ".bmp", {}),
        ("TIFF", ".tif", {}),
        ("TIFF", ".tiff", {"compression": "tiff_lzw"}),
        ("WEBP", ".webp", {"lossless": True}),
    ],
)
def test_lossless_formats_load_exact_rgb(tmp_path: Path, fmt: str, suffix: str, kw: dict) -> None:
    path = write(tmp_path / f"img{suffix}", encode(Image.fromarray(RGB), fmt, **kw))
    img = load_image(path)
    assert isinstance(img, LoadedImage)
    np.testing.assert_array_equal(img.rgb, RGB)  # also catches a BGR/RGB swap
    assert img.rgb.dtype == np.uint8 and img.rgb.flags.c_contiguous
    assert (img.width, img.height) == (36, 24)
    assert img.path == path and img.name == path.name
    assert img.original_mode == "RGB 8-bit"
    assert img.notes == ()


def test_jpeg_matches_pillow_decode(tmp_path: Path) -> None:
    photo = smooth_photo(120, 160)
    data = encode(Image.fromarray(photo), "JPEG", quality=90)
    img = load_image(write(tmp_path / "photo.jpg", data))
    reference = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    assert img.format == "JPEG" and img.original_mode == "RGB 8-bit"
    diff = np.abs(img.rgb.astype(int) - reference.astype(int))
    assert diff.mean() < 1.0 and diff.max() <= 8  # two libjpeg builds, same file


def test_grayscale_8bit_is_replicated(tmp_path: Path) -> None:
    gray = RGB[:, :, 0]
    img = load_image(write(tmp_path / "g.png", encode(Image.fromarray(gray, "L"), "PNG")))
    assert img.original_mode == "grayscale 8-bit"
    np.testing.assert_array_equal(img.rgb, np.repeat(gray[:, :, None], 3, axis=2))


def test_grayscale_16bit_full_range_divides_by_257(tmp_path: Path) -> None:
    values = RNG.integers(0, 65536, (20, 30)).astype(np.uint16)
    values[0, 0] = 65535
    img = load_image(write(tmp_path / "g16.png", encode(Image.fromarray(values), "PNG")))
    assert img.original_mode == "grayscale 16-bit"
    expected = np.rint(values / 257.0).astype(np.uint8)
    assert np.abs(img.rgb[:, :, 0].astype(int) - expected).max() <= 1
    assert (img.rgb[:, :, 0] == img.rgb[:, :, 2]).all()
    assert img.notes == ()


def test_grayscale_16bit_with_12bit_data_uses_its_range(tmp_path: Path) -> None:
    values = RNG.integers(0, 4096, (20, 30)).astype(np.uint16)
    values[0, 0] = 4095
    data = cv2.imencode(".tif", values)[1].tobytes()  # a 16-bit TIFF, as a camera writes it
    img = load_image(write(tmp_path / "sensor.tif", data))
    assert img.original_mode == "grayscale 16-bit"
    expected = values * (255.0 / 4095.0)
    assert np.abs(img.rgb[:, :, 0] - expected).max() <= 0.5 + 1e-6
    assert any("12 bits" in n for n in img.notes)


def test_rgb_16bit_png_keeps_channel_order(tmp_path: Path) -> None:
    rgb16 = np.zeros((8, 10, 3), np.uint16)
    rgb16[..., 0] = 65535  # pure red
    rgb16[:4, :, 2] = 32896  # top half: add half blue
    data = cv2.imencode(".png", rgb16[:, :, ::-1].copy())[1].tobytes()  # cv2 writes BGR
    img = load_image(data)
    assert img.original_mode == "RGB 16-bit" and img.path is None
    np.testing.assert_array_equal(img.rgb[5, 0], [255, 0, 0])
    np.testing.assert_array_equal(img.rgb[0, 0], [255, 0, 128])


def test_rgba_is_composited_on_white(tmp_path: Path) -> None:
    rgba = RNG.integers(0, 256, (16, 20, 4), dtype=np.uint8)
    rgba[0, 0, 3] = 0  # fully transparent -> white
    rgba[0, 1, 3] = 255  # opaque -> its own colour
    for fmt, kw in (("PNG", {}), ("WEBP", {"lossless": True}), ("TIFF", {})):
        img = load_image(encode(Image.fromarray(rgba, "RGBA"), fmt, **kw))
        a = rgba[:, :, 3:].astype(np.float64) / 255.0
        expected = rgba[:, :, :3] * a + 255.0 * (1.0 - a)
        assert np.abs(img.rgb - expected).max() <= 0.5 + 1e-3, fmt
        np.testing.assert_array_equal(img.rgb[0, 0], [255, 255, 255])
        np.testing.assert_array_equal(img.rgb[0, 1], rgba[0, 1, :3])
        assert img.original_mode == "RGBA 8-bit"
        assert any("white" in n for n in img.notes)


def test_gray_alpha_palette_and_bilevel_modes() -> None:
    la = load_image(encode(Image.new("LA", (10, 8), (100, 128)), "PNG"))
    assert la.original_mode == "grayscale+alpha 8-bit"
    expected = round(100 * 128 / 255 + 255 * (1 - 128 / 255))
    assert np.abs(la.rgb.astype(int) - expected).max() <= 1

    pal = Image.fromarray(RGB).quantize(16)
    p = load_image(encode(pal, "PNG"))
    assert p.original_mode == "palette 8-bit"
    np.testing.assert_array_equal(p.rgb, np.asarray(pal.convert("RGB")))

    bw = Image.fromarray(RGB[:, :, 0] > 127)
    b = load_image(encode(bw, "PNG"))
    assert b.original_mode == "black-and-white 1-bit"
    np.testing.assert_array_equal(b.rgb[:, :, 1], np.asarray(bw.convert("L")))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_matches_pillow(orientation: int) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(Image.fromarray(RGB), "PNG", exif=exif)  # lossless, so exact
    img = load_image(data)
    upright = np.asarray(ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB"))
    np.testing.assert_array_equal(img.rgb, upright)
    if orientation >= 5:
        assert (img.width, img.height) == (24, 36)


def test_exif_rotation_of_a_jpeg_photo(tmp_path: Path) -> None:
    photo = smooth_photo(60, 100)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: turn 90° clockwise to view
    data = encode(Image.fromarray(photo), "JPEG", quality=95, exif=exif)
    img = load_image(write(tmp_path / "phone.jpg", data))
    assert (img.height, img.width) == (100, 60)
    expected = np.rot90(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")), k=-1)
    assert np.abs(img.rgb.astype(int) - expected.astype(int)).mean() < 1.0


def test_non_ascii_path(tmp_path: Path) -> None:
    path = write(tmp_path / "тест" / "猫.png", encode(Image.fromarray(RGB), "PNG"))
    img = load_image(str(path))
    np.testing.assert_array_equal(img.rgb, RGB)
    assert img.name == "猫.png"


def test_bytes_like_sources() -> None:
    data = encode(Image.fromarray(RGB), "PNG")
    for source in (data, bytearray(data), memoryview(data)):
        np.testing.assert_array_equal(load_image(source).rgb, RGB)


def test_jpeg_with_trailing_bytes_after_end_marker_loads() -> None:
    data = encode(Image.fromarray(RGB), "JPEG") + b"\x00camera-junk"
    assert load_image(data).rgb.shape == (24, 36, 3)


# --------------------------------------------------------------------------- bad input


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match=r"not found.*nope\.png"):
        load_image(tmp_path / "nope.png")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="folder"):
        load_image(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match=r"empty\.png.*empty \(0 bytes\)"):
        load_image(write(tmp_path / "empty.png", b""))


def test_text_file_named_jpg(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.jpg", "Это не картинка — just some text\n".encode())
    with pytest.raises(ImageError) as err:
        load_image(path)
    msg = str(err.value)
    assert "notes.jpg" in msg and "text file" in msg and ".jpg" in msg


def test_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    data = encode(Image.fromarray(smooth_photo(200, 300)), "JPEG")
    for cut in (len(data) // 2, len(data) - 2):  # half the scan; only the end marker lost
        path = write(tmp_path / f"cut{cut}.jpg", data[:cut])
        with pytest.raises(ImageError, match=r"cut\d+\.jpg.*truncated"):
            load_image(path)


def test_truncated_png_is_refused(tmp_path: Path) -> None:
    data = encode(Image.fromarray(smooth_photo(100, 100)), "PNG")
    with pytest.raises(ImageError, match=r"half\.png.*(damaged|truncated)"):
        load_image(write(tmp_path / "half.png", data[: len(data) // 2]))


def test_unsupported_format(tmp_path: Path) -> None:
    path = write(tmp_path / "anim.gif", encode(Image.fromarray(RGB), "GIF"))
    with pytest.raises(ImageError, match=r"anim\.gif.*GIF.*PNG, JPEG, BMP, TIFF or WebP"):
        load_image(path)


def test_header_bomb_is_refused_without_allocating(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.png", fake_png(50000, 50000))
    tracemalloc.start()
    try:
        with pytest.raises(ImageError, match=r"bomb\.png.*too large.*2,500,000,000"):
            load_image(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # decoding it would need 7.5 GB


def test_pixel_limit_is_checked_on_the_header() -> None:
    # Just over the limit, below Pillow's own bomb threshold: our check fires.
    w = 10_001
    h = MAX_PIXELS // w + 1
    with pytest.raises(ImageError, match=f"{w}×{h}"):
        load_image(fake_png(w, h))
    with mock.patch.object(images, "MAX_PIXELS", 36 * 24):
        assert load_image(encode(Image.fromarray(RGB), "PNG")).width == 36
    with (
        mock.patch.object(images, "MAX_PIXELS", 36 * 24 - 1),
        pytest.raises(ImageError, match="too large"),
    ):
        load_image(encode(Image.fromarray(RGB), "PNG"))


def test_one_pixel_image_loads_with_a_warning() -> None:
    img = load_image(encode(Image.new("RGB", (1, 1), (10, 200, 30)), "BMP"))
    np.testing.assert_array_equal(img.rgb, [[[10, 200, 30]]])
    assert any("very small (1×1" in n for n in img.notes)
    prepared = prepare(img, preprocess_for("vgg_small"))
    expected = (
        torch.tensor([10, 200, 30]) / 255.0 - torch.tensor(images.IMAGENET_MEAN)
    ) / torch.tensor(images.IMAGENET_STD)
    torch.testing.assert_close(
        prepared.tensor[0], expected.view(3, 1, 1).expand(3, 32, 32), atol=1e-5, rtol=0
    )


def test_no_warning_for_normal_sizes() -> None:
    assert load_image(encode(Image.new("RGB", (8, 8)), "PNG")).notes == ()


_VALID = [
    encode(Image.fromarray(RGB), "PNG"),
    encode(Image.fromarray(RGB), "JPEG"),
    encode(Image.fromarray(RGB), "BMP"),
    encode(Image.fromarray(RGB), "TIFF"),
    encode(Image.fromarray(RGB), "WEBP"),
    encode(Image.fromarray(RGB[:, :, 0]), "PNG"),
]


def _loads_or_refuses(data: bytes) -> None:
    # A small limit keeps mutated headers from asking for big allocations.
    with mock.patch.object(images, "MAX_PIXELS", 1_000_000):
        try:
            result = load_image(data)
        except ImageError as exc:
            assert str(exc)
            return
    assert result.rgb.dtype == np.uint8 and result.rgb.ndim == 3 and result.rgb.shape[2] == 3


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_random_bytes_load_or_raise_image_error(data: bytes) -> None:
    _loads_or_refuses(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(_VALID),
    st.floats(0.0, 1.0),
    st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=4),
)
def test_truncated_or_corrupted_files_load_or_raise_image_error(
    data: bytes, keep: float, flips: list[tuple[float, int]]
) -> None:
    buf = bytearray(data[: int(len(data) * keep)])
    for where, value in flips:
        if buf:
            buf[min(int(where * len(buf)), len(buf) - 1)] = value
    _loads_or_refuses(bytes(buf))


# --------------------------------------------------------------------------- preprocessing


def _tv_weights(name: str):
    import torchvision.models as tvm

    return tvm.get_model_weights(name).DEFAULT


@pytest.mark.parametrize("model", ["resnet18", "efficientnet_b3"])
def test_prepare_matches_torchvision_weights_transforms_on_pil(model: str) -> None:
    weights = _tv_weights(model)
    photo = smooth_photo()
    pre = preprocess_for(model, weights)
    prepared = prepare(LoadedImage(photo, None, "RGB 8-bit"), pre)
    reference = weights.transforms()(Image.fromarray(photo))
    assert prepared.tensor.shape == (1, *reference.shape)
    assert prepared.tensor.dtype == torch.float32
    diff = (prepared.tensor[0] - reference).abs()
    # Measured: at most one 8-bit level (1/255/std = 0.0175), mean ~5e-5.
    assert diff.max().item() < 1.5 / 255 / min(pre.std)
    assert diff.mean().item() < 1e-3


def test_prepare_equals_torchvision_v2_pipeline_exactly() -> None:
    from torchvision.transforms import v2

    photo = smooth_photo()
    pre = preprocess_for("resnet18")
    pipeline = v2.Compose(
        [
            v2.Resize(256, antialias=True),
            v2.CenterCrop(224),
            v2.ToDtype(torch.float32, scale=True),
            v2.Normalize(mean=list(images.IMAGENET_MEAN), std=list(images.IMAGENET_STD)),
        ]
    )
    expected = pipeline(torch.from_numpy(photo).permute(2, 0, 1))
    torch.testing.assert_close(prepare(LoadedImage(photo, None, ""), pre).tensor[0], expected)


def test_preprocess_from_weights_reads_keywords_and_defaults() -> None:
    eff = preprocess_for(get_spec("efficientnet_b3"), _tv_weights("efficientnet_b3"))
    assert (eff.resize_size, eff.crop_size, eff.interpolation) == (320, (300, 300), "bicubic")
    inc = preprocess_for("inception_v3", _tv_weights("inception_v3"))
    assert (inc.resize_size, inc.crop_size, inc.interpolation) == (342, (299, 299), "bilinear")
    res = preprocess_for("resnet18", _tv_weights("resnet18"))
    assert (res.resize_size, res.crop_size) == (256, (224, 224))  # ImageClassification's default
    assert res.mean == images.IMAGENET_MEAN and res.std == images.IMAGENET_STD
    # no weights given: a torchvision model still uses its default weights' transforms
    assert preprocess_for("efficientnet_b3") == eff


def test_preprocess_from_input_shape() -> None:
    zf = preprocess_for("zfnet")  # (3, 224, 224), one of ours
    assert zf == Preprocess(256, (224, 224), images.IMAGENET_MEAN, images.IMAGENET_STD, 3)
    vgg = preprocess_for("vgg_small")  # (3, 32, 32): straight resize
    assert (vgg.resize_size, vgg.crop_size, vgg.channels) == (None, (32, 32), 3)
    le = preprocess_for("lenet5")
    assert (le.resize_size, le.crop_size, le.channels) == (None, (32, 32), 1)
    assert (le.mean, le.std) == ((0.5,), (0.5,))
    assert "grayscale" in le.describe() and "centre-crop" in zf.describe()
    odd = dataclasses.replace(get_spec("lenet5"), input_shape=(4, 32, 32))
    with pytest.raises(ModelError, match="4 input channels"):
        preprocess_for(odd)


def test_crop_box_hand_worked() -> None:
    # 500×375 -> shorter side 256 -> 341×256 (int(256·500/375)); centre 224 crop
    # starts at round((341−224)/2) = 58 (58.5 rounds to even), top (256−224)/2 = 16.
    photo = smooth_photo(375, 500)
    prepared = prepare(LoadedImage(photo, None, ""), preprocess_for("zfnet"))
    sx, sy = 500 / 341, 375 / 256
    assert prepared.crop_box == pytest.approx((58 * sx, 16 * sy, 282 * sx, 240 * sy))
    # small nets see the whole image
    whole = prepare(LoadedImage(photo, None, ""), preprocess_for("vgg_small"))
    assert whole.crop_box == (0.0, 0.0, 500.0, 375.0)


def test_display_is_the_denormalised_tensor() -> None:
    import torchvision.transforms.v2.functional as F

    photo = smooth_photo(375, 500)
    prepared = prepare(LoadedImage(photo, None, ""), preprocess_for("zfnet"))
    seen = F.center_crop(F.resize(torch.from_numpy(photo).permute(2, 0, 1), [256]), [224, 224])
    assert prepared.display.shape == (224, 224, 3) and prepared.display.dtype == np.uint8
    diff = np.abs(prepared.display.astype(int) - seen.permute(1, 2, 0).numpy().astype(int))
    assert diff.max() <= 1
    np.testing.assert_array_equal(prepared.original, photo)


def test_grayscale_model_input_closed_form() -> None:
    red = np.zeros((40, 50, 3), np.uint8)
    red[..., 0] = 255
    prepared = prepare(LoadedImage(red, None, ""), preprocess_for("lenet5"))
    assert prepared.tensor.shape == (1, 1, 32, 32)
    luma = 0.2989  # ITU-R 601 weight of red, as torchvision uses
    torch.testing.assert_close(
        prepared.tensor, torch.full((1, 1, 32, 32), (luma - 0.5) / 0.5), atol=1e-3, rtol=0
    )
    assert prepared.display.shape == (32, 32, 3)
    assert (prepared.display == round(luma * 255)).all()
