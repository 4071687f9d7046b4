"""The learning-rate-bound panel: H, its eigenvalues, κ, 2/λmax, |1 − lr·λi|, and a
slider that carries gradient descent's lr across the bound, naming the regime.

Every number shown comes from :func:`cnnviz.core.playground.analyze_surface`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.playground import LrAnalysis, factor_powers, lr_sweep
from cnnviz.gui.playground.palette import REGIME_COLORS
from cnnviz.gui.playground.qt_util import no_wrap, signals_blocked

SLIDER_TICKS = 1000
SLIDER_SPAN = 1.5
"""The slider reaches this multiple of 2/λmax, so it crosses the bound."""
PATH_STEPS = 30
DIRECTION_COLORS = ("#1f77b4", "#d62728")


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class _SmallPlot(pg.PlotWidget):
    """A plot that asks for little height: in the scrolling panel, a layout gives widgets their
    preferred heights, and pyqtgraph's 480 px would push the explanation out of sight."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(240, 190)


def _small_plot(title: str) -> pg.PlotWidget:
    w = _SmallPlot(background="w")
    p = w.getPlotItem()
    p.setMenuEnabled(False)
    p.hideButtons()
    p.setMouseEnabled(x=False, y=False)
    p.showGrid(x=True, y=True, alpha=0.2)
    p.setTitle(f"<span style='color:#222'>{title}</span>")  # no absolute size: the zoom scales it
    for axis in ("bottom", "left"):
        p.getAxis(axis).setTextPen("#222222")
        p.getAxis(axis).setPen("#444444")
    w.setMinimumHeight(150)
    return w


