"""The Unit arithmetic page's texts: where the unit is, the formula column and the contributions table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from cnnviz.gui import theme
from cnnviz.gui.explain.common import fmt_real, tr


def position_text(u: Any) -> str:
    """Where the unit is: "output 3" (fully connected) or "channel 3, row 4, column 5"."""
    if u.kind == "linear":
        return tr("output {0}").format(u.channel)
    return tr("channel {0}, row {1}, column {2}").format(u.channel, u.y, u.x)


def fill_contributions(table: QTableWidget, u: Any) -> None:
    """A fully connected unit's largest contributions, the rest, the sum, the bias and the value in ``table``."""
    rows = [(str(t.index), t.input, t.weight, t.product) for t in u.top]
    rows.append((tr("the other {0}").format(u.rest_count), None, None, u.rest))
    rows.append((tr("sum"), None, None, u.sum))
    rows.append((tr("bias"), None, None, u.bias))
    rows.append((tr("value"), None, None, u.value))
    table.setRowCount(len(rows))
    for r, (name, a, b, prod) in enumerate(rows):
        cells = [name, "" if a is None else fmt_real(a), "" if b is None else fmt_real(b), fmt_real(prod)]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def formula_html(u: Any, anim: Any, follow_index: int, lang: str) -> str:
    """The formula column: the layer's explanation, the value against the network's, then the following steps
    (the one at ``follow_index`` in bold) and, when ``anim`` draws the unit, what its colours mean."""
    ok = theme.css(theme.semantic_color("ok"))
    parts = [f"<h3>{u.layer} ({u.module_type})</h3>",
             f"<p>{position_text(u)}</p>"]
    parts += [f"<p>{t.get(lang)}</p>" for t in u.layer_explanation()]
    parts.append(f"<p><b>{tr('Value')}: {fmt_real(u.value)}</b> · "
                 + f"<span style='color:{ok}'>"
                 + tr("the network computed {0}").format(fmt_real(u.captured)) + "</span></p>")
    if u.follow:
        parts.append(f"<h3>{tr('Then')}</h3>")
        for i, step in enumerate(u.follow):
            text = step.formula().get(lang)
            parts.append(f"<p><b>{text}</b></p>" if i == follow_index else f"<p>{text}</p>")
        parts.append(f"<p><b>{tr('Final value')}: {fmt_real(u.final)}</b> · <span style='color:{ok}'>"
                     + tr("the network computed {0}").format(fmt_real(u.follow[-1].captured)) + "</span></p>")
    if anim is not None and getattr(anim, "hidden_channels", None):
        parts.append("<p style='font-size:small'>" + tr(
            "The {0} input channels that add most to this unit are drawn; the other {1} are summed.").format(
            len(anim.shown), anim.hidden_channels) + "</p>")
    if anim is not None:
        parts.append("<p style='font-size:small'>" + tr(
            "Orange: the window. Grey: padding. Blue: the output cell being written. The animation slides "
            "over the unit's neighbours and stops on the unit; then come the steps after the layer.") + "</p>")
    return "".join(parts)
