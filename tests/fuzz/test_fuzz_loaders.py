"""Fuzz the image loader and the weights loader with hypothesis.

Every input must end in a loaded image / state_dict or a ``CnnvizError``:
never another exception, a hang or a crash. Inputs: random bytes, truncated
and bit-flipped valid files, headers that declare huge sizes (PNG, JPEG, BMP,
TIFF), state_dicts with every dtype, sparse tensors, non-tensor values and
nested dicts, zip files that are not torch archives, and pickles of harmless
builtins.

* Normal test run: a short version (a few hundred inputs, well under 20 s).
* Long run: ``CNNVIZ_FUZZ_EXAMPLES=5000`` sets the examples *per test*;
  ``make fuzz`` (``pytest -p no:xdist -s tests/fuzz``) prints how many inputs
  each test tried and the total.

Each example has a hypothesis ``deadline`` (a slow input fails the test and
is shrunk) and a hard watchdog: ``faulthandler`` dumps every thread's stack
and ends the process if one input runs for :data:`HANG_S` seconds, which also
catches a hang inside C code (a decoder loop) that no Python timeout could
interrupt. A crash (segfault) ends the run with faulthandler's traceback.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import faulthandler
import io
import os
import pickle
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PIL import Image

from cnnviz.core import images
from cnnviz.core.errors import CnnvizError, ImageError, WeightsError
from cnnviz.core.images import load_image
from cnnviz.core.weights import apply_state_dict, load_state_dict_file

# torch warns about odd pickle protocols, deprecated quantized tensors and sparse
# checks while it reads fuzzed files: expected here, noise in the report.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")

LONG_EXAMPLES = int(os.environ.get("CNNVIZ_FUZZ_EXAMPLES", "0") or 0)
#: A per-example deadline far above the normal few milliseconds: it flags a
#: pathological input (quadratic parsing, a giant decode), not a slow machine.
DEADLINE = datetime.timedelta(seconds=10)
#: No single input may run this long: the process is ended with a stack dump.
HANG_S = 120


def fuzz_settings(short: int) -> settings:
    """``short`` examples in the normal suite, CNNVIZ_FUZZ_EXAMPLES in a long run."""
    return settings(
        max_examples=LONG_EXAMPLES or short,
        deadline=DEADLINE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=not LONG_EXAMPLES,  # the short version is the same on every run
        print_blob=True,
    )


TRIED: collections.Counter[str] = collections.Counter()


def guarded(name: str, fn: Callable[[], None]) -> None:
    """Run one example under the hang watchdog and count it."""
    TRIED[name] += 1
    faulthandler.dump_traceback_later(HANG_S, exit=True)
    try:
        fn()
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module", autouse=True)
def report_inputs_tried(request: pytest.FixtureRequest):
    """Print how many inputs each fuzz test tried (past pytest's output capture)."""
    yield
    if not TRIED:
        return
    lines = [f"fuzz: {name}: {n} inputs" for name, n in sorted(TRIED.items())]
    lines.append(f"fuzz: total {sum(TRIED.values())} inputs tried")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print("\n" + "\n".join(lines), flush=True)


# ============================================================================ images


def _encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def _seed_images() -> dict[str, bytes]:
    """Small valid files of every supported format and many pixel modes."""
    rng = np.random.default_rng(0)
    rgb = Image.fromarray(rng.integers(0, 256, (6, 9, 3), dtype=np.uint8), "RGB")
    rgba = Image.fromarray(rng.integers(0, 256, (5, 7, 4), dtype=np.uint8), "RGBA")
    gray = Image.fromarray(rng.integers(0, 256, (8, 5), dtype=np.uint8), "L")
    gray16 = Image.fromarray(rng.integers(0, 65536, (4, 6), dtype=np.uint16))
    seeds = {
        "png-rgb": _encode(rgb, "PNG"),
        "png-rgba": _encode(rgba, "PNG"),
        "png-gray": _encode(gray, "PNG"),
        "png-gray16": _encode(gray16, "PNG"),
        "png-palette": _encode(rgb.convert("P"), "PNG"),
        "png-1bit": _encode(gray.convert("1"), "PNG"),
        "png-la": _encode(rgba.convert("LA"), "PNG"),
        "jpeg-rgb": _encode(rgb, "JPEG", quality=90),
        "jpeg-gray": _encode(gray, "JPEG"),
        "jpeg-progressive": _encode(rgb, "JPEG", progressive=True),
        "bmp-rgb": _encode(rgb, "BMP"),
        "bmp-gray": _encode(gray, "BMP"),
        "bmp-palette": _encode(rgb.convert("P"), "BMP"),
        "tiff-rgb": _encode(rgb, "TIFF"),
        "tiff-rgba": _encode(rgba, "TIFF"),
        "tiff-gray16": _encode(gray16, "TIFF"),
        "tiff-deflate": _encode(rgb, "TIFF", compression="tiff_adobe_deflate"),
        "webp-rgb": _encode(rgb, "WEBP", lossless=True),
        "webp-rgba": _encode(rgba, "WEBP", lossless=True),
    }
    import cv2

    ok, f32 = cv2.imencode(".tiff", rng.random((5, 4), dtype=np.float32) * 3 - 1)
    assert ok
    seeds["tiff-float32"] = f32.tobytes()
    # three channels: Pillow cannot identify these; cnnviz reads the TIFF header itself
    ok, f32rgb = cv2.imencode(".tiff", rng.random((4, 6, 3), dtype=np.float32) * 3 - 1)
    assert ok
    seeds["tiff-float32-rgb"] = f32rgb.tobytes()
    ok, rgb16 = cv2.imencode(".png", rng.integers(0, 4096, (3, 5, 3), dtype=np.uint16))
    assert ok
    seeds["png-rgb16-12bit"] = rgb16.tobytes()
    return seeds


SEEDS = _seed_images()
SEED_NAMES = sorted(SEEDS)
#: What cnnviz must decode exactly as Pillow does (lossless, 8-bit, no alpha).
LOSSLESS_RGB = ["png-rgb", "png-gray", "png-palette", "bmp-rgb", "bmp-gray", "tiff-rgb",
                "tiff-deflate", "webp-rgb"]

MAGICS = [
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff\xe0",
    b"\xff\xd8\xff\xdb",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    b"GIF89a",
    b"\x00\x00\x01\x00",  # ICO
]


@pytest.mark.parametrize("name", LOSSLESS_RGB)
def test_seed_files_decode_exactly_like_pillow(name: str) -> None:
    """The seeds are valid: truncating them tests damage, not a broken seed."""
    loaded = load_image(SEEDS[name])
    expected = np.asarray(Image.open(io.BytesIO(SEEDS[name])).convert("RGB"))
    np.testing.assert_array_equal(loaded.rgb, expected)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_seed_file_loads(name: str) -> None:
    loaded = load_image(SEEDS[name])
    assert loaded.rgb.shape[2] == 3 and loaded.rgb.size > 0


def check_image(data: bytes) -> None:
    """The property: a well-formed RGB image within the limits, or an ImageError."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = load_image(data)
        except ImageError as exc:
            result = exc
    # decoders' warnings must not reach the console: the user gets cnnviz's message
    assert not caught, [f"{w.category.__name__}: {w.message}" for w in caught]
    if isinstance(result, ImageError):
        assert str(result).strip(), "an ImageError must carry a message"
        return
    rgb = result.rgb
    assert isinstance(rgb, np.ndarray) and rgb.dtype == np.uint8
    assert rgb.ndim == 3 and rgb.shape[2] == 3 and rgb.flags.c_contiguous
    assert 1 <= rgb.shape[0] * rgb.shape[1] <= images.MAX_PIXELS


# --- header patching: declare a size the data does not have


def _png_with_size(data: bytes, width: int, height: int) -> bytes:
    """Rewrite the IHDR width/height and its CRC, so the header stays valid."""
    ihdr = bytearray(data[12:29])  # b"IHDR" + 13 bytes of fields
    assert ihdr[:4] == b"IHDR"
    ihdr[4:12] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(bytes(ihdr)) & 0xFFFFFFFF)
    return data[:12] + bytes(ihdr) + crc + data[33:]


def _jpeg_with_size(data: bytes, width: int, height: int) -> bytes:
    """Rewrite the height/width of the first start-of-frame segment."""
    buf = bytearray(data)
    pos = 2
    while pos + 4 <= len(buf):
        marker = buf[pos + 1]
        length = int.from_bytes(buf[pos + 2 : pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            buf[pos + 5 : pos + 9] = struct.pack(">HH", height, width)
            return bytes(buf)
        pos += 2 + length
    raise AssertionError("no SOF marker in the JPEG seed")


def _bmp_with_size(data: bytes, width: int, height: int) -> bytes:
    """BITMAPINFOHEADER width/height are signed (negative height: top-down rows)."""
    return data[:18] + struct.pack("<ii", width, height) + data[26:]


def _tiff_with_size(data: bytes, width: int, height: int) -> bytes:
    """Rewrite ImageWidth (256) and ImageLength (257) in the first IFD (little-endian seed)."""
    buf = bytearray(data)
    assert buf[:4] == b"II*\x00"
    ifd = struct.unpack_from("<I", buf, 4)[0]
    count = struct.unpack_from("<H", buf, ifd)[0]
    for i in range(count):
        entry = ifd + 2 + 12 * i
        tag, typ = struct.unpack_from("<HH", buf, entry)
        if tag in (256, 257):
            value = width if tag == 256 else height
            if typ == 3:  # SHORT
                struct.pack_into("<HH", buf, entry + 2, 3, 1)
                struct.pack_into("<HH", buf, entry + 8, value & 0xFFFF, 0)
            else:  # LONG
                struct.pack_into("<HI", buf, entry + 2, 4, 1)
                struct.pack_into("<I", buf, entry + 8, value & 0xFFFFFFFF)
    return bytes(buf)


PATCHERS = {
    "png": (_png_with_size, ["png-rgb", "png-gray16", "png-palette", "png-rgba"], 2**31 - 1),
    "jpeg": (_jpeg_with_size, ["jpeg-rgb", "jpeg-gray", "jpeg-progressive"], 2**16 - 1),
    "bmp": (_bmp_with_size, ["bmp-rgb", "bmp-gray", "bmp-palette"], 2**31 - 1),
    "tiff": (_tiff_with_size, ["tiff-rgb", "tiff-rgba", "tiff-gray16"], 2**32 - 1),
}


def test_header_patchers_really_change_the_declared_size() -> None:
    """Pillow reads back the size each patcher writes (else the fuzzing below is hollow)."""
    for fmt, (patch, seeds, _top) in PATCHERS.items():
        for seed in seeds:
            patched = patch(SEEDS[seed], 4321, 1234)
            with Image.open(io.BytesIO(patched)) as im:
                assert im.size == (4321, 1234), (fmt, seed)


def test_declared_size_over_the_limit_is_refused_before_decoding() -> None:
    for fmt, (patch, seeds, top) in PATCHERS.items():
        side = min(top, 60_000)
        with pytest.raises(ImageError, match="too large"):
            load_image(patch(SEEDS[seeds[0]], side, side))
        assert fmt


def _sides(top: int) -> st.SearchStrategy[int]:
    return st.one_of(
        st.integers(0, 64),  # tiny, including zero
        st.integers(1000, 6000),  # plausible, but the data is missing
        st.integers(9_000, top),  # far past the pixel limit
        st.sampled_from([10_000, 10_001, top]),  # at and around the limit
    )


@st.composite
def huge_header(draw: st.DrawFn) -> bytes:
    fmt = draw(st.sampled_from(sorted(PATCHERS)))
    patch, seeds, top = PATCHERS[fmt]
    width, height = draw(_sides(top)), draw(_sides(top))
    if fmt == "bmp" and draw(st.booleans()):
        height = -min(height, 2**31 - 1)  # top-down BMP
    data = patch(SEEDS[draw(st.sampled_from(seeds))], width, height)
    keep = draw(st.floats(0.3, 1.0))  # often cut the pixel data as well
    return data[: max(1, int(len(data) * keep))]


@st.composite
def damaged_file(draw: st.DrawFn) -> bytes:
    data = bytearray(SEEDS[draw(st.sampled_from(SEED_NAMES))])
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    for _ in range(draw(st.integers(0, 6))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.integers(0, 4)) == 0:
        data += draw(st.binary(max_size=64))
    return bytes(data)


image_inputs = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda m, tail: m + tail, st.sampled_from(MAGICS), st.binary(max_size=512)),
    damaged_file(),
    huge_header(),
)


@fuzz_settings(short=400)
@given(image_inputs)
# found by this fuzzer: Pillow's DecompressionBombWarning escaped for big RGBA TIFFs
@example(_tiff_with_size(SEEDS["tiff-rgba"], 10_000, 10_000))
def _fuzz_images(data: bytes) -> None:
    guarded("load_image", lambda: check_image(data))


def test_fuzz_load_image() -> None:
    _fuzz_images()


def test_fuzz_load_image_from_a_file_path(tmp_path: Path) -> None:
    """The path route (stat, read, name in the message) under the same inputs."""
    target = tmp_path / "图像 input.png"

    @fuzz_settings(short=60)
    @given(image_inputs)
    def run(data: bytes) -> None:
        target.write_bytes(data)

        def check() -> None:
            try:
                load_image(target)
            except ImageError as exc:
                assert target.name in str(exc) or "empty" in str(exc)

        guarded("load_image(path)", check)

    run()


# ============================================================================ weights


DTYPES = [
    torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int8, torch.uint8,
    torch.int16, torch.int32, torch.int64, torch.bool, torch.complex64, torch.complex128,
]


@st.composite
def tensors(draw: st.DrawFn) -> torch.Tensor:
    dtype = draw(st.sampled_from(DTYPES))
    shape = tuple(draw(st.lists(st.integers(0, 4), max_size=3)))
    gen = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    if dtype.is_floating_point or dtype.is_complex:
        t = torch.randn(shape, generator=gen, dtype=dtype)
    elif dtype == torch.bool:
        t = torch.randint(0, 2, shape, generator=gen).bool()
    else:
        t = torch.randint(0, 100, shape, generator=gen, dtype=dtype)
    kinds = ["plain", "plain", "plain", "parameter", "sparse", "csr", "view", "meta", "quantized"]
    kind = draw(st.sampled_from(kinds))
    if kind == "parameter" and dtype.is_floating_point:
        t = torch.nn.Parameter(t, requires_grad=draw(st.booleans()))
    elif kind == "sparse" and t.ndim >= 1 and dtype != torch.bool:
        t = t.to_sparse()
    elif kind == "csr" and t.ndim == 2 and dtype != torch.bool:
        t = t.to_sparse_csr()
    elif kind == "meta":
        t = t.to("meta")  # saved without any data
    elif kind == "quantized" and dtype == torch.float32:
        t = torch.quantize_per_tensor(t, 0.1, 0, torch.qint8)
    elif kind == "view" and t.ndim == 2:
        t = t.t()  # non-contiguous: a view sharing its storage
    return t


keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["module.conv.weight", "module.fc.bias", "state_dict", "model", ""]),
    st.integers(-5, 5),
)
leaf_values = st.one_of(
    tensors(), tensors(), st.integers(), st.floats(), st.text(max_size=8), st.none(),
    st.booleans(), st.lists(st.integers(), max_size=3),
)
nested = st.recursive(
    leaf_values,
    lambda inner: st.one_of(
        st.dictionaries(keys, inner, max_size=4),
        st.lists(inner, max_size=3),
        st.tuples(inner, inner),
    ),
    max_leaves=10,
)


@st.composite
def saved_objects(draw: st.DrawFn) -> object:
    """What torch.save might be handed: state_dicts, checkpoints, junk."""
    body = draw(st.one_of(st.dictionaries(keys, nested, max_size=5), nested))
    wrap = draw(st.sampled_from(["none", "state_dict", "model", "model_state_dict", "ordered"]))
    if wrap == "ordered" and isinstance(body, dict):
        return collections.OrderedDict(body)
    if wrap in ("state_dict", "model", "model_state_dict"):
        return {wrap: body, "epoch": draw(st.integers(0, 100))}
    return body


def _torch_bytes(obj: object, legacy: bool) -> bytes:
    buf = io.BytesIO()
    torch.save(obj, buf, _use_new_zipfile_serialization=not legacy)
    return buf.getvalue()


@st.composite
def torch_files(draw: st.DrawFn) -> bytes:
    data = bytearray(_torch_bytes(draw(saved_objects()), legacy=draw(st.booleans())))
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip"]))
    if damage == "truncate":
        data = data[: draw(st.integers(1, max(1, len(data) - 1)))]
    elif damage == "flip":
        for _ in range(draw(st.integers(1, 6))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


harmless = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
        st.binary(max_size=8), st.complex_numbers(allow_nan=True),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.tuples(inner),
        st.dictionaries(st.text(max_size=4), inner, max_size=3),
        st.frozensets(st.integers(), max_size=3), st.sets(st.text(max_size=3), max_size=3),
        st.builds(range, st.integers(-3, 3), st.integers(-3, 9)),
        st.builds(bytearray, st.binary(max_size=4)),
    ),
    max_leaves=8,
)
pickles = st.builds(
    lambda obj, proto: pickle.dumps(obj, protocol=proto), harmless, st.integers(0, 5)
)


@st.composite
def zip_files(draw: st.DrawFn) -> bytes:
    """Zip archives that are not (or not quite) torch archives."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        names = draw(st.lists(
            st.one_of(
                st.sampled_from([
                    "archive/data.pkl", "archive/version", "archive/data/0",
                    "archive/byteorder", "data.pkl", "x/data.pkl", ".data/version",
                ]),
                st.text("abcdef/._", min_size=1, max_size=12),
            ),
            max_size=5, unique=True,
        ))
        for name in names:
            if name.endswith("data.pkl") and draw(st.booleans()):
                content = draw(pickles)
            elif name.endswith("version"):
                content = draw(st.sampled_from([b"3\n", b"99\n", b"", b"x"]))
            else:
                content = draw(st.binary(max_size=64))
            zf.writestr(name, content)
    return buf.getvalue()


