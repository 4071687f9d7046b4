"""The questions a model load may ask: trust a pickled weights file? load the tensors that fit?

Both answer No without asking in screenshot mode (nobody is there to click).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from cnnviz.gui.inspect.common import tr


def is_headless(parent: QWidget | None) -> bool:
    """True in screenshot mode (the window's options name a screenshot): every question is answered No."""
    return bool(getattr(getattr(parent, "options", None), "screenshot", None))


def _yes(parent: QWidget | None, title: str, text: str) -> bool:
    if is_headless(parent):
        return False
    answer = QMessageBox.question(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_load_what_fits(parent: QWidget | None, message: str) -> bool:
    """Ask whether to load the tensors of a weights file that fit the model and keep the rest random."""
    return _yes(parent, tr("Load what fits?"),
                message + "\n\n" + tr("Load the tensors that fit and keep the rest random? The Layer math and the "
                                      "status bar then say which weights came from the file."))


def ask_trust(parent: QWidget | None, message: str) -> bool:
    """Ask whether to load a weights file that needs pickle (it can run code)."""
    return _yes(parent, tr("Trust this weights file?"),
                message + "\n\n" + tr("Load it anyway? Only answer Yes if you trust where the file came from."))
