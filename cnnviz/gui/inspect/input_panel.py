"""The input image: original and what the model sees, the receptive-field box,
the effective receptive field, and ways to bring in an image."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QGuiApplication,
    QImage,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cnnviz.gui.inspect.common import ImageView, tr
from cnnviz.gui.inspect.controller import InspectController
from cnnviz.gui.inspect.dataset_samples import DatasetSamplesMenu
from cnnviz.gui.inspect.jobs import ImageInput
from cnnviz.gui.inspect.sketch_pad import SketchPadSource
from cnnviz.gui.inspect.webcam import CameraProbe, WebcamLive, camera_label
from cnnviz.gui.state import AppState

#: Coming back to the tab looks for cameras again, at most this often (s).
RESEARCH_AFTER = 5.0
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)"
RF_PEN = QPen(QColor(255, 60, 60), 0)
PAD_PEN = QPen(QColor(255, 200, 0), 0, Qt.PenStyle.DashLine)
#: Lines kept free for the receptive-field text, so the pictures above never jump.
RF_TEXT_LINES = 3


def rf_hint() -> str:
    """The receptive-field text before a unit is clicked."""
    return tr("Click a unit in the activation maps to see what part of the input it sees.")


#: The receptive-field text sits beside the buttons under the pictures only with this many characters a line.
RF_TEXT_MIN_CHARS = 28
#: The pictures' smallest side at zoom 1, in pixels; it grows with the zoom (the back row sees them too).
PICTURE_MIN_PX = 130
#: How much of the zoom the pictures' minimum follows: at 200 % they keep 1.5× it, and the grid below keeps room.
PICTURE_GROWTH = 0.5


def picture_side(zoom: float) -> int:
    """The smallest side of the input pictures (and the channel view) at ``zoom``: it grows slower than the text."""
    return round(PICTURE_MIN_PX * (1.0 + PICTURE_GROWTH * max(0.0, zoom - 1.0)))


class ScrollingText(QTextBrowser):
    """Read-only wrapped text of a fixed height that scrolls when longer (a label that never resizes)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name: widgets swap freely)
        """Show ``text`` (plain text)."""
        self.setPlainText(text)

    def text(self) -> str:
        """The text shown."""
        return self.toPlainText()


def qimage_to_rgb(image: QImage) -> np.ndarray:
    """A QImage as a uint8 (H, W, 3) array."""
    img = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = img.width(), img.height()
    buf = np.frombuffer(img.constBits(), np.uint8, count=img.bytesPerLine() * h)
    return buf.reshape(h, img.bytesPerLine())[:, : w * 3].reshape(h, w, 3).copy()


def rf_notes(rf: Any, rect: Any) -> str:
    """What the box of a unit's field does not show: a field that is not uniform, a unit that sees everything."""
    text = ""
    if not getattr(rf, "uniform", True):
        text += " " + tr("Not uniform: this layer's windows are irregular (adaptive pooling), so units differ; "
                         "the box is this unit's exact field, {0}×{1} px.").format(
            f"{rect.height:g}", f"{rect.width:g}")
    if getattr(rf, "sees_all", False):
        text += " " + tr("It also sees the whole image: a path through global pooling or attention mixes every "
                         "position, so the box is only its local field.")
    return text


