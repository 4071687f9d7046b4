"""Atomic exports: a file is written to a temporary name, then renamed over the target."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np
from PySide6.QtWidgets import QWidget

from cnnviz.core.errors import CnnvizError
from cnnviz.core.settings_io import atomic_path
from cnnviz.gui.i18n import error_text
from cnnviz.gui.inspect.common import tr


def _atomic(path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]) -> Path:
    target = Path(path)
    if target.is_dir():
        raise CnnvizError(f"{target} is a folder; give a file name.")
    try:
        with atomic_path(target) as tmp, open(tmp, "wb") as f:
            write(f)
    except OSError as exc:
        raise CnnvizError(f"Could not write {target}: {exc.strerror or exc}") from exc
    return target


def save_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text atomically."""
    return _atomic(path, lambda f: f.write(text.encode("utf-8")))


def save_npz(path: str | os.PathLike[str], arrays: dict[str, np.ndarray]) -> Path:
    """Write arrays to an .npz atomically."""
    return _atomic(path, lambda f: np.savez(f, **arrays))  # type: ignore[arg-type]  # numpy fears a key "allow_pickle"; keys are layer names


def ask_save(parent: QWidget, title: str, default: str, filt: str) -> str:
    """The path the user picks in a save dialog ('' when cancelled)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, default, filt)
    return path


def guarded_save(state: Any, save: Callable[[], Path]) -> Path | None:
    """Run ``save``; the status bar names the file, or an error dialog says why it failed (None)."""
    try:
        out = save()
    except CnnvizError as exc:
        state.show_error(tr("Export failed"), error_text(exc))
        return None
    state.show_status(tr("Saved {0}").format(out), 5000)
    return out


def save_widget_png(widget: QWidget, path: str | os.PathLike[str]) -> Path:
    """Grab ``widget`` as it is on screen and write it as a PNG atomically."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buf, "PNG"):
        raise CnnvizError("Could not encode the view as PNG.")
    buf.close()
    return _atomic(path, lambda f: f.write(bytes(data.data())))


def layer_arrays(forward: Any, layer: str, image: Any) -> dict[str, np.ndarray]:
    """The arrays of a layer export: its output, the input tensor and the picture the model saw."""
    out = forward.layers.get(layer)
    if out is None:
        raise CnnvizError(f"No output was captured for {layer!r}.")
    return {
        "activations": out.float().numpy(),
        "input": image.tensor.detach().cpu().float().numpy(),
        "input_display": image.display,
    }
