"""Model, weights and device pickers, with load progress and a cancel button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from cnnviz.core.session import TRAINED_LABEL
from cnnviz.gui.inspect.common import tr, weights_text
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState

WEIGHT_CHOICES = ("random", "pretrained")


class ModelPanel(QWidget):
    """One row: search · model ▾ · weights ▾ · device ▾ · progress · cancel."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self._updating = False
        self.weights_file = ""
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search models…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self.search.setToolTip(tr("Type part of a name (e.g. 'res', 'vgg') and press Enter to load it."))
        self.model_box = QComboBox()
        self.model_box.setMinimumContentsLength(18)
        self.model_box.setMaxVisibleItems(25)
        self.model_box.setToolTip(tr("The network to inspect, grouped by family (year of its paper)."))
        self._fill_models()
        completer = QCompleter(self._names)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(self._on_search)
        completer.activated.connect(lambda text: self._pick(text))

        self.weights_box = QComboBox()
        self.weights_box.addItem(tr("Random weights"), "random")
        self.weights_box.addItem(tr("Pretrained (ImageNet)"), "pretrained")
        self.weights_box.addItem(tr("From file…"), "file")
        self.weights_box.setToolTip(
            tr("Random: an untrained net (patterns come only from the architecture).\n"
               "Pretrained: torchvision's ImageNet weights (downloaded once).\n"
               "From file: a state_dict you trained or downloaded.")
        )
        self.device_box = QComboBox()
        self.device_box.setToolTip(tr("Where the forward pass runs. A GPU that runs out of memory falls back to the CPU."))
        from cnnviz.core.device import list_devices

        for dev in list_devices():
            self.device_box.addItem(dev.label, dev.key)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop loading (Esc); the previous model stays."))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: controller.cancel("main"))

        for w, label in (
            (self.search, None),
            (self.model_box, tr("Model")),
            (self.weights_box, tr("Weights")),
            (self.device_box, tr("Device")),
        ):
            if label:
                lay.addWidget(QLabel(label))
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.progress)
        lay.addWidget(self.cancel_button)
        self._layout = lay

        self.model_box.activated.connect(self._on_model_box)
        self.weights_box.activated.connect(self._on_weights_box)
        self.device_box.activated.connect(lambda i: state.set_device(self.device_box.itemData(i)))
        state.model_changed.connect(self._sync)
        controller.model_failed.connect(lambda _m: self._sync())  # the boxes show what is really loaded
        controller.model_loading.connect(self._show_loading)
        state.device_changed.connect(self._sync)
        controller.progress_changed.connect(self._on_progress)

    def add_fold_buttons(self, *buttons: QWidget) -> None:
        """Put the buttons that bring back a folded column at the end of the row."""
        for button in buttons:
            self._layout.addWidget(button)

    # ------------------------------------------------------------ list
    def _fill_models(self) -> None:
        from cnnviz.core.models import list_models

        model = QStandardItemModel(self)
        zh = self.state.language == "zh"
        self._names: list[str] = []
        specs = sorted(list_models(), key=lambda s: (s.year or 9999, s.family, s.name))
        family = None
        for spec in specs:
            if spec.family != family:
                family = spec.family
                head = QStandardItem(f"— {family} ({spec.year or '?'}) —")
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont()
                font.setBold(True)
                head.setFont(font)
                model.appendRow(head)
            item = QStandardItem("    " + spec.name)
            item.setData(spec.name, Qt.ItemDataRole.UserRole)
            item.setToolTip(spec.description_zh or spec.description_en if zh else spec.description_en)
            model.appendRow(item)
            self._names.append(spec.name)
        self.model_box.setModel(model)

    def model_names(self) -> list[str]:
        """Every model the picker lists."""
        return list(self._names)

    # ------------------------------------------------------------ actions
    def _pick(self, name: str) -> None:
        name = name.strip()
        if name in self._names:
            self.controller.load_model(name, self._weights_for_new_model(), seed=self._seed())
        elif name:
            self.state.show_status(tr("No model called '{0}'.").format(name), 4000)

    def _on_search(self) -> None:
        text = self.search.text().strip()
        hits = [n for n in self._names if text.lower() in n.lower()]
        self._pick(text if text in self._names else (hits[0] if hits else text))

    def _on_model_box(self, index: int) -> None:
        name = self.model_box.itemData(index, Qt.ItemDataRole.UserRole)
        if name:
            self._pick(name)

    def _weights_for_new_model(self) -> str:
        # a file belongs to one architecture; another model starts random
        choice = self.weights_box.currentData()
        return "pretrained" if choice == "pretrained" else "random"

    def _seed(self) -> int:
        session = self.state.model
        return session.seed if session is not None else 0

    def _on_weights_box(self, index: int) -> None:
        session = self.state.model
        if session is None:
            return
        choice = self.weights_box.itemData(index)
        if choice == "current":  # the weights in use already
            return
        if choice == "file":
            start = str(Path(self.weights_file).parent) if self.weights_file else ""
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Open weights"), start, tr("PyTorch weights (*.pt *.pth *.bin *.ckpt);;All files (*)")
            )
            if not path:
                self._sync()
                return
            self.weights_file = path
            self.controller.load_model(session.name, path, seed=session.seed, model_kwargs=session.kwargs)
        else:
            self.controller.load_model(session.name, choice, seed=session.seed, model_kwargs=session.kwargs)

    # ------------------------------------------------------------ reactions
    def _show_loading(self, request: object) -> None:
        """While a model loads, the model box names it (a failure puts back what stays loaded)."""
        name = getattr(request, "name", None)
        for i in range(self.model_box.count()):
            if self.model_box.itemData(i, Qt.ItemDataRole.UserRole) == name:
                self.model_box.setCurrentIndex(i)
                return

    def _sync(self, *_: object) -> None:
        session = self.state.model
        if session is not None:
            self._offer_pretrained(session.spec.has_pretrained, session.name)
            for i in range(self.model_box.count()):
                if self.model_box.itemData(i, Qt.ItemDataRole.UserRole) == session.name:
                    self.model_box.setCurrentIndex(i)
                    break
            w = session.weights
            label = str(getattr(session, "weights_label", ""))
            if w not in WEIGHT_CHOICES:
                self.weights_file = w
            # Weights from a file or handed over by the Train tab are named by an extra entry
            # ("file r18.pt", "trained in the Train tab (Adam)"), so the box never claims "random".
            own = label.startswith(TRAINED_LABEL) or w not in WEIGHT_CHOICES
            self._set_current_entry(weights_text(label) if own else None)
            self.weights_box.setCurrentIndex(self.weights_box.findData("current" if own else w))
        i = self.device_box.findData(self.state.device)
        if i >= 0:
            self.device_box.setCurrentIndex(i)

    def _offer_pretrained(self, available: bool, name: str) -> None:
        """Enable "Pretrained" only for models that have pretrained weights; say so otherwise."""
        i = self.weights_box.findData("pretrained")
        model = self.weights_box.model()
        assert isinstance(model, QStandardItemModel)  # a QComboBox's own model
        item = model.item(i) if i >= 0 else None
        if item is None:
            return
        item.setEnabled(available)
        item.setToolTip("" if available else tr("{0} has no pretrained weights: train it in the Train tab and open "
                                                "it here, or load a weights file.").format(name))

    def _set_current_entry(self, text: str | None) -> None:
        """Show ``text`` as the box's extra first entry for the weights in use, or remove it (None)."""
        i = self.weights_box.findData("current")
        if text is None:
            if i >= 0:
                self.weights_box.removeItem(i)
        elif i < 0:
            self.weights_box.insertItem(0, text, "current")
        else:
            self.weights_box.setItemText(i, text)

    def _on_progress(self, fraction: float, message: str) -> None:
        if fraction < 0:
            self.progress.hide()
            self.cancel_button.hide()
            return
        self.progress.show()
        self.cancel_button.show()
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(message or "%p%")
