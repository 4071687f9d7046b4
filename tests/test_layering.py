"""The import direction gui -> core, cli -> core is checked, not remembered."""

from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1] / "cnnviz"
FORBIDDEN_IN_CORE = ("PySide6", "pyqtgraph", "cnnviz.gui", "cnnviz.cli", "cnnviz.commands")


def _imports(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_never_imports_qt_or_gui() -> None:
    bad = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in (ROOT / "core").rglob("*.py")
        for name in _imports(p)
        if name.startswith(FORBIDDEN_IN_CORE)
    ]
    assert not bad, bad


def test_commands_never_import_gui() -> None:
    bad = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in (ROOT / "commands").rglob("*.py")
        for name in _imports(p)
        if name.startswith(("PySide6", "pyqtgraph", "cnnviz.gui"))
    ]
    assert not bad, bad


def test_the_checker_catches_a_violation(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "x.py"
    f.write_text("from PySide6.QtCore import QObject\n")
    assert any(n.startswith(FORBIDDEN_IN_CORE) for n in _imports(f))
