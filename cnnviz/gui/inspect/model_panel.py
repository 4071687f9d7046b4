"""Model, weights and device pickers, with load progress and a cancel button."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from cnnviz.core.session import TRAINED_LABEL
from cnnviz.gui.flow_layout import FlowLayout, kept_together
from cnnviz.gui.inspect.common import tr, weights_text
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.state import AppState

WEIGHT_CHOICES = ("random", "pretrained")
#: Item data of the model box's first entry, "Open model file…" (no model name is ever this).
OPEN_ENTRY = Qt.ItemDataRole.UserRole + 2
#: The model list's source filter: key -> the registry sources it shows (None: all).
SOURCE_FILTERS: dict[str, tuple[str, ...] | None] = {
    "builtin": ("cnnviz", "torchvision"),
    "timm": ("timm",),
    "all": None,
}


def model_file(name: str) -> str:
    """The file a model name points to (``dir/net.py`` of ``dir/net.py:Net``), or the name itself."""
    target, sep, attr = name.rpartition(":")
    return target if sep and target.lower().endswith(".py") and attr.isidentifier() else name


def short_model_name(name: str) -> str:
    """A model name for the box: a file's name without its folder (``net.py:Net``, ``model.onnx``)."""
    path = model_file(name)
    if path != name:
        return f"{Path(path).name}:{name.rpartition(':')[2]}"
    return Path(name).name if name.lower().endswith(".onnx") else name


