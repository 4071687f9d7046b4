"""Open model…: an ONNX file, or a class / factory from a Python file, loaded through the controller.

An ``.onnx`` file is a model name of its own (``path/model.onnx``): it loads
like any listed model, with the weights it carries. A ``.py`` file names code:
the user picks the ``nn.Module`` class (or a factory) to build from the
classes the file defines — found by reading the file's syntax tree, so
nothing in it runs before the choice — and since the user chose both the file
and the name, the spec counts as typed by them
(:func:`cnnviz.core.trust.approve_typed`) before it is loaded.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from cnnviz.core.errors import ModelError
from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState

#: Python files larger than this are not parsed for class names (a model file is a few hundred lines).
MAX_SOURCE_BYTES = 8 << 20


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Subscript):
        return _dotted(node.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value  # a string annotation: -> "nn.Module"
    return ""


def module_names(path: str | Path) -> tuple[list[str], list[str]]:
    """The top-level ``nn.Module`` subclasses of a Python file and the functions annotated to return a
    module, each in the order they are defined; the file is parsed, never run.

    A class counts when a base is ``Module`` / ``nn.Module`` / ``torch.nn.Module`` or a class of the file
    that counts (a model built on the file's own base class).
    """
    p = Path(path)
    try:
        if p.stat().st_size > MAX_SOURCE_BYTES:
            raise ModelError(f"{p.name} is too large to be a model file.")
        tree = ast.parse(p.read_bytes(), filename=p.name)
    except SyntaxError as exc:
        raise ModelError(f"{p.name} is not valid Python (line {exc.lineno}: {exc.msg}).") from None
    except OSError as exc:
        raise ModelError(f"Cannot read {p.name}: {exc.strerror or exc}.") from None
    classes: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            bases = [_dotted(b) for b in node.bases]
            if any(b.split(".")[-1] == "Module" or b in classes for b in bases):
                classes.append(node.name)
    factories = [
        node.name for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.returns is not None
        and (_dotted(node.returns).split(".")[-1] == "Module" or _dotted(node.returns) in classes)
    ]
    return classes, factories


def ask_model_file(parent: QWidget | None, start_dir: str = "") -> str:
    """The file dialog of Open model… (ONNX and Python files); '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("Open model"), start_dir,
        tr("Models (*.onnx *.py);;ONNX models (*.onnx);;Python files (*.py);;All files (*)"),
    )
    return path


def ask_class(parent: QWidget | None, path: str, names: list[str], default: int = -1) -> str:
    """Ask which class or factory of ``path`` builds the model (editable: a factory may be typed); ''."""
    if names:
        text = tr("Which class builds the model? (The classes of {0} that derive from nn.Module; a factory "
                  "function can be typed.)").format(Path(path).name)
    else:
        text = tr("{0} defines no nn.Module class. Type the name of the class or factory that builds the "
                  "model:").format(Path(path).name)
    name, ok = QInputDialog.getItem(parent, tr("Open model"), text, names, max(0, default), True)
    return name.strip() if ok else ""


def open_model_file(
    parent: QWidget | None,
    state: AppState,
    controller: InspectController,
    path: str = "",
    *,
    choose: Callable[[QWidget | None, str, list[str], int], str] = ask_class,
    start_dir: str = "",
) -> str:
    """Ask for a model file (unless ``path`` is given) and load it; returns the model name loaded ('' if none)."""
    path = path or ask_model_file(parent, start_dir)
    if not path:
        return ""
    if path.lower().endswith(".py"):
        try:
            classes, factories = module_names(path)
        except ModelError as exc:
            state.show_error(tr("Could not open {0}").format(Path(path).name), error_text(exc))
            return ""
        # The model is usually the last class, defined after the blocks it is built from.
        attr = choose(parent, path, classes + factories, max(0, len(classes) - 1))
        if not attr:
            return ""
        if not attr.isidentifier():
            state.show_error(tr("Could not open {0}").format(Path(path).name),
                             tr("{0} is not a Python name.").format(attr))
            return ""
        from cnnviz.core import trust

        spec = f"{Path(path).resolve()}:{attr}"
        trust.approve_typed(spec)  # the user chose the file and the name
    else:
        spec = str(Path(path).resolve())
    controller.load_model(spec, "random", seed=state.model.seed if state.model is not None else 0)
    return spec


__all__ = ["ask_class", "ask_model_file", "module_names", "open_model_file"]
