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
Its parts: :mod:`.choices_form` (methods, target, CAM layer, overlay),
:mod:`.maps_page` (the grid of tiles or one map enlarged), :mod:`.trust_views`
(the other three pages) and :mod:`.captions` (the texts).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.i18n import translate_message
from cnnviz.gui.inspect.attribution import captions
from cnnviz.gui.inspect.attribution.choices_form import ChoicesForm, output_classes
from cnnviz.gui.inspect.attribution.controller import AttributionController
from cnnviz.gui.inspect.attribution.export_bar import ExportBar, default_name
from cnnviz.gui.inspect.attribution.maps_page import CurrentStack, MapsPage
from cnnviz.gui.inspect.attribution.tiles import render_map
from cnnviz.gui.inspect.attribution.trust_views import FaithfulnessView, SanityView, SweepView
from cnnviz.gui.inspect.common import explain_label, tr
from cnnviz.gui.inspect.export import ask_save, guarded_save

if TYPE_CHECKING:
    from cnnviz.gui.inspect.controller import InspectController
    from cnnviz.gui.state import AppState

PAGES = ("maps", "faithfulness", "sanity", "sweep")
WARNING_STYLE = "QLabel { background: #fff3cd; color: #664d03; padding: 4px; border-radius: 4px; }"


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
        self.choices = ChoicesForm(self.controller)
        # the form's widgets, by the names the panel had before the form was its own class
        self.methods_button, self.method_boxes = self.choices.methods_button, self.choices.method_boxes
        self.target_box, self.class_box = self.choices.target_box, self.choices.class_box
        self.layer_box, self.overlay_box = self.choices.layer_box, self.choices.overlay_box
        self.overlay_box.toggled.connect(self.set_overlay)
        lay.addWidget(self.choices)
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
        self.pages = CurrentStack()
        self.maps_page = MapsPage()
        self.maps_page.grid.sig_clicked.connect(self.enlarge)
        self.maps_page.sig_back.connect(lambda: self.enlarge(None))
        # the page's widgets, by the names the panel had before the page was its own class
        mp = self.maps_page
        self.grid, self.grid_box, self.maps_stack = mp.grid, mp.grid_box, mp.maps_stack
        self.legend_unsigned, self.legend_signed = mp.legend_unsigned, mp.legend_signed
        self.back_button, self.big_view, self.big_notes, self.notes = (mp.back_button, mp.big_view,
                                                                       mp.big_notes, mp.notes)
        self.pages.addWidget(self.maps_page)
        self.faithfulness = FaithfulnessView()
        self.sanity = SanityView()
        self.sweep = SweepView()
        for view in (self.faithfulness, self.sanity, self.sweep):
            self.pages.addWidget(view)
        self.pages_bar.currentChanged.connect(self._show_page)
        lay.addWidget(self.pages)
        self.export_bar = ExportBar(lambda: self.export_png(), lambda: self.export_csv(),
                                    lambda: self.controller.refresh(force=True))
        self.export_button, self.recompute_button = self.export_bar.export_button, self.export_bar.recompute_button
        self.export_png_action = self.export_bar.export_png_action
        self.export_csv_action = self.export_bar.export_csv_action
        lay.addWidget(self.export_bar)
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
        self.maps_page.set_zoom(zoom)
        self.sweep.set_zoom(zoom)
        self.faithfulness.set_zoom(zoom)
        self.sanity.set_zoom(zoom)
        self._fit_big_view()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        """The enlarged map stays square."""
        super().resizeEvent(event)
        self._fit_big_view()

    def _fit_big_view(self) -> None:
        self.maps_page.fit_big_view(self._big_width())

    def _big_width(self) -> int:
        return self.scroll_area.viewport().width() - 8

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
    def _sync_choices(self) -> None:
        """Widgets show the controller's choices (after a lesson or a model switch)."""
        from cnnviz.core.attribution import method_info

        c = self.controller
        self.choices.sync()
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
        names = session.class_names if session is not None else None
        count = len(names) if names else output_classes(self.inspect.forward, session)
        self.choices.set_model(session, names, count)
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
        answer = self.controller.maps
        self.shown = dict(answer.maps) if answer is not None else {}
        self.maps_page.show_maps(self.shown, self._flagged(), self._display(), self.overlay)
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
            self.maps_page.show_grid()
            return
        self.enlarged = method
        title = translate_message(method_info(method).label) + (" ±" if amap.signed else "")
        rgb = render_map(amap.normalized(), amap.signed, self._display(), self.overlay)
        notes = captions.enlarged_notes(method, amap, self.controller.scores)
        self.maps_page.show_enlarged(title, rgb, notes, self._big_width())

    def _show_heading(self) -> None:
        answer = self.controller.maps
        t = answer.target if answer is not None else None
        if t is None:
            self.heading.setText("")
            self.heading.hide()
            return
        session = self.state.model
        self.heading.setText(captions.heading_text(t, session.class_names if session is not None else None))
        self.heading.show()

    def _show_notes(self) -> None:
        session = self.state.model
        random_weights = session is not None and session.is_random
        self.maps_page.show_notes(captions.notes_html(self.shown, self._flagged(), random_weights))

    def _show_messages(self) -> None:
        """The controller's message and the methods that could not run, each with its reason."""
        text = captions.message_text(self.controller.message, self.controller.maps)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_layer_info(self) -> None:
        self.layer_info.setText(captions.layer_info_text(self.controller, self.state.layer))

    def _on_scores(self, answer: Any) -> None:
        self.faithfulness.set_answer(answer)
        self.export_bar.set_scores_ready(answer is not None and bool(answer.scores))

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
    def export_png(self, path: str | None = None) -> Path | None:
        """Save the grid of maps (with the colour scales) as a PNG."""
        from cnnviz.gui.inspect.export import save_widget_png

        if not self.shown:
            return None
        path = path or ask_save(self, tr("Export maps"), default_name(self.state.model, "png"),
                                tr("PNG image (*.png)"))
        if not path:
            return None
        self.enlarge(None)  # the grid, not one enlarged map
        return guarded_save(self.state, lambda: save_widget_png(self.grid_box, path))

    def export_csv(self, path: str | None = None) -> Path | None:
        """Save the faithfulness scores as CSV (the columns of ``cnnviz attribute``'s scores.csv)."""
        from cnnviz.gui.inspect.attribution.export import save_scores_csv

        scores = self.controller.scores
        if scores is None or not scores.scores:
            return None
        path = path or ask_save(self, tr("Export scores"), default_name(self.state.model, "csv"), tr("CSV (*.csv)"))
        if not path:
            return None
        return guarded_save(self.state, lambda: save_scores_csv(path, scores.scores))

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

