"""The Explain tab: a lecturer teaches CNNs from here.

Left: the topics (Convolution, Pooling, 1×1 convolution, Receptive field
growth, Parameter counting, Architecture timeline, Unit arithmetic). Right: the page of the
selected topic. Every number comes from :mod:`cnnviz.core.explain`; every
string goes through ``QCoreApplication.translate("Explain", …)`` and every
explanation comes from core in English and Chinese, picked by
``state.language``. ``lesson_state()`` / ``apply_lesson_state()`` capture and
restore every setting (JSON-serialisable) for lesson files.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from cnnviz.core.lesson_file import Attachments
from cnnviz.core.logs import log_exception
from cnnviz.gui.explain.common import tr
from cnnviz.gui.explain.topics import ExplainPage, topic_keys, topics
from cnnviz.gui.state import AppState
from cnnviz.gui.tab_contract import TabBase, TabHost

SETTINGS_KEY = "explain/state"
#: The topic keys in sidebar order (see :mod:`cnnviz.gui.explain.topics`).
TOPICS = topic_keys()


def _topic_titles() -> dict[str, str]:
    return {t.key: t.title() for t in topics()}


class TopicList(QListWidget):
    """The sidebar: as wide as its longest title at the current font (zoom, language); when the window
    is narrower than that, titles wrap between words instead of being cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def _width_for(self, text_width: int) -> int:
        metrics = QFontMetrics(self.font())
        # item padding and the focus frame, the list's frame, a vertical scroll bar should one appear
        return (text_width + 2 * metrics.averageCharWidth() + 2 * self.frameWidth()
                + self.verticalScrollBar().sizeHint().width())

    def _titles(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """Wide enough for every title on one line."""
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(t) for t in self._titles()), default=100)
        return QSize(self._width_for(widest), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for the longest word: titles wrap below that."""
        metrics = QFontMetrics(self.font())
        words = [w for t in self._titles() for w in t.split()] or ["W" * 8]
        widest = max(metrics.horizontalAdvance(w) for w in words)
        return QSize(self._width_for(widest), super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """The zoom changed the font: ask the layout for the new width."""
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)


class ExplainTab(TabBase):
    """Sidebar of topics + one page per topic."""

    def __init__(self, state: AppState, host: TabHost | None = None) -> None:
        super().__init__(state, host)
        self.sidebar = TopicList()
        self.sidebar.setObjectName("explain-topics")
        font = QFont(self.sidebar.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.sidebar.setFont(font)
        self.stack = QStackedWidget()
        self.pages: dict[str, ExplainPage] = {t.key: t.build(state) for t in topics()}
        for key in TOPICS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            self.stack.addWidget(self.pages[key])
            self.pages[key].show_requested.connect(lambda key=key: self.show_topic(key))
        self.sidebar.currentRowChanged.connect(self._on_topic)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        self.retranslate()
        self.sidebar.setCurrentRow(0)
        state.model_changed.connect(self._on_sources)
        state.image_changed.connect(self._on_sources)
        state.language_changed.connect(lambda _l: self.retranslate())
        state.theme_changed.connect(lambda _t: self.retranslate())  # rich text takes theme colours

    # ------------------------------------------------------------ navigation
    @property
    def topic(self) -> str:
        """Key of the page shown now."""
        return TOPICS[max(0, self.sidebar.currentRow())]

    def show_topic(self, key: str) -> None:
        """Show the page ``key`` (one of :data:`TOPICS`)."""
        if key in TOPICS:
            self.sidebar.setCurrentRow(TOPICS.index(key))

    def status_parts(self) -> tuple[list[str], str]:
        """For the status bar: the topic shown and the Inspect model its numbers come from."""
        session = self.state.model
        parts = [_topic_titles()[self.topic]]
        if session is not None:
            parts.append(tr("numbers from {0}").format(session.name))
        return parts, self.state.device

    def _on_topic(self, row: int) -> None:
        if row < 0:
            return
        self.state.status_info_changed.emit()
        page = self.pages[TOPICS[row]]
        self.stack.setCurrentWidget(page)
        page.activated()
        for other in self.pages.values():
            if other is not page:
                other.deactivated()
        page.focus_widget().setFocus()

    def _on_sources(self, _value: object = None) -> None:
        for page in self.pages.values():
            page.update_sources()

    # ------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Re-read every translated string and every core explanation."""
        titles = _topic_titles()
        for row, key in enumerate(TOPICS):
            self.sidebar.item(row).setText(titles[key])
        self.sidebar.updateGeometry()
        self.sidebar.setToolTip(tr("Pick a topic; the keyboard works in every view (Space, ←, →)"))
        for page in self.pages.values():
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ lessons and settings
    def lesson_state(self, attachments: Attachments | None = None) -> dict[str, Any]:
        """Every setting of the tab, JSON-serialisable (for lesson files; nothing to attach)."""
        out: dict[str, Any] = {"version": 1, "topic": self.topic}
        for key, page in self.pages.items():
            out[key] = page.lesson_state()
        return out

    def apply_lesson_state(self, data: dict[str, Any], attachments: Attachments | None = None) -> None:
        """Restore what :meth:`lesson_state` captured; bad parts are skipped (and logged), not fatal."""
        for key, page in self.pages.items():
            part = data.get(key)
            if isinstance(part, dict):
                try:
                    page.apply_lesson_state(part)
                except Exception as exc:  # a damaged lesson must not break the tab
                    log_exception(f"the Explain page {key} could not take its lesson part", exc)
        if data.get("topic") in TOPICS:
            self.show_topic(data["topic"])

    def save_settings(self, settings: QSettings) -> None:
        """Remember the tab's state between runs."""
        settings.setValue(SETTINGS_KEY, json.dumps(self.lesson_state()))

    def restore_settings(self, settings: QSettings) -> None:
        """Restore the state saved by :meth:`save_settings` (ignored when unreadable)."""
        raw = settings.value(SETTINGS_KEY)
        if not raw:
            return
        try:
            data = json.loads(str(raw))
        except ValueError:
            return
        if isinstance(data, dict):
            self.apply_lesson_state(data)

    def is_busy(self) -> bool:
        """True while the timeline numbers are being computed."""
        return any(p.is_busy() for p in self.pages.values())

    def shutdown(self) -> None:
        """Stop timers and cancel background work."""
        for page in self.pages.values():
            page.shutdown()


def create_tab(state: AppState, host: TabHost) -> TabBase:
    """Build the Explain tab."""
    return ExplainTab(state, host)
