"""The layer tree: every module call of the model, its type, output shape and parameters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.inspect.common import tr
from cnnviz.gui.state import AppState

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class LayerTree(QWidget):
    """A filterable tree of the summary rows; the selection drives ``state.layer``."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._items: dict[str, QStandardItem] = {}
        self._order: list[str] = []
        self._syncing = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter layers (name or type)…"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([tr("Layer"), tr("Type"), tr("Output"), tr("Params")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter.textChanged.connect(self._on_filter)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setIndentation(14)
        # long qualified names lose their middle, never the end that says which layer it is
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # Room for a typical name in the first column beside the other three,
        # so a narrow window squeezes the centre views, not the layer names.
        fm = self.view.fontMetrics()
        self.view.setMinimumWidth(
            sum(fm.horizontalAdvance(t) for t in ("layer1.0.conv1", "BatchNorm2d", "512×28×28", "23.3 K"))
            + 3 * 14 + 48
        )
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Type is sized to its contents but capped (a rare 'AdaptiveAvgPool2d' is elided, its tooltip
        # says it), so the names keep their room; shapes and counts are short and always shown whole.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.model.horizontalHeaderItem(3).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.model.horizontalHeaderItem(3).setToolTip(tr("Parameters of the layer and everything inside it"))
        self.model.horizontalHeaderItem(2).setToolTip(tr("Output shape: channels × height × width"))
        self.view.setToolTip(tr("↑/↓ walk the layers · Alt+↑/Alt+↓ previous/next convolution · ←/→ fold/unfold"))
        self.view.selectionModel().currentChanged.connect(self._on_current)
        lay.addWidget(self.filter)
        lay.addWidget(self.view)
        state.model_changed.connect(self._rebuild)
        state.layer_changed.connect(self._select)

    # ------------------------------------------------------------ building
    def _rebuild(self, session: Any) -> None:
        from cnnviz.core.geometry import format_count  # imports torch: not at start-up

        self._syncing = True
        self.model.removeRows(0, self.model.rowCount())
        self._items.clear()
        self._order = []
        if session is not None:
            root = self.model.invisibleRootItem()
            grey = QBrush(QColor(140, 140, 140))
            for row in session.summary.layers:
                parent_name = row.name.rsplit(".", 1)[0] if "." in row.name else ""
                parent = self._items.get(parent_name, root)
                label = row.name.rsplit(".", 1)[-1] + (f" #{row.call}" if row.call > 1 else "")
                cells = [
                    QStandardItem(label),
                    QStandardItem(row.type),
                    QStandardItem("×".join(map(str, row.output_shape)) if row.output_shape else ""),
                    QStandardItem(format_count(row.params_recursive) if row.params_recursive else ""),
                ]
                cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tip = f"{row.key} · {row.type}" + (f"\n{row.formula}" if row.formula else "")
                if row.params_recursive:
                    tip += "\n" + tr("{0} parameters").format(f"{row.params_recursive:,}")
                for c in cells:
                    c.setData(row.key, KEY_ROLE)
                    c.setToolTip(tip)
                    if row.call == 0:
                        c.setForeground(grey)
                        c.setToolTip(tr("{0}: not run in this forward pass (e.g. an auxiliary head)").format(row.key))
                parent.appendRow(cells)
                if row.call <= 1:
                    self._items[row.name] = cells[0]
                self._items.setdefault(row.key, cells[0])
                self._order.append(row.key)
            self.view.expandToDepth(0)
            self.view.resizeColumnToContents(1)
            width = self.view.fontMetrics().horizontalAdvance("BatchNorm2d") + 16
            self.view.setColumnWidth(1, min(self.view.columnWidth(1), width))
        self._syncing = False
        self._select(self.state.layer)

    def keys(self) -> list[str]:
        """Every row's key in execution order."""
        return list(self._order)

    # ------------------------------------------------------------ selection
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        key = current.data(KEY_ROLE)
        if key:
            self.state.set_layer(key)

    def _select(self, key: str) -> None:
        item = self._items.get(key)
        if item is None:
            return
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid() or index == self.view.currentIndex():
            return
        self._syncing = True
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._syncing = False

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.view.expandAll()

    def step_conv(self, direction: int) -> None:
        """Select the next (+1) or previous (−1) convolution in execution order."""
        session = self.state.model
        if session is None:
            return
        rows = [r for r in session.summary.layers if r.call]
        keys = [r.key for r in rows]
        try:
            i = keys.index(self.state.layer)
        except ValueError:
            i = -1 if direction > 0 else len(keys)
        j = i + direction
        while 0 <= j < len(rows):
            if "Conv" in rows[j].type:
                self.state.set_layer(rows[j].key)
                return
            j += direction
