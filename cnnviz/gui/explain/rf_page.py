"""The Receptive-field growth page: build a stack (or take a model's first layers) and watch r grow."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.explain import (
    LayerSpec,
    RFRow,
    rf_growth,
    rf_growth_from_summary,
    three_3x3_vs_7x7,
)
from cnnviz.gui import theme
from cnnviz.gui.explain.common import (
    INK,
    LAYER_COLORS,
    ColumnScroll,
    ElidingGroupBox,
    big_label,
    fmt,
    spin,
    tr,
)
from cnnviz.gui.explain.topics import ExplainPage
from cnnviz.gui.i18n import error_text
from cnnviz.gui.state import AppState

DEFAULT_STACK = [("conv", 3, 1, 1, 1)] * 3


class RFCanvas(QWidget):
    """Nested squares: the receptive field of one unit after each layer, on the input's pixel grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RFRow] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 260)

    def set_rows(self, rows: list[RFRow]) -> None:
        """Show these rows (row 0 is the input)."""
        self.rows = rows
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.rows:
            p.end()
            return
        biggest = max(r.size for r in self.rows)
        cells = int(biggest) + 2
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 1.25)
        texts = [f"{tr('input pixel') if row.layer is None else f'{k}. {row.name or row.layer.label()}'}:  "
                 f"{fmt(row.size)}×{fmt(row.size)}" for k, row in enumerate(self.rows)]
        # The legend takes what its longest line needs (up to half the width); a smaller font if even that is short.
        line_h = QFontMetricsF(f).height() * 1.4
        needed = max(QFontMetricsF(f).horizontalAdvance(t) for t in texts) + line_h + 4
        legend_w = min(needed, self.width() * 0.5)
        if needed > legend_w:
            f.setPointSizeF(max(6.0, f.pointSizeF() * legend_w / needed))
            line_h = QFontMetricsF(f).height() * 1.4
        side = min(self.width() - legend_w - 30, self.height() - 20)
        s = side / cells
        ox, oy = 10.0, (self.height() - side) / 2
        if s >= 6:
            p.setPen(QPen(QColor("#E0E0E0"), 1))
            for i in range(cells + 1):
                # QLineF: the grid lines at their exact positions (the int overload truncated them)
                p.drawLine(QLineF(ox + i * s, oy, ox + i * s, oy + side))
                p.drawLine(QLineF(ox, oy + i * s, ox + side, oy + i * s))
        centre = ox + side / 2
        centre_y = oy + side / 2
        p.setFont(f)
        for i, row in enumerate(reversed(self.rows)):
            k = len(self.rows) - 1 - i
            color = LAYER_COLORS[k % len(LAYER_COLORS)] if k else INK
            half = row.size * s / 2
            fill = QColor(color)
            fill.setAlpha(40)
            rect = QRectF(centre - half, centre_y - half, 2 * half, 2 * half)
            p.fillRect(rect, fill)
            p.setPen(QPen(color, 3))
            p.drawRect(rect)
        # legend
        lx = ox + side + 20
        ly = oy
        for k, text in enumerate(texts):
            color = LAYER_COLORS[k % len(LAYER_COLORS)] if k else INK
            p.fillRect(QRectF(lx, ly + line_h * 0.2, line_h * 0.6, line_h * 0.6), color)
            p.setPen(INK)
            p.drawText(QRectF(lx + line_h, ly, legend_w, line_h), Qt.AlignmentFlag.AlignVCenter, text)
            ly += line_h
        p.end()