class LrBoundPanel(QWidget):
    """Teaches why gradient descent needs 0 < lr < 2/λmax."""

    sig_lr_changed = Signal(float)
    """The user moved the slider: gradient descent's new learning rate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: LrAnalysis | None = None
        self.language = "en"
        self._slider_max_lr = 1.0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)

        self.title = QLabel()
        self.title.setWordWrap(True)
        lay.addWidget(self.title)

        numbers = QGridLayout()
        numbers.setHorizontalSpacing(14)
        self.matrix = QLabel()
        self.matrix.setToolTip(tr(
            "H, the Hessian: the matrix of second derivatives. On a quadratic the gradient is H·x, "
            "so one gradient-descent step is x ← (I − lr·H)·x."
        ))
        numbers.addWidget(self.matrix, 0, 0)
        self.eig = QLabel()
        self.eig.setToolTip(tr(
            "The eigenvalues of H are the curvatures along its two principal directions; "
            "in those directions the coordinates move independently."
        ))
        self.cond = QLabel()
        self.cond.setToolTip(tr(
            "Condition number κ = λmax/λmin: how much steeper the steepest direction is than the "
            "flattest. Large κ means a narrow ravine and slow gradient descent."
        ))
        self.bound = QLabel()
        self.bound.setToolTip(tr(
            "Each direction shrinks iff |1 − lr·λ| < 1, i.e. 0 < lr < 2/λ. The steepest direction "
            "sets the ceiling: lr must stay below 2/λmax."
        ))
        # H and its eigenvalues side by side, κ and the bound under them across the panel's width:
        # a narrow column wraps the numbers instead of widening the window
        numbers.addWidget(self.eig, 0, 1)
        numbers.addWidget(self.cond, 1, 0, 1, 2)
        numbers.addWidget(self.bound, 2, 0, 1, 2)
        for label in (self.eig, self.cond, self.bound):
            label.setWordWrap(True)
        numbers.setColumnStretch(1, 1)
        lay.addLayout(numbers)

        row = QHBoxLayout()
        lr_label = QLabel(tr("GD learning rate"))
        lr_label.setWordWrap(True)
        lr_label.setToolTip(tr("The learning rate of the SGD racer (plain gradient descent)."))
        row.addWidget(lr_label)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(1, SLIDER_TICKS)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(SLIDER_TICKS // 6)
        self.slider.setToolTip(tr(
            "Drag to change plain gradient descent's learning rate (the SGD racer). The slider runs "
            "to 1.5 × 2/λmax: below 1/λmax the path converges monotonically, between 1/λmax and "
            "2/λmax it oscillates but converges, above 2/λmax it diverges."
        ))
        self.slider.valueChanged.connect(self._on_slider)
        row.addWidget(self.slider, 1)
        self.lr_value = QLabel()
        row.addWidget(self.lr_value)
        lay.addLayout(row)

        self.factors = QLabel()
        self.factors.setToolTip(tr(
            "|1 − lr·λi|: the factor by which one step multiplies the distance to the minimum along "
            "eigendirection i. Below 1 it shrinks, above 1 it grows; a negative 1 − lr·λ flips sides every step."
        ))
        self.factors.setWordWrap(True)
        lay.addWidget(self.factors)
        self.regime = QLabel()
        self.regime.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.regime.setWordWrap(True)
        self.regime.setToolTip(tr("What gradient descent does with this learning rate, in words."))
        lay.addWidget(self.regime)

        plots = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.plots_layout = plots  # side by side when their titles fit, else one above the other
        self.factor_plot = _small_plot(tr("|1 − lr·λ| versus lr"))
        fp = self.factor_plot.getPlotItem()
        fp.setLabel("bottom", "lr")
        fp.getAxis("bottom").enableAutoSIPrefix(False)
        self.factor_plot.setToolTip(tr(
            "Each line is |1 − lr·λi| for one eigenvalue. Where a line rises above 1 (dashed), that "
            "direction diverges. Green: monotone, amber: oscillating, red: diverging. "
            "The vertical line is the current lr."
        ))
        self.regions = [
            pg.LinearRegionItem(movable=False, brush=pg.mkBrush(c), pen=pg.mkPen(None))
            for c in ((27, 127, 59, 35), (179, 107, 0, 40), (192, 57, 43, 40))
        ]
        for r in self.regions:
            r.setZValue(-10)
            fp.addItem(r)
        fp.addItem(pg.InfiniteLine(pos=1.0, angle=0, pen=pg.mkPen("#333333", width=1, style=Qt.PenStyle.DashLine)))
        self.factor_curves = [fp.plot(pen=pg.mkPen(c, width=2)) for c in DIRECTION_COLORS]
        self.lr_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#111111", width=2))
        fp.addItem(self.lr_line)
        fp.setYRange(0, 2.0, padding=0)
        plots.addWidget(self.factor_plot, 1)

        self.path_plot = _small_plot(tr("Error left: (1 − lr·λ)ᵏ"))
        pp = self.path_plot.getPlotItem()
        pp.setLabel("bottom", tr("step k"))
        pp.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen("#777777", width=1)))
        self.path_curves = [
            pp.plot(pen=pg.mkPen(c, width=1.5), symbol="o", symbolSize=5, symbolBrush=c, symbolPen=None)
            for c in DIRECTION_COLORS
        ]
        pp.setYRange(-1.5, 1.5, padding=0)
        pp.setXRange(0, PATH_STEPS, padding=0.02)
        self.path_plot.setToolTip(tr(
            "Distance to the minimum along each eigendirection, relative to the start: "
            "(1 − lr·λi)ᵏ. Blue: direction 1, red: direction 2. A sign flip every step is the "
            "zig-zag you see on the surface."
        ))
        plots.addWidget(self.path_plot, 1)
        lay.addLayout(plots, 1)

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        lay.addWidget(self.explanation)

    # ------------------------------------------------------------------ layout
    def _plot_width_for_title(self, plot: pg.PlotWidget) -> int:
        """The width a plot needs so that its one-line title is not clipped."""
        item = plot.getPlotItem()
        left = item.getAxis("left")
        return int(item.titleLabel.item.boundingRect().width() + left.width() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        base = super().minimumSizeHint()
        titles = max(self._plot_width_for_title(p) for p in (self.factor_plot, self.path_plot))
        return QSize(max(base.width(), titles + 8), base.height())

    def refit(self) -> None:
        """Fonts changed (zoom): re-measure the titles and choose the plots' arrangement again."""
        self.updateGeometry()
        self._arrange_plots(self.width())

    def _arrange_plots(self, width: int) -> None:
        need = sum(self._plot_width_for_title(p) for p in (self.factor_plot, self.path_plot)) + 12
        direction = QBoxLayout.Direction.LeftToRight if width >= need else QBoxLayout.Direction.TopToBottom
        if self.plots_layout.direction() != direction:
            self.plots_layout.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._arrange_plots(event.size().width())

    # ------------------------------------------------------------------ updates
    def set_analysis(self, a: LrAnalysis) -> None:
        """Show ``a`` (recomputed by core for the current surface and lr)."""
        rescale = self.analysis is None or self.analysis.lr_bound != a.lr_bound
        self.analysis = a
        if a.exact:
            self.title.setText("<b>" + tr("Why the learning rate has a ceiling") + "</b>")
        else:
            self.title.setText(
                "<b>" + tr("Why the learning rate has a ceiling") + "</b> — "
                + tr("local quadratic model at ({0:.3g}, {1:.3g})").format(*a.center)
            )
        h = a.hessian
        self.matrix.setText(
            "<table><tr><td rowspan=2 valign=middle>H =&nbsp;</td>"
            f"<td>[&nbsp;{h[0, 0]:.4g}</td><td>&nbsp;{h[0, 1]:.4g}&nbsp;]</td></tr>"
            f"<tr><td>[&nbsp;{h[1, 0]:.4g}</td><td>&nbsp;{h[1, 1]:.4g}&nbsp;]</td></tr></table>"
        )
        lam = a.eigenvalues
        self.eig.setText(
            f"<span style='color:{DIRECTION_COLORS[0]}'>{no_wrap(f'λ1 = {lam[0]:.4g}')}</span> &nbsp; "
            f"<span style='color:{DIRECTION_COLORS[1]}'>{no_wrap(f'λ2 = {lam[1]:.4g}')}</span>"
        )
        self.cond.setText(
            tr("condition number κ = {0}").format(f"{a.condition_number:.4g}")
            if a.condition_number is not None
            else tr("condition number: undefined (a curvature is ≤ 0)")
        )
        if a.lr_bound is not None:
            best = f", {tr('best lr')} {no_wrap(f'2/(λmin+λmax) = {a.lr_optimal:.4g}')}" if a.lr_optimal else ""
            self.bound.setText(f"<b>{tr('bound')} {no_wrap(f'2/λmax = {a.lr_bound:.4g}')}</b>{best}")
        else:
            self.bound.setText(tr("no learning rate converges: no direction curves upwards"))
        if rescale:
            self._rescale(a)
        self._show_lr(a)

    def _rescale(self, a: LrAnalysis) -> None:
        bound = a.lr_bound if a.lr_bound is not None else 1.0
        self._slider_max_lr = SLIDER_SPAN * bound
        lrs = np.linspace(0.0, self._slider_max_lr, 240)
        sweep = lr_sweep(a, lrs)
        for i, curve in enumerate(self.factor_curves):
            curve.setData(lrs, sweep[:, i])
        onset = a.lr_oscillation if a.lr_oscillation is not None else bound / 2
        edges = (0.0, onset, bound, self._slider_max_lr)
        for i, region in enumerate(self.regions):
            region.setRegion((edges[i], edges[i + 1]))
            region.setVisible(a.lr_bound is not None)
        self.factor_plot.getPlotItem().setXRange(0, self._slider_max_lr, padding=0)

    def _show_lr(self, a: LrAnalysis) -> None:
        with signals_blocked(self.slider):
            self.slider.setValue(self._lr_to_tick(a.lr))
        self.lr_value.setText(f"lr\u00a0=\u00a0{a.lr:.4g}")
        # as wide as the widest value, so the slider does not jump while dragged
        self.lr_value.setMinimumWidth(self.lr_value.fontMetrics().horizontalAdvance("lr = 0.0000e-00"))
        self.lr_line.setValue(a.lr)
        f = a.abs_factors
        self.factors.setText(  # each expression stays on one line; a narrow panel puts them on two
            f"<span style='color:{DIRECTION_COLORS[0]}'>{no_wrap(f'|1 − lr·λ1| = {f[0]:.4f}')}</span>"
            f"&nbsp;&nbsp; <span style='color:{DIRECTION_COLORS[1]}'>{no_wrap(f'|1 − lr·λ2| = {f[1]:.4f}')}</span>"
        )
        color = REGIME_COLORS.get(a.regime.value, "#222222")
        words = a.regime.zh if self.language == "zh" else tr(a.regime.en)
        self.regime.setText(
            f"<span style='font-size:x-large; font-weight:bold; color:{color}'>"
            + tr("Gradient descent {0}").format(words) + "</span>"
        )
        powers = factor_powers(a, PATH_STEPS)
        k = np.arange(PATH_STEPS + 1)
        for i, curve in enumerate(self.path_curves):
            y = powers[:, i]
            ok = np.isfinite(y)
            curve.setData(k[ok], np.clip(y[ok], -1e6, 1e6))
        self.explanation.setText(a.explanation.zh if self.language == "zh" else a.explanation.en)

    def set_language(self, lang: str) -> None:
        """Show core's explanations in ``lang`` ('en' or 'zh')."""
        self.language = lang
        if self.analysis is not None:
            self._show_lr(self.analysis)

    # ------------------------------------------------------------------ slider
    def _lr_to_tick(self, lr: float) -> int:
        return int(round(min(max(lr / self._slider_max_lr, 0.0), 1.0) * SLIDER_TICKS))

    def tick_to_lr(self, tick: int) -> float:
        """The learning rate at slider position ``tick``."""
        return max(1, tick) / SLIDER_TICKS * self._slider_max_lr

    def _on_slider(self, tick: int) -> None:
        self.sig_lr_changed.emit(self.tick_to_lr(tick))