class ModelPanel(QWidget):
    """One row: search · model ▾ · weights ▾ · device ▾ · progress · cancel."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self._updating = False
        self.weights_file = ""

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search models…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self.search.setToolTip(tr("Type part of a name (e.g. 'res', 'vgg') and press Enter to load it."))
        self.model_box = QComboBox()
        self.model_box.setMinimumContentsLength(18)
        self.model_box.setMaxVisibleItems(25)
        self.model_box.setToolTip(tr("The network to inspect, grouped by family (year of its paper)."))
        self.source_box = QComboBox()
        self.source_box.addItem(tr("Built-in"), "builtin")
        self.source_box.addItem("timm", "timm")
        self.source_box.addItem(tr("All"), "all")
        self.source_box.setToolTip(tr("Which models the list shows: cnnviz's and torchvision's (built in), the "
                                      "CNNs of timm, or all. The search box finds every name."))
        self.last_model_dir = ""
        self._opened: set[str] = set()  # names shown under "Opened" (files, models the filter hides)
        self._fill_models()
        completer = QCompleter(self._names)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(self._on_search)
        self.search.textEdited.connect(lambda _t: self.list_timm())  # the search finds timm's names too
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

        # The row wraps (a label stays with its box) when the window is narrow: a 1280-pixel projector
        # at 150 % zoom, or while the progress bar shows, would otherwise force the window wider.
        lay = FlowLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.search)
        lay.addWidget(kept_together(QLabel(tr("Model")), self.model_box, self.source_box))
        lay.addWidget(kept_together(QLabel(tr("Weights")), self.weights_box))
        lay.addWidget(kept_together(QLabel(tr("Device")), self.device_box))
        lay.addWidget(self.progress)
        lay.addWidget(self.cancel_button)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._layout = lay

        self.model_box.activated.connect(self._on_model_box)
        self.source_box.activated.connect(self._on_source_box)
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

    def open_model_file(self, path: str = "") -> str:
        """Open model…: ask for an ONNX or Python file (unless ``path``) and load it (see :mod:`.open_model`)."""
        from cnnviz.gui.inspect.open_model import open_model_file

        spec = open_model_file(self, self.state, self.controller, path, start_dir=self.last_model_dir)
        if spec:
            self.last_model_dir = str(Path(model_file(spec)).parent)
        return spec

    # ------------------------------------------------------------ list
    def _fill_models(self) -> None:
        """The built-in models at once; timm's (whose listing imports timm, seconds) from a worker."""
        import importlib.util

        from cnnviz.core.models import list_models

        specs = [*list_models(source="cnnviz"), *list_models(source="torchvision")]
        self._specs = sorted(specs, key=lambda s: (s.year or 9999, s.family, s.name))
        self._names: list[str] = [spec.name for spec in self._specs]  # the search finds every source
        self._fill_list()
        self._timm_job: Any = None
        self._timm_listed = importlib.util.find_spec("timm") is None
        if self._timm_listed:
            self.source_box.hide()  # timm is not installed: nothing to filter

    def _on_source_box(self, _index: int) -> None:
        self.list_timm()
        self._fill_list()

    def list_timm(self) -> None:
        """List timm's models in a worker (its listing imports timm: seconds), once, when first wanted:
        the search is used or the filter asks for them."""
        if self._timm_listed or self._timm_job is not None:
            return
        from cnnviz.core.models import list_models
        from cnnviz.gui.workers import run_in_thread

        self._timm_job = run_in_thread(lambda progress, cancel: list_models(source="timm"))
        self._timm_job.sig_finished.connect(self._add_listed)

    def is_listing(self) -> bool:
        """True while timm's models are being listed."""
        return self._timm_job is not None and not self._timm_job.delivered

    def _add_listed(self, specs: list[Any]) -> None:
        """Models listed later (timm): found by the search, shown when the filter asks for them."""
        self._timm_listed = True
        known = set(self._names)
        extra = [s for s in specs if s.name not in known]
        self._specs = sorted([*self._specs, *extra], key=lambda s: (s.year or 9999, s.family, s.name))
        self._names = [spec.name for spec in self._specs]
        completer = self.search.completer()
        words = completer.model() if completer is not None else None
        if isinstance(words, QStringListModel):
            words.setStringList(self._names)
        if self.source_box.currentData() != "builtin":
            self._fill_list()

    def _fill_list(self) -> None:
        """Fill the model box with the models of the chosen source, grouped by family."""
        model = QStandardItemModel(self)
        zh = self.state.language == "zh"
        # The row has no room for another button (at 200 % it must fit 1920 px with the progress bar
        # shown): Open model… is the list's first entry, and in the Model menu.
        opener = QStandardItem(tr("Open model file (ONNX, Python)…"))
        opener.setData(True, OPEN_ENTRY)
        opener.setToolTip(tr("Open a model file: an ONNX model (.onnx) or a Python file (.py) with an nn.Module "
                             "class."))
        model.appendRow(opener)
        wanted = SOURCE_FILTERS.get(self.source_box.currentData() or "builtin")
        family = None
        for spec in self._specs:
            if wanted is not None and spec.source not in wanted:
                continue
            if spec.family != family:
                family = spec.family
                model.appendRow(self._header(f"— {family} ({spec.year or '?'}) —"))
            item = QStandardItem("    " + spec.name)
            item.setData(spec.name, Qt.ItemDataRole.UserRole)
            item.setToolTip(spec.description_zh or spec.description_en if zh else spec.description_en)
            model.appendRow(item)
        self.model_box.setModel(model)
        if self.state.model is not None:
            self._show_in_box(self.state.model.name)
        else:  # not "Open model file…" before the first model is loaded
            self.model_box.setCurrentIndex(next((i for i in range(model.rowCount())
                                                 if self.model_box.itemData(i, Qt.ItemDataRole.UserRole)), -1))

    @staticmethod
    def _header(text: str) -> QStandardItem:
        head = QStandardItem(text)
        head.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont()
        font.setBold(True)
        head.setFont(font)
        return head

    def listed_names(self) -> list[str]:
        """The models the model box lists now (the source filter applied)."""
        names = [self.model_box.itemData(i, Qt.ItemDataRole.UserRole) for i in range(self.model_box.count())]
        return [n for n in names if n]

    def _show_in_box(self, name: str) -> None:
        """Make ``name`` the box's current entry, adding it under "Opened" when the list does not show it
        (a file, a timm model found by the search while the filter hides timm)."""
        box = self.model_box
        for i in range(box.count()):
            if box.itemData(i, Qt.ItemDataRole.UserRole) == name:
                box.setCurrentIndex(i)
                return
        model = box.model()
        if not isinstance(model, QStandardItemModel):
            return
        title = self._opened_title()
        header = next((i for i in range(box.count()) if box.itemText(i) == title), None)
        if header is None:
            header = 1 if box.itemData(0, OPEN_ENTRY) else 0  # after "Open model file…"
            model.insertRow(header, self._header(title))
        self._opened.add(name)
        item = QStandardItem("    " + short_model_name(name))
        item.setData(name, Qt.ItemDataRole.UserRole)
        item.setToolTip(name)
        model.insertRow(header + 1, item)
        box.setCurrentIndex(header + 1)

    @staticmethod
    def _opened_title() -> str:
        return "— " + tr("Opened") + " —"

    def model_names(self) -> list[str]:
        """Every listed model (of every source: the search box finds them all)."""
        return list(self._names)

    # ------------------------------------------------------------ actions
    def _pick(self, name: str) -> None:
        name = name.strip()
        if name in self._names or name in self._opened:
            self.controller.load_model(name, self._weights_for_new_model(), seed=self._seed())
        elif name:
            self.state.show_status(tr("No model called '{0}'.").format(name), 4000)

    def _on_search(self) -> None:
        text = self.search.text().strip()
        hits = [n for n in self._names if text.lower() in n.lower()]
        self._pick(text if text in self._names else (hits[0] if hits else text))

    def _on_model_box(self, index: int) -> None:
        if self.model_box.itemData(index, OPEN_ENTRY):
            if not self.open_model_file():
                self._sync()  # cancelled: the box shows the loaded model again
            return
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
        if name:
            self._show_in_box(str(name))

    def _sync(self, *_: object) -> None:
        session = self.state.model
        if session is not None:
            self._offer_pretrained(session.spec.has_pretrained, session.name)
            self._show_in_box(session.name)
            w = session.weights
            label = str(getattr(session, "weights_label", ""))
            if w not in WEIGHT_CHOICES:
                self.weights_file = w
            # Weights from a file or handed over by the Train tab are named by an extra entry
            # ("file r18.pt", "trained in the Train tab (Adam)"), so the box never claims "random".
            own = label.startswith(TRAINED_LABEL) or w not in WEIGHT_CHOICES or session.spec.bundled_weights
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