weight_inputs = st.one_of(
    st.binary(min_size=1, max_size=1024),
    st.builds(lambda m, tail: m + tail,
              st.sampled_from([b"PK\x03\x04", b"\x80\x02", b"\x80\x05", b"\x8a\x0a"]),
              st.binary(max_size=256)),
    torch_files(),
    zip_files(),
    pickles,
)


def check_weights(path: Path) -> None:
    """The property: a dict of tensors with text keys, or a WeightsError."""
    try:
        result = load_state_dict_file(path)
    except WeightsError as exc:
        assert str(exc).strip()
        return
    assert isinstance(result, dict) and result
    assert all(isinstance(k, str) for k in result)
    assert all(isinstance(v, torch.Tensor) for v in result.values())


def test_fuzz_load_state_dict_file(tmp_path: Path) -> None:
    target = tmp_path / "weights.pt"

    @fuzz_settings(short=400)
    @given(weight_inputs)
    def run(data: bytes) -> None:
        target.write_bytes(data)
        guarded("load_state_dict_file", lambda: check_weights(target))

    run()


# --- valid files must come back exactly


valid_state_dicts = st.dictionaries(
    st.text(min_size=1, max_size=10).filter(lambda k: not k.startswith("module.")),
    tensors(),
    min_size=1,
    max_size=5,
)


