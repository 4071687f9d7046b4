"""Help → Keyboard shortcuts: one sheet with every key of the main flows.

Menu shortcuts are read from the window's actions, so the sheet cannot
disagree with the menus; keys that widgets handle themselves (arrow keys in
the layer tree, Space in an animation) come from :func:`widget_shortcuts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    """Translate a shortcuts-sheet string."""
    return QCoreApplication.translate("Shortcuts", text)


@dataclass(frozen=True)
class Shortcut:
    """One line of the sheet."""

    section: str
    description: str
    keys: str
    #: Only listed when no menu action has these keys (the Inspect tab puts them in its menus).
    fallback: bool = False


def keys_text(*sequences: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """Key sequences as the platform writes them (Ctrl+S, ⌘S), joined by ' / '."""
    out = []
    for seq in sequences:
        if isinstance(seq, str) and not seq.isascii():
            out.append(seq)  # arrows and signs: already what the keycap shows
            continue
        text = QKeySequence(seq).toString(QKeySequence.SequenceFormat.NativeText)
        out.append(text or str(seq))
    return " / ".join(out)


def _clean(text: str) -> str:
    """A menu text without its mnemonic ('&File', '文件(&F)') and trailing ellipsis."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def action_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every menu action with a shortcut, in menu order, sectioned by menu title."""
    out: list[Shortcut] = []
    seen: set[int] = set()

    def walk(menu: QMenu, section: str) -> None:
        for act in menu.actions():
            sub = act.menu()
            if isinstance(sub, QMenu):
                walk(sub, section)
                continue
            if id(act) in seen or act.isSeparator() or not act.shortcuts():
                continue
            seen.add(id(act))
            out.append(Shortcut(section, _clean(act.text()), keys_text(*act.shortcuts())))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _clean(top.text()))
    return out


def widget_shortcuts() -> list[Shortcut]:
    """Keys that widgets handle themselves (no menu action), tab by tab."""
    inspect, explain, play, train = tr("Inspect"), tr("Explain"), tr("Playground"), tr("Train")
    return [
        Shortcut(inspect, tr("Walk the layers in the layer tree"), "↑ / ↓"),
        Shortcut(inspect, tr("Open or close a block of layers"), "→ / ←"),
        Shortcut(inspect, tr("Next / previous convolution"), keys_text("Alt+Down", "Alt+Up"), fallback=True),
        Shortcut(inspect, tr("Find a model"), keys_text("Ctrl+K"), fallback=True),
        Shortcut(inspect, tr("Network map: previous / next layer"), "↑ / ↓"),
        Shortcut(inspect, tr("Network map: zoom in / out"), "+ / −"),
        Shortcut(inspect, tr("Network map: zoom with the wheel"), keys_text("Ctrl") + " + " + tr("wheel")),
        Shortcut(inspect, tr("Network map: fit the width"), keys_text("0")),
        Shortcut(inspect, tr("Network map: open the selected layer"), keys_text("Return")),
        Shortcut(inspect, tr("Sketch pad: undo / redo a stroke"), keys_text("Ctrl+Z", "Ctrl+Shift+Z")),
        Shortcut(tr("Presenter view"), tr("Full screen on / off"), keys_text("F11")),
        Shortcut(tr("Presenter view"), tr("Leave full screen"), keys_text("Esc")),
        Shortcut(tr("Presenter view"), tr("Close the presenter view"), keys_text("F10")),
        Shortcut(explain, tr("Play or pause the animation"), keys_text("Space")),
        Shortcut(explain, tr("One step forward / back"), "→ / ←"),
        Shortcut(explain, tr("First / last step"), keys_text("Home", "End")),
        Shortcut(explain, tr("1×1 convolution: move the pixel"), "↑ ↓ ← →"),
        Shortcut(play, tr("Play or pause the race"), keys_text("Space")),
        Shortcut(play, tr("One step forward / back"), "→ / ←"),
        Shortcut(play, tr("Restart from step 0"), keys_text("Home")),
        Shortcut(play, tr("Jump to the last step"), keys_text("End")),
        Shortcut(play, tr("Faster / slower animation"), "+ / −"),
        Shortcut(train, tr("Start training"), keys_text("Ctrl+Return")),
        Shortcut(train, tr("Continue the stopped runs"), keys_text("Ctrl+Shift+Return")),
        Shortcut(train, tr("Pause or resume training"), keys_text("Ctrl+P")),
        Shortcut(train, tr("Stop training"), keys_text("Esc")),
        Shortcut(train, tr("New run / duplicate the selected run"), keys_text("Ctrl+N", "Ctrl+D")),
        Shortcut(train, tr("Remove the selected run"), keys_text("Delete")),
        Shortcut(train, tr("Logarithmic loss axis on / off"), keys_text("Ctrl+L")),
        Shortcut(train, tr("Curves: show all the data again after a zoom"), tr("double-click")),
    ]


def all_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Menu shortcuts first, then widget keys (a fallback entry only when its keys are in no menu)."""
    menus = action_shortcuts(window)
    menu_keys = {k for s in menus for k in s.keys.split(" / ")}
    return menus + [s for s in widget_shortcuts()
                    if not (s.fallback and any(k in menu_keys for k in s.keys.split(" / ")))]


class ShortcutsDialog(QDialog):
    """A searchable table of :func:`all_shortcuts`, grouped by menu and tab."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.setObjectName("cnnviz-shortcuts")
        self.resize(640, 720)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type to filter, e.g. “step” or “Ctrl”"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("What it does"), tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.shortcuts = all_shortcuts(window)
        sections: dict[str, QTreeWidgetItem] = {}
        for sc in self.shortcuts:
            head = sections.get(sc.section)
            if head is None:
                head = QTreeWidgetItem([sc.section, ""])
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setFirstColumnSpanned(False)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(head)
                sections[sc.section] = head
            QTreeWidgetItem(head, [sc.description, sc.keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        close = QAction(self)
        close.setShortcut(QKeySequence("F1"))
        close.triggered.connect(self.reject)
        self.addAction(close)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            assert head is not None  # i < topLevelItemCount()
            visible = 0
            for j in range(head.childCount()):
                child = head.child(j)
                assert child is not None  # j < childCount()
                hit = not needle or needle in child.text(0).lower() or needle in child.text(1).lower() \
                    or needle in head.text(0).lower()
                child.setHidden(not hit)
                visible += hit
            head.setHidden(visible == 0)

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, description, keys) of every visible row (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            assert head is not None  # i < topLevelItemCount()
            for j in range(head.childCount()):
                child = head.child(j)
                assert child is not None  # j < childCount()
                if not child.isHidden() and not head.isHidden():
                    out.append((head.text(0), child.text(0), child.text(1)))
        return out
