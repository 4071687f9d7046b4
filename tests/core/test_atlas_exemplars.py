"""The exemplar index against brute force: every record recomputed, rankings, resume, cache keys, odd files."""

from __future__ import annotations

import copy
import os

import numpy as np
import pytest
import torch
from atlas_helpers import PRE32, png_header_only, random_images, tiny_net, write_png
from torch import nn

from cnnviz.core.atlas.cache import AtlasCache, weights_fingerprint
from cnnviz.core.atlas.exemplars import (
    ExemplarIndex,
    IndexFileError,
    build_index,
    index_key_for,
    open_index,
)
from cnnviz.core.atlas.sources import ArraySource, FolderSource, registered_dataset_source
from cnnviz.core.errors import ConfigError, ModelError
from cnnviz.core.images import Preprocess, load_image, prepare
from cnnviz.core.probe import capture, hook_count
from cnnviz.core.progress import Cancelled, CancelToken
from cnnviz.core.training.datasets import load_dataset

LAYERS = ["0", "3", "4"]  # conv, conv, BatchNorm (written into in place by the ReLU after it)


@pytest.fixture(scope="module")
def shapes_source() -> ArraySource:
    return registered_dataset_source("shapes", "val", limit=80)


@pytest.fixture(scope="module")
def shapes_index(shapes_source: ArraySource) -> ExemplarIndex:
    return build_index(tiny_net(), shapes_source, LAYERS, preprocess=PRE32, model_name="tiny", batch_size=16)


def _fresh_value(model: nn.Module, rgb: np.ndarray, layer: str, c: int, y: int, x: int) -> tuple[float, float]:
    """The unit's value and its channel's max over space, from a fresh single-image forward pass."""
    x_in = prepare(rgb, PRE32).tensor  # the Inspect tab's / `cnnviz activations`' preparation
    out = capture(model, x_in, [layer]).layers[layer][0, c]
    return float(out[y, x]), float(out.max())


def test_every_record_recomputes_from_its_image_and_position(shapes_index: ExemplarIndex) -> None:
    model = tiny_net()
    split = load_dataset("shapes", val_limit=80, train_limit=1).val  # the same images, read independently
    checked = 0
    for layer in LAYERS:
        for c in range(shapes_index.channels(layer)):
            for e in shapes_index.top(layer, c):
                number = int(e.image_id.rsplit(":", 1)[1])
                rgb = np.repeat(split.images[number].permute(1, 2, 0).numpy(), 3, axis=2)
                value, channel_max = _fresh_value(model, rgb, layer, c, e.y, e.x)
                assert abs(value - e.value) <= 1e-4, (layer, c, e)
                assert abs(channel_max - e.value) <= 1e-4, "the stored position is the image's strongest"
                checked += 1
    assert checked == sum(shapes_index.channels(k) for k in LAYERS) * 9


def test_top_k_values_are_the_k_largest_per_image_maxima(shapes_index: ExemplarIndex) -> None:
    model = tiny_net()
    split = load_dataset("shapes", val_limit=80, train_limit=1).val
    rgb = np.repeat(split.images.permute(0, 2, 3, 1).numpy(), 3, axis=3)
    x = torch.cat([prepare(im, PRE32).tensor for im in rgb])
    for layer in LAYERS:
        acts = capture(model, x, [layer]).layers[layer]  # every activation, kept here only
        per_image = acts.flatten(2).amax(dim=2)  # (N, C)
        for c in range(acts.shape[1]):
            expected = np.sort(per_image[:, c].numpy())[::-1][:9]
            got = [e.value for e in shapes_index.top(layer, c)]
            np.testing.assert_allclose(got, expected, atol=1e-4)
            images = [e.image_id for e in shapes_index.top(layer, c)]
            assert len(set(images)) == len(images), "one record per image"


