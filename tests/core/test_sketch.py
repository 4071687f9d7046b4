"""The sketch pad's drawing: coverage against a brute-force supersampling, undo/redo, and what the model sees."""

from __future__ import annotations

import numpy as np
import pytest

from cnnviz.core.sketch import (
    Sketch,
    background_is_dark,
    ink_is_white,
    pad_image,
    segment_coverage,
    to_rgb,
)


def _brute_distance_coverage(shape, p0, p1, radius):
    """Each pixel centre's distance to the segment, by dense sampling of the segment (independent of the formula)."""
    h, w = shape
    ts = np.linspace(0.0, 1.0, 4001)
    pts = np.stack([p0[0] + ts * (p1[0] - p0[0]), p0[1] + ts * (p1[1] - p0[1])], axis=1)
    out = np.zeros(shape, np.float32)
    for i in range(h):
        for j in range(w):
            d = np.min(np.hypot(pts[:, 0] - (i + 0.5), pts[:, 1] - (j + 0.5)))
            out[i, j] = min(1.0, max(0.0, radius + 0.5 - d))
    return out


@pytest.mark.parametrize(("p0", "p1", "radius"), [((3.2, 2.7), (9.9, 12.1), 1.5), ((5.0, 5.0), (5.0, 5.0), 2.2),
                                                   ((-1.0, 4.0), (6.5, 4.0), 0.8)])
def test_segment_coverage_matches_a_brute_force_distance(p0, p1, radius):
    shape = (12, 14)
    box, cover = segment_coverage(shape, p0, p1, radius)
    full = np.zeros(shape, np.float32)
    full[box] = cover
    np.testing.assert_allclose(full, _brute_distance_coverage(shape, p0, p1, radius), atol=2e-3)


def test_a_stroke_is_the_union_of_its_segments_and_undo_redo_walk_the_history():
    s = Sketch(16, 16)
    s.begin(4, 4, 1.5)
    for y, x in [(4, 6), (4, 8), (6, 8), (8, 8)]:  # many small moves, overlapping at every joint
        s.extend(y, x, 1.5)
    s.end()
    union = np.zeros((16, 16), np.float32)
    pts = [(4, 4), (4, 4), (4, 6), (4, 8), (6, 8), (8, 8)]
    for a, b in zip(pts, pts[1:], strict=False):
        box, cover = segment_coverage((16, 16), a, b, 1.5)
        union[box] = np.maximum(union[box], cover)
    np.testing.assert_allclose(s.pixels, union, atol=1e-6)  # joints are not darker than the line
    after_first = s.pixels.copy()
    s.begin(12, 2, 1.0, erase=False)
    s.extend(12, 12, 1.0)
    s.end()
    after_second = s.pixels.copy()
    # the eraser paints background where it passes
    s.begin(4, 0, 2.0, erase=True)
    s.extend(4, 15, 2.0)
    s.end()
    assert s.pixels[4].max() == 0.0 and after_second[4].max() == 1.0
    assert s.undo() and np.array_equal(s.pixels, after_second)
    assert s.undo() and np.array_equal(s.pixels, after_first)
    assert s.redo() and np.array_equal(s.pixels, after_second)
    assert s.clear() and s.blank
    assert not s.clear()  # already blank: nothing to remember
    assert s.undo() and np.array_equal(s.pixels, after_second)
    s.undo(), s.undo(), s.undo()
    assert s.blank and not s.can_undo and s.can_redo


def test_a_new_stroke_after_undo_drops_the_redo_history_and_resize_keeps_the_drawing():
    s = Sketch(8, 8)
    s.begin(2, 2, 1.0)
    s.end()
    s.undo()
    s.begin(5, 5, 1.0)
    s.end()
    assert not s.can_redo
    ink = s.pixels.sum()
    s.resize(32, 32)
    assert s.shape == (32, 32) and not s.can_undo
    assert s.pixels.sum() == pytest.approx(ink * 16, rel=0.1)  # the same ink, four times larger each way


@pytest.mark.parametrize("model", ["lenet5", "resnet18"])
@pytest.mark.parametrize("ink_white", [True, False])
def test_the_model_sees_exactly_the_drawing(model, ink_white):
    from cnnviz.core.images import prepare, preprocess_for
    from cnnviz.core.models import get_spec

    pre = preprocess_for(get_spec(model))
    h, w = pre.crop_size
    s = Sketch(h, w)
    s.begin(h * 0.2, w * 0.3, h / 16)
    s.extend(h * 0.8, w * 0.6, h / 16)
    s.end()
    prepared = prepare(pad_image(s.pixels, ink_white, pre), pre)
    expected = to_rgb(s.pixels, ink_white)
    if pre.channels == 1:
        expected = expected[..., :1].repeat(3, axis=2)
    # the denormalised model input equals the drawing (±1 grey level from float rounding)
    assert prepared.display.shape == expected.shape
    assert np.abs(prepared.display.astype(int) - expected.astype(int)).max() <= 1


def test_which_way_round_the_ink_goes():
    from cnnviz.core.training.datasets import load_dataset

    digits = load_dataset("digits", val_limit=40)
    shapes = load_dataset("shapes", train_limit=1, val_limit=40)
    assert background_is_dark(digits.val.images.numpy())  # white digits on black
    assert background_is_dark(shapes.val.images.numpy())
    paper = np.full((3, 3, 10, 10), 250, np.uint8)
    paper[:, :, 4:6, 4:6] = 0
    assert not background_is_dark(paper)
    assert ink_is_white(1) and not ink_is_white(3)
    assert not ink_is_white(1, dark_background=False) and ink_is_white(3, dark_background=True)
