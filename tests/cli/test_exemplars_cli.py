"""`cnnviz exemplars`: index.json in the issue's format, values recomputed as `cnnviz activations` would, PNGs."""

from __future__ import annotations

import json

import numpy as np
import pytest

from cnnviz.cli import main
from cnnviz.core.images import load_image, prepare, preprocess_for
from cnnviz.core.probe import capture
from cnnviz.core.summary import summarize
from cnnviz.core.weights import load_model


def _photos(folder, n: int = 10) -> None:
    import cv2

    rng = np.random.default_rng(0)
    folder.mkdir()
    for i in range(n):
        img = rng.integers(0, 256, (36 + i, 40, 3), dtype=np.uint8)  # sizes differ: resized to 32×32
        cv2.imwrite(str(folder / f"img{i}.png"), img)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff not really")


def test_index_json_values_and_boxes_are_independently_true(tmp_path, capsys) -> None:
    photos, out = tmp_path / "photos", tmp_path / "out"
    _photos(photos)
    rc = main(["exemplars", "vgg_small", "--data", str(photos), "--layers", "features.3,features.4",
               "--top", "4", "--out", str(out), "--quiet"])
    assert rc == 0
    printed = capsys.readouterr().out
    assert "10 images indexed; skipped: 1 corrupt" in printed and "1 corrupt" in printed and "64 bytes per channel" in printed
    doc = json.loads((out / "index.json").read_text())
    assert list(doc) == ["model", "weights", "dataset", "layers"]
    assert doc["model"] == "vgg_small" and doc["dataset"] == str(photos) and len(doc["weights"]) == 64
    assert list(doc["layers"]) == ["features.3", "features.4"]
    loaded = load_model("vgg_small")
    pre = preprocess_for(loaded.spec)
    rows = {r.key: r for r in summarize(loaded.model, loaded.spec.input_shape).layers}
    inputs = {}
    for layer, channels in doc["layers"].items():
        assert [c["channel"] for c in channels] == list(range(32))
        for ch in channels:
            assert len(ch["top"]) == 4
            for rec in ch["top"]:
                assert list(rec) == ["image", "y", "x", "value", "box"]
                if rec["image"] not in inputs:
                    inputs[rec["image"]] = prepare(load_image(rec["image"]), pre).tensor
                act = capture(loaded.model, inputs[rec["image"]], [layer]).layers[layer]
                assert abs(float(act[0, ch["channel"], rec["y"], rec["x"]]) - rec["value"]) <= 1e-4
                r = rows[layer].rf.rect(rec["y"], rec["x"], (32, 32))
                assert rec["box"] == [r.y0, r.x0, r.y1 + 1, r.x1 + 1]
    import cv2

    for layer in ("features.3", "features.4"):
        png = cv2.imread(str(out / f"{layer}.png"))
        assert png is not None and png.shape[0] > 100 and png.shape[1] > 100
    # a second run finds the index in the cache
    assert main(["exemplars", "vgg_small", "--data", str(photos), "--layers", "features.3,features.4",
                 "--top", "4", "--out", str(out), "--quiet"]) == 0
    assert "(from the cache)" in capsys.readouterr().out


def test_registered_dataset_and_no_cache(tmp_path, capsys) -> None:
    out = tmp_path / "o"
    rc = main(["exemplars", "lenet5", "--data", "shapes", "--limit", "40", "--layers", "C1,C3",
               "--top", "2", "--out", str(out), "--no-cache", "--seed", "1", "--data-seed", "2"])
    assert rc == 0
    doc = json.loads((out / "index.json").read_text())
    assert doc["dataset"] == "shapes"
    first = doc["layers"]["C3"][0]["top"][0]
    assert first["image"].startswith("shapes:val:") and first["box"][2] - first["box"][0] == 14
    assert sorted(p.name for p in out.glob("*.png")) == ["C1.png", "C3.png"]
    assert "(from the cache)" not in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["--layers", "features.99"], "Unknown layer 'features.99'"),
    (["--split", "test"], "Split must be 'train' or 'val'"),
    (["--data", "/no/such/folder"], "neither an image folder nor a dataset"),
])
def test_mistakes_are_one_line(tmp_path, capsys, argv, message) -> None:
    base = {"--data": "shapes", "--layers": "features.0"}
    args = dict(base)
    args.update(dict(zip(argv[::2], argv[1::2], strict=True)))
    flat = [v for kv in args.items() for v in kv]
    rc = main(["exemplars", "vgg_small", *flat, "--limit", "4", "--out", str(tmp_path / "o"), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and message in err


def test_argument_errors_exit_2(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["exemplars", "vgg_small", "--data", "shapes", "--layers", "features.0", "--top", "0",
              "--out", str(tmp_path)])
    assert exc.value.code == 2 and "must be 1 or more" in capsys.readouterr().err
