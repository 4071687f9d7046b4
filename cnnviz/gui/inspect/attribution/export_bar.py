"""The row under the attribution panel's pages: Export ▾ (grid as PNG, scores as CSV) and ↻ Again.

It also holds the dialog and status-bar steps the panel's two exports share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from cnnviz.gui.inspect.common import tr


class ExportBar(QWidget):
    """``export_png_action`` and ``export_csv_action`` call ``on_png`` and ``on_csv``; ↻ Again calls ``on_again``."""

    def __init__(self, on_png: Callable[[], Any], on_csv: Callable[[], Any], on_again: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_png_action = menu.addAction(tr("Grid of maps as PNG…"), lambda: on_png())
        self.export_csv_action = menu.addAction(tr("Faithfulness scores as CSV…"), lambda: on_csv())
        self.export_button.setMenu(menu)
        row.addWidget(self.export_button)
        self.recompute_button = QToolButton()
        self.recompute_button.setText(tr("↻ Again"))
        self.recompute_button.setToolTip(tr("Compute the maps again (after Cancel, or to time them)"))
        self.recompute_button.clicked.connect(lambda: on_again())
        row.addWidget(self.recompute_button)
        row.addStretch(1)

    def set_scores_ready(self, ready: bool) -> None:
        """The CSV entry is enabled, and says so, once faithfulness scores exist."""
        self.export_csv_action.setEnabled(ready)
        self.export_csv_action.setText(tr("Faithfulness scores as CSV…") if ready else
                                       tr("Faithfulness scores as CSV (compute them first)"))


def default_name(session: Any, ext: str) -> str:
    """``<model>-attribution.<ext>`` (``cnnviz`` without a model)."""
    return f"{session.name if session is not None else 'cnnviz'}-attribution.{ext}"
