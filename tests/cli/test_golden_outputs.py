"""The command line's documents are exactly what they were: tables, CSV, Markdown and JSON, compared byte for byte.

Each case runs a command in-process and compares its stdout with a file in
``tests/fixtures/golden``. A deliberate change of an output is one command:
``CNNVIZ_UPDATE_GOLDEN=1 pytest tests/cli/test_golden_outputs.py`` rewrites the
files, and the diff of the fixtures is then reviewed like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cnnviz.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"

CASES = {
    "summary_lenet5.txt": ["summary", "lenet5"],
    "summary_lenet5.csv": ["summary", "lenet5", "--format", "csv"],
    "summary_lenet5.md": ["summary", "lenet5", "--format", "markdown"],
    "summary_lenet5.json": ["summary", "lenet5", "--format", "json"],
    "summary_resnet18_classifier.json": ["summary", "resnet18_classifier", "--format", "json"],
    "graph_lenet5.json": ["graph", "lenet5", "--format", "json", "--out", "-"],
    "playground_quadratic.csv": ["playground", "--surface", "quadratic", "--optimizer", "sgd:lr=0.05",
                                 "--optimizer", "adam:lr=0.1", "--start=-2,1.5", "--steps", "5"],
    "playground_quadratic.json": ["playground", "--surface", "quadratic", "--optimizer", "momentum:lr=0.05",
                                  "--start=1,1", "--steps", "3", "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_its_golden_file(name: str, capsys, tmp_path) -> None:
    argv = [a if a != "-" else str(tmp_path / "out") for a in CASES[name]]
    rc = main(argv)
    out = capsys.readouterr().out
    data = (tmp_path / "out").read_bytes() if "-" in CASES[name] else out.encode("utf-8")
    assert rc == 0
    path = GOLDEN / name
    if os.environ.get("CNNVIZ_UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path}; run with CNNVIZ_UPDATE_GOLDEN=1 once"
    assert data.decode("utf-8") == path.read_bytes().decode("utf-8")  # byte for byte, line endings included
