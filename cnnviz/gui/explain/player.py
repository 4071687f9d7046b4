"""Play / pause / step / back / speed for any step sequence (a QTimer moves an index)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from cnnviz.gui.explain.common import tr
from cnnviz.gui.flow_layout import FlowLayout, kept_together
from cnnviz.gui.icons import player_icon

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # steps per second


class StepClock(QObject):
    """The current step of an animation; -1 means nothing computed yet."""

    step_changed = Signal(int)
    """The shown step changed (index, −1 for none)."""
    playing_changed = Signal(bool)
    """Playback started (True) or stopped (False)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.index = -1
        self.speed = 2.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.forward)
        self._apply_speed()

    def reset(self, count: int, index: int = -1) -> None:
        """A new sequence of ``count`` steps; show ``index`` (clamped)."""
        self.count = count
        self.set_index(index)
        if count == 0:
            self.pause()

    def set_index(self, index: int) -> None:
        """Show step ``index`` (−1 … count − 1)."""
        index = max(-1, min(self.count - 1, index))
        if index != self.index:
            self.index = index
        self.step_changed.emit(self.index)

    def forward(self) -> None:
        """One step on; playback stops at the end."""
        if self.index >= self.count - 1:
            self.pause()
            return
        self.set_index(self.index + 1)
        if self.index >= self.count - 1:
            self.pause()

    def back(self) -> None:
        """One step back."""
        self.pause()
        self.set_index(self.index - 1)

    def step(self) -> None:
        """One step forward, pausing playback (the Right key)."""
        self.pause()
        self.forward()

    @property
    def playing(self) -> bool:
        """True while the timer runs."""
        return self._timer.isActive()

    def play(self) -> None:
        """Start playing (from the beginning when at the end)."""
        if self.count == 0:
            return
        if self.index >= self.count - 1:
            self.set_index(-1)
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop playing."""
        if self._timer.isActive():
            self._timer.stop()
            self.playing_changed.emit(False)

    def jump_to(self, index: int) -> None:
        """Stop playing and show step ``index``."""
        self.pause()
        self.set_index(index)

    def handle_key(self, key: int) -> bool:
        """The player's keys: Space plays or pauses, → / ← step, Home / End jump; False for any other key."""
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key == Qt.Key.Key_Right:
            self.step()
        elif key == Qt.Key.Key_Left:
            self.back()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.pause()
            self.set_index(-1 if key == Qt.Key.Key_Home else self.count - 1)
        else:
            return False
        return True

    def toggle(self) -> None:
        """Play or pause (the Space key)."""
        self.pause() if self.playing else self.play()

    def set_speed(self, steps_per_second: float) -> None:
        """Steps per second while playing."""
        self.speed = max(0.1, float(steps_per_second))
        self._apply_speed()

    def _apply_speed(self) -> None:
        self._timer.setInterval(int(1000 / self.speed))


class PlayerBar(QWidget):
    """⏮ back · ▶ play/pause · ⏭ step · ⏭⏭ all · speed · 'step k / n'. Buttons take no focus."""

    def __init__(self, clock: StepClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.btn_reset, self.btn_back, self.btn_play, self.btn_step, self.btn_end = (QPushButton() for _ in range(5))
        self._playing = False
        self._paint_icons()
        for b in (self.btn_reset, self.btn_back, self.btn_play, self.btn_step, self.btn_end):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(b)
        self.btn_reset.clicked.connect(lambda: clock.jump_to(-1))
        self.btn_back.clicked.connect(clock.back)
        self.btn_play.clicked.connect(clock.toggle)
        self.btn_step.clicked.connect(clock.step)
        self.btn_end.clicked.connect(lambda: clock.jump_to(clock.count - 1))
        self.speed_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setValue(SPEEDS.index(2.0))
        self.slider.setFixedWidth(140)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.valueChanged.connect(self._on_speed)
        self.counter = QLabel()
        # The buttons, the speed and the step counter wrap onto a second line when the column is narrow
        # (a projector at 200 % zoom) instead of making the window wider than the screen.
        self._text_groups = (kept_together(self.speed_label, self.slider), kept_together(self.counter))
        flow = FlowLayout(self, spacing=18)
        flow.addWidget(buttons)
        for group in self._text_groups:
            flow.addWidget(group)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._align_text()
        clock.step_changed.connect(lambda _i: self._update())
        clock.playing_changed.connect(self._on_playing)
        self.retranslate()

    def set_speed_index(self, i: int) -> None:
        """Select one of :data:`SPEEDS` by index."""
        self.slider.setValue(max(0, min(len(SPEEDS) - 1, i)))

    def retranslate(self) -> None:
        """(Re)apply the translated tooltips and labels."""
        self.btn_reset.setToolTip(tr("Back to the start (clears the output)"))
        self.btn_back.setToolTip(tr("One step back (Left arrow)"))
        self.btn_play.setToolTip(tr("Play / pause (Space)"))
        self.btn_step.setToolTip(tr("One step forward (Right arrow)"))
        self.btn_end.setToolTip(tr("Jump to the end (fill the whole output)"))
        self.slider.setToolTip(tr("Animation speed in steps per second"))
        self._update()

    def _on_playing(self, playing: bool) -> None:
        self._playing = playing
        self._paint_icons()

    def _paint_icons(self) -> None:
        """Symbols in the palette's button text colour (dark themes too), as tall as the text (zoom too)."""
        color = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
        side = max(12, round(self.fontMetrics().height() * 1.1))
        ratio = self.devicePixelRatioF()
        kinds = (("reset", self.btn_reset), ("back", self.btn_back), ("pause" if self._playing else "play", self.btn_play),
                 ("step", self.btn_step), ("end", self.btn_end))
        for kind, button in kinds:
            button.setIcon(player_icon(kind, color, side, ratio))
            button.setIconSize(QSize(side, side))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        """Repaint the symbols when the theme (palette) or the zoom (font) changes."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._paint_icons()
            if event.type() != QEvent.Type.PaletteChange:
                self._align_text()
        super().changeEvent(event)

    def _align_text(self) -> None:
        """The speed and the counter as tall as the buttons, so their text is centred on the buttons' line."""
        groups = getattr(self, "_text_groups", ())  # a font change can arrive while __init__ still runs
        for group in groups:
            group.setMinimumHeight(self.btn_play.sizeHint().height())

    def _on_speed(self, i: int) -> None:
        self.clock.set_speed(SPEEDS[i])
        self._update()

    def _update(self) -> None:
        self.speed_label.setText(tr("Speed {0}/s").format(f"{self.clock.speed:g}"))
        self.counter.setText(tr("Step {0} / {1}").format(self.clock.index + 1, self.clock.count))
