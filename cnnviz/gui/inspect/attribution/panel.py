"""The "Why this class?" side panel: several attribution maps side by side, and how far to trust each.

Layout (one vertical scroll, so it fits a narrow side panel at any zoom)::

    [progress ············] [Cancel]
    Methods ▾ (5)   Target [Top class ▾]   [class search]
    CAM layer [Follow the selected layer ▾]   ☑ Over the input
    which layer the CAMs use, and why
    ⚠ messages (errors, what is missing)
    Why "cat"? class 281 · 41 %
    [Maps | Faithfulness | Sanity check | Layer sweep]
      Maps: equal tiles (click one to enlarge), the colour scales, the notes
    [Export grid (PNG)…] [Export scores (CSV)…]

The panel only draws; :class:`~.controller.AttributionController` holds the
choices and runs the jobs, and computes nothing while the panel is hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from cnnviz.gui.i18n import error_text, translate_message
from cnnviz.gui.inspect.attribution.controller import AttributionController, spatial_layers
from cnnviz.gui.inspect.attribution.tiles import (
    SIGNED_COLORMAP,
    UNSIGNED_COLORMAP,
    Swatch,
    Tile,
    TileGrid,
    render_map,
)
from cnnviz.gui.inspect.attribution.trust_views import (
    FaithfulnessView,
    SanityView,
    SweepView,
    method_label,
)
from cnnviz.gui.inspect.common import ImageView, explain_label, tr

if TYPE_CHECKING:
    from cnnviz.gui.inspect.controller import InspectController
    from cnnviz.gui.state import AppState

PAGES = ("maps", "faithfulness", "sanity", "sweep")
WARNING_STYLE = "QLabel { background: #fff3cd; color: #664d03; padding: 4px; border-radius: 4px; }"


def combo(min_chars: int = 8) -> QComboBox:
    """A combo box whose width does not follow its longest item (long layer or class names)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(min_chars)
    box.setMinimumWidth(40)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


class _CurrentStack(QStackedWidget):
    """A stack as tall as its current page (not its tallest one)."""

    def sizeHint(self):  # noqa: N802, ANN201 (Qt naming)
        """The current page's size hint."""
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802, ANN201 (Qt naming)
        """The current page's minimum."""
        w = self.currentWidget()
        return w.minimumSizeHint() if w is not None else super().minimumSizeHint()


