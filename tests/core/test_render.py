"""Colormaps, mosaics, statistics and kernel pictures, checked against independent computations."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from cnnviz.core import render
from cnnviz.core.errors import ConfigError
from cnnviz.core.render import (
    NAN_RGB,
    _codes,
    apply_colormap,
    channel_order,
    colormap_info,
    get_colormap,
    kernel_images,
    kernel_mosaic,
    kernel_page,
    kernel_rgb,
    layer_stats,
    list_colormaps,
    mosaic,
    register_colormap,
    weight_histogram,
)

RNG = np.random.default_rng(42)

# --------------------------------------------------------------------------- colormaps


@pytest.mark.parametrize("name", ["viridis", "magma", "inferno", "cividis", "gray", "coolwarm"])
def test_luts_match_matplotlib(name: str) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    reference = matplotlib.colormaps[name](np.linspace(0.0, 1.0, 256))[:, :3] * 255.0
    lut = get_colormap(name)
    assert lut.shape == (256, 3) and lut.dtype == np.uint8
    assert np.abs(lut - reference).max() <= 2.0


def test_registry_lists_defaults_and_kinds() -> None:
    names = list_colormaps()
    assert names[0] == "viridis"
    assert {"viridis", "magma", "inferno", "cividis", "gray", "coolwarm"} <= set(names)
    assert list_colormaps("diverging") == ["coolwarm"]
    assert "colour" in colormap_info("cividis").description
    assert not get_colormap("viridis").flags.writeable


def test_unknown_colormap_is_a_user_error() -> None:
    with pytest.raises(ConfigError, match="Did you mean viridis"):
        get_colormap("viridsi")


def test_register_colormap_interpolates_control_points(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "_COLORMAPS", dict(render._COLORMAPS))
    register_colormap("red_ramp", [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    lut = get_colormap("red_ramp")
    np.testing.assert_array_equal(lut[:, 0], np.arange(256))
    assert (lut[:, 1:] == 0).all()
    register_colormap("three", np.array([[0, 0, 0], [100, 200, 50], [255, 255, 255]], np.uint8))
    assert tuple(get_colormap("three")[0]) == (0, 0, 0)
    assert tuple(get_colormap("three")[255]) == (255, 255, 255)
    mid = np.interp(127.5 / 255 * 2, [0, 1, 2], [0, 100, 255])  # entry 127.5 of 0..255
    assert abs(int(get_colormap("three")[127, 0]) - mid) <= 1
    with pytest.raises(ValueError, match="twice"):
        register_colormap("three", [[0, 0, 0], [1, 1, 1]])


def test_apply_colormap_picks_rounded_entries_and_colours_nan() -> None:
    lut = get_colormap("magma")
    values = np.array([[0.0, 1.0, 0.5, -3.0], [7.0, np.nan, 0.2, 1 / 255]], np.float32)
    rgb = apply_colormap(values, "magma", nan_rgb=(1, 2, 3))
    assert rgb.shape == (2, 4, 3) and rgb.dtype == np.uint8
    expected_idx = [[0, 255, 128, 0], [255, -1, 51, 1]]  # 0.5·255 = 127.5 -> 128
    for r in range(2):
        for c in range(4):
            want = (1, 2, 3) if expected_idx[r][c] < 0 else tuple(lut[expected_idx[r][c]])
            assert tuple(rgb[r, c]) == want


# --------------------------------------------------------------------------- mosaics


def _hand_mosaic(
    normed: np.ndarray, channels: list[int], cols: int, pad: int
) -> tuple[np.ndarray, np.ndarray]:
    """Place each tile with explicit loops: the float image and a channel-label image."""
    n, h, w = len(channels), normed.shape[1], normed.shape[2]
    rows = -(-n // cols)
    height, width = rows * (h + pad) - pad, cols * (w + pad) - pad
    image = np.full((height, width), np.nan, np.float32)
    labels = np.full((height, width), -1)
    for t, ch in enumerate(channels):
        y, x = (t // cols) * (h + pad), (t % cols) * (w + pad)
        image[y : y + h, x : x + w] = normed[ch]
        labels[y : y + h, x : x + w] = ch
    return image, labels


@pytest.mark.parametrize(
    ("order", "columns", "pad"), [(None, 4, 2), ([7, 2, 9, 0, 5], 3, 1), (None, 10, 0)]
)
def test_mosaic_round_trip(order: list[int] | None, columns: int, pad: int) -> None:
    maps = RNG.normal(size=(10, 5, 7)).astype(np.float32)
    m = mosaic(maps, columns=columns, pad=pad, order=order)
    channels = list(range(10)) if order is None else order
    shown = maps[channels]
    lo, hi = shown.min(), shown.max()
    normed = (maps - lo) / (hi - lo)
    expected, labels = _hand_mosaic(normed, channels, columns, pad)
    assert m.image.dtype == np.float32 and m.image.shape == expected.shape
    np.testing.assert_allclose(m.image, expected, atol=1e-6)  # NaN in the same places
    assert m.grid == (-(-len(channels) // columns), columns)
    assert m.cell_size == (5, 7) and m.levels == pytest.approx((lo, hi))
    for ch in channels:
        y, x = m.tile_origin(ch)
        assert labels[y, x] == ch and (y == 0 or labels[y - 1, x] != ch)
        np.testing.assert_allclose(m.image[y : y + 5, x : x + 7], normed[ch], atol=1e-6)
    found = np.array(
        [
            [-1 if (c := m.index_at(y, x)) is None else c for x in range(labels.shape[1])]
            for y in range(labels.shape[0])
        ]
    )
    np.testing.assert_array_equal(found, labels)
    assert m.index_at(-1, 0) is None and m.index_at(0, labels.shape[1] + 5) is None
    assert m.unit_at(*m.tile_origin(channels[-1])) == (channels[-1], 0, 0)
    if order is not None:
        with pytest.raises(IndexError):
            m.tile_origin(1)


def test_mosaic_default_grid_is_about_square() -> None:
    assert mosaic(np.zeros((64, 4, 4), np.float32)).grid == (8, 8)
    assert mosaic(np.zeros((10, 4, 4), np.float32)).grid == (3, 4)
    assert mosaic(np.zeros((8, 2, 8), np.float32)).grid[1] < 8 // 2 + 1  # wide tiles: fewer columns
    assert mosaic(np.zeros((5, 4, 4), np.float32), columns=99).grid == (1, 5)


def test_mosaic_scales() -> None:
    maps = RNG.normal(size=(4, 6, 6)).astype(np.float32)
    maps[2] = 3.0  # a constant channel
    per = mosaic(maps, scale="per_channel", pad=0, columns=4)
    for ch in (0, 1, 3):
        y, x = per.tile_origin(ch)
        tile = per.image[y : y + 6, x : x + 6]
        assert tile.min() == pytest.approx(0.0) and tile.max() == pytest.approx(1.0)
        np.testing.assert_allclose(
            per.channel_levels[ch], [maps[ch].min(), maps[ch].max()], rtol=1e-6
        )
    y, x = per.tile_origin(2)
    assert (per.image[y : y + 6, x : x + 6] == 0).all()

    sym = mosaic(maps, scale="symmetric", pad=0, columns=4)
    m = np.abs(maps).max()
    assert sym.levels == pytest.approx((-m, m))
    np.testing.assert_allclose(sym.image[:, :6], (maps[0] + m) / (2 * m), atol=1e-6)
    zero = mosaic(np.zeros((2, 3, 3), np.float32), scale="symmetric")
    assert np.nanmax(np.abs(zero.image - 0.5)) == 0

    fixed = mosaic(maps, levels=(0.0, 2.0), pad=0, columns=4)
    np.testing.assert_allclose(fixed.image[:, :6], np.clip(maps[0] / 2.0, 0, 1), atol=1e-6)
    with pytest.raises(ValueError, match="scale"):
        mosaic(maps, scale="loud")  # type: ignore[arg-type]


def test_mosaic_ignores_non_finite_values_for_levels() -> None:
    maps = np.arange(18, dtype=np.float32).reshape(2, 3, 3)
    maps[0, 0, 0] = np.inf
    maps[1, 1, 1] = np.nan
    m = mosaic(maps, pad=0, columns=2)
    finite = maps[np.isfinite(maps)]
    assert m.levels == (finite.min(), finite.max())
    assert np.isnan(m.image[0, 0]) and np.isnan(m.image[1, 3 + 1])
    assert np.isfinite(
        mosaic(np.full((2, 3, 3), np.nan, np.float32), scale="per_channel").levels
    ).all()


def test_levels_too_far_apart_for_float32_are_drawn_as_missing_values() -> None:
    maps = np.array([[[-3e38, 3e38], [0.0, 1.0]]], np.float32)  # the span overflows float32
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        m = mosaic(maps, pad=0)
    assert not m.finite
    np.testing.assert_array_equal(m.codes, _codes(m.image))


def test_mosaic_to_rgb_colours_padding() -> None:
    m = mosaic(RNG.random((3, 4, 4)).astype(np.float32), columns=2, pad=1)
    rgb = m.to_rgb("viridis", nan_rgb=(9, 9, 9))
    assert rgb.shape == (*m.image.shape, 3) and rgb.dtype == np.uint8
    assert tuple(rgb[4, 0]) == (9, 9, 9)  # the padding row
    assert tuple(rgb[5, 6]) == (9, 9, 9)  # the unused fourth tile
    y, x = m.tile_origin(1)
    np.testing.assert_array_equal(
        rgb[y : y + 4, x : x + 4], apply_colormap(m.image[y : y + 4, x : x + 4])
    )
    assert tuple(m.to_rgb()[4, 0]) == NAN_RGB


def test_mosaic_accepts_batch_of_one_and_single_map() -> None:
    assert mosaic(np.ones((1, 3, 5, 5), np.float32)).grid == (2, 2)
    assert mosaic(np.ones((5, 5), np.float32)).grid == (1, 1)
    with pytest.raises(ValueError):
        mosaic(np.ones(5, np.float32))


# --------------------------------------------------------------------------- order and stats


def test_channel_order_matches_numpy() -> None:
    maps = RNG.normal(size=(12, 4, 4)).astype(np.float32)
    maps[5] = maps[3]  # a tie keeps channel order
    np.testing.assert_array_equal(channel_order(maps, "index"), np.arange(12))
    means = [float(np.mean(maps[c], dtype=np.float64)) for c in range(12)]
    by_mean = channel_order(maps, "mean")
    assert [means[c] for c in by_mean] == sorted(means, reverse=True)
    assert list(by_mean).index(3) < list(by_mean).index(5)
    maxes = [float(maps[c].max()) for c in range(12)]
    assert [maxes[c] for c in channel_order(maps, "max")] == sorted(maxes, reverse=True)
    assert [maxes[c] for c in channel_order(maps, "max", descending=False)] == sorted(maxes)
    with pytest.raises(ValueError):
        channel_order(maps, "median")  # type: ignore[arg-type]


def test_layer_stats_against_plain_python() -> None:
    maps = np.maximum(RNG.normal(size=(6, 5, 5)), 0).astype(np.float32)
    maps[1] = 0.0
    maps[4] = 0.0
    values = [float(v) for v in maps.ravel()]
    n = len(values)
    mean = sum(values) / n
    std = (sum((v - mean) ** 2 for v in values) / n) ** 0.5
    stats = layer_stats(maps)
    assert stats["channels"] == 6
    assert stats["min"] == min(values) and stats["max"] == max(values)
    assert stats["mean"] == pytest.approx(mean, rel=1e-9)
    assert stats["std"] == pytest.approx(std, rel=1e-9)
    assert stats["zero_fraction"] == pytest.approx(sum(v == 0 for v in values) / n)
    assert stats["dead_channels"] == 2 and stats["dead_fraction"] == pytest.approx(2 / 6)
    assert "std" not in layer_stats(maps, std=False)
    maps[1, 0, 0] = -0.0  # still zero everywhere
    maps[4, 2, 2] = np.nan  # not zero: a broken channel is not a dead one
    maps[2] = -np.abs(maps[2])  # all ≤ 0 with negatives: its max is 0, yet it is not dead
    maps[2, 0, 0] = -1.0
    odd = layer_stats(maps, std=False)
    assert odd["dead_channels"] == 1 and isinstance(odd["zero_fraction"], float)
    # counted again in plain Python on the changed maps (NaN is not zero; -0.0 is)
    assert odd["zero_fraction"] == pytest.approx(sum(float(v) == 0 for v in maps.ravel()) / n)


# --------------------------------------------------------------------------- kernels


def test_kernel_rgb_is_symmetric_per_kernel() -> None:
    w = np.zeros((2, 3, 2, 2), np.float32)
    w[0, 0, 0, 0] = 2.0  # strongest positive: red 255
    w[0, 2, 1, 1] = -2.0  # strongest negative: blue 0
    w[0, 1, 0, 1] = 1.0  # half: green 0.5 + 0.25 -> 191
    w[1] = w[0] * 10  # scaled kernel: same picture
    img = kernel_rgb(w)
    assert img.shape == (2, 2, 2, 3) and img.dtype == np.uint8
    assert tuple(img[0, 0, 0]) == (255, 128, 128)
    assert tuple(img[0, 0, 1]) == (128, 191, 128)
    assert tuple(img[0, 1, 1]) == (128, 128, 0)
    assert tuple(img[0, 1, 0]) == (128, 128, 128)
    np.testing.assert_array_equal(img[0], img[1])
    np.testing.assert_array_equal(kernel_images(w), img)
    with pytest.raises(ValueError, match="3 input channels"):
        kernel_rgb(np.zeros((4, 2, 3, 3)))


def test_kernel_pages_for_deeper_layers() -> None:
    w = RNG.normal(size=(5, 4, 3, 3)).astype(np.float32)
    np.testing.assert_array_equal(kernel_page(w, 2), w[:, 2])
    imgs = kernel_images(w, in_channel=2)
    for k in range(5):
        v = 0.5 + 0.5 * w[k, 2] / np.abs(w[k, 2]).max()
        np.testing.assert_array_equal(imgs[k], apply_colormap(v, "coolwarm"))
    shared = kernel_images(w, in_channel=2, per_kernel=False)
    v = 0.5 + 0.5 * w[:, 2] / np.abs(w[:, 2]).max()
    np.testing.assert_array_equal(shared, apply_colormap(v, "coolwarm"))
    with pytest.raises(IndexError):
        kernel_page(w, 4)


def test_kernel_mosaic_geometry() -> None:
    w = RNG.normal(size=(7, 3, 5, 5)).astype(np.float32)
    m = kernel_mosaic(w, columns=3, pad=2, pad_rgb=(1, 2, 3))
    assert m.image.shape == (3 * 7 - 2, 3 * 7 - 2, 3) and m.image.dtype == np.uint8
    imgs = kernel_rgb(w)
    for k in range(7):
        y, x = m.tile_origin(k)
        np.testing.assert_array_equal(m.image[y : y + 5, x : x + 5], imgs[k])
        assert m.index_at(y + 4, x + 4) == k
    assert tuple(m.image[5, 0]) == (1, 2, 3)
    assert tuple(m.image[-1, -1]) == (1, 2, 3)  # the two unused tiles
    assert m.to_rgb() is m.image
    assert m.levels == pytest.approx((-np.abs(w).max(), np.abs(w).max()))


def test_weight_histogram_matches_numpy() -> None:
    w = RNG.normal(size=(8, 3, 3, 3))
    counts, edges = weight_histogram(w, bins=20)
    ref_counts, ref_edges = np.histogram(w.ravel(), bins=20)
    np.testing.assert_array_equal(counts, ref_counts)
    np.testing.assert_allclose(edges, ref_edges)
    w[0, 0, 0, 0] = np.nan
    assert weight_histogram(w, bins=20)[0].sum() == w.size - 1


# --------------------------------------------------------------------------- fast colouring for the GUI


@pytest.mark.parametrize("with_nan", [True, False], ids=["nan", "finite"])  # two colouring paths
@pytest.mark.parametrize("scale", ["shared", "per_channel", "symmetric"])
def test_to_rgba_matches_to_rgb_and_reuses_its_buffer(scale: str, with_nan: bool) -> None:
    maps = RNG.normal(size=(10, 6, 5)).astype(np.float32)
    if with_nan:
        maps[3, 2, 2] = np.nan  # drawn in the NaN colour like the padding
    m = mosaic(maps, pad=2, scale=scale, order=[9, 0, 3, 4, 1, 2, 8])
    assert m.finite is not with_nan
    rgba = m.to_rgba("inferno", nan_rgb=(1, 2, 3))
    assert rgba.shape == (*m.image.shape, 4) and rgba.dtype == np.uint8
    np.testing.assert_array_equal(rgba[..., :3], apply_colormap(m.image, "inferno", nan_rgb=(1, 2, 3)))
    assert (rgba[..., 3] == 255).all()
    np.testing.assert_array_equal(rgba[..., :3], m.to_rgb("inferno", nan_rgb=(1, 2, 3)))
    again = m.to_rgba("viridis", out=rgba)
    assert again is rgba  # same size: written in place
    np.testing.assert_array_equal(again[..., :3], m.to_rgb("viridis"))
    other = mosaic(maps[:4], pad=0).to_rgba(out=rgba)
    assert other is not rgba and other.shape[:2] == mosaic(maps[:4], pad=0).image.shape


def test_kernel_mosaic_to_rgba_adds_an_opaque_alpha() -> None:
    w = RNG.normal(size=(4, 3, 3, 3)).astype(np.float32)
    m = kernel_mosaic(w)
    rgba = m.to_rgba()
    np.testing.assert_array_equal(rgba[..., :3], m.image)
    assert (rgba[..., 3] == 255).all()


def test_columns_to_fill_picks_the_largest_tiles_for_the_area() -> None:
    from cnnviz.core.render import columns_to_fill

    def scale(n, h, w, pad, ah, aw, cols):
        rows = -(-n // cols)
        return min(aw / (cols * w + (cols - 1) * pad), ah / (rows * h + (rows - 1) * pad))

    for n, h, w, pad, ah, aw in [(512, 14, 14, 1, 350, 900), (64, 112, 112, 7, 500, 900), (6, 28, 28, 1, 300, 300),
                                 (1000, 1, 1, 0, 200, 800), (3, 10, 40, 1, 400, 100)]:
        best = columns_to_fill(n, h, w, pad, ah, aw)
        brute = max(range(1, n + 1), key=lambda c: (scale(n, h, w, pad, ah, aw, c), -c))
        assert scale(n, h, w, pad, ah, aw, best) == pytest.approx(scale(n, h, w, pad, ah, aw, brute))
    # a wide, low panel gets a wide mosaic, not the square one
    assert columns_to_fill(512, 14, 14, 1, 350, 900) > 23