def test_boxes_are_the_cores_receptive_fields(shapes_index: ExemplarIndex) -> None:
    # Hand formula (Araujo et al. 2019): conv3/pad1 -> r 3, j 1, start 0; pool2 -> r 4, j 2,
    # start 0.5; conv3/pad1 -> r 8, j 2, start 0.5. Unit (y, x) spans start + 2y ± 3.5.
    from cnnviz.core.summary import summarize

    rows = {r.key: r for r in summarize(tiny_net(), (3, 32, 32)).layers}
    for layer in ("3", "4"):
        for c in range(8):
            for e in shapes_index.top(layer, c):
                top, left = int(0.5 + 2 * e.y - 3.5), int(0.5 + 2 * e.x - 3.5)
                assert e.box == (top, left, top + 8, left + 8)
                r = rows[layer].rf.rect(e.y, e.x, (32, 32))
                assert e.box == (r.y0, r.x0, r.y1 + 1, r.x1 + 1)
    for e in shapes_index.top("0", 0):
        assert e.box == (e.y - 1, e.x - 1, e.y + 2, e.x + 2)


def test_bytes_per_channel_are_k_records(shapes_index: ExemplarIndex) -> None:
    # value float32 + image int32 + y int32 + x int32 per record, nothing else per channel
    assert shapes_index.bytes_per_channel() == 9 * (4 + 4 + 4 + 4)
    assert shapes_index.bytes_per_channel("3") == 144


def test_red_square_channel_ranks_red_squares_first() -> None:
    k = 8
    net = nn.Sequential(nn.Conv2d(3, 2, k), nn.ReLU())
    with torch.no_grad():
        net[0].weight.zero_()
        net[0].weight[0, 0] = 1.0  # + red
        net[0].weight[0, 1:] = -1.0  # - green, - blue: white and grey cancel, colours other than red go negative
        net[0].weight[1] = torch.randn(3, k, k)
        net[0].bias.zero_()
    rng = np.random.default_rng(3)
    images, truth = [], []

    def canvas() -> np.ndarray:
        return np.full((32, 32, 3), rng.integers(0, 80), np.uint8)

    yy, xx = np.mgrid[:32, :32]
    for i in range(45):
        img = canvas()
        y0, x0 = rng.integers(0, 32 - 10, 2)
        kind = ["red square", "green square", "blue square", "red disk", "white square"][i % 5]
        if kind.endswith("square"):
            mask = (yy >= y0) & (yy < y0 + 10) & (xx >= x0) & (xx < x0 + 10)
        else:
            mask = (yy - y0 - 5) ** 2 + (xx - x0 - 5) ** 2 <= 16  # diameter 9: never fills an 8×8 window
        colour = {"red": (230, 20, 20), "green": (20, 230, 20), "blue": (20, 20, 230), "white": (240, 240, 240)}
        img[mask] = colour[kind.split()[0]]
        images.append(img)
        truth.append(kind)
    source = ArraySource(np.stack(images), name="mixed")
    plain = Preprocess(None, (32, 32), mean=(0.0, 0.0, 0.0), std=(1.0, 1.0, 1.0))
    index = build_index(net, source, ["1"], preprocess=plain, top_k=10, batch_size=7)
    top = index.top("1", 0)
    red_squares = [i for i, t in enumerate(truth) if t == "red square"]
    assert len(red_squares) == 9 and len(top) == 10
    ranked = [int(e.image_id.split(":")[1]) for e in top]
    assert sorted(ranked[:9]) == red_squares
    assert truth[ranked[9]] != "red square" and min(e.value for e in top[:9]) > top[9].value
    # each record sits where an 8×8 window lies fully inside the square (value 8·8·(red − green − blue))
    for e in top[:9]:
        assert abs(e.value - 64 * (230 - 20 - 20) / 255) < 1e-3


