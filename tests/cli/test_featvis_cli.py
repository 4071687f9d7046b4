"""`cnnviz featvis`: the PNG, the last line recomputed from the PNG, seeds, one-line mistakes."""

from __future__ import annotations

import pytest

from cnnviz.cli import main
from cnnviz.core.images import load_image, prepare, preprocess_for
from cnnviz.core.probe import capture
from cnnviz.core.weights import load_model


def _last_value(text: str) -> float:
    return float(text.strip().splitlines()[-1].rsplit(":", 1)[1])


def test_last_line_is_the_channel_mean_on_the_saved_png(tmp_path, capsys) -> None:
    out = tmp_path / "f.png"
    rc = main(["featvis", "vgg_small", "--layer", "features.4", "--channel", "3", "--steps", "12",
               "--preset", "2015", "--out", str(out)])
    assert rc == 0
    captured = capsys.readouterr()
    assert "step 12/12" in captured.err
    last = captured.out.strip().splitlines()[-1]
    assert last.startswith("Mean activation of features.4 channel 3 on the result:")
    loaded = load_model("vgg_small")
    x = prepare(load_image(out), preprocess_for(loaded.spec)).tensor
    act = capture(loaded.model, x, ["features.4"]).layers["features.4"][0, 3]
    assert abs(float(act.mean()) - _last_value(captured.out)) < 1e-4


def test_unit_and_class_targets(tmp_path, capsys) -> None:
    assert main(["featvis", "vgg_small", "--layer", "features.9", "--channel", "0", "--unit", "1,2",
                 "--steps", "6", "--out", str(tmp_path / "u.png"), "--quiet"]) == 0
    text = capsys.readouterr().out
    assert "Activation of features.9 channel 0 at (1, 2) on the result:" in text
    assert text.strip().splitlines()[-1].startswith("Mean activation of features.9 channel 0")
    assert main(["featvis", "vgg_small", "--class", "4", "--steps", "6", "--out", str(tmp_path / "c.png"),
                 "--quiet"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("Logit of class 4 on the result:")


def test_a_conv_layer_can_be_shown_at_another_size(tmp_path, capsys) -> None:
    # the pass stops at the target layer, so the fixed-size classifier never sees the 48×48 picture
    assert main(["featvis", "vgg_small", "--layer", "features.0", "--channel", "0", "--size", "48", "--steps", "2",
                 "--out", str(tmp_path / "big.png"), "--quiet"]) == 0
    assert load_image(tmp_path / "big.png").rgb.shape == (48, 48, 3)


def test_seed_gives_the_same_png_and_weights_seed_another_model(tmp_path, capsys) -> None:
    def run(name: str, *extra: str) -> bytes:
        path = tmp_path / name
        assert main(["featvis", "vgg_small", "--layer", "features.0", "--channel", "1", "--steps", "5",
                     "--out", str(path), "--quiet", *extra]) == 0
        return path.read_bytes()

    a, b, c = run("a.png", "--seed", "3"), run("b.png", "--seed", "3"), run("c.png", "--seed", "4")
    assert a == b and a != c
    values = []
    for seed in ("0", "1"):
        run("w.png", "--seed", "3", "--weights-seed", seed)
        values.append(_last_value(capsys.readouterr().out))
    assert values[0] != values[1]


@pytest.mark.parametrize("argv, message", [
    (["--layer", "features.99", "--channel", "0"], "Unknown layer 'features.99'"),
    (["--layer", "features.0", "--channel", "16"], "channel 16 does not exist"),
    (["--layer", "features.0"], "give --layer and --channel"),
    (["--class", "2", "--layer", "features.0"], "--class takes no --layer"),
    (["--class", "0", "--size", "48"], "failed in layer 'classifier.1'"),  # its Linear needs 32×32
])
def test_mistakes_are_one_line(tmp_path, capsys, argv, message) -> None:
    rc = main(["featvis", "vgg_small", *argv, "--steps", "2", "--out", str(tmp_path / "x.png"), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "x.png").exists()


def test_argument_errors_exit_2(tmp_path, capsys) -> None:
    for bad in (["--steps", "0"], ["--unit", "1"], ["--lr", "-1"], ["--preset", "2016"]):
        with pytest.raises(SystemExit) as exc:
            main(["featvis", "vgg_small", "--layer", "features.0", "--channel", "0", *bad, "--out", str(tmp_path)])
        assert exc.value.code == 2
    capsys.readouterr()