class AttributionPanel(QWidget):
    """Side panel of the Inspect tab (key ``attribution``); see the module docstring."""

    def __init__(self, state: AppState, inspect: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.inspect = inspect
        self.controller = AttributionController(state, inspect)
        self.overlay = True
        self.enlarged: str | None = None  # the method shown large, or None for the grid
        self.shown: dict[str, Any] = {}  # method -> the AttributionMap drawn in its tile
        self._class_count = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._build_progress())
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        # the content reflows to the width; only text zoomed past the panel's width needs this bar
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # always on: the tiles reflow with the width, so a bar that comes and goes could make them oscillate
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget()
        self.content_layout = lay = QVBoxLayout(content)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(self._build_choices())
        self.layer_info = explain_label()
        lay.addWidget(self.layer_info)
        self.message = explain_label()
        self.message.setStyleSheet(WARNING_STYLE)
        self.message.hide()
        lay.addWidget(self.message)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lay.addWidget(self.heading)
        self.pages_bar = QTabBar()
        self.pages_bar.setExpanding(False)
        self.pages_bar.setUsesScrollButtons(True)
        self.pages_bar.setElideMode(Qt.TextElideMode.ElideNone)
        for title in (tr("Maps"), tr("Faithfulness"), tr("Sanity check"), tr("Layer sweep")):
            self.pages_bar.addTab(title)
        lay.addWidget(self.pages_bar)
        self.pages = _CurrentStack()
        self.pages.addWidget(self._build_maps_page())
        self.faithfulness = FaithfulnessView()
        self.sanity = SanityView()
        self.sweep = SweepView()
        for view in (self.faithfulness, self.sanity, self.sweep):
            self.pages.addWidget(view)
        self.pages_bar.currentChanged.connect(self._show_page)
        lay.addWidget(self.pages)
        lay.addLayout(self._build_export())
        lay.addStretch(1)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)

        c = self.controller
        c.maps_changed.connect(lambda _: self._draw_maps())
        c.scores_changed.connect(self._on_scores)
        c.sanity_changed.connect(self._on_sanity)
        c.sweep_changed.connect(lambda _: self._draw_sweep())
        c.progress_changed.connect(self._on_progress)
        c.message_changed.connect(lambda _: self._show_messages())
        c.choices_changed.connect(self._sync_choices)
        self.faithfulness.run.button.clicked.connect(lambda: c.run_faithfulness())
        self.sanity.run.button.clicked.connect(lambda: c.run_sanity())
        self.sweep.run.button.clicked.connect(lambda: c.run_sweep(self.sweep.method.currentData() or "gradcam"))
        self.sweep.sig_layer.connect(self.select_layer)
        state.model_changed.connect(lambda _: self._on_model())
        state.layer_changed.connect(lambda _: self._on_layer())
        state.zoom_changed.connect(self._set_zoom)
        inspect.unit_changed.connect(lambda _: self._show_layer_info())
        self._on_model()
        self._sync_choices()
        self._set_zoom(float(getattr(state, "zoom", 1.0) or 1.0))
        self._on_progress(-1.0, "")

    # ------------------------------------------------------------ building
    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop computing the maps and scores"))
        self.cancel_button.clicked.connect(self.controller.cancel_by_user)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        return row

    def _build_choices(self) -> QFormLayout:
        from cnnviz.core.attribution import list_methods

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow panel: labels above their boxes
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.methods_button = QToolButton()
        self.methods_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.methods_button.setToolTip(tr("Which attribution methods to show side by side"))
        menu = QMenu(self.methods_button)
        self.method_boxes: dict[str, QCheckBox] = {}
        family_titles = {"cam": tr("Class activation maps (need a layer)"), "gradient": tr("Gradients of the input"),
                         "perturbation": tr("Perturbation")}
        family = None
        for info in list_methods():
            if info.family != family:
                family = info.family
                menu.addSection(family_titles.get(family, family))
            box = QCheckBox(translate_message(info.label))
            box.setToolTip(tr("{0}\nCost: {1}").format(info.paper, translate_message(info.cost)))
            box.toggled.connect(lambda _=False: self._methods_from_boxes())
            act = QWidgetAction(menu)
            holder = QWidget()
            hl = QHBoxLayout(holder)
            hl.setContentsMargins(8, 2, 8, 2)
            hl.addWidget(box)
            act.setDefaultWidget(holder)
            menu.addAction(act)
            self.method_boxes[info.name] = box
        self.methods_button.setMenu(menu)
        self.target_box = combo(5)
        for text, kind in ((tr("Top class"), "top"), (tr("A class…"), "class"), (tr("Selected unit"), "unit")):
            self.target_box.addItem(text, kind)
        self.target_box.setToolTip(tr("What to explain: the class the model scores highest, a class you pick, "
                                      "or the unit you clicked in the activation maps"))
        self.target_box.activated.connect(lambda _: self._target_from_widgets())
        self.class_box = combo(6)
        self.class_box.setEditable(True)
        self.class_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.class_box.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("Search classes…"))
        completer = QCompleter(self.class_box.model(), self.class_box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.class_box.setCompleter(completer)
        self.class_box.activated.connect(lambda _: self._target_from_widgets())
        completer.activated.connect(lambda _: self._target_from_widgets())
        self.layer_box = combo(5)
        self.layer_box.setToolTip(tr("The layer the CAM methods explain from; by default the layer selected in "
                                     "the tree when its output is a map, else the last convolutional stage"))
        self.layer_box.activated.connect(lambda _: self.controller.set_layer_pin(self.layer_box.currentData()))
        self.overlay_box = QCheckBox(tr("Over the input"))
        self.overlay_box.setChecked(True)
        self.overlay_box.setToolTip(tr("Draw each map over the picture the model sees, or alone"))
        self.overlay_box.toggled.connect(self.set_overlay)
        form.addRow(self.methods_button)
        form.addRow(tr("Explain"), self.target_box)
        form.addRow(self.class_box)
        form.addRow(tr("CAM layer"), self.layer_box)
        form.addRow(self.overlay_box)
        return form

    def _build_maps_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.maps_stack = _CurrentStack()
        self.grid_box = QWidget()  # what "Export grid" saves: the tiles and their colour scales
        gl = QVBoxLayout(self.grid_box)
        gl.setContentsMargins(0, 0, 0, 0)
        self.grid = TileGrid()
        self.grid.sig_clicked.connect(self.enlarge)
        gl.addWidget(self.grid)
        self.legend_unsigned = Swatch(UNSIGNED_COLORMAP, tr("0 → 1: share of the map's strongest value"))
        self.legend_signed = Swatch(SIGNED_COLORMAP, tr("±: −1 → +1, against → for the target"))
        gl.addWidget(self.legend_unsigned)
        gl.addWidget(self.legend_signed)
        self.maps_stack.addWidget(self.grid_box)
        big = QWidget()
        bl = QVBoxLayout(big)
        bl.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(tr("← All maps"))
        self.back_button.clicked.connect(lambda: self.enlarge(None))
        bl.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.big_view = ImageView(title="")
        self.big_view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.big_view.sig_clicked.connect(lambda _y, _x: self.enlarge(None))
        bl.addWidget(self.big_view)
        self.big_notes = explain_label()
        bl.addWidget(self.big_notes)
        self.maps_stack.addWidget(big)
        lay.addWidget(self.maps_stack)
        self.notes = explain_label()
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.notes)
        return page

    def _build_export(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_png_action = menu.addAction(tr("Grid of maps as PNG…"), lambda: self.export_png())
        self.export_csv_action = menu.addAction(tr("Faithfulness scores as CSV…"), lambda: self.export_csv())
        self.export_button.setMenu(menu)
        row.addWidget(self.export_button)
        self.recompute_button = QToolButton()
        self.recompute_button.setText(tr("↻ Again"))
        self.recompute_button.setToolTip(tr("Compute the maps again (after Cancel, or to time them)"))
        self.recompute_button.clicked.connect(lambda: self.controller.refresh(force=True))
        row.addWidget(self.recompute_button)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------ visibility and zoom
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        """Visible: compute what is missing."""
        super().showEvent(event)
        self.controller.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt naming)
        """Hidden: start nothing new (running work finishes)."""
        super().hideEvent(event)
        self.controller.set_active(False)

    def _set_zoom(self, zoom: float) -> None:
        self.grid.set_zoom(zoom)
        self.sweep.set_zoom(zoom)
        self.faithfulness.set_zoom(zoom)
        self.sanity.set_zoom(zoom)
        for legend in (self.legend_unsigned, self.legend_signed):
            legend.refresh()
        self._fit_big_view()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        """The enlarged map stays square."""
        super().resizeEvent(event)
        self._fit_big_view()

    def _fit_big_view(self) -> None:
        width = self.scroll_area.viewport().width() - 8
        self.big_view.setFixedHeight(max(64, width + self.fontMetrics().height() + 8))

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.pages.updateGeometry()

    def show_page(self, key: str) -> None:
        """Bring a page to the front: 'maps', 'faithfulness', 'sanity' or 'sweep'."""
        if key in PAGES:
            self.pages_bar.setCurrentIndex(PAGES.index(key))

    def current_page(self) -> str:
        """The page in front."""
        return PAGES[self.pages.currentIndex()]

    # ------------------------------------------------------------ choices
    def _methods_from_boxes(self) -> None:
        chosen = [name for name, box in self.method_boxes.items() if box.isChecked()]
        self.controller.set_methods(chosen)

    def _target_from_widgets(self) -> None:
        kind = self.target_box.currentData() or "top"
        index = self._class_from_box()
        if kind == "class" and index is None:
            self.class_box.setFocus()
        self.controller.set_target(kind, index)

    def _class_from_box(self) -> int | None:
        text = self.class_box.currentText().strip()
        i = self.class_box.findText(text)
        if i >= 0:
            return int(self.class_box.itemData(i))
        head = text.split("·")[0].strip()
        return int(head) if head.isdigit() and int(head) < max(1, self._class_count) else None

    def _sync_choices(self) -> None:
        """Widgets show the controller's choices (after a lesson or a model switch)."""
        c = self.controller
        for name, box in self.method_boxes.items():
            box.blockSignals(True)
            box.setChecked(name in c.methods)
            box.blockSignals(False)
        self.methods_button.setText(tr("Methods ({0})").format(len(c.methods)))
        self.target_box.setCurrentIndex(max(0, self.target_box.findData(c.target_kind)))
        if c.class_index is not None:
            i = self.class_box.findData(c.class_index)
            if i >= 0:
                self.class_box.setCurrentIndex(i)
            else:
                self.class_box.setEditText(str(c.class_index))
        self.class_box.setVisible(c.target_kind == "class")
        i = self.layer_box.findData(c.layer_pin or "")
        if i < 0 and c.layer_pin:  # a lesson's layer this model may not have: shown, and the core says why
            self.layer_box.addItem(c.layer_pin, c.layer_pin)
            i = self.layer_box.count() - 1
        self.layer_box.setCurrentIndex(max(0, i))
        from cnnviz.core.attribution import method_info

        cams = [m for m in c.methods if method_info(m).family == "cam"]
        if cams:
            j = self.sweep.method.findData(cams[0])
            if j >= 0:
                self.sweep.method.setCurrentIndex(j)
        self._show_layer_info()

    def _on_layer(self) -> None:
        self._show_layer_info()
        self._draw_sweep()  # the selected layer is marked in the strip

    def _on_model(self) -> None:
        """Another model: its classes and its layers in the boxes."""
        session = self.state.model
        self.class_box.blockSignals(True)
        self.class_box.clear()
        names = session.class_names if session is not None else None
        count = len(names) if names else _output_classes(self.inspect.forward, session)
        self._class_count = count
        for i in range(count):
            self.class_box.addItem(f"{i} · {names[i]}" if names else str(i), i)
        self.class_box.setCurrentIndex(-1)
        self.class_box.blockSignals(False)
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        self.layer_box.addItem(tr("Follow the selected layer"), "")
        for key in spatial_layers(session):
            self.layer_box.addItem(key, key)
        self.layer_box.blockSignals(False)
        self._sync_choices()

    def set_overlay(self, on: bool) -> None:
        """Draw the maps over the input (True) or alone."""
        self.overlay = bool(on)
        if self.overlay_box.isChecked() != self.overlay:
            self.overlay_box.setChecked(self.overlay)
        self._draw_maps()
        self._draw_sweep()

    def select_layer(self, key: str) -> None:
        """Select ``key`` in the app (a layer-sweep map was clicked); the CAMs follow it."""
        self.controller.set_layer_pin(None)
        if self.state.model is not None and self.state.model.layer(key) is not None:
            self.state.set_layer(key)

    # ------------------------------------------------------------ drawing
    def _display(self) -> Any:
        image = self.state.image
        return image.display if image is not None and self.overlay else None

    def _flagged(self) -> list[str]:
        return self.sanity.flagged()

    def _draw_maps(self) -> None:
        from cnnviz.core.attribution import method_info

        answer = self.controller.maps
        self.shown = dict(answer.maps) if answer is not None else {}
        flagged = self._flagged()
        display = self._display()
        tiles = []
        for name, amap in self.shown.items():
            info = method_info(name)
            title = translate_message(info.label) + (" ±" if amap.signed else "") + (" ⚠" if name in flagged else "")
            tip = [translate_message(info.label), info.paper, tr("Cost: {0}").format(translate_message(info.cost))]
            if name in flagged:
                tip.append(tr("Sanity check: does not explain the model."))
            tip.extend(amap.notes)
            tiles.append(Tile(name, title, render_map(amap.normalized(), amap.signed, display, self.overlay),
                              "\n".join(tip)))
        self.grid.set_tiles(tiles)
        signed = any(a.signed for a in self.shown.values())
        self.legend_signed.setVisible(signed)
        self.legend_unsigned.setVisible(any(not a.signed for a in self.shown.values()))
        self._show_heading()
        self._show_notes()
        self._show_messages()
        self._show_layer_info()
        if self.enlarged not in self.shown:
            self.enlarge(None)
        else:
            self.enlarge(self.enlarged)
        has_maps = bool(self.shown)
        self.export_png_action.setEnabled(has_maps)
        for b in (self.faithfulness.run.button, self.sanity.run.button):
            b.setEnabled(has_maps)
        self._on_scores(self.controller.scores)

    def enlarge(self, method: str | None) -> None:
        """Show one map large (None: back to the grid)."""
        from cnnviz.core.attribution import method_info

        amap = self.shown.get(method) if method else None
        if method is None or amap is None:
            self.enlarged = None
            self.maps_stack.setCurrentIndex(0)
            self.maps_stack.updateGeometry()
            return
        self.enlarged = method
        info = method_info(method)
        self.big_view.set_title(translate_message(info.label) + (" ±" if amap.signed else ""))
        self.big_view.set_rgb(render_map(amap.normalized(), amap.signed, self._display(), self.overlay))
        lines = [info.paper, tr("Cost: {0}").format(translate_message(info.cost)), *amap.notes]
        scores = self.controller.scores
        if scores is not None and method in scores.scores:
            f = scores.scores[method]
            lines.append(tr("Deletion AUC {0:.3f} · insertion AUC {1:.3f} · average drop {2:.1f} %")
                         .format(f.deletion_auc, f.insertion_auc, f.average_drop))
        self.big_notes.setText("\n".join(lines))
        self._fit_big_view()
        self.maps_stack.setCurrentIndex(1)
        self.maps_stack.updateGeometry()

    def _show_heading(self) -> None:
        answer = self.controller.maps
        t = answer.target if answer is not None else None
        if t is None:
            self.heading.setText("")
            self.heading.hide()
            return
        session = self.state.model
        names = session.class_names if session is not None else None
        if t.class_index is not None and names and t.class_index < len(names):
            text = tr("Why “{0}”? (class {1}, {2:.1%})").format(names[t.class_index], t.class_index,
                                                               t.probability or 0.0)
        elif t.class_index is not None:
            text = tr("Why class {0}? ({1:.1%})").format(t.class_index, t.probability or 0.0)
        else:
            tg = t.target
            text = tr("Why does {0} channel {1} at ({2}, {3}) fire? (activation {4:.3g})").format(
                tg.layer, tg.channel, tg.y, tg.x, t.score)
        self.heading.setText(text)
        self.heading.show()

    def _show_notes(self) -> None:
        lines = []
        session = self.state.model
        if self.shown and session is not None and session.is_random:
            lines.append("⚠ " + _html(tr("Random weights: these maps explain an untrained network, not what it "
                                        "learned.")))
        for name, amap in self.shown.items():
            for note in amap.notes:
                lines.append(f"<b>{method_label(name)}</b>: {_html(note)}")
        for name in self._flagged():
            if name in self.shown:
                lines.append(f"⚠ <b>{method_label(name)}</b>: " + _html(tr("does not explain the model (sanity check).")))
        self.notes.setText("<br>".join(lines))
        self.notes.setVisible(bool(lines))

    def _show_messages(self) -> None:
        """The controller's message and the methods that could not run, each with its reason."""
        c = self.controller
        lines = [c.message] if c.message else []
        answer = c.maps
        if answer is not None and answer.errors:
            reasons = {str(e) for e in answer.errors.values()}
            if len(reasons) == 1 and not answer.maps:
                lines.append(reasons.pop())
            else:
                for name, exc in answer.errors.items():
                    lines.append(f"{method_label(name)}: {error_text(exc)}")
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines))

    def _show_layer_info(self) -> None:
        c = self.controller
        if not c.uses_layer():
            self.layer_info.setText(tr("No chosen method uses a layer."))
            return
        layer, why = c.cam_layer()
        answer = c.maps
        used = answer.layer if answer is not None and answer.request.layer == layer else None
        default = used or tr("the last convolutional stage")
        if why == "pinned":
            text = tr("The CAM methods use {0} (chosen here).").format(layer)
        elif why == "selected":
            text = tr("The CAM methods use {0}, the layer selected in the tree.").format(layer)
        elif why == "not_spatial":
            text = tr("The selected layer {0} has no spatial output, so the CAM methods use {1}.").format(
                self.state.layer, default)
        else:
            text = tr("The CAM methods use {0}.").format(default)
        self.layer_info.setText(text)

    def _on_scores(self, answer: Any) -> None:
        self.faithfulness.set_answer(answer)
        has = answer is not None and bool(answer.scores)
        self.export_csv_action.setEnabled(has)
        self.export_csv_action.setText(tr("Faithfulness scores as CSV…") if has else
                                       tr("Faithfulness scores as CSV (compute them first)"))

    def _on_sanity(self, answer: Any) -> None:
        self.sanity.set_answer(answer)
        self._draw_maps()

    def _draw_sweep(self) -> None:
        self.sweep.set_answer(self.controller.sweep, self._display(), self.overlay, self.state.layer)

    def _on_progress(self, fraction: float, message: str) -> None:
        busy = fraction >= 0
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(int(round(fraction * 1000)))
            self.progress.setFormat(f"{message} %p%" if message else "%p%")

    # ------------------------------------------------------------ export
    def _ask_save(self, title: str, default: str, filt: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, default, filt)
        return path

    def _default_name(self, ext: str) -> str:
        session = self.state.model
        return f"{session.name if session is not None else 'cnnviz'}-attribution.{ext}"

    def export_png(self, path: str | None = None) -> Path | None:
        """Save the grid of maps (with the colour scales) as a PNG."""
        from cnnviz.gui.inspect.export import save_widget_png

        if not self.shown:
            return None
        path = path or self._ask_save(tr("Export maps"), self._default_name("png"), tr("PNG image (*.png)"))
        if not path:
            return None
        self.enlarge(None)  # the grid, not one enlarged map
        return self._guard(lambda: save_widget_png(self.grid_box, path))

    def export_csv(self, path: str | None = None) -> Path | None:
        """Save the faithfulness scores as CSV (the columns of ``cnnviz attribute``'s scores.csv)."""
        from cnnviz.gui.inspect.attribution.export import save_scores_csv

        scores = self.controller.scores
        if scores is None or not scores.scores:
            return None
        path = path or self._ask_save(tr("Export scores"), self._default_name("csv"), tr("CSV (*.csv)"))
        if not path:
            return None
        return self._guard(lambda: save_scores_csv(path, scores.scores))

    def _guard(self, fn: Any) -> Path | None:
        from cnnviz.core.errors import CnnvizError

        try:
            out = fn()
        except CnnvizError as exc:
            self.state.show_error(tr("Export failed"), error_text(exc))
            return None
        self.state.show_status(tr("Saved {0}").format(out), 5000)
        return out

    # ------------------------------------------------------------ the Inspect tab's hooks
    def is_busy(self) -> bool:
        """True while maps or scores are computed (screenshot mode waits for them)."""
        return self.controller.is_busy()

    def shutdown(self) -> None:
        """Cancel every job (the tab is going away)."""
        self.controller.shutdown()

    def lesson_state(self) -> dict[str, Any]:
        """The panel's choices (methods, target, CAM layer, overlay, page) as JSON-ready data."""
        return {**self.controller.choices(), "overlay": self.overlay, "page": self.current_page()}

    def apply_lesson_state(self, data: dict[str, Any]) -> list[str]:
        """Bring back :meth:`lesson_state`; returns what could not be applied, as messages."""
        if not isinstance(data, dict):
            return [tr("The attribution panel's lesson state is not an object; skipped.")]
        problems = self.controller.apply_choices(data)
        if "overlay" in data:
            self.set_overlay(bool(data.get("overlay")))
        page = data.get("page")
        if page in PAGES:
            self.show_page(str(page))
        return problems


def _output_classes(forward: Any, session: Any) -> int:
    """How many classes the model outputs (from the last forward pass), 0 when unknown."""
    out = getattr(forward, "output", None)
    if out is None or session is None or getattr(forward, "session_id", None) != session.session_id:
        return 0
    return int(out.shape[1]) if out.dim() == 2 else 0


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
