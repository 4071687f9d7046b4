"""Receptive-field crops: boxes by the paper's formula, padding marked, viewer pictures made of real pixels."""

from __future__ import annotations

import numpy as np
import pytest
from atlas_helpers import PRE32, random_images, tiny_net, write_png
from torch import nn

from cnnviz.core.atlas.crops import CHECKER_RGB, clip_box, crop_box, grid, thumbnail, unit_box
from cnnviz.core.atlas.exemplars import build_index
from cnnviz.core.atlas.inputs import model_view
from cnnviz.core.atlas.sources import ArraySource, FolderSource
from cnnviz.core.atlas.viewer import ExemplarViewer
from cnnviz.core.errors import DatasetError
from cnnviz.core.summary import summarize


def test_unit_box_follows_the_recurrence_for_a_strided_net() -> None:
    # conv 5/s2/p2 -> conv 3/s2/p0 -> maxpool 2/s2. By hand (r, j, start):
    # (5, 2, 0) -> (5 + 2·2, 4, 0 + (1 - 0)·2) = (9, 4, 2) -> (9 + 1·4, 8, 2 + 0.5·4) = (13, 8, 4)
    net = nn.Sequential(nn.Conv2d(3, 2, 5, stride=2, padding=2), nn.Conv2d(2, 2, 3, stride=2), nn.MaxPool2d(2))
    rows = {r.key: r for r in summarize(net, (3, 64, 64)).layers}
    for key, (r, j, start) in {"0": (5, 2, 0), "1": (9, 4, 2), "2": (13, 8, 4)}.items():
        for y, x in [(0, 0), (3, 1), (5, 6)]:
            top = start + j * y - (r - 1) // 2
            left = start + j * x - (r - 1) // 2
            assert unit_box(rows[key].rf, y, x, (64, 64)) == (top, left, top + r, left + r)
    assert unit_box(None, 0, 0, (64, 48)) == (0, 0, 64, 48)


def test_crop_keeps_image_pixels_and_marks_padding() -> None:
    view = random_images(1, size=16)[0]
    inside = crop_box(view, (4, 5, 12, 13))
    assert not inside.padded and inside.padded_fraction == 0.0
    assert np.array_equal(inside.rgb, view[4:12, 5:13])
    corner = crop_box(view, (-3, -2, 5, 6))  # 8×8, of which 5×6 inside
    assert corner.padded and corner.clipped == (0, 0, 5, 6) == clip_box((-3, -2, 5, 6), (16, 16))
    assert corner.rgb.shape == (8, 8, 3)
    assert np.array_equal(corner.rgb[3:, 2:], view[:5, :6])
    assert corner.inside.sum() == 30 and corner.padded_fraction == pytest.approx(1 - 30 / 64)
    outside = corner.rgb[~corner.inside]
    assert {tuple(p) for p in outside} == set(CHECKER_RGB)
    # the checkerboard is anchored to input coordinates: pixel (-3, -2) is in square (-1, -1), light
    assert tuple(corner.rgb[0, 0]) == CHECKER_RGB[0]
    far = crop_box(view, (20, 20, 24, 24))
    assert far.inside.sum() == 0 and far.padded_fraction == 1.0


def test_thumbnail_and_grid() -> None:
    img = random_images(1, size=8)[0]
    up = thumbnail(img, 16)
    assert up.shape == (16, 16, 3) and np.array_equal(up[::2, ::2], img)
    tall = thumbnail(np.zeros((10, 5, 3), np.uint8) + 200, 20)
    assert tall.shape == (20, 20, 3) and tall[:, 5:15].min() == 200 and tall[:, :5].max() < 200
    pic = grid([img, None, img], cell=8, columns=2, pad=2)
    assert pic.shape == (18, 18, 3)
    assert np.array_equal(pic[:8, :8], img) and np.array_equal(pic[10:, :8], img)


@pytest.fixture(scope="module")
def viewer(tmp_path_factory) -> ExemplarViewer:
    folder = tmp_path_factory.mktemp("photos")
    for i, img in enumerate(random_images(20, seed=4, size=40)):
        write_png(folder / f"p{i:02d}.png", img)
    source = FolderSource(folder)
    index = build_index(tiny_net(), source, ["3", "4"], preprocess=PRE32, batch_size=8)
    return ExemplarViewer(index, source)


def test_viewer_crops_are_the_model_view_at_the_box(viewer: ExemplarViewer) -> None:
    for c in range(8):
        for item in viewer.top("4", c):
            e = item.exemplar
            view = model_view(viewer.source.read(e.image_id).rgb, PRE32)  # 40×40 file resized to 32×32
            top, left, bottom, right = e.box
            assert item.crop is not None and item.crop.box == e.box
            ct, cl, cb, cr = item.crop.clipped
            assert np.array_equal(item.crop.rgb[ct - top : cb - top, cl - left : cr - left], view[ct:cb, cl:cr])
            assert item.crop.padded == (top < 0 or left < 0 or bottom > 32 or right > 32)


def test_atlas_sorted_and_mosaics(viewer: ExemplarViewer) -> None:
    cells = viewer.atlas("4")
    values = [c.value for c in cells]
    assert values == sorted(values, reverse=True) and len(cells) == 8
    assert all(c.best is not None and c.best.exemplar.rank == 0 for c in cells)
    by_channel = viewer.atlas("4", "channel")
    assert [c.channel for c in by_channel] == list(range(8))
    top = viewer.top_mosaic("4", 0)
    assert top.shape == (3 * 16 + 2 * 2, 3 * 16 + 2 * 2, 3)  # 8-px fields shown at 16 px, 3×3
    whole = viewer.layer_mosaic("4")
    assert whole.shape == (3 * 52 + 2 * 6, 3 * 52 + 2 * 6, 3)  # 8 channels on a 3×3 grid of blocks
    atlas = viewer.atlas_mosaic("4", cell=20)
    assert atlas.shape == (3 * 20 + 2 * 2, 3 * 20 + 2 * 2, 3)


def test_prefetch_fills_the_view_cache(viewer: ExemplarViewer) -> None:
    fresh = ExemplarViewer(viewer.index, viewer.source, view_cache=5)
    assert fresh.prefetch("4", k=9) == 5
    best_first = viewer.index.top("4", viewer.index.channel_order("4")[0])[0].image_id
    assert best_first in fresh._views
    assert fresh.top("4", 0)[0].crop is not None


def test_viewer_refuses_changed_images(viewer: ExemplarViewer) -> None:
    other = ArraySource(random_images(3), name="other")
    with pytest.raises(DatasetError, match="changed"):
        ExemplarViewer(viewer.index, other)


def test_unreadable_image_later_gives_no_crop(tmp_path) -> None:
    for i, img in enumerate(random_images(3, seed=9)):
        write_png(tmp_path / f"{i}.png", img)
    source = FolderSource(tmp_path)
    index = build_index(tiny_net(), source, ["3"], preprocess=PRE32)
    (tmp_path / "1.png").write_bytes(b"broken since")
    view = ExemplarViewer(index, source, check=False)
    items = view.top("3", 0)
    assert {i.exemplar.image_id for i in items if i.crop is None} == {"1.png"}
    assert view.top_mosaic("3", 0).shape[2] == 3