class RFPage(ExplainPage):
    """Layer-stack editor, the nested-squares view, the per-layer table and the 3×3-vs-7×7 box."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.model_rows: list[RFRow] | None = None  # set while showing a real model's layers
        self.editor = QTableWidget(0, 5)
        self.editor.verticalHeader().setVisible(False)
        self.editor.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.editor.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # rows as tall as their spin boxes and combos, at every zoom
        self.editor.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.btn_conv, self.btn_pool, self.btn_remove = QPushButton(), QPushButton(), QPushButton()
        self.btn_preset3, self.btn_preset7 = QPushButton(), QPushButton()
        self.btn_model = QPushButton()
        self.sp_n = spin(1, 40, 6, "")
        self.sp_input = spin(1, 512, 32, "")
        self.lab_input = QLabel()
        self.btn_conv.clicked.connect(lambda: self.add_layer(LayerSpec("conv", 3, 1, 1)))
        self.btn_pool.clicked.connect(lambda: self.add_layer(LayerSpec("maxpool", 2, 2, 0)))
        self.btn_remove.clicked.connect(self.remove_layer)
        self.btn_preset3.clicked.connect(lambda: self.set_stack([LayerSpec("conv", 3, 1, 1)] * 3))
        self.btn_preset7.clicked.connect(lambda: self.set_stack([LayerSpec("conv", 7, 1, 3)]))
        self.btn_model.clicked.connect(self.take_model_layers)
        self.sp_input.valueChanged.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.btn_conv, self.btn_pool, self.btn_remove):
            buttons.addWidget(b)
        presets = QHBoxLayout()
        presets.addWidget(self.btn_preset3)
        presets.addWidget(self.btn_preset7)
        model_row = QHBoxLayout()
        model_row.addWidget(self.btn_model)
        model_row.addWidget(self.sp_n)
        size_row = QHBoxLayout()
        size_row.addWidget(self.lab_input)
        size_row.addWidget(self.sp_input)
        size_row.addStretch(1)
        self.box_stack = ElidingGroupBox()
        left = QVBoxLayout(self.box_stack)
        # room for four layers at any zoom (the rows are as tall as their spin boxes)
        row_h = self.sp_input.sizeHint().height() + 2
        self.editor.setMinimumHeight(self.editor.horizontalHeader().sizeHint().height() + 4 * row_h + 4)
        left.addWidget(self.editor, 1)
        left.addLayout(buttons)
        left.addLayout(presets)
        left.addLayout(model_row)
        left.addLayout(size_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left.addWidget(self.status)

        self.box_cmp = ElidingGroupBox()
        self.sp_c = spin(1, 1024, 64, "")
        self.sp_c.valueChanged.connect(self.refresh)
        self.lab_c = QLabel("C")
        self.cmp_text = big_label("", 1.2)
        self.cmp_text.setTextFormat(Qt.TextFormat.RichText)
        self.cmp_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        bc = QVBoxLayout(self.box_cmp)
        crow = QHBoxLayout()
        crow.addWidget(self.lab_c)
        crow.addWidget(self.sp_c)
        crow.addStretch(1)
        bc.addLayout(crow)
        bc.addWidget(self.cmp_text, 1)
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.box_stack, 3)
        sv.addWidget(self.box_cmp, 2)

        self.canvas = RFCanvas()
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        f = QFont(self.table.font())
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.table.setFont(f)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.canvas)
        right.addWidget(self.table)
        right.setSizes([560, 300])
        # Zoomed text may need more height than the window has: the column scrolls instead of clipping.
        side_scroll = ColumnScroll(side)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side_scroll)
        split.addWidget(right)
        split.setSizes([420, 1000])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.set_stack([LayerSpec.from_tuple(t) for t in DEFAULT_STACK])
        self.retranslate()

    # ------------------------------------------------------------ texts
    def retranslate(self) -> None:
        """(Re)apply translated strings and the core explanations."""
        self.box_stack.setTitle(tr("Your stack of layers"))
        self.box_cmp.setTitle(tr("From the notes: three 3×3 against one 7×7"))
        self.editor.setHorizontalHeaderLabels([tr("kind"), "k", "s", "p", "d"])
        self.table.setHorizontalHeaderLabels([tr("layer"), tr("RF r"), tr("jump j"), tr("map size"), tr("how")])
        self.btn_conv.setText(tr("+ conv"))
        self.btn_conv.setToolTip(tr("Add a 3×3 convolution, stride 1, padding 1"))
        self.btn_pool.setText(tr("+ pool"))
        self.btn_pool.setToolTip(tr("Add a 2×2 max pooling, stride 2"))
        self.btn_remove.setText(tr("Remove"))
        self.btn_remove.setToolTip(tr("Remove the selected layer (the last one if none is selected)"))
        self.btn_preset3.setText(tr("3 × conv 3×3"))
        self.btn_preset7.setText(tr("1 × conv 7×7"))
        self.btn_model.setText(tr("Model's first N layers:"))
        self.lab_input.setText(tr("Input size"))
        self.sp_input.setToolTip(tr("Input height and width, to show each map's size"))
        self.sp_n.setToolTip(tr("How many convolution / pooling layers of the current model to show"))
        self.sp_c.setToolTip(tr("Channels C in and out of each convolution"))
        self.update_sources()
        self.refresh()

    def update_sources(self) -> None:
        """Enable 'Model's first N layers' when the state holds a model."""
        ok = self.state.model is not None
        self.btn_model.setEnabled(ok)
        if not ok:
            self.btn_model.setToolTip(tr("Load a model in the Inspect tab first"))
        else:
            self.btn_model.setToolTip(tr("Show how the field grows through the current model's first layers"))

    # ------------------------------------------------------------ the stack
    def stack(self) -> list[LayerSpec]:
        """The layers in the editor."""
        out = []
        for r in range(self.editor.rowCount()):
            combo = self.editor.cellWidget(r, 0)
            spins = [self.editor.cellWidget(r, c) for c in range(1, 5)]
            assert isinstance(combo, QComboBox) and all(isinstance(b, QSpinBox) for b in spins)  # what _append_row put there
            kind = combo.currentData()
            k, s, p, d = (b.value() for b in spins if isinstance(b, QSpinBox))
            out.append(LayerSpec(kind, k, s, p, d if kind != "avgpool" else 1))
        return out

    def set_stack(self, layers: list[LayerSpec]) -> None:
        """Replace the editor's layers."""
        self.model_rows = None
        self.editor.setRowCount(0)
        for lay in layers:
            self._append_row(lay)
        self.refresh()

    def _append_row(self, lay: LayerSpec) -> None:
        r = self.editor.rowCount()
        self.editor.insertRow(r)
        kind = QComboBox()
        for key, text in (("conv", tr("conv")), ("maxpool", tr("max pool")), ("avgpool", tr("avg pool"))):
            kind.addItem(text, key)
        kind.setCurrentIndex(kind.findData(lay.kind))
        kind.currentIndexChanged.connect(self._edited)
        self.editor.setCellWidget(r, 0, kind)
        for c, (lo, hi, v) in enumerate(((1, 15, lay.k), (1, 8, lay.s), (0, 7, lay.p), (1, 8, lay.d)), start=1):
            box = spin(lo, hi, v, "")
            box.valueChanged.connect(self._edited)
            self.editor.setCellWidget(r, c, box)

    def _edited(self) -> None:
        self.model_rows = None
        self.refresh()

    def add_layer(self, lay: LayerSpec) -> None:
        """Append a layer to the stack."""
        self.model_rows = None
        self._append_row(lay)
        self.refresh()

    def remove_layer(self) -> None:
        """Remove the selected (or last) layer."""
        r = self.editor.currentRow()
        if r < 0:
            r = self.editor.rowCount() - 1
        if r >= 0:
            self.editor.removeRow(r)
        self.model_rows = None
        self.refresh()

    # ------------------------------------------------------------ from the model
    def take_model_layers(self) -> None:
        """The first N window layers of the current model (computed in a worker)."""
        session = self.state.model
        if session is None:
            return
        # The session's summary was measured at its real input size when it was loaded:
        # the fields are the Inspect tab's own, and the model is not run again.
        self._model_done(rf_growth_from_summary(session.summary, self.sp_n.value()))

    def _model_done(self, rows: list[RFRow]) -> None:
        self.model_rows = rows
        self.editor.setRowCount(0)
        for row in rows[1:]:
            if row.layer is not None:
                self._append_row(row.layer)
        self.model_rows = rows
        self.refresh()

    # ------------------------------------------------------------ results
    def refresh(self) -> None:
        """Recompute (through core) and redraw the squares, the table and the comparison."""
        lang = getattr(self.state, "language", "en")
        if self.model_rows is not None:
            rows = self.model_rows
            self.status.setText(tr("Fields from the model itself (branches and shortcuts included)."))
        else:
            try:
                rows = rf_growth(self.stack(), input_size=self.sp_input.value())
                self.status.setText("")
            except CnnvizError as exc:
                self.status.setText(f"<span style='color:{theme.css(theme.semantic_color('error'))}'>{error_text(exc)}</span>")
                rows = rf_growth(self.stack())
        self.canvas.set_rows(rows)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            name = tr("input") if row.layer is None else (row.name + "  " if row.name else "") + row.layer.label()
            cells = [name, f"{fmt(row.size)}×{fmt(row.size)}", fmt(row.jump),
                     "" if row.out_size is None else f"{row.out_size}×{row.out_size}", row.formula]
            for c, text in enumerate(cells):
                self.table.setItem(i, c, QTableWidgetItem(text))
        cmp = three_3x3_vs_7x7(self.sp_c.value())
        self.cmp_text.setText(
            f"<p>3 × conv 3×3: RF {cmp.stacked_rf}×{cmp.stacked_rf}, {tr('weights')} {cmp.stacked_formula}<br>"
            f"1 × conv 7×7: RF {cmp.single_rf}×{cmp.single_rf}, {tr('weights')} {cmp.single_formula}</p>"
            f"<p>{cmp.explanation.get(lang)}</p>")

    def focus_widget(self) -> QWidget:
        """The canvas takes the keyboard."""
        return self.canvas

    def lesson_state(self) -> dict[str, Any]:
        """The stack, the input size and C (JSON-serialisable)."""
        return {"layers": [list(s.as_tuple()) for s in self.stack()], "input_size": self.sp_input.value(),
                "channels": self.sp_c.value(), "n": self.sp_n.value()}

    def apply_lesson_state(self, d: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state`."""
        for key, box in (("input_size", self.sp_input), ("channels", self.sp_c), ("n", self.sp_n)):
            if key in d:
                box.blockSignals(True)
                box.setValue(int(d[key]))
                box.blockSignals(False)
        if isinstance(d.get("layers"), list):
            self.set_stack([LayerSpec.from_tuple(t) for t in d["layers"]])
        else:
            self.refresh()