def same_tensor(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Equal dtype, shape, layout and values, for every kind of tensor the strategy makes."""
    if (a.dtype, a.shape, a.layout, a.is_meta, a.is_quantized) != (
        b.dtype, b.shape, b.layout, b.is_meta, b.is_quantized
    ):
        return False
    if a.is_meta:
        return True  # no values to compare
    if a.is_quantized:
        return a.q_scale() == b.q_scale() and torch.equal(a.int_repr(), b.int_repr())
    if a.layout != torch.strided:
        a, b = a.to_dense(), b.to_dense()
    return torch.equal(a.detach(), b.detach())


def test_fuzz_valid_state_dicts_round_trip(tmp_path: Path) -> None:
    """Independent check: what torch.save wrote is what comes back, unwrapped."""
    target = tmp_path / "weights.pt"

    @fuzz_settings(short=100)
    @given(valid_state_dicts, st.sampled_from(["none", "state_dict", "module."]), st.booleans())
    def run(sd: dict[str, torch.Tensor], wrap: str, legacy: bool) -> None:
        if wrap == "state_dict":
            obj: object = {"state_dict": sd, "epoch": 3, "optimizer": {"lr": 0.1}}
        elif wrap == "module.":
            obj = {f"module.{k}": v for k, v in sd.items()}  # saved from DataParallel
        else:
            obj = sd
        target.write_bytes(_torch_bytes(obj, legacy))

        def check() -> None:
            loaded = load_state_dict_file(target)
            assert sorted(loaded) == sorted(sd)
            for k, v in sd.items():
                got = loaded[k]
                assert same_tensor(got, v), k

        guarded("round trip", check)

    run()


# --- applying what was loaded to a real model


@st.composite
def state_dicts_for(draw: st.DrawFn, own: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The model's own keys with odd dtypes / layouts / shapes, some missing, some extra."""
    out: dict[str, torch.Tensor] = {}
    for key, ref in own.items():
        action = draw(st.sampled_from(
            ["keep", "keep", "dtype", "shape", "drop", "sparse", "scalar", "meta", "quantized"]
        ))
        if action == "drop":
            continue
        t = ref.clone()
        if action == "dtype":
            t = t.to(draw(st.sampled_from(DTYPES)))
        elif action == "shape":
            t = t.reshape(-1)[: max(0, t.numel() - 1)]
        elif action == "sparse" and t.ndim >= 1:
            t = t.to_sparse()
        elif action == "meta":
            t = t.to("meta")
        elif action == "quantized" and t.is_floating_point():
            t = torch.quantize_per_tensor(t.float(), 0.05, 0, torch.qint8)
        elif action == "scalar":
            t = torch.tensor(draw(st.floats(allow_nan=True, allow_infinity=True)))
        out[key] = t
    for extra in draw(st.lists(st.text(max_size=6), max_size=2)):
        out[extra] = torch.zeros(2)
    return out


def test_fuzz_apply_state_dict_to_a_model() -> None:
    from cnnviz.core.models import build_model

    model = build_model("lenet5", seed=0)
    own = {k: v.clone() for k, v in model.state_dict().items()}

    @fuzz_settings(short=80)
    @given(state_dicts_for(own), st.booleans())
    def run(sd: dict[str, torch.Tensor], strict: bool) -> None:
        def check() -> None:
            try:
                report = apply_state_dict(model, sd, source="fuzz", strict=strict)
            except CnnvizError:
                return
            assert report.loaded <= len(own)
            for key, value in model.state_dict().items():
                assert value.dtype == own[key].dtype and value.shape == own[key].shape
                assert not value.is_sparse

        guarded("apply_state_dict", check)

    run()


# --- regressions found by the fuzzers above, pinned


@pytest.mark.parametrize("data", [b"e", b"q", b"q\x00", b"\x80\x02e"])
def test_damaged_pickles_are_weights_errors(tmp_path: Path, data: bytes) -> None:
    """The weights-only unpickler raised IndexError / KeyError on these (not WeightsError)."""
    target = tmp_path / "w.pt"
    target.write_bytes(data)
    with pytest.raises(WeightsError, match="not a readable PyTorch weights file"):
        load_state_dict_file(target)


def test_sparse_and_quantized_weights_load_as_their_values() -> None:
    layer = torch.nn.Linear(3, 2)
    weight = torch.tensor([[1.0, 0.0, -2.0], [0.0, 0.5, 0.0]])
    quantized_bias = torch.quantize_per_tensor(torch.tensor([0.3, -0.7]), 0.1, 0, torch.qint8)
    report = apply_state_dict(
        layer, {"weight": weight.to_sparse(), "bias": quantized_bias}, source="test"
    )
    assert report.complete and report.loaded == 2
    assert torch.equal(layer.weight.detach(), weight)
    assert torch.allclose(layer.bias.detach(), torch.tensor([0.3, -0.7]))


@pytest.mark.parametrize(
    "bad", [torch.zeros(2, 3, device="meta"), torch.zeros(2, 3, dtype=torch.complex64)],
    ids=["meta", "complex"],
)
def test_weights_without_real_values_are_refused(bad: torch.Tensor) -> None:
    layer = torch.nn.Linear(3, 2)
    before = layer.weight.detach().clone()
    with pytest.raises(WeightsError, match="weight"):
        apply_state_dict(layer, {"weight": bad, "bias": torch.zeros(2)}, source="test")
    assert torch.equal(layer.weight.detach(), before)
