"""Dataset exemplars: pick an image set, index it, see a channel's top 9 or a layer's atlas.

The section asks the controller for the index of (image set, layers) of the
current model whenever the panel is visible and one of those changes: a
cached index opens at once, a missing one waits for Build. Views are read
in workers and shown only when they are for the index, layer and channel on
screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.inspect.atlas.jobs import SourceChoice, builtin_datasets
from cnnviz.gui.inspect.atlas.views import CropGrid, Tile
from cnnviz.gui.inspect.atlas.widgets import (
    ElidedToolButton,
    ProgressLine,
    button_row,
    error_label,
    narrow_combo,
    show_message,
    wrapped,
)
from cnnviz.gui.inspect.common import tr

if TYPE_CHECKING:
    from cnnviz.gui.inspect.atlas.panel import AtlasPanel

PICK_FOLDER = "pick-folder"
PICK_TORCHVISION = "pick-torchvision"
#: torchvision datasets offered in the dialog (any other class name can be typed).
TORCHVISION_CLASSES = ("MNIST", "FashionMNIST", "KMNIST", "CIFAR10", "CIFAR100", "SVHN", "STL10")


def choice_label(choice: SourceChoice, language: str = "en") -> str:
    """How the combo box names an image set (built-in datasets in the interface ``language``)."""
    if choice.kind == "folder":
        return tr("Folder {0}").format(Path(choice.name).name or choice.name)
    if choice.kind == "torchvision":
        return tr("torchvision {0} ({1})").format(choice.name, choice.split or "test")
    for d in builtin_datasets():
        if d.name == choice.name:
            return d.label_zh if language == "zh" and d.label_zh else d.label
    return choice.name


def megabytes(n: int) -> str:
    """Bytes for a person."""
    if n < 1024 * 1024:
        return tr("{0:.0f} KB").format(n / 1024)
    return tr("{0:.1f} MB").format(n / (1024 * 1024))


class TorchvisionDialog(QDialog):
    """Which torchvision dataset, where it lies, which split (nothing is downloaded)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cnnviz.core.training.paths import datasets_dir

        self.setWindowTitle(tr("torchvision dataset on disk"))
        form = QFormLayout(self)
        self.cls = QComboBox()
        self.cls.setEditable(True)
        self.cls.addItems(list(TORCHVISION_CLASSES))
        self.split = QComboBox()
        self.split.addItem(tr("test"), "test")
        self.split.addItem(tr("train"), "train")
        self.root = QLineEdit(str(datasets_dir()))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.root, 1)
        where.addWidget(browse)
        form.addRow(tr("Dataset"), self.cls)
        form.addRow(tr("Split"), self.split)
        form.addRow(tr("Folder"), where)
        form.addRow(wrapped(tr("cnnviz reads the dataset from this folder (where the Train tab keeps the ones it "
                               "downloaded) and never downloads it for exemplars.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Folder of the dataset"), self.root.text())
        if path:
            self.root.setText(path)

    def choice(self) -> SourceChoice:
        """What was picked."""
        return SourceChoice("torchvision", self.cls.currentText().strip(), self.split.currentData(),
                            self.root.text().strip())


class ExemplarsSection(QWidget):
    """Image set, layers, Build / Cancel, the index's report, the top 9 or the atlas, the cache."""

    def __init__(self, panel: AtlasPanel) -> None:
        super().__init__()
        self.panel = panel
        self.atlas = panel.atlas
        self.state = panel.state
        self.layer_choice: list[str] | None = None  # None: follow the selected layer
        self.last_dir = ""
        self._previous_source = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)

        self.source_box = narrow_combo([], tr("The images to search for what excites each channel."))
        for d in builtin_datasets():
            choice = SourceChoice("dataset", d.name, "val")
            self.source_box.addItem(choice_label(choice, self.state.language), choice)
            tip = d.description_zh if self.state.language == "zh" and d.description_zh else d.description_en
            self.source_box.setItemData(self.source_box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.source_box.insertSeparator(self.source_box.count())
        self.source_box.addItem(tr("Image folder…"), PICK_FOLDER)
        self.source_box.addItem(tr("torchvision dataset on disk…"), PICK_TORCHVISION)
        self.source_box.activated.connect(self._on_source_activated)
        lay.addWidget(self.source_box)

        self.layers_button = ElidedToolButton()
        self.layers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.layers_menu = QMenu(self)
        self.layers_menu.aboutToShow.connect(self._fill_layers_menu)
        self.layers_button.setMenu(self.layers_menu)
        lay.addWidget(self.layers_button)

        self.build_button = QPushButton(tr("Build index"))
        self.build_button.setToolTip(tr("Run the model over the images once and keep, for every channel, the 9 "
                                        "images that excite it most. Resumes a cancelled run; opens a finished "
                                        "one from the cache at once."))
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.atlas.cancel("build"))
        lay.addWidget(button_row(self.build_button, self.cancel_button))
        self.progress = ProgressLine()
        lay.addWidget(self.progress)
        self.index_label = wrapped()
        lay.addWidget(self.index_label)
        self.message = error_label()
        lay.addWidget(self.message)

        self.view_box = narrow_combo([(tr("Top 9 of the channel"), "top"), (tr("Atlas: every channel"), "atlas")],
                                     tr("The selected channel's 9 best crops, or every channel of the layer with "
                                        "its best crop (click one to see its top 9)."))
        self.view_box.currentIndexChanged.connect(lambda _: self.refresh_views())
        self.sort_box = narrow_combo([(tr("Strongest first"), "activation"), (tr("By channel"), "channel")],
                                     tr("Order of the atlas: by each channel's best activation, or by number."))
        self.sort_box.currentIndexChanged.connect(lambda _: self.refresh_views())
        lay.addWidget(self.view_box)
        lay.addWidget(self.sort_box)
        self.view_title = wrapped()
        lay.addWidget(self.view_title)
        self.top_grid = CropGrid(columns=3)
        self.top_grid.setToolTip(tr("Each crop is the unit's receptive field in the image the model saw; "
                                    "grey checks are padding outside the image (dashed: the image's edge)."))
        self.atlas_grid = CropGrid(columns=None)
        self.atlas_grid.sig_clicked.connect(self._on_atlas_click)
        self.atlas_grid.hide()
        self.atlas_progress = ProgressLine()
        lay.addWidget(self.top_grid)
        lay.addWidget(self.atlas_progress)
        lay.addWidget(self.atlas_grid)
        lay.addStretch(1)

        self.cache_label = wrapped()
        self.clear_button = QToolButton()
        self.clear_button.setText(tr("Clear"))
        self.clear_button.setToolTip(tr("Delete every saved exemplar index (they are made again by Build)."))
        self.clear_button.clicked.connect(self.clear_cache)
        cache_row = QHBoxLayout()
        cache_row.addWidget(self.cache_label, 1)
        cache_row.addWidget(self.clear_button)
        lay.addLayout(cache_row)

        a = self.atlas
        a.index_changed.connect(lambda _: self.render_index())
        a.top_changed.connect(self._on_top)
        a.atlas_changed.connect(self._on_atlas)
        a.progress_changed.connect(self._on_progress)
        a.running_changed.connect(self._on_running)
        a.message.connect(self._on_message)
        self._update_layers_button()
        self.update_cache_label()

    # ------------------------------------------------------------ choices
    def choice(self) -> SourceChoice | None:
        """The image set chosen now."""
        data = self.source_box.currentData()
        return data if isinstance(data, SourceChoice) else None

    def set_choice(self, choice: SourceChoice) -> None:
        """Choose ``choice`` (added to the list if new) and look for its index."""
        for i in range(self.source_box.count()):
            if self.source_box.itemData(i) == choice:
                break
        else:
            i = self.source_box.count() - 3  # before the separator and the two "…" entries
            self.source_box.insertItem(i, choice_label(choice, self.state.language), choice)
            tip = choice.name if choice.kind != "torchvision" else f"{choice.name} · {choice.root}"
            self.source_box.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.source_box.setCurrentIndex(i)
        self._previous_source = i
        self.panel.refresh()

    def _on_source_activated(self, index: int) -> None:
        data = self.source_box.itemData(index)
        if data == PICK_FOLDER:
            self.source_box.setCurrentIndex(self._previous_source)
            path = QFileDialog.getExistingDirectory(self, tr("Image folder for exemplars"), self.last_dir)
            if path:
                self.last_dir = path
                self.set_choice(SourceChoice("folder", path))
            return
        if data == PICK_TORCHVISION:
            self.source_box.setCurrentIndex(self._previous_source)
            dialog = TorchvisionDialog(self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice().name:
                self.set_choice(dialog.choice())
            return
        self._previous_source = index
        self.panel.refresh()

    def layers(self) -> tuple[str, ...]:
        """The layers to index: the ticked ones, or the selected layer."""
        if self.layer_choice:
            return tuple(self.layer_choice)
        layer = self.state.layer
        return (layer,) if layer and layer in self.panel.indexable_layers() else ()

    def set_layer_choice(self, layers: list[str] | None) -> None:
        """Index ``layers`` (None or empty: follow the selected layer)."""
        self.layer_choice = list(dict.fromkeys(layers)) if layers else None
        self._update_layers_button()
        self.panel.refresh()

    def _update_layers_button(self) -> None:
        layers = self.layers()
        if self.layer_choice:
            text = tr("Layers: {0}").format(", ".join(layers))
        else:
            text = tr("Layer {0} (the selected one)").format(layers[0] if layers else "–")
        tip = tr("The layers to index. By default the selected layer; tick several to index them in one pass "
                 "over the images.")
        self.layers_button.set_full_text(text, text + "\n" + tip)

    def _fill_layers_menu(self) -> None:
        menu = self.layers_menu
        menu.clear()
        follow = QAction(tr("Follow the selected layer"), menu)
        follow.setCheckable(True)
        follow.setChecked(not self.layer_choice)
        follow.triggered.connect(lambda _=False: self.set_layer_choice(None))
        menu.addAction(follow)
        menu.addSeparator()
        chosen = set(self.layers())
        for key, label in self.panel.indexable_layers().items():
            act = QAction(label, menu)
            act.setCheckable(True)
            act.setChecked(key in chosen and bool(self.layer_choice))
            act.triggered.connect(lambda on, k=key: self._toggle_layer(k, on))
            menu.addAction(act)

    def _toggle_layer(self, key: str, on: bool) -> None:
        current = list(self.layer_choice or self.layers())
        if on and key not in current:
            current.append(key)
        elif not on and key in current:
            current.remove(key)
        order = list(self.panel.indexable_layers())
        self.set_layer_choice(sorted(current, key=lambda k: order.index(k) if k in order else len(order)))

    def on_layer(self) -> None:
        """The selected layer changed: the button's text follows."""
        self._update_layers_button()

    # ------------------------------------------------------------ index
    def look_up(self) -> None:
        """Open the index of the chosen set and layers (cache only; nothing is run)."""
        choice, layers = self.choice(), self.layers()
        if choice is not None and layers:
            self.atlas.look_up(choice, layers)
        self.render_index()

    def build(self) -> None:
        """Build, resume or open the index of the chosen set and layers."""
        choice, layers = self.choice(), self.layers()
        if choice is None:
            show_message(self.message, tr("Choose the images first."))
            return
        if not layers:
            show_message(self.message, tr("The selected layer has no channels to index; choose a layer."))
            return
        self.atlas.build(choice, layers)
        self.render_index()

    def current_index(self) -> Any:
        """The answer of the index on screen (for this model, set and layers), or None."""
        return self.atlas.index_for(self.choice(), self.layers())

    def render_index(self) -> None:
        """Say what the index holds and show the views of the selected layer."""
        self._update_layers_button()
        answer = self.current_index()
        if self.state.model is None:
            self.index_label.setText("")
        elif self.choice() is None:
            self.index_label.setText(tr("Choose the images to search."))
        elif not self.layers():
            self.index_label.setText(tr("The selected layer has no channels to index; choose a layer."))
        elif answer is None or answer.index is None:
            if self.atlas.running("lookup"):
                self.index_label.setText(tr("Looking for a saved index…"))
            elif self.atlas.running("build"):
                self.index_label.setText(tr("Indexing…"))
            else:
                self.index_label.setText(tr("No index of these images for this model yet: press Build index."))
        else:
            self.index_label.setText(index_summary(answer.index))
            self.index_label.setToolTip("\n".join(answer.index.state.skip_examples))
        self.refresh_views()

    def refresh_views(self) -> None:
        """Ask for the top 9 or the atlas of the selected layer (when the panel shows them)."""
        atlas_mode = self.view_box.currentData() == "atlas"
        self.sort_box.setVisible(atlas_mode)
        self.top_grid.setVisible(not atlas_mode)
        self.atlas_grid.setVisible(atlas_mode)
        answer = self.current_index()
        layer, channel = self.state.layer, self.panel.channel
        if answer is None or answer.index is None:
            self.view_title.setText("")
            self.top_grid.set_tiles([], tr("No exemplars yet."))
            self.atlas_grid.set_tiles([], tr("No exemplars yet."))
            return
        if layer not in answer.index.layers:
            text = tr("{0} is not in this index (it has {1}).").format(layer, ", ".join(answer.index.layers))
            self.view_title.setText(text)
            self.top_grid.set_tiles([], "")
            self.atlas_grid.set_tiles([], "")
            return
        if not self.panel.isVisible():
            return
        if atlas_mode:
            self.view_title.setText(tr("Atlas of {0}: each channel's best crop. Click one for its top 9.").format(layer))
            self.atlas.show_atlas(layer, self.sort_box.currentData())
            self.atlas_grid.set_selected(channel)
        else:
            self.view_title.setText(tr("Top 9 of channel {0} of {1}: the crops that excite it most, best first."
                                       ).format(channel, layer))
            if self.atlas.show_top(layer, channel) is not None:
                self.top_grid.set_tiles([], tr("Reading…"))

    def _on_top(self, answer: Any) -> None:
        if answer is None:
            self.top_grid.set_tiles([], tr("No exemplars yet."))
            return
        if (answer.layer, answer.channel) != (self.state.layer, self.panel.channel):
            return
        self.top_grid.set_tiles([top_tile(item) for item in answer.items], tr("No image reached this channel."))

    def _on_atlas(self, answer: Any) -> None:
        if answer is None:
            self.atlas_grid.set_tiles([], tr("No exemplars yet."))
            return
        if answer.layer != self.state.layer:
            return
        self.atlas_grid.set_tiles([atlas_tile(cell) for cell in answer.cells])
        self.atlas_grid.set_selected(self.panel.channel)

    def _on_atlas_click(self, channel: int) -> None:
        self.view_box.setCurrentIndex(self.view_box.findData("top"))
        self.panel.set_channel(channel)

    def _on_progress(self, kind: str, fraction: float, text: str) -> None:
        if kind == "build":
            self.progress.set_progress(fraction, text)
        elif kind == "atlas":
            self.atlas_progress.set_progress(fraction, text)

    def _on_message(self, section: str, text: str) -> None:
        if section == "exemplars":
            show_message(self.message, text)

    def _on_running(self, kind: str, running: bool) -> None:
        if kind == "build":
            self.cancel_button.setEnabled(running)
            self.clear_button.setEnabled(not running)
            if not running:
                self.update_cache_label()
        if kind in ("build", "lookup"):
            self.render_index()

    # ------------------------------------------------------------ cache
    def update_cache_label(self) -> None:
        """Show how much the saved indexes take."""
        used = self.atlas.cache.usage()
        self.cache_label.setText(tr("Saved indexes: {0}").format(megabytes(used)))
        self.cache_label.setToolTip(str(self.atlas.cache.root))

    def clear_cache(self) -> None:
        """Delete every saved index (the one on screen stays until the model changes)."""
        freed = self.atlas.clear_cache()
        self.update_cache_label()
        self.state.show_status(tr("Deleted the saved exemplar indexes ({0}).").format(megabytes(freed)), 5000)

    def set_zoom(self, zoom: float) -> None:
        """Crops grow with the zoom."""
        self.top_grid.set_zoom(zoom)
        self.atlas_grid.set_zoom(zoom)


def index_summary(index: Any) -> str:
    """One line on what an index holds: images used, partial, skipped by reason, grayscale, cached."""
    s = index.state
    skipped = sum(s.skipped.values())
    parts = [tr("{0} images indexed").format(s.done - skipped)]
    if not index.complete:
        parts.append(tr("partial: {0} of {1} visited (Build continues)").format(s.done, index.total))
    if skipped:
        parts.append(tr("skipped {0}: {1} corrupt, {2} too large, {3} unreadable").format(
            skipped, s.skipped.get("corrupt", 0), s.skipped.get("too_large", 0), s.skipped.get("unreadable", 0)))
    if s.grayscale:
        parts.append(tr("{0} grayscale converted to RGB").format(s.grayscale))
    if index.from_cache:
        parts.append(tr("opened from the cache"))
    return " · ".join(parts)


def _inside(crop: Any) -> tuple[int, int, int, int] | None:
    if crop is None or not crop.padded:
        return None
    top, left, _, _ = crop.box
    ct, cl, cb, cr = crop.clipped
    return (ct - top, cl - left, cb - top, cr - left)


def top_tile(item: Any) -> Tile:
    """A tile of one exemplar: its crop, its value, where it comes from."""
    e, crop = item.exemplar, item.crop
    tip = tr("{0}\nvalue {1:.4g} at row {2}, column {3} of the layer's output\n"
             "receptive field: rows {4}…{5}, columns {6}…{7} of the model input").format(
        e.image, e.value, e.y, e.x, e.box[0], e.box[2] - 1, e.box[1], e.box[3] - 1)
    if crop is None:
        tip += "\n" + tr("This image can no longer be read.")
    elif crop.padded:
        tip += "\n" + tr("{0:.0%} of the field lies outside the image (grey checks: padding).").format(
            crop.padded_fraction)
    return Tile(None if crop is None else crop.rgb, f"{e.value:.3g}", tip, e.rank, _inside(crop))


def atlas_tile(cell: Any) -> Tile:
    """A tile of one channel of the atlas: its best crop, its number and best value."""
    import math

    best = cell.best
    crop = best.crop if best is not None else None
    value = "–" if math.isnan(cell.value) else f"{cell.value:.3g}"
    tip = tr("Channel {0}: best value {1}").format(cell.channel, value)
    if best is not None:
        tip += "\n" + best.exemplar.image
    return Tile(None if crop is None else crop.rgb, value, tip, cell.channel, _inside(crop), str(cell.channel))