def test_cancel_then_resume_equals_one_shot(tmp_path, shapes_source: ArraySource) -> None:
    model = tiny_net()
    cache = AtlasCache(tmp_path / "cache")
    token = CancelToken()

    def stop_after_two_batches(fraction: float, message: str) -> None:
        if fraction >= 32 / 80:
            token.cancel()

    with pytest.raises(Cancelled):
        open_index(model, shapes_source, LAYERS, preprocess=PRE32, model_name="tiny", batch_size=16,
                   cache=cache, progress=stop_after_two_batches, cancel=token)
    assert hook_count(model) == 0
    key = index_key_for(model, shapes_source, LAYERS, preprocess=PRE32, model_name="tiny")
    partial = cache.load(key)
    assert partial is not None and not partial.complete and partial.done == 32
    for rec in partial.state.records.values():
        assert int(rec.images.max()) < 32  # only images it visited
    resumed = open_index(model, shapes_source, LAYERS, preprocess=PRE32, model_name="tiny", batch_size=16, cache=cache)
    assert resumed.complete and not resumed.from_cache
    one_shot = build_index(model, shapes_source, LAYERS, preprocess=PRE32, model_name="tiny", batch_size=16)
    for layer in LAYERS:
        a, b = resumed.records(layer), one_shot.records(layer)
        for name in ("values", "images", "ys", "xs"):
            np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    again = open_index(model, shapes_source, LAYERS, preprocess=PRE32, model_name="tiny", batch_size=16, cache=cache)
    assert again.from_cache and again.complete


class _InterruptingSource(ArraySource):
    """Raises KeyboardInterrupt (a user's Ctrl+C) while reading the third batch."""

    calls = 0

    def read_many(self, image_ids):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls == 3:
            raise KeyboardInterrupt
        return super().read_many(image_ids)


def test_ctrl_c_leaves_a_valid_partial_index(tmp_path) -> None:
    source = _InterruptingSource(random_images(64), name="photos")
    cache = AtlasCache(tmp_path)
    model = tiny_net()
    with pytest.raises(KeyboardInterrupt):
        open_index(model, source, ["3"], preprocess=PRE32, batch_size=16, cache=cache)
    assert hook_count(model) == 0 and not model.training
    partial = cache.load(index_key_for(model, source, ["3"], preprocess=PRE32))
    assert partial is not None and partial.done == 32
    source.calls = -100
    full = open_index(model, source, ["3"], preprocess=PRE32, batch_size=16, cache=cache)
    one_shot = build_index(model, ArraySource(random_images(64), name="photos"), ["3"], preprocess=PRE32, batch_size=16)
    np.testing.assert_array_equal(full.records("3").images, one_shot.records("3").images)


def test_changed_weights_or_data_never_reuse_an_index(tmp_path, shapes_source: ArraySource) -> None:
    cache = AtlasCache(tmp_path)
    model = tiny_net()
    first = open_index(model, shapes_source, ["3"], preprocess=PRE32, model_name="tiny", cache=cache)
    other = copy.deepcopy(model)
    with torch.no_grad():
        other[3].weight[0, 0, 0, 0] += 1e-3
    assert weights_fingerprint(other) != weights_fingerprint(model)
    second = open_index(other, shapes_source, ["3"], preprocess=PRE32, model_name="tiny", cache=cache)
    assert not second.from_cache and second.weights == weights_fingerprint(other) != first.weights
    assert first.fits(model) and not first.fits(other) and second.fits(other)
    stats = copy.deepcopy(model)
    stats[4].running_mean += 0.1  # a buffer, not a parameter
    keys = {
        index_key_for(model, shapes_source, ["3"], preprocess=PRE32, model_name="tiny"),
        index_key_for(stats, shapes_source, ["3"], preprocess=PRE32, model_name="tiny"),
        index_key_for(model, shapes_source, ["3", "4"], preprocess=PRE32, model_name="tiny"),
        index_key_for(model, shapes_source, ["3"], preprocess=Preprocess(None, (32, 32), channels=3,
                                                                          mean=(0.5,) * 3), model_name="tiny"),
        index_key_for(model, registered_dataset_source("shapes", "val", limit=79), ["3"], preprocess=PRE32,
                      model_name="tiny"),
        index_key_for(model, shapes_source, ["3"], preprocess=PRE32, model_name="tiny", top_k=5),
        index_key_for(model, shapes_source, ["3"], preprocess=PRE32, model_name="other"),
    }
    assert len(keys) == 7
    assert open_index(model, shapes_source, ["3"], preprocess=PRE32, model_name="tiny", cache=cache).from_cache


