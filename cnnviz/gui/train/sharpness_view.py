"""The sharpness view: each run's top Hessian eigenvalue next to its optimizer's stability edge.

Reads the engine's log (``snapshot(run).sharpness``: step, sharpness,
threshold, estimated every K steps; see core.training.sharpness). Each run
draws its estimate as a solid line with dots and its edge (2/η for gradient
descent, (2 + 2β)/η with momentum, 38/η for Adam's preconditioned sharpness)
as a dashed line in the same colour. NaN estimates are left out and said
in the plot; the explanation links back to the Playground's 2/λmax lesson.
"""

from __future__ import annotations  # noqa: I001  (PySide6 before pyqtgraph: it picks that binding)

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import pyqtgraph as pg

from cnnviz.core.explain.text import Text
from cnnviz.core.training.metrics import MetricsLog
from cnnviz.gui.theme import semantic_color
from cnnviz.gui.train.plot_axes import (
    decade_ticks,
    legend_text_size,
    make_plot,
    place_hint,
    plot_ink,
    watch_hint,
    watch_legend,
)

EXPLANATION = Text(
    "Gradient descent with step size lr only settles in a bowl whose curvature λ is below 2/lr: above it "
    "every step overshoots by more than it corrects (the Playground's lesson on 2/λmax). Here λ is the "
    "sharpness, the largest curvature of the real network's training loss, estimated every K steps on a "
    "fixed probe batch (solid). The dashed line in the same colour is that run's edge: 2/lr for gradient "
    "descent, (2 + 2β)/lr with momentum β, and for Adam (2 + 2β1)/(lr(1 − β1)) = 38/lr against the "
    "sharpness seen through its preconditioner. With full batches the sharpness rises until it meets the "
    "edge and then hovers there while the loss keeps falling, unevenly: the edge of stability "
    "(Cohen et al. 2021, 2022).",
    "步长为 lr 的梯度下降只能在曲率 λ 小于 2/lr 的碗里稳定下来：超过它，每一步的过冲都比纠正得多"
    "（见“试验场”页关于 2/λmax 的课）。这里的 λ 是锐度，即真实网络训练损失的最大曲率，每 K 步在固定的"
    "探测批次上估计一次（实线）。同色虚线是该运行的稳定边界：梯度下降为 2/lr，动量 β 时为 (2 + 2β)/lr，"
    "Adam 为 (2 + 2β1)/(lr(1 − β1)) = 38/lr，比较的是经其预条件处理后的锐度。全批量训练时，锐度先上升，"
    "碰到边界后就停在那里徘徊，而损失仍在不平稳地下降：这就是稳定性边缘（Cohen 等，2021、2022）。",
)
EMPTY_DECADES = (0, 2)
"""log10 of the sharpness axis' ends before any estimate: 1 to 100."""
PLAYGROUND_LINK = Text("Open the Playground's 2/λmax lesson", "打开“试验场”页的 2/λmax 课")


def tr(text: str) -> str:
    """Translate a sharpness-view string."""
    return QCoreApplication.translate("TrainSharpness", text)


