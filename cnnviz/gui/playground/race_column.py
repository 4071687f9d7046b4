"""The Playground's centre column: the surface's title, the surface with the racing paths, and the
play / pause / step controls with the speed, the step slider and the step read-out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.playground import Surface
from cnnviz.core.playground.trajectories import MAX_STEPS
from cnnviz.gui.playground.animation import SPEEDS
from cnnviz.gui.playground.qt_util import no_wrap, signals_blocked, wrap_outside_brackets
from cnnviz.gui.playground.surface_view import SurfaceView
from cnnviz.gui.playground.transport import TransportBar


def tr(text: str) -> str:
    """Translate a playground string."""
    return QCoreApplication.translate("Playground", text)


class RaceColumn(QWidget):
    """Title, surface view and transport controls; the owner wires the buttons to the race clock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.fold_row = QHBoxLayout()  # empty (no height) unless the reflow folded a column
        lay.addLayout(self.fold_row)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.title)
        self.view = SurfaceView()
        lay.addWidget(self.view, 1)
        lay.addLayout(self._build_transport())

    def add_fold_buttons(self, left: QToolButton, right: QToolButton) -> None:
        """The reflow's fold buttons, at either end of a row above the title."""
        self.fold_row.addWidget(left)
        self.fold_row.addStretch(1)
        self.fold_row.addWidget(right)

    def _button(self, pixmap: QStyle.StandardPixmap | None, text: str, tip: str) -> QToolButton:
        # tool buttons, not push buttons: no 80 px floor each, and they can drop their words
        b = QToolButton()
        if pixmap is not None:
            b.setIcon(self.style().standardIcon(pixmap))
        b.setText(text)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep Space for play/pause
        return b

    def _build_transport(self) -> QVBoxLayout:
        icon = QStyle.StandardPixmap
        self.btn_restart = self._button(icon.SP_MediaSkipBackward, tr("Restart"), tr("Back to step 0 and play (Home)"))
        self.btn_back = self._button(icon.SP_MediaSeekBackward, tr("Back"), tr("One step back (Left arrow)"))
        self.btn_play = self._button(None, "", tr("Play or pause the race (Space)"))
        self.btn_step = self._button(icon.SP_MediaSeekForward, tr("Step"), tr("One step forward (Right arrow)"))
        self.btn_end = self._button(icon.SP_MediaSkipForward, tr("End"), tr("Jump to the last step (End)"))
        others = [self.btn_restart, self.btn_back, self.btn_step, self.btn_end]
        self.transport = TransportBar([self.btn_restart, self.btn_back, self.btn_play, self.btn_step, self.btn_end],
                                      compactable=others)
        self.speed_combo = QComboBox()
        for s in SPEEDS:
            self.speed_combo.addItem(tr("{0:g} steps/frame").format(s) if s != 1 else tr("1 step/frame"), s)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.setToolTip(tr("Animation speed: optimizer steps per displayed frame (+ / −)"))
        self.speed_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setToolTip(tr("Drag to any step of the race"))
        self.scrub.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_label = QLabel()
        self.step_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        rows = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.transport, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.speed_combo)
        row2.addWidget(self.scrub, 1)
        row2.addWidget(self.step_label)
        rows.addLayout(row)
        rows.addLayout(row2)
        self.set_playing(False)
        return rows

    def _fit_title(self) -> None:
        """Reserve the wrapped title's real height, so a short window never lays the view over the buttons."""
        # never narrower than the view's minimum: before the first layout the column may be a few px wide
        height = self.title.heightForWidth(max(self.width(), self.view.minimumWidth()))
        if height > 0 and height != self.title.minimumHeight():
            self.title.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._fit_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the title wraps differently
            self._fit_title()

    # ------------------------------------------------------------ showing state
    def show_title(self, surface: Surface, language: str) -> None:
        """The surface's name and formula, and how to use the picture."""
        spec = surface.spec
        title = spec.title_zh if language == "zh" else spec.title_en
        self.title.setText(
            f"<span style='font-size:large'><b>{title}</b></span> &nbsp; "
            f"<span style='font-family:serif'>{no_wrap('f(x, y) =')} {wrap_outside_brackets(spec.formula)}</span>"
            f"<br><span style='font-size:small'>"
            f"{tr('Click the surface to start from there. ★ = minimum, □ = start, ✕ = diverged.')}</span>"
        )
        self._fit_title()

    def set_playing(self, playing: bool) -> None:
        """Play or Pause on the play button."""
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.btn_play.setIcon(self.style().standardIcon(icon))
        self.btn_play.setText(tr("Pause") if playing else tr("Play"))
        self.transport.updateGeometry()
        self.transport.refit()  # "Pause" may be wider than "Play"

    def show_step(self, step: int, last: int) -> None:
        """The slider and the read-out at ``step`` of ``last``."""
        with signals_blocked(self.scrub):
            if self.scrub.maximum() != last:
                self.scrub.setRange(0, last)
            self.scrub.setValue(step)
        self.step_label.setText(tr("step {0} / {1}").format(step, last))

    def fit_step_label(self) -> None:
        """Room for the longest step text, so the slider does not jump as the numbers grow."""
        widest = tr("step {0} / {1}").format(MAX_STEPS, MAX_STEPS)
        self.step_label.setMinimumWidth(self.step_label.fontMetrics().horizontalAdvance(widest) + 4)
