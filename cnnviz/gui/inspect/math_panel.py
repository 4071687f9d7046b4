"""Layer math: the formulas with numbers filled in and what they mean (en / zh).

The HTML uses only relative font sizes (the window's zoom scales the
browser's font, and with it everything in it) and colours taken from the
palette when it is drawn (redrawn on a theme switch).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from cnnviz.gui import theme
from cnnviz.gui.inspect.common import tr
from cnnviz.gui.state import AppState


def _n(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


class MathPanel(QWidget):
    """Output size, parameters, MACs, memory, receptive field and running totals of the selected layer."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        lay.addWidget(self.text)
        state.layer_changed.connect(lambda _: self.redraw())
        state.model_changed.connect(lambda _: self.redraw())
        state.language_changed.connect(lambda _: self.redraw())
        state.theme_changed.connect(lambda _: self.redraw())

    def redraw(self) -> None:
        """Rebuild the text for the selected layer."""
        from cnnviz.core import explanations as ex
        from cnnviz.core.geometry import format_bytes, format_count

        session, key = self.state.model, self.state.layer
        if session is None or not key:
            self.text.setHtml("")
            return
        try:
            info = session.summary.layer(key)
        except KeyError:
            self.text.setHtml("")
            return
        from cnnviz.core.blocks import block_facts, running_totals

        lang = self.state.language if self.state.language in ("en", "zh") else "en"
        params, macs = running_totals(session.summary, key)
        block = block_facts(session.summary, key)
        quiet = theme.css(theme.secondary_text_color(on_base=True))

        def say(text: dict[str, str]) -> str:
            return f"<div style='color:{quiet}; margin-bottom:10px'>{html.escape(text[lang])}</div>"

        def row(title: str, value: str, text: dict[str, str]) -> str:
            return (f"<h3 style='margin:6px 0 2px 0'>{html.escape(title)}</h3>"
                    f"<div style='font-size:x-large'>{value}</div>{say(text)}")

        shape = lambda s: "×".join(map(str, s)) if s else "–"  # noqa: E731
        head = f"<h2 style='margin:0'>{html.escape(info.key)} <span style='color:{quiet}'>· {html.escape(info.type)}</span></h2>"
        if block is not None:  # a container: the totals of what it holds, and how its paths meet
            parts = [
                head, say(ex.block_role(block)),
                row(tr("Output size"), html.escape(f"{shape(info.input_shape)} → {shape(info.output_shape)}"),
                    ex.block_output_size(block)),
                row(tr("Parameters"), f"{block.params:,}", ex.block_parameters(block)),
                row(tr("Multiply-accumulates"), f"{format_count(block.macs)} ({block.macs:,})", ex.block_macs(block)),
                row(tr("Output memory"), format_bytes(info.output_bytes), ex.memory(info)),
            ]
        else:
            parts = [
                head, say(ex.layer_role(info)),
                row(tr("Output size"), html.escape(info.formula or f"{shape(info.input_shape)} → {shape(info.output_shape)}"),
                    ex.output_size(info)),
                row(tr("Parameters"), html.escape(info.params_formula or f"{info.params_recursive:,}"), ex.parameters(info)),
                row(tr("Multiply-accumulates"), f"{format_count(info.macs)} ({info.macs:,})", ex.macs(info)),
                row(tr("Output memory"), format_bytes(info.output_bytes), ex.memory(info)),
            ]
        rf = info.rf
        rf_text = (
            tr("size {0}×{1}, jump {2}, start {3}").format(_n(rf.size[0]), _n(rf.size[1]), _n(rf.jump[0]), _n(rf.start[0]))
            if rf is not None
            else "–"
        )
        if rf is not None and not rf.uniform:
            rf_text += " · " + tr("not uniform (widest shown)")
        if rf is not None and rf.sees_all:
            rf_text += " · " + tr("also sees the whole image")
        parts.append(row(tr("Receptive field"), rf_text, ex.receptive_field(info)))
        parts.append(
            row(
                tr("Running totals"),
                tr("{0} parameters · {1} MACs (of {2} · {3})").format(
                    format_count(params), format_count(macs),
                    format_count(session.summary.total_params), format_count(session.summary.total_macs),
                ),
                ex.running_totals(info, params, macs),
            )
        )
        self.text.setHtml("".join(parts))

    def plain_text(self) -> str:
        """The panel's text (tests read it)."""
        return self.text.toPlainText()

    def current(self) -> Any:
        """The LayerInfo shown (or None)."""
        session = self.state.model
        return session.summary.layer(self.state.layer) if session is not None and self.state.layer else None