class SharpnessView(QWidget):
    """Sharpness estimates and stability thresholds per run, on a log axis."""

    sig_open_playground = Signal()
    """The explanation's link was clicked: show the Playground (its learning-rate lesson)."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = make_plot(tr("Sharpness (solid) and each optimizer's stability edge (dashed)"),
                              tr("step"), tr("sharpness"), grid=True)
        self.plot.setLogMode(x=False, y=True)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextColor="#222",
                                          brush=pg.mkBrush(255, 255, 255, 210), pen=pg.mkPen("#bbb"))
        watch_legend(self.plot)
        self.notice = pg.TextItem("", color="#8b0000", anchor=(0, 0))
        self.plot.addItem(self.notice, ignoreBounds=True)
        self.explanation = QLabel(
            f"{EXPLANATION.get(language)} <a href='playground'>{PLAYGROUND_LINK.get(language)}</a>")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.linkActivated.connect(lambda _link: self.sig_open_playground.emit())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot, 1)
        box.addWidget(self.explanation)
        self.items: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self.data: dict[str, dict[str, np.ndarray]] = {}
        self.messages: dict[str, str] = {}
        self._decades: tuple[int, ...] | None = None
        self._tracked = False
        watch_hint(self.plot, self._place_notice)  # never under the legend (Chinese, 200 %)
        self.plot.getViewBox().sigResized.connect(self._resized)
        self.set_runs([])

    def set_runs(self, runs: list[tuple[str, str]]) -> None:
        """Start empty for ``(name, colour)`` pairs."""
        for estimate, edge in self.items.values():
            self.plot.removeItem(estimate)
            self.plot.removeItem(edge)
        self.legend.clear()
        self.legend.setLabelTextSize(legend_text_size())  # for the new entries: the zoom may have changed
        self.items.clear()
        self.data.clear()
        self.messages.clear()
        for name, color in runs:
            estimate = self.plot.plot(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5, symbolBrush=color,
                                      symbolPen=None, name=name)
            edge = self.plot.plot(pen=pg.mkPen(color, width=1.5, style=Qt.PenStyle.DashLine))
            self.items[name] = (estimate, edge)
        self._decades = None
        self._update_ticks()
        self._show_notice(tracked=False)

    def set_run_visible(self, name: str, visible: bool) -> None:
        """Show or hide one run."""
        for item in self.items.get(name, ()):
            item.setVisible(visible)

    def pull(self, log: MetricsLog) -> bool:
        """Copy the estimates ``log`` holds; True if anything changed."""
        changed = False
        names = set(log.run_names)
        for name, (estimate, edge) in self.items.items():
            if name not in names:
                continue
            snap = log.snapshot(name, train_start=max(0, log.train_count(name)))  # no train rows needed
            sharp = snap.sharpness
            if sharp is None:
                continue
            old = self.data.get(name, {}).get("step", np.empty(0))
            if sharp["step"].size != old.size or snap.sharpness_message != self.messages.get(name, ""):
                self.data[name] = sharp
                self.messages[name] = snap.sharpness_message
                ok = np.isfinite(sharp["sharpness"]) & (sharp["sharpness"] > 0)
                estimate.setData(sharp["step"][ok], sharp["sharpness"][ok])
                has_edge = np.isfinite(sharp["threshold"]) & (sharp["threshold"] > 0)
                edge.setData(sharp["step"][has_edge], sharp["threshold"][has_edge])
                changed = True
        if changed:
            self._update_ticks()
        self._show_notice(tracked=log.sharpness_tracked or any(d["step"].size for d in self.data.values()))
        return changed

    def _update_ticks(self) -> None:
        """One label per decade; 1 to 100 while there is no estimate (a sharpness is often in there)."""
        values = [np.concatenate([d["sharpness"], d["threshold"]]) for d in self.data.values()]
        self._decades = decade_ticks(self.plot, values, self._decades, empty=EMPTY_DECADES)

    def _resized(self) -> None:
        """The plot changed height (zoom, window): fit its decade labels again."""
        self._decades = None
        self._update_ticks()

    def nan_message(self) -> str:
        """What the plot says about NaN estimates ('' when every estimate is a number)."""
        lines = []
        for name, data in self.data.items():
            bad = int((~np.isfinite(data["sharpness"])).sum())
            if bad:
                why = self.messages.get(name, "")
                lines.append(tr("{run}: {count} estimate(s) NaN, not drawn. {why}").format(
                    run=name, count=bad, why=why).strip())
        return "\n".join(lines)

    def _show_notice(self, tracked: bool) -> None:
        if not tracked:
            text = tr("Sharpness was not tracked: set Sharpness to every K steps in the setup, then Start "
                      "(the edge-of-stability lesson does).")
        else:
            text = self.nan_message()
        self._tracked = tracked
        self.restyle()
        if text != self.notice.textItem.toPlainText():  # pulled 10 times a second: lay out only changes
            self.notice.setText(text)
            self._place_notice()

    def restyle(self) -> None:
        """The notice in the theme's colours: plain text for "not tracked", the error colour for NaN
        (fixed greys and reds nearly vanished on the dark theme)."""
        color = semantic_color("error") if self._tracked else plot_ink().text
        if self.notice.color != color:
            self.notice.setColor(color)

    def _place_notice(self) -> None:
        place_hint(self.plot, self.notice, centered=False)
