"""The Parameter counting page: (F·F·C_in + 1)·C_out worked out, and the notes' exercise."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.errors import CnnvizError
from cnnviz.core.explain import count_conv, count_layer, notes_exercise
from cnnviz.gui import theme
from cnnviz.gui.explain.common import big_label, spin, tr
from cnnviz.gui.explain.sources import current_conv
from cnnviz.gui.explain.topics import ExplainPage
from cnnviz.gui.i18n import error_text
from cnnviz.gui.state import AppState


class ParamsPage(ExplainPage):
    """A worked parameter count for any F, C_in, C_out (or a real layer), and the 60-parameter exercise."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.sp_f = spin(1, 11, 3, "")
        self.sp_cin = spin(1, 2048, 3, "")
        self.sp_cout = spin(1, 2048, 2, "")
        self.sp_groups = spin(1, 2048, 1, "")
        self.ck_bias = QCheckBox()
        self.ck_bias.setChecked(True)
        self.btn_layer = QPushButton()
        self.btn_layer.clicked.connect(self.take_current_layer)
        self.labels = {k: QLabel(k) for k in ("F", "C_in", "C_out", "groups")}
        row = QHBoxLayout()
        for key, box in (("F", self.sp_f), ("C_in", self.sp_cin), ("C_out", self.sp_cout), ("groups", self.sp_groups)):
            row.addWidget(self.labels[key])
            row.addWidget(box)
            row.addSpacing(8)
            box.valueChanged.connect(self.refresh)
        row.addWidget(self.ck_bias)
        self.ck_bias.toggled.connect(self.refresh)
        row.addSpacing(16)
        row.addWidget(self.btn_layer)
        row.addStretch(1)
        self.source = QLabel()
        self.formula = big_label("", 2.2, bold=True)
        self.formula.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.worked = big_label("", 1.4)
        self.worked.setTextFormat(Qt.TextFormat.RichText)
        self.box_worked = QGroupBox()
        bw = QVBoxLayout(self.box_worked)
        bw.addLayout(row)
        bw.addWidget(self.source)
        bw.addWidget(self.formula)
        bw.addWidget(self.worked)

        self.box_notes = QGroupBox()
        self.question = big_label("", 1.4)
        self.btn_answer = QPushButton()
        self.btn_answer.setCheckable(True)
        self.btn_answer.toggled.connect(self.refresh)
        self.answer = big_label("", 1.3)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        bn = QVBoxLayout(self.box_notes)
        bn.addWidget(self.question)
        bn.addWidget(self.btn_answer, 0, Qt.AlignmentFlag.AlignLeft)
        bn.addWidget(self.answer)

        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.addWidget(self.box_worked)
        lay.addWidget(self.box_notes)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._source_name = ""
        self.retranslate()

    def retranslate(self) -> None:
        """(Re)apply translated strings and explanations."""
        self.box_worked.setTitle(tr("(F·F·C_in + 1)·C_out, worked out"))
        self.box_notes.setTitle(tr("Exercise from the notes"))
        self.sp_f.setToolTip(tr("Kernel size F×F"))
        self.sp_cin.setToolTip(tr("Input channels: each filter spans all of them"))
        self.sp_cout.setToolTip(tr("Output channels = number of filters"))
        self.sp_groups.setToolTip(tr("Groups: each filter sees only C_in / groups channels (1 = ordinary convolution)"))
        self.ck_bias.setText(tr("bias"))
        self.ck_bias.setToolTip(tr("One bias per filter (the + 1 in the formula)"))
        self.btn_answer.setText(tr("Show the answer"))
        self.update_sources()
        self.refresh()

    def update_sources(self) -> None:
        """Enable 'Current layer' when the state holds a model with a convolution."""
        found = current_conv(self.state.model, self.state.layer)
        self.btn_layer.setEnabled(found is not None)
        self.btn_layer.setText(tr("Current layer"))
        self.btn_layer.setToolTip(
            tr("Count the parameters of {0}").format(found.key) if found
            else tr("Load a model with a convolution in the Inspect tab first"))

    def take_current_layer(self) -> None:
        """Fill F, C_in, C_out, groups and bias from the selected (or first) convolution."""
        found = current_conv(self.state.model, self.state.layer)
        if found is None:
            return
        try:
            pc = count_layer(found)
        except CnnvizError as exc:
            self.state.show_status(error_text(exc), 5000)
            return
        for box, v in ((self.sp_f, pc.kernel), (self.sp_cin, pc.c_in), (self.sp_cout, pc.c_out),
                       (self.sp_groups, pc.groups)):
            box.blockSignals(True)
            box.setValue(v)
            box.blockSignals(False)
        self.ck_bias.blockSignals(True)
        self.ck_bias.setChecked(pc.bias)
        self.ck_bias.blockSignals(False)
        self._source_name = found.key
        self.refresh()

    def refresh(self) -> None:
        """Recount through core and redraw the texts."""
        lang = getattr(self.state, "language", "en")
        try:
            pc = count_conv(self.sp_f.value(), self.sp_cin.value(), self.sp_cout.value(), self.ck_bias.isChecked(),
                            self.sp_groups.value())
        except CnnvizError as exc:
            self.formula.setText("")
            self.worked.setText(f"<p style='color:{theme.css(theme.semantic_color('error'))}'>{error_text(exc)}</p>")
            return
        self.source.setText(tr("Layer: {0}").format(self._source_name) if self._source_name else "")
        self.formula.setText(pc.formula)
        real = pc.real_total()
        mark = "✓" if real == pc.total else "✗"
        self.worked.setText(
            "<ol>" + "".join(f"<li>{t.get(lang)}</li>" for t in pc.lines) + "</ol>"
            + f"<p>{tr('Check with PyTorch')}: <code>sum(p.numel() for p in {pc.code()}.parameters())</code>"
            f" = <b>{real:,}</b> {mark}</p>")
        ex = notes_exercise()
        self.question.setText(ex.question.get(lang))
        if not self.btn_answer.isChecked():
            self.answer.setText("")
            return
        ok = "✓" if ex.matching.real_total() == ex.notes_total else "✗"
        self.answer.setText(
            f"<p style='font-size:x-large'><b>{ex.notes_formula}</b></p>"
            f"<p>{tr('weights')} 3·3·2·3 = {ex.notes_weights} &nbsp; + &nbsp; {tr('biases')} 1·2·3 = {ex.notes_biases}</p>"
            f"<p>{ex.explanation.get(lang)}</p>"
            f"<p><code>{ex.matching_code}</code>: sum(p.numel()) = <b>{ex.matching.real_total()}</b> {ok}<br>"
            f"<code>{ex.standard_code}</code>: {ex.standard.formula}, sum(p.numel()) = <b>{ex.standard.real_total()}</b></p>")

    def lesson_state(self) -> dict[str, Any]:
        """Settings of this page (JSON-serialisable)."""
        return {"f": self.sp_f.value(), "c_in": self.sp_cin.value(), "c_out": self.sp_cout.value(),
                "groups": self.sp_groups.value(), "bias": self.ck_bias.isChecked(),
                "answer_shown": self.btn_answer.isChecked(), "source": self._source_name}

    def apply_lesson_state(self, d: dict[str, Any]) -> None:
        """Restore :meth:`lesson_state`."""
        for key, box in (("f", self.sp_f), ("c_in", self.sp_cin), ("c_out", self.sp_cout), ("groups", self.sp_groups)):
            if key in d:
                box.blockSignals(True)
                box.setValue(int(d[key]))
                box.blockSignals(False)
        for key, ck in (("bias", self.ck_bias), ("answer_shown", self.btn_answer)):
            if key in d:
                ck.blockSignals(True)
                ck.setChecked(bool(d[key]))
                ck.blockSignals(False)
        self._source_name = str(d.get("source", ""))
        self.refresh()
