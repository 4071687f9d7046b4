"""The Train tab's lesson bar: the Lessons menu (ready-made comparisons) and the chosen lesson's text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from cnnviz.core.training.presets import Preset, list_presets


def tr(text: str) -> str:
    """Translate a Train-tab string."""
    return QCoreApplication.translate("TrainTab", text)


def preset_title(preset: Preset, language: str) -> str:
    """The lesson's title in the interface language."""
    return preset.title_zh or preset.title if language == "zh" else preset.title


class LessonBar(QWidget):
    """A Lessons button with every preset, the chosen lesson's title and its explanation."""

    sig_chosen = Signal(str)
    """A lesson was picked from the menu (its preset name)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.preset: Preset | None = None
        zh = language == "zh"
        self.lesson_button = QToolButton()
        self.lesson_button.setText(tr("Lessons"))
        self.lesson_button.setToolTip(tr("Ready-made comparisons from the notes."))
        self.lesson_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.lesson_button)
        for preset in list_presets():
            act = QAction(preset_title(preset, language), menu)
            act.setToolTip(preset.lesson_zh if zh else preset.lesson_en)
            act.triggered.connect(lambda _=False, n=preset.name: self.sig_chosen.emit(n))
            menu.addAction(act)
        self.lesson_button.setMenu(menu)
        self.lesson_title = QLabel("")
        self.lesson_title.setStyleSheet("font-weight: bold;")
        self.lesson_title.setWordWrap(True)
        self.lesson_text = QLabel("")
        self.lesson_text.setObjectName("lesson-text")
        self.lesson_text.setWordWrap(True)  # in the palette's text colour: a fixed grey fades on the dark theme
        row = QHBoxLayout()
        row.addWidget(self.lesson_button)
        row.addWidget(self.lesson_title, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.lesson_text)

    def set_preset(self, preset: Preset | None) -> None:
        """Make ``preset`` the current lesson (None: none) and show its title and text."""
        self.preset = preset
        self.set_language(self.language)

    def set_language(self, language: str) -> None:
        """Show the current lesson's title and text in ``language``."""
        self.language = language
        p = self.preset
        self.lesson_title.setText(preset_title(p, language) if p else "")
        self.lesson_text.setText((p.lesson_zh if language == "zh" else p.lesson_en) if p else "")
