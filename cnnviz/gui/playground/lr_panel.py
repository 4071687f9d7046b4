"""The learning-rate-bound panel: H, its eigenvalues, κ, 2/λmax, |1 − lr·λi|, and a
slider that carries gradient descent's lr across the bound, naming the regime.

Every number shown comes from :func:`cnnviz.core.playground.analyze_surface`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
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
from cnnviz.core.playground.lr_bound import factor_text
from cnnviz.gui import theme
from cnnviz.gui.playground.palette import DIRECTION_COLORS, REGIME_KINDS
from cnnviz.gui.playground.plot_style import (
    LINE_CONTRAST,
    PlotColors,
    plot_colors,
    readable_on,
    style_plot,
    window_color,
)
from cnnviz.gui.playground.qt_util import no_wrap, signals_blocked

SLIDER_TICKS = 1000
SLIDER_SPAN = 1.5
"""The slider reaches this multiple of 2/λmax, so it crosses the bound."""
PATH_STEPS = 30
PLOT_MIN_HEIGHT = 150
"""px at 100 % zoom (times the zoom)."""
TITLE_POINTS = 11.0
"""pyqtgraph's title size at 100 % zoom (an absolute size, so the zoom is applied here)."""


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class _SmallPlot(pg.PlotWidget):
    """A plot that asks for little height: in the scrolling panel, a layout gives widgets their
    preferred heights, and pyqtgraph's 480 px would push the explanation out of sight."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(240, 190)


def _small_plot(title: str) -> pg.PlotWidget:
    w = _SmallPlot()
    p = w.getPlotItem()
    p.setMenuEnabled(False)
    p.hideButtons()
    p.setMouseEnabled(x=False, y=False)
    p.showGrid(x=True, y=True, alpha=0.2)
    p.setTitle(title)  # its colour follows the theme (style_plot); its size, the zoom
    w.setMinimumHeight(PLOT_MIN_HEIGHT)
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
        lay.addLayout(self._build_numbers())
        lay.addLayout(self._build_slider_row())
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
        self.plots_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        """Side by side when their titles fit, else one above the other."""
        self.plots_layout.addWidget(self._build_factor_plot(), 1)
        self.plots_layout.addWidget(self._build_path_plot(), 1)
        lay.addLayout(self.plots_layout, 1)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        lay.addWidget(self.explanation)
        self.zoom = 1.0
        self.colors = plot_colors()
        self.apply_colors(self.colors)

    def _build_numbers(self) -> QGridLayout:
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
        return numbers

    def _build_slider_row(self) -> QHBoxLayout:
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
        return row

    def _build_factor_plot(self) -> pg.PlotWidget:
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
        self.one_line = pg.InfiniteLine(pos=1.0, angle=0)
        fp.addItem(self.one_line)
        self.factor_curves = [fp.plot() for _ in DIRECTION_COLORS]
        self.lr_line = pg.InfiniteLine(angle=90)
        fp.addItem(self.lr_line)
        fp.setYRange(0, 2.0, padding=0)
        return self.factor_plot

    def _build_path_plot(self) -> pg.PlotWidget:
        self.path_plot = _small_plot(tr("Error left: (1 − lr·λ)ᵏ"))
        pp = self.path_plot.getPlotItem()
        pp.setLabel("bottom", tr("step k"))
        self.zero_line = pg.InfiniteLine(pos=0.0, angle=0)
        pp.addItem(self.zero_line)
        self.path_curves = [pp.plot(symbol="o", symbolPen=None) for _ in DIRECTION_COLORS]
        pp.setYRange(-1.5, 1.5, padding=0)
        pp.setXRange(0, PATH_STEPS, padding=0.02)
        self.path_plot.setToolTip(tr(
            "Distance to the minimum along each eigendirection, relative to the start: "
            "(1 − lr·λi)ᵏ. Blue: direction 1, red: direction 2. A sign flip every step is the "
            "zig-zag you see on the surface."
        ))
        return self.path_plot

    # ------------------------------------------------------------------ theme and zoom
    def direction_color(self, i: int, *, text: bool) -> QColor:
        """Eigendirection ``i``'s colour: readable as text on the window, or as a line on the plots."""
        color = QColor(DIRECTION_COLORS[i])
        if text:
            return readable_on(color, window_color())
        return readable_on(color, self.colors.background, LINE_CONTRAST)

    def apply_colors(self, colors: PlotColors) -> None:
        """Follow the theme: plots, reference lines, curves and the coloured numbers."""
        self.colors = colors
        for plot in (self.factor_plot, self.path_plot):
            style_plot(plot, colors)
        self._pens()
        if self.analysis is not None:
            self.set_analysis(self.analysis)

    def set_zoom(self, zoom: float) -> None:
        """Presentation zoom: plot heights and line widths follow (texts follow the font)."""
        self.zoom = zoom
        for plot in (self.factor_plot, self.path_plot):
            plot.setMinimumHeight(round(PLOT_MIN_HEIGHT * zoom))
            title = plot.getPlotItem().titleLabel
            title.setText(title.text, size=f"{TITLE_POINTS * zoom:.2f}pt")
        self._pens()
        self.refit()

    def _pens(self) -> None:
        z, quiet = self.zoom, self.colors.quiet
        self.one_line.setPen(pg.mkPen(quiet, width=z, style=Qt.PenStyle.DashLine))
        self.zero_line.setPen(pg.mkPen(quiet, width=z))
        self.lr_line.setPen(pg.mkPen(self.colors.text, width=2 * z))
        for i, curve in enumerate(self.factor_curves):
            curve.setPen(pg.mkPen(self.direction_color(i, text=False), width=2 * z))
        for i, curve in enumerate(self.path_curves):
            color = self.direction_color(i, text=False)
            curve.setPen(pg.mkPen(color, width=1.5 * z))
            curve.setSymbolBrush(color)
            curve.setSymbolSize(5 * z)

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
        c1, c2 = (self.direction_color(i, text=True).name() for i in (0, 1))
        self.eig.setText(
            f"<span style='color:{c1}'>{no_wrap(f'λ1 = {lam[0]:.4g}')}</span> &nbsp; "
            f"<span style='color:{c2}'>{no_wrap(f'λ2 = {lam[1]:.4g}')}</span>"
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
        f = [factor_text(float(v), decimals=4) for v in a.abs_factors]  # 0.99997, never "1.0000"
        c1, c2 = (self.direction_color(i, text=True).name() for i in (0, 1))
        self.factors.setText(  # each expression stays on one line; a narrow panel puts them on two
            f"<span style='color:{c1}'>{no_wrap(f'|1 − lr·λ1| = {f[0]}')}</span>"
            f"&nbsp;&nbsp; <span style='color:{c2}'>{no_wrap(f'|1 − lr·λ2| = {f[1]}')}</span>"
        )
        kind = REGIME_KINDS.get(a.regime.value)
        color = theme.semantic_color(kind).name() if kind else theme.text_color().name()
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