class InputPanel(QWidget):
    """Original | model input (with RF box and effective-RF overlay), plus image sources."""

    def __init__(self, state: AppState, controller: InspectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.controller = controller
        self.setAcceptDrops(True)
        self.last_dir = ""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.open_button = QPushButton(tr("Open image…"))
        self.open_button.setToolTip(tr("Open an image file (Ctrl+O). You can also drop a file here or paste (Ctrl+V)."))
        self.open_button.clicked.connect(self.open_dialog)
        self.paste_button = QPushButton(tr("Paste"))
        self.paste_button.setToolTip(tr("Use the image (or image file) on the clipboard (Ctrl+V)."))
        self.paste_button.clicked.connect(self.paste)
        self.samples = QComboBox()
        self.samples.setToolTip(tr("Sample images shipped with cnnviz"))
        self.samples.addItem(tr("Samples…"), None)
        from cnnviz.core.samples import list_samples

        for p in list_samples():
            self.samples.addItem(p.stem, str(p))
        self.samples.activated.connect(self._on_sample)
        # a trained model's validation images are added below the samples (the box keeps its first width)
        self.dataset_samples = DatasetSamplesMenu(state, self.samples, self)
        self._make_webcam()
        self.overlay_box = QComboBox()
        self.overlay_box.addItem(tr("Overlay: effective RF"), "erf")
        self.overlay_box.addItem(tr("Overlay: Grad-CAM"), "cam")
        self.overlay_box.addItem(tr("Overlay: none"), "none")
        self.overlay_box.setToolTip(
            tr("Effective RF: how strongly each input pixel moves the clicked unit (gradient).\n"
               "Grad-CAM: where the selected layer looks for the top class.")
        )
        self.overlay_box.currentIndexChanged.connect(lambda _: self._draw_overlay())
        self.original = ImageView(title=tr("Original"))
        self.sketch = SketchPadSource(state, controller, self.original, before_start=self.stop_webcam, parent=self)
        self.dataset_samples.sig_loaded.connect(
            lambda found: self.sketch.set_dark_background(found.dark_background if found is not None else None))
        self.dataset_samples.sig_loaded.connect(self._show_a_validation_image)
        for w in (self.open_button, self.paste_button, self.samples, self.webcam_button):
            bar.addWidget(w)
        bar.addStretch(1)
        lay.addLayout(bar)

        row = QHBoxLayout()
        self.seen = ImageView(title=tr("Model input"))
        self.seen.setToolTip(
            tr("What the model sees: the preprocessed tensor (resized, cropped, denormalised for display). "
               "Receptive fields are drawn here, in its pixels.")
        )
        row.addWidget(self.sketch.stack, 1)  # the Original picture, or the sketch pad in its place
        row.addWidget(self.seen, 1)
        self._size_pictures(float(state.zoom or 1.0))
        state.zoom_changed.connect(self._size_pictures)
        lay.addLayout(row, 1)
        self.rf_label = ScrollingText(rf_hint())
        self._rf_beside: bool | None = None
        self._reserve_rf_lines()
        # Draw sits under the picture it replaces (and in the toolbar): the sources row is full at 1280 px.
        # The field's text goes beside them where that leaves it room to read, else on a row of its own.
        self.below = QGridLayout()
        self.below.setContentsMargins(0, 0, 0, 0)
        self.below.addWidget(self.sketch.button, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.below.addWidget(self.overlay_box, 0, 1, Qt.AlignmentFlag.AlignTop)
        self.below.setColumnStretch(2, 1)
        self._place_rf_label()
        lay.addLayout(self.below)

        self.crop_box = pg.RectROI([0, 0], [1, 1], movable=False, resizable=False, rotatable=False,
                                   pen=pg.mkPen((255, 255, 255), width=2, style=Qt.PenStyle.DashLine))
        for h in list(self.crop_box.getHandles()):
            self.crop_box.removeHandle(h)
        self.original.view.addItem(self.crop_box)
        self.overlay = pg.ImageItem(axisOrder="row-major")
        self.overlay.setZValue(5)
        self.seen.view.addItem(self.overlay)
        self.rf_outer = pg.QtWidgets.QGraphicsRectItem()
        self.rf_outer.setPen(PAD_PEN)
        self.rf_outer.setZValue(10)
        self.rf_inner = pg.QtWidgets.QGraphicsRectItem()
        pen = QPen(RF_PEN)
        pen.setWidthF(2.5)
        pen.setCosmetic(True)
        self.rf_inner.setPen(pen)
        self.rf_inner.setZValue(11)
        pad = QPen(PAD_PEN)
        pad.setWidthF(2.0)
        pad.setCosmetic(True)
        self.rf_outer.setPen(pad)
        for item in (self.rf_outer, self.rf_inner):
            item.hide()
            self.seen.view.addItem(item)
        self.rf_rect: Any = None  # the core RFRect drawn now
        self._erf: Any = None
        self._cam: Any = None
        self._extra_overlays: dict[str, Callable[[], np.ndarray | None]] = {}

        state.image_changed.connect(self._on_image)
        controller.unit_changed.connect(self._on_unit)
        state.layer_changed.connect(lambda _: self._on_unit(self.controller.unit))
        controller.erf_changed.connect(self._on_erf)
        controller.cam_changed.connect(self._on_cam)

    # ------------------------------------------------------------ webcam
    def _make_webcam(self) -> None:
        """The Webcam toggle (its action also sits in the File menu) and its camera menu."""
        self.camera_index = 0  # the chosen camera (remembered)
        self._start_after_search = False  # the user turned the webcam on while a search ran
        self.probe = CameraProbe(parent=self)
        self.probe.sig_found.connect(self._on_cameras)
        self.live = WebcamLive(self.state, self.controller, self)
        self.live.sig_running.connect(self._on_live_running)
        self.webcam_action = QAction(tr("Live &webcam"), self)
        self.webcam_action.setIconText(tr("Webcam"))
        self.webcam_action.setCheckable(True)
        self.webcam_action.setEnabled(False)
        self.webcam_action.toggled.connect(self._on_webcam_toggled)
        self.camera_menu = QMenu(self)
        self.camera_menu.aboutToShow.connect(self._search_cameras)
        self.camera_group = QActionGroup(self)
        self.camera_group.setExclusive(True)
        self.webcam_button = QToolButton()
        self.webcam_button.setDefaultAction(self.webcam_action)
        self.webcam_button.setMenu(self.camera_menu)
        self.webcam_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.webcam_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._set_webcam_tip(tr("Looking for cameras…"))
        self._fill_camera_menu()

    def start_camera_search(self) -> None:
        """Look for cameras on a worker (never while one is live: it is in use)."""
        if not self.live.active:
            self.probe.search()
            self._fill_camera_menu()

    def _search_cameras(self) -> None:
        self.start_camera_search()

    def _set_webcam_tip(self, text: str) -> None:
        self.webcam_action.setToolTip(text)
        self.webcam_action.setStatusTip(text)
        self.webcam_button.setToolTip(text)

    def _on_cameras(self, cameras: list[Any]) -> None:
        indices = [c.index for c in cameras]
        if indices and self.camera_index not in indices:
            self.camera_index = indices[0]
        self.webcam_action.setEnabled(bool(cameras) or self.live.active)
        self._update_webcam_tip()
        self._fill_camera_menu()
        if self._start_after_search:
            self._start_after_search = False
            if cameras:
                self.live.start(self.camera_index)
            else:
                self._on_live_running(False)

    def _update_webcam_tip(self) -> None:
        cameras = self.probe.cameras or []
        if self.live.active:
            self._set_webcam_tip(tr("Stop the live webcam (the last frame stays loaded)."))
        elif not cameras:
            self._set_webcam_tip(tr(
                "No camera was found, so live webcam input is off. Plug one in: cnnviz looks again "
                "when you come back to this tab."))
        else:
            chosen = next((c for c in cameras if c.index == self.camera_index), cameras[0])
            self._set_webcam_tip(tr(
                "Run the model live on {0}: the activations follow the camera as fast as the model allows. "
                "The arrow picks another camera.").format(camera_label(chosen)))

    def _fill_camera_menu(self) -> None:
        menu = self.camera_menu
        menu.clear()
        for act in self.camera_group.actions():
            self.camera_group.removeAction(act)
        cameras = self.probe.cameras
        if self.probe.searching:
            menu.addAction(tr("Looking for cameras…")).setEnabled(False)
        elif not cameras:
            menu.addAction(tr("No camera found")).setEnabled(False)
        for info in cameras or []:
            act = menu.addAction(camera_label(info))
            act.setCheckable(True)
            act.setChecked(info.index == self.camera_index)
            act.setData(info.index)
            self.camera_group.addAction(act)
            act.triggered.connect(lambda _=False, i=info.index: self.choose_camera(i))

    def choose_camera(self, index: int) -> None:
        """Use camera ``index`` (switching over at once if live)."""
        self.camera_index = index
        self._update_webcam_tip()
        if self.live.active and self.live.index != index:
            self.live.start(index)

    def _on_webcam_toggled(self, on: bool) -> None:
        self._start_after_search = False
        if on and not self.live.active:
            if not self.isVisible():  # started from the File menu on another tab
                self.state.open_tab.emit("inspect")
            if self.probe.searching:  # the search has the camera open: start once it let go
                self._start_after_search = True
                return
            self.live.start(self.camera_index)
        elif not on and self.live.active:
            self.live.stop()

    def _on_live_running(self, running: bool) -> None:
        if self.webcam_action.isChecked() != running:
            self.webcam_action.blockSignals(True)
            self.webcam_action.setChecked(running)
            self.webcam_action.blockSignals(False)
            self.webcam_button.update()
        self.webcam_action.setEnabled(running or bool(self.probe.cameras))
        self._update_webcam_tip()

    def stop_webcam(self, message: str = "") -> bool:
        """Stop live webcam input (the last frame stays); True once the camera is released."""
        if self._start_after_search:
            self._start_after_search = False
            self._on_live_running(False)
        return self.live.stop(message)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Leaving the tab stops the webcam (a minimised window, a spontaneous hide, does not)."""
        if not event.spontaneous() and self.live.active:
            self.live.stop(tr("Webcam stopped: you left the Inspect tab."))
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Coming back to the tab looks for cameras again (someone may have plugged one in)."""
        super().showEvent(event)
        if not event.spontaneous() and self.probe.cameras is not None and \
                time.monotonic() - self.probe.last_search > RESEARCH_AFTER:
            self.start_camera_search()

    # ------------------------------------------------------------ sources
    def open_dialog(self) -> None:
        """Ask for an image file and load it."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Open image"), self.last_dir, tr(IMAGE_FILTER))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Load the image at ``path`` (this ends live webcam input)."""
        self.last_dir = str(Path(path).parent)
        self.stop_webcam()
        self.controller.load_image(ImageInput(path=path, label=Path(path).name))

    def _on_sample(self, index: int) -> None:
        path = self.samples.itemData(index)
        self.samples.setCurrentIndex(0)
        if isinstance(path, ImageInput):  # a validation image of the model's dataset
            self.stop_webcam()
            self.controller.load_image(path)
        elif path:
            self.stop_webcam()
            self.controller.load_image(ImageInput(path=path, label=Path(path).name))

    def _show_a_validation_image(self, found: Any) -> None:
        """A model trained on a dataset: show one of its validation images instead of a stock picture.

        The user's own picture (a file, a drawing, the camera, a lesson's image)
        stays when it was chosen for a model of the same input shape.
        """
        session = self.state.model
        first = self.dataset_samples.first_input()
        if found is None or first is None or session is None or self.sketch.active or self.live.active:
            return
        if self.controller.has_own_image_for(session):
            return
        self.controller.load_image(replace(first, own=False))  # picked by Inspect: the next trained model may replace it

    def load_mime(self, mime: QMimeData) -> bool:
        """Load the first image (file URL, image data or encoded bytes) in ``mime``."""
        for url in mime.urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.stop_webcam()
                self.controller.load_image(ImageInput(array=qimage_to_rgb(image), label=tr("pasted image")))
                return True
        for fmt in ("image/png", "image/jpeg", "image/bmp"):
            if mime.hasFormat(fmt):
                self.stop_webcam()
                self.controller.load_image(ImageInput(data=bytes(mime.data(fmt).data()), label=tr("pasted image")))
                return True
        if mime.hasText() and Path(mime.text().strip()).is_file():
            self.open_path(mime.text().strip())
            return True
        return False

    def paste(self) -> None:
        """Load the image on the clipboard."""
        if not self.load_mime(QGuiApplication.clipboard().mimeData()):
            self.state.show_status(tr("The clipboard holds no image."), 4000)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        if self.load_mime(event.mimeData()):
            event.acceptProposedAction()

    # ------------------------------------------------------------ drawing
    def _size_pictures(self, zoom: float) -> None:
        """Pictures at least :func:`picture_side`: a zoom makes them bigger, never smaller."""
        side = picture_side(zoom)
        for view in (self.original, self.seen, self.sketch.pad):
            view.setMinimumSize(side, side)

    def _place_rf_label(self) -> None:
        """The field's text beside Draw and the overlay box when it gets RF_TEXT_MIN_WIDTH, else under them."""
        used = self.sketch.button.sizeHint().width() + self.overlay_box.sizeHint().width() + 2 * self.below.spacing()
        room = self.width() - used - 12
        beside = room >= self.rf_label.fontMetrics().averageCharWidth() * RF_TEXT_MIN_CHARS
        if beside == self._rf_beside:
            return
        self._rf_beside = beside
        self.below.removeWidget(self.rf_label)
        if beside:
            self.below.addWidget(self.rf_label, 0, 2)
        else:
            self.below.addWidget(self.rf_label, 1, 0, 1, 3)
        self._reserve_rf_lines()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """Re-place the receptive-field text for the new width."""
        super().resizeEvent(event)
        if hasattr(self, "below"):
            self._place_rf_label()

    def _reserve_rf_lines(self) -> None:
        """A fixed height for the receptive-field text: clicking a unit never moves the pictures.

        A longer text than fits (a narrow window, a big zoom) scrolls inside it.
        """
        lines = RF_TEXT_LINES if self._rf_beside is not False else RF_TEXT_LINES - 1  # a full-width row: fewer
        # Laid out, not computed from the font's metrics: Chinese comes from a fallback font with taller
        # lines. The panel's font: on a zoom the text's own font may not have changed yet when this runs.
        sample = QTextDocument()
        sample.setDefaultFont(self.font())
        sample.setDocumentMargin(self.rf_label.document().documentMargin())
        sample.setPlainText("\n".join([rf_hint()] * lines))  # unwrapped: one line each, in this language's glyphs
        self.rf_label.setFixedHeight(int(sample.size().height()) + 2)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        """A zoom (font change) keeps the reserved room in step."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange and hasattr(self, "rf_label"):
            self._reserve_rf_lines()
            if hasattr(self, "below"):
                self._place_rf_label()
        super().changeEvent(event)

    def _on_image(self, prepared: Any) -> None:
        if prepared is None:
            self.original.set_rgb(None)
            self.seen.set_rgb(None)
            return
        # the crop box first: fitting the view to a new image size takes every item's bounds into account
        x0, y0, x1, y1 = prepared.crop_box
        self.crop_box.setPos(QPointF(x0, y0))
        self.crop_box.setSize(QPointF(x1 - x0, y1 - y0))
        self.original.set_rgb(prepared.original)
        self.seen.set_rgb(prepared.display)
        self.crop_box.setToolTip(tr("The part of the original the model sees"))
        raw = self.controller.raw_image
        name = getattr(raw, "name", "") if raw is not None else ""
        h, w = prepared.original.shape[:2]
        ch, cw = prepared.display.shape[:2]
        self.original.set_title(tr("Original ({0}×{1})").format(w, h))
        self.original.setToolTip(
            tr("{0}: the image as loaded, {1}×{2}. The dashed box is the part the model sees.").format(name, w, h)
            if name else tr("The image as loaded. The dashed box is the part the model sees.")
        )
        self.seen.set_title(tr("Model input ({0}×{1})").format(cw, ch))
        self._erf = None
        self._draw_overlay()

    def _on_unit(self, unit: Any) -> None:
        session, image = self.state.model, self.state.image
        self._erf = None
        self.rf_rect = None
        self.rf_inner.hide()
        self.rf_outer.hide()
        self._draw_overlay()
        if unit is None or session is None or image is None or unit.layer != self.state.layer:
            self.rf_label.setText(rf_hint())
            return
        info = session.summary.layer(unit.layer)
        if info.rf is None:
            self.rf_label.setText(tr("{0} has no spatial layout: each value sees the whole image.").format(unit.layer))
            return
        hw = image.display.shape[:2]
        rect = info.rf.rect(unit.y, unit.x, hw)
        self.rf_rect = rect
        # pixel i covers [i, i+1) in the view, so an inclusive range [a, b] spans [a, b+1)
        self.rf_outer.setRect(QRectF(rect.x0, rect.y0, rect.width, rect.height))
        cy0, cx0, cy1, cx1 = rect.clipped
        self.rf_inner.setRect(QRectF(cx0, cy0, cx1 - cx0 + 1, cy1 - cy0 + 1))
        self.rf_inner.show()
        if rect.padded_fraction > 0:
            self.rf_outer.show()
        rf = info.rf

        def n(v: float) -> str:
            return str(int(v)) if float(v).is_integer() else f"{v:g}"

        text = tr(
            "Unit (ch {0}, y {1}, x {2}) of {3}: receptive field {4}×{5} px, jump {6}, start {7}. "
            "Rows {8}…{9}, columns {10}…{11}."
        ).format(
            unit.channel, unit.y, unit.x, unit.layer, n(rf.size[0]), n(rf.size[1]), n(rf.jump[0]), n(rf.start[0]),
            n(rect.y0), n(rect.y1), n(rect.x0), n(rect.x1),
        )
        if rect.padded_fraction > 0:
            text += " " + tr("Dashed yellow: {0:.0%} of it lies in padding (zeros), where the unit sees nothing.").format(
                rect.padded_fraction
            )
        text += rf_notes(rf, rect)
        self.rf_label.setText(text)

    def _on_erf(self, result: Any) -> None:
        self._erf = result
        self._draw_overlay()

    def _on_cam(self, result: Any) -> None:
        self._cam = result
        self._draw_overlay()

    def add_overlay(self, key: str, label: str, provider: Callable[[], np.ndarray | None]) -> None:
        """Offer another overlay: ``provider()`` gives uint8 RGBA at the model input's size, or None (nothing yet).

        The feature calls :meth:`refresh_overlay` when its picture changes.
        """
        self._extra_overlays[key] = provider
        self.overlay_box.addItem(label, key)

    def refresh_overlay(self) -> None:
        """Draw the chosen overlay again (a feature's picture changed)."""
        self._draw_overlay()

    def _draw_overlay(self) -> None:
        from cnnviz.core.attribution.cam import heat_rgba

        mode = self.overlay_box.currentData()
        if mode in self._extra_overlays:
            rgba = self._extra_overlays[mode]()
            if rgba is None:
                self.overlay.clear()
            else:
                self.overlay.setImage(rgba, autoLevels=False, levels=None)  # uint8: shown as it is
            return
        fwd = self.controller.forward
        heat = None
        if mode == "erf" and self._erf is not None and fwd is not None and self._erf.image_id == fwd.image_id:
            heat = self._erf.heat
        elif mode == "cam" and self._cam is not None and fwd is not None and self._cam.image_id == fwd.image_id:
            heat = self._cam.cam.heat
        if heat is None:
            self.overlay.clear()
            return
        self.overlay.setImage(heat_rgba(heat, "inferno"), autoLevels=False, levels=None)  # uint8: shown as it is
