"""AppState: the one object that holds what the user has chosen.

Widgets never talk to each other: they call AppState's setters and react to
its signals. Tabs may add their own state objects, but anything two tabs share
(the current model, image, layer, device, language) lives here.
"""

from __future__ import annotations

import warnings
from typing import Any

from PySide6.QtCore import QObject, Signal


class AppState(QObject):
    """Shared, observable application state."""

    model_changed = Signal(object)
    """A new model session is current (an Inspect ``ModelSession`` or None)."""
    image_changed = Signal(object)
    """A new input image is current (a core ``PreparedImage`` or None)."""
    layer_changed = Signal(str)
    """The selected layer changed (its qualified name, '' for none)."""
    device_changed = Signal(str)
    """The compute device changed ('cpu', 'cuda:0', ...)."""
    status_message = Signal(str, int)
    """A message for the status bar and how long to show it in ms (0: until replaced)."""
    error = Signal(str, str)
    """A user-facing error: a title and a message; the window shows a dialog."""
    busy_changed = Signal(bool)
    """Background work started (True) or all of it ended (False)."""
    open_in_inspect = Signal(object)
    """Another tab asks the Inspect tab to open a model: a dict with name, kwargs, state_dict."""
    open_tab = Signal(str)
    """Ask the window to show a tab by key ('inspect', 'train', 'playground', 'explain')."""
    language_changed = Signal(str)
    """The user-interface language changed ('en' or 'zh')."""
    forward_changed = Signal(object)
    """New activations for the current model and image (an Inspect ``ForwardResult``)."""
    unit_changed = Signal(object)
    """The selected unit changed (an Inspect ``UnitSelection``: layer, channel, y, x; or None)."""
    erf_changed = Signal(object)
    """An effective receptive field was computed for the selected unit (``ErfResult``)."""
    cam_changed = Signal(object)
    """A Grad-CAM map was computed for the selected layer (``CamResult``) or cleared (None)."""
    progress_changed = Signal(float, str)
    """Progress of the current long work: a fraction in [0, 1] and a message; < 0 hides it."""
    colormap_changed = Signal(str)
    """The colormap for activation maps changed (a core.render colormap name)."""
    status_info_changed = Signal()
    """Model, weights or device shown in the status bar changed (read the attributes)."""
    zoom_changed = Signal(float)
    """The presentation zoom changed (1.0 = normal); fonts are already scaled, plots may follow."""
    theme_changed = Signal(str)
    """The colour theme changed ('system', 'light' (high contrast) or 'dark')."""

    def __init__(self) -> None:
        super().__init__()
        self.model: Any = None
        self.image: Any = None
        self.layer: str = ""
        self.device: str = "cpu"
        self.language: str = "en"
        self.raw_image: Any = None  # the image as loaded (core LoadedImage), before preprocessing
        self.forward: Any = None  # activations of model on image (Inspect ForwardResult)
        self.unit: Any = None  # the selected unit (Inspect UnitSelection) or None
        self.colormap: str = "viridis"
        self.zoom: float = 1.0
        self.theme: str = "system"
        self._busy = 0

    def set_model(self, model: Any) -> None:
        """Make ``model`` current and tell everyone."""
        self.model = model
        self.model_changed.emit(model)

    def set_image(self, image: Any) -> None:
        """Make ``image`` current and tell everyone."""
        self.image = image
        self.image_changed.emit(image)

    def set_session(self, model: Any, raw_image: Any, image: Any, forward: Any) -> None:
        """Make a model, its prepared image and their activations current together.

        Every attribute is set before any signal is emitted, so a widget that
        reacts to ``model_changed`` never reads the previous model's image or
        activations.
        """
        model_new = model is not self.model
        image_new = image is not self.image
        self.model, self.raw_image, self.image, self.forward = model, raw_image, image, forward
        # A new image through the same model (the next webcam frame) keeps the
        # clicked unit when it still exists, so its receptive field stays drawn.
        if model_new or not _unit_exists(self.unit, forward):
            self.unit = None
        if model_new:
            self.model_changed.emit(model)
            self.status_info_changed.emit()
        if image_new:
            self.image_changed.emit(image)
        self.unit_changed.emit(self.unit)
        self.forward_changed.emit(forward)

    def set_colormap(self, name: str) -> None:
        """Choose the colormap of activation maps (no signal if unchanged)."""
        if name != self.colormap:
            self.colormap = name
            self.colormap_changed.emit(name)

    def set_unit(self, unit: Any) -> None:
        """Select one unit of a layer's output (or None)."""
        self.unit = unit
        self.unit_changed.emit(unit)

    def announce(self) -> None:
        """Emit the signals of everything current, for listeners connected after it was set.

        New tabs built by a language switch find the model, image and
        activations already here; this makes them draw it, without loading
        anything again (weights handed over in memory would be lost).
        """
        self.model_changed.emit(self.model)
        self.status_info_changed.emit()
        self.image_changed.emit(self.image)
        self.unit_changed.emit(self.unit)
        self.forward_changed.emit(self.forward)
        self.layer_changed.emit(self.layer)

    def set_layer(self, name: str) -> None:
        """Select a layer by qualified name (no signal if unchanged)."""
        if name != self.layer:
            self.layer = name
            self.layer_changed.emit(name)

    def set_device(self, device: str) -> None:
        """Choose the compute device (no signal if unchanged)."""
        if device != self.device:
            self.device = device
            self.device_changed.emit(device)

    def set_language(self, lang: str) -> None:
        """Switch the user-interface language (no signal if unchanged)."""
        if lang != self.language:
            self.language = lang
            self.language_changed.emit(lang)

    def set_zoom(self, zoom: float) -> None:
        """Record the presentation zoom the window applied (no signal if unchanged)."""
        if zoom != self.zoom:
            self.zoom = zoom
            self.zoom_changed.emit(zoom)

    def set_theme(self, name: str) -> None:
        """Record the colour theme the window applied (no signal if unchanged)."""
        if name != self.theme:
            self.theme = name
            self.theme_changed.emit(name)

    def disconnect_listeners(self) -> None:
        """Drop every connection to this object's signals.

        The window calls this when it rebuilds every tab (a language switch):
        a tab's lambdas stay connected after the tab is deleted and would call
        into dead widgets. The window then reconnects its own slots, and the
        new tabs connect theirs as they are built.
        """
        meta = self.metaObject()
        # From QObject's own methods on, not meta.methodOffset(): once a Python
        # method of this object is connected as a slot, PySide gives it a
        # dynamic meta-object whose offset lies past every signal declared here.
        for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount()):
            method = meta.method(i)
            if method.methodType() != method.MethodType.Signal:
                continue
            name = bytes(method.name().data()).decode()
            signal = getattr(self, name, None)
            if signal is not None and self.receivers("2" + bytes(method.methodSignature().data()).decode()) > 0:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)
                    signal.disconnect()

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """Show ``text`` in the status bar."""
        self.status_message.emit(text, timeout_ms)

    def show_error(self, title: str, message: str) -> None:
        """Report a user-facing error (the window shows it; nothing is lost)."""
        self.error.emit(title, message)

    def push_busy(self) -> None:
        """Count one more piece of background work."""
        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)

    def pop_busy(self) -> None:
        """Count one piece of background work as ended."""
        self._busy = max(0, self._busy - 1)
        if self._busy == 0:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        """True while any background work counted with push_busy runs."""
        return self._busy > 0


def _unit_exists(unit: Any, forward: Any) -> bool:
    """True when ``unit`` (layer, channel, y, x) indexes into ``forward``'s captured outputs."""
    if unit is None or forward is None:
        return False
    out = getattr(forward, "layers", {}).get(getattr(unit, "layer", None))
    if out is None or out.dim() < 4:
        return False
    _, c, h, w = out.shape[:4]
    return 0 <= unit.channel < c and 0 <= unit.y < h and 0 <= unit.x < w