def test_odd_files_are_skipped_with_counts(tmp_path) -> None:
    import cv2

    good = random_images(6, seed=1)
    for i, img in enumerate(good):
        write_png(tmp_path / f"good{i}.png", img)
    (tmp_path / "sub").mkdir()
    write_png(tmp_path / "sub" / "gray.png", good[0][:, :, 1])  # grayscale: used, converted, counted
    ok, jpg = cv2.imencode(".jpg", good[1])
    (tmp_path / "truncated.jpg").write_bytes(jpg.tobytes()[: len(jpg) // 2])
    (tmp_path / "noise.png").write_bytes(os.urandom(300))
    (tmp_path / "notes.jpg").write_text("not a picture")
    (tmp_path / "huge.png").write_bytes(png_header_only(30000, 30000))  # 900 MP claimed by its header
    os.symlink(tmp_path / "missing.png", tmp_path / "gone.png")  # unreadable
    (tmp_path / ".hidden.png").write_bytes(b"ignored")
    (tmp_path / "readme.txt").write_text("ignored: not an image name")
    source = FolderSource(tmp_path)
    assert len(source) == 12
    index = build_index(tiny_net(), source, ["3"], preprocess=PRE32, batch_size=4)
    assert index.complete
    assert index.skipped == {"corrupt": 3, "too_large": 1, "unreadable": 1}
    assert index.state.grayscale == 1
    assert len(index.state.skip_examples) == 5
    used = {e.image_id for c in range(8) for e in index.top("3", c)}
    assert used <= {f"good{i}.png" for i in range(6)} | {"sub/gray.png"}
    assert "3 corrupt" in index.describe() and "1 grayscale" in index.describe()
    # the grayscale file's record is what the model gives that file as load_image reads it
    for c in range(8):
        for e in index.top("3", c):
            if e.image_id == "sub/gray.png":
                value, _ = _fresh_value(tiny_net(), load_image(tmp_path / "sub" / "gray.png").rgb, "3", c, e.y, e.x)
                assert abs(value - e.value) <= 1e-4


def test_save_load_round_trip_and_damage(tmp_path, shapes_index: ExemplarIndex) -> None:
    path = tmp_path / "i.npz"
    shapes_index.save(path)
    back = ExemplarIndex.load(path)
    assert back.key == shapes_index.key and back.layers == shapes_index.layers
    assert back.top("4", 2) == shapes_index.top("4", 2)
    assert back.preprocess == shapes_index.preprocess
    # the file names only the images some record uses, not all N
    used = {e.image_id for layer in LAYERS for c in range(back.channels(layer)) for e in back.top(layer, c)}
    assert len(back.image_ids) == 80 and sorted(back.image_ids.known.values()) == sorted(used) and len(used) < 80
    with pytest.raises(IndexError):
        back.image_ids[next(n for n in range(80) if f"shapes:val:{n}" not in used)]
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(IndexFileError):
        ExemplarIndex.load(path)
    cache = AtlasCache(tmp_path / "c")
    cache.save(shapes_index)
    cache.path_for(shapes_index.key).write_bytes(b"garbage")
    assert cache.load(shapes_index.key) is None
    assert not cache.path_for(shapes_index.key).exists(), "a damaged file is removed"


def test_cache_budget_evicts_least_recently_used(tmp_path, shapes_index: ExemplarIndex) -> None:
    import dataclasses
    import time

    cache = AtlasCache(tmp_path, budget_bytes=10**9)
    entries = [dataclasses.replace(shapes_index, key=f"k{i}") for i in range(3)]
    for i, e in enumerate(entries):
        cache.save(e)
        os.utime(cache.path_for(e.key), (time.time() - 100 + i, time.time() - 100 + i))
    size = cache.path_for("k0").stat().st_size
    assert cache.load("k0") is not None  # k0 is now the most recently used
    cache.budget_bytes = 2 * size + size // 2
    assert cache.enforce_budget() == ["k1"]
    assert [e.key for e in cache.entries()] == ["k2", "k0"]
    assert cache.usage() == 2 * size
    assert cache.clear() == 2 * size and cache.entries() == []


def test_ordering_and_errors(shapes_index: ExemplarIndex) -> None:
    order = shapes_index.channel_order("4")
    best = shapes_index.best_values("4")
    assert list(best[order]) == sorted(best, reverse=True)
    assert shapes_index.channel_order("4", "channel") == list(range(8))
    assert [e.rank for e in shapes_index.top("4", 0, 3)] == [0, 1, 2]
    with pytest.raises(ConfigError):
        shapes_index.top("4", 8)
    with pytest.raises(ConfigError):
        shapes_index.top("nope", 0)
    with pytest.raises(ModelError, match="Unknown layer"):
        build_index(tiny_net(), ArraySource(random_images(2), name="x"), ["9"], preprocess=PRE32)
    with pytest.raises(ConfigError):
        build_index(tiny_net(), ArraySource(random_images(2), name="x"), ["3"], preprocess=PRE32, top_k=0)


def test_fully_connected_layers_and_repeated_calls() -> None:
    class Twice(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 3)
            self.act = nn.ReLU()
            self.fc = nn.Linear(4, 5)

        def forward(self, x):  # type: ignore[no-untyped-def]
            y = self.act(self.conv(x))
            z = self.act(y - 0.1)  # the same module, second call: key act#2
            return self.fc(z.mean(dim=(2, 3)))

    torch.manual_seed(1)
    net = Twice().eval()
    source = ArraySource(random_images(10), name="r")
    index = build_index(net, source, ["act#2", "fc"], preprocess=PRE32, top_k=3, batch_size=4)
    assert index.layers["fc"].out_hw == (1, 1)
    for e in index.top("fc", 2):
        x = prepare(source.read(e.image_id).rgb, PRE32).tensor
        with torch.no_grad():
            assert abs(float(net(x)[0, 2]) - e.value) <= 1e-4
        assert e.box == (0, 0, 32, 32) and (e.y, e.x) == (0, 0)
    for e in index.top("act#2", 1):
        x = prepare(source.read(e.image_id).rgb, PRE32).tensor
        assert abs(float(capture(net, x, ["act"]).layers["act#2"][0, 1, e.y, e.x]) - e.value) <= 1e-4
    assert hook_count(net) == 0


def test_unwritable_cache_is_reported_not_fatal(tmp_path, shapes_source: ArraySource) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    messages: list[str] = []
    index = open_index(tiny_net(), shapes_source, ["3"], preprocess=PRE32, cache=AtlasCache(blocker / "cache"),
                       progress=lambda f, m: messages.append(m))
    assert index.complete
    assert sum("cannot be written" in m for m in messages) == 1


def test_nan_activations_never_rank() -> None:
    class NanForBrightCorner(nn.Module):
        def forward(self, x):  # type: ignore[no-untyped-def]
            bright = x[:, :1, :1, :1] > 2.0  # normalised red > 2: a near-white top-left pixel
            return x * 10 + torch.where(bright, torch.nan, 0.0)  # NaN everywhere in those images

    images = random_images(12, seed=7)
    images[:, 0, 0] = 0
    images[[3, 8], 0, 0] = 255
    index = build_index(nn.Sequential(NanForBrightCorner()), ArraySource(images, name="n"), ["0"],
                        preprocess=PRE32, top_k=11, batch_size=5)
    for c in range(3):
        used = {e.image_id for e in index.top("0", c)}
        assert used == {f"n:{i}" for i in range(12)} - {"n:3", "n:8"}
        assert all(np.isfinite(e.value) for e in index.top("0", c))
