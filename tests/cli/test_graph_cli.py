"""`cnnviz graph` and model names from other sources (ONNX files, timm) on the command line."""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET

import cv2
import pytest
import torch

from cnnviz.cli import main
from cnnviz.core.models import build_model
from cnnviz.core.summary import summarize


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_nodes_edges_and_merge_nodes(capsys, tmp_path) -> None:
    out = tmp_path / "r18.json"
    code, text, _ = run_cli(capsys, "graph", "resnet18", "--input", "3,64,64", "--format", "json", "--out", str(out))
    assert code == 0 and "Saved" in text
    doc = json.loads(out.read_text(encoding="utf-8"))
    nodes = {n["key"]: n for n in doc["nodes"]}
    assert {"name", "type", "output_shape"} <= set(doc["nodes"][1])
    assert nodes["layer1.0:add"]["kind"] == "merge" and nodes["layer1.0:add"]["type"] == "add"
    rows = {r.key: r for r in summarize(build_model("resnet18"), (3, 64, 64)).layers}
    assert nodes["conv1"]["output_shape"] == rows["conv1"].output_shape
    assert {"from": "layer1.0.bn2", "to": "layer1.0:add", "shape": [64, 16, 16]} in doc["edges"]
    assert all(e["shape"] == nodes[e["from"]]["output_shape"] for e in doc["edges"] if nodes[e["from"]]["kind"] == "layer")


def test_folded_svg_and_png(capsys, tmp_path) -> None:
    svg = tmp_path / "r50.svg"
    code, _, _ = run_cli(capsys, "graph", "resnet50", "--input", "3,64,64", "--fold", "--absorb",
                         "--color-by", "params", "--format", "svg", "--out", str(svg))
    assert code == 0
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    titles = [el.text for el in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "layer3.1" in titles and "Bottleneck ×5" in svg.read_text(encoding="utf-8")
    png = tmp_path / "r50.png"
    code, text, _ = run_cli(capsys, "graph", "resnet50", "--input", "3,64,64", "--fold", "--format", "png",
                            "--out", str(png), "--scale", "0.5")
    img = cv2.imread(str(png))
    assert code == 0 and img is not None and img.shape[2] == 3 and f"{img.shape[1]}×{img.shape[0]}" in text


def test_bad_options_are_one_line_errors(capsys, tmp_path) -> None:
    code, _, err = run_cli(capsys, "graph", "resnet18", "--format", "png")
    assert code == 2 and "needs --out" in err and err.count("\n") == 1
    with pytest.raises(SystemExit) as exit_:  # an argparse type error
        main(["graph", "resnet18", "--out", str(tmp_path)])
    assert exit_.value.code == 2 and "is a folder" in capsys.readouterr().err
    code, _, err = run_cli(capsys, "graph", "resnet18", "--format", "svg", "--scale", "100", "--out", str(tmp_path / "x.svg"))
    assert code == 2 and "--scale" in err


def test_onnx_file_through_summary_and_graph(capsys, tmp_path) -> None:
    pytest.importorskip("onnx2torch")
    model = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1),
                                torch.nn.Flatten(), torch.nn.Linear(4, 2)).eval()
    path = tmp_path / "tiny.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (torch.zeros(1, 3, 16, 16),), str(path), dynamo=False)
    code, out, _ = run_cli(capsys, "summary", str(path), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["input_shape"] == [3, 16, 16] and doc["total_params"] == 3 * 4 * 9 + 4 + 4 * 2 + 2
    assert doc["total_macs"] == 14 * 14 * 4 * 27 + 4 * 2
    code, out, _ = run_cli(capsys, "graph", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["nodes"][-1]["output_shape"] == [2]
    code, _, err = run_cli(capsys, "summary", str(tmp_path / "missing.onnx"))
    assert code != 0 and "not found" in err and err.count("\n") == 1
